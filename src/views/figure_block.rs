use leptos::prelude::*;

use crate::paths;
use reader_model::Figure;

/// A plain picture with its caption; a neutral frame stands in for a
/// picture that is missing or was dropped as unsafe.
#[component]
pub fn FigureBlock(figure: Figure) -> impl IntoView {
    let picture = match figure.image {
        Some(image) => view! {
            <img
                src=paths::resolve(&image.src)
                alt=image.alt
                width=image.width
                height=image.height
                loading="lazy"
                decoding="async"
            />
        }
        .into_any(),
        None => view! { <div class="figure__placeholder" aria-hidden="true"></div> }.into_any(),
    };
    view! {
        <figure class="figure">
            {picture}
            {figure.caption.map(|caption| view! { <figcaption>{caption}</figcaption> })}
        </figure>
    }
}
