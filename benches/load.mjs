// First-load benchmark (issue 8): serves bundles with scripts/static-server.mjs
// on loopback and loads the catalogue and one exercise page in headless
// Chromium, cold (fresh context, HTTP cache disabled, service worker
// blocked), several times each. Prints Markdown tables; asserts nothing.
//
//   node benches/load.mjs [options] [label=dist ...]     (default: dist=dist)
//     --runs N             cold navigations per page and configuration (5)
//     --encodings LIST     what the server may send, each measured separately
//                          (default none,gzip,br: identity, gzip -9, brotli q11)
//     --network LIST       loopback and/or an emulated link (CDP), e.g.
//                          loopback,10mbit (10 Mbit/s, 40 ms RTT),3g
//                          (1.6 Mbit/s, 150 ms RTT); default loopback
//     --exercise SLUG      the exercise page (default slots-vs-dict)
//
// Levers are compared in one run: each encoding is one server setting, and
// each build is one bundle. For wasm-opt, build a copy of the tree once per
// level (its own CARGO_TARGET_DIR: Cargo's uplifted app.wasm in a shared
// target/ can be overwritten by someone else's build before Trunk reads it):
//   git archive HEAD | tar -x -C /tmp/hw && cd /tmp/hw
//   sed -i -E 's/data-wasm-opt="[^"]*"/data-wasm-opt="0"/g' www/index.html
//   CARGO_TARGET_DIR=$OLDPWD/target/hw-cargo PATH=$OLDPWD/node_modules/.bin:$PATH \
//     trunk build --release --offline=true --dist $OLDPWD/target/hw-opt0
//   (again with "z" into target/hw-oz, "s" into target/hw-os), then
//   node benches/load.mjs no-opt=target/hw-opt0 oz=target/hw-oz os=target/hw-os
//
// Figures per configuration and page (medians over the runs):
//  - first load: bytes the server sent (response bodies, as counted by the
//    server) for responses that finished before the page was interactive,
//    and how many responses; "all" adds everything fetched until the
//    network went quiet (the measuring worker, the service worker if any).
//  - readable: ms from navigation start until the catalogue's first card
//    (the exercise's task) is in the page and a frame has been drawn since:
//    the build's prerendered page (src/prerender.rs) or, without one, the
//    app's.
//  - interactive: ms from navigation start until the catalogue's first card
//    (or the exercise's Run button) is in the DOM: Yew attaches handlers as
//    it renders, so it is clickable then.
//  - first result (exercise page): ms until a Run pressed as soon as the
//    button exists has shown its figures (includes loading the worker).
//  - long tasks: main-thread tasks over 50 ms (PerformanceObserver
//    'longtask') until 1 s after interactive: count, longest, and total
//    blocking time (the sum of each one's excess over 50 ms).

import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startServer } = await import(path.join(ROOT, 'scripts/static-server.mjs'));

const NETWORKS = {
  loopback: null,
  '10mbit': { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) },
  '3g': { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
};

