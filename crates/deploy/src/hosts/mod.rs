//! One file per host: the same rules, in each host's own syntax.
//!
//! The rules: security headers on every response; hashed files cached for
//! a year as immutable (Trunk's, and every copy of a photograph under
//! [`photos`]); everything else revalidated; `.wasm` as
//! `application/wasm`; a page path answered with its prerendered file
//! (`news/<slug>` → `news/<slug>/index.html`); anything missing, page or
//! content, answered with `404.html` and a real 404 status.

pub mod cloudfront;
pub mod netlify;
pub mod nginx;

use reader_model::layout::{ContentFile, ContentFolder};

/// `Cache-Control` for files whose name changes when their content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// How many hexadecimal digits a hashed file's name carries: Trunk's hash
/// is a number written without its leading zeros
/// (`reader-4ca670ca2cc2a90.js`: 15 digits), so 12 to 16.
pub const HASH_DIGITS: std::ops::RangeInclusive<usize> = 12..=16;

/// How the hashed files' names end, after their hash.
pub const HASHED_ENDINGS: [&str; 4] = [".js", "_bg.wasm", ".css", ".svg"];
/// The folder of photographs' copies (the content build's, with a
/// trailing slash): every name in it holds a hash of the original's bytes
/// and of how the copy was made.
pub fn photos() -> String {
    ContentFolder::Photos.href()
}

/// The other files and folders (as globs) of the content build,
/// revalidated.
pub fn content() -> Vec<String> {
    let files = [ContentFile::Site, ContentFile::Schema].map(|file| file.href());
    let folders = (ContentFolder::ALL.into_iter())
        .filter(|folder| *folder != ContentFolder::Photos)
        .map(|folder| format!("{}*", folder.href()));
    files.into_iter().chain(folders).collect()
}

/// `Cache-Control` for everything else: keep a copy, but ask every time.
pub const REVALIDATE: &str = "no-cache";

/// How the hosts' upload tools match a name against a pattern with no
/// `/` (the aws CLI's `--exclude`, rsync's `--exclude-from`): `*` any run,
/// `?` one character, `[0-9a-f]` one of those, the rest as written.
#[cfg(test)]
pub(crate) fn glob(pattern: &[u8], name: &[u8]) -> bool {
    const HEX: &[u8] = b"[0-9a-f]";
    match (pattern.first(), name.split_first()) {
        (None, None) => true,
        (Some(b'*'), _) => {
            glob(&pattern[1..], name) || (!name.is_empty() && glob(pattern, &name[1..]))
        }
        (Some(b'?'), Some((_, tail))) => glob(&pattern[1..], tail),
        (Some(b'['), Some((c, tail))) if pattern.starts_with(HEX) => {
            (c.is_ascii_digit() || (b'a'..=b'f').contains(c)) && glob(&pattern[HEX.len()..], tail)
        }
        (Some(p), Some((n, tail))) => p == n && glob(&pattern[1..], tail),
        _ => false,
    }
}
