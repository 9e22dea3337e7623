use leptos::prelude::document;

fn main() {
    reader::panic_notice::install();
    // index.html shows the site's shell while the wasm loads; the app
    // replaces it in the same task, so no blank frame is ever painted.
    if let Some(shell) = document().get_element_by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(reader::App);
}
