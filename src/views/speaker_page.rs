use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;
use reader_model::Speaker;

use super::{Breadcrumb, HeadlineText, PageMeta, Published};
use crate::meta::Meta;
use crate::paths;

/// One person's speeches, newest first: the date, the role at the time,
/// the caption, and a link to that speech in its article.
#[component]
pub fn SpeakerPage(speaker: Speaker) -> impl IntoView {
    let name_lang = crate::labels::language_of(&speaker.name);
    view! {
        <PageMeta meta=Meta::speaker(&speaker.name) />
        <Breadcrumb
            current=speaker.name.clone()
            parent=(label(Label::Speakers), paths::speakers_href())
        />
        <section class="speaker" aria-labelledby="speaker-heading">
            <p class="speaker__back">
                <a href=paths::speakers_href()>{label(Label::AllSpeakers)}</a>
            </p>
            <h1
                id="speaker-heading"
                class="speaker__heading"
                lang=name_lang
            >
                {speaker.name}
            </h1>
            <ol class="speaker__appearances">
                {speaker
                    .appearances
                    .into_iter()
                    .map(|appearance| {
                        view! {
                            <li class="appearance">
                                <p class="appearance__meta">
                                    <Published date=appearance.published />
                                    {appearance
                                        .role
                                        .map(|role| {
                                            view! { <span class="appearance__role">{role}</span> }
                                        })}
                                </p>
                                <p class="appearance__caption">{appearance.caption}</p>
                                <p class="appearance__link">
                                    <a href=paths::speech_href(
                                        &appearance.article,
                                        appearance.speech,
                                    )><HeadlineText text=appearance.headline breaks=appearance.headline_breaks /></a>
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
