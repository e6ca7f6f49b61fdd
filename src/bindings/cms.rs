//! `CmsClient`: CC-CMS open API calls signed with AK/SK (backend use).

use super::convert::{decode, encode, options};
use crate::client::{self, CmsClientConfig, CMS_CLIENT};
use crate::cms::RecordingMeta;
use crate::cms::{
    check_complete, classify, failure, DownloadRecordFileRequest, DOWNLOAD_RECORD_FILE, SNIFF_LEN,
    ZIP_TAIL_LEN,
};
use crate::error::Error;
use crate::http::HttpRequest;
use js_sys::{Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

#[wasm_bindgen(typescript_custom_section)]
const TS_DOWNLOAD: &'static str = r#"
/** A downloaded recording: the bytes (kept in JS memory, not copied through WASM) and what they are. */
export interface RecordingDownload extends RecordingMeta { bytes: Uint8Array<ArrayBuffer>; }
/** `using cms = new CmsClient(...)` frees the client at the end of the block (needs lib "esnext.disposable"). */
export interface CmsClient extends Disposable {}
/** A recording as a stream (`downloadRecordFileStream`): `size` is the `Content-Length`, if sent; `body` errors with a decode `AgentApiError` at its end if the recording was cut short. */
export interface RecordingStream extends Omit<RecordingMeta, "size"> { size: number | null; body: ReadableStream<Uint8Array>; }
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

    /// `downloadRecordFile`: the recordings of a call (one file, or a ZIP when several),
    /// buffered in JS memory up to `maxRecordingBytes`. Rejects with kind "service" when CMS
    /// answers `{resultCode, resultDesc}` instead, and with kind "decode" when the recording
    /// arrives cut short.
    #[wasm_bindgen(js_name = downloadRecordFile, unchecked_return_type = "Promise<RecordingDownload>")]
    pub fn download_record_file(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DownloadRecordFileRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] opts: Option<JsValue>,
    ) -> js_sys::Promise {
        self.download(&request, opts, |client, http, timeout, signal| async move {
            let response = super::log::exchange(
                DOWNLOAD_RECORD_FILE,
                &http,
                timeout,
                client.body_limit(),
                signal.as_ref(),
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
            let meta = logged(checked)?;
            let out = encode(DOWNLOAD_RECORD_FILE, &meta)?;
            let _ = Reflect::set(&out, &JsValue::from_str("bytes"), &response.body);
            Ok(out)
        })
    }

    /// `downloadRecordFile` as a stream, for recordings too large to hold (a backend pipes
    /// `body` to a file). The promise settles once the first bytes have told what the body is;
    /// `timeoutMs` and `signal` cover that part, and the caller reads (or cancels) `body`
    /// after it. A recording cut short errors the stream at its end with kind "decode".
    #[wasm_bindgen(js_name = downloadRecordFileStream, unchecked_return_type = "Promise<RecordingStream>")]
    pub fn download_record_file_stream(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DownloadRecordFileRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] opts: Option<JsValue>,
    ) -> js_sys::Promise {
        self.download(&request, opts, |_, http, timeout, signal| async move {
            let streamed = super::log::exchange_streaming(
                DOWNLOAD_RECORD_FILE,
                &http,
                timeout,
                SNIFF_LEN as u32,
                signal.as_ref(),
            )
            .await?;
            let prefix = streamed.prefix.to_vec();
            let known = streamed.declared.map_or(prefix.len(), |n| n as usize);
            let Some(meta) = classify(&streamed.head, &prefix, known.max(prefix.len())) else {
                crate::transport::cancel_stream(&streamed.body);
                let error = failure(&streamed.head, &prefix);
                super::log::failure(DOWNLOAD_RECORD_FILE, &error, None);
                return Err(error);
            };
            let body = checked_stream(&streamed.body, meta.clone(), prefix)?;
            let out = encode(DOWNLOAD_RECORD_FILE, &meta)?;
            let size = streamed
                .declared
                .map_or(JsValue::NULL, |n| JsValue::from(n as f64));
            let _ = Reflect::set(&out, &JsValue::from_str("size"), &size);
            let _ = Reflect::set(&out, &JsValue::from_str("body"), &body);
            Ok(out)
        })
    }
}

