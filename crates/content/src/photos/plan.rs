//! Which copies an original gets for a place, and their names: decided
//! from its header alone, so a build whose copies are all cached never
//! decodes it.

use reader_model::layout::ContentFolder;
use reader_model::{Copies, Format, Place, SafeUrl};
use sha2::{Digest, Sha256};

use super::original::Original;

/// Changes whenever a copy made from the same original would differ
/// (quality, filter, encoder): every name changes with it.
const RECIPE: &str = "webp q75 m4; jpeg q78 progressive 4:2:0; lanczos3; v1";

/// The whole photo, for readers who open it: at most this wide.
pub const FULL_WIDTH: u32 = 2560;

/// The part of the original a place shows, in its upright pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crop {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// One file to make: which part of the original, how large, in what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub file: String,
    pub crop: Crop,
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

/// An original's copies for one place, and what the page is told.
#[derive(Debug, Clone)]
pub struct PlaceCopies {
    pub copies: Copies,
    /// The copy a 1× screen shows (the `src`), and its size.
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub files: Vec<Copy>,
}

/// The copies `original` gets in `place`: each of the place's widths the
/// original can fill (and its own width, when it falls short of the
/// largest), cut to the place's shape, in every [`Format`]; and the
/// whole photo at up to [`FULL_WIDTH`].
pub fn for_place(original: &Original, place: Place) -> PlaceCopies {
    let crop = crop(original.width, original.height, place.shape());
    let mut widths: Vec<u32> = (place.widths().iter().copied())
        .filter(|&width| width <= crop.width)
        .collect();
    if widths.last() != place.widths().last() && widths.last() != Some(&crop.width) {
        widths.push(crop.width);
    }
    let stem = format!(
        "{}{}.{}",
        ContentFolder::Photos.href(),
        original.name,
        name_hash(original, place.key())
    );
    let height_at = |width: u32| scaled(crop.height, width, crop.width);
    let full = full(original);
    let files = widths
        .iter()
        .flat_map(|&width| {
            Format::ALL.map(|format| Copy {
                file: file_name(&format!("{stem}-{width}.{}", format.extension())),
                crop,
                width,
                height: height_at(width),
                format,
            })
        })
        .chain([full.clone()])
        .collect();
    let shown = widths
        .iter()
        .copied()
        .find(|&width| width >= place.shown_width())
        .or(widths.last().copied())
        .unwrap_or(crop.width);
    let copies = Copies {
        stem: stem.clone(),
        widths,
        full: SafeUrl::parse(&format!("{}{}", ContentFolder::Photos.href(), full.file))
            .unwrap_or_else(|_| unreachable_safe()),
    };
    PlaceCopies {
        src: copies.file(shown, Format::Jpeg),
        width: shown,
        height: height_at(shown),
        copies,
        files,
    }
}

/// The whole photo, upright, at up to [`FULL_WIDTH`], as a JPEG.
fn full(original: &Original) -> Copy {
    let width = original.width.min(FULL_WIDTH);
    Copy {
        file: format!(
            "{}.{}-{width}.jpg",
            original.name,
            name_hash(original, "full")
        ),
        crop: Crop {
            x: 0,
            y: 0,
            width: original.width,
            height: original.height,
        },
        width,
        height: scaled(original.height, width, original.width),
        format: Format::Jpeg,
    }
}

/// A name made of the plain characters a slug and hex digits are: always a
/// safe same-site path.
fn unreachable_safe() -> SafeUrl {
    SafeUrl::parse(&ContentFolder::Photos.href()).expect("a plain path is safe")
}

/// The file name part of a `content/photos/…` path.
fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_owned()
}

/// Twelve hex digits naming what was made from which bytes, for what.
fn name_hash(original: &Original, purpose: &str) -> String {
    let digest = Sha256::digest(format!("{}|{purpose}|{RECIPE}", original.hash));
    hex::encode(&digest[..6])
}

/// The largest centred part of a `width` × `height` picture in `shape`.
fn crop(width: u32, height: u32, shape: Option<(u32, u32)>) -> Crop {
    let Some((across, down)) = shape else {
        return Crop {
            x: 0,
            y: 0,
            width,
            height,
        };
    };
    let (w, h) = if u64::from(width) * u64::from(down) > u64::from(height) * u64::from(across) {
        (scaled(height, across, down), height)
    } else {
        (width, scaled(width, down, across))
    };
    Crop {
        x: (width - w) / 2,
        y: (height - h) / 2,
        width: w.max(1),
        height: h.max(1),
    }
}

/// `value × numerator / denominator`, rounded, at least 1.
fn scaled(value: u32, numerator: u32, denominator: u32) -> u32 {
    let exact = u64::from(value) * u64::from(numerator);
    let rounded = (exact + u64::from(denominator) / 2) / u64::from(denominator.max(1));
    u32::try_from(rounded).unwrap_or(u32::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageFormat;
    use image::metadata::Orientation;

    fn original(width: u32, height: u32) -> Original {
        Original {
            path: "x.jpg".into(),
            name: "x".into(),
            hash: "00".into(),
            format: ImageFormat::Jpeg,
            width,
            height,
            orientation: Orientation::NoTransforms,
        }
    }

    #[test]
    fn a_camera_photo_gets_every_width_and_a_full_copy() {
        let planned = for_place(&original(4000, 3000), Place::Lead);
        assert_eq!(planned.copies.widths, [360, 720, 1080, 1440]);
        assert_eq!((planned.width, planned.height), (720, 540));
        assert!(planned.src.ends_with("-720.jpg"), "{}", planned.src);
        assert_eq!(planned.files.len(), 4 * 2 + 1);
        assert!(planned.copies.full.as_str().ends_with("-2560.jpg"));
    }

    #[test]
    fn a_small_original_is_never_enlarged() {
        let planned = for_place(&original(1000, 872), Place::Lead);
        assert_eq!(planned.copies.widths, [360, 720, 1000]);
        let tiny = for_place(&original(90, 60), Place::Lead);
        assert_eq!(tiny.copies.widths, [90]);
        assert_eq!((tiny.width, tiny.height), (90, 60));
    }

    #[test]
    fn speakers_are_cut_square_and_thumbnails_three_by_two() {
        let speaker = for_place(&original(600, 400), Place::Speaker);
        assert_eq!(
            speaker.files[0].crop,
            Crop {
                x: 100,
                y: 0,
                width: 400,
                height: 400
            }
        );
        assert_eq!((speaker.width, speaker.height), (112, 112));
        let thumb = for_place(&original(400, 600), Place::Thumbnail);
        assert_eq!(
            thumb.files[0].crop,
            Crop {
                x: 0,
                y: 166,
                width: 400,
                height: 267
            }
        );
    }

    #[test]
    fn names_change_with_the_place_and_the_bytes() {
        let a = for_place(&original(800, 600), Place::Lead);
        let b = for_place(&original(800, 600), Place::Figure);
        let mut other = original(800, 600);
        other.hash = "01".into();
        let c = for_place(&other, Place::Lead);
        assert_ne!(a.copies.stem, b.copies.stem);
        assert_ne!(a.copies.stem, c.copies.stem);
        assert_eq!(a.copies.full, b.copies.full);
    }
}
