//! Runs a call's future as a JS promise, on a small executor of its own.
//!
//! `wasm_bindgen_futures::future_to_promise` polls a future in a microtask of its own, at the
//! start and after every wake, which queues the call behind the microtasks already waiting
//! (in Node, undici's bookkeeping of the previous response). Polling first in a microtask made
//! a loopback call 13–20 µs slower in Node. Here the first poll runs in the caller's stack, so
//! `fetch` starts at once, and a wake (it comes from a promise handler, see [`crate::settle`])
//! polls the task right there, in that handler's microtask (about 2 µs less work a call).
//!
//! Kept instead of `spawn_local` / `future_to_promise` (issue 15) because that crate cannot
//! contain a panic: with `panic = "abort"` a panic traps out of the JS frame that polled, and
//! its executor polls from a `queueMicrotask` callback, so the trap is an uncaught exception
//! (in Node it ends the process). Here every poll after the first runs in a promise reaction
//! whose own promise is marked handled ([`crate::settle`]), and the panic hook rejects every
//! pending call with kind "internal" through [`reject_all`], the registry of pending rejects
//! the crate has no place for. A port to the crate failed `tests/js/panic.test.mjs` with that
//! uncaught `RuntimeError: unreachable`. Its other cost, 5-10 µs a call, was accepted.

use crate::registry::{count, register, snapshot, unregister};
use crate::slab::Slab;
use js_sys::{Function, Promise};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Wake, Waker};
use wasm_bindgen::JsValue;

type Body = Pin<Box<dyn Future<Output = ()>>>;

struct Task {
    body: RefCell<Option<Body>>,
    waker: Waker,
    /// Being polled: a wake now only asks for another poll once this one returns.
    running: Cell<bool>,
    woken: Cell<bool>,
    /// For a call: its operation and its promise's `reject`, for [`reject_all`].
    caller: Option<Caller>,
}

/// A call's operation (its log name) and the `reject` of the promise it returned.
type Caller = (&'static str, Function);

/// Names a task by slot and generation, so a wake after the task finished (its slot maybe
/// reused) reaches nobody.
struct TaskWaker {
    index: u32,
    generation: u32,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        run(self.index, self.generation);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        run(self.index, self.generation);
    }
}

thread_local! {
    static TASKS: RefCell<Slab<Rc<Task>>> = RefCell::new(Slab::default());
}

fn task(index: u32, generation: u32) -> Option<Rc<Task>> {
    TASKS.with(|tasks| match tasks.borrow_mut().get_mut(index) {
        Some((g, task)) if g == generation => Some(task.clone()),
        _ => None,
    })
}

fn finish(index: u32) {
    let done = TASKS.with(|tasks| tasks.borrow_mut().remove(index));
    // The future is dropped here, outside every borrow (its destructors may call into JS).
    drop(done.and_then(|task| task.body.borrow_mut().take()));
}

/// Polls task `index` until it is pending with no wake in between, or done.
fn run(index: u32, generation: u32) {
    let Some(task) = self::task(index, generation) else {
        return;
    };
    if task.running.replace(true) {
        task.woken.set(true);
        return;
    }
    loop {
        task.woken.set(false);
        let done = match task.body.borrow_mut().as_mut() {
            Some(body) => body
                .as_mut()
                .poll(&mut Context::from_waker(&task.waker))
                .is_ready(),
            None => true,
        };
        if done {
            task.running.set(false);
            finish(index);
            return;
        }
        if !task.woken.get() {
            break;
        }
    }
    task.running.set(false);
}

fn spawn_now(body: Body, caller: Option<Caller>) {
    let (index, generation) = TASKS.with(|tasks| {
        tasks.borrow_mut().insert_with(|index, generation| {
            Rc::new(Task {
                body: RefCell::new(Some(body)),
                waker: Waker::from(Arc::new(TaskWaker { index, generation })),
                running: Cell::new(false),
                woken: Cell::new(false),
                caller,
            })
        })
    });
    run(index, generation);
}

/// The promise of `future`, a call of `operation`, whose first poll runs now, in the
/// caller's stack. It resolves with the future's value or rejects with its error; it never
/// throws.
pub fn promise_now<F>(operation: &'static str, future: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    settle_when_done(operation, Box::pin(future))
}

/// The non-generic part of [`promise_now`]: one copy of the promise and settling code, not
/// one per kind of call.
fn settle_when_done(
    operation: &'static str,
    future: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>,
) -> Promise {
    let mut settle_with: Option<(Function, Function)> = None;
    let promise = Promise::new(&mut |resolve, reject| settle_with = Some((resolve, reject)));
    if let Some((resolve, reject)) = settle_with {
        let caller = (operation, reject.clone());
        let body = async move {
            let _ = match future.await {
                Ok(value) => resolve.call1(&JsValue::UNDEFINED, &value),
                Err(error) => reject.call1(&JsValue::UNDEFINED, &error),
            };
        };
        spawn_now(Box::pin(body), Some(caller));
    }
    promise
}

