//! How article JSON becomes the model: what is kept, what is dropped, and
//! what fails (with its position).

use reader_model::{Article, ArticleSource, Block, ModelError, from_json};

/// A minimal published article with `body` spliced in.
fn article_json(body: &str) -> String {
    format!(
        r#"{{
  "slug": "a-test",
  "headline": "A Test",
  "section": "Campus",
  "published": "2021-03-04",
  "author": "Li Na",
  "copy_editors": ["William"],
  "summary": "s",
  "body": {body},
  "related": [{{"slug": "other", "headline": "Other"}}]
}}"#
    )
}

fn parse(body: &str) -> Result<Article, ModelError> {
    from_json(&article_json(body))
}

#[test]
fn keeps_every_block_type_in_published_order() {
    let article = parse(
        r#"[
        {"type": "paragraph", "text": "one"},
        {"type": "speech", "speaker": "Wu Jianyong", "role": "Secretary", "caption": "c"},
        {"type": "figure", "image": {"src": "content/images/a.svg", "alt": "a", "width": 1200, "height": 800}, "caption": "f"},
        {"type": "quote", "text": "q", "attribution": "who"},
        {"type": "paragraph", "text": "two"}
    ]"#,
    )
    .expect("valid article");
    let kinds: Vec<&str> = article.body.blocks().iter().map(Block::kind).collect();
    assert_eq!(
        kinds,
        ["paragraph", "speech", "figure", "quote", "paragraph"]
    );
    assert!(article.body.skipped().is_empty());
    assert_eq!(article.related_articles()[0].headline, "Other");
}

/// Content written for a newer app must not fail the article.
#[test]
fn skips_unknown_block_types_and_says_where() {
    let article = parse(
        r#"[
        {"type": "paragraph", "text": "one"},
        {"type": "video", "src": "https://example.edu/v.mp4"},
        {"type": "paragraph", "text": "two"},
        {"type": "poll"}
    ]"#,
    )
    .expect("unknown blocks are skipped, not fatal");
    assert_eq!(article.body.blocks().len(), 2);
    assert_eq!(article.body.skipped(), [1, 3]);
}

#[test]
fn drops_an_unsafe_photo_but_keeps_the_speech() {
    let article = parse(
        r#"[{"type": "speech", "photo": {"src": "javascript:alert(1)", "alt": "x"},
             "speaker": "Ding Xiaodong", "role": "USST President", "caption": "c"}]"#,
    )
    .expect("valid article");
    let speech = article.body.speeches().next().expect("one speech");
    assert_eq!(speech.photo, None);
    assert_eq!(speech.speaker, "Ding Xiaodong");
}

