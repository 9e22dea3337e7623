//! Article files as an editor saved them an hour ago: the read cache keeps
//! no file changed within the last tick of the clock (`Seen::racy`), so a
//! test that means to read through the cache backdates what it wrote.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Sets the modification time of every file below `dir` an hour back, and
/// returns them, sorted.
pub fn backdate(dir: &Path) -> Vec<PathBuf> {
    let then = SystemTime::now() - Duration::from_secs(3600);
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let file = fs::File::options().write(true).open(&path).expect("open");
                file.set_modified(then).expect("backdate");
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
