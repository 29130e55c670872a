//! The struct layout calculator on the field-order-and-padding page: type a
//! struct's field types (optionally named) and it gives the size, the
//! alignment, the padding and each field's offset with `#[repr(C)]` and with
//! Rust's default representation, on 64-bit targets and on wasm32.
//!
//! Pure functions, no UI and no measuring: the exercise's declaration
//! (`exercises::field_order_and_padding`) offers [`describe_fields`] to the
//! page as its calculator, and this module is not shown as the exercise's
//! running code. `tests/layout_calculator.rs` compares every answer with what
//! the compiler of that build lays out (`size_of`, `align_of`, `offset_of!`),
//! natively and on wasm32 in the browser.

use crate::short_sort::sort_by_key;
use std::cmp::Reverse;

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

    pub fn pointer_bytes(self) -> u64 {
        match self {
            Target::SixtyFourBit => 8,
            Target::Wasm32 => 4,
        }
    }

    pub fn name(self) -> &'static str {
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

    /// `usize`, `isize` and `ptr`: as wide as a pointer of the target.
    pub fn is_pointer_sized(self) -> bool {
        self.bytes.is_none()
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
    sort_by_key(&mut order, |&i| {
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
    /// How the answer names it: the name, or the type; an unnamed type given
    /// more than once is told apart by its declared position (`u8 #3`, the
    /// third field declared).
    pub label: String,
}

/// Rust's keywords (strict and reserved, 2021 edition): not field names.
const KEYWORDS: [&str; 51] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// The most fields the calculator lays out.
pub const MAX_FIELDS: usize = 64;

fn known_types() -> String {
    FIELD_TYPES.iter().map(|t| t.name).collect::<Vec<_>>().join(" ")
}

pub fn field_type(name: &str) -> Result<FieldType, String> {
    FIELD_TYPES
        .iter()
        .find(|t| t.name == name)
        .copied()
        .ok_or_else(|| format!("`{name}` is not a type this calculator knows; use {}", known_types()))
}

/// Reads fields separated by spaces or commas, each a type (`i64`) or a
/// name and a type (`id: i64`). Names must be identifiers, not keywords, and
/// not given twice.
pub fn parse_fields(input: &str) -> Result<Vec<Field>, String> {
    let spaced = input.replace(',', " ").replace(':', ": ");
    let mut fields: Vec<Field> = Vec::new();
    let mut name: Option<String> = None;
    for token in spaced.split_whitespace() {
        if let Some(given) = token.strip_suffix(':') {
            if name.is_some() || given.is_empty() {
                return Err(format!("`{}` should be followed by a type, like `id: i64`", name.unwrap_or_default()));
            }
            let identifier = given.chars().all(|c| c.is_alphanumeric() || c == '_')
                && !given.starts_with(|c: char| c.is_ascii_digit());
            if !identifier {
                return Err(format!(
                    "`{given}` is not a field name: use letters, digits and `_`, not starting with a digit"
                ));
            }
            if KEYWORDS.contains(&given) {
                return Err(format!("`{given}` is a Rust keyword, so it cannot name a field; pick another name"));
            }
            if fields.iter().any(|f| f.name.as_deref() == Some(given)) {
                return Err(format!("two fields are called `{given}`; a struct's field names must differ"));
            }
            name = Some(given.to_string());
            continue;
        }
        let ty = field_type(token)?;
        let label = name.clone().unwrap_or_else(|| ty.name.to_string());
        fields.push(Field { name: name.take(), ty, label });
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
    // An unnamed type given twice would read the same in the answer: add
    // the declared position. (A name that equals a type, `u8: u8`, counts.)
    let labels: Vec<String> = fields.iter().map(|f| f.label.clone()).collect();
    for (position, field) in fields.iter_mut().enumerate() {
        if field.name.is_none() && labels.iter().filter(|l| **l == field.label).count() > 1 {
            field.label = format!("{} #{}", field.ty.name, position + 1);
        }
    }
    Ok(fields)
}

/// Fields in memory order with the padding between them: `bool@0, 7
/// padding, i64@8`.
fn memory_order(fields: &[Field], layout: &StructLayout, target: Target) -> String {
    let mut order: Vec<usize> = (0..fields.len()).collect();
    sort_by_key(&mut order, |&i| layout.offsets[i]);
    let mut parts = Vec::new();
    let mut end = 0;
    for i in order {
        let start = layout.offsets[i];
        if start > end {
            parts.push(format!("{} padding", start - end));
        }
        parts.push(format!("{}@{start}", fields[i].label));
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

/// One layout line for one target: "repr(C), 64-bit: 16 bytes, align 8, 7
/// bytes of padding; in memory order: bool@0, 7 padding, i64@8." (`on`
/// names the target or targets the line is for).
fn describe_one(fields: &[Field], repr: Repr, target: Target, on: &str) -> String {
    let types: Vec<FieldType> = fields.iter().map(|f| f.ty).collect();
    let layout = layout(&types, repr, target);
    let used: u64 = types.iter().map(|t| t.size(target)).sum();
    let title = match repr {
        Repr::C => "repr(C)",
        Repr::Rust => "Rust's default order",
    };
    format!(
        "{title}, {on}: {}, align {}, {} of padding; in memory order: {}.",
        bytes(layout.size),
        layout.align,
        bytes(layout.size - used),
        memory_order(fields, &layout, target)
    )
}

/// The calculator's answer: both layouts, for both targets; one line for
/// both only when everything it says (size, alignment, padding, offsets) is
/// the same on each.
pub fn describe_fields(input: &str) -> Result<String, String> {
    let fields = parse_fields(input)?;
    let types: Vec<FieldType> = fields.iter().map(|f| f.ty).collect();
    let mut lines = Vec::new();
    for repr in [Repr::C, Repr::Rust] {
        let [wide, narrow] = Target::ALL.map(|t| describe_one(&fields, repr, t, "{on}"));
        if wide == narrow {
            let both = Target::ALL.map(Target::name).join(" and ");
            lines.push(wide.replace("{on}", &both));
        } else {
            lines.push(wide.replace("{on}", Target::SixtyFourBit.name()));
            lines.push(narrow.replace("{on}", Target::Wasm32.name()));
        }
    }
    let c = layout(&types, Repr::C, Target::SixtyFourBit);
    let best = layout(&types, Repr::Rust, Target::SixtyFourBit);
    if c.size > best.size {
        let mut by_alignment = fields.clone();
        sort_by_key(&mut by_alignment, |f| Reverse(f.ty.align(Target::SixtyFourBit)));
        let order: Vec<&str> = by_alignment.iter().map(|f| f.label.as_str()).collect();
        lines.push(format!(
            "Declared largest alignment first ({}), repr(C) would also take {} bytes on 64-bit.",
            order.join(", "),
            best.size
        ));
    }
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mistakes_are_explained() {
        assert!(describe_fields("").unwrap_err().contains("i64 f32 bool u8"));
        assert!(describe_fields("i64 float").unwrap_err().contains("`float` is not a type"));
        assert!(describe_fields("id: ").unwrap_err().contains("followed by a type"));
        assert!(describe_fields("a: b: u8").unwrap_err().contains("followed by a type"));
        assert!(describe_fields(&"u8 ".repeat(MAX_FIELDS + 1)).unwrap_err().contains("at most"));
        assert!(describe_fields(&"u8 ".repeat(MAX_FIELDS)).is_ok());
    }

    #[test]
    fn names_are_identifiers_once_each() {
        assert!(describe_fields("type: u8").unwrap_err().contains("keyword"));
        assert!(describe_fields("a: u8, a: u16").unwrap_err().contains("two fields are called `a`"));
        assert!(describe_fields("1st: u8").unwrap_err().contains("not a field name"));
        assert!(describe_fields("r#x: u8").unwrap_err().contains("not a field name"));
    }

    #[test]
    fn an_unnamed_type_given_twice_is_named_by_its_position() {
        let answer = describe_fields("u8 u32 u8 flag: bool").unwrap();
        assert!(answer.contains("u8 #1@0") && answer.contains("u8 #3@") && answer.contains("flag@"), "{answer}");
        assert!(answer.contains("u32@4"), "{answer}");
    }

    #[test]
    fn targets_share_a_line_only_when_everything_printed_is_the_same() {
        // usize then u64: offsets 0 and 8 on both, size 16 and align 8 on
        // both, but 4 bytes of padding on wasm32 (a 4-byte usize) and none
        // on 64-bit.
        let answer = describe_fields("usize u64").unwrap();
        assert!(
            answer.contains("repr(C), 64-bit: 16 bytes, align 8, 0 bytes of padding; in memory order: usize@0, u64@8."),
            "{answer}"
        );
        assert!(
            answer.contains(
                "repr(C), wasm32: 16 bytes, align 8, 4 bytes of padding; in memory order: usize@0, 4 padding, u64@8."
            ),
            "{answer}"
        );
        let same = describe_fields("u8 u64").unwrap();
        assert!(same.starts_with("repr(C), 64-bit and wasm32: 16 bytes, align 8, 7 bytes of padding"), "{same}");
    }
}
