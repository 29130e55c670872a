// The editor's text judged ahead (runtime.js `prepare`): where the browser
// has a second core, a text left unchanged for a moment is judged in a
// worker of its own before Run Python is pressed, and Run takes that
// judged run over; a change to the text throws it away. One page on
// slots-vs-dict:
//  - the verdict of a Run comes from a judged run that started before the
//    click (the program prints the clock: the checked run's time is before
//    it, the console's after it);
//  - a text changed while its judged run goes on: that run is thrown away
//    and the new text is judged instead;
//  - the same text run twice: the second Run takes a judged run of its own
//    too, started after the first ended.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';

/** A program that prints when it ran, in seconds of the page's clock. */
const CLOCK = 'import time\nprint(f"ran at {time.time():.3f}")\n';
const ranAt = (text) => Number(/ran at (\d+\.\d+)/.exec(text)?.[1]);

/** Waits until the runtime judges `source` ahead and that run is in `state` ('running' or 'answered'). */
async function judgedAhead(py, source, state, within = 60_000) {
  for (const until = Date.now() + within; ; ) {
    const ahead = (await py.runtime()).ahead;
    if (ahead?.source === source && ahead.state === state) return;
    if (Date.now() > until) throw new Error(`not judged ahead (${state}) within ${within / 1000} s: ${JSON.stringify(ahead)}`);
    await py.page.waitForTimeout(50);
  }
}

async function openPanel(t) {
  const hw = await app.open(t, `/exercise/${SLUG}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  if (!(await py.parallel())) {
    t.skip('one core here: nothing is judged ahead');
    return null;
  }
  await py.sparesReady();
  return { hw, py };
}

/** Run Python, and the clock when it was clicked, read in the page. */
async function runTimed(py) {
  let clicked = null;
  await py.run({ start: async () => { clicked = await py.page.evaluate(() => Date.now() / 1000); await py.runButton.click(); } });
  return clicked;
}

/** When the plain run (the console) and the judged run (the checks' copy of its output) ran. */
async function runsAt(hw, py) {
  const checked = await hw.testId('python-checked-output').evaluate((box) => box.textContent);
  return { plain: ranAt(await py.consoleText()), judged: ranAt(checked) };
}

test('the text is judged while the student reads: the verdict is from a judged run started before the click', async (t) => {
  const opened = await openPanel(t);
  if (!opened) return;
  const { hw, py } = opened;
  await py.setText(CLOCK);
  await judgedAhead(py, CLOCK, 'answered');
  const clicked = await runTimed(py);
  const at = await runsAt(hw, py);
  assert.ok(at.judged < clicked, `the checked run ran at ${at.judged}, before the click at ${clicked}`);
  assert.ok(at.plain >= clicked, `the console's run ran at ${at.plain}, after the click at ${clicked}`);
  assert.ok((await py.checks()).length > 0, 'the checks of the run judged ahead are shown');
  hw.assertNoPageErrors();
});

test('a text changed while it is judged ahead: that run is thrown away, the new text judged instead', async (t) => {
  const opened = await openPanel(t);
  if (!opened) return;
  const { hw, py } = opened;
  const slow = 'import time\ntime.sleep(30)\n';
  await py.setText(slow);
  await judgedAhead(py, slow, 'running');
  // Workers that end from now on: the slow text's, thrown away, and the new
  // text's, once it has answered (a worker is thrown away after its result).
  let ended = 0;
  const watch = (worker) => worker.on('close', () => { ended += 1; });
  py.page.workers().forEach(watch);
  py.page.on('worker', watch);
  await py.setText(CLOCK);
  await judgedAhead(py, CLOCK, 'answered', 20_000);
  for (const until = Date.now() + 5_000; ended < 2 && Date.now() < until; ) await py.page.waitForTimeout(50);
  assert.ok(ended >= 2, `the slow text's worker was stopped, not left asleep beside the new one (${ended} worker(s) ended)`);
  const clicked = await runTimed(py);
  const at = await runsAt(hw, py);
  assert.ok(at.judged < clicked, 'the verdict is the new text\'s, judged ahead');
  hw.assertNoPageErrors();
});

test('the same text run twice: each Run takes a judged run started after the one before ended', async (t) => {
  const opened = await openPanel(t);
  if (!opened) return;
  const { hw, py } = opened;
  await py.setText(CLOCK);
  await judgedAhead(py, CLOCK, 'answered');
  await runTimed(py);
  const first = await runsAt(hw, py);
  await judgedAhead(py, CLOCK, 'answered');
  const clicked = await runTimed(py);
  const second = await runsAt(hw, py);
  assert.ok(second.judged > first.plain, `the second verdict's run (${second.judged}) is not the first's (${first.judged})`);
  assert.ok(second.judged < clicked, 'and it was judged ahead too');
  hw.assertNoPageErrors();
});
