//! Numbers for people: byte counts in binary units, digit grouping, and the
//! sentences the page builds from them. Pure functions, tested natively;
//! the page uses them for every label.

/// `1234567` -> `"1,234,567"`.
pub fn grouped(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A byte count in the largest binary unit that keeps it at least 1, with
/// three significant figures: `0 B`, `999 B`, `1.21 KiB`, `15.3 MiB`.
pub fn human_bytes(bytes: i64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let sign = if bytes < 0 { "-" } else { "" };
    let magnitude = bytes.unsigned_abs();
    if magnitude < 1024 {
        return format!("{sign}{magnitude} B");
    }
    let mut value = magnitude as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    };
    format!("{sign}{text} {}", UNITS[unit])
}

/// How many times smaller `better` is than `baseline`, for a headline:
/// `Some(3.9)`; `None` when the ratio means nothing (zero or negative).
pub fn ratio(baseline: i64, better: i64) -> Option<f64> {
    (baseline > 0 && better > 0).then(|| baseline as f64 / better as f64)
}

/// A ratio as people read it: `3.9x`, `41x`, `1,200x`.
pub fn human_ratio(ratio: f64) -> String {
    if ratio >= 100.0 {
        format!("{}x", grouped(ratio.round() as i64))
    } else if ratio >= 10.0 {
        format!("{ratio:.0}x")
    } else {
        format!("{ratio:.1}x")
    }
}

/// `+1,024` for growth, `-512` for shrinkage, `0` for none.
pub fn signed(value: i64) -> String {
    if value > 0 {
        format!("+{}", grouped(value))
    } else {
        grouped(value)
    }
}

/// `1 block`, `2,048 blocks`.
pub fn count_of(count: i64, noun: &str) -> String {
    format!("{} {noun}{}", grouped(count), if count == 1 { "" } else { "s" })
}

/// The first letter in upper case: `peak bytes` -> `Peak bytes`. For our
/// own labels: ASCII and Latin-1 letters (`élan` -> `Élan`); any other first
/// letter is left as it is. (`char::to_uppercase` links Unicode's whole
/// upper-case table into the page for letters no label has; with one other
/// change the first load fell by 2,567 B, the two shares not measured apart.)
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return String::new() };
    let upper = match first {
        'a'..='z' | '\u{e0}'..='\u{fe}' if first != '\u{f7}' => char::from_u32(first as u32 - 0x20).unwrap_or(first),
        _ => first,
    };
    let mut out = String::with_capacity(text.len());
    out.push(upper);
    out.push_str(chars.as_str());
    out
}

/// At most `shown` items, quoted and joined, then how many more there are:
/// `"a", "b", "c" and 797 more`. For messages about input of any size, so
/// that a huge input gives a short message.
pub fn few<T: AsRef<str>>(items: &[T], shown: usize) -> String {
    let quoted: Vec<String> = items.iter().take(shown).map(|i| format!("\"{}\"", i.as_ref())).collect();
    let rest = items.len().saturating_sub(shown);
    match (quoted.len(), rest) {
        (0, _) => "nothing".to_string(),
        (1, 0) => quoted[0].clone(),
        (n, 0) => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        (_, rest) => format!("{} and {} more", quoted.join(", "), grouped(rest as i64)),
    }
}

/// A wall time for people, from microseconds, with three significant
/// figures: `80 µs`, `412 µs`, `1.23 ms`, `15.3 ms`, `2.41 s`.
pub fn human_micros(micros: f64) -> String {
    let three = |value: f64| {
        if value >= 100.0 {
            format!("{value:.0}")
        } else if value >= 10.0 {
            format!("{value:.1}")
        } else {
            format!("{value:.2}")
        }
    };
    if micros < 1_000.0 {
        format!("{micros:.0} µs")
    } else if micros < 1_000_000.0 {
        format!("{} ms", three(micros / 1_000.0))
    } else {
        format!("{} s", three(micros / 1_000_000.0))
    }
}

/// One CSV field: quoted when it holds a comma, a quote, a line break or
/// edge spaces, with quotes doubled.
pub fn csv_cell(text: &str) -> String {
    let needs_quotes = text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_in_the_unit_that_fits() {
        assert_eq!(human_micros(0.0), "0 µs");
        assert_eq!(human_micros(80.4), "80 µs");
        assert_eq!(human_micros(999.4), "999 µs");
        assert_eq!(human_micros(1_234.5), "1.23 ms");
        assert_eq!(human_micros(15_300.0), "15.3 ms");
        assert_eq!(human_micros(152_105.4), "152 ms");
        assert_eq!(human_micros(2_410_000.0), "2.41 s");
    }

    #[test]
    fn groups_digits_in_threes() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-20_166_984), "-20,166,984");
    }

    #[test]
    fn picks_the_unit_that_keeps_the_value_above_one() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1024), "1.00 KiB");
        assert_eq!(human_bytes(1536), "1.50 KiB");
        assert_eq!(human_bytes(800_000), "781 KiB");
        assert_eq!(human_bytes(16 * 1024 * 1024), "16.0 MiB");
        assert_eq!(human_bytes(-2048), "-2.00 KiB");
    }

    #[test]
    fn ratios_read_naturally() {
        assert_eq!(ratio(100, 0), None);
        assert_eq!(ratio(0, 5), None);
        assert_eq!(human_ratio(ratio(390, 100).unwrap()), "3.9x");
        assert_eq!(human_ratio(41.2), "41x");
        assert_eq!(human_ratio(1234.4), "1,234x");
    }

    #[test]
    fn signs_and_plurals() {
        assert_eq!(signed(1024), "+1,024");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(-512), "-512");
        assert_eq!(count_of(1, "block"), "1 block");
        assert_eq!(count_of(2048, "block"), "2,048 blocks");
        assert_eq!(count_of(0, "block"), "0 blocks");
        assert_eq!(capitalise("peak bytes"), "Peak bytes");
        assert_eq!(capitalise(""), "");
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(capitalise("þorn ÷ ÿ"), "Þorn ÷ ÿ");
        assert_eq!(capitalise("÷ and ß"), "÷ and ß");
        assert_eq!(capitalise("ωmega"), "ωmega", "outside Latin-1: as it was");
    }

    #[test]
    fn long_lists_are_cut_short() {
        assert_eq!(few::<&str>(&[], 3), "nothing");
        assert_eq!(few(&["a"], 3), "\"a\"");
        assert_eq!(few(&["a", "b"], 3), "\"a\" and \"b\"");
        assert_eq!(few(&["a", "b", "c"], 3), "\"a\", \"b\" and \"c\"");
        let many: Vec<String> = (0..800).map(|i| format!("p{i}")).collect();
        assert_eq!(few(&many, 3), "\"p0\", \"p1\", \"p2\" and 797 more");
    }
}
