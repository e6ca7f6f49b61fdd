//! Rust-side cost of one call, natively (`cargo run --release --example bench_core`, run by
//! `.ci/bench`): decode the request JSON (what the JS edge hands over), validate, build the
//! HTTP request, decode a typical answer and encode the result JSON for JS. The baseline in the
//! same run is the least a hand-written client does: format the URL and serialize the body.
//! Medians of 15 rounds; fetch and the JS boundary (`JSON.stringify`/`JSON.parse`) are not
//! included. The JSON decode of the request stands in for the JS-to-Rust conversion.

#![allow(clippy::expect_used)]

use cec_agent::calldata::CallInfoBeforeAnswerRequest;
use cec_agent::client::{AgentClientConfig, GatewayClient};
use cec_agent::http::ResponseHead;
use cec_agent::operation::{parse_response, Operation};
use cec_agent::qualitycontrol::InterceptRequest;
use cec_agent::recordplay::NetPlayRequest;
use cec_agent::voicecall::ThirdPartyConfTransmitNumRequest;
use std::hint::black_box;
use std::time::Instant;

const ROUNDS: usize = 15;
const CALLS: u32 = 20_000;

fn median_ns(mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..CALLS {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(CALLS)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[ROUNDS / 2]
}

/// Validate and build `op`'s request, decode a typical answer and encode the result for JS.
fn call<O: Operation>(client: &GatewayClient, op: Option<O>, answer: &[u8]) -> Option<usize>
where
    O::Output: cec_agent::json::Encode,
{
    let http = client.prepare(&op?).ok()?;
    let head = ResponseHead {
        status: 200,
        ..Default::default()
    };
    let out = parse_response::<O>(&head, answer).ok()?;
    Some(http.url.len() + cec_agent::json::to_string(&out).len())
}

fn main() {
    let config: AgentClientConfig = cec_agent::json::from_str(
        r#"{"baseUrl":"https://10.0.0.1:8043","agentId":"1001","guid":"0f3c.AgentGateway1"}"#,
    )
    .expect("config");
    let client = GatewayClient::new(config).expect("client");
    let ack = br#"{"result":{},"message":"success","retcode":"0"}"#;
    let call_info = br#"{"message":"","retcode":"0","result":[{"callfeature":0,"callid":"1476070409-38","caller":"70001","called":"10086","callskill":"voice_jst","callskillid":3,"orgicallednum":"12345678","calldata":"","begintime":1476070413000,"endtime":null,"userPriority":0,"trunkNo":65535,"logontimes":0,"mediaType":5,"mediaAbility":1,"waitTime":0,"trace":null}]}"#;
    let netplay = r#"{"fileName":"Y:/12/0/20211019/155/1406470.V3","position":0,"playTime":1,"fileFormat":0,"ccId":1,"locationId":-1}"#;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Body {
        #[serde(rename = "fileName")]
        file_name: String,
        #[serde(rename = "ccId")]
        cc_id: i64,
    }
    let baseline = median_ns(|| {
        let b: Body = serde_json::from_str(black_box(r#"{"fileName":"Y:/a.V3","ccId":1}"#))
            .unwrap_or(Body {
                file_name: String::new(),
                cc_id: 0,
            });
        let url = format!(
            "https://10.0.0.1:8043/agentgateway/resource/recordplay/{}/netplay",
            black_box("1001")
        );
        let _ = black_box((url, serde_json::to_string(&b).map(|s| s.len())));
    });

    let rows: Vec<(&str, f64)> = vec![
        (
            "beginNetPlay",
            median_ns(|| {
                let op: Option<NetPlayRequest> = cec_agent::json::from_str(black_box(netplay)).ok();
                black_box(call(&client, op, ack));
            }),
        ),
        (
            "queryCallInfoBeforeAnswer",
            median_ns(|| {
                black_box(call(&client, Some(CallInfoBeforeAnswerRequest), call_info));
            }),
        ),
        (
            "thirdPartyConfTransmitNum",
            median_ns(|| {
                black_box(call(&client, Some(ThirdPartyConfTransmitNumRequest), ack));
            }),
        ),
        (
            "intercept",
            median_ns(|| {
                let op: Option<InterceptRequest> =
                    cec_agent::json::from_str(black_box(r#"{"workNo":"1002"}"#)).ok();
                black_box(call(&client, op, ack));
            }),
        ),
    ];
    println!(
        "\n## Rust-side cost per call, native release build (median of {ROUNDS} x {CALLS} calls)"
    );
    println!("| operation | cec-agent ns | hand-written baseline ns | ratio |");
    println!("|---|---|---|---|");
    for (name, ns) in rows {
        println!(
            "| {name} | {ns:.0} | {baseline:.0} | {:.2} |",
            ns / baseline
        );
    }
}
