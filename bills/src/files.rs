//! Reading bill files, directories of them and zip archives by name, every
//! record annotated and every problem located and counted, under an error
//! policy, on one thread or on several.
//!
//! The input becomes units in order ([`units`]: a bill file, an archive
//! member, a problem), each read into items; on several threads, large
//! files are cut into pieces of whole records ([`pieces`], at the record
//! ends [`split`] finds), and [`parallel`]'s threads read the units and
//! pieces and hand on what they give in input order.

mod parallel;
mod pieces;
mod split;
mod units;

use core::num::NonZeroUsize;
use std::fs::File;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::vec::Vec;

use super::{Annotated, Encoding, LocatedError, Location};
use units::{Source, read_unit, walk};

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
/// bill files ([`BillArchive`](crate::BillArchive), feature `zip`) read member by member; a
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
    whole_pieces: usize,
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
            whole_pieces: WHOLE_PIECES,
            part_items: PART_ITEMS,
            wrap: |_, file| file,
        }
    }
}

/// How many items a part of the input holds at most in
/// [`BillFiles::read_parallel`], unless [`BillFiles::part_items`] says.
const PART_ITEMS: usize = 1024;

/// How many bytes of a bill file [`BillFiles::read_parallel`] hands to a
/// thread at a time (whole records: up to the last record end in them).
const PIECE_BYTES: usize = 1 << 20;

/// How many pieces a bill file or archive member holds at most that
/// [`BillFiles::read_parallel`] reads whole, unless
/// [`BillFiles::whole_pieces`] says.
const WHOLE_PIECES: usize = 4;

impl<W> BillFiles<W> {
    /// Reads under `policy`.
    #[must_use]
    pub fn policy(self, policy: ErrorPolicy) -> Self {
        Self { policy, ..self }
    }

    /// Reads every bill file in `encoding` ([`BillReader::encoding`](crate::BillReader::encoding)).
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

    /// In [`read_parallel`](Self::read_parallel), reads a bill file or
    /// archive member of at most `pieces` pieces of about 1 MiB (4 unless
    /// told, at least 1) whole, on one thread, beside the others; a larger
    /// one is cut into pieces that every thread reads (and decompresses).
    ///
    /// What is made of a file read whole waits for the file before it to
    /// be handed on: fewer suits parts that are large beside their records
    /// (records formatted as text, several times their size in the file),
    /// which then wait in pieces, not files. More suits parts that stay
    /// small (a [`Summary`](crate::Summary)): small archive members are
    /// then decompressed on every thread, not on one (BENCHMARKS.md,
    /// "Threads that claim their jobs").
    #[must_use]
    pub fn whole_pieces(self, pieces: usize) -> Self {
        Self {
            whole_pieces: pieces.max(1),
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
            whole_pieces: self.whole_pieces,
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
