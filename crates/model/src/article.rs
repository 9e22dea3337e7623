use crate::{Breaks, Label, Labels, NameLine};
use serde::de::Deserializer;
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::{Date, Image, SafeUrl, Slug, lenient};

/// An article as the app reads it: metadata, then body blocks in the
/// editor's published order, then related links resolved by the content
/// tool (`R` = [`RelatedLink`]).
///
/// Editors write [`ArticleSource`], where related articles are bare slugs;
/// the content tool checks them and publishes `Article` with headlines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Article<R = RelatedLink> {
    pub slug: Slug,
    pub headline: String,
    /// Where its headline may break between lines: found by the content
    /// build for a Chinese headline, never written by editors.
    #[cfg_attr(feature = "schema", schemars(skip))]
    #[serde(default, skip_serializing_if = "Breaks::is_empty")]
    pub headline_breaks: Breaks,
    /// The desk that published it ("Research", "Campus", ...).
    pub section: String,
    /// The day it was published; the archive's earliest pages give none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// Who wrote it, in the order the page names them, in any script; none
    /// on early pages. Editors write `authors` (a list) or `author` (one
    /// name, or a list); it is published as `authors`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Names"))]
    #[serde(
        rename = "authors",
        alias = "author",
        default,
        deserialize_with = "names",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub authors: Vec<String>,
    /// Who copyedited it (one name or a list, like `author`).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Names"))]
    #[serde(
        default,
        deserialize_with = "names",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub copy_editors: Vec<String>,
    /// One or two sentences for the news list and the meta description.
    pub summary: String,
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumbnail: Option<Image>,
    /// The photo at the top of the article, with its caption; the news
    /// list shows it when the article has no thumbnail of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Figure>,
    pub body: Body,
    /// Related articles, by slug. Leave it out and the build chooses up
    /// to three; `[]` for none.
    // As published, always the list of links: read it with
    // `Article::related_articles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Vec<R>>,
    /// The edition it belongs to, by its language's code (`zh`): the site's
    /// first edition when it says none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// A key it shares with its translation in another edition (as Hugo's
    /// `translationKey`): most articles have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation_key: Option<String>,
    /// Its translations in the other editions, as published (the content
    /// build finds them by their shared key; editors write the key).
    #[cfg_attr(feature = "schema", schemars(skip))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// An article's translation in another edition, as published.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Translation {
    /// The edition, by its language's code (`en`, `zh`).
    pub edition: String,
    pub slug: Slug,
    /// How many speeches an article shares with this translation of it: as
    /// many as each has when they have the same number (a translation of
    /// the same event, its speeches taken to be the same, in the same
    /// order), so that a speech's page can lead to the same speech there;
    /// 0 when their numbers differ, and for a section's counterpart.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub speeches: usize,
}

fn is_zero(value: &usize) -> bool {
    *value == 0
}

/// An article as an editor writes it in `content/articles/<slug>.json`.
pub type ArticleSource = Article<Slug>;

/// A related article, as published: enough to draw the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedLink {
    pub slug: Slug,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Breaks::is_empty")]
    pub headline_breaks: Breaks,
}

impl<R> Article<R> {
    /// Its related articles (none when it names none).
    pub fn related_articles(&self) -> &[R] {
        self.related.as_deref().unwrap_or_default()
    }

    /// `By Zhang Liu`, `By Zhang Liu and Li Rui`, `By A, B and C`
    /// (`作者：张柳、李芮`); `None` when the article names no author.
    pub fn byline(&self, labels: &Labels) -> Option<NameLine> {
        (!self.authors.is_empty())
            .then(|| labels.name_line(Label::By, &self.authors, Label::ListAnd))
    }

    /// `Copyedited by William, Zhang Liu`, when anyone copyedited it.
    pub fn copyedit_line(&self, labels: &Labels) -> Option<NameLine> {
        (!self.copy_editors.is_empty())
            .then(|| labels.name_line(Label::CopyeditedBy, &self.copy_editors, Label::ListComma))
    }

    /// The whole dateline as one line of text, with what the article has:
    /// `November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu`,
    /// or `November 22, 2020`, or `By Li Rui`; `None` when it has none of
    /// them.
    pub fn dateline(&self, labels: &Labels) -> Option<String> {
        let parts: Vec<String> = [
            self.published.map(|date| labels.date(date)),
            self.byline(labels).map(|line| line.text()),
            self.copyedit_line(labels).map(|line| line.text()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(" | "))
    }
}

/// One name or a list of names (`"author": "Zhang Liu"` as well as
/// `"author": ["Zhang Liu", "Li Rui"]`), each trimmed; a blank name is left
/// out (the content tool reports it).
fn names<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct Names;
    impl<'de> serde::de::Visitor<'de> for Names {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a name or a list of names")
        }
        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Self::Value, E> {
            Ok(name_list([name.to_owned()]))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut names = Vec::new();
            while let Some(name) = seq.next_element::<String>()? {
                names.push(name);
            }
            Ok(name_list(names))
        }
    }
    deserializer.deserialize_any(Names)
}

