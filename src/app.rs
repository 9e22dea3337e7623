use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};
use leptos_router::path;

use crate::client::cache;
use crate::hydrate_later::later;
use crate::page_focus::PageFocus;
use crate::paths;
use crate::routes::{
    ArticleRoute, FullLoad, NewsListRoute, NotFoundRoute, OfflineRoute, SavedRoute, SearchRoute,
    SpeakerRoute, SpeakersRoute,
};
use crate::site_context::{provide_site, provide_translations};
use crate::views::{SiteFooter, SiteHeader, SkipLink};

/// The app: a skip link, the site's header and footer around the routed
/// page, and focus management for client-side navigation. Every page is
/// one of its routes; the prerender renders every page with it.
#[component]
pub fn App() -> impl IntoView {
    view! { <Frame><Pages /></Frame> }
}

/// The reading app: the same frame, with the reading path's routes alone
/// (the lists, an article and its speeches, the Saved page, the offline
/// page), built as a wasm of its own (`src/bin/reading.rs`) that the
/// loader starts on those pages. Any other address (search, the speakers'
/// pages, one it does not know) is loaded whole from the host
/// ([`FullLoad`]), whose page starts the whole app.
#[component]
pub fn ReadingApp() -> impl IntoView {
    crate::routes::leave_other_links_to_the_browser();
    view! { <Frame><ReadingPages /></Frame> }
}

/// What every page has around its routed part.
#[component]
fn Frame(children: Children) -> impl IntoView {
    provide_site();
    provide_translations();
    view! {
        <Router base=paths::router_base().unwrap_or_default()>
            <SkipLink />
            <PageFocus>
                <SiteHeader />
                <main id="main" class="page" tabindex="-1">
                    {later(children())}
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
fn routed<R: IntoView + 'static>(routes: impl Fn() -> R + Send + Sync + 'static) -> impl IntoView {
    let location = use_location();
    let arrived_at = location.pathname.get_untracked();
    let host_not_found = cache::carries_not_found();
    let at_not_found = Memo::new(move |_| host_not_found && location.pathname.get() == arrived_at);
    let browser_url = use_context::<BrowserUrl>();
    move || {
        if at_not_found.get() {
            view! { <NotFoundRoute /> }.into_any()
        } else {
            let routes = routes().into_any();
            // Leaving the host's "not found" page: the router sets the
            // address bar once the routes it had on screen have the new
            // page ready, and it had none (this "not found" stood outside
            // them); the routes now here are ready, so the address follows.
            if host_not_found && let Some(browser_url) = &browser_url {
                browser_url.ready_to_complete();
            }
            routes
        }
    }
}

/// Every page's route.
#[component]
fn Pages() -> impl IntoView {
    routes(Shown {
        search: || view! { <SearchRoute /> }.into_any(),
        speakers: || view! { <SpeakersRoute /> }.into_any(),
        speaker: || view! { <SpeakerRoute /> }.into_any(),
        unknown: || view! { <NotFoundRoute /> }.into_any(),
    })
}

/// The reading path's routes as [`Pages`] has them; any other address is
/// loaded whole ([`FullLoad`]), so the reading app links none of the
/// other routes' views.
#[component]
fn ReadingPages() -> impl IntoView {
    let full_load = || view! { <FullLoad /> }.into_any();
    routes(Shown {
        search: full_load,
        speakers: full_load,
        speaker: full_load,
        unknown: full_load,
    })
}

/// What the routes beyond the reading path show, and an address no route
/// takes: the whole app's own views, or the reading app's [`FullLoad`].
struct Shown {
    search: fn() -> AnyView,
    speakers: fn() -> AnyView,
    speaker: fn() -> AnyView,
    unknown: fn() -> AnyView,
}

/// The one table of the site's routes.
fn routes(shown: Shown) -> impl IntoView {
    routed(move || {
        view! {
            <Routes fallback=shown.unknown>
                <Route path=path!("/") view=NewsListRoute />
                <Route path=path!("/news/archive/:n") view=NewsListRoute />
                <Route path=path!("/section/:slug") view=NewsListRoute />
                <Route path=path!("/section/:slug/archive/:n") view=NewsListRoute />
                <Route path=path!("/news/:slug") view=ArticleRoute />
                <Route path=path!("/news/:slug/speech/:n") view=ArticleRoute />
                <Route path=path!("/saved") view=SavedRoute />
                <Route path=path!("/offline") view=OfflineRoute />
                <Route path=path!("/search") view=shown.search />
                <Route path=path!("/speakers") view=shown.speakers />
                <Route path=path!("/speakers/:slug") view=shown.speaker />
            </Routes>
        }
    })
}
