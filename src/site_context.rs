//! The site's own data (name, navigation, footer), loaded once and shared
//! by the header, the footer and every page title.

use leptos::prelude::*;
use reader_model::{Site, Translation};

use crate::client::{self, FetchError};
use crate::loader::Loader;

/// What every component may know about the site.
#[derive(Clone, Copy)]
pub struct SiteContext {
    loader: Loader<Site>,
}

impl SiteContext {
    /// The site, once loaded.
    pub fn site(self) -> Option<Site> {
        self.loader.get().and_then(Result::ok)
    }

    /// Why the site could not be loaded, if it could not.
    pub fn error(self) -> Option<FetchError> {
        self.loader.get().and_then(Result::err)
    }

    pub fn retry(self) {
        self.loader.reload();
    }
}

/// Starts loading the site and shares it with every component below.
pub fn provide_site() {
    provide_context(SiteContext {
        loader: Loader::new(client::site),
    });
}

/// The site context, or `None` when rendered outside the app (a view
/// rendered on its own still works, without the site's name).
pub fn use_site() -> Option<SiteContext> {
    use_context::<SiteContext>()
}

/// The page's translations in the site's other editions (an article's,
/// as its editor linked them; none for other pages): what the header's
/// language switch links to. The page the app starts on carries its own;
/// the article route keeps them up to date as the reader moves on.
#[derive(Clone, Copy)]
pub struct PageTranslations(RwSignal<Vec<Translation>>);

impl PageTranslations {
    /// The page's translations now.
    pub fn get(self) -> Vec<Translation> {
        self.0.get()
    }

    /// The page shown now has these translations.
    pub fn set(self, translations: Vec<Translation>) {
        if self.0.with_untracked(|now| *now != translations) {
            self.0.set(translations);
        }
    }
}

/// Shares the page's translations, starting from those the page carried.
pub fn provide_translations() {
    provide_context(PageTranslations(RwSignal::new(
        crate::client::cache::translations(),
    )));
}

/// The page's translations, or `None` outside the app.
pub fn use_translations() -> Option<PageTranslations> {
    use_context::<PageTranslations>()
}

/// The header's language switch follows the page a route shows (`shown`:
/// its translations; none while the next loads, and after the reader
/// leaves the route).
pub fn follow_translations(shown: impl Fn() -> Vec<Translation> + 'static) {
    if let Some(translations) = use_translations() {
        Effect::new(move |_| translations.set(shown()));
        on_cleanup(move || translations.set(Vec::new()));
    }
}
