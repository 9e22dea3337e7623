//! The content build over small content folders made by each test: one
//! test per kind of problem the validator reports, each checking the
//! message and the `file:line:column` it points at.

#[path = "support/backdate.rs"]
mod backdate;
#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::path::{Path, PathBuf};

use backdate::backdate;
use reader_content::{Content, Severity};
use reader_model::{Article, LIST_PAGE_SIZE, ListPage, Site, from_json};
use scratch::Scratch;

const SITE: &str = r#"{"name": "USST News", "description": "d", "list_title": "News & Events",
  "origin": "https://news.example.edu", "footer": {"heading": "Stay Connected", "links": []}}"#;

/// A fresh content folder holding `site.json` and the given articles
/// (paths below `articles/`), removed when the test ends.
fn content(test: &str, articles: &[(&str, String)]) -> Scratch {
    let root = Scratch::new(&format!("reader-content-{test}-"));
    fs::create_dir_all(root.join("articles")).expect("temp dir");
    fs::create_dir_all(root.join("images")).expect("images dir");
    fs::write(root.join("images/here.svg"), "<svg/>").expect("picture");
    fs::write(root.join("site.json"), SITE).expect("write site");
    for (file, json) in articles {
        let path = root.join("articles").join(file);
        fs::create_dir_all(path.parent().expect("parent")).expect("sub-folder");
        fs::write(path, json).expect("write article");
    }
    root
}

/// An article as an editor writes it: one field per line.
/// A content folder of `count` articles `a0`, `a1`, …, each at the file,
/// date and section `place` gives it.
fn many(
    test: &str,
    count: usize,
    place: impl Fn(usize) -> (String, String, &'static str),
) -> Scratch {
    let articles: Vec<(String, String)> = (0..count)
        .map(|i| {
            let (file, date, section) = place(i);
            (file, article_in(&format!("a{i}"), &date, section, &[]))
        })
        .collect();
    let borrowed: Vec<(&str, String)> = articles
        .iter()
        .map(|(f, j)| (f.as_str(), j.clone()))
        .collect();
    content(test, &borrowed)
}

fn article(slug: &str, published: &str, related: &[&str]) -> String {
    article_in(slug, published, "Campus", related)
}

/// An article file; `related` left out when it names none (the build
/// then chooses them).
fn article_in(slug: &str, published: &str, section: &str, related: &[&str]) -> String {
    let related: Vec<String> = related.iter().map(|s| format!("{s:?}")).collect();
    let related = if related.is_empty() {
        String::new()
    } else {
        format!(",\n  \"related\": [{}]", related.join(", "))
    };
    format!(
        r#"{{
  "slug": "{slug}",
  "headline": "Headline of {slug}",
  "section": "{section}",
  "published": "{published}",
  "author": "Li Na",
  "summary": "s",
  "body": [
    {{"type": "paragraph", "text": "t"}}
  ]{related}
}}"#
    )
}

