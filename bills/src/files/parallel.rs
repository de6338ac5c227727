//! [`BillFiles::read_parallel`] and its threads: one walks the input
//! ahead and hands on jobs in order, `jobs` threads read them into parts,
//! and the calling thread hands the parts on in input order, as many
//! waiting as a budget allows.

use core::num::NonZeroUsize;
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::vec::Vec;

use super::pieces::{
    Buffers, LONGEST_CUT_BYTES, Parsers, Piece, Rest, SharedFile, byte_order_mark, failed, fill,
    read_piece,
};
use super::split::{Received, RecordEnds};
#[cfg(feature = "zip")]
use super::units::open_archive;
use super::units::{Cache, Source, Unit, read_unit};
use super::{BillFiles, Counts, ErrorPolicy, Flow, Item, lock};
use crate::{Encoding, LocatedError, Location, Problem};

/// Parts of the files and members after the one being handed on that may
/// be ready and waiting, all together (65,536 items by default): room
/// enough for a thread to read two whole files ahead while a slower one
/// (an archive member it decompresses) is handed on, bounded whatever the
/// size of the input. (The run that found half as many slower may have
/// timed one binary twice: BENCHMARKS.md, "`against` compared a build with
/// itself".)
const PARTS_AHEAD: usize = 64;

/// Parts of the file or member being handed on that may be waiting beside
/// those.
const PARTS_AT_FRONT: usize = 2;

/// A bill file or archive member of at most this many pieces is read
/// whole by the thread that decodes it (which opens it, or decompresses
/// it): the thread that reads ahead then does next to nothing for a set of
/// small files, and the threads that decode read them side by side.
/// Larger ones are cut. Four pieces (about 30,000 records) are half what
/// the parts waiting may hold ([`PARTS_AHEAD`]), so that a thread reading
/// one or two ahead seldom waits for room.
const WHOLE_PIECES: usize = 4;

/// The bytes of the rest of a bill file read on one thread are handed on
/// in chunks of this size.
#[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
const STREAM_CHUNK_BYTES: usize = 64 * 1024;

