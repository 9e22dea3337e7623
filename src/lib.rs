//! The reader app: a newsroom's articles, fetched as static JSON and
//! rendered in the browser.
//!
//! - [`app`]: the `App` component and its routes;
//! - [`routes`]: one file per page, each loading its data;
//! - [`views`]: pure components that take data as props;
//! - [`client`]: the one module that fetches, with its typed errors;
//! - [`loader`]: what the client loads, as reactive state;
//! - [`paths`]: every URL the app builds;
//! - [`display`]: formatting decisions, as plain functions;
//! - [`labels`]: the chrome's words in the page's language;
//! - [`meta`]: each page's title and description, for the views and the head;
//! - [`site_context`]: the site's name, navigation and footer, shared;
//! - [`panic_notice`]: what the reader sees if the app ever panics;
//! - [`page_focus`]: focus and announcement after client-side navigation;
//! - [`prerendered`]: taking over the page rendered at build time;
//! - [`hydrate_later`]: the bulk of a page attached a task after the rest;
//! - [`main_thread`]: giving the main thread back (a new task, after the next paint);
//! - [`start`]: starting an app (the whole one, the reading one) in the browser;
//! - [`return_position`]: Back and Forward return the reader to where they were.
//!
//! The content model itself lives in the `reader-model` crate.

pub mod app;
pub mod client;
pub mod display;
pub mod hydrate_later;
pub mod labels;
pub mod loader;
pub mod main_thread;
pub mod meta;
pub mod page_focus;
pub mod panic_notice;
pub mod paths;
pub mod prerendered;
pub mod return_position;
pub mod routes;
pub mod site_context;
#[cfg(feature = "hydrate")]
pub mod start;
pub mod views;

pub use app::{App, ReadingApp};
