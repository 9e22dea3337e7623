use leptos::prelude::*;

use reader_model::{Image, Place};

use super::Photo;
use crate::display::tone;

/// A list item's picture, or a designed placeholder in the section's tone
/// with the section's name, in the same box so nothing shifts.
#[component]
pub fn Thumbnail(image: Option<Image>, #[prop(into)] section: String) -> impl IntoView {
    let tone = tone(&section).to_string();
    match image {
        Some(image) => {
            view! { <Photo image place=Place::Thumbnail class="thumbnail" /> }.into_any()
        }
        None => view! {
            <div class="thumbnail thumbnail--placeholder" data-tone=tone aria-hidden="true">
                <span>{section}</span>
            </div>
        }
        .into_any(),
    }
}
