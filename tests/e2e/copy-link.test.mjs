// "Copy link to this run" says what happened. Where the page may not use
// the clipboard (plain http on a LAN address: navigator.clipboard is
// undefined) or the browser refuses, it says nothing was copied and shows
// the link, selected, in a read-only field; it never claims success.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHeapwise } from './heapwise-page.mjs';

const app = useHeapwise();
const ROUTE = '/exercise/slots-vs-dict?n=1234';

async function copyAndRead(hw) {
  await hw.expectVisible(hw.testId('copy-link'), 'the copy-link button');
  await hw.testId('copy-link').click();
  await hw.page.waitForFunction(
    () => document.querySelector('[data-testid="copy-status"]')?.getAttribute('data-state'),
  );
  return {
    state: await hw.testId('copy-status').getAttribute('data-state'),
    said: await hw.testId('copy-status').innerText(),
    button: await hw.testId('copy-link').innerText(),
  };
}

function assertRunLink(hw, text) {
  const link = new URL(text);
  assert.equal(link.origin, new URL(hw.baseUrl).origin);
  assert.equal(link.pathname, '/exercise/slots-vs-dict');
  assert.equal(link.searchParams.get('n'), '1234');
  assert.equal(link.searchParams.get('run'), '1');
}

async function assertFallback(hw, result) {
  assert.equal(result.state, 'refused');
  assert.match(result.said, /nothing was copied/);
  assert.doesNotMatch(result.button, /copied/i, 'the button does not claim success');
  const field = hw.testId('share-link');
  await hw.expectVisible(field, 'the link in a field to copy by hand');
  assert.notEqual(await field.getAttribute('readonly'), null, 'the field is read-only');
  assertRunLink(hw, await field.inputValue());
  const selected = await field.evaluate((input) =>
    document.activeElement === input && input.selectionStart === 0 && input.selectionEnd === input.value.length);
  assert.ok(selected, 'the field has focus and its whole text is selected');
  hw.assertNoPageErrors();
}

test('without a clipboard API (insecure context) the link is offered to copy by hand', async (t) => {
  const hw = await app.open(t, ROUTE, {
    initScript: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
  });
  const result = await copyAndRead(hw);
  await assertFallback(hw, result);
  assert.match(result.said, /https/);
});

test('when the browser refuses to copy, the page says so', async (t) => {
  const hw = await app.open(t, ROUTE, {
    initScript: () => {
      Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    },
  });
  const result = await copyAndRead(hw);
  await assertFallback(hw, result);
  assert.match(result.said, /Write permission denied/);
});

test('when copying works, the clipboard holds the link to the run', async (t) => {
  const hw = await app.open(t, ROUTE, { permissions: ['clipboard-read', 'clipboard-write'] });
  const result = await copyAndRead(hw);
  assert.equal(result.state, 'copied');
  assert.equal(result.button, 'Link copied');
  assertRunLink(hw, await hw.page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(await hw.testId('share-link').count(), 0);

  // Another value: the old "copied" no longer applies.
  await hw.setParam('n', 999);
  await hw.page.waitForFunction(() => document.querySelector('[data-testid="copy-link"]')?.innerText !== 'Link copied');
  hw.assertNoPageErrors();
});
