// The catalogue's filters: group, origin, difficulty, tag, "not solved yet"
// and a search over titles, summaries, tags, origins and slugs, each compared with what the
// exercises' own exercise.toml files say (read here, independently of the
// app); the count announced; progress at a glance; and the filters kept in
// the URL, so a link reproduces them and Back returns to them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, registrySlugs, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();

/** The catalogue fields of every exercise, from its exercise.toml's one-line keys. */
const EXERCISES = await Promise.all(
  (await registrySlugs()).map(async (slug) => {
    const toml = await readFile(path.join(ROOT, 'exercises', slug, 'exercise.toml'), 'utf8');
    const key = (name) => {
      const line = toml.match(new RegExp(`^${name} = (.+)$`, 'm'));
      assert.ok(line, `${slug}: ${name} on one line`);
      return JSON.parse(line[1]);
    };
    return {
      slug,
      title: key('title'),
      summary: key('summary'),
      origin: key('origin'),
      difficulty: key('difficulty'),
      tags: key('tags'),
      group: key('group'),
    };
  }),
);
const TOTAL = EXERCISES.length;

const sorted = (slugs) => [...slugs].sort();
const where = (keep) => sorted(EXERCISES.filter(keep).map((e) => e.slug));

/** Checks the cards on screen, the count and the URL. */
async function expectShown(hw, expected, what) {
  assert.ok(expected.length > 0, `${what}: the case selects something`);
  await hw.page.waitForFunction(
    (n) => document.querySelector('[data-testid="filter-count"]')?.getAttribute('data-shown') === String(n),
    expected.length,
  ).catch(() => {});
  assert.deepEqual(sorted(await hw.visibleSlugs()), expected, what);
  const count = await hw.filterCount();
  assert.deepEqual(count, { shown: expected.length, total: TOTAL, text: `${expected.length} of ${TOTAL} shown` }, what);
}

const query = (hw) => Object.fromEntries(new URL(hw.page.url()).searchParams);

test('group and difficulty: each value shows exactly its exercises', async (t) => {
  const hw = await app.open(t, '/');
  await hw.catalogueSlugs();
  assert.deepEqual(await hw.filterCount(), { shown: TOTAL, total: TOTAL, text: `${TOTAL} of ${TOTAL} shown` });
  const groups = [...new Set(EXERCISES.map((e) => e.group))].sort();
  assert.deepEqual((await hw.filterOptions('group')).slice(1), groups.map(String), 'one option per group');
  for (const group of groups) {
    await hw.chooseFilter('group', group);
    await expectShown(hw, where((e) => e.group === group), `group ${group}`);
    assert.deepEqual(query(hw), { group: String(group) }, 'the URL says the group');
  }
  await hw.chooseFilter('group', '');
  for (const difficulty of ['Easy', 'Medium', 'Hard']) {
    await hw.chooseFilter('difficulty', difficulty.toLowerCase());
    await expectShown(hw, where((e) => e.difficulty === difficulty), difficulty);
  }
  // Two at once narrow.
  await hw.chooseFilter('group', 1);
  await expectShown(hw, where((e) => e.difficulty === 'Hard' && e.group === 1), 'hard in group 1');
  assert.deepEqual(query(hw), { group: '1', difficulty: 'hard' });
  hw.assertNoPageErrors();
});

test('origin: a whole problem set, one problem, a lesson; tag', async (t) => {
  const hw = await app.open(t, '/');
  await hw.catalogueSlugs();
  const options = await hw.filterOptions('origin');
  for (const value of ['O', 'P', 'O1', 'O11', 'P3', 'L-288', 'L-fit', 'L-ref']) assert.ok(options.includes(value), `origin option ${value}`);
  const cases = {
    O: (o) => /^O\d+$/.test(o),
    P: (o) => /^P\d+$/.test(o),
    O1: (o) => o === 'O1',
    P3: (o) => o === 'P3',
    'L-288': (o) => o === 'L-288' || o.startsWith('L-288 '),
  };
  for (const [value, test] of Object.entries(cases)) {
    await hw.chooseFilter('origin', value);
    await expectShown(hw, where((e) => e.origin.some(test)), `origin ${value}`);
    assert.equal(query(hw).origin, value);
  }
  await hw.chooseFilter('origin', '');
  const tags = await hw.filterOptions('tag');
  assert.deepEqual(sorted(tags.slice(1)), sorted(new Set(EXERCISES.flatMap((e) => e.tags))), 'every tag, once');
  for (const tag of ['peak memory', 'tracemalloc', '__slots__']) {
    await hw.chooseFilter('tag', tag);
    await expectShown(hw, where((e) => e.tags.includes(tag)), `tag ${tag}`);
    assert.equal(query(hw).tag, tag);
  }
  hw.assertNoPageErrors();
});

