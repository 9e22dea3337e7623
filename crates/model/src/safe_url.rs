use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use thiserror::Error;

/// A URL the app may put in an `href` or `src`: `http(s)://` with a host,
/// `mailto:`, or a same-site relative reference.
///
/// Anything else (`javascript:`, `data:`, `vbscript:`, protocol-relative
/// `//host`, backslash tricks, embedded whitespace or control characters
/// that browsers strip before reading the scheme) cannot be constructed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct SafeUrl(String);

/// Why a string is not a [`SafeUrl`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0:?} is not a safe link (only http, https, mailto and same-site relative URLs are)")]
pub struct UnsafeUrl(pub String);

impl SafeUrl {
    /// Accepts `text` only if a browser following it stays on the web.
    ///
    /// # Errors
    /// [`UnsafeUrl`] for every other scheme and every obfuscation of one.
    pub fn parse(text: &str) -> Result<Self, UnsafeUrl> {
        if is_safe(text) {
            Ok(Self(text.to_owned()))
        } else {
            Err(UnsafeUrl(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the URL leaves this site (it names a scheme).
    pub fn is_external(&self) -> bool {
        scheme(&self.0).is_some()
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SafeUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        SafeUrl::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The scheme, lowercased, if `url` starts with one (`[A-Za-z][A-Za-z0-9+.-]*:`).
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| candidate.to_ascii_lowercase())
}

fn is_safe(url: &str) -> bool {
    if url.is_empty()
        || url.len() > 2048
        // Browsers drop tabs and newlines anywhere and trim spaces and
        // controls at the ends before reading a scheme: "java\tscript:" runs.
        // A real URL has none of them (spaces are written %20), and a
        // backslash is read as a slash ("/\evil.example" leaves the site).
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return false;
    }
    // An HTML character reference ("&#x09;", "&colon;") has no business in
    // a URL written in JSON, and would turn into a scheme if the URL ever
    // reached HTML unescaped: "jav&#x09;ascript:".
    if has_character_reference(url) {
        return false;
    }
    match scheme(url).as_deref() {
        Some("http" | "https") => {
            let rest = &url[url.find(':').map_or(0, |i| i + 1)..];
            rest.strip_prefix("//")
                .and_then(|authority| authority.split(['/', '?', '#']).next())
                .is_some_and(|host| !host.is_empty())
        }
        Some("mailto") => url.len() > "mailto:".len(),
        Some(_) => false,
        // No scheme: a relative reference, which must stay on this site.
        // "//host/path" is protocol-relative and leaves it.
        None => !url.starts_with("//"),
    }
}

fn has_character_reference(url: &str) -> bool {
    url.match_indices('&').any(|(at, _)| {
        let rest = &url[at + 1..];
        rest.starts_with('#')
            || rest.split_once(';').is_some_and(|(name, _)| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_web_mail_and_same_site_links() {
        for good in [
            "https://en.usst.edu.cn/",
            "http://example.edu/a?b=c#d",
            "HTTPS://EXAMPLE.EDU",
            "mailto:news@example.edu",
            "/news/usst-medical-equipment-centre",
            "content/images/lab.svg",
            "../images/x.jpg",
            "#top",
            "?page=2",
            "/search?q=a&b=c&d",
            "https://example.edu/a?x=1&y=2#frag",
        ] {
            assert!(SafeUrl::parse(good).is_ok(), "{good:?} should be accepted");
        }
    }

    #[test]
    fn rejects_script_schemes_and_their_obfuscations() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "javascript\u{0}:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/",
            "/\\evil.example/",
            "\\\\evil.example",
            "https:evil.example",
            "jav&#x09;ascript:alert(1)",
            "jav&#9;ascript:alert(1)",
            "javascript&colon;alert(1)",
            "/x?a=1&amp;b=2",
            "https:///path-only",
            "http://",
            "mailto:",
            "",
        ] {
            assert!(SafeUrl::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn knows_external_from_same_site() {
        let external = SafeUrl::parse("https://example.edu").expect("safe");
        let internal = SafeUrl::parse("/news/x").expect("safe");
        assert!(external.is_external());
        assert!(!internal.is_external());
    }
}
