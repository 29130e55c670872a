#!/usr/bin/env node
// First-load size of the catalogue, and a budget for it.
//
//   node scripts/size-budget.mjs <dist> [--budget 250kB]
//
// The first-load set is what the browser fetches before the catalogue is on
// screen: index.html and everything it references (Trunk's stylesheet, the
// app's JS and wasm that its inline module script imports and preloads, any
// other script), and every module those scripts import statically (the
// app's glue imports python-bridge.js: the browser fetches it before the
// app can start). It is read from index.html and the scripts themselves, so
// a new asset is counted without touching this script. Not in it: the measuring worker
// (the app starts it at run time, after index.html; worker_loader.js,
// worker.js, worker_bg.wasm), the service worker, and the Python runtime
// (python/), listed below the total as "fetched later".
//
// For each file it prints the raw size, gzip -9 and brotli q11 (the .gz/.br
// variants scripts/compress-dist.mjs wrote, or computed here if there are
// none), and what scripts/static-server.mjs sends to a browser that accepts
// brotli (the br variant, else gz, else the file): response bodies, without
// the ~300 bytes of headers each response adds. Sizes are deterministic, so
// the budget is a test: exit 1 when the first-load total is over it.
// kB = 1000 bytes, KiB = 1024; a bare number is bytes.
//
// But for one thing: the page's wasm holds the names of the exercises' data
// files (data/<slug>-<16 hex digits>.bin, named after their bytes), and 30
// strings of random hex digits move the wasm's brotli size by themselves.
// The same wasm with other digits measured 248,931 to 249,248 B
// (2026-11-26, six draws); so any edit to an exercise's text or checks
// could fail or pass the budget by chance. The budget is therefore held on
// the wasm with those digits written as zeros (248,787 B that day): the
// page's code, and the names' fixed cost, counted the same in every build.
// The build's identity (16 hex digits of a hash over src/ and exercises/,
// build.rs, in the page's footer and in the measuring worker) moves with
// every such edit too: one new check.py, the same wasm but those 16
// digits, took the held figure from 264,888 to 265,178 B (2026-11-26). So
// every run of 16 hex digits the page's wasm shares with the worker's
// (the identity, and constants both link, which are the same in every
// build) is written as zeros as well. Both totals are printed.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const USAGE = 'usage: node scripts/size-budget.mjs <dist> [--budget 250kB] [--readable-budget 12kB]';

function parseSize(text) {
  const m = String(text).trim().match(/^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib)?$/i);
  if (!m) throw new Error(`cannot read size ${JSON.stringify(text)} (e.g. 250kB, 256KiB, 250000)`);
  const unit = { b: 1, kb: 1000, kib: 1024, mb: 1e6, mib: 1048576 }[(m[2] ?? 'b').toLowerCase()];
  return Math.round(Number(m[1]) * unit);
}

/** The `href` of every `<link>` whose `rel` matches `rels`. */
function linked(html, rels) {
  const urls = [];
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = m[1].match(/\brel\s*=\s*"([^"]*)"/i)?.[1]?.toLowerCase() ?? '';
    const href = m[1].match(/\bhref\s*=\s*"([^"]*)"/i)?.[1];
    if (href && rels.test(rel)) urls.push(href);
  }
  return urls;
}

/** `urls` that are the bundle's own files, as paths below `html`'s `<base href>`. */
function inBundle(html, urls) {
  const base = new URL(html.match(/<base\b[^>]*\bhref\s*=\s*"([^"]*)"/i)?.[1] ?? '/', 'http://bundle/');
  const files = [];
  for (const url of urls) {
    if (/^(data|blob|https?):/i.test(url) || url.startsWith('//')) continue;
    const resolved = new URL(url, base).pathname;
    const rel = resolved.startsWith(base.pathname) ? resolved.slice(base.pathname.length) : resolved.replace(/^\//, '');
    if (rel) files.push(decodeURIComponent(rel));
  }
  return files;
}

/**
 * Local files index.html loads, as paths relative to the bundle root; with
 * `root` (the bundle's folder), also the modules its JS imports statically,
 * recursively (dynamic `import()` loads later, so it is not followed).
 */
export async function firstLoadFiles(html, root = null) {
  const urls = linked(html, /\b(stylesheet|modulepreload|preload|icon|manifest)\b/);
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const src = m[1].match(/\bsrc\s*=\s*"([^"]*)"/i)?.[1];
    if (src) urls.push(src);
    // Trunk's boot script: import init from '/app-….js'; init({ module_or_path: '/app-…_bg.wasm' })
    for (const s of m[2].matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'|module_or_path:\s*'([^']+)'|\binit\(\s*'([^']+)'/g)) {
      urls.push(s[1] ?? s[2] ?? s[3] ?? s[4]);
    }
  }
  const files = new Set(inBundle(html, urls));
  if (root) {
    const queue = [...files].filter((rel) => rel.endsWith('.js'));
    while (queue.length) {
      const rel = queue.shift();
      const code = await fs.readFile(path.join(root, rel), 'utf8').catch(() => '');
      // `import x from '…'`, `import * as x from "…"`, `import '…'`, `export … from '…'`.
      for (const m of code.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[\w*${}\s,]*?\s*from\s*)?(['"])(\.{1,2}\/[^'"]+)\1/g)) {
        const dep = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[2]));
        if (!files.has(dep)) {
          files.add(dep);
          if (dep.endsWith('.js')) queue.push(dep);
        }
      }
    }
  }
  return ['index.html', ...files];
}

