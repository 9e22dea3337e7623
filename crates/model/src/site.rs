use serde::{Deserialize, Serialize};

use crate::{Link, SafeUrl, Section, lenient};

/// The site itself: its name, navigation and footer (`content/site.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// Short name, used in the header and after each page title.
    pub name: String,
    /// One sentence about the site: the list page's meta description.
    pub description: String,
    /// The heading of the news list and the middle breadcrumb.
    pub list_title: String,
    /// Where the breadcrumb's "Home" leads (the institution's home page).
    #[serde(deserialize_with = "lenient::option", default)]
    pub home: Option<Link>,
    #[serde(deserialize_with = "lenient::list", default)]
    pub nav: Vec<Link>,
    pub footer: Footer,
    /// Where the site is published, scheme and host only
    /// (`https://news.example.edu`); the folder comes from the build.
    /// Canonical links, sharing cards, the sitemap and the feed need it.
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin: Option<SafeUrl>,
    /// The language the site is written in, as a BCP 47 tag (`en`).
    #[serde(default = "english")]
    pub language: String,
    /// Whether every photograph must say who took it (`credit`); the
    /// content build refuses one that does not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_photo_credit: bool,
    /// The newsroom's sections, in the site's navigation. Editors do not
    /// write this: the content build lists every section an article names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

fn english() -> String {
    "en".to_owned()
}

/// The site's footer: a heading over contact and social links, and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footer {
    pub heading: String,
    #[serde(deserialize_with = "lenient::list", default)]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
