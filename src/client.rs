//! Client state, independent of the platform: configuration, the current `Guid`, and the
//! request/response steps around one transport call.

use crate::cms::{CmsCredentials, DownloadRecordFileRequest};
use crate::config::{self, BaseUrl};
use crate::de::{Int, Text};
use crate::error::{Error, ValidationError};
use crate::http::{guid_from_set_guid, BodyLimit, HttpRequest, ResponseHead};
use crate::operation::{self, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::Decode;
use std::cell::RefCell;
use tsify::Tsify;

/// Longest `Guid` accepted (the vendor example is 50 characters).
pub const MAX_GUID_LEN: usize = 256;
/// Operation name of configuration errors raised by `new AgentClient(...)`.
pub const AGENT_CLIENT: &str = "AgentClient";
/// Operation name of configuration errors raised by `new CmsClient(...)`.
pub const CMS_CLIENT: &str = "CmsClient";
/// The `AgentClient` option limiting an answer's size.
pub const MAX_RESPONSE_BYTES: &str = "maxResponseBytes";
/// The `CmsClient` option limiting a buffered recording's size.
pub const MAX_RECORDING_BYTES: &str = "maxRecordingBytes";

/// Configuration of an `AgentClient`.
#[derive(Clone, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct AgentClientConfig {
    /// CC-Gateway address, e.g. `https://10.0.0.1:8043` (HTTPS port 8043 by default).
    #[serde(rename = "baseUrl")]
    pub base_url: String,
    /// The signed-in agent's ID (101..=59999, or up to `agentIdMax`).
    #[serde(rename = "agentId")]
    #[tsify(type = "string | number")]
    pub agent_id: Text,
    /// The `Guid` from sign-in (static authentication) or the event poll (dynamic).
    #[tsify(optional)]
    pub guid: Option<String>,
    /// Per-call timeout in ms (default 30000, at most 600000).
    #[serde(rename = "timeoutMs")]
    #[tsify(optional, type = "number")]
    pub timeout_ms: Option<Int>,
    /// Allow a plain `http://` base URL (for the simulator or a lab). Default false.
    #[serde(rename = "allowInsecureHttp")]
    #[tsify(optional)]
    pub allow_insecure_http: Option<bool>,
    /// Event-poller settings.
    #[tsify(optional)]
    pub events: Option<crate::session::EventsConfig>,
    /// Largest response body read, in bytes (default 1 MiB, 1024..=2^31): reading stops and
    /// the call rejects with kind "decode" past it, so no answer can exhaust memory.
    #[serde(rename = "maxResponseBytes")]
    #[tsify(optional, type = "number")]
    pub max_response_bytes: Option<Int>,
    /// Largest agent ID accepted in `agentId` and `workNo`: 59999 (default, the seed pages) or
    /// 999999 (newer vendor pages).
    #[serde(rename = "agentIdMax")]
    #[tsify(optional, type = "59999 | 999999")]
    pub agent_id_max: Option<Int>,
}

impl std::fmt::Debug for AgentClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AgentClientConfig")
            .field("base_url", &self.base_url)
            .field("agent_id", &self.agent_id)
            .field("guid", &self.guid.as_ref().map(|_| "<redacted>"))
            .field("timeout_ms", &self.timeout_ms)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish()
    }
}

/// Per-call options understood by the pure core (the JS `AbortSignal` is handled at the edge).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// Overrides the client's timeout for this call.
    pub timeout_ms: Option<u32>,
}

/// A CC-Gateway client for one agent: validated config plus the current `Guid`.
pub struct GatewayClient {
    base_url: BaseUrl,
    agent_id: AgentId,
    /// `agentIdMax`: bounds `agentId` and every request's `workNo`.
    agent_id_max: u64,
    timeout_ms: u32,
    guid: RefCell<Option<String>>,
    guid_changes: std::cell::Cell<u64>,
    poll_timing: crate::session::PollTiming,
    poll_timeout_ms: u32,
    body_limit: BodyLimit,
}

