//! Reading a word's lists from an index file: which file a word is in,
//! given the files at hand, and its articles (and, while it is being
//! typed, those of the words it begins), weighted.

use std::collections::HashMap;

use crate::format::{IndexFile, POSTINGS_CAP, Postings, key_chars, key_of, ungaps};
use crate::merge::{Matches, Weighted, union_best};

/// How many words a prefix (the word still being typed) may stand for.
const PREFIX_EXPANSION: usize = 64;

impl IndexFile {
    /// The lists of `word` and, when it is `begun` (still being typed), of
    /// the words it begins: only those are decoded. Of more than
    /// [`PREFIX_EXPANSION`] such words, the word itself and those most
    /// articles have (not the first in alphabetical order: "ann" stands
    /// for "annual" before "annexe").
    pub(crate) fn lists(&self, word: &str, begun: bool) -> Vec<Postings> {
        let mut lists: Vec<(bool, Postings)> = self
            .words
            .range::<str, _>((std::ops::Bound::Included(word), std::ops::Bound::Unbounded))
            .take_while(|(filed, _)| *filed == word || (begun && filed.starts_with(word)))
            .filter_map(|(filed, raw)| Some((filed == word, serde_json::from_str(raw.get()).ok()?)))
            .collect();
        if lists.len() > PREFIX_EXPANSION {
            lists.sort_by_key(|(itself, postings)| std::cmp::Reverse((*itself, postings.count)));
            lists.truncate(PREFIX_EXPANSION);
        }
        lists.into_iter().map(|(_, postings)| postings).collect()
    }
}

impl Postings {
    /// Each listed article, with how strongly it matches (2 or 1), and,
    /// for lists cut to their newest, the number from which on they are
    /// whole (the oldest listed of a list at the cap).
    pub(crate) fn weighted(&self) -> Matches {
        let strong: Weighted = ungaps(&self.strong).map(|id| (id, 2)).collect();
        let body: Weighted = ungaps(&self.body).map(|id| (id, 1)).collect();
        let from = |list: &Weighted| {
            (self.is_cut() && list.len() >= POSTINGS_CAP).then(|| list.first().map(|(id, _)| *id))
        };
        let whole = from(&strong).flatten().max(from(&body).flatten());
        (union_best(&strong, &body), whole)
    }
}

/// Where a word's file stands, given the files at hand.
pub(crate) enum Found<'a> {
    /// At hand.
    File(&'a IndexFile),
    /// Not fetched yet: its key.
    Needed(String),
    /// Nowhere: the word cannot match.
    None,
}

/// The file `word` is in, in an index whose files are named by
/// `key_chars` characters: its [`key_chars`] characters' file, or, while
/// the file at hand is split and the word is longer than its name, the
/// part of it the word's next character leads to.
pub(crate) fn file_of<'a, F: std::borrow::Borrow<IndexFile>>(
    word: &str,
    key_chars: usize,
    files: &'a HashMap<String, F>,
) -> Found<'a> {
    let length = word.chars().count();
    let mut chars = self::key_chars(word, key_chars);
    let mut key = key_of(word, chars);
    loop {
        let Some(file) = files.get(&key) else {
            return Found::Needed(key);
        };
        let file = file.borrow();
        if !file.split || length <= chars {
            return Found::File(file);
        }
        // A part split again holds one key's words alone: another's
        // beginning is not in it.
        if key != key_of(word, chars) {
            return Found::None;
        }
        chars += 1;
        match file.part_of(key_of(word, chars)) {
            Some(part) => key = part,
            None => return Found::None,
        }
    }
}
