//! [`BillFiles::read_parallel`] and its threads: `jobs` threads each
//! claim the next job of the input in order (walking it as they go), read
//! it into parts, and hand the parts to the calling thread, which hands
//! them on in input order, as many waiting as a budget allows.

use core::num::NonZeroUsize;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{Read, Seek};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::vec::Vec;

use super::pieces::{Buffers, CutFile, Input, Parsers, Piece, read_piece};
#[cfg(feature = "zip")]
use super::units::open_archive;
use super::units::{Cache, Source, Unit, read_unit};
use super::{BillFiles, Counts, ErrorPolicy, Flow, Item, lock};
#[cfg(feature = "zip")]
use crate::archive::Taken;
use crate::{Encoding, LocatedError, Location, Problem};

/// Parts of the jobs after the one being handed on that may be ready and
/// waiting, all together, for each thread (16,384 items by default): room
/// for a thread to read about two pieces ahead (a piece of records as JSON
/// lines is about nine parts) while a slower one is handed on, or a whole
/// small file, bounded whatever the size of the input. It is all the
/// memory a run may take when one thread is kept from running: 32 parts of
/// JSON lines on two threads are about 22 MiB (64 let a run beside other
/// busy processes reach 68.6 MiB: BENCHMARKS.md, "Threads that claim their
/// jobs").
const PARTS_AHEAD_PER_THREAD: usize = 16;

/// Parts of the file or member being handed on that may be waiting beside
/// those.
const PARTS_AT_FRONT: usize = 2;

impl<W> BillFiles<W> {
    /// Reads the files on `jobs` threads, and returns what it met, exactly
    /// as [`read`](Self::read) would.
    ///
    /// The `jobs` threads take the input a job at a time, in order: a
    /// thread that is free claims the next job, walking the directories and
    /// listing the archives as it goes, while it holds the input (so that
    /// jobs are claimed in input order). A file or member of at most 4 MiB
    /// (or as many pieces as [`whole_pieces`](Self::whole_pieces) says) is
    /// one job: the thread that claims it opens it (or decompresses it,
    /// beside the other members) and decodes it whole. A larger file is a
    /// job per piece of whole records of about 1 MiB: the thread that
    /// claims the job reads the next piece and counts its lines, then
    /// decodes it beside the others. So a large file is read on every
    /// thread, each byte copied once, by the thread that decodes it. A
    /// larger member is cut in the same way, each piece decompressed by the
    /// thread that claims it, from the archive's reader, which the member
    /// takes (a member after it opens the archive again); a member that is
    /// neither stored nor deflated, or is encrypted, is read whole (or said
    /// to be unreadable) by one thread. A piece ends where a record ends:
    /// at a line end outside quotes, found as csv's parser reads quotes (a
    /// field that starts with `"` is quoted, `""` inside it is a quote), so
    /// that a quoted field may hold line ends. Where no record ends in 4
    /// MiB (a quoted field that long, or a file that is not a bill file),
    /// the rest of that file is read as it comes, on one thread. A file
    /// read with [`Encoding::Auto`] is not cut (its first records decide
    /// its encoding): each such file or member is read whole by one thread.
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
    /// waits while 16 parts for each thread (16,384 items each, by default)
    /// of the jobs after the one being handed on wait, or 2 more of that
    /// one; and a piece is read by the thread that decodes it, when it
    /// claims it.
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
        let order = Order::new(jobs);
        let spare = Mutex::new(Vec::new());
        let buffers = Mutex::new(Vec::new());
        let parsers = Mutex::new(Vec::new());
        let claims = Mutex::new(Claims {
            source: Source::new(self.paths),
            cache: None,
            cutting: None,
        });
        std::thread::scope(|scope| {
            let shared = Shared {
                claims: &claims,
                order: &order,
                cancelled: &cancelled,
                spare: &spare,
                buffers: &buffers,
                parsers: &parsers,
                piece_bytes: self.piece_bytes,
                whole_pieces: self.whole_pieces,
                part_items,
                wrap: &self.wrap,
                part: &part,
                visit: &visit,
                policy,
                encoding,
            };
            let _end = EndRun {
                order: &order,
                cancelled: &cancelled,
            };
            for _ in 0..jobs.get() {
                scope.spawn(move || shared.work());
            }
            order.hand_on(&spare, &mut emit)
        })
    }
}

/// The jobs claimed and not handed on yet, in input order, with the
/// parts they gave, and the room left for more: between the threads that
/// read and the calling thread, which hands the parts on. One lock and two
/// conditions, so that a thread sleeps only when it must wait (the calling
/// thread for the next part in order, a reading one for room), and is
/// woken only when that has come.
struct Order<T, E> {
    state: Mutex<OrderState<T, E>>,
    /// The calling thread waits on it for the next part in order.
    next: Condvar,
    /// Threads that read wait on it for room for a part.
    room: Condvar,
}

