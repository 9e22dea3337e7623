//! What each article was last published from, so that a build into the
//! folder of the last publishes again only the articles whose file, related
//! links or tool changed (the rest of its published files stay as they
//! are). Kept outside the published folder, one `slug<TAB>stamp` line per
//! article: the format of every state file of the content build
//! ([`read_lines`], [`write_lines`]; the search index keeps one too).

use std::collections::HashMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use reader_model::{RelatedLink, Translation};

/// Each article's stamp, by slug.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleStamps {
    by_slug: HashMap<String, u64>,
}

impl ArticleStamps {
    /// The stamps at `file`; none when it is missing or does not read.
    pub fn load(file: &Path) -> Self {
        let by_slug = read_lines(file).unwrap_or_default().into_iter().collect();
        Self { by_slug }
    }

    /// The stamp `slug` was last published with.
    pub fn get(&self, slug: &str) -> Option<u64> {
        self.by_slug.get(slug).copied()
    }

    /// Records `slug`'s stamp (`None`: it has none, and is published
    /// every time).
    pub fn set(&mut self, slug: String, stamp: Option<u64>) {
        match stamp {
            Some(stamp) => self.by_slug.insert(slug, stamp),
            None => self.by_slug.remove(&slug),
        };
    }

    /// Every stamp, as a state file's lines, by slug.
    pub fn lines(&self) -> Vec<(String, u64)> {
        let mut lines: Vec<(String, u64)> = (self.by_slug.iter())
            .map(|(slug, stamp)| (slug.clone(), *stamp))
            .collect();
        lines.sort_unstable();
        lines
    }
}

pub use reader_output::state::{read_lines, write_lines};

/// A hash of a text (stable from one build to the next).
pub fn text_hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// What an article's published file is made from: the tool, the hash of
/// its file's text, its related links and its translations (photographs'
/// copies are not in it: an article with photographs is always published
/// again).
pub fn stamp(
    tool: u64,
    text_hash: u64,
    related: &[RelatedLink],
    translations: &[Translation],
) -> u64 {
    let mut hasher = DefaultHasher::new();
    (tool, text_hash).hash(&mut hasher);
    for link in related {
        (link.slug.as_str(), link.headline.as_str()).hash(&mut hasher);
    }
    translations.hash(&mut hasher);
    hasher.finish()
}

/// The running tool's size and time: a new build of it may publish
/// articles differently.
pub fn tool() -> u64 {
    let mut hasher = DefaultHasher::new();
    if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
        meta.len().hash(&mut hasher);
        if let Ok(time) = meta.modified() {
            time.hash(&mut hasher);
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_read_back_and_change_with_each_input() {
        let scratch = tempfile::Builder::new()
            .prefix("reader-stamps-")
            .tempdir()
            .expect("a scratch folder");
        let file = scratch.path().join("stamps");
        write_lines(&[("a".into(), 7), ("b-c".into(), u64::MAX)], &file).expect("save");
        assert_eq!(
            read_lines(&file),
            Some(vec![("a".into(), 7), ("b-c".into(), u64::MAX)])
        );
        let read = ArticleStamps::load(&file);
        assert_eq!(
            (read.get("a"), read.get("b-c"), read.get("d")),
            (Some(7), Some(u64::MAX), None)
        );
        let _ = fs::remove_file(&file);
        let link = |headline: &str| RelatedLink {
            slug: reader_model::Slug::parse("x").expect("slug"),
            headline: headline.into(),
            headline_breaks: reader_model::Breaks::default(),
        };
        let base = stamp(1, 2, &[link("X")], &[]);
        assert_ne!(base, stamp(9, 2, &[link("X")], &[]));
        assert_ne!(base, stamp(1, 9, &[link("X")], &[]));
        assert_ne!(base, stamp(1, 2, &[link("Y")], &[]));
        assert_ne!(base, stamp(1, 2, &[], &[]));
        assert_eq!(ArticleStamps::load(&file), ArticleStamps::default());
    }
}
