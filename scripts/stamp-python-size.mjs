#!/usr/bin/env node
// Writes what the first Python download weighs into the bundle's
// index.html, so the "Your Python" panel can say it before the student
// opens it, without requesting any file under python/ (issue 19):
//
//   <meta name="heapwise-python-bytes" content="14035688" />
//
// The figure is the sum of the runtime's files as python/manifest.json
// lists them (scripts/build-python-assets.mjs), which is also the total the
// panel's progress bar counts. A Trunk post_build step: after
// minify-dist.mjs (which rewrites index.html's integrity hashes, not this
// tag), before sw-manifest.mjs and compress-dist.mjs (which fingerprint and
// compress index.html as it then is).
//
//   node scripts/stamp-python-size.mjs [dist]   ($TRUNK_STAGING_DIR when a hook)
import { promises as fs } from 'node:fs';
import path from 'node:path';

const given = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!given) {
  console.error('stamp-python-size: give a bundle directory (or run as a Trunk hook, which sets $TRUNK_STAGING_DIR)');
  process.exit(2);
}
const dist = path.resolve(given);
const manifest = JSON.parse(await fs.readFile(path.join(dist, 'python', 'manifest.json'), 'utf8'));
const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new Error(`stamp-python-size: python/manifest.json sums to ${bytes} bytes`);
const indexFile = path.join(dist, 'index.html');
const html = await fs.readFile(indexFile, 'utf8');
const tag = /<meta name="heapwise-python-bytes" content="\d*"/;
if (!tag.test(html)) throw new Error('stamp-python-size: index.html has no <meta name="heapwise-python-bytes" content=""> (www/index.html)');
await fs.writeFile(indexFile, html.replace(tag, `<meta name="heapwise-python-bytes" content="${bytes}"`));
console.log(`stamp-python-size: the Python runtime is ${bytes} bytes (python/manifest.json)`);
