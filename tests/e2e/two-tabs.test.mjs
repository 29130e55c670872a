// Two tabs on one exercise: when one saves different text, the other says
// so and lets the student choose; loading the other tab's text can be
// undone, keeping this tab's text saves it and the first tab is told in turn.
// Nothing is lost silently.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeapwisePage, useHeapwise } from './heapwise-page.mjs';
import { PythonPanel } from './python-panel.mjs';

const app = useHeapwise();
const ROUTE = '/exercise/slots-vs-dict';

test('a tab learns when another tab changed the same exercise, and neither loses text', async (t) => {
  const a = await app.open(t, ROUTE);
  const b = new HeapwisePage(await a.page.context().newPage(), a.baseUrl);
  await b.goto(ROUTE);
  const pyA = new PythonPanel(a);
  const pyB = new PythonPanel(b);
  await pyA.open();
  await pyB.open();

  await pyA.setText('print("written in tab A")\n');
  await b.expectVisible(b.testId('python-other-tab'), 'the other-tab notice in tab B');
  await pyB.setText('print("written in tab B")\n');
  // Tab A now hears of B's text; it keeps its own, which saves it.
  await a.expectVisible(a.testId('python-other-tab'), 'the other-tab notice in tab A');
  await a.testId('python-keep-this-tab').click();
  await a.testId('python-other-tab').waitFor({ state: 'detached' });
  const stored = () => a.page.evaluate(() => localStorage.getItem('heapwise.python.v1.slots-vs-dict'));
  assert.match(await stored(), /tab A/);

  // Tab B is told in turn, loads A's text, and can undo it.
  await b.page.waitForFunction(() => document.querySelectorAll('[data-testid="python-other-tab"]').length === 1);
  await b.testId('python-load-other-tab').click();
  await b.page.waitForFunction(() => ((h) => (h?.shadowRoot ?? h)?.querySelector('.cm-content')?.textContent.includes('tab A'))(document.querySelector('[data-testid="python-editor"]')));
  await pyB.editable.click();
  await b.page.keyboard.press('Control+z');
  await b.page.waitForFunction(() => ((h) => (h?.shadowRoot ?? h)?.querySelector('.cm-content')?.textContent.includes('tab B'))(document.querySelector('[data-testid="python-editor"]')));
  a.assertNoPageErrors();
  b.assertNoPageErrors();
});
