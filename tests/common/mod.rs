//! Shared by the property tests: the case budget and an arbitrary-JSON strategy.

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{Map, Value};

/// Fixed budget so the tests run in seconds; `PROPTEST_CASES=100000` runs a longer campaign.
pub fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Keys the decoders and validators care about, mixed with noise, so objects often hit a
/// real field with a value of the wrong type.
const KEYS: &[&str] = &[
    "fileName",
    "position",
    "playTime",
    "fileFormat",
    "ccId",
    "locationId",
    "workNo",
    "callId",
    "callID",
    "beginTime",
    "callerNo",
    "calleeNo",
    "baseUrl",
    "agentId",
    "guid",
    "timeoutMs",
    "allowInsecureHttp",
    "accessKey",
    "secretKey",
    "retcode",
    "message",
    "msg",
    "result",
    "event",
    "callid",
    "caller",
    "called",
    "callfeature",
    "begintime",
    "trace",
    "resultCode",
    "resultDesc",
    "x",
    "é\"\\",
];

/// A scalar JSON value, biased towards the shapes the API uses.
pub fn scalar() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-70_000i64..70_000).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[0-9]{0,6}".prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        "https?://[a-z0-9.:\\[\\]]{0,20}(/[a-z]{0,5})?".prop_map(Value::from),
    ]
    .boxed()
}

/// Any JSON value up to a small depth.
pub fn json() -> BoxedStrategy<Value> {
    scalar()
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(
                    |pairs| {
                        Value::Object(
                            pairs
                                .into_iter()
                                .map(|(k, v)| (k.to_owned(), v))
                                .collect::<Map<_, _>>(),
                        )
                    }
                ),
            ]
        })
        .boxed()
}

/// An object whose keys come from `keys` (plus the occasional stranger).
pub fn object_with(keys: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop::collection::vec(
        (
            prop_oneof![9 => prop::sample::select(keys), 1 => prop::sample::select(KEYS)],
            prop_oneof![4 => scalar(), 1 => json()],
        ),
        0..8,
    )
    .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
    .boxed()
}
