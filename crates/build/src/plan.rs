//! The full build's plan: where the app bundle comes from (reused, keyed
//! by the hash of what made it, or made by Trunk), whether the stages'
//! tools need cargo, and whether the dist is built afresh or updated in
//! place, each with why. Reads files; changes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::args::Args;
use crate::inputs::{
    Env, Sources, changed_source, env_lines, fixed_input_paths, key_of, manifest_paths, resolve,
};
use crate::stamp::{
    DistStamp, ToolsStamp, dist_stamp_path, executables, identity_of, read_json, tools_identity,
    tools_stamp_path,
};
use crate::versions::Versions;

/// Where the app bundle comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleAction {
    /// Trunk makes it (its hooks idle), into the store.
    Build,
    /// The store's, made from the same inputs.
    Reuse,
}

/// The app bundle: what the build does with it, where it is kept, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundlePlan {
    pub action: BundleAction,
    pub dir: PathBuf,
    pub why: String,
}

/// Where the stages' tools come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolsAction {
    /// `READER_TOOLS` names their folder: taken as they are.
    Given,
    /// Their stamp says nothing that made them changed.
    Reuse,
    /// cargo builds them (or finds them up to date).
    Build,
}

/// The stages' tools: what the build does with them, their folder and profile, their key, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolsPlan {
    pub action: ToolsAction,
    pub folder: PathBuf,
    pub profile: String,
    pub key: String,
    pub why: String,
}

/// How the dist is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistKind {
    /// Built beside it from the bundle, then renamed into place.
    Fresh,
    /// Updated in place: each stage does only what changed.
    Update,
}

/// How the dist is made, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistMode {
    pub kind: DistKind,
    pub why: String,
}

/// The whole plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The app bundle's key (its fixed inputs).
    pub key: String,
    pub bundle: BundlePlan,
    pub tools: ToolsPlan,
    pub args: Args,
    /// The content folder, as given ($READER_CONTENT, or `content`).
    pub content: String,
    /// Where the host files go, as given ($READER_DEPLOY_CONFIGS, or
    /// `target/deploy`).
    pub configs: String,
    pub dist: PathBuf,
    /// The dist's stamp as this build will leave it (but for the bundle's
    /// identity, taken after the bundle is made).
    pub stamp: DistStamp,
    pub stamp_file: PathBuf,
    pub mode: DistMode,
    /// Where a fresh dist is made, beside the dist.
    pub staging: PathBuf,
    /// Where the dist a fresh build replaces goes, to be deleted after.
    pub old: PathBuf,
}

/// What the plan is made from.
pub struct Inputs<'a> {
    /// The repository.
    pub root: &'a Path,
    pub args: &'a Args,
    pub env: &'a Env,
    pub versions: &'a Versions,
    /// The bundles' store (target/app-bundles).
    pub store: &'a Path,
    /// cargo's folder (target).
    pub target: &'a Path,
}

/// The key of the bundle's fixed inputs: the files, the tools' versions,
/// the flags and the environment. Two builds with the same key and the
/// same sources make the same bundle.
pub fn fixed_key(root: &Path, args: &Args, env: &Env, versions: &Versions) -> String {
    let mut lines = vec![
        format!("release={}", args.release),
        format!("public-url={}", args.public_url),
    ];
    lines.extend(
        versions
            .iter()
            .map(|(name, version)| format!("tool {name}={version}")),
    );
    lines.extend(env_lines(env));
    key_of(root, &lines, &fixed_input_paths(root))
}

/// The key of what makes the stages' tools besides their sources: their
/// profile, the compiler, its environment, every manifest.
pub fn tools_key(root: &Path, profile: &str, env: &Env, rustc: &str) -> String {
    let mut lines = vec![format!("profile={profile}"), format!("rustc={rustc}")];
    lines.extend(env_lines(env));
    key_of(root, &lines, &manifest_paths(root))
}

/// Whether the stages' tools (this build, the content build, the
/// prerender) need cargo: reused when the stamp cargo's last build of
/// them left says they were made with this key (profile, rustc, the
/// compiler's environment, every manifest) from sources that have not
/// changed since, and the executables are the ones it made (so that any
/// other build of them, by the tests or by hand, sends this one to cargo
/// again). cargo's own check of the workspace costs a fifth of a second,
/// the whole of a small archive's build. `READER_TOOLS` names a folder
/// whose tools are taken as they are.
pub fn tools_plan(root: &Path, env: &Env, rustc: &str, target: &Path) -> ToolsPlan {
    if let Some(folder) = env.get("READER_TOOLS") {
        return ToolsPlan {
            action: ToolsAction::Given,
            folder: folder.into(),
            profile: env.get("READER_TOOLS_PROFILE").cloned().unwrap_or_default(),
            key: String::new(),
            why: "READER_TOOLS".into(),
        };
    }
    let profile = env
        .get("READER_TOOLS_PROFILE")
        .map_or("tools", String::as_str);
    let folder = target.join(tools_folder(profile));
    let key = tools_key(root, profile, env, rustc);
    let planned = |action, why: String| ToolsPlan {
        action,
        folder: folder.clone(),
        profile: profile.to_owned(),
        key: key.clone(),
        why,
    };
    let build = |why: &str| planned(ToolsAction::Build, why.to_owned());
    let Some(stamp) = read_json::<ToolsStamp>(&tools_stamp_path(&folder)) else {
        return build("no stamp of a build by this script");
    };
    if stamp.key != key {
        return build("the profile, compiler or a manifest changed");
    }
    if stamp.executables.is_none() || executables(&folder) != stamp.executables {
        return build("built since, by something else");
    }
    if stamp.sources.is_empty() {
        return build("its stamp names no sources");
    }
    if let Some(changed) = changed_source(root, &stamp.sources) {
        return build(&format!("{changed} changed"));
    }
    planned(
        ToolsAction::Reuse,
        format!("{} sources unchanged", stamp.sources.len()),
    )
}

