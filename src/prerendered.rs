//! Taking over a prerendered page.
//!
//! Every page is first served as static HTML rendered at build time by the
//! same views (crates/prerender). It carries its data as JSON in
//! `<script type="application/json" id="reader-data">`, which the CSP lets
//! sit there because it never runs. The app reads it so it fetches nothing
//! the page already shows, renders the same page in the same task, and
//! swaps it in: no blank frame, no layout shift.

use leptos::prelude::document;
use reader_model::PageData;

use crate::client::cache;

/// The `id` of the element that holds a page's data.
pub const PAGE_DATA_ID: &str = "reader-data";

/// The `id` of the element that holds the prerendered page.
pub const SHELL_ID: &str = "shell";

/// The class on `<html>` once the app runs.
pub const APP_CLASS: &str = "app";

/// Marks the head tags that describe one page (canonical link, sharing
/// cards, structured data); the app drops them when it takes over, since
/// after the reader moves on they would describe the wrong page.
pub const PAGE_HEAD_ATTRIBUTE: &str = "data-page";

/// Reads the page's data into the client, then removes the page's own head
/// tags and the prerendered body, just before the app renders its own.
/// Data that does not parse is ignored (with a console warning): the app
/// then fetches as if the page had carried none.
pub fn take_over() {
    let document = document();
    // Controls that need the app (copy link) show from now on.
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1(APP_CLASS);
    }
    if let Some(script) = document.get_element_by_id(PAGE_DATA_ID) {
        match script
            .text_content()
            .map(|json| reader_model::from_json::<PageData>(&json))
        {
            Some(Ok(data)) => {
                // On the "not found" page the host has nothing at this
                // address: the app need not ask for it again.
                if data.not_found
                    && let Ok(path) = document
                        .location()
                        .map_or(Ok(String::new()), |l| l.pathname())
                {
                    cache::preload_missing(&path);
                }
                cache::preload(data);
            }
            Some(Err(error)) => leptos::logging::warn!("the page's data is unreadable: {error}"),
            None => {}
        }
        script.remove();
    }
    if let Ok(tags) = document.query_selector_all(&format!("head [{PAGE_HEAD_ATTRIBUTE}]")) {
        for index in 0..tags.length() {
            if let Some(tag) = tags.item(index)
                && let Some(parent) = tag.parent_node()
            {
                let _ = parent.remove_child(&tag);
            }
        }
    }
    if let Some(shell) = document.get_element_by_id(SHELL_ID) {
        shell.remove();
    }
}
