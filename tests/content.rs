//! Every content file the app ships, read through the model the app uses,
//! and the seed article compared with the published page's text. On the
//! host only: the content tool is not built for the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use reader_content::Content;
use reader_model::{Article, ArticleSource, Block, Image, ListPage, Site, Slug, from_json};

const SEED: &str = "usst-medical-equipment-centre";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn content() -> PathBuf {
    repo().join("content")
}

/// Line `n` (1-based, as the seed's README numbers them) of the seed text.
fn seed_line(n: usize) -> String {
    let text =
        fs::read_to_string(repo().join("tests/fixtures/seed/usst-medical-equipment-centre.txt"))
            .expect("seed text");
    text.split('\n').nth(n - 1).expect("line exists").to_owned()
}

/// Every article file below `dir`, in its sub-folders too.
fn article_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("articles folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(article_files(&path));
        } else if path
            .extension()
            .is_some_and(|ext| ext == "json" || ext == "md")
        {
            files.push(path);
        }
    }
    files
}

/// Every article of every edition.
fn sources() -> Vec<ArticleSource> {
    let mut articles: Vec<ArticleSource> = article_files(&content().join("articles"))
        .into_iter()
        .map(|path| {
            reader_content::convert::read(&path, &fs::read_to_string(&path).expect("readable"))
                .unwrap_or_else(|err| panic!("{err}"))
        })
        .collect();
    articles.sort_by(|a, b| a.slug.cmp(&b.slug));
    articles
}

fn seed() -> ArticleSource {
    sources()
        .into_iter()
        .find(|a| a.slug.as_str() == SEED)
        .expect("the seed article is shipped")
}

#[test]
fn the_content_builds_without_a_single_problem() {
    let build = Content::load(&content());
    assert_eq!(build.problems(), &[], "content problems");
    assert_eq!(build.article_count(), sources().len());
}

#[test]
fn the_seed_keeps_its_headline_date_and_dateline_as_published() {
    let seed = seed();
    assert_eq!(seed.headline, seed_line(3));
    assert_eq!(
        seed.published.map(|day| day.iso()).as_deref(),
        Some("2020-11-22")
    );
    assert_eq!(seed.authors, ["Zhang Liu"]);
    assert_eq!(seed.copy_editors, ["William", "Zhang Liu"]);
    assert_eq!(
        seed.dateline(&reader_model::Labels::english()),
        Some(seed_line(5))
    );
}

/// Every paragraph and caption, to the byte: typos ("Comission",
/// "been13"), double spaces and the no-break space included.
#[test]
fn the_seed_keeps_every_paragraph_and_caption_in_published_order() {
    let seed = seed();
    let blocks: Vec<(&str, &str)> = seed
        .body
        .blocks()
        .iter()
        .map(|block| match block {
            Block::Paragraph { text, .. } => ("paragraph", text.as_str()),
            Block::Speech(speech) => ("speech", speech.caption.as_str()),
            other => panic!("the seed has no {other:?}"),
        })
        .collect();
    let expected: Vec<(&str, String)> = [
        ("paragraph", 7),
        ("paragraph", 9),
        ("speech", 11),
        ("paragraph", 13),
        ("speech", 15),
        ("paragraph", 17),
        ("speech", 19),
        ("paragraph", 21),
    ]
    .into_iter()
    .map(|(kind, line)| (kind, seed_line(line)))
    .collect();
    let expected: Vec<(&str, &str)> = expected.iter().map(|(k, t)| (*k, t.as_str())).collect();
    assert_eq!(blocks, expected);
    assert!(
        seed_line(7).contains("of which\u{a0}7"),
        "the seed's no-break space"
    );
    assert!(seed_line(19).contains("Ding Xiaodong"));
}

