//! The content build's incremental part: what it keeps of its last build
//! into a folder, so that an update (`reader-content build` into the
//! folder of the last, `scripts/update.sh`) reads, makes and writes only
//! what changed, and comes out byte for byte as a whole build would.
//! Every file it keeps is listed, with what reads it, in
//! `reader_output::state`; each is a module here:
//!
//! - [`read_cache`]: what each article file read as, so an unchanged file
//!   is not read again;
//! - [`stamps`]: what each article was last published from, so an
//!   unchanged article is not published again;
//! - [`derived`]: the key of what the lists, sections, speakers and
//!   related links are made from, so that with it unchanged they stand;
//! - the search index's state is `reader_search_build::Indexed`.
//!
//! [`crate::plan`] reads them to decide what a build does; the stages of
//! [`crate::publish`] forget each before changing what it describes and
//! record it again once done.

pub mod derived;
pub mod read_cache;
pub mod stamps;
