//! CC-CMS downloadRecordFile: C2 signature checks, WAV and ZIP downloads (in-process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{SystemTime, UNIX_EPOCH};

use cec_agent::cms::signing::{authorization, SigningInput};
use cec_agent::cms::{CmsCredentials, DownloadRecordFileRequest};
use cec_agent::config::BaseUrl;
use cec_agent::time::format_sign_timestamp;
use cec_sim::cms::{c2_authorization, C2Request};
use common::{Resp, Sim, JSON};
use serde_json::json;

const PATH: &str = "/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile";
const HOST: &str = "127.0.0.1:28443";

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as f64
}

fn sign(body: &str, ts_ms: f64, sk: &str) -> String {
    sign_host(HOST, body, ts_ms, sk)
}

/// The client's signature, for `host`.
fn sign_host(host: &str, body: &str, ts_ms: f64, sk: &str) -> String {
    authorization(&SigningInput {
        access_key: "AK_EXAMPLE_0001",
        secret_key: sk,
        timestamp: &format_sign_timestamp(ts_ms),
        method: "POST",
        path: PATH,
        query: &[],
        host,
        body,
    })
}

async fn download(sim: &Sim, body: &str, auth: &str) -> Resp {
    sim.send(
        "POST",
        PATH,
        &[
            ("content-type", JSON),
            ("host", HOST),
            ("authorization", auth),
        ],
        body,
    )
    .await
}

fn body_for(call_id: &str) -> String {
    json!({"callID": call_id, "workNo": "", "beginTime": "", "callerNo": "", "calleeNo": ""})
        .to_string()
}

fn assert_401(r: &Resp, what: &str) {
    assert_eq!(r.status, 401, "{what}");
    assert_eq!(
        r.json(),
        json!({"resultCode": "0401", "resultDesc": "authentication failed", "resultData": ""}),
        "{what}"
    );
}

#[tokio::test]
async fn valid_signature_downloads_wav() {
    let sim = Sim::new();
    let body = body_for("1700000000-1");
    let r = download(&sim, &body, &sign(&body, now_ms(), "SK_EXAMPLE_SECRET")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("audio/wav"));
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"1700000000-1.wav\"")
    );
    assert_eq!(&r.body[0..4], b"RIFF");
    assert_eq!(&r.body[8..12], b"WAVE");
    assert_eq!(
        u16::from_le_bytes([r.body[20], r.body[21]]),
        6,
        "A-law format tag"
    );
    assert_eq!(
        u32::from_le_bytes([r.body[24], r.body[25], r.body[26], r.body[27]]),
        8000
    );
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn bad_signatures_are_401() {
    let sim = Sim::new();
    let body = body_for("1700000000-1");
    let good = sign(&body, now_ms(), "SK_EXAMPLE_SECRET");
    // Tampered signature, body, host, key, clock, AK, signed headers, missing header.
    let mut tampered = good.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == '0' { '1' } else { '0' });
    assert_401(
        &download(&sim, &body, &tampered).await,
        "tampered signature",
    );
    assert_401(
        &download(&sim, &body_for("1700000000-2"), &good).await,
        "other body",
    );
    assert_401(
        &download(&sim, &body, &sign(&body, now_ms(), "SK_OTHER")).await,
        "wrong SK",
    );
    assert_401(
        &download(
            &sim,
            &body,
            &sign(&body, now_ms() - 16.0 * 60_000.0, "SK_EXAMPLE_SECRET"),
        )
        .await,
        "too old",
    );
    assert_401(
        &download(
            &sim,
            &body,
            &sign(&body, now_ms() + 16.0 * 60_000.0, "SK_EXAMPLE_SECRET"),
        )
        .await,
        "in the future",
    );
    assert_401(
        &download(&sim, &body, &good.replace("AK_EXAMPLE_0001", "AK_OTHER")).await,
        "other AK",
    );
    assert_401(
        &download(&sim, &body, &good.replace("/host/", "/content-type;host/")).await,
        "signed headers",
    );
    assert_401(&download(&sim, &body, "garbage").await, "garbage");
    let r = sim
        .send(
            "POST",
            PATH,
            &[("content-type", JSON), ("host", "10.0.0.1:1")],
            &body,
        )
        .await;
    assert_401(&r, "missing Authorization");
    let r = sim
        .send(
            "POST",
            PATH,
            &[
                ("content-type", JSON),
                ("host", "10.0.0.1:1"),
                ("authorization", &good),
            ],
            &body,
        )
        .await;
    assert_401(&r, "other host");
    // Clock skew inside the window is accepted.
    let r = download(
        &sim,
        &body,
        &sign(&body, now_ms() - 14.0 * 60_000.0, "SK_EXAMPLE_SECRET"),
    )
    .await;
    assert_eq!(r.status, 200);
}

