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

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use reader_model::{ArticleSource, Run, SafeUrl};
use serde_json::{Map, Value, json};

use crate::locate::{Step, line_column};

pub mod write;

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
    path.extension().is_some_and(|ext| ext == "md")
}

/// Reads a Markdown article. `stem` (the file's name without `.md`) is its
/// slug when the front matter gives none.
///
/// # Errors
/// Every problem found, each at its line and column.
pub fn read(text: &str, stem: &str) -> Result<MarkdownArticle, Vec<MarkdownError>> {
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
            offset: body_start,
            positions: &mut positions,
            errors: &mut errors,
            blocks: Vec::new(),
        };
        reader.read(&text[body_start..]);
        let blocks = reader.blocks;
        map.insert("body".into(), Value::Array(blocks));
    }
    if errors.is_empty() {
        Ok(MarkdownArticle { json, positions })
    } else {
        Err(errors)
    }
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
    let article = read(text, stem)?;
    match serde_path_to_error::deserialize::<_, ArticleSource>(&article.json) {
        Ok(source) => Ok((source, article)),
        Err(err) => {
            let at = article.positions.locate(&steps_of(err.path()));
            Err(vec![error(at, &err.into_inner().to_string())])
        }
    }
}

/// serde's path to a value as steps into the JSON.
fn steps_of(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

fn error(position: (usize, usize), message: &str) -> MarkdownError {
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
                &format!("front matter: {}", yaml_message(&err)),
            )]
        })?
    };
    if !value.is_object() {
        return Err(vec![error(
            (first_line, 1),
            "the front matter must be fields (`name: value` lines)",
        )]);
    }
    fields_positions(yaml, first_line, &[], positions);
    Ok(value)
}

/// YAML's message without its own position (the report gives ours).
fn yaml_message(err: &yaml_serde::Error) -> String {
    let full = err.to_string();
    match full.find(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    }
}

/// Records where each `name:` line of a block of fields starts (and each
/// `- item` under it), as `prefix` + name (+ index).
fn fields_positions(yaml: &str, first_line: usize, prefix: &[Step], positions: &mut Positions) {
    let mut current: Option<String> = None;
    let mut index = 0;
    for (n, line) in yaml.lines().enumerate() {
        let line_no = first_line + n;
        if !line.starts_with([' ', '\t', '-', '#'])
            && let Some((name, rest)) = line.split_once(':')
        {
            let name = name.trim().trim_matches(['"', '\'']).to_owned();
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
}

/// Turns the body's Markdown events into blocks.
struct BodyReader<'a> {
    text: &'a str,
    /// Where the body starts in `text`.
    offset: usize,
    positions: &'a mut Positions,
    errors: &'a mut Vec<MarkdownError>,
    blocks: Vec<Value>,
}

/// Inline styles open at a point of a paragraph.
#[derive(Default)]
struct Style {
    emphasis: usize,
    strong: usize,
    link: Option<SafeUrl>,
}

/// A paragraph being read: its runs, merged when their style is the same.
#[derive(Default)]
struct Inline {
    runs: Vec<Run>,
    style: Style,
}

impl Inline {
    fn push(&mut self, text: &str) {
        let run = Run {
            text: text.to_owned(),
            emphasis: self.style.emphasis > 0,
            strong: self.style.strong > 0,
            link: self.style.link.clone(),
        };
        match self.runs.last_mut() {
            Some(last)
                if (last.emphasis, last.strong, &last.link)
                    == (run.emphasis, run.strong, &run.link) =>
            {
                last.text.push_str(text);
            }
            _ => self.runs.push(run),
        }
    }

    /// Whether any of it is emphasised or linked.
    fn is_styled(&self) -> bool {
        self.runs.iter().any(|run| !run.is_plain())
    }

    fn text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }

    /// `{"type": "paragraph", "text": …}`, with `runs` when any is styled.
    fn into_paragraph(self) -> Value {
        let mut block = json!({"type": "paragraph", "text": self.text()});
        if self.is_styled() {
            block["runs"] = json!(self.runs);
        }
        block
    }
}

