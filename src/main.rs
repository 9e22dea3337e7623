use reader::prerendered::{self, Takeover};

fn main() {
    reader::panic_notice::install();
    reader::return_position::install();
    // The wasm was compiled and instantiated in this task; the page's data
    // is read in the next one, and the page taken over in the ones after
    // (`prerendered::hydrate`), so that none holds the main thread long (a
    // tap in between is answered at once).
    wasm_bindgen_futures::spawn_local(async {
        prerendered::next_task().await;
        let takeover = prerendered::take_over();
        prerendered::next_task().await;
        take_over(takeover).await;
    });
}

async fn take_over(takeover: Option<Takeover>) {
    match takeover {
        // The page on screen stays: the app attaches to its nodes.
        Some(Takeover::Hydrate(shell)) => {
            prerendered::hydrate(shell, reader::App).await;
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
