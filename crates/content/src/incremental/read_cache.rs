//! What each article file read as in the last build into a folder, so that
//! the next reads again only the files that changed (reading, parsing and
//! checking every file is most of a large archive's build with nothing
//! changed; BENCHMARKS-SCALE.md has the figures).
//!
//! Kept outside the published folder, with the content build's other
//! state (`read-cache`): a first line naming the tool and the content
//! folder, then one JSON line per article that loaded. An entry stands
//! while its file keeps its size and modification time (what the
//! prerender trusts too) and every file its pictures name is still there;
//! a new tool, another content folder, or a cache that does not read
//! make every file read again. An entry ([`Loaded`]) keeps what the rest of the build
//! reads of an article (see [`slim`]), its hashes, its warnings and its
//! photographs.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use reader_model::ArticleSource;
use serde::{Deserialize, Serialize};

use reader_output::state::StateFile;

use crate::photos::PhotoUse;
use crate::problem::Problem;

/// The cache's file in the state folder.
pub const FILE: StateFile = StateFile::ReadCache;

/// A file's size and modification time (nanoseconds since 1970).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub size: u64,
    pub modified: u64,
}

impl Seen {
    /// Whether a file seen so was perhaps changed again within the same
    /// tick of its file system's clock, before the build read it: its
    /// time is within 100 ms of `now` (2 s where times are whole seconds).
    /// Such a file is not cached; the next build reads it again.
    pub fn racy(self, now: u64) -> bool {
        let tick = if self.modified.is_multiple_of(1_000_000_000) {
            2_000_000_000
        } else {
            100_000_000
        };
        now.saturating_sub(self.modified) < tick
    }

    /// `path` as it is now; `None` if it cannot be read.
    pub fn of(path: &Path) -> Option<Self> {
        Self::of_metadata(&fs::metadata(path).ok()?)
    }

    /// The file at `path` as it is now, from its entry in its folder's
    /// listing (no lookup of the whole path; a link is followed).
    pub fn of_listed(entry: &fs::DirEntry, path: &Path) -> Option<Self> {
        match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => Self::of_metadata(&entry.metadata().ok()?),
            _ => Self::of(path),
        }
    }

    fn of_metadata(meta: &fs::Metadata) -> Option<Self> {
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Self {
            size: meta.len(),
            modified: u64::try_from(modified.as_nanos()).ok()?,
        })
    }
}

/// One article, read and checked: what the build keeps of it, and the
/// cache's entry for its file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Loaded {
    /// Its file, read again when it is published or indexed.
    pub path: PathBuf,
    /// Its file as it was read (`None`: unknown, and not cached).
    pub seen: Option<Seen>,
    /// The article, slimmed ([`slim`]).
    pub source: Box<ArticleSource>,
    /// A hash of the file's text as read.
    pub text_hash: u64,
    /// A hash of its words as search indexes them.
    pub index_hash: u64,
    /// A hash of its slimmed article: what the archive-wide files read
    /// of it (see crate::incremental::derived).
    pub outline_hash: u64,
    /// Its warnings (an article with errors is not loaded).
    pub warnings: Vec<Problem>,
    /// The photographs it shows, and where.
    pub photos: Vec<PhotoUse>,
    /// The content folder's files its pictures name.
    pub locals: Vec<PathBuf>,
}

impl Loaded {
    /// Whether this entry still stands for its file, seen as `now`.
    pub fn holds(&self, now: Option<Seen>) -> bool {
        now.is_some() && now == self.seen && self.locals.iter().all(|local| local.is_file())
    }
}

/// What the build keeps of an article: all but the body's paragraphs,
/// figures and quotes (the lists, speakers' pages and related links read
/// no more; the published file and the search index read the file again).
pub fn slim(mut source: ArticleSource) -> ArticleSource {
    source.body = source.body.speeches_only();
    source
}

/// The first line: what the entries were read by, and from where.
fn header(tool: u64, root: &Path) -> String {
    format!("reader-content {tool:016x} {}", root.display())
}

/// A cache as read: its entries by path (for a path written twice, the
/// later), and how many lines it held.
#[derive(Debug, Default)]
pub struct Cache {
    pub entries: HashMap<PathBuf, Loaded>,
    lines: usize,
    /// Whether it can take more lines: written by this tool for this
    /// content folder, and ending where a line ends.
    appendable: bool,
}

/// The cache at `file`, if it was written by this tool for `root` (a
/// line that does not read is left out: its file is read again); an
/// empty one otherwise.
pub fn load(file: &Path, tool: u64, root: &Path) -> Cache {
    let Ok(text) = fs::read_to_string(file) else {
        return Cache::default();
    };
    let mut lines = text.lines();
    if lines.next() != Some(header(tool, root).as_str()) {
        return Cache::default();
    }
    let lines: Vec<&str> = lines.collect();
    let parsed: Vec<Option<Loaded>> = lines
        .par_iter()
        .map(|line| serde_json::from_str::<Loaded>(line).ok())
        .collect();
    let mut entries = HashMap::with_capacity(parsed.len());
    for entry in parsed.into_iter().flatten() {
        entries.insert(entry.path.clone(), entry);
    }
    Cache {
        entries,
        lines: lines.len(),
        appendable: text.ends_with('\n'),
    }
}

/// Keeps what this build read in the cache at `file`: the entries read
/// again (`fresh`) are added at its end, or, when the cache cannot take
/// them or holds more than a quarter of lines no longer used, every
/// entry (`all`, `live` of them) is written anew (atomically: a build
/// stopped halfway leaves the last cache).
///
/// # Errors
/// Any I/O error.
pub fn save<'a>(
    file: &Path,
    tool: u64,
    root: &Path,
    then: &Cache,
    fresh: &[&Loaded],
    all: impl ParallelIterator<Item = &'a Loaded>,
    live: usize,
) -> io::Result<()> {
    let now = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .and_then(|since| u64::try_from(since.as_nanos()).ok())
        .unwrap_or(u64::MAX);
    let keep = |entry: &Loaded| entry.seen.is_some_and(|seen| !seen.racy(now));
    let fresh: Vec<&Loaded> = fresh.iter().copied().filter(|e| keep(e)).collect();
    let stale = (then.lines + fresh.len()).saturating_sub(live);
    if then.appendable && stale <= live / 4 + 1_000 {
        if fresh.is_empty() {
            return Ok(());
        }
        let mut out = fs::OpenOptions::new().append(true).open(file)?;
        let mut text = String::new();
        for entry in fresh {
            text.push_str(&serde_json::to_string(entry).map_err(io::Error::other)?);
            text.push('\n');
        }
        // One write: a line is either added whole or cut short (and then
        // read as nothing, its file read again).
        return out.write_all(text.as_bytes());
    }
    let lines: Vec<String> = all
        .filter(|entry| keep(entry))
        .map(|entry| serde_json::to_string(entry).map_err(io::Error::other))
        .collect::<io::Result<_>>()?;
    let mut text = header(tool, root);
    text.push('\n');
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    reader_output::write_atomically(file, text)
}
