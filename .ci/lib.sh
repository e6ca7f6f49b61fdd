# Shared by .ci/demo, .ci/test and .ci/run. Every ensure_* step installs what is missing and is
# quick when it is already there. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p target
export PATH="$ROOT/.ci/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

WASM_PACK_VERSION=0.15.1
WASM_TARGET=wasm32-unknown-unknown

log() { printf '\n== %s\n' "$*" >&2; }

# The wasm-bindgen CLI must match the crate in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

cargo_install() { # crate version: --locked first, unlocked if the registry lacks a locked dependency
  cargo install --locked "$1" --version "=$2" || cargo install "$1" --version "=$2"
}

ensure_apt() { # packages...
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_rust_wasm() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
  rustup target list --installed | grep -qx "$WASM_TARGET" || rustup target add "$WASM_TARGET"
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  local want; want="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    log "installing wasm-bindgen-cli $want"
    cargo_install wasm-bindgen-cli "$want"
  fi
}

ensure_wasm_pack() {
  wasm-pack --version 2>/dev/null | grep -q " $WASM_PACK_VERSION" || { log "installing wasm-pack"; cargo_install wasm-pack "$WASM_PACK_VERSION"; }
}

ensure_node_tools() {
  command -v node >/dev/null || ensure_apt nodejs npm
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 18 ] || { echo "Node >= 18 is required (found $(node --version))" >&2; exit 1; }
  # npm ci only when the lock file changed since the last install.
  if [ ! -x .ci/node_modules/.bin/wasm-opt ] || [ .ci/package-lock.json -nt .ci/node_modules/.package-lock.json ]; then
    log "npm ci (.ci: binaryen's wasm-opt, typescript, playwright-core)"
    (cd .ci && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_chromium() {
  ensure_apt chromium chromium-driver
}

# Builds one of the package's two modules from this crate with the given cargo features into
# pkg/<name>.js (wasm-bindgen --target web), pkg/<name>.cjs + .d.cts (--target nodejs, the very
# same .wasm, checked) and pkg/<name>_bg.wasm (wasm-opt). Sets MODULE_SIZES for build_pkg.
build_module() { # features name
  local features="$1" name="$2" wasm
  # CEC_FEATURES: cargo features added to both builds (`.ci/bench` adds `bench-hooks`).
  cargo build --release --target "$WASM_TARGET" -p cec-agent --no-default-features --features "$features${CEC_FEATURES:+,$CEC_FEATURES}"
  wasm="target/$WASM_TARGET/release/cec_agent.wasm"
  wasm-bindgen --target web --weak-refs --typescript --out-dir pkg --out-name "$name" "$wasm"
  # CommonJS glue for `require(...)`: the `--target nodejs` output drives the very same .wasm,
  # so only its JS and .d.ts ship, as <name>.cjs / <name>.d.cts.
  rm -rf target/pkg-cjs
  wasm-bindgen --target nodejs --weak-refs --typescript --out-dir target/pkg-cjs --out-name "$name" "$wasm"
  cmp -s "target/pkg-cjs/${name}_bg.wasm" "pkg/${name}_bg.wasm" || { echo "the nodejs and web targets built different .wasm files" >&2; return 1; }
  grep -q '`${__dirname}/'"$name"'_bg.wasm`' "target/pkg-cjs/$name.js" || { echo "the nodejs glue no longer loads the .wasm from its folder" >&2; return 1; }
  cp "target/pkg-cjs/$name.js" "pkg/$name.cjs"
  cp "target/pkg-cjs/$name.d.ts" "pkg/$name.d.cts"
  # -Oz with the features wasm-bindgen's output uses; the module owns its zero-filled memory
  # and never uses its first KB (the Rust stack starts above it), which lets wasm-opt fold more.
  wasm-opt -Oz --low-memory-unused --zero-filled-memory --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
  # wasm-bindgen declares `[Symbol.dispose]()`, which only type-checks with lib
  # "esnext.disposable" (TS >= 5.2); the classes extend `Disposable` instead (src/bindings/
  # error.rs), which has that method exactly when the consumer's lib does, so `using` compiles
  # there and lib es2022 compiles too.
  sed -i '/\[Symbol\.dispose\]()/d' "pkg/$name.d.ts" "pkg/$name.d.cts"
  # A freed client's methods fail with a kind "state" AgentApiError (see the file).
  # Each module's glue guards only its own class (`// only in <name>` lines).
  for glue in "pkg/$name.js" "pkg/$name.cjs"; do
    { grep -v '// only in ' js/freed-guard.js.in; grep "// only in $name\$" js/freed-guard.js.in; } >> "$glue"
  done
  # The start function (the panic hook) is exported by the glue but is no API: its
  # declaration goes, with its doc comment, so `export *` in the entries' .d.ts leaves it out.
  node -e 'const fs=require("fs");for(const f of process.argv.slice(1)){const t=fs.readFileSync(f,"utf8");const u=t.replace(/\/\*\*(?:(?!\*\/)[\s\S])*\*\/\nexport function install_panic_recovery\(\): void;\n\n?/,"");if(u===t){console.error(f+": no install_panic_recovery declaration to remove");process.exit(1)}fs.writeFileSync(f,u)}' "pkg/$name.d.ts" "pkg/$name.d.cts"
  MODULE_SIZES+="$(printf '%s_bg.wasm %s bytes (%s gzipped); ' "$name" "$(wc -c < "pkg/${name}_bg.wasm")" "$(gzip -9 -c "pkg/${name}_bg.wasm" | wc -c)")"
}

# Builds pkg/: the browser/Node module (CC-Gateway) and the Node-only CC-CMS module
# (build_module), the js loaders and pkg-template (package.json stamped with the Cargo.toml
# version); type-checks the entries and packs the tarball.
build_pkg() {
  log "building pkg/"
  rm -rf pkg && mkdir -p pkg
  MODULE_SIZES=""
  build_module gateway cec_agent
  build_module cms cec_agent_cms
  # The CMS module's web-target declarations are not shipped: its entries use the .d.cts.
  rm -f pkg/cec_agent_cms.d.ts pkg/cec_agent_cms_bg.wasm.d.ts
  cp js/*.js js/*.cjs js/*.d.ts js/*.d.cts pkg/
  cp pkg-template/* pkg/
  local version; version="$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)"
  node -e 'const fs=require("fs");const p=JSON.parse(fs.readFileSync("pkg/package.json"));p.version=process.argv[1];fs.writeFileSync("pkg/package.json",JSON.stringify(p,null,2)+"\n")' "$version"
  tsc --noEmit --strict --lib es2022,dom pkg/index.d.ts
  # The Node entries' declarations need no DOM types: ES2023 and @types/node only.
  tsc --noEmit --strict --lib es2023 --types node --typeRoots .ci/node_modules/@types --module nodenext pkg/node.d.ts pkg/node.d.cts pkg/cms.d.ts pkg/cms.d.cts
  # The hand-written loaders are `// @ts-check`ed against the generated declarations.
  tsc --noEmit --strict --lib es2022,dom --module nodenext --target es2022 --allowJs --checkJs pkg/index.js pkg/node.cjs pkg/cms.cjs
  (cd pkg && npm pack --silent --pack-destination ../target >/dev/null)
  PKG_TARBALL="$ROOT/target/cec-agent-$version.tgz"
  printf 'pkg: %starball %s\n' "$MODULE_SIZES" "$PKG_TARBALL" >&2
}

# Installs the packed tarball into a folder with a package.json, as a user would.
install_pkg_into() { # dir
  (cd "$1" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$PKG_TARBALL")
}

# The softphone page's and browser tests' Content-Security-Policy: WebAssembly, no eval.
STRICT_CSP="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"

# Assembles the softphone demo site in target/softphone/: examples/softphone/ with the packed
# package unpacked beside it in cec-agent/ (exactly the files `npm install` gives a user).
build_softphone_site() {
  SOFTPHONE_SITE="$ROOT/target/softphone"
  rm -rf "$SOFTPHONE_SITE" && mkdir -p "$SOFTPHONE_SITE/cec-agent"
  cp examples/softphone/* "$SOFTPHONE_SITE/"
  tar -xzf "$PKG_TARBALL" -C "$SOFTPHONE_SITE/cec-agent" --strip-components=1
}

# Starts the simulator on an ephemeral loopback port; exports CEC_SIM_URL; stops it on exit.
# Extra arguments go to cec-sim (e.g. --static DIR --csp POLICY; later ones win).
start_sim() {
  cargo build -p cec-sim
  local out="$ROOT/target/sim.out"
  SIM_LOG="$ROOT/target/sim.log"
  : > "$out"
  "$ROOT/target/debug/cec-sim" --port 0 --max-seconds 3600 "$@" > "$out" 2> "$SIM_LOG" &
  SIM_PID=$!
  trap 'kill "$SIM_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    grep -q '^CEC_SIM_URL=' "$out" && break
    kill -0 "$SIM_PID" 2>/dev/null || { cat "$SIM_LOG" >&2; echo "simulator exited" >&2; exit 1; }
    sleep 0.1
  done
  CEC_SIM_URL="$(sed -n 's/^CEC_SIM_URL=//p' "$out" | head -n1)"
  [ -n "$CEC_SIM_URL" ] || { echo "simulator did not report its URL" >&2; exit 1; }
  export CEC_SIM_URL
  log "simulator at $CEC_SIM_URL (pid $SIM_PID)"
}
