//! flyweight: an image of `pixels` pixels whose colours come from a set of
//! `colours`, stored three ways.
//!
//! - an owned `Colour` per pixel: each pixel carries its own copy of the
//!   four channels, as a Python list of `Colour(...)` objects carries an
//!   object per pixel. In Rust the copy sits inline in the vector, with no
//!   header and no allocation of its own, so it costs exactly its fields;
//! - an `Rc<Colour>` handle per pixel, from a cache that creates one shared
//!   colour per code on first use: a pointer per pixel and one counted
//!   allocation per distinct colour, which is what a Python list of shared
//!   objects amounts to. `Rc::ptr_eq` is Python's `is`;
//! - a `u16` per pixel indexing a palette of every colour, like an
//!   `array('H')` of palette indices: two bytes per pixel whatever the
//!   pointer width, and no reference counts to keep.
//!
//! Sharing pays only when the shared value is bigger than what replaces it:
//! a colour here is 16 bytes, a handle 8 (4 on wasm32), an index 2. A 3-byte
//! colour would be cheapest inline, which Python never gets to see, since
//! there every value is an object behind a pointer.
//!
//! Python's cache is a dict keyed by `(r, g, b)`. Colour codes here are small
//! consecutive numbers, so the cache is a vector indexed by code.

use std::rc::Rc;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// A colour as a renderer keeps it: four channels from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colour {
    pub red: f32,
    pub green: f32,
    pub blue: f32,
    pub alpha: f32,
}

/// Sixteen levels per channel: codes 0 to 4,095 name every colour.
pub const MAX_COLOURS: u64 = 16 * 16 * 16;

/// The colour code of pixel `i` among `colours` codes: the same scramble
/// as the Python program's `colour_code`, so neighbouring pixels differ.
pub fn colour_code(i: u64, colours: u64) -> u16 {
    (((i * 2_654_435_761) >> 7) % colours) as u16
}

/// The colour a code names: red, green and blue levels of 0 to 15.
pub fn colour_of(code: u16) -> Colour {
    let level = |shift: u16| f32::from((code >> shift) & 15) / 15.0;
    Colour { red: level(8), green: level(4), blue: level(0), alpha: 1.0 }
}

/// The three levels of a colour added up, as a whole number, so every
/// variant can be compared on the colours it stores. A channel times 15 is
/// within a rounding error of its whole level, so rounding to the nearest
/// (ties to even, one wasm instruction; `round` is a library call that took
/// 40% of the run) gives the level back.
fn levels(colour: &Colour) -> u64 {
    [colour.red, colour.green, colour.blue].iter().map(|channel| (channel * 15.0).round_ties_even() as u64).sum()
}

/// Hands out one shared colour per code, creating it on first use.
pub struct ColourCache {
    slots: Vec<Option<Rc<Colour>>>,
}

impl ColourCache {
    pub fn new(colours: usize) -> ColourCache {
        ColourCache { slots: vec![None; colours] }
    }

    pub fn get(&mut self, code: u16) -> Rc<Colour> {
        Rc::clone(self.slots[code as usize].get_or_insert_with(|| Rc::new(colour_of(code))))
    }

    /// How many distinct colours have been created so far.
    pub fn created(&self) -> usize {
        self.slots.iter().filter(|slot| slot.is_some()).count()
    }
}

fn sizes(params: &Params) -> (u64, u64) {
    (params.get("pixels"), params.get("colours"))
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let (pixels, colours) = sizes(params);
    let image: Vec<Colour> = (0..pixels).map(|i| colour_of(colour_code(i, colours))).collect();
    probe.mark("image built");
    probe.note("Colour values stored", image.len() as i64);
    image.iter().map(levels).sum()
}