#[test]
fn the_seed_names_each_speaker_and_role_as_the_captions_do() {
    let seed = seed();
    let speakers: Vec<(&str, Option<&str>)> = seed
        .body
        .speeches()
        .map(|s| (s.speaker.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        speakers,
        [
            (
                "Wu Jincheng",
                Some("Director of Shanghai Economic and Information Comission")
            ),
            ("Wu Jianyong", Some("Secretary of Party Committee of USST")),
            ("Ding Xiaodong", Some("USST President")),
        ]
    );
    for speech in seed.body.speeches() {
        assert!(speech.caption.contains(&speech.speaker));
        assert!(
            speech
                .caption
                .contains(speech.role.as_deref().unwrap_or_default())
        );
    }
}

#[test]
fn the_samples_cover_sections_years_speeches_and_related_links() {
    let articles = sources();
    let samples: Vec<&ArticleSource> = articles
        .iter()
        .filter(|a| a.slug.as_str() != SEED)
        .collect();
    assert!(samples.len() >= 8, "{} samples", samples.len());
    let sections: BTreeSet<&str> = articles.iter().map(|a| a.section.as_str()).collect();
    assert!(sections.len() >= 3, "{sections:?}");
    let years: BTreeSet<u16> = articles
        .iter()
        .filter_map(|a| a.published.map(|day| day.year()))
        .collect();
    assert!(years.len() >= 3, "{years:?}");
    let with_speeches = samples
        .iter()
        .filter(|a| a.body.speeches().next().is_some())
        .count();
    assert!(
        with_speeches >= 3,
        "{with_speeches} samples with speech sections"
    );
    let slugs: BTreeSet<&Slug> = articles.iter().map(|a| &a.slug).collect();
    for article in &articles {
        assert!(
            !article.related_articles().is_empty(),
            "{} has no related articles",
            article.slug
        );
        for related in article.related_articles() {
            assert!(slugs.contains(related), "{} → {related}", article.slug);
            assert_ne!(related, &article.slug, "{} relates to itself", article.slug);
        }
    }
}

#[test]
fn every_picture_exists_and_has_alternative_text() {
    let images = |article: &ArticleSource| -> Vec<Image> {
        let mut all: Vec<Image> = article.thumbnail.iter().cloned().collect();
        for block in article.body.blocks() {
            match block {
                Block::Speech(s) => all.extend(s.photo.clone()),
                Block::Figure(f) => all.extend(f.image.clone()),
                _ => {}
            }
        }
        all
    };
    let mut seen = 0;
    for article in sources() {
        for image in images(&article) {
            let path = repo().join(image.src.as_str());
            assert!(
                path.is_file(),
                "{}: missing {}",
                article.slug,
                path.display()
            );
            assert!(
                !image.alt.trim().is_empty(),
                "{}: {} has no alt",
                article.slug,
                image.src
            );
            assert!(
                image.width.is_some() && image.height.is_some(),
                "{}: size",
                image.src
            );
            seen += 1;
        }
    }
    assert!(
        seen > 0,
        "no pictures at all: the with-photo path is untested"
    );
}

/// What the build publishes is what the app's model reads.
#[test]
fn the_published_files_parse_as_the_app_reads_them() {
    let scratch = tempfile::Builder::new()
        .prefix("reader-published-")
        .tempdir()
        .expect("a scratch folder");
    let out = scratch.path().join("content");
    let (editions, problems) = Content::load(&content()).editions();
    assert_eq!(problems, [], "content problems");
    let english = editions.into_iter().next().expect("the first edition");
    assert_eq!(english.code, "en");
    english.content.write(&out).expect("written");
    // The first edition's articles: those that name no other language.
    let sources = || -> Vec<ArticleSource> {
        (sources().into_iter())
            .filter(|a| a.language.is_none())
            .collect()
    };
    let read = |path: &Path| fs::read_to_string(path).expect("published file");

    let site: Site = from_json(&read(&out.join("site.json"))).expect("site");
    assert_eq!(site.footer.heading, "Stay Connected");
    assert!(!site.footer.links.is_empty());

    let index: ListPage = from_json(&read(&out.join("list/front.json"))).expect("list page 1");
    assert_eq!(index.articles().len(), sources().len());
    let index_json = read(&out.join("list/front.json"));
    assert!(
        !index_json.contains("\"body\""),
        "the index carries only what the list shows"
    );

    for item in index.articles() {
        let article: Article = from_json(&read(&out.join(format!("articles/{}.json", item.slug))))
            .unwrap_or_else(|err| panic!("{}: {err}", item.slug));
        assert_eq!(article.headline, item.headline);
        assert!(article.body.skipped().is_empty());
    }
    let seed: Article = from_json(&read(&out.join(format!("articles/{SEED}.json")))).expect("seed");
    assert_eq!(
        seed.related_articles().len(),
        self::seed().related_articles().len()
    );
}
