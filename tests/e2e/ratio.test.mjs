// Rust against CPython on the same work (issue 8): every exercise whose
// reference.out records a timing line shows, after a run, each variant's
// time, and compares the named variant with the recorded CPython time when
// the run's parameters are the recorded ones. At other parameters it offers
// "Run at the recorded size" instead of a ratio; following that link runs
// the exercise there and the comparison appears.
//
// Like with like (issue 16): the comparison says what each side timed (the
// two phrases of exercise.toml's [timing]) and shows a ratio only when the
// two do the same work (data-same-work="true"); for a pair that differs it
// shows both times and the sentence saying why, and no ratio.
//
// The expected figures are read from each exercise's reference.out (the
// source build.rs puts into the data file the page reads), never typed in
// here. Every reference.out has a timing line; one without it fails.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registry, TIMEOUT, useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const exercises = await registry();

test('the registry has pairs of both kinds, so both branches below are exercised', () => {
  const timed = exercises.filter((e) => e.cpython?.timing);
  assert.ok(timed.every((e) => e.timed_work), 'every timing line has its [timing] table');
  assert.ok(timed.some((e) => !e.timed_work.differs), 'at least one pair does the same work');
  assert.ok(timed.some((e) => e.timed_work.differs), 'at least one pair does other work');
});


/** `n=1&chunk=2`, in the line's order. */
const query = (params) => params.map(([name, value]) => `${name}=${value}`).join('&');

/** Parameters doing other work than the recorded ones: the first one moved to its smallest other value. */
function otherParams(entry, params) {
  const [name, value] = params[0];
  const spec = entry.params.find((p) => p.name === name);
  const other = value === spec.min ? spec.min + 1 : spec.min;
  return params.map(([n, v]) => [n, n === name ? other : v]);
}

