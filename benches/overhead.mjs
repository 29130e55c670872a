#!/usr/bin/env node
// What measuring costs, natively: every exercise's variants at their default
// parameters timed under the counting allocator and under the plain system
// allocator (the two bench binaries of benches/common/overhead.rs), run
// alternately ROUNDS times each so drift in the machine's speed hits both.
// Prints a Markdown table of median times, the ratio per variant and the
// geometric mean. Figures only: nothing here passes or fails.
//
//   node benches/overhead.mjs [rounds]     (default 3)

import { execFileSync } from 'node:child_process';

const rounds = Number(process.argv[2] ?? 3);
const bench = (name) =>
  execFileSync('cargo', ['bench', '--quiet', '--bench', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

/** "slug/variant" -> [median ns of each round] */
const times = { counting: new Map(), system: new Map() };
for (let round = 0; round < rounds; round++) {
  for (const allocator of ['counting', 'system']) {
    for (const line of bench(`overhead_${allocator}`).split('\n')) {
      const [slug, variant, nanos] = line.split('\t');
      if (!nanos || slug.startsWith('#')) continue;
      const key = `${slug}/${variant}`;
      if (!times[allocator].has(key)) times[allocator].set(key, []);
      times[allocator].get(key).push(Number(nanos));
    }
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (ns) => (ns / 1e6).toFixed(ns < 1e6 ? 3 : 2);
console.log(`Counting allocator vs system allocator, natively; median of ${rounds} alternating rounds.\n`);
console.log('| exercise / variant | system ms | counting ms | ratio |');
console.log('|---|---:|---:|---:|');
let logSum = 0;
let count = 0;
const over = [];
for (const [key, counted] of times.counting) {
  const plain = median(times.system.get(key));
  const withCounting = median(counted);
  const ratio = withCounting / plain;
  logSum += Math.log(ratio);
  count += 1;
  if (ratio > 1.5) over.push(key);
  console.log(`| ${key} | ${ms(plain)} | ${ms(withCounting)} | ${ratio.toFixed(2)}x |`);
}
console.log(`\nGeometric mean over ${count} variants: **${Math.exp(logSum / count).toFixed(3)}x**`);
if (over.length) console.log(`Above 1.5x: ${over.join(', ')}`);
