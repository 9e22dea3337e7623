use reader::prerendered::{self, Takeover};

fn main() {
    reader::panic_notice::install();
    reader::return_position::install();
    // The wasm was compiled and instantiated in this task; the page is
    // taken over in the next one, so that neither holds the main thread
    // long (a tap in between is answered at once).
    wasm_bindgen_futures::spawn_local(async {
        prerendered::next_task().await;
        take_over();
    });
}

fn take_over() {
    match prerendered::take_over() {
        // The page on screen stays: the app attaches to its nodes.
        Some(Takeover::Hydrate(shell)) => {
            prerendered::hydrating(|| leptos::mount::hydrate_from(shell, reader::App)).forget();
            prerendered::mark_interactive("hydrated");
        }
        Some(Takeover::Render(shell)) => {
            leptos::mount::mount_to(shell, reader::App).forget();
            prerendered::mark_interactive("rendered");
        }
        None => {
            leptos::mount::mount_to_body(reader::App);
            prerendered::mark_interactive("rendered");
        }
    }
}