function parseArgs(argv) {
  const o = { runs: 5, encodings: ['none', 'gzip', 'br'], networks: ['loopback'], exercise: 'slots-vs-dict', dists: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--encodings') o.encodings = argv[++i].split(',');
    else if (a === '--network') o.networks = argv[++i].split(',');
    else if (a === '--exercise') o.exercise = argv[++i];
    else if (a.includes('=')) {
      const [label, dir] = a.split('=');
      o.dists.push({ label, dir: path.resolve(dir) });
    } else o.dists.push({ label: path.basename(a), dir: path.resolve(a) });
  }
  if (o.dists.length === 0) o.dists.push({ label: 'dist', dir: path.join(ROOT, 'dist') });
  for (const n of o.networks) if (!(n in NETWORKS)) throw new Error(`unknown --network ${n}`);
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');

// In the page before anything else: when the target element appears, and
// every long task.
const OBSERVE = (selector, readable) => `
  window.__load = { interactive: null, readable: null, longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__load.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let seen = false;
  new MutationObserver((_, observer) => {
    if (!seen && document.querySelector(${JSON.stringify(readable)})) {
      seen = true;
      // After the next frame is drawn: two animation frames on.
      requestAnimationFrame(() => requestAnimationFrame(() => (window.__load.readable = performance.now())));
    }
    if (document.querySelector(${JSON.stringify(selector)})) {
      window.__load.interactive = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function coldLoad(browser, { url, selector, readable, network, runToo, log }) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (NETWORKS[network]) await cdp.send('Network.emulateNetworkConditions', NETWORKS[network]);
    await page.addInitScript(OBSERVE(selector, readable));
    log.length = 0;
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__load?.interactive != null && window.__load.readable != null, null, { timeout: 120_000 });
    let firstResult = null;
    if (runToo) {
      const started = await page.evaluate(() => performance.now());
      await page.click('[data-testid=run-button]');
      await page.waitForSelector('[data-testid=run-status][data-state=done]', { timeout: 120_000 });
      firstResult = (await page.evaluate(() => performance.now())) - started;
    }
    // Let the rest arrive (the worker), then read the page's records.
    let quiet = 0;
    let seen = -1;
    while (quiet < 5) {
      await page.waitForTimeout(100);
      if (log.length === seen) quiet++;
      else (seen = log.length), (quiet = 0);
    }
    const { timeOrigin, interactive, readable: readableAt, longTasks } = await page.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      ...window.__load,
    }));
    const cutoff = timeOrigin + interactive;
    const first = log.filter((r) => r.at <= cutoff);
    const window1s = longTasks.filter(([start]) => start <= interactive + 1000);
    return {
      interactive,
      readable: readableAt,
      firstResult: firstResult === null ? null : interactive + firstResult,
      firstBytes: first.reduce((a, r) => a + r.bytes, 0),
      firstCount: first.length,
      allBytes: log.reduce((a, r) => a + r.bytes, 0),
      allCount: log.length,
      longCount: window1s.length,
      longMax: Math.max(0, ...window1s.map(([, d]) => d)),
      tbt: window1s.reduce((a, [, d]) => a + Math.max(0, d - 50), 0),
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const browser = await chromium.launch({
    executablePath: process.env.HEAPWISE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const version = browser.version();
  const pages = [
    { name: 'catalogue', route: '/', selector: '[data-testid=exercise-card]', readable: '.exercise-card', runToo: false },
    { name: `exercise (${options.exercise})`, route: `/exercise/${options.exercise}`, selector: '[data-testid=run-button]', readable: '.card.task', runToo: true },
  ];
  const rows = [];
  try {
    for (const dist of options.dists) {
      const html = readFileSync(path.join(dist.dir, 'index.html'), 'utf8');
      const base = html.match(/<base\b[^>]*\bhref="([^"]*)"/)?.[1] ?? '/';
      for (const encoding of options.encodings) {
        const log = [];
        const { server, url } = await startServer({
          root: dist.dir,
          port: 0,
          quiet: true,
          base,
          encodings: encoding === 'none' ? [] : [encoding],
          onResponse: (r) => log.push({ ...r, at: Date.now() }),
        });
        try {
          for (const network of options.networks) {
            for (const p of pages) {
              const results = [];
              // One warm-up load, not counted (the first Chromium start pays
              // for compiling its own code).
              for (let i = -1; i < options.runs; i++) {
                const r = await coldLoad(browser, { url: `${url}${p.route}`, selector: p.selector, readable: p.readable, network, runToo: p.runToo, log });
                if (i >= 0) results.push(r);
              }
              const m = (key) => median(results.map((r) => r[key]));
              rows.push({
                config: `${dist.label}, ${encoding === 'none' ? 'identity' : encoding}`,
                network,
                page: p.name,
                firstBytes: m('firstBytes'),
                firstCount: m('firstCount'),
                allBytes: m('allBytes'),
                interactive: m('interactive'),
                readable: m('readable'),
                readableAll: results.map((r) => Math.round(r.readable)).join(' / '),
                interactiveAll: results.map((r) => Math.round(r.interactive)).join(' / '),
                firstResult: p.runToo ? m('firstResult') : null,
                longCount: m('longCount'),
                longMax: m('longMax'),
                tbt: m('tbt'),
              });
              process.stderr.write('.');
            }
          }
        } finally {
          server.close();
          server.closeAllConnections();
        }
      }
    }
  } finally {
    await browser.close();
  }
  process.stderr.write('\n');

  console.log(
    `Cold loads on ${[...new Set(rows.map((r) => r.network))].join(', ')}, median of ${options.runs} (Chromium ${version}; ` +
      `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end: timings need an idle machine):\n`,
  );
  console.log('| bundle, encoding | network | page | first load (bytes sent, responses) | all (bytes) | readable ms (median; runs) | interactive ms (median; runs) | first result ms | long tasks >50 ms (count, longest ms, TBT ms) |');
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.config} | ${r.network} | ${r.page} | ${fmt(r.firstBytes)} (${r.firstCount}) | ${fmt(r.allBytes)} | ` +
        `**${fmt(r.readable)}** (${r.readableAll}) | ` +
        `**${fmt(r.interactive)}** (${r.interactiveAll}) | ${r.firstResult === null ? '' : fmt(r.firstResult)} | ` +
        `${r.longCount}, ${fmt(r.longMax)}, ${fmt(r.tbt)} |`,
    );
  }

  // Before/after per lever, on the catalogue, from the rows above.
  const cat = rows.filter((r) => r.page === 'catalogue');
  const find = (label, enc, network) => cat.find((r) => r.config === `${label}, ${enc}` && r.network === network);
  const levers = [];
  for (const network of options.networks) {
    for (const d of options.dists) {
      for (const [a, b] of [['identity', 'gzip'], ['gzip', 'br'], ['identity', 'br']]) {
        const x = find(d.label, a, network);
        const y = find(d.label, b, network);
        if (x && y) levers.push({ lever: `${a} → ${b} (${d.label})`, network, x, y });
      }
    }
    for (let i = 1; i < options.dists.length; i++) {
      for (const enc of ['identity', 'gzip', 'br']) {
        const x = find(options.dists[0].label, enc, network);
        const y = find(options.dists[i].label, enc, network);
        if (x && y) levers.push({ lever: `${options.dists[0].label} → ${options.dists[i].label} (${enc})`, network, x, y });
      }
    }
  }
  if (levers.length) {
    console.log('\nLevers, catalogue first load (before → after, medians from the table above):\n');
    console.log('| lever | network | bytes before | bytes after | saved | interactive ms before → after |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const { lever, network, x, y } of levers) {
      const saved = x.firstBytes - y.firstBytes;
      console.log(
        `| ${lever} | ${network} | ${fmt(x.firstBytes)} | ${fmt(y.firstBytes)} | ${fmt(saved)} (${((100 * saved) / x.firstBytes).toFixed(1)} %) | ` +
          `${fmt(x.interactive)} → ${fmt(y.interactive)} |`,
      );
    }
  }
}

main().catch((error) => {
  console.error(`load bench: ${error.stack ?? error}`);
  process.exit(1);
});
