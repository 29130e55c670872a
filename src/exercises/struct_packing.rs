//! struct-packing: records kept as maps of tagged values, against the same
//! records packed big-endian into one preallocated byte buffer, 13 bytes
//! each, the way Python's `struct.pack_into("!IffB", buffer, offset, ...)`
//! writes them.
//!
//! The packed layout is written by hand with `to_be_bytes` and read back with
//! `from_be_bytes`, so nothing is hidden: id (u32), x (f32), y (f32), flags
//! (u8), no padding. Both variants return the same checksum only if every
//! value survives the round trip bit for bit.
//!
//! The module also holds [`calcsize`], a small re-implementation of Python's
//! `struct.calcsize` (byte-order prefixes, counts, native alignment). Its
//! tests read the sizes CPython printed in this exercise's `reference.out`
//! and check every one.

use std::collections::HashMap;

use crate::exercise::{Calculator, ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// The record format: network (big-endian) order, standard sizes, no padding.
pub const RECORD_FORMAT: &str = "!IffB";

/// One record, as its fields.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    pub id: u32,
    pub x: f32,
    pub y: f32,
    pub flags: u8,
}

/// Record number `i`. Halves and quarters of whole numbers below 2^24 are
/// exact in an `f32`, so storing them as `f64` in a map loses nothing either.
pub fn record(i: usize) -> Record {
    Record { id: 1_000 + i as u32, x: i as f32 * 0.5, y: i as f32 * -0.25, flags: (i % 256) as u8 }
}

/// Adds one record's values to a checksum: the id and flags as numbers, the
/// floats by their exact bit patterns (as `f64`, Python's float).
fn add_to_checksum(sum: u64, id: u64, x: f64, y: f64, flags: u64) -> u64 {
    sum.wrapping_add(id).wrapping_add(x.to_bits()).wrapping_add(y.to_bits()).wrapping_add(flags)
}

/// A value in a map record, like a Python int or float object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Field {
    Int(i64),
    Float(f64),
}

/// The dict layout: one hash table per record.
pub fn as_map(r: &Record) -> HashMap<&'static str, Field> {
    let mut fields = HashMap::with_capacity(4);
    fields.insert("id", Field::Int(r.id as i64));
    fields.insert("x", Field::Float(r.x as f64));
    fields.insert("y", Field::Float(r.y as f64));
    fields.insert("flags", Field::Int(r.flags as i64));
    fields
}

/// Writes `r` at `offset` in `buffer`, big-endian, fields back to back:
/// id at +0, x at +4, y at +8, flags at +12. Returns the offset just past it.
pub fn pack_into(buffer: &mut [u8], offset: usize, r: &Record) -> usize {
    buffer[offset..offset + 4].copy_from_slice(&r.id.to_be_bytes());
    buffer[offset + 4..offset + 8].copy_from_slice(&r.x.to_be_bytes());
    buffer[offset + 8..offset + 12].copy_from_slice(&r.y.to_be_bytes());
    buffer[offset + 12] = r.flags;
    offset + 13
}

/// Reads the record at `offset`, the inverse of [`pack_into`].
pub fn unpack_from(buffer: &[u8], offset: usize) -> Record {
    let word = |at: usize| -> [u8; 4] { buffer[offset + at..offset + at + 4].try_into().unwrap() };
    Record {
        id: u32::from_be_bytes(word(0)),
        x: f32::from_be_bytes(word(4)),
        y: f32::from_be_bytes(word(8)),
        flags: buffer[offset + 12],
    }
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let records: Vec<HashMap<&'static str, Field>> = (0..params.size("n")).map(|i| as_map(&record(i))).collect();
    probe.mark("all maps built");
    let mut sum = 0;
    for fields in &records {
        let int = |name| match fields[name] {
            Field::Int(v) => v as u64,
            Field::Float(_) => panic!("`{name}` should be an int"),
        };
        let float = |name| match fields[name] {
            Field::Float(v) => v,
            Field::Int(_) => panic!("`{name}` should be a float"),
        };
        sum = add_to_checksum(sum, int("id"), float("x"), float("y"), int("flags"));
    }
    sum
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    // The calculator below gives 13 for "!IffB"; success allocates nothing.
    let record_size = calcsize(RECORD_FORMAT).expect("the record format is valid");
    // One zeroed allocation for every record, like `bytearray(n * size)`.
    let mut buffer = vec![0u8; n * record_size];
    probe.mark("buffer allocated");
    for i in 0..n {
        pack_into(&mut buffer, i * record_size, &record(i));
    }
    probe.mark("all records packed");
    let mut sum = 0;
    for i in 0..n {
        let r = unpack_from(&buffer, i * record_size);
        sum = add_to_checksum(sum, r.id as u64, r.x as f64, r.y as f64, r.flags as u64);
    }
    sum
}

