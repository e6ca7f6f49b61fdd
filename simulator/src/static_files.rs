//! `--static DIR`: serves a folder of files (a demo page with the npm package beside it) from
//! the simulator's own origin, so the page, the package and the API share one origin and the
//! page works under a strict `connect-src 'self'` Content-Security-Policy.
//!
//! Only `GET`/`HEAD` requests outside the API (`/agentgateway/`, `/rest/`, `/__sim`) are
//! answered here, before the API middleware, so they never enter the request log and faults
//! never hit them. A path is percent-decoded once; any `..`, `.`-prefixed (hidden) or
//! backslash segment is refused, and the file found must still lie under the root once
//! symlinks are resolved. Files are read whole (demo pages and a package are small).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::pipeline::is_control;

/// The folder served and the headers added to every static response.
#[derive(Debug, Clone)]
pub struct StaticSite {
    root: PathBuf,
    csp: Option<HeaderValue>,
}

impl StaticSite {
    /// Serves `dir` (which must be a readable folder), sending `csp` as the
    /// `Content-Security-Policy` of every static response when given.
    pub fn new(dir: impl AsRef<Path>, csp: Option<&str>) -> Result<Self, String> {
        let dir = dir.as_ref();
        let root = dir
            .canonicalize()
            .map_err(|e| format!("--static {}: {e}", dir.display()))?;
        if !root.is_dir() {
            return Err(format!("--static {}: not a folder", dir.display()));
        }
        let csp = csp
            .map(|p| HeaderValue::from_str(p).map_err(|_| format!("invalid --csp {p:?}")))
            .transpose()?;
        Ok(StaticSite { root, csp })
    }

    /// The folder served (absolute, symlinks resolved).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// What a request path maps to.
    fn lookup(&self, path: &str) -> Lookup {
        let Some(decoded) = percent_decode(path) else {
            return Lookup::Refused;
        };
        let mut file = self.root.clone();
        for segment in decoded.split('/').filter(|s| !s.is_empty()) {
            if segment.starts_with('.') || segment.contains('\\') || segment.contains('\0') {
                return Lookup::Refused;
            }
            file.push(segment);
        }
        let Ok(real) = file.canonicalize() else {
            return Lookup::Missing;
        };
        if !real.starts_with(&self.root) {
            return Lookup::Refused;
        }
        if real.is_dir() {
            if !decoded.ends_with('/') {
                return Lookup::AddSlash;
            }
            let index = real.join("index.html");
            return if index.is_file() {
                Lookup::File(index)
            } else {
                Lookup::Missing
            };
        }
        Lookup::File(real)
    }
}

enum Lookup {
    File(PathBuf),
    AddSlash,
    Missing,
    Refused,
}

/// Whether `path` belongs to the simulated APIs or the control API (never served statically).
pub fn is_api(path: &str) -> bool {
    path.starts_with("/agentgateway/") || path.starts_with("/rest/") || is_control(path)
}

/// `router` with `site` served in front of it (or unchanged without a site).
pub fn with_static(router: Router, site: Option<StaticSite>) -> Router {
    match site {
        Some(site) => router.layer(from_fn_with_state(Arc::new(site), serve_static)),
        None => router,
    }
}

async fn serve_static(State(site): State<Arc<StaticSite>>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    if !(method == Method::GET || method == Method::HEAD) || is_api(&path) {
        return next.run(req).await;
    }
    let mut resp = match site.lookup(&path) {
        Lookup::File(file) => match std::fs::read(&file) {
            Ok(bytes) => file_response(&file, bytes, method == Method::HEAD),
            Err(_) => plain(StatusCode::NOT_FOUND, "not found"),
        },
        Lookup::AddSlash => {
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("{path}/")) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Lookup::Missing => plain(StatusCode::NOT_FOUND, "not found"),
        Lookup::Refused => plain(StatusCode::BAD_REQUEST, "path refused"),
    };
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Some(csp) = &site.csp {
        h.insert(header::CONTENT_SECURITY_POLICY, csp.clone());
    }
    eprintln!("{method} {path} {} (static)", resp.status().as_u16());
    resp
}

fn file_response(file: &Path, bytes: Vec<u8>, head: bool) -> Response {
    let len = bytes.len();
    let body = if head {
        Body::empty()
    } else {
        Body::from(bytes)
    };
    let mut resp = Response::new(body);
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(file)),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    resp
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// The content type of a file, by its extension (`application/octet-stream` when unknown).
pub fn content_type(file: &Path) -> &'static str {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs" | "cjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json" | "map") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt" | "md" | "ts" | "cts") => "text/plain; charset=utf-8",
        Some("wav") => "audio/wav",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes once (a malformed escape stays as it is); `None` when the result is
/// not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_once() {
        assert_eq!(percent_decode("/a%20b/%2e%2E").as_deref(), Some("/a b/.."));
        assert_eq!(percent_decode("/%252e").as_deref(), Some("/%2e"));
        assert_eq!(percent_decode("/%2").as_deref(), Some("/%2"));
        assert_eq!(percent_decode("/%ff"), None);
    }

    #[test]
    fn knows_the_types_a_page_needs() {
        assert_eq!(content_type(Path::new("a/x.WASM")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("app.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("LICENSE")),
            "application/octet-stream"
        );
    }
}
