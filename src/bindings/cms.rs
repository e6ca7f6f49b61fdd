//! `CmsClient`: CC-CMS open API calls signed with AK/SK (backend use).

use super::convert::{decode, encode, options};
use crate::client::{self, CmsClientConfig, CMS_CLIENT};
use crate::cms::{classify, failure, DownloadRecordFileRequest, DOWNLOAD_RECORD_FILE, SNIFF_LEN};
use js_sys::Reflect;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_DOWNLOAD: &'static str = r#"
/** A downloaded recording: the bytes (kept in JS memory, not copied through WASM) and what they are. */
export interface RecordingDownload extends RecordingMeta { bytes: Uint8Array; }
"#;

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
            let response =
                super::log::exchange(DOWNLOAD_RECORD_FILE, &http, timeout, opts.signal.as_ref())
                    .await?;
            let size = response.body.length() as usize;
            let prefix = response
                .body
                .subarray(0, size.min(SNIFF_LEN) as u32)
                .to_vec();
            let Some(meta) = classify(&response.head, &prefix, size) else {
                let error = failure(&response.head, &response.body.to_vec());
                super::log::failure(DOWNLOAD_RECORD_FILE, &error, None);
                return Err(error.into());
            };
            let out = encode(DOWNLOAD_RECORD_FILE, &meta)?;
            let _ = Reflect::set(&out, &JsValue::from_str("bytes"), &response.body);
            Ok(out)
        })
    }
}