// ---------------------------------------------------------------------------
// A struct-format calculator
// ---------------------------------------------------------------------------

/// Size and alignment of each format code, in native mode (`@`, or no
/// prefix) and in standard mode (`=`, `<`, `>`, `!`). `None` if the code does
/// not exist in that mode.
///
/// Native sizes are those of 64-bit CPython on Linux or macOS (LP64), the
/// build this exercise compares with: `l`, `L`, `n`, `N` and `P` are 8 bytes
/// there whatever this program's own target is. (64-bit Windows has a 4-byte
/// `long`.) Standard mode has fixed sizes and never pads; `n`, `N` and `P`
/// exist only in native mode.
fn code_layout(code: char, native: bool) -> Option<(u64, u64)> {
    let size = match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' if native => 8,
        'l' | 'L' => 4,
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' | 'P' if native => 8,
        _ => return None,
    };
    // Native values are aligned to their own size; standard ones not at all.
    let alignment = if native { size } else { 1 };
    Some((size, alignment))
}

/// The largest size CPython accepts (`PY_SSIZE_T_MAX` on a 64-bit build).
const SIZE_LIMIT: u64 = i64::MAX as u64;

const BAD_CHAR: &str = "bad char in struct format";
const TOO_LONG: &str = "total struct size too long";
const COUNT_WITHOUT_CODE: &str = "repeat count given without format specifier";

/// Python's whitespace, which `struct` skips between items.
fn is_python_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// The number of bytes `struct.calcsize(format)` reports on 64-bit CPython,
/// or the message of the `struct.error` it raises.
///
/// The first character may choose the mode: `@` (native sizes and
/// alignment, the default), `=`, `<`, `>` or `!` (standard sizes, no
/// alignment). Each item is an optional count followed by a code; for `s`
/// and `p` the count is a length in bytes, for every other code a repeat.
/// In native mode each item first pads the size up to a multiple of its
/// alignment, even with a count of 0 (so `"c0i"` is 4). Whitespace between
/// items is ignored. A size that does not fit in this program's `usize`
/// (possible on 32-bit targets) is reported as too long.
pub fn calcsize(format: &str) -> Result<usize, String> {
    let mut chars = format.chars().peekable();
    let native = match chars.peek() {
        Some('@') => {
            chars.next();
            true
        }
        Some('=' | '<' | '>' | '!') => {
            chars.next();
            false
        }
        _ => true,
    };
    let mut size: u64 = 0;
    while let Some(c) = chars.next() {
        if is_python_space(c) {
            continue;
        }
        let (count, code) = match c.to_digit(10) {
            Some(first_digit) => {
                let mut count = first_digit as u64;
                loop {
                    match chars.next() {
                        Some(d) if d.is_ascii_digit() => {
                            count = count
                                .checked_mul(10)
                                .and_then(|c| c.checked_add(d.to_digit(10).unwrap() as u64))
                                .filter(|c| *c <= SIZE_LIMIT)
                                .ok_or(TOO_LONG)?;
                        }
                        Some(code) => break (count, code),
                        None => return Err(COUNT_WITHOUT_CODE.to_string()),
                    }
                }
            }
            None => (1, c),
        };
        let (item_size, alignment) = code_layout(code, native).ok_or(BAD_CHAR)?;
        size = size.next_multiple_of(alignment);
        size = count
            .checked_mul(item_size)
            .and_then(|bytes| size.checked_add(bytes))
            .filter(|total| *total <= SIZE_LIMIT)
            .ok_or(TOO_LONG)?;
    }
    usize::try_from(size).map_err(|_| TOO_LONG.to_string())
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "map per record", run: naive },
        Variant { id: "optimized", label: "packed bytes, one buffer", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "records", default: 50_000, min: 1000, max: 500_000 },
    ],
    calculator: Some(Calculator {
        title: "Struct format calculator",
        prompt: "format",
        example: "@dHfB",
        compute: describe_format,
    }),
    ..ExerciseSpec::DEFAULT
};