/// cargo's folder for a profile's output.
pub fn tools_folder(profile: &str) -> &str {
    match profile {
        "dev" | "test" => "debug",
        other => other,
    }
}

/// Whether the bundle in `dir` (whose `sources.json` is `sources_text`)
/// serves the sources in `root` as they are now, and why.
pub fn bundle_action(
    root: &Path,
    dir: &Path,
    sources_text: Option<&[u8]>,
) -> (BundleAction, String) {
    let sources = sources_text.and_then(|text| serde_json::from_slice::<Sources>(text).ok());
    match sources {
        Some(sources) if dir.join("bundle").join("index.html").exists() => {
            match changed_source(root, &sources) {
                Some(changed) => (BundleAction::Build, format!("{changed} changed")),
                None => (
                    BundleAction::Reuse,
                    format!("{} sources unchanged", sources.len()),
                ),
            }
        }
        _ => (
            BundleAction::Build,
            "no bundle for these settings, tools and manifests".to_owned(),
        ),
    }
}

/// The plan: where the bundle and the tools come from and why, how the
/// dist is made, and the folders.
pub fn plan(inputs: &Inputs) -> Plan {
    let Inputs {
        root,
        args,
        env,
        versions,
        store,
        target,
    } = *inputs;
    let key = fixed_key(root, args, env, versions);
    let dir = store.join(&key);
    let sources_text = fs::read(dir.join("sources.json")).ok();
    let (action, why) = bundle_action(root, &dir, sources_text.as_deref());
    // The bundle's identity as well as its key: a bundle rebuilt under the
    // same key (a source changed) is another app, though its key is not.
    let identity = match (action, sources_text) {
        (BundleAction::Reuse, Some(text)) => Some(identity_of(&text)),
        _ => None,
    };
    let bundle = BundlePlan { action, dir, why };
    let dist = resolve(root, &args.dist);
    let content = env
        .get("READER_CONTENT")
        .map_or("content", String::as_str)
        .to_owned();
    let configs = env
        .get("READER_DEPLOY_CONFIGS")
        .map_or("target/deploy", String::as_str)
        .to_owned();
    let tools = tools_plan(
        root,
        env,
        versions.get("rustc").map_or("missing", String::as_str),
        target,
    );
    let stamp = DistStamp {
        // Tools about to be built are known once they are (the stamp is
        // written then); the dist is made afresh for them.
        tools: match tools.action {
            ToolsAction::Build => None,
            ToolsAction::Reuse | ToolsAction::Given => tools_identity(&tools.folder),
        },
        key: key.clone(),
        bundle: identity,
        release: args.release,
        public_url: args.public_url.clone(),
        content: resolve(root, &content),
        configs: resolve(root, &configs),
        offline: env.get("READER_OFFLINE").cloned().unwrap_or_default(),
    };
    let stamp_file = dist_stamp_path(root, &dist, env);
    let mode = dist_mode(&bundle, &tools, &dist, &stamp, &stamp_file, env);
    let parent = dist
        .parent()
        .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    let name = dist
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    Plan {
        tools,
        key,
        bundle,
        args: args.clone(),
        content,
        configs,
        staging: parent.join(format!(".{name}.staging")),
        old: parent
            .join(format!(".{name}.old"))
            .join(format!("{}-{now}", std::process::id())),
        dist,
        stamp,
        stamp_file,
        mode,
    }
}

/// Whether the build makes the dist afresh (beside it, then renamed into
/// place) or updates it in place: in place when the dist is one this build
/// made before, from the same app bundle and the same settings (its stamp
/// says so), as `scripts/update.sh` does (each stage does only what
/// changed; the result is the whole build's, byte for byte, which the
/// tests check). READER_BUILD_FRESH=1 always builds afresh; a shard always
/// does; so does a build whose tools are about to be built.
pub fn dist_mode(
    bundle: &BundlePlan,
    tools: &ToolsPlan,
    dist: &Path,
    stamp: &DistStamp,
    stamp_file: &Path,
    env: &Env,
) -> DistMode {
    let fresh = |why: &str| DistMode {
        kind: DistKind::Fresh,
        why: why.to_owned(),
    };
    if env.get("READER_BUILD_FRESH").is_some_and(|v| v == "1") {
        return fresh("READER_BUILD_FRESH=1");
    }
    if env.contains_key("READER_SHARD") {
        return fresh("a shard is built whole");
    }
    if !dist.join("404.html").exists() {
        return fresh("no finished build there");
    }
    if bundle.action == BundleAction::Build {
        return fresh("the app changed");
    }
    if tools.action == ToolsAction::Build {
        return fresh("the tools changed");
    }
    let Some(kept) = read_json::<DistStamp>(stamp_file) else {
        return fresh("not made by this build, or its last build did not finish");
    };
    match kept.first_difference(stamp) {
        Some("bundle") => fresh("its app was rebuilt since it was made"),
        Some("key") => fresh("its app bundle changed"),
        Some("tools") => fresh("other tools made it"),
        Some(changed) => fresh(&format!("its {changed} changed")),
        None => DistMode {
            kind: DistKind::Update,
            why: "made by the same app, with the same settings".into(),
        },
    }
}
