//! The news list index and the site file.

use reader_model::{NewsIndex, Site, from_json};

#[test]
fn the_index_is_newest_first_whatever_the_file_order() {
    let index: NewsIndex = from_json(
        r#"{"articles": [
        {"slug": "b", "headline": "B", "published": "2019-07-15", "section": "International", "summary": "s"},
        {"slug": "c", "headline": "C", "published": "2024-10-25", "section": "International", "summary": "s"},
        {"slug": "a", "headline": "A", "published": "2020-11-22", "section": "Research", "summary": "s",
         "thumbnail": {"src": "content/images/a.svg", "alt": "a", "width": 1200, "height": 800}}
    ]}"#,
    )
    .expect("valid index");
    let order: Vec<&str> = index.articles().iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(order, ["c", "a", "b"]);
    assert!(index.articles()[1].thumbnail.is_some());
}

#[test]
fn a_thumbnail_with_an_unsafe_source_is_dropped() {
    let index: NewsIndex = from_json(
        r#"{"articles": [{"slug": "a", "headline": "A", "published": "2020-11-22", "section": "R",
        "summary": "s", "thumbnail": {"src": "data:image/svg+xml,<svg onload=alert(1)>", "alt": "a"}}]}"#,
    )
    .expect("valid index");
    assert_eq!(index.articles()[0].thumbnail, None);
}

#[test]
fn site_links_with_unsafe_targets_are_left_out() {
    let site: Site = from_json(
        r#"{"name": "USST News", "description": "d", "list_title": "News & Events",
        "home": {"label": "Home", "href": "javascript:void(0)"},
        "nav": [{"label": "Bad", "href": "vbscript:x"}, {"label": "News", "href": "/"}],
        "footer": {"heading": "Stay Connected", "links": [
            {"label": "Mail", "href": "mailto:news@example.edu"},
            {"label": "Bad", "href": "//evil.example"}]}}"#,
    )
    .expect("valid site");
    assert_eq!(site.home, None);
    assert_eq!(site.nav.len(), 1);
    assert_eq!(site.nav[0].href.as_str(), "/");
    assert_eq!(site.footer.links.len(), 1);
    assert_eq!(site.footer.links[0].label, "Mail");
}
