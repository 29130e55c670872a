#!/usr/bin/env bash
# Builds the release bundle and serves it at http://127.0.0.1:8080
# (README quick start). PORT=9000 ./scripts/serve.sh picks another port.
#
# Served by scripts/static-server.mjs (Node, no dependencies) rather than
# `trunk serve`: the bundle under test and the bundle a reader gets are then
# served identically, with the SPA fallback (deep links such as
# /exercise/slots-vs-dict?n=5 get index.html) and the application/wasm MIME
# type; `trunk serve` would also watch the tree, rebuild on every edit and
# inject its auto-reload script. See the comment at the top of that file.
set -euo pipefail

cd "$(dirname "$0")/.."

PORT="${PORT:-8080}"
HOST=127.0.0.1

./scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# wasm-opt: binaryen 132 from npm (Trunk.toml [tools] wasm_opt = "version_132").
export PATH="$PWD/node_modules/.bin:$PATH"
command -v node >/dev/null || { echo "serve.sh: node not found (Node.js 20+ serves the bundle)" >&2; exit 1; }

# Check the port before a build that can take minutes, not after.
if ! node -e '
  const server = require("node:net").createServer();
  server.once("error", () => process.exit(1));
  server.listen(Number(process.argv[1]), process.argv[2], () => server.close());
' "$PORT" "$HOST"; then
  echo "serve.sh: port $PORT on $HOST is already in use (another ./scripts/serve.sh?): stop it, or run PORT=8081 ./scripts/serve.sh" >&2
  exit 1
fi

echo "serve: building release bundle: trunk build --release --offline=true"
# --offline=true (with the '=': a bare --offline would swallow the next word):
# no downloads, Cargo builds offline, and Trunk skips its update check.
trunk build --release --offline=true

echo
echo "serve: starting the server (Ctrl-C stops it); it prints its address once listening"
exec node scripts/static-server.mjs --root dist --host "$HOST" --port "$PORT"
