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
        let answer = AsyncDerived::new_unsync(move || {
            reloads.track();
            request()
        });
        Self { answer, reloads }
    }

    /// The answer, once there is one (reactive).
    pub fn get(self) -> Option<Result<T, FetchError>> {
        self.answer.get()
    }

    /// The answer if it is already here, without subscribing to it.
    pub fn get_untracked(self) -> Option<Result<T, FetchError>> {
        self.answer.get_untracked()
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
