//! Sign-in (`login`) and forced sign-in (`forceLogin`).
//!
//! Vendor pages: "Signing In" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1202.html>)
//! and "Forcibly Signing In" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1203.html>).
//! No `Guid` header: a successful answer carries `Set-GUID: JSESSIONID=<guid>`. Retcode
//! 100-002 means "already signed in; use forced sign-in". Start polling events at once: an
//! agent nobody polls for is signed out after 2 minutes.

use crate::de::{Int, Text};
use crate::envelope::{decode_result, DecodeError};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{json_body, FromResult, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `password`: "≤ 32 characters".
pub const PASSWORD_MAX_LEN: usize = 32;
/// `phonenum`: "≤ 24 characters".
pub const PHONE_MAX_LEN: usize = 24;
/// `agenttype`: 4 = PC + phone, 11 = PC + phone video.
pub const AGENT_TYPES: &[i64] = &[4, 11];
/// `status` after sign-in: 4 = idle, 5 = work (UNCERTAIN: the doc text was truncated).
pub const SIGN_IN_STATUSES: &[i64] = &[4, 5];
/// `serviceToken` (push mode): at most 50 characters, no special characters.
pub const SERVICE_TOKEN_MAX_LEN: usize = 50;
/// Longest `callBackUri` accepted (not documented; a sanity bound).
pub const CALLBACK_URI_MAX_LEN: usize = 1024;

/// Body of the sign-in and forced sign-in requests.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    /// Password of the agent's employee ID on the CTI platform (at most 32 characters). Never
    /// shown in errors.
    pub password: String,
    /// Softphone number (at most 24 characters).
    #[tsify(type = "string | number")]
    pub phonenum: Text,
    /// Answer calls automatically (server default true).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub autoanswer: Option<bool>,
    /// Return to idle automatically after a call (server default true).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub autoenteridle: Option<bool>,
    /// Hang the phone up after a call (server default true).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub releasephone: Option<bool>,
    /// 4 = PC + phone (default), 11 = PC + phone video.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "4 | 11")]
    pub agenttype: Option<Int>,
    /// State after sign-in: 4 = idle (default), 5 = work (UNCERTAIN).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "4 | 5")]
    pub status: Option<Int>,
    /// Agent IP address (UNCERTAIN limits).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub ip: Option<String>,
    /// Push mode: where the gateway posts events (send together with `serviceToken`).
    #[serde(rename = "callBackUri", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub call_back_uri: Option<String>,
    /// Push mode: token the gateway sends with pushed events (with `callBackUri`). A secret.
    #[serde(rename = "serviceToken", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub service_token: Option<String>,
}

impl std::fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("phonenum", &self.phonenum)
            .finish_non_exhaustive()
    }
}

impl SignInRequest {
    /// A sign-in with the required fields.
    pub fn new(password: impl Into<String>, phonenum: impl Into<String>) -> Self {
        Self {
            password: password.into(),
            phonenum: Text(phonenum.into()),
            autoanswer: None,
            autoenteridle: None,
            releasephone: None,
            agenttype: None,
            status: None,
            ip: None,
            call_back_uri: None,
            service_token: None,
        }
    }

    /// Push mode: both `callBackUri` and `serviceToken` are given (otherwise polling mode).
    pub fn is_push_mode(&self) -> bool {
        self.call_back_uri.is_some() && self.service_token.is_some()
    }

    /// Checks every documented rule (shared by sign-in and forced sign-in).
    pub fn check(&self) -> Result<(), ValidationError> {
        password("password", &self.password, false)?;
        validation::required("phonenum", self.phonenum.as_str())?;
        validation::max_length("phonenum", self.phonenum.as_str(), PHONE_MAX_LEN)?;
        check_type_and_status(self.agenttype, self.status)?;
        if let Some(ip) = &self.ip {
            validation::max_length("ip", ip, 64)?;
            printable("ip", ip)?;
        }
        if let Some(uri) = &self.call_back_uri {
            validation::required("callBackUri", uri)?;
            validation::max_length("callBackUri", uri, CALLBACK_URI_MAX_LEN)?;
            printable("callBackUri", uri)?;
        }
        if let Some(token) = &self.service_token {
            service_token("serviceToken", token)?;
        }
        Ok(())
    }
}

/// Password rule: at most 32 characters, required unless `may_be_empty`; never echoed.
pub fn password(field: &str, value: &str, may_be_empty: bool) -> Result<(), ValidationError> {
    if value.is_empty() && !may_be_empty {
        return Err(validation::invalid(
            field,
            "required",
            "is required",
            "<redacted>",
        ));
    }
    if validation::java_length(value) > PASSWORD_MAX_LEN {
        return Err(validation::invalid(
            field,
            "maxLength",
            format!("must have at most {PASSWORD_MAX_LEN} characters"),
            "<redacted>",
        ));
    }
    Ok(())
}

/// `agenttype` and `status`, when given, are among the documented values.
pub fn check_type_and_status(
    agenttype: Option<Int>,
    status: Option<Int>,
) -> Result<(), ValidationError> {
    if let Some(Int(t)) = agenttype {
        validation::one_of("agenttype", t, AGENT_TYPES)?;
    }
    if let Some(Int(s)) = status {
        validation::one_of("status", s, SIGN_IN_STATUSES)?;
    }
    Ok(())
}

