//! Articles written in Markdown (`content/articles/<slug>.md`), the way
//! Hugo, Zola, Jekyll and Astro users write pages: YAML front matter
//! between `---` lines for the fields, then the body in CommonMark.
//!
//! The body's paragraphs may carry *emphasis*, **strong emphasis** and
//! [links](https://example.edu) (safe addresses only); a block quote is a
//! pulled quote (its last line `— Name` the attribution); speech sections
//! and figures are fenced blocks whose lines are fields:
//!
//! ````markdown
//! ```speech
//! speaker: Wu Jincheng
//! role: Director of Shanghai Economic and Information Comission
//! caption: Wu Jincheng, Director of … delivered a speech in the meeting
//! ```
//! ````
//!
//! Anything else Markdown can say (raw HTML, headings, lists, tables,
//! pictures outside a figure) is an error that points at it: an article
//! shows text, never markup. The result is the same JSON document an editor
//! would have written by hand, so every check and the published JSON are
//! the same for both kinds of file; `positions` says where each value came
//! from, for `file:line:column` reports.

use reader_model::ArticleSource;
use serde_json::{Map, Value};

use crate::locate::{Lines, Step, line_column};

mod body;
pub mod write;

use body::BodyReader;

/// A Markdown article read as the JSON an editor would have written.
#[derive(Debug)]
pub struct MarkdownArticle {
    pub json: Value,
    /// Where values start in the `.md` file (1-based line and column), by
    /// their path in `json`.
    pub positions: Positions,
}

/// A problem in a `.md` file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    pub position: (usize, usize),
    pub message: String,
}

/// Where each value of the article came from in its `.md` file.
#[derive(Debug, Default)]
pub struct Positions(Vec<(Vec<Step>, (usize, usize))>);

impl Positions {
    /// The position of the value at `path`, or of its nearest parent that
    /// has one (the file's start at worst).
    pub fn locate(&self, path: &[Step]) -> (usize, usize) {
        (0..=path.len())
            .rev()
            .find_map(|len| {
                self.0
                    .iter()
                    .find(|(steps, _)| steps.as_slice() == &path[..len])
                    .map(|(_, at)| *at)
            })
            .unwrap_or((1, 1))
    }

    fn add(&mut self, path: Vec<Step>, at: (usize, usize)) {
        self.0.push((path, at));
    }
}

/// Whether an article file is Markdown (`.md`) rather than JSON.
pub fn is_markdown(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "md" || ext == "markdown")
}

/// Reads a Markdown article. `stem` (the file's name without `.md`) is its
/// slug when the front matter gives none.
///
/// # Errors
/// Every problem found, each at its line and column.
pub fn read(text: &str, stem: &str) -> Result<MarkdownArticle, Vec<MarkdownError>> {
    let (article, errors) = read_parts(text, stem)?;
    if errors.is_empty() {
        Ok(article)
    } else {
        Err(errors)
    }
}

/// A Markdown article as far as it reads (the body's blocks that read),
/// and the problems of its body; or, where its front matter cannot be
/// read at all, those.
fn read_parts(
    text: &str,
    stem: &str,
) -> Result<(MarkdownArticle, Vec<MarkdownError>), Vec<MarkdownError>> {
    let mut positions = Positions::default();
    let (front, body_start) = split_front_matter(text)?;
    let mut json = front_matter(text, front, &mut positions)?;
    let mut errors = Vec::new();
    if let Some(map) = json.as_object_mut() {
        if map.contains_key("body") {
            errors.push(error(
                positions.locate(&["body".into()]),
                "the body is written below the front matter, not as a field",
            ));
        }
        map.entry("slug").or_insert_with(|| Value::from(stem));
        let mut reader = BodyReader {
            text,
            lines: Lines::new(text),
            offset: body_start,
            positions: &mut positions,
            errors: &mut errors,
            blocks: Vec::new(),
        };
        reader.read(&text[body_start..]);
        let blocks = reader.blocks;
        map.insert("body".into(), Value::Array(blocks));
    }
    Ok((MarkdownArticle { json, positions }, errors))
}

/// Reads a Markdown article all the way to the model: a field that does
/// not fit (a date that is not a day, a name that is a number) is reported
/// at its line in the front matter or its block.
///
/// # Errors
/// Every problem found, each at its line and column.
pub fn read_article(
    text: &str,
    stem: &str,
) -> Result<(ArticleSource, MarkdownArticle), Vec<MarkdownError>> {
    // The fields are read even where the body has problems, so that an
    // editor hears of both at once.
    let (article, mut errors) = read_parts(text, stem)?;
    match serde_path_to_error::deserialize::<_, ArticleSource>(&article.json) {
        Ok(source) if errors.is_empty() => Ok((source, article)),
        Ok(_) => Err(errors),
        Err(first) => {
            // Every field that does not fit, not only the first.
            let mut every = crate::model_errors::article_errors(&article.json);
            if every.is_empty() {
                let steps = crate::model_errors::steps_of(first.path());
                every.push((steps, first.into_inner().to_string()));
            }
            for (steps, message) in every {
                errors.push(error(article.positions.locate(&steps), &message));
            }
            errors.sort_by_key(|problem| problem.position);
            Err(errors)
        }
    }
}

