//! Search results as the app shows them: each hit's article, from the news
//! list, and its summary cut into plain text and the words the query
//! matched (rendered as text, never as HTML).

use serde::{Deserialize, Serialize};

use reader_model::{Breaks, Date, Slug};

/// The answer to one query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// How many articles match (more than are shown).
    pub total: usize,
    /// Whether even more may match: a very common word lists only the
    /// newest articles it is in.
    #[serde(default)]
    pub more: bool,
    /// Whether the word being typed begins too many words to find them
    /// yet: a letter more will.
    #[serde(default)]
    pub unfinished: bool,
    /// Which page of results this is (from 1), [`SearchResults::PAGE_SIZE`] each.
    pub page: usize,
    pub hits: Vec<SearchHit>,
}

impl SearchResults {
    /// How many hits a page of results shows: few enough that showing
    /// them needs only a few pages of the news list.
    pub const PAGE_SIZE: usize = 10;

    /// How many pages of results there are.
    pub fn pages(&self) -> usize {
        self.total.div_ceil(Self::PAGE_SIZE).max(1)
    }
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub slug: Slug,
    pub headline: String,
    /// Where its headline may break between lines (a Chinese headline's
    /// words), as the news list gives it.
    #[serde(default, skip_serializing_if = "Breaks::is_empty")]
    pub headline_breaks: Breaks,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    pub section: String,
    /// Its summary, with the matching words marked.
    pub excerpt: Vec<ExcerptPart>,
}

/// A run of an excerpt: plain, or a match of the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExcerptPart {
    Text(String),
    Match(String),
}
