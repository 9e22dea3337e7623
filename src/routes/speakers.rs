use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use reader_model::Slug;

use super::loaded::loaded;
use crate::client::{self, FetchError};
use crate::loader::Loader;
use crate::routes::NOT_FOUND_MESSAGE;
use crate::views::{ListSkeleton, SpeakerPage, SpeakersPage};

/// `/speakers`: everyone who spoke.
#[component]
pub fn SpeakersRoute() -> impl IntoView {
    let speakers = Loader::new(client::speakers);
    loaded(
        speakers,
        "the speakers",
        None,
        || view! { <ListSkeleton /> }.into_any(),
        |speakers| view! { <SpeakersPage speakers /> },
    )
}

/// `/speakers/<slug>`: one person's speeches.
#[component]
pub fn SpeakerRoute() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get("slug")
            .and_then(|slug| Slug::parse(&slug).ok())
    });
    let speaker = Loader::new(move || {
        let request = slug.get().map(|slug| client::speaker(&slug));
        async move {
            match request {
                Some(request) => request.await,
                None => Err(FetchError::NotFound),
            }
        }
    });
    loaded(
        speaker,
        "this speaker",
        Some(NOT_FOUND_MESSAGE),
        || view! { <ListSkeleton /> }.into_any(),
        |speaker| view! { <SpeakerPage speaker /> },
    )
}
