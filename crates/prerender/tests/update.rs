//! An update of a finished build after the content changed
//! (`scripts/update.sh`: the content build into its `content/`, then
//! `reader-prerender --update`) renders only what changed, rewrites only
//! the files whose bytes change, and leaves the folder byte for byte as a
//! clean build of the same content would.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use reader_prerender::{Incremental, Mode, Options, Summary, prerender_with};

mod support;
use support::Scratch;

const EDITED: &str = "usst-library-reopens-after-renovation";
const UNRELATED: &str = "usst-campus-radio-station-goes-on-air";
const DELETED: &str = "usst-choir-wins-gold-at-shanghai-student-arts-festival";
const NEW_HEADLINE: &str = "A headline the editor rewrote";
/// The seed, and its translation in the Chinese edition: three speeches each.
const SEED: &str = "usst-medical-equipment-centre";
const ZH_SEED: &str = "shangli-gaoduan-yiliao-qixie-zhongxin";

struct Site {
    /// Removed when the site is dropped (its test ends).
    root: Scratch,
    /// Whether the content build keeps a journal of what it changed for
    /// the prerender (as the scripts run them), or the prerender looks at
    /// every content file.
    journal: bool,
}

impl Site {
    /// A working folder with a copy of the repository's content, and a
    /// staging folder as Trunk leaves it.
    fn new(name: &str) -> Self {
        let root = Scratch::new(&format!("reader-update-{name}-"));
        copy(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
            &root.join("content"),
        );
        let dist = root.join("dist");
        fs::create_dir_all(&dist).expect("dist");
        fs::write(dist.join("index.html"), support::template()).expect("template");
        fs::write(dist.join("reader-0123456789abcdef.js"), "export default 1;").expect("js");
        Self {
            root,
            journal: true,
        }
    }

    fn without_journal(mut self) -> Self {
        self.journal = false;
        self
    }

    fn content_state(&self) -> PathBuf {
        self.root.join("content-state")
    }

    fn content(&self) -> PathBuf {
        self.root.join("content")
    }

    fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// The content build into `dist/content`, as `scripts/update.sh` and
    /// Trunk's hook run it.
    fn build_content(&self) {
        let (editions, problems) = reader_content::Content::load(&self.content()).editions();
        assert_eq!(problems, [], "content problems");
        let out = self.dist().join("content");
        for edition in editions {
            let out = edition.out(&out);
            if self.journal {
                let state = reader_content::Mode::Update(self.content_state());
                (edition.content)
                    .write_with(&out, edition.mode(&state))
                    .expect("content");
            } else {
                edition.content.write(&out).expect("content");
            }
        }
    }

    fn prerender(&self, update: bool) -> Summary {
        let incremental = Incremental {
            state: self.root.join("state"),
            content_state: self.journal.then(|| self.content_state()),
        };
        let options = Options {
            mode: if update {
                Mode::Update(incremental)
            } else {
                Mode::Whole(Some(incremental))
            },
            compress_cache: None,
            offline: true,
        };
        prerender_with(&self.dist(), "/", &self.root.join("configs"), &options).expect("prerender")
    }