impl CmsClient {
    /// Both forms of `downloadRecordFile`: reads `request` now, then validates and signs it
    /// and hands the request, its timeout and signal to `run`.
    fn download<F, Fut>(&self, request: &JsValue, opts: Option<JsValue>, run: F) -> js_sys::Promise
    where
        F: FnOnce(Rc<client::CmsClient>, HttpRequest, u32, Option<AbortSignal>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<JsValue, Error>>,
    {
        let client = self.inner.clone();
        let request = decode::<DownloadRecordFileRequest>(DOWNLOAD_RECORD_FILE, "request", request);
        crate::run::promise_now(DOWNLOAD_RECORD_FILE, async move {
            let request = request?;
            let opts = options(DOWNLOAD_RECORD_FILE, opts.as_ref())?;
            let timestamp = crate::time::format_sign_timestamp(js_sys::Date::now());
            let http = client.prepare_download(&request, &timestamp)?;
            let timeout = client.timeout_for(opts.core);
            Ok(run(client, http, timeout, opts.signal).await?)
        })
    }
}

/// `result`, with its error logged.
fn logged<T>(result: Result<T, Error>) -> Result<T, Error> {
    result.inspect_err(|error| super::log::failure(DOWNLOAD_RECORD_FILE, error, None))
}

/// What the stream check keeps: bytes seen, and the last chunks (JS values, not copies) that
/// hold the final [`ZIP_TAIL_LEN`] bytes.
struct Seen {
    bytes: u64,
    recent: VecDeque<Uint8Array>,
    recent_len: usize,
}

/// `body` piped through a `TransformStream` that passes every chunk on untouched and, at the
/// end, errors the stream with a decode `AgentApiError` if the recording was cut short
/// ([`check_complete`]). Only the final bytes of a ZIP are copied into the module.
fn checked_stream(body: &JsValue, meta: RecordingMeta, prefix: Vec<u8>) -> Result<JsValue, Error> {
    let fail = |_| {
        Error::decode(
            DOWNLOAD_RECORD_FILE,
            "body",
            "this runtime has no TransformStream",
        )
    };
    let seen = Rc::new(RefCell::new(Seen {
        bytes: 0,
        recent: VecDeque::new(),
        recent_len: 0,
    }));
    let on_chunk = seen.clone();
    let transform =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |chunk: JsValue, controller: JsValue| {
            if let (Some(chunk), Ok(mut seen)) =
                (chunk.dyn_ref::<Uint8Array>(), on_chunk.try_borrow_mut())
            {
                seen.bytes += u64::from(chunk.length());
                seen.recent_len += chunk.length() as usize;
                seen.recent.push_back(chunk.clone());
                while seen
                    .recent
                    .front()
                    .is_some_and(|f| seen.recent_len - f.length() as usize >= ZIP_TAIL_LEN)
                {
                    if let Some(f) = seen.recent.pop_front() {
                        seen.recent_len -= f.length() as usize;
                    }
                }
            }
            call_method(&controller, "enqueue", &chunk);
        });
    let flush = Closure::<dyn FnMut(JsValue)>::new(move |controller: JsValue| {
        let Ok(seen) = seen.try_borrow() else { return };
        let mut tail = Vec::with_capacity(seen.recent_len);
        for chunk in &seen.recent {
            tail.extend(chunk.to_vec());
        }
        let tail = &tail[tail.len().saturating_sub(ZIP_TAIL_LEN)..];
        let meta = RecordingMeta {
            size: seen.bytes as usize,
            ..meta.clone()
        };
        if let Err(error) = logged(check_complete(&meta, &prefix, tail)) {
            call_method(&controller, "error", &super::error::to_js(&error));
        }
    });
    let transformer = js_sys::Object::new();
    let _ = Reflect::set(
        &transformer,
        &JsValue::from_str("transform"),
        &transform.into_js_value(),
    );
    let _ = Reflect::set(
        &transformer,
        &JsValue::from_str("flush"),
        &flush.into_js_value(),
    );
    let class: js_sys::Function =
        Reflect::get(&js_sys::global(), &JsValue::from_str("TransformStream"))
            .map_err(fail)?
            .dyn_into()
            .map_err(fail)?;
    let stream = Reflect::construct(&class, &js_sys::Array::of1(&transformer)).map_err(fail)?;
    let pipe: js_sys::Function = Reflect::get(body, &JsValue::from_str("pipeThrough"))
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    pipe.call1(body, &stream).map_err(fail)
}

/// `target[name](arg)`, ignoring what it throws.
fn call_method(target: &JsValue, name: &str, arg: &JsValue) {
    if let Ok(f) = Reflect::get(target, &JsValue::from_str(name)) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(target, arg);
        }
    }
}
