//! `AgentClient` sign-in, sign-out, Guid refresh and heartbeat. Sign-in and sign-out never
//! overlap (the client refuses the second with kind "state"), a successful sign-in stores the
//! `Set-GUID` Guid and starts the event poller, and sign-out stops it.

use super::agent::{call, decode_answer, exchange, Agent};
use super::convert::{decode, encode, string_arg, ExtraOptions, Options, ToJs};
use super::events::start_poller;
use super::gateway::{run, AgentClient};
use crate::client::AGENT_CLIENT;
use crate::error::{Error, ErrorKind};
use crate::onlineagent::{
    HandshakeRequest, SignIn, SignInExRequest, SignInRequest, SignOutRequest, UpdateGuidRequest,
};
use crate::operation::Operation;
use crate::session::StopReason;
use crate::validation::invalid;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_SIGN_IN_OPTIONS: &'static str = r#"
/** Options of `signIn`. */
export interface SignInOptions extends CallOptions {
  /** On retcode 100-002 (already signed in elsewhere) sign in again with `forceLogin`. Default false. */
  forceIfSignedIn?: boolean;
  /** Start polling events once signed in (the gateway signs out an agent nobody polls for 2 minutes). Default true. */
  startEvents?: boolean;
}
/** Options of `heartbeat` (push mode). */
export interface HeartbeatOptions extends CallOptions {
  /** The `service_token` header: the `serviceToken` given at sign-in. */
  serviceToken?: string;
}
"#;

/// The boolean option `key` (absent = `default`).
fn take_flag(
    operation: &'static str,
    extras: &ExtraOptions,
    key: &str,
    default: bool,
) -> Result<bool, Error> {
    let value = extras.take(key);
    match (value.is_undefined(), value.as_bool()) {
        (true, _) => Ok(default),
        (false, Some(b)) => Ok(b),
        (false, None) => Err(Error::validation(
            operation,
            invalid(
                &format!("options.{key}"),
                "type",
                "must be a boolean",
                "not a boolean",
            ),
        )),
    }
}

/// Sends a sign-in operation (`login`, `forceLogin`, `loginEx`) while holding the "signing
/// in" phase, and checks that the answer delivered a Guid. Signed in only if both hold.
async fn signing_in<O: Operation>(
    agent: &Rc<Agent>,
    op: &O,
    opts: &Options,
) -> Result<O::Output, Error> {
    op.validate()
        .map_err(|e| Error::validation(O::LOG_NAME, e))?;
    let mut phase = agent.phase.get();
    phase.begin_sign_in(O::LOG_NAME)?;
    agent.phase.set(phase);
    let before = agent.client.guid_changes();
    let client = &agent.client;
    let timeout_ms = client.timeout_for(opts.core);
    let prepare = || client.prepare(op);
    let sent = exchange(
        client,
        O::LOG_NAME,
        &prepare,
        timeout_ms,
        opts.signal.as_ref(),
    )
    .await;
    let result = sent.and_then(|answer| {
        let output = decode_answer::<O>(&answer)?;
        if client.guid_changes() != before {
            return Ok(output);
        }
        // A refused Set-GUID says what was wrong with it; otherwise there was none.
        Err(answer.refused_rotation.unwrap_or_else(|| Error::decode(
            O::LOG_NAME,
            "Set-GUID",
            "signed in, but the response carried no Set-GUID header (in browsers the gateway must send Access-Control-Expose-Headers: Set-GUID)",
        )))
    });
    let mut phase = agent.phase.get();
    phase.finish(result.is_ok());
    agent.phase.set(phase);
    result
}

/// The sign-in options besides the plain call options.
struct SignInFlags {
    force_if_signed_in: bool,
    start_events: bool,
    opts: Options,
}

impl SignInFlags {
    fn take(operation: &'static str, options: Option<JsValue>) -> Result<Self, Error> {
        let extras = ExtraOptions::new(operation, options)?;
        let force_if_signed_in = take_flag(operation, &extras, "forceIfSignedIn", false)?;
        let start_events = take_flag(operation, &extras, "startEvents", true)?;
        let opts = super::convert::options(operation, extras.rest().as_ref())?;
        Ok(Self {
            force_if_signed_in,
            start_events,
            opts,
        })
    }
}

