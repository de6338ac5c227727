//! Reading bill files, directories of them and zip archives by name, every
//! record annotated and every problem located and counted, under an error
//! policy, on one thread or on several.

use core::num::NonZeroUsize;
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};
use std::string::String;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::vec::Vec;

use super::reader::csv_parser;
use super::split::{Received, RecordEnds, has_record};
use super::{Annotated, BillReader, Encoding, LocatedError, Location, Problem};

#[cfg(feature = "zip")]
use super::BillArchive;

/// What to do after a bad record or a file that cannot be read. Either way
/// it is handed on and counted, never dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ErrorPolicy {
    /// Go on with the next record, member or file.
    #[default]
    Continue,
    /// Stop there (`--strict`).
    Stop,
}

/// What a run of [`BillFiles::read`] met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Counts {
    /// Files begun (a zip archive counts once).
    pub files: u64,
    /// Records decoded.
    pub records: u64,
    /// Records that could not be decoded.
    pub malformed: u64,
    /// Files or archive members that could not be opened or read to the
    /// end.
    pub unreadable: u64,
    /// Decoded records that end before they begin.
    pub negative_durations: u64,
    /// Whether [`ErrorPolicy::Stop`] stopped the run before the end.
    pub stopped: bool,
}

impl Counts {
    /// Whether every record of every file was decoded.
    pub const fn is_clean(&self) -> bool {
        self.malformed == 0 && self.unreadable == 0
    }

    /// Adds what `other` counted.
    fn add(&mut self, other: &Self) {
        self.files += other.files;
        self.records += other.records;
        self.malformed += other.malformed;
        self.unreadable += other.unreadable;
        self.negative_durations += other.negative_durations;
        self.stopped |= other.stopped;
    }

    /// Counts `item`, and says whether to go on after it under `policy`.
    fn count(&mut self, item: &Item<'_>, policy: ErrorPolicy) -> Flow {
        match item {
            Item::Record(record) => {
                self.records += 1;
                if record.record().duration_secs() < 0 {
                    self.negative_durations += 1;
                }
                Flow::Continue
            }
            Item::Problem(error) => {
                if error.is_malformed() {
                    self.malformed += 1;
                } else {
                    self.unreadable += 1;
                }
                match policy {
                    ErrorPolicy::Continue => Flow::Continue,
                    ErrorPolicy::Stop => Flow::Stop,
                }
            }
            Item::Decoded { .. } => Flow::Continue,
        }
    }
}

/// What reading bill files meets, handed on in input order: a record, a
/// problem, or (reading with [`Encoding::Auto`]) the encoding of a bill
/// file.
#[derive(Debug)]
#[non_exhaustive]
pub enum Item<'a> {
    /// A record, annotated.
    Record(Annotated<'a>),
    /// A record that cannot be decoded, or a file or member that cannot be
    /// opened or read on.
    Problem(LocatedError),
    /// The encoding [`Encoding::Auto`] found for the bill file at
    /// `location` (a file, or a member of an archive), once per bill file:
    /// right after the record (or the problem) whose text decided it, or
    /// its first record for a byte order mark; after its last record when
    /// it is all ASCII (then UTF-8). Not said of a file that could not be
    /// read to its end before its encoding was found.
    Decoded {
        /// The bill file.
        location: Location<'a>,
        /// Its encoding: UTF-8 or GB18030.
        encoding: Encoding,
    },
}

/// The way files are read when nothing else is asked for: as they are.
type AsIs = fn(&Path, File) -> File;

