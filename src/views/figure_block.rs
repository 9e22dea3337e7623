use leptos::prelude::*;

use reader_model::{Figure, Place};

use super::OpenablePhoto;

/// A picture with its caption and credit; a neutral frame stands in for a
/// picture that is missing or was dropped as unsafe. The lead photo is
/// the same, at the top of the article, fetched first.
#[component]
pub fn FigureBlock(figure: Figure, #[prop(default = Place::Figure)] place: Place) -> impl IntoView {
    let credit = figure
        .image
        .as_ref()
        .and_then(|image| image.credit_line(&crate::labels::labels()));
    let picture = match figure.image {
        Some(image) => view! { <OpenablePhoto image place class="figure__image" /> }.into_any(),
        None => view! { <div class="figure__placeholder" aria-hidden="true"></div> }.into_any(),
    };
    let class = if place == Place::Lead {
        "figure figure--lead"
    } else {
        "figure"
    };
    let captioned = figure.caption.is_some() || credit.is_some();
    view! {
        <figure class=class>
            {picture}
            {captioned
                .then(|| {
                    view! {
                        <figcaption>
                            {figure.caption}
                            {credit.map(|credit| view! { " " <span class="credit">{credit}</span> })}
                        </figcaption>
                    }
                })}
        </figure>
    }
}