/// `login` (falling back to `forceLogin` on 100-002 when asked) or, when `FORCE`, `forceLogin`;
/// then starts the poller unless told not to or in push mode.
fn sign_in_promise<const FORCE: bool>(
    agent: Rc<Agent>,
    request: JsValue,
    options: Option<JsValue>,
) -> js_sys::Promise {
    let operation = SignIn::<FORCE>::LOG_NAME;
    let request = decode::<SignInRequest>(operation, "request", &request);
    crate::run::promise_later(operation, async move {
        let request = request?;
        let flags = SignInFlags::take(operation, options)?;
        let push = request.is_push_mode();
        let result = match signing_in(&agent, &SignIn::<FORCE>(request.clone()), &flags.opts).await
        {
            Err(e) if !FORCE && flags.force_if_signed_in && is_retcode(&e, "100-002") => {
                signing_in(&agent, &SignIn::<true>(request), &flags.opts).await
            }
            other => other,
        }?;
        if flags.start_events && !push {
            start_poller(&agent, None);
        }
        signed_in(&agent);
        Ok(encode(operation, &result)?)
    })
}

/// `scheme://host[:port]` of the client's base URL: what a resume token is bound to.
fn origin(client: &crate::client::GatewayClient) -> String {
    let url = client.base_url().as_str();
    let scheme = if url.starts_with("https://") {
        "https://"
    } else {
        "http://"
    };
    format!("{scheme}{}", client.base_url().authority())
}

/// After a sign-in or resume: signed in, and the state rebuilt from the gateway.
fn signed_in(agent: &Rc<Agent>) {
    super::state::record(agent, crate::agentstate::Outcome::SignedIn);
    super::state::resync(agent);
}

fn is_retcode(e: &Error, code: &str) -> bool {
    matches!(&e.kind, ErrorKind::Service { retcode, .. } if retcode == code)
}

