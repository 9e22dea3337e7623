//! Search without a server, over an archive of any size: an inverted index
//! written at build time as small static files, of which a query fetches
//! only the few it needs.
//!
//! - Words are cut and folded by [`words`], the same way for the index
//!   and for the query.
//! - Every article has a number: its place in the news list counted from
//!   the oldest (0), so the list's archive pages (`content/list/<k>.json`,
//!   see [`crate::ListPage::position`]) say what to show for a hit, and
//!   nothing else is downloaded per result; a newly published article
//!   takes the next number, so the others keep theirs and only the files
//!   of its own words change.
//! - Each word lists the articles it appears in, twice: where it is in the
//!   headline, the summary or a speaker's name (`strong`), and where only in
//!   the text (`body`). The lists are sorted by number, stored as gaps
//!   (which compress to almost nothing), and keep the newest
//!   [`POSTINGS_CAP`] articles: a word in 80,000 articles lists the
//!   newest, and says how many there are.
//! - Words are grouped into one file per first three characters
//!   ([`shard_key`]), so the word being typed ("opt") can be completed
//!   ("optical", "optics") from the one file that holds them all.
//! - A file that would weigh more than [`FILE_BUDGET`] (in a large
//!   archive, "con" or "pro" begin hundreds of common words) is split by
//!   one more character ("conc", "conf", …), as often as needed: it keeps
//!   only the word it is named for, if any, and says it is split, and the
//!   query asks for the longer key next. So no file is much heavier than
//!   the budget, however large the archive, and only the queries that
//!   meet a split file pay one more request. The word being typed stands
//!   for the words it begins within its own file: typed only as far as a
//!   split file's name ("con"), it finds that word itself until the next
//!   letter.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

use serde::{Deserialize, Serialize};

/// How many articles a word's list keeps, newest first.
pub const POSTINGS_CAP: usize = 4_000;

/// How many characters of a word name its file ([`shard_key`]), unless
/// that file is split; so a word being typed stands for the words it
/// begins once it has as many.
pub const KEY_CHARS: usize = 3;

/// The most a file of the index should weigh, as JSON: a heavier file of
/// more than one word is split. (A single word's lists are bounded by
/// [`POSTINGS_CAP`]: about 30 KB.)
pub const FILE_BUDGET: usize = 48 * 1024;

/// How many words a prefix (the word still being typed) may stand for.
const PREFIX_EXPANSION: usize = 64;

/// The words of `text`, lowercased: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_slices(text).map(Cow::into_owned)
}

/// The file a word is filed in unless that file is split: its first
/// three characters (or the whole word, if shorter), as hexadecimal UTF-8
/// so any script is a safe name.
pub fn shard_key(word: &str) -> String {
    key_of(word, KEY_CHARS)
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

/// The key of `word`'s first `chars` characters.
fn key_of(word: &str, chars: usize) -> String {
    let end = word
        .char_indices()
        .nth(chars)
        .map_or(word.len(), |(i, _)| i);
    word[..end].bytes().map(|b| format!("{b:02x}")).collect()
}

/// One file of the index: the words filed under one key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchShard {
    pub words: BTreeMap<String, Postings>,
    /// The words longer than its name are in files one character longer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub split: bool,
}

impl SearchShard {
    /// What it weighs as the JSON file it is written as.
    fn weight(&self) -> usize {
        crate::to_json(self).map_or(usize::MAX, |json| json.len())
    }
}

/// One file of the index as a query reads it: every word it files, with
/// each word's lists left as JSON text until the query asks for that word
/// (a file holds thousands of words; a query needs a few).
#[derive(Debug, Default, Deserialize)]
pub struct IndexFile {
    words: BTreeMap<String, Box<serde_json::value::RawValue>>,
    #[serde(default)]
    split: bool,
}

