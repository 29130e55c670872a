//! large-file-aggregation: answer questions about a file far larger than
//! memory by scanning it once, holding a fixed amount whatever its size.
//!
//! Two made-up files, generated on demand by the same formulas as the
//! Python program (so at the defaults both sides read identical bytes):
//!
//! - **Sensor readings**, 15 bytes each (`<HIdB` in Python's `struct`
//!   notation: sensor id, timestamp, value, status). The question: per
//!   sensor, how many good readings, their sum, lowest and highest.
//! - **An access log**, one text line per request
//!   (`10.7.41.3 1700000012 GET /item/17 200`). The questions of the
//!   course's design challenge: how many distinct client addresses, which
//!   URLs are asked for most, and the most requests in one second.
//!
//! A "file" here is a [`Read`] whose bytes are produced a record at a time
//! as they are read, so reading it costs nothing but the reader's buffer:
//! it stands in for a file on disk, which the browser's worker does not
//! have. Three ways to answer the questions:
//!
//! - `naive` reads each file whole into one `Vec` (as `f.read()` does:
//!   one buffer of the file's size), then scans it, and keeps the exact
//!   set of addresses. Its peak grows with the files.
//! - `streaming-exact` reads the readings 4,096 records at a time into one
//!   reused chunk and the log through a fixed `BufReader`, one line at a
//!   time; the per-sensor and per-URL tables have a fixed size. But the
//!   exact `HashSet` of addresses still grows with every new client: once
//!   the reading is streamed, the set is the biggest cost, as the course
//!   says of its 50 GB log.
//! - `optimized` streams the same way and replaces the set with a
//!   HyperLogLog sketch: 2^14 registers of 6 bits packed into 12,288 bytes,
//!   allocated once. Its estimate is off by a little (the "error" note, in
//!   parts per million) and its memory is flat.
//!
//! Each variant runs three times, on a quarter, a half and all of the
//! input, and notes the peak of each run: the optimized peaks are equal,
//! the others grow. The timeline shows the three runs one after another.
//!
//! To report the sketch's error, every variant finally counts the true
//! number of distinct addresses in a way only a generator allows: clients
//! are numbered, so one bit per possible client does it. That bitmap is
//! smaller than the streaming buffers, so it does not move any peak; a real
//! log has no such numbering.
//!
//! Rust's exact set is far more compact than Python's (a `u32` per address
//! and a control byte, against a `str` object and a hash-table slot), but it
//! still grows with the number of clients; only a sketch does not.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::net::Ipv4Addr;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};
use crate::measure::measure;

/// One reading: sensor `u16`, timestamp `u32`, value `f64`, status `u8`,
/// little-endian and unpadded, as Python's `struct.Struct("<HIdB")`.
pub const RECORD_BYTES: usize = 2 + 4 + 8 + 1;
/// Readings per chunk: the streaming variants hold one chunk at a time.
pub const CHUNK_RECORDS: usize = 4096;
pub const CHUNK_BYTES: usize = RECORD_BYTES * CHUNK_RECORDS;
/// The log is read through a buffer of this size.
pub const LOG_BUFFER_BYTES: usize = 64 * 1024;
/// Sensors and URLs there are: the tables never need more rows.
pub const SENSORS: usize = 64;
pub const URLS: usize = 500;
/// Longer than any record or line either file holds.
const MAX_RECORD: usize = 64;
/// The first second of both files.
const START_SECOND: u64 = 1_700_000_000;