impl<W> BillFiles<W> {
    /// Reads the files on `jobs` threads, and returns what it met, exactly
    /// as [`read`](Self::read) would.
    ///
    /// One more thread walks the input ahead, in order: it walks the
    /// directories and lists the archives, and hands on each bill file or
    /// member as jobs, in order, to the `jobs` threads. A file or member of
    /// at most 4 MiB is one job: the thread that takes it opens it (or
    /// decompresses it, beside the other members) and decodes it whole. A
    /// larger file is a job per piece of whole records of about 1 MiB: the
    /// thread that takes the job reads the next piece (while it holds the
    /// jobs, so that pieces are cut in the order of their jobs), counts
    /// its lines, and decodes it beside the others. So a large file is
    /// read on every thread, each byte copied once, by the thread that
    /// decodes it. A larger member is decompressed ahead by the walking
    /// thread and cut into pieces there. A piece ends where a record ends:
    /// at a line end outside quotes, found as csv's parser reads quotes (a
    /// field that starts with `"` is quoted, `""` inside it is a quote),
    /// so that a quoted field may hold line ends. Where no record ends in
    /// 4 MiB (a quoted field that long, or a file that is not a bill
    /// file), the rest of that file is read as it comes, on one thread. A
    /// file read with [`Encoding::Auto`] is not cut (its first records
    /// decide its encoding): each such file or member is read whole by one
    /// thread.
    ///
    /// Each piece is read in parts of up to 1,024 items (or as many as
    /// [`part_items`](Self::part_items) says). A part starts as
    /// `part()`, and `visit` adds each of its items to it on the thread
    /// that reads it; `emit` then gets every part on the calling thread,
    /// in input order, takes what it holds, and leaves it empty, as
    /// `part()` makes it: parts are used again (with the room they grew),
    /// so that the threads do not allocate and free as they go. So
    /// whatever `visit` writes into the parts, `emit` puts together as one
    /// thread reading the files in order would have written it, line
    /// numbers included, and [`ErrorPolicy::Stop`] stops after the first
    /// problem in input order, the parts after it never handed on. With
    /// one job no thread is started and nothing is cut.
    ///
    /// Memory stays bounded, whatever the size of the input: a thread
    /// waits while 64 parts (65,536 items, by default) of the pieces after
    /// the one being handed on wait, or 2 more of that one; at most
    /// `2 × jobs` pieces are read ahead of it.
    ///
    /// # Errors
    ///
    /// An `Err` of `visit` or `emit` stops the reading and is returned
    /// (the first in input order). Bad input is never an `Err`: it is an
    /// [`Item::Problem`], counted.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use cec_bills::{BillFiles, Item};
    ///
    /// let dir = std::env::temp_dir().join(format!("cec-bills-parallel-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let row = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1\n";
    /// for name in ["a.csv", "b.csv", "c.csv"] {
    ///     std::fs::write(dir.join(name), row.repeat(1000))?;
    /// }
    ///
    /// // Each part becomes a list of lines, and the lines are put together in order.
    /// let mut lines = Vec::new();
    /// let counts = BillFiles::new([&dir])
    ///     .read_parallel(
    ///         NonZeroUsize::new(2).unwrap(),
    ///         Vec::new,
    ///         |part: &mut Vec<String>, item| {
    ///             if let Item::Record(record) = item {
    ///                 part.push(record.location().to_string());
    ///             }
    ///             Ok::<_, std::convert::Infallible>(())
    ///         },
    ///         |part: &mut Vec<String>| {
    ///             lines.append(part);
    ///             Ok(())
    ///         },
    ///     )
    ///     .unwrap();
    /// assert_eq!(counts.records, 3000);
    /// assert!(lines[0].ends_with("a.csv:1") && lines[2999].ends_with("c.csv:1000"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn read_parallel<R, T, E>(
        mut self,
        jobs: NonZeroUsize,
        part: impl Fn() -> T + Sync,
        visit: impl Fn(&mut T, Item<'_>) -> Result<(), E> + Sync,
        mut emit: impl FnMut(&mut T) -> Result<(), E>,
    ) -> Result<Counts, E>
    where
        W: Fn(&Path, File) -> R + Sync,
        R: Read + Seek + Send,
        T: Send,
        E: Send,
    {
        let (policy, encoding, part_items) = (self.policy, self.encoding, self.part_items);
        if jobs.get() == 1 {
            // The same parts, on this thread.
            let mut counts = Counts::default();
            let mut source = Source::new(self.paths);
            let mut cache = None;
            while let Some(unit) = source.next(&mut self.wrap) {
                counts.files += u64::from(unit.begins_file());
                let mut current = part();
                let mut items = 0;
                let flow = read_unit(unit, encoding, &mut self.wrap, &mut cache, &mut |item| {
                    let flow = counts.count(&item, policy);
                    visit(&mut current, item)?;
                    items += 1;
                    if items == part_items {
                        emit(&mut current)?;
                        items = 0;
                    }
                    Ok(flow)
                })?;
                emit(&mut current)?;
                if flow == Flow::Stop {
                    counts.stopped = true;
                    break;
                }
            }
            return Ok(counts);
        }
        let cancelled = AtomicBool::new(false);
        let budget = Budget::new();
        let spare = Mutex::new(Vec::new());
        let buffers = Mutex::new(Vec::new());
        let parsers = Mutex::new(Vec::new());
        let (order, units) = sync_channel(2 * jobs.get());
        let (work, jobs_waiting) = channel();
        let jobs_waiting = Mutex::new(jobs_waiting);
        let shared = Shared {
            jobs: &jobs_waiting,
            cancelled: &cancelled,
            budget: &budget,
            spare: &spare,
            buffers: &buffers,
            parsers: &parsers,
            piece_bytes: self.piece_bytes,
            part_items,
            wrap: &self.wrap,
            part: &part,
            visit: &visit,
            policy,
            encoding,
        };
        let producer = Producer {
            wrap: &self.wrap,
            encoding,
            piece_bytes: self.piece_bytes,
            cancelled: &cancelled,
            buffers: &buffers,
            order,
            work,
            taken: 0,
        };
        let paths = self.paths;
        std::thread::scope(|scope| {
            scope.spawn(move || producer.run(paths));
            for _ in 0..jobs.get() {
                scope.spawn(move || shared.work());
            }
            let result = hand_on(units, &budget, &spare, &mut emit);
            // Whatever ended the run, the threads stop at their next item.
            cancelled.store(true, Ordering::Relaxed);
            budget.cancel();
            result
        })
    }
}

