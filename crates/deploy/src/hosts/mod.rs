//! One file per host: the same rules, in each host's own syntax.
//!
//! The rules: security headers on every response; hashed files cached for
//! a year as immutable; everything else revalidated; `.wasm` as
//! `application/wasm`; a page path answered with its prerendered file
//! (`news/<slug>` → `news/<slug>/index.html`); anything missing, page or
//! content, answered with `404.html` and a real 404 status.

pub mod cloudfront;
pub mod netlify;
pub mod nginx;

/// `Cache-Control` for files whose name changes when their content does.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` for everything else: keep a copy, but ask every time.
pub const REVALIDATE: &str = "no-cache";
