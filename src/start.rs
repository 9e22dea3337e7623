//! Starting an app in the browser: the whole app (`src/main.rs`) and the
//! reading app (`src/bin/reading.rs`) start the same way.

use leptos::IntoView;

use crate::prerendered::{self, Takeover};

/// Installs the panic notice and the return position, then takes the page
/// over with `app`. The wasm was compiled and instantiated in this task;
/// the page's data is read in the next one, and the page taken over in the
/// ones after (`prerendered::hydrate`), so that none holds the main thread
/// long (a tap in between is answered at once).
pub fn run<V: IntoView + 'static>(app: fn() -> V) {
    crate::panic_notice::install();
    crate::return_position::install();
    tidy_address();
    wasm_bindgen_futures::spawn_local(async move {
        crate::main_thread::next_task().await;
        let takeover = prerendered::take_over();
        crate::main_thread::next_task().await;
        take_over(takeover, app).await;
    });
}

async fn take_over<V: IntoView + 'static>(takeover: Option<Takeover>, app: fn() -> V) {
    match takeover {
        // The page on screen stays: the app attaches to its nodes.
        Some(Takeover::Hydrate(shell)) => {
            prerendered::hydrate(shell, app).await;
            prerendered::mark_interactive("hydrated");
        }
        Some(Takeover::Render(shell)) => {
            leptos::mount::mount_to(shell, app).forget();
            prerendered::mark_interactive("rendered");
        }
        None => {
            leptos::mount::mount_to_body(app);
            prerendered::mark_interactive("rendered");
        }
    }
}

/// An address with an empty segment (`/news/<slug>//speech/1`, which a
/// host may serve as the page without it) is tidied, in place, before the
/// router reads it: no route has an empty segment, so the router would
/// call the page on screen "not found", and taking it over would fail.
fn tidy_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(path) = location.pathname() else {
        return;
    };
    if !path.contains("//") {
        return;
    }
    let mut tidy = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && tidy.ends_with('/')) {
            tidy.push(c);
        }
    }
    tidy.push_str(&location.search().unwrap_or_default());
    tidy.push_str(&location.hash().unwrap_or_default());
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&tidy));
    }
}
