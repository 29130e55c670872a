// Readable before the wasm (issue 30 item 1): the build writes the
// catalogue into index.html and every exercise's page into
// exercise/<slug>/index.html (src/prerender.rs), so the text is on screen
// as soon as the HTML is parsed, without JavaScript too; the app then takes
// the page over (src/ui/prerendered.rs) and shows the same text in the
// same place. Every registered exercise is checked, so a new one is
// covered the day it is added.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrySlugs, useHeapwise, TIMEOUT } from './heapwise-page.mjs';

const app = useHeapwise();

/** What a reader sees of a page's parts, as text with its spaces folded. */
function readParts(root) {
  const text = (element) => (element ? element.textContent.replace(/\s+/g, ' ').trim() : null);
  const one = (selector) => text(root.querySelector(selector));
  return {
    title: one('h1'),
    badges: one('.exercise-head .meta'),
    task: one('.card.task .markdown'),
    starter: one('.card.task details.starter code'),
    predictions: [...root.querySelectorAll('.card.predict li code')].map(text),
    rustNotes: one('.card.code .markdown'),
    rust: one('.card.code pre.source'),
    neighbours: [...root.querySelectorAll('.neighbours a')].map((a) => [text(a), a.pathname]),
    cards: [...root.querySelectorAll('.cards > li')].map((li) => [text(li.querySelector('h3')), text(li.querySelector('p')), li.querySelector('a').pathname]),
    groups: [...root.querySelectorAll('.group h2')].map(text),
  };
}

test('without JavaScript, the catalogue and every exercise page are there to read', async (t) => {
  const slugs = await registrySlugs();
  const hw = await app.open(t, '/', { javaScriptEnabled: false });
  const links = await hw.page.locator('#prerendered .cards a').evaluateAll((as) => as.map((a) => a.pathname));
  assert.deepEqual([...links].sort(), slugs.map((s) => `/exercise/${s}`).sort(), 'a link to every exercise');
  for (const slug of slugs) {
    await hw.goto(`/exercise/${slug}`);
    const page = await hw.page.evaluate(() => ({
      title: document.title,
      h1: document.querySelector('#prerendered h1')?.textContent,
      task: document.querySelector('#prerendered .card.task .markdown')?.textContent.trim().length ?? 0,
      hints: document.querySelectorAll('#prerendered .hints details').length,
      solution: document.querySelector('#prerendered .reveal details pre code.language-python')?.textContent.length ?? 0,
      rust: document.querySelector('#prerendered pre.source code.language-rust')?.textContent.length ?? 0,
      loading: document.querySelector('#prerendered .run-panel [role=status]')?.textContent,
    }));
    assert.equal(page.title, `${page.h1} · Heapwise`, `${slug}: the document's title`);
    assert.ok(page.task > 40, `${slug}: the task's text`);
    assert.ok(page.hints >= 1, `${slug}: hints, folded`);
    assert.ok(page.solution > 100 && page.rust > 100, `${slug}: the reference program and the Rust that runs`);
    assert.match(page.loading, /JavaScript and WebAssembly/, `${slug}: says what measuring needs`);
  }
});

test('the app takes every page over with the same text, and the prerendered page is gone', async (t) => {
  const slugs = await registrySlugs();
  const still = await app.open(t, '/', { javaScriptEnabled: false });
  const live = await app.open(t, '/');
  const read = (hw, scope) => hw.page.evaluate(`(${readParts})(document.querySelector(${JSON.stringify(scope)}))`);
  const before = await read(still, '#prerendered');
  await live.catalogueDrawn();
  assert.equal(await live.page.locator('#prerendered').count(), 0, 'the catalogue is the app\'s');
  const after = await read(live, 'main');
  assert.deepEqual(after.cards, before.cards, 'every card: title, summary and link');
  assert.deepEqual(after.groups, before.groups);
  for (const slug of slugs) {
    await still.goto(`/exercise/${slug}`);
    await live.goto(`/exercise/${slug}`);
    await live.expectVisible(live.testId('run-button'), `${slug}: the app's run button`);
    assert.equal(await live.page.locator('#prerendered').count(), 0, `${slug}: the page is the app's`);
    const was = await read(still, '#prerendered');
    const is = await read(live, 'main');
    for (const part of ['title', 'badges', 'task', 'starter', 'predictions', 'rustNotes', 'rust', 'neighbours']) {
      assert.deepEqual(is[part], was[part], `${slug}: ${part}`);
    }
  }
  live.assertNoPageErrors();
});

/** Holds the page's wasm until `release()` is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/app-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

for (const [width, theme] of [[1440, 'light'], [375, 'dark']]) {
  test(`at ${width} px, ${theme}: the text is on screen before the wasm, and stays where it is`, async (t) => {
    const initScript = theme === 'dark' ? () => localStorage.setItem('heapwise.theme', 'dark') : undefined;
    // No service worker: it would answer the held wasm from its cache.
    const hw = await app.open(t, '/404-not-a-page', { viewport: { width, height: 900 }, initScript, serviceWorkers: 'block' });
    for (const [route, selector] of [['/', '.exercise-card h3'], ['/exercise/slots-vs-dict', '.card.task .markdown']]) {
      const release = await holdWasm(hw.page);
      await hw.page.goto(route, { waitUntil: 'domcontentloaded' });
      const first = hw.page.locator(`#prerendered ${selector}`).first();
      await first.waitFor({ state: 'visible', timeout: TIMEOUT.ui });
      // The remembered colours are on before the app has started.
      assert.equal(await hw.page.evaluate(() => document.documentElement.dataset.theme ?? null), theme === 'dark' ? 'dark' : null);
      const box = await first.boundingBox();
      release();
      await hw.page.locator('#prerendered').waitFor({ state: 'detached', timeout: TIMEOUT.ui });
      const now = await hw.page.locator(`main ${selector}`).first().boundingBox();
      // The same place, to the pixel: the app draws the same markup.
      assert.deepEqual([Math.round(now.x), Math.round(now.y), Math.round(now.width)], [Math.round(box.x), Math.round(box.y), Math.round(box.width)], `${route}: ${selector}`);
      await hw.page.unroute(/\/app-[0-9a-f]+_bg\.wasm$/);
    }
    hw.assertNoPageErrors();
  });
}
