//! The content build: read every article file, check it against the model
//! and the rest of the archive, and publish what the app fetches (the
//! files and their places are `reader_model::layout`'s):
//!
//! - `site.json`, as written (minified), with the list of sections added;
//! - the news list's front (its newest articles) and its archive pages of
//!   `LIST_PAGE_SIZE`, counted from the oldest so that publishing leaves
//!   older pages as they are (see `reader_model::ListPage`), only what the
//!   list shows; the same, one list per section;
//! - each article, with its related links resolved to `{slug, headline}`;
//!   an article whose editor named none gets the nearest by shared
//!   speakers, then by section ([`related`]);
//! - everyone who spoke, and a file per person;
//! - the search index, in small files (`reader_search_build`);
//! - the schema editors' tools read;
//! - drawings (SVG), copied; photographs are never published as saved:
//!   the copies made of them are ([`photos`]).
//!
//! A build is a pipeline: [`Content::load`] reads and checks a content
//! folder ([`load`], [`article_file`], [`checks`]); [`Content::plan`]
//! decides, from the content and the published folder's saved state,
//! what the build does ([`plan`], [`incremental`]); [`Plan::run`] runs it,
//! stage by stage ([`publish`]).
//!
//! Articles may sit in sub-folders of `articles/` (by year, say); slugs
//! must still be unique across the archive.

pub mod article_file;
pub mod checks;
pub mod content;
pub mod convert;
pub mod editions;
mod fields;
pub mod generate;
pub mod headline_breaks;
pub mod import;
pub mod incremental;
pub mod load;
pub mod locate;
pub mod markdown;
mod model_errors;
pub mod photos;
pub mod plan;
mod problem;
mod progress;
pub mod publish;
pub mod related;
mod site_file;

pub use crate::article_file::file_slug;
pub use crate::content::{Content, PHOTO_CACHE};
pub use crate::plan::{Mode, Plan};
pub use crate::problem::{Problem, Severity};
pub use crate::progress::Phases;
pub use crate::publish::{ArchiveWide, IndexMade, Written};