/// A 64-bit scrambler (splitmix64's finaliser), the same as `mix` in the
/// Python program: equal inputs give equal outputs on every run.
pub fn mix(x: u64) -> u64 {
    let x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// What a made-up file holds, record by record.
trait Source {
    /// How many records the file has.
    fn records(&self) -> u64;
    /// Writes record `i` into `out` and returns its length. Records are
    /// asked for in order, once each, so a source may keep state.
    fn write_record(&mut self, i: u64, out: &mut [u8; MAX_RECORD]) -> usize;
}

/// The binary file of readings.
struct SensorReadings {
    count: u64,
}

impl Source for SensorReadings {
    fn records(&self) -> u64 {
        self.count
    }

    fn write_record(&mut self, i: u64, out: &mut [u8; MAX_RECORD]) -> usize {
        let r = mix(i);
        let sensor = (r % SENSORS as u64) as u16;
        let timestamp = (START_SECOND + i / 10) as u32;
        let value = 10.0 + ((r >> 8) % 160) as f64 / 4.0;
        let status = u8::from((r >> 20) % 50 == 0); // about one in 50 is faulty
        out[0..2].copy_from_slice(&sensor.to_le_bytes());
        out[2..6].copy_from_slice(&timestamp.to_le_bytes());
        out[6..14].copy_from_slice(&value.to_le_bytes());
        out[14] = status;
        RECORD_BYTES
    }
}

/// The text access log: a quarter as many clients as lines, low item
/// numbers asked for more often, about 32 requests a second.
struct AccessLog {
    lines: u64,
    clients: u64,
    second: u64,
}

impl AccessLog {
    fn new(lines: u64) -> AccessLog {
        AccessLog { lines, clients: lines / 4, second: START_SECOND }
    }
}

/// The client number of log line `i` (before it becomes an address).
fn client_of_line(i: u64, clients: u64) -> u64 {
    mix(i + (1 << 40)) % clients
}

impl Source for AccessLog {
    fn records(&self) -> u64 {
        self.lines
    }

    fn write_record(&mut self, i: u64, out: &mut [u8; MAX_RECORD]) -> usize {
        let r = mix(i + (1 << 40));
        if (r >> 56) % 32 == 0 {
            self.second += 1;
        }
        let item = ((r >> 24) % URLS as u64).min((r >> 40) % URLS as u64);
        // An odd multiplier mod 2^24 gives every client its own address.
        let spread = (r % self.clients) * 2_654_435_761 % (1 << 24);
        // The line `10.A.B.C SECOND GET /item/ITEM 200`, written digit by
        // digit: `write!` gives the same bytes, but its formatting machinery
        // took a third of the whole run's time.
        let mut line = LineWriter { out, len: 0 };
        line.text(b"10.");
        line.number(spread >> 16);
        line.text(b".");
        line.number((spread >> 8) & 255);
        line.text(b".");
        line.number(spread & 255);
        line.text(b" ");
        line.number(self.second);
        line.text(b" GET /item/");
        line.number(item);
        line.text(b" 200\n");
        line.len
    }
}

/// Appends text and decimal numbers to a record buffer.
struct LineWriter<'a> {
    out: &'a mut [u8; MAX_RECORD],
    len: usize,
}

impl LineWriter<'_> {
    fn text(&mut self, bytes: &[u8]) {
        self.out[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    /// `value` in decimal, as `{}` prints a `u64`.
    fn number(&mut self, mut value: u64) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        self.text(&digits[start..]);
    }
}

/// A file whose bytes are generated as they are read: one record is held
/// at a time, so reading it costs only what the reader keeps.
struct Generated<S> {
    source: S,
    next: u64,
    pending: [u8; MAX_RECORD],
    start: usize,
    end: usize,
}

impl<S: Source> Generated<S> {
    fn new(source: S) -> Generated<S> {
        Generated { source, next: 0, pending: [0; MAX_RECORD], start: 0, end: 0 }
    }
}

impl<S: Source> Read for Generated<S> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut filled = 0;
        while filled < buf.len() {
            if self.start == self.end {
                if self.next == self.source.records() {
                    break;
                }
                self.end = self.source.write_record(self.next, &mut self.pending);
                self.start = 0;
                self.next += 1;
            }
            let n = (self.end - self.start).min(buf.len() - filled);
            buf[filled..filled + n].copy_from_slice(&self.pending[self.start..self.start + n]);
            self.start += n;
            filled += n;
        }
        Ok(filled)
    }
}

/// The size of a generated file, found by generating it once into a
/// buffer on the stack (a real file's size comes from the file system).
fn file_size(mut source: impl Source) -> usize {
    let mut scratch = [0; MAX_RECORD];
    (0..source.records()).map(|i| source.write_record(i, &mut scratch)).sum()
}

