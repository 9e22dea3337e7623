//! Everyone who spoke in a speech section, across the archive: an index of
//! people (`content/speakers/index.json`) and one file per person
//! (`content/speakers/<slug>.json`), built from the articles at build time
//! so a reader's browser downloads only the person it asks for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Article, Date, Slug};

/// People whose names are written more than one way
/// (`content/speakers.json`): each alias counts as `name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aliases {
    #[serde(default)]
    pub people: Vec<Person>,
}

impl Aliases {
    /// Each other spelling, to the name it counts as.
    pub fn canonical_names(&self) -> BTreeMap<&str, &str> {
        self.people
            .iter()
            .flat_map(|p| p.aliases.iter().map(move |a| (a.as_str(), p.name.as_str())))
            .collect()
    }
}

/// One person's name as shown, and the other spellings editors use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The speakers index: everyone, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speakers {
    pub speakers: Vec<SpeakerSummary>,
}

/// One line of the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerSummary {
    pub slug: Slug,
    pub name: String,
    /// Roles, newest first, each with the first and last day it was given.
    pub roles: Vec<RoleSpan>,
    /// How many articles they speak in.
    pub articles: usize,
}

/// A role a person held, as the articles gave it, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSpan {
    pub role: String,
    /// The first and last day it was given, from the dated articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Date>,
}

/// One person's page: every speech, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub slug: Slug,
    pub name: String,
    pub appearances: Vec<Appearance>,
    /// The same person's page in the site's other editions, where the
    /// content build can tell (`reader-content`'s `editions`: the speeches
    /// a translated article shares with its translation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<crate::Translation>,
}

/// One speech by a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appearance {
    pub article: Slug,
    pub headline: String,
    #[serde(default, skip_serializing_if = "crate::Breaks::is_empty")]
    pub headline_breaks: crate::Breaks,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Which of the article's speeches (from 1).
    pub speech: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub caption: String,
}

/// A name as a URL segment: `Wu Jincheng` → `wu-jincheng`, `Anders
/// Nyström` → `anders-nystrom`, `丁晓东` → `ding-xiao-dong` (transliterated
/// by deunicode); a name with nothing left gets `speaker-` and a stable hash.
pub fn name_slug(name: &str) -> Slug {
    text_slug(name, "speaker")
}

/// A headline as an article's slug, the same way (`Shanghai High-end …` →
/// `shanghai-high-end-…`); `article-<hash>` when nothing is left.
pub fn headline_slug(headline: &str) -> Slug {
    text_slug(headline, "article")
}

/// Any name as a URL segment (see [`name_slug`]); a name with nothing left
/// becomes `<fallback>-<hash>`.
pub(crate) fn text_slug(name: &str, fallback: &str) -> Slug {
    let mut text = String::new();
    for c in deunicode::deunicode(name)
        .chars()
        .flat_map(char::to_lowercase)
    {
        if c.is_ascii_alphanumeric() {
            text.push(c);
        } else if !text.ends_with('-') && !text.is_empty() {
            text.push('-');
        }
    }
    if text.len() > 64 {
        // At most 64 characters, cut between words when a word is cut.
        let cut_word = text.as_bytes()[64] != b'-';
        text.truncate(64);
        if cut_word && let Some(last) = text.rfind('-') {
            text.truncate(last);
        }
    }
    Slug::parse(text.trim_end_matches('-')).unwrap_or_else(|_| {
        // FNV-1a: stable across builds and platforms.
        let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Slug::hashed(fallback, hash)
    })
}

/// The person a speech's speaker names, as the speakers' pages file them
/// (`canonical`: [`Aliases::canonical_names`]); `None` for no name.
pub fn person<'a>(written: &'a str, canonical: &BTreeMap<&'a str, &'a str>) -> Option<&'a str> {
    let written = written.trim();
    (!written.is_empty()).then(|| canonical.get(written).copied().unwrap_or(written))
}

