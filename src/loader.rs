//! A value the client loads, as reactive state that pages read and await.
//!
//! Unlike Leptos's `LocalResource`, which always waits a tick, a [`Loader`]
//! whose answer is already here (the page carried it, see
//! [`crate::client::cache`]) holds it from the moment it is created, so the
//! page renders in the same task, with no skeleton in between.

use std::future::{Future, IntoFuture};

use leptos::prelude::*;
use leptos::reactive::computed::AsyncDerivedFuture;

use crate::client::FetchError;

/// The answer to a request, reloading whenever the signals its request
/// reads change, or on [`Loader::reload`].
pub struct Loader<T: 'static> {
    answer: AsyncDerived<Result<T, FetchError>, LocalStorage>,
    reloads: RwSignal<u32>,
    /// True while a request is in flight.
    pending: RwSignal<bool>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Clone + 'static> Loader<T> {
    /// Starts `request` now, and again whenever what it reads changes.
    pub fn new<Fut>(request: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, FetchError>> + 'static,
    {
        let reloads = RwSignal::new(0);
        let pending = RwSignal::new(false);
        let answer = AsyncDerived::new_unsync(move || {
            reloads.track();
            let request = request();
            async move {
                // Set from inside the request, so an answer already at hand
                // (polled once, at once) never shows as pending.
                pending.try_set(true);
                let answer = request.await;
                pending.try_set(false);
                answer
            }
        });
        Self {
            answer,
            reloads,
            pending,
        }
    }

    /// The answer, once there is one (reactive).
    pub fn get(self) -> Option<Result<T, FetchError>> {
        self.answer.get()
    }

    /// The answer if it is already here, without subscribing to it.
    pub fn get_untracked(self) -> Option<Result<T, FetchError>> {
        self.answer.get_untracked()
    }

    /// Whether there is an answer yet (reactive), without cloning it.
    pub fn has_answer(self) -> bool {
        self.answer.with(Option::is_some)
    }

    /// True while a request is in flight (reactive).
    pub fn pending(self) -> ReadSignal<bool> {
        self.pending.read_only()
    }

    /// Asks again (a Retry).
    pub fn reload(self) {
        self.reloads.update(|n| *n = n.wrapping_add(1));
    }
}

impl<T: Clone + 'static> IntoFuture for Loader<T> {
    type Output = Result<T, FetchError>;
    type IntoFuture = AsyncDerivedFuture<Result<T, FetchError>>;

    fn into_future(self) -> Self::IntoFuture {
        self.answer.into_future()
    }
}
