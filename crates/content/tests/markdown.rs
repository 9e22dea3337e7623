//! Markdown articles: what an editor writes, what it becomes, and where
//! each problem is reported.

use proptest::prelude::*;
use reader_content::convert;
use reader_content::markdown::{self, write};
use reader_model::strategies::article_source;
use reader_model::{ArticleSource, Block};
use std::path::Path;

/// An article with every kind of block, as an editor types it.
const ARTICLE: &str = r#"---
headline: USST Holds Symposium on Carbon-neutral Energy
section: Research
published: 2021-06-18
author: [Zhang Liu, Li Rui]
copy_editors: 张柳
summary: Researchers met at USST.
related:
  - usst-launches-green-campus-week
---

On June 17th, the *Symposium* on **Carbon-neutral Energy** was held at
[USST](https://www.usst.edu.cn/).

```speech
speaker: Chen Hua
role: Vice President of USST
caption: Chen Hua, Vice President of USST, addressed a speech at the opening ceremony
```

> Energy is the future.
>
> — Chen Hua

```figure
caption: Participants visit the solar energy laboratory
```
"#;

fn read(text: &str) -> Result<ArticleSource, String> {
    convert::read(Path::new("content/articles/a-test.md"), text)
}

#[test]
fn every_block_an_editor_types_becomes_the_model() {
    let article = read(ARTICLE).expect("reads");
    assert_eq!(article.slug.as_str(), "a-test", "the file name is the slug");
    assert_eq!(article.authors, ["Zhang Liu", "Li Rui"]);
    assert_eq!(article.copy_editors, ["张柳"]);
    assert_eq!(
        article.published.map(|day| day.iso()).as_deref(),
        Some("2021-06-18")
    );
    let blocks = article.body.blocks();
    assert_eq!(blocks.len(), 4);
    let Block::Paragraph { text, runs } = &blocks[0] else {
        panic!("{:?}", blocks[0]);
    };
    assert_eq!(
        text,
        "On June 17th, the Symposium on Carbon-neutral Energy was held at USST."
    );
    let styled: Vec<(&str, bool, bool, Option<&str>)> = runs
        .iter()
        .map(|r| {
            (
                r.text.as_str(),
                r.emphasis,
                r.strong,
                r.link.as_ref().map(|l| l.as_str()),
            )
        })
        .collect();
    assert_eq!(
        styled,
        [
            ("On June 17th, the ", false, false, None),
            ("Symposium", true, false, None),
            (" on ", false, false, None),
            ("Carbon-neutral Energy", false, true, None),
            (" was held at ", false, false, None),
            ("USST", false, false, Some("https://www.usst.edu.cn/")),
            (".", false, false, None),
        ]
    );
    let Block::Speech(speech) = &blocks[1] else {
        panic!("{:?}", blocks[1]);
    };
    assert_eq!(speech.speaker, "Chen Hua");
    assert_eq!(speech.role.as_deref(), Some("Vice President of USST"));
    let Block::Quote(quote) = &blocks[2] else {
        panic!("{:?}", blocks[2]);
    };
    assert_eq!(quote.text, "Energy is the future.");
    assert_eq!(quote.attribution.as_deref(), Some("Chen Hua"));
    let Block::Figure(figure) = &blocks[3] else {
        panic!("{:?}", blocks[3]);
    };
    assert!(figure.image.is_none());
    assert_eq!(
        figure.caption.as_deref(),
        Some("Participants visit the solar energy laboratory")
    );
}

/// The first error's `line:column` and message.
fn first_error(text: &str) -> ((usize, usize), String) {
    let errors = markdown::read(text, "a-test").expect_err("an error");
    (errors[0].position, errors[0].message.clone())
}

#[test]
fn each_problem_is_reported_where_it_is() {
    let cases: [(&str, &str, (usize, usize), &str); 13] = [
        (
            "raw HTML",
            "Text with <b>bold</b> markup.",
            (12, 11),
            "raw HTML",
        ),
        ("an HTML block", "<div>\nhi\n</div>", (12, 1), "raw HTML"),
        (
            "a javascript: link",
            "A [link](javascript:alert(1)) here.",
            (12, 3),
            "javascript:",
        ),
        ("a heading", "# Heading", (12, 1), "a heading"),
        ("a list", "- one\n- two", (12, 1), "a list"),
        (
            "a table",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            (12, 1),
            "a table",
        ),
        (
            "a footnote",
            "Said so.[^1]\n\n[^1]: In 2020.",
            (12, 9),
            "cannot be part of an article",
        ),
        (
            "a picture in a paragraph",
            "See ![x](content/images/a.svg).",
            (12, 5),
            "```figure",
        ),
        (
            "an unknown fence",
            "```python\nprint(1)\n```",
            (12, 1),
            "```python",
        ),
        (
            "bad YAML in a speech",
            "```speech\nspeaker: [unclosed\n```",
            (14, 1),
            "```speech",
        ),
        (
            "a nested quote",
            "> > deep",
            (12, 3),
            "quote inside a quote",
        ),
        // Columns count characters, not bytes: each Chinese character is
        // one column (three bytes in UTF-8).
        (
            "a javascript: link after Chinese text",
            "上海理工大学举行[链接](javascript:alert(1))。",
            (12, 9),
            "javascript:",
        ),
        (
            "raw HTML after Chinese text",
            "中文<b>粗体</b>",
            (12, 3),
            "raw HTML",
        ),
    ];
    let front = ARTICLE.split("\nOn June").next().expect("front matter");
    for (name, body, at, says) in cases {
        let text = format!("{front}\n{body}\n");
        let (position, message) = first_error(&text);
        assert_eq!(position, at, "{name}: {message}");
        assert!(message.contains(says), "{name}: {message}");
    }
}

#[test]
fn front_matter_problems_point_at_their_field() {
    let missing = first_error("no front matter\n");
    assert_eq!(missing.0, (1, 1));
    assert!(missing.1.contains("---"), "{}", missing.1);
    let unclosed = first_error("---\nheadline: x\n");
    assert!(unclosed.1.contains("not closed"), "{}", unclosed.1);
    let yaml = first_error("---\nheadline: [x\nsection: y\n---\n");
    assert_eq!(yaml.0.0, 3, "{yaml:?}");
    let tab = first_error("---\nheadline: x\n\tsection: y\n---\n");
    assert_eq!(tab.0.0, 3, "{tab:?}");
    assert!(
        tab.1.contains("a tab: YAML is indented with spaces"),
        "{tab:?}"
    );
    // A field that does not fit the model: at its line, through the build.
    let bad_date = ARTICLE.replace("published: 2021-06-18", "published: 2021-02-30");
    let message = read(&bad_date).expect_err("not a day");
    assert!(message.contains("a-test.md:4:12: "), "{message}");
    assert!(message.contains("is no day of the calendar"), "{message}");
    // In a block: at the block (serde reads a block's fields in one piece,
    // so the field itself is not known).
    let bad_speaker = ARTICLE.replace("speaker: Chen Hua", "speaker: [1, 2]");
    let message = read(&bad_speaker).expect_err("not a name");
    assert!(message.contains("a-test.md:15:1: "), "{message}");
}

#[test]
fn the_seed_converts_to_markdown_and_back_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../content/articles/usst-medical-equipment-centre.md");
    let text = std::fs::read_to_string(&path).expect("the seed ships as Markdown");
    let seed = convert::read(&path, &text).expect("reads");
    let written = write::article(&seed).expect("writes");
    assert_eq!(
        read(&written).map(|mut a| {
            a.slug = seed.slug.clone();
            a
        }),
        Ok(seed)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// JSON → Markdown → JSON loses nothing.
    #[test]
    fn markdown_round_trips(article in article_source()) {
        // Markdown has no empty paragraph and no NUL character.
        let representable = article.body.blocks().iter().all(|block| match block {
            Block::Paragraph { text, .. } => !text.is_empty(),
            _ => true,
        }) && !format!("{article:?}").contains('\0');
        prop_assume!(representable);
        let written = write::article(&article).expect("writes");
        let back = read(&written);
        prop_assert_eq!(back.as_ref(), Ok(&article), "{}", written);
    }

    /// Any text at all: an article or positioned errors, never a panic.
    #[test]
    fn reading_never_panics(text in any::<String>()) {
        let _ = markdown::read(&text, "a");
        let _ = markdown::read(&format!("---\nheadline: h\n---\n{text}"), "a");
    }
}

#[test]
fn hostile_markdown_is_refused_where_it_is_or_kept_as_text() {
    let front = ARTICLE.split("\nOn June").next().expect("front matter");
    // A script in the front matter is a headline like any other: text.
    let script = ARTICLE.replace(
        "headline: USST Holds Symposium on Carbon-neutral Energy",
        "headline: \"</title><script>alert(1)</script>\"",
    );
    assert_eq!(
        read(&script).expect("text is text").headline,
        "</title><script>alert(1)</script>"
    );
    // Every unsafe link, however it is dressed, is an error at the link.
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "//evil.example/x",
    ] {
        let (at, message) = first_error(&format!("{front}\nSee [this](<{url}>).\n"));
        assert_eq!(at, (12, 5), "{url}: {message}");
    }
    // Raw HTML anywhere, even inside emphasis or a quote.
    for body in [
        "*<img src=x onerror=alert(1)>*",
        "> <script>alert(1)</script>",
        "<!-- hidden -->",
    ] {
        let (_, message) = first_error(&format!("{front}\n{body}\n"));
        assert!(message.contains("raw HTML"), "{body}: {message}");
    }
    // Nesting thousands deep: an error, no stack overflow.
    for opener in ["> ", "- ", "1. ", "* > "] {
        let deep = format!("{front}\n{}deep\n", opener.repeat(20_000));
        let (at, _) = first_error(&deep);
        assert_eq!(at.0, 12, "{opener}");
    }
}

