//! What crawlers and feed readers fetch: `sitemap.xml`, `robots.txt` and an
//! Atom feed (`atom.xml`) of the newest articles.

use reader_model::layout::{ATOM_FILE, SITEMAP_FILE, sitemap_part};
use reader_model::{Article, Date, Site};

use crate::alternates;
use crate::public_url::PublicUrl;

/// How many articles the feed carries, newest first.
pub const FEED_LENGTH: usize = 20;

/// How many addresses one sitemap file may hold (sitemaps.org's limit).
pub const SITEMAP_LIMIT: usize = 50_000;

/// One address in the sitemap: a page's path below the base, and the day
/// its content last changed, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapEntry {
    pub path: String,
    pub lastmod: Option<Date>,
    /// The page's translations, as (edition code, path there): written
    /// as its language alternates ([`crate::alternates`]).
    pub translations: Vec<(String, String)>,
}

/// The sitemap files, as (file name, XML): `sitemap.xml` with every entry
/// when they fit in one file ([`SITEMAP_LIMIT`]); otherwise `sitemap.xml`
/// is an index of `sitemap-1.xml`, `sitemap-2.xml`, … that each hold
/// `limit` of them, so an archive of any size is crawlable.
pub fn sitemaps(
    public: &PublicUrl,
    site: &Site,
    entries: &[SitemapEntry],
    limit: usize,
) -> Vec<(String, String)> {
    if entries.len() <= limit {
        return vec![(SITEMAP_FILE.to_owned(), urlset(public, site, entries))];
    }
    let parts: Vec<(String, String, Option<Date>)> = entries
        .chunks(limit.max(1))
        .enumerate()
        .map(|(i, chunk)| {
            let newest = chunk.iter().filter_map(|entry| entry.lastmod).max();
            (sitemap_part(i + 1), urlset(public, site, chunk), newest)
        })
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (file, _, newest) in &parts {
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc>{}</sitemap>\n",
            escape(&public.page(file)),
            lastmod(*newest)
        ));
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once((SITEMAP_FILE.to_owned(), index))
        .chain(parts.into_iter().map(|(file, xml, _)| (file, xml)))
        .collect()
}

