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
//! | [`AgentStatusRequest`] | GET | `/onlineagent/{agentid}/agentstatus` | `getAgentStatus` |

mod agent_status;
mod session_ops;
mod sign_in;
mod sign_in_ex;

pub use agent_status::{AgentStateCode, AgentStatus, AgentStatusRequest, Flag, AGENT_STATE_CODES};
pub use session_ops::{HandshakeRequest, NewGuid, SignOutRequest, UpdateGuidRequest};
pub use sign_in::{
    SignIn, SignInRequest, SignInResult, AGENT_TYPES, PASSWORD_MAX_LEN, PHONE_MAX_LEN,
    SERVICE_TOKEN_MAX_LEN, SIGN_IN_STATUSES,
};
pub use sign_in_ex::SignInExRequest;
