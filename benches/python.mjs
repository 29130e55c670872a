#!/usr/bin/env node
// Figures for the "Your Python" panel, never pass/fail:
//   - cold runtime load: from opening the panel to "ready", in a fresh
//     browser context (empty cache), median of 3, headless Chromium on loopback;
//   - of which downloading the runtime's files, and time to the editor, same runs;
//   - a warm run of the slots-vs-dict solution (median of 3);
//   - what the runtime transfers: every python/ file the page requested,
//     raw and gzipped (gzip -9 of the file), and what actually went over the
//     wire (Content-Length, after any Content-Encoding the server chose).
//
//   trunk build --release --offline=true && node benches/python.mjs
// ($HEAPWISE_URL to bench a running server; otherwise $HEAPWISE_DIST or
// dist/ is served on a free loopback port.)

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, baseUrl, launchChromium } from '../tests/e2e/heapwise-page.mjs';

const SLUG = 'slots-vs-dict';
const ROUNDS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const kb = (x) => `${x.toLocaleString('en')} B`;

async function waitState(page, test, timeout = 120_000) {
  await page.waitForFunction(test, null, { timeout });
}

async function main() {
  const url = await baseUrl();
  const browser = await launchChromium();
  const cold = [];
  const editor = [];
  const warm = [];
  const download = [];
  const transferred = new Map(); // path -> { wire, encoding }
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      page.on('response', async (response) => {
        const u = new URL(response.url());
        if (!u.pathname.includes('/python/')) return;
        const headers = await response.allHeaders();
        transferred.set(u.pathname, { wire: Number(headers['content-length'] ?? NaN), encoding: headers['content-encoding'] ?? 'identity' });
      });
      await page.goto(`/exercise/${SLUG}`, { waitUntil: 'load' });
      await page.locator('[data-testid="python-panel"]').waitFor();
      // When the download finished (the progress bar full), in page time.
      await page.evaluate(() => {
        window.__downloaded = null;
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="python-progress"]');
          if (bar && window.__downloaded === null && Number(bar.getAttribute('value')) >= Number(bar.getAttribute('max'))) {
            window.__downloaded = performance.now();
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const started = Date.now();
      const startedInPage = await page.evaluate(() => performance.now());
      await page.locator('[data-testid="python-panel"]').click();
      await page.locator('[data-testid="python-editor"] [contenteditable="true"]').waitFor({ timeout: 60_000 });
      editor.push(Date.now() - started);
      await waitState(page, () => document.querySelector('[data-testid="python-status"]')?.getAttribute('data-state') === 'done');
      cold.push(Date.now() - started);
      const downloadedAt = await page.evaluate(() => window.__downloaded);
      if (downloadedAt !== null) download.push(downloadedAt - startedInPage);

      await page.locator('[data-testid="python-load-solution"]').click();
      await page.locator('[data-testid="python-confirm"]').click();
      for (let run = 0; run < (round === 0 ? ROUNDS : 0); run++) {
        const before = await page.locator('[data-testid="python-status"]').getAttribute('data-run');
        const t0 = Date.now();
        await page.locator('[data-testid="python-run"]').click();
        await page.waitForFunction(
          (before) => {
            const s = document.querySelector('[data-testid="python-status"]');
            return s.getAttribute('data-run') !== before && ['done', 'error', 'stopped'].includes(s.getAttribute('data-state'));
          },
          before,
          { timeout: 120_000 },
        );
        warm.push(Date.now() - t0);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }

  console.log(`# "Your Python" panel, ${new Date().toISOString().slice(0, 10)}, headless Chromium on loopback (${url})\n`);
  console.log('| figure | median | all |\n| --- | --- | --- |');
  console.log(`| open panel -> Python ready (cold, empty cache) | ${ms(median(cold))} | ${cold.map(ms).join(', ')} |`);
  if (download.length) console.log(`| open panel -> runtime files downloaded (progress bar full) | ${ms(median(download))} | ${download.map(ms).join(', ')} |`);
  console.log(`| open panel -> editor shown | ${ms(median(editor))} | ${editor.map(ms).join(', ')} |`);
  console.log(`| warm run of the ${SLUG} solution (click -> done) | ${ms(median(warm))} | ${warm.map(ms).join(', ')} |`);

  console.log('\n| file the panel requested | raw | gzip -9 | on the wire (encoding) |\n| --- | --- | --- | --- |');
  let raw = 0;
  let gz = 0;
  let wire = 0;
  for (const [pathname, t] of [...transferred].sort()) {
    const file = path.join(DIST, decodeURIComponent(pathname));
    const size = (await stat(file).catch(() => null))?.size;
    if (size === undefined) continue;
    const zipped = gzipSync(await readFile(file), { level: 9 }).length;
    raw += size;
    gz += zipped;
    wire += Number.isFinite(t.wire) ? t.wire : 0;
    console.log(`| ${pathname} | ${kb(size)} | ${kb(zipped)} | ${Number.isFinite(t.wire) ? kb(t.wire) : '?'} (${t.encoding}) |`);
  }
  console.log(`| **total** | ${kb(raw)} | ${kb(gz)} | ${kb(wire)} |`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`benches/python.mjs: ${error.stack ?? error}`);
    process.exit(1);
  },
);
