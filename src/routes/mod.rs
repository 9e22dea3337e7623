//! One route per page. A route loads its data through the client and hands
//! it to a pure view; loading, failure and retry are handled here.

mod article;
mod full_load;
mod loaded;
mod news_list;
mod not_found;
mod offline;
mod search;
mod slug;
mod speakers;

pub use article::ArticleRoute;
pub use full_load::{FullLoad, leave_other_links_to_the_browser};
pub use news_list::NewsListRoute;
pub use not_found::NotFoundRoute;
pub use offline::{OfflineRoute, SavedRoute};
pub use search::{DID_NOT_START_ID, SearchRoute};
pub use speakers::{SpeakerRoute, SpeakersRoute};
