//! The one data client: the only code that knows content URLs and HTTP.
//!
//! What the page already carries (see [`cache`]) is answered at once: the
//! future is ready on its first poll, so the page renders in the same task.
//!
//! Each request is tied to the reactive scope that made it: when the reader
//! navigates away (or a resource reloads), the scope is cleaned up and the
//! request is aborted instead of finishing for nobody.

pub mod cache;
mod decode;
mod error;
mod search;

use std::future::Future;

use leptos::prelude::on_cleanup;
use reader_model::layout::ContentFile;
use reader_model::{Article, ListPage, Site, Slug, Speaker, Speakers};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

pub use decode::decode;
pub use error::FetchError;
pub use search::{passage, search, warm_up as warm_up_search};

use crate::paths;

/// The site's name, navigation and footer.
pub fn site() -> impl Future<Output = Result<Site, FetchError>> {
    cached_or_fetch(cache::site().map(Ok), || {
        paths::content_href(ContentFile::Site)
    })
}

/// The front (`page` `None`) or archive page `k` of the news list, or of
/// a section's list, newest first: one small file, however long the list.
pub fn list_page(
    section: Option<&Slug>,
    page: Option<usize>,
) -> impl Future<Output = Result<ListPage, FetchError>> + use<> {
    let section = section.cloned();
    let known = cache::list_page(section.as_ref(), page).map(Ok);
    cached_or_fetch(known, move || {
        paths::content_href(ContentFile::List {
            section: section.as_ref(),
            page,
        })
    })
}

/// Everyone who spoke in the archive.
pub fn speakers() -> impl Future<Output = Result<Speakers, FetchError>> {
    cached_or_fetch(cache::speakers().map(Ok), || {
        paths::content_href(ContentFile::Speakers)
    })
}

/// One speaker's speeches, newest first.
pub fn speaker(slug: &Slug) -> impl Future<Output = Result<Speaker, FetchError>> + use<> {
    let slug = slug.clone();
    let known = known_at(&paths::speaker_href(&slug), || cache::speaker(&slug));
    cached_or_fetch(known, move || {
        paths::content_href(ContentFile::Speaker(&slug))
    })
}

/// One article. Blocks of unknown types are skipped with a console warning.
pub fn article(slug: &Slug) -> impl Future<Output = Result<Article, FetchError>> + use<> {
    let slug = slug.clone();
    let known = known_at(&paths::article_href(&slug), || cache::article(&slug));
    let request = cached_or_fetch(known, move || {
        paths::content_href(ContentFile::Article(&slug))
    });
    async move {
        let article = request.await?;
        if !article.body.skipped().is_empty() {
            leptos::logging::warn!(
                "article {:?}: skipped body blocks of unknown type at positions {:?}",
                article.slug.as_str(),
                article.body.skipped()
            );
        }
        Ok(article)
    }
}

/// What is already known about the page at `href`: missing (the host
/// answered it with "not found"), or `carried` by the page.
fn known_at<T>(href: &str, carried: impl FnOnce() -> Option<T>) -> Option<Result<T, FetchError>> {
    if cache::is_missing(href) {
        Some(Err(FetchError::NotFound))
    } else {
        carried().map(Ok)
    }
}

/// The `known` answer (the page carried it), else a GET of `url()`: no
/// request (and no abort hook) is made for what is already known.
fn cached_or_fetch<T: DeserializeOwned>(
    known: Option<Result<T, FetchError>>,
    url: impl FnOnce() -> String,
) -> impl Future<Output = Result<T, FetchError>> {
    let answer = known.ok_or_else(|| get_json::<T>(url()));
    async move {
        match answer {
            Ok(known) => known,
            Err(request) => request.await,
        }
    }
}

/// GETs `url` and decodes it into `T`.
///
/// The abort hook is registered now, in the caller's reactive scope, not
/// when the future is first polled.
fn get_json<T: DeserializeOwned>(url: String) -> impl Future<Output = Result<T, FetchError>> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let controller = SendWrapper::new(controller);
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
    SendWrapper::new(async move {
        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|err| FetchError::Network(err.to_string()))?;
        let content_type = response.headers().get("content-type");
        // The bytes, copied into the app as they came: reading them as a
        // JavaScript string first would decode and encode them once more.
        // Invalid UTF-8 reads as U+FFFD, as `Response.text()` would.
        let body = response
            .binary()
            .await
            .map_err(|err| FetchError::Network(err.to_string()))?;
        decode(
            response.status(),
            content_type.as_deref(),
            &String::from_utf8_lossy(&body),
        )
    })
}
