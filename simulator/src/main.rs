//! `cec-sim [--port N] [--ak AK] [--sk SK] [--auth-mode static|dynamic] [--rotate-guid-every N]
//! [--poll-hold-ms MS] [--idle-signout-ms MS] [--max-seconds S] [--exit-on-stdin-eof]
//! [--static DIR [--csp POLICY]]`

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use cec_sim::static_files::StaticSite;
use cec_sim::{Config, Shared};
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

const USAGE: &str = "usage: cec-sim [--port N] [--ak AK] [--sk SK] [--auth-mode static|dynamic] \
     [--rotate-guid-every N] [--poll-hold-ms MS] [--idle-signout-ms MS] [--max-seconds S] \
     [--exit-on-stdin-eof] [--static DIR [--csp POLICY]]";
/// How long in-flight requests may take to finish after a stop signal.
const GRACE: Duration = Duration::from_secs(2);

#[derive(Debug)]
struct Args {
    port: u16,
    config: Config,
    max_seconds: u64,
    exit_on_stdin_eof: bool,
    /// `--static DIR`: a folder served from the same origin as the API.
    static_dir: Option<String>,
    /// `--csp POLICY`: the Content-Security-Policy of the static responses.
    csp: Option<String>,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        port: 0,
        config: Config::default(),
        max_seconds: 900,
        exit_on_stdin_eof: false,
        static_dir: None,
        csp: None,
    };
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if name == "--exit-on-stdin-eof" && inline.is_none() {
            args.exit_on_stdin_eof = true;
            continue;
        }
        if name == "--help" || name == "-h" {
            return Err(USAGE.into());
        }
        let value = inline
            .or_else(|| it.next())
            .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))?;
        match name.as_str() {
            "--port" => {
                args.port = value
                    .parse()
                    .map_err(|_| format!("invalid --port {value}"))?
            }
            "--ak" => args.config.ak = value,
            "--sk" => args.config.sk = value,
            "--auth-mode" => {
                args.config.session.auth_mode = value
                    .parse()
                    .map_err(|()| format!("invalid --auth-mode {value} (static or dynamic)"))?
            }
            "--rotate-guid-every" => args.config.session.rotate_guid_every = number(&name, &value)?,
            "--poll-hold-ms" => args.config.session.poll_hold_ms = number(&name, &value)?,
            "--idle-signout-ms" => args.config.session.idle_signout_ms = number(&name, &value)?,
            "--max-seconds" => {
                args.max_seconds = value
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| format!("invalid --max-seconds {value}"))?
            }
            "--static" => args.static_dir = Some(value),
            "--csp" => args.csp = Some(value),
            _ => return Err(format!("unknown argument {name}\n{USAGE}")),
        }
    }
    args.config.session.check()?;
    if args.csp.is_some() && args.static_dir.is_none() {
        return Err(format!("--csp needs --static\n{USAGE}"));
    }
    Ok(args)
}

fn number(name: &str, value: &str) -> Result<u64, String> {
    value.parse().map_err(|_| format!("invalid {name} {value}"))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cec-sim: cannot start runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(run(args));
    // Exit without waiting for the blocking stdin reader.
    std::process::exit(code);
}

async fn run(args: Args) -> i32 {
    let site = match &args.static_dir {
        Some(dir) => match StaticSite::new(dir, args.csp.as_deref()) {
            Ok(site) => Some(site),
            Err(e) => {
                eprintln!("cec-sim: {e}");
                return 2;
            }
        },
        None => None,
    };
    let listener = match TcpListener::bind(("127.0.0.1", args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cec-sim: cannot listen on 127.0.0.1:{}: {e}", args.port);
            return 1;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    let mut out = std::io::stdout();
    if writeln!(out, "CEC_SIM_URL=http://127.0.0.1:{port}")
        .and_then(|()| out.flush())
        .is_err()
    {
        return 1;
    }
    let (tx, rx) = oneshot::channel::<()>();
    if let Some(site) = &site {
        eprintln!(
            "cec-sim: serving {} at http://127.0.0.1:{port}/",
            site.root().display()
        );
    }
    let server = cec_sim::serve_with_static(listener, Shared::new(args.config), site, async {
        let _ = rx.await;
    });
    let stop = async {
        let reason = stop_signal(args.max_seconds, args.exit_on_stdin_eof).await;
        eprintln!("cec-sim: stopping ({reason})");
        let _ = tx.send(());
        tokio::time::sleep(GRACE).await;
    };
    tokio::select! {
        res = server => match res {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("cec-sim: server error: {e}");
                1
            }
        },
        () = stop => 0,
    }
}

async fn stop_signal(max_seconds: u64, watch_stdin: bool) -> &'static str {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    let stdin_eof = async {
        if !watch_stdin {
            return std::future::pending().await;
        }
        let mut stdin = tokio::io::stdin();
        let mut buf = [0u8; 1024];
        while matches!(stdin.read(&mut buf).await, Ok(n) if n > 0) {}
    };
    tokio::select! {
        () = term => "SIGTERM",
        _ = tokio::signal::ctrl_c() => "SIGINT",
        () = stdin_eof => "stdin closed",
        () = tokio::time::sleep(Duration::from_secs(max_seconds)) => "max-seconds reached",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: &[&str]) -> Result<Args, String> {
        parse_args(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_cli() {
        let a = parse(&[
            "--port",
            "8080",
            "--ak=A",
            "--sk",
            "S",
            "--max-seconds",
            "5",
            "--exit-on-stdin-eof",
        ]);
        let a = a.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (
                a.port,
                a.config.ak.as_str(),
                a.config.sk.as_str(),
                a.max_seconds,
                a.exit_on_stdin_eof
            ),
            (8080, "A", "S", 5, true)
        );
        let d = parse(&[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (
                d.port,
                d.config.ak.as_str(),
                d.max_seconds,
                d.exit_on_stdin_eof
            ),
            (0, "AK_EXAMPLE_0001", 900, false)
        );
        assert_eq!(d.config.session, cec_sim::state::SessionConfig::default());
        let s = parse(&[
            "--auth-mode",
            "static",
            "--rotate-guid-every=3",
            "--poll-hold-ms",
            "500",
            "--idle-signout-ms",
            "2000",
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        let c = s.config.session;
        assert_eq!(
            (
                c.auth_mode,
                c.rotate_guid_every,
                c.poll_hold_ms,
                c.idle_signout_ms
            ),
            (cec_sim::state::AuthMode::Static, 3, 500, 2000)
        );
        assert!(parse(&["--auth-mode", "weird"]).is_err());
        assert!(parse(&["--poll-hold-ms", "-1"]).is_err());
        assert!(parse(&["--poll-hold-ms", "600001"]).is_err());
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--max-seconds", "0"]).is_err());
        assert!(parse(&["--bogus"]).is_err());
        let w = parse(&["--static", "site", "--csp=default-src 'self'"])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (w.static_dir.as_deref(), w.csp.as_deref()),
            (Some("site"), Some("default-src 'self'"))
        );
        assert!(parse(&["--csp", "default-src 'self'"]).is_err());
        assert!(parse(&["--static"]).is_err());
    }
}
