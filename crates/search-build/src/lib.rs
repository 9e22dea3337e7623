//! Making the search index's files (`content/search/<key>.json`) at build
//! time: see `reader_search` for what they hold and how a query reads
//! them. This crate is the build's alone (the app links only
//! `reader-search`):
//!
//! - [`build`] numbers the articles in the order given (the news list's,
//!   oldest first), cuts each one's texts into words ([`texts`]) and makes
//!   every file ([`builder`]); [`write`] writes them;
//! - a build into the folder of the last keeps what the index was made
//!   from ([`Indexed`]) and updates the files in place from the articles
//!   that changed ([`update`]), file by file exactly as a build from
//!   scratch writes them.

pub mod builder;
pub mod update;

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use reader_model::layout::ContentFile;
use reader_model::{Article, ArticleSource};
use reader_search::{ArticleTexts, SearchShard};

pub use builder::{ArticleWords, IndexBuilder, split_files};
pub use update::{Change, WordSets};

/// An article's strong text (headline, summary, speakers' names) and the
/// rest of its text, as search reads them (`reader_search::ArticleTexts`).
pub fn texts<R>(article: &Article<R>) -> (String, String) {
    ArticleTexts::of(article).joined()
}

/// How many articles have their words cut at once (in parallel) before
/// they join the index: enough to keep both cores busy, few enough that
/// the cut words of the whole archive never sit in memory together.
const CHUNK: usize = 4_096;

/// The index over `articles`, numbered in the order given (the news
/// list's, oldest first), each read whole by `read` when its turn comes,
/// and what it was made from (each text hashed while it is at hand); its
/// files named by `key_chars` characters.
///
/// # Errors
/// What `read` returns.
pub fn build<T: Sync>(
    articles: &[T],
    read: impl Fn(&T) -> io::Result<ArticleSource> + Sync,
    key_chars: usize,
) -> io::Result<(BTreeMap<String, SearchShard>, Indexed)> {
    let mut builder = IndexBuilder::default();
    let mut indexed = Indexed::default();
    for chunk in articles.chunks(CHUNK) {
        let (words, hashes): (Vec<ArticleWords>, Vec<(String, u64)>) = chunk
            .par_iter()
            .map(|article| {
                let article = read(article)?;
                let (strong, body) = texts(&article);
                let hash = (article.slug.to_string(), texts_hash(&strong, &body));
                Ok((ArticleWords::of(&strong, &body), hash))
            })
            .collect::<io::Result<Vec<_>>>()?
            .into_iter()
            .unzip();
        builder.add_all(&words);
        indexed.articles.extend(hashes);
    }
    Ok((builder.finish(key_chars), indexed))
}

/// Writes each file of the index into the search folder `dir`.
///
/// # Errors
/// Any I/O error.
pub fn write(
    dir: &Path,
    shards: &BTreeMap<String, SearchShard>,
    output: &reader_output::Output,
) -> io::Result<()> {
    shards.par_iter().try_for_each(|(key, shard)| {
        let text = reader_model::to_json(shard).map_err(io::Error::other)?;
        output.write(&search_file(dir, key), text).map(drop)
    })
}

/// What an index was made from: each article's slug and a hash of its
/// texts, by number (oldest first). Kept in the content build's state
/// (`reader_output::state`, its `search-index` file) as one line per
/// article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Indexed {
    pub articles: Vec<(String, u64)>,
}

impl Indexed {
    /// The hash an index records for `article`.
    pub fn hash_of<R>(article: &Article<R>) -> u64 {
        let (strong, body) = texts(article);
        texts_hash(&strong, &body)
    }

    /// The state at `file`, if there is one and it reads.
    pub fn load(file: &Path) -> Option<Self> {
        reader_output::state::read_lines(file).map(|articles| Self { articles })
    }

    /// # Errors
    /// Any I/O error.
    pub fn save(&self, file: &Path) -> io::Result<()> {
        reader_output::state::write_lines(&self.articles, file)
    }

    /// The numbers of the articles whose words changed from `before` to
    /// now, with the articles after `before`'s last (published since);
    /// `None` when an article's number changed (one was deleted, or one
    /// was published with an earlier date than the newest): every list
    /// of the index shifts, and it is built again.
    pub fn changed_since(&self, before: &Self) -> Option<Vec<u32>> {
        let kept = self.articles.get(..before.articles.len())?;
        let mut changed = Vec::new();
        for (id, (now, then)) in kept.iter().zip(&before.articles).enumerate() {
            if now.0 != then.0 {
                return None;
            }
            if now.1 != then.1 {
                changed.push(u32::try_from(id).ok()?);
            }
        }
        let added = before.articles.len()..self.articles.len();
        changed.extend(
            added
                .map(u32::try_from)
                .collect::<Result<Vec<_>, _>>()
                .ok()?,
        );
        Some(changed)
    }
}

/// The index file `key` in the published search folder `dir`.
pub(crate) fn search_file(dir: &Path, key: &str) -> std::path::PathBuf {
    let path = ContentFile::SearchIndex(key).path();
    let name = Path::new(&path).file_name().unwrap_or_default();
    dir.join(name)
}

/// A hash of an article's texts (stable from one build to the next).
fn texts_hash(strong: &str, body: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(strong.as_bytes());
    hasher.write_u8(0xff);
    hasher.write(body.as_bytes());
    hasher.finish()
}
