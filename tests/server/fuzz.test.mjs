// The static server under malformed requests (issue: one request such as
// `GET //[ HTTP/1.1` used to end the process). Loopback only, bounded in
// count and time: FUZZ_REQUESTS requests (100,000 by default), built from a
// seeded generator so a failure can be replayed, sent over raw TCP sockets
// a few at a time; then the server must still serve a plain GET.
//
//   node --test tests/server/
//   FUZZ_REQUESTS=2000 FUZZ_SEED=7 node --test tests/server/

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { requestUrl } from "../../scripts/static-server.mjs";

const SERVER = fileURLToPath(new URL("../../scripts/static-server.mjs", import.meta.url));

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const PARALLEL = 24;
const PER_REQUEST_MS = 5_000;

let root;
let child;
let exited = null;
let port;

before(async () => {
  // A small bundle of its own: the fuzz needs files to serve, not the app.
  root = fs.mkdtempSync(path.join(os.tmpdir(), "heapwise-fuzz-"));
  fs.writeFileSync(path.join(root, "index.html"), "<!doctype html><title>fuzz</title><script>1</script>\n");
  fs.mkdirSync(path.join(root, "python"));
  fs.writeFileSync(path.join(root, "python", "big-0123456789abcdef.wasm"), Buffer.alloc(64 * 1024, 7));
  fs.writeFileSync(path.join(root, "python", "big-0123456789abcdef.wasm.br"), Buffer.alloc(100, 1));
  // The server in a process of its own, as it runs for a class: a request
  // that throws where nothing catches it ends that process.
  const portFile = path.join(root, "port");
  child = spawn(process.execPath, [SERVER, "--root", root, "--port", "0", "--port-file", portFile, "--quiet"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.on("exit", (code, signal) => (exited = `exit ${code ?? signal}: ${stderr.slice(-2000)}`));
  for (let waited = 0; !fs.existsSync(portFile) || !fs.readFileSync(portFile, "utf8").trim(); waited += 50) {
    if (exited || waited > 20_000) throw new Error(`the server did not start (${exited ?? "no port after 20 s"})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  port = Number(new URL(fs.readFileSync(portFile, "utf8").trim()).port);
});

after(() => {
  child?.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS = [
  "/", "//[", "//%", "//a:99999/", "http://[/", "http://localhost/", "*", "/%", "/%%", "/%zz", "/..", "/../../etc/passwd",
  "/python/../index.html", "/python/big-0123456789abcdef.wasm", "/index.html", "/a b", "//", "///x", "/?", "/#x", "",
  "/\u0000", "/\uffff", "/%00", "/%2e%2e/%2e%2e/", "https://[::1]:0/", "http://a:b@c/", "/x;y", "/" + "a".repeat(5000),
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH", "get", "G\u00c9T", "", "GET GET", "BREW"];
const VERSIONS = ["HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/1.1x", "HTTP/", "", "http/1.1", "HTTP/9.9"];
const HEADER_NAMES = ["Host", "Accept-Encoding", "If-None-Match", "If-Modified-Since", "Range", "Connection", "Content-Length",
  "Transfer-Encoding", "X-\u00ff", "", " Bad", "Host:"];
const HEADER_VALUES = ["localhost", "br, gzip", "*", "\"x\"", "W/\"", "Tue, 99 Foo 2026", "bytes=0-", "bytes=-1,5-2", "bytes=x",
  "close", "keep-alive", "-1", "99999999999999999999", "chunked", "a".repeat(9000), "\u0000", "\r", "br;q=nan"];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** One request's bytes: mostly malformed in one or more ways. */
function request(random) {
  let target = pick(random, TARGETS);
  if (random() < 0.3) {
    const bytes = Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * 256));
    target += Buffer.from(bytes).toString("latin1");
  }
  const method = random() < 0.5 ? "GET" : pick(random, METHODS);
  const version = random() < 0.6 ? "HTTP/1.1" : pick(random, VERSIONS);
  let head = `${method} ${target} ${version}`;
  if (random() < 0.05) head = Buffer.from(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256))).toString("latin1");
  const lines = [head];
  const headers = Math.floor(random() * 5);
  for (let i = 0; i < headers; i++) lines.push(`${pick(random, HEADER_NAMES)}: ${pick(random, HEADER_VALUES)}`);
  if (random() < 0.9) lines.push("Connection: close");
  const ending = random() < 0.9 ? "\r\n\r\n" : random() < 0.5 ? "\n\n" : "";
  return Buffer.from(lines.join(random() < 0.9 ? "\r\n" : "\n") + ending, "latin1");
}

/** Sends one request and waits for the server to answer or close (bounded). */
function send(bytes) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let answered = "";
    const done = (how) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ how, status: answered.slice(9, 12) });
    };
    const timer = setTimeout(() => done("timeout"), PER_REQUEST_MS);
    socket.on("connect", () => {
      socket.write(bytes);
      // A request without its blank line would wait for more: end our side
      // after a moment (at once would close before the answer is written).
      setTimeout(() => socket.end(), 200).unref();
    });
    socket.on("data", (chunk) => {
      if (answered.length < 16) answered += chunk.toString("latin1");
    });
    socket.on("error", () => done("error"));
    socket.on("close", () => done("closed"));
  });
}

test("requestUrl reads origin-form targets as paths and refuses what it cannot read", () => {
  assert.equal(requestUrl("//[").pathname, "//[");
  assert.equal(requestUrl("//a:99999/").pathname, "//a:99999/");
  assert.equal(requestUrl("/ok?x=1").pathname, "/ok");
  assert.equal(requestUrl("http://[/"), null);
  assert.equal(requestUrl("*"), null);
  assert.equal(requestUrl("http://host/x").pathname, "/x");
});

test("the requests that ended the server are answered, and it serves on", async () => {
  for (const target of ["//[", "//%", "//a:99999/", "http://[/"]) {
    const { status } = await send(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    assert.match(status, /^[1-5]\d\d$/, `no answer to GET ${target}`);
    assert.equal(exited, null, `GET ${target} ended the server`);
  }
  const { status } = await send(Buffer.from("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  assert.equal(status, "200");
});

test(`${COUNT.toLocaleString("en")} malformed requests (seed ${SEED}) leave the server serving`, { timeout: 15 * 60_000 }, async () => {
  const random = generator(SEED);
  const outcomes = new Map();
  let next = 0;
  const started = Date.now();
  async function lane() {
    while (next < COUNT) {
      next += 1;
      const { how, status } = await send(request(random));
      const key = status.trim() ? status : how;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${COUNT} requests in ${seconds.toFixed(1)} s; answers: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`);
  assert.equal(exited, null, "the server process ended");
  assert.equal(outcomes.get("timeout") ?? 0, 0, "some requests got no answer within 5 s");
  const { status } = await send(Buffer.from("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  assert.equal(status, "200", "after the fuzz, a plain GET / is not served");
});
