//! A value the client loads, as reactive state that pages read.
//!
//! Unlike Leptos's `LocalResource`, which always waits a tick, a [`Loader`]
//! whose answer is already here (the page carried it, see
//! [`crate::client::cache`]) holds it from the moment it is created, so the
//! page renders in the same task, with no skeleton in between.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

use crate::client::FetchError;

/// An answer with its value's type erased: every [`Loader`] shares one
/// copy of the reactive machinery (an `AsyncDerived`, its futures) instead
/// of one per type of data, and reads its own type back.
type Erased = Result<Rc<dyn Any>, FetchError>;

/// A request with its value's type erased.
type ErasedRequest = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Erased>>>>;

/// The answer to a request, reloading whenever the signals its request
/// reads change, or on [`Loader::reload`].
pub struct Loader<T: 'static> {
    answer: AsyncDerived<Erased, LocalStorage>,
    reloads: RwSignal<u32>,
    /// True while a request is in flight.
    pending: RwSignal<bool>,
    value: PhantomData<fn() -> T>,
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
        let request: ErasedRequest = Box::new(move || {
            let request = request();
            Box::pin(async move { request.await.map(|value| Rc::new(value) as Rc<dyn Any>) })
        });
        let (answer, reloads, pending) = erased(request);
        Self {
            answer,
            reloads,
            pending,
            value: PhantomData,
        }
    }

    /// The answer, once there is one (reactive).
    pub fn get(self) -> Option<Result<T, FetchError>> {
        self.answer.get().and_then(typed)
    }

    /// The answer if it is already here, without subscribing to it.
    pub fn get_untracked(self) -> Option<Result<T, FetchError>> {
        self.answer.get_untracked().and_then(typed)
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

/// The one copy of a loader's reactive state, whatever its data.
fn erased(
    request: ErasedRequest,
) -> (
    AsyncDerived<Erased, LocalStorage>,
    RwSignal<u32>,
    RwSignal<bool>,
) {
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
    (answer, reloads, pending)
}

/// An erased answer read back as the loader's own type (which it always
/// is: only [`Loader::new`] makes one; otherwise it is no answer).
fn typed<T: Clone + 'static>(answer: Erased) -> Option<Result<T, FetchError>> {
    match answer {
        Ok(value) => value.downcast_ref::<T>().cloned().map(Ok),
        Err(error) => Some(Err(error)),
    }
}
