//! Two editions from one content folder: which article goes where (its
//! `language` field), the translation links between them, and every
//! problem with a link at its `file:line:column`.

#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::path::{Path, PathBuf};

use reader_content::{Content, Problem};
use reader_model::{Article, from_json};
use scratch::Scratch;

const SITE: &str = r#"{
  "name": "USST News",
  "origin": "https://news.example.edu",
  "language": "en",
  "language_name": "English",
  "description": "News.",
  "list_title": "News",
  "nav": [{"label": "News", "href": "/"}],
  "footer": {"heading": "Contact", "links": []},
  "languages": [{
    "code": "zh",
    "language": "zh-CN",
    "language_name": "中文",
    "name": "上海理工大学新闻网",
    "description": "新闻。",
    "list_title": "新闻动态",
    "nav": [{"label": "新闻动态", "href": "/"}],
    "footer": {"heading": "联系我们", "links": []}
  }]
}"#;

/// A content folder of `files` (path below `articles/`, text), removed
/// when the test ends.
fn folder(test: &str, files: &[(&str, String)]) -> Scratch {
    let root = Scratch::new(&format!("reader-editions-{test}-"));
    fs::create_dir_all(root.join("articles/zh")).expect("folder");
    fs::write(root.join("site.json"), SITE).expect("site");
    for (path, text) in files {
        fs::write(root.join("articles").join(path), text).expect("article");
    }
    root
}

/// A Markdown article; `extra` lines go into its front matter.
fn article(headline: &str, extra: &str) -> String {
    format!(
        "---\nheadline: {headline}\nsection: Research\npublished: 2020-11-22\nauthor: 张柳\n{extra}summary: 摘要。\n---\n\n上海理工大学举行会议。\n"
    )
}

fn errors(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| {
            let name = p.file.file_name().map(|n| n.to_string_lossy().into_owned());
            let (line, column) = p.position.unwrap_or((0, 0));
            format!(
                "{}:{line}:{column}: {}",
                name.unwrap_or_default(),
                p.message
            )
        })
        .collect()
}

/// Builds the editions of the content folder `root`, which must have no
/// problem, into `root/out/content`, which it returns.
fn built(root: &Path) -> PathBuf {
    let (editions, problems) = Content::load(root).editions();
    assert_eq!(errors(&problems), Vec::<String>::new());
    let out = root.join("out/content");
    for edition in editions {
        let into = edition.out(&out);
        edition.content.write(&into).expect("writes");
    }
    out
}

/// The published article `slug` of the edition in `path` below `out`.
fn published(out: &Path, path: &str, slug: &str) -> Article {
    let folder = out.join(path).join("articles");
    let text = fs::read_to_string(folder.join(format!("{slug}.json"))).expect("published");
    from_json(&text).expect("an article")
}

#[test]
fn the_field_says_the_language_and_a_shared_key_links_the_two() {
    let root = folder(
        "linked",
        &[
            (
                "centre.md",
                article("Centre opens", "translation_key: centre-2020\n"),
            ),
            (
                "zh/zhongxin.md",
                article("中心揭牌", "language: zh\ntranslation_key: centre-2020\n"),
            ),
            // The field decides, not the folder (which is for editors).
            ("huiyi.md", article("学术年会举行", "language: zh\n")),
            ("zh/in-english.md", article("In English", "")),
            ("alone.md", article("Alone", "")),
        ],
    );
    let (editions, problems) = Content::load(&root).editions();
    assert_eq!(errors(&problems), Vec::<String>::new());
    let codes: Vec<(&str, &str)> = (editions.iter())
        .map(|e| (e.code.as_str(), e.path.as_str()))
        .collect();
    assert_eq!(codes, [("en", ""), ("zh", "zh/")]);
    assert_eq!(editions[0].content.article_count(), 3);
    assert_eq!(editions[1].content.article_count(), 2);
    let out = root.join("out/content");
    for edition in editions {
        let into = edition.out(&out);
        edition.content.write(&into).expect("writes");
    }
    let en = published(&out, "", "centre");
    let zh = published(&out, "../zh/content", "zhongxin");
    assert_eq!(en.translations.len(), 1);
    assert_eq!(
        (
            en.translations[0].edition.as_str(),
            en.translations[0].slug.as_str()
        ),
        ("zh", "zhongxin")
    );
    assert_eq!(
        (
            zh.translations[0].edition.as_str(),
            zh.translations[0].slug.as_str()
        ),
        ("en", "centre")
    );
    assert!(published(&out, "", "alone").translations.is_empty());
    assert!(
        published(&out, "../zh/content", "huiyi")
            .translations
            .is_empty()
    );
}

