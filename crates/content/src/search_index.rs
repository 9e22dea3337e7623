//! The search index files (`content/search/<key>.json`), built from every
//! article: see `reader_model::search_index` for what they hold and how a
//! query reads them. A build into the folder of the last keeps what the
//! index was made from ([`Indexed`]) and updates the index in place from
//! the articles that changed ([`update`]), file by file exactly as a build
//! from scratch writes it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use reader_model::{
    Article, ArticleSource, ArticleWords, Block, FILE_BUDGET, IndexBuilder, KEY_CHARS, Listed,
    Postings, SearchShard, Unknowable, key_text, shard_key, split_files, words,
};

/// An article's strong text (headline, summary, speakers' names) and the
/// rest of its text, as search reads them.
pub fn texts<R>(article: &Article<R>) -> (String, String) {
    let mut strong = vec![article.headline.as_str(), article.summary.as_str()];
    let mut body: Vec<&str> = vec![article.section.as_str()];
    body.extend(article.authors.iter().map(String::as_str));
    for block in article.body.blocks() {
        match block {
            Block::Paragraph { text, .. } => body.push(text),
            Block::Speech(speech) => {
                strong.push(&speech.speaker);
                body.extend(speech.role.as_deref());
                body.push(&speech.caption);
            }
            Block::Figure(figure) => body.extend(figure.caption.as_deref()),
            Block::Quote(quote) => {
                body.push(&quote.text);
                body.extend(quote.attribution.as_deref());
            }
        }
    }
    (strong.join(" "), body.join(" "))
}

/// How many articles have their words cut at once (in parallel) before
/// they join the index: enough to keep both cores busy, few enough that
/// the cut words of the whole archive never sit in memory together.
const CHUNK: usize = 4_096;

/// The index over `articles`, numbered in the order given (the news
/// list's, oldest first), each read whole by `read` when its turn comes,
/// and what it was made from (each text hashed while it is at hand).
///
/// # Errors
/// What `read` returns.
pub fn build<T: Sync>(
    articles: &[T],
    read: impl Fn(&T) -> io::Result<ArticleSource> + Sync,
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
    Ok((builder.finish(), indexed))
}

/// Writes each shard as `dir/<key>.json`.
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
        output
            .write(&dir.join(format!("{key}.json")), text)
            .map(drop)
    })
}

/// What an index was made from: each article's slug and a hash of its
/// texts, by number (oldest first). Kept outside the published folder
/// (see [`reader_output::state_folder`]) as one line per article.
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
        crate::stamps::read_lines(file).map(|articles| Self { articles })
    }

    /// # Errors
    /// Any I/O error.
    pub fn save(&self, file: &Path) -> io::Result<()> {
        crate::stamps::write_lines(&self.articles, file)
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

/// A hash of an article's texts (stable from one build to the next).
fn texts_hash(strong: &str, body: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(strong.as_bytes());
    hasher.write_u8(0xff);
    hasher.write(body.as_bytes());
    hasher.finish()
}

/// An article's words: in its strong text, and in the rest only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordSets {
    strong: BTreeSet<String>,
    body: BTreeSet<String>,
}

impl WordSets {
    pub fn of<R>(article: &Article<R>) -> Self {
        let (strong, body) = texts(article);
        let strong: BTreeSet<String> = words(&strong).collect();
        let body = words(&body).filter(|w| !strong.contains(w)).collect();
        Self { strong, body }
    }

    fn listed(&self, word: &str) -> Option<Listed> {
        if self.strong.contains(word) {
            Some(Listed::Strong)
        } else if self.body.contains(word) {
            Some(Listed::Body)
        } else {
            None
        }
    }

    fn all(&self) -> impl Iterator<Item = &String> {
        self.strong.iter().chain(&self.body)
    }
}

/// One article's change: its number, its words in the index now (`None`
/// for an article published since), and its words from now on.
pub struct Change {
    pub id: u32,
    pub before: Option<WordSets>,
    pub after: WordSets,
}

