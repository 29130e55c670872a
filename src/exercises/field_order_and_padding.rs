//! field-order-and-padding: one record (an `i64` id, an `f32` x, a `bool`
//! flag, a `u8` kind) in five layouts, and a calculator that lays out any
//! list of field types.
//!
//! Each field starts at a multiple of its alignment, and a struct's size is
//! rounded up to a multiple of its largest alignment, so that the next
//! element of an array starts aligned as well. The gaps this leaves are
//! padding, and how much there is depends on the order of the fields:
//!
//! - `#[repr(C)]` keeps the declared order, as C and Python's `ctypes` do:
//!   declared flag, id, kind, x (`BadReading`), the record needs padding
//!   before `id` and before `x`; declared id, x, flag, kind (`Reading`), only
//!   at the tail;
//! - without a `repr`, the compiler chooses the order (`DefaultReading`
//!   declares BadReading's order and still comes out as small as Reading);
//! - `#[repr(C, packed)]` drops padding and leaves fields unaligned, so Rust
//!   copies them out instead of lending references to them;
//! - a struct of arrays keeps each field in its own vector: no padding, and
//!   each column contiguous.
//!
//! The variants note each layout as this build computes it (`size_of`,
//! `align_of`, `offset_of!`). Rust has no per-object header: a `Vec` of `n`
//! records is `n` times the record, like a ctypes array.
//!
//! The calculator ([`layout`]) reproduces what rustc does today for structs
//! of primitive fields, on wasm32 and on 64-bit targets. For `repr(C)`: the
//! declared order. For the default representation, as rustc 1.95 does it
//! (an implementation choice, not a guarantee of the language): fields sorted
//! by decreasing alignment, keeping the declared order among equals, except
//! that a field with a niche (`bool` and `char` have bit patterns they never
//! hold, which an enum wrapping the struct can use as its tag) goes first
//! among the fields of its alignment; if that leaves the niche neither at the
//! start nor at the end of the struct, rustc tries putting it last in its
//! alignment group instead and keeps that when the niche ends up further from
//! both ends than before. Its tests compare it with the real `offset_of!` of
//! the same structs in this build.

use std::hint::black_box;
use std::mem::{align_of, offset_of, size_of};

