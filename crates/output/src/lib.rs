//! Writing a build's files in place, so a second build into the same
//! folder changes only what changed:
//!
//! - [`write`] writes a file only when its bytes differ from what is
//!   there, so an unchanged file keeps its modification time (a sync to a
//!   host uploads only what changed, and the next incremental build sees
//!   its inputs unchanged);
//! - [`Output`] remembers every file a build made below a folder, and
//!   [`Output::prune`] removes the files there the build no longer makes
//!   (a deleted article's JSON, a list page that is gone);
//! - [`state`] is the incremental build's one home: where a tool keeps
//!   what it needs to update a folder it built, outside what is
//!   published, and what each of its files holds.

pub mod journal;
pub mod state;

pub use state::{move_state, state_folder};

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `bytes` to a temporary name beside `path`, then renames it, so
/// that a build stopped halfway never leaves half a file (a cache, a
/// state). The temporary name keeps the whole file name
/// (`a-360.webp.partial-<pid>`): files that differ only in their
/// extension, written at once on two threads, must not share one.
///
/// # Errors
/// Any I/O error.
pub fn write_atomically(path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<()> {
    let temporary = temporary_name(path);
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path)
}

fn temporary_name(path: &Path) -> PathBuf {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".partial-{}", std::process::id()));
    PathBuf::from(temporary)
}

