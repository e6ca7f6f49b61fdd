//! Test helpers shared by the call-control operation tests.

use crate::error::ErrorKind;
use crate::http::ResponseHead;
use crate::operation::{parse_response, Operation};
use crate::validation::AgentId;

/// Agent 1001.
pub fn agent() -> AgentId {
    AgentId::parse("agentId", "1001").unwrap()
}

/// `op`'s path for agent 1001.
pub fn path<O: Operation>(op: &O) -> String {
    op.path(&agent())
}

/// The field and rule `op` breaks, if any.
pub fn broken<O: Operation>(op: &O) -> Option<(String, &'static str)> {
    op.validate().err().map(|e| (e.field, e.rule))
}

/// `body` decoded as `O`'s answer.
pub fn answer<O: Operation>(body: &str) -> Result<O::Output, crate::Error> {
    let head = ResponseHead {
        status: 200,
        ..Default::default()
    };
    parse_response::<O>(&head, body.as_bytes())
}

/// Every retcode `O` documents fails the call as kind `service` with a meaning, naming `O`.
pub fn documented_failures<O: Operation>() {
    assert!(!O::DOCUMENTED_RETCODES.is_empty(), "{}", O::LOG_NAME);
    for code in O::DOCUMENTED_RETCODES {
        let e = answer::<O>(&format!(r#"{{"message":"no","retcode":"{code}"}}"#))
            .err()
            .unwrap();
        assert_eq!(e.operation, O::LOG_NAME);
        assert!(
            matches!(e.kind, ErrorKind::Service { ref retcode, meaning: Some(_), .. } if retcode == code),
            "{}: {code}: {e:?}",
            O::LOG_NAME
        );
    }
}

/// The JSON body `op` sends.
pub fn body<O: Operation>(op: &O) -> serde_json::Value {
    serde_json::from_str(&op.body().expect("a body")).unwrap()
}
