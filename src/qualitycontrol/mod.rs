//! Quality-control (inspector) operations (`/agentgateway/resource/qualitycontrol/{agentid}/...`).
//! `{agentid}` is the inspector, `{workNo}` the inspected agent in the same VDN.
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`InterceptRequest`] | PUT | `/qualitycontrol/{agentid}/intercept/{workNo}` | `intercept` |

mod intercept;

pub use intercept::InterceptRequest;