/// Receives the parts of each file or member in input order and hands
/// them to `emit`, adding up their counts, until the input ends, a part
/// stops the run or something fails. Returning drops the receivers, which
/// ends every thread still sending.
fn hand_on<T, E>(
    units: Receiver<Receiver<Message<T, E>>>,
    budget: &Budget,
    spare: &Mutex<Vec<T>>,
    emit: &mut impl FnMut(&mut T) -> Result<(), E>,
) -> Result<Counts, E> {
    let mut counts = Counts::default();
    for (unit, parts) in units.into_iter().enumerate() {
        budget.set_front(unit);
        for message in parts {
            match message {
                Message::Part {
                    mut value,
                    counts: part,
                    permit,
                } => {
                    counts.add(&part);
                    emit(&mut value)?;
                    lock(spare).push(value);
                    budget.release(permit);
                    if part.stopped {
                        return Ok(counts);
                    }
                }
                Message::Failed(error) => return Err(error),
            }
        }
    }
    Ok(counts)
}

/// What a thread sends of a file or member: its parts in order, each with
/// its room in the [`Budget`], then, if `visit` failed, the error.
enum Message<T, E> {
    Part {
        value: T,
        counts: Counts,
        permit: Permit,
    },
    Failed(E),
}

/// How many parts may wait to be handed on: [`PARTS_AHEAD`] of any file
/// or member, and [`PARTS_AT_FRONT`] more of the one being handed on, so
/// that its thread can always go on (the others wait for room, never it).
struct Budget {
    state: Mutex<BudgetState>,
    changed: Condvar,
}

struct BudgetState {
    ahead: usize,
    at_front: usize,
    /// The file or member being handed on, by its place in the input.
    front: usize,
    cancelled: bool,
}

/// The room one part takes.
#[derive(Debug, Clone, Copy)]
enum Permit {
    Ahead,
    AtFront,
}

impl Budget {
    fn new() -> Self {
        Self {
            state: Mutex::new(BudgetState {
                ahead: PARTS_AHEAD,
                at_front: PARTS_AT_FRONT,
                front: 0,
                cancelled: false,
            }),
            changed: Condvar::new(),
        }
    }

