//! The published layout, in one place: every file the build publishes
//! (the content build's JSON below [`CONTENT_DIR`], the prerender's pages,
//! feeds and host files) and every address the app asks for. The content
//! build, the prerender, the app and the deploy rules all name their paths
//! through this module; none spells one out on its own.
//!
//! Every path here is relative to the site's base (`/`, or `/news/` for a
//! site in a folder: see [`normalize_base`]).

use crate::{Section, Slug, Translation};

// ---- Content: the JSON the content build publishes and the app fetches
// (`content.rs`).

mod content;
pub use content::{CONTENT_DIR, ContentFile, ContentFolder};

// ---- Pages: the routes, and the files the prerender writes for them.

/// The first segment of an article's address (`news/<slug>`), and of the
/// news list's archive pages (`news/archive/<k>`).
pub const NEWS_SEGMENT: &str = "news";

/// The first segment of a section's list (`section/<s>`).
pub const SECTION_SEGMENT: &str = "section";

/// The file a page at `path` (below the base, as [`article_path`] and the
/// others give it) is prerendered into: `<path>/index.html`, or
/// `index.html` for the home page.
pub fn page_file(path: &str) -> String {
    if path.is_empty() {
        PAGE_INDEX.to_owned()
    } else {
        format!("{path}/{PAGE_INDEX}")
    }
}

/// The name of every prerendered page's file in its folder; also the home
/// page's, and Trunk's template before the prerender fills it in.
pub const PAGE_INDEX: &str = "index.html";

/// The "not found" page: the host answers any address it does not have
/// with it, and a real 404.
pub const NOT_FOUND_FILE: &str = "404.html";

/// Every page's address as the globs a host's rules match pages by
/// (below the base): the home page, its file, "not found", and each
/// route's first segment (itself a page for search and speakers).
pub fn page_globs() -> Vec<String> {
    let mut globs = vec![
        String::new(),
        PAGE_INDEX.to_owned(),
        NOT_FOUND_FILE.to_owned(),
    ];
    // Each route's first segment: its pages below it, the segment itself
    // a page, or only that one page (whose folder holds other files).
    let routes = [
        (NEWS_SEGMENT, false, true),
        (SECTION_SEGMENT, false, true),
        (SEARCH_PATH, true, true),
        (SPEAKERS_PATH, true, true),
        (SAVED_PATH, true, false),
        (OFFLINE_PATH, true, false),
    ];
    for (segment, is_page, has_pages_below) in routes {
        if is_page {
            globs.push(segment.to_owned());
        }
        globs.push(if has_pages_below {
            format!("{segment}/*")
        } else {
            format!("{segment}/")
        });
    }
    globs
}

/// The page of what this device keeps for offline reading, below the base.
pub const SAVED_PATH: &str = "saved";

/// The page the service worker shows, offline, for a page not saved on the
/// device, below the base.
pub const OFFLINE_PATH: &str = "offline";

// ---- Offline reading and installing: the service worker and the manifest.

/// The service worker: a fixed name (never hashed: the browser checks it
/// for updates), served `no-cache`.
pub const SERVICE_WORKER_FILE: &str = "sw.js";

/// The web app manifest.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";

/// The installed app's icons (maskable), by size in pixels.
pub const ICON_FILES: [(u32, &str); 2] = [(192, "icon-192.png"), (512, "icon-512.png")];

/// The pages' offline controls, named by a hash of what they hold.
pub fn offline_script(hash: &str) -> String {
    format!("{OFFLINE_PATH}/controls-{hash}.js")
}

/// The reading app's script and wasm, named by a hash of what they hold
/// (Trunk writes them as `reading.js` and `reading_bg.wasm`; the prerender
/// renames them).
pub fn reading_app_files(hash: &str) -> (String, String) {
    (
        format!("reading-{hash}.js"),
        format!("reading-{hash}_bg.wasm"),
    )
}

/// The host rules Netlify and Cloudflare Pages read from the published
/// folder: headers, and redirects (and the real 404).
pub const HEADERS_FILE: &str = "_headers";
pub const REDIRECTS_FILE: &str = "_redirects";

// ---- Feeds: what crawlers and feed readers fetch.

/// The sitemap, or the index of its parts past 50,000 addresses.
pub const SITEMAP_FILE: &str = "sitemap.xml";

