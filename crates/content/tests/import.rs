//! `reader-content import`: pages of every shape the archive has, read as
//! the editor would have written them, and what the import reports.

use std::fs;
use std::path::Path;

use reader_content::convert;
use reader_content::import::import;
use reader_model::Block;

fn page(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    fs::read_to_string(path).expect("fixture")
}

#[test]
fn the_seed_page_imports_as_the_shipped_seed_article() {
    let imported = import(&page("seed.txt")).expect("imports");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../content/articles/usst-medical-equipment-centre.md");
    let shipped = convert::read(&path, &fs::read_to_string(&path).expect("seed")).expect("reads");
    let article = imported.article;
    // Derived from the headline, cut between words at 64 characters.
    assert_eq!(
        article.slug.as_str(),
        "shanghai-high-end-medical-equipment-innovation-centre-unveiled"
    );
    assert_eq!(article.headline, shipped.headline);
    assert_eq!(article.published, shipped.published);
    assert_eq!(article.authors, shipped.authors);
    assert_eq!(article.copy_editors, shipped.copy_editors);
    // Every paragraph and speech section, word for word, in published order.
    assert_eq!(article.body, shipped.body);
    // Nothing invented: what the page does not say is empty, and reported.
    assert!(article.section.is_empty() && article.summary.is_empty());
    assert!(imported.missing.iter().any(|m| m.starts_with("section")));
    assert!(imported.missing.iter().any(|m| m.starts_with("summary")));
    assert!(
        imported
            .guessed
            .iter()
            .any(|g| g.contains("speech section: Ding Xiaodong (USST President)"))
    );
}

fn kinds(blocks: &[Block]) -> Vec<&'static str> {
    blocks.iter().map(Block::kind).collect()
}

#[test]
fn an_early_page_has_no_dateline_and_its_caption_becomes_a_figure() {
    let imported = import(&page("early-page.txt")).expect("imports");
    let article = &imported.article;
    assert_eq!(article.headline, "USST Campus Radio Station Goes on Air");
    assert_eq!(article.published, None);
    assert!(article.authors.is_empty() && article.copy_editors.is_empty());
    assert_eq!(
        kinds(article.body.blocks()),
        ["paragraph", "figure", "paragraph"]
    );
    assert!(
        imported
            .guessed
            .iter()
            .any(|g| g.starts_with("no dateline"))
    );
    assert!(
        imported
            .missing
            .iter()
            .any(|m| m.contains("\"USST Library Reopens After Renovation\"")),
        "{:?}",
        imported.missing
    );
    assert!(article.related.is_none(), "no slug is made up");
}

#[test]
fn a_page_with_only_a_date() {
    let article = import(&page("date-only.txt")).expect("imports").article;
    assert_eq!(
        article.published.map(|d| d.iso()).as_deref(),
        Some("2019-03-12")
    );
    assert!(article.authors.is_empty() && article.copy_editors.is_empty());
    assert_eq!(kinds(article.body.blocks()), ["paragraph"]);
}

#[test]
fn several_authors_a_chinese_copy_editor_and_an_addressed_speech() {
    let imported = import(&page("several-authors.txt")).expect("imports");
    assert!(
        !imported.missing.iter().any(|m| m.contains("dateline part")),
        "{:?}",
        imported.missing
    );
    let article = imported.article;
    assert_eq!(
        article.published.map(|d| d.iso()).as_deref(),
        Some("2021-06-18")
    );
    assert_eq!(article.authors, ["Zhang Liu", "Li Rui"]);
    assert_eq!(article.copy_editors, ["张柳"]);
    assert_eq!(
        kinds(article.body.blocks()),
        ["paragraph", "speech", "paragraph", "figure"]
    );
    let Block::Speech(speech) = &article.body.blocks()[1] else {
        panic!("a speech");
    };
    assert_eq!(speech.speaker, "Chen Hua");
    assert_eq!(speech.role.as_deref(), Some("Vice President of USST"));
}

#[test]
fn copy_editors_without_a_label_and_a_role_before_the_name() {
    let imported = import(&page("unlabelled-editors.txt")).expect("imports");
    let article = &imported.article;
    assert_eq!(
        article.published.map(|d| d.iso()).as_deref(),
        Some("2018-12-03")
    );
    assert_eq!(article.authors, ["李锐"]);
    assert_eq!(article.copy_editors, ["William", "张柳"]);
    let Block::Speech(speech) = &article.body.blocks()[0] else {
        panic!("a speech");
    };
    assert_eq!(
        (speech.speaker.as_str(), speech.role.as_deref()),
        ("Wang Lei", Some("Vice President"))
    );
}

