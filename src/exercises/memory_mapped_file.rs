//! memory-mapped-file: read 100 bytes from the middle of a file, either as
//! a ranged read or by loading the whole file into the heap first.
//!
//! Python's `mmap` lets a program slice a file like a `bytes` object while
//! the data stays outside the Python heap: the operating system pages in
//! only what is touched, into its own page cache. A browser has no `mmap`,
//! but it has the same split between "the file" and "my heap":
//!
//! - In the browser (wasm32), the file is a JavaScript `Blob`. Its bytes
//!   live outside the wasm heap, as a mapped file lives outside Python's.
//!   `blob.slice(start, end)` describes a range without copying anything,
//!   and `FileReaderSync` reads a blob (or a slice of one) synchronously.
//!   `FileReaderSync` exists only in web workers, which is where runs
//!   happen; on the page's main thread it is missing.
//! - Natively (tests, benchmarks), the file is a real temporary file, read
//!   with `seek` + `read_exact` for a range and `std::fs::read` for all of
//!   it. (A real native memory map needs a crate or `unsafe` system calls;
//!   the ranged read makes the same point about the heap.)
//!
//! Both sides sit behind the same small type, `RangedFile`, with
//! `read_range(offset, length)` and `read_all()`.
//!
//! A variant has to create its file before reading it. The content is
//! generated in 64 KiB pieces in a buffer on the stack, so writing the file
//! costs the heap nothing (natively, only the file's path is on the heap).
//! The marks show the phases: "file written", then the read.

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// Bytes read from the middle of the file.
pub const READ_LENGTH: usize = 100;
/// Every line is 63 letters and a newline.
const LINE: u64 = 64;
/// The file is generated this many bytes at a time.
const WRITE_PIECE: usize = 64 * 1024;

/// The byte at `position`. The Python program writes the same bytes, so
/// the checksums can be compared.
pub fn byte_at(position: u64) -> u8 {
    let line = position / LINE;
    let column = position % LINE;
    if column == LINE - 1 {
        b'\n'
    } else {
        b'a' + ((line * 7 + column) % 26) as u8
    }
}

/// The read offset: 500,000 in a 1 MiB file, scaled to other sizes.
pub fn read_offset(file_bytes: u64) -> u64 {
    file_bytes * 500_000 / 1_048_576
}

/// Position-weighted sum of the bytes, so a shifted range gives a
/// different result.
fn checksum(piece: &[u8]) -> u64 {
    piece.iter().enumerate().map(|(k, &byte)| (k as u64 + 1) * byte as u64).sum()
}

