//! The full build's plan: the app bundle is reused only when nothing that
//! made it changed, and rebuilt when anything did (a source, a manifest,
//! an asset, a tool, a flag, the compiler's environment); so are the
//! stages' tools, whose stamp stands in for cargo's own check; and a dist
//! is updated in place only when the same app and settings made it. The
//! real builds are in scripts/test.sh: the bundle that reuses is compared
//! byte for byte with Trunk's own build there.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use reader_build::args::Args;
use reader_build::inputs::{Env, hash_sources};
use reader_build::plan::{BundleAction, DistKind, Plan, ToolsAction, ToolsPlan, plan, tools_key};
use reader_build::stamp::{
    STAGE_TOOLS, ToolsStamp, executables, tools_identity, tools_stamp_path, write_json,
};
use reader_build::versions::Versions;

const SOURCES: [&str; 3] = ["src/main.rs", "crates/model/src/lib.rs", "i18n/en.json"];

fn tools() -> Versions {
    [
        ("rustc", "rustc 1.95.0"),
        ("trunk", "trunk 0.21.14"),
        ("wasm-bindgen", "0.2.100"),
        ("wasm-opt", "version_132"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn env(pairs: &[(&str, &str)]) -> Env {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn args(argv: &[&str]) -> Args {
    Args::parse(argv).unwrap_or_else(|err| panic!("{argv:?}: {err}"))
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).unwrap_or_else(|err| panic!("{}: {err}", folder.display()));
    }
    fs::write(&path, text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
}

/// A workspace with an app, a crate it links, a label table it includes,
/// and (by [`Workspace::store`]) a bundle stored for it.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        let ws = Self {
            dir: tempfile::tempdir().unwrap_or_else(|err| panic!("a scratch folder: {err}")),
        };
        for (path, text) in [
            ("Cargo.toml", "[package]\nname = \"reader\"\n"),
            ("Cargo.lock", "# lock\n"),
            ("Trunk.toml", "[build]\n"),
            ("index.html", "<!DOCTYPE html>\n"),
            ("assets/styles/base.css", "body { margin: 0 }\n"),
            (
                "crates/model/Cargo.toml",
                "[package]\nname = \"reader-model\"\n",
            ),
            ("src/main.rs", "fn main() {}\n"),
            ("crates/model/src/lib.rs", "pub fn f() {}\n"),
            ("i18n/en.json", "{}\n"),
            ("content/articles/a.md", "# A\n"),
        ] {
            ws.write(path, text);
        }
        ws
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, path: &str, text: &str) {
        write(self.root(), path, text);
    }

    fn target(&self) -> PathBuf {
        self.root().join("target")
    }

    fn plan_with(&self, args: &Args, env: &Env, versions: &Versions) -> Plan {
        let store = self.target().join("app-bundles");
        plan(&reader_build::plan::Inputs {
            root: self.root(),
            args,
            env,
            versions,
            store: &store,
            target: &self.target(),
        })
    }

    fn plan(&self, args: &Args, env: &Env) -> Plan {
        self.plan_with(args, env, &tools())
    }

    /// Stores a bundle for `args` and `env`, made from [`SOURCES`].
    fn store(&self, args: &Args, env: &Env) -> Plan {
        let p = self.plan(args, env);
        let dir = format!("target/app-bundles/{}", p.key);
        self.write(&format!("{dir}/bundle/index.html"), "<html>");
        self.write_sources(&dir);
        p
    }

    fn write_sources(&self, dir: &str) {
        let sources = hash_sources(self.root(), &SOURCES.map(str::to_owned));
        let written = write_json(&self.root().join(dir).join("sources.json"), &sources);
        assert!(written.is_ok(), "{written:?}");
    }

    /// The stages' tools as cargo's build of them leaves them in their
    /// profile's folder, with the stamp the build writes.
    fn tools_built(&self, profile: &str) -> PathBuf {
        self.tools_built_as(profile, "")
    }

    /// The tools built, each executable its name and `build` (another
    /// `build`: other executables).
    fn tools_built_as(&self, profile: &str, build: &str) -> PathBuf {
        let folder = self.target().join(profile);
        for name in STAGE_TOOLS {
            self.write(
                &format!("target/{profile}/{name}"),
                &format!("{name}{build}"),
            );
        }
        let stamp = ToolsStamp {
            key: tools_key(self.root(), profile, &Env::new(), "rustc 1.95.0"),
            executables: executables(&folder),
            sources: hash_sources(
                self.root(),
                &[
                    "crates/model/src/lib.rs".to_owned(),
                    "crates/content/src/main.rs".to_owned(),
                ],
            ),
        };
        assert!(write_json(&tools_stamp_path(&folder), &stamp).is_ok());
        folder
    }

    fn tools_plan(&self, env: &Env, versions: &Versions) -> ToolsPlan {
        self.plan_with(&args(&[]), env, versions).tools
    }
}

