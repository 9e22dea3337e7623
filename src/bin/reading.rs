//! The reading app, as the lists', the articles' and the speeches' pages
//! start it: the whole app's frame with the reading path's routes alone
//! (see `src/app.rs`, `ReadingApp`).
fn main() {
    reader::start::run(reader::ReadingApp);
}
