//! Properties of search over generated input (proptest): the index ranks
//! as a brute-force reading of the articles, and highlighting keeps the
//! text whole.

use std::collections::HashMap;

use proptest::prelude::*;
use reader_model::from_json;
use reader_search::{ExcerptPart, IndexFile, KEY_CHARS, SHORT_KEY_CHARS, SearchQuery};
use reader_search_build::IndexBuilder;

/// Articles of a few words each from a small vocabulary, so that queries
/// often match, and some words begin others ("lab", "labs", "labour").
fn small_articles() -> impl Strategy<Value = Vec<(String, String)>> {
    let vocabulary = vec![
        "lab",
        "labs",
        "labour",
        "optical",
        "optics",
        "campus",
        "nyström",
        "丁晓东",
        "5g",
        // Chinese, in runs with no space between words (joined below),
        // full-width letters and digits, and Latin inside Han text.
        "上海理工大学",
        "医疗器械",
        "医疗",
        "器械",
        "学术年会",
        "在沪",
        // Pairs a text may hold apart (大学 … 学生) or as one run (大学生).
        "大学",
        "学生",
        "5G实验室",
        "ＵＳＳＴ２０２０",
    ];
    articles_of(vocabulary, 5, 40)
}

/// Up to `articles` articles, each text up to `words` words of
/// `vocabulary` joined by a space, or by nothing (Chinese is written so).
fn articles_of(
    vocabulary: Vec<&'static str>,
    words: usize,
    articles: usize,
) -> impl Strategy<Value = Vec<(String, String)>> {
    let word = prop::sample::select(vocabulary);
    let text = (prop::collection::vec(word, 0..words), any::<bool>())
        .prop_map(|(words, spaced)| words.join(if spaced { " " } else { "" }));
    prop::collection::vec((text.clone(), text), 0..articles)
}

/// The ranking's meaning, by brute force: an article matches when each
/// query word is one of its words (the last, once it has three letters,
/// may begin one, unless the index split the file named by exactly that
/// word: see `reader_search`); it scores 2 per word found in
/// its strong text, else 1; best first, then newest (the highest number).
/// When no article matches, a long run of Chinese characters in the
/// query (`text`; three of its pairs or more among the query's words)
/// matches an article with two thirds of its pairs, each scored so. A
/// matching article gains 4 for each triple of the query's Chinese runs
/// (of those whose pairs are searched) that its strong text holds.
fn ranked_by_hand(
    articles: &[(String, String)],
    text: &str,
    query: &SearchQuery,
    split: &dyn Fn(&str) -> bool,
) -> Vec<u32> {
    let found = |text: &str, word: &str, last: bool| {
        let begun = last && word.chars().count() >= 3 && !split(word);
        reader_search::words(text).any(|w| w == word || (begun && w.starts_with(word)))
    };
    let score_of = |strong: &str, body: &str, i: usize| {
        let (word, last) = (&query.words[i], i + 1 == query.words.len());
        if found(strong, word, last) {
            2
        } else if found(body, word, last) {
            1
        } else {
            0
        }
    };
    let pair_searched = |pair: &[char]| {
        query
            .words
            .iter()
            .any(|w| w.chars().eq(pair.iter().copied()))
    };
    let triples: Vec<String> = (reader_search::han_triples(text).into_iter())
        .filter(|triple| {
            triple
                .chars()
                .collect::<Vec<char>>()
                .windows(2)
                .all(pair_searched)
        })
        .take(reader_search::MOST_WORDS)
        .collect();
    let ranked = |runs: &[Vec<usize>]| {
        let mut scored: Vec<(u32, u32)> = Vec::new();
        for (id, (strong, body)) in articles.iter().enumerate() {
            let mut score = 0;
            let alone = (0..query.words.len()).filter(|i| !runs.iter().flatten().any(|r| r == i));
            let mut matches = true;
            for i in alone {
                let s = score_of(strong, body, i);
                matches &= s > 0;
                score += s;
            }
            for run in runs {
                let scores: Vec<u32> = run.iter().map(|&i| score_of(strong, body, i)).collect();
                matches &= scores.iter().filter(|s| **s > 0).count() >= (2 * run.len()).div_ceil(3);
                score += scores.iter().sum::<u32>();
            }
            if matches && score > 0 {
                for triple in &triples {
                    if reader_search::strong_words(strong).any(|w| w == *triple) {
                        score += 4;
                    }
                }
                scored.push((u32::try_from(id).unwrap_or(u32::MAX), score));
            }
        }
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        scored.into_iter().map(|(id, _)| id).collect::<Vec<u32>>()
    };
    let strict = ranked(&[]);
    let runs: Vec<Vec<usize>> = (reader_search::long_han_runs(text).into_iter())
        .map(|pairs| {
            let mut at: Vec<usize> = (pairs.iter())
                .filter_map(|pair| query.words.iter().position(|w| w == pair))
                .collect();
            at.sort_unstable();
            at.dedup();
            at
        })
        .filter(|at| at.len() >= 3)
        .collect();
    if strict.is_empty() && !runs.is_empty() {
        ranked(&runs)
    } else {
        strict
    }
}

