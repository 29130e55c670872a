//! What the student hands the Python panel besides typing: a `.py` file's
//! bytes, and the text of the time-limit field. Pure, so every answer the
//! panel gives is tested natively; the panel (`ui/python/`) only reads the
//! file and shows the sentences.

use crate::units::{grouped, human_bytes};

/// The largest `.py` file the editor opens. A student's program is a few
/// kilobytes; the text is saved in local storage, which holds about 5 MB
/// for the whole site, so a file this size still leaves room for the rest.
pub const MAX_SOURCE_BYTES: u64 = 1024 * 1024;

/// Why a file of `bytes` is not opened, or `None` when it may be.
pub fn too_large(name: &str, bytes: u64) -> Option<String> {
    (bytes > MAX_SOURCE_BYTES).then(|| {
        format!(
            "\u{201c}{name}\u{201d} was not opened: it is {} ({} bytes), and the editor opens files of at most {}. \
             The editor's text is unchanged.",
            human_bytes(bytes.min(i64::MAX as u64) as i64),
            grouped(bytes.min(i64::MAX as u64) as i64),
            human_bytes(MAX_SOURCE_BYTES as i64)
        )
    })
}

/// A `.py` file read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding, when it was not plain UTF-8 (the panel says it was converted).
    pub from: Option<&'static str>,
}

/// The text of a `.py` file named `name`: UTF-8 (with or without a
/// byte-order mark), or UTF-16 with one, converted. Anything else is
/// refused with a sentence that says what is wrong and what to do.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(refused) = too_large(name, bytes.len() as u64) {
        return Err(refused);
    }
    let refuse =
        |why: String| Err(format!("\u{201c}{name}\u{201d} was not opened: {why}. The editor's text is unchanged."));
    let save_as_utf8 = "Save it as UTF-8 (most editors offer this under Save As or Encoding) and open it again";
    let (text, from) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (utf8(rest), None),
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            return refuse(format!("it is UTF-32 text, which the editor does not read. {save_as_utf8}"));
        }
        [0xFF, 0xFE, rest @ ..] => (utf16(rest, u16::from_le_bytes), Some("UTF-16 (little-endian)")),
        [0xFE, 0xFF, rest @ ..] => (utf16(rest, u16::from_be_bytes), Some("UTF-16 (big-endian)")),
        _ => (utf8(bytes), None),
    };
    let text = match text {
        Ok(text) => text,
        Err(why) => return refuse(format!("{why}. {save_as_utf8}")),
    };
    if let Some(at) = text.find('\0') {
        let (line, _) = line_and_column(&text, at);
        let hint = if from.is_none() { " (is it UTF-16 saved without a byte-order mark?)" } else { "" };
        return refuse(format!(
            "line {line} holds a NUL character, which a Python program cannot contain{hint}. {save_as_utf8}"
        ));
    }
    Ok(Decoded { text, from })
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    std::str::from_utf8(bytes).map(str::to_string).map_err(|error| {
        let at = error.valid_up_to();
        let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let (line, column) = line_and_column(good, good.len());
        format!(
            "it is not UTF-8 text: line {line}, character {column} is the byte 0x{:02X}, which UTF-8 text cannot hold there \
             (the file is probably in another encoding, such as Windows-1252 or Latin-1)",
            bytes[at]
        )
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if bytes.len() % 2 == 1 {
        return Err(format!(
            "it starts as UTF-16 text, but its length ({} bytes) is odd, so it is cut short or not UTF-16",
            grouped(bytes.len() as i64 + 2)
        ));
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => text.push(c),
            Err(_) => {
                let (line, column) = line_and_column(&text, text.len());
                return Err(format!(
                    "it is UTF-16 text, but line {line}, character {column} is half of a character, which makes it damaged"
                ));
            }
        }
    }
    Ok(text)
}

/// The 1-based line and character of byte `at` of `text`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for c in text[..at].chars() {
        if c == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// The longest time limit the field takes, in seconds (ten minutes).
pub const MAX_TIME_LIMIT: u32 = 600;
/// Under the field while it holds what it took (a literal, not a `format!`
/// of [`MAX_TIME_LIMIT`], for the page's size; a test keeps them together).
pub const LIMIT_RULE: &str = "The time limit is a whole number of seconds from 1 to 600.";

/// What the time-limit field made of what was typed in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeLimit {
    pub seconds: u32,
    /// Said beside the field when what was typed is not what is used.
    pub note: Option<String>,
}