pub(super) fn error(position: (usize, usize), message: &str) -> MarkdownError {
    MarkdownError {
        position,
        message: message.to_owned(),
    }
}

/// The front matter's text and where the body starts (byte offsets).
fn split_front_matter(text: &str) -> Result<(std::ops::Range<usize>, usize), Vec<MarkdownError>> {
    let missing = || {
        vec![error(
            (1, 1),
            "a Markdown article starts with its fields between two `---` lines (front matter)",
        )]
    };
    let first_end = text.find('\n').ok_or_else(missing)?;
    if text[..first_end].trim_end() != "---" {
        return Err(missing());
    }
    let start = first_end + 1;
    let mut at = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Ok((start..at, at + line.len()));
        }
        at += line.len();
    }
    Err(vec![error(
        (1, 1),
        "the front matter is not closed: end it with a `---` line",
    )])
}

/// The front matter as JSON, with each top-level field's position.
fn front_matter(
    text: &str,
    range: std::ops::Range<usize>,
    positions: &mut Positions,
) -> Result<Value, Vec<MarkdownError>> {
    let yaml = &text[range.clone()];
    let first_line = line_column(text, range.start).0;
    let value: Value = if yaml.trim().is_empty() {
        Value::Object(Map::new())
    } else {
        yaml_serde::from_str(yaml).map_err(|err| {
            let (line, column) = err.location().map_or((first_line, 1), |at| {
                (first_line + at.line() - 1, at.column())
            });
            vec![error(
                (line, column),
                &format!("front matter: {}", yaml_message(&err, yaml)),
            )]
        })?
    };
    if !value.is_object() {
        return Err(vec![error(
            (first_line, 1),
            "the front matter must be fields (`name: value` lines)",
        )]);
    }
    let twice = fields_positions(yaml, first_line, &[], positions);
    if !twice.is_empty() {
        return Err(twice);
    }
    Ok(value)
}

/// What the YAML reader says of `yaml`, without its own position (the
/// message gives the file's), and what a tab where it stopped means.
fn yaml_message(err: &yaml_serde::Error, yaml: &str) -> String {
    let full = err.to_string();
    let said = match full.find(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    };
    let line = err
        .location()
        .and_then(|at| yaml.lines().nth(at.line().saturating_sub(1)));
    if line.is_some_and(|line| line.contains('\t')) {
        format!("{said} (a tab: YAML is indented with spaces, never tabs)")
    } else {
        said
    }
}

/// Records where each `name:` line of a block of fields starts (and each
/// `- item` under it), as `prefix` + name (+ index); returns an error for
/// each field written a second time (YAML keeps the last without a word:
/// a `section:` corrected below the old one, say).
fn fields_positions(
    yaml: &str,
    first_line: usize,
    prefix: &[Step],
    positions: &mut Positions,
) -> Vec<MarkdownError> {
    let mut current: Option<String> = None;
    let mut index = 0;
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut twice = Vec::new();
    for (n, line) in yaml.lines().enumerate() {
        let line_no = first_line + n;
        if !line.starts_with([' ', '\t', '-', '#'])
            && let Some((name, rest)) = line.split_once(':')
        {
            let name = name.trim().trim_matches(['"', '\'']).to_owned();
            if let Some((_, first)) = seen.iter().find(|(other, _)| *other == name) {
                twice.push(error(
                    (line_no, 1),
                    &format!("{name} is written twice (first on line {first}): keep one"),
                ));
            }
            seen.push((name.clone(), line_no));
            let value_column = name.chars().count() + 2 + (rest.len() - rest.trim_start().len());
            let mut path = prefix.to_vec();
            path.push(Step::Key(name.clone()));
            positions.add(path, (line_no, value_column));
            current = Some(name);
            index = 0;
            continue;
        }
        let trimmed = line.trim_start();
        if let (Some(name), Some(item)) = (&current, trimmed.strip_prefix('-')) {
            let column = line.len() - trimmed.len() + 2 + (item.len() - item.trim_start().len());
            let mut path = prefix.to_vec();
            path.push(Step::Key(name.clone()));
            path.push(Step::Index(index));
            positions.add(path, (line_no, column));
            index += 1;
        }
    }
    twice
}