/// Calls `write` with the file's content in consecutive pieces, generated
/// in one buffer on the stack (not on the heap).
fn generate_pieces(file_bytes: u64, mut write: impl FnMut(&[u8])) {
    let mut piece = [0u8; WRITE_PIECE];
    let mut start = 0;
    while start < file_bytes {
        let length = (file_bytes - start).min(WRITE_PIECE as u64) as usize;
        for (k, byte) in piece[..length].iter_mut().enumerate() {
            *byte = byte_at(start + k as u64);
        }
        write(&piece[..length]);
        start += length as u64;
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use std::fs::File;
    use std::io::{Read, Seek, SeekFrom, Write};
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A temporary file on disk, removed when dropped.
    pub struct RangedFile {
        path: PathBuf,
    }

    /// A fresh path in the temporary folder. The name has a fixed width,
    /// so every path costs the same heap bytes.
    pub fn scratch_path() -> PathBuf {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let number = NEXT.fetch_add(1, Ordering::Relaxed);
        let name = format!("heapwise-ranged-{:010}-{:010}.bin", std::process::id(), number);
        std::env::temp_dir().join(name)
    }

    impl RangedFile {
        pub fn create(file_bytes: u64) -> RangedFile {
            let file = RangedFile { path: scratch_path() };
            let mut out = File::create(&file.path).expect("create the scratch file");
            super::generate_pieces(file_bytes, |piece| out.write_all(piece).expect("write the scratch file"));
            file
        }

        /// `length` bytes from `offset`: the heap holds only those.
        pub fn read_range(&self, offset: u64, length: usize) -> Vec<u8> {
            let mut file = File::open(&self.path).expect("open the scratch file");
            file.seek(SeekFrom::Start(offset)).expect("seek in the scratch file");
            let mut bytes = vec![0; length];
            file.read_exact(&mut bytes).expect("read the range");
            bytes
        }

        /// The whole file, in one heap buffer of the file's size.
        pub fn read_all(&self) -> Vec<u8> {
            std::fs::read(&self.path).expect("read the scratch file")
        }
    }

    impl Drop for RangedFile {
        fn drop(&mut self) {
            // Nothing useful to do if it is already gone.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use js_sys::{Array, Uint8Array};
    use web_sys::{Blob, FileReaderSync};

    /// A JavaScript `Blob`: its bytes are held by the browser, outside the
    /// wasm heap that the counting allocator measures.
    pub struct RangedFile {
        blob: Blob,
        reader: FileReaderSync,
    }

    impl RangedFile {
        pub fn create(file_bytes: u64) -> RangedFile {
            // Each piece is copied into a new JavaScript Uint8Array (outside
            // the wasm heap); the blob is built from the list of pieces.
            let pieces = Array::new();
            super::generate_pieces(file_bytes, |piece| {
                pieces.push(&Uint8Array::from(piece));
            });
            let blob = Blob::new_with_u8_array_sequence(&pieces).expect("build the blob");
            let reader = FileReaderSync::new().expect("FileReaderSync exists only in web workers; runs happen in one");
            RangedFile { blob, reader }
        }

        /// `length` bytes from `offset`: `slice` copies nothing, and only
        /// the range is read and copied into the wasm heap.
        pub fn read_range(&self, offset: u64, length: usize) -> Vec<u8> {
            let range = self
                .blob
                .slice_with_f64_and_f64(offset as f64, (offset + length as u64) as f64)
                .expect("slice the blob");
            self.read(&range)
        }

        /// The whole blob, copied into one heap buffer of its size.
        pub fn read_all(&self) -> Vec<u8> {
            self.read(&self.blob)
        }

        fn read(&self, blob: &Blob) -> Vec<u8> {
            let buffer = self.reader.read_as_array_buffer(blob).expect("read the blob");
            // `to_vec` allocates exactly the buffer's length.
            Uint8Array::new(&buffer).to_vec()
        }
    }
}

pub use platform::RangedFile;

fn file_bytes(params: &Params) -> u64 {
    params.get("size_kib") * 1024
}

/// Reads every byte into the heap, then looks at 100 of them.
fn read_everything(params: &Params, probe: &mut Probe) -> u64 {
    let size = file_bytes(params);
    let file = RangedFile::create(size);
    probe.mark("file written");
    let all = file.read_all();
    probe.mark("whole file in the heap");
    let offset = read_offset(size) as usize;
    checksum(&all[offset..offset + READ_LENGTH])
}

/// Reads only the 100 bytes it needs.
fn read_range(params: &Params, probe: &mut Probe) -> u64 {
    let size = file_bytes(params);
    let file = RangedFile::create(size);
    probe.mark("file written");
    let piece = file.read_range(read_offset(size), READ_LENGTH);
    probe.mark("100 bytes in the heap");
    checksum(&piece)
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "read the whole file", run: read_everything },
        Variant { id: "optimized", label: "read the range", run: read_range },
    ],
    params: &[
        ParamSpec { name: "size_kib", label: "file size in KiB", default: 1024, min: 4, max: 16_384 },
    ],
    ..ExerciseSpec::DEFAULT
};

// Native only: the tests use the temporary-file side of `RangedFile`.
// (The wasm32 side needs `FileReaderSync`, which exists only in workers, so
// an in-browser unit test on the main thread could not run it anyway.)
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::platform::scratch_path;
    use super::*;
    use crate::measure::{measure, Measurement};

    /// What building a scratch path costs: its peak while being built, and
    /// what the finished path keeps. (On wasm32 there is no path.)
    fn path_cost() -> Measurement {
        let (path, cost) = measure(scratch_path);
        drop(path);
        cost
    }

    #[test]
    fn a_ranged_read_holds_only_the_range() {
        let path = path_cost();
        let kept = path.retained_bytes as u64;
        for size_kib in [4, 1024, 4096] {
            let ranged = SPEC.run_at(1, &[("size_kib", size_kib)]);
            let expected = path.peak_bytes.max(kept + READ_LENGTH as u64);
            assert_eq!(ranged.measurement.peak_bytes, expected, "size {size_kib} KiB");
            assert_eq!(ranged.measurement.retained_bytes, 0);
            assert_eq!(ranged.marks[1].live_bytes - ranged.marks[0].live_bytes, READ_LENGTH as i64);
        }
    }

    #[test]
    fn reading_everything_holds_the_whole_file() {
        let path = path_cost();
        let kept = path.retained_bytes as u64;
        for size_kib in [4, 1024, 4096] {
            let whole = SPEC.run_at(0, &[("size_kib", size_kib)]);
            assert_eq!(whole.measurement.peak_bytes, path.peak_bytes.max(kept + size_kib * 1024));
            assert_eq!(whole.marks[1].live_bytes - whole.marks[0].live_bytes, (size_kib * 1024) as i64);
        }
    }

    #[test]
    fn writing_the_file_costs_only_its_path() {
        let path = path_cost();
        // 1 MiB written from the stack: the heap sees only the path.
        let (file, writing) = measure(|| RangedFile::create(1024 * 1024));
        assert_eq!(writing.peak_bytes, path.peak_bytes);
        assert_eq!(writing.retained_bytes, path.retained_bytes);
        assert!(path.retained_bytes > 0);
        drop(file);
    }

    #[test]
    fn both_read_the_same_bytes() {
        for size_kib in [4, 5, 1024, 16384] {
            assert_eq!(SPEC.run_at(0, &[("size_kib", size_kib)]).checksum, SPEC.run_at(1, &[("size_kib", size_kib)]).checksum, "size {size_kib} KiB");
        }
        // The checksum the Python program prints for its 1 MiB file.
        assert_eq!(SPEC.run_at(1, &[("size_kib", 1024)]).checksum, 547_382);
    }

    #[test]
    fn the_file_has_the_expected_bytes_and_lines() {
        let file = RangedFile::create(4096);
        let all = file.read_all();
        assert_eq!(all.len(), 4096);
        assert_eq!(all.iter().filter(|&&b| b == b'\n').count() as u64, 4096 / LINE);
        assert_eq!(file.read_range(1000, 30), all[1000..1030].to_vec());
        assert_eq!(read_offset(1024 * 1024), 500_000);
    }
}
