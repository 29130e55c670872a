// Predict-the-output: the student answers each statement before running;
// committing (or running) reveals the truth and scores the answers, and the
// committed answers survive a reload.

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

    // Answer True everywhere: the score must equal the number of true statements.
    for (let i = 0; i < count; i++) {
      await statements.nth(i).locator('[data-testid="predict-true"]').click();
    }
    await hw.testId('lock-predictions').click();
    await hw.expectVisible(hw.testId('prediction-score'), 'the score');
    const truths = await hw.testId('prediction-truth').evaluateAll((els) => els.map((e) => e.dataset.answer));
    assert.equal(truths.length, count, 'every statement shows its truth');
    const score = hw.testId('prediction-score');
    assert.equal(await score.getAttribute('data-answered'), String(count));
    assert.equal(await score.getAttribute('data-right'), String(truths.filter((v) => v === 'true').length));

    await hw.goto(`/exercise/${slug}`);
    await hw.expectVisible(hw.testId('prediction-score'), 'the score after a reload');
    assert.equal(await hw.testId('predict-true').first().isDisabled(), true, 'committed answers stay committed');
    hw.assertNoPageErrors();
  });
}