#[test]
fn a_key_no_other_edition_has_is_reported_at_the_key() {
    let root = folder(
        "dangling",
        &[(
            "zh/zhongxin.md",
            article("中心揭牌", "language: zh\ntranslation_key: nowhere\n"),
        )],
    );
    let (_, problems) = Content::load(&root).editions();
    assert_eq!(
        errors(&problems),
        ["zhongxin.md:7:18: translation key \"nowhere\": no article of another edition has it"]
    );
}

#[test]
fn a_related_article_of_the_other_edition_is_an_error_that_says_so() {
    let root = folder(
        "related-across",
        &[
            (
                "centre.md",
                article("Centre unveiled", "related: [zhongxin]\n"),
            ),
            ("zh/zhongxin.md", article("中心揭牌", "language: zh\n")),
        ],
    );
    let (_, problems) = Content::load(&root).editions();
    assert_eq!(
        errors(&problems),
        [
            "centre.md:6:10: related article \"zhongxin\" is in the other edition (zh): an article's related articles are of its own edition"
        ]
    );
}

#[test]
fn a_key_whose_other_article_failed_to_load_is_not_said_to_dangle() {
    let broken = article("Centre unveiled", "translation_key: centre\n")
        .replace("published: 2020-11-22", "published: 2020-13-40");
    let root = folder(
        "failed-partner",
        &[
            ("centre.md", broken),
            (
                "zh/zhongxin.md",
                article("中心揭牌", "language: zh\ntranslation_key: centre\n"),
            ),
        ],
    );
    let (_, problems) = Content::load(&root).editions();
    let said = errors(&problems);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("centre.md:4:12: "), "{said:?}");
}

#[test]
fn a_key_two_articles_of_one_edition_share_is_not_mutual_and_is_reported() {
    let root = folder(
        "shared",
        &[
            ("centre.md", article("Centre opens", "translation_key: k\n")),
            (
                "zh/a.md",
                article("中心揭牌", "language: zh\ntranslation_key: k\n"),
            ),
            (
                "zh/b.md",
                article("中心揭牌仪式", "language: zh\ntranslation_key: k\n"),
            ),
        ],
    );
    let (_, problems) = Content::load(&root).editions();
    assert_eq!(
        errors(&problems),
        [
            "b.md:7:18: translation key \"k\" is a's already, in the same edition (zh): a key names one article in each"
        ]
    );
}

#[test]
fn a_language_the_site_lacks_is_reported_at_the_field() {
    let root = folder(
        "unknown",
        &[("fr.md", article("Le centre", "language: fr\n"))],
    );
    let (_, problems) = Content::load(&root).editions();
    assert_eq!(
        errors(&problems),
        [
            "fr.md:6:11: language \"fr\" is not one of the site's (en, zh): add its edition to site.json's \"languages\", or remove the field"
        ]
    );
}

#[test]
fn a_site_of_one_language_reports_an_article_in_another() {
    let root = folder(
        "one-language",
        &[
            ("zh/a.md", article("中心揭牌", "language: zh\n")),
            ("b.md", article("The centre", "language: en\n")),
        ],
    );
    let one: serde_json::Value = serde_json::from_str(SITE).expect("site");
    let mut one = one.as_object().cloned().expect("object");
    one.remove("languages");
    fs::write(
        root.join("site.json"),
        serde_json::Value::Object(one).to_string(),
    )
    .expect("site");
    let (_, problems) = Content::load(&root).editions();
    assert_eq!(
        errors(&problems),
        [
            "a.md:6:11: language \"zh\" is not one of the site's (en): add its edition to site.json's \"languages\", or remove the field"
        ]
    );
}