    /// Every published file (and host configuration), by path.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut found = BTreeMap::new();
        for dir in ["dist", "configs"] {
            for (path, bytes) in support::files(&self.root.join(dir)) {
                found.insert(Path::new(dir).join(path), bytes);
            }
        }
        found
    }

    fn times(&self) -> BTreeMap<PathBuf, SystemTime> {
        self.files()
            .into_keys()
            .map(|path| {
                let time = fs::metadata(self.root.join(&path))
                    .and_then(|meta| meta.modified())
                    .expect("time");
                (path, time)
            })
            .collect()
    }

    fn edit(&self) {
        let path = self.content().join(format!("articles/{EDITED}.json"));
        let mut article: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("read")).expect("json");
        let body = article["body"].as_array_mut().expect("body");
        let paragraph = body
            .iter_mut()
            .find(|block| block["type"] == "paragraph")
            .expect("a paragraph");
        let text = format!(
            "{} A sentence the editor added.",
            paragraph["text"].as_str().expect("text")
        );
        paragraph["text"] = text.into();
        fs::write(&path, serde_json::to_string_pretty(&article).expect("json")).expect("write");
    }

    /// The newest article gets a new headline.
    fn edit_headline(&self) {
        let articles = self.content().join("articles");
        let newest = (fs::read_dir(&articles).expect("articles"))
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .max_by_key(|path| {
                let text = fs::read_to_string(path).expect("read");
                let article: serde_json::Value = serde_json::from_str(&text).expect("json");
                article["published"].as_str().unwrap_or_default().to_owned()
            })
            .expect("an article");
        let mut article: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&newest).expect("read")).expect("json");
        article["headline"] = NEW_HEADLINE.into();
        fs::write(
            &newest,
            serde_json::to_string_pretty(&article).expect("json"),
        )
        .expect("write");
    }

    /// The site's description changes: every page is made again, and
    /// the service worker gets a new version.
    fn edit_site(&self) {
        let path = self.content().join("site.json");
        let mut site: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("read")).expect("json");
        site["description"] = "News from a university, described again.".into();
        fs::write(&path, serde_json::to_string_pretty(&site).expect("json")).expect("write");
    }

    /// The seed's Chinese translation loses its last speech.
    fn drop_a_translated_speech(&self) {
        let path = self.content().join(format!("articles/zh/{ZH_SEED}.md"));
        let text = fs::read_to_string(&path).expect("read");
        let start = text.rfind("```speech").expect("a speech");
        let end = start + 3 + text[start + 3..].find("```").expect("its end") + 3;
        fs::write(&path, format!("{}{}", &text[..start], &text[end..])).expect("write");
    }

    /// The language switch of the seed's second speech's page.
    fn speech_switch(&self) -> String {
        let page = PathBuf::from(format!("dist/news/{SEED}/speech/2/index.html"));
        let html = String::from_utf8_lossy(&self.files()[&page]).into_owned();
        let at = html.find(r#"class="language-switch""#).expect("a switch");
        let href = html[at..].split("href=\"").nth(1).expect("a link");
        href[..href.find('"').expect("quoted")].to_owned()
    }

    fn delete_and_add(&self) {
        let articles = self.content().join("articles");
        fs::remove_file(articles.join(format!("{DELETED}.json"))).expect("delete");
        let text = fs::read_to_string(articles.join(format!("{UNRELATED}.json"))).expect("read");
        let mut article: serde_json::Value = serde_json::from_str(&text).expect("json");
        article["slug"] = "usst-a-new-article".into();
        article["headline"] = "A new article, published today".into();
        fs::write(
            articles.join("usst-a-new-article.json"),
            serde_json::to_string_pretty(&article).expect("json"),
        )
        .expect("write");
    }
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The updated folder is the clean build of the same content, file for
/// file and byte for byte.
fn assert_same(updated: &Site, clean: &Site) {
    let (got, want) = (updated.files(), clean.files());
    let missing: Vec<_> = want.keys().filter(|p| !got.contains_key(*p)).collect();
    let extra: Vec<_> = got.keys().filter(|p| !want.contains_key(*p)).collect();
    assert_eq!((missing, extra), (vec![], vec![]), "files differ");
    for (path, bytes) in &want {
        assert!(
            got[path] == *bytes,
            "{} differs from the clean build",
            path.display()
        );
    }
}

/// A clean build of `site`'s content as it is now.
fn clean_build_of(site: &Site, name: &str) -> Site {
    // Named after the site too: tests run at once.
    let of = site
        .root
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let clean = Site::new(&format!("{name}-of-{of}"));
    fs::remove_dir_all(clean.content()).expect("clear");
    copy(&site.content(), &clean.content());
    clean.build_content();
    clean.prerender(false);
    clean
}

#[test]
fn an_update_renders_and_writes_only_what_changed_and_equals_a_clean_build() {
    updates_equal_clean_builds(Site::new("site"));
}

#[test]
fn an_update_without_the_content_builds_journal_looks_at_every_file_and_equals_a_clean_build() {
    updates_equal_clean_builds(Site::new("site-nojournal").without_journal());
}

fn updates_equal_clean_builds(site: Site) {
    site.build_content();
    let full = site.prerender(false);
    assert_eq!(full.rendered_units, full.units);

    // Nothing changed: no page work, nothing written. (File times are
    // exact to the clock's tick, a few milliseconds at worst: far less
    // than a build takes.)
    let before = site.times();
    site.build_content();
    let nothing = site.prerender(true);
    assert_eq!(
        (nothing.rendered_units, nothing.rendered, nothing.written),
        (0, 0, 0)
    );
    assert_eq!(nothing.journal, site.journal);
    assert_eq!(nothing.lists_standing, site.journal);
    assert_eq!(
        site.times(),
        before,
        "an update with nothing changed rewrote files"
    );

    // One article edited: its pages are rendered again, and no file
    // whose bytes stay the same is written.
    let old = site.files();
    site.edit();
    site.build_content();
    let edited = site.prerender(true);
    assert_eq!(edited.journal, site.journal);
    // A paragraph: no list, section or speaker changed.
    assert_eq!(edited.lists_standing, site.journal);
    assert!(
        edited.rendered_units >= 1 && edited.rendered_units < full.units / 4,
        "{} of {} units rendered for one edit",
        edited.rendered_units,
        full.units
    );
    let after = site.times();
    let now = site.files();
    let changed: Vec<&PathBuf> = now.keys().filter(|p| old.get(*p) != now.get(*p)).collect();
    let rewritten: Vec<&PathBuf> = after.keys().filter(|p| after[*p] != before[*p]).collect();
    assert_eq!(rewritten, changed, "files rewritten without a change");
    let page = PathBuf::from(format!("dist/news/{EDITED}/index.html"));
    assert!(changed.contains(&&page), "{changed:?}");
    assert!(String::from_utf8_lossy(&now[&page]).contains("A sentence the editor added."));
    assert!(!changed.contains(&&PathBuf::from(format!("dist/news/{UNRELATED}/index.html"))));
    assert_same(&site, &clean_build_of(&site, "clean-edited"));

    // A headline: the lists and related links that show it change, and
    // their pages are rendered again.
    site.edit_headline();
    site.build_content();
    let retitled = site.prerender(true);
    assert_eq!(
        (retitled.journal, retitled.lists_standing),
        (site.journal, false)
    );
    let home =
        String::from_utf8_lossy(&site.files()[&PathBuf::from("dist/index.html")]).into_owned();
    assert!(
        home.contains(NEW_HEADLINE),
        "the home page does not show the new headline"
    );
    assert_same(&site, &clean_build_of(&site, "clean-retitled"));

    // The site's settings: every page again, and the service worker,
    // whose compressed copies are made again with it.
    let worker = site.files()[&PathBuf::from("dist/sw.js.br")].clone();
    site.edit_site();
    site.build_content();
    site.prerender(true);
    assert_ne!(
        site.files()[&PathBuf::from("dist/sw.js.br")],
        worker,
        "the worker's Brotli copy is the old worker"
    );
    assert_same(&site, &clean_build_of(&site, "clean-site"));

    // A speech dropped from the seed's translation: the two no longer
    // share their speeches, so the seed's speech pages (whose article did
    // not change) switch to the translation's top, not its second speech.
    assert_eq!(site.speech_switch(), format!("/zh/news/{ZH_SEED}/speech/2"));
    site.drop_a_translated_speech();
    site.build_content();
    site.prerender(true);
    assert_eq!(site.speech_switch(), format!("/zh/news/{ZH_SEED}"));
    assert_same(&site, &clean_build_of(&site, "clean-speech"));

    // An article deleted, another added: the deleted one's pages go.
    site.delete_and_add();
    site.build_content();
    let journal = reader_output::journal::FILE.in_folder(&site.content_state());
    if site.journal {
        // A content build that began and stopped (its changes unknown):
        // the update looks at every file.
        let mut text = fs::read_to_string(&journal).expect("the content build's journal");
        text.push_str("begin\n");
        fs::write(&journal, text).expect("a build stopped halfway");
    }
    let moved = site.prerender(true);
    assert!(
        !moved.journal,
        "a journal with a build stopped halfway was trusted"
    );
    assert_eq!(journal.exists(), site.journal);
    assert!(moved.removed >= 1, "{moved:?}");
    assert!(
        !site
            .dist()
            .join(format!("news/{DELETED}/index.html"))
            .exists()
    );
    assert!(
        !site
            .dist()
            .join(format!("content/articles/{DELETED}.json"))
            .exists()
    );
    assert!(
        site.dist()
            .join("news/usst-a-new-article/index.html")
            .is_file()
    );
    assert_same(&site, &clean_build_of(&site, "clean-moved"));
}

#[test]
fn an_update_needs_a_full_build_first() {
    let site = Site::new("nostate");
    site.build_content();
    let options = Options {
        mode: Mode::Update(Incremental {
            state: site.root.join("state"),
            content_state: None,
        }),
        compress_cache: None,
        offline: true,
    };
    let err = prerender_with(&site.dist(), "/", &site.root.join("configs"), &options)
        .expect_err("no state");
    assert!(err.to_string().contains("run a full build first"), "{err}");
}

#[test]
fn publishing_an_article_renders_a_bounded_number_of_pages() {
    // 299 generated articles: the news list has 15 archive pages, and
    // the sections a few each; its front shows pages 14 and 15 whole, and
    // one article more leaves it page 15 alone.
    let site = Site::new("publish");
    fs::remove_dir_all(site.content()).expect("clear");
    reader_content::generate::generate(
        299,
        &site.content(),
        reader_content::generate::Language::English,
    )
    .expect("generate");
    site.build_content();
    let full = site.prerender(false);
    let list_units = fs::read_dir(site.dist().join("content/list"))
        .expect("list")
        .count()
        + fs::read_dir(site.dist().join("content/sections"))
            .expect("sections")
            .map(|dir| {
                fs::read_dir(dir.expect("section").path())
                    .expect("pages")
                    .count()
            })
            .sum::<usize>();
    assert!(list_units > 25, "{list_units} list pages");

    // Published today: the newest of all.
    let articles = site.content().join("articles");
    let year = fs::read_dir(&articles)
        .expect("years")
        .next()
        .expect("a year")
        .expect("entry");
    let first = fs::read_dir(year.path())
        .expect("files")
        .next()
        .expect("a file")
        .expect("entry");
    let mut article: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(first.path()).expect("read")).expect("json");
    article["slug"] = "published-today".into();
    article["headline"] = "Published today".into();
    article["published"] = "2030-01-01".into();
    fs::create_dir_all(articles.join("2030")).expect("folder");
    fs::write(
        articles.join("2030/published-today.json"),
        serde_json::to_string_pretty(&article).expect("json"),
    )
    .expect("write");
    site.build_content();
    let published = site.prerender(true);
    // Its own unit, the fronts and newest pages of the news list and its
    // section (at most 3 each), and the articles whose related links now
    // name it: not every list page, as when pages counted from the newest.
    assert!(
        published.rendered_units <= 12,
        "{} of {} units rendered ({list_units} list pages)",
        published.rendered_units,
        full.units
    );
    assert!(
        site.dist()
            .join("news/published-today/index.html")
            .is_file()
    );
    // Archive page 14 is no longer on the front: the update made it its
    // own canonical page again, as a clean build has it.
    let page14 = fs::read_to_string(site.dist().join("news/archive/14/index.html")).expect("page");
    assert!(
        page14.contains(r#"<link rel="canonical" href="https://news.example.edu/news/archive/14""#),
        "{}",
        &page14[..page14.len().min(2000)]
    );
    assert_same(&site, &clean_build_of(&site, "clean-published"));
}
