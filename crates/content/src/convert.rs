//! `reader-content convert <in> <out>`: an article from JSON to Markdown,
//! or back, by the files' extensions.

use std::fs;
use std::path::Path;

use reader_model::ArticleSource;

use crate::markdown;

/// Reads the article in `input` (`.json` or `.md`) and writes it to
/// `output` in the other form.
///
/// # Errors
/// A message for the editor: the file cannot be read or written, is not a
/// valid article (with `line:column`), or cannot be expressed in the other
/// form.
pub fn convert(input: &Path, output: &Path) -> Result<(), String> {
    let text = crate::article_file::read_source(input)
        .map_err(|err| format!("{}: {err}", input.display()))?;
    let article = read(input, &text)?;
    let written = if markdown::is_markdown(output) {
        markdown::write::article(&article).map_err(|err| format!("{}: {err}", input.display()))?
    } else {
        let mut json = serde_json::to_string_pretty(&article).map_err(|err| err.to_string())?;
        json.push('\n');
        json
    };
    // Never over an editor's file (as `import`): they name another.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(output)
        .map_err(|err| match err.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} exists: name another file, or remove it first",
                output.display()
            ),
            _ => format!("{}: {err}", output.display()),
        })?;
    std::io::Write::write_all(&mut file, written.as_bytes())
        .map_err(|err| format!("{}: {err}", output.display()))
}

/// An article file (`.json` or `.md`) as the model.
///
/// # Errors
/// The first problem, as `file:line:column: message`.
pub fn read(path: &Path, text: &str) -> Result<ArticleSource, String> {
    if markdown::is_markdown(path) {
        markdown::read_article(text, crate::file_slug(path))
            .map(|(source, _)| source)
            .map_err(|errors| {
                errors.first().map_or_else(String::new, |err| {
                    let (line, column) = err.position;
                    format!("{}:{line}:{column}: {}", path.display(), err.message)
                })
            })
    } else {
        reader_model::from_json(text).map_err(|err| {
            let (line, column) = err.position();
            format!("{}:{line}:{column}: {err}", path.display())
        })
    }
}
