//! Runs the real `cec-sim` binary: the CLI line, CORS preflight and a dropped connection
//! over raw HTTP/1.1, and clean stops on stdin EOF and SIGTERM.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

fn start(extra: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cec-sim"))
        .args(["--port", "0", "--max-seconds", "30"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("CEC_SIM_URL=http://")
        .unwrap_or_else(|| panic!("bad line {line:?}"))
        .to_string();
    assert!(
        addr.starts_with("127.0.0.1:") && addr.len() > "127.0.0.1:".len(),
        "{line}"
    );
    (child, addr)
}

async fn raw(addr: &str, request: String) -> Vec<u8> {
    timeout(LIMIT, async {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(request.as_bytes()).await.unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out).await;
        out
    })
    .await
    .expect("request timed out")
}

fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    panic!("simulator did not stop");
}

#[tokio::test]
async fn cli_line_preflight_drop_and_stdin_eof() {
    let (mut child, addr) = start(&["--exit-on-stdin-eof"]);
    let resp = raw(
        &addr,
        format!(
            "OPTIONS /agentgateway/resource/recordplay/1001/netplay HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://localhost:3000\r\n\
             Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type,guid\r\nConnection: close\r\n\r\n"
        ),
    )
    .await;
    let text = String::from_utf8_lossy(&resp).to_ascii_lowercase();
    assert!(text.starts_with("http/1.1 204"), "{text}");
    for h in [
        "access-control-allow-origin: *",
        "access-control-allow-methods: get, post, put, delete, options",
        "access-control-allow-headers: content-type, guid, authorization",
        "access-control-max-age: 600",
    ] {
        assert!(text.contains(h), "{h} missing in {text}");
    }

    let body = r#"{"pathContains":"netplay","kind":"drop"}"#;
    let armed = raw(
        &addr,
        format!("POST /__sim/faults HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len()),
    )
    .await;
    let armed = String::from_utf8_lossy(&armed).to_ascii_lowercase();
    assert!(
        armed.starts_with("http/1.1 200") && armed.contains("connection: close"),
        "{armed}"
    );
    let dropped = raw(
        &addr,
        format!("POST /agentgateway/resource/recordplay/1001/netplay HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}"),
    )
    .await;
    assert!(
        dropped.is_empty(),
        "a dropped request gets no bytes at all: {:?}",
        String::from_utf8_lossy(&dropped)
    );

    drop(child.stdin.take());
    assert!(wait_exit(&mut child).success());
}

#[tokio::test]
async fn stops_on_sigterm() {
    let (mut child, addr) = start(&[]);
    let resp = raw(
        &addr,
        format!("GET /__sim/agents/1001 HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
    .await;
    assert!(String::from_utf8_lossy(&resp).starts_with("HTTP/1.1 200"));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(wait_exit(&mut child).success());
}
