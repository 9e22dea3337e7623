use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;
use reader_model::Speech;
use reader_model::layout::speech_id;

/// "Who spoke": each speaker of the article, in order, linking to their
/// speech section. Nothing when the article has no speeches.
#[component]
pub fn WhoSpoke(speakers: Vec<Speech>) -> impl IntoView {
    (!speakers.is_empty()).then(|| {
        view! {
            <nav class="who-spoke" aria-labelledby="who-spoke-heading">
                <h2 id="who-spoke-heading" class="who-spoke__heading">
                    {label(Label::WhoSpoke)}
                </h2>
                <ol class="who-spoke__list">
                    {speakers
                        .into_iter()
                        .enumerate()
                        .map(|(index, speech)| {
                            let href = format!("#{}", speech_id(index + 1));
                            let lang = crate::labels::language_of(&speech.speaker);
                            view! {
                                <li>
                                    <a href=href lang=lang>{speech.speaker}</a>
                                    {speech
                                        .role
                                        .map(|role| {
                                            view! { <span class="who-spoke__role">{role}</span> }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}
