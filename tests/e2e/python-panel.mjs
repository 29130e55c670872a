// Page object for the "Your Python" panel, on top of HeapwisePage (which
// owns the browser, the page and its diagnostics). Like that file, it finds
// elements only by data-testid (the panel's contract in
// src/ui/python_panel.rs), never by text, class or structure; the one
// exception is the editor's own elements inside python-editor, which
// CodeMirror creates in a shadow root (Playwright's CSS locators pierce it).

import { TIMEOUT } from './heapwise-page.mjs';
import { parallelRuns } from '../../www/python/runtime.js';

/** Cold Pyodide loads in ~3 s on an idle machine; allow for a busy one. */
export const PY_TIMEOUT = Number(process.env.HEAPWISE_PY_TIMEOUT_MS ?? 90_000);
const ENDED = ['done', 'error', 'stopped'];

/** A URL path that belongs to the Python runtime or the panel's files. */
export const isPythonFile = (url) => /\/python\/|pyodide|python_stdlib|\.asm\.(wasm|m?js)/.test(new URL(url).pathname);
/**
 * python/panel.js is the panel's own code, not the runtime: an exercise page
 * loads it (about 5 kB) to bring back text a crash kept in IndexedDB, with
 * the panel closed. Every other file under python/ is the runtime's.
 */
export const isPanelCode = (url) => new URL(url).pathname.endsWith('/python/panel.js');
export const isRuntimeFile = (url) => isPythonFile(url) && !isPanelCode(url);

export class PythonPanel {
  constructor(hw) {
    this.hw = hw;
    this.page = hw.page;
  }

  get panel() { return this.hw.testId('python-panel'); }
  get editor() { return this.hw.testId('python-editor'); }
  /** The element that takes the keyboard inside the editor (CodeMirror's). */
  get editable() { return this.editor.locator('[contenteditable="true"]'); }
  get runButton() { return this.hw.testId('python-run'); }
  get stopButton() { return this.hw.testId('python-stop'); }
  get resetButton() { return this.hw.testId('python-reset'); }
  get loadSolutionButton() { return this.hw.testId('python-load-solution'); }
  get confirmButton() { return this.hw.testId('python-confirm'); }
  get cancelButton() { return this.hw.testId('python-cancel'); }
  get fileInput() { return this.hw.testId('python-open-file'); }
  get timeLimit() { return this.hw.testId('python-time-limit'); }
  get console() { return this.hw.testId('python-console'); }
  get status() { return this.hw.testId('python-status'); }
  get notice() { return this.hw.testId('python-notice'); }
  get solved() { return this.hw.testId('python-solved'); }
  get checkItems() { return this.hw.testId('python-check'); }

  /** Opens the panel (if it is not open) and waits for the editor. */
  async open() {
    if ((await this.editable.count()) === 0) {
      await this.hw.expectVisible(this.panel, 'the Python panel');
      await this.panel.click();
    }
    await this.hw.expectVisible(this.editable, 'the Python editor', PY_TIMEOUT);
  }

  async state() {
    return this.status.getAttribute('data-state');
  }