fn name_list(names: impl IntoIterator<Item = String>) -> Vec<String> {
    names
        .into_iter()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// One block of an article's body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph: its plain `text` (what search and summaries read), and,
    /// when parts of it are emphasised or linked, the same text as `runs`.
    Paragraph {
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        runs: Vec<Run>,
    },
    /// A captioned speaker photo: who spoke, in what role, and the caption.
    Speech(Speech),
    /// A plain picture with a caption.
    Figure(Figure),
    /// A pulled quotation.
    Quote(Quote),
}

impl Block {
    /// Its `type` as written: `paragraph`, `speech`, `figure` or `quote`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Paragraph { .. } => "paragraph",
            Self::Speech(_) => "speech",
            Self::Figure(_) => "figure",
            Self::Quote(_) => "quote",
        }
    }
}

/// A stretch of a paragraph in one style: emphasised, strong, linked, or
/// any of these together. A paragraph's `text` is its runs' text joined.
/// Always shown as text inside elements, never as markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub emphasis: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    /// Where the run links to; a link whose address is not safe is dropped
    /// and its text kept.
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub link: Option<SafeUrl>,
}

impl Run {
    /// Plain text: no emphasis, no link.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            emphasis: false,
            strong: false,
            link: None,
        }
    }

    /// Whether it shows as plain text.
    pub fn is_plain(&self) -> bool {
        !self.emphasis && !self.strong && self.link.is_none()
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Speech {
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub photo: Option<Image>,
    /// Who spoke, as their name is written everywhere else.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub speaker: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub caption: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figure {
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub image: Option<Image>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// The body's blocks, and where blocks of a type this app does not know
/// were skipped (content written for a newer app must not fail an article).
///
/// Two bodies are equal when their blocks are: where unknown blocks were
/// skipped is a note about the source, not content (found by fuzzing: a
/// body with a skipped block did not equal itself after a round trip).
#[derive(Debug, Clone, Default)]
pub struct Body {
    blocks: Vec<Block>,
    skipped: Vec<usize>,
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        self.blocks == other.blocks
    }
}

impl Body {
    pub fn new(blocks: Vec<Block>) -> Self {
        Self {
            blocks,
            skipped: Vec::new(),
        }
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The positions (0-based, in the JSON array) of skipped unknown blocks.
    pub fn skipped(&self) -> &[usize] {
        &self.skipped
    }

    /// This body with its speech sections alone, in order: what the news
    /// list, the speakers' pages and the related links read of an article
    /// (the content build keeps no more of an unchanged one).
    #[must_use]
    pub fn speeches_only(&self) -> Self {
        Self::new(
            (self.blocks.iter())
                .filter(|block| matches!(block, Block::Speech(_)))
                .cloned()
                .collect(),
        )
    }

    /// The speech sections, in published order.
    pub fn speeches(&self) -> impl Iterator<Item = &Speech> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Speech(speech) => Some(speech),
            _ => None,
        })
    }
}

/// The wire form of a block: the known types, and a catch-all.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum WireBlock {
    Paragraph {
        text: String,
        #[serde(default)]
        runs: Vec<Run>,
    },
    Speech(Speech),
    Figure(Figure),
    Quote(Quote),
    #[serde(other)]
    Unknown,
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut body = Body::default();
        for (position, wire) in Vec::<WireBlock>::deserialize(deserializer)?
            .into_iter()
            .enumerate()
        {
            body.blocks.push(match wire {
                WireBlock::Paragraph { text, runs } => Block::Paragraph { text, runs },
                WireBlock::Speech(speech) => Block::Speech(speech),
                WireBlock::Figure(figure) => Block::Figure(figure),
                WireBlock::Quote(quote) => Block::Quote(quote),
                WireBlock::Unknown => {
                    body.skipped.push(position);
                    continue;
                }
            });
        }
        Ok(body)
    }
}

impl Serialize for Body {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.blocks.len()))?;
        for block in &self.blocks {
            seq.serialize_element(block)?;
        }
        seq.end()
    }
}