fn shared(params: &Params, probe: &mut Probe) -> u64 {
    let (pixels, colours) = sizes(params);
    let mut cache = ColourCache::new(colours as usize);
    let image: Vec<Rc<Colour>> = (0..pixels).map(|i| cache.get(colour_code(i, colours))).collect();
    probe.mark("image built");
    probe.note("Colour values stored", cache.created() as i64);
    // Every pixel of the first pixel's colour holds a handle to one value;
    // the cache holds one more.
    probe.note("handles to the first pixel's Colour", Rc::strong_count(&image[0]) as i64);
    image.iter().map(|colour| levels(colour)).sum()
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let (pixels, colours) = sizes(params);
    let palette: Vec<Colour> = (0..colours).map(|code| colour_of(code as u16)).collect();
    let image: Vec<u16> = (0..pixels).map(|i| colour_code(i, colours)).collect();
    probe.mark("image built");
    probe.note("Colour values stored", palette.len() as i64);
    image.iter().map(|&code| levels(&palette[code as usize])).sum()
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "Colour per pixel", run: naive },
        Variant { id: "shared", label: "Rc<Colour> from a cache", run: shared },
        Variant { id: "optimized", label: "u16 palette index", run: optimized },
    ],
    params: &[
        ParamSpec { name: "pixels", label: "pixels", default: 1_000_000, min: 10_000, max: 4_000_000 },
        ParamSpec { name: "colours", label: "distinct colours", default: MAX_COLOURS, min: 16, max: MAX_COLOURS },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::alloc::Layout;
    use std::collections::HashSet;
    use std::mem::size_of;

    use super::*;
    use crate::outcome::VariantRun;

    /// Distinct codes among the first `pixels` pixels.
    fn used_codes(pixels: u64, colours: u64) -> u64 {
        (0..pixels).map(|i| colour_code(i, colours)).collect::<HashSet<u16>>().len() as u64
    }

    /// One `Rc<Colour>` allocation: the two counts, then the colour.
    fn rc_box_bytes() -> u64 {
        let (layout, _) = Layout::new::<[usize; 2]>().extend(Layout::new::<Colour>()).unwrap();
        layout.pad_to_align().size() as u64
    }

    const PIXELS: u64 = 30_011;

    #[test]
    fn levels_gives_back_every_colours_three_levels() {
        for code in 0..MAX_COLOURS as u16 {
            let expected = u64::from((code >> 8) & 15) + u64::from((code >> 4) & 15) + u64::from(code & 15);
            assert_eq!(levels(&colour_of(code)), expected, "code {code}");
        }
    }

    #[test]
    fn a_colour_per_pixel_costs_the_colour_per_pixel() {
        let run = SPEC.run_at(0, &[("pixels", PIXELS), ("colours", MAX_COLOURS)]);
        assert_eq!(size_of::<Colour>(), 4 * size_of::<f32>());
        assert_eq!(run.measurement.peak_bytes, PIXELS * size_of::<Colour>() as u64);
        assert_eq!(run.measurement.allocations, 1);
        assert_eq!(run.notes[0].value, PIXELS as i64);
    }

    #[test]
    fn shared_colours_cost_a_handle_per_pixel_and_one_value_per_colour() {
        // The cache's empty slots cost nothing extra: `None` is a null pointer.
        assert_eq!(size_of::<Option<Rc<Colour>>>(), size_of::<Rc<Colour>>());
        for colours in [16, MAX_COLOURS] {
            let used = used_codes(PIXELS, colours);
            let run = SPEC.run_at(1, &[("pixels", PIXELS), ("colours", colours)]);
            let handles = (PIXELS + colours) * size_of::<Rc<Colour>>() as u64;
            assert_eq!(run.measurement.peak_bytes, handles + used * rc_box_bytes(), "colours = {colours}");
            // The image, the cache, and one allocation per colour used.
            assert_eq!(run.measurement.allocations, 2 + used);
            assert_eq!(run.notes[0].value, used as i64);
        }
    }

    #[test]
    fn palette_indices_cost_two_bytes_per_pixel_and_the_palette() {
        let run = SPEC.run_at(2, &[("pixels", PIXELS), ("colours", MAX_COLOURS)]);
        assert_eq!(size_of::<u16>(), 2);
        let expected = PIXELS * size_of::<u16>() as u64 + MAX_COLOURS * size_of::<Colour>() as u64;
        assert_eq!(run.measurement.peak_bytes, expected);
        assert_eq!(run.measurement.allocations, 2);
    }

    #[test]
    fn every_variant_stores_the_same_image_and_each_is_smaller() {
        for colours in [16, MAX_COLOURS] {
            let runs: Vec<VariantRun> = (0..3).map(|v| SPEC.run_at(v, &[("pixels", PIXELS), ("colours", colours)])).collect();
            assert!(runs.iter().all(|r| r.checksum == runs[0].checksum), "colours = {colours}");
            assert!(runs[2].measurement.peak_bytes < runs[1].measurement.peak_bytes);
            assert!(runs[1].measurement.peak_bytes < runs[0].measurement.peak_bytes);
        }
    }

    #[test]
    fn cached_colours_are_one_value_not_just_equal_ones() {
        let mut cache = ColourCache::new(MAX_COLOURS as usize);
        let (a, b) = (cache.get(0xF00), cache.get(0xF00));
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(*a, Colour { red: 1.0, green: 0.0, blue: 0.0, alpha: 1.0 });
        // An equal colour made separately is equal but not the same value.
        let separate = Rc::new(colour_of(0xF00));
        assert!(*separate == *a && !Rc::ptr_eq(&separate, &a));
        assert!(!Rc::ptr_eq(&a, &cache.get(0x0F0)));
        assert_eq!(cache.created(), 2);
        // Two handles here, one in the cache.
        assert_eq!(Rc::strong_count(&a), 3);
    }

    #[test]
    fn pixel_codes_match_the_python_program() {
        // colour_code(i) = (i * 2654435761 >> 7) & 0xFFF in reference.py.
        assert_eq!(colour_code(0, MAX_COLOURS), 0);
        assert_eq!(colour_code(1, MAX_COLOURS), ((2_654_435_761u64 >> 7) & 0xFFF) as u16);
        assert_eq!(used_codes(100_000, MAX_COLOURS), MAX_COLOURS, "the Python program sees every colour");
    }
}