struct OrderState<T, E> {
    /// The jobs from the one being handed on, in input order.
    jobs: VecDeque<Claimed<T, E>>,
    /// The place in the input of `jobs[0]`: the job being handed on.
    front: usize,
    /// Whether the input has no job left to claim: `jobs` grows no more.
    claimed_all: bool,
    /// Room for parts of any job ([`PARTS_AHEAD_PER_THREAD`] for each
    /// thread), and more for the job being handed on ([`PARTS_AT_FRONT`]),
    /// so that its thread can always go on (the others wait for room,
    /// never it).
    ahead: usize,
    at_front: usize,
    /// Whether the calling thread waits for the next part.
    waiting_for_next: bool,
    /// How many threads wait for room.
    waiting_for_room: usize,
    cancelled: bool,
    /// Whether a thread that reads panicked: its job will never end.
    abandoned: bool,
}

/// What a claimed job has given and is not handed on yet.
struct Claimed<T, E> {
    parts: VecDeque<Part<T>>,
    /// Whether it has given all its parts.
    ended: bool,
    /// What `visit` returned, when it failed: handed on after the parts.
    failed: Option<E>,
}

/// A part of a job's output, with its counts and the room it takes.
struct Part<T> {
    value: T,
    counts: Counts,
    permit: Permit,
}

/// The room one part takes.
#[derive(Debug, Clone, Copy)]
enum Permit {
    Ahead,
    AtFront,
}

impl<T, E> Order<T, E> {
    fn new(jobs: NonZeroUsize) -> Self {
        Self {
            state: Mutex::new(OrderState {
                jobs: VecDeque::new(),
                front: 0,
                claimed_all: false,
                ahead: PARTS_AHEAD_PER_THREAD * jobs.get(),
                at_front: PARTS_AT_FRONT,
                waiting_for_next: false,
                waiting_for_room: 0,
                cancelled: false,
                abandoned: false,
            }),
            next: Condvar::new(),
            room: Condvar::new(),
        }
    }

    fn state(&self) -> MutexGuard<'_, OrderState<T, E>> {
        lock(&self.state)
    }

    /// A new job, after those claimed before: its place in the input.
    /// Called while the input is held, so that jobs are claimed in order.
    fn claim(&self) -> usize {
        let mut state = self.state();
        state.jobs.push_back(Claimed {
            parts: VecDeque::new(),
            ended: false,
            failed: None,
        });
        state.front + state.jobs.len() - 1
    }

    /// The input has no job left.
    fn claimed_all(&self) {
        let mut state = self.state();
        state.claimed_all = true;
        self.wake_next(state);
    }

    /// Wakes the calling thread if it waits for the next part: once the
    /// lock is let go, so that it need not wait for it again.
    fn wake_next(&self, state: MutexGuard<'_, OrderState<T, E>>) {
        let waiting = state.waiting_for_next;
        drop(state);
        if waiting {
            self.next.notify_one();
        }
    }

    /// Adds a part of the job `job`, once there is room for it, the job's
    /// last if `last`; `false` once the run has ended.
    fn send(&self, job: usize, value: T, counts: Counts, last: bool) -> bool {
        let mut state = self.state();
        let permit = loop {
            if state.cancelled {
                return false;
            }
            if state.ahead > 0 {
                state.ahead -= 1;
                break Permit::Ahead;
            }
            if state.front == job && state.at_front > 0 {
                state.at_front -= 1;
                break Permit::AtFront;
            }
            state.waiting_for_room += 1;
            state = self
                .room
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            state.waiting_for_room -= 1;
        };
        let front = state.front;
        let claimed = &mut state.jobs[job - front];
        claimed.parts.push_back(Part {
            value,
            counts,
            permit,
        });
        claimed.ended = last;
        if job == front {
            self.wake_next(state);
        }
        true
    }

    /// The job `job` has failed: `visit` returned `error`, handed on after
    /// the job's parts.
    fn fail(&self, job: usize, error: E) {
        let mut state = self.state();
        let front = state.front;
        let claimed = &mut state.jobs[job - front];
        claimed.ended = true;
        claimed.failed = Some(error);
        if job == front {
            self.wake_next(state);
        }
    }

    /// Hands the parts to `emit` in input order, adding up their counts,
    /// until the input ends, a part stops the run or something fails.
    fn hand_on(
        &self,
        spare: &Mutex<Vec<T>>,
        emit: &mut impl FnMut(&mut T) -> Result<(), E>,
    ) -> Result<Counts, E> {
        let mut counts = Counts::default();
        let mut state = self.state();
        loop {
            if state.abandoned {
                // The scope passes the panic on: what is returned is lost.
                return Ok(counts);
            }
            let Some(claimed) = state.jobs.front_mut() else {
                if state.claimed_all {
                    return Ok(counts);
                }
                state = self.wait_next(state);
                continue;
            };
            if let Some(part) = claimed.parts.pop_front() {
                drop(state);
                let Part {
                    mut value,
                    counts: part,
                    permit,
                } = part;
                counts.add(&part);
                emit(&mut value)?;
                lock(spare).push(value);
                state = self.state();
                match permit {
                    Permit::Ahead => state.ahead += 1,
                    Permit::AtFront => state.at_front += 1,
                }
                state = self.wake_room(state);
                if part.stopped {
                    return Ok(counts);
                }
            } else if let Some(error) = claimed.failed.take() {
                return Err(error);
            } else if claimed.ended {
                state.jobs.pop_front();
                state.front += 1;
                // Room at the front is the next job's now.
                state = self.wake_room(state);
            } else {
                state = self.wait_next(state);
            }
        }
    }

    fn wait_next<'a>(
        &self,
        mut state: MutexGuard<'a, OrderState<T, E>>,
    ) -> MutexGuard<'a, OrderState<T, E>> {
        state.waiting_for_next = true;
        let mut state = self
            .next
            .wait(state)
            .unwrap_or_else(PoisonError::into_inner);
        state.waiting_for_next = false;
        state
    }

    /// Wakes the threads that wait for room, if any, with the lock let go
    /// meanwhile.
    fn wake_room<'a>(
        &'a self,
        state: MutexGuard<'a, OrderState<T, E>>,
    ) -> MutexGuard<'a, OrderState<T, E>> {
        if state.waiting_for_room == 0 {
            return state;
        }
        drop(state);
        self.room.notify_all();
        self.state()
    }

    /// A thread that reads panicked: the calling thread waits for no more
    /// parts, and no thread for room.
    fn abandon(&self) {
        let mut state = self.state();
        state.abandoned = true;
        state.cancelled = true;
        drop(state);
        self.next.notify_one();
        self.room.notify_all();
    }

    /// The run has ended: no one waits for room any more.
    fn cancel(&self) {
        let mut state = self.state();
        state.cancelled = true;
        drop(self.wake_room(state));
    }
}

