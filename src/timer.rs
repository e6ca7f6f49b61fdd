//! Timers on the global `setTimeout`/`clearTimeout` (browsers and Node alike). A [`Timer`]
//! is cleared when dropped, so no callback outlives its owner. [`Deadline`]s (the per-call
//! timeouts) share one timer, so a call costs no `setTimeout`, `clearTimeout` or closure.
//!
//! gloo-timers and gloo-events were weighed and not used. gloo-timers' `Timeout` never
//! `unref`s its timer in Node (a pending deadline would keep a process alive), takes whole
//! milliseconds as `u32`, and gives its timer ID only by `forget`ting it, so the panic hook
//! could not clear it ([`disarm_all`]); the shared deadline timer has no gloo equivalent.
//! gloo-events' `EventListener` would replace the 25 lines of [`AbortListener`], but it adds
//! every listener with an options object (`passive: true` by default), its callback takes a
//! `web_sys::Event`, and it still needs the same registry entry for [`disarm_all`].

use crate::registry::{count, register, snapshot, unregister};
use crate::slab::Slab;
use js_sys::Promise;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// What JS holds of this instance: a pending `setTimeout`, or an `abort` listener.
#[derive(Clone)]
enum Held {
    Timeout(JsValue),
    Listener(AbortSignal, JsValue),
}

thread_local! {
    /// Every [`Timer`] and [`AbortListener`] alive, so [`disarm_all`] can take them back.
    static HELD: RefCell<Slab<Held>> = RefCell::new(Slab::default());
}

/// How many [`Timer`]s and [`AbortListener`]s are alive.
pub fn held() -> usize {
    count(&HELD)
}

/// Clears every pending timer and removes every `abort` listener of this instance: for the
/// panic hook, because once the instance is replaced its callbacks throw when JS calls them,
/// and from a timer or an event listener that is an uncaught exception. What is borrowed at
/// the moment of the panic is skipped.
pub fn disarm_all() {
    let _ = DEADLINES.try_with(|d| {
        if let Some((_, id)) = d.try_borrow_mut().ok().and_then(|mut d| d.armed.take()) {
            clear_timeout(&id);
        }
    });
    for held in snapshot(&HELD) {
        match held {
            Held::Timeout(id) => clear_timeout(&id),
            Held::Listener(signal, callback) => {
                let _ =
                    signal.remove_event_listener_with_callback("abort", callback.unchecked_ref());
            }
        }
    }
}

