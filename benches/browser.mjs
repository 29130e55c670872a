// Runs every exercise at its default parameters in headless Chromium, in the
// real measuring worker of the release bundle, and prints what the page
// measured: each variant's peak, bytes allocated in total and allocations,
// the first/last ratio on the exercise's metric, and how long the run took
// (from pressing Run to the figures appearing). Figures come from the page's
// data attributes, exactly as a student sees them.
//
//   ./scripts/setup.sh --test && trunk build --release --offline=true
//   node benches/browser.mjs [dist-dir]         (default: dist)
//
// Output is a Markdown table, so it can be pasted into notes as measured.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');

// The registry, in catalogue order, as tests/registry.rs writes it for the e2e suite.
const slugs = JSON.parse(readFileSync(join(root, 'tests/e2e/registry.json'), 'utf8')).exercises.map((e) => e.slug);
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

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const fmt = (n) => n.toLocaleString('en-US');
const rows = [];
try {
  const page = await browser.newPage();
  for (const slug of slugs) {
    await page.goto(`${base.replace(/\/$/, '')}/exercise/${slug}`);
    await page.waitForSelector('[data-testid=run-button]:not([disabled])');
    const started = performance.now();
    await page.click('[data-testid=run-button]');
    await page.waitForSelector('[data-testid=run-status][data-state=done], [data-testid=run-status][data-state=failed]', { timeout: 120_000 });
    const elapsed = performance.now() - started;
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
    const shown = best <= 0 ? `none left (${last} uses 0)` : `${ratio >= 100 ? fmt(Math.round(ratio)) : ratio.toFixed(1)}x`;
    rows.push(`| ${slug} | ${params.join(' ')} | ${metric} | ${variants.map((v) => `${v}: ${fmt(get(v, 'peak_bytes'))} / ${fmt(get(v, 'allocated_bytes'))} / ${fmt(get(v, 'allocations'))}`).join('<br>')} | ${shown} | ${Math.round(elapsed)} ms |`);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(workdir, { recursive: true, force: true });
}
const version = (await import('node:child_process')).execSync('/usr/bin/chromium --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
console.log(`Measured in headless Chromium (${version}), wasm32 worker, release bundle.`);
console.log('Per variant: peak / allocated in total / allocations. Ratio: first over last variant on the exercise\'s metric. Time: Run pressed to figures shown.\n');
console.log('| exercise | defaults | metric | variants | ratio | time |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
