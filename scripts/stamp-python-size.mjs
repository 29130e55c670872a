#!/usr/bin/env node
// Writes what the first Python download weighs into the bundle's
// index.html, so the "Your Python" panel can say it before the student
// opens it, without requesting any file under python/:
//
//   <meta name="heapwise-python-bytes" content="14035688" />
//   <meta name="heapwise-python-travel-bytes" content="5551234" />
//
// (the first is the files as they are unpacked and kept; the second what
// travels when the browser accepts brotli, as every browser the app runs in
// does: each file's .br variant, made here through compress-dist.mjs's
// cache, so compress-dist, which runs after this, finds it made)
// and the SHA-256 of python/manifest.json, which lists every runtime
// file's SHA-256: the page refuses a manifest of another build and any
// file the manifest does not list as it is (www/python/runtime.js):
//
//   <meta name="heapwise-python-manifest" content="<64 hex digits>" />
//
// The figure is the sum of the runtime's files as python/manifest.json
// lists them (scripts/build-python-assets.mjs), which is also the total the
// panel's progress bar counts. A Trunk post_build step: after
// minify-dist.mjs (which rewrites index.html's integrity hashes, not this
// tag), before sw-manifest.mjs and compress-dist.mjs (which fingerprint and
// compress index.html as it then is).
//
//   node scripts/stamp-python-size.mjs [dist]   ($TRUNK_STAGING_DIR when a hook)
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { brotliBytes } from './compress-dist.mjs';

const given = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!given) {
  console.error('stamp-python-size: give a bundle directory (or run as a Trunk hook, which sets $TRUNK_STAGING_DIR)');
  process.exit(2);
}
const dist = path.resolve(given);
const manifestBytes = await fs.readFile(path.join(dist, 'python', 'manifest.json'));
const manifest = JSON.parse(manifestBytes.toString('utf8'));
const manifestHash = createHash('sha256').update(manifestBytes).digest('hex');
const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new Error(`stamp-python-size: python/manifest.json sums to ${bytes} bytes`);
// All at once: zlib works on libuv's thread pool, so the large files
// compress side by side, as compress-dist would have.
const sizes = await Promise.all(manifest.files.map((file) => brotliBytes(path.join(dist, 'python', file.name))));
const travel = sizes.reduce((sum, n) => sum + n, 0);
if (!Number.isSafeInteger(travel) || travel <= 0 || travel > bytes) throw new Error(`stamp-python-size: ${travel} bytes travel for ${bytes}`);
const indexFile = path.join(dist, 'index.html');
const html = await fs.readFile(indexFile, 'utf8');
const tag = /<meta name="heapwise-python-bytes" content="\d*"/;
if (!tag.test(html)) throw new Error('stamp-python-size: index.html has no <meta name="heapwise-python-bytes" content=""> (www/index.html)');
const travelTag = /<meta name="heapwise-python-travel-bytes" content="\d*"/;
if (!travelTag.test(html)) throw new Error('stamp-python-size: index.html has no <meta name="heapwise-python-travel-bytes" content=""> (www/index.html)');
const hashTag = /<meta name="heapwise-python-manifest" content="[0-9a-f]*"/;
if (!hashTag.test(html)) throw new Error('stamp-python-size: index.html has no <meta name="heapwise-python-manifest" content=""> (www/index.html)');
await fs.writeFile(
  indexFile,
  html
    .replace(tag, `<meta name="heapwise-python-bytes" content="${bytes}"`)
    .replace(travelTag, `<meta name="heapwise-python-travel-bytes" content="${travel}"`)
    .replace(hashTag, `<meta name="heapwise-python-manifest" content="${manifestHash}"`),
);
console.log(`stamp-python-size: the Python runtime is ${bytes} bytes (${travel} as brotli), its manifest's SHA-256 ${manifestHash.slice(0, 16)}… (python/manifest.json)`);
