//! An original photograph as the newsroom saved it: what it is, read from
//! its header before any pixel is decoded, and its pixels, upright.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};

/// A larger file is refused before it is read: well above a camera's
/// JPEG, and a page never needs more.
pub const MAX_BYTES: u64 = 40 * 1024 * 1024;

/// A picture declaring more pixels is refused before it is decoded: a
/// decompression bomb, or far more than any screen shows (a 61-megapixel
/// camera's full frame still fits).
pub const MAX_PIXELS: u64 = 64_000_000;

/// Why an original cannot be published.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("cannot be read: {0}")]
    Read(#[from] std::io::Error),
    #[error(
        "is {:.1} MB; an original may be at most {} MB (export it smaller)",
        *.0 as f64 / 1_048_576.0,
        MAX_BYTES / 1_048_576
    )]
    TooLarge(u64),
    #[error("is not a picture (a photograph must be a JPEG, PNG or WebP file)")]
    NotAnImage,
    #[error("is named .{claimed} but is not a {}: its bytes are a {actual} file", claimed.to_uppercase())]
    Disguised { claimed: String, actual: String },
    #[error("is a {0} file; a photograph must be a JPEG, PNG or WebP file")]
    Unsupported(String),
    #[error(
        "is a HEIC file (as iPhones save them), which most browsers cannot show: export it as JPEG"
    )]
    Heic,
    #[error(
        "declares {width} × {height} pixels ({} megapixels; at most {}): a decompression bomb, or far larger than any screen",
        (*width as u64 * *height as u64) / 1_000_000,
        MAX_PIXELS / 1_000_000
    )]
    Bomb { width: u32, height: u32 },
    #[error(
        "is cut short: the file ends before the picture does (a copy or an upload that stopped): save or export it again"
    )]
    Truncated,
    #[error("cannot be decoded: {0}")]
    Decode(String),
}

/// An original, read from its header: what the build needs to plan its
/// copies and name them.
#[derive(Debug, Clone)]
pub struct Original {
    pub path: PathBuf,
    /// Its file name as a slug, the start of every copy's name.
    pub name: String,
    /// The SHA-256 of its bytes, in hex: copies are named from it, and the
    /// cache finds them by it.
    pub hash: String,
    pub format: ImageFormat,
    /// Its size as shown: after the camera's orientation flag is applied.
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
}

impl Original {
    /// Reads `path`'s header: its size on disk first, then its format
    /// (from its bytes, which must agree with its name), its dimensions
    /// and orientation, without decoding the picture.
    ///
    /// # Errors
    /// Any [`PhotoError`] but `Decode`.
    pub fn inspect(path: &Path) -> Result<Self, PhotoError> {
        let size = std::fs::metadata(path)?.len();
        if size > MAX_BYTES {
            return Err(PhotoError::TooLarge(size));
        }
        let bytes = std::fs::read(path)?;
        let format = format_of(path, &bytes)?;
        if cut_short(format, &bytes) {
            return Err(PhotoError::Truncated);
        }
        let mut decoder = ImageReader::with_format(Cursor::new(&bytes), format)
            .into_decoder()
            .map_err(|err| PhotoError::Decode(err.to_string()))?;
        let (width, height) = decoder.dimensions();
        if u64::from(width) * u64::from(height) > MAX_PIXELS {
            return Err(PhotoError::Bomb { width, height });
        }
        let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
        let (width, height) = if turns_sideways(orientation) {
            (height, width)
        } else {
            (width, height)
        };
        Ok(Self {
            path: path.to_path_buf(),
            name: file_name_slug(path),
            hash: hex::encode(Sha256::digest(&bytes)),
            format,
            width,
            height,
            orientation,
        })
    }

    /// Its pixels, upright, as 8-bit RGB (a transparent part is laid on
    /// white). Nothing of the file's metadata comes with them.
    ///
    /// # Errors
    /// The file changed since it was inspected, or is damaged.
    pub fn decode(&self) -> Result<DynamicImage, PhotoError> {
        let bytes = std::fs::read(&self.path)?;
        let mut reader = ImageReader::with_format(Cursor::new(bytes), self.format);
        let mut limits = Limits::default();
        limits.max_image_width = Some(self.width.max(self.height));
        limits.max_image_height = Some(self.width.max(self.height));
        reader.limits(limits);
        let mut image = reader
            .decode()
            .map_err(|err| PhotoError::Decode(err.to_string()))?;
        image.apply_orientation(self.orientation);
        Ok(if image.color().has_alpha() {
            DynamicImage::ImageRgb8(on_white(&image.to_rgba8()))
        } else {
            DynamicImage::ImageRgb8(image.to_rgb8())
        })
    }
}

