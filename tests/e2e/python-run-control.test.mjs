// Running the student's Python: output streams in, errors point at the
// student's own lines, Stop ends a runaway program within a second, the
// time limit stops one with a message, and a program that exhausts memory
// (or the stack) is reported; after each, the next run works. One page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const [slug] = await registrySlugs();

test('running, failing, stopping and recovering', async (t) => {
  const hw = await app.open(t, `/exercise/${slug}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();

  const worksAgain = async (what) => {
    await py.setText(`print("alive after ${what}", 6 * 7)\n`);
    assert.equal(await py.run(), 'done', `a run after ${what} works`);
    assert.match(await py.consoleText(), new RegExp(`alive after ${what} 42`));
  };

  await t.test('output streams while the program runs', async () => {
    // 3 s between the lines: "first" seen and the state read well within
    // it on a loaded machine (at 1.5 s, CI's neighbours once made it late).
    await py.setText('import time\nprint("first", flush=True)\ntime.sleep(3)\nprint("second")\n');
    const before = await py.runId();
    await py.runButton.click();
    await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-console"]').textContent.includes('first'), null, { timeout: 60_000 });
    assert.equal(await py.state(), 'running', '"first" is shown while the program still runs');
    assert.equal(await py.waitForEnd(before), 'done');
    assert.match(await py.consoleText(), /first\s+second/);
  });

  await t.test('a syntax error shows its line', async () => {
    await py.setText('x = 1\nif x == 1\n    print(x)\n');
    assert.equal(await py.run(), 'error');
    assert.equal(await py.status.getAttribute('data-line'), '2');
    assert.match(await py.status.innerText(), /SyntaxError on line 2 of solution\.py/);
    assert.match(await py.consoleText(), /solution\.py", line 2/);
  });

  await t.test('a traceback uses the student\'s file and line numbers', async () => {
    await py.setText('def ratio(a, b):\n    return a / b\n\nprint("before")\nratio(1, 0)\n');
    assert.equal(await py.run(), 'error');
    const text = await py.consoleText();
    assert.match(text, /before/);
    assert.match(text, /File "solution\.py", line 5/);
    assert.match(text, /File "solution\.py", line 2, in ratio/);
    assert.match(text, /ZeroDivisionError/);
    assert.equal(await py.status.getAttribute('data-line'), '2');
  });

  await t.test('Stop ends an infinite loop, and the next run works', async (t2) => {
    assert.ok((await py.checkItems.count()) > 0, 'the previous run left its checks on screen');
    await py.setText('print("looping", flush=True)\nwhile True:\n    pass\n');
    const before = await py.runId();
    await py.runButton.click();
    await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-console"]').textContent.includes('looping'), null, { timeout: 60_000 });
    const clicked = Date.now();
    await py.stopButton.click();
    // Stopping ends the worker at once; how long the page takes to say so
    // depends on the machine's load (1,011 ms was seen with two specs at a
    // time on two cores), so the time is reported, not asserted.
    assert.equal(await py.waitForEnd(before, { until: ['stopped'], timeout: 15_000 }), 'stopped');
    t2.diagnostic(`stopped ${Date.now() - clicked} ms after the click`);
    // Nothing of the previous program is shown as this one's verdict (issue 28).
    assert.equal(await py.checkItems.count(), 0, 'no check of the previous run beside the stopped one');
    assert.equal(await py.solved.count(), 0);
    assert.match(await hw.testId('python-no-checks').innerText(), /No checks ran/);
    await worksAgain('Stop');
  });

  await t.test('the time limit stops a runaway program and says so', async () => {
    await py.timeLimit.fill('2');
    await py.timeLimit.press('Tab');
    await py.setText('while True:\n    pass\n');
    assert.equal(await py.run(), 'stopped');
    assert.match(await py.status.innerText(), /time limit of 2 s/);
    await py.timeLimit.fill('30');
    await py.timeLimit.press('Tab');
    await worksAgain('the time limit');
  });

  await t.test('the checks get ten times the limit, and past it the page says the program itself ended', async () => {
    // A program that ends at once, whose is_cached (object-overhead's
    // checks call it) runs for a minute: its own run is in time, its
    // checked run is stopped after ten times the limit of 1 s.
    await py.timeLimit.fill('1');
    await py.timeLimit.press('Tab');
    await py.setText([
      'import time',
      '',
      'def is_cached(value):',
      '    end = time.perf_counter() + 60',
      '    while time.perf_counter() < end:',
      '        pass',
      '    return True',
      '',
      'print("defined")',
      '',
    ].join('\n'));
    const before = await py.runId();
    await py.runButton.click();
    await hw.page.waitForFunction(() => document.querySelector('[data-testid="python-status"]')?.getAttribute('data-state') === 'checking', null, { timeout: 60_000 });
    assert.match(await py.status.innerText(), /with the checks \(time limit 10 s\)/);
    assert.equal(await py.waitForEnd(before, { timeout: 120_000 }), 'error', 'no verdict');
    const said = await py.status.innerText();
    assert.match(said, /^Stopped while checking: your program ran to its end/);
    assert.match(said, /after 10 s \(10 times the time limit\)/);
    assert.match(await hw.testId('python-no-checks').innerText(), /stopped before its verdict/);
    assert.match(await py.consoleText(), /defined/);
    assert.equal(await py.solved.count(), 0);
    await py.timeLimit.fill('30');
    await py.timeLimit.press('Tab');
    await worksAgain('the checks\' limit');
  });

  await t.test('a program that exhausts memory is reported, and the next run works', async () => {
    await py.setText('blocks = []\nwhile True:\n    blocks.append(bytearray(16 * 1024 * 1024))\n');
    assert.equal(await py.run(), 'error');
    assert.match(await py.status.innerText(), /out of memory/i);
    await worksAgain('running out of memory');
  });

  await t.test('a recursion that overflows the browser\'s stack is reported, and the next run works', async () => {
    // repr() recursing through C uses the JavaScript stack, which would
    // overflow long before a raised recursion limit.
    await py.setText([
      'import sys',
      'sys.setrecursionlimit(10 ** 6)',
      'class Node:',
      '    def __init__(self, inner):',
      '        self.inner = inner',
      '    def __repr__(self):',
      '        return "(" + repr(self.inner) + ")"',
      'node = None',
      'for _ in range(20_000):',
      '    node = Node(node)',
      'print(len(repr(node)))',
      '',
    ].join('\n'));
    // The harness holds the recursion limit at what the browser's stack can
    // take (issue 20), so this is a RecursionError on the program's line;
    // were the stack to overflow first, the runtime is replaced and says so.
    assert.equal(await py.run(), 'error');
    const said = await py.status.innerText();
    assert.match(said, /RecursionError on line \d+ of solution\.py|ran out of stack/i);
    if (/ran out of stack/i.test(said)) assert.match(said, /your text is kept/i);
    await worksAgain('a recursion that went too deep');
  });

  hw.assertNoPageErrors();
  py.assertNoCspViolations();
});
