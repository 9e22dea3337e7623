use leptos::prelude::*;
use reader_model::layout::{
    SAVED_PATH, SEARCH_PATH, SECTION_SEGMENT, SPEAKERS_PATH, article_translations,
    section_translations, speaker_translations, speech_number, speech_translations,
};
use reader_model::{Label, Site, Translation};

use crate::labels::label;
use crate::paths;

/// Links to the site's other editions, each named in its own language:
/// to the page's translation there when it has one (`translations`, as
/// [`translations_of`] finds them: an article's, a section's), to the same page
/// there when the page is one every edition has at the same address
/// (`same_page`: the Saved page, search, the speakers' index; for one
/// speaker's page, whose name and address differ by edition, the index
/// where the build could not tell who they are there),
/// else to that edition's home; on search, with the words searched
/// (`query`). Nothing for a site of one edition.
///
/// Each edition is a site of its own (another language, another base),
/// so the links load the other edition's page (`rel="external"`: the
/// router leaves them to the browser).
#[component]
pub fn LanguageSwitch(
    site: Site,
    translations: Vec<(String, String)>,
    same_page: Option<&'static str>,
    query: Option<String>,
) -> impl IntoView {
    let current = site.current_edition()?;
    let root = paths::site_root(&current.path);
    let query = query
        .as_deref()
        .map(paths::query_suffix)
        .unwrap_or_default();
    let here = site.language.clone();
    let links = (site.other_editions())
        .map(|edition| {
            let translated = (translations.iter()).find(|(code, _)| *code == edition.code);
            let there = translated.map_or(same_page.unwrap_or_default(), |(_, path)| path.as_str());
            let href = format!("{root}{}{there}{query}", edition.path);
            // No translation and no page of the same address there: the
            // link goes to that edition's home, and says so (in this
            // page's language) to those who hear it.
            let home = (translated.is_none() && same_page.is_none()).then(|| {
                view! {
                    <span class="visually-hidden" lang=here.clone()>
                        {label(Label::UntranslatedGoesHome)}
                    </span>
                }
            });
            view! {
                <li>
                    <a
                        href=href
                        hreflang=edition.language.clone()
                        lang=edition.language.clone()
                        rel="external alternate"
                    >
                        {edition.name.clone()}
                        {home}
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

/// The page's translations as (edition code, path below that edition):
/// the open article's (`article`: the page's translations; on a speech's
/// page, that speech's in each translation that shares it), on a
/// speaker's page the same person's page, else, on a section's list, the
/// section's in the site's sections.
pub fn translations_of(
    article: &[Translation],
    site: &Site,
    path: &str,
    base: &str,
) -> Vec<(String, String)> {
    let below = below_edition(path, base);
    if below.is_some_and(|below| below.starts_with(&format!("{SPEAKERS_PATH}/"))) {
        return speaker_translations(article);
    }
    if !article.is_empty() {
        return match below.and_then(speech_number) {
            Some(n) => speech_translations(article, n),
            None => article_translations(article),
        };
    }
    let Some(below) = below else {
        return Vec::new();
    };
    let mut segments = below.split('/');
    let (Some(SECTION_SEGMENT), Some(slug)) = (segments.next(), segments.next()) else {
        return Vec::new();
    };
    (site.sections.iter())
        .find(|section| section.slug.as_str() == slug)
        .map(section_translations)
        .unwrap_or_default()
}

/// The page below the edition's `base` at `path`, if every edition has it
/// at the same address: the Saved page, search, the speakers' index (also
/// for one speaker's page: a speaker's name, and so their page's address,
/// is written in each edition's language).
pub fn same_in_every_edition(path: &str, base: &str) -> Option<&'static str> {
    let below = below_edition(path, base)?;
    let page = below.split_once('/').map_or(below, |(first, _)| first);
    [SAVED_PATH, SEARCH_PATH, SPEAKERS_PATH]
        .into_iter()
        .find(|same| *same == below || (*same == SPEAKERS_PATH && *same == page))
}

/// `path` below the edition's `base`, without its slashes (`section/x`);
/// `None` for a path outside the edition.
fn below_edition<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    Some(
        path.strip_prefix(base.trim_end_matches('/'))?
            .trim_matches('/'),
    )
}

#[cfg(test)]
mod tests {
    use super::{same_in_every_edition, translations_of};
    use reader_model::{Site, Translation, from_json};

    fn site() -> Site {
        from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "nav": [],
                "footer": {"heading": "H", "links": []},
                "sections": [
                    {"slug": "research", "name": "Research",
                     "translations": [{"edition": "zh", "slug": "ke-yan"}]},
                    {"slug": "campus", "name": "Campus"}
                ]}"#,
        )
        .expect("a site")
    }

    #[test]
    fn an_article_or_a_section_names_its_page_in_each_edition() {
        let site = site();
        let article = [Translation {
            edition: "zh".into(),
            slug: from_json("\"zhongxin\"").expect("a slug"),
            speeches: 3,
        }];
        let pair = |path: &str| vec![("zh".to_owned(), path.to_owned())];
        assert_eq!(
            translations_of(&article, &site, "/news/centre", "/"),
            pair("news/zhongxin")
        );
        // A speech's page: the same speech in a translation that shares
        // the article's speeches, the translation's top otherwise.
        assert_eq!(
            translations_of(&article, &site, "/news/centre/speech/2", "/"),
            pair("news/zhongxin/speech/2")
        );
        let unshared = [Translation {
            speeches: 0,
            ..article[0].clone()
        }];
        assert_eq!(
            translations_of(&unshared, &site, "/news/centre/speech/2", "/"),
            pair("news/zhongxin")
        );
        assert_eq!(
            translations_of(&[], &site, "/news/section/research", "/news/"),
            pair("section/ke-yan")
        );
        assert_eq!(
            translations_of(&[], &site, "/section/research/archive/2", "/"),
            pair("section/ke-yan")
        );
        // A speaker's page: the same person's page there; none known, none.
        let person = [Translation {
            edition: "zh".into(),
            slug: from_json("\"ding-xiao-dong\"").expect("a slug"),
            speeches: 0,
        }];
        assert_eq!(
            translations_of(&person, &site, "/news/speakers/ding-xiaodong", "/news/"),
            pair("speakers/ding-xiao-dong")
        );
        assert_eq!(
            translations_of(&[], &site, "/speakers/ding-xiaodong", "/"),
            []
        );
        assert_eq!(translations_of(&[], &site, "/section/campus", "/"), []);
        assert_eq!(translations_of(&[], &site, "/section/nope", "/"), []);
        assert_eq!(translations_of(&[], &site, "/research", "/"), []);
    }

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
