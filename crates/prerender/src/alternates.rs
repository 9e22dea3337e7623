//! A page's addresses in the site's languages: the `hreflang` alternates
//! of its head and of the sitemap.
//!
//! A page names itself in its edition's language, its translations in
//! theirs, and `x-default` (the address for a reader whose language no
//! edition is written in) when one of them is the first edition's: the
//! site's default. An article's translations are those its editor named
//! (`translation_key`); a section's, the sections their translations are
//! in (the content build finds them); each edition's home is the others'
//! translation.
//! A site of one edition names the page itself, and as `x-default`.

use reader_model::Site;

use crate::public_url::PublicUrl;

/// One address of a page, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// A BCP 47 tag (`en`, `zh-CN`), or `x-default`.
    pub language: String,
    /// Absolute.
    pub url: String,
}

/// The page at `path` (below its edition's folder) of the edition `site`
/// is, published at `public`, with its `translations` as (edition code,
/// path there).
pub fn of(
    site: &Site,
    public: &PublicUrl,
    path: &str,
    translations: &[(String, String)],
) -> Vec<Alternate> {
    let own = public.page(path);
    let Some(current) = site.current_edition() else {
        return vec![
            Alternate {
                language: site.language.clone(),
                url: own.clone(),
            },
            Alternate {
                language: "x-default".to_owned(),
                url: own,
            },
        ];
    };
    let mut all = vec![(current, own)];
    for (code, path) in translations {
        if let Some(edition) = site.other_editions().find(|edition| edition.code == *code) {
            all.push((edition, public.in_edition(&edition.path).page(path)));
        }
    }
    let default = (site.editions.first())
        .and_then(|first| all.iter().find(|(edition, _)| edition.code == first.code))
        .map(|(_, url)| Alternate {
            language: "x-default".to_owned(),
            url: url.clone(),
        });
    (all.into_iter())
        .map(|(edition, url)| Alternate {
            language: edition.language.clone(),
            url,
        })
        .chain(default)
        .collect()
}

/// A page every edition has at the same path (its home, its speakers'
/// index): the other editions' page there.
pub fn everywhere(site: &Site, path: &str) -> Vec<(String, String)> {
    (site.other_editions())
        .map(|edition| (edition.code.clone(), path.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_model::{EditionLink, SafeUrl, Slug, Translation};

    fn site(current: &str) -> Site {
        let mut site: Site = reader_model::from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "footer": {"heading": "F"}}"#,
        )
        .expect("site");
        site.editions = [("en", "en", ""), ("zh", "zh-CN", "zh/")]
            .iter()
            .map(|(code, language, path)| EditionLink {
                code: (*code).to_owned(),
                name: (*code).to_owned(),
                language: (*language).to_owned(),
                path: (*path).to_owned(),
                current: *code == current,
            })
            .collect();
        site
    }

    fn public() -> PublicUrl {
        let origin = SafeUrl::parse("https://news.example.edu").expect("origin");
        PublicUrl::new(&origin, "/").expect("public")
    }

    fn pairs(alternates: &[Alternate]) -> Vec<(&str, &str)> {
        (alternates.iter())
            .map(|a| (a.language.as_str(), a.url.as_str()))
            .collect()
    }

    #[test]
    fn a_translated_article_names_itself_its_translation_and_the_default() {
        let zh = site("zh");
        let translations = [Translation {
            edition: "en".to_owned(),
            slug: Slug::parse("a-b").expect("slug"),
            speeches: 0,
        }];
        let alternates = of(
            &zh,
            &public().in_edition("zh/"),
            "news/x",
            &reader_model::layout::article_translations(&translations),
        );
        assert_eq!(
            pairs(&alternates),
            [
                ("zh-CN", "https://news.example.edu/zh/news/x"),
                ("en", "https://news.example.edu/news/a-b"),
                ("x-default", "https://news.example.edu/news/a-b"),
            ]
        );
    }

    #[test]
    fn an_untranslated_page_names_itself_and_homes_name_each_other() {
        let zh = site("zh");
        let alone = of(&zh, &public().in_edition("zh/"), "news/x", &[]);
        assert_eq!(
            pairs(&alone),
            [("zh-CN", "https://news.example.edu/zh/news/x")]
        );
        let en = site("en");
        let home = of(&en, &public(), "", &everywhere(&en, ""));
        assert_eq!(
            pairs(&home),
            [
                ("en", "https://news.example.edu/"),
                ("zh-CN", "https://news.example.edu/zh/"),
                ("x-default", "https://news.example.edu/"),
            ]
        );
    }

    #[test]
    fn a_site_of_one_edition_names_the_page_as_its_default() {
        let mut one = site("en");
        one.editions.clear();
        let alternates = of(&one, &public(), "news/x", &[]);
        assert_eq!(
            pairs(&alternates),
            [
                ("en", "https://news.example.edu/news/x"),
                ("x-default", "https://news.example.edu/news/x"),
            ]
        );
    }
}