/// Reads the time-limit field: a whole number of seconds from 1 to
/// [`MAX_TIME_LIMIT`] is taken as it is. Otherwise a fraction is rounded up
/// (a limit a little longer never stops a program early), a number past
/// the longest limit becomes it, and anything else (empty, not a number,
/// below 1 s) keeps `current`; each says so in the note.
pub fn read_time_limit(typed: &str, current: u32) -> TimeLimit {
    let typed = typed.trim();
    let number = typed.strip_suffix('s').unwrap_or(typed).trim_end();
    let rule = format!("the time limit is a whole number of seconds from 1 to {MAX_TIME_LIMIT}");
    let shown = shorten(typed);
    let with =
        |seconds: u32, why: String| TimeLimit { seconds, note: Some(format!("{why}: {seconds} s used ({rule}).")) };
    if typed.is_empty() {
        return with(current, "The time limit was empty".to_string());
    }
    let Some(decimal) = Decimal::read(number) else {
        return with(current, format!("\u{201c}{shown}\u{201d} is not a number of seconds"));
    };
    let ceiling = decimal.whole.saturating_add(u64::from(decimal.fraction));
    if !decimal.negative && ceiling > u64::from(MAX_TIME_LIMIT) {
        return with(MAX_TIME_LIMIT, format!("{shown} s is longer than the longest time limit"));
    }
    if decimal.negative || ceiling < 1 {
        return with(current, format!("{shown} s is less than 1 s"));
    }
    if decimal.fraction {
        return with(ceiling as u32, format!("{shown} s is not a whole number of seconds"));
    }
    TimeLimit { seconds: ceiling as u32, note: None }
}

/// A decimal number as typed (`12`, `2.5`, `-5`, `1e9`, `.5`), read exactly
/// as far as the time limit needs: its sign, its whole part (saturating at
/// `u64::MAX`) and whether it has a fraction. Hand-written, not `f64`'s
/// parser: that one's tables add 18 KB (brotli) to the page.
struct Decimal {
    /// Below zero (`-0` is not).
    negative: bool,
    whole: u64,
    /// A part after the point that is not zero.
    fraction: bool,
}

impl Decimal {
    fn read(text: &str) -> Option<Decimal> {
        let (sign, rest) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, exponent) = match rest.find(['e', 'E']) {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let (whole_digits, fraction_digits) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
        if whole_digits.len() + fraction_digits.len() == 0 || !digits(whole_digits) || !digits(fraction_digits) {
            return None;
        }
        let exponent: i64 = match exponent {
            None => 0,
            Some(e) => {
                let (negative, e) = match e.as_bytes().first() {
                    Some(b'-') => (true, &e[1..]),
                    Some(b'+') => (false, &e[1..]),
                    _ => (false, e),
                };
                if e.is_empty() || !digits(e) {
                    return None;
                }
                let magnitude = e.bytes().fold(0i64, |n, b| n.saturating_mul(10).saturating_add(i64::from(b - b'0')));
                if negative {
                    -magnitude
                } else {
                    magnitude
                }
            }
        };
        // All the digits, the point moved by the exponent: those before it are the whole part.
        let all: Vec<u8> = whole_digits.bytes().chain(fraction_digits.bytes()).map(|b| b - b'0').collect();
        let point = (whole_digits.len() as i64).saturating_add(exponent);
        let (mut whole, mut fraction) = (0u64, false);
        for (i, digit) in all.iter().enumerate() {
            if (i as i64) < point {
                whole = whole.saturating_mul(10).saturating_add(u64::from(*digit));
            } else {
                fraction |= *digit != 0;
            }
        }
        // Zeros the exponent adds past the digits.
        for _ in all.len() as i64..point.min(all.len() as i64 + 20) {
            whole = whole.saturating_mul(10);
        }
        let zero = whole == 0 && !fraction;
        Some(Decimal { negative: sign && !zero, whole, fraction })
    }
}

