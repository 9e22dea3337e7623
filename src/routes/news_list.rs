use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use reader_model::Label;
use reader_model::Slug;

use super::loaded::loaded;
use crate::client::{self, FetchError};
use crate::loader::Loader;
use crate::site_context::use_site;
use crate::views::{ListSkeleton, NewsListPage};

/// Which list, and which of its pages, an address names: `(section,
/// page)`, the page `None` for the list's front.
type ListKey = (Option<Slug>, Option<usize>);

/// The news list's front and archive pages (`/`, `/news/archive/<k>`) and
/// each section's (`/section/<s>`, `/section/<s>/archive/<k>`): one page
/// of the list each, fetched on its own.
#[component]
pub fn NewsListRoute() -> impl IntoView {
    let params = use_params_map();
    let key = Memo::new(move |_| {
        let params = params.read();
        list_key(params.get("slug").as_deref(), params.get("n").as_deref())
    });
    // The site's own front page failing is an error to retry; a numbered
    // page or a section that does not exist is a page that is not there.
    let is_front = key
        .get_untracked()
        .is_some_and(|(section, page)| section.is_none() && page.is_none());
    let list = Loader::new(move || {
        let request = key
            .get()
            .map(|(section, page)| client::list_page(section.as_ref(), page));
        async move {
            match request {
                Some(request) => request.await,
                None => Err(FetchError::NotFound),
            }
        }
    });
    let site = use_site();
    loaded(
        list,
        Label::WhatNewsList,
        !is_front,
        || view! { <ListSkeleton /> }.into_any(),
        move |page| {
            let site = site.and_then(|site| site.site());
            view! { <NewsListPage page site /> }
        },
    )
}

/// The list an address names, if it can exist: a well-formed section
/// slug, and an archive page number from 1 (or none, for the front).
fn list_key(section: Option<&str>, n: Option<&str>) -> Option<ListKey> {
    let section = section.map(Slug::parse).transpose().ok()?;
    let page = match n {
        None => None,
        Some(n) => Some(n.parse::<usize>().ok().filter(|n| *n >= 1)?),
    };
    Some((section, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_names_a_list_and_a_page() {
        assert_eq!(list_key(None, None), Some((None, None)));
        assert_eq!(list_key(None, Some("3")), Some((None, Some(3))));
        let campus = Slug::parse("campus").ok();
        assert_eq!(list_key(Some("campus"), Some("2")), Some((campus, Some(2))));
        for (section, n) in [(None, Some("0")), (None, Some("x")), (Some("Bad!"), None)] {
            assert_eq!(list_key(section, n), None);
        }
    }
}
