//! The bundle's stage (the second of the build's, after the tools'; the
//! crate's docs list them): Trunk builds the app bundle (its hooks idle) into the
//! store (`target/app-bundles/<key>`), one build at a time under the
//! store's lock, and the store keeps the bundles used last.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::error::BuildError;
use crate::plan::{BundleAction, Plan, bundle_action};
use crate::run::{Place, arg, remove, run_step, sources_of};
use crate::stamp::write_json;

/// The app's binaries Trunk builds (index.html's `rel="rust"` links).
const APP_BINARIES: [&str; 2] = ["reader", "reading"];
/// How many bundles the store keeps (the most recently used).
const KEEP: usize = 3;
/// The bundle's stage under the store's lock, if the bundle still needs it: two
/// builds at once (a preview and a build in another terminal) would
/// otherwise both have Trunk write the same partial folder, and one of
/// them fail. The second waits for the first, then finds its bundle
/// current and reuses it. Whether this build made it.
pub(crate) fn bundle_once(place: &Place, p: &Plan) -> Result<bool, BuildError> {
    let store = p.bundle.dir.parent().unwrap_or(place.target);
    exclusively(&store.join("lock"), || {
        let sources = fs::read(p.bundle.dir.join("sources.json")).ok();
        match bundle_action(place.root, &p.bundle.dir, sources.as_deref()).0 {
            BundleAction::Reuse => Ok(false),
            BundleAction::Build => build_bundle(place, p).map(|()| true),
        }
    })
}

/// Runs `work` holding the lock on the file `lock` (made if missing),
/// waiting for any other process that holds it.
fn exclusively<T>(
    lock: &Path,
    work: impl FnOnce() -> Result<T, BuildError>,
) -> Result<T, BuildError> {
    if let Some(folder) = lock.parent() {
        fs::create_dir_all(folder).map_err(BuildError::io(folder))?;
    }
    let file = File::create(lock).map_err(BuildError::io(lock))?;
    file.lock().map_err(BuildError::io(lock))?;
    // Unlocked when `file` is dropped, however `work` ends.
    work()
}

/// The bundle, built by Trunk (its hooks idle) into the store.
fn build_bundle(place: &Place, p: &Plan) -> Result<(), BuildError> {
    let mut partial = p.bundle.dir.clone().into_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    remove(&partial)?;
    fs::create_dir_all(&partial).map_err(BuildError::io(&partial))?;
    let out = partial.join("bundle");
    let mut args = vec!["build"];
    if p.args.release {
        args.push("--release");
    }
    args.extend(["--public-url", &p.args.public_url, "--dist", arg(&out)?]);
    run_step(place.root, "trunk", &args, &[("READER_APP_ONLY", "1")], &[])?;
    // Both apps' sources: the whole app's (`reader`) and the reading
    // app's (`reading`, src/bin/reading.rs).
    let profile = p.args.profile();
    let built = place.target.join("wasm32-unknown-unknown").join(profile);
    write_json(
        &partial.join("sources.json"),
        &sources_of(place, &built, &APP_BINARIES)?,
    )?;
    remove(&p.bundle.dir)?;
    fs::rename(&partial, &p.bundle.dir).map_err(BuildError::io(&p.bundle.dir))
}

/// Keeps the store to the KEEP bundles used last.
pub(crate) fn prune(store: &Path) -> Result<(), BuildError> {
    let Ok(entries) = fs::read_dir(store) else {
        return Ok(());
    };
    let mut bundles: Vec<(SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".partial"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    bundles.sort_by_key(|b| std::cmp::Reverse(b.0));
    bundles
        .iter()
        .skip(KEEP)
        .try_for_each(|(_, path)| remove(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;
    use std::time::Duration;

    #[test]
    fn builds_holding_the_stores_lock_never_overlap_and_the_second_sees_the_firsts_work() {
        let store = tempfile::Builder::new()
            .prefix("reader-build-lock-")
            .tempdir()
            .expect("a scratch folder");
        let lock = store.path().join("lock");
        let inside = Arc::new(AtomicUsize::new(0));
        let made = Arc::new(AtomicUsize::new(0));
        let builds: Vec<_> = (0..4)
            .map(|_| {
                let (lock, inside, made) = (lock.clone(), inside.clone(), made.clone());
                thread::spawn(move || {
                    exclusively(&lock, || {
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two at once");
                        // The first makes the bundle; the others find it made.
                        let built = made.load(Ordering::SeqCst) == 0;
                        if built {
                            thread::sleep(Duration::from_millis(50));
                            made.fetch_add(1, Ordering::SeqCst);
                        }
                        inside.fetch_sub(1, Ordering::SeqCst);
                        Ok(built)
                    })
                })
            })
            .collect();
        let built: Vec<bool> = builds
            .into_iter()
            .map(|build| build.join().expect("a build thread").expect("the lock"))
            .collect();
        assert_eq!(built.iter().filter(|b| **b).count(), 1, "{built:?}");
        assert_eq!(made.load(Ordering::SeqCst), 1);
    }
}
