// Runs every exercise at its default parameters in headless Chromium, in the
// real measuring worker of the release bundle, and prints what the page
// measured: each variant's peak, bytes allocated in total and allocations,
// the first/last ratio on the exercise's metric, and how long the run took
// from pressing Run to the figures appearing. Figures come from the page's
// data attributes, exactly as a student sees them.
//
//   ./scripts/setup.sh --test && trunk build --release --offline=true
//   node benches/browser.mjs [dist-dir] [--runs N] [--only slug,slug]
//
// Defaults: dist, 1 run per exercise. With --runs N each exercise is opened
// afresh N times (a new page, so a new measuring worker, as a student who
// follows a link gets) and the times are medians.
//
// The time is taken inside the page, as the Performance panel shows it: from
// the Run click's event time to the first frame after the figures are in the
// document (a requestAnimationFrame after the status turns to done, then the
// task after it, which follows the paint). Timing from the test driver
// instead (click, then poll for the figures) adds its own round trips, about
// 60 ms a run on a loaded machine, to every exercise alike. The time is
// split in two: "worker" is from the page posting the request to the reply
// arriving (the variants under the counting allocator, the timeline, and
// encoding the reply); "page" is the rest (the click's handler, decoding
// the reply, rendering, layout and paint). Each page is opened and left until
// the worker has said it is ready, so loading the worker is not counted here
// (`node benches/load.mjs` times a Run pressed while it loads). Long tasks
// (over 50 ms, Long Tasks API) on the page's main thread during the run are
// listed.
//
// Output is a Markdown table, so it can be pasted into notes as measured.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [value] = args.splice(at, 2).slice(1);
  if (value === undefined) throw new Error(`${name} needs a value`);
  return value;
};
const runs = Number(option('--runs') ?? 1);
const only = option('--only')?.split(',');
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
const dist = args[0] ?? join(root, 'dist');

// The registry, in catalogue order, as tests/registry.rs writes it for the e2e suite.
let slugs = JSON.parse(readFileSync(join(root, 'tests/e2e/registry.json'), 'utf8')).exercises.map((e) => e.slug);
if (only) {
  const unknown = only.filter((s) => !slugs.includes(s));
  if (unknown.length) throw new Error(`no such exercise: ${unknown.join(', ')}`);
  slugs = slugs.filter((s) => only.includes(s));
}
if (!slugs.length) throw new Error('tests/e2e/registry.json lists no exercise');

const workdir = mkdtempSync(join(tmpdir(), 'heapwise-bench-'));
const portFile = join(workdir, 'url');
const server = spawn('node', [join(root, 'scripts/static-server.mjs'), '--root', dist, '--host', '127.0.0.1', '--port', '0', '--port-file', portFile, '--quiet'], { stdio: 'inherit' });
let base = '';
for (let i = 0; i < 100 && !base; i++) {
  await new Promise((r) => setTimeout(r, 100));
  try { base = readFileSync(portFile, 'utf8').trim(); } catch { /* not yet */ }
}
if (!base) throw new Error('static server did not start');

