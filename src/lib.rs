#![doc = include_str!("../README.md")]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
// A module built with only one of `gateway` / `cms` (the two shipped .wasm files) leaves the
// other's helpers unused, and LTO drops them; the default build, with both, still reports
// dead code.
#![cfg_attr(not(all(feature = "gateway", feature = "cms")), allow(dead_code))]

pub mod agentevent;
// The live agent state is the CC-Gateway module's only (its types stay out of cec-agent/cms).
#[cfg(feature = "gateway")]
pub mod agentstate;
pub mod calldata;
pub mod client;
pub mod cms;
pub mod config;
pub mod de;
pub mod envelope;
pub mod error;
pub mod http;
pub mod onlineagent;
pub mod operation;
pub mod qualitycontrol;
pub mod recordplay;
pub mod retcode;
pub mod session;
pub mod text;
pub mod time;
pub mod validation;
pub mod voicecall;

#[cfg(target_arch = "wasm32")]
mod bindings;
pub mod json;
#[cfg(target_arch = "wasm32")]
pub use bindings::is_agent_api_error;
#[cfg(all(target_arch = "wasm32", feature = "gateway"))]
pub use bindings::AgentClient;
#[cfg(all(target_arch = "wasm32", feature = "cms"))]
pub use bindings::CmsClient;
#[cfg(target_arch = "wasm32")]
mod js_object;
#[cfg(target_arch = "wasm32")]
mod js_text;
#[cfg(target_arch = "wasm32")]
mod registry;
#[cfg(target_arch = "wasm32")]
mod run;
#[cfg(target_arch = "wasm32")]
mod settle;
#[cfg(any(target_arch = "wasm32", test))]
mod slab;
#[cfg(target_arch = "wasm32")]
mod timer;
#[cfg(target_arch = "wasm32")]
mod transport;

pub use client::{AgentClientConfig, CallOptions, CmsClientConfig, GatewayClient};
pub use error::{Error, ErrorKind, ValidationError};
