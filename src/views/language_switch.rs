use leptos::prelude::*;
use reader_model::layout::article_path;
use reader_model::{Label, Site, Translation};

use crate::labels::label;
use crate::paths;

/// Links to the site's other editions, each named in its own language:
/// to the page's translation there when it has one, else to that
/// edition's home. Nothing for a site of one edition.
///
/// Each edition is a site of its own (another language, another base),
/// so the links load the other edition's page (`rel="external"`: the
/// router leaves them to the browser).
#[component]
pub fn LanguageSwitch(site: Site, translations: Vec<Translation>) -> impl IntoView {
    let current = site.current_edition()?;
    let root = paths::site_root(&current.path);
    let links = (site.other_editions())
        .map(|edition| {
            let href = match translations.iter().find(|t| t.edition == edition.code) {
                Some(translation) => {
                    format!("{root}{}{}", edition.path, article_path(&translation.slug))
                }
                None => format!("{root}{}", edition.path),
            };
            view! {
                <li>
                    <a
                        href=href
                        hreflang=edition.language.clone()
                        lang=edition.language.clone()
                        rel="external alternate"
                    >
                        {edition.name.clone()}
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <nav class="language-switch" aria-label=label(Label::SwitchLanguage)>
            <ul>{links}</ul>
        </nav>
    })
}