/// Whether `bytes`, a picture in `format`, end before it does: a JPEG
/// whose headers or first scan run past its end, or with no end of image
/// after that scan (in a scan's coded data a 0xFF byte is never followed
/// by 0xD9, so the first such pair is its end; a phone may add data after
/// it), a PNG with no closing `IEND` chunk, a WebP shorter than its header
/// says. The decoders would fill the missing part with grey, without a
/// word.
fn cut_short(format: ImageFormat, bytes: &[u8]) -> bool {
    let find = |needle: &[u8], from: usize| {
        (bytes.get(from..))
            .and_then(|rest| rest.windows(needle.len()).position(|w| w == needle))
            .map(|at| at + from)
    };
    match format {
        ImageFormat::Jpeg => match first_scan(bytes) {
            Some(Some(scan)) => find(&[0xff, 0xd9], scan).is_none(),
            Some(None) => true,
            // Not laid out as a JPEG's headers: the decoder says what.
            None => false,
        },
        ImageFormat::Png => find(b"IEND", 8).is_none(),
        ImageFormat::WebP => bytes.get(4..8).is_none_or(|size| {
            let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]);
            (bytes.len() as u64) < u64::from(size) + 8
        }),
        _ => false,
    }
}

/// Where a JPEG's first scan's coded data starts, found by walking its
/// headers (an EXIF thumbnail, inside one, has its own scan and end):
/// `Some(None)` when the headers run past the file's end, `None` when
/// they are not laid out as a JPEG's.
fn first_scan(bytes: &[u8]) -> Option<Option<usize>> {
    let mut at = 2;
    loop {
        let (Some(&0xff), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return if at + 1 >= bytes.len() {
                Some(None)
            } else {
                None
            };
        };
        match marker {
            // Fill bytes, and markers that stand alone.
            0xff => at += 1,
            0x01 | 0xd0..=0xd8 => at += 2,
            _ => {
                let Some(length) = bytes.get(at + 2..at + 4) else {
                    return Some(None);
                };
                let next = at + 2 + usize::from(u16::from_be_bytes([length[0], length[1]]));
                if next > bytes.len() {
                    return Some(None);
                }
                if marker == 0xda {
                    return Some(Some(next));
                }
                at = next;
            }
        }
    }
}

/// The format `bytes` are in, which must be the one `path`'s extension
/// names.
fn format_of(path: &Path, bytes: &[u8]) -> Result<ImageFormat, PhotoError> {
    // An iPhone's HEIC is a picture the image crates cannot read: say so.
    if bytes.get(4..8) == Some(b"ftyp")
        && bytes.get(8..12).is_some_and(|brand| {
            [b"heic", b"heix", b"hevc", b"mif1"].contains(&brand.try_into().unwrap_or(b"    "))
        })
    {
        return Err(PhotoError::Unsupported("HEIC (export it as JPEG)".into()));
    }
    let actual = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    let claimed = path
        .extension()
        .and_then(|ext| ext.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ImageFormat::from_extension(&claimed) != Some(actual) {
        return Err(PhotoError::Disguised {
            claimed,
            actual: format_name(actual),
        });
    }
    match actual {
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP => Ok(actual),
        other => Err(PhotoError::Unsupported(format_name(other))),
    }
}

fn format_name(format: ImageFormat) -> String {
    format
        .extensions_str()
        .first()
        .map_or_else(|| format!("{format:?}"), |ext| ext.to_uppercase())
}

/// Whether the flag turns the picture a quarter turn (width and height
/// swap).
fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

fn on_white(rgba: &image::RgbaImage) -> image::RgbImage {
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

/// `Campus Photo_01.JPG` → `campus-photo-01`.
fn file_name_slug(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let mut slug = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "photo".to_owned()
    } else {
        slug.chars().take(48).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_s_heic_is_named_as_such() {
        let mut heic = vec![0, 0, 0, 24];
        heic.extend(b"ftypheic\0\0\0\0mif1heic");
        let err = format_of(Path::new("IMG_0001.HEIC"), &heic).unwrap_err();
        assert_eq!(
            err.to_string(),
            "is a HEIC (export it as JPEG) file; a photograph must be a JPEG, PNG or WebP file"
        );
    }

    #[test]
    fn names_are_slugs() {
        assert_eq!(
            file_name_slug(Path::new("a/Campus Photo_01.JPG")),
            "campus-photo-01"
        );
        assert_eq!(file_name_slug(Path::new("李锐.jpg")), "photo");
    }
}