impl IndexFile {
    /// The lists of `word` and, when it is `begun` (still being typed), of
    /// the words it begins: only those are decoded.
    fn lists<'a>(&'a self, word: &'a str, begun: bool) -> impl Iterator<Item = Postings> + 'a {
        self.words
            .range::<str, _>((std::ops::Bound::Included(word), std::ops::Bound::Unbounded))
            .take_while(move |(filed, _)| *filed == word || (begun && filed.starts_with(word)))
            .take(PREFIX_EXPANSION)
            .filter_map(|(_, raw)| serde_json::from_str(raw.get()).ok())
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
        &mut self,
        id: u32,
        from: Option<Listed>,
        to: Option<Listed>,
    ) -> Result<(), Unknowable> {
        if from == to {
            return Ok(());
        }
        if let Some(from) = from {
            let mut ids: Vec<u32> = ungaps(self.list(from)).collect();
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
            *self.list_mut(from) = gaps(&ids);
            self.count = self.count.checked_sub(1).ok_or(Unknowable)?;
        }
        if let Some(to) = to {
            let mut ids: Vec<u32> = ungaps(self.list(to)).collect();
            let Err(at) = ids.binary_search(&id) else {
                return Err(Unknowable);
            };
            ids.insert(at, id);
            let keep = ids.len().saturating_sub(POSTINGS_CAP);
            *self.list_mut(to) = gaps(&ids[keep..]);
            self.count += 1;
        }
        Ok(())
    }

    fn list(&self, which: Listed) -> &[u32] {
        match which {
            Listed::Strong => &self.strong,
            Listed::Body => &self.body,
        }
    }

    fn list_mut(&mut self, which: Listed) -> &mut Vec<u32> {
        match which {
            Listed::Strong => &mut self.strong,
            Listed::Body => &mut self.body,
        }
    }

    /// Each listed article, with how strongly it matches (2 or 1).
    fn weighted(&self) -> Weighted {
        let strong: Weighted = ungaps(&self.strong).map(|id| (id, 2)).collect();
        let body: Weighted = ungaps(&self.body).map(|id| (id, 1)).collect();
        union_best(&strong, &body)
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

/// Article numbers, each with a weight: ascending, each number once.
type Weighted = Vec<(u32, u32)>;

/// Every number in `a` or `b`, with the better of its weights.
fn union_best(a: &[(u32, u32)], b: &[(u32, u32)]) -> Weighted {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1.max(y.1)));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The numbers in both `a` and `b`, with their weights added.
fn intersect_sum(a: &[(u32, u32)], b: &[(u32, u32)]) -> Weighted {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn gaps(ids: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    ids.iter()
        .map(|&id| {
            let gap = id - previous;
            previous = id;
            gap
        })
        .collect()
}

fn ungaps(gaps: &[u32]) -> impl Iterator<Item = u32> + '_ {
    gaps.iter().scan(0u32, |id, gap| {
        *id = id.saturating_add(*gap);
        Some(*id)
    })
}

/// A query, as words: every word must match; the last may be unfinished
/// (it also matches the words it starts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub words: Vec<String>,
}