/// The simulator's own C2 check against the worked example of the facts file §5
/// (`../shared/reference/cms-signature-example.py`).
#[test]
fn own_verifier_matches_the_vendor_worked_example() {
    let req = C2Request {
        method: "POST",
        path: PATH,
        query: "",
        host: b"10.0.0.1:28443",
        body: br#"{"callID":"1700000000-123","workNo":"1001"}"#,
    };
    let auth = c2_authorization(
        "AK_EXAMPLE_0001",
        "SK_EXAMPLE_SECRET",
        "2024-01-02T03:04:05Z",
        &req,
    );
    assert_eq!(
        auth.as_deref(),
        Some("auth-v2/AK_EXAMPLE_0001/2024-01-02T03:04:05Z/host/e3e753102fdaa87fcdf63fd88753fcfed2a29990d2f2fdde1146bbbca3264649")
    );
    // The host is signed byte for byte as received: another case is another signature.
    let upper = c2_authorization(
        "AK_EXAMPLE_0001",
        "SK_EXAMPLE_SECRET",
        "2024-01-02T03:04:05Z",
        &C2Request {
            host: b"CMS.EXAMPLE.COM:28443",
            ..req
        },
    );
    let lower = c2_authorization(
        "AK_EXAMPLE_0001",
        "SK_EXAMPLE_SECRET",
        "2024-01-02T03:04:05Z",
        &C2Request {
            host: b"cms.example.com:28443",
            ..req
        },
    );
    assert_ne!(upper, lower);
}

/// A real CC-CMS signs the `Host` it received; a request signed over the host as written in
/// an upper-case `baseUrl` is refused.
#[tokio::test]
async fn host_signed_in_other_case_than_sent_is_401() {
    let sim = Sim::new();
    let body = body_for("1700000000-1");
    let send = |auth: String| {
        let body = body.clone();
        let sim = &sim;
        async move {
            sim.send(
                "POST",
                PATH,
                &[
                    ("content-type", JSON),
                    ("host", "cms.example.com:28443"),
                    ("authorization", &auth),
                ],
                &body,
            )
            .await
        }
    };
    let upper = sign_host(
        "CMS.EXAMPLE.COM:28443",
        &body,
        now_ms(),
        "SK_EXAMPLE_SECRET",
    );
    assert_401(&send(upper).await, "upper-case host signed");
    let zero = sign_host(
        "cms.example.com:028443",
        &body,
        now_ms(),
        "SK_EXAMPLE_SECRET",
    );
    assert_401(&send(zero).await, "leading-zero port signed");
    let sent = sign_host(
        "cms.example.com:28443",
        &body,
        now_ms(),
        "SK_EXAMPLE_SECRET",
    );
    assert_eq!(send(sent).await.status, 200);
}

/// The client's request for an upper-case, leading-zero-port or long-IPv6 `baseUrl`, sent
/// with the `Host` that `fetch` sends for it (`new URL(baseUrl).host` in Node 20), passes the
/// simulator's own check.
#[tokio::test]
async fn client_request_for_a_non_normal_base_url_is_accepted() {
    let sim = Sim::new();
    let creds = CmsCredentials::new("AK_EXAMPLE_0001", "SK_EXAMPLE_SECRET").unwrap();
    for (base_url, host) in [
        ("https://CMS.Example.COM:028443", "cms.example.com:28443"),
        ("https://CMS.Example.COM:08443", "cms.example.com:8443"),
        ("https://[FE80:0::1]:443", "[fe80::1]"),
    ] {
        let base = BaseUrl::parse("baseUrl", base_url, false).unwrap();
        let http = DownloadRecordFileRequest::new("1700000000-1")
            .to_http(&base, &creds, &format_sign_timestamp(now_ms()))
            .unwrap();
        let r = sim
            .send(
                "POST",
                PATH,
                &[
                    ("content-type", JSON),
                    ("host", host),
                    ("authorization", http.header("Authorization").unwrap()),
                ],
                http.body.as_deref().unwrap(),
            )
            .await;
        assert_eq!(r.status, 200, "{base_url} sent with Host: {host}");
        assert_eq!(http.url, format!("https://{host}{PATH}"), "{base_url}");
    }
}