#[test]
fn an_edition_in_a_language_with_no_table_of_labels_fails_the_build() {
    let root = folder("no-labels", &[("centre.md", article("Centre opens", ""))]);
    let site = SITE.replace(
        r#""code": "zh",
    "language": "zh-CN","#,
        r#""code": "fr",
    "language": "fr-FR","#,
    );
    fs::write(root.join("site.json"), site).expect("site");
    let (_, problems) = Content::load(&root).editions();
    assert_eq!(
        errors(&problems),
        [
            "site.json:12:17: language \"fr-FR\" has no complete table of labels: i18n/fr.json lacks (the whole table)"
        ]
    );
}

#[test]
fn an_editions_settings_that_do_not_fit_are_reported_where_it_sets_them() {
    let root = folder(
        "edition-model",
        &[("centre.md", article("Centre opens", ""))],
    );
    let site = SITE
        .replace(
            r#""list_title": "新闻动态""#,
            r#""list_title": ["新闻动态"]"#,
        )
        .replace(
            r#""footer": {"heading": "联系我们", "links": []}"#,
            r#""footer": {"links": []}"#,
        )
        // Its own address, with a folder the build's base should give.
        .replace(
            r#""name": "上海理工大学新闻网","#,
            r#""name": "上海理工大学新闻网", "origin": "https://news.example.edu/zh/","#,
        );
    fs::write(root.join("site.json"), site).expect("site");
    let (_, problems) = Content::load(&root).editions();
    assert_eq!(
        errors(&problems),
        [
            "site.json:14:36: \"origin\" must be the site's address, scheme and host only (\"https://news.example.edu\"), not \"https://news.example.edu/zh/\"",
            "site.json:16:19: invalid type: sequence, expected a string",
            "site.json:18:15: missing field `heading`",
        ]
    );
}

/// A Markdown article of `section`; `extra` lines go into its front matter.
fn in_section(headline: &str, section: &str, extra: &str) -> String {
    article(headline, extra).replacen("section: Research", &format!("section: {section}"), 1)
}

/// The sections the published `site.json` of the edition in `path` below
/// `out` lists: each name with its counterparts (edition, slug).
fn sections(out: &Path, path: &str) -> Vec<(String, Vec<(String, String)>)> {
    let text = fs::read_to_string(out.join(path).join("site.json")).expect("site.json");
    let site: reader_model::Site = from_json(&text).expect("a site");
    (site.sections.into_iter())
        .map(|section| {
            let counterparts = (section.translations.into_iter())
                .map(|t| (t.edition, t.slug.as_str().to_owned()))
                .collect();
            (section.name, counterparts)
        })
        .collect()
}

#[test]
fn translated_articles_link_their_sections_and_the_most_of_them_win() {
    let root = folder(
        "sections",
        &[
            ("a.md", in_section("A", "Research", "translation_key: a\n")),
            (
                "zh/jia.md",
                in_section("甲", "科研", "language: zh\ntranslation_key: a\n"),
            ),
            ("b.md", in_section("B", "Research", "translation_key: b\n")),
            (
                "zh/yi.md",
                in_section("乙", "科研", "language: zh\ntranslation_key: b\n"),
            ),
            // One translation in another section: outvoted.
            ("c.md", in_section("C", "Research", "translation_key: c\n")),
            (
                "zh/bing.md",
                in_section("丙", "校园", "language: zh\ntranslation_key: c\n"),
            ),
            // No translation: no counterpart.
            ("d.md", in_section("D", "Students", "")),
        ],
    );
    let out = built(&root);
    let pair = |code: &str, slug: &str| vec![(code.to_owned(), slug.to_owned())];
    assert_eq!(
        sections(&out, ""),
        [
            ("Research".to_owned(), pair("zh", "ke-yan")),
            ("Students".to_owned(), Vec::new()),
        ]
    );
    assert_eq!(
        sections(&out, "../zh/content"),
        [
            ("校园".to_owned(), pair("en", "research")),
            ("科研".to_owned(), pair("en", "research")),
        ]
    );
}

