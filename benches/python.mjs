#!/usr/bin/env node
// Figures for the "Your Python" panel, never pass/fail, headless Chromium
// on loopback, on the slots-vs-dict page:
//
//   (b) cold: a fresh browser profile (empty HTTP cache, no service worker,
//       no stored snapshot): from clicking Run Python to the program's first
//       output line, median of COLD runs;
//   (a) revisit: the same profile opening the page again (files in the
//       HTTP cache and the service worker's, the memory snapshot in Cache
//       Storage): same figure, median of REVISITS;
//   (c) a second run clicked as soon as the first has finished: same
//       figure, median over every visit above;
//   also open panel -> Python ready (cold), click -> run finished, how
//   each worker started (restored from a snapshot or loaded), and the
//   bytes the server sent per visit (response bodies: 200s and 304s).
//
// Where the clock starts. The panel enables Run Python as soon as it opens,
// before the runtime is ready (a run pressed early waits for it), so the
// bench opens the panel and clicks Run at once: the time includes
// downloading (or reading from cache) and starting Python. The click and
// the clock are both inside the page (element.click() and
// performance.now() in one task), and the end is the first mutation of the
// console that shows the line, so no driver round trip is counted. The
// program (the reference solution, after one print) is put in the page's
// local storage before the app starts, so nothing waits for the editor.
//
//   PATH=$PWD/node_modules/.bin:$PATH trunk build --release --offline=true --dist target/py-dist
//   HEAPWISE_DIST=target/py-dist node benches/python.mjs [--cold N] [--revisits N]
//
// $HEAPWISE_DIST (default dist/) is served by scripts/static-server.mjs on
// a free loopback port, in this process, so the bytes sent are counted
// at the server; with $HEAPWISE_URL (a running server) bytes are what
// Chromium reports (response bodies, from Playwright).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT, launchChromium } from '../tests/e2e/heapwise-page.mjs';

const SLUG = 'slots-vs-dict';
const FIRST_LINE = 'heapwise bench: first line';
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const COLD = arg('--cold', 3);
const REVISITS = arg('--revisits', 5);
const TIMEOUT = 180_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === null || x === undefined ? '-' : `${Math.round(x)} ms`);
const bytes = (x) => `${x.toLocaleString('en')} B`;

/** Bytes the server sent, by visit: { body, ok, notModified, requests }. */
function makeCounter() {
  let current = null;
  return {
    start() {
      current = { body: 0, ok: 0, notModified: 0, requests: 0, python: 0 };
    },
    take() {
      const c = current;
      current = null;
      return c;
    },
    note({ status, bytes: n, path: p }) {
      if (!current) return;
      current.requests += 1;
      current.body += n;
      if (status === 304) current.notModified += 1;
      else if (status === 200) current.ok += 1;
      if (p.includes('/python/') || p.endsWith('python-bridge.js')) current.python += n;
    },
  };
}

async function serve(counter) {
  if (process.env.HEAPWISE_URL) return { url: process.env.HEAPWISE_URL.replace(/\/+$/, ''), atServer: false, close() {} };
  const { startServer } = await import(path.join(ROOT, 'scripts/static-server.mjs'));
  const { server, url } = await startServer({ root: DIST, port: 0, quiet: true, onResponse: (r) => counter.note(r) });
  return { url, atServer: true, close: () => server.close() };
}