/// Bill files named by path, read in order: each file as a bill file, or,
/// if its name ends in `.zip` (ignoring ASCII case), as a zip archive of
/// bill files ([`BillArchive`], feature `zip`) read member by member; a
/// directory is walked for files whose names end in `.csv` or `.zip`, in
/// order of their names, subdirectories included.
///
/// [`read`](Self::read) hands every record, [`Annotated`] with its
/// [`Location`], and every problem, a [`LocatedError`], to one function,
/// in input order ([`Item`]), and returns the [`Counts`].
/// [`read_parallel`](Self::read_parallel) reads files and archive members
/// on several threads, and hands on what each part of the input gave in
/// the same order. Reading streams: memory holds a record per thread (and
/// the parts not handed on yet), whatever the size of the files.
///
/// Bad input is never an `Err` of reading: a record that cannot be
/// decoded is counted as malformed and reading goes on with the next; a
/// file or member that cannot be opened or read on is counted as
/// unreadable and reading goes on with the next; the [`ErrorPolicy`]
/// decides whether to go on at all.
///
/// ```
/// use cec_bills::{BillFiles, ErrorPolicy, Item};
///
/// let dir = std::env::temp_dir().join(format!("cec-bills-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("bills.csv");
/// std::fs::write(&path, "\
/// 1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1
/// 2,dev,acct,1001,0,1,-1,2023-09-27 08:15:00,2023-09-27 08:16:00,Busy,-1,4,5,1,1,4,88001001,-1,0,7,1
/// ")?;
///
/// let mut seen = Vec::new();
/// let counts = BillFiles::new([&path, &dir.join("missing.csv")])
///     .policy(ErrorPolicy::Continue)
///     .read(|item| {
///         seen.push(match item {
///             Item::Record(record) => format!("{}s {}", record.record().duration_secs(), record.annotation().reason),
///             Item::Problem(error) => error.to_string().replace(&format!("{}/", dir.display()), ""),
///             _ => String::new(),
///         });
///         Ok::<_, std::convert::Infallible>(())
///     })
///     .unwrap();
/// assert_eq!(seen[..2], [
///     "900s TakingRest",
///     "bills.csv:2: op_type \"Busy\" is not an integer code",
/// ]);
/// assert!(seen[2].starts_with("missing.csv: cannot open: "));
/// assert_eq!((counts.files, counts.records, counts.malformed, counts.unreadable), (2, 1, 1, 1));
/// assert!(!counts.is_clean());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct BillFiles<W = AsIs> {
    paths: Vec<PathBuf>,
    policy: ErrorPolicy,
    encoding: Encoding,
    piece_bytes: usize,
    part_items: usize,
    wrap: W,
}

impl BillFiles {
    /// The files at `paths`, in order, read under [`ErrorPolicy::Continue`]
    /// in UTF-8.
    pub fn new<P: Into<PathBuf>>(paths: impl IntoIterator<Item = P>) -> Self {
        Self {
            paths: paths.into_iter().map(Into::into).collect(),
            policy: ErrorPolicy::Continue,
            encoding: Encoding::Utf8,
            piece_bytes: PIECE_BYTES,
            part_items: PART_ITEMS,
            wrap: |_, file| file,
        }
    }
}

/// How many items a part of the input holds at most in
/// [`BillFiles::read_parallel`], unless [`BillFiles::part_items`] says.
const PART_ITEMS: usize = 1024;

/// Parts of the files and members after the one being handed on that may
/// be ready and waiting, all together (65,536 items by default): room
/// enough for a thread to read two whole files ahead while a slower one
/// (an archive member it decompresses) is handed on, bounded whatever the
/// size of the input. Half as many measured slower on a set of small files
/// (BENCHMARKS.md, "A longer read-ahead").
const PARTS_AHEAD: usize = 64;

/// Parts of the file or member being handed on that may be waiting beside
/// those.
const PARTS_AT_FRONT: usize = 2;

/// How many bytes of a bill file [`BillFiles::read_parallel`] hands to a
/// thread at a time (whole records: up to the last record end in them).
const PIECE_BYTES: usize = 1 << 20;

/// A bill file or archive member of at most this many pieces is read
/// whole by the thread that decodes it (which opens it, or decompresses
/// it): the thread that reads ahead then does next to nothing for a set of
/// small files, and the threads that decode read them side by side.
/// Larger ones are cut. Four pieces (about 30,000 records) are half what
/// the parts waiting may hold ([`PARTS_AHEAD`]), so that a thread reading
/// one or two ahead seldom waits for room.
const WHOLE_PIECES: usize = 4;

/// How many bytes the producer reads at most looking for a record end
/// before it reads the rest of the file on one thread, as it comes.
const LONGEST_CUT_BYTES: usize = 4 << 20;

/// The bytes of the rest of a bill file read on one thread are handed on
/// in chunks of this size.
#[cfg_attr(not(feature = "zip"), allow(dead_code))] // large zip members only
const STREAM_CHUNK_BYTES: usize = 64 * 1024;

impl<W> BillFiles<W> {
    /// Reads under `policy`.
    #[must_use]
    pub fn policy(self, policy: ErrorPolicy) -> Self {
        Self { policy, ..self }
    }

