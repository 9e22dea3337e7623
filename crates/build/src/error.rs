//! What stops a build, said in one line.

use std::path::PathBuf;

/// A build that cannot go on.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The command line is not one this build understands.
    #[error("{0}")]
    Args(String),
    /// A file or folder the build needs could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A step the build runs (Trunk, cargo, a stage) could not start or failed.
    #[error("{command} failed ({status})")]
    Step { command: String, status: String },
    /// A file the build keeps for itself (a stamp) is not what it wrote.
    #[error("{}: {message}", path.display())]
    Kept { path: PathBuf, message: String },
}

impl BuildError {
    /// The error of an I/O call on `path`.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| Self::Io { path, source }
    }
}
