//! The index's files, as the build writes them and a query reads them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How many articles a word's list keeps, newest first.
pub const POSTINGS_CAP: usize = 4_000;

/// How many characters of a word name its file ([`shard_key`]) in a
/// large archive, unless that file is split; so a word being typed stands
/// for the words it begins once it has as many. An index made before the
/// site said how its files are named has these.
pub const KEY_CHARS: usize = reader_model::SEARCH_KEY_CHARS;

/// How many characters name the files of a small archive's index (of at
/// most [`SHORT_KEYS_UP_TO`] articles): a few hundred files instead of a
/// thousand or more, for the build to write and a host to keep, each
/// still one request. The site says which an index has
/// (`reader_model::Site::search_key_chars`).
pub const SHORT_KEY_CHARS: usize = 2;

/// The most articles an archive may have for its index's files to be
/// named by [`SHORT_KEY_CHARS`]: up to here, few or none of those files
/// weigh more than [`FILE_BUDGET`], so nearly every word is still one
/// request; in a larger archive most would be split, each a request
/// more (see BENCHMARKS-SCALE.md). A rule of the article count alone, so
/// an update in place can tell, without reading the index, that a build
/// afresh would name its files the same way.
pub const SHORT_KEYS_UP_TO: usize = 1_000;

/// How many characters name the index files of an archive of `articles`.
pub fn key_chars_for(articles: usize) -> usize {
    if articles <= SHORT_KEYS_UP_TO {
        SHORT_KEY_CHARS
    } else {
        KEY_CHARS
    }
}

/// The most a file of the index should weigh, as JSON: a heavier file of
/// more than one word is split. (A single word's lists are bounded by
/// [`POSTINGS_CAP`], well under it.)
pub const FILE_BUDGET: usize = 48 * 1024;

/// The file a word is filed in unless that file is split, in an index
/// whose files are named by `key_chars` characters ([`KEY_CHARS`] or
/// [`SHORT_KEY_CHARS`]): its first [`key_chars`] characters (or the whole
/// word, if shorter), as hexadecimal UTF-8 so any script is a safe name.
pub fn shard_key(word: &str, key_chars: usize) -> String {
    key_of(word, self::key_chars(word, key_chars))
}

/// How many characters of `word` name its file before any split, in an
/// index whose files are named by `key_chars`: that many, but one for a
/// piece of Han text (a character or a pair: a file per first character,
/// not per pair, keeps the files a few thousand at most however large the
/// archive).
pub fn key_chars(word: &str, key_chars: usize) -> usize {
    if crate::words::is_han_word(word) {
        1
    } else {
        key_chars
    }
}

