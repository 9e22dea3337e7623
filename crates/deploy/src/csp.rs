//! The Content-Security-Policy and the other security headers, built in
//! code with one line of reason per directive, and pinned by a test.

/// The policy for a page whose inline scripts hash to `script_hashes`
/// and whose inline styles to `style_hashes` (each `'sha256-…'`).
/// `for_meta` leaves out what a `<meta>` element cannot carry (browsers
/// ignore `frame-ancestors` there, and say so).
pub fn policy(script_hashes: &[String], style_hashes: &[String], for_meta: bool) -> String {
    let mut script_src = vec!["'self'", "'wasm-unsafe-eval'"];
    script_src.extend(script_hashes.iter().map(String::as_str));
    let script_src = script_src.join(" ");
    let mut style_src = vec!["'self'"];
    style_src.extend(style_hashes.iter().map(String::as_str));
    let style_src = style_src.join(" ");
    let mut directives = vec![
        // Nothing is allowed unless a directive below allows it.
        "default-src 'none'".to_owned(),
        // Our own scripts, compiling our own wasm, and the inline loader
        // by its hash: no other inline script, no eval.
        format!("script-src {script_src}"),
        // Our own styles: the stylesheet inlined in every page, by its
        // hash (no request holds up the first paint), and our own files;
        // no other inline style, no style attributes.
        format!("style-src {style_src}"),
        // Pictures from this site, or any https host an editor names; the
        // site's icon is in the page (a `data:` URI, crates/prerender's
        // icon.rs; content's pictures never are: `SafeUrl` takes none).
        "img-src 'self' https: data:".to_owned(),
        // fetch() of the content JSON: this site only.
        "connect-src 'self'".to_owned(),
        // The favicon and manifest are this site's.
        "manifest-src 'self'".to_owned(),
        // No <base> may redirect relative URLs.
        "base-uri 'none'".to_owned(),
        // No plugins.
        "object-src 'none'".to_owned(),
        // Forms send only to this site: the header's search box is a
        // GET form to the search page, which works before the app has
        // started (the app then takes the submit over).
        "form-action 'self'".to_owned(),
    ];
    if !for_meta {
        // Nobody may frame the site (clickjacking).
        directives.push("frame-ancestors 'none'".to_owned());
    }
    directives.join("; ")
}

/// The service worker's own policy (a worker takes its policy from the
/// headers of its script, not from the page): it only reads and stores
/// this site's files.
pub fn worker_policy() -> String {
    [
        // Nothing is allowed unless a directive below allows it: no
        // scripts imported, no eval.
        "default-src 'none'",
        // fetch() of this site's pages, data and files, to keep them.
        "connect-src 'self'",
    ]
    .join("; ")
}

/// The other headers a careful static site sends with every response.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    // Never guess a type: a JSON file is never run as a script.
    ("X-Content-Type-Options", "nosniff"),
    // Other sites learn only our origin, never an article's path.
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    // No powerful features for a news page.
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ),
    // Our window is ours alone.
    ("Cross-Origin-Opener-Policy", "same-origin"),
    // Older browsers' equivalent of frame-ancestors 'none'.
    ("X-Frame-Options", "DENY"),
    // Once on https, stay on https (ignored over plain http).
    ("Strict-Transport-Security", "max-age=31536000"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_is_exactly_this() {
        let hashes = vec!["'sha256-abc='".to_owned()];
        let styles = vec!["'sha256-css='".to_owned()];
        assert_eq!(
            policy(&hashes, &styles, false),
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; \
             style-src 'self' 'sha256-css='; img-src 'self' https: data:; connect-src 'self'; manifest-src 'self'; \
             base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'"
        );
    }

    #[test]
    fn the_worker_may_only_fetch_this_site() {
        assert_eq!(worker_policy(), "default-src 'none'; connect-src 'self'");
    }

    #[test]
    fn nothing_unsafe_inline_or_eval_ever() {
        let text = policy(
            &["'sha256-x='".to_owned()],
            &["'sha256-y='".to_owned()],
            false,
        );
        assert!(!text.contains("'unsafe-inline'"));
        assert!(!text.contains("'unsafe-eval'"));
        assert!(!text.contains('*'));
    }

    #[test]
    fn the_meta_policy_has_no_frame_ancestors() {
        assert!(!policy(&[], &[], true).contains("frame-ancestors"));
        assert!(policy(&[], &[], false).contains("frame-ancestors 'none'"));
    }
}
