//! The full build's stages, run as its plan says: the tools, the bundle
//! (`crate::bundle`),
//! the stage, the content build and the prerender, the publishing; or the
//! update in place. The two stages' tools run with scripts/pipeline.sh's
//! command lines (the script is what Trunk's hooks run), without a shell.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

use crate::bundle::{bundle_once, prune};
use crate::error::BuildError;
use crate::inputs::{Env, Outside, Sources, hash_sources, parse_dep_info};
use crate::plan::{BundleAction, DistKind, Plan, ToolsAction, ToolsPlan};
use crate::stamp::{
    STAGE_TOOLS, ToolsStamp, bundle_identity, executables, tools_identity, tools_stamp_path,
    write_json,
};

/// Set when the build runs again as the executable cargo has just made.
const AGAIN: &str = "READER_BUILD_AGAIN";

/// Where the build runs: the repository and its environment.
pub struct Place<'a> {
    pub root: &'a Path,
    pub env: &'a Env,
    /// cargo's folder (target).
    pub target: &'a Path,
}

/// cargo's folder: $CARGO_TARGET_DIR, or the repository's `target`.
pub fn target_dir(root: &Path, env: &Env) -> PathBuf {
    env.get("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), |dir| root.join(dir))
}

fn seconds(since: Instant) -> String {
    format!("{:.2} s", since.elapsed().as_secs_f64())
}

/// `path` relative to the repository, as the build's lines name folders.
fn shown(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".into(),
        Ok(rel) => rel.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// Runs a step, its output the build's, and fails unless it succeeds.
pub(crate) fn run_step(
    root: &Path,
    command: &str,
    args: &[&str],
    env: &[(&str, &str)],
    drop: &[&str],
) -> Result<(), BuildError> {
    let mut cmd = Command::new(command);
    cmd.args(args).current_dir(root).envs(env.iter().copied());
    for name in drop {
        cmd.env_remove(name);
    }
    let said = format!("{command} {}", args.join(" "));
    let status = cmd.status().map_err(|err| BuildError::Step {
        command: said.clone(),
        status: err.to_string(),
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(BuildError::Step {
            command: said,
            status: status.to_string(),
        })
    }
}

/// The sources cargo's dep-info files name for the executables `names` in
/// `folder` (`<name>.d` beside each), outside the registry and the
/// toolchain, each with its hash.
pub(crate) fn sources_of(
    place: &Place,
    folder: &Path,
    names: &[&str],
) -> Result<Sources, BuildError> {
    let outside = Outside::of(place.env);
    let mut named = Vec::new();
    for name in names {
        let dep_info = folder.join(format!("{name}.d"));
        let text = fs::read_to_string(&dep_info).map_err(BuildError::io(&dep_info))?;
        named.extend(parse_dep_info(&text, place.root, &outside));
    }
    named.sort();
    named.dedup();
    Ok(hash_sources(place.root, &named))
}

/// The path as a `&str` for a command line.
pub(crate) fn arg(path: &Path) -> Result<&str, BuildError> {
    path.to_str()
        .ok_or_else(|| BuildError::Args(format!("{} is not UTF-8", path.display())))
}

/// Removes a folder and all below it, if it is there.
pub(crate) fn remove(dir: &Path) -> Result<(), BuildError> {
    match fs::remove_dir_all(dir) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(BuildError::io(dir)(err)),
        _ => Ok(()),
    }
}

/// Copies a folder and all below it.
fn copy_tree(from: &Path, to: &Path) -> Result<(), BuildError> {
    fs::create_dir_all(to).map_err(BuildError::io(to))?;
    for entry in fs::read_dir(from).map_err(BuildError::io(from))? {
        let entry = entry.map_err(BuildError::io(from))?;
        let target = to.join(entry.file_name());
        if entry
            .file_type()
            .map_err(BuildError::io(entry.path()))?
            .is_dir()
        {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(BuildError::io(&target))?;
        }
    }
    Ok(())
}

/// Deletes the dist a build replaced, after the build: the new one is in
/// place already, and deleting a large archive's folder (a hundred
/// thousand pages) takes as long as a good part of building it. A process
/// of its own, at the lowest priority, left running when the build exits;
/// READER_BUILD_WAIT=1 waits for it instead; READER_BUILD_KEEP_OLD=1 leaves
/// it where it is (the scale bench, which deletes nothing until it has
/// timed every build: see bench/set-aside.mjs).
fn remove_later(dir: &Path, env: &Env) -> Result<(), BuildError> {
    let set = |name: &str| env.get(name).is_some_and(|v| v == "1");
    if set("READER_BUILD_KEEP_OLD") {
        return Ok(());
    }
    if set("READER_BUILD_WAIT") {
        return remove(dir);
    }
    let spawned = Command::new("nice")
        .args(["-n", "19", "rm", "-rf"])
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
    match spawned {
        Ok(_) => Ok(()),
        Err(_) => remove(dir),
    }
}

/// The stages' tools, as the plan says: taken as they are (READER_TOOLS),
/// reused (their stamp says nothing that made them changed), or built by
/// cargo in their profile: `tools` by default (optimised, `Cargo.toml`'s
/// `[profile.tools]`; compiled once, a few minutes the first time), so
/// that a newcomer's build of a large archive is as fast as it can be; the
/// tests pass `dev`, the profile they have built. After cargo, the stamp
/// is written for the next build; if cargo made this build's own
/// executable anew, the build goes on as the new one.
fn tools(place: &Place, planned: &ToolsPlan) -> Result<PathBuf, BuildError> {
    if planned.action == ToolsAction::Given {
        return Ok(planned.folder.clone());
    }
    let started = Instant::now();
    if planned.action == ToolsAction::Reuse {
        println!(
            "build: tools (profile {}) reused ({})",
            planned.profile, planned.why
        );
        return Ok(planned.folder.clone());
    }
    let before = executables(&planned.folder);
    let built = Command::new("scripts/pipeline.sh")
        .arg("tools")
        .current_dir(place.root)
        .env("READER_TOOLS_PROFILE", &planned.profile)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| BuildError::Step {
            command: "scripts/pipeline.sh tools".into(),
            status: err.to_string(),
        })?;
    if !built.status.success() {
        return Err(BuildError::Step {
            command: format!("the tools (cargo build --profile {})", planned.profile),
            status: built.status.to_string(),
        });
    }
    let said = String::from_utf8_lossy(&built.stdout);
    let folder = PathBuf::from(said.trim().lines().last().unwrap_or_default());
    if folder == planned.folder {
        let stamp = ToolsStamp {
            key: planned.key.clone(),
            executables: executables(&folder),
            sources: sources_of(place, &folder, &STAGE_TOOLS)?,
        };
        write_json(&tools_stamp_path(&folder), &stamp)?;
        let this = |exes: &Option<BTreeMap<_, _>>| {
            exes.as_ref().and_then(|e| e.get(STAGE_TOOLS[0]).cloned())
        };
        if this(&before) != this(&stamp.executables) && !place.env.contains_key(AGAIN) {
            println!(
                "build: tools (profile {}) made anew ({}), this build among them: going on as the new one",
                planned.profile, planned.why
            );
            let err = Command::new(folder.join(STAGE_TOOLS[0]))
                .args(std::env::args_os().skip(1))
                .env(AGAIN, "1")
                .exec();
            return Err(BuildError::Step {
                command: "the build made anew".into(),
                status: err.to_string(),
            });
        }
    }
    println!(
        "build: tools (profile {}) ready in {} ({})",
        planned.profile,
        seconds(started),
        planned.why
    );
    Ok(folder)
}

/// The two stages' tools, run as scripts/pipeline.sh runs them (the same
/// command lines; Trunk's hooks run them through it, and scripts/test.sh
/// compares the two builds byte for byte), but without a shell between.
struct Stages<'a> {
    root: &'a Path,
    folder: &'a Path,
    /// Where the host files go (the plan's `configs`).
    configs: &'a str,
}

