//! What makes the app bundle and the stages' tools, read and hashed: the
//! fixed inputs (manifests, Trunk's files, the assets), the environment
//! that changes what cargo or Trunk make, and the sources cargo's dep-info
//! names. Reads files; changes nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

/// The process environment, or a test's.
pub type Env = BTreeMap<String, String>;

/// Each source's hash, by its path (relative to the repository when inside it).
pub type Sources = BTreeMap<String, String>;

/// The SHA-256 of `data`, in hex.
pub fn sha256(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// A file's hash, or `missing`.
pub fn hash_file(path: &Path) -> String {
    fs::read(path).map_or_else(|_| "missing".into(), |data| sha256(&data))
}

/// `path` made absolute against `root`, its `.` and `..` resolved by name
/// (as Node's `path.resolve`; no links followed).
pub fn resolve(root: &Path, path: &str) -> PathBuf {
    let joined = root.join(path);
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every file below `dir`, sorted, relative to `root`.
fn files_below(root: &Path, dir: &str) -> Vec<String> {
    fn walk(root: &Path, folder: &str, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(root.join(folder)) else {
            return;
        };
        for entry in entries.flatten() {
            let path = format!("{folder}/{}", entry.file_name().to_string_lossy());
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                walk(root, &path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, dir, &mut out);
    out.sort();
    out
}

/// The manifests cargo builds from, relative to `root`, sorted.
pub fn manifest_paths(root: &Path) -> Vec<String> {
    let mut manifests = vec![
        "Cargo.toml".to_owned(),
        "Cargo.lock".into(),
        ".cargo/config.toml".into(),
    ];
    if let Ok(crates) = fs::read_dir(root.join("crates")) {
        for krate in crates.flatten() {
            if krate.file_type().is_ok_and(|t| t.is_dir()) {
                manifests.push(format!(
                    "crates/{}/Cargo.toml",
                    krate.file_name().to_string_lossy()
                ));
            }
        }
    }
    manifests.sort();
    manifests
}

/// The fixed inputs' paths, relative to `root`: the manifests, Trunk's
/// config, the template, then every asset.
pub fn fixed_input_paths(root: &Path) -> Vec<String> {
    let mut paths = manifest_paths(root);
    paths.extend(["Trunk.toml".to_owned(), "index.html".into()]);
    paths.sort();
    paths.extend(files_below(root, "assets"));
    paths
}

/// Whether a variable changes what cargo or Trunk make (not Trunk's
/// folders, which the build itself sets for the stages).
fn is_input(name: &str) -> bool {
    matches!(
        name,
        "RUSTFLAGS" | "RUSTC" | "RUSTC_WRAPPER" | "CARGO_ENCODED_RUSTFLAGS"
    ) || ["CARGO_BUILD_", "CARGO_PROFILE_", "CARGO_TARGET_WASM32_"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
        || name
            .strip_prefix("TRUNK_")
            .is_some_and(|rest| !rest.starts_with("STAGING_DIR") && !rest.starts_with("DIST_DIR"))
}

/// The environment that changes what cargo or Trunk make, as key lines.
pub fn env_lines(env: &Env) -> Vec<String> {
    env.iter()
        .filter(|(name, _)| is_input(name))
        .map(|(name, value)| format!("env {name}={value}"))
        .collect()
}

/// A short key of `lines` and of each file's hash (`paths`, relative to `root`).
pub fn key_of(root: &Path, lines: &[String], paths: &[String]) -> String {
    let files = paths
        .iter()
        .map(|path| format!("file {path}={}", hash_file(&root.join(path))));
    let all: Vec<String> = lines.iter().cloned().chain(files).collect();
    let mut key = sha256(all.join("\n").as_bytes());
    key.truncate(20);
    key
}

/// Where cargo's registry and rustup's toolchains are: their sources are
/// named by Cargo.lock and rustc's version, not hashed.
pub struct Outside {
    pub cargo_home: PathBuf,
    pub rustup_home: PathBuf,
}

impl Outside {
    /// As `env` says, or their defaults under `$HOME`.
    pub fn of(env: &Env) -> Self {
        let home = env.get("HOME").map_or("/", String::as_str);
        let dir = |name: &str, default: &str| {
            env.get(name)
                .map_or_else(|| Path::new(home).join(default), PathBuf::from)
        };
        Self {
            cargo_home: dir("CARGO_HOME", ".cargo"),
            rustup_home: dir("RUSTUP_HOME", ".rustup"),
        }
    }
}

/// The source files a cargo dep-info file names, without the registry's
/// and the toolchain's: relative to `root` when inside it, sorted.
pub fn parse_dep_info(text: &str, root: &Path, outside: &Outside) -> Vec<String> {
    let line = text.lines().find(|l| l.contains(": ")).unwrap_or("");
    let list = line.split_once(": ").map_or("", |(_, list)| list);
    let mut paths = Vec::new();
    let mut current = String::new();
    let mut chars = list.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                current.push(' ');
                chars.next();
            }
            ' ' => {
                if !current.is_empty() {
                    paths.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    let last = current.trim();
    if !last.is_empty() {
        paths.push(last.to_owned());
    }
    let root = resolve(root, "");
    let excluded = [
        resolve(&outside.cargo_home, ""),
        resolve(&outside.rustup_home, ""),
    ];
    let mut named: Vec<String> = paths
        .iter()
        .filter_map(|path| {
            let full = resolve(&root, path);
            if excluded.iter().any(|dir| full.starts_with(dir)) {
                return None;
            }
            let inside = Path::new(path).is_absolute() && full.starts_with(&root);
            Some(match full.strip_prefix(&root) {
                Ok(relative) if inside => relative.to_string_lossy().into_owned(),
                _ => path.clone(),
            })
        })
        .collect();
    named.sort();
    named.dedup();
    named
}

/// Each source's hash (`paths` relative to `root`, or absolute).
pub fn hash_sources(root: &Path, paths: &[String]) -> Sources {
    paths
        .iter()
        .map(|path| (path.clone(), hash_file(&resolve(root, path))))
        .collect()
}

/// The first source whose hash is not the one kept, or none.
pub fn changed_source<'a>(root: &Path, kept: &'a Sources) -> Option<&'a str> {
    kept.iter()
        .find(|(path, hash)| hash_file(&resolve(root, path)) != **hash)
        .map(|(path, _)| path.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dep_info_is_read_as_cargo_writes_it() {
        let text = [
            "/repo/target/wasm32-unknown-unknown/release/reader.wasm: /repo/src/main.rs /repo/src/my\\ file.rs /repo/crates/model/src/../../../i18n/en.json /home/u/.cargo/registry/src/index/leptos-0.8.0/src/lib.rs /home/u/.rustup/toolchains/x/lib/rustlib/src/core/lib.rs /opt/vendored/lib.rs",
            "",
            "/repo/src/main.rs:",
            "",
        ]
        .join("\n");
        let outside = Outside {
            cargo_home: "/home/u/.cargo".into(),
            rustup_home: "/home/u/.rustup".into(),
        };
        assert_eq!(
            parse_dep_info(&text, Path::new("/repo"), &outside),
            [
                "/opt/vendored/lib.rs",
                "i18n/en.json",
                "src/main.rs",
                "src/my file.rs"
            ]
        );
    }

    #[test]
    fn the_compilers_environment_is_an_input_and_trunks_folders_are_not() {
        let env: Env = [
            "RUSTFLAGS",
            "CARGO_PROFILE_RELEASE_LTO",
            "TRUNK_BUILD_MINIFY",
            "TRUNK_STAGING_DIR",
            "TRUNK_DIST_DIR",
            "PATH",
            "READER_OFFLINE",
        ]
        .iter()
        .map(|name| ((*name).to_owned(), "x".to_owned()))
        .collect();
        assert_eq!(
            env_lines(&env),
            [
                "env CARGO_PROFILE_RELEASE_LTO=x",
                "env RUSTFLAGS=x",
                "env TRUNK_BUILD_MINIFY=x"
            ]
        );
    }
}
