//! Downloading inspection recording files by call ID (a backend API).
//!
//! Vendor page: "Downloading Inspection Recording Files"
//! (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0689.html>, seed
//! `cms-download-record-file.txt`). Success is the binary file (a ZIP when several match);
//! failure is HTTP 200 with JSON `{resultCode, resultDesc, resultData}`, which must never be
//! mistaken for recording bytes.

use super::signing::SignedRequest;
use super::CmsCredentials;
use crate::config::BaseUrl;
use crate::de::Text;
use crate::error::{snippet, Error, ErrorKind, ValidationError};
use crate::http::{HttpRequest, Method, ResponseHead, Service, AUTHORIZATION, CONTENT_TYPE_JSON};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// Operation name used in errors (the page gives no log name; this is the URI's last segment).
pub const OPERATION: &str = "downloadRecordFile";
/// Request path.
pub const PATH: &str = "/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile";
/// Bytes of the body the classifier needs to see.
pub const SNIFF_LEN: usize = 512;

/// Body of `POST /rest/cmsapp/v1/openapi/hisindex/downloadRecordFile`.
///
/// Optional fields left out (or given as `""`) are sent as `""`, as in the vendor example.
#[derive(Debug, Clone, PartialEq, Eq, Default, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct DownloadRecordFileRequest {
    /// Call SN (required), e.g. `1748587841-77268`.
    #[serde(rename = "callID")]
    #[tsify(type = "string")]
    pub call_id: Text,
    /// Agent ID.
    #[serde(rename = "workNo")]
    #[tsify(optional, type = "string | number")]
    pub work_no: Option<Text>,
    /// Call start time, `yyyyMMddHHmmss`.
    #[serde(rename = "beginTime")]
    #[tsify(optional, type = "string")]
    pub begin_time: Option<Text>,
    /// Calling number.
    #[serde(rename = "callerNo")]
    #[tsify(optional, type = "string")]
    pub caller_no: Option<Text>,
    /// Called number.
    #[serde(rename = "calleeNo")]
    #[tsify(optional, type = "string")]
    pub callee_no: Option<Text>,
}

/// The wire form: all five keys, `""` for absent values (vendor example).
#[derive(Encode)]
struct Wire<'a> {
    #[serde(rename = "callID")]
    call_id: &'a str,
    #[serde(rename = "workNo")]
    work_no: &'a str,
    #[serde(rename = "beginTime")]
    begin_time: &'a str,
    #[serde(rename = "callerNo")]
    caller_no: &'a str,
    #[serde(rename = "calleeNo")]
    callee_no: &'a str,
}

fn non_empty(v: &Option<Text>) -> Option<&str> {
    v.as_ref().map(Text::as_str).filter(|s| !s.is_empty())
}

impl DownloadRecordFileRequest {
    /// A request for the recordings of `call_id`.
    pub fn new(call_id: impl Into<String>) -> Self {
        Self {
            call_id: Text(call_id.into()),
            ..Self::default()
        }
    }
    /// Narrows by agent ID.
    pub fn work_no(mut self, v: impl Into<String>) -> Self {
        self.work_no = Some(Text(v.into()));
        self
    }
    /// Narrows by call start time (`yyyyMMddHHmmss`).
    pub fn begin_time(mut self, v: impl Into<String>) -> Self {
        self.begin_time = Some(Text(v.into()));
        self
    }
    /// Narrows by calling number.
    pub fn caller_no(mut self, v: impl Into<String>) -> Self {
        self.caller_no = Some(Text(v.into()));
        self
    }
    /// Narrows by called number.
    pub fn callee_no(mut self, v: impl Into<String>) -> Self {
        self.callee_no = Some(Text(v.into()));
        self
    }
    /// Validates and returns the request.
    pub fn build(self) -> Result<Self, ValidationError> {
        self.validate()?;
        Ok(self)
    }

