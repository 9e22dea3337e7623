//! Search without a server, over an archive of any size: an inverted index
//! written at build time as small static files, of which a query fetches
//! only the few it needs.
//!
//! - Words are cut and folded by [`words`], the same way for the index
//!   and for the query.
//! - Every article has a number: its place in the news list counted from
//!   the oldest (0), so the list's archive pages (`content/list/<k>.json`,
//!   see `reader_model::ListPage::position`) say what to show for a hit, and
//!   nothing else is downloaded per result; a newly published article
//!   takes the next number, so the others keep theirs and only the files
//!   of its own words change.
//! - Each word lists the articles it appears in, twice: where it is in the
//!   headline, the summary or a speaker's name (`strong`), and where only in
//!   the text (`body`). The lists are sorted by number, stored as gaps
//!   (which compress to almost nothing), and keep the newest
//!   [`POSTINGS_CAP`] articles: a word in 80,000 articles lists the
//!   newest, and says how many there are.
//! - Words are grouped into one file per first three characters
//!   ([`shard_key`]), so the word being typed ("opt") can be completed
//!   ("optical", "optics") from the one file that holds them all. A small
//!   archive's words (up to [`SHORT_KEYS_UP_TO`] articles) are grouped by
//!   their first two characters instead ([`SHORT_KEY_CHARS`]): a few
//!   hundred files instead of a thousand or more, for the build to write
//!   and the host to keep, and still one request a word. The site says
//!   which (`reader_model::Site::search_key_chars`).
//! - A file that would weigh more than [`FILE_BUDGET`] (in a large
//!   archive, "con" or "pro" begin hundreds of common words) is split by
//!   one more character ("conc", "conf", …), as often as needed: it keeps
//!   only the word it is named for, if any, and says it is split, and the
//!   query asks for the longer key next. So no file is much heavier than
//!   the budget, however large the archive, and only the queries that
//!   meet a split file pay one more request. The word being typed stands
//!   for the words it begins within its own file: typed only as far as a
//!   split file's name ("con"), it finds that word itself until the next
//!   letter.

//!
//! This crate is what the app links: the files' format ([`format`]), how
//! text is cut into words ([`words`]), the query ([`query`]; reading a
//! word's lists, `lookup`; what it finds in a text, marked, `highlight`)
//! and the results as the app shows them ([`results`]), what search reads of an
//! article ([`texts`]) and the passage of it a hit shows when its summary
//! does not say why it was found ([`passage`]). Making the files is the
//! build's alone, in `reader-search-build`, which the app cannot link.

pub mod format;
mod highlight;
mod lookup;
mod merge;
pub mod passage;
pub mod query;
pub mod results;
pub mod texts;
pub mod words;

pub use format::{
    FILE_BUDGET, IndexFile, KEY_CHARS, POSTINGS_CAP, Postings, SHORT_KEY_CHARS, SHORT_KEYS_UP_TO,
    SearchShard, key_chars_for, key_of, key_text, shard_key,
};
pub use passage::{PASSAGE_COLUMNS, marks_any};
pub use query::{MOST_WORDS, Ranked, SearchQuery};
pub use results::{ExcerptPart, SearchHit, SearchResults};
pub use texts::ArticleTexts;
pub use words::{han_triples, long_han_runs, strong_word_slices, strong_words, word_slices, words};