/// Removes `file` if it is there.
///
/// # Errors
/// A file that is there and cannot be removed.
pub fn remove_if_there(file: &Path) -> io::Result<()> {
    match fs::remove_file(file) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` (creating its folder) unless the file already
/// holds exactly them. Returns whether it wrote.
///
/// A file that is not there yet (every file of a build into a new
/// folder) is made at once, without first looking for it: one call to the
/// system instead of two, for each of a large archive's files.
///
/// # Errors
/// A folder or file that cannot be read or written.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<bool> {
    let bytes = bytes.as_ref();
    match create_new(path, bytes) {
        Ok(()) => return Ok(true),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
        Err(err) => return Err(err),
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            if fs::read(path)? == bytes {
                return Ok(false);
            }
        }
        Ok(_) => {}
        Err(err) => return Err(err),
    }
    fs::write(path, bytes)?;
    Ok(true)
}

/// Makes `path` (and its folder) holding `bytes`, unless something is
/// there already (`AlreadyExists`).
fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let open = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut file = match open() {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            open()?
        }
        opened => opened?,
    };
    file.write_all(bytes)
}

/// The files one build makes below `root`, for [`Output::prune`]; shared
/// by the threads that write them.
#[derive(Debug)]
pub struct Output {
    root: PathBuf,
    made: Mutex<HashSet<PathBuf>>,
    written: AtomicUsize,
    /// The files written or removed (for the [`journal`]).
    changed: Mutex<Vec<PathBuf>>,
}

impl Output {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            made: Mutex::new(HashSet::new()),
            written: AtomicUsize::new(0),
            changed: Mutex::new(Vec::new()),
        }
    }

    /// The folder this build writes into.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// [`write`]s `bytes` to `path` (below the root) and remembers it as
    /// made. Returns whether it wrote.
    ///
    /// # Errors
    /// See [`write`].
    pub fn write(&self, path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<bool> {
        let wrote = write(path, bytes)?;
        self.keep(path);
        if wrote {
            self.written.fetch_add(1, Ordering::Relaxed);
            lock(&self.changed).push(path.to_path_buf());
        }
        Ok(wrote)
    }

    /// Remembers `path` as made by this build without writing it (a file
    /// written some other way, such as a photograph's copy).
    pub fn keep(&self, path: &Path) {
        lock(&self.made).insert(path.to_path_buf());
    }

    /// [`Output::keep`] for many files at once.
    pub fn keep_all(&self, paths: impl IntoIterator<Item = PathBuf>) {
        lock(&self.made).extend(paths);
    }

    /// Remembers every file below `folder` as made by this build, as it
    /// is (a part of the last build kept on purpose).
    ///
    /// # Errors
    /// A folder that cannot be read.
    pub fn keep_below(&self, folder: &Path) -> io::Result<()> {
        for entry in fs::read_dir(folder)? {
            let path = entry?.path();
            if path.is_dir() {
                self.keep_below(&path)?;
            } else {
                self.keep(&path);
            }
        }
        Ok(())
    }

    /// How many files [`Output::write`] wrote (the others were unchanged).
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// How many files this build made, written or unchanged.
    pub fn made(&self) -> usize {
        lock(&self.made).len()
    }

    /// Removes every file below `folder` (below the root) that this build
    /// did not make, and the folders left empty. Returns how many files
    /// it removed.
    ///
    /// # Errors
    /// A folder that cannot be read, or a file that cannot be removed.
    pub fn prune(&self, folder: &Path) -> io::Result<usize> {
        let made = lock(&self.made);
        let mut removed = Vec::new();
        let count = prune_below(folder, &made, &mut removed);
        lock(&self.changed).extend(removed);
        count
    }

    /// The files [`Output::write`] wrote and [`Output::prune`] removed,
    /// in no particular order.
    pub fn changed(&self) -> Vec<PathBuf> {
        lock(&self.changed).clone()
    }
}

fn prune_below(
    folder: &Path,
    made: &HashSet<PathBuf>,
    removed_files: &mut Vec<PathBuf>,
) -> io::Result<usize> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(err) => return Err(err),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        // The folder's own listing says what each entry is: no stat each.
        if entry.file_type()?.is_dir() {
            removed += prune_below(&path, made, removed_files)?;
            if fs::read_dir(&path)?.next().is_none() {
                fs::remove_dir(&path)?;
            }
        } else if !made.contains(&path) {
            fs::remove_file(&path)?;
            removed += 1;
            removed_files.push(path);
        }
    }
    Ok(removed)
}

/// The lock's value, even if a thread panicked holding it (the set of
/// paths stays valid).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    /// A folder `name` not made yet, in a scratch folder removed when the
    /// test ends (with the `TempDir`).
    fn folder(name: &str) -> (tempfile::TempDir, PathBuf) {
        let scratch = tempfile::Builder::new()
            .prefix(&format!("reader-output-{name}-"))
            .tempdir()
            .expect("a scratch folder");
        let dir = scratch.path().join(name);
        (scratch, dir)
    }

    #[test]
    fn files_differing_only_in_extension_are_written_under_their_own_temporary_names() {
        let webp = temporary_name(Path::new("cache/a-360.webp"));
        let jpeg = temporary_name(Path::new("cache/a-360.jpg"));
        assert_ne!(webp, jpeg);
        assert!(
            webp.to_string_lossy()
                .starts_with("cache/a-360.webp.partial-")
        );
        let (_scratch, dir) = folder("atomic");
        fs::create_dir_all(&dir).expect("dir");
        write_atomically(&dir.join("a.json"), "one").expect("written");
        assert_eq!(fs::read_to_string(dir.join("a.json")).expect("read"), "one");
        assert_eq!(
            fs::read_dir(&dir).expect("dir").count(),
            1,
            "a temporary file left"
        );
        remove_if_there(&dir.join("a.json")).expect("removed");
        remove_if_there(&dir.join("a.json")).expect("gone already is no error");
    }

    #[test]
    fn a_state_moves_with_its_folder_and_replaces_the_one_there() {
        let (scratch, from) = folder("state-from");
        let to = scratch.path().join("state-to");
        move_state(&from, &to).expect("nothing to move");
        assert!(!to.exists());
        fs::create_dir_all(&from).expect("from");
        fs::create_dir_all(&to).expect("to");
        fs::write(from.join("articles"), "new").expect("state");
        fs::write(to.join("articles"), "old").expect("state");
        fs::write(to.join("read-cache"), "kept").expect("state");
        move_state(&from, &to).expect("moved");
        assert!(!from.exists());
        assert_eq!(
            fs::read_to_string(to.join("articles")).expect("moved"),
            "new"
        );
        assert_eq!(
            fs::read_to_string(to.join("read-cache")).expect("kept"),
            "kept"
        );
    }

    #[test]
    fn an_unchanged_file_is_not_rewritten() {
        let (_scratch, dir) = folder("same");
        let file = dir.join("a/b.json");
        assert!(write(&file, "one").expect("first"));
        let old = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&file)
            .and_then(|f| f.set_modified(old))
            .expect("age it");
        assert!(!write(&file, "one").expect("same"));
        assert_eq!(
            fs::metadata(&file).and_then(|m| m.modified()).ok(),
            Some(old)
        );
        assert!(write(&file, "two").expect("changed"));
        assert!(write(&file, "three").expect("longer"));
        assert_eq!(fs::read_to_string(&file).ok().as_deref(), Some("three"));
        assert!(write(&file, "4").expect("shorter"));
        assert_eq!(fs::read_to_string(&file).ok().as_deref(), Some("4"));
        assert!(write(&dir.join("a"), "a folder is there").is_err());
    }

    #[test]
    fn prune_removes_only_what_the_build_no_longer_makes() {
        let (_scratch, dir) = folder("prune");
        write(&dir.join("content/old.json"), "gone").expect("old");
        write(&dir.join("content/gone/x.json"), "gone").expect("old folder");
        write(&dir.join("outside.txt"), "kept").expect("outside");
        let output = Output::new(&dir);
        output
            .write(&dir.join("content/new.json"), "new")
            .expect("new");
        output
            .write(&dir.join("content/new.json"), "new")
            .expect("again");
        assert_eq!((output.written(), output.made()), (1, 1));
        let kept = dir.join("content/kept");
        write(&kept.join("a.json"), "kept").expect("kept");
        output.keep_below(&kept).expect("keep");
        assert_eq!(output.prune(&dir.join("content")).expect("prune"), 2);
        assert!(kept.join("a.json").exists());
        assert!(dir.join("content/new.json").exists() && dir.join("outside.txt").exists());
        assert!(!dir.join("content/old.json").exists() && !dir.join("content/gone").exists());
    }
}