impl std::fmt::Debug for GatewayClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayClient")
            .field("base_url", &self.base_url)
            .field("agent_id", &self.agent_id)
            .field("timeout_ms", &self.timeout_ms)
            .field("guid", &self.guid.borrow().as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl GatewayClient {
    /// Validates `config`.
    pub fn new(config: AgentClientConfig) -> Result<Self, Error> {
        let v = |e: ValidationError| Error::validation(AGENT_CLIENT, e);
        let (base_url, timeout_ms) = config::connection(
            &config.base_url,
            config.allow_insecure_http,
            config.timeout_ms,
            config::DEFAULT_GATEWAY_TIMEOUT_MS,
        )
        .map_err(v)?;
        let (poll_timing, poll_timeout_ms) =
            config.events.unwrap_or_default().resolve().map_err(v)?;
        let agent_id_max = validation::agent_id_max(config.agent_id_max.map(|i| i.0)).map_err(v)?;
        let agent_id = validation::with_agent_id_max(agent_id_max, || {
            AgentId::parse("agentId", config.agent_id.as_str())
        });
        let client = Self {
            base_url,
            agent_id: agent_id.map_err(v)?,
            agent_id_max,
            timeout_ms,
            guid: RefCell::new(None),
            guid_changes: std::cell::Cell::new(0),
            poll_timing,
            poll_timeout_ms,
            body_limit: BodyLimit {
                bytes: config::body_limit(
                    MAX_RESPONSE_BYTES,
                    config.max_response_bytes,
                    config::DEFAULT_MAX_RESPONSE_BYTES,
                )
                .map_err(v)?,
                option: MAX_RESPONSE_BYTES,
            },
        };
        if let Some(g) = config.guid {
            client.set_guid(&g).map_err(v)?;
        }
        Ok(client)
    }

    /// Replaces the `Guid` sent with every call.
    pub fn set_guid(&self, guid: &str) -> Result<(), ValidationError> {
        validation::secret_header_value("guid", guid, MAX_GUID_LEN)?;
        *self.guid.borrow_mut() = Some(guid.to_owned());
        self.guid_changes.set(self.guid_changes.get() + 1);
        Ok(())
    }

    /// Forgets the `Guid` (after sign-out).
    pub fn clear_guid(&self) {
        *self.guid.borrow_mut() = None;
    }

    /// How many times a `Guid` has been set (by config, `setGuid`, `Set-GUID` or
    /// `updateGuid`): lets a caller see whether a response delivered one.
    pub fn guid_changes(&self) -> u64 {
        self.guid_changes.get()
    }

    /// The `Guid`, a secret: only for `session()`, which hands it to the caller as a token.
    pub fn guid(&self) -> Option<String> {
        self.guid.borrow().clone()
    }

    /// Whether a `Guid` is set.
    pub fn has_guid(&self) -> bool {
        self.guid.borrow().is_some()
    }

    /// The agent this client acts for.
    pub fn agent_id(&self) -> &AgentId {
        &self.agent_id
    }

    /// The base URL.
    pub fn base_url(&self) -> &BaseUrl {
        &self.base_url
    }

    /// The timeout for a call with `options`.
    pub fn timeout_for(&self, options: CallOptions) -> u32 {
        options.timeout_ms.unwrap_or(self.timeout_ms)
    }

    /// The most bytes an answer may have (`maxResponseBytes`).
    pub fn body_limit(&self) -> BodyLimit {
        self.body_limit
    }

    /// The event poller's timing and per-poll timeout.
    pub fn poll_settings(&self) -> (crate::session::PollTiming, u32) {
        (self.poll_timing, self.poll_timeout_ms)
    }

    /// Validates `op` and builds its request with the current `Guid`.
    pub fn prepare<O: Operation>(&self, op: &O) -> Result<HttpRequest, Error> {
        let guid = self.guid.borrow();
        validation::with_agent_id_max(self.agent_id_max, || {
            operation::build_request(op, &self.base_url, &self.agent_id, guid.as_deref())
        })
    }

    /// Stores the Guid of a `Set-GUID` response header, if there is one. Called for every
    /// response, before its envelope is decoded, so failures rotate the Guid too. A header not
    /// of the form `JSESSIONID=<guid>[; attributes]`, or with a Guid a header cannot carry, is
    /// refused as a decode error of `operation`, and the current Guid is kept.
    ///
    /// The caller still delivers the answer: the operation was carried out (failing it would
    /// invite a repeat, and a poll's event would be lost). Sign-in, which needs the Guid,
    /// fails with this error instead.
    pub fn take_rotated_guid(
        &self,
        operation: &'static str,
        head: &ResponseHead,
    ) -> Result<(), Error> {
        let Some(value) = head.set_guid.as_deref() else {
            return Ok(());
        };
        let refused = |what: &str, why: &str| {
            Error::decode(
                operation,
                "Set-GUID",
                format!("refused: {what} {why}; the previous Guid is kept"),
            )
        };
        let guid = guid_from_set_guid(value).map_err(|why| refused("the header", why))?;
        self.set_guid(guid)
            .map_err(|e| refused("its Guid", &e.expected))
    }
}

/// Configuration of a CC-CMS client.
#[derive(Clone, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct CmsClientConfig {
    /// CC-CMS address (or its NSLB mapping), e.g. `https://10.0.0.1:28443`.
    #[serde(rename = "baseUrl")]
    pub base_url: String,
    /// AK issued by the administrator.
    #[serde(rename = "accessKey")]
    pub access_key: String,
    /// SK issued by the administrator. Only used as an HMAC key; never sent or logged.
    #[serde(rename = "secretKey")]
    pub secret_key: String,
    /// Per-call timeout in ms (default 120000, at most 600000).
    #[serde(rename = "timeoutMs")]
    #[tsify(optional, type = "number")]
    pub timeout_ms: Option<Int>,
    /// Allow a plain `http://` base URL. Default false.
    #[serde(rename = "allowInsecureHttp")]
    #[tsify(optional)]
    pub allow_insecure_http: Option<bool>,
    /// Largest recording `downloadRecordFile` buffers, in bytes (default 512 MiB,
    /// 1024..=2^31); the bytes stay in JS memory, never in the module's.
    #[serde(rename = "maxRecordingBytes")]
    #[tsify(optional, type = "number")]
    pub max_recording_bytes: Option<Int>,
}

