use reader_model::Label;
use reader_model::ModelError;
use thiserror::Error;

/// Everything that can go wrong between asking for content and holding it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FetchError {
    /// No answer: offline, DNS, a dropped connection, an aborted request.
    #[error("network error: {0}")]
    Network(String),
    /// HTTP 404: the document does not exist.
    #[error("not found (HTTP 404)")]
    NotFound,
    /// Any other answer outside 2xx.
    #[error("server answered HTTP {0}")]
    Status(u16),
    /// A 2xx answer that is not JSON: typically a CDN's catch-all rule
    /// answering a missing `.json` file with `index.html` and 200.
    #[error("expected JSON, got {content_type}")]
    NotJson { content_type: String },
    /// JSON (or something claiming to be) that the model cannot read.
    #[error("content could not be read: {0}")]
    Invalid(#[from] ModelError),
}

impl FetchError {
    /// A sentence for the reader: what happened, in plain words (the
    /// label that says it in the page's language).
    pub fn reader_label(&self) -> Label {
        match self {
            // The device itself is offline (not the server unreachable):
            // the page is simply not saved on it.
            Self::Network(_) if self.device_offline() => Label::OfflineMessage,
            Self::Network(_) => Label::ErrorOffline,
            Self::NotFound => Label::ErrorMissing,
            Self::Status(code) if *code >= 500 => Label::ErrorServer,
            Self::Status(_) => Label::ErrorRefused,
            Self::NotJson { .. } => Label::ErrorWebPage,
            Self::Invalid(_) => Label::ErrorDamaged,
        }
    }

    /// Whether the failure is the device being offline (the browser says
    /// so), when the pages saved on it are what the reader can still read.
    pub fn device_offline(&self) -> bool {
        #[cfg(feature = "hydrate")]
        {
            matches!(self, Self::Network(_))
                && web_sys::window().is_some_and(|window| !window.navigator().on_line())
        }
        #[cfg(not(feature = "hydrate"))]
        {
            false
        }
    }

    /// [`Self::reader_label`], in the page's language.
    pub fn reader_message(&self) -> String {
        crate::labels::label(self.reader_label())
    }
}
