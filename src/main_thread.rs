//! Giving the main thread back: work that can wait resumes in a new task,
//! or once the page has been painted, so that what the reader is waiting
//! for (a page taken over, search results) is not held up behind it.

/// Resolves in a new task of the event loop (a `setTimeout` of 0): work
/// after it does not lengthen the task that awaited it. At once where
/// there is no window.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in the first task after the next paint (a new task, as
/// [`next_task`], from the next animation frame): what changed in the page
/// before it was awaited is on screen by then. At once where there is no
/// window; not while the page is hidden (no frame is painted).
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    next_task().await;
}