/// Push-mode token: 1..=50 characters of `A-Z a-z 0-9 _ -`; never echoed.
pub fn service_token(field: &str, value: &str) -> Result<(), ValidationError> {
    let ok = !value.is_empty()
        && value.len() <= SERVICE_TOKEN_MAX_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !ok {
        return Err(validation::invalid(
            field,
            "format",
            "must be 1..=50 characters of A-Z a-z 0-9 _ -",
            "<redacted>",
        ));
    }
    Ok(())
}

fn printable(field: &str, value: &str) -> Result<(), ValidationError> {
    if value.chars().any(char::is_control) {
        return Err(validation::invalid(
            field,
            "format",
            "must not contain control characters",
            validation::shown(value),
        ));
    }
    Ok(())
}

/// What a successful sign-in returns (all optional: the vendor shows several shapes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct SignInResult {
    /// The agent ID.
    #[tsify(type = "string | null")]
    pub workno: Option<Text>,
    /// One T/F per medium signed in: CTI, WebM, MailM (e.g. "TTT").
    #[tsify(type = "string | null")]
    pub mediatype: Option<Text>,
    /// The agent's VDN ID.
    #[tsify(type = "number | null")]
    pub vdnid: Option<Int>,
}

impl FromResult for SignInResult {
    fn from_result(_message: String, result: Option<&str>) -> Result<Self, DecodeError> {
        match result.map(str::trim) {
            None | Some("null") | Some("\"\"") | Some("{}") => Ok(Self::default()),
            Some(raw) => decode_result(raw),
        }
    }
}

/// `PUT /onlineagent/{agentid}` (`login`) when `FORCE` is false, or
/// `PUT /onlineagent/{agentid}/forcelogin` (`forceLogin`) when true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn<const FORCE: bool>(pub SignInRequest);

impl<const FORCE: bool> Operation for SignIn<FORCE> {
    const LOG_NAME: &'static str = if FORCE { "forceLogin" } else { "login" };
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &[
        "100-001", "100-002", "100-003", "100-004", "100-011", "100-012", "100-013", "100-014",
        "100-015", "100-016",
    ];
    const NEEDS_GUID: bool = false;
    type Output = SignInResult;

    fn path(&self, agent_id: &AgentId) -> String {
        let suffix = if FORCE { "/forcelogin" } else { "" };
        format!("/onlineagent/{}{suffix}", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        self.0.check()
    }

    fn body(&self) -> Option<String> {
        json_body(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_and_force_login_share_the_body() {
        let req: SignInRequest = crate::json::from_str(
            r#"{"password":"p@ss","phonenum":70001,"agenttype":"4","autoanswer":false}"#,
        )
        .unwrap();
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(SignIn::<false>(req.clone()).path(&id), "/onlineagent/1001");
        assert_eq!(
            SignIn::<true>(req.clone()).path(&id),
            "/onlineagent/1001/forcelogin"
        );
        assert_eq!(
            (SignIn::<false>::LOG_NAME, SignIn::<true>::LOG_NAME),
            ("login", "forceLogin")
        );
        const { assert!(!SignIn::<false>::NEEDS_GUID) };
        assert_eq!(
            SignIn::<false>(req).body().unwrap(),
            r#"{"password":"p@ss","phonenum":"70001","autoanswer":false,"agenttype":4}"#
        );
    }

    #[test]
    fn rules_never_echo_secrets() {
        let ok = SignInRequest::new("secret-pw", "70001");
        assert!(ok.check().is_ok());
        let long = SignInRequest::new("x".repeat(33), "70001");
        let e = long.check().unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.rule, e.value.as_str()),
            ("password", "maxLength", "<redacted>")
        );
        assert_eq!(
            SignInRequest::new("", "1").check().err().map(|e| e.rule),
            Some("required")
        );
        assert_eq!(
            SignInRequest::new("p", "1".repeat(25))
                .check()
                .err()
                .map(|e| e.field),
            Some("phonenum".to_owned())
        );
        let bad_type = SignInRequest {
            agenttype: Some(Int(5)),
            ..ok.clone()
        };
        assert_eq!(bad_type.check().err().map(|e| e.rule), Some("oneOf"));
        let token = SignInRequest {
            service_token: Some("has space".into()),
            ..ok.clone()
        };
        let e = token.check().unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.value.as_str()),
            ("serviceToken", "<redacted>")
        );
        assert!(!format!("{ok:?}").contains("secret-pw"));
        let push = SignInRequest {
            call_back_uri: Some("https://app/cb".into()),
            service_token: Some("tok_1".into()),
            ..ok
        };
        assert!(push.is_push_mode() && push.check().is_ok());
    }

    #[test]
    fn result_shapes() {
        let r = SignInResult::from_result(
            String::new(),
            Some(r#"{"workno":"6001","mediatype":"TTT"}"#),
        )
        .unwrap();
        assert_eq!(
            (r.workno, r.mediatype, r.vdnid),
            (Some(Text("6001".into())), Some(Text("TTT".into())), None)
        );
        assert_eq!(
            SignInResult::from_result(String::new(), Some("\"\"")).unwrap(),
            SignInResult::default()
        );
        assert_eq!(
            SignInResult::from_result(String::new(), None).unwrap(),
            SignInResult::default()
        );
    }
}
