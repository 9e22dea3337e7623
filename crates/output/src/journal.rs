//! What changed in a published folder since the tool that reads it last
//! looked: the prerender reads the content build's changes to `content/`
//! here instead of looking at the size and time of every file there (a
//! `stat` for every unit of work).
//!
//! The file (`changes`, in the folder's state, see [`crate::state_folder`])
//! is begun by its reader, [`reset`], with a token that the reader keeps
//! in its own state. A writer adds to it only when it is there: a `begin`
//! line before it writes anything, then the paths it wrote or removed
//! (below the folder), then `end`. The reader trusts it ([`read`]) only
//! when it carries the reader's token and every `begin` has its `end`;
//! otherwise (no file, another token, a build stopped halfway) it looks
//! at every file, as it would without a journal.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::state::StateFile;

/// The journal's file name in a state folder.
pub const FILE: StateFile = StateFile::Changes;

const BEGIN: &str = "begin";
const END: &str = "end";
const SINCE: &str = "since ";

/// Starts the journal in `state` afresh, for the reader holding `token`.
///
/// # Errors
/// Any I/O error (the reader then does not trust it: see [`read`]).
pub fn reset(state: &Path, token: &str) -> io::Result<()> {
    fs::create_dir_all(state)?;
    crate::write(&FILE.in_folder(state), format!("{SINCE}{token}\n")).map(drop)
}

/// A writer's hold on the journal in `state`, if there is one.
#[derive(Debug)]
pub struct Writer {
    file: Option<fs::File>,
}

impl Writer {
    /// Opens the journal in `state` and marks the start of a build's
    /// changes; with no journal there, records nothing.
    ///
    /// # Errors
    /// A journal that is there but cannot be written.
    pub fn begin(state: &Path) -> io::Result<Self> {
        let file = match fs::OpenOptions::new()
            .append(true)
            .open(FILE.in_folder(state))
        {
            Ok(mut file) => {
                file.write_all(format!("{BEGIN}\n").as_bytes())?;
                Some(file)
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            Err(err) => return Err(err),
        };
        Ok(Self { file })
    }

    /// Records `changed` (paths below `root`, the published folder) and
    /// the end of the build's changes.
    ///
    /// # Errors
    /// Any I/O error.
    pub fn end(mut self, root: &Path, changed: &[PathBuf]) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let mut text = String::new();
        for path in changed {
            let below = path.strip_prefix(root).unwrap_or(path);
            // A path the journal cannot hold on one line: the reader must
            // look at every file (an unmatched begin says so).
            let below = below.to_string_lossy();
            if below.contains('\n') {
                return Ok(());
            }
            text.push_str(&below);
            text.push('\n');
        }
        text.push_str(END);
        text.push('\n');
        io::BufWriter::new(file).write_all(text.as_bytes())
    }
}

/// The paths (below the folder) changed since the reader holding `token`
/// reset the journal in `state`; `None` when it cannot be trusted.
pub fn read(state: &Path, token: &str) -> Option<HashSet<PathBuf>> {
    let text = fs::read_to_string(FILE.in_folder(state)).ok()?;
    let mut lines = text.lines();
    if lines.next()?.strip_prefix(SINCE)? != token {
        return None;
    }
    let mut changed = HashSet::new();
    let mut open = false;
    for line in lines {
        match line {
            BEGIN if !open => open = true,
            BEGIN => return None,
            END if open => open = false,
            END => return None,
            path if open => {
                changed.insert(PathBuf::from(path));
            }
            _ => return None,
        }
    }
    (!open && text.ends_with('\n')).then_some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state folder not made yet, in a scratch folder removed when the
    /// test ends (with the `TempDir`).
    fn state(name: &str) -> (tempfile::TempDir, PathBuf) {
        let scratch = tempfile::Builder::new()
            .prefix(&format!("reader-journal-{name}-"))
            .tempdir()
            .expect("a scratch folder");
        let dir = scratch.path().join("state");
        (scratch, dir)
    }

    #[test]
    fn a_writer_records_only_into_a_journal_its_reader_began() {
        let (_scratch, dir) = state("none");
        let writer = Writer::begin(&dir).expect("no journal is no error");
        writer
            .end(Path::new("/out"), &[PathBuf::from("/out/a.json")])
            .expect("nothing recorded");
        assert!(!FILE.in_folder(&dir).exists());
        assert_eq!(read(&dir, "t1"), None);
    }

    #[test]
    fn the_reader_trusts_its_own_journal_with_every_build_ended() {
        let (_scratch, dir) = state("trust");
        reset(&dir, "t1").expect("reset");
        assert_eq!(read(&dir, "t1"), Some(HashSet::new()));
        assert_eq!(read(&dir, "t0"), None, "another reader's token");
        let root = Path::new("/out/content");
        let writer = Writer::begin(&dir).expect("begin");
        writer
            .end(
                root,
                &[root.join("articles/a.json"), root.join("list/3.json")],
            )
            .expect("end");
        Writer::begin(&dir)
            .expect("begin")
            .end(root, &[root.join("articles/b.json")])
            .expect("end");
        let changed = read(&dir, "t1").expect("trusted");
        let mut changed: Vec<_> = changed.into_iter().collect();
        changed.sort();
        assert_eq!(
            changed,
            ["articles/a.json", "articles/b.json", "list/3.json"].map(PathBuf::from)
        );
        // A build that began and never ended: its changes are unknown.
        drop(Writer::begin(&dir).expect("begin"));
        assert_eq!(read(&dir, "t1"), None);
        reset(&dir, "t2").expect("reset");
        assert_eq!(read(&dir, "t2"), Some(HashSet::new()));
    }
}
