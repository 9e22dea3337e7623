use thiserror::Error;

/// Why a JSON document could not become part of the model.
///
/// Both variants keep serde_json's position, so an editor (or the content
/// tool's `file:line:column` report) can find the fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    /// The text is not JSON at all: malformed, truncated or empty.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON whose shape or values do not fit the model (a missing
    /// field, a wrong type, a date that is not a day, a bad slug).
    #[error("does not fit the content model at line {line}, column {column}: {message}")]
    Shape {
        line: usize,
        column: usize,
        message: String,
    },
}

impl ModelError {
    /// The 1-based line and column serde_json reported.
    pub fn position(&self) -> (usize, usize) {
        match self {
            Self::Syntax { line, column, .. } | Self::Shape { line, column, .. } => {
                (*line, *column)
            }
        }
    }
}

impl From<serde_json::Error> for ModelError {
    fn from(err: serde_json::Error) -> Self {
        use serde_json::error::Category;
        let (line, column) = (err.line(), err.column());
        // serde_json appends " at line L column C" to its message; we keep the
        // position in fields instead, so drop the duplicate.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(cut) => full[..cut].to_owned(),
            None => full,
        };
        match err.classify() {
            Category::Data => Self::Shape {
                line,
                column,
                message,
            },
            Category::Syntax | Category::Eof | Category::Io => Self::Syntax {
                line,
                column,
                message,
            },
        }
    }
}
