//! The pages of the news list and the site file.

use reader_model::{LIST_PAGE_SIZE, ListItem, ListPage, Section, Site, Slug, from_json};

#[test]
fn a_list_page_is_newest_first_whatever_the_file_order() {
    let page: ListPage = from_json(
        r#"{"page": 1, "pages": 1, "total": 3, "articles": [
        {"slug": "b", "headline": "B", "published": "2019-07-15", "section": "International", "summary": "s"},
        {"slug": "c", "headline": "C", "published": "2024-10-25", "section": "International", "summary": "s"},
        {"slug": "a", "headline": "A", "published": "2020-11-22", "section": "Research", "summary": "s",
         "thumbnail": {"src": "content/images/a.svg", "alt": "a", "width": 1200, "height": 800}}
    ]}"#,
    )
    .expect("valid page");
    let order: Vec<&str> = page.articles().iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(order, ["c", "a", "b"]);
    assert!(page.articles()[1].thumbnail.is_some());
    assert_eq!((page.previous(), page.next()), (None, None));
}

#[test]
fn a_thumbnail_with_an_unsafe_source_is_dropped() {
    let page: ListPage = from_json(
        r#"{"page": 1, "pages": 1, "total": 1, "articles": [{"slug": "a", "headline": "A",
        "published": "2020-11-22", "section": "R", "summary": "s",
        "thumbnail": {"src": "data:image/svg+xml,<svg onload=alert(1)>", "alt": "a"}}]}"#,
    )
    .expect("valid page");
    assert_eq!(page.articles()[0].thumbnail, None);
}

fn item(n: usize) -> ListItem {
    from_json(&format!(
        r#"{{"slug": "a{n}", "headline": "A {n}", "published": "2020-01-{:02}",
        "section": "Campus", "summary": "s"}}"#,
        n % 28 + 1
    ))
    .expect("item")
}

#[test]
fn a_list_is_cut_into_pages_newest_first_each_knowing_its_neighbours() {
    let total = LIST_PAGE_SIZE * 2 + 3;
    let section = Section {
        slug: Slug::parse("campus").expect("slug"),
        name: "Campus".to_owned(),
    };
    let pages = ListPage::paginate((0..total).map(item).collect(), Some(section.clone()));
    assert_eq!(pages.len(), 3);
    assert_eq!(
        pages.iter().map(|p| p.articles().len()).collect::<Vec<_>>(),
        [LIST_PAGE_SIZE, LIST_PAGE_SIZE, 3]
    );
    for (i, page) in pages.iter().enumerate() {
        assert_eq!((page.page, page.pages, page.total), (i + 1, 3, total));
        assert_eq!(page.section.as_ref(), Some(&section));
    }
    assert_eq!((pages[0].previous(), pages[0].next()), (None, Some(2)));
    let last = total - 1;
    let (n, place) = ListPage::position(last);
    assert_eq!(pages[n - 1].articles()[place], pages[2].articles()[2]);
    assert_eq!((pages[2].previous(), pages[2].next()), (Some(2), None));
    let dates: Vec<_> = pages
        .iter()
        .flat_map(|p| p.articles().iter().map(|a| a.published))
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first across pages"
    );
}

#[test]
fn an_empty_list_is_one_empty_page() {
    let pages = ListPage::paginate(Vec::new(), None);
    assert_eq!(pages.len(), 1);
    assert_eq!((pages[0].page, pages[0].pages, pages[0].total), (1, 1, 0));
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
    assert!(site.sections.is_empty());
}
