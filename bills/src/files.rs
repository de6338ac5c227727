//! Reading bill files and zip archives by name, every record annotated and
//! every problem located and counted, under an error policy.

use std::fs::File;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::vec::Vec;

use super::{Annotated, BillReader, LocatedError, Location, Problem};

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
}

/// The way files are read when nothing else is asked for: as they are.
type AsIs = fn(&Path, File) -> File;

/// Bill files named by path, read one after the other: each file as a bill
/// file, or, if its name ends in `.zip` (ignoring ASCII case), as a zip
/// archive of bill files ([`BillArchive`], feature `zip`) read member by
/// member.
///
/// [`read`](Self::read) hands every record, [`Annotated`] with its
/// [`Location`], and every problem, a [`LocatedError`], to one function,
/// in input order, and returns the [`Counts`]. Reading streams: memory
/// holds one record. Bad input is never an `Err` of `read`: a record that
/// cannot be decoded is counted as malformed and reading goes on with the
/// next; a file or member that cannot be opened or read on is counted as
/// unreadable and reading goes on with the next; the [`ErrorPolicy`]
/// decides whether to go on at all.
///
/// ```
/// use cec_bills::{BillFiles, ErrorPolicy};
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
///             Ok(record) => format!("{}s {}", record.record().duration_secs(), record.annotation().reason),
///             Err(error) => error.to_string().replace(&format!("{}/", dir.display()), ""),
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
    wrap: W,
}

impl BillFiles {
    /// The files at `paths`, in order, read under [`ErrorPolicy::Continue`].
    pub fn new<P: Into<PathBuf>>(paths: impl IntoIterator<Item = P>) -> Self {
        Self {
            paths: paths.into_iter().map(Into::into).collect(),
            policy: ErrorPolicy::Continue,
            wrap: |_, file| file,
        }
    }
}

impl<W> BillFiles<W> {
    /// Reads under `policy`.
    #[must_use]
    pub fn policy(self, policy: ErrorPolicy) -> Self {
        Self { policy, ..self }
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
            wrap,
        }
    }

    /// Reads every file, handing each record and each problem to `visit`
    /// as it comes, and returns what it met.
    ///
    /// An `Err` of `visit` (failing to write the output, say) stops the
    /// reading and is returned.
    pub fn read<R, E>(
        mut self,
        mut visit: impl FnMut(Result<Annotated<'_>, LocatedError>) -> Result<(), E>,
    ) -> Result<Counts, E>
    where
        W: FnMut(&Path, File) -> R,
        R: Read + Seek,
    {
        let mut run = Run {
            policy: self.policy,
            counts: Counts::default(),
            visit: &mut visit,
        };
        for path in &self.paths {
            run.counts.files += 1;
            if run.file(path, &mut self.wrap)? == Flow::Stop {
                run.counts.stopped = true;
                break;
            }
        }
        Ok(run.counts)
    }
}

/// Whether to go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

/// One run of [`BillFiles::read`].
struct Run<'v, V> {
    policy: ErrorPolicy,
    counts: Counts,
    visit: &'v mut V,
}

impl<V, E> Run<'_, V>
where
    V: FnMut(Result<Annotated<'_>, LocatedError>) -> Result<(), E>,
{
    /// Reads the file at `path`: a bill file or a zip archive of them.
    fn file<R: Read + Seek>(
        &mut self,
        path: &Path,
        wrap: impl FnOnce(&Path, File) -> R,
    ) -> Result<Flow, E> {
        let location = Location::new(path);
        let file = match File::open(path) {
            Ok(file) => wrap(path, file),
            Err(error) => return self.problem(LocatedError::new(location, Problem::Open(error))),
        };
        let is_zip = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"));
        if !is_zip {
            return self.records(location, BillReader::new(file));
        }
        self.archive(location, file)
    }

    /// Reads the bill files of the zip archive `file`, member by member.
    #[cfg(feature = "zip")]
    fn archive<R: Read + Seek>(&mut self, location: Location<'_>, file: R) -> Result<Flow, E> {
        let mut archive = match BillArchive::new(file) {
            Ok(archive) => archive,
            Err(error) => {
                return self.problem(LocatedError::new(location, Problem::Archive(error)));
            }
        };
        let members: Vec<String> = archive.names().map(String::from).collect();
        for (index, member) in members.iter().enumerate() {
            let location = location.with_member(member);
            let flow = match archive.open(index) {
                Ok(reader) => self.records(location, reader)?,
                Err(error) => self.problem(LocatedError::new(location, Problem::Archive(error)))?,
            };
            if flow == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    }

    /// Without the `zip` feature, an archive cannot be read.
    #[cfg(not(feature = "zip"))]
    fn archive<R>(&mut self, location: Location<'_>, _file: R) -> Result<Flow, E> {
        let error = std::io::Error::new(
            std::io::ErrorKind::Unsupported,
            "zip archives need the `zip` feature of cec-bills",
        );
        self.problem(LocatedError::new(location, Problem::Open(error)))
    }

    /// Reads the records of the bill file at `location`.
    fn records(
        &mut self,
        location: Location<'_>,
        mut reader: BillReader<impl Read>,
    ) -> Result<Flow, E> {
        while let Some(result) = reader.next_ref() {
            match result {
                Ok(record) => {
                    self.counts.records += 1;
                    if record.duration_secs() < 0 {
                        self.counts.negative_durations += 1;
                    }
                    (self.visit)(Ok(Annotated::new(location, record)))?;
                }
                Err(error) => {
                    if self.problem(LocatedError::record(location, error))? == Flow::Stop {
                        return Ok(Flow::Stop);
                    }
                }
            }
        }
        Ok(Flow::Continue)
    }

    /// Counts `error`, hands it on, and says whether to go on.
    fn problem(&mut self, error: LocatedError) -> Result<Flow, E> {
        if error.is_malformed() {
            self.counts.malformed += 1;
        } else {
            self.counts.unreadable += 1;
        }
        (self.visit)(Err(error))?;
        Ok(match self.policy {
            ErrorPolicy::Continue => Flow::Continue,
            ErrorPolicy::Stop => Flow::Stop,
        })
    }
}
