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

use std::cmp::Reverse;
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

// ---------------------------------------------------------------------------
// The layout calculator
// ---------------------------------------------------------------------------

/// The targets the calculator lays structs out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// x86-64, aarch64 and the like: 8-byte pointers.
    SixtyFourBit,
    /// What the page runs on: 4-byte pointers, 8-byte-aligned `u64`/`f64`.
    Wasm32,
}

impl Target {
    pub const ALL: [Target; 2] = [Target::SixtyFourBit, Target::Wasm32];

    fn pointer_bytes(self) -> u64 {
        match self {
            Target::SixtyFourBit => 8,
            Target::Wasm32 => 4,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Target::SixtyFourBit => "64-bit",
            Target::Wasm32 => "wasm32",
        }
    }
}

/// How the fields are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    /// `#[repr(C)]`: declared order.
    C,
    /// No `repr`: the compiler's order.
    Rust,
}

/// A primitive field type: its size (all of these are aligned to their
/// size) and how many bit patterns it never holds (its niche).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldType {
    pub name: &'static str,
    /// Size in bytes, or `None` for pointer-sized types.
    bytes: Option<u64>,
    niche: u64,
}

impl FieldType {
    const fn fixed(name: &'static str, bytes: u64) -> FieldType {
        FieldType { name, bytes: Some(bytes), niche: 0 }
    }

    pub fn size(self, target: Target) -> u64 {
        self.bytes.unwrap_or(target.pointer_bytes())
    }

    /// Every type here is aligned to its own size on both targets.
    pub fn align(self, target: Target) -> u64 {
        self.size(target)
    }
}

/// The types the calculator knows. `ptr` is a raw pointer (`*const u8`),
/// which, unlike a reference or a `Box`, may be null and so has no niche.
pub const FIELD_TYPES: [FieldType; 15] = [
    FieldType::fixed("u8", 1),
    FieldType::fixed("i8", 1),
    // 256 bit patterns, 2 of them valid.
    FieldType { name: "bool", bytes: Some(1), niche: 254 },
    FieldType::fixed("u16", 2),
    FieldType::fixed("i16", 2),
    FieldType::fixed("u32", 4),
    FieldType::fixed("i32", 4),
    FieldType::fixed("f32", 4),
    // Valid chars are 0 to 0x10FFFF, minus nothing above: the rest of 2^32 is the niche.
    FieldType { name: "char", bytes: Some(4), niche: (1 << 32) - 0x11_0000 },
    FieldType::fixed("u64", 8),
    FieldType::fixed("i64", 8),
    FieldType::fixed("f64", 8),
    FieldType { name: "usize", bytes: None, niche: 0 },
    FieldType { name: "isize", bytes: None, niche: 0 },
    FieldType { name: "ptr", bytes: None, niche: 0 },
];

/// A struct's layout: size, alignment, and each field's offset in
/// declaration order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructLayout {
    pub size: u64,
    pub align: u64,
    pub offsets: Vec<u64>,
}

/// Which end of its alignment group a niche goes to when fields are sorted.
#[derive(Clone, Copy)]
enum NicheBias {
    Start,
    End,
}

/// Lays the fields out in `order` (indices into `fields`); also returns the
/// offset and size of the niche an enum would use: the largest, the first of
/// equals in memory order for `Start`, the last for `End`.
fn place(fields: &[FieldType], order: &[usize], target: Target, bias: NicheBias) -> (StructLayout, Option<(u64, u64)>) {
    let align = fields.iter().map(|f| f.align(target)).max().unwrap_or(1);
    let mut offsets = vec![0; fields.len()];
    let mut offset: u64 = 0;
    let mut niche: Option<(u64, u64, u64)> = None; // (available, offset, size)
    for &i in order {
        let field = fields[i];
        offset = offset.next_multiple_of(field.align(target));
        offsets[i] = offset;
        if field.niche > 0 {
            let better = match (bias, niche) {
                (_, None) => true,
                (NicheBias::Start, Some((best, _, _))) => field.niche > best,
                (NicheBias::End, Some((best, _, _))) => field.niche >= best,
            };
            if better {
                niche = Some((field.niche, offset, field.size(target)));
            }
        }
        offset += field.size(target);
    }
    let layout = StructLayout { size: offset.next_multiple_of(align), align, offsets };
    (layout, niche.map(|(_, at, size)| (at, size)))
}

