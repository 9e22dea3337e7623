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
    wasm_bindgen_futures::spawn_local(async move {
        prerendered::next_task().await;
        let takeover = prerendered::take_over();
        prerendered::next_task().await;
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