/// A Markdown article with `speeches` speech sections, by "Speaker 1" to
/// "Speaker n"; `extra` lines go into its front matter.
fn with_speeches(headline: &str, extra: &str, speeches: usize) -> String {
    let names: Vec<String> = (1..=speeches).map(|n| format!("Speaker {n}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    spoken_by(headline, extra, &names)
}

#[test]
fn translations_with_as_many_speeches_share_them_others_do_not() {
    let root = folder(
        "speeches",
        &[
            (
                "same.md",
                with_speeches("Same", "translation_key: same\n", 3),
            ),
            (
                "zh/xiangtong.md",
                with_speeches("相同", "language: zh\ntranslation_key: same\n", 3),
            ),
            (
                "fewer.md",
                with_speeches("Fewer", "translation_key: fewer\n", 1),
            ),
            (
                "zh/gengduo.md",
                with_speeches("更多", "language: zh\ntranslation_key: fewer\n", 2),
            ),
        ],
    );
    let out = built(&root);
    let shared = |path: &str, slug: &str| published(&out, path, slug).translations[0].speeches;
    assert_eq!(shared("", "same"), 3);
    assert_eq!(shared("../zh/content", "xiangtong"), 3);
    assert_eq!(shared("", "fewer"), 0);
    assert_eq!(shared("../zh/content", "gengduo"), 0);
    // A translation that shares none is published as before: no field.
    let text = fs::read_to_string(out.join("articles/fewer.json")).expect("published");
    assert!(!text.contains("speeches"), "{text}");
}

/// A Markdown article whose speech sections are by `speakers`, in order.
fn spoken_by(headline: &str, extra: &str, speakers: &[&str]) -> String {
    let mut text = article(headline, extra);
    for speaker in speakers {
        text.push_str(&format!(
            "\n```speech\nspeaker: {speaker}\ncaption: {speaker} spoke.\n```\n\nA few words.\n"
        ));
    }
    text
}

#[test]
fn a_speaker_of_a_translated_article_has_their_page_in_the_other_edition() {
    let root = folder(
        "speaker-pages",
        &[
            (
                "centre.md",
                spoken_by(
                    "Centre",
                    "translation_key: centre\n",
                    &["Wu Jincheng", "Ding Xiaodong"],
                ),
            ),
            (
                "zh/zhongxin.md",
                spoken_by(
                    "中心",
                    "language: zh\ntranslation_key: centre\n",
                    &["吴金城", "丁晓东"],
                ),
            ),
            // Not translated: its speaker has no page elsewhere.
            ("forum.md", spoken_by("Forum", "", &["Elise Durand"])),
        ],
    );
    let out = built(&root);
    let speaker = |path: &str, slug: &str| -> reader_model::Speaker {
        let file = out.join(path).join("speakers").join(format!("{slug}.json"));
        from_json(&fs::read_to_string(&file).expect("a speaker's page")).expect("reads")
    };
    let there = |speaker: reader_model::Speaker| -> Vec<(String, String)> {
        (speaker.translations.into_iter())
            .map(|t| (t.edition, t.slug.as_str().to_owned()))
            .collect()
    };
    assert_eq!(
        there(speaker("", "ding-xiaodong")),
        [("zh".to_owned(), "ding-xiao-dong".to_owned())]
    );
    assert_eq!(
        there(speaker("", "wu-jincheng")),
        [("zh".to_owned(), "wu-jin-cheng".to_owned())]
    );
    assert_eq!(
        there(speaker("../zh/content", "ding-xiao-dong")),
        [("en".to_owned(), "ding-xiaodong".to_owned())]
    );
    assert!(there(speaker("", "elise-durand")).is_empty());
    let text = fs::read_to_string(out.join("speakers/elise-durand.json")).expect("published");
    assert!(!text.contains("translations"), "{text}");
}