/// The index and each person's page, from every article's speeches; names
/// are matched as written, or through `aliases`.
pub fn build<'a, R: 'a>(
    articles: impl IntoIterator<Item = &'a Article<R>>,
    aliases: &Aliases,
) -> (Speakers, Vec<Speaker>) {
    let canonical = aliases.canonical_names();
    let mut people: BTreeMap<String, Vec<Appearance>> = BTreeMap::new();
    for article in articles {
        for (index, speech) in article.body.speeches().enumerate() {
            let Some(name) = person(&speech.speaker, &canonical) else {
                continue;
            };
            people.entry(name.to_owned()).or_default().push(Appearance {
                article: article.slug.clone(),
                headline: article.headline.clone(),
                headline_breaks: article.headline_breaks.clone(),
                published: article.published,
                speech: index + 1,
                role: speech.role.clone(),
                caption: speech.caption.clone(),
            });
        }
    }
    let mut index = Vec::new();
    let mut pages = Vec::new();
    for (name, mut appearances) in people {
        appearances.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.article.as_str().cmp(b.article.as_str()))
                .then(a.speech.cmp(&b.speech))
        });
        let slug = name_slug(&name);
        let mut articles: Vec<&Slug> = appearances.iter().map(|a| &a.article).collect();
        articles.dedup();
        let mut roles: Vec<RoleSpan> = Vec::new();
        for appearance in appearances.iter().rev() {
            let Some(role) = &appearance.role else {
                continue;
            };
            match roles.iter_mut().find(|span| &span.role == role) {
                Some(span) => {
                    span.first = span.first.or(appearance.published);
                    span.last = appearance.published.or(span.last);
                }
                None => roles.push(RoleSpan {
                    role: role.clone(),
                    first: appearance.published,
                    last: appearance.published,
                }),
            }
        }
        roles.reverse();
        index.push(SpeakerSummary {
            slug: slug.clone(),
            name: name.clone(),
            roles,
            articles: articles.len(),
        });
        pages.push(Speaker {
            slug,
            name,
            appearances,
            translations: Vec::new(),
        });
    }
    // By name as a reader looks it up: Élise with the Es.
    index.sort_by_cached_key(|person| deunicode::deunicode(&person.name).to_lowercase());
    (Speakers { speakers: index }, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(slug: &str, published: &str, speakers: &[(&str, &str)]) -> crate::ArticleSource {
        let body: Vec<_> = speakers
            .iter()
            .map(|(name, role)| {
                serde_json::json!({"type": "speech", "speaker": name, "role": role, "caption": format!("{name} spoke")})
            })
            .collect();
        crate::from_json(
            &serde_json::json!({
                "slug": slug, "headline": slug, "section": "News", "published": published,
                "author": "A", "summary": "S", "body": body
            })
            .to_string(),
        )
        .expect("article")
    }

    #[test]
    fn aliases_join_spellings_and_pages_are_newest_first() {
        let articles = [
            article("a", "2019-05-01", &[("Xiaodong Ding", "Vice President")]),
            article(
                "b",
                "2020-11-22",
                &[("Wu Jincheng", "Director"), ("Ding Xiaodong", "President")],
            ),
            article("c", "2021-01-02", &[("Élise Durand", "Guest")]),
        ];
        let aliases = Aliases {
            people: vec![Person {
                name: "Ding Xiaodong".into(),
                aliases: vec!["Xiaodong Ding".into()],
            }],
        };
        let (index, pages) = build(&articles, &aliases);
        let names: Vec<_> = index.speakers.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ding Xiaodong", "Élise Durand", "Wu Jincheng"]);
        let ding = &index.speakers[0];
        assert_eq!(ding.articles, 2);
        assert_eq!(
            ding.roles
                .iter()
                .map(|r| r.role.as_str())
                .collect::<Vec<_>>(),
            ["President", "Vice President"]
        );
        let page = pages
            .iter()
            .find(|p| p.name == "Ding Xiaodong")
            .expect("page");
        assert_eq!(
            page.appearances
                .iter()
                .map(|a| (a.article.as_str(), a.speech))
                .collect::<Vec<_>>(),
            [("b", 2), ("a", 1)]
        );
        assert_eq!(page.slug.as_str(), "ding-xiaodong");
    }

    #[test]
    fn names_become_slugs() {
        assert_eq!(name_slug("Wu Jincheng").as_str(), "wu-jincheng");
        assert_eq!(name_slug("  Dr. José  O'Neil ").as_str(), "dr-jose-o-neil");
        assert_eq!(name_slug("Anders Nyström").as_str(), "anders-nystrom");
        assert_eq!(name_slug("丁晓东").as_str(), "ding-xiao-dong");
        assert!(name_slug("\u{200b}").as_str().starts_with("speaker-"));
    }
}
