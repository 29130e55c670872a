#!/usr/bin/env node
// Rust against CPython on the same work (issue 8). For every exercise whose
// reference program recorded a timing line (content::CpythonTiming), runs the
// exercise in headless Chromium, in the release bundle's measuring worker,
// at the line's parameters, and compares the named Rust variant's time with
// the CPython time the line records.
//
//   node benches/ratio.mjs [--as-served] [--runs K] [dist-dir]     (default: dist)
//
// - CPython: the timing line of each exercise's reference.out (the source
//   build.rs copies into the page's data; tests/e2e/registry.json): microseconds per
//   call of the timed step, best of k repeats, tracemalloc off, by
//   `python3 reference.py` (CPython 3.11.7, 64-bit) on the machine that
//   recorded reference.out: this one, when it is re-recorded here as the
//   spec says.
// - Rust: the variant's wall time as the page shows it (data-micros of
//   [data-testid=variant-time]): the worker reads performance.now() just
//   before and after the variant's body, under the counting allocator (it
//   counts every allocation, as in every run the page shows). Each exercise
//   runs once to warm up (opening the link with run=1; not counted), then K
//   more times by pressing Run (K = the line's k, the same "best of" as
//   CPython's, unless --runs says otherwise); the figure is the fastest.
// - The bundle is served by scripts/static-server.mjs behind a proxy adding
//   COOP/COEP headers, so the page is cross-origin isolated and the worker's
//   clock reads 5 µs steps (100 µs otherwise, in Chromium); --as-served
//   measures without them, as a student's browser gets the page today.
//
// Each exercise.toml's [timing] says what each side times and, when the two
// cannot do the same work, why (`differs`, issue 16). The table's "same work"
// column says which; a pair that differs gets no ratio, its sentence is
// printed under the table, and the geometric mean is over the same-work
// pairs only.
//
// Prints a Markdown table and the geometric mean of the ratios. Asserts
// nothing; the machine's load average is printed beside the figures.

import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';


const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startServer } = await import(path.join(ROOT, 'scripts/static-server.mjs'));

const options = { isolated: true, runs: null, dist: path.join(ROOT, 'dist') };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--as-served') options.isolated = false;
  else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
  else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
  else options.dist = path.resolve(argv[i]);
}

// The registry's order, and what each reference.out recorded of CPython
// (tests/registry.rs writes it with content::CpythonRecord, the parser
// build.rs uses for the page's data).
const registry = JSON.parse(readFileSync(path.join(ROOT, 'tests/e2e/registry.json'), 'utf8')).exercises;
const slugs = registry.map((e) => e.slug);
const data = new Map(registry.map((e) => [e.slug, e.cpython]));
// exercise.toml's [timing] ({ rust, python, differs }), as tests/registry.rs read it.
const work = new Map(registry.map((e) => [e.slug, e.timed_work]));
const timed = slugs.filter((slug) => data.get(slug)?.timing);
const untimed = slugs.filter((slug) => !data.get(slug)?.timing);
if (!timed.length) throw new Error('no reference.out has a timing line: nothing to compare');

/** Serves `upstream` on another port with the headers that make a page cross-origin isolated. */
async function isolatingProxy(upstream) {
  const target = new URL(upstream);
  const proxy = createServer((req, res) => {
    const forward = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, {
          ...answer.headers,
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        });
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { proxy, url: `http://127.0.0.1:${proxy.address().port}${target.pathname}` };
}

const html = readFileSync(path.join(options.dist, 'index.html'), 'utf8');
const base = html.match(/<base\b[^>]*\bhref="([^"]*)"/)?.[1] ?? '/';
const { server, url: servedUrl } = await startServer({ root: options.dist, port: 0, quiet: true, base });
const { proxy, url } = options.isolated ? await isolatingProxy(servedUrl) : { proxy: null, url: servedUrl };
const browser = await chromium.launch({
  executablePath: process.env.HEAPWISE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Presses Run and waits until the run it started has finished (its status went to running, then done). */
async function runOnce(page) {
  const state = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let running = false;
        const status = () => document.querySelector('[data-testid=run-status]')?.dataset.state;
        const observer = new MutationObserver(() => {
          const now = status();
          if (now === 'running') running = true;
          else if (running && (now === 'done' || now === 'failed')) {
            observer.disconnect();
            resolve(now);
          }
        });
        observer.observe(document.body, { attributes: true, subtree: true, childList: true, attributeFilter: ['data-state'] });
        document.querySelector('[data-testid=run-button]').click();
      }),
  );
  if (state !== 'done') throw new Error(`the run ${state}`);
}

