//! What crawlers and feed readers fetch: `sitemap.xml`, `robots.txt` and an
//! Atom feed (`atom.xml`) of the newest articles.

use reader_model::Article;

use crate::public_url::PublicUrl;

/// The feed's file name.
pub const ATOM_FILE: &str = "atom.xml";

/// How many articles the feed carries, newest first.
pub const FEED_LENGTH: usize = 20;

/// Every page a search engine should index: the list and each article
/// (`articles` newest first), with the day it last changed.
pub fn sitemap(public: &PublicUrl, articles: &[Article]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut entry = |loc: String, lastmod: Option<String>| {
        xml.push_str(&format!("  <url><loc>{}</loc>", escape(&loc)));
        if let Some(day) = lastmod {
            xml.push_str(&format!("<lastmod>{day}</lastmod>"));
        }
        xml.push_str("</url>\n");
    };
    entry(
        public.page(""),
        articles.first().map(|article| article.published.iso()),
    );
    for article in articles {
        entry(
            public.page(&reader_model::article_path(&article.slug)),
            Some(article.published.iso()),
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Everything may be crawled; the sitemap is named. (Crawlers read
/// `robots.txt` only at the host's root: a site under `/news/` must have
/// its host's own file name the sitemap.)
pub fn robots(public: &PublicUrl) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        public.page("sitemap.xml")
    )
}

/// An Atom 1.0 feed of the newest articles (`articles` newest first).
pub fn atom(public: &PublicUrl, site: &reader_model::Site, articles: &[Article]) -> String {
    let home = public.page("");
    let updated = articles
        .first()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), timestamp);
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
    for article in articles.iter().take(FEED_LENGTH) {
        let href = public.page(&reader_model::article_path(&article.slug));
        xml.push_str(&format!(
            "  <entry>\n\
             \x20   <id>{href}</id>\n\
             \x20   <title>{title}</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{href}\"/>\n\
             \x20   <published>{time}</published>\n\
             \x20   <updated>{time}</updated>\n\
             \x20   <author><name>{author}</name></author>\n\
             \x20   <category term=\"{section}\"/>\n\
             \x20   <summary>{summary}</summary>\n\
             \x20 </entry>\n",
            href = escape(&href),
            title = escape(&article.headline),
            time = timestamp(article),
            author = escape(&article.author),
            section = escape(&article.section),
            summary = escape(&article.summary),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// Atom wants a full timestamp; articles carry a day.
fn timestamp(article: &Article) -> String {
    format!("{}T00:00:00Z", article.published.iso())
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

    #[test]
    fn escape_keeps_xml_well_formed() {
        assert_eq!(
            escape("a<b>&\"c'\u{0}\u{1b}\td\u{FFFF}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\td"
        );
    }
}
