#!/usr/bin/env bash
# Runs every test layer, stopping at the first that fails (this is what CI
# runs, via .ci/run):
#   0. lint        cargo fmt --check; the import graph and src/ui file lengths (scripts/layers.mjs);
#                  JavaScript and Python syntax, exercise folders' files (scripts/lint-files.mjs);
#                  cargo clippy -D warnings, native and wasm32
#   1. native      cargo test: library unit tests, tests/*.rs, doc tests
#   1b. python     node --test tests/python/ (started first at a lower priority, beside
#                  every other layer; its output and result come last): every check.py under Pyodide and CPython,
#                  the Python panel's python/panel.js in Node, the lint of check.py's
#                  patterns, and the machine-made wrong programs
#                  (tests/python/mutate.py: 30 mutants under CPython, one family a reference, 8 under Pyodide)
#   1c. server     node --test tests/server/: the static server fuzzed on loopback,
#                  and nginx (deploy/) answering as it does, request by request
#   2. browser     tests/*.rs marked run_in_browser or run_in_dedicated_worker,
#                  compiled to wasm32 and run
#                  in headless Chromium by wasm-bindgen-test-runner
#   3. bundle      trunk build --release --offline=true (the real app + worker),
#                  into target/heapwise-test-dist
#   4. end-to-end  node --test tests/e2e/ against that bundle served by nginx
#                  (deploy/, scripts/nginx.mjs) on a free loopback port
#                  (Playwright driving Debian's Chromium)
#   4b. e2e-node   the serving specs and a few that load and run the app,
#                  against the same bundle served by scripts/static-server.mjs
# The last line printed is a one-line summary, pass or fail.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
started=$SECONDS
timings=()
layer_started=$SECONDS
current=""
passed=()