    /// Reads every bill file in `encoding` ([`BillReader::encoding`]).
    #[must_use]
    pub fn encoding(self, encoding: Encoding) -> Self {
        Self { encoding, ..self }
    }

    /// Cuts bill files into pieces of about `bytes` (at least 4) in
    /// [`read_parallel`](Self::read_parallel): for tests of the cutting.
    #[doc(hidden)]
    #[must_use]
    pub fn piece_bytes(self, bytes: usize) -> Self {
        Self {
            piece_bytes: bytes.max(4),
            ..self
        }
    }

    /// Reads in parts of up to `items` items in
    /// [`read_parallel`](Self::read_parallel) (1,024 unless told): more
    /// for parts that stay small whatever they hold, such as a
    /// [`Summary`](crate::Summary) of their records, so that they are
    /// handed on and merged less often; fewer to hold less output waiting.
    #[must_use]
    pub fn part_items(self, items: NonZeroUsize) -> Self {
        Self {
            part_items: items.get(),
            ..self
        }
    }

    /// Reads each file through `wrap(path, file)` once it is open: to show
    /// progress, for one.
    pub fn wrap<V, R>(self, wrap: V) -> BillFiles<V>
    where
        V: FnMut(&Path, File) -> R,
        R: Read + Seek,
    {
        BillFiles {
            paths: self.paths,
            policy: self.policy,
            encoding: self.encoding,
            piece_bytes: self.piece_bytes,
            part_items: self.part_items,
            wrap,
        }
    }

    /// The files that will be read, in order: the paths given, and the
    /// bill files and archives in the directories given (those that can be
    /// walked).
    pub fn files(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.paths.iter().flat_map(|path| {
            let found: Box<dyn Iterator<Item = PathBuf>> = match path.is_dir() {
                true => Box::new(walk(path).filter_map(Result::ok)),
                false => Box::new(core::iter::once(path.clone())),
            };
            found
        })
    }

    /// Reads every file, handing each [`Item`] to `visit` as it comes, and
    /// returns what it met.
    ///
    /// # Errors
    ///
    /// An `Err` of `visit` (failing to write the output, say) stops the
    /// reading and is returned. Bad input is never an `Err`: it is an
    /// [`Item::Problem`], counted.
    pub fn read<R, E>(
        mut self,
        mut visit: impl FnMut(Item<'_>) -> Result<(), E>,
    ) -> Result<Counts, E>
    where
        W: FnMut(&Path, File) -> R,
        R: Read + Seek,
    {
        let (policy, encoding) = (self.policy, self.encoding);
        let mut counts = Counts::default();
        let mut source = Source::new(self.paths);
        let mut cache = None;
        while let Some(unit) = source.next(&mut self.wrap) {
            counts.files += u64::from(unit.begins_file());
            let flow = read_unit(unit, encoding, &mut self.wrap, &mut cache, &mut |item| {
                let flow = counts.count(&item, policy);
                visit(item)?;
                Ok(flow)
            })?;
            if flow == Flow::Stop {
                counts.stopped = true;
                break;
            }
        }
        Ok(counts)
    }

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

/// Records of a bill file (or archive member), one after the other, as
/// [`Producer`] cut them.
struct Piece<R> {
    path: PathBuf,
    member: Option<String>,
    /// The line the piece starts on.
    line: u64,
    /// Whether it starts the bill file: a byte order mark or a header
    /// may come first.
    first: bool,
    /// Whether it begins a file that [`Counts::files`] counts.
    begins_file: bool,
    /// Whether only blank lines come before it, so that its first record
    /// may be a header line.
    header: bool,
    /// Its bytes are `bytes[..len]`; the rest is room, read into before.
    bytes: Vec<u8>,
    len: usize,
    /// The rest of the bill file, when it could not be cut (a record or
    /// quoted field longer than a few pieces) or failed to read: read on
    /// one thread, in order.
    rest: Option<Rest<R>>,
}

/// The rest of a bill file after a piece, read by the thread that reads
/// the piece.
enum Rest<R> {
    /// Sent by the producer as it reads (or the error it met).
    Chunks(Received),
    /// The input itself.
    Input(R),
    /// Nothing: the piece ends the file.
    Nothing,
}

impl<R: Read> Read for Rest<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::Chunks(chunks) => chunks.read(buffer),
            Self::Input(input) => input.read(buffer),
            Self::Nothing => Ok(0),
        }
    }
}

