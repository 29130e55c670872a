// Keyboard use: the run panel comes early in the tab order, and focus never
// drops to <body> after Run, after the last hint, after a quiz answer or
// after committing predictions. A parameter error is announced once (the
// live region names the parameter, not the value being typed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

const focused = (hw) =>
  hw.page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body || !el ? 'body' : el.getAttribute('data-testid') ?? el.tagName.toLowerCase();
  });

/** Waits (without sleeping) until the focus is on `id`, or anywhere but the body for `null`; returns where it is. */
const focusSettles = async (hw, id = null) => {
  await hw.page
    .waitForFunction(
      (id) => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        return id === null || el.getAttribute('data-testid') === id;
      },
      id,
      { timeout: 15_000 },
    )
    .catch(() => {}); // the assertion below says where it is instead
  return focused(hw);
};

test('Run comes right after the task (and its predictions) in the tab order, and keeps focus through the run', async (t) => {
  // slots-vs-dict has predict-the-output statements (answered before a run)
  // and a quiz; bounded-lru-cache has neither but three parameters.
  const other = await app.open(t, '/exercise/bounded-lru-cache');
  await other.expectVisible(other.runButton, 'the run button');
  const reached = [];
  while (reached.at(-1) !== 'run-button' && reached.length < 40) {
    await other.page.keyboard.press('Tab');
    reached.push(await focused(other));
  }
  // Skip link, theme, home, the task's "Write it in Python", the starter
  // code, three parameters, Run.
  assert.ok(reached.length <= 9, `Run is ${reached.length} Tab presses from the top: ${reached.join(', ')}`);

  const hw = await app.open(t, '/exercise/slots-vs-dict');
  await hw.expectVisible(hw.runButton, 'the run button');
  const before = [];
  while (before.at(-1) !== 'run-button' && before.length < 40) {
    await hw.page.keyboard.press('Tab');
    before.push(await focused(hw));
  }
  assert.equal(before.at(-1), 'run-button');
  for (const later of ['reveal-hint', 'show-solution', 'quiz-choice']) {
    assert.ok(!before.includes(later), `Run comes before ${later}: ${before.join(', ')}`);
  }

  await hw.page.keyboard.press('Enter');
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state') === 'done', null, { timeout: 120_000 });
  assert.equal(await focused(hw), 'run-button', 'focus stays on Run');
  hw.assertNoPageErrors();
});

test('focus moves to what appeared after the last hint and after answering', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict');
  await hw.expectVisible(hw.revealHintButton, 'the hint button');
  while ((await hw.revealHintButton.count()) > 0) {
    await hw.revealHintButton.focus();
    await hw.page.keyboard.press('Enter');
    assert.notEqual(await focusSettles(hw), 'body', `after hint ${await hw.hintCount()}`);
  }
  assert.equal(await focused(hw), 'hint', 'the last hint has focus');

  const choice = hw.testId('quiz-choice').first();
  await choice.focus();
  await hw.page.keyboard.press('Enter');
  await hw.expectVisible(hw.testId('quiz-verdict'), 'the verdict');
  assert.equal(await focusSettles(hw, 'quiz-verdict'), 'quiz-verdict', 'the verdict has focus');
  hw.assertNoPageErrors();
});

test('committing predictions moves focus to the score', async (t) => {
  const hw = await app.open(t, '/exercise/generator-vs-list');
  const statements = hw.testId('predict-true');
  await hw.expectVisible(statements, 'the predictions');
  for (let i = 0; i < (await statements.count()); i += 1) await statements.nth(i).click();
  await hw.testId('lock-predictions').focus();
  await hw.page.keyboard.press('Enter');
  await hw.expectVisible(hw.testId('prediction-score'), 'the score');
  assert.equal(await focusSettles(hw, 'prediction-score'), 'prediction-score');
  hw.assertNoPageErrors();
});

test('a parameter error is announced once, not at every keystroke', async (t) => {
  const hw = await app.open(t, '/exercise/slots-vs-dict');
  const input = hw.param('n');
  await hw.expectVisible(input, 'the n input');
  const announced = () => hw.page.evaluate(() => document.querySelector('.run-panel [aria-live="polite"]:not([data-testid])')?.textContent);
  await input.fill('');
  await input.pressSequentially('2000001');
  await hw.expectVisible(hw.paramError('n'), 'the error');
  const first = await announced();
  assert.match(first, /\bn\b/);
  await input.pressSequentially('9');
  assert.equal(await announced(), first, 'the announcement did not change while the same input stayed out of range');
  assert.equal(await hw.paramError('n').getAttribute('role'), null, 'the visible error is not an alert');
  hw.assertNoPageErrors();
});
