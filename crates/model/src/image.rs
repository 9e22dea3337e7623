use serde::{Deserialize, Serialize};

use crate::SafeUrl;
use crate::lenient::Lenient;

/// A picture with its alternative text and, when known, its intrinsic size
/// (so the page can reserve its box before it loads).
///
/// Editors write `src`, `alt` and, for a photograph, `credit`. The content
/// build turns a photograph it holds (`content/images/*.jpg`, `.png`,
/// `.webp`) into [`Copies`] sized for the place it is shown in, and sets
/// `src`, `width` and `height` to the copy a 1× screen needs; drawings
/// (SVG) and pictures on other sites are published as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    pub src: SafeUrl,
    pub alt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Who took it (`Li Rui`, `Xinhua`), shown as "Photo: Li Rui".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// The copies the content build made of a photograph for its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<Copies>,
}

#[derive(Deserialize)]
pub(crate) struct WireImage {
    src: String,
    #[serde(default)]
    alt: String,
    #[serde(default)]
    width: Option<u32>,
    #[serde(default)]
    height: Option<u32>,
    #[serde(default)]
    credit: Option<String>,
    #[serde(default)]
    copies: Option<WireCopies>,
}

/// An image whose `src` is not a safe URL is dropped; the view shows its
/// placeholder instead. Copies that are not on this site are dropped and
/// the picture kept.
impl Lenient for Image {
    type Wire = WireImage;
    fn accept(wire: WireImage) -> Option<Self> {
        Some(Self {
            src: SafeUrl::parse(&wire.src).ok()?,
            alt: wire.alt,
            width: wire.width,
            height: wire.height,
            credit: wire
                .credit
                .map(|credit| credit.trim().to_owned())
                .filter(|credit| !credit.is_empty()),
            copies: wire.copies.and_then(Copies::accept),
        })
    }
}

impl Image {
    /// "Photo: Li Rui" (`摄影：李芮`), when it has a credit.
    pub fn credit_line(&self, labels: &crate::Labels) -> Option<String> {
        (self.credit.as_ref())
            .map(|credit| labels.fill(crate::Label::PhotoCredit, &[("name", credit)]))
    }
}

/// A photograph as the content build published it for one [`Place`]: the
/// same picture at each of `widths` (pixels, smallest first) in each
/// [`Format`], named `<stem>-<width>.<extension>`, and the whole photo at
/// its largest published size (`full`, a JPEG). Every name carries a hash
/// of what made it, so hosts serve them as immutable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Copies {
    /// `content/photos/<name>.<hash>`.
    pub stem: String,
    pub widths: Vec<u32>,
    pub full: SafeUrl,
}

#[derive(Deserialize)]
pub(crate) struct WireCopies {
    stem: String,
    widths: Vec<u32>,
    full: String,
}

impl Lenient for Copies {
    type Wire = WireCopies;
    fn accept(wire: WireCopies) -> Option<Self> {
        let on_site = |text: &str| SafeUrl::parse(text).ok().filter(|url| !url.is_external());
        on_site(&wire.stem)?;
        let full = on_site(&wire.full)?;
        (!wire.widths.is_empty()).then_some(Self {
            stem: wire.stem,
            widths: wire.widths,
            full,
        })
    }
}

/// The formats every photograph is published in, the one browsers should
/// prefer first; the last is what every browser reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Webp,
    Jpeg,
}

impl Format {
    pub const ALL: [Self; 2] = [Self::Webp, Self::Jpeg];

    pub fn extension(self) -> &'static str {
        match self {
            Self::Webp => "webp",
            Self::Jpeg => "jpg",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Webp => "image/webp",
            Self::Jpeg => "image/jpeg",
        }
    }
}

impl Copies {
    /// The file name of the copy `width` pixels wide.
    pub fn file(&self, width: u32, format: Format) -> String {
        format!("{}-{width}.{}", self.stem, format.extension())
    }

    /// Each copy in `format` with its width, smallest first.
    pub fn candidates(&self, format: Format) -> Vec<(SafeUrl, u32)> {
        self.widths
            .iter()
            .filter_map(|&width| Some((SafeUrl::parse(&self.file(width, format)).ok()?, width)))
            .collect()
    }
}