// Installed in every page before its own scripts: notes when the measuring
// worker is ready, when a run request leaves and its reply comes back, when
// Run is clicked, when the status says done and the frame after it, and
// every long task.
function instrument() {
  const t = (window.__bench = { long: [] });
  document.addEventListener('click', (event) => {
    if (event.target.closest?.('[data-testid=run-button]')) t.click = event.timeStamp;
  }, true);
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(...rest) {
      super(...rest);
      // Added before the page's own handler, so it runs first.
      this.addEventListener('message', () => {
        if (t.ready === undefined) t.ready = performance.now();
        else if (t.posted !== undefined && t.replied === undefined) t.replied = performance.now();
      });
    }
    postMessage(message, ...rest) {
      // The first message after the click is the run request (postcard bytes).
      if (t.click !== undefined && t.posted === undefined) t.posted = performance.now();
      return super.postMessage(message, ...rest);
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid=run-status]');
    const state = status?.dataset.state;
    if (t.click !== undefined && t.done === undefined && (state === 'done' || state === 'failed')) {
      t.done = performance.now();
      t.state = state;
      requestAnimationFrame(() => setTimeout(() => { t.shown = performance.now(); }, 0));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const fmt = (n) => n.toLocaleString('en-US');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [];
const totals = [];
try {
  const context = await browser.newContext();
  await context.addInitScript(instrument);
  const page = await context.newPage();
  for (const slug of slugs) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(`${base.replace(/\/$/, '')}/exercise/${slug}`);
      await page.waitForSelector('[data-testid=run-button]:not([disabled])');
      await page.waitForFunction(() => window.__bench.ready !== undefined, null, { timeout: 60_000 });
      await page.waitForTimeout(200);
      await page.click('[data-testid=run-button]');
      await page.waitForFunction(() => window.__bench.shown !== undefined, null, { timeout: 120_000, polling: 50 });
      const t = await page.evaluate(() => window.__bench);
      if (t.state !== 'done') throw new Error(`${slug}: the run ${t.state}`);
      const longTasks = t.long.filter((l) => l.start + l.duration > t.click && l.start < t.shown).map((l) => Math.round(l.duration));
      times.push({ total: t.shown - t.click, worker: t.replied - t.posted, page: t.shown - t.click - (t.replied - t.posted), longTasks });
    }
    const figures = await page.$$eval('[data-testid=figure]', (els) => els.map((e) => ({
      variant: e.dataset.variant, metric: e.dataset.metric, value: Number(e.dataset.bytes ?? e.dataset.count),
    })));
    const metric = await page.$eval('[data-testid=bar]', (e) => e.dataset.metric).catch(() => 'peak_bytes');
    const variants = [...new Set(figures.map((f) => f.variant))];
    const get = (v, m) => figures.find((f) => f.variant === v && f.metric === m)?.value ?? NaN;
    const params = await page.$$eval('[data-testid^=param-]', (els) => els.filter((e) => e.tagName === 'INPUT').map((e) => `${e.id.replace('param-', '')}=${e.value}`));
    const [first, last] = [variants[0], variants.at(-1)];
    const best = get(last, metric);
    const ratio = get(first, metric) / best;
    const ratioText = best <= 0 ? `none left (${last} uses 0)` : `${ratio >= 100 ? fmt(Math.round(ratio)) : ratio.toFixed(1)}x`;
    const [total, worker, onPage] = ['total', 'worker', 'page'].map((k) => Math.round(median(times.map((x) => x[k]))));
    const long = times.flatMap((x) => x.longTasks);
    totals.push({ slug, total });
    rows.push(`| ${slug} | ${params.join(' ')} | ${metric} | ${variants.map((v) => `${v}: ${fmt(get(v, 'peak_bytes'))} / ${fmt(get(v, 'allocated_bytes'))} / ${fmt(get(v, 'allocations'))}`).join('<br>')} | ${ratioText} | ${total} ms | ${worker} ms | ${onPage} ms | ${long.length ? long.map((d) => `${d} ms`).join(', ') : 'none'} |`);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(workdir, { recursive: true, force: true });
}
const version = (await import('node:child_process')).execSync('/usr/bin/chromium --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
console.log(`Measured in headless Chromium (${version}), wasm32 worker, release bundle; ${runs === 1 ? 'one run' : `median of ${runs} runs, each on a freshly opened page`} per exercise.`);
console.log('Per variant: peak / allocated in total / allocations. Ratio: first over last variant on the exercise\'s metric.');
console.log('Time: Run clicked to the frame after the figures appear, inside the page; worker: request posted to reply received; page: the rest. Long tasks: main-thread tasks over 50 ms during the run.\n');
console.log('| exercise | defaults | metric | variants | ratio | time | worker | page | long tasks |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
const over = totals.filter((t) => t.total > 150).sort((a, b) => b.total - a.total);
console.log(`\n${totals.length - over.length} of ${totals.length} at most 150 ms; median ${Math.round(median(totals.map((t) => t.total)))} ms.${over.length ? ` Over 150 ms: ${over.map((t) => `${t.slug} ${t.total}`).join(', ')}.` : ''}`);