    fn state(&self) -> MutexGuard<'_, BudgetState> {
        lock(&self.state)
    }

    /// Waits for room for a part of the file or member `unit`; `None` once
    /// the run has ended.
    fn acquire(&self, unit: usize) -> Option<Permit> {
        let mut state = self.state();
        loop {
            if state.cancelled {
                return None;
            }
            if state.ahead > 0 {
                state.ahead -= 1;
                return Some(Permit::Ahead);
            }
            if state.front == unit && state.at_front > 0 {
                state.at_front -= 1;
                return Some(Permit::AtFront);
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// A part handed on gives its room back.
    fn release(&self, permit: Permit) {
        let mut state = self.state();
        match permit {
            Permit::Ahead => state.ahead += 1,
            Permit::AtFront => state.at_front += 1,
        }
        drop(state);
        self.changed.notify_all();
    }

    /// `unit` is now the file or member being handed on.
    fn set_front(&self, unit: usize) {
        self.state().front = unit;
        self.changed.notify_all();
    }

    /// The run has ended: no one waits for room any more.
    fn cancel(&self) {
        self.state().cancelled = true;
        self.changed.notify_all();
    }
}

/// What one thread of [`BillFiles::read_parallel`] reads: a piece of the
/// input in order (its place), what to read, and where its parts go.
struct Job<R, T, E> {
    index: usize,
    task: Task<R>,
    parts: Sender<Message<T, E>>,
}

/// What a thread reads.
enum Task<R> {
    /// A piece of the input read as a whole (a file or member read with
    /// [`Encoding::Auto`], whose encoding its first records decide).
    Unit(Unit<R>),
    /// Whole records of a bill file, cut by the producer.
    Piece(Piece<R>),
    /// The next piece of a large bill file, which the thread that takes
    /// the job cuts itself.
    Share(Arc<SharedFile<R>>),
    /// Nothing: a [`Task::Share`] taken after its file's end.
    Done,
    /// A file or member that cannot be opened.
    Problem {
        problem: LocatedError,
        begins_file: bool,
    },
}

/// The thread of [`BillFiles::read_parallel`] that walks the input ahead,
/// in order: it walks the directories, lists the archives, and hands on
/// the jobs: a small file or member whole, a large file as a job per piece
/// (cut by the thread that takes it, [`SharedFile`]), a large member
/// decompressed here and cut into pieces of whole records with their
/// first line.
struct Producer<'s, W, T, E, R> {
    wrap: &'s W,
    encoding: Encoding,
    piece_bytes: usize,
    cancelled: &'s AtomicBool,
    /// The bytes of pieces read, given back to be read into again.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
    buffers: &'s Buffers,
    /// Where each job's parts will come from, in input order.
    order: SyncSender<Receiver<Message<T, E>>>,
    work: Sender<Job<R, T, E>>,
    /// How many jobs were handed on.
    taken: usize,
}

impl<W, T, E, R> Producer<'_, W, T, E, R>
where
    W: Fn(&Path, File) -> R,
    R: Read + Seek,
{
    fn run(mut self, paths: Vec<PathBuf>) {
        let wrap = self.wrap;
        let mut wrap = |path: &Path, file| wrap(path, file);
        let mut source = Source::new(paths);
        #[cfg_attr(not(feature = "zip"), allow(unused_mut, unused_variables))]
        let mut cache: Cache<R> = None;
        while let Some(unit) = source.next(&mut wrap) {
            let going = match unit {
                // Each record may decide the encoding: read as a whole.
                unit if self.encoding == Encoding::Auto => self.hand_on(Task::Unit(unit)),
                Unit::Bill(path) => match File::open(&path) {
                    // A small file is read by the thread that decodes it.
                    Ok(file) if file.metadata().is_ok_and(|file| file.len() <= self.whole()) => {
                        drop(file);
                        self.hand_on(Task::Unit(Unit::Bill(path)))
                    }
                    Ok(file) => {
                        let file = Arc::new(SharedFile::new(&path, wrap(&path, file)));
                        // A job per piece, until the threads have read it
                        // all (a few jobs after its end find nothing).
                        loop {
                            if file.is_done() {
                                break true;
                            }
                            if !self.hand_on(Task::Share(Arc::clone(&file))) {
                                break false;
                            }
                        }
                    }
                    Err(error) => {
                        let problem = LocatedError::new(Location::new(&path), Problem::Open(error));
                        self.hand_on(Task::Problem {
                            problem,
                            begins_file: true,
                        })
                    }
                },
                #[cfg(feature = "zip")]
                Unit::Member {
                    path,
                    index,
                    name,
                    first,
                    archive,
                } => {
                    let location = Location::new(&path).with_member(&name);
                    let opened = match (archive, cache.take()) {
                        (Some(archive), _) => Ok(archive),
                        (None, Some((cached, archive))) if cached == path => Ok(archive),
                        (None, _) => open_archive(&path, &mut wrap)
                            .map_err(|error| LocatedError::new(location, error.into_problem())),
                    };
                    let problem = |problem| Task::Problem {
                        problem,
                        begins_file: first,
                    };
                    match opened {
                        Ok(mut archive) => {
                            // A small member is decompressed by the
                            // thread that decodes it, beside the others.
                            let whole =
                                archive.size(index).is_some_and(|size| size <= self.whole());
                            let going = if whole {
                                self.hand_on(Task::Unit(Unit::Member {
                                    path: path.clone(),
                                    index,
                                    name: name.clone(),
                                    first,
                                    archive: None,
                                }))
                            } else {
                                match archive.bytes(index) {
                                    Ok(input) => self.cut(&path, Some(&name), first, input),
                                    Err(error) => self.hand_on(problem(LocatedError::new(
                                        location,
                                        Problem::Archive(error),
                                    ))),
                                }
                            };
                            cache = Some((path, archive));
                            going
                        }
                        Err(error) => self.hand_on(problem(error)),
                    }
                }
                unit => self.hand_on(Task::Unit(unit)),
            };
            if !going {
                return;
            }
        }
    }

    /// The size of the largest bill file (or member, decompressed) read
    /// whole by the thread that decodes it.
    const fn whole(&self) -> u64 {
        (WHOLE_PIECES * self.piece_bytes) as u64
    }

    /// Hands `task` on to the threads; `false` once the run has ended.
    fn hand_on(&mut self, task: Task<R>) -> bool {
        if self.cancelled.load(Ordering::Relaxed) {
            return false;
        }
        let (parts, receiver) = channel();
        // Waits while the jobs before are many: what is read ahead is
        // bounded.
        if self.order.send(receiver).is_err() {
            return false;
        }
        let index = self.taken;
        self.taken += 1;
        self.work.send(Job { index, task, parts }).is_ok()
    }

    /// Reads the bill file `path` (or its member `member`) from `input`,
    /// and hands it on in pieces of whole records; `false` once the run
    /// has ended.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
    fn cut(
        &mut self,
        path: &Path,
        member: Option<&str>,
        begins_file: bool,
        mut input: impl Read,
    ) -> bool {
        let mut ends = RecordEnds::default();
        let mut buffer = self.buffer();
        let mut piece = Piece::first(path, member, begins_file);
        // What was read, what of it was scanned for record ends, and where
        // the first piece's records start (after a byte order mark).
        let mut filled = 0;
        let mut scanned = 0;
        let mut start = 0;
        loop {
            let result = fill(&mut input, &mut buffer, &mut filled, self.piece_bytes);
            if piece.first && scanned == 0 {
                start = byte_order_mark(self.encoding, &buffer[..filled]);
                scanned = start;
            }
            let end = match result {
                Ok(false) => ends
                    .scan(&buffer[start..filled], scanned - start)
                    .map(|end| start + end),
                Ok(true) => {
                    // The end of the input: the rest is the last piece.
                    if filled == 0 && !piece.first {
                        self.give_back(buffer);
                        return true;
                    }
                    return self.hand_on_piece(&mut piece, buffer, filled, start, None);
                }
                Err(error) => {
                    let rest = Some(failed(error));
                    return self.hand_on_piece(&mut piece, buffer, filled, start, rest);
                }
            };
            scanned = filled;
            match end {
                Some(end) => {
                    // What follows the record end starts the next piece.
                    let mut next = self.buffer();
                    let rest = filled - end;
                    if next.len() < rest {
                        next.resize(rest, 0);
                    }
                    next[..rest].copy_from_slice(&buffer[end..filled]);
                    let bytes = core::mem::replace(&mut buffer, next);
                    if !self.hand_on_piece(&mut piece, bytes, end, start, None) {
                        return false;
                    }
                    filled = rest;
                    scanned = rest;
                    start = 0;
                }
                // A record (or quoted field) as long as a few pieces: the
                // rest of the file is read as it comes, on one thread.
                None if filled >= LONGEST_CUT_BYTES.max(self.piece_bytes) => {
                    return self.stream(&mut piece, buffer, filled, start, input);
                }
                None => {}
            }
        }
    }

    /// A buffer to read a piece into: one given back, or a new one.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
    fn buffer(&self) -> Vec<u8> {
        lock(self.buffers)
            .pop()
            .unwrap_or_else(|| vec![0; 2 * self.piece_bytes])
    }

    #[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
    fn give_back(&self, buffer: Vec<u8>) {
        lock(self.buffers).push(buffer);
    }

    /// Hands on `bytes[..len]` as the next piece (`start` bytes of it a
    /// byte order mark), then `rest` if given; readies `piece` for the one
    /// after.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
    fn hand_on_piece(
        &mut self,
        piece: &mut Piece<R>,
        bytes: Vec<u8>,
        len: usize,
        start: usize,
        rest: Option<Rest<R>>,
    ) -> bool {
        let piece = piece.cut_off(bytes, len, start, rest);
        self.hand_on(Task::Piece(piece))
    }

    /// Hands on `bytes[..len]` as the next piece, and the rest of `input`
    /// as it is read, to the thread that reads the piece.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
    fn stream(
        &mut self,
        piece: &mut Piece<R>,
        bytes: Vec<u8>,
        len: usize,
        start: usize,
        mut input: impl Read,
    ) -> bool {
        let (chunks, rest) = sync_channel(4);
        let rest = Some(Rest::Chunks(Received::new(rest)));
        if !self.hand_on_piece(piece, bytes, len, start, rest) {
            return false;
        }
        loop {
            let mut chunk = vec![0; STREAM_CHUNK_BYTES];
            match input.read(&mut chunk) {
                Ok(0) => return true,
                Ok(read) => {
                    chunk.truncate(read);
                    if chunks.send(Ok(chunk)).is_err() {
                        return false;
                    }
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    let _ = chunks.send(Err(error));
                    return true;
                }
            }
        }
    }
}

/// What the threads of [`BillFiles::read_parallel`] that decode share.
struct Shared<'s, W, T, P, V, R, E> {
    /// The jobs the producer handed on, in order.
    jobs: &'s Mutex<Receiver<Job<R, T, E>>>,
    cancelled: &'s AtomicBool,
    budget: &'s Budget,
    /// Parts handed on, emptied, to be used again.
    spare: &'s Mutex<Vec<T>>,
    buffers: &'s Buffers,
    parsers: &'s Parsers,
    piece_bytes: usize,
    part_items: usize,
    wrap: &'s W,
    part: &'s P,
    visit: &'s V,
    policy: ErrorPolicy,
    encoding: Encoding,
}

