use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::page_focus::PageFocus;
use crate::paths;
use crate::routes::{
    ArticleRoute, NewsListRoute, NotFoundRoute, SearchRoute, SpeakerRoute, SpeakersRoute,
};
use crate::site_context::provide_site;
use crate::views::{SiteFooter, SiteHeader, SkipLink};

/// The app: a skip link, the site's header and footer around the routed
/// page, and focus management for client-side navigation.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_site();
    view! {
        <Router base=paths::router_base().unwrap_or_default()>
            <SkipLink />
            <PageFocus>
                <SiteHeader />
                <main id="main" class="page" tabindex="-1">
                    <Routes fallback=|| view! { <NotFoundRoute /> }>
                        <Route path=path!("/") view=NewsListRoute />
                        <Route path=path!("/news/page/:n") view=NewsListRoute />
                        <Route path=path!("/section/:slug") view=NewsListRoute />
                        <Route path=path!("/section/:slug/page/:n") view=NewsListRoute />
                        <Route path=path!("/news/:slug") view=ArticleRoute />
                        <Route path=path!("/news/:slug/speech/:n") view=ArticleRoute />
                        <Route path=path!("/search") view=SearchRoute />
                        <Route path=path!("/speakers") view=SpeakersRoute />
                        <Route path=path!("/speakers/:slug") view=SpeakerRoute />
                    </Routes>
                </main>
                <SiteFooter />
            </PageFocus>
        </Router>
    }
}