/// Reads the whole file into one buffer of exactly its size, as
/// `f.read()` does.
fn read_whole(source: impl Source, size: usize) -> Vec<u8> {
    let mut data = Vec::with_capacity(size);
    Generated::new(source).read_to_end(&mut data).expect("generated files cannot fail");
    data
}

// ---------------------------------------------------------------------------
// Per-sensor totals
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SensorStats {
    pub readings: u64,
    pub sum: f64,
    pub lowest: f64,
    pub highest: f64,
}

type Totals = HashMap<u16, SensorStats>;

fn new_totals() -> Totals {
    HashMap::with_capacity(SENSORS)
}

/// Adds one 15-byte record; faulty readings (status not 0) are skipped.
fn add_reading(totals: &mut Totals, record: &[u8]) {
    if record[14] != 0 {
        return;
    }
    let sensor = u16::from_le_bytes([record[0], record[1]]);
    let value = f64::from_le_bytes(record[6..14].try_into().expect("8 bytes"));
    let stats = totals.entry(sensor).or_insert(SensorStats { readings: 0, sum: 0.0, lowest: value, highest: value });
    stats.readings += 1;
    stats.sum += value;
    stats.lowest = stats.lowest.min(value);
    stats.highest = stats.highest.max(value);
}

fn totals_read_whole(readings: u64) -> Totals {
    let data = read_whole(SensorReadings { count: readings }, readings as usize * RECORD_BYTES);
    let mut totals = new_totals();
    for record in data.chunks_exact(RECORD_BYTES) {
        add_reading(&mut totals, record);
    }
    totals
}

/// Fills `buf` from `file` unless the file ends first; the bytes read.
fn fill(file: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]).expect("generated files cannot fail") {
            0 => break,
            n => filled += n,
        }
    }
    filled
}

fn totals_streamed(readings: u64) -> Totals {
    let mut file = Generated::new(SensorReadings { count: readings });
    let mut chunk = vec![0u8; CHUNK_BYTES];
    let mut totals = new_totals();
    loop {
        // Chunks hold whole records: the file is a whole number of them.
        let got = fill(&mut file, &mut chunk);
        if got == 0 {
            break;
        }
        for record in chunk[..got].chunks_exact(RECORD_BYTES) {
            add_reading(&mut totals, record);
        }
    }
    totals
}

// ---------------------------------------------------------------------------
// The log: distinct addresses, requests per URL, the busiest second
// ---------------------------------------------------------------------------

/// Counts distinct addresses, exactly or by estimate.
pub trait Distinct {
    fn add(&mut self, address: u32);
    fn count(&self) -> u64;
}

impl Distinct for HashSet<u32> {
    fn add(&mut self, address: u32) {
        self.insert(address);
    }

    fn count(&self) -> u64 {
        self.len() as u64
    }
}

/// Bits of the hash that choose a register.
const PRECISION: u32 = 14;
pub const REGISTERS: usize = 1 << PRECISION;
/// Each register holds a number up to 51, so 6 bits suffice.
const REGISTER_BITS: usize = 6;
pub const SKETCH_BYTES: usize = REGISTERS * REGISTER_BITS / 8;

/// A HyperLogLog sketch: the first 14 bits of an item's hash choose a
/// register, which keeps the longest run of leading zeros (plus one) seen
/// in the other 50 bits. Many distinct items make long runs likely; the
/// registers together estimate how many there were. Adding an item again
/// changes nothing, and the size never changes.
pub struct HyperLogLog {
    /// 6-bit registers packed end to end.
    packed: Vec<u8>,
}

impl HyperLogLog {
    pub fn new() -> HyperLogLog {
        HyperLogLog { packed: vec![0; SKETCH_BYTES] }
    }

    /// Register `j`: six bits that may straddle two bytes.
    fn register(&self, j: usize) -> u8 {
        let (byte, shift) = (j * REGISTER_BITS / 8, j * REGISTER_BITS % 8);
        let window = u16::from(self.packed[byte]) | u16::from(self.packed.get(byte + 1).copied().unwrap_or(0)) << 8;
        (window >> shift) as u8 & 0x3F
    }

