// Honest colours and words (issue 19, item 3): a Python run whose checks
// partly fail is not shown in the colour of success, and says how many
// still fail; a solved one is. Each catalogue card says one word for how
// far the student got, in that state's colour: a solved exercise looks done.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { registrySlugs, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const slugs = await registrySlugs();

/** The computed colour of `value` (a CSS colour, variables allowed) where `near` is. */
const colourOf = (locator, value) =>
  locator.evaluate((el, value) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    el.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, value);

test('each card: one status word, in its state\'s colour', async (t) => {
  const [solved, solvedUnmeasured, measured, started] = slugs;
  const progress = {
    exercises: {
      [solved]: { solved: true, runs: 2, hints_shown: 1 },
      [solvedUnmeasured]: { solved: true },
      [measured]: { runs: 3 },
      [started]: { hints_shown: 1 },
    },
  };
  for (const colorScheme of ['light', 'dark']) {
    const hw = await app.open(t, '/', {
      colorScheme,
      initScript: `localStorage.setItem('heapwise.progress', ${JSON.stringify(JSON.stringify(progress))})`,
    });
    await hw.catalogueSlugs();
    const expected = [
      [solved, 'solved', '✓ solved', 'var(--good)'],
      [solvedUnmeasured, 'solved', '✓ solved', 'var(--good)'],
      [measured, 'measured', '✓ measured', 'var(--accent)'],
      [started, 'started', 'started', 'var(--warn-line)'],
    ];
    for (const [slug, state, word, colour] of expected) {
      const card = hw.exerciseCard(slug);
      assert.equal(await card.getAttribute('data-progress'), state, `${slug} (${colorScheme})`);
      const text = (await card.locator('[data-testid="card-state"]').textContent()).trim();
      assert.equal(text, word, `${slug}: one status word (${colorScheme})`);
      const border = await card.evaluate((el) => getComputedStyle(el).borderLeftColor);
      assert.equal(border, await colourOf(card, colour), `${slug}: the ${state} colour on its edge (${colorScheme})`);
    }
    const badge = hw.exerciseCard(solved).locator('[data-testid="card-state"]');
    assert.equal(await badge.evaluate((el) => getComputedStyle(el).color), await colourOf(badge, 'var(--good)'), 'the word "solved" in the solved colour');
    hw.assertNoPageErrors();
  }
});

test('"N of M checks passed" is not green; every check passing is', async (t) => {
  const hw = await app.open(t, `/exercise/${slugs[0]}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  // The editor starts from the starter, which fails a check (tests/python checks that of every exercise).
  assert.equal(await py.run(), 'done');
  const line = py.status;
  assert.equal(await line.getAttribute('data-verdict'), 'partial');
  const text = await line.innerText();
  const [, passed, total] = text.match(/(\d+) of (\d+) checks passed/) ?? [];
  assert.ok(passed && Number(passed) < Number(total), `a partial pass, in numbers: ${text}`);
  assert.match(text, new RegExp(`${Number(total) - Number(passed)} still fails?`), 'says how many still fail');
  const good = await colourOf(line, 'var(--good)');
  assert.notEqual(await line.evaluate((el) => getComputedStyle(el).color), good, 'not in the colour of success');
  assert.equal(await line.evaluate((el) => getComputedStyle(el).color), await colourOf(line, 'var(--ink)'), 'in the text colour, on a warning background');

  await py.loadSolution();
  assert.equal(await py.run(), 'done');
  assert.equal(await line.getAttribute('data-verdict'), 'solved');
  assert.match(await line.innerText(), /passed all \d+ checks/);
  assert.equal(await line.evaluate((el) => getComputedStyle(el).color), good, 'solved: the colour of success');
  hw.assertNoPageErrors();
});

test('a program that changes the checker is "not judged", not "N of M checks passed", and the next run is judged', async (t) => {
  const hw = await app.open(t, `/exercise/${slugs[0]}`);
  const py = new PythonPanel(hw);
  await py.open();
  await py.ready();
  const solution = await readFile(new URL(`../../exercises/${slugs[0]}/reference.py`, import.meta.url), 'utf8');
  // One of the harness's tampering routes (tests/python/tampering.py): a
  // collector callback left behind. The rest of the program is the solution.
  await py.setText(`${solution}\nimport gc\ngc.callbacks.append(lambda phase, info: None)\n`);
  assert.equal(await py.run(), 'done');
  const line = py.status;
  assert.equal(await line.getAttribute('data-verdict'), 'not-judged');
  const text = await line.innerText();
  assert.match(text, /changed the checker, so it was not judged/);
  assert.doesNotMatch(text, /checks passed|passed all/);
  assert.notEqual(await line.evaluate((el) => getComputedStyle(el).color), await colourOf(line, 'var(--good)'), 'not in the colour of success');
  const checks = await py.checks();
  assert.match(checks[0].text, /Not judged: your program/, 'the first check says what it changed');

  await py.loadSolution();
  assert.equal(await py.run(), 'done');
  assert.equal(await line.getAttribute('data-verdict'), 'solved', JSON.stringify((await py.checks()).filter((c) => c.passed !== 'true')));
  hw.assertNoPageErrors();
});
