use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::client::cache;
use crate::page_focus::PageFocus;
use crate::paths;
use crate::routes::{
    ArticleRoute, NewsListRoute, NotFoundRoute, OfflineRoute, SavedRoute, SearchRoute,
    SpeakerRoute, SpeakersRoute,
};
use crate::site_context::{provide_site, provide_translations};
use crate::views::{SiteFooter, SiteHeader, SkipLink};

/// The app: a skip link, the site's header and footer around the routed
/// page, and focus management for client-side navigation.
#[component]
pub fn App() -> impl IntoView {
    provide_site();
    provide_translations();
    view! {
        <Router base=paths::router_base().unwrap_or_default()>
            <SkipLink />
            <PageFocus>
                <SiteHeader />
                <main id="main" class="page" tabindex="-1">
                    <Pages />
                </main>
                <SiteFooter />
            </PageFocus>
        </Router>
    }
}

/// The routed page. The host's "not found" page is served for any address
/// it has nothing at, some of which a route would take (`/news/<gone>`):
/// while the reader stays at that address it is "not found" itself, as it
/// was rendered at build time, so the app hydrates the same page.
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    let arrived_at = location.pathname.get_untracked();
    let host_not_found = cache::carries_not_found();
    let at_not_found = Memo::new(move |_| host_not_found && location.pathname.get() == arrived_at);
    move || {
        if at_not_found.get() {
            view! { <NotFoundRoute /> }.into_any()
        } else {
            view! {
                <Routes fallback=|| view! { <NotFoundRoute /> }>
                    <Route path=path!("/") view=NewsListRoute />
                    <Route path=path!("/news/archive/:n") view=NewsListRoute />
                    <Route path=path!("/section/:slug") view=NewsListRoute />
                    <Route path=path!("/section/:slug/archive/:n") view=NewsListRoute />
                    <Route path=path!("/news/:slug") view=ArticleRoute />
                    <Route path=path!("/news/:slug/speech/:n") view=ArticleRoute />
                    <Route path=path!("/search") view=SearchRoute />
                    <Route path=path!("/speakers") view=SpeakersRoute />
                    <Route path=path!("/speakers/:slug") view=SpeakerRoute />
                    <Route path=path!("/saved") view=SavedRoute />
                    <Route path=path!("/offline") view=OfflineRoute />
                </Routes>
            }
            .into_any()
        }
    }
}
