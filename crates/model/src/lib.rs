//! The newsroom's content model, as plain Rust.
//!
//! Everything here builds and is tested on the host: no web APIs. The reader
//! app parses the JSON it fetches with [`from_json`]; the content tool uses
//! the same types to validate what editors write. Types parse instead of
//! validating later: a [`Slug`] is always a safe path segment, a [`SafeUrl`]
//! always a link a browser may follow, a [`Date`] always a real day.

mod article;
mod breaks;
mod date;
mod error;
mod image;
mod json;
mod labels;
pub mod layout;
mod lenient;
mod link;
mod listing;
mod page_data;
mod safe_url;
#[cfg(feature = "schema")]
mod schema;
mod site;
mod slug;
mod speakers;
#[cfg(feature = "strategies")]
pub mod strategies;

pub use article::{
    Article, ArticleSource, Block, Body, Figure, Quote, RelatedLink, Run, Speech, Translation,
};
pub use breaks::Breaks;
pub use date::Date;
pub use error::ModelError;
pub use image::{Copies, Format, Image, Place};
pub use json::{from_json, to_json};
pub use labels::{Label, Labels, NameLine};
pub use layout::{normalize_base, section_slug};
pub use link::Link;
pub use listing::{LIST_PAGE_SIZE, ListItem, ListPage, Newer, Paginated, Section};
pub use page_data::{PageContent, PageData, script_safe};
pub use safe_url::{SafeUrl, UnsafeUrl};
#[cfg(feature = "schema")]
pub use schema::article_schema;
pub use site::{EditionLink, Footer, SEARCH_KEY_CHARS, Site, site_origin};
pub use slug::{InvalidSlug, Slug};
pub use speakers::{
    Aliases, Appearance, Person, RoleSpan, Speaker, SpeakerSummary, Speakers,
    build as build_speakers, headline_slug, name_slug, person as speaker_person,
};