#[test]
fn a_speech_without_photo_or_role_is_valid() {
    let article = parse(r#"[{"type": "speech", "speaker": "Chen Hui", "caption": "c"}]"#)
        .expect("valid article");
    let speech = article.body.speeches().next().expect("one speech");
    assert_eq!((speech.photo.as_ref(), speech.role.as_ref()), (None, None));
}

#[test]
fn a_known_block_missing_its_text_fails_with_its_position() {
    let err = parse(r#"[{"type": "paragraph"}]"#).expect_err("paragraph needs text");
    assert!(matches!(err, ModelError::Shape { .. }), "{err:?}");
    assert!(err.to_string().contains("text"), "{err}");
    assert_eq!(err.position().0, 9, "{err}");
}

#[test]
fn wrong_types_and_missing_fields_do_not_fit_the_model() {
    let full = article_json("[]");
    for broken in [
        full.replace(r#""headline": "A Test","#, ""),
        full.replace(r#""A Test""#, "42"),
        full.replace(r#""2021-03-04""#, r#""2021-02-30""#),
        full.replace(r#""a-test""#, r#""../etc/passwd""#),
        full.replace(r#""body": []"#, r#""body": {}"#),
    ] {
        let err = from_json::<Article>(&broken).expect_err("must not fit");
        assert!(matches!(err, ModelError::Shape { .. }), "{err:?}");
    }
}

#[test]
fn malformed_and_truncated_json_is_a_syntax_error() {
    let full = article_json("[]");
    for broken in [
        &full[..full.len() / 2],
        "",
        "{",
        "{\"slug\": }",
        "<!doctype html>",
    ] {
        let err = from_json::<Article>(broken).expect_err("not JSON");
        assert!(
            matches!(err, ModelError::Syntax { .. }),
            "{broken:?}: {err:?}"
        );
    }
}

#[test]
fn the_dateline_is_built_from_structured_fields() {
    let mut article = parse("[]").expect("valid");
    article.copy_editors = vec!["William".into(), "Zhang Liu".into()];
    article.authors = vec!["Zhang Liu".into()];
    assert_eq!(
        article
            .dateline(&reader_model::Labels::english())
            .as_deref(),
        Some("March 4, 2021 | By Zhang Liu | Copyedited by William, Zhang Liu")
    );
    article.copy_editors.clear();
    assert_eq!(
        article
            .dateline(&reader_model::Labels::english())
            .as_deref(),
        Some("March 4, 2021 | By Zhang Liu")
    );
}

/// The same article with its `published`, `author` and `copy_editors`
/// lines replaced by `fields` (JSON members, each ending in a comma).
fn shaped(fields: &str) -> Result<Article, ModelError> {
    let json = article_json("[]")
        .replace("  \"published\": \"2021-03-04\",\n", "")
        .replace("  \"author\": \"Li Na\",\n", "")
        .replace("  \"copy_editors\": [\"William\"],\n", fields);
    from_json(&json)
}

#[test]
fn every_shape_of_the_archive_is_read_and_shown_as_it_is() {
    let cases: [(&str, Option<&str>, Option<&str>); 8] = [
        // Early pages: no date, no author, no copy editors.
        ("", None, None),
        // Only the date.
        (r#""published": "2019-05-06","#, Some("May 6, 2019"), None),
        // Several authors, in the order the page gives them.
        (
            r#""published": "2021-03-04", "author": ["Zhang Liu", "Li Rui"],"#,
            Some("March 4, 2021 | By Zhang Liu and Li Rui"),
            Some("By Zhang Liu and Li Rui"),
        ),
        (
            r#""authors": ["A", "B", "C"],"#,
            Some("By A, B and C"),
            Some("By A, B and C"),
        ),
        // Names in any script; copy editors as one name.
        (
            r#""author": "张柳", "copy_editors": "李锐","#,
            Some("By 张柳 | Copyedited by 李锐"),
            Some("By 张柳"),
        ),
        // Only copy editors.
        (
            r#""copy_editors": ["William", "张柳"],"#,
            Some("Copyedited by William, 张柳"),
            None,
        ),
        // Blank names and null are no names.
        (r#""author": ["  ", ""], "copy_editors": null,"#, None, None),
        (
            r#""author": " Li Na ","#,
            Some("By Li Na"),
            Some("By Li Na"),
        ),
    ];
    for (fields, dateline, byline) in cases {
        let article = shaped(fields).unwrap_or_else(|err| panic!("{fields}: {err}"));
        assert_eq!(
            article
                .dateline(&reader_model::Labels::english())
                .as_deref(),
            dateline,
            "{fields}"
        );
        assert_eq!(
            article
                .byline(&reader_model::Labels::english())
                .map(|line| line.text())
                .as_deref(),
            byline,
            "{fields}"
        );
    }
}

#[test]
fn authors_are_published_as_a_list_and_read_back() {
    let article = shaped(r#""author": "Li Na","#).expect("valid");
    let json = reader_model::to_json(&article).expect("json");
    assert!(json.contains(r#""authors":["Li Na"]"#), "{json}");
    assert!(
        !json.contains("published") && !json.contains("copy_editors"),
        "{json}"
    );
    assert_eq!(from_json::<Article>(&json).expect("reads back"), article);
}

#[test]
fn a_bad_date_or_name_is_still_an_error_at_its_position() {
    for (fields, line) in [
        (r#""published": "2021-02-30","#, 5),
        (r#""author": 7,"#, 5),
        (r#""author": ["Li Na", 7],"#, 5),
    ] {
        let err = shaped(fields).expect_err(fields);
        assert!(matches!(err, ModelError::Shape { .. }), "{fields}: {err:?}");
        assert_eq!(err.position().0, line, "{fields}: {err}");
    }
}

#[test]
fn editors_write_related_articles_as_slugs() {
    let source = article_json("[]").replace(
        r#"[{"slug": "other", "headline": "Other"}]"#,
        r#"["other", "usst-medical-equipment-centre"]"#,
    );
    let article: ArticleSource = from_json(&source).expect("valid source");
    assert_eq!(
        article.related_articles()[1].as_str(),
        "usst-medical-equipment-centre"
    );
    let bad = source.replace(r#""other""#, r#""Other Article""#);
    assert!(from_json::<ArticleSource>(&bad).is_err());
}

#[test]
fn round_trips_through_json() {
    let article = parse(
        r#"[{"type": "paragraph", "text": "“Quoted” – 中文 – עברית – 🎓"},
            {"type": "speech", "speaker": "S", "caption": "c"}]"#,
    )
    .expect("valid");
    let json = serde_json::to_string(&article).expect("serializes");
    assert_eq!(from_json::<Article>(&json).expect("parses again"), article);
}

/// Regression (cargo-fuzz, parse_content): an article with a skipped
/// unknown block must equal itself after JSON and back.
#[test]
fn an_article_with_a_skipped_block_round_trips() {
    let article =
        parse(r#"[{"type": "video"}, {"type": "paragraph", "text": "kept"}]"#).expect("valid");
    assert_eq!(article.body.skipped(), [0]);
    let again: Article =
        from_json(&reader_model::to_json(&article).expect("serializes")).expect("parses");
    assert_eq!(again, article);
    assert!(again.body.skipped().is_empty());
}