impl<W, T, P, V, R, E> Clone for Shared<'_, W, T, P, V, R, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<W, T, P, V, R, E> Copy for Shared<'_, W, T, P, V, R, E> {}

impl<R, W, T, P, E, V> Shared<'_, W, T, P, V, R, E>
where
    R: Read + Seek,
    W: Fn(&Path, File) -> R,
    P: Fn() -> T,
    V: Fn(&mut T, Item<'_>) -> Result<(), E>,
{
    /// One thread: takes the next job, reads it into parts, and sends
    /// them, until the input ends or the run stops (then it drops the
    /// jobs still waiting, so that the producer stops too).
    fn work(self) {
        let mut wrap = |path: &Path, file| (self.wrap)(path, file);
        let mut cache = None;
        loop {
            let job = {
                let jobs = lock(self.jobs);
                let Ok(mut job) = jobs.recv() else {
                    return;
                };
                // A piece of a shared file is cut while the jobs are
                // held: the pieces are cut in the order of their jobs.
                if let Task::Share(file) = &job.task
                    && !self.cancelled.load(Ordering::Relaxed)
                {
                    job.task = file
                        .next_piece(self.buffers, self.piece_bytes, self.encoding)
                        .map_or(Task::Done, Task::Piece);
                }
                job
            };
            if self.cancelled.load(Ordering::Relaxed) {
                continue;
            }
            let Job { index, task, parts } = job;
            let send = |parts: &Sender<Message<T, E>>, value, counts| {
                let Some(permit) = self.budget.acquire(index) else {
                    return false;
                };
                let message = Message::Part {
                    value,
                    counts,
                    permit,
                };
                parts.send(message).is_ok()
            };
            let mut counts = Counts {
                files: u64::from(task.begins_file()),
                ..Counts::default()
            };
            let new_part = || lock(self.spare).pop().unwrap_or_else(self.part);
            let mut current = new_part();
            let mut items = 0;
            let mut gone = false;
            let mut visit = |item: Item<'_>| {
                let flow = counts.count(&item, self.policy);
                (self.visit)(&mut current, item)?;
                items += 1;
                if items == self.part_items {
                    items = 0;
                    let value = core::mem::replace(&mut current, new_part());
                    let counts = core::mem::take(&mut counts);
                    if !send(&parts, value, counts) || self.cancelled.load(Ordering::Relaxed) {
                        gone = true;
                        return Ok(Flow::Stop);
                    }
                }
                Ok(flow)
            };
            let read = match task {
                Task::Unit(unit) => {
                    read_unit(unit, self.encoding, &mut wrap, &mut cache, &mut visit)
                }
                Task::Piece(piece) => {
                    let room = (self.buffers, self.parsers);
                    read_piece(piece, self.encoding, room, &mut visit)
                }
                Task::Problem { problem, .. } => visit(Item::Problem(problem)),
                Task::Share(_) | Task::Done => Ok(Flow::Continue),
            };
            match read {
                Ok(_) if gone => {}
                Ok(flow) => {
                    // After a stop the run ends, and the jobs after are
                    // dropped.
                    counts.stopped = flow == Flow::Stop;
                    let _ = send(&parts, current, counts);
                }
                Err(error) => {
                    let _ = parts.send(Message::Failed(error));
                }
            }
        }
    }
}

impl<R> Task<R> {
    /// Whether reading it begins a file (a zip archive counts once).
    fn begins_file(&self) -> bool {
        match self {
            Self::Unit(unit) => unit.begins_file(),
            Self::Piece(piece) => piece.begins_file,
            Self::Problem { begins_file, .. } => *begins_file,
            // Cut into a piece before it is read.
            Self::Share(_) | Self::Done => false,
        }
    }
}
