#!/usr/bin/env node
// Stamps the bundle's file list and a build id into its service worker
// (sw.js, copied from www/sw.js by Trunk), so the worker can store the whole
// app for offline use when it installs, and so every build that changes any
// file is a new sw.js, which the browser picks up on the next visit.
//
//   node scripts/sw-manifest.mjs [DIR]     (default: $TRUNK_STAGING_DIR)
//
// Run by Trunk as a post_build hook, before scripts/compress-dist.mjs (it
// changes sw.js, which is then compressed): Trunk.toml chains the two in one
// hook, since Trunk starts all hooks of a stage at the same time.
//
// Listed: every file of the bundle, as a path relative to the bundle root,
// except index.html (the worker stores it as the shell under its scope URL),
// sw.js itself, the .br/.gz variants, and the directories in LAZY_DIRS: the
// Python runtime (python/) is large and loaded only by exercises that need
// it; the worker stores its files when the page first fetches them.
// The build id is a hash of every listed file's content and of index.html.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAZY_DIRS = ['python'];
const MARKER = /^const MANIFEST = .*\/\/ @heapwise-manifest.*$/m;

async function* walk(dir, rel = '') {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!rel && (LAZY_DIRS.includes(entry.name) || entry.name.startsWith('.'))) continue;
      yield* walk(path.join(dir, entry.name), relPath);
    } else if (entry.isFile()) {
      yield relPath;
    }
  }
}

export async function stampManifest(dir) {
  const root = path.resolve(dir);
  const swFile = path.join(root, 'sw.js');
  const source = await fs.readFile(swFile, 'utf8').catch(() => {
    throw new Error(`${swFile} not found: is www/sw.js copied by Trunk (<link data-trunk rel="copy-file" href="sw.js">)?`);
  });
  if (!MARKER.test(source)) throw new Error(`${swFile} has no "const MANIFEST = ... // @heapwise-manifest" line`);

  const files = [];
  for await (const rel of walk(root)) {
    if (rel === 'index.html' || rel === 'sw.js' || /\.(br|gz|tmp)$/.test(rel)) continue;
    files.push(rel);
  }
  files.sort();
  const build = createHash('sha256');
  for (const rel of ['index.html', ...files]) {
    build.update(rel).update('\0');
    build.update(createHash('sha256').update(await fs.readFile(path.join(root, rel))).digest());
  }
  const manifest = { build: build.digest('hex').slice(0, 16), files };
  const line = `const MANIFEST = ${JSON.stringify(manifest)}; // @heapwise-manifest (written by scripts/sw-manifest.mjs)`;
  await fs.writeFile(`${swFile}.tmp`, source.replace(MARKER, () => line));
  await fs.rename(`${swFile}.tmp`, swFile);
  return manifest;
}

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('sw-manifest: give a bundle directory (or run as a Trunk hook, which sets $TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const manifest = await stampManifest(dir);
  console.log(`sw-manifest: build ${manifest.build}, ${manifest.files.length} files precached by sw.js`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`sw-manifest: ${error.message}`);
    process.exit(1);
  });
}
