//! A query over the index's files: which files it needs, the matching
//! articles ranked, and a text's words it finds, marked.

use std::collections::HashMap;

use crate::format::{IndexFile, KEY_CHARS, POSTINGS_CAP, Postings, key_chars, key_of, ungaps};
use crate::merge::{Matches, Weighted, at_least, intersect_sum, union_best};

/// How many characters a word being typed needs before it also stands for
/// the words it begins.
const PREFIX_CHARS: usize = 3;
use crate::results::ExcerptPart;
use crate::words::{Cut, fold, groups_digits, is_han, is_han_word, long_han_runs, tokens};

/// How many words a prefix (the word still being typed) may stand for.
const PREFIX_EXPANSION: usize = 64;

impl IndexFile {
    /// The lists of `word` and, when it is `begun` (still being typed), of
    /// the words it begins: only those are decoded. Of more than
    /// [`PREFIX_EXPANSION`] such words, the word itself and those most
    /// articles have (not the first in alphabetical order: "ann" stands
    /// for "annual" before "annexe").
    fn lists(&self, word: &str, begun: bool) -> Vec<Postings> {
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
    fn weighted(&self) -> Matches {
        let strong: Weighted = ungaps(&self.strong).map(|id| (id, 2)).collect();
        let body: Weighted = ungaps(&self.body).map(|id| (id, 1)).collect();
        let from = |list: &Weighted| {
            (self.is_cut() && list.len() >= POSTINGS_CAP).then(|| list.first().map(|(id, _)| *id))
        };
        let whole = from(&strong).flatten().max(from(&body).flatten());
        (union_best(&strong, &body), whole)
    }
}

/// The most words a query searches (each may need a file of the index).
pub const MOST_WORDS: usize = 8;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub words: Vec<String>,
    /// The long runs of Chinese characters: for each, the indices in
    /// `words` of its pairs.
    runs: Vec<Vec<usize>>,
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
        Self {
            words,
            runs,
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
        let mut keys: Vec<String> = self
            .words
            .iter()
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
    /// then newest): `limit` of them after the first `skip`, and how many
    /// match in all.
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
        // Scores are small (at most 2 per word): one pass per score, from
        // the highest, each pass newest (highest number) first; it stops
        // once `limit` are in.
        let best = scores.iter().map(|(_, score)| *score).max().unwrap_or(0);
        let (ids, weights) = (1..=best)
            .rev()
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
    fn begun(&self, i: usize) -> bool {
        i + 1 == self.words.len()
            && !is_han_word(&self.words[i])
            && self.words[i].chars().count() >= PREFIX_CHARS
    }

    /// Whether `word` (as written in a text) is one the query finds.
    fn finds(&self, word: &str) -> bool {
        let lower = if word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            std::borrow::Cow::Borrowed(word)
        } else {
            let chars = word.chars().filter(|&c| c != ',');
            std::borrow::Cow::Owned(chars.map(fold).collect::<String>().to_lowercase())
        };
        self.words
            .iter()
            .enumerate()
            .any(|(i, w)| *lower == *w || (self.begun(i) && lower.starts_with(w.as_str())))
    }

    /// How many stretches of `text` the query finds (see
    /// [`SearchQuery::highlight`]).
    pub fn matches_in(&self, text: &str) -> usize {
        (self.highlight(text).iter())
            .filter(|part| matches!(part, ExcerptPart::Match(_)))
            .count()
    }

