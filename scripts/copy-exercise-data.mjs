#!/usr/bin/env node
// Copies the exercises' data files into the bundle: data/<slug>-<hash>.bin,
// one per exercise, fetched by the page when the exercise opens.
//
//   node scripts/copy-exercise-data.mjs [DIR]     (default: $TRUNK_STAGING_DIR)
//
// build.rs writes them, in the same compile as the app, into
// <target>/<triple>/<profile>/build/heapwise-<hash>/out/exercise-data/ and
// compiles each file's name into the app's catalogue. This script finds the
// app's wasm in the bundle and copies exactly the files whose names that wasm
// contains, from whichever build directory holds them, so a stale build
// directory (another profile, an older compile) can never be the source.
// It fails if any exercise in tests/e2e/registry.json is left without its
// file. Run by Trunk as the first step of the post_build hook (Trunk.toml),
// before the service-worker manifest and compression see the bundle.

import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return path.resolve(ROOT, process.env.CARGO_TARGET_DIR);
  const meta = execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(meta).target_directory;
}

// Every heapwise-<hash>/out/exercise-data directory under the target dir.
async function candidateDirs(target) {
  const found = [];
  const builds = [];
  for (const triple of await fs.readdir(target, { withFileTypes: true })) {
    if (!triple.isDirectory()) continue;
    const base = path.join(target, triple.name);
    builds.push(path.join(base, 'build'));
    for (const profile of await fs.readdir(base, { withFileTypes: true }).catch(() => [])) {
      if (profile.isDirectory()) builds.push(path.join(base, profile.name, 'build'));
    }
  }
  for (const build of builds) {
    for (const unit of await fs.readdir(build).catch(() => [])) {
      if (!unit.startsWith('heapwise-')) continue;
      const dir = path.join(build, unit, 'out', 'exercise-data');
      if (await fs.stat(dir).then((s) => s.isDirectory(), () => false)) found.push(dir);
    }
  }
  return found;
}

export async function copyExerciseData(bundle, { target = targetDir(), registry } = {}) {
  const names = await fs.readdir(bundle);
  const wasmName = names.find((n) => /^app-[0-9a-f]+_bg\.wasm$/.test(n));
  if (!wasmName) throw new Error(`no app-<hash>_bg.wasm in ${bundle}: run after Trunk has built the app`);
  const wasm = await fs.readFile(path.join(bundle, wasmName));
  const wanted = new Map();
  for (const dir of await candidateDirs(target)) {
    for (const file of await fs.readdir(dir)) {
      if (file.endsWith('.bin') && !wanted.has(file) && wasm.includes(Buffer.from(file))) {
        wanted.set(file, path.join(dir, file));
      }
    }
  }
  const slugs = registry ?? JSON.parse(await fs.readFile(path.join(ROOT, 'tests/e2e/registry.json'), 'utf8')).exercises.map((e) => e.slug);
  const slugOf = (file) => file.replace(/-[0-9a-f]{16}\.bin$/, '');
  const missing = slugs.filter((slug) => ![...wanted.keys()].some((file) => slugOf(file) === slug));
  if (missing.length) {
    throw new Error(
      `no data file named in ${wasmName} for: ${missing.join(', ')} (searched ${target}; ` +
        'is the exercise folder readable? `cargo test --test content` says why not)',
    );
  }
  const out = path.join(bundle, 'data');
  await fs.rm(out, { recursive: true, force: true });
  await fs.mkdir(out, { recursive: true });
  let bytes = 0;
  for (const [file, from] of wanted) {
    await fs.copyFile(from, path.join(out, file));
    bytes += (await fs.stat(from)).size;
  }
  return { files: wanted.size, bytes };
}

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('copy-exercise-data: give a bundle directory (or run as a Trunk hook, which sets $TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const { files, bytes } = await copyExerciseData(dir);
  console.log(`copy-exercise-data: ${files} files, ${bytes} bytes into data/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`copy-exercise-data: ${error.message}`);
    process.exit(1);
  });
}
