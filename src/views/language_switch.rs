use leptos::prelude::*;
use reader_model::layout::{SAVED_PATH, SEARCH_PATH, SPEAKERS_PATH, article_path};
use reader_model::{Label, Site, Translation};

use crate::labels::label;
use crate::paths;

/// Links to the site's other editions, each named in its own language:
/// to the page's translation there when it has one, to the same page
/// there when the page is one every edition has at the same address
/// (`same_page`: the Saved page, search, the speakers' index; for one
/// speaker's page, whose name and address differ by edition, the index),
/// else to that edition's home. Nothing for a site of one edition.
///
/// Each edition is a site of its own (another language, another base),
/// so the links load the other edition's page (`rel="external"`: the
/// router leaves them to the browser).
#[component]
pub fn LanguageSwitch(
    site: Site,
    translations: Vec<Translation>,
    same_page: Option<&'static str>,
) -> impl IntoView {
    let current = site.current_edition()?;
    let root = paths::site_root(&current.path);
    let links = (site.other_editions())
        .map(|edition| {
            let href = match translations.iter().find(|t| t.edition == edition.code) {
                Some(translation) => {
                    format!("{root}{}{}", edition.path, article_path(&translation.slug))
                }
                None => format!("{root}{}{}", edition.path, same_page.unwrap_or_default()),
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

/// The page below the edition's `base` at `path`, if every edition has it
/// at the same address: the Saved page, search, the speakers' index (also
/// for one speaker's page: a speaker's name, and so their page's address,
/// is written in each edition's language).
pub fn same_in_every_edition(path: &str, base: &str) -> Option<&'static str> {
    let below = path.strip_prefix(base.trim_end_matches('/'))?;
    let below = below.trim_matches('/');
    let page = below.split_once('/').map_or(below, |(first, _)| first);
    [SAVED_PATH, SEARCH_PATH, SPEAKERS_PATH]
        .into_iter()
        .find(|same| *same == below || (*same == SPEAKERS_PATH && *same == page))
}

#[cfg(test)]
mod tests {
    use super::same_in_every_edition;

    #[test]
    fn the_pages_every_edition_has_at_one_address() {
        assert_eq!(same_in_every_edition("/saved", "/"), Some("saved"));
        assert_eq!(
            same_in_every_edition("/zh/speakers", "/zh/"),
            Some("speakers")
        );
        assert_eq!(
            same_in_every_edition("/news/search", "/news/"),
            Some("search")
        );
        assert_eq!(
            same_in_every_edition("/speakers/ding", "/"),
            Some("speakers")
        );
        assert_eq!(
            same_in_every_edition("/zh/speakers/ding-xiao-dong", "/zh/"),
            Some("speakers")
        );
        assert_eq!(same_in_every_edition("/saved/x", "/"), None);
        assert_eq!(same_in_every_edition("/section/campus", "/"), None);
        assert_eq!(same_in_every_edition("/", "/"), None);
        assert_eq!(same_in_every_edition("/news/a", "/"), None);
        assert_eq!(same_in_every_edition("/saved", "/zh/"), None);
    }
}