/// The text a file's key names (the inverse of [`shard_key`] and of the
/// longer keys of split files), if it is a key.
pub fn key_text(key: &str) -> Option<String> {
    let bytes = (0..key.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(key.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

/// The key of `word`'s first `chars` characters (the longer keys name
/// the files a split file's words go to).
pub fn key_of(word: &str, chars: usize) -> String {
    let end = word
        .char_indices()
        .nth(chars)
        .map_or(word.len(), |(i, _)| i);
    hex::encode(&word.as_bytes()[..end])
}

/// A split file's longer words are filed in parts of at most this share
/// of [`FILE_BUDGET`] (bytes of JSON): the keys one character longer
/// than its name, in order, as many to a part as fit. A key heavier than
/// a part is a part alone (and split again if it weighs more than the
/// budget). So a large Chinese archive, whose characters begin thousands of
/// pairs each, has a file per few hundred pairs, not one per pair.
pub const PARTS_PER_FILE: usize = 3;

/// One file of the index: the words filed under one key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchShard {
    pub words: BTreeMap<String, Postings>,
    /// The words longer than its name are in files one character longer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub split: bool,
    /// Of a split file: the files its longer words are in, each named by
    /// the first of the keys one character longer that it holds, in order
    /// (a key is in the part of the last name not after it). Empty in an
    /// index made before parts: each longer key is then a file of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

/// One file of the index as a query reads it: every word it files, with
/// each word's lists left as JSON text until the query asks for that word
/// (a file holds thousands of words; a query needs a few).
#[derive(Debug, Default, Deserialize)]
pub struct IndexFile {
    pub(crate) words: BTreeMap<String, Box<serde_json::value::RawValue>>,
    #[serde(default)]
    pub(crate) split: bool,
    #[serde(default)]
    pub(crate) parts: Vec<String>,
}

impl IndexFile {
    /// Of a split file, the file that holds the words beginning with
    /// `longer` (a key one character longer than the file's): the part of
    /// the last name not after it, or, in an index made before parts, its
    /// own. `None` when it comes before every part: no word begins so.
    pub(crate) fn part_of(&self, longer: String) -> Option<String> {
        if self.parts.is_empty() {
            return Some(longer);
        }
        let after = self.parts.partition_point(|part| *part <= longer);
        after.checked_sub(1).map(|i| self.parts[i].clone())
    }
}

/// Where one word appears: how many articles in all, and the newest of
/// them, as gaps between article numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    /// How many articles contain the word (more than listed when cut).
    #[serde(rename = "n")]
    pub count: usize,
    /// Headline, summary or speaker's name.
    #[serde(rename = "s", default, skip_serializing_if = "Vec::is_empty")]
    pub strong: Vec<u32>,
    /// The text only.
    #[serde(rename = "b", default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<u32>,
}

impl Postings {
    /// From ascending article numbers, each list keeping its newest (the
    /// highest) [`POSTINGS_CAP`].
    pub fn new(strong: &[u32], body: &[u32]) -> Self {
        let newest = |ids: &[u32]| gaps(&ids[ids.len().saturating_sub(POSTINGS_CAP)..]);
        Self {
            count: strong.len() + body.len(),
            strong: newest(strong),
            body: newest(body),
        }
    }

    /// Whether some articles were left out of the lists.
    pub fn is_cut(&self) -> bool {
        self.count > self.strong.len() + self.body.len()
    }
}

/// Ascending article numbers as the gaps between them (how lists are
/// stored: small numbers, which compress to almost nothing).
pub fn gaps(ids: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    ids.iter()
        .map(|&id| {
            let gap = id - previous;
            previous = id;
            gap
        })
        .collect()
}

/// The article numbers a list of gaps stands for.
pub fn ungaps(gaps: &[u32]) -> impl Iterator<Item = u32> + '_ {
    gaps.iter().scan(0u32, |id, gap| {
        *id = id.saturating_add(*gap);
        Some(*id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_a_words_first_characters_in_hexadecimal() {
        assert_eq!(shard_key("optical", KEY_CHARS), "6f7074");
        assert_eq!(shard_key("optical", SHORT_KEY_CHARS), "6f70");
        assert_eq!(shard_key("5g", KEY_CHARS), "3567");
        assert_eq!(shard_key("5g", SHORT_KEY_CHARS), "3567");
        for chars in [KEY_CHARS, SHORT_KEY_CHARS] {
            assert_eq!(key_text(&shard_key("丁晓东", chars)).as_deref(), Some("丁"));
            assert_eq!(key_text(&shard_key("理工", chars)).as_deref(), Some("理"));
        }
        assert_eq!(key_text("zz"), None);
    }

    #[test]
    fn a_small_archives_files_are_named_by_two_characters() {
        assert_eq!(key_chars_for(0), SHORT_KEY_CHARS);
        assert_eq!(key_chars_for(SHORT_KEYS_UP_TO), SHORT_KEY_CHARS);
        assert_eq!(key_chars_for(SHORT_KEYS_UP_TO + 1), KEY_CHARS);
        assert_eq!(key_chars_for(100_000), KEY_CHARS);
    }
}
