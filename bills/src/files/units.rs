//! The input as units, in order (a bill file, an archive member, or a
//! problem met before reading), from the paths given, directories walked
//! and archives listed; and a unit read into items.

use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};
use std::vec::Vec;

use super::{Flow, Item};
#[cfg(feature = "zip")]
use crate::BillArchive;
use crate::{Annotated, BillReader, Encoding, LocatedError, Location, Problem};

/// One piece of the input, read as a whole by one thread: a bill file, a
/// member of an archive, or a problem found before reading.
pub(super) enum Unit<R> {
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
    pub(super) fn begins_file(&self) -> bool {
        match self {
            #[cfg(feature = "zip")]
            Self::Member { first, .. } => *first,
            _ => true,
        }
    }
}

/// The pieces of the input, in order: the paths, directories walked,
/// archives listed.
pub(super) struct Source<R> {
    paths: std::vec::IntoIter<PathBuf>,
    walk: Option<Box<Walk>>,
    #[cfg(feature = "zip")]
    members: Option<Members<R>>,
    /// Without zip there are no members: only `R`'s place.
    #[cfg(not(feature = "zip"))]
    #[allow(dead_code)]
    members: Option<core::marker::PhantomData<R>>,
}

/// A directory being walked.
pub(super) type Walk = dyn Iterator<Item = walkdir::Result<PathBuf>> + Send;

/// An archive whose members are being handed out.
#[cfg(feature = "zip")]
pub(super) struct Members<R> {
    path: PathBuf,
    names: std::vec::IntoIter<String>,
    index: usize,
    archive: Option<BillArchive<R>>,
}

impl<R: Read + Seek> Source<R> {
    pub(super) fn new(paths: Vec<PathBuf>) -> Self {
        Self {
            paths: paths.into_iter(),
            walk: None,
            members: None,
        }
    }

    /// The next piece, opening archives through `wrap` to list them.
    pub(super) fn next(&mut self, wrap: &mut impl FnMut(&Path, File) -> R) -> Option<Unit<R>> {
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
    pub(super) fn file(
        &mut self,
        path: PathBuf,
        wrap: &mut impl FnMut(&Path, File) -> R,
    ) -> Option<Unit<R>> {
        if !has_extension(&path, "zip") {
            return Some(Unit::Bill(path));
        }
        Some(self.archive(path, wrap))
    }

    #[cfg(feature = "zip")]
    pub(super) fn archive(
        &mut self,
        path: PathBuf,
        wrap: &mut impl FnMut(&Path, File) -> R,
    ) -> Unit<R> {
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
    pub(super) fn archive(
        &mut self,
        path: PathBuf,
        _wrap: &mut impl FnMut(&Path, File) -> R,
    ) -> Unit<R> {
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
pub(super) fn walk(dir: &Path) -> impl Iterator<Item = walkdir::Result<PathBuf>> + use<> {
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
pub(super) fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|found| found.eq_ignore_ascii_case(extension))
}

/// The archive at `path`, opened through `wrap`.
#[cfg(feature = "zip")]
pub(super) fn open_archive<R: Read + Seek>(
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
pub(super) type Cache<R> = Option<(PathBuf, BillArchive<R>)>;
#[cfg(not(feature = "zip"))]
pub(super) type Cache<R> = Option<core::marker::PhantomData<R>>;

/// What reading hands items to: says whether to go on after each.
pub(super) type Visit<'v, E> = dyn FnMut(Item<'_>) -> Result<Flow, E> + 'v;

/// Reads `unit`, handing its items to `visit`.
pub(super) fn read_unit<R: Read + Seek, E>(
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
pub(super) fn records<E>(
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
                failed |= matches!(error.kind(), crate::BillErrorKind::Read(_));
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