impl BodyReader<'_> {
    fn at(&self, offset: usize) -> (usize, usize) {
        line_column(self.text, self.offset + offset)
    }

    fn fail(&mut self, offset: usize, message: &str) {
        let at = self.at(offset);
        self.errors.push(error(at, message));
    }

    fn read(&mut self, body: &str) {
        // CommonMark alone: no tables, strikethrough or footnotes to escape.
        let mut events = Parser::new_ext(body, Options::empty())
            .into_offset_iter()
            .peekable();
        while let Some((event, range)) = events.next() {
            let index = self.blocks.len();
            match event {
                Event::Start(Tag::Paragraph) => {
                    let inline = self.inline(&mut events, TagEnd::Paragraph);
                    self.positions
                        .add(vec!["body".into(), index.into()], self.at(range.start));
                    self.blocks.push(inline.into_paragraph());
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                    let kind = info.trim().to_owned();
                    let mut code = String::new();
                    let mut code_start = None;
                    for (event, inner) in events.by_ref() {
                        match event {
                            Event::Text(text) => {
                                code_start.get_or_insert(inner.start);
                                code.push_str(&text);
                            }
                            Event::End(TagEnd::CodeBlock) => break,
                            _ => {}
                        }
                    }
                    let fields_at = code_start.unwrap_or(range.start);
                    self.fenced(&kind, &code, range.start, fields_at);
                }
                Event::Start(Tag::BlockQuote(kind)) => self.quote(&mut events, range.start, kind),
                Event::Html(_) | Event::InlineHtml(_) => self.fail(
                    range.start,
                    "raw HTML is not allowed in an article: write it as Markdown",
                ),
                Event::Start(tag) => {
                    let what = block_name(&tag);
                    self.fail(
                        range.start,
                        &format!("{what} cannot be part of an article: write paragraphs, ```speech, ```figure or > quotes"),
                    );
                    skip(&mut events, tag);
                }
                Event::Rule => self.fail(
                    range.start,
                    "a horizontal rule cannot be part of an article",
                ),
                _ => {}
            }
        }
    }

    /// Reads inline events up to `end` into runs.
    fn inline<'e>(
        &mut self,
        events: &mut impl Iterator<Item = (Event<'e>, std::ops::Range<usize>)>,
        end: TagEnd,
    ) -> Inline {
        let mut inline = Inline::default();
        for (event, range) in events.by_ref() {
            match event {
                Event::End(tag) if tag == end => break,
                Event::Text(text) | Event::Code(text) => inline.push(&text),
                Event::SoftBreak => inline.push(" "),
                Event::HardBreak => inline.push("\n"),
                Event::Start(Tag::Emphasis) => inline.style.emphasis += 1,
                Event::End(TagEnd::Emphasis) => inline.style.emphasis -= 1,
                Event::Start(Tag::Strong) => inline.style.strong += 1,
                Event::End(TagEnd::Strong) => inline.style.strong -= 1,
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let link = SafeUrl::parse(&dest_url);
                    if link.is_err() {
                        self.fail(
                            range.start,
                            &format!(
                                "link to {:?}: only https:, http:, mailto: or a path on this site",
                                dest_url.as_ref()
                            ),
                        );
                    }
                    inline.style.link = link.ok();
                }
                Event::End(TagEnd::Link) => inline.style.link = None,
                Event::Start(Tag::Image { .. }) => self.fail(
                    range.start,
                    "a picture goes in a ```figure block (with its alt text), not in a paragraph",
                ),
                Event::InlineHtml(_) | Event::Html(_) => self.fail(
                    range.start,
                    "raw HTML is not allowed in an article: write it as Markdown",
                ),
                Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                    self.fail(range.start, "this Markdown cannot be part of an article");
                }
                _ => {}
            }
        }
        inline
    }

    /// A ```speech or ```figure block: YAML fields.
    fn fenced(&mut self, kind: &str, code: &str, start: usize, fields_at: usize) {
        let index = self.blocks.len();
        if kind != "speech" && kind != "figure" && kind != "quote" {
            self.fail(
                start,
                &format!(
                    "a ```{kind} block cannot be part of an article: use ```speech or ```figure"
                ),
            );
            return;
        }
        let first_line = self.at(fields_at).0;
        let mut fields: Value = match yaml_serde::from_str::<Value>(code) {
            Ok(Value::Object(map)) => Value::Object(map),
            Ok(Value::Null) => Value::Object(Map::new()),
            Ok(_) => {
                self.fail(
                    start,
                    &format!("a ```{kind} block holds fields (`name: value` lines)"),
                );
                return;
            }
            Err(err) => {
                let at = err.location().map_or((first_line, 1), |at| {
                    (first_line + at.line() - 1, at.column())
                });
                self.errors
                    .push(error(at, &format!("```{kind}: {}", yaml_message(&err))));
                return;
            }
        };
        fields["type"] = Value::from(kind);
        let path: Vec<Step> = vec!["body".into(), index.into()];
        self.positions.add(path.clone(), self.at(start));
        fields_positions(code, first_line, &path, self.positions);
        self.blocks.push(fields);
    }

    /// `> text` paragraphs, the last one `— Name` when attributed.
    fn quote<'e>(
        &mut self,
        events: &mut impl Iterator<Item = (Event<'e>, std::ops::Range<usize>)>,
        start: usize,
        kind: Option<BlockQuoteKind>,
    ) {
        let index = self.blocks.len();
        if kind.is_some() {
            self.fail(
                start,
                "an alert block cannot be part of an article: write a plain > quote",
            );
        }
        let mut paragraphs: Vec<String> = Vec::new();
        // Whether the last paragraph, as typed, starts with a dash: its
        // text could start with one written as `&#8212;` and be no name.
        let mut dashed = false;
        while let Some((event, range)) = events.next() {
            match event {
                Event::End(TagEnd::BlockQuote(_)) => break,
                Event::Start(Tag::Paragraph) => {
                    let typed = &self.text[self.offset + range.start..];
                    dashed = typed.starts_with('—') || typed.starts_with("--");
                    let inline = self.inline(events, TagEnd::Paragraph);
                    if inline.is_styled() {
                        self.fail(range.start, "a quote is plain text: no emphasis or links");
                    }
                    paragraphs.push(inline.text());
                }
                Event::Start(tag) => {
                    self.fail(
                        range.start,
                        &format!(
                            "{} cannot be part of a quote: write its text",
                            block_name(&tag)
                        ),
                    );
                    skip(events, tag);
                }
                _ => {}
            }
        }
        let attribution = paragraphs
            .last()
            .filter(|_| dashed)
            .and_then(|last| last.strip_prefix('—').or_else(|| last.strip_prefix("--")))
            .map(|name| name.strip_prefix(' ').unwrap_or(name).to_owned());
        if attribution.is_some() {
            paragraphs.pop();
        }
        let mut block = json!({"type": "quote", "text": paragraphs.join("\n\n")});
        if let Some(attribution) = attribution {
            block["attribution"] = Value::String(attribution);
        }
        self.positions
            .add(vec!["body".into(), index.into()], self.at(start));
        self.blocks.push(block);
    }
}

/// What a reader calls a block Markdown may hold.
fn block_name(tag: &Tag) -> &'static str {
    match tag {
        Tag::Heading { .. } => "a heading",
        Tag::List(_) | Tag::Item => "a list",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "a table",
        Tag::CodeBlock(_) => "a code block",
        Tag::BlockQuote(_) => "a quote inside a quote",
        Tag::HtmlBlock => "raw HTML",
        Tag::Image { .. } => "a picture outside a ```figure block",
        Tag::FootnoteDefinition(_) => "a footnote",
        _ => "this Markdown",
    }
}

/// Skips past the end of `tag`, nested ones included (iteratively: a
/// hostile file may nest lists and quotes thousands deep).
fn skip<'e>(events: &mut impl Iterator<Item = (Event<'e>, std::ops::Range<usize>)>, tag: Tag<'e>) {
    let end = tag.to_end();
    let mut depth = 0usize;
    for (event, _) in events.by_ref() {
        match event {
            Event::Start(inner) if inner.to_end() == end => depth += 1,
            Event::End(inner) if inner == end => {
                if depth == 0 {
                    return;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}
