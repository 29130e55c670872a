// python/panel.js's sentences, in Node: what the Python panel says about a
// .py file it opens or refuses, and what the time-limit field did with what
// was typed. (tests/e2e/python-inputs.test.mjs checks that they reach the
// student; these check every case.)
//
//   node --test tests/python/panel.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  MAX_SOURCE_BYTES,
  MAX_TIME_LIMIT,
  decode,
  grouped,
  humanBytes,
  openFile,
  readTimeLimit,
  tooLarge,
  utf8ValidUpTo,
} from '../../www/python/panel.js';

const utf16le = (text) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
const bytes = (...parts) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

test('UTF-8 with or without a mark is read as it is', () => {
  const text = 'print("héllo, 世界")\n';
  assert.deepEqual(decode('a.py', bytes(text)), { text, from: null });
  assert.deepEqual(decode('a.py', bytes([0xef, 0xbb, 0xbf], text)), { text, from: null });
  assert.deepEqual(decode('empty.py', new Uint8Array()), { text: '', from: null });
  // A second mark after the first is text, as Rust's from_utf8 keeps it.
  assert.deepEqual(decode('two.py', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x')), { text: '\ufeffx', from: null });
});

test('UTF-16 with a mark is converted and says so', () => {
  const text = 'x = "naïve 🐍"\nprint(x)\n';
  assert.deepEqual(decode('w.py', utf16le(text)), { text, from: 'UTF-16 (little-endian)' });
  const be = Buffer.from(text, 'utf16le');
  be.swap16();
  assert.deepEqual(decode('w.py', bytes([0xfe, 0xff], be)), { text, from: 'UTF-16 (big-endian)' });
});

test('damaged or unknown encodings are refused in words', () => {
  const odd = decode('odd.py', bytes(utf16le('ab'), [0x41])).refused;
  assert.ok(odd.startsWith('“odd.py” was not opened: it starts as UTF-16 text, but its length (7 bytes) is odd'), odd);
  assert.ok(
    odd.endsWith('Save it as UTF-8 (most editors offer this under Save As or Encoding) and open it again. The editor\'s text is unchanged.'),
    odd,
  );
  // A lone surrogate: half of a character.
  const half = decode('half.py', bytes(utf16le('x = 1\ny'), [0x00, 0xd8])).refused;
  assert.match(half, /line 2, character 2 is half of a character/);
  // A low surrogate first is half of one too; a pair is a whole one.
  assert.match(decode('low.py', bytes(utf16le('ab'), [0x00, 0xdc])).refused, /line 1, character 3 is half of a character/);
  assert.equal(decode('pair.py', utf16le('🐍')).text, '🐍');
  assert.match(decode('wide.py', bytes([0xff, 0xfe, 0, 0, 0x78, 0, 0, 0])).refused, /it is UTF-32 text/);
  assert.match(decode('wide.py', bytes([0, 0, 0xfe, 0xff, 0, 0, 0, 0x78])).refused, /it is UTF-32 text/);
});

test('Latin-1 is not UTF-8, and the panel says where', () => {
  const said = decode('cafe.py', bytes("# ok\nname = 'caf", [0xe9], "'\n")).refused;
  assert.ok(said.startsWith('“cafe.py” was not opened: it is not UTF-8 text: line 2, character 12 is the byte 0xE9'), said);
  assert.match(said, /Windows-1252 or Latin-1/);
});

test('where valid UTF-8 ends is where Rust says it does', () => {
  // [bytes, Rust's Utf8Error::valid_up_to (null: valid)]
  const cases = [
    [[0x61, 0x62], null],
    [[0x61, 0x80], 1], // a continuation byte alone
    [[0xc0, 0x80], 0], // overlong
    [[0xc3, 0xa9, 0xc3], 2], // cut short at the end
    [[0xe0, 0x80, 0x80], 0], // overlong three-byte
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xef, 0xbf, 0xbf], null], // U+FFFF
    [[0xf0, 0x9f, 0x90, 0x8d], null], // 🐍
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0xf5, 0x80, 0x80, 0x80], 0],
    [[0x61, 0xe2, 0x82, 0x41], 1], // a sequence broken in the middle
  ];
  for (const [b, want] of cases) assert.equal(utf8ValidUpTo(new Uint8Array(b)), want ?? -1, JSON.stringify(b));
});

test('UTF-16 without a mark is caught by its NUL characters', () => {
  const said = decode('nomark.py', new Uint8Array(Buffer.from('print(1)\n', 'utf16le'))).refused;
  assert.match(said, /line 1 holds a NUL character/);
  assert.match(said, /UTF-16 saved without a byte-order mark/);
  const later = decode('later.py', bytes('a\nb\n\0')).refused;
  assert.match(later, /line 3 holds a NUL character/);
});

test('a file too large says its size and the limit, before a byte of it is read', async () => {
  assert.equal(tooLarge('a.py', MAX_SOURCE_BYTES), null);
  assert.equal(
    tooLarge('big.py', 5 * 1024 * 1024),
    '“big.py” was not opened: it is 5.00 MiB (5,242,880 bytes), and the editor opens files of at most 1.00 MiB. The editor\'s text is unchanged.',
  );
  const big = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x23);
  assert.equal(decode('big.py', big).refused, tooLarge('big.py', MAX_SOURCE_BYTES + 1));
  let read = false;
  const file = { name: 'huge.py', size: 3 * 1024 ** 3, arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) };
  assert.match((await openFile(file)).notice, /^“huge\.py” was not opened: it is 3\.00 GiB \(3,221,225,472 bytes\)/);
  assert.equal(read, false, 'its bytes were not read');
});