/// The compiler's order for one bias: decreasing alignment; among equal
/// alignments, the larger niche first (`Start`) or last (`End`); otherwise
/// declaration order (the sort is stable).
fn sorted(fields: &[FieldType], target: Target, bias: NicheBias) -> (StructLayout, Option<(u64, u64)>) {
    let mut order: Vec<usize> = (0..fields.len()).collect();
    order.sort_by_key(|&i| {
        let niche_key = match bias {
            NicheBias::Start => u64::MAX - fields[i].niche,
            NicheBias::End => fields[i].niche,
        };
        (Reverse(fields[i].align(target)), niche_key)
    });
    place(fields, &order, target, bias)
}

/// The layout of a struct with these fields, with `repr` on `target`.
pub fn layout(fields: &[FieldType], repr: Repr, target: Target) -> StructLayout {
    if repr == Repr::C {
        let declared: Vec<usize> = (0..fields.len()).collect();
        return place(fields, &declared, target, NicheBias::Start).0;
    }
    let (start, niche) = sorted(fields, target, NicheBias::Start);
    // A niche at either end of the struct is what rustc aims for: if the
    // first try leaves it inside with room after it, it tries the other bias
    // and keeps that when the niche is then further from the start than it
    // was, and further from the start than from the end.
    if let Some((head, niche_size)) = niche {
        let tail = start.size - head - niche_size;
        if fields.len() > 1 && head != 0 && tail > 0 {
            let (end, end_niche) = sorted(fields, target, NicheBias::End);
            let end_head = end_niche.map_or(0, |(at, _)| at);
            if end_head > head && end_head > tail {
                return end;
            }
        }
    }
    start
}

/// One field as the calculator was given it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name typed before `:`, if any.
    pub name: Option<String>,
    pub ty: FieldType,
}

impl Field {
    fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(self.ty.name)
    }
}

/// The most fields the calculator lays out.
pub const MAX_FIELDS: usize = 64;

fn known_types() -> String {
    FIELD_TYPES.iter().map(|t| t.name).collect::<Vec<_>>().join(" ")
}

fn field_type(name: &str) -> Result<FieldType, String> {
    FIELD_TYPES
        .iter()
        .find(|t| t.name == name)
        .copied()
        .ok_or_else(|| format!("`{name}` is not a type this calculator knows; use {}", known_types()))
}

/// Reads fields separated by spaces or commas, each a type (`i64`) or a
/// name and a type (`id: i64`).
pub fn parse_fields(input: &str) -> Result<Vec<Field>, String> {
    let spaced = input.replace(',', " ").replace(':', ": ");
    let mut fields = Vec::new();
    let mut name: Option<String> = None;
    for token in spaced.split_whitespace() {
        if let Some(given) = token.strip_suffix(':') {
            if name.is_some() || given.is_empty() {
                return Err(format!("`{}` should be followed by a type, like `id: i64`", name.unwrap_or_default()));
            }
            if !given.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return Err(format!("`{given}` is not a field name"));
            }
            name = Some(given.to_string());
            continue;
        }
        fields.push(Field { name: name.take(), ty: field_type(token)? });
        if fields.len() > MAX_FIELDS {
            return Err(format!("at most {MAX_FIELDS} fields, please"));
        }
    }
    if let Some(dangling) = name {
        return Err(format!("`{dangling}:` should be followed by a type, like `id: i64`"));
    }
    if fields.is_empty() {
        return Err(format!("type the fields' types in order, such as `i64 f32 bool u8`; known: {}", known_types()));
    }
    Ok(fields)
}