#[test]
fn the_bundle_is_built_when_the_store_has_none_and_reused_when_nothing_changed() {
    let ws = Workspace::new();
    let release = args(&["--release"]);
    assert_eq!(
        ws.plan(&release, &Env::new()).bundle.action,
        BundleAction::Build
    );
    let stored = ws.store(&release, &Env::new());
    let again = ws.plan(&release, &Env::new());
    assert_eq!(again.bundle.action, BundleAction::Reuse);
    assert_eq!(again.bundle.why, "3 sources unchanged");
    assert_eq!(again.key, stored.key);
}

#[test]
fn an_article_or_any_file_the_app_was_not_built_from_changes_nothing() {
    let ws = Workspace::new();
    let release = args(&["--release"]);
    ws.store(&release, &Env::new());
    ws.write("content/articles/a.md", "# A, edited\n");
    ws.write("content/articles/b.md", "# B\n");
    ws.write("docs/editors.md", "words\n");
    ws.write("src/unused.rs", "// not a module of the app\n");
    let p = ws.plan(
        &release,
        &env(&[("HOME", "/elsewhere"), ("READER_CONTENT", "other")]),
    );
    assert_eq!(p.bundle.action, BundleAction::Reuse);
    assert_eq!(p.content, "other");
}

#[test]
fn a_changed_source_the_app_was_compiled_from_rebuilds_it_and_says_which() {
    for source in SOURCES {
        let ws = Workspace::new();
        let release = args(&["--release"]);
        ws.store(&release, &Env::new());
        ws.write(source, "// changed\n");
        let p = ws.plan(&release, &Env::new());
        assert_eq!(
            (p.bundle.action, p.bundle.why),
            (BundleAction::Build, format!("{source} changed"))
        );
    }
}

#[test]
fn a_deleted_source_rebuilds_it() {
    let ws = Workspace::new();
    let release = args(&["--release"]);
    ws.store(&release, &Env::new());
    assert!(fs::remove_file(ws.root().join("crates/model/src/lib.rs")).is_ok());
    assert_eq!(
        ws.plan(&release, &Env::new()).bundle.action,
        BundleAction::Build
    );
}

