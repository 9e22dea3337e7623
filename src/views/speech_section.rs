use leptos::prelude::*;

use crate::paths;
use reader_model::Speech;

use crate::display::initials;

/// A captioned speaker photo: the photo (or a placeholder with the
/// speaker's initials), then the speaker's name, role and the caption.
#[component]
pub fn SpeechSection(speech: Speech) -> impl IntoView {
    let photo = match speech.photo {
        Some(photo) => view! {
            <img
                class="speech__photo"
                src=paths::resolve(&photo.src)
                alt=photo.alt
                width=photo.width
                height=photo.height
                loading="lazy"
                decoding="async"
            />
        }
        .into_any(),
        None => view! {
            <div class="speech__photo speech__photo--placeholder" aria-hidden="true">
                {initials(&speech.speaker)}
            </div>
        }
        .into_any(),
    };
    view! {
        <figure class="speech">
            {photo}
            <figcaption class="speech__text">
                <span class="speech__speaker">{speech.speaker}</span>
                {speech.role.map(|role| view! { <span class="speech__role">{role}</span> })}
                <span class="speech__caption">{speech.caption}</span>
            </figcaption>
        </figure>
    }
}
