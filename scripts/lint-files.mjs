#!/usr/bin/env node
// The lint layer's check of the files cargo does not see (scripts/test.sh,
// layer 0), over what git tracks:
//
//  - every JavaScript file (www/, scripts/, tests/, benches/) parses:
//    `node --check`, which reads .js as an ES module (package.json's "type");
//  - every Python file the project runs (the harness, the tests' and
//    benches' Python, each exercise's check.py and reference.py) compiles;
//    the programs under exercises/*/programs/ are students' programs, some
//    wrong on purpose, and are judged by the Python layer instead;
//  - an exercise folder holds only what an exercise is made of (rustlings'
//    check for unexpected files): exercise.toml, reference.py,
//    reference.out, check.py, equivalent-mutants.json, outputs/*.out,
//    outputs/why.toml and
//    programs/ (*.py, mutants.json). A stray file (a __pycache__, an editor's
//    backup) would be shipped or hashed into the build's identity.
//
//   node scripts/lint-files.mjs        exit status 0 when nothing was found

import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);
const problems = [];

// JavaScript: one `node --check` per file (it takes one file at a time).
const scripts = tracked.filter((f) => /^(www|scripts|tests|benches)\/.*\.(js|mjs|cjs)$/.test(f));
for (const file of scripts) {
  const done = spawnSync(process.execPath, ['--check', file], { cwd: ROOT, encoding: 'utf8' });
  if (done.status !== 0) problems.push(`${file} does not parse:\n${done.stderr.trim()}`);
}

// Python: one interpreter compiles them all, without writing bytecode.
const python = tracked.filter(
  (f) => f.endsWith('.py') && !/^exercises\/[^/]+\/programs\//.test(f) && !f.startsWith('node_modules/'),
);
const compiled = spawnSync(
  'python3',
  [
    '-B',
    '-c',
    [
      'import sys',
      'bad = 0',
      'for name in sys.argv[1:]:',
      '    try:',
      '        compile(open(name, encoding="utf-8").read(), name, "exec", dont_inherit=True)',
      '    except SyntaxError as error:',
      '        bad += 1',
      '        print(f"{name} does not compile: {error}")',
      'sys.exit(1 if bad else 0)',
    ].join('\n'),
    ...python,
  ],
  { cwd: ROOT, encoding: 'utf8' },
);
if (compiled.status !== 0) problems.push((compiled.stdout + compiled.stderr).trim());

// Exercise folders.
const EXPECTED = [
  /^exercise\.toml$/,
  /^reference\.py$/,
  /^reference\.out$/,
  /^check\.py$/,
  /^equivalent-mutants\.json$/,
  /^outputs\/[a-z]+-\d+\.\d+\.out$/,
  /^outputs\/why\.toml$/,
  /^programs\/[a-z0-9-]+\.py$/,
  /^programs\/mutants\.json$/,
];
const exerciseFiles = tracked.filter((f) => f.startsWith('exercises/'));
for (const file of exerciseFiles) {
  const inside = file.split('/').slice(2).join('/');
  if (!EXPECTED.some((pattern) => pattern.test(inside))) {
    problems.push(`${file}: not a file an exercise is made of (exercise.toml, reference.py, reference.out, check.py, equivalent-mutants.json, outputs/*.out, outputs/why.toml, programs/*.py, programs/mutants.json)`);
  }
}

for (const problem of problems) console.log(problem);
console.log(
  `lint-files: ${scripts.length} JavaScript files parse, ${python.length} Python files compile, ` +
    `${exerciseFiles.length} exercise files checked; ${problems.length} problem(s)`,
);
process.exit(problems.length ? 1 : 0);