/// The index over `articles` (written within `budget`, read back as JSON
/// as the app reads it, file by file as the query asks for them) ranks a
/// search for `text` exactly as [`ranked_by_hand`], a page of five after
/// `skip`.
fn ranks_by_hand(
    articles: &[(String, String)],
    text: &str,
    skip: usize,
    budget: usize,
    key_chars: usize,
) -> Result<(), TestCaseError> {
    let mut builder = IndexBuilder::default();
    for (strong, body) in articles.iter() {
        builder.add(strong, body);
    }
    let written = builder.finish_within(budget, key_chars);
    let query = SearchQuery::new(text).filed_by(key_chars);
    let mut files: HashMap<String, IndexFile> = HashMap::new();
    for _round in 0..20 {
        let keys = query.keys_needed(&files);
        if keys.is_empty() {
            break;
        }
        for key in keys {
            let file = match written.get(&key) {
                Some(shard) => from_json(&reader_model::to_json(shard).unwrap_or_default())
                    .map_err(|error| TestCaseError::fail(error.to_string()))?,
                None => IndexFile::default(),
            };
            files.insert(key, file);
        }
    }
    prop_assert!(
        query.keys_needed(&files).is_empty(),
        "the query asks for files forever"
    );
    let hex = |word: &str| word.bytes().map(|b| format!("{b:02x}")).collect::<String>();
    let split = |word: &str| written.get(&hex(word)).is_some_and(|shard| shard.split);
    let expected = ranked_by_hand(articles, text, &query, &split);
    let ranked = query.rank(&files, skip, 5);
    prop_assert_eq!(ranked.total, expected.len());
    prop_assert!(!ranked.more);
    let page: Vec<u32> = expected.into_iter().skip(skip).take(5).collect();
    prop_assert_eq!(ranked.ids, page);
    Ok(())
}

/// Articles of Chinese words alone, joined by a space or by nothing.
fn chinese_articles() -> impl Strategy<Value = Vec<(String, String)>> {
    let vocabulary = vec![
        "大学",
        "学生",
        "大学生",
        "理工",
        "上海理工大学",
        "医疗",
        "器械",
        "医疗器械",
    ];
    articles_of(vocabulary, 4, 20)
}