#[test]
fn an_imported_page_is_a_markdown_article_the_build_reads() {
    for name in [
        "seed.txt",
        "early-page.txt",
        "date-only.txt",
        "several-authors.txt",
        "unlabelled-editors.txt",
        "zh-seed.txt",
        "zh-speech.txt",
    ] {
        let article = import(&page(name)).expect("imports").article;
        let markdown = reader_content::markdown::write::article(&article).expect("writes");
        let back = convert::read(Path::new("x.md"), &markdown).expect("reads back");
        assert_eq!(back.body, article.body, "{name}");
        assert_eq!(back.language, article.language, "{name}");
    }
}

#[test]
fn the_build_asks_for_what_the_import_could_not_know() {
    let article = import(&page("date-only.txt")).expect("imports").article;
    let markdown = reader_content::markdown::write::article(&article).expect("writes");
    let scratch = tempfile::Builder::new()
        .prefix("reader-import-")
        .tempdir()
        .expect("a scratch folder");
    let root = scratch.path();
    fs::create_dir_all(root.join("articles")).expect("folder");
    fs::write(root.join("site.json"), r#"{"name": "N", "description": "D", "list_title": "L", "origin": "https://example.edu", "language": "en", "home": {"label": "H", "href": "https://example.edu/"}, "nav": [], "footer": {"heading": "F", "links": [], "note": "n"}}"#).expect("site");
    let file = root.join("articles").join(format!("{}.md", article.slug));
    fs::write(&file, markdown).expect("article");
    let build = reader_content::Content::load(root);
    let messages: Vec<String> = build.problems().iter().map(ToString::to_string).collect();
    for key in ["section", "summary"] {
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with(&format!("{}:", file.display()))
                    && m.contains(&format!("{key} is empty"))),
            "{messages:?}"
        );
    }
}

#[test]
fn a_page_of_the_chinese_site_imports_with_its_dateline_and_speeches() {
    let imported = import(&page("zh-seed.txt")).expect("imports");
    assert!(
        !imported.missing.iter().any(|m| m.contains("dateline part")),
        "{:?}",
        imported.missing
    );
    let article = &imported.article;
    assert_eq!(
        article.headline,
        "上海高端医疗器械创新中心在上海理工大学揭牌"
    );
    assert_eq!(article.language.as_deref(), Some("zh"));
    assert_eq!(
        article.published.map(|d| d.iso()).as_deref(),
        Some("2020-11-22")
    );
    assert_eq!(article.authors, ["张柳"]);
    assert_eq!(article.copy_editors, ["王伟", "李明"]);
    let speeches: Vec<(&str, &str)> = (article.body.speeches())
        .map(|s| (s.speaker.as_str(), s.caption.as_str()))
        .collect();
    assert_eq!(
        speeches,
        [
            ("吴金城", "吴金城在会上致辞"),
            ("吴建勇", "吴建勇在会上致辞"),
            ("丁晓东", "丁晓东讲话"),
        ]
    );
    // Speech sections stand where their captions stood, among the paragraphs.
    assert_eq!(
        kinds(article.body.blocks()),
        [
            "paragraph",
            "paragraph",
            "speech",
            "paragraph",
            "speech",
            "paragraph",
            "paragraph",
            "speech",
            "paragraph",
            "paragraph"
        ]
    );
    // The related headlines and the footer are not body text.
    assert!(!article.body.blocks().iter().any(|block| matches!(
        block,
        Block::Paragraph { text, .. } if text.contains("我校团队") || text.contains("军工路516号")
    )));
    assert!(
        imported
            .missing
            .iter()
            .any(|m| m.contains("我校团队研制便携式超声探头样机")),
        "{:?}",
        imported.missing
    );
}

#[test]
fn a_chinese_caption_with_a_title_before_the_name_names_the_role() {
    let imported = import(&page("zh-speech.txt")).expect("imports");
    let article = &imported.article;
    assert_eq!(article.authors, ["李芮"]);
    assert!(article.copy_editors.is_empty());
    let speech = article.body.speeches().next().expect("a speech");
    assert_eq!(
        (speech.speaker.as_str(), speech.role.as_deref()),
        ("陈华", None),
        "陈华在年会上致辞: the name alone"
    );
    for (caption, speaker, role) in [
        ("副校长陈华在年会上致辞", "陈华", Some("副校长")),
        (
            "上海理工大学党委书记吴建勇讲话",
            "吴建勇",
            Some("上海理工大学党委书记"),
        ),
        ("丁晓东发言", "丁晓东", None),
    ] {
        let text = format!("标题\n\n{caption}\n");
        let imported = import(&text).expect("imports");
        let speech = imported.article.body.speeches().next().expect(caption);
        assert_eq!(
            (speech.speaker.as_str(), speech.role.as_deref()),
            (speaker, role)
        );
    }
    // A sentence about a speech is a paragraph, not a caption.
    let text = "标题\n\n吴金城在致辞中表示，高端医疗器械是本市重点发展的战略性新兴产业之一。\n";
    let imported = import(text).expect("imports");
    assert_eq!(kinds(imported.article.body.blocks()), ["paragraph"]);
}