/**
 * What the browser needs before the prerendered catalogue is on screen:
 * index.html, its stylesheets, and the scripts that block rendering (a
 * classic `<script src>` without defer or async). The app's module script
 * and what it loads come after the text is readable.
 */
export function readableFiles(html) {
  const urls = linked(html, /\bstylesheet\b/);
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = m[1].match(/\bsrc\s*=\s*"([^"]*)"/i)?.[1];
    if (src && !/\b(defer|async)\b|\btype\s*=\s*"module"/i.test(m[1])) urls.push(src);
  }
  return ['index.html', ...new Set(inBundle(html, urls))];
}

/**
 * `html` without the prerendered page (`<div id="prerendered">` and all
 * inside it: src/prerender.rs, the id is `page::words::PRERENDERED_ID`),
 * or null when it has none.
 */
export function withoutPrerendered(html) {
  const start = html.search(/<div id="prerendered"[ >]/);
  if (start < 0) return null;
  let depth = 0;
  const tags = /<(\/?)div\b[^>]*>/gi;
  tags.lastIndex = start;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(0, start) + html.slice(tags.lastIndex);
  }
  throw new Error('index.html: the prerendered page\'s <div> is never closed');
}

/** Brotli q11 with a 16 MiB window, as scripts/compress-dist.mjs writes it. */
const brotli = (bytes) =>
  zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 },
  });

async function variantSize(file, suffix, compute) {
  const [source, variant] = await Promise.all([fs.stat(file), fs.stat(file + suffix).catch(() => null)]);
  // Valid only if made from this very file (same mtime), as the server insists.
  if (variant && Math.abs(variant.mtimeMs - source.mtimeMs) < 1) return { bytes: variant.size, stored: true };
  return { bytes: compute(await fs.readFile(file)).length, stored: false };
}

/** The data files' content hashes (data/<slug>-<hash>.bin) of a bundle. */
async function dataHashes(root) {
  const names = await fs.readdir(path.join(root, 'data')).catch(() => []);
  return names.map((name) => name.match(/-([0-9a-f]{16})\.bin$/)?.[1]).filter(Boolean);
}

/** Runs of 16 hex digits the page's wasm shares with the measuring worker's: the build's identity among them. */
async function sharedDigits(root) {
  const names = await fs.readdir(root);
  const page = names.find((n) => /^app-.*_bg\.wasm$/.test(n));
  const worker = names.find((n) => /^worker.*_bg\.wasm$/.test(n));
  if (!page || !worker) return [];
  const runs = async (name) => new Set((await fs.readFile(path.join(root, name))).toString('latin1').match(/(?<![0-9a-f])[0-9a-f]{16}(?![0-9a-f])/g) ?? []);
  const [a, b] = await Promise.all([runs(page), runs(worker)]);
  return [...a].filter((run) => b.has(run) && !/^0+$/.test(run));
}

/**
 * Brotli q11 of `file` with every data-file hash in it written as zeros
 * (see the top of this file), or null when it holds none.
 */
async function brotliWithoutHashes(file, hashes) {
  let text = (await fs.readFile(file)).toString('latin1');
  let found = 0;
  for (const hash of hashes) {
    const parts = text.split(hash);
    found += parts.length - 1;
    text = parts.join('0'.repeat(hash.length));
  }
  if (found === 0) return null;
  return brotli(Buffer.from(text, 'latin1')).length;
}

export async function measure(file) {
  const raw = (await fs.stat(file)).size;
  const gz = await variantSize(file, '.gz', (d) => zlib.gzipSync(d, { level: 9 }));
  const br = await variantSize(file, '.br', brotli);
  const sent = br.stored ? br.bytes : gz.stored ? gz.bytes : raw;
  const encoding = br.stored ? 'br' : gz.stored ? 'gzip' : 'identity';
  return { raw, gzip: gz.bytes, brotli: br.bytes, sent, encoding };
}

