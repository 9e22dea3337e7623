//! Any string offered as a link or picture source: what is accepted must
//! have no scheme a browser would read as anything but http(s) or mailto,
//! however the browser normalises it first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_model::SafeUrl;

fuzz_target!(|text: &str| {
    let Ok(url) = SafeUrl::parse(text) else {
        return;
    };
    let url = url.as_str();
    // What a browser does before reading a scheme.
    let read: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .to_owned();
    assert_eq!(read, url, "accepted a URL the browser would rewrite: {text:?}");
    assert!(!url.starts_with("//") && !url.contains('\\'), "leaves the site: {text:?}");
    if let Some((scheme, _)) = url.split_once(':') {
        let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if is_scheme {
            let scheme = scheme.to_ascii_lowercase();
            assert!(
                matches!(scheme.as_str(), "http" | "https" | "mailto"),
                "accepted scheme {scheme:?}: {text:?}"
            );
        }
    }
});
