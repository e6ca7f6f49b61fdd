//! Test helpers shared by the call-control operation tests (on top of `operation::parse_ok`
//! and `operation::documented_failure`).

use crate::operation::{documented_failure, parse_ok, Operation};
use crate::validation::AgentId;

pub use crate::operation::parse_ok as answer;

/// `op`'s path for agent 1001.
pub fn path<O: Operation>(op: &O) -> String {
    op.path(&AgentId::parse("agentId", "1001").unwrap())
}

/// The field and rule `op` breaks, if any.
pub fn broken<O: Operation>(op: &O) -> Option<(String, &'static str)> {
    op.validate().err().map(|e| (e.field, e.rule))
}

/// Every retcode `O` documents fails the call as kind `service` with a meaning, naming `O`.
pub fn documented_failures<O: Operation>() {
    assert!(!O::DOCUMENTED_RETCODES.is_empty(), "{}", O::LOG_NAME);
    for code in O::DOCUMENTED_RETCODES {
        let r = parse_ok::<O>(&format!(r#"{{"message":"no","retcode":"{code}"}}"#));
        assert_eq!(
            documented_failure(r),
            Some((O::LOG_NAME, (*code).to_owned())),
            "{}: {code}",
            O::LOG_NAME
        );
    }
}

/// The JSON body `op` sends.
pub fn body<O: Operation>(op: &O) -> serde_json::Value {
    serde_json::from_str(&op.body().expect("a body")).unwrap()
}
