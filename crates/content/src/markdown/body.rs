//! A Markdown article's body: CommonMark events turned into the model's
//! blocks (paragraphs with their runs, speech sections and figures as
//! fenced blocks of fields, pulled quotes), every value's position kept,
//! and anything an article cannot hold reported where it stands.

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use reader_model::{Run, SafeUrl};
use serde_json::{Map, Value, json};

use super::{MarkdownError, Positions, error, fields_positions, yaml_message};
use crate::locate::{Lines, Step};

/// Turns the body's Markdown events into blocks.
pub(super) struct BodyReader<'a> {
    pub(super) text: &'a str,
    /// The file's lines, for positions.
    pub(super) lines: Lines<'a>,
    /// Where the body starts in `text`.
    pub(super) offset: usize,
    pub(super) positions: &'a mut Positions,
    pub(super) errors: &'a mut Vec<MarkdownError>,
    pub(super) blocks: Vec<Value>,
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
        self.lines.at(self.offset + offset)
    }

    fn fail(&mut self, offset: usize, message: &str) {
        let at = self.at(offset);
        self.errors.push(error(at, message));
    }

    pub(super) fn read(&mut self, body: &str) {
        // CommonMark, and GitHub's tables and footnotes read as such so that
        // they are reported (as printed text they would be jumbled). Not
        // strikethrough: its single `~` would take a Chinese range
        // (3~5月) for one; `~~` stays as written.
        let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
        let mut events = Parser::new_ext(body, options).into_offset_iter().peekable();
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
                self.errors.push(error(
                    at,
                    &format!("```{kind}: {}", yaml_message(&err, code)),
                ));
                return;
            }
        };
        fields["type"] = Value::from(kind);
        let path: Vec<Step> = vec!["body".into(), index.into()];
        self.positions.add(path.clone(), self.at(start));
        let twice = fields_positions(code, first_line, &path, self.positions);
        self.errors.extend(twice);
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