    /// Checks every documented rule.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validation::required("callID", self.call_id.as_str())?;
        no_control_chars("callID", self.call_id.as_str())?;
        if let Some(w) = non_empty(&self.work_no) {
            AgentId::parse("workNo", w)?;
        }
        if let Some(t) = non_empty(&self.begin_time) {
            if crate::time::parse_compact(t).is_none() {
                return Err(validation::invalid(
                    "beginTime",
                    "format",
                    "must be a real date-time written yyyyMMddHHmmss",
                    validation::shown(t),
                ));
            }
        }
        for (field, v) in [("callerNo", &self.caller_no), ("calleeNo", &self.callee_no)] {
            if let Some(v) = non_empty(v) {
                no_control_chars(field, v)?;
            }
        }
        Ok(())
    }

    /// The exact JSON body that is signed and sent.
    pub fn body(&self) -> String {
        let wire = Wire {
            call_id: self.call_id.as_str(),
            work_no: non_empty(&self.work_no).unwrap_or(""),
            begin_time: non_empty(&self.begin_time).unwrap_or(""),
            caller_no: non_empty(&self.caller_no).unwrap_or(""),
            callee_no: non_empty(&self.callee_no).unwrap_or(""),
        };
        crate::json::to_string(&wire)
    }

    /// Validates, then builds the signed request. `timestamp` is the C2 signing time.
    pub fn to_http(
        &self,
        base: &BaseUrl,
        credentials: &CmsCredentials,
        timestamp: &str,
    ) -> Result<HttpRequest, Error> {
        self.validate()
            .map_err(|e| Error::validation(OPERATION, e))?;
        let body = self.body();
        let auth = credentials.signer().authorization(
            timestamp,
            &SignedRequest {
                method: Method::Post.as_str(),
                path: PATH,
                query: &[],
                host: base.authority(),
                body: &body,
            },
        );
        Ok(HttpRequest {
            service: Service::Cms,
            method: Method::Post,
            url: base.join(&[PATH]),
            headers: vec![
                ("Content-Type", CONTENT_TYPE_JSON.into()),
                (AUTHORIZATION, auth.into()),
            ],
            body: Some(body),
        })
    }
}

fn no_control_chars(field: &str, v: &str) -> Result<(), ValidationError> {
    if v.chars().any(char::is_control) {
        return Err(validation::invalid(
            field,
            "format",
            "must not contain control characters",
            validation::shown(v),
        ));
    }
    Ok(())
}

/// What was downloaded (the bytes themselves stay with the caller).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Tsify)]
pub struct RecordingMeta {
    /// `zip` when several recordings came packed in a ZIP (by magic bytes), else `recording`.
    pub kind: RecordingKind,
    /// The `Content-Type` the server sent.
    #[serde(rename = "contentType")]
    #[tsify(type = "string | null")]
    pub content_type: Option<String>,
    /// File name from `Content-Disposition`, without any directory part.
    #[serde(rename = "fileName")]
    #[tsify(type = "string | null")]
    pub file_name: Option<String>,
    /// Size in bytes.
    pub size: usize,
}

/// Kind of a downloaded body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum RecordingKind {
    /// Several recordings in a ZIP archive.
    Zip,
    /// One recording file.
    Recording,
}

/// Decides from the status, headers and the first [`SNIFF_LEN`] bytes whether the body is a
/// recording. `Ok(None)` means "not a recording": call [`failure`] with the whole body.
pub fn classify(head: &ResponseHead, prefix: &[u8], size: usize) -> Option<RecordingMeta> {
    let start = prefix
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &prefix[i..])
        .unwrap_or(&[]);
    let zip = prefix.starts_with(b"PK\x03\x04") || prefix.starts_with(b"PK\x05\x06");
    let ct = head
        .content_type
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    let textual = start.starts_with(b"{")
        || start.starts_with(b"<")
        || crate::text::find(&ct, "json").is_some()
        || ct.starts_with("text/");
    let ok = (200..300).contains(&head.status) && size > 0 && (zip || !textual);
    ok.then(|| RecordingMeta {
        kind: if zip {
            RecordingKind::Zip
        } else {
            RecordingKind::Recording
        },
        content_type: head.content_type.clone(),
        file_name: head
            .content_disposition
            .as_deref()
            .and_then(file_name_from_disposition),
        size,
    })
}

/// Bytes at the end of an archive that hold its end-of-central-directory record: 22 bytes
/// plus a comment of up to 65,535.
pub const ZIP_TAIL_LEN: usize = 22 + 65_535;

