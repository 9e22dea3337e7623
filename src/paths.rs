//! Every URL the app builds: page links and content files.
//!
//! Content URLs are relative, resolved against the document's `<base href>`
//! (Trunk's public URL), so the site works from any folder of a host.

use reader_model::Slug;

/// The news list.
pub const HOME: &str = "/";

/// The page of one article.
pub fn article_href(slug: &Slug) -> String {
    format!("/news/{slug}")
}

pub(crate) fn site_json() -> String {
    "content/site.json".to_owned()
}

pub(crate) fn index_json() -> String {
    "content/index.json".to_owned()
}

pub(crate) fn article_json(slug: &Slug) -> String {
    format!("content/articles/{slug}.json")
}