/// `article` with its headline replaced by `headline` (as written in JSON,
/// escapes and all).
fn with_headline(slug: &str, headline: &str) -> String {
    article(slug, "2020-01-01", &[]).replace(
        &format!(r#""headline": "Headline of {slug}""#),
        &format!(r#""headline": "{headline}""#),
    )
}

/// `article` with its one body block replaced by `blocks`.
fn with_body(slug: &str, blocks: &str) -> String {
    article(slug, "2020-01-01", &[]).replace(r#"{"type": "paragraph", "text": "t"}"#, blocks)
}

fn messages(build: &Content, severity: Severity) -> Vec<String> {
    build
        .problems()
        .iter()
        .filter(|p| p.severity == severity)
        .map(ToString::to_string)
        .collect()
}

/// The one error, which must start `file:line:column: ` and say `what`.
fn only_error(root: &Path, file: &str, line: usize, column: usize, what: &str) {
    let build = Content::load(root);
    let errors = messages(&build, Severity::Error);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let at = format!(
        "{}:{line}:{column}: ",
        root.join("articles").join(file).display()
    );
    assert!(errors[0].starts_with(&at), "{errors:?} does not start {at}");
    assert!(errors[0].contains(what), "{errors:?} does not say {what}");
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn writes_the_list_in_pages_and_a_list_per_section() {
    let total = LIST_PAGE_SIZE + 10;
    let root = many("pages", total, |i| {
        let section = if i % 5 == 0 {
            "Research"
        } else {
            "Campus Life"
        };
        (
            format!("{i}/a{i}.json"),
            format!("2020-01-{:02}", i % 28 + 1),
            section,
        )
    });
    let build = Content::load(&root);
    assert!(build.problems().is_empty(), "{:?}", build.problems());
    let out = root.join("out");
    build.write(&out).expect("writes");

    // 30 articles: archive page 1 holds the oldest 20, page 2 the newest
    // 10, and the front both.
    let front: ListPage = from_json(&read(&out.join("list/front.json"))).expect("front");
    let first: ListPage = from_json(&read(&out.join("list/1.json"))).expect("page 1");
    let second: ListPage = from_json(&read(&out.join("list/2.json"))).expect("page 2");
    assert!(!out.join("list/3.json").exists());
    assert_eq!(
        (front.page, front.total, front.older),
        (None, Some(total), None)
    );
    assert_eq!(front.articles().len(), total);
    assert_eq!(
        (first.page, first.older, first.newer),
        (Some(1), None, None)
    );
    assert_eq!((second.page, second.older), (Some(2), Some(1)));
    assert_eq!(first.articles().len(), LIST_PAGE_SIZE);
    assert_eq!(second.articles().len(), 10);
    assert!(
        second.articles().last().map(|a| a.published)
            >= first.articles().first().map(|a| a.published)
    );
    assert_eq!(front.articles()[..10], *second.articles());
    for file in ["list/front.json", "list/1.json"] {
        assert!(
            !read(&out.join(file)).contains("\"body\""),
            "only what the list shows"
        );
        assert!(
            !read(&out.join(file)).contains("\"pages\""),
            "no page count: publishing must not change every page"
        );
    }

    let site: Site = from_json(&read(&out.join("site.json"))).expect("site");
    let names: Vec<&str> = site.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Campus Life", "Research"]);
    let research: ListPage =
        from_json(&read(&out.join("sections/research/front.json"))).expect("research");
    assert_eq!(research.total, Some(6));
    assert!(!out.join("sections/research/2.json").exists());
    assert!(research.articles().iter().all(|a| a.section == "Research"));
    assert_eq!(
        research.section.map(|s| s.name).as_deref(),
        Some("Research")
    );
    let campus: ListPage =
        from_json(&read(&out.join("sections/campus-life/2.json"))).expect("campus page 2");
    assert_eq!((campus.total, campus.page), (None, Some(2)));
    assert_eq!(campus.articles().len(), total - 6 - LIST_PAGE_SIZE);
    assert!(out.join("article.schema.json").is_file());
}

#[test]
fn an_article_that_names_no_related_articles_gets_none() {
    // `related: []` (JSON or Markdown) asks for none; left out, the build
    // chooses them.
    let none = article("none", "2024-05-01", &[]).replace(
        r#"  "summary": "s","#,
        r#"  "summary": "s",
  "related": [],"#,
    );
    let markdown = "---\nslug: none-md\nheadline: Markdown\nsection: Campus\npublished: 2024-05-03\nsummary: s\nrelated: []\n---\n\nt\n";
    let root = content(
        "related-none",
        &[
            ("none.json", none),
            ("none-md.md", markdown.to_owned()),
            ("chosen.json", article("chosen", "2024-05-02", &[])),
        ],
    );
    let build = Content::load(&root);
    assert!(build.problems().is_empty(), "{:?}", build.problems());
    let out = root.join("out");
    build.write(&out).expect("writes");
    let related = |slug: &str| -> Vec<String> {
        let article: Article =
            from_json(&read(&out.join(format!("articles/{slug}.json")))).expect("parses");
        article
            .related_articles()
            .iter()
            .map(|r| r.slug.to_string())
            .collect()
    };
    assert_eq!(related("none"), Vec::<String>::new());
    assert_eq!(related("none-md"), Vec::<String>::new());
    assert_eq!(related("chosen"), ["none-md", "none"]);
}

#[test]
fn resolves_named_related_links_and_fills_in_missing_ones() {
    let root = content(
        "related",
        &[
            ("old.json", article("old", "2019-01-02", &["new"])),
            ("new.json", article("new", "2024-05-06", &["old"])),
            ("near.json", article("near", "2024-05-01", &[])),
            ("far.json", article("far", "2001-05-01", &[])),
            (
                "other.json",
                article_in("other", "2024-05-02", "Research", &[]),
            ),
        ],
    );
    let build = Content::load(&root);
    assert!(build.problems().is_empty(), "{:?}", build.problems());
    let out = root.join("out");
    build.write(&out).expect("writes");
    let published = |slug: &str| -> Article {
        from_json(&read(&out.join(format!("articles/{slug}.json")))).expect("parses")
    };
    let old = published("old");
    assert_eq!(
        old.related_articles().len(),
        1,
        "named ones are kept as named"
    );
    assert_eq!(old.related_articles()[0].headline, "Headline of new");
    // Nobody named any for "near": the nearest in its section, by date.
    let near: Vec<String> = published("near")
        .related_articles()
        .iter()
        .map(|r| r.slug.to_string())
        .collect();
    assert_eq!(near, ["new", "old", "far"]);
    assert!(
        published("other").related_articles().is_empty(),
        "alone in its section"
    );
}

#[test]
fn a_dead_related_link_is_an_error_at_its_place() {
    let root = content(
        "dead",
        &[
            ("a.json", article("a", "2020-01-01", &["b", "gone"])),
            ("b.json", article("b", "2020-01-02", &[])),
        ],
    );
    only_error(
        &root,
        "a.json",
        11,
        20,
        r#"related article "gone" does not exist"#,
    );
}

#[test]
fn an_article_related_to_itself_or_to_one_article_twice_is_an_error() {
    let root = content(
        "self",
        &[
            ("a.json", article("a", "2020-01-01", &["b", "a", "b"])),
            ("b.json", article("b", "2020-01-02", &[])),
        ],
    );
    let errors = messages(&Content::load(&root), Severity::Error);
    let at = root.join("articles").join("a.json").display().to_string();
    assert_eq!(
        errors,
        [
            format!(r#"{at}:11:20: related article "a" is this article itself"#),
            format!(r#"{at}:11:25: related article "b" is named twice"#),
        ]
    );
}

#[test]
fn a_misspelt_field_is_an_error_naming_the_field_meant_in_json_and_in_markdown() {
    let json = with_body(
        "j",
        r#"{"type": "speech", "speaker": "Wu", "captoin": "c", "caption": "c"}"#,
    )
    .replace(r#""author": "Li Na","#, r#""autor": "Li Na","#);
    let markdown = "---\nheadline: H\nsection: Research\nsummary: s\nsumary: s\n---\n\nText.\n\n```speech\nspeaker: Wu\ncaption: c\nrol: Dean\n```\n";
    let root = content("fields", &[("j.json", json), ("m.md", markdown.to_owned())]);
    let mut errors = messages(&Content::load(&root), Severity::Error);
    errors.sort();
    let at = |file: &str| root.join("articles").join(file).display().to_string();
    assert_eq!(errors.len(), 4, "{errors:?}");
    for (error, (file, line, field, meant)) in errors.iter().zip([
        ("j.json", 6, "autor", "author"),
        ("j.json", 9, "captoin", "caption"),
        ("m.md", 13, "rol", "role"),
        ("m.md", 5, "sumary", "summary"),
    ]) {
        assert!(
            error.starts_with(&format!("{}:{line}:", at(file)))
                && error.contains(&format!(
                    r#"unknown field "{field}": did you mean "{meant}"?"#
                )),
            "{errors:?}"
        );
    }
    // A field like no other is named with the fields that may stand there;
    // the tool's `$schema` is no field of the article's.
    let odd = article("o", "2020-01-01", &[]).replacen(
        '{',
        r#"{"$schema": "../article.schema.json", "colour": "red","#,
        1,
    );
    let root = content("odd", &[("o.json", odd)]);
    only_error(
        &root,
        "o.json",
        1,
        49,
        r#"unknown field "colour"; the fields here are "#,
    );
}

#[test]
fn a_picture_outside_the_content_folder_is_an_error() {
    let json = with_body(
        "p",
        r#"{"type": "figure", "image": {"src": "images/lab.svg", "alt": "A lab"}}"#,
    );
    let root = content("outside", &[("p.json", json)]);
    only_error(
        &root,
        "p.json",
        9,
        41,
        r#""images/lab.svg" is not in the content folder"#,
    );
}

#[test]
fn a_figure_with_neither_picture_nor_caption_is_an_error() {
    let json = with_body("f", r#"{"type": "figure"}"#);
    let root = content("empty-figure", &[("f.json", json)]);
    only_error(&root, "f.json", 9, 5, "neither a picture nor a caption");
}

#[test]
fn another_sites_picture_without_its_size_is_a_warning() {
    let json = with_body(
        "x",
        r#"{"type": "figure", "image": {"src": "https://example.edu/a.jpg", "alt": "A lab"}}"#,
    );
    let root = content("external", &[("x.json", json)]);
    let build = Content::load(&root);
    assert!(!build.has_errors());
    let warnings = messages(&build, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("is another site's: give its width and height"),
        "{warnings:?}"
    );
}

#[test]
fn another_sites_picture_over_http_is_an_error() {
    let json = with_body(
        "h",
        r#"{"type": "figure", "image": {"src": "http://example.edu/a.jpg", "alt": "A lab", "width": 8, "height": 6}}"#,
    );
    let root = content("http-picture", &[("h.json", json)]);
    only_error(
        &root,
        "h.json",
        9,
        41,
        r#""http://example.edu/a.jpg" is not an https: address"#,
    );
    let json = with_body(
        "s",
        r#"{"type": "figure", "image": {"src": "HTTPS://example.edu/a.jpg", "alt": "A lab", "width": 8, "height": 6}}"#,
    );
    let root = content("https-picture", &[("s.json", json)]);
    assert!(!Content::load(&root).has_errors());
}

#[test]
fn text_that_shows_nothing_is_empty() {
    // A headline of zero-width spaces: an invisible link on the news list.
    let json = with_headline("zw", r#"\u200b\u200d\ufeff "#);
    let root = content("zero-width-headline", &[("zw.json", json)]);
    only_error(&root, "zw.json", 3, 15, "headline is empty");
    // Characters whose glyph is empty: the Hangul fillers, the blank
    // Braille pattern, the Mongolian vowel separator, the combining
    // grapheme joiner and the Arabic letter mark.
    for (n, empty) in [
        "\\u3164", "\\u115f", "\\u1160", "\\uffa0", "\\u2800", "\\u180e", "\\u034f", "\\u061c",
    ]
    .into_iter()
    .enumerate()
    {
        let json = with_headline("ef", &format!("{empty} {empty}"));
        let root = content(&format!("empty-glyph-headline-{n}"), &[("ef.json", json)]);
        only_error(&root, "ef.json", 3, 15, "headline is empty");
    }
    let json = with_body(
        "zs",
        r#"{"type": "speech", "speaker": "\u200b", "caption": "A speech."}"#,
    );
    let root = content("zero-width-speaker", &[("zs.json", json)]);
    only_error(&root, "zs.json", 9, 35, "does not name its speaker");
}

#[test]
fn an_article_that_cannot_be_read_is_one_error_not_one_per_link_to_it() {
    let broken = article("b", "2020-01-02", &[]).replace(r#""headline""#, r#""headline" ""#);
    let root = content(
        "broken-and-linked",
        &[
            ("b.json", broken),
            ("l.json", article("l", "2020-01-01", &["b"])),
            ("m.json", article("m", "2020-01-01", &["b"])),
        ],
    );
    only_error(&root, "b.json", 3, 14, "not valid JSON");
    // Once it is gone, a link to it is a link to nothing.
    fs::remove_file(root.join("articles/b.json")).expect("remove");
    let errors = messages(&Content::load(&root), Severity::Error);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .all(|e| e.contains(r#"related article "b" does not exist"#))
    );
}

#[test]
fn a_site_without_its_address_or_with_an_unsafe_link_is_an_error_in_site_json() {
    let site_errors = |site: &str| {
        let root = content(
            "site-checks",
            &[("a.json", article("a", "2020-01-01", &[]))],
        );
        fs::write(root.join("site.json"), site).expect("site");
        messages(&Content::load(&root), Severity::Error)
    };
    let without = SITE.replace(r#""origin": "https://news.example.edu", "#, "");
    let errors = site_errors(&without);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(r#""origin" is missing"#), "{errors:?}");
    for origin in [
        "news.example.edu/",
        "https://news.example.edu/news/",
        "javascript:alert(1)",
    ] {
        let errors = site_errors(&SITE.replace("https://news.example.edu", origin));
        assert_eq!(errors.len(), 1, "{origin}: {errors:?}");
        assert!(
            errors[0].contains(r#""origin" must be the site's address, scheme and host only"#),
            "{errors:?}"
        );
    }
    let evil = SITE.replace(
        r#""links": []"#,
        r#""links": [{"label": "Evil", "href": "javascript:alert(1)"}]"#,
    );
    let errors = site_errors(&evil);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains(r#"site.json:2:117: link "javascript:alert(1)" is not a safe URL"#),
        "{errors:?}"
    );
    assert!(site_errors(SITE).is_empty());
}

#[test]
fn every_value_of_site_json_that_does_not_fit_is_reported_not_only_the_first() {
    let root = content("site-model", &[("a.json", article("a", "2020-01-01", &[]))]);
    let site = SITE
        .replace(r#""name": "USST News""#, r#""name": 5"#)
        .replace(r#""links": []"#, r#""links": [{"label": "Mail"}]"#)
        .replace(r#""heading": "Stay Connected", "#, "")
        .replace("}}", "},\n  \"nav\": [{\"href\": \"/\"}]}");
    fs::write(root.join("site.json"), &site).expect("site");
    let errors = messages(&Content::load(&root), Severity::Error);
    let file = root.join("site.json").display().to_string();
    let expected = [
        ":1:10: invalid type: integer `5`, expected a string",
        // The footer, where its heading is missing; its link without an
        // address; the navigation's link without a label.
        ":2:51: missing field `heading`",
        ":2:62: missing field `href`",
        ":3:11: missing field `label`",
    ];
    let expected: Vec<String> = (expected.iter())
        .map(|what| format!("{file}{what}"))
        .collect();
    assert_eq!(errors, expected, "{site}");
}

#[test]
fn an_editors_hidden_files_are_passed_over_and_a_file_of_another_kind_is_a_warning() {
    let root = content(
        "side-files",
        &[
            ("a.json", article("a", "2020-01-01", &[])),
            // macOS's resource fork, beside the article it copied.
            ("._a.json", "\u{0}\u{5}\u{16}\u{7}Mac OS X".to_owned()),
            ("sub/.a.json.swp", "b0VIM".to_owned()),
            ("notes.txt", "to do".to_owned()),
        ],
    );
    // Emacs's lock: a link to nowhere.
    #[cfg(unix)]
    std::os::unix::fs::symlink("editor@host.1234", root.join("articles/.#a.json")).expect("lock");
    let build = Content::load(&root);
    assert_eq!(messages(&build, Severity::Error), Vec::<String>::new());
    let warnings = messages(&build, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("notes.txt") && warnings[0].contains(": not an article file"),
        "{warnings:?}"
    );
}

#[test]
fn a_drawing_that_is_not_svg_is_an_error() {
    let json = with_body(
        "nd",
        r#"{"type": "figure", "image": {"src": "content/images/fake.svg", "alt": "A lab", "width": 8, "height": 6}}"#,
    );
    let root = content("not-a-drawing", &[("nd.json", json)]);
    fs::write(root.join("images/fake.svg"), "not svg at all").expect("fake");
    only_error(&root, "nd.json", 9, 41, "is not a drawing");
    fs::write(
        root.join("images/fake.svg"),
        "\u{feff}<?xml version=\"1.0\"?>\n<!-- drawn -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .expect("drawing");
    assert!(!Content::load(&root).has_errors());
}

#[test]
fn a_quote_without_words_is_an_error() {
    let json = with_body(
        "qw",
        r#"{"type": "quote", "text": " ", "attribution": "Chen Hua"}"#,
    );
    let root = content("quote-without-words", &[("qw.json", json)]);
    only_error(&root, "qw.json", 9, 5, "this quote has no words");
}

#[test]
fn a_control_character_anywhere_is_an_error() {
    let json = with_headline("cc", r#"Feed \u0000 nul"#);
    let root = content("control-headline", &[("cc.json", json)]);
    only_error(
        &root,
        "cc.json",
        3,
        15,
        "headline has a control character (U+0000)",
    );
    let json = with_body(
        "cb",
        r#"{"type": "paragraph", "text": "A bell\u0007 rings."}"#,
    );
    let root = content("control-body", &[("cb.json", json)]);
    only_error(
        &root,
        "cb.json",
        9,
        35,
        "text has a control character (U+0007)",
    );
    // Tabs and line ends are text.
    let json = with_body(
        "tl",
        r#"{"type": "paragraph", "text": "Two\tcolumns,\r\ntwo lines."}"#,
    );
    let root = content("tab-and-line-end", &[("tl.json", json)]);
    assert!(!Content::load(&root).has_errors());
}

#[test]
fn a_direction_override_in_a_headline_is_a_warning() {
    // "Exam results: txt.exe" written backwards behind a right-to-left
    // override shows as "Exam results: exe.txt".
    let json = with_headline("ro", r#"Exam results: \u202etxt.exe"#);
    let root = content("direction-override", &[("ro.json", json)]);
    let build = Content::load(&root);
    assert!(!build.has_errors());
    let warnings = messages(&build, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("headline has a direction override (U+202E)"),
        "{warnings:?}"
    );
    // A right-to-left name as it is written, with no override: no warning.
    let json = with_headline("rn", r#"A visit from جامعة القاهرة"#);
    let root = content("right-to-left-name", &[("rn.json", json)]);
    assert!(messages(&Content::load(&root), Severity::Warning).is_empty());
}

#[test]
fn an_empty_paragraph_is_a_warning_and_an_unsafe_link_in_the_text_an_error() {
    let json = with_body(
        "ep",
        r#"{"type": "paragraph", "text": "\u200b"}, {"type": "paragraph", "text": "kept"}"#,
    );
    let root = content("empty-paragraph", &[("ep.json", json)]);
    let build = Content::load(&root);
    assert!(!build.has_errors());
    let warnings = messages(&build, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("this paragraph is empty"),
        "{warnings:?}"
    );

    let json = with_body(
        "ul",
        r#"{"type": "paragraph", "text": "see here", "runs": [{"text": "see "}, {"text": "here", "link": "javascript:alert(1)"}]}"#,
    );
    let root = content("unsafe-run-link", &[("ul.json", json)]);
    only_error(
        &root,
        "ul.json",
        9,
        99,
        r#"link "javascript:alert(1)" is not a safe URL"#,
    );
}

#[test]
fn a_file_saved_with_a_byte_order_mark_reads_as_without() {
    let json = format!("\u{feff}{}", article("bom", "2020-01-01", &[]));
    let markdown = "\u{feff}---\nheadline: H\nsection: Research\nsummary: s\n---\n\nText.\n";
    let root = content("bom", &[("bom.json", json), ("m.md", markdown.to_owned())]);
    let build = Content::load(&root);
    assert!(
        !build.has_errors(),
        "{:?}",
        messages(&build, Severity::Error)
    );
}

#[test]
fn broken_json_is_reported_where_it_breaks() {
    let broken = article("b", "2020-01-01", &[]).replace(r#""author": "Li Na","#, r#""author": ,"#);
    let root = content("syntax", &[("b.json", broken)]);
    only_error(&root, "b.json", 6, 13, "not valid JSON");
}

#[test]
fn json_that_ends_too_soon_is_reported_at_a_column_an_editor_can_find() {
    let root = content("short", &[("s.json", "{\n".to_owned())]);
    let errors = messages(&Content::load(&root), Severity::Error);
    assert!(
        errors[0].contains("s.json:2:1: not valid JSON"),
        "{errors:?}"
    );
}

#[test]
fn a_missing_field_is_named() {
    let missing = article("m", "2020-01-01", &[]).replace("  \"summary\": \"s\",\n", "");
    let root = content("missing", &[("m.json", missing)]);
    // Named at the start of the object it is missing from.
    only_error(&root, "m.json", 1, 1, "missing field `summary`");
}

#[test]
fn every_value_that_does_not_fit_is_reported_not_only_the_first() {
    let json = article("j", "2021-02-29", &[])
        .replace(r#""section": "Campus""#, r#""section": 5"#)
        .replace(
            r#"{"type": "paragraph", "text": "t"}"#,
            "{\"type\": \"paragraph\", \"text\": \"t\"},\n    {\"type\": \"speech\", \"caption\": \"c\"}",
        );
    let markdown =
        "---\nslug: k\nheadline: h\nsection:\nsummary: s\npublished: 2021-02-30\n---\n\nText.\n";
    let root = content(
        "every",
        &[("j.json", json.clone()), ("k.md", markdown.to_owned())],
    );
    let build = Content::load(&root);
    let errors = messages(&build, Severity::Error);
    let file = |name: &str| root.join("articles").join(name).display().to_string();
    let expected = [
        (
            file("j.json"),
            r#"invalid type: integer `5`, expected a string"#,
        ),
        (file("j.json"), r#""2021-02-29" is no day of the calendar"#),
        (file("j.json"), "missing field `speaker`"),
        // Nothing after `section:` reads as an empty section does.
        (
            file("k.md"),
            "section is empty: give the desk that published it",
        ),
        (file("k.md"), r#""2021-02-30" is no day of the calendar"#),
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:?}\n{json}");
    for (file, what) in expected {
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&file) && e.contains(what)),
            "{what} in {file}: {errors:?}"
        );
    }
    // Each where it is: the speech that names no speaker is the body's
    // second block, on a line of its own.
    let speech = errors
        .iter()
        .find(|e| e.contains("speaker"))
        .map_or("", String::as_str);
    let line = json
        .lines()
        .position(|l| l.contains(r#""speech""#))
        .map_or(0, |i| i + 1);
    assert!(
        speech.contains(&format!(".json:{line}:")),
        "{speech} not on line {line}:\n{json}"
    );
}

#[test]
fn every_shape_of_the_archive_builds() {
    let shaped = |slug: &str, fields: &str| {
        article(slug, "2020-01-01", &[]).replace(
            "  \"published\": \"2020-01-01\",\n  \"author\": \"Li Na\",\n",
            fields,
        )
    };
    let root = content(
        "shapes",
        &[
            ("undated.json", shaped("undated", "")),
            (
                "date-only.json",
                shaped("date-only", "  \"published\": \"2019-05-06\",\n"),
            ),
            (
                "several.json",
                shaped(
                    "several",
                    "  \"published\": \"2021-03-04\",\n  \"author\": [\"Zhang Liu\", \"Li Rui\"],\n  \"copy_editors\": [\"张柳\"],\n",
                ),
            ),
            (
                "authors.json",
                shaped("authors", "  \"authors\": [\"张柳\"],\n"),
            ),
        ],
    );
    let build = Content::load(&root);
    assert!(build.problems().is_empty(), "{:?}", build.problems());
}

#[test]
fn a_blank_name_is_an_error_at_it() {
    let blank = article("b", "2020-01-01", &[])
        .replace("\"author\": \"Li Na\"", "\"author\": [\"Li Na\", \" \"]");
    let root = content("blank", &[("b.json", blank)]);
    only_error(&root, "b.json", 6, 23, "author 2 is blank");
    let blank =
        article("c", "2020-01-01", &[]).replace("\"author\": \"Li Na\"", "\"copy_editors\": \"\"");
    let root = content("blank-editor", &[("c.json", blank)]);
    only_error(&root, "c.json", 6, 19, "copy_editors is blank");
}

#[test]
fn a_date_that_is_not_a_day_is_an_error() {
    let root = content("date", &[("d.json", article("d", "2021-02-29", &[]))]);
    only_error(
        &root,
        "d.json",
        5,
        16,
        r#""2021-02-29" is no day of the calendar"#,
    );
}

#[test]
fn the_slug_must_match_the_file_name() {
    let root = content(
        "slug",
        &[("other-name.json", article("s", "2020-01-01", &[]))],
    );
    only_error(
        &root,
        "other-name.json",
        2,
        11,
        "does not match the file name",
    );
}

#[test]
fn a_slug_used_twice_is_an_error_naming_the_first_file() {
    let root = content(
        "twice",
        &[
            ("2019/same.json", article("same", "2019-01-01", &[])),
            ("2020/same.json", article("same", "2020-01-01", &[])),
        ],
    );
    only_error(&root, "2020/same.json", 2, 11, "is already used by");
    let errors = messages(&Content::load(&root), Severity::Error);
    assert!(errors[0].contains("2019/same.json"), "{errors:?}");
}

#[test]
fn a_picture_that_does_not_exist_is_an_error() {
    let json = with_body(
        "p",
        r#"{"type": "figure", "image": {"src": "content/images/gone.svg", "alt": "A lab"}}"#,
    );
    let root = content("picture", &[("p.json", json)]);
    only_error(
        &root,
        "p.json",
        9,
        41,
        r#""content/images/gone.svg" does not exist"#,
    );
}

#[test]
fn a_picture_without_alt_text_is_an_error() {
    let json = with_body(
        "alt",
        r#"{"type": "speech", "speaker": "Wu", "caption": "c", "photo": {"src": "/content/images/here.svg", "alt": " "}}"#,
    );
    let root = content("alt", &[("alt.json", json)]);
    only_error(
        &root,
        "alt.json",
        9,
        109,
        "the speaker's photo has no alt text",
    );
}

#[test]
fn a_picture_at_an_unsafe_address_is_an_error() {
    let json = article("u", "2020-01-01", &[]).replace(
        "  \"summary\": \"s\",",
        "  \"summary\": \"s\",\n  \"thumbnail\": {\"src\": \"javascript:alert(1)\", \"alt\": \"x\"},",
    );
    let root = content("unsafe", &[("u.json", json)]);
    only_error(&root, "u.json", 8, 24, "is not a safe URL");
}

#[test]
fn a_speech_must_name_its_speaker() {
    let json = with_body("s", r#"{"type": "speech", "speaker": "", "caption": "c"}"#);
    let root = content("speaker", &[("s.json", json)]);
    only_error(&root, "s.json", 9, 35, "does not name its speaker");
}

#[test]
fn a_section_one_article_names_like_one_others_name_is_a_warning() {
    let root = content(
        "sections",
        &[
            ("a.json", article_in("a", "2020-01-01", "Research", &[])),
            ("b.json", article_in("b", "2020-01-02", "Research", &[])),
            ("c.json", article_in("c", "2020-01-03", "Reserch", &[])),
            ("d.json", article_in("d", "2020-01-04", "Campus", &[])),
        ],
    );
    let build = Content::load(&root);
    assert!(!build.has_errors());
    let warnings = messages(&build, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(
            r#"c.json:4:14: section "Reserch" is this article's alone: did you mean "Research"?"#
        ),
        "{warnings:?}"
    );
}

#[test]
fn an_unknown_block_type_is_a_warning_naming_the_type() {
    let json = with_body(
        "u",
        r#"{"type": "paragraph", "text": "t"}, {"type": "video"}"#,
    );
    let root = content("unknown", &[("u.json", json)]);
    let build = Content::load(&root);
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
    assert!(Content::load(&root).has_errors());
    let missing = Path::new("/nonexistent/reader-content");
    assert!(Content::load(missing).has_errors());
}

/// The schema editors' tools read is generated from the model, never
/// edited by hand: the copy in the repository must be what the model says.
#[test]
fn the_shipped_schema_is_the_one_the_model_generates() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/article.schema.json");
    assert_eq!(
        read(&shipped),
        reader_model::article_schema(),
        "content/article.schema.json is stale: run `cargo run -p reader-content -- schema content/article.schema.json`"
    );
}

/// Every file below `dir` with its bytes, by path.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(tree(&path));
        } else {
            let bytes = fs::read(&path).expect("file");
            found.push((path, bytes));
        }
    }
    found.sort();
    found
}

#[test]
fn a_build_into_its_last_folder_rewrites_what_changed_and_may_keep_the_search_index() {
    let root = content(
        "in-place",
        &[
            ("a.json", article("a", "2020-01-01", &[])),
            ("b.json", article("b", "2020-01-02", &[])),
        ],
    );
    let out = root.join("out");
    let first = Content::load(&root).write(&out).expect("first");
    assert_eq!(first.written, first.made);
    let again = Content::load(&root).write(&out).expect("again");
    assert_eq!((again.written, again.removed), (0, 0), "nothing changed");

    // An edit, built keeping the index: the article is published, the
    // index is what it was; built again in full, the index has the word.
    let search = tree(&out.join("search"));
    fs::write(
        root.join("articles/a.json"),
        with_body("a", r#"{"type": "paragraph", "text": "zeppelin"}"#),
    )
    .expect("edit");
    let kept = Content::load(&root)
        .write_with(&out, reader_content::Mode::KeepIndex)
        .expect("kept");
    assert!(read(&out.join("articles/a.json")).contains("zeppelin"));
    assert_eq!(tree(&out.join("search")), search, "the index was kept");
    assert_eq!(kept.removed, 0);
    Content::load(&root).write(&out).expect("full");
    let index = tree(&out.join("search"));
    assert!(
        index
            .iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("zeppelin")),
        "the index has the new word"
    );

    // A deleted article: its file goes.
    fs::remove_file(root.join("articles/b.json")).expect("delete");
    let after = Content::load(&root).write(&out).expect("after delete");
    assert!(after.removed >= 1 && !out.join("articles/b.json").exists());
}

/// The files below `dir` whose bytes differ between two [`tree`]s, or
/// that only one has, as paths below `dir`.
fn changed(dir: &Path, before: &[(PathBuf, Vec<u8>)], after: &[(PathBuf, Vec<u8>)]) -> Vec<String> {
    let below = |tree: &[(PathBuf, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
        tree.iter()
            .filter_map(|(path, bytes)| {
                let name = path.strip_prefix(dir).ok()?.to_string_lossy().into_owned();
                Some((name, bytes.clone()))
            })
            .collect()
    };
    let (before, after) = (below(before), below(after));
    let mut names: Vec<String> = before
        .iter()
        .filter(|entry| !after.contains(entry))
        .chain(after.iter().filter(|entry| !before.contains(entry)))
        .map(|(name, _)| name.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn publishing_an_article_rewrites_a_bounded_number_of_list_and_index_files() {
    // 7 pages of Campus, 2 of Research; the new article is the newest.
    let root = many("publish", 180, |i| {
        let section = if i % 4 == 0 { "Research" } else { "Campus" };
        let date = format!(
            "20{:02}-{:02}-{:02}",
            10 + i / 100,
            i / 28 % 12 + 1,
            i % 28 + 1
        );
        (format!("a{i}.json"), date, section)
    });
    let out = root.join("out");
    Content::load(&root).write(&out).expect("first");
    let before = tree(&out);
    fs::write(
        root.join("articles/zeppelin.json"),
        article_in("zeppelin", "2030-01-01", "Campus", &[]),
    )
    .expect("a new article");
    Content::load(&root).write(&out).expect("after");
    let after = tree(&out);

    let list = changed(&out.join("list"), &before, &after);
    assert!(
        list.len() <= 3 && list.contains(&"front.json".to_owned()),
        "{list:?}"
    );
    let campus = changed(&out.join("sections/campus"), &before, &after);
    assert!(
        campus.len() <= 3 && campus.contains(&"front.json".to_owned()),
        "{campus:?}"
    );
    assert!(changed(&out.join("sections/research"), &before, &after).is_empty());
    // The index: only the files of the new article's words.
    let published = read(&out.join("articles/zeppelin.json"));
    let keys: Vec<String> = reader_search::words(&published)
        .map(|word| reader_search::shard_key(&word, key_chars(&out)))
        .collect();
    let search = changed(&out.join("search"), &before, &after);
    assert!(
        search
            .iter()
            .any(|file| file.starts_with(&reader_search::shard_key("zeppelin", key_chars(&out))))
    );
    for file in &search {
        assert!(
            keys.iter().any(|key| file.starts_with(key.as_str())),
            "{file} changed: {search:?}"
        );
    }
}

/// Asserts that the content folder `out`, as updates left it, holds
/// exactly what a whole build of `content` writes (into `whole`).
fn same_as_a_whole_build(content: &Path, out: &Path, whole: &Path, step: &str) {
    let _ = fs::remove_dir_all(whole);
    Content::load(content).write(whole).expect("whole");
    assert!(
        files_below(&out.join("search")) == files_below(&whole.join("search")),
        "{step}: the index differs from a whole build's"
    );
    let (updated, clean) = (files_below(out), files_below(whole));
    let differ: Vec<_> = (clean.iter())
        .filter(|file| !updated.contains(file))
        .map(|(path, _)| path)
        .collect();
    assert!(
        differ.is_empty() && updated.len() == clean.len(),
        "{step}: {differ:?} differ"
    );
}

/// How many characters name the search index's files in the published
/// folder `out`, as its `site.json` says.
fn key_chars(out: &Path) -> usize {
    let site: serde_json::Value =
        serde_json::from_str(&read(&out.join("site.json"))).expect("site");
    let chars = site["search_key_chars"].as_u64().expect("the site says");
    usize::try_from(chars).expect("small")
}

/// The files of `dir`, by path below it.
fn files_below(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    tree(dir)
        .into_iter()
        .map(|(path, bytes)| (path.strip_prefix(dir).expect("below").to_path_buf(), bytes))
        .collect()
}

#[test]
fn a_build_updated_in_place_is_exactly_a_whole_build_and_rewrites_little() {
    use reader_content::{ArchiveWide, IndexMade, Mode};
    let (root, content, out, state) = generated(400, reader_content::generate::Language::English);
    let read_again = std::cell::Cell::new(0);
    let update = || {
        let (written, read) = update_in_place(&content, &out, &state);
        read_again.set(read);
        written
    };
    let check = |step: &str| same_as_a_whole_build(&content, &out, &root.join("whole"), step);
    let first = update();
    assert_eq!(
        (first.index, first.published),
        (IndexMade::Whole, 400),
        "no state yet"
    );
    assert_eq!(read_again.get(), 400);
    let again = update();
    assert_eq!(
        (again.index, again.published, again.written),
        (IndexMade::Updated(0), 0, 0)
    );
    assert_eq!(
        read_again.get(),
        0,
        "every file was as the read cache had it"
    );
    assert_eq!(again.archive_wide, ArchiveWide::Standing);
    // The folder emptied, its state kept (Trunk's staging folder after a
    // build that failed): everything is written again.
    fs::remove_dir_all(&out).expect("emptied");
    let emptied = update();
    assert_eq!(
        (emptied.archive_wide, emptied.published),
        (ArchiveWide::Written, 400)
    );
    check("after the folder was emptied");

    // A paragraph edited: nothing the lists, the speakers or the related
    // links read changed, and they stand as they are.
    let files: Vec<PathBuf> = walk(&content.join("articles"));
    let edit = |file: &Path, change: &dyn Fn(&mut serde_json::Value)| {
        let mut article: serde_json::Value = serde_json::from_str(&read(file)).expect("article");
        change(&mut article);
        fs::write(file, serde_json::to_string_pretty(&article).expect("json")).expect("edit");
    };
    edit(&files[7], &|a| {
        a["body"][0]["text"] = "A narwhal visited the library.".into()
    });
    // Saved a minute ago: read again, and kept in the read cache.
    (fs::File::options().write(true).open(&files[7]))
        .and_then(|file| {
            file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
        })
        .expect("backdated");
    let paragraph = update();
    assert_eq!(read_again.get(), 1);
    assert_eq!(
        (paragraph.archive_wide, paragraph.published, paragraph.index),
        (ArchiveWide::Standing, 1, IndexMade::Updated(1))
    );
    check("after a paragraph's edit");
    let narwhal = reader_search::shard_key("narwhal", key_chars(&out));
    assert!(read(&out.join(format!("search/{narwhal}.json"))).contains("narwhal"));

    // Edits: a new word, a headline, a paragraph gone; and an article
    // published today.
    edit(&files[3], &|a| {
        a["body"][0]["text"] = "A zeppelin landed on campus.".into()
    });
    edit(&files[150], &|a| {
        a["headline"] = "Optical laboratory opens".into()
    });
    edit(&files[300], &|a| {
        let body = a["body"].as_array_mut().expect("body");
        body.remove(0);
    });
    let mut new: serde_json::Value = serde_json::from_str(&read(&files[10])).expect("article");
    new["slug"] = "published-today".into();
    new["published"] = "2031-01-01".into();
    fs::write(
        content.join("articles/published-today.json"),
        serde_json::to_string_pretty(&new).expect("json"),
    )
    .expect("new");
    let updated = update();
    assert_eq!(
        read_again.get(),
        4,
        "the three edited files and the new one"
    );
    assert_eq!(updated.index, IndexMade::Updated(4));
    assert_eq!(updated.archive_wide, ArchiveWide::Written);
    // The edited and new articles, and those that now name them as
    // related: not every article.
    assert!(
        updated.published < 30,
        "{} articles published",
        updated.published
    );
    check("after edits and an addition");
    let zeppelin = reader_search::shard_key("zeppelin", key_chars(&out));
    assert!(read(&out.join(format!("search/{zeppelin}.json"))).contains("zeppelin"));

    // An article moved to the front of the list: every number after its
    // old place shifts, so the index is built whole.
    edit(&files[0], &|a| a["published"] = "2032-01-01".into());
    assert_eq!(update().index, IndexMade::Whole);
    check("after a date change");
    // A deletion, the same.
    fs::remove_file(&files[200]).expect("delete");
    assert_eq!(update().index, IndexMade::Whole);
    check("after a deletion");
    // Articles published while the index was kept as it was: their words
    // as indexed are no longer at hand (the state's hash of them says
    // so), and the index is built whole.
    edit(&files[5], &|a| {
        a["summary"] = "Rewritten summary with quasar.".into()
    });
    let kept = Content::load(&content).write_with(&out, Mode::KeepIndex);
    assert_eq!(kept.expect("kept").index, IndexMade::Kept);
    assert_eq!(update().index, IndexMade::Whole);
    check("after an index kept as it was");
}

#[test]
fn an_archive_that_grows_past_the_short_keys_names_its_index_files_anew() {
    use reader_content::{ArchiveWide, IndexMade, Mode};
    use reader_search::{KEY_CHARS, SHORT_KEY_CHARS, SHORT_KEYS_UP_TO};
    let root = Scratch::new("reader-content-keys-");
    let content = root.join("content");
    let language = reader_content::generate::Language::English;
    reader_content::generate::generate(SHORT_KEYS_UP_TO, &content, language).expect("generate");
    backdate(&content.join("articles"));
    let (out, state) = (root.join("out"), root.join("state"));
    let update = || {
        (Content::load(&content))
            .write_with(&out, Mode::Update(state.clone()))
            .expect("update")
    };
    let whole = |step: &str| same_as_a_whole_build(&content, &out, &root.join("whole"), step);
    let names = |out: &Path| -> Vec<usize> {
        (walk(&out.join("search")).iter())
            .filter_map(|file| file.file_stem()?.to_str().map(str::len))
            .collect()
    };
    update();
    assert_eq!(key_chars(&out), SHORT_KEY_CHARS);
    assert!(
        names(&out).contains(&(2 * SHORT_KEY_CHARS)),
        "two characters, four hex digits"
    );
    assert!(!names(&out).contains(&(2 * KEY_CHARS)), "{:?}", names(&out));
    let files = walk(&content.join("articles"));
    let mut article: serde_json::Value = serde_json::from_str(&read(&files[0])).expect("article");
    article["slug"] = "one-more".into();
    article["published"] = "2031-01-01".into();
    let one_more = content.join("articles/one-more.json");
    fs::write(&one_more, article.to_string()).expect("one more");
    // One article more: the index is made again, its files named by
    // three characters, and the site says so.
    let grown = update();
    assert_eq!(
        (grown.index, grown.archive_wide),
        (IndexMade::Whole, ArchiveWide::Written)
    );
    assert_eq!(key_chars(&out), KEY_CHARS);
    assert!(names(&out).contains(&(2 * KEY_CHARS)));
    whole("grown past the short keys");
    // And back.
    fs::remove_file(&one_more).expect("removed");
    assert_eq!(update().index, IndexMade::Whole);
    assert_eq!(key_chars(&out), SHORT_KEY_CHARS);
    whole("back to the short keys");
}

/// A scratch folder holding a generated archive of `count` articles in
/// `language` (`content/`, its files written an hour ago: the read cache
/// keeps no file changed within the last tick of the clock, see
/// Seen::racy), and where its builds go: the folder, the content, the
/// output and the build's state.
fn generated(
    count: usize,
    language: reader_content::generate::Language,
) -> (Scratch, PathBuf, PathBuf, PathBuf) {
    let root = Scratch::new("reader-content-index-");
    let content = root.join("content");
    reader_content::generate::generate(count, &content, language).expect("generate");
    backdate(&content.join("articles"));
    let (out, state) = (root.join("out"), root.join("state"));
    (root, content, out, state)
}

/// The content folder `content` built into `out` in place, its state kept
/// in `state`: what was written, and how many article files were read.
fn update_in_place(content: &Path, out: &Path, state: &Path) -> (reader_content::Written, usize) {
    let cache = reader_output::state::StateFile::ReadCache.in_folder(state);
    let build = Content::load_cached(content, Some(&cache));
    assert!(!build.has_errors(), "{:?}", build.problems());
    let written = build
        .write_with(out, reader_content::Mode::Update(state.to_path_buf()))
        .expect("update");
    (written, build.files_read())
}

/// A Chinese archive's index, whose headlines and summaries are filed by
/// their triples too, is updated in place as a whole build makes it.
#[test]
fn a_chinese_archive_updated_in_place_is_exactly_a_whole_build() {
    let (root, content, out, state) = generated(60, reader_content::generate::Language::Chinese);
    update_in_place(&content, &out, &state);
    // A headline and a summary rewritten, saved a minute ago.
    let file = &walk(&content.join("articles"))[5];
    let mut article: serde_json::Value = serde_json::from_str(&read(file)).expect("article");
    article["headline"] = "大学生志愿者服务进博会".into();
    article["summary"] = "上海理工大学学生志愿者在进博会期间坚守岗位。".into();
    fs::write(file, serde_json::to_string_pretty(&article).expect("json")).expect("edit");
    (fs::File::options().write(true).open(file))
        .and_then(|file| {
            file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
        })
        .expect("backdated");
    update_in_place(&content, &out, &state);
    same_as_a_whole_build(
        &content,
        &out,
        &root.join("whole"),
        "after a Chinese headline's edit",
    );
    let index: Vec<String> = (walk(&out.join("search")).iter())
        .map(|file| read(file))
        .collect();
    assert!(
        index.iter().any(|file| file.contains("\"大学生\"")),
        "the headline's triple is filed"
    );
}

/// Every file below `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    tree(dir).into_iter().map(|(path, _)| path).collect()
}

#[test]
fn the_read_cache_keeps_warnings_and_gives_way_to_what_changed() {
    let plain = article("plain", "2020-01-01", &[]);
    let warned = with_body(
        "warned",
        r#"{"type": "paragraph", "text": "t"}, {"type": "video"}"#,
    );
    let pictured = with_body(
        "pictured",
        r#"{"type": "figure", "image": {"src": "content/images/here.svg", "alt": "A drawing"}}"#,
    );
    let root = content(
        "read-cache",
        &[
            ("plain.json", plain),
            ("warned.json", warned),
            ("pictured.json", pictured),
        ],
    );
    backdate(&root.join("articles"));
    let cache = root.join("state/read-cache");
    let load = || Content::load_cached(&root, Some(&cache));
    let first = load();
    assert_eq!(first.files_read(), 3);
    assert!(!first.has_errors(), "{:?}", first.problems());

    // Nothing changed: nothing read, and the warning is still given.
    let again = load();
    assert_eq!(again.files_read(), 0);
    assert_eq!(
        messages(&again, Severity::Warning),
        messages(&first, Severity::Warning)
    );
    assert!(messages(&again, Severity::Warning)[0].contains(r#"unknown type "video""#));
    assert_eq!(again.list_pages(), first.list_pages());

    // A picture gone: the article naming it is read again, and fails.
    fs::remove_file(root.join("images/here.svg")).expect("delete picture");
    let gone = load();
    assert_eq!(gone.files_read(), 1);
    assert!(
        messages(&gone, Severity::Error)[0].contains("does not exist"),
        "{:?}",
        gone.problems()
    );
    fs::write(root.join("images/here.svg"), "<svg/>").expect("picture back");

    // A line of the cache that does not read: that file alone is read.
    let text = read(&cache);
    let damaged: Vec<String> = (text.lines())
        .map(|line| {
            if line.contains("\"plain\"") {
                line[..line.len() / 2].to_owned()
            } else {
                line.to_owned()
            }
        })
        .collect();
    fs::write(&cache, damaged.join("\n") + "\n").expect("damage");
    assert_eq!(load().files_read(), 1);

    // The same folder read from another path: the cache is not used.
    let elsewhere = root.join("articles/../");
    assert_eq!(
        Content::load_cached(&elsewhere, Some(&cache)).files_read(),
        3
    );
}
