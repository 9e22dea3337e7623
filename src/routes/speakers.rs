use leptos::prelude::*;
use reader_model::Label;

use super::loaded::loaded;
use super::slug::{load_by_slug, slug_param};
use crate::client;
use crate::loader::Loader;
use crate::site_context::follow_translations;
use crate::views::{ListSkeleton, SpeakerPage, SpeakersPage};

/// `/speakers`: everyone who spoke.
#[component]
pub fn SpeakersRoute() -> impl IntoView {
    let speakers = Loader::new(client::speakers);
    loaded(
        speakers,
        Label::WhatSpeakers,
        false,
        || view! { <ListSkeleton /> }.into_any(),
        |speakers| view! { <SpeakersPage speakers /> },
    )
}

/// `/speakers/<slug>`: one person's speeches.
#[component]
pub fn SpeakerRoute() -> impl IntoView {
    let speaker = load_by_slug(slug_param(), client::speaker);
    follow_translations(move || {
        (speaker.get().and_then(Result::ok))
            .map(|speaker| speaker.translations)
            .unwrap_or_default()
    });
    loaded(
        speaker,
        Label::WhatSpeaker,
        true,
        || view! { <ListSkeleton /> }.into_any(),
        |speaker| view! { <SpeakerPage speaker /> },
    )
}