impl std::fmt::Debug for CmsClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CmsClientConfig")
            .field("base_url", &self.base_url)
            .field("keys", &"<redacted>")
            .finish()
    }
}

/// A CC-CMS client: validated base URL, AK/SK and timeout.
#[derive(Debug)]
pub struct CmsClient {
    base_url: BaseUrl,
    credentials: CmsCredentials,
    timeout_ms: u32,
    body_limit: BodyLimit,
}

impl CmsClient {
    /// Validates `config`.
    pub fn new(config: CmsClientConfig) -> Result<Self, Error> {
        let v = |e: ValidationError| Error::validation(CMS_CLIENT, e);
        let (base_url, timeout_ms) = config::connection(
            &config.base_url,
            config.allow_insecure_http,
            config.timeout_ms,
            config::DEFAULT_CMS_TIMEOUT_MS,
        )
        .map_err(v)?;
        let credentials = CmsCredentials::new(config.access_key, config.secret_key).map_err(v)?;
        let bytes = config::body_limit(
            MAX_RECORDING_BYTES,
            config.max_recording_bytes,
            config::DEFAULT_MAX_RECORDING_BYTES,
        )
        .map_err(v)?;
        Ok(Self {
            base_url,
            credentials,
            timeout_ms,
            body_limit: BodyLimit {
                bytes,
                option: MAX_RECORDING_BYTES,
            },
        })
    }

    /// The most bytes a recording may have (`maxRecordingBytes`).
    pub fn body_limit(&self) -> BodyLimit {
        self.body_limit
    }

    /// The timeout for a call with `options`.
    pub fn timeout_for(&self, options: CallOptions) -> u32 {
        options.timeout_ms.unwrap_or(self.timeout_ms)
    }

