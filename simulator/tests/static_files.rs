//! `--static DIR`: files with their content types and the CSP header, index pages, no way
//! out of the folder, and the API untouched beside it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use cec_sim::static_files::{with_static, StaticSite};
use cec_sim::{Config, Shared};
use common::{Sim, GW, JSON};
use serde_json::json;

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/// A fresh folder `<tmp>/cec-sim-static-<pid>-<name>` holding `site/` (served) and a secret
/// beside it.
fn site(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join(format!("cec-sim-static-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let site = base.join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::create_dir_all(site.join("empty")).unwrap();
    std::fs::write(site.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    std::fs::write(site.join("app.js"), "export {};").unwrap();
    std::fs::write(site.join("pkg/cec_agent_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(site.join(".hidden"), "h").unwrap();
    std::fs::write(base.join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(base.join("secret.txt"), site.join("link.txt")).unwrap();
    site
}

fn sim(name: &str, csp: Option<&str>) -> Sim {
    let site = StaticSite::new(site(name), csp).unwrap();
    Sim {
        app: with_static(cec_sim::app(Shared::new(Config::default())), Some(site)),
    }
}

#[tokio::test]
async fn serves_files_with_their_types_and_the_csp() {
    let s = sim("types", Some(CSP));
    for (path, ty, body) in [
        (
            "/",
            "text/html; charset=utf-8",
            &b"<!doctype html><title>t</title>"[..],
        ),
        (
            "/index.html",
            "text/html; charset=utf-8",
            b"<!doctype html><title>t</title>",
        ),
        ("/app.js", "text/javascript; charset=utf-8", b"export {};"),
        (
            "/pkg/cec_agent_bg.wasm",
            "application/wasm",
            b"\0asm\x01\0\0\0",
        ),
        (
            "/pkg/cec%5Fagent_bg.wasm?v=1",
            "application/wasm",
            b"\0asm\x01\0\0\0",
        ),
    ] {
        let r = s.send("GET", path, &[], "").await;
        assert_eq!(
            (r.status, r.header("content-type")),
            (200, Some(ty)),
            "{path}"
        );
        assert_eq!(r.body, body, "{path}");
        assert_eq!(r.header("content-security-policy"), Some(CSP), "{path}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    }
    let head = s.send("HEAD", "/app.js", &[], "").await;
    assert_eq!(
        (head.status, head.body.len(), head.header("content-length")),
        (200, 0, Some("10"))
    );
    let dir = s.send("GET", "/pkg", &[], "").await;
    assert_eq!((dir.status, dir.header("location")), (301, Some("/pkg/")));
    // Static files never enter the request log of the API.
    let log = s.ctl("GET", "/__sim/requests", json!(null)).await.json();
    assert_eq!(log.as_array().map(Vec::len), Some(0), "{log}");
}

#[tokio::test]
async fn never_leaves_the_folder() {
    let s = sim("traversal", None);
    for path in [
        "/../secret.txt",
        "/pkg/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/pkg/%2E%2E%2F%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "/.hidden",
        "/link.txt",
        "/%zz",
        "/a%00b",
    ] {
        let r = s.send("GET", path, &[], "").await;
        assert!(matches!(r.status, 400 | 404), "{path}: {}", r.status);
        assert!(
            !String::from_utf8_lossy(&r.body).contains("secret"),
            "{path}"
        );
        assert_eq!(r.header("content-security-policy"), None);
    }
    for path in ["/missing.js", "/empty/"] {
        assert_eq!(s.send("GET", path, &[], "").await.status, 404, "{path}");
    }
}

#[tokio::test]
async fn the_api_is_untouched_beside_the_files() {
    let s = sim("api", Some(CSP));
    let guid = s.agent("1001").await;
    let info = format!("{GW}/calldata/1001/callinfobeforeanswer");
    let headers = [("guid", guid.as_str()), ("content-type", JSON)];
    let r = s.send("GET", &info, &headers, "").await;
    assert_eq!((r.status, r.retcode().as_str()), (200, "0"));
    assert_eq!(r.header("content-security-policy"), None);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    // Other methods on a file path reach the API's fallback, which answers with its envelope.
    let post = s.send("POST", "/index.html", &[], "").await;
    assert_eq!((post.status, post.retcode().as_str()), (404, "000-002"));
    assert_eq!(s.send("GET", "/__sim/nothing", &[], "").await.status, 404);
}

#[test]
fn refuses_a_missing_folder_and_a_bad_policy() {
    assert!(StaticSite::new("/nonexistent/cec-sim", None).is_err());
    let dir = site("bad-csp");
    assert!(StaticSite::new(&dir, Some("bad\npolicy")).is_err());
    assert!(StaticSite::new(dir.join("index.html"), None).is_err());
}
