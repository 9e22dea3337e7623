use serde::{Deserialize, Serialize};

use crate::SafeUrl;
use crate::lenient::Lenient;

/// A labelled link from the content (navigation, footer, breadcrumb).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub label: String,
    pub href: SafeUrl,
}

#[derive(Deserialize)]
pub(crate) struct WireLink {
    label: String,
    href: String,
}

/// A link whose target is not a safe URL is left out.
impl Lenient for Link {
    type Wire = WireLink;
    fn accept(wire: WireLink) -> Option<Self> {
        Some(Self {
            label: wire.label,
            href: SafeUrl::parse(&wire.href).ok()?,
        })
    }
}
