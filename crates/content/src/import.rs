//! `reader-content import <page.txt>`: a published page of the newsroom's
//! current site, as a reader copies its text, made into a Markdown article.
//!
//! The page reads, top to bottom: a breadcrumb line, the headline, a
//! dateline (date, "By" authors, copy editors; any of them may be missing),
//! paragraphs and photo captions, then "Related articles" and "Stay
//! Connected". Captions of people speaking ("<Name>, <role>, delivered a
//! speech …", "<role> <Name> addressed a speech …") become speech sections
//! where they stood; other captions become figures without a picture, for
//! the editor to complete. What the page does not say (the section, the
//! summary, related articles' slugs) is left empty and reported: nothing is
//! invented. Every guess is reported too.

use reader_model::{ArticleSource, Block, Body, Date, Figure, Slug, Speech, headline_slug};

/// The article read from a page, and what the reader should check.
pub struct Imported {
    pub article: ArticleSource,
    /// What was guessed, each with the page's line it came from.
    pub guessed: Vec<String>,
    /// What the page did not say or could not be placed.
    pub missing: Vec<String>,
}

/// Why a page could not be imported at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the page has no headline (it is empty, or only a breadcrumb)")]
    NoHeadline,
}

/// Reads a page's text.
///
/// # Errors
/// When the page has no headline to name the article by.
pub fn import(page: &str) -> Result<Imported, ImportError> {
    let lines: Vec<(usize, &str)> = page
        .lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect();
    let mut guessed = Vec::new();
    let mut missing = Vec::new();
    let (headline, slug, dateline, rest) = header(&lines, &mut guessed, &mut missing)?;
    let (blocks, related) = body(rest, &mut guessed);
    missing.extend(still_missing(&blocks, &related));
    let article = ArticleSource {
        slug,
        headline: headline.to_owned(),
        section: String::new(),
        published: dateline.date,
        authors: dateline.authors,
        copy_editors: dateline.copy_editors,
        summary: String::new(),
        thumbnail: None,
        lead: None,
        body: Body::new(blocks),
        related: Vec::<Slug>::new(),
    };
    Ok(Imported {
        article,
        guessed,
        missing,
    })
}

/// The page's top: a breadcrumb (left out), the headline (and the slug
/// made of it) and the dateline; and the lines after them.
#[allow(clippy::type_complexity)]
fn header<'a>(
    lines: &'a [(usize, &'a str)],
    guessed: &mut Vec<String>,
    missing: &mut Vec<String>,
) -> Result<(&'a str, Slug, Dateline, &'a [(usize, &'a str)]), ImportError> {
    let mut at = 0;
    if let Some((n, line)) = lines.first().filter(|(_, line)| is_breadcrumb(line)) {
        guessed.push(format!("line {n}: breadcrumb {line:?}, left out"));
        at += 1;
    }
    let (headline_line, headline) = lines.get(at).copied().ok_or(ImportError::NoHeadline)?;
    at += 1;
    guessed.push(format!("line {headline_line}: headline {headline:?}"));
    let slug = headline_slug(headline);
    guessed.push(format!("slug {:?}, from the headline", slug.as_str()));
    let mut dateline = Dateline::default();
    if let Some((n, line)) = lines.get(at).copied()
        && let Some(read) = Dateline::read(line)
    {
        guessed.push(format!("line {n}: dateline: {}", read.describe()));
        missing.extend(read.unplaced.iter().map(|part| {
            format!("line {n}: dateline part {part:?} is not a date, a byline or copy editors")
        }));
        dateline = read;
        at += 1;
    } else {
        guessed.push("no dateline: no date, author or copy editors".to_owned());
    }
    Ok((headline, slug, dateline, &lines[at.min(lines.len())..]))
}

/// The body's blocks, up to the site's footer, and the headlines listed
/// under "Related articles".
fn body(lines: &[(usize, &str)], guessed: &mut Vec<String>) -> (Vec<Block>, Vec<String>) {
    let mut blocks = Vec::new();
    let mut related = Vec::new();
    let mut in_related = false;
    for &(n, line) in lines {
        let lower = line.to_lowercase();
        if lower == "stay connected" {
            guessed.push(format!(
                "line {n}: \"Stay Connected\" and after: the site's footer, left out"
            ));
            break;
        }
        if lower == "related articles" {
            in_related = true;
            continue;
        }
        if in_related {
            related.push(line.to_owned());
            continue;
        }
        if let Some(speech) = speech(line) {
            guessed.push(format!(
                "line {n}: speech section: {} ({})",
                speech.speaker,
                speech.role.as_deref().unwrap_or("no role")
            ));
            blocks.push(Block::Speech(speech));
        } else if is_caption(line) {
            guessed.push(format!(
                "line {n}: photo caption, as a figure without its picture: {line:?}"
            ));
            blocks.push(Block::Figure(Figure {
                image: None,
                caption: Some(line.to_owned()),
            }));
        } else {
            blocks.push(Block::Paragraph {
                text: line.to_owned(),
                runs: Vec::new(),
            });
        }
    }
    (blocks, related)
}

/// What the editor must still complete: the fields no page says, the
/// related articles' slugs, and the pictures.
fn still_missing(blocks: &[Block], related: &[String]) -> Vec<String> {
    let mut missing = vec![
        "section: the page does not say which desk published it".to_owned(),
        "summary: one or two sentences for the news list".to_owned(),
    ];
    for headline in related {
        missing.push(format!(
            "related article {headline:?}: give its slug under `related:`"
        ));
    }
    let count = |kind: fn(&Block) -> bool| blocks.iter().filter(|block| kind(block)).count();
    let figures = count(|block| matches!(block, Block::Figure(_)));
    let speeches = count(|block| matches!(block, Block::Speech(_)));
    if figures + speeches > 0 {
        missing.push(format!(
            "pictures: {speeches} speech section(s) and {figures} figure(s) have captions but no picture"
        ));
    }
    missing
}

fn is_breadcrumb(line: &str) -> bool {
    line.starts_with("Home")
        && ["›", "·", ">", "»", "/"]
            .iter()
            .any(|sep| line.contains(sep))
}

/// What a dateline said.
#[derive(Default)]
struct Dateline {
    date: Option<Date>,
    authors: Vec<String>,
    copy_editors: Vec<String>,
    /// Parts that are none of these.
    unplaced: Vec<String>,
}

impl Dateline {
    /// `November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu`
    /// and every shape with parts missing; `None` when the line has no date
    /// and no byline (it is then the first paragraph).
    fn read(line: &str) -> Option<Self> {
        let mut dateline = Self::default();
        let mut after_byline = false;
        for part in line.split('|').map(str::trim).filter(|p| !p.is_empty()) {
            if let Some(date) = date(part) {
                dateline.date = Some(date);
            } else if let Some(names) = strip_label(part, &["by "]) {
                dateline.authors = split_names(names);
                after_byline = true;
            } else if let Some(names) = strip_label(
                part,
                &[
                    "copyedited by",
                    "copy edited by",
                    "copy-edited by",
                    "editor:",
                    "editors:",
                ],
            ) {
                dateline.copy_editors = split_names(names);
            } else if after_byline
                && dateline.copy_editors.is_empty()
                && part.split_whitespace().count() <= 12
            {
                // Names after the byline without a label: the copy editors.
                dateline.copy_editors = split_names(part);
            } else {
                dateline.unplaced.push(part.to_owned());
            }
        }
        (dateline.date.is_some() || after_byline).then_some(dateline)
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        parts.push(match self.date {
            Some(date) => format!("date {}", date.iso()),
            None => "no date".to_owned(),
        });
        parts.push(if self.authors.is_empty() {
            "no author".to_owned()
        } else {
            format!("author(s) {}", self.authors.join("; "))
        });
        parts.push(if self.copy_editors.is_empty() {
            "no copy editors".to_owned()
        } else {
            format!("copy editor(s) {}", self.copy_editors.join("; "))
        });
        parts.join(", ")
    }
}

/// `part` without its label (any case), when it starts with one.
fn strip_label<'a>(part: &'a str, labels: &[&str]) -> Option<&'a str> {
    let lower = part.to_lowercase();
    labels.iter().find_map(|label| {
        lower
            .starts_with(label)
            .then(|| part.get(label.len()..))
            .flatten()
            .map(str::trim)
    })
}

