// When does a value written by a page reach the disk? (issue 26 item 4: the
// Python panel's "Saved".) For each way of writing (local storage, IndexedDB
// with strict or relaxed durability) and each delay: write a value in a page,
// wait, kill Chromium (SIGKILL, its whole process group, as a crash), start it
// again on the same profile and read the value back. Then how long a strict
// IndexedDB write of a 4.8 kB text takes (60 writes, twice). Loopback only,
// bounded (a few seconds per try); asserts nothing.
//
//   node benches/storage-durability.mjs [--kinds ls,strict,relaxed] [--delays 0,500,2000,6000] [--tries 1]

import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.HEAPWISE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function options(argv) {
  const o = { kinds: ['ls', 'strict', 'relaxed'], delays: [0, 500, 2000, 6000], tries: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--kinds') o.kinds = argv[i + 1].split(',');
    else if (argv[i] === '--delays') o.delays = argv[i + 1].split(',').map(Number);
    else if (argv[i] === '--tries') o.tries = Number(argv[i + 1]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function launch(profile) {
  const child = spawn(CHROMIUM, [...ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = /DevTools listening on (ws:\S+)/.exec(seen);
      if (found) resolve(found[1]);
    });
    child.once('exit', () => reject(new Error(`Chromium ended before it listened:\n${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  return { child, browser, page: context.pages()[0] ?? (await context.newPage()) };
}

async function kill(child) {
  const ended = new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)));
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // gone already
  }
  await ended;
  await sleep(500);
}

/** In the page: writes (or reads, `value` null) key 'k' the `kind` way. */
function inPage([kind, value]) {
  if (kind === 'ls') {
    if (value === null) return localStorage.getItem('k');
    localStorage.setItem('k', value);
    return null;
  }
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('d', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('s', value === null ? 'readonly' : 'readwrite', { durability: kind });
      const request = value === null ? tx.objectStore('s').get('k') : tx.objectStore('s').put(value, 'k');
      tx.oncomplete = () => resolve(value === null ? (request.result ?? null) : null);
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function trial(url, kind, delay) {
  const profile = mkdtempSync(path.join(tmpdir(), 'heapwise-durability-'));
  try {
    let { child, page } = await launch(profile);
    await page.goto(url);
    const value = `written ${Date.now()}`;
    await page.evaluate(inPage, [kind, value]);
    await sleep(delay);
    await kill(child);
    ({ child, page } = await launch(profile));
    await page.goto(url);
    const back = await page.evaluate(inPage, [kind, null]);
    await kill(child);
    return back === value;
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

async function writeTimes(url) {
  const { child, page } = await launch(mkdtempSync(path.join(tmpdir(), 'heapwise-durability-')));
  await page.goto(url);
  const times = await page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('t', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s');
      open.onsuccess = () => resolve(open.result);
    });
    const text = 'x = 1\n'.repeat(800);
    const all = [];
    for (let i = 0; i < 120; i++) {
      const started = performance.now();
      await new Promise((resolve) => {
        const tx = db.transaction('s', 'readwrite', { durability: 'strict' });
        tx.objectStore('s').put(text + i, 'k');
        tx.oncomplete = resolve;
      });
      all.push(performance.now() - started);
    }
    return all.sort((a, b) => a - b);
  });
  await kill(child);
  return times;
}

const o = options(process.argv.slice(2));
const server = http.createServer((_, res) => res.end('<!doctype html><title>durability</title>'));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
console.log(`Chromium ${CHROMIUM}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n`);
console.log('| written with | killed after | kept |');
console.log('| --- | ---: | --- |');
for (const kind of o.kinds) {
  for (const delay of o.delays) {
    const kept = [];
    for (let t = 0; t < o.tries; t++) kept.push(await trial(url, kind, delay));
    const name = kind === 'ls' ? 'local storage' : `IndexedDB, ${kind}`;
    console.log(`| ${name} | ${delay} ms | ${kept.filter(Boolean).length} of ${kept.length} |`);
  }
}
const times = await writeTimes(url);
console.log(`\nIndexedDB strict write of 4.8 kB, 120 writes: median ${times[60].toFixed(1)} ms, slowest ${times.at(-1).toFixed(1)} ms`);
server.close();
