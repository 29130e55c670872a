#!/usr/bin/env node
// Minifies the first load's text files in a built bundle, with esbuild.
//
//   node scripts/minify-dist.mjs [dist]     (Trunk's post_build hook: $TRUNK_STAGING_DIR)
//
// Trunk's own minifier cannot parse wasm-bindgen's module glue (it warns and
// leaves it as it is) and, once on, also rewrites index.html, whose boot
// script the server's Content-Security-Policy hashes. So Trunk minifies
// nothing, and this step minifies exactly what the catalogue fetches before
// it is on screen (scripts/size-budget.mjs's list, static imports included):
// the app's JS glue, the stylesheet, the service-worker registration and
// python-bridge.js; and the glue of the Python panel's module (panel.js),
// which an exercise page fetches as it opens. esbuild only minifies here (no bundling, no target
// lowering), so the code that runs is the code that was built. And
// index.html loses its comments (not its scripts' text).
//
// Files that index.html loads with an `integrity` hash get the new hash,
// or the browser would refuse them. Run before sw-manifest.mjs (which
// fingerprints the files) and compress-dist.mjs (which compresses them).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';

import { firstLoadFiles } from './size-budget.mjs';

const given = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!given) {
  console.error('minify-dist: give a bundle directory (or run as a Trunk hook, which sets $TRUNK_STAGING_DIR)');
  process.exit(2);
}
const dist = path.resolve(given);
const indexFile = path.join(dist, 'index.html');
let html = await fs.readFile(indexFile, 'utf8');

const PANEL_GLUE = 'panel.js';
const files = (await firstLoadFiles(html, dist)).filter((rel) => /\.(js|css)$/.test(rel));
if (await fs.stat(path.join(dist, PANEL_GLUE)).catch(() => null)) files.push(PANEL_GLUE);
let before = 0;
let after = 0;
for (const rel of files) {
  const file = path.join(dist, rel);
  const source = await fs.readFile(file, 'utf8');
  const loader = rel.endsWith('.css') ? 'css' : 'js';
  const { code, warnings } = await transform(source, { loader, minify: true, charset: 'utf8', logLevel: 'silent' });
  for (const w of warnings) {
    // wasm-bindgen's glue repeats one key per import of the same module; the last one wins, as before.
    if (!/Duplicate key/.test(w.text)) console.warn(`minify-dist: ${rel}: ${w.text}`);
  }
  await fs.writeFile(file, code);
  before += Buffer.byteLength(source);
  after += Buffer.byteLength(code);
  // The same file named in index.html with a hash of its old bytes.
  const name = rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp(`(<(?:link|script)\\b[^>]*\\b(?:href|src)="[^"]*${name}"[^>]*\\bintegrity=")([^"]*)(")`, 'g');
  const tagFirst = new RegExp(`(<(?:link|script)\\b[^>]*\\bintegrity=")([^"]*)("[^>]*\\b(?:href|src)="[^"]*${name}")`, 'g');
  const digest = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  html = html.replace(tag, `$1${digest}$3`).replace(tagFirst, `$1${digest}$3`);
}
// index.html's comments are for whoever reads www/index.html, not for every
// visitor: removed, with the line each stood on, outside <script> elements
// (whose text the server's CSP hashes, so it is left byte for byte).
const htmlBefore = Buffer.byteLength(html);
html = html
  .split(/(<script\b[\s\S]*?<\/script\s*>)/i)
  .map((part, i) => (i % 2 ? part : part.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?/g, '')))
  .join('');
await fs.writeFile(indexFile, html);
console.log(
  `minify-dist: ${files.length} files, ${before.toLocaleString('en')} -> ${after.toLocaleString('en')} bytes; ` +
    `index.html without comments ${htmlBefore.toLocaleString('en')} -> ${Buffer.byteLength(html).toLocaleString('en')} bytes`,
);
