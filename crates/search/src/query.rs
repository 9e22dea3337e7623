//! A query over the index's files: which files it needs, and the matching
//! articles ranked. Reading a word's lists from a file is
//! `lookup.rs`'s; marking what a query finds in a text is
//! `highlight.rs`'s.

use std::collections::HashMap;

use crate::format::{IndexFile, KEY_CHARS};
use crate::lookup::{Found, file_of};
use crate::merge::{Matches, Weighted, at_least, boost, intersect_sum, union_best};
use crate::words::{Cut, han_triples, is_han_word, long_han_runs, tokens};

/// How many characters a word being typed needs before it also stands for
/// the words it begins.
const PREFIX_CHARS: usize = 3;

/// The most words a query searches (each may need a file of the index).
pub const MOST_WORDS: usize = 8;

/// How much more a Chinese triple weighs than a word: an article that holds
/// a run as it was typed outranks one that has the run's pairs apart, even
/// where they stand in its headline.
const TRIPLE_FACTOR: u32 = 2;

/// A query, as words: every word must match; the last may be unfinished
/// (it also matches the words it starts). A run of Chinese characters is
/// its overlapping pairs (see [`crate::words`]).
///
/// Chinese is written without spaces, so a run of four characters or more
/// may be two words or more (图书馆学生: library, students), whose pairs
/// across the words' joins (馆学) the text need not hold. When no article
/// has every pair, such a run matches an article that has two thirds of
/// its pairs (图书, 书馆 and 学生 of the four); the articles with more of
/// them rank first.
///
/// A run's pairs may stand apart in an article (大学生, university student:
/// 大学 here, 学生 there). It still matches, but the articles whose strong
/// text holds the run's triples (the run as it was typed) rank above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub words: Vec<String>,
    /// The long runs of Chinese characters: for each, the indices in
    /// `words` of its pairs.
    runs: Vec<Vec<usize>>,
    /// The triples of the runs of Chinese characters whose pairs are
    /// searched: not needed to match, they rank ([`han_triples`]).
    triples: Vec<String>,
    /// Whether the text had more than [`MOST_WORDS`] words (or pairs of
    /// Chinese characters): those after them are not searched.
    pub left_out: bool,
    /// How many characters name the index's files (the site says:
    /// [`KEY_CHARS`] unless [`SearchQuery::filed_by`] is told otherwise).
    key_chars: usize,
}

impl SearchQuery {
    pub fn new(text: &str) -> Self {
        let mut words: Vec<String> = Vec::new();
        for word in tokens(text, Cut::Query) {
            if !words.iter().any(|w| *w == word) {
                words.push(word.into_owned());
            }
        }
        let left_out = words.len() > MOST_WORDS;
        words.truncate(MOST_WORDS);
        let runs = long_han_runs(text)
            .into_iter()
            .map(|pairs| {
                let mut at: Vec<usize> = (pairs.iter())
                    .filter_map(|pair| words.iter().position(|w| w == pair))
                    .collect();
                at.sort_unstable();
                at.dedup();
                at
            })
            .filter(|at| at.len() >= 3)
            .collect();
        // A triple ranks only the pairs searched (those past the most
        // words are not).
        let searched = |pair: &[char]| words.iter().any(|w| w.chars().eq(pair.iter().copied()));
        let triples = (han_triples(text).into_iter())
            .filter(|triple| {
                let chars: Vec<char> = triple.chars().collect();
                chars.windows(2).all(searched)
            })
            .take(MOST_WORDS)
            .collect();
        Self {
            words,
            runs,
            triples,
            key_chars: KEY_CHARS,
            left_out,
        }
    }

