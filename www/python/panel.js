// What only the open "Your Python" panel needs, loaded when it opens
// (python-bridge.js imports it; the build copies it to python/panel.js), so
// none of it is in the catalogue's first load:
//  - a .py file read into text (openFile, decode): its size first, then
//    UTF-8 with or without a byte-order mark, UTF-16 with one converted,
//    anything else refused with a sentence that says what is wrong and what
//    to do;
//  - the time-limit field read (readTimeLimit), with a note when what was
//    typed is not what is used;
//  - the second copy of the student's text in IndexedDB (keep, recover).
// The functions that make sentences are pure and tested in Node
// (tests/python/panel.test.mjs).

// The open panel's styles that the catalogue never needs: the
// toolbar and sharing under the workspace, an error's layout, the checks'
// shared sentence, the figures and Memory by line. They
// were in www/style.css, the first load; here they cost it nothing. This
// module is imported when an exercise page opens (it brings back text a
// crash kept) and again when the panel opens, before any of these is
// drawn. A constructed stylesheet: the Content-Security-Policy allows it
// (style-src 'self' refuses <style> elements). Not in Node (tests).
export const PANEL_CSS = `
.py-toolbar { display: flex; flex-wrap: wrap; gap: .5rem .7rem; align-items: center; margin: .3rem 0 .2rem; }
.py-toolbar button.primary { padding: .45rem 1.4rem; }
.py-file { display: inline-block; cursor: pointer; border-radius: 8px; background: var(--card); color: var(--accent); border: 2px solid var(--accent); padding: .3rem .9rem; }
.py-file:focus-within { outline: 3px solid var(--accent); outline-offset: 2px; }
.py-limit input { width: 4.5rem; font: inherit; padding: .2rem .4rem; color: var(--ink); background: var(--card); border: 2px solid var(--field-line); border-radius: 6px; }
.py-keys { margin: .2rem 0 .6rem; }
.py-share { display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: center; margin: 0 0 .6rem; }
.py-share .share-status, .py-share .share-field { flex-basis: 100%; }
.py-confirm button { margin-right: .6rem; }
.py-checks p code { background: var(--card); padding: .05em .3em; border-radius: 4px; }
.py-common { margin: 0 0 .4rem; padding: .2rem .5rem; border-left: 5px solid var(--error); background: var(--raised); border-radius: 4px; }
.py-solved { color: var(--good); background: var(--good-soft); border: 1px solid var(--good-line); border-radius: 8px; padding: .4rem .8rem; font-weight: 700; }
.py-bars { list-style: none; padding: 0; margin: 0 0 .6rem; }
.py-bar { margin: 0 0 .6rem; }
.py-bar-label { display: block; font-weight: 600; font-size: .9rem; overflow-wrap: anywhere; }
.py-bar-track { display: block; width: 100%; height: 1.3rem; background: var(--raised); border-radius: 4px; }
.py-bar-python .py-bar-fill { fill: var(--series-2); }
.py-bar-rust .py-bar-fill { fill: var(--series-best); }
.py-bar-value { display: block; font-variant-numeric: tabular-nums; font-size: .85rem; color: var(--muted); }
.py-why { font-size: .9rem; }
.py-lines { margin-top: 1rem; }
.py-lines-sides { display: grid; gap: 0 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
.py-lines h4 { margin: .6rem 0 0; }
table.figures .py-lines-code { text-align: left; max-width: 22rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.py-timeline { margin: .6rem 0 0; }
.py-timeline svg { display: block; width: 100%; height: 8rem; background: var(--raised); border-radius: 4px; }
.py-timeline-line { fill: none; stroke: var(--accent); stroke-width: 2; vector-effect: non-scaling-stroke; }
.py-timeline-axis { stroke: var(--line); stroke-width: 1; vector-effect: non-scaling-stroke; }
.py-timeline-peak { stroke: var(--series-base); stroke-width: 2; stroke-dasharray: 4 3; vector-effect: non-scaling-stroke; }
.py-line-switch { display: inline-flex; align-items: center; gap: .3rem; }
@media (max-width: 600px) { table.figures .py-lines-code { max-width: 9rem; } }
@media (min-width: 1024px) {
  /* An error: the traceback first and the whole width, the checks under it. */
  .py-verdict.py-error { grid-template-columns: minmax(0, 1fr); grid-template-rows: auto minmax(0, 1fr); gap: .5rem; max-height: 42%; }
  .py-verdict.py-error > pre.py-console { order: -1; max-height: 12.5em; }
}
`;

