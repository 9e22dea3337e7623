//! Scratch folders for tests: each is removed, with all it holds, when its
//! test ends, passing or failing (a panic unwinds through the drop), so no
//! run leaves folders in the system's temporary directory.

use std::ffi::OsStr;
use std::ops::Deref;
use std::path::Path;

/// A new folder in the system's temporary directory, named `prefix` and a
/// random tail; it reads as the `Path` it is (and, as a path does, as an
/// `OsStr`: a command's argument).
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    pub fn new(prefix: &str) -> Self {
        let dir = tempfile::Builder::new().prefix(prefix).tempdir();
        Self(dir.expect("a scratch folder"))
    }
}

impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<OsStr> for Scratch {
    fn as_ref(&self) -> &OsStr {
        self.0.path().as_os_str()
    }
}
