// Predict-the-output: the student answers each statement before running;
// committing (or running, once one is answered) reveals the truth and scores
// the answers, and the committed answers survive a reload.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const slugs = await registrySlugs();
const withPredictions = slugs.filter((slug) =>
  readFileSync(path.join(ROOT, 'exercises', slug, 'exercise.toml'), 'utf8').includes('[[predict]]'),
);

/** Each [[predict]] item's `why`, in order, as the TOML writes it (a basic string on one line). */
function reasons(slug) {
  const toml = readFileSync(path.join(ROOT, 'exercises', slug, 'exercise.toml'), 'utf8');
  return toml
    .split(/^\[\[predict\]\]\s*$/m)
    .slice(1)
    .map((block) => {
      const why = block.split(/^\[/m)[0].match(/^why\s*=\s*("(?:[^"\\]|\\.)*")\s*$/m);
      assert.ok(why, `${slug}: a [[predict]] item without a one-line why`);
      return JSON.parse(why[1]);
    });
}

test('some exercise has predict-the-output statements', () => {
  assert.ok(withPredictions.length > 0, 'no exercise has [[predict]] items');
});

for (const slug of withPredictions) {
  test(`${slug}: answers are committed, then checked against what Python prints`, async (t) => {
    const hw = await app.open(t, `/exercise/${slug}`);
    const statements = hw.testId('prediction');
    await hw.expectVisible(statements.first(), 'the first statement');
    const count = await statements.count();
    assert.equal(await hw.testId('prediction-truth').count(), 0, 'the truth is hidden before committing');
    assert.equal(await hw.testId('prediction-reason').count(), 0, 'so are the reasons');

    // Answer True everywhere: the score must equal the number of true statements.
    for (let i = 0; i < count; i++) {
      await statements.nth(i).locator('[data-testid="predict-true"]').click();
    }
    await hw.testId('lock-predictions').click();
    await hw.expectVisible(hw.testId('prediction-score'), 'the score');
    assert.equal(await hw.testId('prediction-reason').count(), count, 'every statement has its reason once committed');
    const truths = await hw.testId('prediction-truth').evaluateAll((els) => els.map((e) => e.dataset.answer));
    assert.equal(truths.length, count, 'every statement shows its truth');
    const score = hw.testId('prediction-score');
    assert.equal(await score.getAttribute('data-answered'), String(count));
    assert.equal(await score.getAttribute('data-right'), String(truths.filter((v) => v === 'true').length));
    // Each statement says why it prints what it prints: its own `why`, under it.
    const said = await statements.evaluateAll((els) => els.map((e) => e.querySelector('[data-testid="prediction-reason"]')?.textContent.trim()));
    assert.deepEqual(said, reasons(slug).map((why) => why.replaceAll('`', '')), 'every statement shows its reason, in order');

    await hw.goto(`/exercise/${slug}`);
    await hw.expectVisible(hw.testId('prediction-score'), 'the score after a reload');
    assert.equal(await hw.testId('predict-true').first().isDisabled(), true, 'committed answers stay committed');
    hw.assertNoPageErrors();
  });
}

// Issue 19: a shared `run=1` link runs at once, but a student who has not
// answered yet still can: the answers stay hidden until they commit, or
// choose to see them.
test('a run=1 link does not reveal the answers before the student answers', async (t) => {
  const [slug] = withPredictions;
  const hw = await app.open(t, `/exercise/${slug}?run=1`);
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-state') === 'done', null, { timeout: 120_000 });
  const statements = hw.testId('prediction');
  const count = await statements.count();
  assert.ok(count > 0);
  assert.equal(await hw.testId('prediction-truth').count(), 0, 'the run revealed nothing');
  assert.equal(await hw.testId('prediction-score').count(), 0, 'nothing is committed');
  assert.equal(await hw.testId('predict-true').first().isDisabled(), false, 'the student can still answer');
  // Answering one and running again commits what was answered.
  await statements.first().locator('[data-testid="predict-false"]').click();
  await hw.runExpectingDone();
  await hw.expectVisible(hw.testId('prediction-score'), 'the score after a run with an answer');
  assert.equal(await hw.testId('prediction-score').getAttribute('data-answered'), '1');
  hw.assertNoPageErrors();
});

test('"Show the answers" reveals them without answering', async (t) => {
  const [slug] = withPredictions;
  const hw = await app.open(t, `/exercise/${slug}`);
  await hw.expectVisible(hw.testId('reveal-predictions'), 'Show the answers');
  await hw.testId('reveal-predictions').click();
  await hw.expectVisible(hw.testId('prediction-score'), 'the score');
  assert.equal(await hw.testId('prediction-score').getAttribute('data-answered'), '0');
  assert.equal(await hw.testId('prediction-truth').count(), await hw.testId('prediction').count(), 'every truth shown');
  hw.assertNoPageErrors();
});

// Issue 28 item 7 and issue 31 item 4: once the answers are shown, the score
// links to the explanation (opened, its button in view and focused), and a
// statement whose answer is another on some interpreter says which and why,
// from the exercise's own `differs` (shown only after the answers are).
test('the score opens the explanation; a statement that flips elsewhere says where and why', async (t) => {
  const slug = 'shallow-vs-deep-size';
  const toml = readFileSync(path.join(ROOT, 'exercises', slug, 'exercise.toml'), 'utf8');
  const named = [...toml.matchAll(/^differs = \[\["([a-z]+)-([0-9.]+)", "([^"]+)"\]\]$/gm)];
  assert.equal(named.length, 1, 'shallow-vs-deep-size names one interpreter where a statement flips');
  const [, family, version, why] = named[0];
  const hw = await app.open(t, `/exercise/${slug}`);
  await hw.expectVisible(hw.testId('reveal-predictions'), 'Show the answers');
  assert.equal(await hw.testId('prediction-differs').count(), 0, 'nothing said before the answers are shown');
  await hw.testId('reveal-predictions').click();
  const differs = hw.testId('prediction-differs');
  await hw.expectVisible(differs, 'the note under the statement that flips');
  assert.equal(await differs.count(), 1);
  const said = await differs.textContent();
  assert.ok(said.startsWith(`On ${family === 'cpython' ? 'CPython' : 'Pyodide'} ${version} it prints `), said);
  assert.ok(said.endsWith(why), said);
  assert.equal(await hw.testId('explanation').count(), 0, 'the explanation starts closed');
  await hw.testId('prediction-why').click();
  await hw.expectVisible(hw.testId('explanation'), 'the explanation, opened');
  assert.equal(await hw.testId('show-explanation').evaluate((b) => b === document.activeElement), true, 'its button has the focus');
  hw.assertNoPageErrors();
});
