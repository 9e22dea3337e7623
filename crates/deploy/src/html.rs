//! What the deploy step reads from, and writes into, Trunk's `index.html`.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Where index.html declares the folder the site is served from; the
/// deploy step writes the public URL in its place.
pub const BASE_PLACEHOLDER: &str = "__READER_BASE__";

/// The CSP source (`'sha256-…'`) of every inline `<script>` in `html`:
/// what is between `<script …>` and `</script>`, hashed as the browser
/// hashes it. Scripts with a `src` are not inline and are skipped.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "script")
}

/// The CSP source of every `<style>` in `html`, as for scripts.
pub fn inline_style_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "style")
}

fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let (open, close_tag) = (format!("<{element}"), format!("</{element}"));
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find(&open).map(|i| i + from) {
        let Some(open_end) = lower[start..].find('>').map(|i| i + start + 1) else {
            break;
        };
        let Some(close) = lower[open_end..].find(&close_tag).map(|i| i + open_end) else {
            break;
        };
        let tag = &lower[start..open_end];
        if !has_attribute(tag, "src") {
            hashes.push(sha256_source(&html[open_end..close]));
        }
        from = close;
    }
    hashes
}

fn has_attribute(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .any(|part| part == name || part.starts_with(&format!("{name}=")))
}

/// `'sha256-<base64 of the SHA-256 of text>'`.
pub fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `html` with the base written in and a CSP `<meta>` placed before the
/// first stylesheet, script or style (so it governs all of them), for
/// hosts that send no headers.
pub fn finish(html: &str, base: &str, meta_policy: &str) -> String {
    let html = html.replace(BASE_PLACEHOLDER, base);
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{meta_policy}">"#);
    let lower = html.to_ascii_lowercase();
    let first = ["<link", "<script", "<style"]
        .iter()
        .filter_map(|tag| lower.find(tag))
        .min();
    match first {
        Some(at) => format!("{}{meta}{}", &html[..at], &html[at..]),
        None => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_styles_apart_from_scripts() {
        let html =
            "<style>body{margin:0}</style><script>x()</script><STYLE media=print>p{}</STYLE>";
        assert_eq!(
            inline_style_hashes(html),
            [sha256_source("body{margin:0}"), sha256_source("p{}")]
        );
        assert_eq!(inline_script_hashes(html), [sha256_source("x()")]);
    }

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<head><script type=module>import init from '/a.js';</script>
            <script src="/b.js"></script><SCRIPT>x()</SCRIPT></head>"#;
        assert_eq!(
            inline_script_hashes(html),
            [
                sha256_source("import init from '/a.js';"),
                sha256_source("x()")
            ]
        );
    }

    /// The value browsers compute for `alert(1)` (as in CSP's own examples).
    #[test]
    fn hashes_as_browsers_do() {
        assert_eq!(
            sha256_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn writes_the_base_and_a_meta_policy_before_the_first_resource() {
        let html = "<meta charset=utf-8><meta content=__READER_BASE__ name=reader-base><script type=module>x</script><link href=/a.css rel=stylesheet>";
        let done = finish(html, "/news/", "default-src 'none'");
        assert_eq!(
            done,
            "<meta charset=utf-8><meta content=/news/ name=reader-base>\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
             <script type=module>x</script><link href=/a.css rel=stylesheet>"
        );
    }
}
