use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use reader_model::Label;

use super::loaded::loaded;
use super::slug::{load_by_slug, slug_param};
use crate::client;
use crate::site_context::follow_translations;
use crate::views::{ArticlePage, ArticleSkeleton};

/// `/news/<slug>`: one article; `/news/<slug>/speech/<n>`: the same,
/// opened at its `n`-th speech. A slug that cannot exist is "not found" at
/// once, without asking the server.
#[component]
pub fn ArticleRoute() -> impl IntoView {
    let params = use_params_map();
    let speech = Memo::new(move |_| params.read().get("n").and_then(|n| n.parse::<usize>().ok()));
    let article = load_by_slug(slug_param(), client::article);
    follow_translations(move || {
        (article.get().and_then(Result::ok))
            .map(|article| article.translations)
            .unwrap_or_default()
    });
    loaded(
        article,
        Label::WhatArticle,
        // The same words as the prerendered 404.html the host answers with,
        // so the page does not change when the app takes it over.
        true,
        || view! { <ArticleSkeleton /> }.into_any(),
        move |article| view! { <ArticlePage article speech=speech.get_untracked() /> },
    )
}
