use crate::labels::labels;
use leptos::prelude::*;
use reader_model::Label;
use reader_model::{RoleSpan, Speakers};

use super::{Breadcrumb, PageMeta};
use crate::meta::Meta;
use crate::paths;

/// The speakers index: everyone who spoke, by name, with their roles over
/// time and how many articles they speak in.
#[component]
pub fn SpeakersPage(speakers: Speakers) -> impl IntoView {
    let people = speakers.speakers;
    let empty = people.is_empty();
    let labels = labels();
    view! {
        <PageMeta meta=Meta::speakers() />
        <Breadcrumb current=labels.get(Label::Speakers).to_owned() />
        <section class="speakers" aria-labelledby="speakers-heading">
            <h1 id="speakers-heading" class="speakers__heading">{labels.get(Label::Speakers).to_owned()}</h1>
            {empty.then(|| view! { <p>{labels.get(Label::NoSpeeches).to_owned()}</p> })}
            <ul class="speakers__list">
                {people
                    .into_iter()
                    .map(|person| {
                        let count = labels.articles(person.articles);
                        let lang = crate::labels::language_of(&person.name);
                        view! {
                            <li class="speaker-card">
                                <h2 class="speaker-card__name">
                                    <a
                                        href=paths::speaker_href(&person.slug)
                                        lang=lang
                                    >
                                        {person.name}
                                    </a>
                                </h2>
                                <ul class="speaker-card__roles">
                                    {person.roles.into_iter().map(role_line).collect_view()}
                                </ul>
                                <p class="speaker-card__count">{count}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// "Director of …, 2019–2020"; the role alone when no article giving it
/// has a date.
fn role_line(span: RoleSpan) -> impl IntoView {
    let years = match (span.first, span.last) {
        (Some(first), Some(last)) if first.year() != last.year() => {
            Some(format!("{}–{}", first.year(), last.year()))
        }
        (Some(day), _) | (_, Some(day)) => Some(day.year().to_string()),
        (None, None) => None,
    }
    .map(|years| labels().fill(Label::RoleYears, &[("years", &years)]));
    view! {
        <li>
            {span.role}
            {years.map(|years| view! { <span class="speaker-card__years">{years}</span> })}
        </li>
    }
}