/// The calculator's answer: the size, or CPython's own error, as it prints it.
fn describe_format(format: &str) -> Result<String, String> {
    calcsize(format)
        .map(|bytes| format!("calcsize({format:?}) = {bytes} bytes"))
        .map_err(|problem| format!("struct.error: {problem}"))
}

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    /// What CPython printed for this exercise: the oracle for the tests.
    const REFERENCE_OUT: &str = include_str!("../../exercises/struct-packing/reference.out");

    /// Bytes of one packed record: the fields' own sizes, nothing between.
    fn packed_record_bytes() -> usize {
        size_of::<u32>() + 2 * size_of::<f32>() + size_of::<u8>()
    }

    #[test]
    fn the_packed_buffer_is_exactly_n_records_long() {
        let n = 5_000;
        let run = SPEC.run_at(1, &[("n", n)]);
        let expected = n * packed_record_bytes() as u64;
        assert_eq!(run.measurement.peak_bytes, expected);
        assert_eq!(run.measurement.allocations, 1);
        // Packing writes in place: nothing grows between the two marks.
        assert_eq!(run.marks.len(), 2);
        assert!(run.marks.iter().all(|m| m.live_bytes == expected as i64), "{:?}", run.marks);
    }

    #[test]
    fn maps_cost_one_table_per_record_and_agree_on_the_checksum() {
        let n = 5_000;
        let maps = SPEC.run_at(0, &[("n", n)]);
        let packed = SPEC.run_at(1, &[("n", n)]);
        assert_eq!(maps.measurement.allocations, 1 + n);
        assert!(maps.measurement.peak_bytes > n * size_of::<HashMap<&str, Field>>() as u64);
        assert!(packed.measurement.peak_bytes < maps.measurement.peak_bytes);
        assert_eq!(maps.checksum, packed.checksum);
    }

    #[test]
    fn unpacking_gives_back_every_record_exactly() {
        let n = 3_000;
        let size = calcsize(RECORD_FORMAT).unwrap();
        let mut buffer = vec![0u8; n * size];
        for i in 0..n {
            assert_eq!(pack_into(&mut buffer, i * size, &record(i)), (i + 1) * size);
        }
        for i in 0..n {
            assert_eq!(unpack_from(&buffer, i * size), record(i));
        }
    }

    #[test]
    fn packing_matches_the_bytes_python_wrote() {
        // reference.py prints `pack(...) = <hex>` for record 1.
        let line = REFERENCE_OUT.lines().find(|l| l.starts_with("pack(")).expect("a pack line");
        let hex = line.rsplit(" = ").next().unwrap();
        let mut buffer = vec![0u8; packed_record_bytes()];
        pack_into(&mut buffer, 0, &record(1));
        let ours: String = buffer.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(ours, hex, "{line}");
    }

    /// One `calcsize(...)` line of reference.out: the format and what
    /// CPython answered (a size, or the error message).
    fn parse_oracle_line(line: &str) -> Option<(&str, Result<usize, &str>)> {
        let rest = line.strip_prefix("calcsize('")?;
        if let Some((format, size)) = rest.split_once("') = ") {
            return Some((format, Ok(size.parse().expect("a size"))));
        }
        let (format, message) = rest.split_once("') -> struct.error: ")?;
        Some((format, Err(message)))
    }

    #[test]
    fn calcsize_agrees_with_cpython_on_every_format_it_printed() {
        let cases: Vec<_> = REFERENCE_OUT.lines().filter_map(parse_oracle_line).collect();
        assert!(cases.len() >= 50, "expected the full list of formats, found {}", cases.len());
        assert!(cases.iter().any(|(_, answer)| answer.is_err()), "the oracle includes errors");
        let mut wrong = Vec::new();
        for (format, cpython) in &cases {
            let ours = calcsize(format);
            if ours.as_ref().copied().map_err(String::as_str) != *cpython {
                wrong.push(format!("{format:?}: CPython {cpython:?}, ours {ours:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn calcsize_of_the_record_format_is_the_packed_size() {
        assert_eq!(calcsize(RECORD_FORMAT), Ok(packed_record_bytes()));
        // Native alignment pads the same fields differently.
        assert!(calcsize("@IffB").unwrap() >= packed_record_bytes());
    }

    #[test]
    fn calcsize_reports_mistakes() {
        assert_eq!(calcsize("Z"), Err(BAD_CHAR.to_string()));
        assert_eq!(calcsize("!P"), Err(BAD_CHAR.to_string()));
        assert_eq!(calcsize("12"), Err(COUNT_WITHOUT_CODE.to_string()));
        assert_eq!(calcsize("é"), Err(BAD_CHAR.to_string()));
        assert_eq!(calcsize("9223372036854775807q"), Err(TOO_LONG.to_string()));
    }
}
