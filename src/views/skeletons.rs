use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;

/// The list's shape while it loads (the same markup `index.html` shows
/// before the app starts, so the hand-over does not move anything).
#[component]
pub fn ListSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton-page" aria-busy="true" aria-label=label(Label::Loading)>
            <span class="skeleton skeleton--heading"></span>
            {(0..4)
                .map(|_| {
                    view! {
                        <div class="skeleton-card">
                            <span class="skeleton skeleton--thumb"></span>
                            <span class="skeleton-card__text">
                                <span class="skeleton skeleton--line skeleton--short"></span>
                                <span class="skeleton skeleton--line"></span>
                                <span class="skeleton skeleton--line"></span>
                            </span>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// An article's shape while it loads.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton-page skeleton-page--article" aria-busy="true" aria-label=label(Label::Loading)>
            <span class="skeleton skeleton--line skeleton--short"></span>
            <span class="skeleton skeleton--heading"></span>
            <span class="skeleton skeleton--heading skeleton--short"></span>
            <span class="skeleton skeleton--line skeleton--short"></span>
            {(0..8).map(|_| view! { <span class="skeleton skeleton--line"></span> }).collect_view()}
        </div>
    }
}
