//! `AgentClient`: the CC-Gateway operations for one agent.

use super::convert::{decode, encode, options};
use crate::calldata::CallInfoBeforeAnswerRequest;
use crate::client::{AgentClientConfig, GatewayClient, AGENT_CLIENT};
use crate::operation::Operation;
use crate::qualitycontrol::InterceptRequest;
use crate::recordplay::NetPlayRequest;
use crate::transport;
use crate::voicecall::ThirdPartyConfTransmitNumRequest;
use crate::Error;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// A client for one agent on CC-Gateway. The constructor only validates and stores the
/// config; every operation returns a promise.
#[wasm_bindgen]
pub struct AgentClient {
    inner: Rc<GatewayClient>,
}

impl std::fmt::Debug for AgentClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

/// Runs one operation: validate, send, decode. `request` is already decoded (or failed to).
fn run<O: Operation + 'static>(
    client: Rc<GatewayClient>,
    request: Result<O, Error>,
    opts: Option<JsValue>,
) -> js_sys::Promise
where
    O::Output: serde::Serialize,
{
    future_to_promise(async move {
        let op = request?;
        let opts = options(O::LOG_NAME, opts.as_ref())?;
        let http = client.prepare(&op)?;
        let response = transport::send(&http, client.timeout_for(opts.core), opts.signal.as_ref())
            .await
            .map_err(|f| f.into_error(O::LOG_NAME))?;
        let output = client.complete::<O>(&response.head, &response.body.to_vec())?;
        Ok(encode(O::LOG_NAME, &output)?)
    })
}

#[wasm_bindgen]
impl AgentClient {
    /// Validates `config`; throws an `AgentApiError` (kind "validation") if it is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AgentClientConfig")] config: JsValue,
    ) -> Result<AgentClient, JsValue> {
        let config: AgentClientConfig = decode(AGENT_CLIENT, "config", &config)?;
        Ok(AgentClient {
            inner: Rc::new(GatewayClient::new(config)?),
        })
    }

    /// Replaces the `Guid` sent with every call (e.g. after sign-in or `updateGuid`).
    #[wasm_bindgen(js_name = setGuid)]
    pub fn set_guid(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] guid: JsValue,
    ) -> Result<(), JsValue> {
        let guid = guid.as_string().unwrap_or_default();
        self.inner
            .set_guid(&guid)
            .map_err(|e| Error::validation(AGENT_CLIENT, e).into())
    }

    /// Whether a `Guid` is set (the value itself is never exposed).
    #[wasm_bindgen(getter, js_name = hasGuid)]
    pub fn has_guid(&self) -> bool {
        self.inner.has_guid()
    }

    /// The agent ID this client acts for.
    #[wasm_bindgen(getter, js_name = agentId)]
    pub fn agent_id(&self) -> String {
        self.inner.agent_id().as_str().to_owned()
    }

    /// `beginNetPlay`: plays a recording file to the agent (POST recordplay/{agentid}/netplay).
    #[wasm_bindgen(js_name = beginNetPlay, unchecked_return_type = "Promise<Ack>")]
    pub fn begin_net_play(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NetPlayRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        run(
            self.inner.clone(),
            decode::<NetPlayRequest>(NetPlayRequest::LOG_NAME, "request", &request),
            options,
        )
    }

    /// `queryCallInfoBeforeAnswer`: the calls waiting for this agent (GET calldata/{agentid}/callinfobeforeanswer).
    #[wasm_bindgen(js_name = queryCallInfoBeforeAnswer, unchecked_return_type = "Promise<CallInfo[]>")]
    pub fn query_call_info_before_answer(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        run(self.inner.clone(), Ok(CallInfoBeforeAnswerRequest), options)
    }

    /// `thirdPartyConfTransmitNum`: passes numbers to the third-party IVR in a three-party call.
    #[wasm_bindgen(js_name = thirdPartyConfTransmitNum, unchecked_return_type = "Promise<Ack>")]
    pub fn third_party_conf_transmit_num(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        run(
            self.inner.clone(),
            Ok(ThirdPartyConfTransmitNumRequest),
            options,
        )
    }

    /// `intercept`: the inspector takes over `workNo`'s call (PUT qualitycontrol/{agentid}/intercept/{workNo}).
    #[wasm_bindgen(js_name = intercept, unchecked_return_type = "Promise<Ack>")]
    pub fn intercept(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InterceptRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> js_sys::Promise {
        run(
            self.inner.clone(),
            decode::<InterceptRequest>(InterceptRequest::LOG_NAME, "request", &request),
            options,
        )
    }
}
