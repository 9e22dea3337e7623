use crate::labels::labels;
use leptos::prelude::*;
use reader_model::Label;

use reader_model::layout::speech_id;
use reader_model::{Place, Speech};

use super::{CopyLink, OpenablePhoto};
use crate::display::initials;

/// A captioned speaker photo: the photo (or a placeholder with the
/// speaker's initials), then the speaker's name, role and the caption,
/// and a link to this speech's own page, which a reader can share. Its
/// `id` (`speech-<number>`) is what "Who spoke" links to.
#[component]
pub fn SpeechSection(
    speech: Speech,
    /// Its place among the article's speeches, from 1.
    number: usize,
    /// The address of its own page.
    #[prop(into)]
    link: String,
) -> impl IntoView {
    let id = speech_id(number);
    let labels = labels();
    let name = [("name", speech.speaker.as_str())];
    let label = labels.fill(Label::SpeechBy, &name);
    // Read after the visible words, which a voice user says to follow it.
    let link_label = labels.fill(Label::LinkBy, &name);
    let copy_label = labels.fill(Label::CopyLinkTo, &name);
    let link_words = labels.get(Label::LinkToThisSpeech).to_owned();
    let speaker_lang = crate::labels::language_of(&speech.speaker);
    let credit = speech
        .photo
        .as_ref()
        .and_then(|image| image.credit_line(&crate::labels::labels()));
    let photo = match speech.photo {
        Some(photo) => view! {
            <OpenablePhoto image=photo place=Place::Speaker class="speech__photo" />
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
        <figure class="speech" id=id tabindex="-1" aria-label=label>
            {photo}
            <figcaption class="speech__text">
                <span class="speech__speaker" lang=speaker_lang>{speech.speaker}</span>
                {speech.role.map(|role| view! { <span class="speech__role">{role}</span> })}
                <span class="speech__caption">{speech.caption}</span>
                {credit.map(|credit| view! { <span class="speech__credit credit">{credit}</span> })}
                <span class="speech__share">
                    <a class="speech__link" href=link.clone()>
                        {link_words}
                        <span class="visually-hidden">{link_label}</span>
                    </a>
                    <CopyLink href=link what=copy_label />
                </span>
            </figcaption>
        </figure>
    }
}