    fn set_register(&mut self, j: usize, value: u8) {
        let (byte, shift) = (j * REGISTER_BITS / 8, j * REGISTER_BITS % 8);
        let window = u16::from(self.packed[byte]) | u16::from(self.packed.get(byte + 1).copied().unwrap_or(0)) << 8;
        let window = window & !(0x3F << shift) | u16::from(value) << shift;
        self.packed[byte] = window as u8;
        // The last register ends inside the last byte; nothing spills past it.
        if let Some(next) = self.packed.get_mut(byte + 1) {
            *next = (window >> 8) as u8;
        }
    }

    pub fn add_hash(&mut self, hash: u64) {
        let index = (hash >> (64 - PRECISION)) as usize;
        let rest = hash & ((1 << (64 - PRECISION)) - 1);
        // Leading zeros within the 50 remaining bits, plus one.
        let rank = (rest.leading_zeros() - PRECISION + 1) as u8;
        if rank > self.register(index) {
            self.set_register(index, rank);
        }
    }

    pub fn estimate(&self) -> u64 {
        let m = REGISTERS as f64;
        let sum: f64 = (0..REGISTERS).map(|j| 2f64.powi(-i32::from(self.register(j)))).sum();
        let raw = 0.7213 / (1.0 + 1.079 / m) * m * m / sum;
        let empty = (0..REGISTERS).filter(|&j| self.register(j) == 0).count();
        if raw <= 2.5 * m && empty > 0 {
            // Few items: counting the empty registers is more accurate.
            return (m * (m / empty as f64).ln()).round() as u64;
        }
        raw.round() as u64
    }
}

impl Distinct for HyperLogLog {
    fn add(&mut self, address: u32) {
        self.add_hash(mix(u64::from(address)));
    }

    fn count(&self) -> u64 {
        self.estimate()
    }
}

/// What one pass over the log found, besides the distinct addresses.
struct LogScan {
    requests_per_item: HashMap<u16, u32>,
    current_second: u32,
    in_current: u32,
    busiest_second: u32,
}

impl LogScan {
    fn new() -> LogScan {
        // Sized for every URL the site has, so it never grows during a scan.
        LogScan { requests_per_item: HashMap::with_capacity(URLS), current_second: 0, in_current: 0, busiest_second: 0 }
    }

    /// One line: `address second method /item/N status`.
    fn line(&mut self, line: &[u8], distinct: &mut impl Distinct) {
        let text = std::str::from_utf8(line).expect("the log is ASCII").trim_end();
        let mut fields = text.split(' ');
        let mut field = || fields.next().expect("five fields");
        let address: Ipv4Addr = field().parse().expect("an IPv4 address");
        let second: u32 = field().parse().expect("a second");
        let _method = field();
        let item: u16 = field().strip_prefix("/item/").expect("a /item/ path").parse().expect("an item number");
        distinct.add(u32::from(address));
        *self.requests_per_item.entry(item).or_insert(0) += 1;
        if second != self.current_second {
            (self.current_second, self.in_current) = (second, 0);
        }
        self.in_current += 1;
        self.busiest_second = self.busiest_second.max(self.in_current);
    }
}

fn scan_read_whole(lines: u64, distinct: &mut impl Distinct) -> LogScan {
    let data = read_whole(AccessLog::new(lines), file_size(AccessLog::new(lines)));
    let mut scan = LogScan::new();
    for line in data.split(|&b| b == b'\n').filter(|line| !line.is_empty()) {
        scan.line(line, distinct);
    }
    scan
}

fn scan_streamed(lines: u64, distinct: &mut impl Distinct) -> LogScan {
    let mut reader = BufReader::with_capacity(LOG_BUFFER_BYTES, Generated::new(AccessLog::new(lines)));
    let mut line = Vec::with_capacity(MAX_RECORD);
    let mut scan = LogScan::new();
    while reader.read_until(b'\n', &mut line).expect("generated files cannot fail") > 0 {
        scan.line(&line, distinct);
        line.clear();
    }
    scan
}

/// The true number of distinct addresses, from a bitmap of client numbers
/// (only possible because the generator numbers its clients).
fn true_distinct(lines: u64) -> u64 {
    let clients = lines / 4;
    let mut seen = vec![0u64; clients.div_ceil(64) as usize];
    for i in 0..lines {
        let client = client_of_line(i, clients);
        seen[(client / 64) as usize] |= 1 << (client % 64);
    }
    seen.iter().map(|word| u64::from(word.count_ones())).sum()
}

