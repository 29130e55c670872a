#!/usr/bin/env bash
# Installs what Heapwise needs to build (and, with --test, to test), and only
# what is missing: a second run installs nothing and takes a few seconds.
#
#   ./scripts/setup.sh          wasm target, Trunk, wasm-bindgen CLI, crates,
#                               npm packages (wasm-opt for the build)
#   ./scripts/setup.sh --test   ... plus Chromium, ChromeDriver, nginx with
#                               its brotli_static module (deploy/)
#
# Everything comes from crates.io, Debian or npm: this machine reaches no
# other download site, so nothing here (nor Trunk, nor Playwright) may fetch
# a prebuilt binary. Works as root without sudo (CI); as another user it uses
# sudo for apt-get if sudo exists.
set -euo pipefail

cd "$(dirname "$0")/.."
# The Trunk version is written once, in Trunk.toml (`trunk-version = "^X.Y.Z"`,
# which Trunk itself also checks); 0.22.x needs a newer rustc than this machine's.
TRUNK_VERSION=$(sed -n 's/^trunk-version = "^\{0,1\}\([0-9.]*\)"$/\1/p' Trunk.toml)
WASM_TARGET=wasm32-unknown-unknown

with_test=0
for arg in "$@"; do
  case "$arg" in
    --test) with_test=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

step() { printf 'setup: %-22s %s\n' "$1" "$2"; }
fail() {
  printf '\nsetup: FAILED: %s\n' "$1" >&2
  exit 1
}
# Runs an install command, showing its output only if it fails (so a
# successful setup stays one line per step, and a failure shows why).
run_quiet() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# cargo install puts binaries here; make sure this shell (and the scripts
# that source our environment by calling us) find them.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

command -v cargo >/dev/null || fail "cargo not found: install Rust with rustup first"
command -v rustup >/dev/null || fail "rustup not found: the wasm32 target is added with rustup"

# --- Rust side -------------------------------------------------------------

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  step "wasm32 target" "present"
else
  step "wasm32 target" "adding: rustup target add $WASM_TARGET"
  run_quiet rustup target add "$WASM_TARGET" || fail "rustup target add $WASM_TARGET failed"
fi

if [[ ! -f Cargo.lock ]]; then
  step "Cargo.lock" "absent: cargo generate-lockfile"
  run_quiet cargo generate-lockfile || fail "cargo generate-lockfile failed"
else
  step "Cargo.lock" "present"
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate
# the app links (its output format changes between versions). Read it from
# Cargo.lock: the [[package]] whose name is exactly "wasm-bindgen".
wbg_version=$(awk '
  /^\[\[package\]\]/ { in_wbg = 0 }
  /^name = "wasm-bindgen"$/ { in_wbg = 1 }
  in_wbg && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
[[ -n "$TRUNK_VERSION" ]] || fail "no trunk-version = \"^X.Y.Z\" line in Trunk.toml"
[[ -n "$wbg_version" ]] || fail "no wasm-bindgen package in Cargo.lock (is it a dependency in Cargo.toml?)"

# Trunk: --locked, its own lock file resolves on this registry.
have_trunk=$(trunk --version 2>/dev/null || true)
if [[ "$have_trunk" == "trunk $TRUNK_VERSION" ]]; then
  step "trunk" "$TRUNK_VERSION present"
else
  step "trunk" "installing $TRUNK_VERSION (found: ${have_trunk:-none}; ~12 min on 2 cores)"
  run_quiet cargo install --locked "trunk@$TRUNK_VERSION" \
    || fail "cargo install --locked trunk@$TRUNK_VERSION failed"
  [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]] \
    || fail "trunk installed but 'trunk --version' is not $TRUNK_VERSION (is another trunk earlier on PATH? $(command -v trunk))"
fi

# wasm-bindgen-cli: NOT --locked (its lock file names a crate version this
# registry lacks); --force so a different installed version is replaced.
# It also provides wasm-bindgen-test-runner, the in-browser test runner.
have_wbg=$(wasm-bindgen --version 2>/dev/null || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null || true)
if [[ "$have_wbg" == "wasm-bindgen $wbg_version" && -n "$have_runner" ]]; then
  step "wasm-bindgen-cli" "$wbg_version present (= Cargo.lock)"