/// One sitemap file; a page with translations names every language's
/// address of it (its alternates, itself among them).
fn urlset(public: &PublicUrl, site: &Site, entries: &[SitemapEntry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for entry in entries {
        let mut links = String::new();
        if !entry.translations.is_empty() {
            for alternate in alternates::of(site, public, &entry.path, &entry.translations) {
                links.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(&alternate.language),
                    escape(&alternate.url)
                ));
            }
        }
        xml.push_str(&format!(
            "  <url><loc>{}</loc>{}{links}</url>\n",
            escape(&public.page(&entry.path)),
            lastmod(entry.lastmod)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn lastmod(day: Option<Date>) -> String {
    day.map(|day| format!("<lastmod>{}</lastmod>", day.iso()))
        .unwrap_or_default()
}

/// Everything may be crawled; the sitemap is named. (Crawlers read
/// `robots.txt` only at the host's root: a site under `/news/` must have
/// its host's own file name the sitemap.)
pub fn robots(public: &PublicUrl, site: &Site) -> String {
    let mut text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        public.page(SITEMAP_FILE)
    );
    // Each other edition's sitemap, in its folder.
    for edition in site.other_editions() {
        let sitemap = public.in_edition(&edition.path).page(SITEMAP_FILE);
        text.push_str(&format!("Sitemap: {sitemap}\n"));
    }
    text
}

/// An Atom 1.0 feed of the newest articles (`articles` newest first).
/// Undated articles are left out: a feed announces what is new, and an
/// undated page is from the archive's beginning (Atom also requires a date
/// on every entry).
pub fn atom(public: &PublicUrl, site: &reader_model::Site, articles: &[Article]) -> String {
    let home = public.page("");
    let dated: Vec<(&Article, Date)> = articles
        .iter()
        .filter_map(|article| Some((article, article.published?)))
        .take(FEED_LENGTH)
        .collect();
    let updated = dated.first().map_or_else(
        || "1970-01-01T00:00:00Z".to_owned(),
        |(_, day)| timestamp(*day),
    );
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         \x20 <id>{id}</id>\n\
         \x20 <title>{title}</title>\n\
         \x20 <subtitle>{subtitle}</subtitle>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_href}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{id}\"/>\n\
         \x20 <author><name>{title}</name></author>\n",
        lang = escape(&site.language),
        id = escape(&home),
        title = escape(&site.name),
        subtitle = escape(&site.description),
        self_href = escape(&public.page(ATOM_FILE)),
    );
    for (article, day) in dated {
        let href = public.page(&reader_model::layout::article_path(&article.slug));
        xml.push_str(&format!(
            "  <entry>\n\
             \x20   <id>{href}</id>\n\
             \x20   <title>{title}</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{href}\"/>\n\
             \x20   <published>{time}</published>\n\
             \x20   <updated>{time}</updated>\n\
             {authors}\
             \x20   <category term=\"{section}\"/>\n\
             \x20   <summary>{summary}</summary>\n\
             \x20 </entry>\n",
            href = escape(&href),
            title = escape(&article.headline),
            time = timestamp(day),
            authors = article
                .authors
                .iter()
                .map(|name| format!("    <author><name>{}</name></author>\n", escape(name)))
                .collect::<String>(),
            section = escape(&article.section),
            summary = escape(&article.summary),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// Atom wants a full timestamp; articles carry a day. Noon UTC is that
/// day in every time zone from UTC−11 to UTC+11 (midnight UTC was the day
/// before west of Greenwich), so a feed reader anywhere a reader of the
/// newsroom lives shows the day the article gives.
fn timestamp(day: Date) -> String {
    format!("{}T12:00:00Z", day.iso())
}

/// Text for XML content and attribute values: the five special characters
/// escaped, and characters XML 1.0 cannot hold at all (most controls,
/// lone surrogates cannot occur in Rust strings) left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(n: usize) -> Vec<SitemapEntry> {
        (0..n)
            .map(|i| SitemapEntry {
                path: format!("news/a-{i}"),
                lastmod: Date::parse(&format!("2024-01-{:02}", i % 28 + 1)),
                translations: Vec::new(),
            })
            .collect()
    }

    fn site() -> Site {
        reader_model::from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "footer": {"heading": "F"}}"#,
        )
        .expect("site")
    }

    fn public() -> PublicUrl {
        let origin = reader_model::SafeUrl::parse("https://news.example.edu").expect("origin");
        PublicUrl::new(&origin, "/news/").expect("public url")
    }

    #[test]
    fn one_file_while_the_entries_fit() {
        let files = sitemaps(&public(), &site(), &entries(3), 3);
        assert_eq!(files.len(), 1);
        let (name, xml) = &files[0];
        assert_eq!(name, "sitemap.xml");
        assert!(xml.contains("<urlset "));
        assert!(xml.contains(
            "<url><loc>https://news.example.edu/news/news/a-2</loc><lastmod>2024-01-03</lastmod></url>"
        ));
        assert_eq!(xml.matches("<url>").count(), 3);
    }

    #[test]
    fn an_index_of_files_when_they_do_not() {
        let files = sitemaps(&public(), &site(), &entries(7), 3);
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        let index = &files[0].1;
        assert!(index.contains("<sitemapindex "));
        assert!(index.contains(
            "<sitemap><loc>https://news.example.edu/news/sitemap-2.xml</loc><lastmod>2024-01-06</lastmod></sitemap>"
        ));
        let counts: Vec<usize> = files[1..]
            .iter()
            .map(|(_, xml)| xml.matches("<url>").count())
            .collect();
        assert_eq!(counts, [3, 3, 1]);
    }

    #[test]
    fn escape_keeps_xml_well_formed() {
        assert_eq!(
            escape("a<b>&\"c'\u{0}\u{1b}\td\u{FFFF}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\td"
        );
    }
}
