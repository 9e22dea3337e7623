//! What the last build of a folder made, so that the next one (an update,
//! `--update`) renders only the units whose inputs changed.
//!
//! Kept outside the published folder (nothing of it is served), in
//! `target/reader-state/<its path>/` (see [`folder_for`]) or `$READER_STATE`:
//!
//! - `template.html`: Trunk's `index.html` as the full build found it (the
//!   published `index.html` is the home page by then);
//! - `base`: the base the site was built for (an update keeps it);
//! - `units`: one line per unit of work, `key`, the stamp of its inputs and
//!   the files it wrote, separated by tabs;
//! - `journal`: the token of the content build's journal this build began
//!   (`reader_output::journal`) and the stamp every page shares then: an
//!   update that finds both as they were takes the content files changed
//!   from the journal, and the others' stamps as they were.
//!
//! A unit's stamp hashes what its pages are made from: the template, the
//! base, `site.json`, the prerender tool itself, and the size and
//! modification time of each of its content files (the content build
//! writes a file only when its bytes change, so an unchanged article keeps
//! its time). An update renders a unit whose stamp differs or whose files
//! are missing; any doubt (no state, an unreadable one) renders it.

use std::collections::HashMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use reader_output::state::StateFile;

use crate::PrerenderError;

const TEMPLATE: StateFile = StateFile::Template;
const BASE: StateFile = StateFile::Base;
const UNITS: StateFile = StateFile::Units;
const JOURNAL: StateFile = StateFile::Journal;

/// The content build's journal as the last build began it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    pub token: String,
    /// The stamp of what every page is made from ([`common_stamp`]).
    pub common: u64,
}

impl Journal {
    /// A token no other build of this machine gives.
    pub fn token() -> String {
        let nanos = std::time::SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos());
        format!("{nanos:x}-{}", std::process::id())
    }

    fn parse(text: &str) -> Option<Self> {
        let (token, common) = text.trim_end().split_once('\t')?;
        Some(Self {
            token: token.to_owned(),
            common: u64::from_str_radix(common, 16).ok()?,
        })
    }
}

/// What one unit wrote last time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub stamp: u64,
    /// Below the published folder.
    pub files: Vec<PathBuf>,
}

/// The state of one published folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub template: Option<String>,
    pub base: Option<String>,
    pub units: HashMap<String, Done>,
    pub journal: Option<Journal>,
}

/// Where the state of the folder `dist` is kept (see
/// [`reader_output::state_folder`]).
pub fn folder_for(dist: &Path) -> PathBuf {
    reader_output::state_folder(dist)
}

impl State {
    /// The state in `dir`; an empty state if there is none or it cannot
    /// be read (everything is then rendered).
    pub fn load(dir: &Path) -> Self {
        let template = fs::read_to_string(TEMPLATE.in_folder(dir)).ok();
        let base = fs::read_to_string(BASE.in_folder(dir)).ok();
        // A line per unit of work (more than one per article): parsed on
        // every core.
        let units = fs::read_to_string(UNITS.in_folder(dir))
            .map(|text| {
                let lines: Vec<&str> = text.lines().collect();
                lines.into_par_iter().filter_map(parse_line).collect()
            })
            .unwrap_or_default();
        let journal = fs::read_to_string(JOURNAL.in_folder(dir))
            .ok()
            .and_then(|text| Journal::parse(&text));
        Self {
            template,
            base,
            units,
            journal,
        }
    }