/** Clicks Run Python inside the page and resolves with [ms to the first line, ms to the run's end]. */
function clickRunAndTime(page) {
  return page.evaluate(
    ([line, timeout]) =>
      new Promise((resolve, reject) => {
        const status = () => document.querySelector('[data-testid="python-status"]');
        const before = status()?.getAttribute('data-run') ?? null;
        let first = null;
        const started = performance.now();
        const check = () => {
          const console_ = document.querySelector('[data-testid="python-console"]');
          if (first === null && console_?.textContent.includes(line)) first = performance.now() - started;
          const s = status();
          const run = s?.getAttribute('data-run');
          if (run && run !== before && ['done', 'error', 'stopped'].includes(s.getAttribute('data-state'))) {
            observer.disconnect();
            clearTimeout(timer);
            if (s.getAttribute('data-state') !== 'done') reject(new Error(`the run ended ${s.getAttribute('data-state')}: ${s.textContent}`));
            else resolve([first, performance.now() - started]);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setTimeout(() => reject(new Error('the run did not end in time')), timeout);
        document.querySelector('[data-testid="python-run"]').click();
      }),
    [FIRST_LINE, TIMEOUT],
  );
}

/** One visit: open the exercise, open the panel, click Run at once, then Run again as soon as it ends. */
async function visit(context) {
  const page = await context.newPage();
  const workers = [];
  const notes = [];
  let storedNow;
  const stored = new Promise((resolve) => (storedNow = resolve));
  page.on('console', (m) => {
    const started = m.text().match(/^Python: a worker was ready in (\d+) ms \((restored|loaded)/);
    if (/^Python: the memory snapshot .* is stored/.test(m.text())) storedNow();
    else if (started) workers.push({ ms: Number(started[1]), how: started[2] });
    else if (/^Python: /.test(m.text())) notes.push(m.text());
  });
  await page.goto(`/exercise/${SLUG}`, { waitUntil: 'load' });
  const run = page.locator('[data-testid="python-run"]');
  // The panel opens by a click on it (its old "open" button is gone).
  if (!(await run.isVisible())) await page.locator('[data-testid="python-panel"]').click();
  await run.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('[data-testid="python-run"]')?.disabled, null, { timeout: TIMEOUT });
  const [first, end] = await clickRunAndTime(page);
  const [second, secondEnd] = await clickRunAndTime(page);
  // A worker that loaded Pyodide made the snapshot, which is stored in the
  // background: the next visit needs it.
  if (workers.some((w) => w.how === 'loaded')) {
    await Promise.race([stored, new Promise((_, reject) => setTimeout(() => reject(new Error('the snapshot was not stored')), TIMEOUT))]);
  }
  await page.close();
  return { first, end, second, secondEnd, notes, workers };
}

async function main() {
  const counter = makeCounter();
  const server = await serve(counter);
  const reference = await readFile(path.join(ROOT, 'exercises', SLUG, 'reference.py'), 'utf8');
  const program = `print(${JSON.stringify(FIRST_LINE)})\n${reference}`;
  const browser = await launchChromium();
  const cold = [];
  const revisits = [];
  const seconds = [];
  const sent = { cold: [], revisit: [] };
  const chromiumBytes = new Map();
  const readyCold = [];
  try {
    for (let round = 0; round < COLD; round++) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
      await context.addInitScript(
        ([key, text]) => localStorage.setItem(key, JSON.stringify({ version: 1, text })),
        [`heapwise.python.v1.${SLUG}`, program],
      );
      if (!server.atServer) {
        context.on('response', async (response) => {
          const sizes = await response.request().sizes().catch(() => null);
          if (sizes) chromiumBytes.set(response.url(), (chromiumBytes.get(response.url()) ?? 0) + sizes.responseBodySize);
        });
      }
      counter.start();
      const v = await visit(context);
      cold.push(v);
      seconds.push(v.second);
      sent.cold.push(counter.take());
      // Revisits in this profile (only after the first cold visit: one profile is enough).
      for (let r = 0; round === 0 && r < REVISITS; r++) {
        counter.start();
        const again = await visit(context);
        revisits.push(again);
        seconds.push(again.second);
        sent.revisit.push(counter.take());
      }
      await context.close();
    }
    // Open panel -> ready, in a fresh profile (no run pressed).
    for (let round = 0; round < COLD; round++) {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto(`/exercise/${SLUG}`, { waitUntil: 'load' });
      const t0 = Date.now();
      await page.locator('[data-testid="python-open"]').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="python-status"]')?.getAttribute('data-state') === 'done', null, { timeout: TIMEOUT });
      readyCold.push(Date.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  console.log(`# "Your Python" panel, ${new Date().toISOString().slice(0, 10)}, headless Chromium on loopback (${server.url}), ${SLUG}\n`);
  console.log('Click Run Python (panel just opened, program in local storage) -> its first output line; medians, then every run.\n');
  console.log('| figure | median | all |\n| --- | --- | --- |');
  const row = (label, xs) => console.log(`| ${label} | ${ms(median(xs))} | ${xs.map(ms).join(', ')} |`);
  row(`(b) cold, fresh profile (${cold.length})`, cold.map((v) => v.first));
  row(`(a) revisit, files and snapshot cached (${revisits.length})`, revisits.map((v) => v.first));
  row(`(c) second run, clicked when the first ended (${seconds.length})`, seconds);
  row('cold: click -> run finished', cold.map((v) => v.end));
  row('revisit: click -> run finished', revisits.map((v) => v.end));
  row('second run: click -> run finished', [...cold, ...revisits].map((v) => v.secondEnd));
  row('cold: open panel -> Python ready (no run)', readyCold);

  if (server.atServer) {
    const line = (label, list) => {
      const body = list.map((c) => c.body);
      const py = list.map((c) => c.python);
      const c = list[0];
      console.log(`| ${label} | ${bytes(median(body))} | ${bytes(median(py))} | ${c.requests} (${c.ok} × 200, ${c.notModified} × 304) |`);
    };
    console.log('\nBytes the server sent per visit (response bodies, as encoded; medians):\n');
    console.log('| visit | all | python/ and python-bridge.js | requests (first visit) |\n| --- | --- | --- | --- |');
    line('cold', sent.cold);
    line('revisit', sent.revisit);
  } else {
    const total = [...chromiumBytes.values()].reduce((a, b) => a + b, 0);
    console.log(`\nResponse bodies Chromium reported over every visit: ${bytes(total)}`);
  }
  const started = (list, how) => list.flatMap((v) => v.workers).filter((w) => w.how === how).map((w) => w.ms);
  console.log('\nWorkers, from init to ready (in the worker):\n');
  console.log('| how | median | all |\n| --- | --- | --- |');
  for (const how of ['loaded', 'restored']) {
    const xs = started([...cold, ...revisits], how);
    if (xs.length) row(how === 'loaded' ? 'loaded Pyodide, made the snapshot' : 'restored from the snapshot', xs);
  }
  const notes = [...new Set([...cold, ...revisits].flatMap((v) => v.notes))];
  if (notes.length) console.log(`\nConsole notes from the runtime:\n${notes.map((n) => `- ${n}`).join('\n')}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`benches/python.mjs: ${error.stack ?? error}`);
    process.exit(1);
  },
);
