//! `Set-GUID` reaches the wire in exactly the vendor's case (raw HTTP/1 bytes over TCP).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cec_sim::{Config, Shared};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Sends `request` on a fresh connection and returns the response head.
async fn raw_head(port: u16, request: &str) -> String {
    let mut conn = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    conn.write_all(request.as_bytes()).await.unwrap();
    let mut bytes = Vec::new();
    let mut buf = [0u8; 4096];
    while !bytes.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = conn.read(&mut buf).await.unwrap();
        assert!(n > 0, "connection closed before the head ended");
        bytes.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[tokio::test]
async fn sign_in_and_update_guid_write_set_guid_in_that_case() {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = tokio::spawn(cec_sim::serve(
        listener,
        Shared::new(Config::default()),
        std::future::pending(),
    ));
    let body = r#"{"password":"pw","phonenum":"70001"}"#;
    let head = raw_head(
        port,
        &format!(
            "PUT /agentgateway/resource/onlineagent/1001 HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Content-Type: application/json; charset=UTF-8\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        ),
    )
    .await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.contains("\r\nSet-GUID: JSESSIONID="), "{head}");
    assert!(
        !head.contains("set-guid") && !head.contains("Set-Guid"),
        "{head}"
    );
    // Other names are unchanged (lower case, as hyper writes them), and browsers may read
    // the Guid across origins.
    assert!(
        head.contains("\r\naccess-control-expose-headers: Set-GUID"),
        "{head}"
    );
    let guid = head
        .split("Set-GUID: JSESSIONID=")
        .nth(1)
        .and_then(|rest| rest.split("\r\n").next())
        .unwrap()
        .to_owned();
    // The rotated Guid of updateGuid comes the same way.
    let head = raw_head(
        port,
        &format!(
            "PUT /agentgateway/resource/onlineagent/1001/updateGuid HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Content-Type: application/json; charset=UTF-8\r\nGuid: {guid}\r\nContent-Length: 0\r\n\
             Connection: close\r\n\r\n"
        ),
    )
    .await;
    assert!(head.contains("\r\nSet-GUID: JSESSIONID="), "{head}");
    server.abort();
}
