//! The tools' versions: asked once, kept, and asked again when the
//! executable on PATH is another (so a new compiler or Trunk makes another
//! bundle key, though the answer was kept).

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use reader_build::inputs::Env;
use reader_build::versions::versions;

/// A tool on `bin` that prints `answer` and counts its runs in `bin/runs`.
fn tool(bin: &Path, name: &str, answer: &str) {
    let path = bin.join(name);
    let script = format!(
        "#!/bin/sh\necho x >> '{}/runs'\necho '{answer}'\n",
        bin.display()
    );
    assert!(fs::write(&path, script).is_ok());
    assert!(fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).is_ok());
}

fn runs(bin: &Path) -> usize {
    fs::read_to_string(bin.join("runs")).map_or(0, |text| text.lines().count())
}

#[test]
fn a_tool_is_asked_once_then_again_only_when_its_executable_is_another() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let bin = dir.path().join("bin");
    assert!(fs::create_dir_all(&bin).is_ok());
    tool(&bin, "rustc", "rustc 1.95.0");
    tool(&bin, "trunk", "trunk 0.21.14");
    let env: Env = [
        ("PATH".to_owned(), bin.display().to_string()),
        ("HOME".to_owned(), dir.path().display().to_string()),
    ]
    .into_iter()
    .collect();
    let cache = dir.path().join("target/tool-versions.json");
    let first = versions(dir.path(), &env, &cache);
    assert_eq!(first.get("rustc").map(String::as_str), Some("rustc 1.95.0"));
    assert_eq!(
        first.get("trunk").map(String::as_str),
        Some("trunk 0.21.14")
    );
    assert_eq!(
        first.get("wasm-bindgen").map(String::as_str),
        Some("missing")
    );
    assert_eq!(first.get("wasm-opt").map(String::as_str), Some("missing"));
    assert_eq!(runs(&bin), 2);
    assert_eq!(versions(dir.path(), &env, &cache), first, "kept");
    assert_eq!(runs(&bin), 2, "not asked again");
    tool(&bin, "rustc", "rustc 1.96.0 (a longer answer)");
    let second = versions(dir.path(), &env, &cache);
    assert_eq!(
        second.get("rustc").map(String::as_str),
        Some("rustc 1.96.0 (a longer answer)")
    );
    assert_eq!(second.get("trunk"), first.get("trunk"));
    assert_eq!(runs(&bin), 3, "only the new executable asked");
}

#[test]
fn rustc_through_rustup_is_asked_again_when_rustup_would_choose_another_toolchain() {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let bin = dir.path().join("bin");
    let rustup = dir.path().join(".rustup");
    assert!(
        fs::create_dir_all(&bin).is_ok()
            && fs::create_dir_all(rustup.join("toolchains/stable/bin")).is_ok()
    );
    // rustup's proxy: `rustc` a link to `rustup`, which answers as the
    // toolchain its settings name.
    let script = format!(
        "#!/bin/sh\necho x >> '{bin}/runs'\necho \"rustc of $(cat '{home}/settings.toml')\"\n",
        bin = bin.display(),
        home = rustup.display()
    );
    assert!(fs::write(bin.join("rustup"), script).is_ok());
    assert!(fs::set_permissions(bin.join("rustup"), fs::Permissions::from_mode(0o755)).is_ok());
    assert!(std::os::unix::fs::symlink("rustup", bin.join("rustc")).is_ok());
    assert!(fs::write(rustup.join("settings.toml"), "stable").is_ok());
    let env: Env = [
        ("PATH".to_owned(), bin.display().to_string()),
        ("RUSTUP_HOME".to_owned(), rustup.display().to_string()),
    ]
    .into_iter()
    .collect();
    let cache = dir.path().join("target/tool-versions.json");
    let rustc = |root: &Path| versions(root, &env, &cache).get("rustc").cloned();
    assert_eq!(rustc(dir.path()).as_deref(), Some("rustc of stable"));
    assert_eq!(rustc(dir.path()).as_deref(), Some("rustc of stable"));
    assert_eq!(runs(&bin), 1);
    assert!(fs::write(rustup.join("settings.toml"), "nightly").is_ok());
    assert_eq!(
        rustc(dir.path()).as_deref(),
        Some("rustc of nightly"),
        "another default toolchain"
    );
    assert!(fs::write(dir.path().join("rust-toolchain.toml"), "beta").is_ok());
    rustc(dir.path());
    assert_eq!(runs(&bin), 3, "a toolchain file in the repository");
    assert!(fs::write(rustup.join("toolchains/stable/bin/rustc"), "updated").is_ok());
    rustc(dir.path());
    assert_eq!(runs(&bin), 4, "an updated toolchain");
    assert_eq!(rustc(dir.path()).as_deref(), Some("rustc of nightly"));
    assert_eq!(runs(&bin), 4);
}
