// The one fixture of the end-to-end tests: launches Debian's Chromium through
// playwright-core and wraps the Heapwise page in a page object. Specs talk
// to the page only through this file, and this file finds elements only by
// their data-testid (the UI contract), never by text, class or structure.
//
// Base URL: $HEAPWISE_URL (scripts/test.sh starts the server and sets it).
// Without it, the fixture serves $HEAPWISE_DIST (default ./dist) itself on a
// free loopback port, so `node --test tests/e2e/` works right after
// `trunk build --release --offline=true`.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const ARTIFACTS = path.join(HERE, 'artifacts');
/** The bundle under test (scripts/test.sh builds its own, away from dist/). */
export const DIST = path.resolve(process.env.HEAPWISE_DIST ?? path.join(ROOT, 'dist'));

/** Debian's Chromium; never a browser downloaded by Playwright. */
export const CHROMIUM = process.env.HEAPWISE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags for Chromium as root on a machine with a closed network: no sandbox
 * (root), no GPU, and none of Chromium's own background connections (which
 * this machine refuses, many at a time). Playwright's launch() runs every
 * browser on a fresh temporary user data dir, deleted on close, and each
 * page object below gets its own browser context (its own storage), so no
 * state leaks between tests or runs.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long to wait: for the page to show something, and for a run. */
export const TIMEOUT = {
  ui: Number(process.env.HEAPWISE_UI_TIMEOUT_MS ?? 15_000),
  run: Number(process.env.HEAPWISE_RUN_TIMEOUT_MS ?? 120_000),
};

/**
 * The registry as the Rust side declares it: `tests/e2e/registry.json`,
 * written from `src/exercises/mod.rs` by `UPDATE=1 cargo test --test
 * registry` and checked to be current by that test, so a new exercise is
 * covered by every spec without touching the tests and nothing here parses
 * Rust. `{ metrics, exercises: [{ slug, module, metric, records_timeline,
 * variants: [{ id, label }], params: [{ name, label, default, min, max }] }] }`.
 */
const REGISTRY = JSON.parse(await readFile(path.join(ROOT, 'tests/e2e/registry.json'), 'utf8'));

/** Every metric, as the page names them (`data-metric`). */
export const METRICS = REGISTRY.metrics;

/** Every registered exercise, in registry order. */
export async function registry() {
  return REGISTRY.exercises;
}

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/**
 * Runs axe-core on the page as it is; fails on critical or serious findings
 * (with `strict`, on any). The page must be opened with `bypassCSP: true`
 * (axe is added as a script tag).
 */
export async function audit(hw, what, { strict = false } = {}) {
  if (!(await hw.page.evaluate(() => Boolean(window.axe)))) await hw.page.addScriptTag({ path: AXE });
  const results = await hw.page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  const describe = (v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`;
  const blocking = results.violations.filter((v) => strict || v.impact === 'critical' || v.impact === 'serious');
  for (const v of results.violations.filter((v) => !blocking.includes(v))) console.log(`# ${what}: ${describe(v)}`);
  assert.deepEqual(blocking.map(describe), [], `${what}: critical or serious axe violations`);
}

/** The slugs of every registered exercise, in registry order. */
export async function registrySlugs() {
  return (await registry()).map((entry) => entry.slug);
}

let ownServer = null;

/** The URL the bundle is served at (no trailing slash). */
export async function baseUrl() {
  if (process.env.HEAPWISE_URL) return process.env.HEAPWISE_URL.replace(/\/+$/, '');
  if (!ownServer) {
    const { startServer } = await import(path.join(ROOT, 'scripts/static-server.mjs'));
    ownServer = await startServer({ root: DIST, port: 0, quiet: true });
    ownServer.server.unref();
  }
  return ownServer.url;
}

/** Launches Chromium headless with the flags above. */
export async function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * Registers before/after hooks for one spec file: one browser for the file,
 * a new context and page per test. Usage:
 *
 *   const app = useHeapwise();
 *   test('...', async (t) => { const hw = await app.open(t, '/'); ... });
 */
export function useHeapwise() {
  let browser = null;
  let url = null;
  before(async () => {
    url = await baseUrl();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    if (ownServer) {
      ownServer.server.close();
      ownServer = null;
    }
  });
  return {
    get baseUrl() {
      return url;
    },
    /**
     * A fresh page (own context) at `route`, closed when test `t` ends.
     * `options` go to browser.newContext (viewport, colorScheme, ...), but
     * `initScript`, which runs in the page before the app does.
     */
    async open(t, route = '/', { initScript, ...options } = {}) {
      const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 }, ...options });
      if (initScript) await context.addInitScript(initScript);
      const page = await context.newPage();
      const hw = new HeapwisePage(page, url);
      t.after(() => context.close());
      await hw.goto(route);
      return hw;
    },
  };
}

