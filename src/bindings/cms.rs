//! `CmsClient`: CC-CMS open API calls signed with AK/SK (backend use).

use super::convert::{decode, encode, options};
use crate::client::{self, CmsClientConfig, CMS_CLIENT};
use crate::cms::{
    check_complete, classify, failure, DownloadRecordFileRequest, DOWNLOAD_RECORD_FILE, SNIFF_LEN,
    ZIP_TAIL_LEN,
};
use js_sys::Reflect;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_DOWNLOAD: &'static str = r#"
/** A downloaded recording: the bytes (kept in JS memory, not copied through WASM) and what they are. */
export interface RecordingDownload extends RecordingMeta { bytes: Uint8Array; }
"#;

/// Most bytes of a body that is not a recording read into the module to explain it.
const MAX_FAILURE_BYTES: usize = 64 * 1024;

/// A CC-CMS client. Holds the AK/SK; never exposes them.
#[wasm_bindgen]
pub struct CmsClient {
    pub(super) inner: Rc<client::CmsClient>,
}

impl std::fmt::Debug for CmsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

#[wasm_bindgen]
impl CmsClient {
    /// Validates `config`; throws an `AgentApiError` (kind "validation") if it is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CmsClientConfig")] config: JsValue,
    ) -> Result<CmsClient, JsValue> {
        let config: CmsClientConfig = decode(CMS_CLIENT, "config", &config)?;
        Ok(CmsClient {
            inner: Rc::new(client::CmsClient::new(config)?),
        })
    }

    /// `downloadRecordFile`: the recordings of a call (one file, or a ZIP when several).
    /// Rejects with kind "service" when CMS answers `{resultCode, resultDesc}` instead.
    #[wasm_bindgen(js_name = downloadRecordFile, unchecked_return_type = "Promise<RecordingDownload>")]
    pub fn download_record_file(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DownloadRecordFileRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] opts: Option<JsValue>,
    ) -> js_sys::Promise {
        let client = self.inner.clone();
        let request =
            decode::<DownloadRecordFileRequest>(DOWNLOAD_RECORD_FILE, "request", &request);
        crate::run::promise_now(DOWNLOAD_RECORD_FILE, async move {
            let request = request?;
            let opts = options(DOWNLOAD_RECORD_FILE, opts.as_ref())?;
            let timestamp = crate::time::format_sign_timestamp(js_sys::Date::now());
            let http = client.prepare_download(&request, &timestamp)?;
            let timeout = client.timeout_for(opts.core);
            let response = super::log::exchange(
                DOWNLOAD_RECORD_FILE,
                &http,
                timeout,
                client.body_limit(),
                opts.signal.as_ref(),
            )
            .await?;
            // Only the first and last bytes enter the module; the recording stays in JS memory.
            let body = &response.body;
            let size = body.length() as usize;
            let copy = |from: usize, to: usize| body.subarray(from as u32, to as u32).to_vec();
            let prefix = copy(0, size.min(SNIFF_LEN));
            let checked = match classify(&response.head, &prefix, size) {
                Some(meta) => {
                    let tail = copy(size.saturating_sub(ZIP_TAIL_LEN), size);
                    check_complete(&meta, &prefix, &tail).map(|()| meta)
                }
                // A failure answer is a short JSON object: what follows its first
                // MAX_FAILURE_BYTES cannot make it one.
                None => Err(failure(
                    &response.head,
                    &copy(0, size.min(MAX_FAILURE_BYTES)),
                )),
            };
            let meta = checked
                .inspect_err(|error| super::log::failure(DOWNLOAD_RECORD_FILE, error, None))?;
            let out = encode(DOWNLOAD_RECORD_FILE, &meta)?;
            let _ = Reflect::set(&out, &JsValue::from_str("bytes"), &response.body);
            Ok(out)
        })
    }
}
