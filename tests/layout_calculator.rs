//! The struct layout calculator (`heapwise::layout_calculator`) against the
//! compiler of this build: natively (64-bit) and, in the browser test layer,
//! on wasm32. Every struct below is laid out by rustc (`size_of`,
//! `align_of`, `offset_of!`) and by the calculator, and the calculator's
//! printed line for this build's target must give the same size, alignment,
//! padding and offsets.
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::mem::{align_of, offset_of, size_of};

use heapwise::layout_calculator::{
    describe_fields, field_type, layout, parse_fields, FieldType, Repr, StructLayout, Target,
};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

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
        real!(a: usize, b: u64),
        real!(a: u64, b: isize),
        real!(a: ptr, b: f64, c: u32),
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
        let as_u32: Vec<FieldType> = types.iter().map(|t| if t.is_pointer_sized() { u32_type } else { *t }).collect();
        for repr in [Repr::C, Repr::Rust] {
            assert_eq!(layout(&types, repr, Target::Wasm32), layout(&as_u32, repr, Target::SixtyFourBit), "{input}");
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

/// The line of `answer` for `repr` on `target` (alone or shared with the
/// other target), parsed: (size, align, padding, [(label, offset)] in memory order).
fn printed(answer: &str, repr: Repr, target: Target) -> (u64, u64, u64, Vec<(String, u64)>) {
    let title = match repr {
        Repr::C => "repr(C), ",
        Repr::Rust => "Rust's default order, ",
    };
    let line = answer
        .lines()
        .find(|l| {
            l.strip_prefix(title)
                .and_then(|rest| rest.split_once(": "))
                .is_some_and(|(on, _)| on.split(" and ").any(|t| t == target.name()))
        })
        .unwrap_or_else(|| panic!("no {title}line for {target:?} in:\n{answer}"));
    let (_, rest) = line.split_once(": ").unwrap();
    let (figures, fields) = rest.split_once("; in memory order: ").unwrap();
    let number = |text: &str| text.split_whitespace().next().unwrap().parse::<u64>().unwrap();
    let parts: Vec<&str> = figures.split(", ").collect();
    let (size, align, padding) = (number(parts[0]), number(&parts[1]["align ".len()..]), number(parts[2]));
    let fields = fields
        .trim_end_matches('.')
        .split(", ")
        .filter_map(|item| item.rsplit_once('@'))
        .map(|(label, offset)| (label.to_string(), offset.parse().unwrap()))
        .collect();
    (size, align, padding, fields)
}

#[test]
fn the_printed_answer_matches_the_compiler_of_this_build() {
    let target = this_build().expect("a 64-bit or wasm32 build");
    let mut wrong = Vec::new();
    for (input, default, c) in cases() {
        let fields = parse_fields(&input).unwrap();
        let answer = describe_fields(&input).unwrap();
        let used: u64 = fields.iter().map(|f| f.ty.size(target)).sum();
        for (repr, real) in [(Repr::Rust, default), (Repr::C, c)] {
            let mut in_memory: Vec<(String, u64)> =
                fields.iter().zip(&real.offsets).map(|(f, at)| (f.label.clone(), *at)).collect();
            in_memory.sort_by_key(|(_, at)| *at);
            let wanted = (real.size, real.align, real.size - used, in_memory);
            let said = printed(&answer, repr, target);
            if said != wanted {
                wrong.push(format!("{input} {repr:?}: rustc {wanted:?}, printed {said:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
