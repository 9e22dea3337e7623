//! The site's own data (name, navigation, footer), loaded once and shared
//! by the header, the footer and every page title.

use leptos::prelude::*;
use reader_model::Site;

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