#[test]
fn a_ten_megabyte_article_reads_whole() {
    let paragraph =
        "The ceremony continued with reports from every school of the university. ".repeat(14);
    let count = 10_000_000 / (paragraph.len() + 2);
    let mut text = ARTICLE
        .split("\nOn June")
        .next()
        .expect("front matter")
        .to_owned();
    text.push('\n');
    for _ in 0..count {
        text.push_str(&paragraph);
        text.push_str("\n\n");
    }
    assert!(text.len() >= 9_900_000);
    let article = read(&text).expect("reads");
    assert_eq!(article.body.blocks().len(), count);
}

#[test]
fn convert_never_writes_over_a_file_and_reads_markdown_saved_as_dot_markdown() {
    let scratch = tempfile::Builder::new()
        .prefix("reader-convert-")
        .tempdir()
        .expect("a scratch folder");
    let dir = scratch.path();
    let source = dir.join("a-test.markdown");
    std::fs::write(&source, ARTICLE).expect("article");
    let taken = dir.join("taken.json");
    std::fs::write(&taken, "mine").expect("a file of the editor's");
    let refused = convert::convert(&source, &taken).expect_err("over a file");
    assert!(refused.contains("exists"), "{refused}");
    assert_eq!(
        std::fs::read_to_string(&taken).expect("still there"),
        "mine"
    );
    let fresh = dir.join("a-test.json");
    convert::convert(&source, &fresh).expect("to a new file");
    let article: ArticleSource =
        serde_json::from_str(&std::fs::read_to_string(&fresh).expect("written")).expect("json");
    assert_eq!(
        article.headline,
        "USST Holds Symposium on Carbon-neutral Energy"
    );
}

