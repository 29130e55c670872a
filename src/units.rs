//! Numbers for people: byte counts in binary units and digit grouping.
//! Pure functions, tested natively; the page uses them for every label.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
