//! Making the index's files from every article's words: each word's lists
//! of article numbers, filed by key and split where a file would weigh
//! too much.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

use reader_search::format::PARTS_PER_FILE;
use reader_search::format::key_chars;
use reader_search::{
    FILE_BUDGET, Postings, SearchShard, key_of, key_text, shard_key, strong_word_slices,
    word_slices,
};

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
        let strong: HashSet<Cow<str>, Fast> = strong_word_slices(strong).collect();
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

/// The hash the index's builder files words by: FxHash (as in rustc),
/// faster than the default SipHash on short words, which
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

/// What a file weighs as the JSON it is written as.
fn weight(shard: &SearchShard) -> usize {
    reader_model::to_json(shard).map_or(usize::MAX, |json| json.len())
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

    /// The index, as its files named by `key_chars` characters
    /// ([`key_chars_for`](reader_search::format::key_chars_for) the
    /// archive): key → shard, none much over [`FILE_BUDGET`].
    pub fn finish(self, key_chars: usize) -> BTreeMap<String, SearchShard> {
        self.finish_within(FILE_BUDGET, key_chars)
    }

    /// The index with files named by `key_chars` characters, split above
    /// `budget` (bytes of JSON).
    pub fn finish_within(self, budget: usize, key_chars: usize) -> BTreeMap<String, SearchShard> {
        let mut by_key: BTreeMap<String, SearchShard> = BTreeMap::new();
        for (word, (strong, body)) in self.parts.into_iter().flatten() {
            by_key
                .entry(shard_key(&word, key_chars))
                .or_default()
                .words
                .insert(word, Postings::new(&strong, &body));
        }
        split_files(by_key, budget, key_chars)
    }
}

/// The files of the index, given each [`shard_key`]'s words (in an index
/// named by `key_chars` characters): one file per key, split by one more
/// character as often as a file weighs more than `budget` (bytes of JSON)
/// and files more than one word; a split file's longer words filed in
/// parts of about a [`PARTS_PER_FILE`]th of `budget` each. What a key's
/// files are depends only on that key's words, so the files of one key
/// can be made again on their own.
pub fn split_files(
    by_key: BTreeMap<String, SearchShard>,
    budget: usize,
    key_chars: usize,
) -> BTreeMap<String, SearchShard> {
    let mut files = BTreeMap::new();
    let mut pending: Vec<(usize, String, SearchShard)> = by_key
        .into_iter()
        .map(|(key, shard)| {
            let chars = key_text(&key).map_or(key_chars, |text| self::key_chars(&text, key_chars));
            (chars, key, shard)
        })
        .collect();
    while let Some((chars, key, shard)) = pending.pop() {
        if shard.words.len() < 2 || weight(&shard) <= budget {
            files.insert(key, shard);
            continue;
        }
        // Split: the word named by the key stays; the rest go one
        // character deeper, in parts.
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
        for (part, shard, weighs) in parts(deeper, budget / PARTS_PER_FILE) {
            kept.parts.push(part.clone());
            if weighs <= budget {
                files.insert(part, shard);
            } else {
                pending.push((chars + 1, part, shard));
            }
        }
        files.insert(key, kept);
    }
    files
}

/// Keys' files, in key order, gathered into parts of at most `budget`
/// bytes each (as many neighbouring keys as fit; a heavier key alone),
/// each named by its first key, with what it weighs (at most the sum of
/// its keys' files).
fn parts(
    by_key: BTreeMap<String, SearchShard>,
    budget: usize,
) -> Vec<(String, SearchShard, usize)> {
    let mut parts: Vec<(String, SearchShard, usize)> = Vec::new();
    for (key, shard) in by_key {
        let weighs = weight(&shard);
        match parts.last_mut() {
            Some((_, part, filled)) if *filled + weighs <= budget => {
                part.words.extend(shard.words);
                *filled += weighs;
            }
            _ => parts.push((key, shard, weighs)),
        }
    }
    parts
}