/// Updates the index files in `dir` for `changes`, as a build from scratch
/// of the articles as they are now would write them: for each word whose
/// lists change, every file of its key (the key's file, and the files it
/// is split into) is read, changed and split again. Files written only
/// where their bytes change; files no longer made removed.
///
/// # Errors
/// [`Unknowable`] (wrapped as `io::ErrorKind::InvalidData`) when a list
/// cut at its cap would have to list an article it does not hold, or the
/// files do not hold what the changes say: the caller builds the index
/// again. Any I/O error.
pub fn update(dir: &Path, changes: &[Change], output: &reader_output::Output) -> io::Result<()> {
    // Each word's moves, by the key of its file.
    let mut by_key: BTreeMap<String, BTreeMap<&str, Vec<Move>>> = BTreeMap::new();
    for change in changes {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let before = change.before.as_ref();
        for word in change
            .after
            .all()
            .chain(before.into_iter().flat_map(WordSets::all))
        {
            if !seen.insert(word) {
                continue;
            }
            let from = before.and_then(|b| b.listed(word));
            let to = change.after.listed(word);
            if from != to {
                by_key
                    .entry(shard_key(word))
                    .or_default()
                    .entry(word)
                    .or_default()
                    .push((change.id, from, to));
            }
        }
    }
    let existing = existing_keys(dir)?;
    for (key, moves) in by_key {
        let files = key_files(&existing, &key);
        let mut merged = SearchShard::default();
        for file in &files {
            let path = dir.join(format!("{file}.json"));
            let shard: SearchShard = reader_model::from_json(&fs::read_to_string(&path)?)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
            merged.words.extend(shard.words);
        }
        for (word, moves) in moves {
            let postings = merged
                .words
                .entry(word.to_owned())
                .or_insert_with(Postings::default);
            for (id, from, to) in moves {
                postings.shift(id, from, to).map_err(unknowable)?;
            }
            if postings.count == 0 {
                merged.words.remove(word);
            }
        }
        let made = if merged.words.is_empty() {
            BTreeMap::new()
        } else {
            split_files(BTreeMap::from([(key, merged)]), FILE_BUDGET)
        };
        for (file, shard) in &made {
            let text = reader_model::to_json(shard).map_err(io::Error::other)?;
            output.write(&dir.join(format!("{file}.json")), text)?;
        }
        for file in files.iter().filter(|file| !made.contains_key(*file)) {
            fs::remove_file(dir.join(format!("{file}.json")))?;
        }
    }
    Ok(())
}

/// An article's move between a word's lists: its number, from, to.
type Move = (u32, Option<Listed>, Option<Listed>);

fn unknowable(_: Unknowable) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "the search index cannot be updated in place",
    )
}

/// The words each index file in `dir` is named for (its key decoded),
/// with the file's key.
fn existing_keys(dir: &Path) -> io::Result<BTreeMap<String, String>> {
    let mut keys = BTreeMap::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name();
        let Some(key) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        if let Some(word) = key_text(key) {
            keys.insert(word, key.to_owned());
        }
    }
    Ok(keys)
}

/// The files of `key` (a [`shard_key`]) among those `existing`: its own,
/// and, when its words are at least as long as a key, every file it is
/// split into (named by longer beginnings of the same text).
fn key_files(existing: &BTreeMap<String, String>, key: &str) -> Vec<String> {
    let Some(word) = key_text(key) else {
        return Vec::new();
    };
    if word.chars().count() < KEY_CHARS {
        return existing.get(&word).cloned().into_iter().collect();
    }
    existing
        .range(word.clone()..)
        .take_while(|(text, _)| text.starts_with(&word))
        .map(|(_, file)| file.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> String {
        text.bytes().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn a_keys_files_are_its_own_and_those_it_is_split_into() {
        let existing: BTreeMap<String, String> =
            ["co", "con", "conc", "conf", "conce", "cop", "cat"]
                .into_iter()
                .map(|text| (text.to_owned(), key(text)))
                .collect();
        let files = |text: &str| key_files(&existing, &key(text));
        assert_eq!(files("con"), ["con", "conc", "conce", "conf"].map(key));
        assert_eq!(
            files("co"),
            [key("co")],
            "a word shorter than a key is its own file"
        );
        assert_eq!(files("cat"), [key("cat")]);
        assert!(files("dog").is_empty());
    }
}
