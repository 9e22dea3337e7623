//! Every URL the app builds: page links, content files, and links and
//! pictures named in the content.
//!
//! The site may live in a folder of a bigger host (`https://example.edu/news/`).
//! The build writes that folder into `<meta name="reader-base">`; every URL
//! here starts with it. (A `<base href>` would do the same, but the
//! Content-Security-Policy forbids it: `base-uri 'none'`.)

use reader_model::layout::{
    ContentFile, SEARCH_PATH, SPEAKERS_PATH, SPEECH_SEGMENT, article_path, list_path, speaker_path,
    speech_id, speech_number, speech_path,
};
use reader_model::{SafeUrl, Section, Slug};

/// The folder the site is served from: `/`, or `/news/`; always starts and
/// ends with a slash.
pub fn base() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        thread_local! {
            static BASE: String = reader_model::normalize_base(&declared_base().unwrap_or_default());
        }
        BASE.with(Clone::clone)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        HOST_BASE.with(|base| base.borrow().clone())
    }
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static HOST_BASE: std::cell::RefCell<String> = std::cell::RefCell::new("/".to_owned());
}

/// On the host (prerendering), the folder the pages will be served from;
/// `/` until set. In the browser the page itself declares it.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_host_base(declared: &str) {
    HOST_BASE.with(|base| *base.borrow_mut() = reader_model::normalize_base(declared));
}

#[cfg(target_arch = "wasm32")]
fn declared_base() -> Option<String> {
    leptos::prelude::document()
        .query_selector(r#"meta[name="reader-base"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
}

/// The base as the router wants it: `/news`, or `None` at the root.
pub fn router_base() -> Option<String> {
    let base = base();
    let trimmed = base.trim_end_matches('/');
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The folder the whole site is served from, for an edition in the folder
/// `edition` (`zh/`) below it: `/` for `/zh/`.
pub fn site_root(edition: &str) -> String {
    let base = base();
    base.strip_suffix(edition).unwrap_or(&base).to_owned()
}

/// How the app moves to an address built here (already under the base):
/// the router must not put the base before it again (its default, which
/// would make `/zh/zh/search`); `replace` the history entry or not, and
/// `scroll` to the top or not.
pub fn navigation(replace: bool, scroll: bool) -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions {
        resolve: false,
        replace,
        scroll,
        ..leptos_router::NavigateOptions::default()
    }
}

/// The news list (the site's home).
pub fn home() -> String {
    base()
}

/// The front (`page` `None`) or archive page `k` of the news list, or of
/// one section's list.
pub fn list_href(section: Option<&Section>, page: Option<usize>) -> String {
    format!("{}{}", base(), list_path(section, page))
}

/// The list page an address of earlier builds names (`/news/page/<n>`,
/// `/section/<s>/page/<n>`, below the base), counted from the newest.
pub fn old_list_page(pathname: &str) -> Option<(Option<Slug>, usize)> {
    reader_model::layout::old_list_page(below_base(pathname))
}

/// The search page's query parameter: what is searched for. The header's
/// box and the search page's form send it, the search route reads it, and
/// the loader starts the app at once when a page is opened with it.
pub const QUERY_PARAM: &str = "q";

/// The search page's parameter for its page of results (from 1).
pub const PAGE_PARAM: &str = "page";

/// The search page, for `query` when there is one, at its `page`-th page
/// of results (from 1).
pub fn search_href(query: &str, page: usize) -> String {
    let mut href = format!("{}{SEARCH_PATH}", base());
    if !query.is_empty() {
        href.push_str(&query_suffix(query));
        if page > 1 {
            href.push_str(&format!("&{PAGE_PARAM}={page}"));
        }
    }
    href
}

/// `?q=…`: the search page's address's query for `query`.
pub fn query_suffix(query: &str) -> String {
    format!("?{QUERY_PARAM}={}", query_component(query))
}

/// `text` as a URL query value: everything but unreserved characters
/// percent-encoded (UTF-8), spaces as `+`.
fn query_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The Saved page: what this device keeps for offline reading.
pub fn saved_href() -> String {
    format!("{}{}", base(), reader_model::layout::SAVED_PATH)
}

/// The page of one article.
pub fn article_href(slug: &Slug) -> String {
    format!("{}{}", base(), article_path(slug))
}

/// The speakers index.
pub fn speakers_href() -> String {
    format!("{}{SPEAKERS_PATH}", base())
}

/// One speaker's page.
pub fn speaker_href(slug: &Slug) -> String {
    format!("{}{}", base(), speaker_path(slug))
}

/// The page of an article's `n`-th speech (from 1).
pub fn speech_href(slug: &Slug, n: usize) -> String {
    format!("{}{}", base(), speech_path(slug, n))
}

/// The `id` of the part of the page an address names: its fragment
/// (`#speech-2`), else the speech a speech page's path names.
pub fn named_part(pathname: &str, hash: &str) -> Option<String> {
    let fragment = hash.trim_start_matches('#');
    if !fragment.is_empty() {
        return Some(fragment.to_owned());
    }
    speech_number(below_base(pathname)).map(speech_id)
}

/// The address of the part an address names, as a page of its own: for
/// an article at one of its speeches (`/news/x#speech-2`), that speech's
/// page (`/news/x/speech/2`), whose counterparts in the other editions
/// the language switch can name; else `pathname`.
pub fn as_part_page(pathname: &str, hash: &str) -> String {
    let speech = (hash.trim_start_matches('#').strip_prefix("speech-"))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0);
    match speech {
        Some(n) if speech_number(below_base(pathname)).is_none() => {
            format!("{}/{SPEECH_SEGMENT}/{n}", pathname.trim_end_matches('/'))
        }
        _ => pathname.to_owned(),
    }
}

