//! Properties over generated input (proptest): what must hold for every
//! string and every article, not just the ones we thought of.

use proptest::prelude::*;
use reader_model::strategies::article;
use reader_model::{Article, Date, SafeUrl, Slug, from_json};

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
