//! Awaiting a JS promise without creating closures for it.
//!
//! `wasm_bindgen_futures::JsFuture` makes two wasm-bindgen closures per promise, and each is a
//! JS function registered with a `FinalizationRegistry` and unregistered once called: a call
//! awaits two promises (`fetch`, then the body), so that was four of each per call. Here two
//! handlers exist for the whole module; each await binds them to its slot number
//! (`Function.prototype.bind`, a plain bound function) and the slot keeps the outcome and the
//! waker. A slot freed early (its future dropped) gets a new generation, so a late outcome for
//! it is recognised and dropped.
//!
//! Kept instead of `wasm_bindgen_futures::JsFuture` (issue 15) for panic recovery:
//! `JsFuture`'s handlers are wasm closures attached with a `then` whose own promise is
//! dropped, so once a panic has replaced the instance, a promise settling later calls a stale
//! closure, which throws "Cannot invoke closure from previous WASM instance" into that
//! promise: an unhandled rejection (in Node it ends the process). A port to `JsFuture` failed
//! `tests/js/panic.test.mjs` with exactly that; here the reaction's promise is handled.

use crate::slab::Slab;
use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// One of the two shared handlers, `(key, value) => ...`.
    #[wasm_bindgen(extends = Function)]
    type Handler;
    #[wasm_bindgen(method, js_name = bind)]
    fn bind_key(this: &Handler, this_arg: &JsValue, key: f64) -> Function;

    /// A promise, seen only for `then` (here and in `transport`).
    #[wasm_bindgen(extends = Promise)]
    pub(crate) type Thenable;
    #[wasm_bindgen(method, js_name = then)]
    fn then_both(this: &Thenable, on_fulfilled: &Function, on_rejected: &Function) -> Thenable;
    /// `then(undefined, onRejected)`.
    #[wasm_bindgen(method, js_name = then)]
    fn then_rejected(this: &Thenable, on_fulfilled: &JsValue, on_rejected: &Function);

    /// The global `Boolean`: a builtin that never throws, used as the rejection handler that
    /// marks a reaction's own promise as handled.
    #[wasm_bindgen(thread_local_v2, js_name = Boolean)]
    static IGNORE: Function;
    /// `then(onFulfilled)`: the chained promise.
    #[wasm_bindgen(method, js_name = then)]
    pub(crate) fn then(this: &Thenable, on_fulfilled: &Function) -> Promise;
}

enum State {
    Waiting(Option<Waker>),
    Settled(Result<JsValue, JsValue>),
}

/// Slot `index` of generation `generation`, as one JS number: below 2^52, so exact.
fn key(index: u32, generation: u32) -> f64 {
    (f64::from(generation % (1 << 20))) * 4_294_967_296.0 + f64::from(index)
}

thread_local! {
    static SLOTS: RefCell<Slab<State>> = RefCell::new(Slab::default());
    /// `(onFulfilled, onRejected)`, each `(key, value) => ...`; made once, never freed.
    static HANDLERS: (Handler, Handler) = (handler(true), handler(false));
}

fn handler(fulfilled: bool) -> Handler {
    Closure::<dyn FnMut(f64, JsValue)>::new(move |key: f64, value: JsValue| {
        settle(key, if fulfilled { Ok(value) } else { Err(value) });
    })
    .into_js_value()
    .unchecked_into()
}

/// Stores the outcome for the slot named by `key` and wakes its task; a key of a slot that
/// was closed meanwhile (its future dropped) is ignored.
fn settle(key: f64, outcome: Result<JsValue, JsValue>) {
    let waker = SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        let index = (key % 4_294_967_296.0) as u32;
        let (generation, state) = slots.get_mut(index)?;
        if self::key(index, generation) != key {
            return None;
        }
        match std::mem::replace(state, State::Settled(outcome)) {
            State::Waiting(waker) => waker,
            other => {
                *state = other;
                None
            }
        }
    });
    if let Some(waker) = waker {
        waker.wake();
    }
}