#[test]
fn a_manifest_the_lock_an_asset_a_tool_a_flag_or_the_compiler_environment_makes_another_key() {
    let changes: [(&str, &str, &str); 7] = [
        ("a dependency", "Cargo.lock", "# lock, another version\n"),
        (
            "a crate's manifest",
            "crates/model/Cargo.toml",
            "[features]\nx = []\n",
        ),
        (
            "cargo config",
            ".cargo/config.toml",
            "[build]\nrustflags = []\n",
        ),
        (
            "Trunk's config",
            "Trunk.toml",
            "[build]\nminify = \"never\"\n",
        ),
        (
            "the template",
            "index.html",
            "<!DOCTYPE html><title>x</title>\n",
        ),
        (
            "the styles",
            "assets/styles/base.css",
            "body { margin: 1px }\n",
        ),
        ("a new asset", "assets/icon.png", "png"),
    ];
    for (what, path, text) in changes {
        let ws = Workspace::new();
        let release = args(&["--release"]);
        let stored = ws.store(&release, &Env::new());
        ws.write(path, text);
        let p = ws.plan(&release, &Env::new());
        assert_ne!(p.key, stored.key, "{what}");
        assert_eq!(p.bundle.action, BundleAction::Build, "{what}");
    }
    let ws = Workspace::new();
    let release = args(&["--release"]);
    let key = ws.store(&release, &Env::new()).key;
    let key_of = |a: &Args, e: &Env, v: &Versions| ws.plan_with(a, e, v).key;
    let with = |name: &str, version: &str| {
        let mut v = tools();
        v.insert(name.into(), version.into());
        v
    };
    assert_ne!(
        key_of(&args(&[]), &Env::new(), &tools()),
        key,
        "a debug build"
    );
    assert_ne!(
        key_of(
            &args(&["--release", "--public-url", "/news/"]),
            &Env::new(),
            &tools()
        ),
        key,
        "another public URL"
    );
    assert_ne!(
        key_of(&release, &env(&[("RUSTFLAGS", "-C opt-level=1")]), &tools()),
        key,
        "RUSTFLAGS"
    );
    assert_ne!(
        key_of(
            &release,
            &env(&[("CARGO_PROFILE_RELEASE_LTO", "false")]),
            &tools()
        ),
        key,
        "a profile setting"
    );
    assert_ne!(
        key_of(&release, &Env::new(), &with("wasm-opt", "version_133")),
        key,
        "another wasm-opt"
    );
    assert_ne!(
        key_of(&release, &Env::new(), &with("rustc", "rustc 1.96.0")),
        key,
        "another compiler"
    );
    assert_eq!(
        key_of(
            &release,
            &env(&[("PATH", "/x"), ("READER_OFFLINE", "off")]),
            &tools()
        ),
        key,
        "the stages' settings are not the app's"
    );
}

#[test]
fn a_build_into_a_dist_it_made_from_the_same_app_and_settings_updates_it_in_place() {
    let ws = Workspace::new();
    ws.write("crates/content/src/main.rs", "fn main() {}\n");
    let tools = ws.tools_built("tools");
    let site = args(&["--release", "--dist", "site"]);
    let settings = env(&[("READER_CONTENT", "content")]);
    ws.store(&site, &settings);
    let mode = |a: &Args, e: &Env| {
        let m = ws.plan(a, e).mode;
        (m.kind, m.why)
    };
    let fresh = |why: &str| (DistKind::Fresh, why.to_owned());
    let also = |name: &str, value: &str| {
        let mut e = settings.clone();
        e.insert(name.into(), value.into());
        e
    };
    assert_eq!(mode(&site, &settings), fresh("no finished build there"));
    ws.write("site/404.html", "<html>");
    assert_eq!(
        mode(&site, &settings),
        fresh("not made by this build, or its last build did not finish")
    );
    let p = ws.plan(&site, &settings);
    assert_eq!(
        p.stamp.tools,
        tools_identity(&tools),
        "the tools that make it"
    );
    assert!(write_json(&p.stamp_file, &p.stamp).is_ok());
    assert_eq!(
        mode(&site, &settings),
        (
            DistKind::Update,
            "made by the same app, with the same settings".into()
        )
    );
    // The tools about to be built (a source of theirs changed), or built
    // since by another build: the dist is made afresh, since a fresh build
    // alone runs some of their steps (the apps' scripts, crates/prerender).
    ws.write(
        "crates/content/src/main.rs",
        "fn main() { /* changed */ }\n",
    );
    assert_eq!(mode(&site, &settings), fresh("the tools changed"));
    ws.tools_built_as("tools", " built again");
    assert_eq!(mode(&site, &settings), fresh("other tools made it"));
    for (name, value, why) in [
        ("READER_CONTENT", "other", "its content changed"),
        ("READER_OFFLINE", "off", "its offline changed"),
        ("READER_DEPLOY_CONFIGS", "elsewhere", "its configs changed"),
        ("READER_BUILD_FRESH", "1", "READER_BUILD_FRESH=1"),
        ("READER_SHARD", "1/2", "a shard is built whole"),
    ] {
        assert_eq!(mode(&site, &also(name, value)), fresh(why), "{name}");
    }
    assert_eq!(
        mode(
            &args(&["--release", "--dist", "site", "--public-url", "/news/"]),
            &settings
        )
        .0,
        DistKind::Fresh,
        "another public URL"
    );
    ws.write("src/main.rs", "// the app changed\n");
    assert_eq!(mode(&site, &settings), fresh("the app changed"));
    // Another build has since made the bundle again from the changed
    // source, under the same key: this dist, made by the bundle before, is
    // built afresh, not updated in place around the old app.
    ws.write_sources(&format!("target/app-bundles/{}", p.key));
    let again = ws.plan(&site, &settings);
    assert_eq!(
        (again.bundle.action, &again.key),
        (BundleAction::Reuse, &p.key)
    );
    assert_eq!(
        mode(&site, &settings),
        fresh("its app was rebuilt since it was made")
    );
}

