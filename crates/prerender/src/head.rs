//! The `<head>` of a prerendered page: title and description (as the app
//! sets them), canonical URL, language alternates, Open Graph and Twitter
//! cards, and schema.org `NewsArticle` data for articles.
//!
//! Tags are rendered by Leptos, which escapes every attribute and text; the
//! structured data is JSON made safe for a `<script>` element.

use leptos::prelude::*;
use reader::display::page_title;
use reader::meta::Meta;
use reader::prerendered::PAGE_HEAD_ATTRIBUTE;
use reader_model::{Article, PageContent, script_safe};
use serde_json::json;

use crate::alternates::{self, Alternate};
use crate::page::{Page, lead_image};
use crate::public_url::PublicUrl;

/// The site's largest icon (its size and file): the sharing picture of a
/// page without a photograph, and the publisher's logo.
const SHARING_ICON: (u32, &str) = reader_model::layout::ICON_FILES[1];

/// What the head says about a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The page's own title (`og:title`); the document title adds the site's name.
    pub title: String,
    pub description: String,
    /// Kept out of search engines ("not found").
    pub noindex: bool,
    /// Absolute; `None` for "not found", which has no address of its own.
    /// A speech page's is its article's: the same text, one address.
    pub canonical: Option<String>,
    /// The page's own address, for sharing cards (`og:url`).
    pub url: Option<String>,
    /// Absolute URL and alt text of the sharing picture: the article's
    /// lead photograph.
    pub image: Option<(String, String)>,
    /// Absolute URL of the site's largest icon: the sharing picture of a
    /// page without a photograph, and the publisher's logo.
    pub icon: String,
    /// schema.org JSON-LD, for articles.
    pub structured_data: Option<serde_json::Value>,
    /// The site's Atom feed.
    pub feed: String,
    /// The page's addresses in each language it is written in
    /// (`hreflang`); none for a page without an address.
    pub alternates: Vec<Alternate>,
}

impl Head {
    pub fn of(page: &Page, public: &PublicUrl) -> Self {
        let data = &page.data;
        let url = page.path.as_deref().map(|path| public.page(path));
        let feed = public.page(reader_model::layout::ATOM_FILE);
        let icon = public.site_file(SHARING_ICON.1);
        let Meta {
            title,
            description,
            noindex,
        } = Meta::of(data, page.speech);
        let PageContent::Article(article) = &data.content else {
            let path = page.canonical_path();
            let canonical = path.as_deref().map(|path| public.page(path));
            // The home's translations are the other editions' homes (the
            // speakers' index's, theirs); a section's, its list there; a
            // speaker's, their page there.
            let alternates = path.map_or_else(Vec::new, |path| {
                let translations = match &data.content {
                    PageContent::List(list) => crate::page::list_translations(&data.site, list),
                    PageContent::Speaker(speaker) => {
                        reader_model::layout::speaker_translations(&speaker.translations)
                    }
                    PageContent::Speakers(_) => {
                        alternates::everywhere(&data.site, reader_model::layout::SPEAKERS_PATH)
                    }
                    _ => Vec::new(),
                };
                alternates::of(&data.site, public, &path, &translations)
            });
            return Self {
                alternates,
                title,
                description,
                noindex,
                url: canonical.clone(),
                canonical,
                image: None,
                icon,
                structured_data: None,
                feed,
            };
        };
        let path = reader_model::layout::article_path(&article.slug);
        let canonical = Some(public.page(&path));
        let translations = reader_model::layout::article_translations(&article.translations);
        let alternates = alternates::of(&data.site, public, &path, &translations);
        // A photograph is shared whole, at its largest size, not as the
        // copy cut for a place on the page.
        let image = lead_image(article).map(|image| {
            let src = image
                .copies
                .as_ref()
                .map_or(&image.src, |copies| &copies.full);
            (public.resolve(src), image.alt.clone())
        });
        Self {
            title,
            description,
            noindex,
            structured_data: Some(news_article(
                article,
                page,
                public,
                canonical.as_deref(),
                image.as_ref(),
                &icon,
            )),
            canonical,
            url,
            image,
            icon,
            feed,
            alternates,
        }
    }

