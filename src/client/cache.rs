//! What the page already carries: a prerendered page embeds its data, and
//! the client answers from it instead of fetching the same JSON again. At
//! build time the prerender puts each page's data here before rendering it.

use std::cell::RefCell;

use reader_model::{Article, NewsIndex, PageData, Site, Slug};

thread_local! {
    static PRELOADED: RefCell<Option<PageData>> = const { RefCell::new(None) };
}

/// Keeps `data` as the answer to the requests it covers.
pub fn preload(data: PageData) {
    PRELOADED.with(|cell| *cell.borrow_mut() = Some(data));
}

/// Forgets what [`preload`] kept.
pub fn clear() {
    PRELOADED.with(|cell| *cell.borrow_mut() = None);
}

pub(crate) fn site() -> Option<Site> {
    PRELOADED.with(|cell| cell.borrow().as_ref().map(|data| data.site.clone()))
}

pub(crate) fn news_index() -> Option<NewsIndex> {
    PRELOADED.with(|cell| cell.borrow().as_ref().and_then(|data| data.list.clone()))
}

pub(crate) fn article(slug: &Slug) -> Option<Article> {
    PRELOADED.with(|cell| {
        cell.borrow()
            .as_ref()
            .and_then(|data| data.article_at(slug).cloned())
    })
}
