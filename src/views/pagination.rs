use leptos::prelude::*;

/// Links to the pages before and after this one, and where it sits:
/// "Page 2 of 5". Nothing at all when there is one page.
#[component]
pub fn Pagination(
    /// This page, from 1.
    page: usize,
    pages: usize,
    /// The address of page `n`.
    link: impl Fn(usize) -> String + 'static,
    /// The links' words: `("← Newer", "Older →")`.
    labels: (&'static str, &'static str),
    /// What the pages are, for screen readers ("Pages", "Result pages").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| link(page - 1));
        let next = (page < pages).then(|| link(page + 1));
        view! {
            <nav class="pagination" aria-label=label>
                {previous.map(|href| view! {
                    <a class="pagination__newer" href=href rel="prev">{labels.0}</a>
                })}
                <span class="pagination__position">{format!("Page {page} of {pages}")}</span>
                {next.map(|href| view! {
                    <a class="pagination__older" href=href rel="next">{labels.1}</a>
                })}
            </nav>
        }
    })
}
