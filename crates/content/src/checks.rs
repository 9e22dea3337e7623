//! What the model alone cannot say about one article file: its pictures
//! exist and have alternative text, its links are safe, its speeches name
//! a speaker, its slug is its file's name. Each problem points at the
//! value it is about (`file:line:column`).

use std::path::{Path, PathBuf};

use reader_model::{ArticleSource, Place, SafeUrl};
use serde_json::Value;

use crate::locate::{Step, locate};
use crate::markdown::Positions;
use crate::photos::PhotoUse;
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

/// What checking one article file found.
#[derive(Debug, Default)]
pub struct Checked {
    pub problems: Vec<Problem>,
    /// The photographs it shows (checked once the whole archive is read,
    /// since articles share them).
    pub photos: Vec<PhotoUse>,
    /// The files of the content folder its pictures name, found there:
    /// the checks hold while they are (see `crate::incremental::read_cache`).
    pub locals: Vec<PathBuf>,
}

/// Every problem with one article that its own file shows, and the
/// photographs it shows.
pub fn check(file: &ArticleFile, source: &ArticleSource) -> Checked {
    let mut checked = Checked::default();
    let problems = &mut checked.problems;
    problems.extend(crate::fields::unknown_fields(file));
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
    for (steps, place) in images(file.json) {
        if let Some(photo) = check_image(file, &steps, place, problems, &mut checked.locals) {
            // The news list shows the lead photo of an article without a
            // thumbnail.
            let listed =
                (place == Place::Lead && file.json["thumbnail"].is_null()).then(|| PhotoUse {
                    place: Place::Thumbnail,
                    derived: true,
                    ..photo.clone()
                });
            checked.photos.push(photo);
            checked.photos.extend(listed);
        }
    }
    for (key, value) in [
        ("headline", &source.headline),
        ("section", &source.section),
        ("summary", &source.summary),
    ] {
        if blank(value)
            && let Some(message) = empty_field(key)
        {
            problems.push(file.error(&[key.into()], &message));
        } else if let Some(c) = value.chars().find(|&c| overrides_direction(c)) {
            problems.push(file.warning(
                &[key.into()],
                &format!(
                    "{key} has a direction override (U+{:04X}), which shows the text after it in another order than it is written: remove it (right-to-left words show rightly without it)",
                    u32::from(c)
                ),
            ));
        }
    }
    for key in ["author", "authors", "copy_editors"] {
        check_names(file, key, problems);
    }
    control_characters(file, problems);
    for (index, block) in blocks(file.json) {
        let unnamed = block["speaker"].as_str().is_none_or(blank);
        if block["type"] == "speech" && unnamed {
            problems.push(file.error(
                &["body".into(), index.into(), "speaker".into()],
                "this speech section does not name its speaker",
            ));
        }
        let uncaptioned = block["caption"].as_str().is_none_or(blank);
        if block["type"] == "figure" && block["image"].is_null() && uncaptioned {
            problems.push(file.error(
                &["body".into(), index.into()],
                "this figure has neither a picture nor a caption: give one, or remove it",
            ));
        }
        let text = |block: &Value| block["text"].as_str().is_some_and(|text| !blank(text));
        if block["type"] == "quote" && !text(block) {
            problems.push(file.error(
                &["body".into(), index.into()],
                "this quote has no words (only, perhaps, who said them): give them, or remove it",
            ));
        }
        let runs = block["runs"].as_array().into_iter().flatten();
        if block["type"] == "paragraph" && !text(block) && !runs.clone().any(text) {
            problems.push(file.warning(
                &["body".into(), index.into()],
                "this paragraph is empty: remove it",
            ));
        }
        // A link the app would leave out (its words kept, unlinked).
        for (at, run) in runs.enumerate() {
            if let Some(link) = run["link"]
                .as_str()
                .filter(|link| SafeUrl::parse(link).is_err())
            {
                problems.push(file.error(
                    &[
                        "body".into(),
                        index.into(),
                        "runs".into(),
                        at.into(),
                        "link".into(),
                    ],
                    &format!("link {link:?} is not a safe URL; the app would leave it out"),
                ));
            }
        }
    }
    for &index in source.body.skipped() {
        let kind = file.json["body"][index]["type"].as_str().unwrap_or("?");
        problems.push(file.warning(
            &["body".into(), index.into(), "type".into()],
            &format!("body block {index} has unknown type {kind:?}; the app skips it"),
        ));
    }
    checked
}

/// A blank name would print as "By " or a stray comma: each one is reported.
fn check_names(file: &ArticleFile, key: &str, problems: &mut Vec<Problem>) {
    let blank = |value: &Value| value.as_str().is_some_and(blank);
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

/// What an editor is told of a text field every article needs that is
/// left empty (`""`, or nothing after its name in Markdown): what to give.
pub(crate) fn empty_field(key: &str) -> Option<String> {
    let what = match key {
        "headline" => "the headline",
        "section" => "the desk that published it (\"Campus\", \"Research\")",
        "summary" => "one or two sentences for the news list",
        _ => return None,
    };
    Some(format!("{key} is empty: give {what}"))
}

/// Whether `text` shows nothing: only spaces, and characters that have no
/// glyph or an empty one (zero-width spaces and joiners, direction marks,
/// a byte-order mark, a soft hyphen, the Hangul fillers, the blank
/// Braille pattern, the Mongolian vowel separator, the combining
/// grapheme joiner), which would publish an invisible headline or name.
fn blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}'
                | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{2800}'
                | '\u{3164}' | '\u{feff}' | '\u{ffa0}')
    })
}

