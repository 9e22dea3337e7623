//! The data a page gives the app to take it over
//! (`<script type="application/json" id="reader-data">`).
//!
//! A list's, an article's, everyone who spoke's and a speaker's data are
//! the content files the app fetches anyway when it shows such a page: the
//! page only names them, and the site's settings (`data-site`, `data-field`
//! and `data-src`), and the loader asks for them with the app, on the
//! reader's first act (`loader.js`), and puts `{"site": …, "<field>": …}`
//! where the app reads it. A page then writes none of its data's bytes (an
//! article's are as many as its text, again), and a reader who only reads
//! downloads none of them. The other pages (search, saved, offline, not
//! found) carry their few bytes of data in the page.

use reader_model::layout::ContentFile;
use reader_model::{PageContent, PageData, script_safe};

use crate::PrerenderError;
use crate::feeds::escape;

/// A page's data as the page gives it: JSON in the page, or the
/// attributes that name its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// JSON, safe inside `<script>`.
    Inline(String),
    /// The attributes of the (empty) data element.
    Named(String),
}

/// How the page at `base` (its edition's folder) gives `data`.
///
/// # Errors
/// [`PrerenderError::Template`] if the data cannot be written as JSON
/// (the model's types always can).
pub fn carried(data: &PageData, base: &str) -> Result<Carried, PrerenderError> {
    let named = match &data.content {
        PageContent::List(page) => Some(("list", ContentFile::list_page(page))),
        PageContent::Article(article) => Some(("article", ContentFile::Article(&article.slug))),
        PageContent::Speakers(_) => Some(("speakers", ContentFile::Speakers)),
        PageContent::Speaker(speaker) => Some(("speaker", ContentFile::Speaker(&speaker.slug))),
        PageContent::Search | PageContent::Saved | PageContent::Offline | PageContent::NotFound => {
            None
        }
    };
    match named {
        Some((field, file)) => Ok(Carried::Named(format!(
            r#" data-site="{}" data-field="{field}" data-src="{}""#,
            escape(&format!("{base}{}", ContentFile::Site.href())),
            escape(&format!("{base}{}", file.href())),
        ))),
        None => reader_model::to_json(data)
            .map(|json| Carried::Inline(script_safe(&json)))
            .map_err(|e| PrerenderError::Template(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_model::{Article, Site};

    /// What the loader (`loader.js`) puts where the app reads a page's
    /// data, from the files the page names.
    fn composed(field: &str, site_json: &str, content_json: &str) -> String {
        format!(r#"{{"site":{site_json},"{field}":{content_json}}}"#)
    }

    fn site() -> Site {
        reader_model::from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "footer": {"heading": "F"}}"#,
        )
        .expect("site")
    }

    fn article() -> Article {
        reader_model::from_json(
            r#"{"slug":"a-b","headline":"<H> & \"q\"","section":"campus","published":"2024-05-01","summary":"S","body":[{"type":"paragraph","text":"</script>"}]}"#,
        )
        .expect("article")
    }

    /// The files a page names, put together as the loader does, are the
    /// page's data: what the app would have read in the page.
    #[test]
    fn an_article_names_its_files_and_they_make_its_data() {
        let data = PageData::new(&site(), PageContent::Article(article()));
        assert_eq!(
            carried(&data, "/zh/").expect("carried"),
            Carried::Named(
                r#" data-site="/zh/content/site.json" data-field="article" data-src="/zh/content/articles/a-b.json""#
                    .into()
            )
        );
        let site_json = reader_model::to_json(&data.site).expect("site json");
        let article_json = reader_model::to_json(&article()).expect("article json");
        let read: PageData =
            reader_model::from_json(&composed("article", &site_json, &article_json))
                .expect("reads");
        assert_eq!(read, data);
    }

    #[test]
    fn pages_without_a_file_of_their_own_carry_their_data() {
        let data = PageData::new(&site(), PageContent::NotFound);
        let Ok(Carried::Inline(json)) = carried(&data, "/") else {
            panic!("inline");
        };
        assert!(!json.contains('<'), "{json}");
        assert_eq!(
            reader_model::from_json::<PageData>(&json).expect("reads"),
            data
        );
    }
}
