//! What the build keeps beside what it made, for the next build's plan:
//! the dist's stamp (what it was made from) and the stages' tools' stamp
//! (what cargo made them from, and the executables it left).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::error::BuildError;
use crate::inputs::{Env, Sources, resolve, sha256};

/// The stages' tools, as cargo names their executables: this build itself,
/// the content build, the prerender.
pub const STAGE_TOOLS: [&str; 3] = ["reader-build", "reader-content", "reader-prerender"];

/// A file's modification time, in nanoseconds since the epoch (0 if unknown).
pub fn mtime_ns(meta: &fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .and_then(|d| u64::try_from(d.as_nanos()).ok())
        .unwrap_or(0)
}

/// An executable as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Executable {
    pub size: u64,
    pub mtime_ns: u64,
}

/// Each tool's executable in `folder`, or none if one is missing.
pub fn executables(folder: &Path) -> Option<BTreeMap<String, Executable>> {
    STAGE_TOOLS
        .iter()
        .map(|name| {
            let meta = fs::metadata(folder.join(name)).ok()?;
            let exe = Executable {
                size: meta.len(),
                mtime_ns: mtime_ns(&meta),
            };
            Some(((*name).to_owned(), exe))
        })
        .collect()
}

/// What identifies the stages' tools in `folder` as they are now: their
/// executables' sizes and times, hashed; none if one is missing.
pub fn tools_identity(folder: &Path) -> Option<String> {
    let executables = executables(folder)?;
    serde_json::to_vec(&executables)
        .ok()
        .map(|text| identity_of(&text))
}

/// What cargo's last build of the stages' tools (by this build) made them
/// from: kept beside them.
#[derive(Debug, Serialize, Deserialize)]
pub struct ToolsStamp {
    pub key: String,
    pub executables: Option<BTreeMap<String, Executable>>,
    pub sources: Sources,
}

/// Where the tools' stamp is kept: beside them, in cargo's folder for their profile.
pub fn tools_stamp_path(folder: &Path) -> PathBuf {
    folder.join("reader-tools.json")
}

/// What made a dist what it is: a build into it with the same may update
/// it in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DistStamp {
    /// The app bundle's key.
    pub key: String,
    /// The app bundle's identity (its sources' hash; the key does not hold them).
    pub bundle: Option<String>,
    pub release: bool,
    pub public_url: String,
    pub content: PathBuf,
    pub configs: PathBuf,
    pub offline: String,
    /// The stages' tools that made it ([`tools_identity`]): a dist made by
    /// other tools is made afresh, as the steps a fresh build alone runs
    /// (the apps' scripts and import names, `crates/prerender`) may differ.
    #[serde(default)]
    pub tools: Option<String>,
}

impl DistStamp {
    /// The first of the stamp's parts that is not `other`'s, by name.
    pub fn first_difference(&self, other: &Self) -> Option<&'static str> {
        [
            ("key", self.key == other.key),
            ("bundle", self.bundle == other.bundle),
            ("release", self.release == other.release),
            ("publicUrl", self.public_url == other.public_url),
            ("content", self.content == other.content),
            ("configs", self.configs == other.configs),
            ("offline", self.offline == other.offline),
            ("tools", self.tools == other.tools),
        ]
        .into_iter()
        .find_map(|(name, same)| (!same).then_some(name))
    }
}

/// Where the build keeps what it made `dist` from (its stamp): beside the
/// state the content build and the prerender keep for it
/// (`reader-output`'s `state_folder`: target/reader-state, or
/// $READER_STATE).
pub fn dist_stamp_path(root: &Path, dist: &Path, env: &Env) -> PathBuf {
    if let Some(state) = env.get("READER_STATE") {
        let mut path = resolve(root, state).into_os_string();
        path.push(".build.json");
        return path.into();
    }
    let name: String = dist
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    root.join("target")
        .join("reader-state")
        .join(format!("{name}.build.json"))
}

/// The identity of a bundle whose `sources.json` reads `text`.
pub fn identity_of(text: &[u8]) -> String {
    let mut id = sha256(text);
    id.truncate(20);
    id
}

/// What identifies the bundle stored in `dir` (a hash of the sources it
/// was made from, its `sources.json`), or none.
pub fn bundle_identity(dir: &Path) -> Option<String> {
    fs::read(dir.join("sources.json"))
        .ok()
        .map(|text| identity_of(&text))
}

/// Writes `value` as JSON to `path`.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), BuildError> {
    let mut text = serde_json::to_vec_pretty(value).map_err(|err| BuildError::Kept {
        path: path.into(),
        message: err.to_string(),
    })?;
    text.push(b'\n');
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(BuildError::io(folder))?;
    }
    fs::write(path, text).map_err(BuildError::io(path))
}

/// Reads JSON from `path`, or none when it is missing or not what was written.
pub fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}