/// A failed read, as the rest of a piece.
fn failed<R>(error: io::Error) -> Rest<R> {
    let (failed, rest) = sync_channel(1);
    let _ = failed.send(Err(error));
    Rest::Chunks(Received::new(rest))
}

impl<R> Piece<R> {
    /// The first piece of the bill file `path` (or its member `member`),
    /// bytes to come.
    fn first(path: &Path, member: Option<&str>, begins_file: bool) -> Self {
        Self {
            path: path.to_path_buf(),
            member: member.map(String::from),
            line: 1,
            first: true,
            begins_file,
            header: true,
            bytes: Vec::new(),
            len: 0,
            rest: None,
        }
    }

    /// This piece with `bytes[..len]` (`start` bytes of it a byte order
    /// mark), then `rest` if given; `self` becomes the piece after it.
    fn cut_off(&mut self, bytes: Vec<u8>, len: usize, start: usize, rest: Option<Rest<R>>) -> Self {
        let lines = memchr::memchr_iter(b'\n', &bytes[..len]).count() as u64;
        let header = self.header && !has_record(&bytes[start..len]);
        let next = Self {
            path: self.path.clone(),
            member: self.member.clone(),
            line: self.line + lines,
            first: false,
            begins_file: false,
            header,
            bytes: Vec::new(),
            len: 0,
            rest: None,
        };
        let this = core::mem::replace(self, next);
        Self {
            bytes,
            len,
            rest,
            ..this
        }
    }
}

/// A large bill file that the threads that decode cut themselves, one
/// piece per job, in the order the jobs were handed on: the thread that
/// takes a job reads the next piece (up to the last record end in about
/// a piece's bytes), counts its lines, then decodes it beside the others.
/// So its bytes are copied once, by the thread that decodes them, while
/// they are fresh in its cache, and the producer reads nothing.
struct SharedFile<R> {
    /// `None` once the file is read to its end (or its rest handed on).
    cut: Mutex<Option<Cut<R>>>,
}

/// Where the cutting of a [`SharedFile`] is.
struct Cut<R> {
    input: R,
    /// The next piece, bytes to come.
    piece: Piece<R>,
    ends: RecordEnds,
    /// The bytes read after the last record end (scanned already).
    carry: Vec<u8>,
}

impl<R: Read> SharedFile<R> {
    fn new(path: &Path, input: R) -> Self {
        Self {
            cut: Mutex::new(Some(Cut {
                input,
                piece: Piece::first(path, None, true),
                ends: RecordEnds::default(),
                carry: Vec::new(),
            })),
        }
    }

    /// Whether the whole file was handed out.
    fn is_done(&self) -> bool {
        lock(&self.cut).is_none()
    }

    /// Reads the next piece of about `piece_bytes`, into a buffer of
    /// `buffers`; `None` after the end.
    fn next_piece(
        &self,
        buffers: &Buffers,
        piece_bytes: usize,
        encoding: Encoding,
    ) -> Option<Piece<R>> {
        let mut guard = lock(&self.cut);
        let cut = guard.as_mut()?;
        let mut buffer = lock(buffers).pop().unwrap_or_default();
        let mut filled = cut.carry.len();
        if buffer.len() < filled {
            buffer.resize(filled, 0);
        }
        buffer[..filled].copy_from_slice(&cut.carry);
        let mut scanned = filled;
        let mut start = 0;
        loop {
            let result = fill(&mut cut.input, &mut buffer, &mut filled, piece_bytes);
            if cut.piece.first && scanned == 0 {
                start = byte_order_mark(encoding, &buffer[..filled]);
                scanned = start;
            }
            let end = match result {
                Ok(false) => cut
                    .ends
                    .scan(&buffer[start..filled], scanned - start)
                    .map(|end| start + end),
                Ok(true) => {
                    // The end of the input: the rest is the last piece.
                    let mut cut = guard.take()?;
                    if filled == 0 && !cut.piece.first {
                        lock(buffers).push(buffer);
                        return None;
                    }
                    return Some(cut.piece.cut_off(buffer, filled, start, None));
                }
                Err(error) => {
                    let mut cut = guard.take()?;
                    return Some(
                        cut.piece
                            .cut_off(buffer, filled, start, Some(failed(error))),
                    );
                }
            };
            scanned = filled;
            match end {
                Some(end) => {
                    cut.carry.clear();
                    cut.carry.extend_from_slice(&buffer[end..filled]);
                    return Some(cut.piece.cut_off(buffer, end, start, None));
                }
                // A record (or quoted field) as long as a few pieces: this
                // thread reads the rest of the file as it comes.
                None if filled >= LONGEST_CUT_BYTES.max(piece_bytes) => {
                    let Cut {
                        input, mut piece, ..
                    } = guard.take()?;
                    return Some(piece.cut_off(buffer, filled, start, Some(Rest::Input(input))));
                }
                None => {}
            }
        }
    }
}

