//! The incremental build's state, in one place: what the tools keep of
//! the last build of a folder, so that the next build into it (an update)
//! does only what changed. Nothing here is published: each published
//! folder has a state folder of its own ([`state_folder`]), under
//! `target/reader-state/` or `$READER_STATE`.
//!
//! Every file is an optimisation: a state file that is missing, stale or
//! unreadable makes the next build do the work itself, and a tool removes
//! a file before changing what it describes, so a build stopped halfway
//! leaves none to trust. Where lines are `slug<TAB>hash`, they are written
//! and read by [`write_lines`] and [`read_lines`].
//!
//! The content build keeps, for the published `content/` folder:
//!
//! | file | holds | written by | read by |
//! | --- | --- | --- | --- |
//! | [`StateFile::Articles`] | a stamp per published article: its file's text, related links and the tool | content build | content build: an article whose stamp stands is not published again |
//! | [`StateFile::ReadCache`] | what each article file read as, while its size and time stand | content build | content build: a file unchanged is not read again |
//! | [`StateFile::Derived`] | the key of what the lists, sections, speakers and related links are made from | content build | content build: with the key unchanged they stand |
//! | [`StateFile::SearchIndex`] | each indexed article's slug and a hash of its text, in the index's order | content build | content build: the index is updated in place from what changed |
//! | [`StateFile::Changes`] | the journal of the files the content build wrote or removed (`journal`) | content build, begun by the prerender | prerender: it renders only what the journal names |
//!
//! The prerender keeps, for the published site (`dist/`):
//!
//! | file | holds | read by the next update |
//! | --- | --- | --- |
//! | [`StateFile::Template`] | Trunk's `index.html` as the full build found it | every page is made from it |
//! | [`StateFile::Base`] | the base the site was built for | an update keeps it |
//! | [`StateFile::Units`] | per unit of work, the stamp of its inputs and the files it wrote | a unit whose stamp stands is not rendered again |
//! | [`StateFile::Journal`] | the token of the content build's journal it began, and the stamp all pages share | whether the journal can be trusted |
//!
//! A site of several editions (one per language) keeps each edition but
//! the first in a folder of the first's ([`EditionState`]): the content
//! build's in the published `content/`'s state folder, the prerender's in
//! the site's.
//!
//! Under Trunk, the tools build into its staging folder; the prerender
//! moves the content build's state to the published folder's once the
//! build succeeded ([`move_state`]), so a failed build leaves it as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One file of a state folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateFile {
    /// The content build: each published article's stamp.
    Articles,
    /// The content build: what each article file read as.
    ReadCache,
    /// The content build: the key of what the archive-wide files are made
    /// from.
    Derived,
    /// The content build: what the search index was made from.
    SearchIndex,
    /// The content build's journal of what it changed, for the prerender.
    Changes,
    /// The prerender: Trunk's template.
    Template,
    /// The prerender: the site's base.
    Base,
    /// The prerender: each unit of work's stamp and files.
    Units,
    /// The prerender: the token of the content build's journal.
    Journal,
}

impl StateFile {
    /// Its name in the state folder.
    pub fn name(self) -> &'static str {
        match self {
            Self::Articles => "articles",
            Self::ReadCache => "read-cache",
            Self::Derived => "derived",
            Self::SearchIndex => "search-index",
            Self::Changes => "changes",
            Self::Template => "template.html",
            Self::Base => "base",
            Self::Units => "units",
            Self::Journal => "journal",
        }
    }

    /// Its path in the state folder `state`.
    pub fn in_folder(self, state: &Path) -> PathBuf {
        state.join(self.name())
    }
}

/// Whose state an edition's folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditionState {
    /// The content build's, of the edition's `content/`.
    Content,
    /// The prerender's, of the edition's pages.
    Pages,
}

impl EditionState {
    /// The state folder of edition `code` (`zh`), in the first edition's
    /// state folder `state` of the same kind: `content-zh`, `pages-zh`
    /// (distinct, so that one `$READER_STATE` holds them all).
    pub fn in_folder(self, state: &Path, code: &str) -> PathBuf {
        let kind = match self {
            Self::Content => "content",
            Self::Pages => "pages",
        };
        state.join(format!("{kind}-{code}"))
    }
}

/// Where the state of the published folder `dir` is kept between builds:
/// `$READER_STATE` if set, else `target/reader-state/<its absolute path>`,
/// each character other than `A-Z a-z 0-9 . _ -` written `_` (below the
/// working folder: the repository, where Trunk and the scripts run the
/// tools).
pub fn state_folder(dir: &Path) -> PathBuf {
    if let Some(state) = std::env::var_os("READER_STATE").filter(|state| !state.is_empty()) {
        return PathBuf::from(state);
    }
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let name: String = (absolute.to_string_lossy().chars())
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    PathBuf::from("target/reader-state").join(name)
}

/// Moves every file and folder (an edition's state) of the state folder
/// `from` into `to` (replacing what is there), then removes `from`: the
/// state of a folder built under one name and published under another
/// (Trunk's staging folder, moved to its dist once the build succeeded).
/// Nothing to move is no error.
///
/// # Errors
/// A file that cannot be moved.
pub fn move_state(from: &Path, to: &Path) -> io::Result<()> {
    if from == to {
        return Ok(());
    }
    let entries = match fs::read_dir(from) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    fs::create_dir_all(to)?;
    for entry in entries {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            if target.is_dir() {
                fs::remove_dir_all(&target)?;
            }
            fs::rename(entry.path(), target)?;
        } else if entry.file_type()?.is_file() {
            fs::rename(entry.path(), target)?;
        }
    }
    fs::remove_dir_all(from)
}

/// A state file's lines, `slug<TAB>hash` (hexadecimal), in order; `None`
/// when it is missing or any line does not read.
pub fn read_lines(file: &Path) -> Option<Vec<(String, u64)>> {
    let text = fs::read_to_string(file).ok()?;
    text.lines()
        .map(|line| {
            let (slug, hash) = line.split_once('\t')?;
            Some((slug.to_owned(), u64::from_str_radix(hash, 16).ok()?))
        })
        .collect()
}

/// Writes `lines` as a state file (its folder made if missing).
///
/// # Errors
/// Any I/O error.
pub fn write_lines(lines: &[(String, u64)], file: &Path) -> io::Result<()> {
    let mut text = String::with_capacity(lines.len() * 48);
    for (slug, hash) in lines {
        text.push_str(&format!("{slug}\t{hash:016x}\n"));
    }
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(file, text)
}