#[tokio::test]
async fn two_recordings_come_as_a_valid_zip() {
    let sim = Sim::new();
    let body = body_for("1700000000-2");
    let r = download(&sim, &body, &sign(&body, now_ms(), "SK_EXAMPLE_SECRET")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/zip"));
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"1700000000-2.zip\"")
    );
    check_zip_structure(&r.body);

    let dir = std::env::temp_dir().join(format!("cec-sim-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rec.zip");
    std::fs::write(&file, &r.body).unwrap();
    let script = "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; \
                  assert all(z.read(n)[:4]==b'RIFF' for n in z.namelist()); print(len(z.namelist()))";
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "2");
        }
        Err(e) => eprintln!("python3 unavailable ({e}); structural check only"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn u16_at(b: &[u8], i: usize) -> usize {
    usize::from(u16::from_le_bytes([b[i], b[i + 1]]))
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

/// Walks the end record, central directory and local headers and checks every CRC.
fn check_zip_structure(zip: &[u8]) {
    let end = zip.len() - 22;
    assert_eq!(u32_at(zip, end), 0x0605_4b50);
    assert_eq!(u16_at(zip, end + 10), 2);
    let mut cd = u32_at(zip, end + 16) as usize;
    assert_eq!(cd + u32_at(zip, end + 12) as usize, end);
    for _ in 0..2 {
        assert_eq!(u32_at(zip, cd), 0x0201_4b50);
        let (crc, size, name_len) = (
            u32_at(zip, cd + 16),
            u32_at(zip, cd + 20) as usize,
            u16_at(zip, cd + 28),
        );
        let local = u32_at(zip, cd + 42) as usize;
        assert_eq!(u32_at(zip, local), 0x0403_4b50);
        assert_eq!(u16_at(zip, local + 8), 0, "stored");
        assert_eq!(u32_at(zip, local + 14), crc);
        let data = local + 30 + u16_at(zip, local + 26);
        assert_eq!(crc32fast::hash(&zip[data..data + size]), crc);
        assert_eq!(&zip[data..data + 4], b"RIFF");
        cd += 46 + name_len;
    }
}

#[tokio::test]
async fn unknown_call_and_body_errors() {
    let sim = Sim::new();
    let body = r#"{ "callID": "1748587841-77268", "workNo": "", "beginTime": "", "callerNo": "", "calleeNo": "" }"#;
    let r = download(&sim, body, &sign(body, now_ms(), "SK_EXAMPLE_SECRET")).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type"),
        Some("application/json;charset=UTF-8")
    );
    assert_eq!(
        r.json(),
        json!({"resultData": "", "resultCode": "1", "resultDesc": "Record List is empty"})
    );

    for (body, desc) in [
        (r#"{"workNo":"1001"}"#, "callID is required"),
        (r#"{"callID":""}"#, "callID is required"),
        (r#"{"callID":7}"#, "callID is required"),
        (
            r#"{"callID":"1700000000-1","beginTime":"2024-01-01"}"#,
            "beginTime is invalid",
        ),
        (
            r#"{"callID":"1700000000-1","workNo":1001}"#,
            "workNo is invalid",
        ),
    ] {
        let r = download(&sim, body, &sign(body, now_ms(), "SK_EXAMPLE_SECRET")).await;
        assert_eq!(r.status, 200, "{body}");
        assert_eq!(
            r.json(),
            json!({"resultCode": "1", "resultDesc": desc, "resultData": ""}),
            "{body}"
        );
    }
    let ok = r#"{"callID":"1700000000-1","beginTime":"20231114221320"}"#;
    assert_eq!(
        download(&sim, ok, &sign(ok, now_ms(), "SK_EXAMPLE_SECRET"))
            .await
            .status,
        200
    );
    let r = sim
        .send(
            "POST",
            PATH,
            &[
                ("content-type", "text/plain"),
                ("host", HOST),
                ("authorization", &sign(ok, now_ms(), "SK_EXAMPLE_SECRET")),
            ],
            ok,
        )
        .await;
    assert_eq!(r.status, 415);
}
