//! What the page already carries: a prerendered page embeds its data, and
//! the client answers from it instead of fetching the same JSON again. At
//! build time the prerender puts each page's data here before rendering it.

use std::cell::RefCell;

use reader_model::{
    Article, ListPage, PageContent, PageData, Site, Slug, Speaker, Speakers, Translation,
};

thread_local! {
    static PRELOADED: RefCell<Option<PageData>> = const { RefCell::new(None) };
    /// The address the host answered with its "not found" page.
    static MISSING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps `data` as the answer to the requests it covers.
pub fn preload(data: PageData) {
    PRELOADED.with(|cell| *cell.borrow_mut() = Some(data));
}

/// Remembers that the host has nothing at `path` (it answered with its
/// "not found" page), so the app need not ask again.
pub fn preload_missing(path: &str) {
    MISSING.with(|cell| *cell.borrow_mut() = Some(path.to_owned()));
}

/// Forgets what [`preload`] and [`preload_missing`] kept.
pub fn clear() {
    PRELOADED.with(|cell| *cell.borrow_mut() = None);
    MISSING.with(|cell| *cell.borrow_mut() = None);
}

pub(crate) fn is_missing(path: &str) -> bool {
    MISSING.with(|cell| cell.borrow().as_deref() == Some(path))
}

/// `pick` applied to what the page carried, if it carried anything.
fn carried<T>(pick: impl FnOnce(&PageData) -> Option<T>) -> Option<T> {
    PRELOADED.with(|cell| cell.borrow().as_ref().and_then(pick))
}

/// Whether the page is the host's "not found" page (served for any
/// address it has nothing at).
pub fn carries_not_found() -> bool {
    carried(|data| Some(data.is_not_found())).unwrap_or(false)
}

pub(crate) fn site() -> Option<Site> {
    carried(|data| Some(data.site.clone()))
}

/// How many characters name the search index's files, as the site the
/// page carried says.
pub(crate) fn search_key_chars() -> Option<usize> {
    carried(|data| Some(data.site.search_key_chars))
}

pub(crate) fn list_page(section: Option<&Slug>, page: Option<usize>) -> Option<ListPage> {
    carried(|data| match &data.content {
        PageContent::List(list)
            if list.page == page && list.section.as_ref().map(|s| &s.slug) == section =>
        {
            Some(list.clone())
        }
        _ => None,
    })
}

/// The translations of the article the page carried (none for any other
/// page).
pub(crate) fn translations() -> Vec<Translation> {
    carried(|data| match &data.content {
        PageContent::Article(article) => Some(article.translations.clone()),
        PageContent::Speaker(speaker) => Some(speaker.translations.clone()),
        _ => None,
    })
    .unwrap_or_default()
}

pub(crate) fn article(slug: &Slug) -> Option<Article> {
    carried(|data| data.article_at(slug).cloned())
}

pub(crate) fn speakers() -> Option<Speakers> {
    carried(|data| match &data.content {
        PageContent::Speakers(speakers) => Some(speakers.clone()),
        _ => None,
    })
}

pub(crate) fn speaker(slug: &Slug) -> Option<Speaker> {
    carried(|data| match &data.content {
        PageContent::Speaker(speaker) if &speaker.slug == slug => Some(speaker.clone()),
        _ => None,
    })
}