/// Part `n` (from 1) of a sitemap too long for one file.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// Where crawlers learn where the sitemap is.
pub const ROBOTS_FILE: &str = "robots.txt";

/// The Atom feed of the newest articles.
pub const ATOM_FILE: &str = "atom.xml";

/// A declared base folder as a path: `news` → `/news/`; anything that is
/// not a plain path (`//host`, `https://…`, `..`, empty segments) → `/`.
pub fn normalize_base(declared: &str) -> String {
    let declared = declared.trim();
    let trimmed = declared.trim_matches('/');
    let plain = !declared.contains("//")
        && trimmed.split('/').all(|part| {
            !part.is_empty() && part != ".." && part != "." && !part.contains(['\\', ':', '?', '#'])
        });
    if trimmed.is_empty() || !plain {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// An article's page below the base: `news/<slug>`.
pub fn article_path(slug: &Slug) -> String {
    format!("{NEWS_SEGMENT}/{slug}")
}

/// A page of a list below the base: the front of all news (`""`) or of
/// one section (`section/<s>`), or archive page `k` (counted from the
/// oldest, see [`crate::ListPage`]) of either: `news/archive/<k>`,
/// `section/<s>/archive/<k>`.
pub fn list_path(section: Option<&Section>, page: Option<usize>) -> String {
    match (section, page) {
        (None, None) => String::new(),
        (Some(section), None) => section_path(&section.slug),
        (None, Some(k)) => format!("{NEWS_SEGMENT}/archive/{k}"),
        (Some(section), Some(k)) => format!("{SECTION_SEGMENT}/{}/archive/{k}", section.slug),
    }
}

/// A section's list below the base: `section/<slug>`.
pub fn section_path(slug: &Slug) -> String {
    format!("{SECTION_SEGMENT}/{slug}")
}

/// An article's translations as pages of the site's other editions:
/// (edition code, path below that edition's folder).
pub fn article_translations(translations: &[Translation]) -> Vec<(String, String)> {
    (translations.iter())
        .map(|t| (t.edition.clone(), article_path(&t.slug)))
        .collect()
}

/// The translations of an article's `n`-th speech's page (from 1): that
/// speech's page in each translation that shares it
/// ([`Translation::speeches`]), the translation's top in any other.
pub fn speech_translations(translations: &[Translation], n: usize) -> Vec<(String, String)> {
    (translations.iter())
        .map(|t| {
            let path = match n <= t.speeches {
                true => speech_path(&t.slug, n),
                false => article_path(&t.slug),
            };
            (t.edition.clone(), path)
        })
        .collect()
}

/// A section's list in the site's other editions, as
/// [`article_translations`] gives an article's.
pub fn section_translations(section: &Section) -> Vec<(String, String)> {
    (section.translations.iter())
        .map(|t| (t.edition.clone(), section_path(&t.slug)))
        .collect()
}

/// A speaker's page in the site's other editions (their translations:
/// `reader_model::Speaker::translations`), as [`article_translations`]
/// gives an article's.
pub fn speaker_translations(translations: &[Translation]) -> Vec<(String, String)> {
    (translations.iter())
        .map(|t| (t.edition.clone(), speaker_path(&t.slug)))
        .collect()
}

/// The list page an address of earlier builds names, when list pages
/// were counted from the newest: `news/page/<n>` or
/// `section/<s>/page/<n>` → the section's slug (if any) and `n`.
pub fn old_list_page(path: &str) -> Option<(Option<Slug>, usize)> {
    let path = path.trim_matches('/');
    let (list, n) = path.rsplit_once("/page/")?;
    let n = n.parse::<usize>().ok().filter(|n| *n >= 1)?;
    let section = match list {
        NEWS_SEGMENT => None,
        _ => Some(Slug::parse(list.strip_prefix(SECTION_SEGMENT)?.strip_prefix('/')?).ok()?),
    };
    Some((section, n))
}

/// A section's address segment, from its name as editors write it:
/// `Campus Life` → `campus-life` (transliterated, like speakers' names).
pub fn section_slug(name: &str) -> Slug {
    crate::speakers::text_slug(name, "section")
}

/// The search page below the base (`search?q=…`).
pub const SEARCH_PATH: &str = "search";

/// The speakers index below the base.
pub const SPEAKERS_PATH: &str = "speakers";

/// One speaker's page below the base: `speakers/<slug>`.
pub fn speaker_path(slug: &Slug) -> String {
    format!("{SPEAKERS_PATH}/{slug}")
}

/// The page of an article's `n`-th speech (counted from 1): the article,
/// opened at that speech, with the speech's own title for sharing.
pub fn speech_path(slug: &Slug, n: usize) -> String {
    format!("{NEWS_SEGMENT}/{slug}/{SPEECH_SEGMENT}/{n}")
}

/// The segment of a speech's page below its article's (`…/speech/<n>`).
pub const SPEECH_SEGMENT: &str = "speech";

/// The speech number a page path below the base names
/// (`news/<slug>/speech/<n>` → `n`), if it names one.
pub fn speech_number(path: &str) -> Option<usize> {
    let rest = (path.trim_matches('/').strip_prefix(NEWS_SEGMENT)?).strip_prefix('/')?;
    let (_slug, n) = rest.split_once(&format!("/{SPEECH_SEGMENT}/"))?;
    n.parse().ok().filter(|n| *n >= 1)
}

/// The `id` (and URL fragment) of an article's `n`-th speech section,
/// counted from 1 in reading order: `speech-2`. Stable as long as the
/// speeches before it stay.
pub fn speech_id(n: usize) -> String {
    format!("speech-{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_paths_name_their_number() {
        let slug = Slug::parse("a-b").expect("slug");
        assert_eq!(speech_path(&slug, 2), "news/a-b/speech/2");
        assert_eq!(speech_number("news/a-b/speech/2"), Some(2));
        assert_eq!(speech_number("/news/a-b/speech/12/"), Some(12));
        for other in [
            "news/a-b",
            "news/a-b/speech/0",
            "news/a-b/speech/x",
            "speech/2",
            "",
        ] {
            assert_eq!(speech_number(other), None, "{other}");
        }
    }

    #[test]
    fn a_list_has_a_front_and_archive_pages() {
        let campus = Section {
            slug: Slug::parse("campus").expect("slug"),
            name: "Campus".to_owned(),
            translations: Vec::new(),
        };
        assert_eq!(list_path(None, None), "");
        assert_eq!(list_path(None, Some(2)), "news/archive/2");
        assert_eq!(list_path(Some(&campus), None), "section/campus");
        assert_eq!(
            list_path(Some(&campus), Some(7)),
            "section/campus/archive/7"
        );
        assert_eq!(section_slug("Campus Life").as_str(), "campus-life");
    }

    #[test]
    fn old_list_addresses_name_their_list_and_page() {
        assert_eq!(old_list_page("news/page/3"), Some((None, 3)));
        assert_eq!(
            old_list_page("/section/campus/page/12/"),
            Some((Slug::parse("campus").ok(), 12))
        );
        for other in [
            "news/page/0",
            "news/page/x",
            "news/archive/3",
            "section/Bad!/page/2",
            "other/page/2",
            "news/a/page/2",
        ] {
            assert_eq!(old_list_page(other), None, "{other}");
        }
    }

    #[test]
    fn a_declared_base_becomes_a_folder_path() {
        assert_eq!(normalize_base(""), "/");
        assert_eq!(normalize_base("/"), "/");
        assert_eq!(normalize_base("/news/"), "/news/");
        assert_eq!(normalize_base("news"), "/news/");
        assert_eq!(normalize_base("/a/b"), "/a/b/");
    }

    #[test]
    fn a_base_that_is_not_a_plain_path_falls_back_to_the_root() {
        for bad in [
            "//evil.example/",
            "https://evil.example/",
            "/a/../b/",
            "/a//b/",
            "/a?b",
        ] {
            assert_eq!(normalize_base(bad), "/", "{bad}");
        }
    }

    #[test]
    fn page_and_feed_files_are_named_once() {
        let slug = Slug::parse("a-b").expect("slug");
        assert_eq!(page_file(""), "index.html");
        assert_eq!(page_file(&article_path(&slug)), "news/a-b/index.html");
        assert_eq!(sitemap_part(2), "sitemap-2.xml");
    }

    #[test]
    fn an_article_lives_under_news() {
        let slug = Slug::parse("a-b").expect("slug");
        assert_eq!(article_path(&slug), "news/a-b");
    }
}
