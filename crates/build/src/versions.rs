//! What identifies each tool that makes the app bundle: the version each
//! prints (rustc, trunk, wasm-bindgen), and for npm's wasm-opt, whose start
//! is slow (Node starts first), the version of the npm package it comes
//! from (or, outside one, its executable's path, size and time). "missing"
//! when one is not installed.
//!
//! A tool is asked only when its executable is not the one asked last
//! time: each answer is kept (target/tool-versions.json) under what the
//! executable on PATH is (its path, size and time) and, for rustup's
//! proxies (rustc through rustup asks rustup which toolchain, a sixth of a
//! small archive's build), what rustup would choose by (RUSTUP_TOOLCHAIN,
//! its settings, the repository's rust-toolchain files, each installed
//! toolchain's rustc and its updates). Those not kept are asked all at
//! once.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::inputs::{Env, sha256};
use crate::stamp::{mtime_ns, read_json, write_json};

/// Each tool's identity, by name.
pub type Versions = BTreeMap<String, String>;

/// The tools asked for their versions, and how.
const ASKED: [(&str, &str); 3] = [
    ("rustc", "-vV"),
    ("trunk", "--version"),
    ("wasm-bindgen", "--version"),
];

/// A file's path, size and time, as one line.
fn stat_line(path: &Path) -> String {
    let meta = fs::metadata(path).ok();
    format!(
        "{} {} {}",
        path.display(),
        meta.as_ref().map_or(0, fs::Metadata::len),
        meta.map_or(0, |m| mtime_ns(&m))
    )
}

/// What rustup's proxies choose a toolchain by, as lines.
fn rustup_state(root: &Path, env: &Env) -> Vec<String> {
    let home = env.get("HOME").map_or("/", String::as_str);
    let rustup = env
        .get("RUSTUP_HOME")
        .map_or_else(|| Path::new(home).join(".rustup"), PathBuf::from);
    let mut lines = vec![
        format!(
            "RUSTUP_TOOLCHAIN={}",
            env.get("RUSTUP_TOOLCHAIN").map_or("", String::as_str)
        ),
        format!(
            "settings {}",
            fs::read(rustup.join("settings.toml")).map_or_else(|_| "none".into(), |t| sha256(&t))
        ),
    ];
    for dir in root.ancestors() {
        for name in ["rust-toolchain.toml", "rust-toolchain"] {
            if let Ok(text) = fs::read(dir.join(name)) {
                lines.push(format!("{} {}", dir.join(name).display(), sha256(&text)));
            }
        }
    }
    for folder in ["toolchains", "update-hashes"] {
        let mut names: Vec<PathBuf> = fs::read_dir(rustup.join(folder))
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        names.sort();
        for path in names {
            lines.push(stat_line(&path));
            lines.push(stat_line(&path.join("bin").join("rustc")));
        }
    }
    lines
}

/// What the executable `command` names now: its path on PATH, size and
/// time, and rustup's state if it is one of rustup's proxies; none if it
/// is not installed.
fn identity(command: &str, root: &Path, env: &Env) -> Option<(PathBuf, String)> {
    let (found, path) = on_path(command, env)?;
    let mut lines = vec![format!("{command} {}", stat_line(&path))];
    if path.file_name().is_some_and(|name| name == "rustup") {
        lines.extend(rustup_state(root, env));
    }
    Some((found, sha256(lines.join("\n").as_bytes())))
}

/// The tools' versions, asked of those whose executable is not the one
/// kept in `cache` (and kept there for the next build).
pub fn versions(root: &Path, env: &Env, cache: &Path) -> Versions {
    let mut kept: BTreeMap<String, String> = read_json(cache).unwrap_or_default();
    let mut versions = Versions::new();
    let mut asking: Vec<(&str, Option<String>, Option<Child>)> = Vec::new();
    for (command, flag) in ASKED {
        let Some((found, id)) = identity(command, root, env) else {
            versions.insert(command.to_owned(), "missing".into());
            continue;
        };
        match kept.get(&id) {
            Some(version) => {
                versions.insert(command.to_owned(), version.clone());
            }
            None => asking.push((command, Some(id), ask(&found, flag))),
        }
    }
    let asked = !asking.is_empty();
    for (command, id, child) in asking {
        let answer = child
            .and_then(|c| c.wait_with_output().ok())
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned());
        if let (Some(id), Some(answer)) = (id, &answer) {
            kept.insert(id, answer.clone());
        }
        versions.insert(
            command.to_owned(),
            answer.unwrap_or_else(|| "missing".into()),
        );
    }
    if asked {
        // A cache: a build that cannot keep it asks again next time.
        let _ = write_json(cache, &kept);
    }
    versions.insert("wasm-opt".into(), npm_tool("wasm-opt", env));
    versions
}

/// Starts `command flag`, its output taken.
fn ask(command: &Path, flag: &str) -> Option<Child> {
    Command::new(command)
        .arg(flag)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()
}

/// `command` as found on PATH, and the executable it is (its links resolved).
fn on_path(command: &str, env: &Env) -> Option<(PathBuf, PathBuf)> {
    let path = env.get("PATH")?;
    path.split(':')
        .filter(|dir| !dir.is_empty())
        .find_map(|dir| {
            let found = Path::new(dir).join(command);
            let resolved = fs::canonicalize(&found).ok()?;
            resolved.is_file().then_some((found, resolved))
        })
}

/// An npm tool's identity: its package's name and version.
fn npm_tool(command: &str, env: &Env) -> String {
    let Some((_, path)) = on_path(command, env) else {
        return "missing".into();
    };
    for dir in path.ancestors().skip(1) {
        if dir.parent().and_then(Path::file_name) != Some("node_modules".as_ref()) {
            continue;
        }
        let package = fs::read(dir.join("package.json"))
            .ok()
            .and_then(|data| serde_json::from_slice::<serde_json::Value>(&data).ok());
        let field = |name: &str| {
            package
                .as_ref()
                .and_then(|p| p.get(name))
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        };
        if let (Some(name), Some(version)) = (field("name"), field("version")) {
            return format!("npm {name}@{version}");
        }
        break;
    }
    stat_line(&path)
}