#[wasm_bindgen]
impl AgentClient {
    /// `login`: signs the agent in (PUT onlineagent/{agentid}), stores the Guid from
    /// `Set-GUID` and starts polling events. With `forceIfSignedIn`, retcode 100-002 (already
    /// signed in) is answered with `forceLogin`. Refused (kind "state") while another sign-in
    /// or a sign-out is waiting for its answer.
    #[wasm_bindgen(js_name = signIn, unchecked_return_type = "Promise<SignInResult>")]
    pub fn sign_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignInRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SignInOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        sign_in_promise::<false>(self.agent.clone(), request, options)
    }

    /// `forceLogin`: signs in even if the agent is signed in elsewhere (PUT onlineagent/{agentid}/forcelogin).
    #[wasm_bindgen(js_name = forceSignIn, unchecked_return_type = "Promise<SignInResult>")]
    pub fn force_sign_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignInRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SignInOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        sign_in_promise::<true>(self.agent.clone(), request, options)
    }

    /// `loginEx`: signs in to the CCS only, without a license (PUT onlineagent/{agentid}/loginex),
    /// then polls events like `signIn`.
    #[wasm_bindgen(js_name = signInEx, unchecked_return_type = "Promise<SignInResult>")]
    pub fn sign_in_ex(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignInExRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SignInOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let agent = self.agent.clone();
        let operation = SignInExRequest::LOG_NAME;
        let request = decode::<SignInExRequest>(operation, "request", &request);
        crate::run::promise_later(operation, async move {
            let op = request?;
            let flags = SignInFlags::take(operation, options)?;
            let result = signing_in(&agent, &op, &flags.opts).await?;
            if flags.start_events {
                start_poller(&agent, None);
            }
            signed_in(&agent);
            Ok(encode(operation, &result)?)
        })
    }

    /// `logout`: stops polling events and signs the agent out (DELETE onlineagent/{agentid}/logout).
    /// Refused (kind "state") while a sign-in is waiting for its answer.
    #[wasm_bindgen(js_name = signOut, unchecked_return_type = "Promise<Ack>")]
    pub fn sign_out(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let agent = self.agent.clone();
        let operation = SignOutRequest::LOG_NAME;
        crate::run::promise_later(operation, async move {
            let opts = super::convert::options(operation, options.as_ref())?;
            let mut phase = agent.phase.get();
            phase.begin_sign_out(operation)?;
            agent.phase.set(phase);
            super::events::stop_poller(&agent, StopReason::Stopped);
            let result = call(
                &agent.client,
                &SignOutRequest,
                agent.client.timeout_for(opts.core),
                opts.signal.as_ref(),
            )
            .await;
            // Already signed out (100-006, 100-008) is as good as signed out.
            let signed_out = match &result {
                Ok(_) => true,
                Err(e) => is_retcode(e, "100-006") || is_retcode(e, "100-008"),
            };
            let mut phase = agent.phase.get();
            phase.finish(!signed_out);
            agent.phase.set(phase);
            if signed_out {
                agent.client.clear_guid();
                super::state::record(&agent, crate::agentstate::Outcome::SignedOut);
            }
            Ok(result?.to_js(operation)?)
        })
    }

    /// `updateGuid`: gets a fresh Guid for a session that survived a page reload (construct the
    /// client with the saved `guid`, call this, then `startEvents()`).
    #[wasm_bindgen(js_name = updateGuid, unchecked_return_type = "Promise<void>")]
    pub fn update_guid(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let agent = self.agent.clone();
        let operation = UpdateGuidRequest::LOG_NAME;
        crate::run::promise_later(operation, async move {
            let opts = super::convert::options(operation, options.as_ref())?;
            let new = call(
                &agent.client,
                &UpdateGuidRequest,
                agent.client.timeout_for(opts.core),
                opts.signal.as_ref(),
            )
            .await?;
            agent
                .client
                .set_guid(new.guid.as_str())
                .map_err(|e| Error::decode(operation, "result.guid", e.to_string()))?;
            let mut phase = agent.phase.get();
            phase.finish(true);
            agent.phase.set(phase);
            Ok(JsValue::UNDEFINED)
        })
    }

    /// `handShake`: the push-mode heartbeat (every 30 s; POST onlineagent/{agentid}/handshake).
    #[wasm_bindgen(js_name = heartbeat, unchecked_return_type = "Promise<Ack>")]
    pub fn heartbeat(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "HeartbeatOptions")] options: Option<
            JsValue,
        >,
    ) -> js_sys::Promise {
        let extras = match ExtraOptions::new("handShake", options) {
            Ok(extras) => extras,
            Err(e) => return run::<HandshakeRequest>(self.agent.clone(), Err(e), None),
        };
        let token = extras.take("serviceToken");
        let request = match Some(token).filter(|t| !t.is_undefined()) {
            None => Ok(HandshakeRequest::default()),
            Some(t) => string_arg("handShake", "options.serviceToken", &t, true).map(|t| {
                HandshakeRequest {
                    service_token: Some(t),
                }
            }),
        };
        run(self.agent.clone(), request, extras.rest())
    }

    /// A resume token for this session: the Guid, bound to this agent and gateway. Keep it
    /// where a page reload finds it (e.g. `sessionStorage`) and hand it to `resume()`; it is a
    /// secret like a password, and the package never logs it. Throws kind "state" before any
    /// Guid exists.
    #[wasm_bindgen(js_name = session)]
    pub fn session(&self) -> Result<String, JsValue> {
        let client = &self.agent.client;
        let guid = client
            .guid()
            .ok_or_else(|| Error::new(AGENT_CLIENT, crate::operation::no_guid()))?;
        Ok(crate::session::resume_token(
            client.agent_id().as_str(),
            &origin(client),
            &guid,
        ))
    }

    /// Resumes a session after a page reload: takes the Guid from a `session()` token (refused,
    /// kind "validation", if it is for another agent or gateway) or from a raw `Set-GUID` value
    /// (`JSESSIONID=<guid>`), marks the client signed in and starts polling events. Nothing is
    /// sent first: if the session has ended, the poller stops with reason "notSignedIn".
    /// Refused (kind "state") while a sign-in or sign-out is waiting for its answer.
    #[wasm_bindgen(js_name = resume)]
    pub fn resume(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    ) -> Result<(), JsValue> {
        let agent = &self.agent;
        let token = string_arg(AGENT_CLIENT, "token", &token, true)?;
        let client = &agent.client;
        let invalid = |e| JsValue::from(Error::validation(AGENT_CLIENT, e));
        let guid = crate::session::guid_from_resume_token(
            &token,
            client.agent_id().as_str(),
            &origin(client),
        )
        .map_err(invalid)?;
        let mut phase = agent.phase.get();
        phase.begin_sign_in(AGENT_CLIENT)?;
        client.set_guid(guid).map_err(invalid)?;
        phase.finish(true);
        agent.phase.set(phase);
        start_poller(agent, None);
        signed_in(agent);
        Ok(())
    }

    /// Whether the agent is signed in as far as this client knows.
    #[wasm_bindgen(getter, js_name = signedIn)]
    pub fn signed_in(&self) -> bool {
        self.agent.phase.get() == crate::session::Phase::SignedIn
    }
}