impl SearchQuery {
    pub fn new(text: &str) -> Self {
        let mut words: Vec<String> = Vec::new();
        for word in self::words(text) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
        words.truncate(8);
        Self { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The index files this query needs next, given the ones at hand
    /// (`files`, by key): at first each word's [`shard_key`]; then, for a
    /// word whose file turned out to be split, the longer key. Empty once
    /// every word's file is at hand.
    pub fn keys_needed<F: std::borrow::Borrow<IndexFile>>(
        &self,
        files: &HashMap<String, F>,
    ) -> Vec<String> {
        let mut keys: Vec<String> = self
            .words
            .iter()
            .filter_map(|word| match file_of(word, files) {
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
        let mut scores: Option<Weighted> = None;
        let mut cut = false;
        for (i, word) in self.words.iter().enumerate() {
            let mut matches = Weighted::new();
            if let Found::File(file) = file_of(word, shards) {
                for postings in file.lists(word, self.begun(i)) {
                    cut |= postings.is_cut();
                    matches = union_best(&matches, &postings.weighted());
                }
            }
            scores = Some(match scores {
                None => matches,
                Some(before) => intersect_sum(&before, &matches),
            });
        }
        let scores = scores.unwrap_or_default();
        // Scores are small (at most 2 per word): one pass per score, from
        // the highest, each pass newest (highest number) first; it stops
        // once `limit` are in.
        let best = scores.iter().map(|(_, score)| *score).max().unwrap_or(0);
        let ids = (1..=best)
            .rev()
            .flat_map(|score| {
                scores
                    .iter()
                    .rev()
                    .filter(move |(_, s)| *s == score)
                    .map(|(id, _)| *id)
            })
            .skip(skip)
            .take(limit)
            .collect();
        Ranked {
            total: scores.len(),
            more: cut,
            ids,
        }
    }

    /// Whether the `i`-th word is still being typed: the last, once it is
    /// long enough to stand for the words it begins.
    fn begun(&self, i: usize) -> bool {
        i + 1 == self.words.len() && self.words[i].chars().count() >= KEY_CHARS
    }

    /// Whether `word` (as written in a text) is one the query finds.
    fn finds(&self, word: &str) -> bool {
        let lower = if word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            std::borrow::Cow::Borrowed(word)
        } else {
            std::borrow::Cow::Owned(word.to_lowercase())
        };
        self.words
            .iter()
            .enumerate()
            .any(|(i, w)| *lower == *w || (self.begun(i) && lower.starts_with(w.as_str())))
    }

    /// `text` cut into plain runs and the words the query finds.
    pub fn highlight(&self, text: &str) -> Vec<crate::ExcerptPart> {
        use crate::ExcerptPart;
        let mut parts = Vec::new();
        let mut plain = 0;
        let mut word_start = None;
        let ends = text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')));
        for (at, c) in ends {
            if c.is_alphanumeric() {
                word_start.get_or_insert(at);
                continue;
            }
            if let Some(start) = word_start.take()
                && self.finds(&text[start..at])
            {
                if plain < start {
                    parts.push(ExcerptPart::Text(text[plain..start].to_owned()));
                }
                parts.push(ExcerptPart::Match(text[start..at].to_owned()));
                plain = at;
            }
        }
        if plain < text.len() {
            parts.push(ExcerptPart::Text(text[plain..].to_owned()));
        }
        parts
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

/// The file `word` is in: its three characters' file, or, while the file
/// at hand is split and the word is longer than its name, the next.
fn file_of<'a, F: std::borrow::Borrow<IndexFile>>(
    word: &str,
    files: &'a HashMap<String, F>,
) -> Found<'a> {
    let length = word.chars().count();
    let mut chars = KEY_CHARS;
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
    /// The best, in order.
    pub ids: Vec<u32>,
}

/// One article's distinct words: in its strong text, and in its text only,
/// each filed under the part of the [`IndexBuilder`] that keeps it (so a
/// word is hashed for its part once, while its article is cut).
pub struct ArticleWords {
    parts: [(Vec<String>, Vec<String>); PARTS],
}

impl ArticleWords {
    pub fn of(strong: &str, body: &str) -> Self {
        // Each distinct word is allocated once: most words of a text are
        // repeats, and most are lowercase already.
        let strong: HashSet<Cow<str>, Fast> = word_slices(strong).collect();
        let body: HashSet<Cow<str>, Fast> =
            word_slices(body).filter(|w| !strong.contains(w)).collect();
        let mut parts: [(Vec<String>, Vec<String>); PARTS] = Default::default();
        for word in strong {
            parts[part_of(&word)].0.push(word.into_owned());
        }
        for word in body {
            parts[part_of(&word)].1.push(word.into_owned());
        }
        Self { parts }
    }
}

/// [`words`], borrowing those already lowercase.
fn word_slices(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            if word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(word.to_lowercase())
            }
        })
}

/// The hash the index's builder files words by: FxHash (as in rustc),
/// several times faster than the default SipHash on short words, which
/// guards against hostile keys a build does not take (the words are the
/// newsroom's own). The files' order never depends on it (they are
/// sorted).
#[derive(Default, Clone, Copy)]
struct Fast;

impl BuildHasher for Fast {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
        }
        for &byte in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Words, each with the ids of the articles that have it in their strong
/// text and in their text only.
type Words = HashMap<String, (Vec<u32>, Vec<u32>), Fast>;

/// How many parts the builder's words are kept in: each part is filled on
/// its own thread by [`IndexBuilder::add_all`].
const PARTS: usize = 4;

/// Builds the index files from each article's strong and body text, in
/// article-number order.
pub struct IndexBuilder {
    /// Each word is in the part its hash picks.
    parts: Vec<Words>,
    /// The id the next article added gets.
    next: u32,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        Self {
            parts: (0..PARTS).map(|_| HashMap::default()).collect(),
            next: 0,
        }
    }
}

