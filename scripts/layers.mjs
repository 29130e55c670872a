#!/usr/bin/env node
// The import graph of src/, checked (the lint layer of scripts/test.sh runs
// it): no circle between files, and no core module using one of a layer
// above its own. A file "uses" another when its non-test code names it by a
// path (`crate::a::b`, `super::b`, `self::b`); `#[cfg(test)]` modules and
// comments are left out, since tests may reach anywhere. It also keeps
// the page's files small: none in src/ui over UI_MAX_LINES lines, but for
// those listed in UI_LONG_FILES.
//
//   node scripts/layers.mjs            # prints the layers and any problem; exit 1 on a problem
//   node scripts/layers.mjs --graph    # also every file's uses

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

/** The core's layers, bottom first: a module may use its own layer's and those below. */
export const LAYERS = [
  ['units', 'short_sort', 'content', 'recordings', 'layout_calculator', 'highlight_class', 'json_path'],
  ['measure'],
  ['exercise'],
  ['outcome'],
  ['exercises'],
  ['highlight', 'run', 'sweep'],
  ['link', 'export'],
  ['catalogue_filter', 'protocol', 'page', 'prerender'],
  ['worker', 'ui'],
];

/** Most lines a file in src/ui may have: past it, split it by job. */
export const UI_MAX_LINES = 250;

/**
 * Files in src/ui allowed past UI_MAX_LINES for now, each to be removed
 * here when it is back under (a file listed here that fits fails, so the
 * list only shrinks).
 */
export const UI_LONG_FILES = [];

/** Problems with the length of src/ui's files. */
export function longFiles() {
  const problems = [];
  for (const file of walk(path.join(SRC, 'ui'))) {
    const name = path.relative(ROOT, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const allowed = UI_LONG_FILES.includes(name);
    if (lines > UI_MAX_LINES && !allowed) problems.push(`${name} has ${lines} lines, over ${UI_MAX_LINES}: split it by job`);
    if (lines <= UI_MAX_LINES && allowed) problems.push(`${name} has ${lines} lines, within ${UI_MAX_LINES}: remove it from UI_LONG_FILES`);
  }
  for (const name of UI_LONG_FILES) {
    if (!fs.existsSync(path.join(ROOT, name))) problems.push(`${name} is listed in UI_LONG_FILES but does not exist: remove it`);
  }
  return problems;
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith('.rs') ? [full] : [];
  });
}

/** src/a/b.rs -> ['a', 'b']; src/a/mod.rs -> ['a']; src/lib.rs -> []. */
function modulePath(file) {
  const parts = path.relative(SRC, file).replace(/\.rs$/, '').split(path.sep);
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib') parts.pop();
  return parts;
}

/** The source without comments, string literals and #[cfg(test)] modules. */
function code(text) {
  let out = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/r#*"[\s\S]*?"#*/g, '""')
    .replace(/"(?:\\.|[^"\\])*"/g, '""');
  for (;;) {
    const at = out.search(/#\[cfg\([^\]]*\btest\b[^\]]*\)\]\s*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*\{/);
    if (at < 0) break;
    let depth = 0;
    let i = out.indexOf('{', at);
    for (; i < out.length; i++) {
      if (out[i] === '{') depth++;
      else if (out[i] === '}' && --depth === 0) break;
    }
    out = out.slice(0, at) + out.slice(i + 1);
  }
  return out;
}

export function graph() {
  const files = walk(SRC).filter((f) => !f.includes(`${path.sep}bin${path.sep}`));
  const byModule = new Map(files.map((f) => [modulePath(f).join('::'), f]));
  /** The longest prefix of `parts` that is a file's module. */
  const resolve = (parts) => {
    for (let n = parts.length; n > 0; n--) {
      const key = parts.slice(0, n).join('::');
      if (byModule.has(key)) return key;
    }
    return null;
  };
  const uses = new Map();
  for (const file of files) {
    const me = modulePath(file);
    const text = code(fs.readFileSync(file, 'utf8'));
    const found = new Set();
    const add = (parts) => {
      const target = resolve(parts);
      if (target !== null && target !== me.join('::') && target !== '') found.add(target);
    };
    // Paths, including the items of `use a::{b, c::d}` groups (one level).
    for (const m of text.matchAll(/\b(crate|super|self)((?:::\w+)+)(::\{([^}]*)\})?/g)) {
      let base = m[1] === 'crate' ? [] : m[1] === 'self' ? [...me] : me.slice(0, -1);
      if (m[1] === 'super' && path.basename(file) !== 'mod.rs' && path.basename(file) !== 'lib.rs') base = me.slice(0, -1);
      if (m[1] === 'super' && path.basename(file) === 'mod.rs') base = me.slice(0, -1);
      const parts = [...base, ...m[2].split('::').filter(Boolean).filter((p) => p !== 'super')];
      if (m[4]) {
        for (const item of m[4].split(',').map((s) => s.trim()).filter(Boolean)) {
          add([...parts, ...item.split('::').filter((p) => p && p !== 'self')]);
        }
      } else add(parts);
    }
    uses.set(me.join('::'), found);
  }
  return uses;
}

function cycles(uses) {
  const found = [];
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of uses.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...uses.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

/**
 * Circles known and not yet broken, each to be removed here when it is: a
 * new circle fails, and so does one listed here that is gone (so the list
 * only shrinks). The allocator's hooks byte lives in alloc.rs's one
 * thread-local (one TLS read per allocation, measured), which sites.rs and
 * timeline.rs set through it.
 */
export const KNOWN_CIRCLES = [
  'measure::alloc -> measure::timeline -> measure::alloc',
  'measure::sites -> measure::alloc -> measure::sites',
];

function main() {
  const uses = graph();
  const problems = [];
  const found = cycles(uses).map((circle) => circle.join(' -> '));
  for (const circle of found) {
    if (KNOWN_CIRCLES.includes(circle)) console.log(`layers: known circle, still to break: ${circle}`);
    else problems.push(`import circle: ${circle}`);
  }
  for (const circle of KNOWN_CIRCLES) {
    if (!found.includes(circle)) problems.push(`the known circle ${circle} is gone: remove it from KNOWN_CIRCLES`);
  }
  const layerOf = (module) => LAYERS.findIndex((layer) => layer.includes(module.split('::')[0]));
  for (const [from, targets] of uses) {
    const top = from.split('::')[0];
    if (!from) continue;
    if (layerOf(from) < 0) problems.push(`src module ${top} is in no layer of scripts/layers.mjs`);
    for (const to of targets) {
      if (!to) continue;
      if (layerOf(to) > layerOf(from)) problems.push(`${from} uses ${to}, a layer above it (${LAYERS[layerOf(to)].join(', ')})`);
    }
  }
  problems.push(...longFiles());
  if (process.argv.includes('--graph')) for (const [from, to] of [...uses].sort()) console.log(`${from || 'lib'} -> ${[...to].sort().join(', ')}`);
  LAYERS.forEach((layer, i) => console.log(`layer ${i}: ${layer.join(', ')}`));
  for (const problem of [...new Set(problems)]) console.log(`layers: ${problem}`);
  console.log(`layers: ${uses.size} files, ${[...uses.values()].reduce((n, s) => n + s.size, 0)} uses, ${new Set(problems).size} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
