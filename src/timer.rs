//! Timers on the global `setTimeout`/`clearTimeout` (browsers and Node alike). A [`Timer`]
//! is cleared when dropped, so no callback outlives its owner.

use js_sys::Promise;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// A pending `setTimeout`, cleared on drop.
pub struct Timer {
    id: JsValue,
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
            id,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

/// Listens for `abort` on a signal; the listener is removed on drop.
pub struct AbortListener {
    signal: AbortSignal,
    callback: Closure<dyn FnMut()>,
}

impl AbortListener {
    /// Calls `f` when `signal` aborts, unless dropped first.
    pub fn new(signal: &AbortSignal, f: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(f);
        let _ = signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        Self {
            signal: signal.clone(),
            callback,
        }
    }
}

impl Drop for AbortListener {
    fn drop(&mut self) {
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
    let _ = JsFuture::from(promise).await;
    !signal.aborted()
}
