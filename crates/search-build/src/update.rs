//! Updating the index's files in place from the articles that changed:
//! each word they gained or lost moves in its lists, and only the files
//! of those words are written again, exactly as a whole build writes them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::Path;

use reader_model::Article;
use reader_search::format::{gaps, key_chars, ungaps};
use reader_search::{
    FILE_BUDGET, POSTINGS_CAP, Postings, SearchShard, key_text, shard_key, strong_words, words,
};

use crate::{search_file, split_files, texts};

/// An article's words: in its strong text, and in the rest only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordSets {
    strong: BTreeSet<String>,
    body: BTreeSet<String>,
}

impl WordSets {
    pub fn of<R>(article: &Article<R>) -> Self {
        let (strong, body) = texts(article);
        let strong: BTreeSet<String> = strong_words(&strong).collect();
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
pub fn update(
    dir: &Path,
    key_chars: usize,
    changes: &[Change],
    output: &reader_output::Output,
) -> io::Result<()> {
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
                    .entry(shard_key(word, key_chars))
                    .or_default()
                    .entry(word)
                    .or_default()
                    .push((change.id, from, to));
            }
        }
    }
    let existing = existing_keys(dir)?;
    for (key, moves) in by_key {
        let files = key_files(&existing, &key, key_chars);
        let mut merged = SearchShard::default();
        for file in &files {
            let path = search_file(dir, file);
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
                shift(postings, id, from, to).map_err(unknowable)?;
            }
            if postings.count == 0 {
                merged.words.remove(word);
            }
        }
        let made = if merged.words.is_empty() {
            BTreeMap::new()
        } else {
            split_files(BTreeMap::from([(key, merged)]), FILE_BUDGET, key_chars)
        };
        for (file, shard) in &made {
            let text = reader_model::to_json(shard).map_err(io::Error::other)?;
            output.write(&search_file(dir, file), text)?;
        }
        for file in files.iter().filter(|file| !made.contains_key(*file)) {
            fs::remove_file(search_file(dir, file))?;
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

/// The files of `key` (a [`shard_key`] of an index named by `chars`
/// characters) among those `existing`: its own, and, when its words are at
/// least as long as a key, every file it is split into (named by longer
/// beginnings of the same text).
fn key_files(existing: &BTreeMap<String, String>, key: &str, chars: usize) -> Vec<String> {
    let Some(word) = key_text(key) else {
        return Vec::new();
    };
    if word.chars().count() < key_chars(&word, chars) {
        return existing.get(&word).cloned().into_iter().collect();
    }
    existing
        .range(word.clone()..)
        .take_while(|(text, _)| text.starts_with(&word))
        .map(|(_, file)| file.clone())
        .collect()
}

/// Moves article `id` from one of the word's lists to another (`None`:
/// the article does not have the word), leaving the lists exactly as a
/// build from scratch would write them.
///
/// # Errors
/// [`Unknowable`] when that cannot be known from the lists alone: the
/// article leaves a list cut at [`POSTINGS_CAP`] (the next older
/// article, now to be listed, is not), or the lists do not hold what
/// `from` says.
pub fn shift(
    postings: &mut Postings,
    id: u32,
    from: Option<Listed>,
    to: Option<Listed>,
) -> Result<(), Unknowable> {
    if from == to {
        return Ok(());
    }
    if let Some(from) = from {
        let mut ids: Vec<u32> = ungaps(list(postings, from)).collect();
        match ids.binary_search(&id) {
            Ok(_) if ids.len() >= POSTINGS_CAP => return Err(Unknowable),
            Ok(at) => {
                ids.remove(at);
            }
            // Older than every listed article of a cut list: only the
            // count knew it.
            Err(0) if ids.len() >= POSTINGS_CAP => {}
            Err(_) => return Err(Unknowable),
        }
        *list_mut(postings, from) = gaps(&ids);
        postings.count = postings.count.checked_sub(1).ok_or(Unknowable)?;
    }
    if let Some(to) = to {
        let mut ids: Vec<u32> = ungaps(list(postings, to)).collect();
        let Err(at) = ids.binary_search(&id) else {
            return Err(Unknowable);
        };
        ids.insert(at, id);
        let keep = ids.len().saturating_sub(POSTINGS_CAP);
        *list_mut(postings, to) = gaps(&ids[keep..]);
        postings.count += 1;
    }
    Ok(())
}

fn list(postings: &Postings, which: Listed) -> &[u32] {
    match which {
        Listed::Strong => &postings.strong,
        Listed::Body => &postings.body,
    }
}

fn list_mut(postings: &mut Postings, which: Listed) -> &mut Vec<u32> {
    match which {
        Listed::Strong => &mut postings.strong,
        Listed::Body => &mut postings.body,
    }
}

/// Which of a word's lists names an article: its strong text (headline,
/// summary, speakers' names) or only the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Strong,
    Body,
}

/// An index file cannot be updated in place: it must be built again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unknowable;

#[cfg(test)]
mod tests {
    use super::*;
    use reader_search::{KEY_CHARS, SHORT_KEY_CHARS};

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
        let files = |text: &str| key_files(&existing, &key(text), KEY_CHARS);
        assert_eq!(files("con"), ["con", "conc", "conce", "conf"].map(key));
        assert_eq!(
            files("co"),
            [key("co")],
            "a word shorter than a key is its own file"
        );
        assert_eq!(files("cat"), [key("cat")]);
        assert!(files("dog").is_empty());
    }

    #[test]
    fn in_an_index_named_by_two_characters_a_keys_files_start_one_shorter() {
        let existing: BTreeMap<String, String> = ["c", "co", "con", "conc", "cop", "cat"]
            .into_iter()
            .map(|text| (text.to_owned(), key(text)))
            .collect();
        let files = |text: &str| key_files(&existing, &key(text), SHORT_KEY_CHARS);
        assert_eq!(files("co"), ["co", "con", "conc", "cop"].map(key));
        assert_eq!(files("c"), [key("c")], "a one-letter word is its own file");
        assert!(files("do").is_empty());
    }
}