/// `Zhang Liu, Li Rui`, `A and B`, `张柳、李锐` as names.
fn split_names(names: &str) -> Vec<String> {
    names
        .split([',', '、', '，', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `November 22, 2020`, `Nov 22, 2020`, `22 November 2020`, `2020-11-22`,
/// `2020/11/22`.
fn date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |word: &str| {
        let word = word.to_lowercase();
        (word.len() >= 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(&word)))
            .flatten()
            .and_then(|i| u8::try_from(i + 1).ok())
    };
    let number = |word: &str| word.parse::<u16>().ok();
    let (year, month, day) = match words.as_slice() {
        [y, m, d] if y.len() == 4 && number(y).is_some() => {
            (number(y)?, u8::try_from(number(m)?).ok()?, number(d)?)
        }
        [m, d, y] if month(m).is_some() => (number(y)?, month(m)?, number(d)?),
        [d, m, y] if month(m).is_some() => (number(y)?, month(m)?, number(d)?),
        _ => return None,
    };
    Date::from_parts(year, month, u8::try_from(day).ok()?)
}

/// A caption of someone speaking: `Wu Jianyong, Secretary of …, delivered a
/// speech in the meeting` or `USST President Ding Xiaodong addressed a
/// speech …`.
fn speech(line: &str) -> Option<Speech> {
    let verb = [" delivered ", " addressed ", " gave ", " made "]
        .iter()
        .filter_map(|verb| line.find(verb).map(|at| (at, verb.len())))
        .min()?;
    let rest = &line[verb.0 + verb.1..];
    if !rest.starts_with("a speech")
        && !rest.starts_with("the speech")
        && !rest.starts_with("a keynote")
        && !rest.starts_with("an address")
        && !rest.starts_with("a report")
    {
        return None;
    }
    let who = line[..verb.0].trim().trim_end_matches(',').trim();
    let (speaker, role) = match who.split_once(", ") {
        // `<Name>, <role>`
        Some((name, role)) => (name.trim(), Some(role.trim().trim_end_matches(',').trim())),
        // `<role> <Name>`: the name is the last two words.
        None => {
            let words: Vec<&str> = who.split_whitespace().collect();
            if words.len() < 2 {
                return None;
            }
            let split = words.len() - 2;
            let name_at = who.len() - words[split..].join(" ").len();
            let role = who[..name_at].trim();
            (&who[name_at..], (!role.is_empty()).then_some(role))
        }
    };
    (!speaker.is_empty()).then(|| Speech {
        photo: None,
        speaker: speaker.to_owned(),
        role: role.map(str::to_owned),
        caption: line.to_owned(),
    })
}

/// A short line that does not end a sentence: a photo's caption.
fn is_caption(line: &str) -> bool {
    let ends_sentence = line.ends_with(['.', '!', '?', '。', '”', '"', '’', ':', ';']);
    !ends_sentence && line.split_whitespace().count() <= 25
}