/// Like [`promise_now`], but the first poll runs in a microtask, as `future_to_promise` does.
/// For bodies that report to JS listeners early (sign-in, outcome waits): those callbacks must
/// not run inside the method call that started them.
pub fn promise_later<F>(operation: &'static str, future: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    promise_now(operation, async move {
        next_microtask().await;
        future.await
    })
}

/// Runs `future` to completion on this executor, first polled in a microtask (the poller).
pub fn spawn_later(future: impl Future<Output = ()> + 'static) {
    let body = async move {
        next_microtask().await;
        future.await
    };
    spawn_now(Box::pin(body), None);
}

thread_local! {
    /// Promises handed to JS that no task settles (an `events()` iterator's `next()`).
    static WAITING: RefCell<Slab<Caller>> = RefCell::new(Slab::default());
}

/// A promise handed to JS that is settled later outside any task: kept where
/// [`reject_all`] finds it until this is dropped (when the promise is settled).
pub struct Waiting(u32);

impl Waiting {
    /// Registers the `reject` of a pending promise of `operation`.
    pub fn new(operation: &'static str, reject: Function) -> Self {
        Self(register(&WAITING, (operation, reject)))
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        unregister(&WAITING, self.0);
    }
}

/// Rejects every pending promise of this instance with `error(operation)`: the calls still
/// running and the [`Waiting`] ones. For the panic hook: the instance is about to be
/// replaced, and they would otherwise never settle. A list the panic struck while it was
/// borrowed is skipped.
pub fn reject_all(error: impl Fn(&'static str) -> JsValue) {
    let tasks = snapshot(&TASKS)
        .into_iter()
        .filter_map(|task| task.caller.clone());
    for (operation, reject) in tasks.chain(snapshot(&WAITING)) {
        let _ = reject.call1(&JsValue::UNDEFINED, &error(operation));
    }
}

/// Resolves in the next microtask.
async fn next_microtask() {
    // A resolved promise cannot reject; the outcome carries nothing.
    let _ = crate::settle::settled(&Promise::resolve(&JsValue::UNDEFINED)).await;
}

/// How many tasks are running or waiting.
pub fn live_tasks() -> usize {
    count(&TASKS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settle::settled;
    use wasm_bindgen_futures::JsFuture;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    async fn the_first_poll_runs_before_promise_now_returns() {
        let ran = Rc::new(Cell::new(false));
        let flag = ran.clone();
        let promise = promise_now("test", async move {
            flag.set(true);
            Ok(JsValue::from_f64(1.0))
        });
        assert!(ran.get(), "polled in the caller's stack");
        assert_eq!(
            JsFuture::from(promise).await.ok().and_then(|v| v.as_f64()),
            Some(1.0)
        );
        assert_eq!(live_tasks(), 0, "a finished task leaves no slot behind");
    }

    #[wasm_bindgen_test]
    async fn later_variants_first_poll_in_a_microtask() {
        let ran = Rc::new(Cell::new(0));
        let (a, b) = (ran.clone(), ran.clone());
        let promise = promise_later("test", async move {
            a.set(a.get() + 1);
            Ok(JsValue::from_f64(2.0))
        });
        spawn_later(async move { b.set(b.get() + 10) });
        assert_eq!(ran.get(), 0, "nothing ran inside the caller's call");
        assert_eq!(
            JsFuture::from(promise).await.ok().and_then(|v| v.as_f64()),
            Some(2.0)
        );
        assert_eq!(ran.get(), 11, "both ran once");
        assert_eq!(live_tasks(), 0);
    }

    #[wasm_bindgen_test]
    async fn a_wake_resumes_the_task_and_errors_reject() {
        let pending = Promise::resolve(&JsValue::from_str("later"));
        let promise = promise_now("test", async move {
            let v = settled(&pending).await?;
            Err(JsValue::from_str(&format!(
                "{} and failed",
                v.as_string().unwrap_or_default()
            )))
        });
        assert_eq!(live_tasks(), 1, "waiting on its promise");
        let outcome = JsFuture::from(promise).await;
        assert_eq!(
            outcome.err().and_then(|e| e.as_string()).as_deref(),
            Some("later and failed")
        );
        assert_eq!(live_tasks(), 0);
    }

    #[wasm_bindgen_test]
    async fn a_stale_waker_reaches_nobody() {
        let kept: Rc<RefCell<Option<Waker>>> = Rc::default();
        let keep = kept.clone();
        let first = promise_now(
            "test",
            std::future::poll_fn(move |cx| {
                *keep.borrow_mut() = Some(cx.waker().clone());
                std::task::Poll::Ready(Ok(JsValue::NULL))
            }),
        );
        JsFuture::from(first).await.ok();
        // The slot is reused by the next task, under a new generation.
        let polls = Rc::new(Cell::new(0));
        let counter = polls.clone();
        let gate = Promise::resolve(&JsValue::NULL);
        let second = promise_now("test", async move {
            counter.set(counter.get() + 1);
            settled(&gate).await.ok();
            Ok(JsValue::NULL)
        });
        if let Some(stale) = kept.borrow_mut().take() {
            stale.wake();
        }
        assert_eq!(
            polls.get(),
            1,
            "the old task's waker did not poll the new one"
        );
        JsFuture::from(second).await.ok();
        assert_eq!(live_tasks(), 0);
    }
}
