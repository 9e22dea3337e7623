//! Whether the archive-wide files of an update would come out as the last
//! build of the folder wrote them: `site.json`, the news list and the
//! sections' lists, the speakers' files, and each article's related links.
//! They are made from the site, the speakers' aliases, the photographs'
//! plan, the sections' and speakers' counterparts in the other editions
//! and each article's slimmed form ([`crate::incremental::read_cache::slim`]: all
//! but the paragraphs, figures and quotes), by this tool; their
//! [`key`] is kept in the content build's state (`derived`).
//!
//! When the key is the last build's, an update writes none of them
//! (making and comparing them is most of an update whose paragraphs alone
//! changed, in a large archive): it publishes the articles read again,
//! updates the search index in the order it was made in, and leaves the
//! rest as it is. Like the articles' stamps, it trusts the folder to hold
//! what the last build wrote there.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::Path;

use reader_model::{Aliases, ArticleSource, Slug, Translation};
use serde_json::Value;

use reader_output::state::StateFile;

use crate::incremental::read_cache::Loaded;

/// The key's file in the state folder.
const FILE: StateFile = StateFile::Derived;

/// A hash of what the archive-wide files read of an article.
pub fn outline_hash(slim: &ArticleSource) -> u64 {
    crate::incremental::stamps::text_hash(&serde_json::to_string(slim).unwrap_or_default())
}

/// What the archive-wide files are made from, hashed (`photos`: the
/// photographs' plan's own hash).
pub fn key(
    tool: u64,
    site: Option<&Value>,
    aliases: &Aliases,
    articles: &BTreeMap<Slug, Loaded>,
    translations: &HashMap<Slug, Vec<Translation>>,
    counterparts: u64,
    photos: u64,
) -> u64 {
    let mut hasher = DefaultHasher::new();
    (tool, photos).hash(&mut hasher);
    site.map(Value::to_string).hash(&mut hasher);
    serde_json::to_string(aliases)
        .unwrap_or_default()
        .hash(&mut hasher);
    for (slug, loaded) in articles {
        (slug.as_str(), loaded.outline_hash).hash(&mut hasher);
        // The lists name each article's translations, whole (the
        // speeches it shares with each too).
        translations.get(slug).hash(&mut hasher);
    }
    counterparts.hash(&mut hasher);
    hasher.finish()
}

/// The sections' and the speakers' counterparts in the other editions
/// (in site.json and the speakers' pages), hashed for [`key`]: they come
/// from the other editions' articles too, which this edition's articles
/// do not show.
pub fn counterparts(
    sections: &HashMap<String, Vec<Translation>>,
    speakers: &HashMap<Slug, Vec<Translation>>,
) -> u64 {
    let mut hasher = DefaultHasher::new();
    let sections: BTreeMap<_, _> = sections.iter().collect();
    let speakers: BTreeMap<_, _> = speakers.iter().collect();
    (sections, speakers).hash(&mut hasher);
    hasher.finish()
}

/// The key the last build of the folder recorded in `state`, if any.
pub fn load(state: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(FILE.in_folder(state)).ok()?;
    u64::from_str_radix(text.trim(), 16).ok()
}

/// Records `key` in `state` (once the build's files are all written).
///
/// # Errors
/// Any I/O error.
pub fn save(state: &Path, key: u64) -> io::Result<()> {
    std::fs::create_dir_all(state)?;
    reader_output::write_atomically(&FILE.in_folder(state), format!("{key:016x}\n"))
}

/// Forgets the key (before any file changes: a build stopped halfway
/// leaves none, and the next writes every archive-wide file).
///
/// # Errors
/// Any I/O error but the file being gone already.
pub fn forget(state: &Path) -> io::Result<()> {
    reader_output::remove_if_there(&FILE.in_folder(state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_and_is_gone_once_forgotten() {
        let scratch = tempfile::Builder::new()
            .prefix("reader-derived-")
            .tempdir()
            .expect("a scratch folder");
        let state = scratch.path().join("state");
        save(&state, u64::MAX - 6).expect("saved");
        assert_eq!(load(&state), Some(u64::MAX - 6));
        forget(&state).expect("forgotten");
        assert_eq!(load(&state), None);
        forget(&state).expect("gone already is no error");
    }
}