/// How many awaits are pending or settled but not yet taken.
pub fn open_awaits() -> usize {
    crate::registry::count(&SLOTS)
}

/// The outcome of a promise: its value, or what it was rejected with.
pub struct Settled {
    index: u32,
    open: bool,
}

/// Awaits `promise`.
pub fn settled(promise: &Promise) -> Settled {
    let (index, generation) =
        SLOTS.with(|slots| slots.borrow_mut().insert_with(|_, _| State::Waiting(None)));
    let key = key(index, generation);
    HANDLERS.with(|(ok, err)| {
        let reaction = promise.unchecked_ref::<Thenable>().then_both(
            &ok.bind_key(&JsValue::UNDEFINED, key),
            &err.bind_key(&JsValue::UNDEFINED, key),
        );
        // The promise of the reaction itself rejects only if the handler threw: a panic
        // (reported to the pending calls by the panic hook), or the handler of an instance a
        // panic replaced. Handled here, it never becomes an unhandled rejection, which would
        // end a Node process.
        IGNORE.with(|ignore| reaction.then_rejected(&JsValue::UNDEFINED, ignore));
    });
    Settled { index, open: true }
}

impl Future for Settled {
    type Output = Result<JsValue, JsValue>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let index = self.index;
        let ready = SLOTS.with(|slots| {
            let mut slots = slots.borrow_mut();
            match slots.get_mut(index) {
                Some((_, State::Waiting(waker))) => {
                    if !waker.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                        *waker = Some(cx.waker().clone());
                    }
                    return None;
                }
                Some((_, State::Settled(_))) => {}
                // Not reachable (only this future frees its slot).
                None => return Some(Err(JsValue::from_str("promise slot lost"))),
            }
            match slots.remove(index) {
                Some(State::Settled(outcome)) => Some(outcome),
                _ => None,
            }
        });
        match ready {
            Some(outcome) => {
                self.open = false;
                Poll::Ready(outcome)
            }
            None => Poll::Pending,
        }
    }
}

impl Drop for Settled {
    fn drop(&mut self) {
        if self.open {
            SLOTS.with(|slots| slots.borrow_mut().remove(self.index));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn fulfilled_and_rejected_promises_give_their_values() {
        let ok = settled(&Promise::resolve(&JsValue::from_str("yes"))).await;
        assert_eq!(ok.ok().and_then(|v| v.as_string()).as_deref(), Some("yes"));
        let err = settled(&Promise::reject(&JsValue::from_f64(7.0))).await;
        assert_eq!(err.err().and_then(|v| v.as_f64()), Some(7.0));
        assert_eq!(open_awaits(), 0, "every slot is closed after its await");
    }

    #[wasm_bindgen_test]
    async fn a_late_outcome_for_a_dropped_await_reaches_nobody() {
        let (resolve_later, pending) = {
            let mut resolve = None;
            let p = Promise::new(&mut |r, _| resolve = Some(r));
            (resolve, p)
        };
        drop(settled(&pending)); // slot closed; the promise is still pending
                                 // The freed slot is reused by the next await, under a new generation.
        let next = settled(&Promise::resolve(&JsValue::from_str("next")));
        if let Some(resolve) = resolve_later {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str("stale"));
        }
        let got = next.await;
        assert_eq!(
            got.ok().and_then(|v| v.as_string()).as_deref(),
            Some("next")
        );
        // Let the stale outcome arrive (queued microtasks run first), then check nothing kept it.
        settled(&Promise::resolve(&JsValue::UNDEFINED)).await.ok();
        assert_eq!(open_awaits(), 0);
    }

    #[wasm_bindgen_test]
    fn keys_name_index_and_generation_exactly() {
        assert_eq!(key(5, 0), 5.0);
        assert_ne!(key(5, 1), key(5, 0));
        let k = key(u32::MAX, (1 << 20) - 1);
        assert!(k < 9_007_199_254_740_992.0, "below 2^53");
        assert_eq!((k % 4_294_967_296.0) as u32, u32::MAX);
    }
}
