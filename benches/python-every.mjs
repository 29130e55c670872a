#!/usr/bin/env node
// Figures for every exercise's solution in the "Your Python" panel, never
// pass/fail (issue 30 item 3: the student waits for the verdict, not the
// first line): headless Chromium on loopback, one browser profile, each
// exercise page opened with our solution in local storage, the panel open
// and Python ready (one run first, not counted), then 3 s of nothing (a
// student reading), then Run Python clicked. Three times from the click, read in the page:
//   first line  the first line the program printed (the plain run's),
//   verdict     the checks on screen (the judged run's end),
//   lines       Memory by line's table on screen (the profile run's end).
// Each figure is the median of --runs K runs (default 3); the machine's load
// average is printed beside them.
//
//   HEAPWISE_DIST=<release bundle> node benches/python-every.mjs [--runs K] [--only SLUG,SLUG]

import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, launchChromium, registrySlugs } from '../tests/e2e/heapwise-page.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('--runs', '3'));
const ONLY = arg('--only', null)?.split(',') ?? null;
const FIRST_LINE = 'heapwise bench: first line';
const TIMEOUT = 600_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === null || x === undefined ? '-' : Math.round(x).toLocaleString('en'));

/** Clicks Run Python in the page; resolves with [first line, verdict, lines] in ms from the click. */
function clickAndTime(page) {
  return page.evaluate(
    ([line, timeout]) =>
      new Promise((resolve, reject) => {
        const status = () => document.querySelector('[data-testid="python-status"]');
        const before = status()?.getAttribute('data-run') ?? null;
        const times = [null, null, null];
        const started = performance.now();
        const check = () => {
          const now = performance.now() - started;
          if (times[0] === null && document.querySelector('[data-testid="python-console"]')?.textContent.includes(line)) times[0] = now;
          const s = status();
          const ended = s?.getAttribute('data-run') !== before && ['done', 'error', 'stopped'].includes(s?.getAttribute('data-state'));
          if (times[1] === null && ended) {
            if (s.getAttribute('data-state') !== 'done') {
              reject(new Error(`the run ended ${s.getAttribute('data-state')}: ${s.textContent}`));
              return;
            }
            times[1] = now;
          }
          if (times[1] !== null && !document.querySelector('[data-testid="python-lines-pending"]')) {
            times[2] = document.querySelector('[data-testid="python-lines"]') ? now : null;
            observer.disconnect();
            clearTimeout(timer);
            resolve(times);
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

async function main() {
  const { startServer } = await import(path.join(ROOT, 'scripts/static-server.mjs'));
  const { server, url } = await startServer({ root: DIST, port: 0, quiet: true });
  const slugs = (await registrySlugs()).filter((slug) => !ONLY || ONLY.includes(slug));
  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
  const loadBefore = loadavg()[0];
  const rows = [];
  try {
    for (const slug of slugs) {
      const reference = await readFile(path.join(ROOT, 'exercises', slug, 'reference.py'), 'utf8');
      const program = `print(${JSON.stringify(FIRST_LINE)}, flush=True)\n${reference}`;
      await context.addInitScript(
        ([key, text]) => localStorage.setItem(key, JSON.stringify({ version: 1, text })),
        [`heapwise.python.v1.${slug}`, program],
      );
      const page = await context.newPage();
      await page.goto(`/exercise/${slug}`, { waitUntil: 'load' });
      const run = page.locator('[data-testid="python-run"]');
      if (!(await run.isVisible())) await page.locator('[data-testid="python-panel"]').click();
      await run.waitFor({ state: 'visible', timeout: TIMEOUT });
      // The time limit our longest solution needs on a loaded machine.
      await page.getByTestId('python-time-limit').fill('600');
      await page.getByTestId('python-time-limit').press('Tab');
      // A page reopened with saved work loads Python when Run is pressed: one
      // run first, not counted, so each counted run finds it ready.
      await clickAndTime(page);
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        await page.waitForTimeout(3000); // a student reading
        times.push(await clickAndTime(page));
      }
      const pick = (k) => median(times.map((t) => t[k]).filter((x) => x !== null));
      rows.push({ slug, first: pick(0), verdict: pick(1), lines: pick(2) });
      console.error(`${slug}: ${times.map((t) => t.map(ms).join('/')).join(', ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`# Every solution in "Your Python", ${new Date().toISOString().slice(0, 16)} UTC, headless Chromium on loopback, median of ${RUNS} (load average ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)})\n`);
  console.log('Run Python clicked 3 s after Python was ready; ms from the click.\n');
  console.log('| exercise | first line | verdict | Memory by line |\n| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.slug} | ${ms(r.first)} | ${ms(r.verdict)} | ${ms(r.lines)} |`);
  const verdicts = rows.map((r) => r.verdict);
  console.log(`\nVerdict: median ${ms(median(verdicts))} ms; over 3 s: ${rows.filter((r) => r.verdict > 3000).map((r) => `${r.slug} ${ms(r.verdict)}`).join(', ') || 'none'}.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`benches/python-every.mjs: ${error.stack ?? error}`);
    process.exit(1);
  },
);
