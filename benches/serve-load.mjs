// Serving under load (issue 20, item 8): a class of 200 opening the Python
// panel at once. Starts each server on the same bundle, one after the other,
// and points wrk at it: 200 connections cycling a set of files with
// `Accept-Encoding: br, gzip`, as a browser asks. Prints one Markdown row
// per server and set: requests/s, latency p50/p99, transfer/s, errors, and
// how idle the machine was in the 3 s before (other work skews the
// figures). Loopback only, bounded (--duration each); asserts nothing.
//
//   node benches/serve-load.mjs [--root target/heapwise-test-dist]
//        [--servers node,nginx] [--files runtime,index] [--duration 15s]
//        [--connections 200] [--threads 2]
//
// Sets of files (--files):
//   runtime     the Python runtime: every file under python/ but the
//               exercises' checks (what the panel fetches on first open)
//   index       the app's page: `/` and an exercise's route, both
//               index.html (2.5 KB), where per-request work shows most
//
// Servers:
//   node        scripts/static-server.mjs --quiet (no request log)
//   node-log    scripts/static-server.mjs logging every request (as
//               scripts/serve.sh runs it), to a file
//   nginx       scripts/nginx.mjs (deploy/nginx.conf.template), no access log
//   nginx-log   the same with its access log, to a file
//
// Needs wrk (Debian: apt-get install wrk) and, for nginx, what
// scripts/setup.sh --test installs. wrk runs on the same machine as the
// server: on 2 cores they compete for them, and the figures include that.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'scripts', 'static-server.mjs');
const SERVERS = ['node', 'node-log', 'nginx', 'nginx-log'];
const FILE_SETS = ['runtime', 'index'];

function parseArgs(argv) {
  const o = {
    root: path.join(ROOT, 'target', 'heapwise-test-dist'),
    servers: ['node', 'nginx'],
    files: ['runtime'],
    duration: '15s',
    connections: 200,
    threads: 2,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--root') o.root = path.resolve(value());
    else if (a === '--servers') o.servers = value().split(',');
    else if (a === '--files') o.files = value().split(',');
    else if (a === '--duration') o.duration = value();
    else if (a === '--connections') o.connections = Number(value());
    else if (a === '--threads') o.threads = Number(value());
    else throw new Error(`unknown option ${a}`);
  }
  const unknown = o.servers.filter((s) => !SERVERS.includes(s));
  if (unknown.length) throw new Error(`--servers: unknown ${unknown.join(', ')} (known: ${SERVERS.join(', ')})`);
  const sets = o.files.filter((f) => !FILE_SETS.includes(f));
  if (sets.length) throw new Error(`--files: unknown ${sets.join(', ')} (known: ${FILE_SETS.join(', ')})`);
  if (!/^\d+[smh]?$/.test(o.duration)) throw new Error('--duration: a number of seconds, e.g. 15s');
  return o;
}

/** The Python runtime's files, as URL paths: what the panel fetches on first open. */
function runtimeFiles(root) {
  const dir = path.join(root, 'python');
  const found = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (rel !== 'exercises') walk(rel);
      } else if (!/\.(br|gz)$/.test(entry.name)) {
        found.push(`/python/${rel}`);
      }
    }
  };
  walk('');
  return found.sort();
}

/** wrk's script: each request the next path, as a browser asks; a JSON line at the end. */
function wrkScript(paths) {
  return `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "br, gzip" })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
`;
}

/** Starts `name` on the bundle; resolves to { url, stop }. Logs go to `logDir`. */
async function start(name, root, logDir) {
  if (name.startsWith('nginx')) {
    const { startNginx } = await import(path.join(ROOT, 'scripts', 'nginx.mjs'));
    const accessLog = name === 'nginx-log' ? path.join(logDir, 'nginx-access.log') : false;
    return startNginx({ root, port: 0, accessLog });
  }
  const portFile = path.join(logDir, `${name}.url`);
  fs.rmSync(portFile, { force: true }); // left by this server's run on another set
  const args = [SERVER, '--root', root, '--port', '0', '--port-file', portFile];
  if (name === 'node') args.push('--quiet');
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'w');
  const child = spawn(process.execPath, args, { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  for (let waited = 0; !fs.existsSync(portFile); waited += 50) {
    if (child.exitCode !== null || waited > 20_000) throw new Error(`${name} did not start (see ${logDir})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = fs.readFileSync(portFile, 'utf8').trim();
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop };
}

function runWrk(url, script, o) {
  const args = ['-t', String(o.threads), '-c', String(o.connections), '-d', o.duration, '--timeout', '10s', '-s', script, `${url}/`];
  const run = spawnSync('wrk', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`wrk ${args.join(' ')} failed: ${run.stderr || run.stdout}`);
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${run.stdout}`);
  return JSON.parse(line.slice('RESULT '.length));
}

/** The share of CPU time no process used over `ms` milliseconds (/proc/stat), in %: others' load before a run. */
async function idlePercent(ms = 3000) {
  const sample = () => {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), idle: fields[3] + fields[4] };
  };
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  return Math.round((100 * (after.idle - before.idle)) / Math.max(1, after.total - before.total));
}

const ms = (us) => (us / 1000).toLocaleString('en-US', { maximumFractionDigits: 0 });

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve-load: ${error.message}`);
    process.exit(2);
  }
  if (spawnSync('wrk', ['--version']).error) {
    console.error('serve-load: wrk not found: install it (Debian: apt-get install wrk)');
    process.exit(1);
  }
  if (!fs.existsSync(path.join(o.root, 'python'))) {
    console.error(`serve-load: ${o.root}/python not found: build the bundle first (trunk build --release --offline=true)`);
    process.exit(1);
  }
  const sets = {
    runtime: runtimeFiles(o.root),
    // Two ways to the same page: the site's root and a route the app draws.
    index: ['/', '/exercise/slots-vs-dict'],
  };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'heapwise-serve-load-'));
  const scripts = {};
  for (const set of o.files) {
    scripts[set] = path.join(work, `${set}.lua`);
    fs.writeFileSync(scripts[set], wrkScript(sets[set]));
    console.log(`${set}: ${sets[set].length} paths cycled (${sets[set].join(', ')})`);
  }
  console.log(`Bundle ${o.root}; wrk -t${o.threads} -c${o.connections} -d${o.duration}, Accept-Encoding: br, gzip; ` +
    `${os.cpus().length} cores, loopback, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
    `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log('| server | files | requests/s | latency p50 | p99 | max | transfer/s | errors | CPU idle before |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
  try {
    for (const name of o.servers) {
      for (const set of o.files) {
        const idle = await idlePercent();
        const server = await start(name, o.root, work);
        let r;
        try {
          r = runWrk(server.url, scripts[set], o);
        } finally {
          await server.stop();
        }
        const seconds = r.duration_us / 1e6;
        const errors = ['connect', 'read', 'write', 'status', 'timeout'].filter((k) => r[k] > 0).map((k) => `${k} ${r[k]}`);
        console.log(
          `| ${name} | ${set} | ${Math.round(r.requests / seconds).toLocaleString('en-US')} | ${ms(r.p50_us)} ms | ` +
            `${ms(r.p99_us)} ms | ${ms(r.max_us)} ms | ${(r.bytes / seconds / 2 ** 20).toFixed(0)} MiB/s | ` +
            `${errors.join(', ') || 'none'} | ${idle} % |`,
        );
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
