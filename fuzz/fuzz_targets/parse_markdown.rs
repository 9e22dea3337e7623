//! A Markdown article file, whatever its bytes: the reader answers with an
//! article or positioned errors, and never panics; what it accepts is an
//! article the model reads and the converter writes back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = reader_content::markdown::read(text, "fuzzed") {
        if let Ok(source) = serde_json::from_value::<reader_model::ArticleSource>(article.json) {
            let _ = reader_content::markdown::write::article(&source);
        }
    }
});
