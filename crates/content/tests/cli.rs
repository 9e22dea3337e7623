//! The `reader-content` command as editors and the build run it: its exit
//! status, its `file:line:column` lines, and its progress on long runs.

#[path = "support/backdate.rs"]
mod backdate;
#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scratch::Scratch;

const TOOL: &str = env!("CARGO_BIN_EXE_reader-content");

/// An empty folder for the test `name`, removed when the test ends.
fn temp(name: &str) -> Scratch {
    Scratch::new(&format!("reader-cli-{name}-"))
}

/// `reader-content build <dir> <dir>/out`: where it writes, and how it went.
/// Its state is kept in `<dir>/state` (by default it would go below the
/// working folder, here this crate's).
fn build(dir: &Path) -> (PathBuf, Output) {
    let out = dir.join("out");
    let built = Command::new(TOOL)
        .arg("build")
        .arg(dir)
        .arg(&out)
        .env("READER_STATE", dir.join("state"))
        .output()
        .expect("runs");
    (out, built)
}

#[test]
fn a_long_run_shows_progress_and_a_clean_archive_exits_zero() {
    let dir = temp("progress");
    let generated = Command::new(TOOL)
        .args(["generate", "2000"])
        .arg(&dir)
        .status()
        .expect("runs");
    assert!(generated.success());
    let checked = Command::new(TOOL)
        .arg("check")
        .arg(&dir)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success(), "{stderr}");
    assert!(stderr.contains("checked 200 of 2000 articles"), "{stderr}");
    assert!(stderr.contains("checked 2000 of 2000 articles"), "{stderr}");
    assert!(String::from_utf8_lossy(&checked.stdout).contains("2000 articles, no errors"));

    // Built, its search index keeps every file of many words within the
    // budget: the heavy ones are split (and say so).
    let (out, built) = build(&dir);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let mut split = 0;
    for entry in fs::read_dir(out.join("search")).expect("search index") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("file");
        let shard: reader_search::SearchShard = reader_model::from_json(&text).expect("a shard");
        assert!(
            shard.words.len() < 2 || text.len() <= reader_search::FILE_BUDGET,
            "{}: {} bytes",
            path.display(),
            text.len()
        );
        split += usize::from(shard.split);
    }
    assert!(split > 0, "a 2,000-article archive has heavy prefixes");
}

#[test]
fn an_error_exits_non_zero_writes_nothing_and_says_where() {
    let dir = temp("error");
    Command::new(TOOL)
        .args(["generate", "3"])
        .arg(&dir)
        .status()
        .expect("runs");
    let broken = dir.join("articles/2000/generated-2-2000.json");
    fs::write(
        &broken,
        "{\n  \"slug\": \"generated-2-2000\",\n  \"headline\": \n}",
    )
    .expect("write");
    let (out, built) = build(&dir);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(!built.status.success());
    assert!(!out.exists(), "nothing is written when there are errors");
    assert!(
        stderr.contains(&format!("{}:4:1: not valid JSON", broken.display())),
        "{stderr}"
    );
    assert!(stderr.contains("content has"), "{stderr}");
    let usage = Command::new(TOOL).arg("nonsense").output().expect("runs");
    assert_eq!(usage.status.code(), Some(2));
}

/// `reader-content build` as Trunk's hook runs it (into the staging
/// folder, Trunk's variables set) takes what each article file read as
/// from the published folder's read cache; but what it published, it
/// published in the staging folder only: if that build never reaches the
/// published folder (it failed), the next update there still publishes
/// every change. The state is kept where the tool keeps it by default,
/// below the working folder (here a temporary one).
#[test]
fn a_trunk_build_reads_through_the_published_folders_cache_and_leaves_its_state_alone() {
    let dir = temp("trunk-state");
    let content = dir.join("content");
    let generated = Command::new(TOOL)
        .args(["generate", "50"])
        .arg(&content)
        .status()
        .expect("runs");
    assert!(generated.success());
    let files = backdate::backdate(&content.join("articles"));
    let (stage, dist) = (dir.join("stage"), dir.join("dist"));
    let run = |out: &Path, trunk: bool| {
        let mut command = Command::new(TOOL);
        command
            .arg("build")
            .arg(&content)
            .arg(out)
            .current_dir(&dir)
            .env_remove("READER_STATE")
            .env_remove("TRUNK_STAGING_DIR")
            .env_remove("TRUNK_DIST_DIR");
        if trunk {
            command
                .env("TRUNK_STAGING_DIR", &stage)
                .env("TRUNK_DIST_DIR", &dist);
        }
        let done = command.output().expect("runs");
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        String::from_utf8_lossy(&done.stdout).into_owned()
    };
    let first = run(&dist.join("content"), false);
    assert!(first.contains("(50 files read"), "{first}");

    // Edited, then a Trunk build that reads only the edited file...
    let edited = &files[7];
    let text = fs::read_to_string(edited).expect("article");
    let text = text.replacen("\"summary\": \"", "\"summary\": \"Edited. ", 1);
    fs::write(edited, text).expect("edit");
    let trunk = run(&stage.join("content"), true);
    assert!(trunk.contains("(1 files read"), "{trunk}");
    // ...and fails before Trunk moves its folder: the update into the
    // published folder publishes the edit there all the same.
    let update = run(&dist.join("content"), false);
    assert!(update.contains(" 1 published again"), "{update}");
    let slug = edited.file_stem().expect("slug").to_string_lossy();
    let published =
        fs::read_to_string(dist.join(format!("content/articles/{slug}.json"))).expect("published");
    assert!(published.contains("Edited. "), "{published}");
    assert!(dir.join("target/reader-state").is_dir());
}

#[test]
fn import_puts_a_chinese_page_with_the_chinese_desks_files_and_refuses_a_pages_html() {
    let dir = temp("import");
    fs::create_dir_all(dir.join("content/articles/zh")).expect("folders");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let imported = Command::new(TOOL)
        .args(["import"])
        .arg(fixtures.join("zh-seed.txt"))
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert!(imported.status.success(), "{imported:?}");
    let written: Vec<String> = fs::read_dir(dir.join("content/articles/zh"))
        .expect("zh folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].ends_with(".md"), "{written:?}");
    let html = dir.join("page.html");
    fs::write(&html, "<!DOCTYPE html>\n<html lang=\"en\"><head><title>USST</title></head><body><h1>News</h1></body></html>\n").expect("page");
    // `import` with `args`, which must fail: what it says.
    let refused = |args: &[&Path]| {
        let output = Command::new(TOOL)
            .arg("import")
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("runs");
        assert!(!output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let said = refused(&[&html]);
    assert!(
        said.contains("this is the page's HTML, not its text"),
        "{said}"
    );
    assert_eq!(
        fs::read_dir(dir.join("content/articles"))
            .expect("folder")
            .count(),
        1,
        "only zh/"
    );
    // A name that is not Markdown's: refused, nothing written.
    let json = dir.join("content/articles/a.json");
    let said = refused(&[&fixtures.join("zh-seed.txt"), &json]);
    assert!(
        said.contains("import writes a Markdown article: name it .md"),
        "{said}"
    );
    assert!(!json.exists());
}