/// `pathname` below the site's base folder (as it is, outside it).
fn below_base(pathname: &str) -> &str {
    pathname.strip_prefix(base().as_str()).unwrap_or(pathname)
}

/// Where a link or picture named in the content points. Content is written
/// as if the site were at the host's root (`/`, `/news/x`,
/// `content/images/a.svg`); this puts same-site URLs under the base.
/// Other sites' URLs, fragments and queries are left as they are.
pub fn resolve(url: &SafeUrl) -> String {
    resolve_under(&base(), url)
}

/// [`resolve`] for a given base (the prerender makes absolute URLs with it).
pub fn resolve_under(base: &str, url: &SafeUrl) -> String {
    let text = url.as_str();
    if url.is_external() || text.starts_with(['#', '?']) {
        text.to_owned()
    } else {
        format!("{base}{}", text.trim_start_matches('/'))
    }
}

/// A file the content build published, under the base.
pub(crate) fn content_href(file: ContentFile) -> String {
    let mut href = base();
    file.push_href(&mut href);
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> SafeUrl {
        SafeUrl::parse(text).expect("safe")
    }

    #[test]
    fn same_site_content_urls_move_under_the_base() {
        assert_eq!(resolve_under("/news/", &url("/")), "/news/");
        assert_eq!(resolve_under("/news/", &url("/news/x")), "/news/news/x");
        assert_eq!(
            resolve_under("/news/", &url("content/images/a.svg")),
            "/news/content/images/a.svg"
        );
        assert_eq!(
            resolve_under("/", &url("content/images/a.svg")),
            "/content/images/a.svg"
        );
    }

    #[test]
    fn other_sites_fragments_and_mail_stay_as_written() {
        for kept in [
            "https://en.usst.edu.cn/",
            "mailto:news@usst.edu.cn",
            "#top",
            "?q=1",
        ] {
            assert_eq!(resolve_under("/news/", &url(kept)), kept);
        }
    }

    #[test]
    fn an_address_names_a_part_by_its_fragment_or_its_speech() {
        assert_eq!(
            named_part("/news/a-b", "#speech-2").as_deref(),
            Some("speech-2")
        );
        assert_eq!(
            named_part("/news/a-b/speech/3", "").as_deref(),
            Some("speech-3")
        );
        assert_eq!(named_part("/news/a-b", ""), None);
    }

    #[test]
    fn an_article_at_a_speech_is_that_speechs_page() {
        assert_eq!(as_part_page("/news/a", "#speech-2"), "/news/a/speech/2");
        assert_eq!(as_part_page("/news/a/", "speech-3"), "/news/a/speech/3");
        for (path, hash) in [
            ("/news/a", ""),
            ("/news/a", "#speech-0"),
            ("/news/a", "#speech-x"),
            ("/news/a", "#top"),
            ("/news/a/speech/1", "#speech-2"),
        ] {
            assert_eq!(as_part_page(path, hash), path, "{path}{hash}");
        }
    }

    #[test]
    fn pages_and_content_files_are_under_the_base_on_the_host() {
        let slug = Slug::parse("a-b").expect("slug");
        assert_eq!(article_href(&slug), "/news/a-b");
        assert_eq!(
            content_href(ContentFile::Article(&slug)),
            "/content/articles/a-b.json"
        );
        let list = |section, page| content_href(ContentFile::List { section, page });
        assert_eq!(list(None, Some(2)), "/content/list/2.json");
        assert_eq!(list(Some(&slug), None), "/content/sections/a-b/front.json");
        assert_eq!(search_href("a b&c/é", 1), "/search?q=a+b%26c%2F%C3%A9");
        assert_eq!(search_href("a", 3), "/search?q=a&page=3");
        assert_eq!(search_href("", 2), "/search");
        assert_eq!(router_base(), None);
    }
}
