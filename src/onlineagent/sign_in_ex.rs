//! Platform-only sign-in (`loginEx`): signs in to the CCS only and uses no license.
//! Vendor page: <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1224.html>.

use super::sign_in::{check_type_and_status, password, SignInResult, PHONE_MAX_LEN};
use crate::de::{Int, Text};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{json_body, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// Body of `PUT /onlineagent/{agentid}/loginex` (`loginEx`).
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct SignInExRequest {
    /// Password (at most 32 characters; may be empty). Never shown in errors.
    #[serde(default)]
    #[tsify(optional)]
    pub password: String,
    /// Softphone number (at most 24 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string | number")]
    pub phonenum: Option<Text>,
    /// 4 = PC + phone, 11 = PC + phone video.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "4 | 11")]
    pub agenttype: Option<Int>,
    /// State after sign-in: 4 = idle, 5 = work (UNCERTAIN).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "4 | 5")]
    pub status: Option<Int>,
}

impl std::fmt::Debug for SignInExRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInExRequest")
            .field("phonenum", &self.phonenum)
            .finish_non_exhaustive()
    }
}

impl Operation for SignInExRequest {
    const LOG_NAME: &'static str = "loginEx";
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["100-001", "100-002", "100-003", "100-004", "100-012"];
    const NEEDS_GUID: bool = false;
    type Output = SignInResult;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/onlineagent/{}/loginex", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        password("password", &self.password, true)?;
        if let Some(p) = &self.phonenum {
            validation::max_length("phonenum", p.as_str(), PHONE_MAX_LEN)?;
        }
        check_type_and_status(self.agenttype, self.status)
    }

    fn body(&self) -> Option<String> {
        json_body(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_password_is_allowed_and_path() {
        let req: SignInExRequest = crate::json::from_str(r#"{"agenttype":11}"#).unwrap();
        assert!(req.validate().is_ok());
        assert_eq!(req.body().unwrap(), r#"{"password":"","agenttype":11}"#);
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(req.path(&id), "/onlineagent/1001/loginex");
        let bad = SignInExRequest {
            status: Some(Int(7)),
            ..req
        };
        assert_eq!(
            bad.validate().err().map(|e| e.field),
            Some("status".to_owned())
        );
    }
}
