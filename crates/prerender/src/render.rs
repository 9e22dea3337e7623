//! The app's own views, rendered to HTML on the host.
//!
//! Each page is rendered by the real [`reader::App`], routed at its URL,
//! with its data put where the app's client finds it
//! ([`reader::client::cache`]): the same components the browser runs, so
//! the static page and the app cannot drift apart.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use reader::client::cache;
use reader_model::PageData;

/// The app's `<body>` at `url` (a path below the host, base included),
/// showing `data`. Must run inside [`crate::with_executor`]: the app's
/// loaders start tasks, even when their answer is already here.
pub fn render(url: &str, data: PageData) -> String {
    cache::preload(data);
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(url));
        view! { <reader::App /> }.to_html()
    });
    owner.cleanup();
    cache::clear();
    body
}
