// Two tabs on one exercise: neither writes over the other's saved text
// without the student choosing. A tab that types after another tab saved
// keeps its text aside (not over the other's) and asks; keeping this tab's
// text keeps the other's aside in turn; a page that opens offers what was
// kept aside. Both texts are always in storage.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeapwisePage, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const SLUG = 'slots-vs-dict';
const ROUTE = `/exercise/${SLUG}`;
const KEY = `heapwise.python.v1.${SLUG}`;

/** Every text saved for the exercise, by key: the saved one and those kept aside. */
const texts = (hw) =>
  hw.page.evaluate((key) => {
    const found = {};
    for (const k of Object.keys(localStorage)) {
      if (k === key || k.startsWith(`${key}.tab.`)) found[k] = JSON.parse(localStorage.getItem(k)).text;
    }
    return found;
  }, KEY);

/**
 * The saved texts once every tab given sees the same ones. Each tab reads
 * local storage from its own renderer's copy, which hears of another tab's
 * writes a moment later: read right after tab B wrote, tab A may still see
 * the texts from before (what failed CI once on a loaded machine).
 */
async function agreedTexts(...tabs) {
  let seen = [];
  for (let tries = 0; tries < 50; tries++) {
    if (tries) await tabs[0].page.waitForTimeout(100);
    seen = await Promise.all(tabs.map(texts));
    const first = JSON.stringify(Object.entries(seen[0]).sort());
    if (seen.every((s) => JSON.stringify(Object.entries(s).sort()) === first)) return seen[0];
  }
  assert.fail(`the tabs never agreed on the saved texts: ${JSON.stringify(seen)}`);
}

/**
 * The same, from the copy on disk (IndexedDB, python/panel.js): a value that
 * is not text (what a deletion stored before it deleted) shows as null.
 */
const keptOnDisk = (hw) =>
  hw.page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('heapwise-python');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const found = {};
          const cursor = open.result.transaction('texts', 'readonly').objectStore('texts').openCursor();
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return resolve(found);
            if (c.key === key || c.key.startsWith(`${key}.tab.`)) found[c.key] = typeof c.value === 'string' ? JSON.parse(c.value).text : null;
            c.continue();
          };
        };
      }),
    KEY,
  );

const editorHas = (hw, words) =>
  hw.page.waitForFunction(
    (w) => ((h) => (h?.shadowRoot ?? h)?.querySelector('.cm-content')?.textContent.includes(w))(document.querySelector('[data-testid="python-editor"]')),
    words,
  );

const savedState = (hw, state) =>
  hw.page.waitForFunction((s) => document.querySelector('[data-testid="python-saved"]')?.getAttribute('data-state') === s, state);

async function twoTabs(t) {
  const a = await app.open(t, ROUTE);
  const b = new HeapwisePage(await a.page.context().newPage(), a.baseUrl);
  await b.goto(ROUTE);
  const pyA = new PythonPanel(a);
  const pyB = new PythonPanel(b);
  await pyA.open();
  await pyB.open();
  return { a, b, pyA, pyB };
}

test('a tab that keeps typing after another saved keeps its text aside and asks; choosing keeps the other aside', async (t) => {
  const { a, b, pyA, pyB } = await twoTabs(t);

  await pyA.setText('print("written in tab A")\n');
  await savedState(a, 'saved');
  await b.expectVisible(b.testId('python-other-tab'), 'the other-tab notice in tab B');
  // B types on without answering: A's text stays the saved one, B's is kept aside.
  await pyB.setText('print("written in tab B")\n');
  await savedState(b, 'aside');
  assert.match(await b.testId('python-saved').innerText(), /Kept aside, not over the other tab's text/);
  let saved = await agreedTexts(a, b);
  assert.match(saved[KEY], /tab A/, "A's text is still the saved one");
  const asideB = Object.keys(saved).find((k) => k !== KEY);
  assert.match(saved[asideB] ?? '', /tab B/, "B's text is kept aside");
  assert.equal(await a.testId('python-other-tab').count(), 0, 'A is not asked: nothing of its changed');

  // B keeps its own: it becomes the saved text, A's goes aside, and A is asked.
  await b.testId('python-keep-this-tab').click();
  await b.testId('python-other-tab').waitFor({ state: 'detached' });
  await savedState(b, 'saved');
  saved = await agreedTexts(a, b);
  assert.match(saved[KEY], /tab B/);
  assert.ok(Object.entries(saved).some(([k, text]) => k !== KEY && /tab A/.test(text)), `A's text is kept aside: ${JSON.stringify(saved)}`);
  await a.expectVisible(a.testId('python-other-tab'), 'the other-tab notice in tab A');

  // A loads B's text, and Ctrl+Z brings its own back.
  await a.testId('python-load-other-tab').click();
  await editorHas(a, 'tab B');
  await pyA.editable.click();
  await a.page.keyboard.press('Control+z');
  await editorHas(a, 'tab A');
  a.assertNoPageErrors();
  b.assertNoPageErrors();
});

test('two tabs typing keep both texts, and a page opened later offers the one kept aside', async (t) => {
  const { a, b, pyA, pyB } = await twoTabs(t);
  await pyA.setText('print("A, first")\n');
  await savedState(a, 'saved');
  await pyB.setText('print("B, first")\n');
  await savedState(b, 'aside');
  await pyA.setText('print("A, second")\n');
  await savedState(a, 'saved');
  await pyB.setText('print("B, second")\n');
  await savedState(b, 'aside');
  const saved = await agreedTexts(a, b);
  assert.deepEqual(Object.values(saved).sort(), ['print("A, second")\n', 'print("B, second")\n'], JSON.stringify(saved));
  assert.equal(saved[KEY], 'print("A, second")\n');

  // B is closed without choosing; a page opened later offers its text.
  await b.page.close();
  const c = new HeapwisePage(await a.page.context().newPage(), a.baseUrl);
  await c.goto(ROUTE);
  const pyC = new PythonPanel(c);
  await pyC.open();
  assert.match(await pyC.text(), /A, second/, 'the saved text opens');
  const offer = c.testId('python-other-tab');
  await c.expectVisible(offer, 'the offer of the text kept aside');
  assert.equal(await offer.getAttribute('data-kept'), 'true');
  assert.match(await offer.innerText(), /kept aside/);
  await c.testId('python-load-other-tab').click();
  await editorHas(c, 'B, second');
  await savedState(c, 'saved');
  // The kept text is the saved one now; the text it replaced, tab A's, is kept aside for A.
  const after = await texts(c);
  assert.equal(after[KEY], 'print("B, second")\n');
  assert.deepEqual(Object.values(after).sort(), ['print("A, second")\n', 'print("B, second")\n'], JSON.stringify(after));
  // The copy on disk holds the same texts under the same keys: the text
  // kept aside that was loaded is deleted there too, not left behind.
  const same = (x, y) => JSON.stringify(Object.entries(x ?? {}).sort()) === JSON.stringify(Object.entries(y).sort());
  let onDisk = null;
  for (let tries = 0; tries < 50 && !same(onDisk, after); tries++) {
    if (tries) await c.page.waitForTimeout(100);
    onDisk = await keptOnDisk(c);
  }
  assert.deepEqual(onDisk, after, 'IndexedDB holds what local storage holds');
  // A hears of it, and is asked; its own text is still in its editor.
  await a.expectVisible(a.testId('python-other-tab'), 'the other-tab notice in tab A');
  assert.match(await pyA.text(), /A, second/);
  a.assertNoPageErrors();
  c.assertNoPageErrors();
});