proptest! {
    /// The index (written, read back as JSON as the app reads it, file by
    /// file as the query asks for them) ranks exactly as the brute-force
    /// reading of the articles, page by page, whether its files are whole
    /// or split (tiny budgets split almost every file).
    #[test]
    fn search_ranks_as_a_brute_force_reading(
        articles in small_articles(),
        query in prop::sample::select(vec!["lab", "labs", "la", "labo", "optical lab", "lab optic", "campus 5g", "nyström", "丁", "x",
            "理工", "上海理工大学", "医疗器械", "年会", "沪", "USST 2020", "5G 实验室", "器械", "疗器", "大学 lab",
            "医疗学术", "上海大学 lab", "器械年会", "疗器械", "理工大学 医疗", "海理", "大学生", "大学生 lab", "理工大学生"]),
        skip in 0usize..6,
        budget in prop_oneof![Just(reader_search::FILE_BUDGET), 0usize..400],
        key_chars in prop_oneof![Just(KEY_CHARS), Just(SHORT_KEY_CHARS)],
    ) {
        ranks_by_hand(&articles, query, skip, budget, key_chars)?;
    }

    /// The same, over Chinese text alone, whose runs' pairs an article may
    /// hold apart (大学 … 学生) or as written (大学生): the triples rank.
    #[test]
    fn chinese_runs_rank_as_a_brute_force_reading(
        articles in chinese_articles(),
        query in prop::sample::select(vec!["大学生", "理工大学生", "医疗器械", "上海大学生", "学生 医疗器械"]),
        skip in 0usize..3,
        budget in prop_oneof![Just(reader_search::FILE_BUDGET), 0usize..400],
        key_chars in prop_oneof![Just(KEY_CHARS), Just(SHORT_KEY_CHARS)],
    ) {
        ranks_by_hand(&articles, query, skip, budget, key_chars)?;
    }

    /// Highlighting keeps the text whole, and marks exactly the words the
    /// query finds, in any case.
    #[test]
    fn highlighting_marks_the_words_searched_and_keeps_the_text(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "lab", "Labs", "LABOUR", "la", "optical", "Optics", "丁晓东", "Nyström", "5G",
            " ", ", ", "-", "’", "<b>",
        ]), 0..12),
        query in prop::sample::select(vec!["lab", "labs", "la", "optical lab", "丁", "nyström 5g"]),
    ) {
        let text = pieces.concat();
        let query = SearchQuery::new(query);
        let parts = query.highlight(&text);
        let whole: String = parts.iter().map(|part| match part {
            ExcerptPart::Text(run) | ExcerptPart::Match(run) => run.as_str(),
        }).collect();
        prop_assert_eq!(&whole, &text);
        let last = query.words.len() - 1;
        let found = |word: String| query.words.iter().enumerate().any(|(i, w)| {
            word == *w || (i == last && w.chars().count() >= 3 && word.starts_with(w.as_str()))
        });
        for part in &parts {
            match part {
                ExcerptPart::Match(run) => {
                    prop_assert_eq!(reader_search::words(run).count(), 1);
                    prop_assert!(reader_search::words(run).all(found));
                }
                ExcerptPart::Text(run) => prop_assert!(!reader_search::words(run).any(found)),
            }
        }
    }

    /// Any run of Chinese characters an article holds finds it, wherever
    /// it stands in the text (no dictionary decides where words begin):
    /// index and query cut text the same way.
    #[test]
    fn any_run_of_chinese_an_article_holds_finds_it(
        articles in small_articles(),
        pick in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        length in 1usize..6,
    ) {
        let runs: Vec<(usize, Vec<char>)> = articles.iter().enumerate()
            .flat_map(|(id, (strong, body))| {
                let text = format!("{strong} {body}");
                text.split(|c: char| !reader_search::words::is_han(c))
                    .filter(|run| !run.is_empty())
                    .map(|run| (id, run.chars().collect::<Vec<char>>()))
                    .collect::<Vec<_>>()
            })
            .collect();
        prop_assume!(!runs.is_empty());
        let (id, run) = &runs[pick.index(runs.len())];
        let start = from.index(run.len());
        let end = (start + length).min(run.len());
        let query = SearchQuery::new(&run[start..end].iter().collect::<String>());
        let mut builder = IndexBuilder::default();
        for (strong, body) in articles.iter() {
            builder.add(strong, body);
        }
        let files: HashMap<String, IndexFile> = builder.finish_within(300, KEY_CHARS).into_iter()
            .map(|(key, shard)| (key, from_json(&reader_model::to_json(&shard).unwrap_or_default()).unwrap_or_default()))
            .collect();
        let ranked = query.rank(&files, 0, 1000);
        prop_assert!(ranked.ids.contains(&(*id as u32)), "{:?} in article {}", query.words, id);
    }
}
