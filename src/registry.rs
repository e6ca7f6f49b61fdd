//! A [`Slab`] kept in a thread-local: the running calls (`run`), the awaited promises
//! (`settle`), the live timers and listeners (`timer`), the promises waiting outside any
//! call (`run::Waiting`) and the running `events()` iterators (`bindings::events`). The panic hook walks them to take back what JS still holds of the
//! instance; for it, reading a registry never fails (one the panic left borrowed reads as
//! empty).

use crate::slab::Slab;
use std::cell::RefCell;
use std::thread::LocalKey;

/// A [`Slab`] in a thread-local: the running calls, the awaited promises, the live timers
/// and listeners, the promises waiting outside any call, the running iterators.
pub type Registry<T> = LocalKey<RefCell<Slab<T>>>;

/// Stores `value` in `registry`; returns its slot index.
pub fn register<T>(registry: &'static Registry<T>, value: T) -> u32 {
    register_versioned(registry, value).0
}

/// Stores `value` in `registry`; returns its handle `(index, generation)` for [`get`].
pub fn register_versioned<T>(registry: &'static Registry<T>, value: T) -> (u32, u32) {
    registry.with(|r| r.borrow_mut().insert_with(|_, _| value))
}

/// A copy of the value registered under `(index, generation)`, if it is still there.
pub fn get<T: Clone>(registry: &'static Registry<T>, index: u32, generation: u32) -> Option<T> {
    let found = registry.try_with(|r| match r.try_borrow_mut().ok()?.get_mut(index) {
        Some((g, value)) if g == generation => Some(value.clone()),
        _ => None,
    });
    found.ok().flatten()
}

/// Frees slot `index` of `registry`; its value is dropped after the registry's borrow ends
/// (its destructor may use the registry). Does nothing while the thread's state is being torn
/// down, or while the registry is borrowed (only possible after a panic).
pub fn unregister<T>(registry: &'static Registry<T>, index: u32) {
    let value = registry.try_with(|r| r.try_borrow_mut().ok()?.remove(index));
    drop(value);
}

/// How many values `registry` holds.
pub fn count<T>(registry: &'static Registry<T>) -> usize {
    registry.with(|r| r.borrow().len())
}

/// A copy of every value in `registry`, for the panic hook: none if the panic struck while
/// the registry was borrowed.
pub fn snapshot<T: Clone>(registry: &'static Registry<T>) -> Vec<T> {
    let copy = registry.try_with(|r| r.try_borrow().map(|r| r.values().cloned().collect()));
    copy.ok().and_then(Result::ok).unwrap_or_default()
}