/// Ends the run when the calling thread is done handing on, or panics in
/// `emit`: the threads stop at their next item, so that the scope does not
/// wait for them.
struct EndRun<'a, T, E> {
    order: &'a Order<T, E>,
    cancelled: &'a AtomicBool,
}

impl<T, E> Drop for EndRun<'_, T, E> {
    fn drop(&mut self) {
        self.cancelled.store(true, Ordering::Relaxed);
        self.order.cancel();
    }
}

/// Abandons the run if the thread that holds it panics, so that the
/// calling thread does not wait for its job's parts for ever (the scope
/// then passes the panic on).
struct PanicGuard<'o, T, E>(&'o Order<T, E>);

impl<T, E> Drop for PanicGuard<'_, T, E> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.abandon();
        }
    }
}

/// What a thread reads.
enum Task<R> {
    /// A piece of the input read as a whole: a small bill file or member
    /// (opened, or decompressed, by the thread that reads it), or one
    /// read with [`Encoding::Auto`], whose encoding its first records
    /// decide.
    Unit(Unit<R>),
    /// Whole records of a large bill file or member.
    Piece(Piece<R>),
    /// A member whose archive cannot be opened again, or whose data its
    /// archive's reader cannot find.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))]
    Problem {
        problem: LocatedError,
        begins_file: bool,
    },
}

impl<R> Task<R> {
    /// Whether reading it begins a file (a zip archive counts once).
    fn begins_file(&self) -> bool {
        match self {
            Self::Unit(unit) => unit.begins_file(),
            Self::Piece(piece) => piece.begins_file,
            Self::Problem { begins_file, .. } => *begins_file,
        }
    }
}

/// The input, as the threads claim it, one job at a time, in order: the
/// directories walked and archives listed as they come.
struct Claims<R> {
    source: Source<R>,
    /// The archive the last member was in, open.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))]
    cache: Cache<R>,
    /// The large file or member being cut: its next piece is the next job.
    cutting: Option<CutFile<R>>,
}

/// What the threads of [`BillFiles::read_parallel`] that read share.
struct Shared<'s, W, T, P, V, R, E> {
    claims: &'s Mutex<Claims<R>>,
    order: &'s Order<T, E>,
    cancelled: &'s AtomicBool,
    /// Parts handed on, emptied, to be used again.
    spare: &'s Mutex<Vec<T>>,
    buffers: &'s Buffers,
    parsers: &'s Parsers,
    piece_bytes: usize,
    whole_pieces: usize,
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