#[test]
fn a_field_that_does_not_fit_is_reported_with_the_bodys_problems() {
    let text = ARTICLE
        .replace("published: 2021-06-18", "published: 2021-02-30")
        .replace("was held at", "was held <i>at</i>");
    let message = read(&text).expect_err("two problems");
    assert!(message.contains("a-test.md:4:12: "), "{message}");
    let errors = markdown::read_article(&text, "a-test").expect_err("two problems");
    let said: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(errors.len(), 3, "{said:?}");
    assert!(said[0].contains("is no day of the calendar"), "{said:?}");
    assert!(said[1..].iter().all(|m| m.contains("raw HTML")), "{said:?}");
}

#[test]
fn a_field_written_twice_is_an_error_at_the_second() {
    let text = ARTICLE.replace(
        "summary: Researchers met at USST.",
        "summary: Researchers met at USST.\nsection: Reserch",
    );
    let message = read(&text).expect_err("twice");
    assert!(
        message.contains("a-test.md:8:1: section is written twice (first on line 3)"),
        "{message}"
    );
    let block = ARTICLE.replace("speaker: Chen Hua", "speaker: Chen Hua\nspeaker: Li Rui");
    let message = read(&block).expect_err("twice in a block");
    assert!(message.contains("speaker is written twice"), "{message}");
}

#[test]
fn styled_words_are_written_with_plain_spaces_around_them() {
    let text = ARTICLE.replace(
        "On June 17th, the *Symposium* on **Carbon-neutral Energy** was held at\n[USST](https://www.usst.edu.cn/).",
        "On June 17th, the *Symposium* on **Carbon-neutral Energy** was held at [USST](https://www.usst.edu.cn/) today.",
    );
    let article = read(&text).expect("reads");
    let written = write::article(&article).expect("writes");
    assert!(
        written.contains("On June 17th, the *Symposium* on **Carbon-neutral Energy** was held at [USST](<https://www.usst.edu.cn/>) today."),
        "{written}"
    );
    assert!(!written.contains("&#32;"), "{written}");
    assert_eq!(read(&written), Ok(article));
}
