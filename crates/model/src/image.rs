use serde::{Deserialize, Serialize};

use crate::SafeUrl;
use crate::lenient::Lenient;

/// A picture with its alternative text and, when known, its intrinsic size
/// (so the page can reserve its box before it loads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    pub src: SafeUrl,
    pub alt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
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
}

/// An image whose `src` is not a safe URL is dropped; the view shows its
/// placeholder instead.
impl Lenient for Image {
    type Wire = WireImage;
    fn accept(wire: WireImage) -> Option<Self> {
        Some(Self {
            src: SafeUrl::parse(&wire.src).ok()?,
            alt: wire.alt,
            width: wire.width,
            height: wire.height,
        })
    }
}