    /// `text` cut into plain runs and what the query finds: its words, and
    /// in runs of Chinese characters the stretches its pairs cover.
    pub fn highlight(&self, text: &str) -> Vec<ExcerptPart> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut word_start = None;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let ends = chars
            .iter()
            .copied()
            .chain(std::iter::once((text.len(), ' ')));
        for (at, c) in ends {
            if (c.is_alphanumeric() && !is_han(c))
                || (c == ',' && word_start.is_some() && groups_digits(text, at))
            {
                word_start.get_or_insert(at);
                continue;
            }
            if let Some(start) = word_start.take()
                && self.finds(&text[start..at])
            {
                found.push((start, at));
            }
        }
        found.extend(self.han_matches(text, &chars));
        found.sort_unstable();
        let mut parts = Vec::new();
        let mut plain = 0;
        for (start, end) in found {
            if start < plain {
                continue;
            }
            if plain < start {
                parts.push(ExcerptPart::Text(text[plain..start].to_owned()));
            }
            parts.push(ExcerptPart::Match(text[start..end].to_owned()));
            plain = end;
        }
        if plain < text.len() {
            parts.push(ExcerptPart::Text(text[plain..].to_owned()));
        }
        parts
    }

    /// The stretches of Han characters in `text` that the query's pieces
    /// of Han text cover (as byte ranges).
    fn han_matches(&self, text: &str, chars: &[(usize, char)]) -> Vec<(usize, usize)> {
        let han: Vec<&str> = self
            .words
            .iter()
            .filter(|w| is_han_word(w))
            .map(String::as_str)
            .collect();
        if han.is_empty() {
            return Vec::new();
        }
        let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(at, _)| *at);
        let mut covered = vec![false; chars.len()];
        for (i, (at, c)) in chars.iter().enumerate() {
            if !is_han(*c) {
                continue;
            }
            if han.contains(&&text[*at..end_of(i)]) {
                covered[i] = true;
            }
            if let Some((_, next)) = chars.get(i + 1)
                && is_han(*next)
                && han.contains(&&text[*at..end_of(i + 1)])
            {
                covered[i] = true;
                covered[i + 1] = true;
            }
        }
        let mut stretches = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !covered[i] {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            while i < chars.len() && covered[i] {
                i += 1;
            }
            stretches.push((start, chars.get(i).map_or(text.len(), |(at, _)| *at)));
        }
        stretches
    }
}

/// Where a word's file stands, given the files at hand.
enum Found<'a> {
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
/// next.
fn file_of<'a, F: std::borrow::Borrow<IndexFile>>(
    word: &str,
    key_chars: usize,
    files: &'a HashMap<String, F>,
) -> Found<'a> {
    let length = word.chars().count();
    let mut chars = self::key_chars(word, key_chars);
    loop {
        let key = key_of(word, chars);
        let Some(file) = files.get(&key) else {
            return Found::Needed(key);
        };
        let file = file.borrow();
        if !file.split || length <= chars {
            return Found::File(file);
        }
        chars += 1;
        if chars > length {
            return Found::None;
        }
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
    fn highlights_the_words_a_query_matches_and_keeps_the_rest() {
        let parts = SearchQuery::new("optical lab").highlight("New Optical-imaging labs, <b>");
        assert_eq!(
            parts,
            [
                ExcerptPart::Text("New ".into()),
                ExcerptPart::Match("Optical".into()),
                ExcerptPart::Text("-imaging ".into()),
                ExcerptPart::Match("labs".into()),
                ExcerptPart::Text(", <b>".into()),
            ]
        );
    }

    #[test]
    fn a_number_is_marked_whether_typed_with_its_commas_or_without() {
        for typed in ["1500", "1,500"] {
            let parts = SearchQuery::new(typed).highlight("Over 1,500 seats, 2,1500 rows");
            assert_eq!(
                parts,
                [
                    ExcerptPart::Text("Over ".into()),
                    ExcerptPart::Match("1,500".into()),
                    ExcerptPart::Text(" seats, 2,".into()),
                    ExcerptPart::Match("1500".into()),
                    ExcerptPart::Text(" rows".into()),
                ],
                "{typed}"
            );
        }
    }

    #[test]
    fn highlights_the_chinese_a_query_covers() {
        let parts = SearchQuery::new("医疗器械").highlight("上海高端医疗器械创新中心，医疗设备");
        assert_eq!(
            parts,
            [
                ExcerptPart::Text("上海高端".into()),
                ExcerptPart::Match("医疗器械".into()),
                ExcerptPart::Text("创新中心，".into()),
                ExcerptPart::Match("医疗".into()),
                ExcerptPart::Text("设备".into()),
            ]
        );
        let mixed = SearchQuery::new("5G 实验室").highlight("新建5G实验室启用");
        assert_eq!(
            mixed,
            [
                ExcerptPart::Text("新建".into()),
                ExcerptPart::Match("5G".into()),
                ExcerptPart::Match("实验室".into()),
                ExcerptPart::Text("启用".into()),
            ]
        );
    }

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