  /** Waits until the runtime is ready (status done with no run, or any ended run). */
  async ready() {
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="python-status"]')?.getAttribute('data-state') !== 'loading',
      null,
      { timeout: PY_TIMEOUT },
    );
  }

  /** The runtime's own view of its workers and runs (python-bridge.js pythonSnapshot). */
  async runtime() {
    return this.page.evaluate(async () => (await import('/python-bridge.js')).pythonSnapshot());
  }

  /** Whether this browser starts the program's run and its judged run together (runtime.js parallelRuns). */
  async parallel() {
    return parallelRuns(await this.page.evaluate(() => ({ hardwareConcurrency: navigator.hardwareConcurrency, deviceMemory: navigator.deviceMemory })));
  }

  /**
   * Waits until the spare interpreters the runtime keeps while idle are
   * ready (2 where runs go on at once, else 1), so that a run's timing
   * does not depend on how far their restoring had got. Returns how many.
   */
  async sparesReady(within = 60_000) {
    const spares = (await this.parallel()) ? 2 : 1;
    for (const until = Date.now() + within; (await this.runtime()).spares !== spares; ) {
      if (Date.now() > until) throw new Error(`${spares} spare workers not ready within ${within / 1000} s: ${JSON.stringify(await this.runtime())}`);
      await this.page.waitForTimeout(100);
    }
    return spares;
  }

  /** Puts `text` in the editor the way a student can: through the file input. */
  async setText(text, name = 'solution.py') {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/x-python', buffer: Buffer.from(text) });
    await this.page.waitForFunction(
      (first) => {
        const host = document.querySelector('[data-testid="python-editor"]');
        return (host?.shadowRoot ?? host)?.querySelector('.cm-content')?.textContent.includes(first);
      },
      text.split('\n').find((l) => l.trim()).trim(),
    );
  }

  /** The editor's text as shown (CodeMirror draws only visible lines: fine for short programs). */
  async text() {
    return this.editor.locator('.cm-line').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
  }

  /** Clicks `button`, then confirms when the panel asks. */
  async replaceWith(button) {
    await button.click();
    await this.hw.expectVisible(this.confirmButton, 'the confirmation');
    await this.confirmButton.click();
  }

  async loadSolution() { await this.replaceWith(this.loadSolutionButton); }
  async resetToStarter() { await this.replaceWith(this.resetButton); }

  /** data-run of the status line: the id of the latest run (null before any). */
  async runId() {
    return this.status.getAttribute('data-run').catch(() => null);
  }

  /**
   * Starts a run (click, or `start()`), waits until that run has ended and
   * returns its final state. A run is known by data-run on the status line,
   * so the end of an earlier run is never mistaken for this one's.
   */
  async run({ timeout = PY_TIMEOUT, start = () => this.runButton.click(), until = ENDED } = {}) {
    const before = await this.runId();
    await start();
    return this.waitForEnd(before, { timeout, until });
  }

  /**
   * Waits until a run newer than `before` (a runId()) is in one of the
   * `until` states, and Memory by line's run after its verdict, if any,
   * has ended too (python-lines-pending gone).
   */
  async waitForEnd(before, { timeout = PY_TIMEOUT, until = ENDED } = {}) {
    try {
      await this.page.waitForFunction(
        ([before, until]) => {
          const status = document.querySelector('[data-testid="python-status"]');
          const run = status?.getAttribute('data-run');
          return run && run !== before && until.includes(status.getAttribute('data-state'))
            && !document.querySelector('[data-testid="python-lines-pending"]');
        },
        [before, until],
        { timeout },
      );
    } catch (error) {
      const state = await this.state().catch(() => '?');
      const text = await this.status.innerText().catch(() => '?');
      throw new Error(`the Python run did not end within ${timeout} ms (state ${state}: ${text})\n${this.hw.diagnostics()}`, { cause: error });
    }
    return this.state();
  }

  async consoleText() {
    return this.console.innerText();
  }

  /** [{ name, passed, text }] in page order. */
  async checks() {
    return this.checkItems.evaluateAll((items) =>
      items.map((el) => ({ name: el.getAttribute('data-name'), passed: el.getAttribute('data-passed'), text: el.textContent.trim() })),
    );
  }

  /** [{ label, bytes }] of every python-figure, bytes an exact integer. */
  async figures() {
    const raw = await this.hw.testId('python-figure').evaluateAll((els) =>
      els.map((el) => ({ label: el.getAttribute('data-label'), bytes: el.getAttribute('data-bytes') })),
    );
    return raw.map((f) => {
      if (!/^\d+$/.test(f.bytes ?? '')) throw new Error(`python-figure ${f.label}: data-bytes ${JSON.stringify(f.bytes)} is not an integer`);
      return { label: f.label, bytes: Number(f.bytes) };
    });
  }

  /** Fails if the browser refused anything under the Content-Security-Policy (a console error). */
  assertNoCspViolations() {
    const refused = this.hw.console.filter((line) => /Content Security Policy/i.test(line));
    if (refused.length) throw new Error(`Content-Security-Policy violations:\n${refused.join('\n')}`);
  }

  /** Moves to `route` inside the app (no reload: the Python runtime stays warm). */
  async navigate(route) {
    await this.page.evaluate((route) => {
      history.pushState(null, '', route);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, route);
    await this.page.waitForFunction((path) => location.pathname === path, new URL(route, 'http://x').pathname, { timeout: TIMEOUT.ui });
  }
}
