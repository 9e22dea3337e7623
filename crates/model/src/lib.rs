//! The newsroom's content model, as plain Rust.
//!
//! Everything here builds and is tested on the host: no web APIs. The reader
//! app parses the JSON it fetches with [`from_json`]; the content tool uses
//! the same types to validate what editors write. Types parse instead of
//! validating later: a [`Slug`] is always a safe path segment, a [`SafeUrl`]
//! always a link a browser may follow, a [`Date`] always a real day.

mod article;
mod date;
mod error;
mod image;
mod json;
mod lenient;
mod link;
mod listing;
mod page_data;
mod safe_url;
#[cfg(feature = "schema")]
mod schema;
mod search;
mod search_index;
mod site;
mod site_path;
mod slug;
mod speakers;
#[cfg(feature = "strategies")]
pub mod strategies;

pub use article::{Article, ArticleSource, Block, Body, Figure, Quote, RelatedLink, Run, Speech};
pub use date::Date;
pub use error::ModelError;
pub use image::{Copies, Format, Image, Place};
pub use json::{from_json, to_json};
pub use link::Link;
pub use listing::{LIST_PAGE_SIZE, ListItem, ListPage, Newer, Paginated, Section};
pub use page_data::{PageData, script_safe};
pub use safe_url::{SafeUrl, UnsafeUrl};
#[cfg(feature = "schema")]
pub use schema::article_schema;
pub use search::{ExcerptPart, SearchHit, SearchResults};
pub use search_index::{
    ArticleWords, FILE_BUDGET, IndexBuilder, IndexFile, KEY_CHARS, Listed, POSTINGS_CAP, Postings,
    Ranked, SearchQuery, SearchShard, Unknowable, key_text, shard_key, split_files, words,
};
pub use site::{Footer, Site};
pub use site_path::{
    SEARCH_PATH, SPEAKERS_PATH, article_path, list_path, normalize_base, old_list_page,
    section_slug, speaker_path, speech_id, speech_number, speech_path,
};
pub use slug::{InvalidSlug, Slug};
pub use speakers::{
    Aliases, Appearance, Person, RoleSpan, Speaker, SpeakerSummary, Speakers,
    build as build_speakers, headline_slug, name_slug,
};