for (const entry of exercises) {
  const { slug } = entry;
  // What reference.out recorded ({ interpreter, timing }), as tests/registry.rs read it.
  const { cpython } = entry;
  const timing = cpython?.timing;
  // What each side times, and why not the same work if not (exercise.toml's [timing]).
  const work = entry.timed_work;
  test(`${slug}: times, and the comparison with CPython at the recorded size`, async (t) => {
    assert.ok(cpython, `the bundle has a data file for ${slug} with programs.cpython`);
    assert.ok(timing, `${slug}: reference.out has a timing line (README, "Rust against CPython on the same work")`);
    // Elsewhere: a link to the recorded size, no ratio.
    const elsewhere = otherParams(entry, timing.params);
    const hw = await app.open(t, `/exercise/${slug}?${query(elsewhere)}`);
    await hw.runExpectingDone();
    await hw.expectVisible(hw.testId('variant-time'), 'each variant\'s time');
    assert.equal(await hw.testId('cpython-comparison').count(), 0, 'no comparison at other parameters');
    const away = await hw.testId('cpython-elsewhere').evaluate((e) => ({ ...e.dataset, text: e.textContent }));
    assert.equal(away.sameWork, String(!work.differs), 'says whether the pair does the same work');
    assert.ok(away.text.includes(work.rust) && away.text.includes(work.python), `says what each side times: ${away.text}`);
    const link = hw.testId('run-at-recorded-size');
    await hw.expectVisible(link, 'the link to the recorded size');
    const href = new URL(await link.getAttribute('href'), hw.page.url());
    assert.equal(href.pathname.replace(/.*\/exercise\//, ''), slug);
    assert.deepEqual(
      [...href.searchParams].filter(([k]) => k !== 'run').map(([k, v]) => [k, Number(v)]),
      timing.params,
      'the link carries the recorded parameters',
    );
    assert.equal(href.searchParams.get('run'), '1', 'the link runs at once');

    // One click: the recorded size, run, compared. The link is a plain
    // <a href> (a new page load), so wait for the navigation to commit, not
    // for the load event, within a run's time: stop 40's CI once waited 15 s
    // for the load event of this page on a loaded machine.
    const recorded = query(timing.params).split('&')[0];
    // The finished run's chart scrolls into view smoothly; a click made while
    // it moves lands on whatever is under the pointer then (CI, 2026-11-28:
    // copy-on-write's link never navigated, on a loaded machine).
    await hw.atRest();
    await Promise.all([
      hw.page.waitForURL((url) => url.search.includes(recorded), { waitUntil: 'commit', timeout: TIMEOUT.run }),
      link.click(),
    ]);
    await hw.page.waitForSelector('[data-testid=run-status][data-state=done]', { timeout: 300_000 });
    const times = await hw.testId('variant-time').evaluateAll((els) =>
      els.map((e) => ({ variant: e.dataset.variant, micros: e.dataset.micros, text: e.textContent })),
    );
    assert.ok(times.length >= 2, 'every variant has a time');
    for (const time of times) {
      const micros = Number(time.micros);
      assert.ok(time.micros !== undefined && Number.isFinite(micros) && micros >= 0, `${time.variant}: ${time.micros}`);
      assert.match(time.text, micros > 0 ? /ran in \d/ : /too quick/, `${time.variant}: ${time.text}`);
    }
    const comparison = hw.testId('cpython-comparison');
    await hw.expectVisible(comparison, 'the comparison with CPython');
    assert.equal(await hw.testId('run-at-recorded-size').count(), 0, 'no link once at the recorded size');
    const shown = await comparison.evaluate((e) => ({ ...e.dataset, text: e.textContent }));
    assert.equal(shown.variant, timing.variant);
    assert.equal(Number(shown.cpythonMicros), timing.micros, 'the CPython figure is the data file\'s');
    const rust = Number(times.find((x) => x.variant === timing.variant).micros);
    assert.ok(shown.text.includes(cpython.interpreter), `names the interpreter: ${shown.text}`);
    assert.ok(shown.text.includes('recorded with reference.out on the machine that recorded it'), shown.text);
    assert.ok(shown.text.includes(`best of ${timing.best_of}`), shown.text);
    // Both sides' phrases, always.
    assert.equal(await hw.testId('timed-rust').textContent(), work.rust);
    assert.equal(await hw.testId('timed-python').textContent(), work.python);
    assert.equal(shown.sameWork, String(!work.differs));
    if (work.differs) {
      // Other work: both times and the sentence saying why, never a ratio.
      assert.equal(shown.ratio, undefined, 'no ratio for a pair that does other work');
      assert.equal(await hw.testId('differs').textContent(), work.differs);
      assert.ok(shown.text.includes(work.differs), shown.text);
      assert.doesNotMatch(shown.text, /as long/);
      assert.match(shown.text, /no ratio/);
      if (rust > 0) {
        assert.equal(Number(shown.rustMicros), rust, 'the Rust figure is the variant\'s time in this run');
        assert.match(shown.text, /took .* in this run/);
      }
    } else if (rust > 0) {
      assert.equal(await hw.testId('differs').count(), 0);
      assert.equal(Number(shown.rustMicros), rust, 'the Rust figure is the variant\'s time in this run');
      assert.ok(Math.abs(Number(shown.ratio) - timing.micros / rust) < 1e-9 * (timing.micros / rust), `ratio ${shown.ratio}`);
      assert.match(shown.text, /as long/);
      assert.match(shown.text, /different machines/);
    } else {
      assert.equal(shown.ratio, undefined, 'no ratio from a time the clock could not see');
      assert.match(shown.text, /too quick/);
    }
    await hw.screenshot(`${slug}-ratio`);
    hw.assertNoPageErrors();
  });
}

// A run's result equals the last one's when only its times differ
// (RunResult's equality leaves them out), so the times component compares
// its result by pointer: before, every Run after the first at the same
// parameters showed the first run's times, and benches/ratio.mjs read the
// warm-up run k times. Three runs of all three variants' times, to the
// clock's step, are never all alike.
test('each Run shows its own times, not the first run\'s', async (t) => {
  const hw = await app.open(t, '/exercise/record-layouts');
  const shown = [];
  for (let i = 0; i < 3; i++) {
    await hw.runExpectingDone();
    shown.push(await hw.testId('variant-time').evaluateAll((items) => items.map((e) => e.dataset.micros).join(' ')));
  }
  assert.ok(shown.every((times) => times.split(' ').length >= 2), JSON.stringify(shown));
  assert.ok(new Set(shown).size > 1, `three runs showed the same times: ${shown[0]}`);
});
