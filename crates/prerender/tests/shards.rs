//! A site built in parts on several machines (`--shard i/n`, a CI
//! matrix) is the site built at once: the union of the shards' folders
//! holds the same files, byte for byte.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use reader_prerender::{Shard, prerender, prerender_shard};

mod support;
use support::Scratch;

/// `dist/`, a staging folder as Trunk leaves it, with the repository's
/// content published into it by the content build, and `configs/` for the
/// host files; removed when the test ends.
fn staged(name: &str) -> Scratch {
    let dir = Scratch::new(&format!("reader-shards-{name}-"));
    let dist = dir.join("dist");
    fs::create_dir_all(&dist).expect("dist");
    fs::write(dist.join("index.html"), support::template()).expect("template");
    fs::write(dist.join("reader-0123456789abcdef.js"), "export default 1;").expect("js");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let build = reader_content::Content::load(&content);
    assert!(!build.has_errors(), "{:?}", build.problems());
    // Each edition into its folder, as the content build publishes them
    // (the two editions' articles in one folder would publish two
    // speakers under one slug, chen-hua, written in either order).
    let (editions, problems) = build.editions();
    assert!(problems.is_empty(), "{problems:?}");
    for edition in editions {
        let out = dist.join(&edition.path).join("content");
        edition.content.write(&out).expect("content");
    }
    dir
}

#[test]
fn the_union_of_the_shards_is_the_whole_build() {
    let whole = staged("whole");
    let summary = prerender(&whole.join("dist"), "/", &whole.join("configs")).expect("whole");
    assert_eq!(summary.my_units, summary.units);
    assert!(summary.rendered > summary.units, "speech pages too");
    let expected = support::files(&whole);

    let mut union: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    let mut rendered = 0;
    for index in 1..=3 {
        let part = staged(&format!("part{index}"));
        let shard = Shard { index, count: 3 };
        let summary =
            prerender_shard(&part.join("dist"), "/", &part.join("configs"), shard).expect("shard");
        assert!(
            summary.my_units >= summary.units / 3 && summary.my_units <= summary.units / 3 + 1,
            "shard {index} took {} of {} units",
            summary.my_units,
            summary.units
        );
        rendered += summary.rendered;
        for (path, bytes) in support::files(&part) {
            if let Some(earlier) = union.get(&path) {
                assert!(
                    *earlier == bytes,
                    "{} differs between shards",
                    path.display()
                );
            } else {
                union.insert(path, bytes);
            }
        }
    }
    assert_eq!(rendered, summary.rendered, "every page rendered once");
    let missing: Vec<_> = expected
        .keys()
        .filter(|path| !union.contains_key(*path))
        .collect();
    let extra: Vec<_> = union
        .keys()
        .filter(|path| !expected.contains_key(*path))
        .collect();
    assert_eq!((missing, extra), (vec![], vec![]));
    for (path, bytes) in &expected {
        assert!(
            union[path] == *bytes,
            "{} differs from the whole build",
            path.display()
        );
    }
}

#[test]
fn shards_are_written_i_of_n() {
    assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
    for bad in ["0/4", "5/4", "4", "a/b", "1/0"] {
        assert!(Shard::parse(bad).is_err(), "{bad}");
    }
    let shard = Shard { index: 2, count: 3 };
    assert_eq!(
        (0..7).filter(|&n| shard.takes(n)).collect::<Vec<_>>(),
        [1, 4]
    );
}
