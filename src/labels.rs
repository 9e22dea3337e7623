//! The chrome's words in the page's language (`reader_model::Labels`, the
//! tables in `i18n/`): the language the page's `<html lang>` names in the
//! browser, and the one the prerender renders a page in on the host. A
//! page's language never changes while it is open: the editions are
//! sites of their own (a language switch loads the other edition's page).

use std::cell::RefCell;
use std::rc::Rc;

use reader_model::{Label, Labels};

thread_local! {
    static LABELS: RefCell<Option<(String, Rc<Labels>)>> = const { RefCell::new(None) };
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static HOST_LANGUAGE: RefCell<String> = RefCell::new("en".to_owned());
}

/// On the host (prerendering), the language of the pages rendered next
/// on this thread; English until set.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_host_language(language: &str) {
    HOST_LANGUAGE.with(|cell| language.clone_into(&mut cell.borrow_mut()));
}

fn page_language() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        HOST_LANGUAGE.with(|cell| cell.borrow().clone())
    }
}

/// The labels of the page's language (English for a language with no
/// table).
pub fn labels() -> Rc<Labels> {
    let language = page_language();
    LABELS.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((known, labels)) = &*cell
            && *known == language
        {
            return labels.clone();
        }
        let labels = Rc::new(Labels::of(&language).unwrap_or_else(Labels::english));
        *cell = Some((language, labels.clone()));
        labels
    })
}

/// The language of a name written in a script the page's language does
/// not use: `Some("zh")` for Chinese (Han) characters on a page in another
/// language (`By 李锐` on an English page), so that a screen reader says it
/// in Chinese; `None` where the page's own language fits.
pub fn language_of(name: &str) -> Option<&'static str> {
    (name.chars().any(reader_search::words::is_han) && !page_language().starts_with("zh"))
        .then_some("zh")
}

/// One label, as written.
pub fn label(label: Label) -> String {
    labels().get(label).to_owned()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_say_their_language_on_other_editions_pages() {
        set_host_language("en");
        assert_eq!(language_of("李锐"), Some("zh"));
        assert_eq!(language_of("Zhang Liu"), None);
        assert_eq!(language_of("Élise Durand"), None);
        set_host_language("zh");
        assert_eq!(language_of("李锐"), None);
        set_host_language("en");
    }
}
