// The course's predict-True/False problems (P1, P2, P3, P4), asked on the
// page as the course asks them: every statement of the exercise's TOML is on
// the page in the same order, the answer the page reveals is the one the
// exercise's reference program printed for that very statement on CPython
// (reference.out), and the score counts a mix of right and wrong answers.
// The answers are read from the files, never written here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

// The exercises that carry the course's predict problems.
const COURSE_PREDICTIONS = { 'shallow-vs-deep-size': 'P1', 'allocation-snapshot': 'P2', 'slots-vs-dict': 'P3', 'snapshot-diff': 'P4' };

/** The [[predict]] items of an exercise: [{ statement, answer }] in order. */
function predictions(slug) {
  const toml = readFileSync(path.join(ROOT, 'exercises', slug, 'exercise.toml'), 'utf8');
  return toml
    .split(/^\[\[predict\]\]\s*$/m)
    .slice(1)
    .map((block) => {
      const statement = block.match(/^statement\s*=\s*("(?:[^"\\]|\\.)*")\s*$/m);
      const answer = block.match(/^answer\s*=\s*(true|false)\s*$/m);
      assert.ok(statement && answer, `${slug}: a [[predict]] item without a statement or an answer`);
      return { statement: JSON.parse(statement[1]), answer: answer[1] === 'true' };
    });
}

/** What the reference program printed for `statement`: true, false, or undefined. */
function printed(slug, statement) {
  const out = readFileSync(path.join(ROOT, 'exercises', slug, 'reference.out'), 'utf8').split('\n');
  const line = out.find((l) => l.startsWith(`${statement}: `));
  return line === undefined ? undefined : line.slice(statement.length + 2) === 'True';
}

const slugs = await registrySlugs();

for (const [slug, problem] of Object.entries(COURSE_PREDICTIONS)) {
  test(`${slug} asks ${problem}'s statements, and reveals what CPython printed`, async (t) => {
    assert.ok(slugs.includes(slug), `${slug} is registered`);
    const items = predictions(slug);
    assert.ok(items.length >= 2, `${slug} has the course's statements as [[predict]] items`);
    for (const { statement, answer } of items) {
      assert.equal(printed(slug, statement), answer, `reference.out prints "${statement}: ${answer ? 'True' : 'False'}"`);
    }

    const hw = await app.open(t, `/exercise/${slug}`);
    const statements = hw.testId('prediction');
    await hw.expectVisible(statements.first(), 'the first statement');
    assert.equal(await statements.count(), items.length, 'one statement on the page per [[predict]] item');
    const shown = await statements.locator('code').allTextContents();
    assert.deepEqual(shown, items.map((i) => i.statement), 'the statements as written, in order');

    // Right on even statements, wrong on odd ones.
    const right = (i) => i % 2 === 0;
    for (const [i, { answer }] of items.entries()) {
      const pick = right(i) === answer ? 'predict-true' : 'predict-false';
      await statements.nth(i).locator(`[data-testid="${pick}"]`).click();
    }
    await hw.testId('lock-predictions').click();
    await hw.expectVisible(hw.testId('prediction-score'), 'the score');

    const revealed = await hw.testId('prediction-truth').evaluateAll((els) => els.map((e) => e.dataset.answer === 'true'));
    assert.deepEqual(revealed, items.map((i) => i.answer), 'the revealed answers are what CPython printed');
    const verdicts = await statements.evaluateAll((els) => els.map((e) => (e.classList.contains('right') ? 'right' : e.classList.contains('wrong') ? 'wrong' : '?')));
    assert.deepEqual(verdicts, items.map((_, i) => (right(i) ? 'right' : 'wrong')), 'each answer marked right or wrong');
    const score = hw.testId('prediction-score');
    assert.equal(await score.getAttribute('data-answered'), String(items.length));
    assert.equal(await score.getAttribute('data-right'), String(items.filter((_, i) => right(i)).length));
    hw.assertNoPageErrors();
  });
}