    /// Writes the state into `dir`.
    ///
    /// # Errors
    /// A folder or file that cannot be written.
    pub fn save(&self, dir: &Path) -> Result<(), PrerenderError> {
        let io = |path: PathBuf| move |e| PrerenderError::Io(path, e);
        fs::create_dir_all(dir).map_err(io(dir.to_path_buf()))?;
        if let Some(template) = &self.template {
            reader_output::write(&TEMPLATE.in_folder(dir), template)
                .map_err(io(TEMPLATE.in_folder(dir)))?;
        }
        if let Some(base) = &self.base {
            reader_output::write(&BASE.in_folder(dir), base).map_err(io(BASE.in_folder(dir)))?;
        }
        let mut keys: Vec<&String> = self.units.keys().collect();
        keys.sort();
        let mut text = String::new();
        for key in keys {
            let done = &self.units[key];
            text.push_str(key);
            text.push('\t');
            text.push_str(&format!("{:016x}", done.stamp));
            for file in &done.files {
                text.push('\t');
                text.push_str(&file.to_string_lossy());
            }
            text.push('\n');
        }
        reader_output::write(&UNITS.in_folder(dir), text).map_err(io(UNITS.in_folder(dir)))?;
        match &self.journal {
            Some(journal) => reader_output::write(
                &JOURNAL.in_folder(dir),
                format!("{}\t{:016x}\n", journal.token, journal.common),
            )
            .map(drop)
            .map_err(io(JOURNAL.in_folder(dir)))?,
            None => reader_output::remove_if_there(&JOURNAL.in_folder(dir))
                .map_err(io(JOURNAL.in_folder(dir)))?,
        }
        Ok(())
    }
}

fn parse_line(line: &str) -> Option<(String, Done)> {
    let mut fields = line.split('\t');
    let key = fields.next()?.to_owned();
    let stamp = u64::from_str_radix(fields.next()?, 16).ok()?;
    let files = fields.map(PathBuf::from).collect();
    Some((key, Done { stamp, files }))
}

/// What every page is made from: the template, the base, the site's
/// settings and the tool that renders (its size and time: a rebuilt
/// prerender renders everything again).
pub fn common_stamp(template: &str, base: &str, site_json: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    template.hash(&mut hasher);
    base.hash(&mut hasher);
    site_json.hash(&mut hasher);
    if let Some(tool) = std::env::current_exe()
        .ok()
        .and_then(|exe| fs::metadata(exe).ok())
    {
        tool.len().hash(&mut hasher);
        modified_nanos(&tool).hash(&mut hasher);
    }
    hasher.finish()
}

/// A unit's stamp: `common` and each input's path, size and modification
/// time (a missing input gives a stamp of its own, so the unit renders
/// and reports it).
pub fn stamp(common: u64, inputs: &[PathBuf]) -> u64 {
    let mut hasher = DefaultHasher::new();
    common.hash(&mut hasher);
    for input in inputs {
        input.hash(&mut hasher);
        match fs::metadata(input) {
            Ok(meta) => (meta.len(), modified_nanos(&meta)).hash(&mut hasher),
            Err(err) => io_kind(&err).hash(&mut hasher),
        }
    }
    hasher.finish()
}

fn modified_nanos(meta: &fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos())
}

fn io_kind(err: &io::Error) -> String {
    format!("{:?}", err.kind())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_reads_back_as_written() {
        let scratch = tempfile::Builder::new()
            .prefix("reader-state-")
            .tempdir()
            .expect("a scratch folder");
        let dir = scratch.path().join("state");
        let mut state = State {
            template: Some("<html></html>".to_owned()),
            base: Some("/news/".to_owned()),
            units: HashMap::new(),
            journal: Some(Journal {
                token: Journal::token(),
                common: u64::MAX,
            }),
        };
        state.units.insert(
            "article a".to_owned(),
            Done {
                stamp: 42,
                files: vec![
                    "news/a/index.html".into(),
                    "news/a/speech/1/index.html".into(),
                ],
            },
        );
        state.save(&dir).expect("save");
        assert_eq!(State::load(&dir), state);
        assert_eq!(State::load(&dir.join("none")), State::default());
    }

    #[test]
    fn a_stamp_changes_with_an_input() {
        let dir = tempfile::Builder::new()
            .prefix("reader-stamp-")
            .tempdir()
            .expect("a scratch folder");
        let file = dir.path().join("a.json");
        fs::write(&file, "{}").expect("write");
        let before = stamp(1, std::slice::from_ref(&file));
        assert_eq!(before, stamp(1, std::slice::from_ref(&file)));
        assert_ne!(before, stamp(2, std::slice::from_ref(&file)));
        fs::write(&file, "{\"a\":1}").expect("write");
        assert_ne!(before, stamp(1, std::slice::from_ref(&file)));
    }
}