/// Fields in memory order with the padding between them: `bool@0, 7
/// padding, i64@8`.
fn memory_order(fields: &[Field], layout: &StructLayout, target: Target) -> String {
    let mut order: Vec<usize> = (0..fields.len()).collect();
    order.sort_by_key(|&i| layout.offsets[i]);
    let mut parts = Vec::new();
    let mut end = 0;
    for i in order {
        let start = layout.offsets[i];
        if start > end {
            parts.push(format!("{} padding", start - end));
        }
        parts.push(format!("{}@{start}", fields[i].label()));
        end = start + fields[i].ty.size(target);
    }
    if layout.size > end {
        parts.push(format!("{} padding at the end", layout.size - end));
    }
    parts.join(", ")
}

/// "1 byte", "16 bytes".
fn bytes(n: u64) -> String {
    if n == 1 {
        "1 byte".to_string()
    } else {
        format!("{n} bytes")
    }
}

fn describe_one(fields: &[Field], repr: Repr, targets: &[Target]) -> String {
    let target = targets[0];
    let types: Vec<FieldType> = fields.iter().map(|f| f.ty).collect();
    let layout = layout(&types, repr, target);
    let used: u64 = types.iter().map(|t| t.size(target)).sum();
    let title = match repr {
        Repr::C => "repr(C)",
        Repr::Rust => "Rust's default order",
    };
    let on = targets.iter().map(|t| t.name()).collect::<Vec<_>>().join(" and ");
    format!(
        "{title}, {on}: {}, align {}, {} of padding: {}.",
        bytes(layout.size),
        layout.align,
        bytes(layout.size - used),
        memory_order(fields, &layout, target)
    )
}