/// The part of the builder `word` is kept in: middle bits of its hash,
/// which a part's map uses for neither its buckets nor its tags.
fn part_of(word: &str) -> usize {
    (Fast.hash_one(word) >> 32) as usize % PARTS
}

impl IndexBuilder {
    /// Adds the next article (ids count from 0 in the order added).
    pub fn add(&mut self, strong: &str, body: &str) {
        self.add_all(&[ArticleWords::of(strong, body)]);
    }

    /// Adds the next articles by their words (cut beforehand, perhaps in
    /// parallel), each part of the index filled on its own thread.
    pub fn add_all(&mut self, articles: &[ArticleWords]) {
        let first = self.next;
        std::thread::scope(|scope| {
            for (n, part) in self.parts.iter_mut().enumerate() {
                scope.spawn(move || {
                    for (id, words) in (first..).zip(articles) {
                        let (strong, body) = &words.parts[n];
                        for (list, words) in [(0, strong), (1, body)] {
                            for word in words {
                                let lists = match part.get_mut(word.as_str()) {
                                    Some(lists) => lists,
                                    None => part.entry(word.clone()).or_default(),
                                };
                                if list == 0 {
                                    lists.0.push(id);
                                } else {
                                    lists.1.push(id);
                                }
                            }
                        }
                    }
                });
            }
        });
        let added = u32::try_from(articles.len()).unwrap_or(u32::MAX);
        self.next = first.saturating_add(added);
    }

    /// The index, as its files: key → shard, none much over
    /// [`FILE_BUDGET`].
    pub fn finish(self) -> BTreeMap<String, SearchShard> {
        self.finish_within(FILE_BUDGET)
    }

    /// The index with files split above `budget` (bytes of JSON).
    pub fn finish_within(self, budget: usize) -> BTreeMap<String, SearchShard> {
        let mut by_key: BTreeMap<String, SearchShard> = BTreeMap::new();
        for (word, (strong, body)) in self.parts.into_iter().flatten() {
            by_key
                .entry(shard_key(&word))
                .or_default()
                .words
                .insert(word, Postings::new(&strong, &body));
        }
        split_files(by_key, budget)
    }
}