async function main() {
  const args = process.argv.slice(2);
  let dist = null;
  let budget = null;
  let readableBudget = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--budget') budget = parseSize(args[++i]);
    else if (args[i].startsWith('--budget=')) budget = parseSize(args[i].slice(9));
    else if (args[i] === '--readable-budget') readableBudget = parseSize(args[++i]);
    else if (!args[i].startsWith('-') && dist === null) dist = args[i];
    else throw new Error(`${USAGE}\nunknown argument ${args[i]}`);
  }
  if (!dist) throw new Error(USAGE);
  const root = path.resolve(dist);
  const html = await fs.readFile(path.join(root, 'index.html'), 'utf8');
  const first = await firstLoadFiles(html, root);
  const fmt = (n) => n.toLocaleString('en-US');

  const rows = [];
  for (const rel of first) {
    const file = path.join(root, rel);
    try {
      rows.push({ rel, ...(await measure(file)) });
    } catch {
      throw new Error(`index.html references ${rel}, which is not in ${root}`);
    }
  }
  const later = [];
  for (const entry of await fs.readdir(root, { withFileTypes: true })) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name) || first.includes(entry.name)) continue;
    later.push({ rel: entry.name, ...(await measure(path.join(root, entry.name))) });
  }
  later.sort((a, b) => b.raw - a.raw);

  const line = (r) =>
    `| ${r.rel} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} | ${fmt(r.sent)} (${r.encoding}) |`;
  const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
  console.log(`First load of the catalogue, ${root} (bytes; "sent" = response bodies to a browser accepting br):\n`);
  console.log('| file | raw | gzip -9 | brotli q11 | sent |');
  console.log('|---|---:|---:|---:|---:|');
  rows.forEach((r) => console.log(line(r)));
  const total = sum(rows, 'sent');
  console.log(
    `| **first load** | **${fmt(sum(rows, 'raw'))}** | **${fmt(sum(rows, 'gzip'))}** | **${fmt(sum(rows, 'brotli'))}** | **${fmt(total)}** |`,
  );
  if (later.length) {
    console.log('\nFetched later (not in the budget): the measuring worker, the service worker, ...\n');
    console.log('| file | raw | gzip -9 | brotli q11 | sent |');
    console.log('|---|---:|---:|---:|---:|');
    later.forEach((r) => console.log(line(r)));
  }
  // What the budget holds: the first load with the data files' hashes as zeros.
  const hashes = [...(await dataHashes(root)), ...(await sharedDigits(root))];
  let held = total;
  for (const r of rows) {
    if (r.encoding !== 'br') continue;
    const zeroed = await brotliWithoutHashes(path.join(root, r.rel), hashes);
    if (zeroed !== null) held += zeroed - r.sent;
  }
  // The catalogue's prerendered text (src/prerender.rs) is content, which
  // grows with every exercise: the budget holds the page's code, so
  // index.html counts there as the shell it is without that text. The text
  // is held by the readable budget below, with what shows it.
  const index = rows.find((r) => r.rel === 'index.html');
  const shell = withoutPrerendered(html);
  let textSent = 0;
  if (shell !== null && index.encoding === 'br') {
    textSent = index.sent - brotli(Buffer.from(shell)).length;
    held -= textSent;
  }
  const parts = [];
  if (hashes.length) parts.push(`the data files' hashes and the build's identity as zeros (${hashes.length} runs of digits)`);
  if (textSent) parts.push(`index.html without the catalogue's prerendered text (${fmt(textSent)} B of it)`);
  const said = held === total ? '' : ` (${fmt(held)} B with ${parts.join(' and ')}, which the budget holds)`;
  const readable = readableFiles(html);
  let readableSent = 0;
  for (const rel of readable) {
    readableSent += rows.find((r) => r.rel === rel)?.sent ?? (await measure(path.join(root, rel))).sent;
  }
  const readableLine = `readable after ${fmt(readableSent)} B sent (${readable.join(', ')}: the prerendered catalogue on screen)`;
  let over = false;
  if (budget !== null) {
    const verdict = held <= budget ? 'within' : 'OVER';
    console.log(`\nsize-budget: first load ${fmt(total)} B sent${said}, budget ${fmt(budget)} B: ${verdict}`);
    over ||= held > budget;
  } else {
    console.log(`\nsize-budget: first load ${fmt(total)} B sent${said} (no --budget given)`);
  }
  if (readableBudget !== null) {
    const verdict = readableSent <= readableBudget ? 'within' : 'OVER';
    console.log(`size-budget: ${readableLine}, budget ${fmt(readableBudget)} B: ${verdict}`);
    over ||= readableSent > readableBudget;
  } else {
    console.log(`size-budget: ${readableLine}`);
  }
  if (over) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`size-budget: ${error.message}`);
    process.exit(2);
  });
}
