//! The site's icon, written into every page (`data:` URI) instead of
//! linked: Trunk's `<link rel="icon" href="/favicon-<hash>.svg">` would be
//! one more request with each first view, and one that races the first
//! paint. An SVG icon is a few hundred bytes, fewer than a request's
//! headers. An icon that is not SVG, or is larger than [`MAX_BYTES`], stays
//! linked.

use std::path::Path;

use crate::PrerenderError;

/// The largest icon written into every page.
pub const MAX_BYTES: usize = 2048;

/// The template with its SVG icon's link pointing at the icon itself.
///
/// # Errors
/// [`PrerenderError::Io`] when the linked icon cannot be read;
/// [`PrerenderError::Template`] when the template cannot be rewritten.
pub fn inline(template: &str, dist: &Path, base: &str) -> Result<String, PrerenderError> {
    crate::template::rewrite_elements(template, "link[rel=icon][href]", |el| {
        let href = el.get_attribute("href").unwrap_or_default();
        let Some(file) = href
            .strip_prefix(base)
            .filter(|file| file.ends_with(".svg") && !file.contains(".."))
        else {
            return Ok(());
        };
        let svg = std::fs::read(dist.join(file))
            .map_err(|error| PrerenderError::Io(dist.join(file), error))?;
        if svg.len() <= MAX_BYTES {
            el.set_attribute("href", &data_uri(&svg))
                .map_err(|error| PrerenderError::Template(error.to_string()))?;
            // The bytes are in the page, which is what the integrity
            // attribute vouched for.
            el.remove_attribute("integrity");
        }
        Ok(())
    })
}

/// `data:image/svg+xml,…`, every byte outside a URL's plain characters
/// percent-encoded (so the quotes, `<`, `>`, `#`, `&` and spaces too).
fn data_uri(svg: &[u8]) -> String {
    let mut uri = String::from("data:image/svg+xml,");
    for &byte in svg.trim_ascii() {
        if byte.is_ascii_alphanumeric() || b"-._~!$'()*+,;=:@/?".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of its own for one test, holding `name`.
    fn site(test: &str, icon: &[u8], name: &str) -> tempfile::TempDir {
        let dir = scratch(test);
        std::fs::write(dir.path().join(name), icon).expect("written");
        dir
    }

    /// An empty folder, removed when the test ends (with the `TempDir`).
    fn scratch(test: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("reader-icon-{test}-"))
            .tempdir()
            .expect("a scratch folder")
    }

    #[test]
    fn an_svg_icon_is_written_into_the_page() {
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"#0b3d7a\" width=\"64\"/></svg>\n";
        let dir = site("svg", svg, "favicon-1a2b.svg");
        let html = inline(
            "<head><link href=/favicon-1a2b.svg integrity=sha384-X rel=icon></head>",
            dir.path(),
            "/",
        )
        .expect("inlined");
        assert_eq!(
            html,
            "<head><link href=\"data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%3E\
             %3Crect%20fill=%22%230b3d7a%22%20width=%2264%22/%3E%3C/svg%3E\" rel=icon></head>"
        );
    }

    #[test]
    fn a_large_or_other_icon_stays_linked() {
        let dir = site("large", &vec![b' '; MAX_BYTES + 1], "big.svg");
        std::fs::write(dir.path().join("icon.png"), b"png").expect("written");
        let template = "<link href=/big.svg rel=icon><link href=/icon.png rel=icon>";
        assert_eq!(inline(template, dir.path(), "/").expect("kept"), template);
    }

    #[test]
    fn a_missing_icon_is_an_error() {
        let dir = scratch("missing");
        let error = inline("<link href=/gone.svg rel=icon>", dir.path(), "/").expect_err("missing");
        assert!(error.to_string().contains("gone.svg"), "{error}");
    }
}
