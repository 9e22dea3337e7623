//! Properties over generated input (proptest): what must hold for every
//! string and every article, not just the ones we thought of.

use std::collections::HashMap;

use proptest::prelude::*;
use reader_model::strategies::article;
use reader_model::{
    Article, Date, ExcerptPart, IndexBuilder, IndexFile, SafeUrl, SearchQuery, Slug, from_json,
};

/// What a browser does to an href before reading its scheme: drop tabs and
/// newlines anywhere, trim C0 controls and spaces at both ends.
fn as_a_browser_reads_it(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .to_owned()
}

fn browser_scheme(url: &str) -> Option<String> {
    let url = as_a_browser_reads_it(url);
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then(|| scheme.to_ascii_lowercase())
}

/// Strings built to look like attacks: schemes, separators, encodings and
/// whitespace in every order, plus arbitrary text.
fn url_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("javascript".to_owned()),
        Just("JaVaScRiPt".to_owned()),
        Just("data".to_owned()),
        Just("vbscript".to_owned()),
        Just("http".to_owned()),
        Just("https".to_owned()),
        Just("mailto".to_owned()),
        Just(":".to_owned()),
        Just("/".to_owned()),
        Just("\\".to_owned()),
        Just("//".to_owned()),
        Just("&#".to_owned()),
        Just(";".to_owned()),
        Just("%0a".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{1}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("alert(1)".to_owned()),
        Just("evil.example".to_owned()),
        "[a-z]{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// No unsafe scheme ever survives sanitising, however it is dressed up.
    #[test]
    fn no_unsafe_scheme_survives(text in url_like()) {
        if let Ok(url) = SafeUrl::parse(&text) {
            let scheme = browser_scheme(url.as_str());
            prop_assert!(
                matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
                "{text:?} was accepted with scheme {scheme:?}"
            );
            prop_assert_eq!(as_a_browser_reads_it(url.as_str()), url.as_str().to_owned());
            prop_assert!(!url.as_str().starts_with("//"), "{:?} leaves the site", text);
            prop_assert!(!url.as_str().contains('\\'));
        }
    }

    /// Whatever the input, parsing answers (Ok or a positioned error) and never panics.
    #[test]
    fn parsing_never_panics(text in any::<String>()) {
        let _ = from_json::<Article>(&text);
        let _ = SafeUrl::parse(&text);
        let _ = Slug::parse(&text);
        let _ = Date::parse(&text);
    }

    /// Every article survives JSON and back unchanged.
    #[test]
    fn articles_round_trip(article in article()) {
        let json = serde_json::to_string(&article).expect("serializes");
        prop_assert_eq!(from_json::<Article>(&json).expect("parses"), article);
    }
}

/// Articles of a few words each from a small vocabulary, so that queries
/// often match, and some words begin others ("lab", "labs", "labour").
fn small_articles() -> impl Strategy<Value = Vec<(String, String)>> {
    let word = prop::sample::select(vec![
        "lab",
        "labs",
        "labour",
        "optical",
        "optics",
        "campus",
        "nyström",
        "丁晓东",
        "5g",
    ]);
    let text = prop::collection::vec(word, 0..5).prop_map(|words| words.join(" "));
    prop::collection::vec((text.clone(), text), 0..40)
}

/// The ranking's meaning, by brute force: an article matches when each
/// query word is one of its words (the last, once it has three letters,
/// may begin one, unless the index split the file named by exactly that
/// word: see `reader_model::search_index`); it scores 2 per word found in
/// its strong text, else 1; best first, then newest (the highest number).
fn ranked_by_hand(
    articles: &[(String, String)],
    query: &SearchQuery,
    split: &dyn Fn(&str) -> bool,
) -> Vec<u32> {
    let found = |text: &str, word: &str, last: bool| {
        let begun = last && word.chars().count() >= 3 && !split(word);
        reader_model::words(text).any(|w| w == word || (begun && w.starts_with(word)))
    };
    let mut scored: Vec<(u32, u32)> = Vec::new();
    for (id, (strong, body)) in articles.iter().enumerate() {
        let mut score = 0;
        for (i, word) in query.words.iter().enumerate() {
            let last = i + 1 == query.words.len();
            if found(strong, word, last) {
                score += 2;
            } else if found(body, word, last) {
                score += 1;
            } else {
                score = 0;
                break;
            }
        }
        if score > 0 {
            scored.push((u32::try_from(id).unwrap_or(u32::MAX), score));
        }
    }
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    scored.into_iter().map(|(id, _)| id).collect()
}

proptest! {
    /// The index (written, read back as JSON as the app reads it, file by
    /// file as the query asks for them) ranks exactly as the brute-force
    /// reading of the articles, page by page, whether its files are whole
    /// or split (tiny budgets split almost every file).
    #[test]
    fn search_ranks_as_a_brute_force_reading(
        articles in small_articles(),
        query in prop::sample::select(vec!["lab", "labs", "la", "labo", "optical lab", "lab optic", "campus 5g", "nyström", "丁", "x"]),
        skip in 0usize..6,
        budget in prop_oneof![Just(reader_model::FILE_BUDGET), 0usize..400],
    ) {
        let mut builder = IndexBuilder::default();
        for (strong, body) in articles.iter() {
            builder.add(strong, body);
        }
        let written = builder.finish_within(budget);
        let query = SearchQuery::new(query);
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
        prop_assert!(query.keys_needed(&files).is_empty(), "the query asks for files forever");
        let hex = |word: &str| word.bytes().map(|b| format!("{b:02x}")).collect::<String>();
        let split = |word: &str| written.get(&hex(word)).is_some_and(|shard| shard.split);
        let expected = ranked_by_hand(&articles, &query, &split);
        let ranked = query.rank(&files, skip, 5);
        prop_assert_eq!(ranked.total, expected.len());
        prop_assert!(!ranked.more);
        let page: Vec<u32> = expected.into_iter().skip(skip).take(5).collect();
        prop_assert_eq!(ranked.ids, page);
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
                    prop_assert_eq!(reader_model::words(run).count(), 1);
                    prop_assert!(reader_model::words(run).all(found));
                }
                ExcerptPart::Text(run) => prop_assert!(!reader_model::words(run).any(found)),
            }
        }
    }
}
