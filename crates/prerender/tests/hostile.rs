//! Hostile strings in every field an editor writes, through the whole
//! prerender: each page, read back by a browser-grade HTML parser
//! (html5ever), holds them as text only; no element or script is added,
//! the head and the embedded data carry them intact, and the feeds stay
//! well-formed XML.

use std::fs;
use std::path::Path;

use reader_model::{PageContent, PageData};
use scraper::{Html, Selector};

mod support;
use support::{LOADER, Scratch, template};

/// Breaks out of every context a string can land in: a `<title>`, an
/// attribute, a `<script>`, a comment, CDATA, JSON and XML.
const HOSTILE: &str = "</title></script><script>alert(1)</script>\"><img src=x onerror=alert(2)>\
    '--><!-- ]]> &amp; &lt; {\"a\":1} \u{2028}\u{2029} \u{1} end";

/// A dist folder as Trunk and reader-content leave it, with hostile content.
/// The published content, every string the payload; `via_markdown`
/// writes each article as an editor's Markdown file first and publishes
/// what the Markdown reads as. The folder is removed when the test ends.
fn hostile_dist(name: &str, via_markdown: bool) -> Scratch {
    let dist = Scratch::new(&format!("reader-prerender-{name}-"));
    fs::create_dir_all(dist.join("content/articles")).expect("dist");
    fs::write(dist.join("index.html"), template()).expect("template");
    fs::write(dist.join("reader-0123456789abcdef.js"), "export default 1;").expect("js");
    let text = serde_json::json!(HOSTILE);
    let site = serde_json::json!({
        "name": text, "description": text, "list_title": text,
        "origin": "https://news.example.edu", "language": "en",
        "home": {"label": text, "href": "https://example.edu/"},
        "nav": [{"label": text, "href": "/"}],
        "footer": {"heading": text, "links": [{"label": text, "href": "mailto:a@example.edu"}], "note": text},
        "sections": [{"slug": "hostile", "name": text}],
        // Editions as a damaged site.json might name them: a folder that
        // would lead off the site is never linked.
        "editions": [
            {"code": "en", "name": text, "language": "en", "path": "", "current": true},
            {"code": text, "name": text, "language": text, "path": "zh/"},
            {"code": "xx", "name": text, "language": text, "path": "//evil.example/"}
        ]
    });
    let article = |slug: &str, related: Vec<serde_json::Value>| {
        serde_json::json!({
            "slug": slug, "headline": text, "section": text, "published": "2024-01-02",
            "author": text, "copy_editors": [text], "summary": text,
            "thumbnail": {"src": "content/images/a.svg", "alt": text, "width": 4, "height": 3},
            "lead": {"caption": text, "image": {"src": "content/images/a.svg", "alt": text}},
            "body": [
                {"type": "paragraph", "text": text},
                {"type": "speech", "speaker": text, "role": text, "caption": text,
                 "photo": {"src": "content/images/a.svg", "alt": text, "width": 1, "height": 1, "credit": text}},
                {"type": "figure", "caption": text, "image": {"src": "content/images/a.svg", "alt": text, "width": 4, "height": 3}},
                {"type": "quote", "text": text, "attribution": text}
            ],
            "related": related,
            "language": text,
            "translation_key": text,
            "translations": [{"edition": text, "slug": "b"}, {"edition": "xx", "slug": "a"}]
        })
    };
    let mut a = article(
        "a",
        vec![serde_json::json!({"slug": "b", "headline": text})],
    );
    let mut b = article("b", vec![]);
    if via_markdown {
        a = through_markdown(&a);
        b = through_markdown(&b);
    }
    fs::write(dist.join("content/articles/a.json"), a.to_string()).expect("a");
    fs::write(dist.join("content/articles/b.json"), b.to_string()).expect("b");
    let item = |slug: &str| serde_json::json!({"slug": slug, "headline": text, "published": "2024-01-02", "section": text, "summary": text});
    // Each list as its front and its one archive page.
    let list = |section: serde_json::Value, page: serde_json::Value| {
        serde_json::json!({"articles": [item("a"), item("b")], "page": page, "total": 2,
            "section": section})
        .to_string()
    };
    fs::create_dir_all(dist.join("content/list")).expect("list");
    fs::create_dir_all(dist.join("content/sections/hostile")).expect("section");
    let hostile = serde_json::json!({"slug": "hostile", "name": text});
    for (dir, section) in [
        ("content/list", serde_json::Value::Null),
        ("content/sections/hostile", hostile),
    ] {
        for (file, page) in [
            ("front.json", serde_json::Value::Null),
            ("1.json", 1.into()),
        ] {
            fs::write(dist.join(dir).join(file), list(section.clone(), page)).expect("list");
        }
    }
    fs::write(dist.join("content/site.json"), site.to_string()).expect("site");
    // The speakers, as reader-content derives them from the articles.
    let parsed: Vec<reader_model::Article> = [&a, &b]
        .iter()
        .map(|json| reader_model::from_json(&json.to_string()).expect("article"))
        .collect();
    let (speakers, people) =
        reader_model::build_speakers(&parsed, &reader_model::Aliases::default());
    fs::create_dir_all(dist.join("content/speakers")).expect("speakers");
    fs::write(
        dist.join("content/speakers/index.json"),
        reader_model::to_json(&speakers).expect("json"),
    )
    .expect("index");
    for person in &people {
        fs::write(
            dist.join(format!("content/speakers/{}.json", person.slug)),
            reader_model::to_json(person).expect("json"),
        )
        .expect("person");
    }
    // The second edition: the same content, in its folder.
    copy_folder(&dist.join("content"), &dist.join("zh/content"));
    let mut zh_site = site.clone();
    zh_site["editions"][0]["current"] = false.into();
    zh_site["editions"][1]["current"] = true.into();
    fs::write(dist.join("zh/content/site.json"), zh_site.to_string()).expect("site");
    dist
}

fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("folder");
    for entry in fs::read_dir(from).expect("folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// `article` written as Markdown and read back, as the build reads an
/// editor's `.md` file; its published related links kept.
fn through_markdown(article: &serde_json::Value) -> serde_json::Value {
    let mut source = article.clone();
    source["related"] = serde_json::json!([]);
    let source: reader_model::ArticleSource = serde_json::from_value(source).expect("an article");
    let markdown = reader_content::markdown::write::article(&source).expect("writes");
    assert!(markdown.contains("\n---\n"), "{markdown}");
    let mut read = reader_content::markdown::read(&markdown, "x")
        .expect("the payload is text")
        .json;
    read["related"] = article["related"].clone();
    read
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

fn prerendered(dist: &Path, file: &str) -> Html {
    Html::parse_document(&fs::read_to_string(dist.join(file)).expect("page"))
}

#[test]
fn hostile_content_is_only_ever_text() {
    only_text(&hostile_dist("text", false));
}

#[test]
fn hostile_markdown_is_only_ever_text() {
    only_text(&hostile_dist("markdown", true));
}

fn only_text(dist: &Path) {
    let dist = dist.to_path_buf();
    let configs = dist.join("configs");
    reader_prerender::prerender(&dist, "/", &configs).expect("prerender");
    let expected_data: reader_model::Article = reader_model::from_json(
        &fs::read_to_string(dist.join("content/articles/a.json")).expect("a"),
    )
    .expect("article");

    for file in [
        "index.html",
        "news/a/index.html",
        "news/b/index.html",
        "404.html",
        "zh/index.html",
        "zh/news/a/index.html",
    ] {
        let page = prerendered(&dist, file);
        // No element the content could have added.
        assert!(
            select(&page, "img[src=x], iframe, object, embed").is_empty(),
            "{file}"
        );
        for element in select(&page, "*") {
            for (name, value) in element.value().attrs() {
                assert!(
                    !name.starts_with("on"),
                    "{file}: an event handler attribute {name}"
                );
                if name == "href" || name == "src" {
                    assert!(
                        ["https://", "/", "mailto:", "#"]
                            .iter()
                            .any(|ok| value.starts_with(ok)),
                        "{file}: {name}={value}"
                    );
                    assert!(
                        !value.starts_with("//") && !value.contains("evil.example"),
                        "{file}: {name}={value} leads off the site"
                    );
                }
            }
        }
        // Only the loader, the page's data and (for articles) its JSON-LD.
        let scripts = select(&page, "script");
        let script = |kind: &str| {
            scripts
                .iter()
                .find(|s| s.value().attr("type") == Some(kind))
                .map(text)
        };
        let mut kinds: Vec<_> = scripts
            .iter()
            .map(|s| s.value().attr("type").unwrap_or_default())
            .collect();
        kinds.sort_unstable();
        let mut expected = vec!["application/json", "module"];
        if file.starts_with("news/") || file.starts_with("zh/news/") {
            expected.insert(1, "application/ld+json");
        }
        assert_eq!(kinds, expected, "{file}");
        // The deferred loader, the same on every page, whatever the content.
        let loader = script("module").unwrap_or_default();
        assert!(
            loader.contains(r#""script":"/reader-0123456789abcdef.js""#)
                && loader.contains(".default({module_or_path:")
                && !loader.contains(LOADER)
                // The script's hash is made from it as minified, not Trunk's.
                && !loader.contains("sha384-JS"),
            "{file}: {loader}"
        );
        // The title holds the text, whole.
        let title = text(&select(&page, "title")[0]);
        assert!(
            title.starts_with(HOSTILE) || title == format!("Page not found · {HOSTILE}"),
            "{file}: {title:?}"
        );
        assert_eq!(
            select(&page, r#"meta[name="description"]"#)[0]
                .value()
                .attr("content")
                .map(|d| d == HOSTILE || file == "404.html"),
            Some(true),
            "{file}"
        );
        // The page's data reads back as written: in the page, or in the
        // files it names, put together as the loader does.
        let element = &select(&page, "#reader-data")[0];
        let attribute = |name: &str| element.value().attr(name).unwrap_or_default();
        let json = match element.value().attr("data-src") {
            Some(own) => {
                let named = |href: &str| {
                    fs::read_to_string(dist.join(href.trim_start_matches('/')))
                        .expect("a named file")
                };
                format!(
                    r#"{{"site":{},"{}":{}}}"#,
                    named(attribute("data-site")),
                    attribute("data-field"),
                    named(own)
                )
            }
            None => text(element),
        };
        let data: PageData = reader_model::from_json(&json).expect("page data");
        assert_eq!(data.site.name, HOSTILE);
        if file == "news/a/index.html" {
            assert_eq!(data.content, PageContent::Article(expected_data.clone()));
            assert_eq!(text(&select(&page, "main h1")[0]), HOSTILE);
            for selector in [
                ".speech__speaker",
                ".speech__caption",
                ".article__body > p",
                "blockquote p",
                ".figure figcaption",
                ".related a",
            ] {
                let found = select(&page, selector);
                assert!(!found.is_empty(), "{selector}");
                assert!(
                    found.iter().all(|el| text(el) == HOSTILE),
                    "{selector}: {:?}",
                    found.iter().map(text).collect::<Vec<_>>()
                );
            }
            assert_eq!(
                select(&page, ".figure figcaption").len(),
                2,
                "the lead's and the figure's"
            );
            assert_eq!(
                text(&select(&page, ".speech__credit")[0]),
                format!("Photo: {HOSTILE}")
            );
            let structured: serde_json::Value =
                serde_json::from_str(&script("application/ld+json").unwrap_or_default())
                    .expect("json-ld");
            assert_eq!(structured["headline"], HOSTILE);
            assert_eq!(structured["author"][0]["name"], HOSTILE);
            assert_eq!(
                select(&page, r#"meta[property="og:image:alt"]"#)[0]
                    .value()
                    .attr("content"),
                Some(HOSTILE)
            );
        }
    }
}

#[test]
fn feeds_with_hostile_content_are_well_formed_xml() {
    let dist = hostile_dist("feeds", false);
    reader_prerender::prerender(&dist, "/", &dist.join("configs")).expect("prerender");
    for file in ["atom.xml", "sitemap.xml"] {
        let xml = fs::read_to_string(dist.join(file)).expect("feed");
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut depth = 0i32;
        let mut texts = String::new();
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                Ok(quick_xml::events::Event::Text(t)) => {
                    texts.push_str(&t.decode().expect("utf-8"));
                }
                Ok(quick_xml::events::Event::GeneralRef(r)) => {
                    texts.push_str(&format!("&{};", String::from_utf8_lossy(&r)));
                }
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(error) => panic!("{file}: not well-formed: {error}"),
            }
        }
        assert_eq!(depth, 0, "{file}");
        assert!(
            !texts.contains('\u{1}'),
            "{file}: a character XML cannot hold"
        );
    }
    let atom = fs::read_to_string(dist.join("atom.xml")).expect("atom");
    assert!(atom.contains("<title>&lt;/title&gt;&lt;/script&gt;&lt;script&gt;alert(1)"));
}