/// Where a photograph is shown, which decides the copies made of it: their
/// widths (for 1×, 2× and 3× screens, so a 390-px phone never downloads
/// more than it can show), their shape, and the `sizes` the page gives the
/// browser to choose among them. The widths follow `assets/styles/` (lists.css, article.css).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Place {
    /// A news list item's picture: 15rem × 10rem on wide screens, 6rem
    /// square on phones; made 3:2.
    Thumbnail,
    /// The photo at the top of an article: the article's column (42rem,
    /// or the phone's width less its margins).
    Lead,
    /// A picture among the paragraphs: the article's column.
    Figure,
    /// A speaker's round photo: 7rem, 4.5rem on phones; made square.
    Speaker,
}

impl Place {
    pub const ALL: [Self; 4] = [Self::Thumbnail, Self::Lead, Self::Figure, Self::Speaker];

    /// The widths made (when the original is wide enough), smallest first.
    pub fn widths(self) -> &'static [u32] {
        match self {
            Self::Thumbnail => &[160, 240, 320, 480],
            Self::Lead | Self::Figure => &[360, 720, 1080, 1440],
            Self::Speaker => &[112, 224, 336],
        }
    }

    /// The width it is shown at on a 1× desktop screen: an original
    /// narrower than this looks blurred there.
    pub fn shown_width(self) -> u32 {
        match self {
            Self::Thumbnail => 240,
            Self::Lead | Self::Figure => 672,
            Self::Speaker => 112,
        }
    }

    /// The shape copies are cut to (width, height), or `None` to keep the
    /// photo's own.
    pub fn shape(self) -> Option<(u32, u32)> {
        match self {
            Self::Thumbnail => Some((3, 2)),
            Self::Speaker => Some((1, 1)),
            Self::Lead | Self::Figure => None,
        }
    }

    /// The `sizes` attribute: how wide it is shown, by screen width.
    pub fn sizes(self) -> &'static str {
        match self {
            // A 3:2 picture covering the 6rem square is 9rem wide.
            Self::Thumbnail => "(min-width: 48rem) 15rem, 9rem",
            Self::Lead | Self::Figure => "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
            Self::Speaker => "(min-width: 48rem) 7rem, 4.5rem",
        }
    }

    /// Its name in an editor's message.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Thumbnail => "the thumbnail",
            Self::Lead => "the lead photo",
            Self::Figure => "the figure's picture",
            Self::Speaker => "the speaker's photo",
        }
    }

    /// Its short name in a file name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Thumbnail => "thumbnail",
            Self::Lead => "lead",
            Self::Figure => "figure",
            Self::Speaker => "speaker",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lenient;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "lenient::option")]
        image: Option<Image>,
    }

    fn read(json: &str) -> Option<Image> {
        serde_json::from_str::<Holder>(json).ok()?.image
    }

    #[test]
    fn copies_name_every_width_in_every_format() {
        let image = read(
            r#"{"image": {"src": "content/photos/a.0123456789ab-360.jpg", "alt": "A",
                "credit": "  Li Rui ", "copies": {"stem": "content/photos/a.0123456789ab",
                "widths": [360, 720], "full": "content/photos/a.0123456789ab-full.jpg"}}}"#,
        )
        .unwrap();
        assert_eq!(
            image.credit_line(&crate::Labels::english()).as_deref(),
            Some("Photo: Li Rui")
        );
        let copies = image.copies.unwrap();
        let webp: Vec<_> = copies
            .candidates(Format::Webp)
            .into_iter()
            .map(|(url, width)| (url.as_str().to_owned(), width))
            .collect();
        assert_eq!(
            webp,
            [
                ("content/photos/a.0123456789ab-360.webp".to_owned(), 360),
                ("content/photos/a.0123456789ab-720.webp".to_owned(), 720)
            ]
        );
    }

    #[test]
    fn copies_on_another_site_are_dropped_and_the_picture_kept() {
        let image = read(
            r#"{"image": {"src": "content/images/a.svg", "alt": "A", "credit": " ",
                "copies": {"stem": "https://evil.example/a", "widths": [1], "full": "content/a.jpg"}}}"#,
        )
        .unwrap();
        assert_eq!(image.copies, None);
        assert_eq!(image.credit, None);
        let script = read(
            r#"{"image": {"src": "content/a.jpg", "alt": "A",
                "copies": {"stem": "content/a", "widths": [1], "full": "javascript:alert(1)"}}}"#,
        )
        .unwrap();
        assert_eq!(script.copies, None);
    }

    #[test]
    fn places_make_widths_for_phones_and_sharp_screens() {
        for place in Place::ALL {
            let widths = place.widths();
            assert!(widths.windows(2).all(|pair| pair[0] < pair[1]));
            // Two times the desktop width is made, for sharp screens.
            assert!(widths.last().copied() >= Some(place.shown_width() * 2));
        }
    }
}