impl<'s, R, W, T, P, E, V> Shared<'s, W, T, P, V, R, E>
where
    R: Read + Seek + Send + 's,
    W: Fn(&Path, File) -> R,
    P: Fn() -> T,
    V: Fn(&mut T, Item<'_>) -> Result<(), E>,
{
    /// One thread: claims the next job, reads it into parts, and sends
    /// them, until the input ends or the run stops.
    fn work(self) {
        let _guard = PanicGuard(self.order);
        let mut wrap = |path: &Path, file| (self.wrap)(path, file);
        let mut cache = None;
        loop {
            if self.cancelled.load(Ordering::Relaxed) {
                return;
            }
            let (job, task) = {
                let mut claims = lock(self.claims);
                match self.claim(&mut claims) {
                    Some(task) => (self.order.claim(), task),
                    None => {
                        self.order.claimed_all();
                        return;
                    }
                }
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
                    if !self.order.send(job, value, counts, false)
                        || self.cancelled.load(Ordering::Relaxed)
                    {
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
            };
            match read {
                Ok(_) if gone => return,
                Ok(flow) => {
                    // After a stop the run ends, and the jobs after are
                    // never handed on.
                    counts.stopped = flow == Flow::Stop;
                    if !self.order.send(job, current, counts, true) {
                        return;
                    }
                }
                Err(error) => self.order.fail(job, error),
            }
        }
    }

    /// The next job of the input (`None` after its end): the next piece
    /// of the large file or member being cut, or the next unit. A small
    /// file or member is read whole by the thread that claims it; a large
    /// one is cut by the threads that claim its pieces.
    fn claim(&self, claims: &mut Claims<R>) -> Option<Task<R>> {
        let mut wrap = |path: &Path, file| (self.wrap)(path, file);
        loop {
            if let Some(cutting) = claims.cutting.take() {
                let (piece, rest) =
                    cutting.next_piece(self.buffers, self.piece_bytes, self.encoding);
                claims.cutting = rest;
                if let Some(piece) = piece {
                    return Some(Task::Piece(piece));
                }
            }
            let unit = claims.source.next(&mut wrap)?;
            match unit {
                // Each record may decide the encoding: read as a whole.
                unit if self.encoding == Encoding::Auto => return Some(Task::Unit(unit)),
                // A small file is opened by the thread that reads it.
                Unit::Bill(path)
                    if std::fs::metadata(&path).is_ok_and(|file| file.len() <= self.whole()) =>
                {
                    return Some(Task::Unit(Unit::Bill(path)));
                }
                Unit::Bill(path) => match File::open(&path) {
                    Ok(file) => {
                        let file = Input::File(wrap(&path, file));
                        claims.cutting = Some(CutFile::new(&path, None, true, file));
                    }
                    Err(error) => {
                        let problem = LocatedError::new(Location::new(&path), Problem::Open(error));
                        return Some(Task::Unit(Unit::Problem(problem)));
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
                    let opened = match (archive, claims.cache.take()) {
                        (Some(archive), _) => Ok(archive),
                        (None, Some((cached, archive))) if cached == path => Ok(archive),
                        (None, _) => open_archive(&path, &mut wrap).map_err(|error| {
                            let location = Location::new(&path).with_member(&name);
                            LocatedError::new(location, error.into_problem())
                        }),
                    };
                    let mut archive = match opened {
                        Ok(archive) => archive,
                        Err(problem) => {
                            let begins_file = first;
                            return Some(Task::Problem {
                                problem,
                                begins_file,
                            });
                        }
                    };
                    if archive.size(index).is_some_and(|size| size <= self.whole()) {
                        claims.cache = Some((path.clone(), archive));
                        return Some(Task::Unit(Unit::Member {
                            path,
                            index,
                            name,
                            first,
                            archive: None,
                        }));
                    }
                    // Cut as a large file is, from the archive's reader,
                    // taken for it: a member after it opens the archive
                    // again.
                    match archive.into_bytes(index) {
                        Taken::Bytes(bytes) => {
                            let member = Input::Member(bytes);
                            claims.cutting = Some(CutFile::new(&path, Some(&name), first, member));
                        }
                        Taken::Failed(error) => {
                            let location = Location::new(&path).with_member(&name);
                            return Some(Task::Problem {
                                problem: LocatedError::new(location, Problem::Archive(error)),
                                begins_file: first,
                            });
                        }
                        // Not to be read so: read whole (the zip reader
                        // says why it cannot be read, if it cannot).
                        Taken::Kept(archive) => {
                            return Some(Task::Unit(Unit::Member {
                                path,
                                index,
                                name,
                                first,
                                archive: Some(archive),
                            }));
                        }
                    }
                }
                unit => return Some(Task::Unit(unit)),
            }
        }
    }

    /// The size of the largest bill file (or member, decompressed) read
    /// whole by the thread that claims it.
    const fn whole(&self) -> u64 {
        (self.whole_pieces * self.piece_bytes) as u64
    }
}
