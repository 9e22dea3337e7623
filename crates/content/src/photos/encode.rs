//! Upright pixels to a published file: cut, resized, encoded. The encoders
//! write pixels only, so no EXIF, XMP, IPTC or GPS data can follow.

use image::DynamicImage;
use image::imageops::FilterType;
use reader_model::Format;

use super::plan::Copy;

const WEBP_QUALITY: f32 = 75.0;
const JPEG_QUALITY: u8 = 78;

#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    #[error("WebP: {0:?}")]
    Webp(webp::WebPEncodingError),
    #[error("JPEG: {0}")]
    Jpeg(#[from] jpeg_encoder::EncodingError),
    #[error("JPEG: a side of {0} pixels is more than it can hold")]
    TooLarge(u32),
}

/// The bytes of `copy`, made from `image` (upright 8-bit RGB).
///
/// # Errors
/// An encoder refused the picture.
pub fn encode(image: &DynamicImage, copy: &Copy) -> Result<Vec<u8>, EncodeError> {
    let crop = copy.crop;
    let part = image.crop_imm(crop.x, crop.y, crop.width, crop.height);
    let resized = if (part.width(), part.height()) == (copy.width, copy.height) {
        part
    } else {
        part.resize_exact(copy.width, copy.height, FilterType::Lanczos3)
    };
    let rgb = resized.to_rgb8();
    let (width, height) = rgb.dimensions();
    match copy.format {
        Format::Webp => {
            // libwebp's defaults otherwise (method 4), lossy.
            let memory = webp::Encoder::from_rgb(rgb.as_raw(), width, height)
                .encode_simple(false, WEBP_QUALITY)
                .map_err(EncodeError::Webp)?;
            Ok(memory.to_vec())
        }
        Format::Jpeg => {
            let mut bytes = Vec::new();
            let mut encoder = jpeg_encoder::Encoder::new(&mut bytes, JPEG_QUALITY);
            encoder.set_progressive(true);
            encoder.set_optimized_huffman_tables(true);
            encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
            let (width, height) = (dimension(width)?, dimension(height)?);
            encoder.encode(rgb.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)?;
            Ok(bytes)
        }
    }
}

/// JPEG sides are at most 65,535 pixels (copies are at most 2,560 wide).
fn dimension(side: u32) -> Result<u16, EncodeError> {
    u16::try_from(side).map_err(|_| EncodeError::TooLarge(side))
}
