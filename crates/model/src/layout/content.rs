//! The JSON the content build publishes and the app fetches: the content
//! folder, its files and its folders, each named once (part of
//! [`crate::layout`]).

use crate::Slug;

/// The folder below the base that the content build publishes into.
pub const CONTENT_DIR: &str = "content";

/// One file the content build publishes, below [`CONTENT_DIR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentFile<'a> {
    /// `site.json`: the site's settings, with its sections added.
    Site,
    /// `article.schema.json`: the JSON Schema editors' tools read.
    Schema,
    /// A page of a list: the news list's (`section` `None`: `list/`) or a
    /// section's (`sections/<s>/`); its front (`page` `None`:
    /// `front.json`) or archive page `k` (`<k>.json`, from the oldest).
    List {
        section: Option<&'a Slug>,
        page: Option<usize>,
    },
    /// `articles/<slug>.json`: one article as the app shows it.
    Article(&'a Slug),
    /// `speakers/index.json`: everyone who spoke.
    Speakers,
    /// `speakers/<slug>.json`: one person's speeches.
    Speaker(&'a Slug),
    /// `search/<key>.json`: one file of the search index.
    SearchIndex(&'a str),
}

impl<'a> ContentFile<'a> {
    /// The file a page of a list is published as.
    pub fn list_page(page: &'a crate::ListPage) -> Self {
        Self::List {
            section: page.section.as_ref().map(|section| &section.slug),
            page: page.page,
        }
    }

    /// The file below the content folder: `list/front.json`.
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.push_path(&mut path);
        path
    }

    /// The file below the base, as the app asks for it:
    /// `content/list/front.json`.
    pub fn href(&self) -> String {
        let mut href = String::new();
        self.push_href(&mut href);
        href
    }

    /// [`Self::href`], added to `out`.
    pub fn push_href(&self, out: &mut String) {
        out.push_str(CONTENT_DIR);
        out.push('/');
        self.push_path(out);
    }

    fn push_path(&self, out: &mut String) {
        let (folder, name) = match self {
            Self::Site => (None, "site"),
            Self::Schema => (None, "article.schema"),
            Self::List { section, page } => {
                match section {
                    None => out.push_str(ContentFolder::List.name()),
                    Some(section) => {
                        out.push_str(ContentFolder::Sections.name());
                        out.push('/');
                        out.push_str(section.as_str());
                    }
                }
                out.push('/');
                match page {
                    None => out.push_str("front"),
                    Some(k) => out.push_str(&k.to_string()),
                }
                out.push_str(".json");
                return;
            }
            Self::Article(slug) => (Some(ContentFolder::Articles), slug.as_str()),
            Self::Speakers => (Some(ContentFolder::Speakers), "index"),
            Self::Speaker(slug) => (Some(ContentFolder::Speakers), slug.as_str()),
            Self::SearchIndex(key) => (Some(ContentFolder::Search), *key),
        };
        if let Some(folder) = folder {
            out.push_str(folder.name());
            out.push('/');
        }
        out.push_str(name);
        out.push_str(".json");
    }
}

/// A folder the content build publishes, below [`CONTENT_DIR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentFolder {
    /// The news list's pages.
    List,
    /// A folder per section, each with its list's pages.
    Sections,
    /// An article each.
    Articles,
    /// The speakers' index and a file per person.
    Speakers,
    /// The search index's files.
    Search,
    /// Drawings (SVG) as editors saved them.
    Images,
    /// The copies made of photographs, each named by a hash of its
    /// original and of how it was made (so cached as immutable).
    Photos,
}

impl ContentFolder {
    /// Every folder, in the order the host rules list them.
    pub const ALL: [Self; 7] = [
        Self::List,
        Self::Sections,
        Self::Articles,
        Self::Speakers,
        Self::Search,
        Self::Images,
        Self::Photos,
    ];

    /// Its name below the content folder.
    pub fn name(self) -> &'static str {
        match self {
            Self::List => "list",
            Self::Sections => "sections",
            Self::Articles => "articles",
            Self::Speakers => "speakers",
            Self::Search => "search",
            Self::Images => "images",
            Self::Photos => "photos",
        }
    }

    /// The folder below the base, with a trailing slash:
    /// `content/photos/`.
    pub fn href(self) -> String {
        format!("{CONTENT_DIR}/{}/", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_files_and_folders_are_named_once() {
        let slug = Slug::parse("a-b").expect("slug");
        let list = |section, page| ContentFile::List { section, page }.href();
        assert_eq!(list(None, None), "content/list/front.json");
        assert_eq!(list(None, Some(2)), "content/list/2.json");
        assert_eq!(list(Some(&slug), None), "content/sections/a-b/front.json");
        assert_eq!(list(Some(&slug), Some(1)), "content/sections/a-b/1.json");
        assert_eq!(ContentFile::Site.href(), "content/site.json");
        assert_eq!(ContentFile::Article(&slug).path(), "articles/a-b.json");
        assert_eq!(ContentFile::Speakers.path(), "speakers/index.json");
        assert_eq!(ContentFile::Speaker(&slug).path(), "speakers/a-b.json");
        assert_eq!(ContentFile::SearchIndex("6f70").path(), "search/6f70.json");
        assert_eq!(ContentFolder::Photos.href(), "content/photos/");
    }
}
