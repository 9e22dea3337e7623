use leptos::prelude::*;
use reader_model::Date;

/// `<time datetime="2020-11-22">November 22, 2020</time>`, or nothing for
/// an undated article.
#[component]
pub fn Published(date: Option<Date>) -> impl IntoView {
    date.map(|date| view! { <time datetime=date.iso()>{crate::labels::labels().date(date)}</time> })
}

/// `Research · November 22, 2020` above a headline in a list; only the
/// section when the article has no date, never a stray separator.
#[component]
pub fn SectionAndDate(
    section: String,
    date: Option<Date>,
    #[prop(optional)] section_class: &'static str,
) -> impl IntoView {
    view! {
        <p class="news-card__meta">
            <span class=section_class>{section}</span>
            {date.map(|date| view! { " · " <Published date=Some(date) /> })}
        </p>
    }
}
