#!/usr/bin/env node
// Precompresses a Trunk bundle: writes `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip -9) beside every compressible file, so that
// scripts/static-server.mjs can send the smallest variant the browser
// accepts without compressing anything per request. Node built-ins only.
//
//   node scripts/compress-dist.mjs [DIR]     (default: $TRUNK_STAGING_DIR)
//
// Trunk runs it as a post_build hook (Trunk.toml), on the staging directory
// it is about to move into dist/, so a bundle never exists without its
// variants. It can also be run by hand on any bundle directory.
//
// Rules:
//  - Compressible: see COMPRESSIBLE below (already-compressed formats such
//    as .zip, .whl, .png are skipped: they would not shrink).
//  - A variant is written only if it is smaller than the file itself (a
//    62-byte loader gains nothing from a gzip header).
//  - Each variant gets the mtime of the file it was made from. The server
//    uses a variant only when the two mtimes agree (to a millisecond), so a
//    file rewritten after it was compressed (by hand, or by another
//    post_build hook: Trunk starts all hooks of a stage at the same time)
//    is sent uncompressed rather than stale. If a file changes while it is
//    being compressed, it is compressed again.
//  - Variants left from earlier runs whose source is gone are removed.
//  - `compressed-sources.json` at the bundle's root records the SHA-256 of
//    each file a variant was made from, so the server can tell a variant is
//    current by content when file times were lost (a bundle copied with
//    `cp -r`, unpacked from an archive): see scripts/static-server.mjs.
//  - Brotli at quality 11 is slow (the 9.6 MB Pyodide wasm alone takes most
//    of a minute), so compressed bytes are kept in a cache keyed by the
//    file's SHA-256 (target/compress-cache, or $HEAPWISE_COMPRESS_CACHE;
//    safe to delete): a rebuild compresses only files whose content changed.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const CACHE_DIR = process.env.HEAPWISE_COMPRESS_CACHE
  ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'target', 'compress-cache');
/** Part of every cache key: change it when the compression settings change. */
const SETTINGS = 'br-q11-lgwin24+gzip-9-mem9';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** File types worth compressing (lower-case extensions, with the dot). */
export const COMPRESSIBLE = new Set([
  '.wasm', '.js', '.mjs', '.css', '.html', '.json', '.bin', '.svg', '.py',
  '.map', '.txt', '.md', '.toml', '.xml', '.tar', '.ts',
]);

/** The encodings we write, in the server's order of preference. */
export const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

/** compress(), through the cache. */
async function compressCached(encoding, data, digest) {
  const cached = path.join(CACHE_DIR, `${digest}.${encoding}`);
  try {
    return await fs.readFile(cached);
  } catch {
    // not cached yet
  }
  const out = await compress(encoding, data);
  try {
    await fs.mkdir(CACHE_DIR, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    await fs.writeFile(tmp, out);
    await fs.rename(tmp, cached);
  } catch {
    // a cache that cannot be written only costs time
  }
  return out;
}

async function compress(encoding, data) {
  if (encoding === 'br') {
    return brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC,
        // A bigger window helps the multi-megabyte wasm files (the default is 22).
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
  }
  return gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION, memLevel: 9 });
}

/**
 * What `file` weighs on the wire when the browser accepts brotli: its .br
 * variant's size as compressFile() would write it (through the same cache,
 * so compressing it here first costs compress-dist nothing), or its own size
 * when it is not compressible or would not shrink.
 */
export async function brotliBytes(file) {
  const data = await fs.readFile(file);
  if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) return data.length;
  const digest = createHash('sha256').update(SETTINGS).update(data).digest('hex');
  const out = await compressCached('br', data, digest);
  return Math.min(out.length, data.length);
}

async function* walk(dir) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** What each variant was made from, by content (see the rules above). */
export const SOURCES_FILE = 'compressed-sources.json';

const isVariant = (file) => VARIANTS.some((v) => file.endsWith(v.suffix));

/** Compresses one file into its variants; returns [{ encoding, bytes }]. */
async function compressFile(file) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await fs.stat(file, { bigint: true });
    const data = await fs.readFile(file);
    const digest = createHash('sha256').update(SETTINGS).update(data).digest('hex');
    const outputs = await Promise.all(
      VARIANTS.map(async (v) => ({ ...v, data: await compressCached(v.encoding, data, digest) })),
    );
    const after = await fs.stat(file, { bigint: true });
    if (after.mtimeNs !== before.mtimeNs || after.size !== before.size || BigInt(data.length) !== after.size) {
      continue; // still being written by someone else: read it again
    }
    const written = [];
    for (const out of outputs) {
      const target = file + out.suffix;
      if (out.data.length >= data.length) {
        await fs.rm(target, { force: true });
        continue;
      }
      await fs.writeFile(`${target}.tmp`, out.data);
      const mtime = Number(after.mtimeNs) / 1e9;
      await fs.utimes(`${target}.tmp`, mtime, mtime);
      await fs.rename(`${target}.tmp`, target);
      written.push({ encoding: out.encoding, bytes: out.data.length });
    }
    return { raw: data.length, written, sha256: createHash('sha256').update(data).digest('hex') };
  }
  throw new Error(`${file} kept changing while it was being compressed`);
}

export async function compressDir(dir, { log = () => {} } = {}) {
  const root = path.resolve(dir);
  const files = [];
  for await (const file of walk(root)) files.push(file);
  const sources = new Set(files.filter((f) => !isVariant(f)));
  // Drop variants whose source is gone (a rebuilt bundle, a renamed asset).
  for (const file of files.filter(isVariant)) {
    const source = file.replace(/\.(br|gz)$/, '');
    if (!sources.has(source)) await fs.rm(file, { force: true });
  }
  const todo = [...sources].filter((f) => COMPRESSIBLE.has(path.extname(f).toLowerCase()));
  // Largest first, two at a time: zlib works on libuv's thread pool, and
  // the machines this runs on have two cores.
  const sized = await Promise.all(todo.map(async (f) => ({ f, size: (await fs.stat(f)).size })));
  sized.sort((a, b) => b.size - a.size);
  const results = [];
  let next = 0;
  const workers = Array.from({ length: 2 }, async () => {
    while (next < sized.length) {
      const { f } = sized[next++];
      const result = await compressFile(f);
      results.push({ file: path.relative(root, f), ...result });
      log(result, f);
    }
  });
  await Promise.all(workers);
  results.sort((a, b) => a.file.localeCompare(b.file));
  const sourcesOf = Object.fromEntries(
    results.filter((r) => r.written.length > 0).map((r) => [r.file.split(path.sep).join('/'), r.sha256]),
  );
  await fs.writeFile(path.join(root, SOURCES_FILE), `${JSON.stringify(sourcesOf, null, 1)}\n`);
  return results;
}

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('compress-dist: give a bundle directory (or run as a Trunk hook, which sets $TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const started = Date.now();
  const results = await compressDir(dir);
  let raw = 0;
  let br = 0;
  for (const r of results) {
    raw += r.raw;
    br += r.written.find((w) => w.encoding === 'br')?.bytes ?? r.raw;
  }
  console.log(
    `compress-dist: ${results.length} files in ${dir}: ${raw.toLocaleString('en-US')} B raw, ` +
      `${br.toLocaleString('en-US')} B as brotli (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`compress-dist: ${error.stack ?? error}`);
    process.exit(1);
  });
}