if (typeof document !== 'undefined' && typeof CSSStyleSheet === 'function' && !globalThis.heapwisePanelCss) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PANEL_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  globalThis.heapwisePanelCss = sheet;
}

/** The largest .py file the editor opens: local storage holds about 5 MB for the whole site. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** `1234567` -> "1,234,567". */
export function grouped(n) {
  const digits = String(Math.abs(n));
  let out = n < 0 ? '-' : '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * A byte count as src/units.rs's human_bytes writes it ("5.00 MiB", three
 * significant figures, ties to even as Rust's formatting rounds), in exact
 * integer arithmetic.
 */
export function humanBytes(bytes) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  const sign = bytes < 0 ? '-' : '';
  const magnitude = BigInt(Math.abs(bytes));
  if (magnitude < 1024n) return `${sign}${magnitude} B`;
  let unit = 0;
  let divisor = 1n;
  while (magnitude >= divisor * 1024n && unit < units.length - 1) {
    divisor *= 1024n;
    unit += 1;
  }
  const digits = magnitude >= divisor * 100n ? 0 : magnitude >= divisor * 10n ? 1 : 2;
  const scaled = magnitude * 10n ** BigInt(digits);
  let whole = scaled / divisor;
  const twice = (scaled % divisor) * 2n;
  if (twice > divisor || (twice === divisor && whole % 2n === 1n)) whole += 1n;
  let text = String(whole);
  if (digits) {
    text = text.padStart(digits + 1, '0');
    text = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  }
  return `${sign}${text} ${units[unit]}`;
}

/** Why a file of `bytes` is not opened, or null when it may be. */
export function tooLarge(name, bytes) {
  if (bytes <= MAX_SOURCE_BYTES) return null;
  return (
    `\u201c${name}\u201d was not opened: it is ${humanBytes(bytes)} (${grouped(bytes)} bytes), and the editor opens files ` +
    `of at most ${humanBytes(MAX_SOURCE_BYTES)}. The editor's text is unchanged.`
  );
}

const SAVE_AS_UTF8 = 'Save it as UTF-8 (most editors offer this under Save As or Encoding) and open it again';

/** The 1-based line and character (code point) of the end of `text`. */
function lineAndColumn(text) {
  let line = 1;
  let column = 1;
  for (const c of text) {
    if (c === '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return [line, column];
}

/** Where the valid UTF-8 of `bytes` ends (Rust's Utf8Error::valid_up_to), or -1 when all of it is valid. */
export function utf8ValidUpTo(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function utf8(bytes) {
  const at = utf8ValidUpTo(bytes);
  if (at < 0) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  const [line, column] = lineAndColumn(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at)));
  const byte = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return {
    why:
      `it is not UTF-8 text: line ${line}, character ${column} is the byte 0x${byte}, which UTF-8 text cannot hold there ` +
      '(the file is probably in another encoding, such as Windows-1252 or Latin-1)',
  };
}

function utf16(bytes, littleEndian) {
  if (bytes.length % 2 === 1) {
    return {
      why: `it starts as UTF-16 text, but its length (${grouped(bytes.length + 2)} bytes) is odd, so it is cut short or not UTF-16`,
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const units = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < units.length; i++) units[i] = view.getUint16(2 * i, littleEndian);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const pairs = high && units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff;
    if (pairs) {
      i += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const [line, column] = lineAndColumn(new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes.subarray(0, 2 * i)));
      return { why: `it is UTF-16 text, but line ${line}, character ${column} is half of a character, which makes it damaged` };
    }
  }
  return { text: new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes) };
}

/**
 * The text of a .py file named `name` from its `bytes` (a Uint8Array):
 * { text, from } (`from`: the encoding when it was not plain UTF-8), or
 * { refused } with a sentence that says what is wrong and what to do.
 */