test('openFile says what it loaded, converted, or could not read', async () => {
  const file = (name, data) => ({ name, size: data.length, arrayBuffer: () => Promise.resolve(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)) });
  assert.deepEqual(await openFile(file('a.py', bytes('print(1)\n'))), {
    text: 'print(1)\n',
    notice: 'Loaded a.py into the editor. Ctrl+Z (Cmd+Z) in the editor brings back what was there.',
  });
  assert.equal((await openFile(file('w.py', utf16le('x\n')))).notice, 'Loaded w.py (converted from UTF-16 (little-endian)) into the editor. Ctrl+Z (Cmd+Z) in the editor brings back what was there.');
  const refused = await openFile(file('l.py', bytes([0xe9])));
  assert.equal(refused.text, undefined);
  assert.match(refused.notice, /^“l\.py” was not opened: it is not UTF-8 text: line 1, character 1 is the byte 0xE9/);
  const failing = { name: 'gone.py', size: 3, arrayBuffer: () => Promise.reject(new Error('the file was moved')) };
  assert.deepEqual(await openFile(failing), { notice: '“gone.py” could not be read: the file was moved. The editor\'s text is unchanged.' });
});

test('sizes are written as the rest of the page writes them (src/units.rs)', () => {
  // Exact ties round to even, as Rust's {:.2} does: 1.125 MiB is "1.12 MiB".
  const cases = [
    [0, '0 B'], [1023, '1023 B'], [1024, '1.00 KiB'], [1239, '1.21 KiB'], [1179648, '1.12 MiB'], [1441792, '1.38 MiB'],
    [10 * 1024 * 1024 + 256 * 1024, '10.2 MiB'], [Math.round(99.999 * 1024 * 1024), '100.0 MiB'], [5 * 1024 ** 3, '5.00 GiB'],
    [2 ** 50, '1024 TiB'],
  ];
  for (const [n, want] of cases) assert.equal(humanBytes(n), want, String(n));
  assert.equal(grouped(5242880), '5,242,880');
  assert.equal(grouped(999), '999');
  assert.equal(grouped(-1000), '-1,000');
});

test('the rule under the field names the longest limit, as the panel shows it', async () => {
  const toolbar = await readFile(new URL('../../src/ui/python/toolbar.rs', import.meta.url), 'utf8');
  const rule = toolbar.match(/pub const LIMIT_RULE: &str = "([^"]*)";/)?.[1];
  assert.equal(rule, `The time limit is a whole number of seconds from 1 to ${MAX_TIME_LIMIT}.`);
});

test('whole seconds in range are taken silently', () => {
  for (const [typed, seconds] of [['30', 30], [' 1 ', 1], ['600', 600], ['45s', 45], ['45 s', 45], ['1e2', 100], ['+7', 7], ['007', 7], ['6e+1', 60], ['600.0', 600]]) {
    assert.deepEqual(readTimeLimit(typed, 30), { seconds, note: null }, typed);
  }
});

test('values not taken say what was used', () => {
  const rule = '(the time limit is a whole number of seconds from 1 to 600).';
  const cases = [
    ['-5', 20, `-5 s is less than 1 s: 20 s used ${rule}`],
    ['0', 20, `0 s is less than 1 s: 20 s used ${rule}`],
    ['-0', 20, `-0 s is less than 1 s: 20 s used ${rule}`],
    ['1e9', 20, `1e9 s is longer than the longest time limit: 600 s used ${rule}`],
    ['1e400', 20, `1e400 s is longer than the longest time limit: 600 s used ${rule}`],
    ['99999999999999999999999', 20, `99999999999999999999999 s is longer than the longest time limit: 600 s used ${rule}`],
    ['600.5', 20, `600.5 s is longer than the longest time limit: 600 s used ${rule}`],
    ['-0.5', 20, `-0.5 s is less than 1 s: 20 s used ${rule}`],
    ['5e-1', 20, `5e-1 s is not a whole number of seconds: 1 s used ${rule}`],
    ['1e-400', 20, `1e-400 s is not a whole number of seconds: 1 s used ${rule}`],
    ['2.5', 20, `2.5 s is not a whole number of seconds: 3 s used ${rule}`],
    ['0.2', 20, `0.2 s is not a whole number of seconds: 1 s used ${rule}`],
    ['abc', 30, `“abc” is not a number of seconds: 30 s used ${rule}`],
    ['NaN', 30, `“NaN” is not a number of seconds: 30 s used ${rule}`],
    ['inf', 30, `“inf” is not a number of seconds: 30 s used ${rule}`],
    ['1e', 30, `“1e” is not a number of seconds: 30 s used ${rule}`],
    ['.', 30, `“.” is not a number of seconds: 30 s used ${rule}`],
    ['3 4', 30, `“3 4” is not a number of seconds: 30 s used ${rule}`],
    ['0x10', 30, `“0x10” is not a number of seconds: 30 s used ${rule}`],
    ['', 45, `The time limit was empty: 45 s used ${rule}`],
  ];
  for (const [typed, current, note] of cases) {
    const read = readTimeLimit(typed, current);
    assert.equal(read.note, note, typed);
    assert.ok(read.note.includes(`: ${read.seconds} s used`), typed);
  }
  const long = readTimeLimit('x'.repeat(1000), 30).note;
  assert.ok(long.startsWith('“xxxxxxxxxxxxxxxxxxxxxxxx…” is not'), long);
  // 24 characters, not 24 UTF-16 units.
  assert.ok(readTimeLimit('🐍'.repeat(30), 30).note.startsWith(`“${'🐍'.repeat(24)}…” is not`));
});

