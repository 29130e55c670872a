#!/usr/bin/env node
// What measuring costs: every exercise's variants at their default
// parameters (benches/common/overhead.rs) timed under the counting allocator
// and under the plain system allocator. One process (natively) or one
// dedicated Worker (wasm) per allocator stays alive, and for each variant the
// two are asked in turn, ROUNDS times each with the order swapped every
// round, to time it for one short slice. The two sides of a ratio are so
// timed moments apart, and a loaded machine slows both alike. A slice's
// figure is its fastest run (what other processes disturbed least); a
// variant's figure per allocator is the median over its slices.
// Prints, per engine, a Markdown table, the ratio per variant and the
// geometric mean. Figures only: nothing here passes or fails.
//
//   native: the bench binaries overhead_counting / overhead_system, built by
//           `cargo bench --no-run` (profile.bench), run with --serve.
//   wasm:   the examples overhead_wasm_counting / overhead_wasm_system built
//           for wasm32-unknown-unknown with the release profile, through the
//           wasm-bindgen CLI and `wasm-opt -Oz` exactly as Trunk builds the
//           measuring worker, each in its own dedicated Worker in headless
//           Chromium (Debian's /usr/bin/chromium), timed with performance.now()
//           (the page is cross-origin isolated, so the timer reads 5 µs steps).
//
//   node benches/overhead.mjs [--engine native|wasm|both] [--rounds N] [--quick] [rounds]
//
// Defaults: both engines, 5 rounds, slices of 100 ms (DEFAULT_SLICE_MS).
// --quick: 3 rounds of 20 ms slices (a first look, not the figure to publish).
// Everything builds offline; nothing is downloaded.

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const usage = 'usage: node benches/overhead.mjs [--engine native|wasm|both] [--rounds N] [--quick] [rounds]';

const options = { engine: 'both', rounds: undefined, sliceMs: undefined };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--engine') options.engine = args[++i];
  else if (arg.startsWith('--engine=')) options.engine = arg.slice('--engine='.length);
  else if (arg === '--rounds') options.rounds = Number(args[++i]);
  else if (arg === '--quick') options.sliceMs = 20;
  else if (/^\d+$/.test(arg)) options.rounds = Number(arg);
  else throw new Error(`unknown argument ${arg}\n${usage}`);
}
options.rounds ??= options.sliceMs ? 3 : 5;
if (!['native', 'wasm', 'both'].includes(options.engine)) throw new Error(`--engine must be native, wasm or both\n${usage}`);
if (!(options.rounds >= 1)) throw new Error(`rounds must be at least 1\n${usage}`);

/** Runs shorter than this are timed in batches in the browser (its timer reads 5 µs steps at best). */
const WASM_MIN_SAMPLE_MS = 1;
const ALLOCATORS = ['counting', 'system'];
/** "Extra ns per call" is shown for variants with at least this many allocator calls per run. */
const MIN_CALLS_PER_RUN = 1000;

const run = (cmd, argv) =>
  execFileSync(cmd, argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });

/** The artifacts cargo reports for `argv` (a build command), by target name. */
function cargoArtifacts(argv) {
  const found = new Map();
  for (const line of run('cargo', [...argv, '--offline', '--message-format=json']).split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line);
    if (message.reason === 'compiler-artifact' && message.target) found.set(message.target.name, message);
  }
  return found;
}

/**
 * Times every variant: `sides[allocator](index, sliceMs)` resolves to one
 * answer line of common/overhead.rs (`name<TAB>fastest ns<TAB>median ns<TAB>runs<TAB>batch<TAB>calls`).
 * Returns { rows: [{ name, calls, system, counting }] (ns; calls: allocator
 * calls per run, as the counting side counted them), load: [start, end] }.
 */
