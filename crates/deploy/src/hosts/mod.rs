//! One file per host: the same rules, in each host's own syntax.
//!
//! The rules: security headers on every response; hashed files cached for
//! a year as immutable (Trunk's, and every copy of a photograph under
//! [`PHOTOS`]); everything else revalidated; `.wasm` as
//! `application/wasm`; a page path answered with its prerendered file
//! (`news/<slug>` → `news/<slug>/index.html`); anything missing, page or
//! content, answered with `404.html` and a real 404 status.

pub mod cloudfront;
pub mod netlify;
pub mod nginx;

/// `Cache-Control` for files whose name changes when their content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// The folder of photographs' copies (the content build's): every name in
/// it holds a hash of the original's bytes and of how the copy was made.
pub const PHOTOS: &str = "content/photos/";

/// The other folders and files of the content build, revalidated.
pub const CONTENT: [&str; 8] = [
    "content/site.json",
    "content/article.schema.json",
    "content/list/*",
    "content/sections/*",
    "content/articles/*",
    "content/speakers/*",
    "content/search/*",
    "content/images/*",
];

/// `Cache-Control` for everything else: keep a copy, but ask every time.
pub const REVALIDATE: &str = "no-cache";