/// Where the records of a bill file in `encoding` start whose first bytes
/// are `bytes`: after a byte order mark, as [`BillReader`] drops them.
fn byte_order_mark(encoding: Encoding, bytes: &[u8]) -> usize {
    use super::encoding::{GB18030_BOM, UTF8_BOM};
    if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else if bytes.starts_with(GB18030_BOM) && encoding != Encoding::Utf8 {
        GB18030_BOM.len()
    } else {
        0
    }
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

/// Reads `more` bytes from `input` into `buffer` after the `filled`
/// bytes read before, or fewer if the input ends (`Ok(true)`) or fails.
/// The buffer's bytes are initialized once, when it grows, and read into
/// again whenever it is used again: the room is not cleared each time.
fn fill(
    input: &mut impl Read,
    buffer: &mut Vec<u8>,
    filled: &mut usize,
    more: usize,
) -> io::Result<bool> {
    let wanted = *filled + more;
    if buffer.len() < wanted {
        buffer.resize(wanted, 0);
    }
    while *filled < wanted {
        match input.read(&mut buffer[*filled..wanted]) {
            Ok(0) => return Ok(true),
            Ok(read) => *filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(false)
}

/// Buffers of pieces read, used again.
type Buffers = Mutex<Vec<Vec<u8>>>;

/// csv's parsers of the readers of pieces, used again: one takes longer
/// to build than a small piece to read.
type Parsers = Mutex<Vec<csv_core::Reader>>;

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

/// Reads the records of `piece`, handing them to `visit`, and gives its
/// buffer back, and the parser taken from `parsers`.
fn read_piece<R: Read, E>(
    piece: Piece<R>,
    encoding: Encoding,
    (buffers, parsers): (&Buffers, &Parsers),
    visit: &mut Visit<'_, E>,
) -> Result<Flow, E> {
    let mut location = Location::new(&piece.path);
    if let Some(member) = &piece.member {
        location = location.with_member(member);
    }
    let rest = piece.rest.unwrap_or(Rest::Nothing);
    // The piece's bytes are the reader's buffer: not copied again.
    let csv = lock(parsers).pop().unwrap_or_else(csv_parser);
    let reader = BillReader::with_parts(piece.bytes, piece.len, csv, rest);
    let reader = match piece.first {
        true => reader,
        false => reader.starting_at(piece.line, piece.header),
    };
    let mut reader = reader.encoding(encoding);
    let flow = records(location, &mut reader, encoding, visit);
    let (buffer, csv) = reader.into_parts();
    lock(buffers).push(buffer);
    lock(parsers).push(csv);
    flow
}

/// The value behind `mutex`, whether or not a thread panicked holding it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Whether to go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

/// One piece of the input, read as a whole by one thread: a bill file, a
/// member of an archive, or a problem found before reading.
enum Unit<R> {
    /// A bill file.
    Bill(PathBuf),
    /// The bill file `index` (in [`BillArchive::names`] order), `name`, of
    /// the archive at `path`; the archive itself if it is open already.
    #[cfg(feature = "zip")]
    Member {
        path: PathBuf,
        index: usize,
        name: String,
        first: bool,
        archive: Option<BillArchive<R>>,
    },
    /// A file with nothing to read: an archive without bill files.
    #[cfg_attr(not(feature = "zip"), allow(dead_code))]
    Empty,
    /// A file, archive or directory that cannot be read.
    Problem(LocatedError),
    #[cfg(not(feature = "zip"))]
    #[allow(dead_code)]
    Never(core::marker::PhantomData<R>),
}

impl<R> Unit<R> {
    /// Whether reading it begins a file (a zip archive counts once).
    fn begins_file(&self) -> bool {
        match self {
            #[cfg(feature = "zip")]
            Self::Member { first, .. } => *first,
            _ => true,
        }
    }
}

/// The pieces of the input, in order: the paths, directories walked,
/// archives listed.
struct Source<R> {
    paths: std::vec::IntoIter<PathBuf>,
    walk: Option<Box<Walk>>,
    #[cfg(feature = "zip")]
    members: Option<Members<R>>,
    #[cfg(not(feature = "zip"))]
    members: Option<core::marker::PhantomData<R>>,
}

/// A directory being walked.
type Walk = dyn Iterator<Item = walkdir::Result<PathBuf>> + Send;

/// An archive whose members are being handed out.
#[cfg(feature = "zip")]
struct Members<R> {
    path: PathBuf,
    names: std::vec::IntoIter<String>,
    index: usize,
    archive: Option<BillArchive<R>>,
}

impl<R: Read + Seek> Source<R> {
    fn new(paths: Vec<PathBuf>) -> Self {
        Self {
            paths: paths.into_iter(),
            walk: None,
            members: None,
        }
    }

    /// The next piece, opening archives through `wrap` to list them.
    fn next(&mut self, wrap: &mut impl FnMut(&Path, File) -> R) -> Option<Unit<R>> {
        loop {
            #[cfg(feature = "zip")]
            if let Some(members) = &mut self.members {
                if let Some(name) = members.names.next() {
                    let index = members.index;
                    members.index += 1;
                    return Some(Unit::Member {
                        path: members.path.clone(),
                        index,
                        name,
                        first: index == 0,
                        archive: members.archive.take(),
                    });
                }
                self.members = None;
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(path)) => {
                        if let Some(unit) = self.file(path, wrap) {
                            return Some(unit);
                        }
                        continue;
                    }
                    Some(Err(error)) => {
                        let path = error.path().map(Path::to_path_buf);
                        let error = error.into_io_error().unwrap_or_else(|| {
                            io::Error::other("a directory is inside itself (a link loop)")
                        });
                        let path = path.unwrap_or_default();
                        let problem = LocatedError::new(Location::new(&path), Problem::Open(error));
                        return Some(Unit::Problem(problem));
                    }
                    None => self.walk = None,
                }
            }
            let path = self.paths.next()?;
            if path.is_dir() {
                self.walk = Some(Box::new(walk(&path)));
                continue;
            }
            if let Some(unit) = self.file(path, wrap) {
                return Some(unit);
            }
        }
    }

    /// The first piece of the file at `path`: itself, or an archive's
    /// first member (the others follow), `None` for an archive with no
    /// bill file.
    fn file(&mut self, path: PathBuf, wrap: &mut impl FnMut(&Path, File) -> R) -> Option<Unit<R>> {
        if !has_extension(&path, "zip") {
            return Some(Unit::Bill(path));
        }
        Some(self.archive(path, wrap))
    }

    #[cfg(feature = "zip")]
    fn archive(&mut self, path: PathBuf, wrap: &mut impl FnMut(&Path, File) -> R) -> Unit<R> {
        let archive = match open_archive(&path, wrap) {
            Ok(archive) => archive,
            Err(problem) => return Unit::Problem(problem),
        };
        let names: Vec<String> = archive.names().map(String::from).collect();
        if names.is_empty() {
            return Unit::Empty;
        }
        self.members = Some(Members {
            path,
            names: names.into_iter(),
            index: 0,
            archive: Some(archive),
        });
        self.next(wrap).unwrap_or(Unit::Empty)
    }

    /// Without the `zip` feature, an archive cannot be read.
    #[cfg(not(feature = "zip"))]
    fn archive(&mut self, path: PathBuf, _wrap: &mut impl FnMut(&Path, File) -> R) -> Unit<R> {
        let error = io::Error::new(
            io::ErrorKind::Unsupported,
            "zip archives need the `zip` feature of cec-bills",
        );
        Unit::Problem(LocatedError::new(
            Location::new(&path),
            Problem::Open(error),
        ))
    }
}

/// The bill files and archives in the directory `dir` and its
/// subdirectories, in order of their names, and what cannot be walked.
fn walk(dir: &Path) -> impl Iterator<Item = walkdir::Result<PathBuf>> + use<> {
    let entries = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter();
    entries.filter_map(|entry| match entry {
        Ok(entry) => {
            let path = entry.path();
            let wanted = has_extension(path, "csv") || has_extension(path, "zip");
            // Links are followed to files, never to directories.
            (wanted && path.is_file()).then(|| Ok(entry.into_path()))
        }
        Err(error) => Some(Err(error)),
    })
}

/// Whether the name of `path` ends in `.EXTENSION`, ignoring ASCII case.
fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|found| found.eq_ignore_ascii_case(extension))
}