# Whatever stops us (a failing layer, set -e, Ctrl-C), the final line says
# which layer it was. Any server we started is stopped on the way out.
server_pid=""
python_pid=""
workdir=$(mktemp -d)
cleanup() {
  local status=$?
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # The Python layer, when a layer beside it failed: its whole process group.
  if [[ -n "$python_pid" ]] && kill -0 "$python_pid" 2>/dev/null; then
    kill -- "-$python_pid" 2>/dev/null || true
    wait "$python_pid" 2>/dev/null || true
    echo "test.sh: the Python layer was stopped; what it printed until then:"
    tail -n 40 "$workdir/python.log" 2>/dev/null || true
  fi
  local elapsed=$((SECONDS - started))
  # How long each layer took (the last one until now), on the clock and in
  # processor time: where CI's time goes.
  cpu_now 2>/dev/null || cpu=0
  timings+=("${current:-start} $((SECONDS - layer_started))s/cpu $((cpu - ${cpu_started:-0}))s")
  rm -rf "$workdir"
  echo "test.sh: layer times (wall/processor): ${timings[*]}"
  if (( status == 0 )); then
    echo "test.sh: PASSED: ${passed[*]} ($((elapsed / 60))m$((elapsed % 60))s)"
  else
    echo "test.sh: FAILED in layer '${current:-start}' (exit $status) after $((elapsed / 60))m$((elapsed % 60))s; passed before it: ${passed[*]:-none}"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# cpu_now: sets $cpu to the processor time (user + system), in whole
# seconds, of the children this shell has waited for; a layer's share is its
# change across the layer (the Python layer's comes in once it is waited for,
# at the end). `times` runs in this shell: in $(...) or a pipe it would
# count a subshell's children, none.
cpu_now() {
  times >"$workdir/times"
  cpu=$(awk 'NR == 2 { total = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); total += t[1] * 60 + t[2] } printf "%d", total }' "$workdir/times")
}
cpu_now
cpu_started=$cpu
# layer NAME TITLE: ends the current layer (its time, wall and processor), and
# stops the run if the Python layer beside it has already failed.
layer() {
  cpu_now
  [[ -n "${current:-}" ]] && timings+=("$current $((SECONDS - layer_started))s/cpu $((cpu - cpu_started))s")
  layer_started=$SECONDS
  cpu_started=$cpu
  current="$1"
  python_failed_early
  printf '\n==================== %s ====================\n' "$2"
}
# python_failed_early: if the Python layer (below) has ended with a failure,
# print what it printed and stop now rather than after the other layers.
python_failed_early() {
  [[ -n "$python_pid" && -s "$workdir/python.status" ]] || return 0
  local status
  status=$(cat "$workdir/python.status")
  (( status == 0 )) && return 0
  wait "$python_pid" || true
  python_pid=""
  cat "$workdir/python.log"
  current="python"
  echo "node --test tests/python/ failed (exit $status), before the layers beside it ended" >&2
  exit "$status"
}

layer setup "setup: ./scripts/setup.sh --test"
./scripts/setup.sh --test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
passed+=("setup")

# --- 1b. python -------------------------------------------------------------
# Every exercise's check.py against its reference solution (all pass), its
# starter (one fails, with a message) and a print-only program (one fails),
# under Pyodide in Node (the page's Python) and under CPython 3.11;
# python/panel.js's sentences (a .py file opened or refused, the time
# limit's notes) in Node: tests/python/panel.test.mjs; no accidental
# character range in a check.py (lint.test.mjs); and a sample of the
# references' mutants (mutation.test.mjs, tests/python/mutate.py): each
# killed, marked equivalent, or a known survivor (the list only shrinks).
#
# It needs nothing the other layers make, and it is the longest (most of
# its time is CPython and Pyodide running the exercises' programs, one core
# each, two of each at a time), so it starts first and runs beside every
# other layer at the lowest priority (nice 19): the builds and the end-to-end
# specs (whose waits are for a page, and which often leave a core idle)
# run as if alone, and the Python layer takes the processor time they leave.
# It stays in this shell's session: Linux's autogroup shares the processor
# equally between sessions whatever their nice, so `setsid` (stop 43) gave
# it half the machine, and CI on 2026-11-26 had the builds take twice as
# long as alone and no room left in 90 minutes for the end-to-end layer.
# Its output is printed, and its result taken, at the end; a failure seen
# between two layers stops the run there. Its time limits are for hangs
# only (a starved run is slow, not stuck). Its files run two at a time (the
# mutants and the objects walk, one process each, beside the exercises'
# loop). Job control gives it a process group of its own, which cleanup
# stops if another layer fails.
python_log="$workdir/python.log"
python_status="$workdir/python.status"
python_started=$SECONDS
printf '\n==================== %s ====================\n' \
  "1b/4 Python checks: node --test tests/python/ (Pyodide and CPython), started first, beside every layer below, at nice 19"
set -m # job control for this one job: a process group of its own, in this session
nice -n 19 bash -c 'node --test --test-concurrency=2 tests/python/ >"$1" 2>&1; echo $? >"$2"' python-layer "$python_log" "$python_status" &
python_pid=$!
set +m

# --- 0. lint ---------------------------------------------------------------
# Formatting (rustfmt.toml) and lints (Cargo.toml [lints]) are enforced, not
# hoped for: a warning on either target fails the run.
layer lint "0/4 lint: cargo fmt --check; cargo clippy (native, wasm32)"
cargo fmt --check
# The import graph: no circle between files, no core module using a layer above it;
# no file in src/ui over 250 lines but those scripts/layers.mjs lists.
node scripts/layers.mjs
# Every tracked JavaScript and Python file parses, and an exercise folder
# holds only what an exercise is made of (scripts/lint-files.mjs).
node scripts/lint-files.mjs
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
passed+=("lint")

# --- 1. native -------------------------------------------------------------
layer native "1/4 native: cargo test"
cargo test
passed+=("native")

# --- 1c. server -------------------------------------------------------------
# The static server in a process of its own under 100,000 malformed requests
# (seeded, loopback only, bounded): it must answer each and still serve.
# And nginx with deploy/nginx.conf.template beside it on the same bundles:
# the same status, types, caching, CSP and encodings for every request
# (setup installed nginx: under CI a missing nginx fails, never skips).
layer server "1c/4 server: node --test tests/server/ (fuzz, nginx against it, loopback)"
node --test tests/server/
passed+=("server")

# --- 2. browser ------------------------------------------------------------
# Convention: a test file runs in the browser when its first lines say
# `wasm_bindgen_test_configure!(run_in_browser)` (or `run_in_dedicated_worker`,
# for tests that need worker-only APIs such as FileReaderSync, as the page's
# measuring worker has). Only those are compiled for
# wasm32 (the others are native-only and need not build there).
layer browser "2/4 in-browser: cargo test --target wasm32-unknown-unknown"
browser_tests=()
for file in tests/*.rs; do
  [[ -f "$file" ]] || continue
  if head -n 30 "$file" | grep -qE 'wasm_bindgen_test_configure!\(run_in_(browser|dedicated_worker)\)'; then
    browser_tests+=(--test "$(basename "$file" .rs)")
  fi
done
if (( ${#browser_tests[@]} == 0 )); then
  echo "No tests/*.rs file declares wasm_bindgen_test_configure!(run_in_browser or run_in_dedicated_worker): nothing to run in the browser."
  passed+=("browser(none)")
else
  echo "Browser test files: ${browser_tests[*]//--test /}"
  # The runner (.cargo/config.toml) starts this ChromeDriver, which starts
  # the browser described in webdriver.json (/usr/bin/chromium and the flags
  # that keep it off the closed network). wasm-bindgen-test-runner 0.2.130
  # reads that file from $WASM_BINDGEN_TEST_WEBDRIVER_JSON (default: the
  # working directory's webdriver.json) and itself appends headless,
  # no-sandbox (needed as root) and disable-dev-shm-usage to goog:chromeOptions.
  # Its timeouts (seconds) are raised for a busy 2-core machine: 20 s per
  # test binary and 5 s for ChromeDriver to start are the defaults.
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}" \
  WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}" \
    cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"
  passed+=("browser")
fi

# --- 3. bundle -------------------------------------------------------------
layer bundle "3/4 release bundle: trunk build --release --offline=true"
# Built into a directory of its own, not dist/: other people build and serve
# dist/ in this tree, and a rebuild there must not swap the bundle under a
# running test. (Cargo's target/ is shared; Cargo locks it.)
DIST="target/heapwise-test-dist"
# wasm-opt: binaryen 132 from npm (Trunk.toml [tools] wasm_opt = "version_132").
PATH="$ROOT/node_modules/.bin:$PATH" trunk build --release --offline=true --dist "$DIST"
[[ -f "$DIST/index.html" ]] || { echo "trunk build left no $DIST/index.html" >&2; exit 1; }
shopt -s nullglob
wasm_files=("$DIST"/*.wasm)
shopt -u nullglob
(( ${#wasm_files[@]} >= 3 )) || { echo "expected three .wasm files in $DIST (the page, the measuring worker and the Python panel), found: ${wasm_files[*]:-none}" >&2; exit 1; }
for wasm in "${wasm_files[@]}"; do
  # A wasm module starts with "\0asm" (two builds racing in one target/ once left one zeroed).
  [[ "$(head -c 4 "$wasm" | od -An -tx1 | tr -d ' \n')" == "0061736d" ]] || { echo "$wasm is not a wasm module (bad magic number): rebuild" >&2; exit 1; }
  printf '  %-40s %8d bytes, %8d gzipped\n' "$wasm" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
done
# Code that belongs in the measuring worker only: each marker is a string
# only that code holds; it must be in the worker's wasm and not the page's.
#  - exercise code: the page reads exercises::PAGES, never REGISTRY/find();
#  - the results-file format (src/export.rs, serde_json): the worker writes
#    and reads files for the page (FileJob), the page only downloads them;
#  - the calculators (src/layout_calculator.rs, struct_packing's): the page
#    sends what is typed (Request::Calculate) and shows the answer.
only_in_worker() {
  local marker=$1 source=$2 fix=$3
  grep -q "$marker" "$DIST"/worker_bg.wasm || { echo "the worker's wasm lacks \"$marker\": is the marker still in $source?" >&2; exit 1; }
  if grep -q "$marker" "$DIST"/app-*_bg.wasm; then
    echo "the page's wasm holds \"$marker\" ($source): $fix" >&2
    exit 1
  fi
}
only_in_worker "all points built" src/exercises/slots_vs_dict.rs \
  "something in src/ui (or what it uses) reaches exercises::REGISTRY or find(); use PAGES/page()"
only_in_worker "not a results file exported by Heapwise" src/export.rs \
  "something in src/ui reads or writes results files itself; send a FileJob to the worker (worker_bridge::file)"
only_in_worker "Rust's default order" src/layout_calculator.rs \
  "something in src/ui computes a calculator's answer itself; ask the worker (worker_bridge::calculate)"
# The Python panel's UI is a module of its own (src/bin/panel.rs), loaded by
# the exercise page: a string only its code holds must be in panel_bg.wasm
# and not in the page's wasm (issue 30 item 2).
grep -q "runs once more, traced whole" "$DIST"/panel_bg.wasm || { echo "the panel's wasm lacks Memory by line's note: is it still in src/ui/python_panel.rs?" >&2; exit 1; }
if grep -q "runs once more, traced whole" "$DIST"/app-*_bg.wasm; then
  echo "the page's wasm holds the Python panel's UI: something in src/ui other than python_host.rs reaches python_panel or ui::python's components" >&2
  exit 1
fi
# First load of the catalogue, compressed as served, static JS imports
# included. The target is 250 kB (issue 8): 280,938 B on 2026-11-22 before
# the router, postcard, the results files in the worker and minifying
# brought it to 248,999 B the same day (README, "Bundle size"). A new
# feature must pay for its bytes. The budget was 255 kB on 2026-11-23 (the
# layout calculator, two-tabs, saving and the Python workspace; one sort
# routine for the page brought it back to 252,318 B); the calculator then
# moved into the measuring worker and the last std sorts left the page,
# which paid for offline Python, the sweep's log axis and export and the
# bounded results files: 251,507 B (252,173 B with the last fixes), so
# 253 kB. Memory by line (issue 18: its table, timeline, reference
# comparison, the gutter's marks and the result's decoding) added 7.8 kB,
# and issue 17's callbacks per request and typed links 2 kB with it:
# 262,064 B (261,137 B with issue 16's timing words), so 263 kB (README, "Bundle size"), 12 kB over the target.
# Issue 26 item 4 (the text saved twice and "Saved" only once it is on disk,
# two tabs' texts kept, newer text back after a crash, .py files decoded in
# words, the time limit's notes) added 9.3 kB after a hand-written decimal
# reader took f64's parser (12.8 kB) back out: 270,382 B. Then reading a .py
# file, the time-limit field and the text's copy in IndexedDB moved to
# python/panel.js (imported when the panel opens), the page's wasm got three
# more wasm-opt options (Trunk.toml) and index.html lost its comments in the
# bundle: 261,959 B, under main's 262,268 B, so 263 kB again.
# Issue 28's error bar and reopened work (262,668 B) and the checks' steps
# (263,339 B): 264 kB until the panel's UI leaves the first load (issue 30).
# Then the same page code measured 263,999, 264,053 and 264,087 B (2026-11-25):
# the exercises' data files are named after their bytes, those 30 names are in
# the page's wasm, and a check.py edited elsewhere moves its brotli size by
# tens of bytes. 265 kB, so an exercise's text or checks never fail the bundle;
# the page's own code still pays for its bytes (issue 30 brings it under 250).
# The hashes alone moved it by up to 317 B (2026-11-26: CI measured 264,990 B
# of the same code this machine built at 264,858 B), so size-budget.mjs holds
# the budget on the page's wasm with those 30 hashes written as zeros: the
# same code gives the same figure in every build (264,645 B that day).
# 2026-11-27: the catalogue's search folds case with its own Latin table
# instead of Unicode's whole lower-case table, and ASCII labels are lowered
# as ASCII: 265,129 -> 260,067 B, so 261 kB.
# 2026-11-28: the prerendered pages (issue 30 item 1). The catalogue's text in
# index.html (4,473 B of brotli) is content and is held by the second budget,
# with what the browser needs to show it (index.html, the stylesheet and
# theme-early.js: 11,036 B); the hand-over to the app (src/ui/prerendered.rs,
# theme-early.js, the stylesheet's rules) cost the code 679 B: 260,926 ->
# 261,605 B held (261,712 B once its sentences were shared with the app), so 262 kB.
# 2026-11-29: the Python panel's UI became a module of its own, which the
# exercise page loads (src/bin/panel.rs; issue 30 item 2): 261,711 ->
# 215,916 B held (220,916 B sent), so 218 kB: under the 250 kB target again,
# with room for what brotli moves by itself and no more.
node scripts/size-budget.mjs "$DIST" --budget 218kB --readable-budget 13kB
passed+=("bundle")

# --- 4. end-to-end ---------------------------------------------------------
layer e2e "4/4 end-to-end: node --test tests/e2e/ (on nginx)"
# Port 0: the server takes any free loopback port and writes its URL to a
# file once it listens, so we neither race for a port nor sleep and hope.
# wait_for_url FILE NAME: waits for $server_pid to write FILE (20 s at most).
wait_for_url() {
  local file=$1 name=$2
  for _ in $(seq 1 200); do
    [[ -s "$file" ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "$name exited before listening" >&2; exit 1; }
    sleep 0.1
  done
  echo "$name did not start within 20 s" >&2
  exit 1
}
# stop_server: stops $server_pid (the wrapper of nginx stops nginx on SIGTERM).
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
# The whole suite runs against the deployment a class would use: Debian's
# nginx with deploy/nginx.conf.template (scripts/nginx.mjs: a free loopback
# port, its own config and prefix, stopped on SIGTERM). First the two
# servers are compared request by request on this very bundle (the server
# layer ran before it was built).
HEAPWISE_DIST="$ROOT/$DIST" node --test tests/server/nginx.test.mjs
url_file="$workdir/url"
node scripts/nginx.mjs --root "$DIST" --host 127.0.0.1 --port 0 --port-file "$url_file" &
server_pid=$!
wait_for_url "$url_file" "nginx"
HEAPWISE_URL=$(cat "$url_file")
mkdir -p tests/e2e/artifacts
# Two spec files at a time, each with its own Chromium: one at a time left
# gaps (a spec waits on the page as often as it computes). Measured on the
# same bundle here (scripts/static-server.mjs, 2026-11-26): the whole folder
# in 1,811 s one at a time, 1,553 s two at a time. No spec writes into the
# bundle (those that change files copy it into a folder of their own), every
# wait for something that happens eventually allows 15 s or more, and times
# that depend on the machine's load (how soon Stop is shown) are reported,
# not asserted.
HEAPWISE_URL="$HEAPWISE_URL" HEAPWISE_DIST="$ROOT/$DIST" node --test --test-concurrency=2 tests/e2e/
stop_server
passed+=("e2e")

# --- 4b. end-to-end on the project's server --------------------------------
# scripts/static-server.mjs (what serve.sh runs, for one person): the specs
# about serving (types, fallback, 404s, headers, CSP in Chromium) and deep
# links. What the page does once served (the catalogue, a run of every
# exercise, the Python runtime) ran on nginx above, and the two servers
# answered every request of tests/server/nginx.test.mjs alike, so it is not
# run twice within CI's 90 minutes. The offline specs start their own
# copies of this server in any case.
layer e2e-node "4b/4 end-to-end on scripts/static-server.mjs: serving, routes, runs"
node_specs=()
for spec in serving serving-headers deep-link not-found; do
  node_specs+=("tests/e2e/$spec.test.mjs")
done
node scripts/static-server.mjs --root "$DIST" --host 127.0.0.1 --port 0 \
  --port-file "$workdir/node-url" --quiet &
server_pid=$!
wait_for_url "$workdir/node-url" "static server"
HEAPWISE_URL="$(cat "$workdir/node-url")" HEAPWISE_DIST="$ROOT/$DIST" node --test --test-concurrency=1 "${node_specs[@]}"
stop_server
passed+=("e2e-node")

# --- 1b. python, its result ---------------------------------------------------
layer python "1b/4 Python checks: waiting for the layer started first, then its output"
wait "$python_pid" || true
python_pid=""
cat "$python_log"
python_result=$(cat "$python_status" 2>/dev/null || echo 1)
echo "test.sh: the Python layer ran $((SECONDS - python_started))s, beside every layer before it"
(( python_result == 0 )) || { echo "node --test tests/python/ failed (exit $python_result)" >&2; exit "$python_result"; }
passed+=("python")
