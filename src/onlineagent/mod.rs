//! Sign-in and session operations (`/agentgateway/resource/onlineagent/{agentid}/...`).
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`SignIn<false>`](SignIn) | PUT | `/onlineagent/{agentid}` | `login` |
//! | [`SignIn<true>`](SignIn) | PUT | `/onlineagent/{agentid}/forcelogin` | `forceLogin` |
//! | [`SignInExRequest`] | PUT | `/onlineagent/{agentid}/loginex` | `loginEx` |
//! | [`SignOutRequest`] | DELETE | `/onlineagent/{agentid}/logout` | `logout` |
//! | [`UpdateGuidRequest`] | PUT | `/onlineagent/{agentid}/updateGuid` | `updateGuid` |
//! | [`HandshakeRequest`] | POST | `/onlineagent/{agentid}/handshake` | `handShake` |
//! | [`SayFreeRequest`] | POST | `/onlineagent/{agentid}/sayfree` | `sayFree` |
//! | [`SayBusyRequest`] | POST | `/onlineagent/{agentid}/saybusy?reason=&prolong=` | `sayBusy` |
//! | [`CancelBusyRequest`] | POST | `/onlineagent/{agentid}/cancelbusy` | `cancelBusy` |
//! | [`RestRequest`] | POST | `/onlineagent/{agentid}/rest/{time}/{restcause}?prolong=` | `rest` |
//! | [`CancelRestRequest`] | POST | `/onlineagent/{agentid}/cancelrest` | `cancelRest` |
//! | [`SayWorkRequest`] | POST | `/onlineagent/{agentid}/work` | `sayWork` |
//! | [`CancelWorkRequest`] | POST | `/onlineagent/{agentid}/cancelwork` | `cancelWork` |
//! | [`AgentStatusRequest`] | GET | `/onlineagent/{agentid}/agentstatus` | `getAgentStatus` |
//! | [`AutoEnterIdleRequest`] | POST | `/onlineagent/{agentid}/autoenteridle/{flag}` | `setAgentAutoEnterIdle` |

mod agent_status;
mod auto_enter_idle;
mod cancel_busy;
mod cancel_rest;
mod cancel_work;
mod rest;
mod say_busy;
mod say_free;
mod say_work;
mod session_ops;
mod sign_in;
mod sign_in_ex;

pub use agent_status::{AgentStateCode, AgentStatus, AgentStatusRequest, Flag, AGENT_STATE_CODES};
pub use auto_enter_idle::AutoEnterIdleRequest;
pub use cancel_busy::CancelBusyRequest;
pub use cancel_rest::CancelRestRequest;
pub use cancel_work::CancelWorkRequest;
pub use rest::{RestRequest, REST_CAUSES, REST_CAUSE_NONE, REST_SECONDS};
pub use say_busy::{SayBusyRequest, BUSY_REASONS, BUSY_REASON_NONE};
pub use say_free::SayFreeRequest;
pub use say_work::SayWorkRequest;
pub use session_ops::{HandshakeRequest, NewGuid, SignOutRequest, UpdateGuidRequest};
pub use sign_in::{
    SignIn, SignInRequest, SignInResult, AGENT_TYPES, PASSWORD_MAX_LEN, PHONE_MAX_LEN,
    SERVICE_TOKEN_MAX_LEN, SIGN_IN_STATUSES,
};
pub use sign_in_ex::SignInExRequest;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::validation::AgentId;

    fn shape<O: Operation>(op: &O) -> (&'static str, Method, String, Option<String>) {
        let id = AgentId::parse("agentId", "59999").unwrap();
        (O::LOG_NAME, O::METHOD, op.path(&id), op.body())
    }

    #[test]
    fn state_operations_without_parameters() {
        let shapes = [
            shape(&SayFreeRequest),
            shape(&CancelBusyRequest),
            shape(&CancelRestRequest),
            shape(&SayWorkRequest),
            shape(&CancelWorkRequest),
        ];
        let expected = [
            ("sayFree", "sayfree"),
            ("cancelBusy", "cancelbusy"),
            ("cancelRest", "cancelrest"),
            ("sayWork", "work"),
            ("cancelWork", "cancelwork"),
        ]
        .map(|(log, last)| {
            (
                log,
                Method::Post,
                format!("/onlineagent/59999/{last}"),
                None,
            )
        });
        assert_eq!(shapes, expected);
    }
}