const byTestId = (id, attributes = {}) =>
  `[data-testid="${id}"]` +
  Object.entries(attributes)
    .map(([name, value]) => `[data-${name}="${value}"]`)
    .join('');

/** Parses an exact integer attribute; throws on anything else. */
function exactInteger(text, what) {
  if (text === null || text === undefined || !/^-?\d+$/.test(text)) {
    throw new Error(`${what}: expected an integer attribute, got ${JSON.stringify(text)}`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${what}: ${text} is not exactly representable`);
  return value;
}

export class HeapwisePage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    /** Uncaught exceptions in the page; specs assert there are none. */
    this.pageErrors = [];
    /** Console messages, kept to explain a failure. */
    this.console = [];
    page.on('pageerror', (error) => this.pageErrors.push(String(error?.stack ?? error)));
    page.on('console', (message) => this.console.push(`[${message.type()}] ${message.text()}`));
    page.on('worker', (worker) => {
      worker.on('console', (message) => this.console.push(`[worker ${message.type()}] ${message.text()}`));
    });
    page.setDefaultTimeout(TIMEOUT.ui);
  }

  // --- locators (data-testid only) ---------------------------------------

  testId(id, attributes) {
    return this.page.locator(byTestId(id, attributes));
  }

  exerciseCard(slug) { return this.testId('exercise-card', { slug }); }
  get exerciseCards() { return this.testId('exercise-card'); }
  get title() { return this.testId('exercise-title'); }
  param(name) { return this.testId(`param-${name}`); }
  paramError(name) { return this.testId(`param-error-${name}`); }
  get notice() { return this.testId('notice'); }
  get runButton() { return this.testId('run-button'); }
  get runStatus() { return this.testId('run-status'); }
  get runError() { return this.testId('run-error'); }
  get chart() { return this.page.locator(`svg${byTestId('chart')}`); }
  get revealHintButton() { return this.testId('reveal-hint'); }
  get hints() { return this.testId('hint'); }
  get notFound() { return this.testId('not-found'); }

  // --- navigation --------------------------------------------------------

  /** Loads `route` (path + query) as a fresh page load. */
  async goto(route) {
    const response = await this.page.goto(route, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(`GET ${route} answered ${response?.status()}: is the bundle built and served?`);
    }
  }

  /** Path and query of the current URL. */
  get route() {
    const url = new URL(this.page.url());
    return url.pathname + url.search;
  }

  /** Waits for `locator` to be visible; explains the failure if it is not. */
  async expectVisible(locator, what, timeout = TIMEOUT.ui) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout });
    } catch (error) {
      throw new Error(`${what} not visible within ${timeout} ms at ${this.route}\n${this.diagnostics()}`, {
        cause: error,
      });
    }
  }

  /**
   * Waits until the page has stopped scrolling: the same place at three
   * readings 200 ms apart. The page brings things into view smoothly two
   * frames after they change (a run's chart, a sweep's slopes), so a
   * pointer click made while that scroll is under way lands on whatever
   * has moved under it, or on nothing.
   */
  async atRest(timeout = TIMEOUT.ui) {
    await this.page.evaluate(() => (window.__heapwiseRest = []));
    await this.page.waitForFunction(
      () => {
        const seen = window.__heapwiseRest;
        seen.push([scrollX, scrollY].join());
        return seen.length >= 3 && seen.slice(-3).every((at) => at === seen.at(-1));
      },
      null,
      { polling: 200, timeout },
    );
  }

  /** Page errors and the last console lines, for failure messages. */
  diagnostics() {
    const lines = [];
    if (this.pageErrors.length) lines.push('page errors:', ...this.pageErrors.map((e) => `  ${e}`));
    if (this.console.length) lines.push('console (last 20):', ...this.console.slice(-20).map((c) => `  ${c}`));
    return lines.join('\n') || '(no page errors, no console output)';
  }

  // --- catalogue ---------------------------------------------------------

  /**
   * Waits until the catalogue has drawn every card: the page's first render
   * draws the first few and the rest in the next task (data-complete).
   */
  async catalogueDrawn() {
    await this.expectVisible(this.page.locator('[data-testid=catalogue][data-complete=true]'), 'the whole catalogue ([data-testid=catalogue][data-complete=true])');
  }

  /** The slugs of the cards on the catalogue, in page order. */
  async catalogueSlugs() {
    await this.catalogueDrawn();
    await this.expectVisible(this.exerciseCards, 'the catalogue ([data-testid=exercise-card])');
    return this.exerciseCards.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-slug')));
  }

  /** The open-exercise element inside a card (click it to open). */
  openLink(slug) {
    return this.exerciseCard(slug).locator(byTestId('open-exercise'));
  }

  /**
   * Where a card's open-exercise leads: its own href, or that of the link
   * wrapping it (yew-router's <Link> takes no data attributes, so the test
   * id may sit on the link's content rather than on the <a> itself).
   */
  async openHref(slug) {
    return this.openLink(slug).evaluate((el) => el.closest('a[href]')?.getAttribute('href') ?? null);
  }

  // --- parameters --------------------------------------------------------

  /** Every parameter input: { name: { value, min, max } }. */
  async params() {
    await this.expectVisible(this.runButton, 'the run button');
    const inputs = this.page.locator('[data-testid^="param-"]:not([data-testid^="param-error-"])');
    return Object.fromEntries(
      await inputs.evaluateAll((elements) =>
        elements.map((el) => [
          el.getAttribute('data-testid').slice('param-'.length),
          { value: el.value, min: el.getAttribute('min'), max: el.getAttribute('max') },
        ]),
      ),
    );
  }

  /** The current values of the parameters, as exact integers. */
  async paramValues() {
    const params = await this.params();
    return Object.fromEntries(
      Object.entries(params).map(([name, p]) => [name, exactInteger(p.value, `param-${name} value`)]),
    );
  }

  /** Types `value` into parameter `name` and leaves the field (commits it). */
  async setParam(name, value) {
    const input = this.param(name);
    await input.fill(String(value));
    await input.press('Tab');
  }

  // --- running -----------------------------------------------------------

  async runState() {
    return this.runStatus.getAttribute('data-state');
  }

  /**
   * Clicks Run and waits until this run has ended: the status must have
   * changed since the click and now be `done` or `failed`. Returns the
   * final state. (A MutationObserver records every state the status passes
   * through, so a fast run is not mistaken for the previous one. A change is
   * enough, `running` need not be seen: yew renders in batches, and on a
   * loaded machine a short run's answer can arrive before the batch that
   * would have shown `running`, so the status goes from `failed` straight
   * to `done`, as CI once saw.)
   */
  async run({ timeout = TIMEOUT.run } = {}) {
    await this.expectVisible(this.runButton, 'the run button');
    await this.page.evaluate(() => {
      const states = [];
      window.__heapwiseRunStates = states;
      const note = (el) => {
        if (el?.getAttribute?.('data-testid') === 'run-status') states.push(el.getAttribute('data-state'));
      };
      window.__heapwiseRunObserver?.disconnect();
      window.__heapwiseRunObserver = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes') {
            // oldValue catches a state that was replaced before we looked.
            if (record.target.getAttribute('data-testid') === 'run-status') states.push(record.oldValue);
            note(record.target);
          }
          for (const node of record.addedNodes) {
            if (node.nodeType !== 1) continue;
            note(node);
            node.querySelectorAll('[data-testid="run-status"]').forEach(note);
          }
        }
      });
      window.__heapwiseRunObserver.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeOldValue: true,
        attributeFilter: ['data-state'],
      });
    });
    await this.runButton.click();
    try {
      await this.page.waitForFunction(
        () => {
          const now = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state');
          return window.__heapwiseRunStates.length > 0 && (now === 'done' || now === 'failed');
        },
        null,
        { timeout },
      );
    } catch (error) {
      const seen = await this.page.evaluate(() => window.__heapwiseRunStates).catch(() => '?');
      throw new Error(
        `the run did not end within ${timeout} ms at ${this.route} (states seen: ${JSON.stringify(seen)}, ` +
          `now: ${await this.runState().catch(() => '?')})\n${this.diagnostics()}`,
        { cause: error },
      );
    }
    await this.page.evaluate(() => window.__heapwiseRunObserver?.disconnect());
    return this.runState();
  }

  /** Runs and insists it succeeded. */
  async runExpectingDone(options) {
    const state = await this.run(options);
    if (state !== 'done') {
      const message = (await this.runError.count()) ? await this.runError.first().innerText() : '(no run-error)';
      throw new Error(`run ended in state ${state} at ${this.route}: ${message}\n${this.diagnostics()}`);
    }
  }

  // --- results -----------------------------------------------------------

  /**
   * Every figure shown: [{ variant, metric, value }] in page order, `value`
   * being data-bytes (or data-count for allocations) as an exact integer.
   */
  async figures() {
    const raw = await this.testId('figure').evaluateAll((elements) =>
      elements.map((el) => ({
        variant: el.getAttribute('data-variant'),
        metric: el.getAttribute('data-metric'),
        bytes: el.getAttribute('data-bytes'),
        count: el.getAttribute('data-count'),
      })),
    );
    return raw.map((f) => {
      const attribute = f.metric === 'allocations' ? 'count' : 'bytes';
      return {
        variant: f.variant,
        metric: f.metric,
        value: exactInteger(f[attribute], `figure ${f.variant}/${f.metric} data-${attribute}`),
      };
    });
  }

  /** The variants that have figures, in page order. */
  async variants() {
    return [...new Set((await this.figures()).map((f) => f.variant))];
  }

  /** One figure's exact value. */
  async figure(variant, metric) {
    const matching = (await this.figures()).filter((f) => f.variant === variant && f.metric === metric);
    if (matching.length !== 1) {
      throw new Error(`expected exactly one figure for ${variant}/${metric}, found ${matching.length}`);
    }
    return matching[0].value;
  }

  /**
   * The chart's bars: [{ variant, metric, value }], `value` read like a
   * figure's (data-bytes, or data-count for allocations).
   */
  async bars() {
    const raw = await this.chart.locator(byTestId('bar')).evaluateAll((elements) =>
      elements.map((el) => ({
        variant: el.getAttribute('data-variant'),
        metric: el.getAttribute('data-metric'),
        bytes: el.getAttribute('data-bytes'),
        count: el.getAttribute('data-count'),
      })),
    );
    return raw.map((b) => {
      const attribute = b.metric === 'allocations' ? 'count' : 'bytes';
      return {
        variant: b.variant,
        metric: b.metric,
        value: exactInteger(b[attribute], `bar ${b.variant}/${b.metric} data-${attribute}`),
      };
    });
  }

  /** data-agree of the checksum check: true, false, or null if absent. */
  async checksumsAgree() {
    const value = await this.testId('checksums-agree').getAttribute('data-agree');
    return value === null ? null : value === 'true';
  }

  /** The pointer size the worker measured with (4 on wasm32). */
  async pointerBytes() {
    return exactInteger(await this.testId('pointer-bytes').getAttribute('data-value'), 'pointer-bytes data-value');
  }

  // --- sweeps and presentation mode ---------------------------------------

  get sweepButton() { return this.testId('sweep-button'); }
  get sweepStatus() { return this.testId('sweep-status'); }
  get sweepCancel() { return this.testId('sweep-cancel'); }
  get sweepError() { return this.testId('sweep-error'); }
  /** The sweep's range inputs: `from`, `to` or `points`. */
  sweepInput(field) { return this.testId(`sweep-${field}`); }

  /** Types a sweep range into its three inputs. */
  async setSweep({ from, to, points }) {
    for (const [field, value] of Object.entries({ from, to, points })) {
      if (value === undefined) continue;
      await this.sweepInput(field).fill(String(value));
    }
  }

  /**
   * Starts a sweep with `start` (default: click Sweep) and waits until it
   * has been running and has ended (`done`, `failed` or `cancelled`); or,
   * with `until`, until the status is in that state. Returns the state.
   */
  async sweep({ start, until, timeout = TIMEOUT.run } = {}) {
    await this.page.evaluate(() => {
      const states = [];
      window.__heapwiseSweepStates = states;
      const note = (el) => {
        if (el?.getAttribute?.('data-testid') === 'sweep-status') states.push(el.getAttribute('data-state'));
      };
      window.__heapwiseSweepObserver?.disconnect();
      window.__heapwiseSweepObserver = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes') note(record.target);
          for (const node of record.addedNodes) {
            if (node.nodeType !== 1) continue;
            note(node);
            node.querySelectorAll('[data-testid="sweep-status"]').forEach(note);
          }
        }
      });
      window.__heapwiseSweepObserver.observe(document.body, {
        subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-done'],
      });
    });
    await (start ?? (() => this.sweepButton.click()))();
    const ended = until ? [until] : ['done', 'failed', 'cancelled'];
    try {
      await this.page.waitForFunction(
        (ended) => {
          const now = document.querySelector('[data-testid="sweep-status"]')?.getAttribute('data-state');
          return window.__heapwiseSweepStates.includes('running') && ended.includes(now);
        },
        ended,
        { timeout },
      );
    } catch (error) {
      const seen = await this.page.evaluate(() => window.__heapwiseSweepStates).catch(() => '?');
      throw new Error(`the sweep did not reach ${ended} within ${timeout} ms at ${this.route} (states seen: ` +
        `${JSON.stringify(seen)})\n${this.diagnostics()}`, { cause: error });
    }
    await this.page.evaluate(() => window.__heapwiseSweepObserver?.disconnect());
    return this.sweepStatus.getAttribute('data-state');
  }

  /** How many sizes the sweep on screen has measured, of how many. */
  async sweepProgress() {
    const [done, total] = await Promise.all(['data-done', 'data-total'].map((a) => this.sweepStatus.getAttribute(a)));
    return { done: exactInteger(done, 'sweep-status data-done'), total: exactInteger(total, 'sweep-status data-total') };
  }

  async #sweepValues(id) {
    const raw = await this.testId(id).evaluateAll((elements) =>
      elements.map((el) => ({
        variant: el.getAttribute('data-variant'),
        size: el.getAttribute('data-size'),
        bytes: el.getAttribute('data-bytes'),
        count: el.getAttribute('data-count'),
      })),
    );
    return raw.map((p) => ({
      variant: p.variant,
      size: exactInteger(p.size, `${id} data-size`),
      value: exactInteger(p.bytes ?? p.count, `${id} ${p.variant}@${p.size} data-bytes/data-count`),
    }));
  }

  /** The sweep chart's markers: [{ variant, size, value }] (value: data-bytes, or data-count). */
  async sweepPoints() { return this.#sweepValues('sweep-point'); }
  /** The sweep table's cells, read the same way. */
  async sweepCells() { return this.#sweepValues('sweep-cell'); }

  /** Each variant's slope as the page states it: { variant: number }. */
  async sweepSlopes() {
    const raw = await this.testId('sweep-slope').evaluateAll((elements) =>
      elements.map((el) => [el.getAttribute('data-variant'), el.getAttribute('data-slope')]),
    );
    return Object.fromEntries(raw.map(([variant, slope]) => [variant, slope === null ? null : Number(slope)]));
  }

  /** True while <html> is in presentation mode. */
  async presenting() {
    return this.page.evaluate(() => document.documentElement.hasAttribute('data-present'));
  }

  /**
   * Every visible text under the elements with test id `id` whose computed
   * font size is below `px`: [{ text, px }] (empty when all are large enough).
   */
  async textSmallerThan(id, px) {
    if ((await this.testId(id).count()) === 0) throw new Error(`no [data-testid=${id}] to measure at ${this.route}`);
    return this.testId(id).evaluateAll((roots, px) => {
      const small = [];
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent.trim();
          const parent = node.parentElement;
          if (!text || !parent || parent.closest('title')) continue; // <title> is a tooltip, not drawn
          const style = getComputedStyle(parent);
          if (style.visibility === 'hidden' || parent.getClientRects().length === 0) continue;
          const size = parseFloat(style.fontSize);
          if (size < px) small.push({ text: text.slice(0, 40), px: size });
        }
      }
      return small;
    }, px);
  }

  // --- hints, solution, sources ------------------------------------------

  async revealHint() {
    await this.revealHintButton.click();
  }

  async hintCount() {
    return this.hints.count();
  }

  async show(buttonId, contentId) {
    await this.testId(buttonId).click();
    await this.expectVisible(this.testId(contentId), `[data-testid=${contentId}] after clicking ${buttonId}`);
    return this.testId(contentId).first().innerText();
  }

  async text(id) {
    await this.expectVisible(this.testId(id), `[data-testid=${id}]`);
    return this.testId(id).first().innerText();
  }

  // --- export and re-open ------------------------------------------------

  /**
   * Every exact figure inside the results, in page order: one entry per
   * element carrying data-bytes, data-count or data-value, with the
   * attributes that say what it is. Two runs show the same results when
   * these lists are equal.
   */
  async resultFigures() {
    return this.page.locator('.results').first().evaluate((results) =>
      [...results.querySelectorAll('[data-bytes], [data-count], [data-value], [data-peak-bytes]')]
        .filter((el) => !el.closest('[data-testid="export"]'))
        .map((el) => Object.fromEntries(
          [...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]),
        )),
    );
  }

  /**
   * Clicks export button `format` (csv, json, svg, png) and returns the
   * download: { name, bytes } (bytes a Buffer).
   */
  async exportFile(format) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: TIMEOUT.ui }),
      this.testId(`export-${format}`).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  /** Opens `{ name, text }` with the "Open results…" file button. */
  async openResultsFile({ name, text }) {
    await this.testId('open-results-input').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text, 'utf8'),
    });
  }

  /** Drops `{ name, text }` on the page, as a file dragged from the desktop. */
  async dropResultsFile({ name, text }) {
    await this.page.evaluate(({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.querySelector('main');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    }, { name, text });
  }

  // --- catalogue filters -------------------------------------------------

  /** Chooses `value` in filter `kind` (group, origin, difficulty, tag). */
  async chooseFilter(kind, value) {
    await this.testId(`filter-${kind}`).selectOption(String(value));
  }

  /** The options of filter `kind` (values, the "any" option first). */
  async filterOptions(kind) {
    return this.testId(`filter-${kind}`).locator('option').evaluateAll((options) => options.map((o) => o.value));
  }

  /** Types `text` into the catalogue's search box (replacing what is there). */
  async searchCatalogue(text) {
    await this.testId('filter-search').fill(text);
  }

  /** Types `text` into the empty search box key by key, as a student does. */
  async typeInCatalogueSearch(text) {
    const box = this.testId('filter-search');
    await box.fill('');
    await box.focus();
    await this.page.keyboard.type(text, { delay: 20 });
  }

  /** The count the catalogue announces: { shown, total, text }. */
  async filterCount() {
    const count = this.testId('filter-count');
    return {
      shown: exactInteger(await count.getAttribute('data-shown'), 'filter-count data-shown'),
      total: exactInteger(await count.getAttribute('data-total'), 'filter-count data-total'),
      text: (await count.innerText()).trim(),
    };
  }

  /** The slugs of the cards on screen now (possibly none). */
  async visibleSlugs() {
    await this.catalogueDrawn();
    return this.exerciseCards.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-slug')));
  }

  // --- artifacts ---------------------------------------------------------

  /** Saves a full-page screenshot as tests/e2e/artifacts/<name>.png. */
  async screenshot(name) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Fails if the page threw an uncaught exception. */
  assertNoPageErrors() {
    if (this.pageErrors.length) {
      throw new Error(`uncaught page errors at ${this.route}:\n${this.pageErrors.join('\n')}`);
    }
  }
}
