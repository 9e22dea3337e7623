//! The content build over small content folders made by each test.

use std::fs;
use std::path::{Path, PathBuf};

use reader_content::{Build, Severity};
use reader_model::{Article, NewsIndex, Slug, from_json};

const SITE: &str = r#"{"name": "USST News", "description": "d", "list_title": "News & Events",
  "footer": {"heading": "Stay Connected", "links": []}}"#;

/// A fresh content folder holding `site.json` and the given articles.
fn content(test: &str, articles: &[(&str, String)]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("reader-content-{test}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("articles")).expect("temp dir");
    fs::write(root.join("site.json"), SITE).expect("write site");
    for (file, json) in articles {
        fs::write(root.join("articles").join(file), json).expect("write article");
    }
    root
}

fn article(slug: &str, published: &str, related: &[&str]) -> String {
    let related: Vec<String> = related.iter().map(|s| format!("{s:?}")).collect();
    format!(
        r#"{{"slug": "{slug}", "headline": "Headline of {slug}", "section": "Campus",
  "published": "{published}", "author": "Li Na", "summary": "s",
  "body": [{{"type": "paragraph", "text": "t"}}], "related": [{}]}}"#,
        related.join(", ")
    )
}

fn messages(build: &Build, severity: Severity) -> Vec<String> {
    build
        .problems()
        .iter()
        .filter(|p| p.severity == severity)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn writes_the_index_newest_first_and_resolves_related_links() {
    let root = content(
        "ok",
        &[
            ("old.json", article("old", "2019-01-02", &["new"])),
            ("new.json", article("new", "2024-05-06", &["old"])),
        ],
    );
    let build = Build::load(&root);
    assert!(build.problems().is_empty(), "{:?}", build.problems());
    let out = root.join("out");
    build.write(&out).expect("writes");

    let index: NewsIndex =
        from_json(&fs::read_to_string(out.join("index.json")).expect("index")).expect("parses");
    let order: Vec<&str> = index.articles().iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(order, ["new", "old"]);

    let old: Article = from_json(&fs::read_to_string(out.join("articles/old.json")).expect("old"))
        .expect("parses");
    assert_eq!(old.related.len(), 1);
    assert_eq!(old.related[0].headline, "Headline of new");
    assert!(out.join("site.json").is_file());
}

/// "A related slug that does not exist is left out, never a dead link."
#[test]
fn a_dead_related_link_is_left_out_with_a_warning() {
    let root = content(
        "dead",
        &[("a.json", article("a", "2020-01-01", &["gone", "a"]))],
    );
    let build = Build::load(&root);
    assert!(!build.has_errors());
    let warnings = messages(&build, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains(r#"related article "gone" does not exist"#));
    let published = build
        .published_article(&Slug::parse("a").expect("slug"))
        .expect("a");
    assert_eq!(published["related"].as_array().map(Vec::len), Some(1));
}

#[test]
fn reports_broken_json_as_file_line_column() {
    let broken = article("b", "2020-01-01", &[]).replace(r#""author": "Li Na","#, r#""author": ,"#);
    let root = content("syntax", &[("b.json", broken)]);
    let build = Build::load(&root);
    assert!(build.has_errors());
    let errors = messages(&build, Severity::Error);
    // `"author": ,` is on line 2; the value is missing at column 40.
    let expected = format!("{}:2:40: ", root.join("articles/b.json").display());
    assert!(errors[0].starts_with(&expected), "{errors:?}");
    assert!(errors[0].contains("not valid JSON"), "{errors:?}");
}

#[test]
fn reports_a_date_that_is_not_a_day() {
    let root = content("date", &[("d.json", article("d", "2021-02-29", &[]))]);
    let errors = messages(&Build::load(&root), Severity::Error);
    assert!(
        errors[0].contains(r#""2021-02-29" is not a date"#),
        "{errors:?}"
    );
}

#[test]
fn the_slug_must_match_the_file_name() {
    let root = content(
        "slug",
        &[("other-name.json", article("s", "2020-01-01", &[]))],
    );
    let errors = messages(&Build::load(&root), Severity::Error);
    assert!(
        errors[0].contains("does not match the file name"),
        "{errors:?}"
    );
}

#[test]
fn an_unknown_block_type_is_a_warning_naming_the_type() {
    let json = article("u", "2020-01-01", &[]).replace(
        r#"[{"type": "paragraph", "text": "t"}]"#,
        r#"[{"type": "paragraph", "text": "t"}, {"type": "video"}]"#,
    );
    let root = content("unknown", &[("u.json", json)]);
    let build = Build::load(&root);
    assert!(!build.has_errors());
    let warnings = messages(&build, Severity::Warning);
    assert!(
        warnings[0].contains(r#"body block 1 has unknown type "video""#),
        "{warnings:?}"
    );
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let root = content("empty", &[]);
    assert!(Build::load(&root).has_errors());
    let missing = Path::new("/nonexistent/reader-content");
    assert!(Build::load(missing).has_errors());
}
