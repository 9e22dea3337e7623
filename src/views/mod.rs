//! Pure views: each takes its data as props and renders it, fetching
//! nothing, so the same views can be rendered at build time.

mod article_page;
mod body_block;
mod breadcrumb;
mod copy_link;
mod dateline;
mod error_notice;
mod figure_block;
mod news_card;
mod news_list_page;
mod not_found_page;
mod page_meta;
mod quote_block;
mod related_articles;
mod site_footer;
mod site_header;
mod skeletons;
mod skip_link;
mod speaker_page;
mod speakers_page;
mod speech_section;
mod thumbnail;
mod who_spoke;

pub use article_page::ArticlePage;
pub use body_block::BodyBlock;
pub use breadcrumb::Breadcrumb;
pub use copy_link::CopyLink;
pub use dateline::Dateline;
pub use error_notice::ErrorNotice;
pub use figure_block::FigureBlock;
pub use news_card::NewsCard;
pub use news_list_page::NewsListPage;
pub use not_found_page::NotFoundPage;
pub use page_meta::PageMeta;
pub use quote_block::QuoteBlock;
pub use related_articles::RelatedArticles;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skeletons::{ArticleSkeleton, ListSkeleton};
pub use skip_link::SkipLink;
pub use speaker_page::SpeakerPage;
pub use speakers_page::SpeakersPage;
pub use speech_section::SpeechSection;
pub use thumbnail::Thumbnail;
pub use who_spoke::WhoSpoke;