use crate::exercise::{Calculator, ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// One record's values: id, x, flag, kind.
pub type Values = (i64, f32, bool, u8);

/// Record `i`: x is a whole number of halves below 2048, exact in an `f32`.
pub fn values(i: usize) -> Values {
    (i as i64, (i % 4096) as f32 / 2.0, i % 2 == 0, (i % 256) as u8)
}

/// What the checksum adds for one record.
fn weight((id, x, flag, kind): Values) -> u64 {
    (id as u64).wrapping_add((x * 2.0) as u64).wrapping_add(flag as u64).wrapping_add(kind as u64)
}

/// A record layout the variants can build and read back.
pub trait Record: Sized {
    fn new(values: Values) -> Self;
    fn values(&self) -> Values;
    /// Offsets of id, x, flag and kind, as `offset_of!` gives them.
    fn offsets() -> [usize; 4];
}

/// Like ctypes' `BadReading`: declared order, a bool first.
#[repr(C)]
pub struct BadReading {
    pub flag: bool,
    pub id: i64,
    pub kind: u8,
    pub x: f32,
}

/// Like ctypes' `Reading`: the widest field first.
#[repr(C)]
pub struct Reading {
    pub id: i64,
    pub x: f32,
    pub flag: bool,
    pub kind: u8,
}

/// BadReading's declaration order, without a `repr`: the compiler orders it.
pub struct DefaultReading {
    pub flag: bool,
    pub id: i64,
    pub kind: u8,
    pub x: f32,
}

/// BadReading's order with no padding, like ctypes' `_pack_ = 1`. Reading a
/// field copies it; a reference to an unaligned field does not compile.
#[repr(C, packed)]
pub struct PackedReading {
    pub flag: bool,
    pub id: i64,
    pub kind: u8,
    pub x: f32,
}

macro_rules! record {
    ($name:ident) => {
        impl Record for $name {
            fn new((id, x, flag, kind): Values) -> $name {
                $name { flag, id, kind, x }
            }

            fn values(&self) -> Values {
                (self.id, self.x, self.flag, self.kind)
            }

            fn offsets() -> [usize; 4] {
                [offset_of!($name, id), offset_of!($name, x), offset_of!($name, flag), offset_of!($name, kind)]
            }
        }
    };
}

record!(BadReading);
record!(Reading);
record!(DefaultReading);
record!(PackedReading);

/// The bytes of one record's fields, without padding.
pub const FIELD_BYTES: usize = size_of::<i64>() + size_of::<f32>() + size_of::<bool>() + size_of::<u8>();

/// Notes a record layout: size, alignment, padding and the field offsets.
fn note_layout<R: Record>(probe: &mut Probe) {
    probe.note("size_of, bytes", size_of::<R>() as i64);
    probe.note("align_of, bytes", align_of::<R>() as i64);
    probe.note("padding, bytes", (size_of::<R>() - FIELD_BYTES) as i64);
    let [id, x, flag, kind] = R::offsets();
    for (label, offset) in
        [("offset of id", id), ("offset of x", x), ("offset of flag", flag), ("offset of kind", kind)]
    {
        probe.note(label, offset as i64);
    }
}

/// An array of `n` records of layout `R`.
fn array_of<R: Record>(params: &Params, probe: &mut Probe) -> u64 {
    note_layout::<R>(probe);
    let records: Vec<R> = (0..params.size("n")).map(|i| R::new(values(i))).collect();
    let records = black_box(records);
    probe.mark("records stored");
    records.iter().fold(0u64, |sum, r| sum.wrapping_add(weight(r.values())))
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    array_of::<BadReading>(params, probe)
}

fn repr_c_sorted(params: &Params, probe: &mut Probe) -> u64 {
    array_of::<Reading>(params, probe)
}

fn rust_default(params: &Params, probe: &mut Probe) -> u64 {
    array_of::<DefaultReading>(params, probe)
}

fn packed(params: &Params, probe: &mut Probe) -> u64 {
    array_of::<PackedReading>(params, probe)
}

/// The same records as four columns, each in its own vector.
pub struct Columns {
    pub ids: Vec<i64>,
    pub xs: Vec<f32>,
    pub flags: Vec<bool>,
    pub kinds: Vec<u8>,
}

/// A struct of arrays: no padding anywhere, one allocation per column.
fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    probe.note("bytes per record, four columns", FIELD_BYTES as i64);
    probe.note("padding, bytes", 0);
    let n = params.size("n");
    let columns = Columns {
        ids: (0..n).map(|i| values(i).0).collect(),
        xs: (0..n).map(|i| values(i).1).collect(),
        flags: (0..n).map(|i| values(i).2).collect(),
        kinds: (0..n).map(|i| values(i).3).collect(),
    };
    let columns = black_box(columns);
    probe.mark("columns stored");
    (0..n).fold(0u64, |sum, i| {
        sum.wrapping_add(weight((columns.ids[i], columns.xs[i], columns.flags[i], columns.kinds[i])))
    })
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "repr(C), declared flag, id, kind, x", run: naive },
        Variant { id: "repr-c-sorted", label: "repr(C), declared id, x, flag, kind", run: repr_c_sorted },
        Variant { id: "rust-default", label: "no repr, declared flag, id, kind, x", run: rust_default },
        Variant { id: "packed", label: "repr(C, packed)", run: packed },
        Variant { id: "optimized", label: "struct of arrays", run: optimized },
    ],
    params: &[ParamSpec { name: "n", label: "records", default: 1_000_000, min: 1, max: 2_000_000 }],
    calculator: Some(Calculator {
        title: "Struct layout calculator",
        prompt: "field types, in declaration order",
        example: "bool i64 u8 f32",
        compute: crate::layout_calculator::describe_fields,
    }),
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::VariantRun;

    /// What CPython's ctypes printed for the three records (64-bit CPython
    /// 3.11): the oracle for the `repr(C)` layouts, which contain no pointer
    /// and so are the same on wasm32.
    const REFERENCE_OUT: &str = include_str!("../../exercises/field-order-and-padding/reference.out");

    /// One ctypes line of reference.out, `Reading: 16 bytes, align 8, 2
    /// bytes of padding: id@0, x@8, flag@12, kind@13`: the size, the
    /// alignment and each field's offset by name.
    fn printed_by_ctypes(class: &str) -> (usize, usize, Vec<(String, usize)>) {
        let line = REFERENCE_OUT
            .lines()
            .find(|l| l.starts_with(&format!("{class}: ")) && l.contains("padding:"))
            .unwrap_or_else(|| panic!("reference.out describes {class}"));
        let number = |text: &str| -> usize { text.trim().parse().expect("a number") };
        let (head, fields) = line.split_once(" bytes of padding: ").unwrap();
        let size = number(head.split(": ").nth(1).unwrap().split(" bytes").next().unwrap());
        let align = number(head.split("align ").nth(1).unwrap().split(',').next().unwrap());
        let offsets = fields
            .split(", ")
            .map(|f| {
                let (name, offset) = f.split_once('@').unwrap();
                (name.to_string(), number(offset))
            })
            .collect();
        (size, align, offsets)
    }

    /// `R`'s size, alignment and field offsets, in the oracle's shape.
    fn rust_layout<R: Record>() -> (usize, usize, Vec<(String, usize)>) {
        let mut offsets: Vec<(String, usize)> =
            ["id", "x", "flag", "kind"].iter().map(|n| n.to_string()).zip(R::offsets()).collect();
        offsets.sort_by_key(|(_, offset)| *offset);
        (size_of::<R>(), align_of::<R>(), offsets)
    }

    #[test]
    fn the_repr_c_records_are_laid_out_as_ctypes_printed() {
        assert_eq!(rust_layout::<Reading>(), printed_by_ctypes("Reading"));
        assert_eq!(rust_layout::<BadReading>(), printed_by_ctypes("BadReading"));
        assert_eq!(rust_layout::<PackedReading>(), printed_by_ctypes("PackedReading"));
        // Without a repr, BadReading's declaration comes out as small as Reading.
        assert_eq!(size_of::<DefaultReading>(), size_of::<Reading>());
        assert_eq!(size_of::<PackedReading>(), FIELD_BYTES);
    }

    #[test]
    fn the_calculator_gives_ctypes_layouts_on_both_targets() {
        use crate::layout_calculator::{layout, parse_fields, FieldType, Repr, Target};
        for (class, input) in [
            ("Reading", "id: i64, x: f32, flag: bool, kind: u8"),
            ("BadReading", "flag: bool, id: i64, kind: u8, x: f32"),
        ] {
            let fields = parse_fields(input).unwrap();
            let types: Vec<FieldType> = fields.iter().map(|f| f.ty).collect();
            let (size, align, printed) = printed_by_ctypes(class);
            for target in Target::ALL {
                let ours = layout(&types, Repr::C, target);
                assert_eq!((ours.size as usize, ours.align as usize), (size, align), "{class} on {target:?}");
                for (field, offset) in fields.iter().zip(&ours.offsets) {
                    let name = field.name.as_deref().unwrap();
                    assert!(printed.contains(&(name.to_string(), *offset as usize)), "{class}.{name} on {target:?}");
                }
            }
        }
    }

    #[test]
    fn each_array_costs_n_records_and_nothing_else() {
        let n = 5_000u64;
        for (id, record) in [
            ("naive", size_of::<BadReading>()),
            ("repr-c-sorted", size_of::<Reading>()),
            ("rust-default", size_of::<DefaultReading>()),
            ("packed", size_of::<PackedReading>()),
        ] {
            let array = SPEC.run_at(id, &[("n", n)]);
            assert_eq!(array.measurement.peak_bytes, n * record as u64, "{id}");
            assert_eq!(array.measurement.allocations, 1, "{id}");
        }
        let columns = SPEC.run_at("optimized", &[("n", n)]);
        assert_eq!(columns.measurement.peak_bytes, n * FIELD_BYTES as u64);
        assert_eq!(columns.measurement.allocations, 4);
    }

    #[test]
    fn the_notes_give_each_layout() {
        let bad = SPEC.run_at("naive", &[("n", 10)]);
        let note = |label: &str| bad.notes.iter().find(|n| n.label.as_ref() == label).map(|n| n.value);
        assert_eq!(note("size_of, bytes"), Some(size_of::<BadReading>() as i64));
        assert_eq!(note("padding, bytes"), Some((size_of::<BadReading>() - FIELD_BYTES) as i64));
        assert_eq!(note("offset of id"), Some(offset_of!(BadReading, id) as i64));
    }

    #[test]
    fn every_layout_holds_the_same_records() {
        for n in [1, 2, 4_097, 100_000] {
            let runs: Vec<VariantRun> = SPEC.variants.iter().map(|v| SPEC.run_at(v.id, &[("n", n)])).collect();
            let expected = (0..n as usize).fold(0u64, |sum, i| sum.wrapping_add(weight(values(i))));
            assert!(runs.iter().all(|r| r.checksum == expected), "n = {n}");
        }
        let packed = PackedReading::new(values(4_097));
        assert_eq!(packed.values(), (4_097, 0.5, false, 1));
    }

    #[test]
    fn the_answer_reads_as_layouts() {
        use crate::layout_calculator::describe_fields;
        let answer = describe_fields("bool i64 u8 f32").unwrap();
        let lines: Vec<&str> = answer.lines().collect();
        assert_eq!(lines.len(), 3, "{answer}");
        // repr(C) is BadReading, the same on both targets.
        let id = offset_of!(BadReading, id);
        let kind = offset_of!(BadReading, kind);
        let x = offset_of!(BadReading, x);
        let wanted = format!(
            "repr(C), 64-bit and wasm32: {} bytes, align {}, {} bytes of padding; in memory order: bool@0, {} padding, i64@{id}, \
             u8@{kind}, {} padding, f32@{x}.",
            size_of::<BadReading>(),
            align_of::<BadReading>(),
            size_of::<BadReading>() - FIELD_BYTES,
            id - size_of::<bool>(),
            x - kind - size_of::<u8>(),
        );
        assert_eq!(lines[0], wanted);
        // The default order is DefaultReading's, as the compiler laid it out.
        let in_memory = |offset: usize, name: &str| format!("{name}@{offset}");
        let mut fields = vec![
            in_memory(offset_of!(DefaultReading, flag), "bool"),
            in_memory(offset_of!(DefaultReading, id), "i64"),
            in_memory(offset_of!(DefaultReading, kind), "u8"),
            in_memory(offset_of!(DefaultReading, x), "f32"),
        ];
        fields.sort_by_key(|f| f.split('@').nth(1).unwrap().parse::<usize>().unwrap());
        assert!(lines[1]
            .starts_with(&format!("Rust's default order, 64-bit and wasm32: {} bytes", size_of::<DefaultReading>())));
        assert!(lines[1].contains(&fields.join(", ")), "{} should list {fields:?}", lines[1]);
        assert_eq!(
            lines[2],
            format!(
                "Declared largest alignment first (i64, f32, bool, u8), repr(C) would also take {} bytes on 64-bit.",
                size_of::<Reading>()
            )
        );

        let named = describe_fields("flag: bool, id:i64").unwrap();
        assert!(
            named.contains(&format!("flag@0, {} padding, id@{}.", align_of::<i64>() - 1, align_of::<i64>())),
            "{named}"
        );
        let pointers = describe_fields("u8 ptr").unwrap();
        assert!(pointers.contains("repr(C), 64-bit: ") && pointers.contains("repr(C), wasm32: "), "{pointers}");
    }

}