async function alternate(variants, sides) {
  const load = [loadavg()];
  const rows = [];
  for (const [index, name] of variants.entries()) {
    const fastest = { counting: [], system: [] };
    let calls = 0;
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? ALLOCATORS : [...ALLOCATORS].reverse();
      for (const allocator of order) {
        const [answered, nanos, , , , counted] = (await sides[allocator](index, options.sliceMs)).split('\t');
        if (answered !== name) throw new Error(`asked ${allocator} for ${name}, it answered ${answered}`);
        fastest[allocator].push(Number(nanos));
        if (allocator === 'counting') calls = Number(counted ?? 0);
      }
    }
    const row = { name, calls, system: median(fastest.system), counting: median(fastest.counting) };
    process.stderr.write(`  ${index + 1}/${variants.length} ${name}: ${(row.counting / row.system).toFixed(2)}x\n`);
    rows.push(row);
  }
  load.push(loadavg());
  return { rows, load };
}

/** A long-lived bench process speaking the --serve protocol of benches/common/native_clock.rs. */
function serveProcess(executable) {
  const child = spawn(executable, ['--serve'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  const buffered = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()(line) : buffered.push(line)));
  child.on('exit', (code) => {
    if (code) for (const w of waiting.splice(0)) w(new Error(`${executable} exited with ${code}`));
  });
  const next = () =>
    new Promise((resolve, reject) => {
      const take = (l) => (l instanceof Error ? reject(l) : resolve(l));
      if (buffered.length) take(buffered.shift());
      else waiting.push(take);
    });
  return {
    async list() {
      child.stdin.write('list\n');
      const names = [];
      for (let line = await next(); line !== 'end'; line = await next()) names.push(line);
      return names;
    },
    time(index, sliceMs) {
      child.stdin.write(`${index}${sliceMs === undefined ? '' : ` ${sliceMs}`}\n`);
      return next();
    },
    close: () => child.stdin.end(),
  };
}