#[test]
fn the_stages_tools_go_to_cargo_unless_their_stamp_says_nothing_that_made_them_changed() {
    let ws = Workspace::new();
    ws.write("crates/content/src/main.rs", "fn main() {}\n");
    let planned = |e: &Env| {
        let t = ws.tools_plan(e, &tools());
        (t.action, t.why)
    };
    assert_eq!(
        planned(&Env::new()),
        (
            ToolsAction::Build,
            "no stamp of a build by this script".into()
        )
    );
    let folder = ws.tools_built("tools");
    let reused = ws.tools_plan(&Env::new(), &tools());
    assert_eq!(
        (reused.action, &reused.folder, reused.profile.as_str()),
        (ToolsAction::Reuse, &folder, "tools")
    );
    assert_eq!(reused.why, "2 sources unchanged");
    assert_eq!(
        planned(&env(&[("READER_CONTENT", "other"), ("PATH", "/x")])).0,
        ToolsAction::Reuse,
        "the stages' settings are not the tools'"
    );
    let given = ws.tools_plan(&env(&[("READER_TOOLS", "/opt/tools")]), &tools());
    assert_eq!(
        (given.action, given.folder, given.why),
        (
            ToolsAction::Given,
            "/opt/tools".into(),
            "READER_TOOLS".into()
        )
    );
    let dev = ws.tools_plan(&env(&[("READER_TOOLS_PROFILE", "dev")]), &tools());
    assert_eq!(
        (dev.action, dev.folder),
        (ToolsAction::Build, ws.target().join("debug")),
        "another profile, in its own folder"
    );
    assert_eq!(
        planned(&env(&[("RUSTFLAGS", "-C opt-level=1")])).0,
        ToolsAction::Build,
        "RUSTFLAGS"
    );
    let mut newer = tools();
    newer.insert("rustc".into(), "rustc 1.96.0".into());
    assert_eq!(
        ws.tools_plan(&Env::new(), &newer).action,
        ToolsAction::Build,
        "another compiler"
    );
}

#[test]
fn a_changed_source_manifest_or_executable_of_the_stages_tools_sends_them_to_cargo_and_says_why() {
    type Change = fn(&Workspace);
    let changes: [(&str, Change); 5] = [
        ("crates/model/src/lib.rs changed", |ws| {
            ws.write("crates/model/src/lib.rs", "// changed\n")
        }),
        ("crates/content/src/main.rs changed", |ws| {
            assert!(fs::remove_file(ws.root().join("crates/content/src/main.rs")).is_ok());
        }),
        ("the profile, compiler or a manifest changed", |ws| {
            ws.write("Cargo.lock", "# lock, another version\n")
        }),
        ("built since, by something else", |ws| {
            let file = fs::File::options()
                .write(true)
                .open(ws.root().join("target/tools/reader-prerender"));
            let later = SystemTime::now() + Duration::from_secs(5);
            assert!(file.and_then(|f| f.set_modified(later)).is_ok());
        }),
        ("its stamp names no sources", |ws| {
            let path = tools_stamp_path(&ws.target().join("tools"));
            let kept: Option<ToolsStamp> = reader_build::stamp::read_json(&path);
            let emptied = kept.map(|stamp| ToolsStamp {
                sources: Default::default(),
                ..stamp
            });
            assert!(write_json(&path, &emptied).is_ok());
        }),
    ];
    for (why, change) in changes {
        let ws = Workspace::new();
        ws.write("crates/content/src/main.rs", "fn main() {}\n");
        ws.tools_built("tools");
        change(&ws);
        let t = ws.tools_plan(&Env::new(), &tools());
        assert_eq!((t.action, t.why.as_str()), (ToolsAction::Build, why));
    }
}
