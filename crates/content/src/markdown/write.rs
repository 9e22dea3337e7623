//! An article written as Markdown (`reader-content convert`): front matter
//! for the fields, then the body as `read` reads it back, so that
//! JSON → Markdown → JSON loses nothing (property-tested).

use reader_model::{ArticleSource, Block, Figure, Image, Run, Slug, Speech};
use serde::Serialize;

/// Why an article cannot be written as Markdown.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    #[error("body block {0} is of a type this version does not know; it would be lost")]
    UnknownBlock(usize),
    #[error("paragraph {0} is empty; Markdown has no empty paragraph")]
    EmptyParagraph(usize),
    #[error("the fields could not be written as YAML: {0}")]
    Yaml(String),
}

/// The front matter, in the order an editor reads it.
#[derive(Serialize)]
struct Front<'a> {
    slug: &'a Slug,
    headline: &'a str,
    section: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Names<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_editors: Option<Names<'a>>,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail: Option<&'a Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead: Option<&'a Figure>,
    /// As written: left out, or the list (`[]`: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<&'a [Slug]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    translation_key: Option<&'a str>,
}

/// One name as a string, several as a list.
#[derive(Serialize)]
#[serde(untagged)]
enum Names<'a> {
    One(&'a str),
    Many(&'a [String]),
}

fn names(list: &[String]) -> Option<Names<'_>> {
    match list {
        [] => None,
        [one] => Some(Names::One(one)),
        many => Some(Names::Many(many)),
    }
}

/// The whole `.md` file for `article`.
///
/// # Errors
/// See [`ConvertError`].
pub fn article(article: &ArticleSource) -> Result<String, ConvertError> {
    if let Some(&index) = article.body.skipped().first() {
        return Err(ConvertError::UnknownBlock(index));
    }
    let front = Front {
        slug: &article.slug,
        headline: &article.headline,
        section: &article.section,
        published: article.published.map(|day| day.iso()),
        author: names(&article.authors),
        copy_editors: names(&article.copy_editors),
        summary: &article.summary,
        thumbnail: article.thumbnail.as_ref(),
        lead: article.lead.as_ref(),
        related: article.related.as_deref(),
        language: article.language.as_deref(),
        translation_key: article.translation_key.as_deref(),
    };
    let yaml = yaml(&front)?;
    let mut out = format!("---\n{yaml}---\n");
    for (index, block) in article.body.blocks().iter().enumerate() {
        out.push('\n');
        match block {
            Block::Paragraph { text, runs } => {
                if text.is_empty() && runs.iter().all(|run| run.text.is_empty()) {
                    return Err(ConvertError::EmptyParagraph(index));
                }
                out.push_str(&paragraph(text, runs));
            }
            Block::Speech(speech) => out.push_str(&fenced("speech", &speech_fields(speech)?)),
            Block::Figure(figure) => out.push_str(&fenced("figure", &figure_fields(figure)?)),
            Block::Quote(quote) => {
                let mut parts: Vec<String> = quote.text.split("\n\n").map(quote_text).collect();
                if let Some(name) = &quote.attribution {
                    parts.push(format!("— {}", text(name)));
                }
                let lines: Vec<String> = parts
                    .join("\n\n")
                    .lines()
                    .map(|line| {
                        if line.is_empty() {
                            ">".to_owned()
                        } else {
                            format!("> {line}")
                        }
                    })
                    .collect();
                if lines.is_empty() {
                    out.push('>');
                } else {
                    out.push_str(&lines.join("\n"));
                }
            }
        }
        out.push('\n');
    }
    Ok(out)
}

fn yaml<T: Serialize>(value: &T) -> Result<String, ConvertError> {
    yaml_serde::to_string(value).map_err(|err| ConvertError::Yaml(err.to_string()))
}

#[derive(Serialize)]
struct SpeechFields<'a> {
    speaker: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    photo: Option<&'a Image>,
    caption: &'a str,
}

fn speech_fields(speech: &Speech) -> Result<String, ConvertError> {
    yaml(&SpeechFields {
        speaker: &speech.speaker,
        role: speech.role.as_deref(),
        photo: speech.photo.as_ref(),
        caption: &speech.caption,
    })
}