async function native() {
  process.stderr.write('native: building the bench binaries (cargo bench --no-run)\n');
  const built = cargoArtifacts(['bench', '--no-run', '--bench', 'overhead_counting', '--bench', 'overhead_system']);
  const procs = Object.fromEntries(ALLOCATORS.map((a) => [a, serveProcess(built.get(`overhead_${a}`).executable)]));
  try {
    const variants = await procs.counting.list();
    const sides = Object.fromEntries(ALLOCATORS.map((a) => [a, (i, s) => procs[a].time(i, s)]));
    const { rows, load } = await alternate(variants, sides);
    const rustc = run('rustc', ['--version']).trim();
    return { title: `Natively (x86_64 Linux, ${rustc}, profile.bench, glibc malloc underneath)`, rows, load };
  } finally {
    for (const p of Object.values(procs)) p.close();
  }
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/**
 * Serves `dir` on loopback, cross-origin isolated (COOP + COEP), so that
 * performance.now() in the workers reads 5 µs steps instead of 100 µs.
 */
function isolatedServer(dir) {
  const server = createServer((req, res) => {
    const file = join(dir, normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile() || !MIME[extname(file)]) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)],
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function wasm() {
  process.stderr.write('wasm: building the examples for wasm32-unknown-unknown (release profile)\n');
  const names = Object.fromEntries(ALLOCATORS.map((a) => [a, `overhead_wasm_${a}`]));
  const built = cargoArtifacts([
    'build', '--release', '--target', 'wasm32-unknown-unknown', ...Object.values(names).flatMap((n) => ['--example', n]),
  ]);
  const out = join(root, 'target/overhead-wasm');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'benches/overhead-wasm'), out, { recursive: true });
  const wasmOpt = join(root, 'node_modules/.bin/wasm-opt');
  for (const name of Object.values(names)) {
    const input = built.get(name).filenames.find((f) => f.endsWith('.wasm'));
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, input]);
    // As Trunk does for the worker (data-wasm-opt="z"): wasm-opt --output=X -Oz X.
    const bg = join(out, `${name}_bg.wasm`);
    run(wasmOpt, [`--output=${bg}`, '-Oz', bg]);
  }

  const server = await isolatedServer(out);
  const { CHROMIUM, CHROMIUM_ARGS } = await import(join(root, 'tests/e2e/heapwise-page.mjs'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage();
    const failures = [];
    page.on('pageerror', (e) => failures.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && failures.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => window.overhead !== undefined, null, { timeout: 30_000 }).catch(() => {
      throw new Error(`the bench page did not load: ${failures.join('; ')}`);
    });
    const info = await page.evaluate((n) => window.overhead.start(n), Object.values(names));
    const sides = Object.fromEntries(
      ALLOCATORS.map((a) => [
        a,
        (index, sliceMs) =>
          page.evaluate(([n, i, s, m]) => window.overhead.time(n, i, s ?? undefined, m), [
            names[a], index, sliceMs ?? null, WASM_MIN_SAMPLE_MS,
          ]),
      ]),
    );
    const { rows, load } = await alternate(info.variants, sides);
    const isolated = info.crossOriginIsolated ? 'cross-origin isolated' : 'NOT isolated: 100 µs timer';
    return {
      title: `In the browser's engine (wasm32 in a dedicated Worker, Chromium ${browser.version()}, ` +
        `release profile + wasm-opt -Oz, dlmalloc underneath, ${isolated})`,
      rows,
      load,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const ms = (ns) => (ns >= 1e6 ? (ns / 1e6).toFixed(2) : ns >= 1e4 ? (ns / 1e6).toFixed(3) : (ns / 1e6).toFixed(5));
const loads = (l) => l.map((x) => x.toFixed(1)).join(' / ');
const cores = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm)?.length ?? '?';

function report({ title, rows, load }) {
  const slice = options.sliceMs ?? 100;
  console.log(`#### ${title}\n`);
  console.log(`Each figure: the median over ${options.rounds} slices of ${slice} ms of the fastest run in the slice; ` +
    `counting and system slices alternate. Load average (1 / 5 / 15 min) ${loads(load[0])} at the start, ` +
    `${loads(load[1])} at the end, on ${cores} cores.\n`);
  console.log('| exercise / variant | allocator calls per run | system ms | counting ms | ratio | extra ns per call |');
  console.log('|---|---:|---:|---:|---:|---:|');
  let logSum = 0;
  const over = [];
  for (const { name, calls, system, counting } of rows) {
    const ratio = counting / system;
    logSum += Math.log(ratio);
    if (ratio > 1.5) over.push(`${name} (${ratio.toFixed(2)}x)`);
    // What the counting added, spread over the calls it counted; over a
    // handful of calls that would be the timing noise, so it is left out.
    const perCall = calls >= MIN_CALLS_PER_RUN ? ((counting - system) / calls).toFixed(1) : '';
    console.log(`| ${name} | ${calls.toLocaleString('en-US')} | ${ms(system)} | ${ms(counting)} | ${ratio.toFixed(2)}x | ${perCall} |`);
  }
  const perCall = rows.filter((r) => r.calls >= MIN_CALLS_PER_RUN).map((r) => (r.counting - r.system) / r.calls);
  console.log(`\nGeometric mean over ${rows.length} variants: **${Math.exp(logSum / rows.length).toFixed(3)}x**; ` +
    `extra per allocator call, median over the ${perCall.length} variants with ${MIN_CALLS_PER_RUN.toLocaleString('en-US')}+ calls: ` +
    `${median(perCall).toFixed(1)} ns`);
  console.log(over.length ? `Above 1.5x: ${over.join(', ')}\n` : 'None above 1.5x.\n');
}

console.log(`What measuring costs, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
  `\`node benches/overhead.mjs${args.map((a) => ` ${a}`).join('')}\`\n`);
if (options.engine !== 'wasm') report(await native());
if (options.engine !== 'native') report(await wasm());
