fn main() {
    reader::panic_notice::install();
    // The prerendered page is removed and the app renders the same page in
    // its place in the same task, from the data the page carried, so no
    // blank frame is ever painted.
    reader::prerendered::take_over();
    leptos::mount::mount_to_body(reader::App);
}
