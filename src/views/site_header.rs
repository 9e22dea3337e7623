use crate::labels::label;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use reader_model::Label;
use reader_model::layout::SEARCH_PATH;

use super::language_switch::{same_in_every_edition, translations_of};
use super::{LanguageSwitch, SearchBox};
use crate::paths;
use crate::site_context::{use_site, use_translations};

/// The site's header: its name (linking to the news list), navigation, a
/// search box, and the newsroom's sections.
///
/// While the site loads, the name is a placeholder bar (the same one
/// `index.html` shows); if it cannot load, a plain "News" link stands in.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let brand = move || {
        match site.map(|site| (site.site(), site.error())) {
        Some((Some(site), _)) => view! { <span>{site.name}</span> }.into_any(),
        Some((None, None)) => {
            view! { <span class="skeleton skeleton--brand" aria-label=label(Label::Loading)></span> }.into_any()
        }
        _ => view! { <span>{label(Label::News)}</span> }.into_any(),
    }
    };
    let location = use_location();
    // A link is the current page's on it and below it (the home's only on
    // the home itself: every page is below it).
    let current = move |href: String| {
        move || {
            let path = location.pathname.get();
            let below = href != paths::home() && path.starts_with(&format!("{href}/"));
            (path == href || below).then_some("page")
        }
    };
    let nav = move || {
        site.and_then(|site| site.site()).map(|site| {
            view! {
                <nav class="site-nav" aria-label=label(Label::Navigation)>
                    <ul>
                        {site
                            .nav
                            .into_iter()
                            .map(|link| {
                                let href = paths::resolve(&link.href);
                                let current = current(href.clone());
                                view! { <li><a href=href aria-current=current>{link.label}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            }
        })
    };
    let translations = use_translations();
    let switch = move || {
        let site = site.and_then(|site| site.site())?;
        let path = location.pathname.get();
        let article = translations.map(|t| t.get()).unwrap_or_default();
        // At one of an article's speeches (`#speech-2`), to the same
        // speech there, once the app has the page (the page prerendered
        // knows no fragment, and hydrating must find what it rendered).
        let part = if crate::prerendered::taken_over() {
            paths::as_part_page(&path, &location.hash.get())
        } else {
            path.clone()
        };
        let translations = translations_of(&article, &site, &part, &paths::home());
        let same_page = same_in_every_edition(&path, &paths::home());
        // On the search page the words searched go along to the other
        // edition's search, once the app has the page: the page
        // prerendered has none, and hydrating must find what it rendered.
        let query = (same_page == Some(SEARCH_PATH) && crate::prerendered::taken_over())
            .then(|| location.query.with(|query| query.get(paths::QUERY_PARAM)))
            .flatten()
            .filter(|query| !query.trim().is_empty());
        Some(view! { <LanguageSwitch site translations same_page query /> })
    };
    let sections = move || {
        site.and_then(|site| site.site())
            .filter(|site| !site.sections.is_empty())
            .map(|site| {
                view! {
                    <nav class="section-nav" aria-label=label(Label::Sections)>
                        <ul>
                            {site
                                .sections
                                .into_iter()
                                .map(|section| {
                                    let href = paths::list_href(Some(&section), None);
                                    let current = current(href.clone());
                                    view! { <li><a href=href aria-current=current>{section.name}</a></li> }
                                })
                                .collect_view()}
                        </ul>
                    </nav>
                }
            })
    };
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-brand" href=paths::home()>
                    {brand}
                </a>
                {nav}
                {switch}
            </div>
            <div class="site-header__sub">
                <div class="site-header__inner site-header__inner--sub">
                    {sections}
                    <SearchBox />
                </div>
            </div>
        </header>
    }
}