// ---------------------------------------------------------------------------
// The variants
// ---------------------------------------------------------------------------

/// What one run over both files found.
struct Answers {
    totals: Totals,
    scan: LogScan,
    distinct: u64,
}

impl Answers {
    /// Every exact answer folded into one number (the distinct count is
    /// left out: the sketch's estimate may differ from the exact count).
    fn checksum(&self) -> u64 {
        let mut sum = 0u64;
        let mut fold = |x: u64| sum = sum.wrapping_mul(1_000_003).wrapping_add(x);
        for sensor in 0..SENSORS as u16 {
            if let Some(s) = self.totals.get(&sensor) {
                // Values are whole quarters, so four times a sum is a whole number.
                fold(s.readings);
                fold((s.sum * 4.0) as u64);
                fold((s.lowest * 4.0) as u64);
                fold((s.highest * 4.0) as u64);
            }
        }
        for item in 0..URLS as u16 {
            fold(u64::from(self.scan.requests_per_item.get(&item).copied().unwrap_or(0)));
        }
        fold(u64::from(self.scan.busiest_second));
        sum
    }
}

fn read_whole_exact(readings: u64, lines: u64) -> Answers {
    let totals = totals_read_whole(readings);
    let mut addresses = HashSet::new();
    let scan = scan_read_whole(lines, &mut addresses);
    Answers { totals, scan, distinct: addresses.count() }
}

fn streamed_exact(readings: u64, lines: u64) -> Answers {
    let totals = totals_streamed(readings);
    let mut addresses = HashSet::new();
    let scan = scan_streamed(lines, &mut addresses);
    Answers { totals, scan, distinct: addresses.count() }
}

fn streamed_sketch(readings: u64, lines: u64) -> Answers {
    let totals = totals_streamed(readings);
    let mut sketch = HyperLogLog::new();
    let scan = scan_streamed(lines, &mut sketch);
    Answers { totals, scan, distinct: sketch.count() }
}

/// The input fractions each variant runs on, with the label of its peak.
const SWEEP: [(u64, &str); 3] = [
    (4, "peak with a quarter of the input, bytes"),
    (2, "peak with half of the input, bytes"),
    (1, "peak with all of the input, bytes"),
];

/// Runs `answer` on a quarter, a half and all of the input, noting each
/// peak, then notes what the full run found.
fn sweep(params: &Params, probe: &mut Probe, answer: fn(u64, u64) -> Answers) -> u64 {
    let (readings, lines) = (params.get("readings"), params.get("lines"));
    let mut checksum = 0u64;
    for (divisor, label) in SWEEP {
        let (answers, m) = measure(|| {
            let answers = answer(readings / divisor, lines / divisor);
            // Only the small results leave the run; the tables are dropped here.
            (answers.checksum(), answers.distinct, answers.scan.busiest_second)
        });
        probe.note(label, m.peak_bytes as i64);
        checksum = checksum.wrapping_mul(31).wrapping_add(answers.0);
        if divisor == 1 {
            let truth = true_distinct(lines);
            probe.note("distinct addresses counted", answers.1 as i64);
            probe.note("error of that count, parts per million", relative_error_ppm(answers.1, truth));
            probe.note("most requests in one second", i64::from(answers.2));
        }
    }
    checksum
}

/// (counted − true) / true, in millionths.
fn relative_error_ppm(counted: u64, truth: u64) -> i64 {
    ((counted as i128 - truth as i128) * 1_000_000 / truth.max(1) as i128) as i64
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    sweep(params, probe, read_whole_exact)
}

