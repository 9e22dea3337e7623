//! The pages of the news list and the site file.

use reader_model::{LIST_PAGE_SIZE, ListItem, ListPage, Newer, Section, Site, Slug, from_json};

#[test]
fn a_list_page_is_newest_first_whatever_the_file_order() {
    let page: ListPage = from_json(
        r#"{"page": 1, "articles": [
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
    assert_eq!((page.older, page.newer_link()), (None, Some(Newer::Front)));
}

#[test]
fn a_thumbnail_with_an_unsafe_source_is_dropped() {
    let page: ListPage = from_json(
        r#"{"total": 1, "articles": [{"slug": "a", "headline": "A",
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

fn section() -> Section {
    Section {
        slug: Slug::parse("campus").expect("slug"),
        name: "Campus".to_owned(),
        translations: Vec::new(),
    }
}

fn slugs(page: &ListPage) -> Vec<&str> {
    page.articles().iter().map(|a| a.slug.as_str()).collect()
}

#[test]
fn archive_pages_count_from_the_oldest_and_the_front_shows_the_newest() {
    let total = LIST_PAGE_SIZE * 2 + 3;
    let items: Vec<ListItem> = (0..total).map(item).collect();
    let list = ListPage::paginate(items.clone(), Some(section()));
    let archive = &list.archive;
    assert_eq!(
        archive
            .iter()
            .map(|p| p.articles().len())
            .collect::<Vec<_>>(),
        [LIST_PAGE_SIZE, LIST_PAGE_SIZE, 3]
    );
    for (i, page) in archive.iter().enumerate() {
        assert_eq!((page.page, page.total), (Some(i + 1), None));
        assert_eq!(page.section, Some(section()));
    }
    // Newest first across the front, and across the archive from its end.
    let mut sorted = items;
    sorted.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then(a.headline.cmp(&b.headline))
    });
    let newest: Vec<&str> = sorted.iter().map(|a| a.slug.as_str()).collect();
    let archived: Vec<&str> = archive.iter().rev().flat_map(slugs).collect();
    assert_eq!(archived, newest);
    // The newest page holds 3: the front adds the 20 before them.
    assert_eq!(slugs(&list.front), newest[..LIST_PAGE_SIZE + 3]);
    assert_eq!(
        (list.front.page, list.front.total, list.front.older),
        (None, Some(total), Some(1))
    );
    assert_eq!(list.front.newer_link(), None);
    assert_eq!(
        (archive[0].older, archive[0].newer_link()),
        (None, Some(Newer::Front))
    );
    assert_eq!(
        (archive[2].older, archive[2].newer_link()),
        (Some(2), Some(Newer::Front))
    );
    // The numbers search gives articles, from the oldest.
    let (k, place) = ListPage::position(0);
    assert_eq!(archive[k - 1].from_oldest(place), sorted.last());
    let (k, place) = ListPage::position(total - 1);
    assert_eq!(archive[k - 1].from_oldest(place), sorted.first());
    assert_eq!(archive[2].from_oldest(3), None);
}

#[test]
fn the_archive_pages_the_front_shows_whole_are_marked_and_the_mark_is_never_published() {
    for (total, on_front) in [
        (LIST_PAGE_SIZE - 1, vec![1]),
        (LIST_PAGE_SIZE, vec![1]),
        (LIST_PAGE_SIZE * 2 - 1, vec![1, 2]),
        (LIST_PAGE_SIZE * 2, vec![2]),
        (LIST_PAGE_SIZE * 2 + 5, vec![2, 3]),
    ] {
        let list = ListPage::paginate((0..total).map(item).collect(), None);
        let marked: Vec<usize> = (list.archive.iter())
            .filter(|page| page.on_front)
            .filter_map(|page| page.page)
            .collect();
        assert_eq!(marked, on_front, "{total} articles");
        // Each marked page's articles are all on the front.
        for page in list.archive.iter().filter(|page| page.on_front) {
            for article in page.articles() {
                assert!(list.front.articles().contains(article), "{total}");
            }
        }
        // Read back from the published files, the same pages are marked.
        let read = |page: &ListPage| -> ListPage {
            reader_model::from_json(&reader_model::to_json(page).expect("json")).expect("read")
        };
        let mut again = reader_model::Paginated {
            front: read(&list.front),
            archive: list.archive.iter().map(read).collect(),
        };
        assert!(again.archive.iter().all(|page| !page.on_front));
        again.mark_on_front();
        assert_eq!(again, list, "{total} articles");
    }
}

#[test]
fn publishing_an_article_changes_the_front_and_the_newest_pages_only() {
    for total in [
        LIST_PAGE_SIZE * 3 - 1,
        LIST_PAGE_SIZE * 3,
        LIST_PAGE_SIZE * 4 + 7,
    ] {
        let before = ListPage::paginate((0..total).map(item).collect(), None);
        // The new article is the newest (dated after every other).
        let mut items: Vec<ListItem> = (0..total).map(item).collect();
        let mut new = item(total);
        new.published = reader_model::Date::parse("2021-01-01");
        items.push(new);
        let after = ListPage::paginate(items, None);
        assert!(after.archive.len() >= before.archive.len());
        // The pages as published (what a page knows only in memory, that
        // the front shows it too, is not).
        let published = |page: &ListPage| reader_model::to_json(page).expect("json");
        let changed: Vec<usize> = (after.archive.iter().enumerate())
            .filter(|(i, page)| before.archive.get(*i).map(published) != Some(published(page)))
            .map(|(i, _)| i + 1)
            .collect();
        assert!(
            changed.len() <= 2 && changed.iter().all(|k| *k + 2 >= after.archive.len()),
            "{total} articles: pages {changed:?} of {} changed",
            after.archive.len()
        );
        assert_eq!(after.front.articles()[0].slug.as_str(), format!("a{total}"));
        assert!(after.front.articles().len() >= LIST_PAGE_SIZE);
        // Every article is on the front or on an archive page the front
        // leads to, with no article on both the front and its "older" page.
        let older = after.front.older.expect("an older page");
        let on_front = slugs(&after.front);
        assert!(
            slugs(&after.archive[older - 1])
                .iter()
                .all(|s| !on_front.contains(s))
        );
    }
}

#[test]
fn old_page_addresses_lead_to_the_page_now_showing_their_articles() {
    // 95 articles: archive pages 1–4 full, page 5 holds 15; the front
    // shows pages 4 and 5 (35 articles).
    let list = ListPage::paginate((0..95).map(item).collect(), None);
    let front = &list.front;
    assert_eq!(front.articles().len(), 35);
    assert_eq!(front.moved_page(1), Some(None));
    assert_eq!(
        front.moved_page(2),
        Some(None),
        "the 21st newest is on the front"
    );
    // Old page 3 began with the 41st newest: the 55th oldest, on page 3.
    assert_eq!(front.moved_page(3), Some(Some(3)));
    assert_eq!(front.moved_page(5), Some(Some(1)));
    assert_eq!(front.moved_page(6), None);
    assert_eq!(front.moved_page(0), None);
    assert_eq!(list.archive[0].moved_page(3), None, "asked of a front only");
    let (k, _) = ListPage::position(95 - 41);
    assert_eq!(k, 3);
}

#[test]
fn a_full_newest_page_is_the_whole_front() {
    let list = ListPage::paginate((0..LIST_PAGE_SIZE * 2).map(item).collect(), None);
    assert_eq!(list.front.articles(), list.archive[1].articles());
    assert_eq!(list.front.older, Some(1));
    assert_eq!(list.archive[0].newer_link(), Some(Newer::Front));
}

#[test]
fn an_empty_list_is_an_empty_front_and_no_archive() {
    let list = ListPage::paginate(Vec::new(), None);
    assert!(list.archive.is_empty());
    assert!(list.front.articles().is_empty());
    assert_eq!((list.front.older, list.front.total), (None, Some(0)));
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
