//! `AgentClient` sign-in, sign-out, Guid refresh and heartbeat. Sign-in and sign-out never
//! overlap (the client refuses the second with kind "state"), a successful sign-in stores the
//! `Set-GUID` Guid and starts the event poller, and sign-out stops it.

use super::agent::{call, Agent};
use super::convert::{decode, encode, options, Options};
use super::events::start_poller;
use super::gateway::{run, AgentClient};
use crate::error::{Error, ErrorKind};
use crate::onlineagent::{
    HandshakeRequest, SignIn, SignInExRequest, SignInRequest, SignInResult, SignOutRequest,
    UpdateGuidRequest,
};
use crate::operation::Operation;
use crate::session::StopReason;
use crate::validation::invalid;
use js_sys::{Object, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

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

/// Reads the boolean `key` from `options` (absent = `default`), and removes it so the rest can
/// be checked as plain call options.
fn take_flag(
    operation: &'static str,
    options: &Object,
    key: &str,
    default: bool,
) -> Result<bool, Error> {
    let value = Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let _ = Reflect::delete_property(options, &key.into());
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

/// A shallow copy of `value` (an object) to take extra option keys out of.
fn copy_options(value: Option<&JsValue>) -> Option<Object> {
    value
        .filter(|v| v.is_object())
        .map(|v| Object::assign(&Object::new(), v.unchecked_ref()))
}

fn plain_options(
    operation: &'static str,
    copy: &Option<Object>,
    original: Option<&JsValue>,
) -> Result<Options, Error> {
    match copy {
        Some(obj) => options(operation, Some(obj.as_ref())),
        None => options(operation, original),
    }
}

/// Signs in with `login` (or `forceLogin` when `FORCE`), handling the phase and the Guid.
async fn sign_in<const FORCE: bool>(
    agent: &Rc<Agent>,
    request: SignInRequest,
    opts: &Options,
) -> Result<SignInResult, Error> {
    let op = SignIn::<FORCE>(request);
    op.validate()
        .map_err(|e| Error::validation(SignIn::<FORCE>::LOG_NAME, e))?;
    let mut phase = agent.phase.get();
    phase.begin_sign_in(SignIn::<FORCE>::LOG_NAME)?;
    agent.phase.set(phase);
    let before = agent.client.guid_changes();
    let result = call(
        &agent.client,
        &op,
        agent.client.timeout_for(opts.core),
        opts.signal.as_ref(),
    )
    .await;
    let signed_in = result.is_ok();
    let mut phase = agent.phase.get();
    phase.finish(signed_in);
    agent.phase.set(phase);
    let result = result?;
    if agent.client.guid_changes() == before {
        return Err(Error::decode(
            SignIn::<FORCE>::LOG_NAME,
            "Set-GUID",
            "signed in, but the response carried no Set-GUID header (in browsers the gateway must send Access-Control-Expose-Headers: Set-GUID)",
        ));
    }
    Ok(result)
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
        let agent = self.agent.clone();
        let request = decode::<SignInRequest>("login", "request", &request);
        let copy = copy_options(options.as_ref());
        future_to_promise(async move {
            let request = request?;
            let (force, start) = match &copy {
                Some(o) => (
                    take_flag("login", o, "forceIfSignedIn", false)?,
                    take_flag("login", o, "startEvents", true)?,
                ),
                None => (false, true),
            };
            let opts = plain_options("login", &copy, options.as_ref())?;
            let push = request.is_push_mode();
            let result = match sign_in::<false>(&agent, request.clone(), &opts).await {
                Err(e) if force && is_retcode(&e, "100-002") => {
                    sign_in::<true>(&agent, request, &opts).await
                }
                other => other,
            }?;
            if start && !push {
                start_poller(&agent, None);
            }
            Ok(encode("login", &result)?)
        })
    }

    /// `forceLogin`: signs in even if the agent is signed in elsewhere (PUT onlineagent/{agentid}/forcelogin).
    #[wasm_bindgen(js_name = forceSignIn, unchecked_return_type = "Promise<SignInResult>")]
    pub fn force_sign_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignInRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SignInOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let agent = self.agent.clone();
        let request = decode::<SignInRequest>("forceLogin", "request", &request);
        let copy = copy_options(options.as_ref());
        future_to_promise(async move {
            let request = request?;
            let start = match &copy {
                Some(o) => take_flag("forceLogin", o, "startEvents", true)?,
                None => true,
            };
            let opts = plain_options("forceLogin", &copy, options.as_ref())?;
            let push = request.is_push_mode();
            let result = sign_in::<true>(&agent, request, &opts).await?;
            if start && !push {
                start_poller(&agent, None);
            }
            Ok(encode("forceLogin", &result)?)
        })
    }

    /// `loginEx`: signs in to the CCS only, without a license (PUT onlineagent/{agentid}/loginex).
    #[wasm_bindgen(js_name = signInEx, unchecked_return_type = "Promise<SignInResult>")]
    pub fn sign_in_ex(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignInExRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        let agent = self.agent.clone();
        let request = decode::<SignInExRequest>("loginEx", "request", &request);
        future_to_promise(async move {
            let op = request?;
            op.validate().map_err(|e| Error::validation("loginEx", e))?;
            let opts = options_of("loginEx", &options)?;
            let mut phase = agent.phase.get();
            phase.begin_sign_in("loginEx")?;
            agent.phase.set(phase);
            let result = call(
                &agent.client,
                &op,
                agent.client.timeout_for(opts.core),
                opts.signal.as_ref(),
            )
            .await;
            let mut phase = agent.phase.get();
            phase.finish(result.is_ok());
            agent.phase.set(phase);
            Ok(encode("loginEx", &result?)?)
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
        future_to_promise(async move {
            let opts = options_of("logout", &options)?;
            let mut phase = agent.phase.get();
            phase.begin_sign_out("logout")?;
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
            }
            Ok(encode("logout", &result?)?)
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
        future_to_promise(async move {
            let opts = options_of("updateGuid", &options)?;
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
                .map_err(|e| Error::decode("updateGuid", "result.guid", e.to_string()))?;
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
        let copy = copy_options(options.as_ref());
        let token = copy.as_ref().and_then(|o| {
            let t = Reflect::get(o, &"serviceToken".into()).ok();
            let _ = Reflect::delete_property(o, &"serviceToken".into());
            t
        });
        let request = match token.filter(|t| !t.is_undefined()) {
            None => Ok(HandshakeRequest::default()),
            Some(t) => t
                .as_string()
                .map(|t| HandshakeRequest {
                    service_token: Some(t),
                })
                .ok_or_else(|| {
                    Error::validation(
                        "handShake",
                        invalid(
                            "options.serviceToken",
                            "type",
                            "must be a string",
                            "<redacted>",
                        ),
                    )
                }),
        };
        run(
            self.agent.clone(),
            request,
            copy.map(JsValue::from).or(options),
        )
    }

    /// Whether the agent is signed in as far as this client knows.
    #[wasm_bindgen(getter, js_name = signedIn)]
    pub fn signed_in(&self) -> bool {
        self.agent.phase.get() == crate::session::Phase::SignedIn
    }
}

fn options_of(operation: &'static str, options: &Option<JsValue>) -> Result<Options, Error> {
    super::convert::options(operation, options.as_ref())
}
