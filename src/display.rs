//! Small decisions about how content is shown, kept out of `view!` so they
//! are plain functions with plain tests.

use reader_model::{Label, ListPage, Site};

/// The document title: `<page> · <site>`, or the page alone while the
/// site's name is not known (or the page is the site's own front page).
pub fn page_title(page: &str, site_name: Option<&str>) -> String {
    match site_name {
        Some(site) if !site.is_empty() && site != page => format!("{page} · {site}"),
        _ => page.to_owned(),
    }
}

/// The news list's title (and the breadcrumb's middle step): the site's,
/// or "News & Events" while the site is not known.
pub fn list_title(site: Option<&Site>) -> String {
    site.map_or_else(
        || "News & Events".to_owned(),
        |site| site.list_title.clone(),
    )
}

/// A list's heading: the section's name, or the news list's title.
pub fn list_heading(list_title: &str, page: &ListPage) -> String {
    page.section
        .as_ref()
        .map_or(list_title, |section| section.name.as_str())
        .to_owned()
}

/// The days an archive page's articles were published in:
/// `March 3, 2025 to April 14, 2025`, or the one day; `None` when none is
/// dated.
pub fn list_dates(page: &ListPage) -> Option<String> {
    let (oldest, newest) = page.dates()?;
    let labels = crate::labels::labels();
    Some(if oldest == newest {
        labels.date(newest)
    } else {
        let (from, to) = (labels.date(oldest), labels.date(newest));
        labels.fill(Label::DatesBetween, &[("from", &from), ("to", &to)])
    })
}

/// Up to two initials for a speaker's photo placeholder: `Wu Jincheng` → `WJ`.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// Which of the stylesheet's placeholder tones a section gets (0–5): stable
/// for a section, different between most sections.
pub fn tone(section: &str) -> u8 {
    let sum = section.bytes().fold(0u32, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(u32::from(b))
    });
    u8::try_from(sum % 6).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(
            page_title(
                "Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST",
                Some("USST News")
            ),
            "Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST · USST News"
        );
        assert_eq!(page_title("News & Events", None), "News & Events");
        assert_eq!(page_title("USST News", Some("USST News")), "USST News");
    }

    #[test]
    fn initials_come_from_the_first_two_words() {
        assert_eq!(initials("Wu Jincheng"), "WJ");
        assert_eq!(initials("Ding Xiaodong"), "DX");
        assert_eq!(initials("José María Martínez"), "JM");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("“Quoted” name"), "N");
    }

    #[test]
    fn tones_are_stable_and_in_range() {
        for section in ["Research", "Campus", "International", "Students", ""] {
            assert!(tone(section) < 6);
            assert_eq!(tone(section), tone(section));
        }
    }
}
