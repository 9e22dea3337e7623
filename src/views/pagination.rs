use leptos::prelude::*;
use reader_model::ListPage;

use crate::paths;

/// Newer and older pages of a list, with where this one sits. Nothing at
/// all when the list has one page.
#[component]
pub fn Pagination(page: ListPage) -> impl IntoView {
    let section = page.section.clone();
    let link = move |n: usize| paths::list_href(section.as_ref(), n);
    (page.pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label="Pages">
                {page.previous().map(|n| view! {
                    <a class="pagination__newer" href=link(n) rel="prev">"← Newer"</a>
                })}
                <span class="pagination__position">
                    {format!("Page {} of {}", page.page, page.pages)}
                </span>
                {page.next().map(|n| view! {
                    <a class="pagination__older" href=link(n) rel="next">"Older →"</a>
                })}
            </nav>
        }
    })
}