fn figure_fields(figure: &Figure) -> Result<String, ConvertError> {
    if figure.image.is_none() && figure.caption.is_none() {
        return Ok(String::new());
    }
    yaml(figure)
}

/// A fenced block of fields, its fence longer than any run of backticks
/// inside.
fn fenced(kind: &str, fields: &str) -> String {
    let longest = fields.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{kind}\n{fields}{fence}")
}

/// A paragraph: its runs styled, or its text. A plain run's spaces next
/// to a styled one stay spaces (`the *Solar* lab`); only those at a
/// line's start or end, which Markdown drops, and those just inside a
/// style's marks, which would undo the style, are written as references.
fn paragraph(plain: &str, runs: &[Run]) -> String {
    if runs.is_empty() {
        return text(plain);
    }
    let mut written = String::new();
    let mut plain_or_styled = Vec::with_capacity(runs.len());
    for (i, run) in runs.iter().enumerate() {
        let styled = run.emphasis || run.strong || run.link.is_some();
        let starts_line = written.is_empty() || written.ends_with('\n');
        let ends_line = runs
            .get(i + 1)
            .is_none_or(|next| next.text.starts_with('\n'));
        let shown = if styled {
            text(&run.text)
        } else {
            text_between(&run.text, starts_line, ends_line)
        };
        written.push_str(&run.text);
        plain_or_styled.push(shown);
    }
    runs.iter()
        .zip(plain_or_styled)
        .map(|(run, shown)| {
            let mut shown = shown;
            if run.emphasis {
                shown = format!("*{shown}*");
            }
            if run.strong {
                shown = format!("**{shown}**");
            }
            if let Some(link) = &run.link {
                shown = format!("[{shown}](<{}>)", link.as_str().replace('>', "%3E"));
            }
            shown
        })
        .collect()
}

/// A quote's paragraph; a leading dash would read as its attribution.
fn quote_text(part: &str) -> String {
    let written = text(part);
    match written.strip_prefix('—') {
        Some(rest) => format!("&#8212;{rest}"),
        None => written,
    }
}

/// Text exactly as Markdown reads it back, and still readable: only what
/// Markdown would take as syntax is escaped (emphasis and link marks,
/// markup, character references, and what starts a heading, list, quote or
/// code block at the start of a line); line breaks become hard breaks, and
/// whitespace at the start or end of a line, which Markdown drops, becomes
/// a character reference.
pub fn text(plain: &str) -> String {
    text_between(plain, true, true)
}

/// [`text`] for a piece of a line: whether it starts a line, and whether
/// it ends one (a piece between two others keeps its spaces and may begin
/// with what would start a list at a line's start).
fn text_between(plain: &str, starts_line: bool, ends_line: bool) -> String {
    let pieces: Vec<&str> = plain.split('\n').collect();
    let last = pieces.len() - 1;
    let lines: Vec<String> = (pieces.iter().enumerate())
        .map(|(k, piece)| line(piece, k > 0 || starts_line, k < last || ends_line))
        .collect();
    lines.join("\\\n")
}

fn line(line: &str, starts_line: bool, ends_line: bool) -> String {
    let chars: Vec<char> = line.chars().collect();
    let first = chars
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(chars.len());
    let last = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |i| i + 1);
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let edge = ((i < first && starts_line) || (i >= last && ends_line)) && c.is_whitespace();
        let line_start = i == first && starts_line;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' => true,
            '&' => starts_reference(&chars[i + 1..]),
            '#' | '-' | '+' | '=' | '~' | '|' => line_start,
            // `1.` or `1)` would start a numbered list.
            '.' | ')' => {
                starts_line && chars[first..i].iter().all(char::is_ascii_digit) && i > first
            }
            _ => false,
        };
        if edge || c.is_control() {
            out.push_str(&format!("&#{};", u32::from(c)));
        } else {
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Whether text after `&` would read as a character reference (`&amp;`,
/// `&#38;`).
fn starts_reference(rest: &[char]) -> bool {
    let digits = rest.first() == Some(&'#');
    let name: Vec<&char> = rest[usize::from(digits)..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    !name.is_empty() && rest.get(usize::from(digits) + name.len()) == Some(&';')
}
