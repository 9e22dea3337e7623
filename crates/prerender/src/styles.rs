//! The stylesheet inlined into every page.
//!
//! Trunk's `index.html` links the stylesheet: a request that holds up the
//! first paint by a round trip, the slowest part of a page's first view on
//! a phone. So the link is replaced by the stylesheet itself, in a
//! `<style>` that the CSP allows by its hash (like the loader). The file
//! stays published under its hashed name for the pages an old build wrote.

use std::cell::RefCell;
use std::path::Path;

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::PrerenderError;

/// `template` with each of Trunk's stylesheet links (below `base`, in
/// `dist`) replaced by the stylesheet.
///
/// # Errors
/// [`PrerenderError::Io`] when a linked stylesheet cannot be read;
/// [`PrerenderError::Template`] when one would end its own `<style>`, or
/// the template cannot be rewritten.
pub fn inline(template: &str, dist: &Path, base: &str) -> Result<String, PrerenderError> {
    let failure = RefCell::new(None::<PrerenderError>);
    let html = rewrite_str(
        template,
        RewriteStrSettings {
            element_content_handlers: vec![element!("link[rel=stylesheet][href]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                let Some(file) = href.strip_prefix(base).filter(|f| !f.contains("..")) else {
                    return Ok(());
                };
                match read_styles(&dist.join(file)) {
                    Ok(css) => el.replace(&format!("<style>{css}</style>"), ContentType::Html),
                    Err(error) => *failure.borrow_mut() = Some(error),
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| PrerenderError::Template(error.to_string()))?;
    match failure.into_inner() {
        Some(error) => Err(error),
        None => Ok(html),
    }
}

fn read_styles(path: &Path) -> Result<String, PrerenderError> {
    let css = crate::read(path)?;
    if css.to_ascii_lowercase().contains("</style") {
        return Err(PrerenderError::Template(format!(
            "{} holds \"</style\": it cannot be inlined",
            path.display()
        )));
    }
    Ok(css.trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dist folder of its own per test, holding `styles-1a.css`.
    struct Dist(std::path::PathBuf);

    impl Dist {
        fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dist {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn dist(css: &str) -> Dist {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "reader-styles-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("styles-1a.css"), css).expect("css");
        Dist(dir)
    }

    #[test]
    fn the_link_becomes_the_stylesheet() {
        let dir = dist("body{margin:0}a>b{color:red}\n");
        let html = inline(
            "<title>x</title><link href=/news/styles-1a.css integrity=sha384-x rel=stylesheet><body>",
            dir.path(),
            "/news/",
        )
        .expect("inlined");
        assert_eq!(
            html,
            "<title>x</title><style>body{margin:0}a>b{color:red}</style><body>"
        );
    }

    #[test]
    fn other_sites_links_stay_and_a_missing_file_is_an_error() {
        let dir = dist("p{}");
        let other = "<link href=https://cdn.example/x.css rel=stylesheet>";
        assert_eq!(inline(other, dir.path(), "/").expect("kept"), other);
        let missing = inline("<link href=/gone.css rel=stylesheet>", dir.path(), "/");
        assert!(
            matches!(missing, Err(PrerenderError::Io(..))),
            "{missing:?}"
        );
    }

    #[test]
    fn a_stylesheet_that_would_end_its_element_is_refused() {
        let dir = dist("p::after{content:'</style><script>x()</script>'}");
        let error = inline("<link href=/styles-1a.css rel=stylesheet>", dir.path(), "/")
            .expect_err("refused");
        assert!(error.to_string().contains("</style"), "{error}");
    }
}
