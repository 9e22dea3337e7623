use leptos::prelude::*;
use reader_model::{Article, NameLine};

use super::Published;

/// `November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu`,
/// with the date machine-readable and each name in its own language
/// ([`crate::labels::language_of`]): only the parts the article has,
/// joined by separators, and nothing at all when it has none of them.
#[component]
pub fn Dateline(article: Article) -> impl IntoView {
    let labels = crate::labels::labels();
    let byline = article.byline(&labels);
    let copyedit = article.copyedit_line(&labels);
    let date = article.published;
    (date.is_some() || byline.is_some() || copyedit.is_some()).then(|| {
        let after_date = date.is_some();
        let after_byline = after_date || byline.is_some();
        view! {
            <p class="dateline">
                <Published date />
                {byline
                    .map(|line| {
                        view! {
                            {after_date.then_some(" | ")}
                            <span class="dateline__byline">{names(line)}</span>
                        }
                    })}
                {copyedit
                    .map(|line| {
                        view! {
                            {after_byline.then_some(" | ")}
                            <span class="dateline__copyedit">{names(line)}</span>
                        }
                    })}
            </p>
        }
    })
}

/// A line's words and its names, each name a `<span>` that says its
/// language where it is not the page's.
fn names(line: NameLine) -> impl IntoView {
    let NameLine {
        before,
        names,
        after,
    } = line;
    let words = |text: String| (!text.is_empty()).then_some(text);
    view! {
        {words(before)}
        {names
            .into_iter()
            .map(|(separator, name)| {
                let lang = crate::labels::language_of(&name);
                view! {
                    {words(separator)}
                    <span lang=lang>{name}</span>
                }
            })
            .collect_view()}
        {words(after)}
    }
}