impl<'a> Stages<'a> {
    fn new(place: &'a Place, folder: &'a Path, p: &'a Plan) -> Self {
        Self {
            root: place.root,
            folder,
            configs: &p.configs,
        }
    }

    fn tool(&self, name: &str) -> Result<String, BuildError> {
        Ok(arg(&self.folder.join(name))?.to_owned())
    }

    /// The content stage (`scripts/pipeline.sh content`): the content build,
    /// from the plan's content into `site`/content.
    fn content(&self, p: &Plan, site: &Path, env: &[(&str, &str)]) -> Result<(), BuildError> {
        let out = site.join("content");
        let tool = self.tool("reader-content")?;
        run_step(
            self.root,
            &tool,
            &["build", &p.content, arg(&out)?],
            env,
            &["READER_APP_ONLY"],
        )
    }

    /// The prerender stage (`scripts/pipeline.sh prerender`) of `site`.
    fn prerender(
        &self,
        site: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Result<(), BuildError> {
        let tool = self.tool("reader-prerender")?;
        let mut args = vec![arg(site)?, "--configs", self.configs];
        args.extend(extra);
        run_step(self.root, &tool, &args, env, &["READER_APP_ONLY"])
    }
}

/// Keeps what the dist was made from, for the next build's plan: the
/// bundle as it is now (made by this build, or reused).
fn write_stamp(p: &Plan) -> Result<(), BuildError> {
    let mut stamp = p.stamp.clone();
    stamp.bundle = bundle_identity(&p.bundle.dir);
    stamp.tools = tools_identity(&p.tools.folder);
    write_json(&p.stamp_file, &stamp)
}

/// Runs the plan's stages.
pub fn run(place: &Place, p: &Plan) -> Result<(), BuildError> {
    let started = Instant::now();
    let lap = |what: &str, since: Instant| println!("build: {what} in {}", seconds(since));
    let folder = tools(place, &p.tools)?;
    let stages = Stages::new(place, &folder, p);

    let action = match p.bundle.action {
        BundleAction::Build => "build",
        BundleAction::Reuse => "reuse",
    };
    println!("build: app bundle {}: {action} ({})", p.key, p.bundle.why);
    if p.bundle.action == BundleAction::Build {
        let t = Instant::now();
        if bundle_once(place, p)? {
            lap("app bundle built", t);
        } else {
            println!("build: app bundle made meanwhile by another build: reused");
        }
    }
    File::open(&p.bundle.dir)
        .and_then(|dir| dir.set_modified(SystemTime::now()))
        .map_err(BuildError::io(&p.bundle.dir))?;
    if let Some(store) = p.bundle.dir.parent() {
        prune(store)?;
    }

    let dist = shown(place.root, &p.dist);
    let how = match p.mode.kind {
        DistKind::Update => "updated in place",
        DistKind::Fresh => "built afresh",
    };
    println!("build: {dist}: {how} ({})", p.mode.why);
    // No stamp while the dist is being made: a build cut short is never
    // taken for a finished one.
    match fs::remove_file(&p.stamp_file) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            return Err(BuildError::io(&p.stamp_file)(err));
        }
        _ => {}
    }
    if p.mode.kind == DistKind::Update {
        let t = Instant::now();
        stages.content(p, &p.dist, &[])?;
        stages.prerender(&p.dist, &["--update"], &[])?;
        lap("content and pages updated", t);
        write_stamp(p)?;
        println!("build: {dist} built in {}", seconds(started));
        return Ok(());
    }
    let t = Instant::now();
    remove(&p.staging)?;
    copy_tree(&p.bundle.dir.join("bundle"), &p.staging)?;
    let staging = arg(&p.staging)?;
    let profile = p.args.profile();
    // What Trunk tells its hooks.
    let trunk = [
        ("TRUNK_STAGING_DIR", staging),
        ("TRUNK_DIST_DIR", arg(&p.dist)?),
        ("TRUNK_PUBLIC_URL", p.args.public_url.as_str()),
        ("TRUNK_PROFILE", profile),
    ];
    stages.content(p, &p.staging, &trunk)?;
    lap("content", t);
    let t = Instant::now();
    stages.prerender(&p.staging, &[], &trunk)?;
    lap("prerender", t);

    let t = Instant::now();
    let replaced = p.dist.exists();
    if replaced {
        if let Some(parent) = p.old.parent() {
            fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        }
        fs::rename(&p.dist, &p.old).map_err(BuildError::io(&p.dist))?;
    }
    fs::rename(&p.staging, &p.dist).map_err(BuildError::io(&p.dist))?;
    if replaced {
        remove_later(&p.old, place.env)?;
    }
    write_stamp(p)?;
    lap("published", t);
    println!("build: {dist} built in {}", seconds(started));
    Ok(())
}