fn streaming_exact(params: &Params, probe: &mut Probe) -> u64 {
    sweep(params, probe, streamed_exact)
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    sweep(params, probe, streamed_sketch)
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "read it all, exact set", run: naive },
        Variant { id: "streaming-exact", label: "stream, exact set", run: streaming_exact },
        Variant { id: "optimized", label: "stream, HyperLogLog", run: optimized },
    ],
    params: &[
        ParamSpec { name: "readings", label: "sensor readings", default: 120_000, min: 10_000, max: 400_000 },
        ParamSpec { name: "lines", label: "log lines", default: 40_000, min: 10_000, max: 100_000 },
    ],
    records_timeline: true,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::VariantRun;

    fn note(run: &VariantRun, label: &str) -> i64 {
        run.notes.iter().find(|n| n.label == label).unwrap_or_else(|| panic!("no note {label:?}")).value
    }

    fn peaks(run: &VariantRun) -> Vec<i64> {
        SWEEP.iter().map(|(_, label)| note(run, label)).collect()
    }

    /// Bytes a value built by `make` holds on the heap, measured.
    fn heap_of<T>(make: impl FnOnce() -> T) -> u64 {
        let (value, m) = measure(make);
        drop(value);
        m.retained_bytes as u64
    }

    #[test]
    fn a_reading_is_15_bytes_laid_out_as_struct_hidb() {
        let mut out = [0; MAX_RECORD];
        assert_eq!(SensorReadings { count: 1 }.write_record(0, &mut out), 15);
        let r = mix(0);
        assert_eq!(u16::from_le_bytes([out[0], out[1]]), (r % 64) as u16);
        assert_eq!(u32::from_le_bytes(out[2..6].try_into().unwrap()), START_SECOND as u32);
        assert_eq!(f64::from_le_bytes(out[6..14].try_into().unwrap()), 10.0 + ((r >> 8) % 160) as f64 / 4.0);
    }

    #[test]
    fn log_lines_are_written_as_format_would_write_them() {
        let mut out = [0u8; MAX_RECORD];
        for value in [0, 7, 9, 10, 99, 100, 255, 1_700_000_000, u64::MAX] {
            let mut line = LineWriter { out: &mut out, len: 0 };
            line.number(value);
            let len = line.len;
            assert_eq!(&out[..len], value.to_string().as_bytes());
        }
        // Every line, its numbers read back and printed again with `format!`.
        let mut log = AccessLog::new(20_000);
        for i in 0..log.records() {
            let len = log.write_record(i, &mut out);
            let text = std::str::from_utf8(&out[..len]).unwrap();
            let fields: Vec<&str> = text.trim_end().split(' ').collect();
            let address: Ipv4Addr = fields[0].parse().unwrap();
            let [_, b, c, d] = address.octets();
            let (second, item): (u64, u64) = (fields[1].parse().unwrap(), fields[3][6..].parse().unwrap());
            assert_eq!(text, format!("10.{b}.{c}.{d} {second} GET /item/{item} 200\n"), "line {i}");
        }
    }

    #[test]
    fn generated_files_read_the_same_in_any_pieces() {
        let whole = read_whole(AccessLog::new(1_000), file_size(AccessLog::new(1_000)));
        let mut file = Generated::new(AccessLog::new(1_000));
        let mut pieces = Vec::new();
        let mut piece = [0u8; 7];
        loop {
            let n = file.read(&mut piece).unwrap();
            if n == 0 {
                break;
            }
            pieces.extend_from_slice(&piece[..n]);
        }
        assert_eq!(pieces, whole);
        assert!(whole.starts_with(b"10."));
        assert_eq!(whole.iter().filter(|&&b| b == b'\n').count(), 1_000);
    }

    #[test]
    fn reading_a_file_whole_takes_one_buffer_of_exactly_its_size() {
        for (size, read) in [
            (15_000, measure(|| read_whole(SensorReadings { count: 1_000 }, 15_000)).1),
            (
                file_size(AccessLog::new(1_000)),
                measure(|| read_whole(AccessLog::new(1_000), file_size(AccessLog::new(1_000)))).1,
            ),
        ] {
            assert_eq!((read.allocations, read.grows, read.peak_bytes), (1, 0, size as u64));
        }
    }

    #[test]
    fn the_sketch_is_12288_bytes_of_packed_6_bit_registers() {
        assert_eq!(SKETCH_BYTES, 12_288);
        assert_eq!(heap_of(HyperLogLog::new), SKETCH_BYTES as u64);
        let mut sketch = HyperLogLog::new();
        for j in 0..REGISTERS {
            sketch.set_register(j, (j % 52) as u8);
        }
        assert!((0..REGISTERS).all(|j| sketch.register(j) == (j % 52) as u8), "no register overwrites a neighbour");
    }

    #[test]
    fn the_estimate_is_close_and_ignores_repeats() {
        let mut sketch = HyperLogLog::new();
        for address in 0..100_000u32 {
            sketch.add(address);
        }
        let once = sketch.estimate();
        for address in 0..100_000u32 {
            sketch.add(address);
        }
        assert_eq!(sketch.estimate(), once, "adding the same items again changes nothing");
        assert!(relative_error_ppm(once, 100_000).abs() < 20_000, "within 2%: {once}");
        let mut few = HyperLogLog::new();
        for address in 0..500u32 {
            few.add(address);
        }
        assert!(relative_error_ppm(few.estimate(), 500).abs() < 20_000, "small counts too: {}", few.estimate());
    }

    #[test]
    fn the_streaming_sketch_peaks_at_its_fixed_buffers_whatever_the_input() {
        let run = SPEC.run_at(2, &[("readings", 120_000), ("lines", 40_000)]);
        let totals = heap_of(new_totals);
        let urls = heap_of(LogScan::new);
        // The sensor totals are part of the answer: they stay while the log is read.
        let reading_phase = (CHUNK_BYTES as u64 + totals) as i64;
        let log_phase = (totals + urls + (LOG_BUFFER_BYTES + MAX_RECORD + SKETCH_BYTES) as u64) as i64;
        let expected = reading_phase.max(log_phase);
        assert_eq!(peaks(&run), vec![expected; 3], "a quarter, a half and all of the input");
        assert_eq!(run.measurement.peak_bytes as i64, expected);
        assert_eq!(run.measurement.retained_bytes, 0);
    }

    #[test]
    fn reading_everything_holds_the_file_and_the_exact_set_grows() {
        let (readings, lines) = (120_000, 40_000);
        let naive = SPEC.run_at(0, &[("readings", readings), ("lines", lines)]);
        let streaming = SPEC.run_at(1, &[("readings", readings), ("lines", lines)]);
        let [quarter, half, all] = peaks(&naive)[..] else { unreachable!() };
        assert!(quarter < half && half < all, "{:?}", peaks(&naive));
        assert!(all >= (readings as usize * RECORD_BYTES) as i64, "at least the whole readings file");
        let [quarter, half, all] = peaks(&streaming)[..] else { unreachable!() };
        assert!(quarter < half && half < all, "the exact set grows: {:?}", peaks(&streaming));
        assert!(all > peaks(&SPEC.run_at(2, &[("readings", readings), ("lines", lines)]))[2]);
        assert_eq!(note(&naive, "error of that count, parts per million"), 0);
        assert_eq!(note(&streaming, "distinct addresses counted"), note(&naive, "distinct addresses counted"));
    }

    /// The figure after `prefix` on the reference.out line that starts with it.
    fn printed(prefix: &str) -> u64 {
        let out = include_str!("../../exercises/large-file-aggregation/reference.out");
        let line = out.lines().find_map(|l| l.strip_prefix(prefix)).unwrap_or_else(|| panic!("no line {prefix:?}"));
        line.chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(|c| *c != ',')
            .collect::<String>()
            .parse()
            .unwrap()
    }

    #[test]
    fn at_the_defaults_rust_reads_the_same_data_as_the_python_program() {
        let exact = SPEC.run_at(1, &[("readings", 120_000), ("lines", 40_000)]);
        assert_eq!(note(&exact, "distinct addresses counted") as u64, printed("exact set: "));
        assert_eq!(note(&exact, "most requests in one second") as u64, printed("most requests in one second: "));
        let totals = totals_streamed(120_000);
        assert_eq!(totals[&0].readings, printed("sensor 0: "));
        assert_eq!(true_distinct(40_000), printed("exact set: "));
        let sketch = SPEC.run_at(2, &[("readings", 120_000), ("lines", 40_000)]);
        assert_ne!(note(&sketch, "error of that count, parts per million"), 0, "an estimate, not the exact count");
        assert!(note(&sketch, "error of that count, parts per million").abs() < 20_000);
    }
}
