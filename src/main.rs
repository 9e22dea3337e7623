use reader::prerendered::{self, Takeover};

fn main() {
    reader::panic_notice::install();
    reader::return_position::install();
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
