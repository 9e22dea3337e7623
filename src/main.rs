//! The whole app, as the pages that need more than reading start it
//! (search, the speakers' pages, "not found"; see `src/app.rs`).
fn main() {
    reader::start::run(reader::App);
}
