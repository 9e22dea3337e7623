//! The data a prerendered page carries for the app, so the app can take
//! the page over without fetching again what the page already shows.

use serde::{Deserialize, Serialize};

use crate::{Article, ListPage, Site, Slug, Speaker, Speakers};

/// The site, and the page's own data: the page of the list on a list page,
/// the article on an article page, nothing more on "not found".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub site: Site,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListPage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Article>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speakers: Option<Speakers>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// The host has nothing at this address: this is its "not found" page.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_found: bool,
}

impl PageData {
    /// A page that carries only the site (search); the base of the others.
    pub fn only(site: &Site) -> Self {
        Self {
            site: site.clone(),
            list: None,
            article: None,
            speakers: None,
            speaker: None,
            not_found: false,
        }
    }

    /// The host's "not found" page.
    pub fn not_found(site: &Site) -> Self {
        Self {
            not_found: true,
            ..Self::only(site)
        }
    }

    /// The article, if it is the one at `slug`.
    pub fn article_at(&self, slug: &Slug) -> Option<&Article> {
        self.article
            .as_ref()
            .filter(|article| &article.slug == slug)
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