    /// The tags, as HTML for the `<head>`. All but `<title>` carry
    /// [`PAGE_HEAD_ATTRIBUTE`], so the app can drop them when it takes over.
    pub fn to_html(&self, page: &Page) -> String {
        let site = &page.data.site;
        let article = match &page.data.content {
            PageContent::Article(article) => Some(article),
            _ => None,
        };
        let document_title = page_title(&self.title, Some(&site.name));
        let mut tags: Vec<AnyView> = vec![meta("name", "description", &self.description)];
        if self.noindex {
            tags.push(meta("name", "robots", "noindex"));
        }
        if let Some(canonical) = &self.canonical {
            tags.push(link("canonical", canonical, None));
        }
        for alternate in &self.alternates {
            tags.push(link("alternate", &alternate.url, Some(&alternate.language)));
        }
        if let Some(url) = &self.url {
            tags.push(meta("property", "og:url", url));
        }
        tags.push(meta(
            "property",
            "og:type",
            if article.is_some() {
                "article"
            } else {
                "website"
            },
        ));
        tags.push(meta("property", "og:site_name", &site.name));
        tags.push(meta("property", "og:title", &self.title));
        tags.push(meta("property", "og:description", &self.description));
        if let Some(locale) = og_locale(&site.language) {
            tags.push(meta("property", "og:locale", &locale));
        }
        if let Some(article) = article {
            if let Some(day) = article.published {
                tags.push(meta("property", "article:published_time", &day.iso()));
            }
            tags.push(meta("property", "article:section", &article.section));
        }
        // A drawing (SVG) is not shared on the cards: social networks show
        // none, so the page is shared with the site's icon (search engines
        // take it, in the structured data).
        let shared = (self.image.as_ref()).filter(|(src, _)| !is_drawing(src));
        let card = if shared.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        tags.push(meta("name", "twitter:card", card));
        tags.push(meta("name", "twitter:title", &self.title));
        tags.push(meta("name", "twitter:description", &self.description));
        // A page without a photograph is shared with the site's icon, so
        // that a post of its link is not a bare line of text.
        let (src, alt) = shared.map_or((&self.icon, &site.name), |(src, alt)| (src, alt));
        tags.push(meta("property", "og:image", src));
        tags.push(meta("property", "og:image:alt", alt));
        tags.push(meta("name", "twitter:image", src));
        tags.push(meta("name", "twitter:image:alt", alt));
        // The feed is the site's, not the page's: it stays when the app takes over.
        tags.push(
            leptos::html::link()
                .attr("rel", "alternate")
                .attr("type", "application/atom+xml")
                .attr("title", site.name.clone())
                .attr("href", self.feed.clone())
                .into_any(),
        );
        // `<title>` holds raw text: written here, escaped, because the
        // views (with `erase_components`) put a `<!>` marker after text,
        // which a title would show as it is.
        let mut html = format!(
            "<title>{}</title>",
            html_escape::encode_text(&document_title)
        );
        html.push_str(&tags.into_iter().collect_view().to_html());
        if let Some(data) = &self.structured_data {
            html.push_str(&format!(
                r#"<script type="application/ld+json" {PAGE_HEAD_ATTRIBUTE}>{}</script>"#,
                script_safe(&data.to_string())
            ));
        }
        html
    }
}

/// `<meta name|property="key" content="…" data-page>`.
fn meta(attribute: &'static str, key: &str, content: &str) -> AnyView {
    leptos::html::meta()
        .attr(attribute, key.to_owned())
        .attr("content", content.to_owned())
        .attr(PAGE_HEAD_ATTRIBUTE, "")
        .into_any()
}

/// `<link rel="…" href="…" [hreflang="…"] data-page>`.
fn link(rel: &'static str, href: &str, hreflang: Option<&str>) -> AnyView {
    leptos::html::link()
        .attr("rel", rel)
        .attr("href", href.to_owned())
        .attr("hreflang", hreflang.map(str::to_owned))
        .attr(PAGE_HEAD_ATTRIBUTE, "")
        .into_any()
}

/// Open Graph's `language_TERRITORY` form of a BCP 47 tag that names a
/// territory (`en-GB` → `en_GB`); a bare language has none.
fn og_locale(language: &str) -> Option<String> {
    let (lang, territory) = language.split_once('-')?;
    (lang.len() == 2 && territory.len() == 2)
        .then(|| format!("{lang}_{}", territory.to_ascii_uppercase()))
}

/// schema.org `NewsArticle`: what search engines show for an article.
fn news_article(
    article: &Article,
    page: &Page,
    public: &PublicUrl,
    canonical: Option<&str>,
    image: Option<&(String, String)>,
    icon: &str,
) -> serde_json::Value {
    let site = &page.data.site;
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.summary,
        "articleSection": article.section,
        "inLanguage": site.language,
        "publisher": {
            "@type": "Organization",
            "name": site.name,
            "url": public.page(""),
            "logo": {"@type": "ImageObject", "url": icon, "width": SHARING_ICON.0, "height": SHARING_ICON.0},
        },
    });
    // Only what the article says: no date or author is made up.
    if let Some(day) = article.published {
        data["datePublished"] = json!(day.iso());
        data["dateModified"] = json!(day.iso());
    }
    if !article.authors.is_empty() {
        let authors: Vec<serde_json::Value> = article
            .authors
            .iter()
            .map(|name| json!({"@type": "Person", "name": name}))
            .collect();
        data["author"] = json!(authors);
    }
    if let Some(canonical) = canonical {
        data["url"] = json!(canonical);
        data["mainEntityOfPage"] = json!({"@type": "WebPage", "@id": canonical});
    }
    if let Some((src, _)) = image {
        data["image"] = json!([src]);
    }
    // Who spoke, each once, with the role the article gives them.
    let mut speakers: Vec<serde_json::Value> = Vec::new();
    for speech in article.body.speeches() {
        if !speakers
            .iter()
            .any(|p| p["name"] == speech.speaker.as_str())
        {
            let mut person = json!({"@type": "Person", "name": speech.speaker});
            if let Some(role) = &speech.role {
                person["jobTitle"] = json!(role);
            }
            speakers.push(person);
        }
    }
    if !speakers.is_empty() {
        data["mentions"] = json!(speakers);
    }
    data
}

/// Whether a picture is a drawing (SVG), by its address's ending.
fn is_drawing(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or(src);
    path.to_ascii_lowercase().ends_with(".svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_is_told_by_its_addresss_ending() {
        assert!(is_drawing("/content/images/campus-skyline.svg"));
        assert!(is_drawing("https://example.edu/a.SVG?v=2#x"));
        assert!(!is_drawing("/content/images/photo-1600.jpg"));
        assert!(!is_drawing("https://example.edu/svg/photo.png"));
    }

    #[test]
    fn og_locale_needs_a_territory() {
        assert_eq!(og_locale("en-gb").as_deref(), Some("en_GB"));
        assert_eq!(og_locale("en"), None);
        assert_eq!(og_locale("zh-Hans-CN"), None);
    }
}
