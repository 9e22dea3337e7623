//! One article file (`.json` or `.md`): read, parsed as the model,
//! checked, and what the build keeps of it; and where a value stands in
//! it, for problems reported at `file:line:column`.

use std::fs;
use std::io;
use std::path::Path;

use reader_model::{ArticleSource, ModelError};
use reader_search_build::Indexed;
use serde_json::Value;

use crate::checks::{self, ArticleFile};
use crate::incremental::read_cache::{Loaded, Seen};
use crate::incremental::{derived, read_cache, stamps};
use crate::locate::{Step, locate};
use crate::problem::{Problem, Severity};
use crate::{headline_breaks, markdown, model_errors};

/// Reads and checks one article file on its own.
pub(crate) fn load_article(
    root: &Path,
    path: &Path,
    seen: Option<Seen>,
) -> (Option<Loaded>, Vec<Problem>) {
    let text = match read_source(path) {
        Ok(text) => text,
        Err(err) => {
            return (
                None,
                vec![Problem::error(path, None, &format!("cannot read: {err}"))],
            );
        }
    };
    let (mut source, json, markdown) = match parse_article(path, &text) {
        Ok(parsed) => parsed,
        Err(problems) => return (None, problems),
    };
    // What the build adds that editors do not write (the read cache keeps
    // it; the index's second reading, `full_source`, has no use for it).
    source.headline_breaks = headline_breaks::breaks(&source.headline);
    let file = ArticleFile {
        path,
        text: &text,
        json: &json,
        markdown: markdown.as_ref(),
        root,
    };
    let checked = checks::check(&file, &source);
    if checked
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error)
    {
        return (None, checked.problems);
    }
    let index_hash = Indexed::hash_of(&source);
    let source = read_cache::slim(source);
    let loaded = Loaded {
        path: path.to_path_buf(),
        seen,
        index_hash,
        outline_hash: derived::outline_hash(&source),
        source: Box::new(source),
        text_hash: stamps::text_hash(&text),
        warnings: checked.problems.clone(),
        photos: checked.photos,
        locals: checked.locals,
    };
    (Some(loaded), checked.problems)
}

/// An article file's text as the model, its JSON, and for Markdown where
/// its values are; or what is wrong with it.
#[allow(clippy::type_complexity)]
fn parse_article(
    path: &Path,
    text: &str,
) -> Result<(ArticleSource, Value, Option<markdown::Positions>), Vec<Problem>> {
    match parse_source(path, text)? {
        (source, Some(article)) => Ok((source, article.json, Some(article.positions))),
        (source, None) => {
            let json = serde_json::from_str::<Value>(text).map_err(|_| Vec::new())?;
            Ok((source, json, None))
        }
    }
}

/// An article file's text as the model (a Markdown article with what it
/// reads as), or what is wrong with it.
fn parse_source(
    path: &Path,
    text: &str,
) -> Result<(ArticleSource, Option<markdown::MarkdownArticle>), Vec<Problem>> {
    if markdown::is_markdown(path) {
        markdown::read_article(text, file_slug(path))
            .map(|(source, article)| (source, Some(article)))
            .map_err(|errors| {
                (errors.iter())
                    .map(|err| Problem::error(path, Some(err.position), &err.message))
                    .collect()
            })
    } else {
        reader_model::from_json::<ArticleSource>(text)
            .map(|source| (source, None))
            .map_err(|err| json_problems(path, text, &err, model_errors::article_errors))
    }
}

/// What is wrong with an editor's JSON file (an article, `site.json`)
/// that the model does not read: every value that does not fit (`every`,
/// one of `model_errors`), each where it is; for a text that is not
/// JSON, where it stops being JSON.
pub(crate) fn json_problems(
    path: &Path,
    text: &str,
    err: &ModelError,
    every: fn(&Value) -> Vec<model_errors::Found>,
) -> Vec<Problem> {
    let json = match err {
        ModelError::Shape { .. } => serde_json::from_str::<Value>(text).ok(),
        ModelError::Syntax { .. } => None,
    };
    let every = json.map(|json| every(&json));
    let mut problems: Vec<Problem> = (every.into_iter().flatten())
        .map(|(steps, message)| Problem::error(path, locate(text, &steps), &message))
        .collect();
    if problems.is_empty() {
        problems.push(model_problem(path, err));
    }
    problems.sort_by_key(|problem| problem.position);
    problems
}

/// The whole article in `loaded`'s file (the build keeps it slimmed).
///
/// # Errors
/// The file cannot be read again, or no longer reads as an article.
pub(crate) fn full_source(loaded: &Loaded) -> io::Result<ArticleSource> {
    let text = read_source(&loaded.path)?;
    parse_source(&loaded.path, &text)
        .map(|(source, _)| source)
        .map_err(|problems| {
            let first = problems
                .first()
                .map_or_else(String::new, ToString::to_string);
            io::Error::new(io::ErrorKind::InvalidData, first)
        })
}

/// An editor's file as text, without the byte-order mark some editors
/// (Windows Notepad) write at its start, which would otherwise be read as
/// its first character: Markdown's front matter would not start with
/// `---`, nor JSON with `{`.
pub(crate) fn read_source(path: &Path) -> io::Result<String> {
    let text = fs::read_to_string(path)?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The slug an article file's name gives: its name without the extension.
pub fn file_slug(path: &Path) -> &str {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("")
}

/// An article file's JSON: as written, or what its Markdown reads as.
pub(crate) fn article_json(
    path: &Path,
    text: &str,
) -> io::Result<(Value, Option<markdown::Positions>)> {
    if markdown::is_markdown(path) {
        let article = markdown::read(text, file_slug(path)).map_err(|errors| {
            io::Error::other(
                errors
                    .first()
                    .map_or_else(String::new, |e| e.message.clone()),
            )
        })?;
        Ok((article.json, Some(article.positions)))
    } else {
        Ok((serde_json::from_str(text).map_err(io::Error::other)?, None))
    }
}

/// Where the value at `steps` is in an article file.
pub(crate) fn locate_in(path: &Path, steps: &[Step]) -> Option<(usize, usize)> {
    let text = read_source(path).unwrap_or_default();
    match article_json(path, &text) {
        Ok((_, Some(positions))) => Some(positions.locate(steps)),
        _ => locate(&text, steps),
    }
}

pub(crate) fn model_problem(path: &Path, err: &ModelError) -> Problem {
    let message = match err {
        ModelError::Syntax { message, .. } => format!("not valid JSON: {message}"),
        ModelError::Shape { message, .. } => message.clone(),
    };
    // serde_json says column 0 where the text ends before a value does.
    let (line, column) = err.position();
    Problem::error(path, Some((line, column.max(1))), &message)
}
