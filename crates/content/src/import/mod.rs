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
//!
//! A page of the Chinese site reads the same way in its own words: a
//! breadcrumb from 首页, a dateline of labelled parts (发布时间, 作者,
//! 编辑/审核), captions of people speaking (某某在会上致辞, 校长某某讲话),
//! 相关文章 and 联系我们. Its article is the Chinese edition's (`language: zh`).

mod captions;
mod dateline;

use captions::{chinese_speech, is_caption, speech};
use dateline::Dateline;
use reader_model::{ArticleSource, Block, Body, Figure, Slug, headline_slug};

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
    #[error(
        "this is the page's HTML, not its text: open the page in a browser, select the article (from the breadcrumb to \"Stay Connected\", or from 首页 to 联系我们), copy it and save it as a .txt file to import"
    )]
    Html,
}

/// Reads a page's text.
///
/// # Errors
/// When the page has no headline to name the article by.
pub fn import(page: &str) -> Result<Imported, ImportError> {
    let start = page.trim_start_matches('\u{feff}').trim_start();
    let tag = start.get(..5).map(str::to_ascii_lowercase);
    if matches!(tag.as_deref(), Some("<!doc" | "<html" | "<head" | "<body")) {
        return Err(ImportError::Html);
    }
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
        headline_breaks: reader_model::Breaks::default(),
        section: String::new(),
        published: dateline.date,
        authors: dateline.authors,
        copy_editors: dateline.copy_editors,
        summary: String::new(),
        thumbnail: None,
        lead: None,
        body: Body::new(blocks),
        related: None,
        language: is_chinese(headline).then(|| {
            guessed.push("language zh: the headline is written in Chinese".to_owned());
            "zh".to_owned()
        }),
        translation_key: None,
        translations: Vec::new(),
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
        if lower == "stay connected" || line == "联系我们" {
            guessed.push(format!(
                "line {n}: {line:?} and after: the site's footer, left out"
            ));
            break;
        }
        if lower == "related articles" || line == "相关文章" {
            in_related = true;
            continue;
        }
        if in_related {
            related.push(line.to_owned());
            continue;
        }
        if let Some(speech) = speech(line).or_else(|| chinese_speech(line)) {
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

/// Whether `text` is written in Chinese: it holds Han characters.
fn is_chinese(text: &str) -> bool {
    text.chars().any(reader_search::words::is_han)
}

fn is_breadcrumb(line: &str) -> bool {
    (line.starts_with("Home") || line.starts_with("首页"))
        && ["›", "·", ">", "»", "/"]
            .iter()
            .any(|sep| line.contains(sep))
}