/// What the student typed, at most 24 characters of it, for a sentence.
fn shorten(typed: &str) -> String {
    let mut chars = typed.chars();
    let head: String = chars.by_ref().take(24).collect();
    if chars.next().is_some() {
        head + "\u{2026}"
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn utf8_with_or_without_a_mark_is_read_as_it_is() {
        let text = "print(\"héllo, 世界\")\n";
        assert_eq!(decode("a.py", text.as_bytes()), Ok(Decoded { text: text.into(), from: None }));
        let marked = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(decode("a.py", &marked), Ok(Decoded { text: text.into(), from: None }));
        assert_eq!(decode("empty.py", b""), Ok(Decoded { text: String::new(), from: None }));
    }

    #[test]
    fn utf16_with_a_mark_is_converted_and_says_so() {
        let text = "x = \"naïve 🐍\"\nprint(x)\n";
        assert_eq!(
            decode("w.py", &utf16le(text)),
            Ok(Decoded { text: text.into(), from: Some("UTF-16 (little-endian)") })
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode("w.py", &be).unwrap().from, Some("UTF-16 (big-endian)"));
    }

    #[test]
    fn damaged_or_unknown_encodings_are_refused_in_words() {
        let odd = [utf16le("ab"), vec![0x41]].concat();
        let said = decode("odd.py", &odd).unwrap_err();
        assert!(
            said.starts_with(
                "\u{201c}odd.py\u{201d} was not opened: it starts as UTF-16 text, but its length (7 bytes) is odd"
            ),
            "{said}"
        );
        assert!(said.ends_with("Save it as UTF-8 (most editors offer this under Save As or Encoding) and open it again. The editor's text is unchanged."), "{said}");
        // A lone surrogate: half of a character.
        let mut half = utf16le("x = 1\ny");
        half.extend(0xD800u16.to_le_bytes());
        let said = decode("half.py", &half).unwrap_err();
        assert!(said.contains("line 2, character 2 is half of a character"), "{said}");
        let said = decode("wide.py", &[0xFF, 0xFE, 0, 0, b'x', 0, 0, 0]).unwrap_err();
        assert!(said.contains("it is UTF-32 text"), "{said}");
    }

    #[test]
    fn latin1_is_not_utf8_and_says_where() {
        let said = decode("cafe.py", b"# ok\nname = 'caf\xE9'\n").unwrap_err();
        assert!(
            said.starts_with(
                "\u{201c}cafe.py\u{201d} was not opened: it is not UTF-8 text: line 2, character 12 is the byte 0xE9"
            ),
            "{said}"
        );
        assert!(said.contains("Windows-1252 or Latin-1"), "{said}");
    }

    #[test]
    fn utf16_without_a_mark_is_caught_by_its_nul_characters() {
        let bytes: Vec<u8> = "print(1)\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let said = decode("nomark.py", &bytes).unwrap_err();
        assert!(said.contains("line 1 holds a NUL character"), "{said}");
        assert!(said.contains("UTF-16 saved without a byte-order mark"), "{said}");
    }

    #[test]
    fn a_file_too_large_says_its_size_and_the_limit() {
        assert_eq!(too_large("a.py", MAX_SOURCE_BYTES), None);
        let said = too_large("big.py", 5 * 1024 * 1024).unwrap();
        assert_eq!(
            said,
            "\u{201c}big.py\u{201d} was not opened: it is 5.00 MiB (5,242,880 bytes), and the editor opens files of at most \
             1.00 MiB. The editor's text is unchanged."
        );
        let bytes = vec![b'#'; MAX_SOURCE_BYTES as usize + 1];
        assert_eq!(decode("big.py", &bytes).unwrap_err(), too_large("big.py", MAX_SOURCE_BYTES + 1).unwrap());
    }

    #[test]
    fn the_rule_names_the_longest_limit() {
        assert_eq!(LIMIT_RULE, format!("The time limit is a whole number of seconds from 1 to {MAX_TIME_LIMIT}."));
    }

    #[test]
    fn whole_seconds_in_range_are_taken_silently() {
        for (typed, seconds) in
            [("30", 30), (" 1 ", 1), ("600", 600), ("45s", 45), ("45 s", 45), ("1e2", 100), ("+7", 7)]
        {
            assert_eq!(read_time_limit(typed, 30), TimeLimit { seconds, note: None }, "{typed:?}");
        }
    }

    #[test]
    fn values_not_taken_say_what_was_used() {
        let rule = "(the time limit is a whole number of seconds from 1 to 600).";
        let cases = [
            ("-5", 20, format!("-5 s is less than 1 s: 20 s used {rule}")),
            ("0", 20, format!("0 s is less than 1 s: 20 s used {rule}")),
            ("1e9", 20, format!("1e9 s is longer than the longest time limit: 600 s used {rule}")),
            ("1e400", 20, format!("1e400 s is longer than the longest time limit: 600 s used {rule}")),
            ("600.5", 20, format!("600.5 s is longer than the longest time limit: 600 s used {rule}")),
            ("-0.5", 20, format!("-0.5 s is less than 1 s: 20 s used {rule}")),
            ("5e-1", 20, format!("5e-1 s is not a whole number of seconds: 1 s used {rule}")),
            ("2.5", 20, format!("2.5 s is not a whole number of seconds: 3 s used {rule}")),
            ("0.2", 20, format!("0.2 s is not a whole number of seconds: 1 s used {rule}")),
            ("abc", 30, format!("\u{201c}abc\u{201d} is not a number of seconds: 30 s used {rule}")),
            ("NaN", 30, format!("\u{201c}NaN\u{201d} is not a number of seconds: 30 s used {rule}")),
            ("inf", 30, format!("\u{201c}inf\u{201d} is not a number of seconds: 30 s used {rule}")),
            ("1e", 30, format!("\u{201c}1e\u{201d} is not a number of seconds: 30 s used {rule}")),
            (".", 30, format!("\u{201c}.\u{201d} is not a number of seconds: 30 s used {rule}")),
            ("3 4", 30, format!("\u{201c}3 4\u{201d} is not a number of seconds: 30 s used {rule}")),
            ("", 45, format!("The time limit was empty: 45 s used {rule}")),
        ];
        for (typed, current, note) in cases {
            let read = read_time_limit(typed, current);
            assert_eq!(read.note.as_deref(), Some(note.as_str()), "{typed:?}");
            assert!(read.note.unwrap().contains(&format!(": {} s used", read.seconds)));
        }
        let long = read_time_limit(&"x".repeat(1000), 30).note.unwrap();
        assert!(long.starts_with("\u{201c}xxxxxxxxxxxxxxxxxxxxxxxx\u{2026}\u{201d} is not"), "{long}");
    }
}