/// The files of the index, given each [`shard_key`]'s words: one file per
/// key, split by one more character as often as a file weighs more than
/// `budget` (bytes of JSON) and files more than one word. What a key's
/// files are depends only on that key's words, so the files of one key
/// can be made again on their own.
pub fn split_files(
    by_key: BTreeMap<String, SearchShard>,
    budget: usize,
) -> BTreeMap<String, SearchShard> {
    let mut files = BTreeMap::new();
    let mut pending: Vec<(usize, String, SearchShard)> = by_key
        .into_iter()
        .map(|(key, shard)| (KEY_CHARS, key, shard))
        .collect();
    while let Some((chars, key, shard)) = pending.pop() {
        if shard.words.len() < 2 || shard.weight() <= budget {
            files.insert(key, shard);
            continue;
        }
        // Split: the word named by the key stays; the rest go one
        // character deeper.
        let mut kept = SearchShard {
            split: true,
            ..SearchShard::default()
        };
        let mut deeper: BTreeMap<String, SearchShard> = BTreeMap::new();
        for (word, postings) in shard.words {
            if word.chars().count() <= chars {
                kept.words.insert(word, postings);
            } else {
                deeper
                    .entry(key_of(&word, chars + 1))
                    .or_default()
                    .words
                    .insert(word, postings);
            }
        }
        files.insert(key, kept);
        pending.extend(
            deeper
                .into_iter()
                .map(|(key, shard)| (chars + 1, key, shard)),
        );
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExcerptPart;

    /// The index over `articles`, written and read back as a query reads it.
    fn index(articles: &[(&str, &str)]) -> HashMap<String, IndexFile> {
        written(articles)
            .into_iter()
            .map(|(key, shard)| {
                let json = crate::to_json(&shard).expect("json");
                (key, crate::from_json(&json).expect("reads back"))
            })
            .collect()
    }

    fn written(articles: &[(&str, &str)]) -> std::collections::BTreeMap<String, SearchShard> {
        let mut builder = IndexBuilder::default();
        for (strong, body) in articles.iter() {
            builder.add(strong, body);
        }
        builder.finish()
    }

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits() {
        let found: Vec<String> = words("USST’s 5G-lab: Nyström, 丁晓东!").collect();
        assert_eq!(found, ["usst", "s", "5g", "lab", "nyström", "丁晓东"]);
        assert_eq!(shard_key("optical"), "6f7074");
        assert_eq!(shard_key("5g"), "3567");
        assert_eq!(key_text(&shard_key("丁晓东")).as_deref(), Some("丁晓东"));
        assert_eq!(key_text("zz"), None);
    }

    #[test]
    fn every_word_must_match_and_headlines_rank_first_then_newest() {
        let shards = index(&[
            ("Sports day", "running"),                       // 0: oldest
            ("Optical laboratory", "nothing else"),          // 1
            ("Library reopens", "optical fibre laboratory"), // 2
            ("Optical lab opens", "a new laboratory"),       // 3: newest
        ]);
        let ranked = SearchQuery::new("optical laboratory").rank(&shards, 0, 10);
        assert_eq!(ranked.ids, [1, 3, 2]);
        assert_eq!((ranked.total, ranked.more), (3, false));
        assert!(
            SearchQuery::new("optical running")
                .rank(&shards, 0, 10)
                .ids
                .is_empty()
        );
    }

    #[test]
    fn the_last_word_may_be_unfinished() {
        let shards = index(&[("Optics", ""), ("Optical", ""), ("Opera", "")]);
        assert_eq!(SearchQuery::new("opti").rank(&shards, 0, 10).ids, [1, 0]);
        assert_eq!(
            SearchQuery::new("opti sports").rank(&shards, 0, 10).ids,
            Vec::<u32>::new()
        );
        let none: HashMap<String, IndexFile> = HashMap::new();
        assert_eq!(SearchQuery::new("opti").keys_needed(&none), ["6f7074"]);
    }

    #[test]
    fn long_lists_keep_the_newest_and_say_there_are_more() {
        let articles: Vec<(&str, &str)> = vec![("", "campus"); POSTINGS_CAP + 10];
        let shards = index(&articles);
        let ranked = SearchQuery::new("campus").rank(&shards, 0, 20);
        assert_eq!(ranked.total, POSTINGS_CAP);
        assert!(ranked.more);
        let newest = (POSTINGS_CAP + 10) as u32 - 1;
        assert_eq!(
            ranked.ids,
            (newest - 19..=newest).rev().collect::<Vec<u32>>()
        );
        let next = SearchQuery::new("campus").rank(&shards, 20, 20);
        assert_eq!(
            next.ids,
            (newest - 39..=newest - 20).rev().collect::<Vec<u32>>()
        );
        assert_eq!(
            SearchQuery::new("campus")
                .rank(&shards, POSTINGS_CAP - 1, 5)
                .ids,
            [10],
            "the oldest listed is the 4,000th newest"
        );
        let postings = &written(&articles)["63616d"].words["campus"];
        assert_eq!(postings.count, POSTINGS_CAP + 10);
        assert!(
            postings.body[1..].iter().all(|gap| *gap == 1),
            "stored as gaps"
        );
    }

    #[test]
    fn shifting_an_article_lists_as_a_new_build_would_or_says_it_cannot() {
        let cap = POSTINGS_CAP as u32;
        // Strong: every even number below 2 * (cap + 5), cut; body: 3.
        let strong: Vec<u32> = (0..cap + 5).map(|i| i * 2).collect();
        let body = [1, 3, 5];
        let built = |strong: &[u32], body: &[u32]| {
            let (mut strong, mut body) = (strong.to_vec(), body.to_vec());
            strong.sort_unstable();
            body.sort_unstable();
            Postings::new(&strong, &body)
        };
        let shifted = |id, from, to| {
            let mut postings = built(&strong, &body);
            postings.shift(id, from, to).map(|()| postings)
        };
        let (s, b) = (Some(Listed::Strong), Some(Listed::Body));
        let newest = 2 * (cap + 5);
        let with = |list: &[u32], id| [list, &[id]].concat();
        let without = |list: &[u32], id| {
            list.iter()
                .copied()
                .filter(|x| *x != id)
                .collect::<Vec<_>>()
        };
        // Published since: the newest joins a cut list, the oldest listed leaves it.
        assert_eq!(
            shifted(newest, None, s),
            Ok(built(&with(&strong, newest), &body))
        );
        // Older than every listed one: only the count knows it.
        assert_eq!(shifted(7, None, s), Ok(built(&with(&strong, 7), &body)));
        assert_eq!(shifted(2, s, None), Ok(built(&without(&strong, 2), &body)));
        assert_eq!(
            shifted(3, b, s),
            Ok(built(&with(&strong, 3), &without(&body, 3)))
        );
        assert_eq!(shifted(5, b, None), Ok(built(&strong, &without(&body, 5))));
        assert_eq!(shifted(9, None, b), Ok(built(&strong, &with(&body, 9))));
        // A listed article leaves a cut list: the next older is not known.
        assert_eq!(shifted(newest - 2, s, None), Err(Unknowable));
        // The lists do not hold what the change says.
        assert_eq!(shifted(9, b, None), Err(Unknowable));
        assert_eq!(shifted(3, None, b), Err(Unknowable));
        assert_eq!(shifted(3, b, b), Ok(built(&strong, &body)));
    }

    /// What the app does: asks for the files a query needs until it has
    /// them all (a file that does not exist reads as empty); how many
    /// rounds of requests that took.
    fn fetched(
        query: &SearchQuery,
        written: &BTreeMap<String, SearchShard>,
    ) -> (HashMap<String, IndexFile>, usize) {
        let mut files = HashMap::new();
        let mut rounds = 0;
        loop {
            let keys = query.keys_needed(&files);
            if keys.is_empty() {
                return (files, rounds);
            }
            rounds += 1;
            for key in keys {
                let file = written.get(&key).map_or_else(IndexFile::default, |shard| {
                    crate::from_json(&crate::to_json(shard).expect("json")).expect("reads back")
                });
                files.insert(key, file);
            }
        }
    }

    #[test]
    fn a_heavy_file_is_split_by_one_more_character_and_still_found() {
        // "con" begins many words; "cat" is one. Article i has the first
        // i % 6 + 1 of them.
        let words = ["cat", "conference", "concert", "contract", "control", "con"];
        let articles: Vec<(&str, String)> = (0..300)
            .map(|i| ("", words[..=(i % words.len())].join(" ")))
            .collect();
        let articles: Vec<(&str, &str)> = articles.iter().map(|(s, b)| (*s, b.as_str())).collect();
        let mut builder = IndexBuilder::default();
        for (strong, body) in articles.iter() {
            builder.add(strong, body);
        }
        let written = builder.finish_within(1_000);
        let con = &written[&shard_key("con")];
        assert!(con.split);
        assert_eq!(con.words.keys().collect::<Vec<_>>(), ["con"]);
        // "conc" (concert) and "conf" (conference): each one word now.
        assert!(
            written.contains_key(&key_of("conc", 4)) && written.contains_key(&key_of("conf", 4))
        );
        assert!(!written[&shard_key("cat")].split);
        for shard in written.values() {
            let real = crate::to_json(shard).expect("json").len();
            assert!(shard.words.len() < 2 || real <= 1_000, "{real} bytes");
        }
        // A word in a split file: one more round of requests; still found.
        let query = SearchQuery::new("concert");
        let (files, rounds) = fetched(&query, &written);
        assert_eq!(rounds, 2);
        assert_eq!(query.rank(&files, 0, 1000).total, 200);
        // Typed as far as the split file's name: that word itself.
        let query = SearchQuery::new("con");
        let (files, rounds) = fetched(&query, &written);
        assert_eq!(rounds, 1);
        assert_eq!(query.rank(&files, 0, 1000).total, 50);
        // Begun one letter further: the words it begins.
        let query = SearchQuery::new("cont");
        let (files, _) = fetched(&query, &written);
        assert_eq!(query.rank(&files, 0, 1000).total, 150);
        // A word no file holds: nothing, without asking forever.
        let query = SearchQuery::new("conx");
        let (files, rounds) = fetched(&query, &written);
        assert_eq!((query.rank(&files, 0, 10).total, rounds), (0, 2));
    }

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
}
