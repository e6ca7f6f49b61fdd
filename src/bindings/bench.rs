//! Benchmark hooks, not API (left out of the TypeScript declarations): the synchronous part of
//! one call of a documented operation (argument conversion, validation, request building and
//! the `fetch` init) without sending it, so `.ci/bench` can time it apart from the network.
//! They run the very functions the operation methods run.

#[cfg(feature = "cms")]
use super::cms::CmsClient;
use super::convert::{decode, options};
#[cfg(feature = "gateway")]
use super::gateway::AgentClient;
#[cfg(feature = "gateway")]
use crate::calldata::CallInfoBeforeAnswerRequest;
#[cfg(feature = "cms")]
use crate::cms::{DownloadRecordFileRequest, DOWNLOAD_RECORD_FILE};
use crate::error::Error;
use crate::http::HttpRequest;
#[cfg(feature = "gateway")]
use crate::operation::Operation;
#[cfg(feature = "gateway")]
use crate::qualitycontrol::InterceptRequest;
#[cfg(feature = "gateway")]
use crate::recordplay::NetPlayRequest;
#[cfg(feature = "gateway")]
use crate::voicecall::ThirdPartyConfTransmitNumRequest;
use wasm_bindgen::prelude::*;

/// Decodes the call options and builds the `fetch` init, as a call does before sending.
fn finish(operation: &'static str, http: &HttpRequest, opts: Option<JsValue>) -> Result<(), Error> {
    let opts = options(operation, opts.as_ref())?;
    drop(crate::transport::request_init(http, opts.signal.as_ref()));
    Ok(())
}

#[cfg(feature = "gateway")]
#[wasm_bindgen]
impl AgentClient {
    /// Prepares (without sending) one call of `operation`, one of the four documented
    /// CC-Gateway operations.
    #[wasm_bindgen(js_name = __prepareOnly, skip_typescript)]
    pub fn prepare_only(
        &self,
        operation: &str,
        request: JsValue,
        opts: Option<JsValue>,
    ) -> Result<(), JsValue> {
        fn prepare<O: Operation>(
            c: &AgentClient,
            op: &O,
            opts: Option<JsValue>,
        ) -> Result<(), Error> {
            finish(O::LOG_NAME, &c.agent.client.prepare(op)?, opts)
        }
        fn decode_and_prepare<O: Operation + for<'de> crate::json::Decode<'de>>(
            c: &AgentClient,
            request: &JsValue,
            opts: Option<JsValue>,
        ) -> Result<(), Error> {
            prepare(c, &decode::<O>(O::LOG_NAME, "request", request)?, opts)
        }
        Ok(match operation {
            "beginNetPlay" => decode_and_prepare::<NetPlayRequest>(self, &request, opts),
            "intercept" => decode_and_prepare::<InterceptRequest>(self, &request, opts),
            "queryCallInfoBeforeAnswer" => prepare(self, &CallInfoBeforeAnswerRequest, opts),
            "thirdPartyConfTransmitNum" => prepare(self, &ThirdPartyConfTransmitNumRequest, opts),
            _ => return Err(JsValue::from_str("no benchmark hook for this operation")),
        }?)
    }
}

#[cfg(feature = "cms")]
#[wasm_bindgen]
impl CmsClient {
    /// Prepares (without sending) one `downloadRecordFile` call, signature included.
    #[wasm_bindgen(js_name = __prepareOnly, skip_typescript)]
    pub fn prepare_only(&self, request: JsValue, opts: Option<JsValue>) -> Result<(), JsValue> {
        let request: DownloadRecordFileRequest = decode(DOWNLOAD_RECORD_FILE, "request", &request)?;
        let timestamp = crate::time::format_sign_timestamp(js_sys::Date::now());
        let http = self.inner.prepare_download(&request, &timestamp)?;
        Ok(finish(DOWNLOAD_RECORD_FILE, &http, opts)?)
    }
}