export function decode(name, bytes) {
  const large = tooLarge(name, bytes.length);
  if (large) return { refused: large };
  const refuse = (why) => ({ refused: `\u201c${name}\u201d was not opened: ${why}. The editor's text is unchanged.` });
  const [b0, b1, b2, b3] = bytes;
  let read;
  let from = null;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) read = utf8(bytes.subarray(3));
  else if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return refuse(`it is UTF-32 text, which the editor does not read. ${SAVE_AS_UTF8}`);
  } else if (b0 === 0xff && b1 === 0xfe) {
    read = utf16(bytes.subarray(2), true);
    from = 'UTF-16 (little-endian)';
  } else if (b0 === 0xfe && b1 === 0xff) {
    read = utf16(bytes.subarray(2), false);
    from = 'UTF-16 (big-endian)';
  } else read = utf8(bytes);
  if (read.why) return refuse(`${read.why}. ${SAVE_AS_UTF8}`);
  const nul = read.text.indexOf('\0');
  if (nul >= 0) {
    const [line] = lineAndColumn(read.text.slice(0, nul));
    const hint = from ? '' : ' (is it UTF-16 saved without a byte-order mark?)';
    return refuse(`line ${line} holds a NUL character, which a Python program cannot contain${hint}. ${SAVE_AS_UTF8}`);
  }
  return { text: read.text, from };
}

/**
 * Reads the file `file` (a File): { text, notice } when it is loaded,
 * { notice } when it is not; the notice is what the panel says.
 */
export async function openFile(file) {
  const name = file.name;
  const large = tooLarge(name, file.size); // before a byte of it is read
  if (large) return { notice: large };
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { notice: `\u201c${name}\u201d could not be read: ${error?.message || 'the browser refused'}. The editor's text is unchanged.` };
  }
  const read = decode(name, bytes);
  if (read.refused) return { notice: read.refused };
  const from = read.from ? ` (converted from ${read.from})` : '';
  return { text: read.text, notice: `Loaded ${name}${from} into the editor. Ctrl+Z (Cmd+Z) in the editor brings back what was there.` };
}

/** The longest time limit the field takes, in seconds (ten minutes). */
export const MAX_TIME_LIMIT = 600;

/**
 * A decimal number as typed ("12", "2.5", "-5", "1e9", ".5"), read exactly
 * as far as the time limit needs: { negative, whole, fraction } (whole
 * capped far above any limit; fraction: a part after the point that is not
 * zero), or null when it is not a number.
 */
export function readDecimal(text) {
  let rest = text;
  let sign = false;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-';
    rest = rest.slice(1);
  }
  const e = rest.search(/[eE]/);
  const mantissa = e < 0 ? rest : rest.slice(0, e);
  const exponentText = e < 0 ? null : rest.slice(e + 1);
  const point = mantissa.indexOf('.');
  const wholeDigits = point < 0 ? mantissa : mantissa.slice(0, point);
  const fractionDigits = point < 0 ? '' : mantissa.slice(point + 1);
  const digits = (d) => /^[0-9]*$/.test(d);
  if (wholeDigits.length + fractionDigits.length === 0 || !digits(wholeDigits) || !digits(fractionDigits)) return null;
  let exponent = 0;
  if (exponentText !== null) {
    let x = exponentText;
    let negative = false;
    if (x[0] === '-' || x[0] === '+') {
      negative = x[0] === '-';
      x = x.slice(1);
    }
    if (!x || !digits(x)) return null;
    exponent = Math.min(Number(x), 1e9) * (negative ? -1 : 1);
  }
  const all = wholeDigits + fractionDigits;
  const at = wholeDigits.length + exponent;
  const CAP = 1e15; // far above any limit, and exact as a Number
  let whole = 0;
  let fraction = false;
  for (let i = 0; i < all.length; i++) {
    const digit = all.charCodeAt(i) - 48;
    if (i < at) whole = Math.min(whole * 10 + digit, CAP);
    else fraction ||= digit !== 0;
  }
  for (let i = all.length; i < Math.min(at, all.length + 20); i++) whole = Math.min(whole * 10, CAP);
  const zero = whole === 0 && !fraction;
  return { negative: sign && !zero, whole, fraction };
}

