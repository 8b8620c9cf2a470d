//! Small text helpers shared by every output: numbers the way Chinese forms print them.

/// `1149` as "1,149", `2.5` as "2.5", `2298.0` as "2,298".
pub fn num(n: f64) -> String {
    if !n.is_finite() {
        return "?".to_string();
    }
    let rounded = (n * 100.0).round() / 100.0;
    let whole = rounded.trunc().abs() as u64;
    let mut digits = whole.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    let frac = (rounded.fract().abs() * 100.0).round() as u64;
    let frac = match frac {
        0 => String::new(),
        f if f % 10 == 0 => format!(".{}", f / 10),
        f => format!(".{f:02}"),
    };
    format!("{sign}{digits}{grouped}{frac}")
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(num(1149.0), "1,149");
        assert_eq!(num(2298.0), "2,298");
        assert_eq!(num(1_234_567.0), "1,234,567");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(60.0), "60");
        assert_eq!(num(-3.0), "-3");
    }
}
