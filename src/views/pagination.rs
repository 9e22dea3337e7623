use leptos::prelude::*;

/// Links to the pages before and after this one, and where it sits
/// ("Page 2 of 5", the days a list page covers). Nothing at all when
/// there is neither link.
#[component]
pub fn Pagination(
    /// The address of the page before (newer articles, better matches).
    newer: Option<String>,
    /// The address of the page after (older articles, more results).
    older: Option<String>,
    /// Where this page sits, if that says something.
    position: Option<String>,
    /// The links' words: `("← Newer", "Older →")`.
    labels: (String, String),
    /// What the pages are, for screen readers ("Pages", "Result pages").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="pagination" aria-label=label>
                {newer.map(|href| view! {
                    <a class="pagination__newer" href=href rel="prev">{labels.0}</a>
                })}
                {position.map(|text| view! { <span class="pagination__position">{text}</span> })}
                {older.map(|href| view! {
                    <a class="pagination__older" href=href rel="next">{labels.1}</a>
                })}
            </nav>
        }
    })
}
