//! What search reads of an article: the one definition the index's build
//! (`reader-search-build`) and the app's passages (`crate::passage`) share.

use reader_model::{Article, Block};

/// An article's texts as search reads them, each piece as written.
pub struct ArticleTexts<'a> {
    /// Where a match ranks an article first: its headline, its summary and
    /// its speakers' names.
    pub strong: Vec<&'a str>,
    /// The rest of what a match may be in: its section, authors and copy
    /// editors (`about`), then the text of its blocks in their order (`blocks`:
    /// paragraphs, speakers' roles and captions, figures' captions,
    /// quotes and their attributions).
    pub about: Vec<&'a str>,
    pub blocks: Vec<&'a str>,
}

impl<'a> ArticleTexts<'a> {
    /// The texts of `article`.
    pub fn of<R>(article: &'a Article<R>) -> Self {
        let mut strong = vec![article.headline.as_str(), article.summary.as_str()];
        let mut about = vec![article.section.as_str()];
        about.extend(article.authors.iter().map(String::as_str));
        about.extend(article.copy_editors.iter().map(String::as_str));
        let mut blocks = Vec::new();
        for block in article.body.blocks() {
            match block {
                Block::Paragraph { text, .. } => blocks.push(text.as_str()),
                Block::Speech(speech) => {
                    strong.push(&speech.speaker);
                    blocks.extend(speech.role.as_deref());
                    blocks.push(&speech.caption);
                }
                Block::Figure(figure) => blocks.extend(figure.caption.as_deref()),
                Block::Quote(quote) => {
                    blocks.push(&quote.text);
                    blocks.extend(quote.attribution.as_deref());
                }
            }
        }
        Self {
            strong,
            about,
            blocks,
        }
    }

    /// The strong text and the rest, each as one string, as the index is
    /// made from them.
    pub fn joined(&self) -> (String, String) {
        let body: Vec<&str> = self.about.iter().chain(&self.blocks).copied().collect();
        (self.strong.join(" "), body.join(" "))
    }
}
