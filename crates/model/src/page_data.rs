//! The data a prerendered page carries for the app, so the app can take
//! the page over without fetching again what the page already shows.

use serde::{Deserialize, Serialize};

use crate::{Article, ListPage, Site, Slug, Speaker, Speakers};

/// The data of one page: the site, and what the page shows.
///
/// As JSON it keeps the form pages have always carried: `site`, and one
/// field named for what the page shows (`list`, `article`, `speakers`,
/// `speaker`, or `"not_found": true`; the search page has none).
#[derive(Debug, Clone, PartialEq)]
pub struct PageData {
    pub site: Site,
    pub content: PageContent,
}

/// What a page shows: which page it is, with that page's own data.
// A page's data is made once per page, and never copied in a loop:
// boxing the article would only add code to the app.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum PageContent {
    /// The front or an archive page of the news list, or of a section's.
    List(ListPage),
    /// An article (also opened at one of its speeches).
    Article(Article),
    /// Everyone who spoke.
    Speakers(Speakers),
    /// One person's speeches.
    Speaker(Speaker),
    /// The search page: its box (the results need the app).
    Search,
    /// What this device keeps for offline reading (the list is the
    /// service worker's: the page shows it with the offline controls).
    Saved,
    /// The page the service worker shows for a page not saved on the
    /// device while it is offline (never hydrated).
    Offline,
    /// The host has nothing at this address: its "not found" page.
    NotFound,
}

impl PageData {
    /// The page showing `content` on `site`.
    pub fn new(site: &Site, content: PageContent) -> Self {
        Self {
            site: site.clone(),
            content,
        }
    }

    /// The article, if it is the one at `slug`.
    pub fn article_at(&self, slug: &Slug) -> Option<&Article> {
        match &self.content {
            PageContent::Article(article) if &article.slug == slug => Some(article),
            _ => None,
        }
    }

    /// Whether this is the host's "not found" page.
    pub fn is_not_found(&self) -> bool {
        matches!(self.content, PageContent::NotFound)
    }

    /// The data as JSON that can sit inside `<script type="application/json">`
    /// whatever its strings hold: `<`, `>` and `&` are written as `\u003c`,
    /// `\u003e` and `\u0026`, so no `</script>` or `<!--` can appear.
    ///
    /// # Errors
    /// Only if serialisation fails, which the model's types never do.
    pub fn to_script_json(&self) -> Result<String, serde_json::Error> {
        Ok(script_safe(&serde_json::to_string(self)?))
    }
}

/// The JSON form, written from borrowed data (a page's article is not
/// copied to be written).
#[derive(Serialize)]
struct WireOut<'a> {
    site: &'a Site,
    #[serde(skip_serializing_if = "Option::is_none")]
    list: Option<&'a ListPage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speakers: Option<&'a Speakers>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a Speaker>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    not_found: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    saved: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    offline: bool,
}

impl Serialize for PageData {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut wire = WireOut {
            site: &self.site,
            list: None,
            article: None,
            speakers: None,
            speaker: None,
            not_found: false,
            saved: false,
            offline: false,
        };
        match &self.content {
            PageContent::List(list) => wire.list = Some(list),
            PageContent::Article(article) => wire.article = Some(article),
            PageContent::Speakers(speakers) => wire.speakers = Some(speakers),
            PageContent::Speaker(speaker) => wire.speaker = Some(speaker),
            PageContent::Search => {}
            PageContent::NotFound => wire.not_found = true,
            PageContent::Saved => wire.saved = true,
            PageContent::Offline => wire.offline = true,
        }
        wire.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PageData {
    /// Read field by field into what the page shows (no second form to
    /// move it from: this runs in the app, where code is bytes to
    /// download). Were more than one page's field there, the last wins.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PageDataVisitor)
    }
}

struct PageDataVisitor;

impl<'de> serde::de::Visitor<'de> for PageDataVisitor {
    type Value = PageData;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a page's data")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<PageData, A::Error> {
        let mut site = None;
        let mut content = PageContent::Search;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "site" => site = Some(map.next_value()?),
                "list" => content = PageContent::List(map.next_value()?),
                "article" => content = PageContent::Article(map.next_value()?),
                "speakers" => content = PageContent::Speakers(map.next_value()?),
                "speaker" => content = PageContent::Speaker(map.next_value()?),
                "not_found" if map.next_value::<bool>()? => content = PageContent::NotFound,
                "saved" if map.next_value::<bool>()? => content = PageContent::Saved,
                "offline" if map.next_value::<bool>()? => content = PageContent::Offline,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        let site = site.ok_or_else(|| serde::de::Error::missing_field("site"))?;
        Ok(PageData { site, content })
    }
}

/// JSON text with the characters HTML gives meaning to inside a `<script>`
/// escaped; JSON allows `\uXXXX` in strings, the only place they can occur.
pub fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        crate::from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "footer": {"heading": "F"}}"#,
        )
        .expect("site")
    }

    #[test]
    fn each_page_carries_one_field_named_for_what_it_shows() {
        let not_found = PageData::new(&site(), PageContent::NotFound);
        let json = serde_json::to_string(&not_found).expect("json");
        assert!(json.ends_with(r#","not_found":true}"#), "{json}");
        let search =
            serde_json::to_string(&PageData::new(&site(), PageContent::Search)).expect("json");
        assert!(search.starts_with(r#"{"site":{"#) && !search.contains("not_found"));
        for data in [not_found, PageData::new(&site(), PageContent::Search)] {
            let back: PageData =
                serde_json::from_str(&serde_json::to_string(&data).expect("json")).expect("back");
            assert_eq!(back, data);
        }
        let two = search.replace(r#"}}"#, r#"},"not_found":true,"speakers":{"speakers":[]}}"#);
        let last = serde_json::from_str::<PageData>(&two).expect("two pages");
        assert!(matches!(last.content, PageContent::Speakers(_)), "{last:?}");
        let error =
            serde_json::from_str::<PageData>(r#"{"not_found": true}"#).expect_err("no site");
        assert!(
            error.to_string().contains("missing field `site`"),
            "{error}"
        );
    }

    #[test]
    fn script_safe_json_never_closes_the_script_and_reads_back_the_same() {
        let hostile = r#"{"a":"</script><script>alert(1)</script><!-- & -->"}"#;
        let safe = script_safe(hostile);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("json");
        let original: serde_json::Value = serde_json::from_str(hostile).expect("json");
        assert_eq!(back, original);
    }
}
