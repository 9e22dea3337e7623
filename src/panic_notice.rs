//! A panic must not leave a frozen page. With `panic = "abort"` the app
//! cannot go on after one, so the hook logs the details to the console and
//! puts a short notice with a reload link at the top of the page, built
//! with plain DOM calls (text only) since the app itself is gone.

use wasm_bindgen::prelude::wasm_bindgen;

const NOTICE_ID: &str = "panic-notice";

/// Installs the hook; call first thing in `main`.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // A page that could not be hydrated is reloaded and rendered
        // afresh; any other panic leaves the notice.
        if !crate::prerendered::hydration_failed() {
            show();
        }
    }));
}

fn show() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let notice = || -> Option<web_sys::Element> {
        let notice = document.create_element("div").ok()?;
        notice.set_id(NOTICE_ID);
        notice.set_class_name("panic-notice");
        notice.set_attribute("role", "alert").ok()?;
        let message = document.create_element("p").ok()?;
        let labels = crate::labels::labels();
        message.set_text_content(Some(&format!(
            "{} ",
            labels.get(reader_model::Label::Panic)
        )));
        let reload = document.create_element("a").ok()?;
        let here = document
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        reload.set_attribute("href", &here).ok()?;
        reload.set_text_content(Some(labels.get(reader_model::Label::ReloadPage)));
        message.append_child(&reload).ok()?;
        notice.append_child(&message).ok()?;
        Some(notice)
    };
    if let (Some(notice), Some(body)) = (notice(), document.body()) {
        let _ = body.prepend_with_node_1(&notice);
    }
}

/// Panics on purpose, so whoever runs a deployment can check the notice
/// from the browser's console: `wasmBindings.readerPanicCheck()`.
#[wasm_bindgen(js_name = readerPanicCheck)]
pub fn panic_check() {
    panic!("panic check requested from the console");
}
