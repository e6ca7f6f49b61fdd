//! The JS surface: `#[wasm_bindgen]` classes and functions, and nothing else. Each entry point
//! decodes its JS arguments, runs the pure core, and turns every failure into a rejected
//! promise carrying an `AgentApiError`; none of them can panic.
//!
//! The `gateway` and `cms` features pick the classes a module exports (the browser module has
//! no `CmsClient`); errors, logging, `version` and the diagnostics are in both.

#[cfg(not(any(feature = "gateway", feature = "cms")))]
compile_error!("build cec-agent for wasm32 with the `gateway` feature, the `cms` feature or both");

#[cfg(feature = "gateway")]
mod agent;
#[cfg(feature = "bench-hooks")]
mod bench;
#[cfg(feature = "cms")]
mod cms;
mod convert;
mod error;
#[cfg(feature = "gateway")]
mod events;
#[cfg(feature = "gateway")]
mod gateway;
mod log;
#[cfg(feature = "gateway")]
mod session;
#[cfg(feature = "gateway")]
mod state;

#[cfg(feature = "cms")]
pub use cms::CmsClient;
pub use error::is_agent_api_error;
#[cfg(feature = "gateway")]
pub use gateway::AgentClient;

use wasm_bindgen::prelude::*;

/// The package version (from Cargo.toml).
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Diagnostics, not API (left out of the TypeScript declarations): how many of the package's
/// internal resources are in use, so the soak test can check that calls leave none behind.
#[wasm_bindgen(js_name = __internals, skip_typescript)]
pub fn internals() -> JsValue {
    let out = crate::js_object::plain_object();
    for (key, count) in [
        ("tasks", crate::run::live_tasks()),
        ("awaits", crate::settle::open_awaits()),
        ("deadlines", crate::timer::pending_deadlines()),
        ("timersAndListeners", crate::timer::held()),
        ("idleControllers", crate::transport::idle_controllers()),
    ] {
        out.set(&JsValue::from_str(key), &JsValue::from(count as u32));
    }
    // The module's linear memory, which never shrinks: what a body let into it would cost.
    let buffer = js_sys::Reflect::get(&wasm_bindgen::memory(), &JsValue::from_str("buffer"));
    let bytes = buffer.and_then(|b| js_sys::Reflect::get(&b, &JsValue::from_str("byteLength")));
    out.set(
        &JsValue::from_str("memoryBytes"),
        &bytes.unwrap_or_default(),
    );
    out.into()
}

/// The documented meaning of a CC-Gateway `retcode`, or `null` when the table has none (as an
/// error's `meaning`).
#[cfg(feature = "gateway")]
#[wasm_bindgen(js_name = retcodeMeaning, unchecked_return_type = "string | null")]
pub fn retcode_meaning(
    #[wasm_bindgen(unchecked_param_type = "string")] retcode: JsValue,
) -> JsValue {
    // Anything but a string has no meaning (and is not read: it may be a proxy).
    let meaning = retcode
        .as_string()
        .and_then(|r| crate::retcode::meaning(&r));
    meaning.map_or(JsValue::NULL, JsValue::from_str)
}