/** What the student typed, at most 24 characters of it, for a sentence. */
function shorten(typed) {
  const chars = [...typed];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}\u2026` : typed;
}

/**
 * Reads the time-limit field: a whole number of seconds from 1 to
 * MAX_TIME_LIMIT is taken as it is ({ seconds, note: null }). Otherwise a
 * fraction is rounded up (a limit a little longer never stops a program
 * early), a number past the longest limit becomes it, and anything else
 * (empty, not a number, below 1 s) keeps `current`; each says so in the note.
 */
export function readTimeLimit(typedText, current) {
  const typed = typedText.trim();
  const number = (typed.endsWith('s') ? typed.slice(0, -1) : typed).trimEnd();
  const rule = `the time limit is a whole number of seconds from 1 to ${MAX_TIME_LIMIT}`;
  const shown = shorten(typed);
  const withNote = (seconds, why) => ({ seconds, note: `${why}: ${seconds} s used (${rule}).` });
  if (!typed) return withNote(current, 'The time limit was empty');
  const decimal = readDecimal(number);
  if (!decimal) return withNote(current, `\u201c${shown}\u201d is not a number of seconds`);
  const ceiling = decimal.whole + (decimal.fraction ? 1 : 0);
  if (!decimal.negative && ceiling > MAX_TIME_LIMIT) return withNote(MAX_TIME_LIMIT, `${shown} s is longer than the longest time limit`);
  if (decimal.negative || ceiling < 1) return withNote(current, `${shown} s is less than 1 s`);
  if (decimal.fraction) return withNote(ceiling, `${shown} s is not a whole number of seconds`);
  return { seconds: ceiling, note: null };
}

// --- the student's text, a second copy (src/ui/python/storage.rs) ------------
// Local storage is read at once and tells other tabs, but Chromium writes it
// to disk up to about 5 s after a change, so a browser killed in between
// loses the last edits. Each saved value is therefore also put in IndexedDB,
// in a transaction with strict durability: it is on disk when the
// transaction completes, and only then does the panel say "Saved".

const KEEP_DB = 'heapwise-python';
const KEEP_STORE = 'texts';
let keepDb = null;
/** Values waiting for the transaction in flight on their key: key -> { value, waiters }. */
const waiting = new Map();
const writing = new Set();

function openKeep() {
  keepDb ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(KEEP_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(KEEP_STORE);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => {
        db.close();
        keepDb = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('another tab holds an older version of it open'));
  });
  keepDb.catch(() => {
    keepDb = null;
  });
  return keepDb;
}

/**
 * Commits `value` under `key`: a string, or null or undefined to delete (a
 * Rust `None` arrives as undefined); resolves once it is on disk.
 */
function commit(key, value) {
  return openKeep().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(KEEP_STORE, 'readwrite', { durability: 'strict' });
        const store = tx.objectStore(KEEP_STORE);
        if (value == null) store.delete(key);
        else store.put(value, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('the write was abandoned'));
      }),
  );
}

async function drain(key) {
  writing.add(key);
  while (waiting.has(key)) {
    const { value, waiters } = waiting.get(key);
    waiting.delete(key);
    try {
      await commit(key, value);
      for (const w of waiters) w.resolve();
    } catch (error) {
      const why = error?.message || String(error);
      for (const w of waiters) w.reject(why);
    }
  }
  writing.delete(key);
}

/**
 * Keeps `value` (null or undefined: deletes it) under `key` in IndexedDB. Writes to one key
 * are made one at a time, and a value that waits is replaced by a later one:
 * the promise resolves when a write holding this value or a later one is on
 * disk, or rejects with the sentence the browser gave.
 */
export function keep(key, value) {
  return new Promise((resolve, reject) => {
    const entry = waiting.get(key) ?? { value, waiters: [] };
    entry.value = value;
    entry.waiters.push({ resolve, reject });
    waiting.set(key, entry);
    if (!writing.has(key)) drain(key);
  });
}

/** Every [key, value] kept whose key is `key` or starts with `key + '.'`. */
function kept(key) {
  return openKeep().then(
    (db) =>
      new Promise((resolve, reject) => {
        const found = [];
        const request = db.transaction(KEEP_STORE, 'readonly').objectStore(KEEP_STORE).openCursor(IDBKeyRange.bound(key, `${key}.\uffff`));
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve(found);
          if (cursor.key === key || cursor.key.startsWith(`${key}.`)) found.push([cursor.key, cursor.value]);
          cursor.continue();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/** The `at` (ms since 1970) of a saved value's JSON, or null when it is not a readable version 1 value. */
function savedAt(raw) {
  try {
    const saved = JSON.parse(raw);
    return saved?.version === 1 && typeof saved.text === 'string' ? Number(saved.at) || 0 : null;
  } catch {
    return null;
  }
}

/**
 * When the page opens: every value kept under `key` (or `key.<anything>`)
 * that is newer than local storage's, or that local storage lost (a browser
 * killed before it reached the disk), is written back into local storage;
 * not `key` itself when `setAside` (its unreadable text was just set
 * aside, and the editor starts from the starter code). Resolves to the text
 * written back under `key`, or null; rejects with the browser's sentence.
 */
export async function recover(key, setAside) {
  let entries;
  try {
    entries = await kept(key);
  } catch (error) {
    throw error?.message || String(error);
  }
  let text = null;
  for (const [name, raw] of entries) {
    const copy = savedAt(raw);
    if (copy === null) continue;
    const here = localStorage.getItem(name);
    const newer = here === null ? !(name === key && setAside) : copy > (savedAt(here) ?? Infinity);
    if (!newer) continue;
    try {
      localStorage.setItem(name, raw);
    } catch {
      continue; // storage full: the panel says so when it next saves
    }
    if (name === key) text = JSON.parse(raw).text;
  }
  return text;
}

/**
 * See your objects: after the student's run (`run`: { slug, source }, from
 * python-bridge.js, with `objects` and `error` when Memory by line's run
 * walked them at its end), a box under the panel's memory figures with its
 * heading and buttons; python/objects.js, which draws (and, with no picture
 * given, runs the program once more for one), is loaded on the first press.
 * `run` null: the box goes (a new run started), so no picture outlives the
 * run it was drawn for.
 */
export async function objectsBox(run) {
  document.querySelector('[data-testid="python-objects"]')?.remove();
  if (!run) return;
  const memory = await appeared('.py-memory');
  if (!memory) return;
  const box = document.createElement('section');
  box.className = 'py-objects';
  box.dataset.testid = 'python-objects';
  box.setAttribute('aria-labelledby', 'py-objects-heading');
  const heading = document.createElement('h3');
  heading.id = 'py-objects-heading';
  heading.textContent = 'Your objects';
  const about = document.createElement('p');
  about.className = 'fine';
  about.textContent = 'What your global names hold once the program has ended: every object once, with its type and '
    + 'sys.getsizeof; arrows for references (dashed when weak, counted when many go the same way); many alike objects as one box. '
    + (run.objects ? 'Walked at the end of Memory by line\'s run of your program.' : 'It runs your program once more, plainly, in a fresh Python.');
  const sides = document.createElement('div');
  sides.className = 'py-objects-sides';
  const mine = document.createElement('div');
  const theirs = document.createElement('div');
  sides.append(mine, theirs);
  const buttons = document.createElement('p');
  const see = button('See your objects', 'python-see-objects');
  const compare = button('Beside the reference program\'s', 'python-see-reference-objects');
  compare.hidden = true;
  buttons.append(see, ' ', compare);
  const drawing = (place, text, title, testid, pressed, walked = null) => async () => {
    if (pressed.getAttribute('aria-disabled') === 'true') return;
    pressed.setAttribute('aria-disabled', 'true');
    place.replaceChildren();
    try {
      // The bridge is the page's own module (the bundle's root): the same instance the app uses.
      const [{ draw }, { pythonObjects }] = await Promise.all([import('./objects.js'), import('../python-bridge.js')]);
      await draw(place, await text(), title, testid, walked ?? pythonObjects);
    } catch (error) {
      const why = document.createElement('p');
      why.className = 'error';
      why.textContent = `The picture could not be drawn: ${error?.message ?? error}`;
      place.append(why);
    }
    pressed.setAttribute('aria-disabled', 'false');
    if (pressed === see) compare.hidden = false;
  };
  // Our solution, as the build serves it beside the checks (the file the page shows as the solution).
  const reference = () => fetch(new URL(`exercises/${encodeURIComponent(run.slug)}/reference.py`, import.meta.url))
    .then((r) => (r.ok ? r.text() : Promise.reject(`the reference program could not be fetched (HTTP ${r.status})`)));
  // With the picture already walked, "running" it answers at once.
  const given = run.objects ? async () => ({ error: run.error ?? null, objects: run.objects }) : null;
  see.addEventListener('click', drawing(mine, async () => run.source, 'Your program', 'python-objects-yours', see, given));
  compare.addEventListener('click', drawing(theirs, reference, 'The reference program', 'python-objects-reference', compare));
  box.append(heading, about, buttons, sides);
  memory.after(box);
  // Fetched now, while online, so the service worker keeps it for a picture drawn offline.
  import('./objects.js').catch(() => {});
}

/** The element `selector` finds, once the page has drawn it (within 2 s), or null. */
function appeared(selector) {
  return new Promise((resolve) => {
    const started = performance.now();
    const look = () => {
      const found = document.querySelector(selector);
      if (found || performance.now() - started > 2000) resolve(found);
      else requestAnimationFrame(look);
    };
    look();
  });
}

function button(text, testid) {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = 'secondary';
  node.dataset.testid = testid;
  node.textContent = text;
  return node;
}
