// The README's pictures of the student's loop: an exercise page with the
// Python workspace open after a run of the reference solution, at 1440,
// 1024 and 375 px wide (light), and at 1440 in dark colours.
//
//   node scripts/screenshots.mjs URL [OUT_DIR]     (default docs/)
//
// URL is a served release bundle (scripts/static-server.mjs). Each picture
// is the window as a student sees it right after Run Python (the page
// brings the workspace, or on a phone its Run bar and verdict, into view),
// so it shows whether task, editor and verdict are on one screen.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/heapwise-page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [url, out = path.join(ROOT, 'docs')] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/screenshots.mjs URL [OUT_DIR]');
  process.exit(2);
}

const SHOTS = [
  { name: 'workspace-1440.png', width: 1440, height: 900, colorScheme: 'light' },
  { name: 'workspace-1024.png', width: 1024, height: 768, colorScheme: 'light' },
  { name: 'workspace-375.png', width: 375, height: 740, colorScheme: 'light' },
  { name: 'workspace-1440-dark.png', width: 1440, height: 900, colorScheme: 'dark' },
];

const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.colorScheme });
    const page = await context.newPage();
    await page.goto(`${url.replace(/\/+$/, '')}/exercise/slots-vs-dict`);
    await page.getByTestId('python-open').click();
    await page.locator('[data-testid="python-editor"] [contenteditable="true"]').waitFor({ timeout: 120_000 });
    await page.getByTestId('python-load-solution').click();
    await page.getByTestId('python-confirm').click();
    await page.getByTestId('python-notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="python-status"]')?.getAttribute('data-state') !== 'loading', null, { timeout: 180_000 });
    await page.getByTestId('python-run').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="python-status"]')?.getAttribute('data-state') === 'done' && document.querySelector('[data-testid="python-solved"]'), null, { timeout: 180_000 });
    await page.waitForTimeout(800); // the smooth scroll into view
    await page.screenshot({ path: path.join(out, shot.name) });
    console.log(`${shot.name}: ${shot.width}x${shot.height} ${shot.colorScheme}`);
    await context.close();
  }
} finally {
  await browser.close();
}
