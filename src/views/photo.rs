use leptos::prelude::*;
use reader_model::{Copies, Format, Image, Label, Place};

use crate::labels::label;
use crate::paths;

/// A picture in its place. A photograph the content build made copies of
/// is a `<picture>` offering them, WebP first and JPEG for every other
/// browser, with the place's `sizes`, so each screen downloads the
/// smallest copy that is sharp on it; any other picture is a plain
/// `<img>`. Both keep their box from `width` and `height` before loading.
/// The lead photo, which is often the largest thing in the first view,
/// is fetched at once and first; every other picture when it nears the
/// screen.
#[component]
pub fn Photo(
    image: Image,
    place: Place,
    /// The `<img>`'s class.
    class: &'static str,
) -> impl IntoView {
    let lead = place == Place::Lead;
    let loading = if lead { "eager" } else { "lazy" };
    let priority = lead.then_some("high");
    let sizes = image.copies.as_ref().map(|_| place.sizes());
    let img = view! {
        <img
            class=class
            src=paths::resolve(&image.src)
            srcset=image.copies.as_ref().map(|copies| srcset(copies, Format::Jpeg))
            sizes=sizes
            alt=image.alt
            width=image.width
            height=image.height
            loading=loading
            decoding="async"
            fetchpriority=priority
        />
    };
    match image.copies {
        Some(copies) => view! {
            <picture>
                <source type=Format::Webp.mime() srcset=srcset(&copies, Format::Webp) sizes=sizes />
                {img}
            </picture>
        }
        .into_any(),
        None => img.into_any(),
    }
}

/// A photograph that opens at its largest size when followed: the link's
/// name is the photo's alt text and what the link does. The file is not
/// one of the app's pages: `rel="external"` keeps the router from
/// treating it as a route.
#[component]
pub fn OpenablePhoto(image: Image, place: Place, class: &'static str) -> impl IntoView {
    match image
        .copies
        .as_ref()
        .map(|copies| paths::resolve(&copies.full))
    {
        Some(full) => view! {
            <a class="photo-open" href=full rel="external">
                <Photo image place class />
                <span class="visually-hidden">{label(Label::OpenFullPhoto)}</span>
            </a>
        }
        .into_any(),
        None => view! { <Photo image place class /> }.into_any(),
    }
}

/// `url 360w, url 720w, …` for the copies in `format`.
fn srcset(copies: &Copies, format: Format) -> String {
    copies
        .candidates(format)
        .iter()
        .map(|(url, width)| format!("{} {width}w", paths::resolve(url)))
        .collect::<Vec<_>>()
        .join(", ")
}
