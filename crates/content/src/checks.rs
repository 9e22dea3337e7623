//! What the model alone cannot say about one article file: its pictures
//! exist and have alternative text, its links are safe, its speeches name
//! a speaker, its slug is its file's name. Each problem points at the
//! value it is about (`file:line:column`).

use std::path::Path;

use reader_model::{ArticleSource, SafeUrl};
use serde_json::Value;

use crate::locate::{Step, locate};
use crate::markdown::Positions;
use crate::problem::Problem;

/// One article file being checked: where it is, its text and its JSON.
pub struct ArticleFile<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub json: &'a Value,
    /// For a Markdown article, where its values are in the `.md` file
    /// (`json` is then what the file reads as).
    pub markdown: Option<&'a Positions>,
    /// The content folder (`content/`), where its pictures live.
    pub root: &'a Path,
}

impl ArticleFile<'_> {
    /// An error about the value at `steps`.
    pub fn error(&self, steps: &[Step], message: &str) -> Problem {
        Problem::error(self.path, self.locate(steps), message)
    }

    pub fn warning(&self, steps: &[Step], message: &str) -> Problem {
        Problem::warning(self.path, self.locate(steps), message)
    }

    /// Where the value at `steps` is in the file.
    pub fn locate(&self, steps: &[Step]) -> Option<(usize, usize)> {
        match self.markdown {
            Some(positions) => Some(positions.locate(steps)),
            None => locate(self.text, steps),
        }
    }
}

/// Every problem with one article that its own file shows.
pub fn check(file: &ArticleFile, source: &ArticleSource) -> Vec<Problem> {
    let mut problems = Vec::new();
    let stem = crate::file_slug(file.path);
    if stem != source.slug.as_str() {
        problems.push(file.error(
            &["slug".into()],
            &format!(
                "slug {:?} does not match the file name (expected {stem:?})",
                source.slug.as_str()
            ),
        ));
    }
    for (steps, what) in images(file.json) {
        check_image(file, &steps, what, &mut problems);
    }
    for (key, value, what) in [
        ("headline", &source.headline, "the headline"),
        (
            "section",
            &source.section,
            "the desk that published it (\"Campus\", \"Research\")",
        ),
        (
            "summary",
            &source.summary,
            "one or two sentences for the news list",
        ),
    ] {
        if value.trim().is_empty() {
            problems.push(file.error(&[key.into()], &format!("{key} is empty: give {what}")));
        }
    }
    for key in ["author", "authors", "copy_editors"] {
        check_names(file, key, &mut problems);
    }
    for (index, block) in blocks(file.json) {
        let unnamed = block["speaker"]
            .as_str()
            .is_none_or(|name| name.trim().is_empty());
        if block["type"] == "speech" && unnamed {
            problems.push(file.error(
                &["body".into(), index.into(), "speaker".into()],
                "this speech section does not name its speaker",
            ));
        }
    }
    for &index in source.body.skipped() {
        let kind = file.json["body"][index]["type"].as_str().unwrap_or("?");
        problems.push(file.warning(
            &["body".into(), index.into(), "type".into()],
            &format!("body block {index} has unknown type {kind:?}; the app skips it"),
        ));
    }
    problems
}

/// A blank name would print as "By " or a stray comma: each one is reported.
fn check_names(file: &ArticleFile, key: &str, problems: &mut Vec<Problem>) {
    let blank = |value: &Value| value.as_str().is_some_and(|name| name.trim().is_empty());
    match &file.json[key] {
        Value::Array(names) => {
            for (index, _) in names.iter().enumerate().filter(|(_, name)| blank(name)) {
                problems.push(file.error(
                    &[key.into(), index.into()],
                    &format!("{key} {} is blank: give a name or remove it", index + 1),
                ));
            }
        }
        name if blank(name) => problems.push(file.error(
            &[key.into()],
            &format!("{key} is blank: give a name or remove the field"),
        )),
        _ => {}
    }
}

fn blocks(json: &Value) -> impl Iterator<Item = (usize, &Value)> {
    json["body"].as_array().into_iter().flatten().enumerate()
}

/// Every picture in the article: where it is, and what it is for.
fn images(json: &Value) -> Vec<(Vec<Step>, &'static str)> {
    let mut found = Vec::new();
    if json["thumbnail"].is_object() {
        found.push((vec!["thumbnail".into()], "the thumbnail"));
    }
    for (index, block) in blocks(json) {
        for (key, what) in [
            ("image", "the figure's picture"),
            ("photo", "the speaker's photo"),
        ] {
            if block[key].is_object() {
                found.push((vec!["body".into(), index.into(), key.into()], what));
            }
        }
    }
    found
}

fn check_image(file: &ArticleFile, steps: &[Step], what: &str, problems: &mut Vec<Problem>) {
    let mut value = file.json;
    for step in steps {
        value = match step {
            Step::Key(key) => &value[key.as_str()],
            Step::Index(index) => &value[*index],
        };
    }
    let at = |key: &str| {
        let mut steps = steps.to_vec();
        steps.push(key.into());
        steps
    };
    let alt = value["alt"].as_str().unwrap_or("");
    if alt.trim().is_empty() {
        problems.push(file.error(
            &at(if value.get("alt").is_some() {
                "alt"
            } else {
                "src"
            }),
            &format!("{what} has no alt text (say what it shows, for readers who cannot see it)"),
        ));
    }
    let Some(src) = value["src"].as_str() else {
        return;
    };
    match SafeUrl::parse(src) {
        Err(_) => problems.push(file.error(
            &at("src"),
            &format!("{what}'s address {src:?} is not a safe URL; the app would leave it out"),
        )),
        Ok(url) => {
            if let Some(local) = content_file(file.root, &url)
                && !local.is_file()
            {
                problems.push(file.error(
                    &at("src"),
                    &format!(
                        "{what} {src:?} does not exist ({} is missing)",
                        local.display()
                    ),
                ));
            }
        }
    }
}

/// The file a same-site `content/…` address names, in the content folder.
fn content_file(root: &Path, url: &SafeUrl) -> Option<std::path::PathBuf> {
    if url.is_external() {
        return None;
    }
    let path = url.as_str().trim_start_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let below = path.strip_prefix("content/")?;
    (!below.split('/').any(|part| part == ".." || part.is_empty())).then(|| root.join(below))
}