/// Checks that a recording [`classify`] accepted arrived whole: a RIFF (WAV) file at least as
/// long as its header declares, a ZIP archive ending in its end-of-central-directory record
/// with the central directory before it. `prefix` holds the first [`SNIFF_LEN`] bytes and
/// `tail` the last [`ZIP_TAIL_LEN`] (or all of them). A connection closed mid-body can end
/// a chunked answer early without any error from the runtime, so this is the only check.
pub fn check_complete(meta: &RecordingMeta, prefix: &[u8], tail: &[u8]) -> Result<(), Error> {
    let cut = |what: String| {
        Err(Error::decode(
            OPERATION,
            "body",
            format!("recording cut short: {what}"),
        ))
    };
    let u32_at = |b: &[u8], at: usize| {
        b.get(at..at + 4)
            .map(|v| u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
    };
    match meta.kind {
        RecordingKind::Recording => {
            match prefix.strip_prefix(b"RIFF").and_then(|_| u32_at(prefix, 4)) {
                Some(riff) if (meta.size as u64) < u64::from(riff) + 8 => cut(format!(
                    "{} bytes of the {} its RIFF header declares",
                    meta.size,
                    u64::from(riff) + 8
                )),
                _ => Ok(()),
            }
        }
        RecordingKind::Zip => {
            const EOCD: &[u8] = b"PK\x05\x06";
            let at = (0..tail.len().saturating_sub(21))
                .rev()
                .find(|&i| tail[i..].starts_with(EOCD));
            let Some(at) = at else {
                return cut(format!(
                    "no end-of-central-directory record in its last {} bytes",
                    tail.len()
                ));
            };
            let record_at = (meta.size.saturating_sub(tail.len()) + at) as u64;
            let (size, offset) = (u32_at(tail, at + 12), u32_at(tail, at + 16));
            match (size, offset) {
                (Some(size), Some(offset)) if u64::from(size) + u64::from(offset) <= record_at => {
                    Ok(())
                }
                _ => cut("its central directory lies outside the bytes received".to_owned()),
            }
        }
    }
}

/// The error for a body [`classify`] rejected.
pub fn failure(head: &ResponseHead, body: &[u8]) -> Error {
    let text = String::from_utf8_lossy(body);
    if !(200..300).contains(&head.status) {
        // The body as the server sent it; the message adds the 401 hint (see `Error`'s Display).
        return Error::new(
            OPERATION,
            ErrorKind::Http {
                status: head.status,
                body: snippet(&text, crate::envelope::BODY_SNIPPET_CHARS),
            },
        );
    }
    if body.is_empty() {
        return Error::decode(OPERATION, "body", "empty body instead of recording bytes");
    }
    #[derive(Decode)]
    struct Failure {
        #[serde(rename = "resultCode")]
        result_code: Text,
        #[serde(rename = "resultDesc")]
        result_desc: Option<Text>,
    }
    // Through the same `&str` parser as the envelope: one JSON reader in the module, not two.
    match crate::envelope::parse::<Failure>(&text) {
        Ok(f) if f.result_code.as_str().trim() != "0" => Error::service_with(
            OPERATION,
            &f.result_code.0,
            f.result_desc.as_ref().map_or("", |t| t.as_str()),
            None,
        ),
        Ok(_) => Error::decode(OPERATION, "body", "JSON with resultCode 0 but no recording bytes"),
        Err(e) => Error::decode(
            OPERATION,
            "body",
            format!("neither recording bytes nor a {{resultCode, resultDesc}} failure ({} at `{}`); body starts {}", e.message, e.path, crate::error::quoted_snippet(&text, 80)),
        ),
    }
}

/// The file name in a `Content-Disposition` value (`filename*=UTF-8''…` preferred), with any
/// directory part removed.
pub fn file_name_from_disposition(value: &str) -> Option<String> {
    let mut plain = None;
    let mut extended = None;
    for part in value.split(';').map(str::trim) {
        let Some((key, v)) = part.split_once('=') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "filename*" => {
                extended =
                    crate::text::split_once(v.trim(), "''").and_then(|(_, enc)| percent_decode(enc))
            }
            "filename" => plain = Some(v.trim().trim_matches('"').to_owned()),
            _ => {}
        }
    }
    let name = extended.or(plain)?;
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    (!base.is_empty() && base != "." && base != "..").then(|| base.to_owned())
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cms::signing::{authorization, SigningInput};

    fn creds() -> CmsCredentials {
        CmsCredentials::new("AK_EXAMPLE_0001", "SK_EXAMPLE_SECRET").unwrap()
    }

    #[test]
    fn wire_body_matches_the_seed_example() {
        let seed: serde_json::Value =
            serde_json::from_str(r#"{ "callID": "1748587841-77268", "workNo": "", "beginTime": "", "callerNo": "", "calleeNo": "" }"#).unwrap();
        let req = DownloadRecordFileRequest::new("1748587841-77268")
            .build()
            .unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&req.body()).unwrap(),
            seed
        );
        // The seed body decodes to the same request.
        let decoded: DownloadRecordFileRequest = crate::json::from_value(seed).unwrap();
        assert_eq!(decoded.body(), req.body());
    }

    #[test]
    fn signed_request_matches_the_reference_vector() {
        // Same inputs as the facts file's worked example: callID + workNo only.
        let req = DownloadRecordFileRequest::new("1700000000-123").work_no("1001");
        let base = BaseUrl::parse("baseUrl", "https://10.0.0.1:28443", false).unwrap();
        let http = req
            .to_http(&base, &creds(), "2024-01-02T03:04:05Z")
            .unwrap();
        assert_eq!(
            http.url,
            "https://10.0.0.1:28443/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile"
        );
        assert_eq!(http.method, Method::Post);
        assert_eq!(http.header("Content-Type"), Some(CONTENT_TYPE_JSON));
        // Our body always carries all five keys, so recompute the signature over exactly it.
        let body = http.body.clone().unwrap();
        assert_eq!(
            body,
            r#"{"callID":"1700000000-123","workNo":"1001","beginTime":"","callerNo":"","calleeNo":""}"#
        );
        let expected = authorization(&SigningInput {
            access_key: "AK_EXAMPLE_0001",
            secret_key: "SK_EXAMPLE_SECRET",
            timestamp: "2024-01-02T03:04:05Z",
            method: "POST",
            path: PATH,
            query: &[],
            host: "10.0.0.1:28443",
            body: &body,
        });
        assert_eq!(http.header("Authorization"), Some(expected.as_str()));
        assert!(expected.starts_with("auth-v2/AK_EXAMPLE_0001/2024-01-02T03:04:05Z/host/"));
    }

    /// The host is signed as `fetch` sends it in `Host`, not as written in `baseUrl`. Expected
    /// signatures come from `../shared/reference/cms-signature-example.py` run with that host
    /// and this request's body.
    #[test]
    fn signs_the_host_the_runtime_sends() {
        let req = DownloadRecordFileRequest::new("1700000000-123").work_no("1001");
        for (base_url, host, signature) in [
            (
                "https://CMS.Example.COM:28443",
                "cms.example.com:28443",
                "5afecc859bd1a98f8f262da0213673d618f6d27417503545f7692047431ee8e7",
            ),
            (
                "https://10.0.0.1:028443",
                "10.0.0.1:28443",
                "f6c7b0c0824b8b0713245bf73ea8ef45fd98a337353d0a173255f17564cbcf75",
            ),
            (
                "https://h:443",
                "h",
                "133ca6beb83decb465943630d906982d9812578e826f58b5c0b97d29db7c44e7",
            ),
            (
                "http://H:080",
                "h",
                "133ca6beb83decb465943630d906982d9812578e826f58b5c0b97d29db7c44e7",
            ),
            (
                "https://[::1]:28443",
                "[::1]:28443",
                "8fb8fea6d64522b862a2fe3576e8b28cf244a6543e21e412a318c726f2e0a84b",
            ),
            (
                "https://[FE80:0::1]",
                "[fe80::1]",
                "c815478ea0b5c3a34dc6ce89eb417249a4b63cf55e2771c8f10a947e2fc42c77",
            ),
        ] {
            let base = BaseUrl::parse("baseUrl", base_url, true).unwrap();
            let http = req
                .to_http(&base, &creds(), "2024-01-02T03:04:05Z")
                .unwrap();
            let scheme = &base_url[..base_url.find("//").unwrap() + 2];
            assert_eq!(http.url, format!("{scheme}{host}{PATH}"), "{base_url}");
            assert_eq!(
                http.header("Authorization"),
                Some(
                    format!("auth-v2/AK_EXAMPLE_0001/2024-01-02T03:04:05Z/host/{signature}")
                        .as_str()
                ),
                "{base_url}"
            );
        }
    }

    #[test]
    fn validation_boundaries() {
        let rule = |r: DownloadRecordFileRequest| r.validate().err().map(|e| (e.field, e.rule));
        assert_eq!(
            rule(DownloadRecordFileRequest::new("")),
            Some(("callID".into(), "required"))
        );
        assert_eq!(
            rule(DownloadRecordFileRequest::new("1-1").begin_time("20240230120000")),
            Some(("beginTime".into(), "format"))
        );
        assert_eq!(
            rule(DownloadRecordFileRequest::new("1-1").begin_time("2024-02-01")),
            Some(("beginTime".into(), "format"))
        );
        assert_eq!(
            rule(DownloadRecordFileRequest::new("1-1").work_no("99")),
            Some(("workNo".into(), "range"))
        );
        assert_eq!(
            rule(DownloadRecordFileRequest::new("1-1").caller_no("1\n2")),
            Some(("callerNo".into(), "format"))
        );
        assert_eq!(
            rule(
                DownloadRecordFileRequest::new("1-1")
                    .begin_time("20240229235959")
                    .work_no("")
                    .caller_no("+8613")
            ),
            None
        );
    }

    fn head(status: u16, ct: Option<&str>, cd: Option<&str>) -> ResponseHead {
        ResponseHead {
            status,
            content_type: ct.map(Into::into),
            content_disposition: cd.map(Into::into),
            set_guid: None,
        }
    }

    #[test]
    fn classifies_zip_and_single_recordings() {
        let zip = b"PK\x03\x04rest";
        let m = classify(
            &head(
                200,
                Some("application/zip"),
                Some("attachment; filename=\"a.zip\""),
            ),
            zip,
            8,
        )
        .unwrap();
        assert_eq!(
            (m.kind, m.file_name.as_deref(), m.size),
            (RecordingKind::Zip, Some("a.zip"), 8)
        );
        let wav = b"RIFF\x00\x00\x00\x00WAVE";
        let m = classify(&head(200, Some("audio/wav"), None), wav, 12).unwrap();
        assert_eq!((m.kind, m.file_name), (RecordingKind::Recording, None));
        // Magic bytes win over a wrong content type.
        assert!(classify(&head(200, Some("application/json"), None), zip, 8).is_some());
        assert!(classify(
            &head(200, Some("application/octet-stream"), None),
            b"\x00\x01",
            2
        )
        .is_some());
    }

    #[test]
    fn recordings_cut_short_are_refused() {
        let wav_meta = |size| RecordingMeta {
            kind: RecordingKind::Recording,
            content_type: None,
            file_name: None,
            size,
        };
        let wav = b"RIFF\x24\x00\x00\x00WAVEfmt ";
        assert!(check_complete(&wav_meta(44), wav, &[]).is_ok());
        assert!(
            check_complete(&wav_meta(50), wav, &[]).is_ok(),
            "longer is fine"
        );
        let e = check_complete(&wav_meta(43), wav, &[]).unwrap_err();
        assert!(
            matches!(&e.kind, ErrorKind::Decode { path, message } if path == "body" && message.contains("43 bytes of the 44")),
            "{e}"
        );
        // Not RIFF (a .V3 file): nothing to check.
        assert!(check_complete(&wav_meta(3), b"V3\x00", &[]).is_ok());

        // One stored entry "a" holding "x": local header, central directory, EOCD.
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend([0u8; 26]);
        zip.extend(b"ax");
        let cd_at = zip.len() as u32;
        zip.extend(b"PK\x01\x02");
        zip.extend([0u8; 42]);
        zip.extend(b"a");
        let cd_size = zip.len() as u32 - cd_at;
        zip.extend(b"PK\x05\x06");
        zip.extend([0u8; 8]);
        zip.extend(cd_size.to_le_bytes());
        zip.extend(cd_at.to_le_bytes());
        zip.extend([0u8; 2]);
        let zip_meta = |size| RecordingMeta {
            kind: RecordingKind::Zip,
            ..wav_meta(size)
        };
        assert!(check_complete(&zip_meta(zip.len()), &zip, &zip).is_ok());
        let half = &zip[..40];
        let e = check_complete(&zip_meta(half.len()), half, half).unwrap_err();
        assert!(
            e.to_string().contains("no end-of-central-directory record"),
            "{e}"
        );
        // An EOCD whose directory lies past what arrived (a tail cut and re-joined).
        let mut bad = zip.clone();
        let n = bad.len();
        bad[n - 6..n - 2].copy_from_slice(&(cd_at + 1000).to_le_bytes());
        assert!(check_complete(&zip_meta(n), &bad, &bad).is_err());
    }

    #[test]
    fn json_failures_are_service_errors_never_bytes() {
        let body =
            br#"{ "resultData": "", "resultCode": "1", "resultDesc": "Record List is empty" }"#;
        let h = head(200, Some("application/json"), None);
        assert!(classify(&h, body, body.len()).is_none());
        // Even with a binary content type, a JSON failure body is not a recording.
        assert!(classify(
            &head(200, Some("application/octet-stream"), None),
            body,
            body.len()
        )
        .is_none());
        let e = failure(&h, body);
        assert_eq!(e.operation, OPERATION);
        assert!(
            matches!(&e.kind, ErrorKind::Service { retcode, message, .. } if retcode == "1" && message == "Record List is empty"),
            "{e:?}"
        );
    }

    #[test]
    fn other_faults() {
        assert!(
            matches!(failure(&head(401, None, None), b"{}").kind, ErrorKind::Http { status: 401, ref body } if body == "{}")
        );
        // The hint is the package's, so it is in the message, not in the server's body.
        assert_eq!(
            failure(&head(401, None, None), b"denied").to_string(),
            "downloadRecordFile: http status 401 (C2 authentication failed: check AK/SK and the clock): denied"
        );
        assert!(matches!(
            failure(&head(500, None, None), b"oops").kind,
            ErrorKind::Http { status: 500, .. }
        ));
        assert!(classify(&head(200, Some("text/html"), None), b"<html>", 6).is_none());
        assert!(matches!(
            failure(&head(200, Some("text/html"), None), b"<html>").kind,
            ErrorKind::Decode { .. }
        ));
        assert!(classify(&head(200, Some("audio/wav"), None), b"", 0).is_none());
        assert!(matches!(
            failure(&head(200, None, None), b"").kind,
            ErrorKind::Decode { .. }
        ));
        assert!(matches!(
            failure(&head(200, None, None), br#"{"resultCode":"0"}"#).kind,
            ErrorKind::Decode { .. }
        ));
        assert!(matches!(
            failure(&head(200, None, None), br#"{"resultCo"#).kind,
            ErrorKind::Decode { .. }
        ));
    }

    #[test]
    fn content_disposition_file_names() {
        assert_eq!(
            file_name_from_disposition("attachment; filename=\"1-1.wav\"").as_deref(),
            Some("1-1.wav")
        );
        assert_eq!(
            file_name_from_disposition("attachment; filename=a.V3").as_deref(),
            Some("a.V3")
        );
        assert_eq!(
            file_name_from_disposition(
                "attachment; filename=\"x.zip\"; filename*=UTF-8''r%C3%A9c%20.zip"
            )
            .as_deref(),
            Some("réc .zip")
        );
        assert_eq!(
            file_name_from_disposition("attachment; filename=\"../../etc/passwd\"").as_deref(),
            Some("passwd")
        );
        assert_eq!(
            file_name_from_disposition("attachment; filename=\"..\"").as_deref(),
            None
        );
        assert_eq!(file_name_from_disposition("inline").as_deref(), None);
    }
}