    /// Validates and signs a download request at signing time `timestamp`.
    pub fn prepare_download(
        &self,
        req: &DownloadRecordFileRequest,
        timestamp: &str,
    ) -> Result<HttpRequest, Error> {
        req.to_http(&self.base_url, &self.credentials, timestamp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::recordplay::NetPlayRequest;
    use serde_json::json;

    fn client(extra: serde_json::Value) -> Result<GatewayClient, Error> {
        let mut cfg = json!({"baseUrl": "https://10.0.0.1:8043", "agentId": "1001"});
        if let (Some(c), Some(e)) = (cfg.as_object_mut(), extra.as_object()) {
            c.extend(e.clone());
        }
        GatewayClient::new(crate::json::from_value(cfg).unwrap())
    }

    fn netplay() -> NetPlayRequest {
        NetPlayRequest::builder()
            .file_name("f.V3")
            .cc_id(1)
            .build()
            .unwrap()
    }

    #[test]
    fn agent_id_max_widens_agent_id_and_work_no_for_that_client_only() {
        let intercept = |w: &str| crate::qualitycontrol::InterceptRequest {
            work_no: Text(w.to_owned()),
            call_id: None,
        };
        let wide = client(json!({"agentId": "999999", "agentIdMax": 999999, "guid": "g"})).unwrap();
        assert!(wide.prepare(&intercept("654321")).is_ok());
        let narrow = client(json!({"guid": "g"})).unwrap();
        let e = narrow.prepare(&intercept("654321")).unwrap_err();
        assert!(
            matches!(&e.kind, ErrorKind::Validation(v) if v.field == "workNo" && v.rule == "range"),
            "{e}"
        );
        assert!(client(json!({"agentId": "100000"})).is_err());
        let e = client(json!({"agentIdMax": 100000})).unwrap_err();
        assert!(
            matches!(&e.kind, ErrorKind::Validation(v) if v.field == "agentIdMax" && v.rule == "oneOf"),
            "{e}"
        );
    }

    #[test]
    fn config_validation_names_field_rule_value() {
        let e = client(json!({"agentId": 42})).unwrap_err();
        assert_eq!(e.operation, AGENT_CLIENT);
        assert!(
            matches!(&e.kind, ErrorKind::Validation(v) if v.field == "agentId" && v.rule == "range" && v.value == "\"42\""),
            "{e}"
        );
        assert!(client(json!({"timeoutMs": 0})).is_err());
        assert!(client(json!({"baseUrl": "http://127.0.0.1:9"})).is_err());
        assert!(
            client(json!({"baseUrl": "http://127.0.0.1:9", "allowInsecureHttp": true})).is_ok()
        );
        let e = client(json!({"guid": "a b"})).unwrap_err().to_string();
        assert!(e.contains("guid") && !e.contains("a b"), "{e}");
    }

    #[test]
    fn guid_is_required_and_sent() {
        let c = client(json!({})).unwrap();
        let e = c.prepare(&netplay()).unwrap_err();
        // Nothing was wrong with the input: the client is not signed in yet.
        assert!(matches!(&e.kind, ErrorKind::State { message } if message.contains("sign in")));
        c.set_guid("g1.AgentGateway1").unwrap();
        let r = c.prepare(&netplay()).unwrap();
        assert_eq!(
            r.url,
            "https://10.0.0.1:8043/agentgateway/resource/recordplay/1001/netplay"
        );
        assert_eq!(r.header("Guid"), Some("g1.AgentGateway1"));
        assert_eq!(
            r.header("Content-Type"),
            Some("application/json; charset=UTF-8")
        );
        assert!(!format!("{c:?}").contains("g1.AgentGateway1"));
    }

    #[test]
    fn set_guid_header_rotates_the_guid_or_is_refused() {
        let c = client(json!({"guid": "old"})).unwrap();
        let head = |v: &str| ResponseHead {
            status: 200,
            set_guid: Some(v.into()),
            ..Default::default()
        };
        let sent = |c: &GatewayClient| {
            c.prepare(&netplay())
                .unwrap()
                .header("Guid")
                .map(str::to_owned)
        };
        c.take_rotated_guid("getAgentEvent", &ResponseHead::default())
            .unwrap();
        assert_eq!(sent(&c).as_deref(), Some("old"), "no header, no change");
        c.take_rotated_guid("login", &head("JSESSIONID=new.AgentGateway2; Path=/"))
            .unwrap();
        assert_eq!(sent(&c).as_deref(), Some("new.AgentGateway2"));
        for bad in [
            "FOO=secret-1",
            "secret-1",
            "JSESSIONID=secret 1",
            "JSESSIONID=",
        ] {
            let e = c.take_rotated_guid("login", &head(bad)).unwrap_err();
            assert_eq!((e.operation, e.kind_name()), ("login", "decode"), "{bad}");
            let text = e.to_string();
            assert!(
                text.contains("`Set-GUID`") && !text.contains("secret"),
                "{text}"
            );
            assert_eq!(sent(&c).as_deref(), Some("new.AgentGateway2"), "{bad}");
        }
        let e = c
            .take_rotated_guid("login", &head("JSESSIONID=a b"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "login: bad response at `Set-GUID`: refused: its Guid must be 1..=256 visible ASCII \
             characters (no spaces or line breaks); the previous Guid is kept"
        );
    }

    #[test]
    fn invalid_requests_never_become_http_requests() {
        let c = client(json!({"guid": "g"})).unwrap();
        let bad = NetPlayRequest {
            file_name: "x".repeat(101),
            ..netplay()
        };
        let e = c.prepare(&bad).unwrap_err();
        assert_eq!(e.operation, "beginNetPlay");
        assert_eq!(
            e.to_string(),
            "beginNetPlay: invalid fileName must have at most 100 characters: got 101 characters"
        );
    }

    #[test]
    fn cms_client_never_shows_keys() {
        let cfg: CmsClientConfig = crate::json::from_value(
            json!({"baseUrl": "https://h:1", "accessKey": "AKX", "secretKey": "SKX"}),
        )
        .unwrap();
        assert!(!format!("{cfg:?}").contains("SKX"));
        let c = CmsClient::new(cfg).unwrap();
        let s = format!("{c:?}");
        assert!(!s.contains("SKX") && !s.contains("AKX"), "{s}");
        let cfg: CmsClientConfig = crate::json::from_value(
            json!({"baseUrl": "https://h:1", "accessKey": "AK", "secretKey": ""}),
        )
        .unwrap();
        let e = CmsClient::new(cfg).unwrap_err();
        assert!(
            matches!(&e.kind, ErrorKind::Validation(v) if v.field == "secretKey" && v.value == "<redacted>")
        );
    }
}