else
  step "wasm-bindgen-cli" "installing $wbg_version to match Cargo.lock (found: ${have_wbg:-none}; ~4 min)"
  run_quiet cargo install --force wasm-bindgen-cli --version "=$wbg_version" \
    || fail "cargo install wasm-bindgen-cli --version =$wbg_version failed"
  [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $wbg_version" ]] \
    || fail "wasm-bindgen installed but 'wasm-bindgen --version' is not $wbg_version (another one earlier on PATH? $(command -v wasm-bindgen))"
fi

# Trunk builds with `cargo --offline`, so every crate (for both targets) must
# already be downloaded. Try offline first: that is instant when all are here.
if cargo fetch --offline >/dev/null 2>&1; then
  step "crates" "all downloaded"
else
  step "crates" "downloading: cargo fetch"
  run_quiet cargo fetch || fail "cargo fetch failed (crates.io unreachable?)"
fi

# npm packages, pinned exactly in package.json and package-lock.json: the
# build needs binaryen's wasm-opt (Trunk.toml [tools]), the tests need
# playwright-core. Never `playwright install`: it downloads a browser, which
# this machine cannot do; the tests use /usr/bin/chromium.
command -v node >/dev/null || fail "node not found: Node.js 20 or newer is needed (wasm-opt from npm, the server, the tests)"
command -v npm >/dev/null || fail "npm not found: it comes with Node.js"
node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= 20 )) || fail "Node.js $(node --version) is too old: 20 or newer is needed (playwright-core, node:test)"

# node_modules is current when it was installed from this very lock file and
# holds the pinned playwright-core; otherwise `npm ci` (exact, from the lock).
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.heapwise-lock.sha256
want_pw=$(node -p 'require("./package.json").devDependencies["playwright-core"]')
have_pw=$(node -p 'try { require("./node_modules/playwright-core/package.json").version } catch { "" }')
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" && "$have_pw" == "$want_pw" ]]; then
  step "npm packages" "current (playwright-core $have_pw)"
else
  step "npm packages" "installing: npm ci (playwright-core $want_pw)"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # belt and braces: no browser fetch
  run_quiet npm ci --no-audit --no-fund \
    || fail "npm ci failed"
  echo "$lock_sum" >"$stamp"
fi

if (( with_test == 0 )); then
  step "done" "build tools ready"
  exit 0
fi

# --- Test side -------------------------------------------------------------

# Debian's Chromium and its matching ChromeDriver (same package version).
# apt-get update runs once, and only when something is missing.
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  step "chromium" "present: $(/usr/bin/chromium --version 2>/dev/null | awk '{print $1, $2}')"
else
  step "chromium" "installing Debian chromium + chromium-driver (apt-get)"
  apt=(apt-get)
  if (( EUID != 0 )); then
    command -v sudo >/dev/null || fail "chromium is missing and installing it needs root (no sudo here): run as root, or apt-get install chromium chromium-driver"
    apt=(sudo apt-get)
  fi
  export DEBIAN_FRONTEND=noninteractive
  run_quiet "${apt[@]}" update || fail "apt-get update failed"
  run_quiet "${apt[@]}" install -y chromium chromium-driver \
    || fail "apt-get install chromium chromium-driver failed"
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] \
    || fail "chromium/chromedriver installed but /usr/bin/chromium or /usr/bin/chromedriver is missing"
fi
browser_major=$(/usr/bin/chromium --version 2>/dev/null | grep -o '[0-9]\+' | head -n1 || true)
driver_major=$(/usr/bin/chromedriver --version 2>/dev/null | grep -o '[0-9]\+' | head -n1 || true)
[[ -n "$browser_major" && "$browser_major" == "$driver_major" ]] \
  || fail "chromium ($browser_major) and chromedriver ($driver_major) versions differ: apt-get install --only-upgrade chromium chromium-driver"

# Debian's nginx and its brotli_static module: the deployment in deploy/ is
# tested against them (tests/server/nginx.test.mjs, and the end-to-end layer
# runs its serving specs on nginx too). scripts/nginx.mjs starts its own
# nginx on a loopback port with its own config; the system's service is not
# used (in a container Debian's policy-rc.d keeps the package from starting it).
NGINX_BROTLI_SO=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [[ -x /usr/sbin/nginx && -f "$NGINX_BROTLI_SO" ]]; then
  step "nginx" "present: $(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //') + brotli_static"
else
  step "nginx" "installing Debian nginx + libnginx-mod-http-brotli-static (apt-get)"
  apt=(apt-get)
  if (( EUID != 0 )); then
    command -v sudo >/dev/null || fail "nginx is missing and installing it needs root (no sudo here): run as root, or apt-get install nginx libnginx-mod-http-brotli-static"
    apt=(sudo apt-get)
  fi
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be old or absent on a fresh machine: update first
  # (once, only because something is missing).
  run_quiet "${apt[@]}" update || fail "apt-get update failed"
  run_quiet "${apt[@]}" install -y --no-install-recommends nginx libnginx-mod-http-brotli-static \
    || fail "apt-get install nginx libnginx-mod-http-brotli-static failed"
  [[ -x /usr/sbin/nginx && -f "$NGINX_BROTLI_SO" ]] \
    || fail "nginx installed but /usr/sbin/nginx or $NGINX_BROTLI_SO is missing"
fi

step "done" "build and test tools ready"