/// The archive at `path`, opened through `wrap`.
#[cfg(feature = "zip")]
fn open_archive<R: Read + Seek>(
    path: &Path,
    wrap: &mut impl FnMut(&Path, File) -> R,
) -> Result<BillArchive<R>, LocatedError> {
    let location = Location::new(path);
    let file =
        File::open(path).map_err(|error| LocatedError::new(location, Problem::Open(error)))?;
    BillArchive::new(wrap(path, file))
        .map_err(|error| LocatedError::new(location, Problem::Archive(error)))
}

/// An archive a thread has open, to read more of its members.
#[cfg(feature = "zip")]
type Cache<R> = Option<(PathBuf, BillArchive<R>)>;
#[cfg(not(feature = "zip"))]
type Cache<R> = Option<core::marker::PhantomData<R>>;

/// What reading hands items to: says whether to go on after each.
type Visit<'v, E> = dyn FnMut(Item<'_>) -> Result<Flow, E> + 'v;

/// Reads `unit`, handing its items to `visit`.
fn read_unit<R: Read + Seek, E>(
    unit: Unit<R>,
    encoding: Encoding,
    wrap: &mut impl FnMut(&Path, File) -> R,
    #[cfg_attr(not(feature = "zip"), allow(unused_variables))] cache: &mut Cache<R>,
    visit: &mut Visit<'_, E>,
) -> Result<Flow, E> {
    match unit {
        Unit::Bill(path) => {
            let location = Location::new(&path);
            match File::open(&path) {
                Ok(file) => {
                    let mut reader = BillReader::new(wrap(&path, file)).encoding(encoding);
                    records(location, &mut reader, encoding, visit)
                }
                Err(error) => visit(Item::Problem(LocatedError::new(
                    location,
                    Problem::Open(error),
                ))),
            }
        }
        #[cfg(feature = "zip")]
        Unit::Member {
            path,
            index,
            name,
            archive,
            ..
        } => {
            let location = Location::new(&path).with_member(&name);
            let mut archive = match (archive, cache.take()) {
                (Some(archive), _) => archive,
                (None, Some((cached, archive))) if cached == path => archive,
                (None, _) => match open_archive(&path, wrap) {
                    Ok(archive) => archive,
                    Err(error) => {
                        let problem = LocatedError::new(location, error.into_problem());
                        return visit(Item::Problem(problem));
                    }
                },
            };
            let flow = match archive.open(index) {
                Ok(reader) => records(location, &mut reader.encoding(encoding), encoding, visit),
                Err(error) => visit(Item::Problem(LocatedError::new(
                    location,
                    Problem::Archive(error),
                ))),
            };
            *cache = Some((path, archive));
            flow
        }
        Unit::Empty => Ok(Flow::Continue),
        Unit::Problem(problem) => visit(Item::Problem(problem)),
        #[cfg(not(feature = "zip"))]
        Unit::Never(_) => Ok(Flow::Continue),
    }
}

/// Reads the records of the bill file at `location`.
fn records<E>(
    location: Location<'_>,
    reader: &mut BillReader<impl Read>,
    encoding: Encoding,
    visit: &mut Visit<'_, E>,
) -> Result<Flow, E> {
    let mut announced = encoding != Encoding::Auto;
    let mut failed = false;
    loop {
        // Said after the record that decided it: the record borrows the
        // reader.
        if !announced && let Some(encoding) = reader.decided_encoding() {
            announced = true;
            if visit(Item::Decoded { location, encoding })? == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        let item = match reader.next_ref() {
            Some(Ok(record)) => Item::Record(Annotated::new(location, record)),
            Some(Err(error)) => {
                failed |= matches!(error.kind(), super::BillErrorKind::Read(_));
                Item::Problem(LocatedError::record(location, error))
            }
            None => break,
        };
        if visit(item)? == Flow::Stop {
            return Ok(Flow::Stop);
        }
    }
    if !announced && !failed {
        let encoding = Encoding::Utf8;
        return visit(Item::Decoded { location, encoding });
    }
    Ok(Flow::Continue)
}