test('search: titles, summaries, tags, origins and slugs, any case, any accents, every word', async (t) => {
  const hw = await app.open(t, '/');
  await hw.catalogueSlugs();
  const text = (e) => [e.title, e.summary, e.slug.replaceAll('-', ' '), ...e.tags, ...e.origin].join('\n').toLowerCase();
  const has = (word) => (e) => text(e).includes(word);
  await hw.searchCatalogue('SLOTS');
  await expectShown(hw, where(has('slots')), 'SLOTS');
  assert.equal(query(hw).q, 'SLOTS');
  await hw.searchCatalogue('sl\u00f4ts');
  await expectShown(hw, where(has('slots')), 'with an accent');
  // Key by key: the space after the first word survives the address bar.
  await hw.typeInCatalogueSearch('peak generator');
  assert.equal(await hw.testId('filter-search').inputValue(), 'peak generator');
  await expectShown(hw, where((e) => has('peak')(e) && has('generator')(e)), 'two words');
  // Tags and origins (issue 19: "large file" found nothing).
  await hw.searchCatalogue('large file');
  assert.ok((await hw.visibleSlugs()).includes('large-file-aggregation'), '"large file" finds large-file-aggregation');
  await expectShown(hw, where((e) => has('large')(e) && has('file')(e)), 'large file');
  const tagged = EXERCISES.find((e) => e.tags.some((tag) => !`${e.title}\n${e.summary}`.toLowerCase().includes(tag.toLowerCase())));
  const tag = tagged.tags.find((tag) => !`${tagged.title}\n${tagged.summary}`.toLowerCase().includes(tag.toLowerCase()));
  await hw.searchCatalogue(tag);
  assert.ok((await hw.visibleSlugs()).includes(tagged.slug), `found by its tag "${tag}"`);
  await expectShown(hw, where((e) => tag.toLowerCase().split(/\s+/).every((w) => has(w)(e))), `the tag ${tag}`);
  const origin = EXERCISES[0].origin[0];
  await hw.searchCatalogue(origin);
  assert.ok((await hw.visibleSlugs()).includes(EXERCISES[0].slug), `found by its origin "${origin}"`);
  const [first] = EXERCISES;
  await hw.searchCatalogue(first.summary.toUpperCase());
  assert.ok((await hw.visibleSlugs()).includes(first.slug), 'found by its summary');
  await hw.searchCatalogue('zzzz no such words');
  assert.equal((await hw.filterCount()).shown, 0);
  await hw.expectVisible(hw.testId('no-match'), 'the no-match message');
  await hw.testId('filter-clear').click();
  await expectShown(hw, sorted(EXERCISES.map((e) => e.slug)), 'cleared');
  assert.equal(new URL(hw.page.url()).search, '', 'no query once cleared');
  assert.equal(await hw.testId('filter-search').inputValue(), '');
  hw.assertNoPageErrors();
});

test('not solved yet, and progress at a glance', async (t) => {
  const [solvedA, solvedB, measured] = EXERCISES.map((e) => e.slug);
  const progress = {
    exercises: {
      [solvedA]: { solved: true, runs: 1 },
      [solvedB]: { solved: true },
      [measured]: { runs: 3 },
    },
  };
  const hw = await app.open(t, '/', {
    initScript: `localStorage.setItem('heapwise.progress', ${JSON.stringify(JSON.stringify(progress))})`,
  });
  await hw.catalogueSlugs();
  const glance = hw.testId('progress-summary');
  assert.equal(await glance.getAttribute('data-solved'), '2');
  assert.equal(await glance.getAttribute('data-measured'), '2');
  assert.equal(await glance.getAttribute('data-total'), String(TOTAL));
  assert.match(await glance.innerText(), new RegExp(`Measured: 2 of ${TOTAL}[\\s\\S]*Solved in Python: 2 of ${TOTAL}`));
  await hw.testId('filter-unsolved').check();
  await expectShown(hw, where((e) => e.slug !== solvedA && e.slug !== solvedB), 'not solved yet');
  assert.equal(query(hw).unsolved, '1');
  hw.assertNoPageErrors();
});

test('filters live in the URL: a link opens them, Back returns to them', async (t) => {
  const hw = await app.open(t, '/?group=2&difficulty=medium');
  await hw.catalogueSlugs().catch(() => {});
  const expected = where((e) => e.group === 2 && e.difficulty === 'Medium');
  await expectShown(hw, expected, 'from the link');
  assert.equal(await hw.testId('filter-group').inputValue(), '2');
  assert.equal(await hw.testId('filter-difficulty').inputValue(), 'medium');
  await hw.searchCatalogue(EXERCISES.find((e) => e.slug === expected[0]).title);
  const shown = sorted(await hw.visibleSlugs());
  assert.ok(shown.includes(expected[0]));
  const before = hw.route;

  await hw.openLink(expected[0]).click();
  await hw.expectVisible(hw.title, 'the exercise');
  await hw.page.goBack();
  await hw.expectVisible(hw.exerciseCard(expected[0]), 'the card again');
  assert.equal(hw.route, before, 'Back returns to the filtered catalogue');
  assert.deepEqual(sorted(await hw.visibleSlugs()), shown);
  assert.equal(await hw.testId('filter-group').inputValue(), '2');

  // Nonsense in a link is ignored rather than showing nothing.
  await hw.goto('/?group=nine&difficulty=tricky');
  await expectShown(hw, sorted(EXERCISES.map((e) => e.slug)), 'nonsense ignored');
  hw.assertNoPageErrors();
});