const fmt = (n, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const rows = [];
let isolated = null;
const load = [loadavg()[0]];
try {
  const page = await browser.newPage();
  for (const slug of timed) {
    const { timing } = data.get(slug);
    const query = timing.params.map(([name, value]) => `${name}=${value}`).join('&');
    await page.goto(`${url.replace(/\/$/, '')}/exercise/${slug}?${query}&run=1`);
    await page.waitForSelector('[data-testid=run-status][data-state=done], [data-testid=run-status][data-state=failed]', { timeout: 300_000 });
    isolated ??= await page.evaluate(() => self.crossOriginIsolated);
    const runs = options.runs ?? timing.best_of;
    const times = [];
    for (let i = 0; i < runs; i++) {
      await runOnce(page);
      const micros = await page.$eval(`[data-testid=variant-time][data-variant="${timing.variant}"]`, (e) => Number(e.dataset.micros));
      times.push(micros);
    }
    const rust = Math.min(...times);
    // No [timing] table (the build refuses that) counts as other work: no ratio without saying what was timed.
    const differs = work.get(slug) ? work.get(slug).differs : 'exercise.toml has no [timing] table';
    rows.push({ slug, timing, rust, runs, differs, ratio: rust > 0 ? timing.micros / rust : NaN });
    process.stderr.write('.');
  }
} finally {
  await browser.close();
  proxy?.close();
  server.close();
  server.closeAllConnections?.();
}
process.stderr.write('\n');
load.push(loadavg()[0]);

const interpreters = [...new Set(timed.map((slug) => data.get(slug).interpreter))].join('; ');
console.log(
  `Rust against CPython on the same work: headless Chromium ${browser.version()}, release bundle's measuring worker (wasm32), ` +
    `${options.isolated ? 'page cross-origin isolated (worker clock in 5 µs steps)' : 'page as served (worker clock in 100 µs steps)'}` +
    `${isolated === options.isolated ? '' : ` [crossOriginIsolated was ${isolated}]`}; ` +
    `${cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(' → ')} (busy machine unless near 0).`,
);
console.log(
  `CPython: ${interpreters}, the reference program's own timing line in reference.out (µs per call of its timed step, ` +
    'best of k, tracemalloc off), recorded on this machine. Rust: the named variant\'s body, best of k runs after one warm-up ' +
    'run, under the counting allocator (every allocation counted, as on the page). Ratio: CPython µs ÷ Rust µs, only where ' +
    'exercise.toml\'s [timing] claims the same work.\n',
);
console.log('| exercise | variant | params | same work | CPython 3.11 µs (best of k) | Rust wasm32 µs (best of k) | ratio |');
console.log('| --- | --- | --- | --- | ---: | ---: | ---: |');
for (const r of rows) {
  const params = r.timing.params.map(([name, value]) => `${name}=${value}`).join(', ');
  // Two significant figures below 1 (0.04x, not 0.0x).
  const shown = !Number.isFinite(r.ratio) ? 'too quick to time' : r.ratio < 1 ? `${r.ratio.toPrecision(2)}x` : `${fmt(r.ratio)}x`;
  const ratio = r.differs ? 'none' : shown;
  const same = r.differs ? 'no (below)' : 'yes';
  console.log(
    `| ${r.slug} | ${r.timing.variant} | ${params} | ${same} | ${fmt(r.timing.micros)} (${r.timing.best_of}) | ` +
      `${fmt(r.rust)} (${r.runs}) | ${ratio} |`,
  );
}
const differing = rows.filter((r) => r.differs);
if (differing.length) {
  console.log('\nNot the same work, so no ratio (exercise.toml, [timing] differs):\n');
  for (const r of differing) console.log(`- ${r.slug}: ${r.differs}`);
}
const finite = rows.filter((r) => !r.differs && Number.isFinite(r.ratio));
const geomean = Math.exp(finite.reduce((sum, r) => sum + Math.log(r.ratio), 0) / finite.length);
console.log(
  `\nGeometric mean of the ratios over the same-work pairs: **${fmt(geomean)}x** over ${finite.length} exercise(s) ` +
    `(${differing.length} of ${rows.length} do other work and are left out).`,
);
if (untimed.length) console.log(`No timing line yet (not compared): ${untimed.join(', ')}.`);