/// Every text of the article with a control character (U+0000 to U+001F
/// but tab and line ends, U+007F to U+009F), which a page cannot show: a
/// byte the HTML parser would take as an error, in the title, the heading
/// and other articles' related links alike.
fn control_characters(file: &ArticleFile, problems: &mut Vec<Problem>) {
    let control = |c: &char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    crate::locate::each_string(file.json, &mut |steps, text| {
        if let Some(c) = text.chars().find(control) {
            let name = steps.iter().rev().find_map(Step::key);
            problems.push(file.error(
                steps,
                &format!(
                    "{} has a control character (U+{:04X}), which a page cannot show: remove it",
                    name.unwrap_or("this text"),
                    u32::from(c)
                ),
            ));
        }
    });
}

/// Whether `path` is a drawing: an `.svg` file whose start holds an
/// `<svg` element (a drawing is published as written; a page of text
/// named `.svg` would show as a broken picture).
fn is_drawing(path: &Path) -> bool {
    let svg = path
        .extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"));
    let start = |path: &Path| -> std::io::Result<Vec<u8>> {
        use std::io::Read;
        let mut bytes = Vec::new();
        std::fs::File::open(path)?
            .take(64 * 1024)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    svg && start(path).is_ok_and(|bytes| bytes.windows(4).any(|w| w == b"<svg"))
}

/// Whether `c` forces the direction of the text after it (an embedding or
/// an override, U+202A to U+202E): a headline with one can read otherwise
/// than it is written, and search finds it by what is written.
fn overrides_direction(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}')
}

fn blocks(json: &Value) -> impl Iterator<Item = (usize, &Value)> {
    json["body"].as_array().into_iter().flatten().enumerate()
}

/// Every picture in the article: where it is, and the place it is shown in.
pub fn images(json: &Value) -> Vec<(Vec<Step>, Place)> {
    let mut found = Vec::new();
    if json["thumbnail"].is_object() {
        found.push((vec!["thumbnail".into()], Place::Thumbnail));
    }
    if json["lead"]["image"].is_object() {
        found.push((vec!["lead".into(), "image".into()], Place::Lead));
    }
    for (index, block) in blocks(json) {
        for (key, place) in [("image", Place::Figure), ("photo", Place::Speaker)] {
            if block[key].is_object() {
                found.push((vec!["body".into(), index.into(), key.into()], place));
            }
        }
    }
    found
}

/// Checks one picture's alt text and address; returns where it is used
/// when it is a photograph in the content folder (checked later, with the
/// rest).
fn check_image(
    file: &ArticleFile,
    steps: &[Step],
    place: Place,
    problems: &mut Vec<Problem>,
    locals: &mut Vec<PathBuf>,
) -> Option<PhotoUse> {
    let what = place.describe();
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
    if blank(alt) {
        problems.push(file.error(
            &at(if value.get("alt").is_some() {
                "alt"
            } else {
                "src"
            }),
            &format!("{what} has no alt text (say what it shows, for readers who cannot see it)"),
        ));
    }
    let src = value["src"].as_str()?;
    let Ok(url) = SafeUrl::parse(src) else {
        problems.push(file.error(
            &at("src"),
            &format!("{what}'s address {src:?} is not a safe URL; the app would leave it out"),
        ));
        return None;
    };
    if url.is_external() {
        // The pages' policy takes pictures from this site and over https
        // alone: an http: picture (or a mailto: one) would never show.
        if !src
            .get(..6)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https:"))
        {
            problems.push(file.error(
                &at("src"),
                &format!(
                    "{what} {src:?} is not an https: address: browsers block a picture sent unencrypted on a secure page, and the site's policy takes none; give its https: address (or put it in content/images/)"
                ),
            ));
            return None;
        }
        // Another site's picture: the build cannot find its size.
        if value["width"].is_null() || value["height"].is_null() {
            problems.push(file.warning(
                &at("src"),
                &format!(
                    "{what} {src:?} is another site's: give its width and height, so the page keeps its place while it loads (or put it in content/images/)"
                ),
            ));
        }
        return None;
    }
    let Some(local) = content_file(file.root, &url) else {
        problems.push(file.error(
            &at("src"),
            &format!(
                "{what} {src:?} is not in the content folder: put the picture in content/images/ and write content/images/<its file name>"
            ),
        ));
        return None;
    };
    if !local.is_file() {
        problems.push(file.error(
            &at("src"),
            &format!(
                "{what} {src:?} does not exist ({} is missing)",
                local.display()
            ),
        ));
        return None;
    }
    locals.push(local.clone());
    let photo = crate::photos::is_photo(&local);
    if !photo && !is_drawing(&local) {
        problems.push(file.error(
            &at("src"),
            &format!(
                "{what} {src:?} is not a drawing (an .svg file must hold an <svg> element) nor a photograph (JPEG, PNG or WebP)"
            ),
        ));
        return None;
    }
    photo.then(|| PhotoUse {
        article: file.path.to_path_buf(),
        position: file.locate(&at("src")),
        original: local,
        place,
        credited: value["credit"]
            .as_str()
            .is_some_and(|credit| !credit.trim().is_empty()),
        derived: false,
    })
}

/// The file a same-site `content/…` address names, in the content folder.
pub fn content_file(root: &Path, url: &SafeUrl) -> Option<std::path::PathBuf> {
    if url.is_external() {
        return None;
    }
    let path = url.as_str().trim_start_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let below = path.strip_prefix("content/")?;
    (!below.split('/').any(|part| part == ".." || part.is_empty())).then(|| root.join(below))
}