/// The calculator's answer: both layouts, for both targets (once when they agree).
pub fn describe_fields(input: &str) -> Result<String, String> {
    let fields = parse_fields(input)?;
    let types: Vec<FieldType> = fields.iter().map(|f| f.ty).collect();
    let mut lines = Vec::new();
    for repr in [Repr::C, Repr::Rust] {
        let [wide, narrow] = Target::ALL.map(|t| layout(&types, repr, t));
        if wide == narrow {
            lines.push(describe_one(&fields, repr, &Target::ALL));
        } else {
            for target in Target::ALL {
                lines.push(describe_one(&fields, repr, &[target]));
            }
        }
    }
    let c = layout(&types, Repr::C, Target::SixtyFourBit);
    let best = layout(&types, Repr::Rust, Target::SixtyFourBit);
    if c.size > best.size {
        let mut by_alignment = fields.clone();
        by_alignment.sort_by_key(|f| Reverse(f.ty.align(Target::SixtyFourBit)));
        let order: Vec<&str> = by_alignment.iter().map(Field::label).collect();
        lines.push(format!(
            "Declared largest alignment first ({}), repr(C) would also take {} bytes on 64-bit.",
            order.join(" "),
            best.size
        ));
    }
    Ok(lines.join("\n"))
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
        compute: describe_fields,
    }),
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{run_variant, VariantRun};

    fn run(id: &str, n: u64) -> VariantRun {
        let variant = SPEC.variants.iter().find(|v| v.id == id).unwrap();
        run_variant(variant, &Params::new(&[("n", n)]), false)
    }

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
            let array = run(id, n);
            assert_eq!(array.measurement.peak_bytes, n * record as u64, "{id}");
            assert_eq!(array.measurement.allocations, 1, "{id}");
        }
        let columns = run("optimized", n);
        assert_eq!(columns.measurement.peak_bytes, n * FIELD_BYTES as u64);
        assert_eq!(columns.measurement.allocations, 4);
    }

    #[test]
    fn the_notes_give_each_layout() {
        let bad = run("naive", 10);
        let note = |label: &str| bad.notes.iter().find(|n| n.label.as_ref() == label).map(|n| n.value);
        assert_eq!(note("size_of, bytes"), Some(size_of::<BadReading>() as i64));
        assert_eq!(note("padding, bytes"), Some((size_of::<BadReading>() - FIELD_BYTES) as i64));
        assert_eq!(note("offset of id"), Some(offset_of!(BadReading, id) as i64));
    }

    #[test]
    fn every_layout_holds_the_same_records() {
        for n in [1, 2, 4_097, 100_000] {
            let runs: Vec<VariantRun> = SPEC.variants.iter().map(|v| run(v.id, n)).collect();
            let expected = (0..n as usize).fold(0u64, |sum, i| sum.wrapping_add(weight(values(i))));
            assert!(runs.iter().all(|r| r.checksum == expected), "n = {n}");
        }
        let packed = PackedReading::new(values(4_097));
        assert_eq!(packed.values(), (4_097, 0.5, false, 1));
    }

    // --- the calculator against the compiler --------------------------------

    /// A raw pointer, as the calculator's `ptr`.
    #[allow(non_camel_case_types)]
    type ptr = *const u8;

    /// For fields `name: type`, the calculator's input and the layouts this
    /// build gives the struct with the default representation and with
    /// `repr(C)`, read with `size_of`, `align_of` and `offset_of!`.
    macro_rules! real {
        ($($field:ident : $ty:ident),+) => {{
            #[allow(dead_code)]
            struct Default { $($field: $ty),+ }
            #[allow(dead_code)]
            #[repr(C)]
            struct C { $($field: $ty),+ }
            let input = [$(concat!(stringify!($field), ": ", stringify!($ty))),+].join(", ");
            let default = StructLayout {
                size: size_of::<Default>() as u64,
                align: align_of::<Default>() as u64,
                offsets: vec![$(offset_of!(Default, $field) as u64),+],
            };
            let c = StructLayout {
                size: size_of::<C>() as u64,
                align: align_of::<C>() as u64,
                offsets: vec![$(offset_of!(C, $field) as u64),+],
            };
            (input, default, c)
        }};
    }

    /// Structs to compare: every order of the record's four fields, then
    /// mixes with niches (`bool`, `char`), pointers and repeated types.
    fn cases() -> Vec<(String, StructLayout, StructLayout)> {
        vec![
            real!(a: i64, b: f32, c: bool, d: u8),
            real!(a: i64, b: f32, c: u8, d: bool),
            real!(a: i64, b: bool, c: f32, d: u8),
            real!(a: i64, b: bool, c: u8, d: f32),
            real!(a: i64, b: u8, c: f32, d: bool),
            real!(a: i64, b: u8, c: bool, d: f32),
            real!(a: f32, b: i64, c: bool, d: u8),
            real!(a: f32, b: i64, c: u8, d: bool),
            real!(a: f32, b: bool, c: i64, d: u8),
            real!(a: f32, b: bool, c: u8, d: i64),
            real!(a: f32, b: u8, c: i64, d: bool),
            real!(a: f32, b: u8, c: bool, d: i64),
            real!(a: bool, b: i64, c: f32, d: u8),
            real!(a: bool, b: i64, c: u8, d: f32),
            real!(a: bool, b: f32, c: i64, d: u8),
            real!(a: bool, b: f32, c: u8, d: i64),
            real!(a: bool, b: u8, c: i64, d: f32),
            real!(a: bool, b: u8, c: f32, d: i64),
            real!(a: u8, b: i64, c: f32, d: bool),
            real!(a: u8, b: i64, c: bool, d: f32),
            real!(a: u8, b: f32, c: i64, d: bool),
            real!(a: u8, b: f32, c: bool, d: i64),
            real!(a: u8, b: bool, c: i64, d: f32),
            real!(a: u8, b: bool, c: f32, d: i64),
            real!(a: u8),
            real!(a: bool),
            real!(a: u8, b: u8, c: bool),
            real!(a: u8, b: bool, c: bool),
            real!(a: u8, b: u8, c: char),
            real!(a: char, b: u8, c: bool),
            real!(a: bool, b: char, c: u16),
            real!(a: u16, b: bool, c: u8, d: char, e: bool),
            real!(a: u64, b: char, c: u32, d: bool, e: u16),
            real!(a: u32, b: char, c: char, d: u8),
            real!(a: i8, b: u16, c: i32, d: u64),
            real!(a: bool, b: ptr, c: u8, d: usize, e: u16),
            real!(a: u32, b: ptr, c: bool),
            real!(a: isize, b: u8, c: f64, d: i16, e: char, f: bool, g: u32),
            real!(a: u16, b: u16, c: u8),
            real!(a: f64, b: bool, c: f64, d: bool, e: f32),
            real!(a: u8, b: u32, c: u8, d: u32, e: u8, f: u64),
            real!(a: char, b: bool, c: i16, d: u8, e: ptr, f: i8),
        ]
    }

    /// The target these tests were compiled for, if it is one of the two.
    fn this_build() -> Option<Target> {
        match size_of::<usize>() {
            8 => Some(Target::SixtyFourBit),
            4 if cfg!(target_arch = "wasm32") => Some(Target::Wasm32),
            _ => None,
        }
    }

    #[test]
    fn the_calculator_matches_the_compiler_of_this_build() {
        let target = this_build().expect("a 64-bit or wasm32 build");
        let mut wrong = Vec::new();
        for (input, default, c) in cases() {
            let types: Vec<FieldType> = parse_fields(&input).unwrap().into_iter().map(|f| f.ty).collect();
            for (repr, real) in [(Repr::Rust, default), (Repr::C, c)] {
                let ours = layout(&types, repr, target);
                if ours != real {
                    wrong.push(format!("{input} {repr:?}: rustc {real:?}, calculator {ours:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn on_wasm32_a_pointer_is_laid_out_like_a_u32() {
        // By construction of the wasm32 target: pointers and `usize` are 4
        // bytes, aligned to 4 and without a niche, exactly as a `u32` is;
        // every other type here has the same size and alignment on both.
        let u32_type = field_type("u32").unwrap();
        for (input, _, _) in cases() {
            let types: Vec<FieldType> = parse_fields(&input).unwrap().into_iter().map(|f| f.ty).collect();
            let as_u32: Vec<FieldType> = types.iter().map(|t| if t.bytes.is_none() { u32_type } else { *t }).collect();
            for repr in [Repr::C, Repr::Rust] {
                assert_eq!(
                    layout(&types, repr, Target::Wasm32),
                    layout(&as_u32, repr, Target::SixtyFourBit),
                    "{input}"
                );
                if as_u32 == types {
                    assert_eq!(layout(&types, repr, Target::Wasm32), layout(&types, repr, Target::SixtyFourBit));
                }
            }
        }
        let with_pointer = parse_fields("bool ptr u8").unwrap().into_iter().map(|f| f.ty).collect::<Vec<_>>();
        // bool, then padding to the pointer's alignment, the pointer, the u8.
        for (target, pointer) in
            [(Target::Wasm32, size_of::<u32>() as u64), (Target::SixtyFourBit, size_of::<u64>() as u64)]
        {
            assert_eq!(layout(&with_pointer, Repr::C, target).offsets, vec![0, pointer, 2 * pointer], "{target:?}");
        }
    }

    #[test]
    fn the_answer_reads_as_layouts() {
        let answer = describe_fields("bool i64 u8 f32").unwrap();
        let lines: Vec<&str> = answer.lines().collect();
        assert_eq!(lines.len(), 3, "{answer}");
        // repr(C) is BadReading, the same on both targets.
        let id = offset_of!(BadReading, id);
        let kind = offset_of!(BadReading, kind);
        let x = offset_of!(BadReading, x);
        let wanted = format!(
            "repr(C), 64-bit and wasm32: {} bytes, align {}, {} bytes of padding: bool@0, {} padding, i64@{id}, \
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
                "Declared largest alignment first (i64 f32 bool u8), repr(C) would also take {} bytes on 64-bit.",
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

    #[test]
    fn mistakes_are_explained() {
        assert!(describe_fields("").unwrap_err().contains("i64 f32 bool u8"));
        assert!(describe_fields("i64 float").unwrap_err().contains("`float` is not a type"));
        assert!(describe_fields("id: ").unwrap_err().contains("followed by a type"));
        assert!(describe_fields("a: b: u8").unwrap_err().contains("followed by a type"));
        assert!(describe_fields(&"u8 ".repeat(MAX_FIELDS + 1)).unwrap_err().contains("at most"));
        assert!(describe_fields(&"u8 ".repeat(MAX_FIELDS)).is_ok());
    }
}
