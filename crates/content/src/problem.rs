use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    /// The content cannot be published as it is.
    Error,
    /// Published, but an editor should look.
    Warning,
}

/// One thing wrong with the content, where it is, and how bad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    pub fn error(file: &Path, position: Option<(usize, usize)>, message: &str) -> Self {
        Self::new(file, position, message, Severity::Error)
    }

    pub fn warning(file: &Path, position: Option<(usize, usize)>, message: &str) -> Self {
        Self::new(file, position, message, Severity::Warning)
    }

    fn new(
        file: &Path,
        position: Option<(usize, usize)>,
        message: &str,
        severity: Severity,
    ) -> Self {
        Self {
            file: file.to_path_buf(),
            position,
            message: message.to_owned(),
            severity,
        }
    }
}

/// `file:line:column: message`, the form editors' tools jump to.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = self.position.unwrap_or((1, 1));
        write!(
            f,
            "{}:{line}:{column}: {}",
            self.file.display(),
            self.message
        )
    }
}