    /// The same query over an index whose files are named by `key_chars`
    /// characters (`reader_model::Site::search_key_chars`).
    #[must_use]
    pub fn filed_by(self, key_chars: usize) -> Self {
        Self { key_chars, ..self }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The index files this query needs next, given the ones at hand
    /// (`files`, by key): at first each word's [`shard_key`](crate::shard_key); then, for a
    /// word whose file turned out to be split, the longer key. Empty once
    /// every word's file is at hand.
    pub fn keys_needed<F: std::borrow::Borrow<IndexFile>>(
        &self,
        files: &HashMap<String, F>,
    ) -> Vec<String> {
        let mut keys: Vec<String> = (self.words.iter().chain(&self.triples))
            .filter_map(|word| match file_of(word, self.key_chars, files) {
                Found::File(_) | Found::None => None,
                Found::Needed(key) => Some(key),
            })
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// The matching articles' numbers, best first (more strong matches,
    /// and the Chinese triples they hold, then newest): `limit` of them
    /// after the first `skip`, and how many match in all.
    ///
    /// Linear in the lists' lengths: they are merged in number order, with
    /// no table and no sort (an archive's commonest words list thousands).
    pub fn rank<F: std::borrow::Borrow<IndexFile>>(
        &self,
        shards: &HashMap<String, F>,
        skip: usize,
        limit: usize,
    ) -> Ranked {
        let (mut cut, mut unfinished) = (false, false);
        let matches: Vec<Matches> = (self.words.iter().enumerate())
            .map(|(i, word)| {
                let (mut matches, mut whole) = (Weighted::new(), None);
                if let Found::File(file) = file_of(word, self.key_chars, shards) {
                    // Begun, in a file whose longer words are in files of
                    // their own: only the word itself is at hand.
                    unfinished |= self.begun(i) && file.split;
                    for postings in file.lists(word, self.begun(i)) {
                        cut |= postings.is_cut();
                        let (listed, from) = postings.weighted();
                        matches = union_best(&matches, &listed);
                        whole = whole.max(from);
                    }
                }
                (matches, whole)
            })
            .collect();
        let all = |lists: &mut dyn Iterator<Item = &Matches>| {
            lists
                .fold(None, |before: Option<Matches>, list| {
                    Some(before.map_or_else(|| list.clone(), |b| intersect_sum(&b, list)))
                })
                .unwrap_or_default()
                .0
        };
        let mut scores = all(&mut matches.iter());
        if scores.is_empty() && !self.runs.is_empty() {
            // Each long Chinese run as two thirds of its pairs, with every
            // other word still whole.
            let in_runs: Vec<usize> = self.runs.iter().flatten().copied().collect();
            let runs: Vec<Matches> = (self.runs.iter())
                .map(|run| {
                    let lists: Vec<&Weighted> = run.iter().map(|&i| &matches[i].0).collect();
                    (at_least(&lists, (2 * run.len()).div_ceil(3)), None)
                })
                .collect();
            let words = (matches.iter().enumerate())
                .filter(|(i, _)| !in_runs.contains(i))
                .map(|(_, list)| list);
            scores = all(&mut words.chain(&runs));
        }
        for triple in &self.triples {
            if let Found::File(file) = file_of(triple, self.key_chars, shards) {
                for postings in file.lists(triple, false) {
                    scores = boost(&scores, &postings.weighted().0, TRIPLE_FACTOR);
                }
            }
        }
        // Scores are small (at most 2 per word, 4 per triple): one pass per
        // score some article has, from the highest, each pass newest
        // (highest number) first; it stops once `limit` are in.
        let best = scores.iter().map(|(_, score)| *score).max().unwrap_or(0);
        let mut present = vec![false; best as usize + 1];
        for (_, score) in &scores {
            present[*score as usize] = true;
        }
        let (ids, weights) = (1..=best)
            .rev()
            .filter(|score| present[*score as usize])
            .flat_map(|score| {
                scores
                    .iter()
                    .rev()
                    .filter(move |(_, s)| *s == score)
                    .copied()
            })
            .skip(skip)
            .take(limit)
            .unzip();
        Ranked {
            total: scores.len(),
            more: cut,
            unfinished,
            ids,
            scores: weights,
        }
    }

    /// Whether the last word, as it is typed, is too short yet to stand
    /// for the words it begins (a word of Latin letters, of fewer than
    /// [`PREFIX_CHARS`]): a query of it that finds nothing may find
    /// something a letter later.
    pub fn last_word_too_short_to_begin(&self) -> bool {
        self.words
            .last()
            .is_some_and(|word| !is_han_word(word) && word.chars().count() < PREFIX_CHARS)
    }

    /// Whether the `i`-th word is still being typed: the last, once it is
    /// long enough to stand for the words it begins.
    pub(crate) fn begun(&self, i: usize) -> bool {
        i + 1 == self.words.len()
            && !is_han_word(&self.words[i])
            && self.words[i].chars().count() >= PREFIX_CHARS
    }
}

/// What a query found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// How many listed articles match.
    pub total: usize,
    /// Whether more may match than the lists hold (a very common word).
    pub more: bool,
    /// Whether the word being typed begins too many words to find them
    /// yet (its file is split): a letter more will.
    pub unfinished: bool,
    /// The best, in order.
    pub ids: Vec<u32>,
    /// Their scores, in the same order: those of equal score are in no
    /// order but the newest first, which a caller that knows more of them
    /// (their headlines) may refine.
    pub scores: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_with_no_file_at_hand_asks_for_its_words_files() {
        let none: HashMap<String, IndexFile> = HashMap::new();
        assert_eq!(SearchQuery::new("opti").keys_needed(&none), ["6f7074"]);
        // Chinese: a file per first character of each pair.
        assert_eq!(
            SearchQuery::new("理工大学").keys_needed(&none),
            ["e5a4a7", "e5b7a5", "e79086"]
        );
    }
}