/// A pending `setTimeout`, cleared on drop.
pub struct Timer {
    id: JsValue,
    held: u32,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Runs `f` once after `ms` milliseconds, unless dropped first.
    pub fn after(ms: f64, f: impl FnOnce() + 'static) -> Self {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let id = set_timeout(callback.as_ref().unchecked_ref(), ms.max(0.0));
        Self {
            held: register(&HELD, Held::Timeout(id.clone())),
            id,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        unregister(&HELD, self.held);
        clear_timeout(&self.id);
    }
}

/// Per-call timeouts: one JS timer serves every pending [`Deadline`].
///
/// The timer is armed for the earliest due time and only re-armed when a sooner deadline
/// arrives (the later one is cleared) or when it fires; a dropped deadline just leaves the
/// list. A timer left armed with nothing due fires once and stops. In Node it is `unref`ed:
/// it never keeps a process alive on its own (the request it guards does, while it is in
/// flight).
#[derive(Default)]
struct Deadlines {
    /// In no particular order (a handful at a time).
    pending: Vec<Pending>,
    next_id: u64,
    /// The due time the JS timer is armed for, and its ID.
    armed: Option<(f64, JsValue)>,
    tick: Option<Closure<dyn FnMut()>>,
}

struct Pending {
    due: f64,
    id: u64,
    action: Box<dyn FnOnce()>,
}

thread_local! {
    static DEADLINES: std::cell::RefCell<Deadlines> = std::cell::RefCell::new(Deadlines::default());
}

/// Calls `action` at `due` unless dropped first (see [`Deadlines`]).
#[derive(Debug)]
pub struct Deadline {
    id: u64,
}

impl Deadline {
    /// Runs `action` once after `ms` milliseconds, unless dropped first.
    pub fn after(ms: f64, action: impl FnOnce() + 'static) -> Self {
        let due = js_sys::Date::now() + ms.max(0.0);
        let id = DEADLINES.with(|d| {
            let mut d = d.borrow_mut();
            let id = d.next_id;
            d.next_id += 1;
            d.pending.push(Pending {
                due,
                id,
                action: Box::new(action),
            });
            if d.armed
                .as_ref()
                .is_none_or(|(armed_for, _)| due < *armed_for)
            {
                arm(&mut d, due);
            }
            id
        });
        Self { id }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        // `try_with`: nothing to remove while the thread's state is being torn down.
        let _ = DEADLINES.try_with(|d| {
            if let Ok(mut d) = d.try_borrow_mut() {
                d.pending.retain(|p| p.id != self.id);
            }
        });
    }
}

/// (Re-)arms the one JS timer for `due`, clearing the one it replaces.
fn arm(d: &mut Deadlines, due: f64) {
    if let Some((_, earlier)) = d.armed.take() {
        clear_timeout(&earlier);
    }
    let tick = d
        .tick
        .get_or_insert_with(|| Closure::<dyn FnMut()>::new(on_tick));
    let id = set_timeout(
        tick.as_ref().unchecked_ref(),
        (due - js_sys::Date::now()).max(0.0),
    );
    // Node's Timeout has `unref`; browsers return a number.
    if let Ok(unref) = js_sys::Reflect::get(&id, &JsValue::from_str("unref")) {
        if let Some(unref) = unref.dyn_ref::<js_sys::Function>() {
            let _ = unref.call0(&id);
        }
    }
    d.armed = Some((due, id));
}

/// The shared timer fired: run what is due (outside the borrow), re-arm for the rest.
fn on_tick() {
    let due_now = DEADLINES.with(|d| {
        let mut d = d.borrow_mut();
        d.armed = None;
        // Timers may fire a little early; a timeout a millisecond early is harmless.
        let now = js_sys::Date::now() + 1.0;
        let (due, rest): (Vec<_>, Vec<_>) = d.pending.drain(..).partition(|p| p.due <= now);
        d.pending = rest;
        if let Some(next) = d.pending.iter().map(|p| p.due).reduce(f64::min) {
            arm(&mut d, next);
        }
        due
    });
    for p in due_now {
        (p.action)();
    }
}

/// How many per-call deadlines are pending.
pub fn pending_deadlines() -> usize {
    DEADLINES.with(|d| d.borrow().pending.len())
}

/// Listens for `abort` on a signal; the listener is removed on drop.
pub struct AbortListener {
    signal: AbortSignal,
    held: u32,
    callback: Closure<dyn FnMut()>,
}

impl AbortListener {
    /// Calls `f` when `signal` aborts, unless dropped first.
    pub fn new(signal: &AbortSignal, f: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(f);
        let _ = signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        let held = Held::Listener(signal.clone(), callback.as_ref().clone());
        Self {
            signal: signal.clone(),
            held: register(&HELD, held),
            callback,
        }
    }
}

impl Drop for AbortListener {
    fn drop(&mut self) {
        unregister(&HELD, self.held);
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.callback.as_ref().unchecked_ref());
    }
}

/// Waits `ms` milliseconds; returns early (false) if `signal` aborts. Leaves no timer or
/// listener behind either way.
pub async fn sleep(ms: f64, signal: &AbortSignal) -> bool {
    if signal.aborted() {
        return false;
    }
    let done: Rc<Cell<Option<js_sys::Function>>> = Rc::new(Cell::new(None));
    let promise = Promise::new(&mut |resolve, _reject| done.set(Some(resolve)));
    let fire = {
        let done = done.clone();
        move || {
            if let Some(resolve) = done.take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    };
    let _timer = Timer::after(ms, fire.clone());
    let _abort = AbortListener::new(signal, fire);
    let _ = crate::settle::settled(&promise).await;
    !signal.aborted()
}
