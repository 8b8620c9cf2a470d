//! Small text helpers shared by every output: numbers the way Chinese forms print them.

use std::fmt;

/// `1149` as "1,149", `2.5` as "2.5", `2298.0` as "2,298".
pub fn num(n: f64) -> String {
    Num(n).to_string()
}

/// A number as [`num`] prints it, written straight into a formatter: reasons are built by the
/// million in a batch, and this spares a string for each number.
#[derive(Debug, Clone, Copy)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        if !n.is_finite() {
            return f.write_str("?");
        }
        let rounded = (n * 100.0).round() / 100.0;
        if rounded < 0.0 {
            f.write_str("-")?;
        }
        let whole = rounded.trunc().abs() as u64;
        // Digits from the right, with a comma every three, then reversed.
        let mut buf = [0u8; 32];
        let mut len = 0;
        let mut rest = whole;
        loop {
            if len % 4 == 3 {
                buf[len] = b',';
                len += 1;
            }
            buf[len] = b'0' + (rest % 10) as u8;
            len += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        buf[..len].reverse();
        f.write_str(std::str::from_utf8(&buf[..len]).map_err(|_| fmt::Error)?)?;
        match (rounded.fract().abs() * 100.0).round() as u64 {
            0 => Ok(()),
            d if d % 10 == 0 => write!(f, ".{}", d / 10),
            d => write!(f, ".{d:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn folded_chinese_lines_join_without_spaces() {
        assert_eq!(super::tidy("低保标准，\n差多少"), "低保标准，差多少");
        assert_eq!(super::tidy("拨打 12345  热线"), "拨打 12345 热线");
        assert_eq!(super::tidy("  a\n b "), "a b");
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(num(1149.0), "1,149");
        assert_eq!(num(2298.0), "2,298");
        assert_eq!(num(1_234_567.0), "1,234,567");
        assert_eq!(num(999.0), "999");
        assert_eq!(num(1000.0), "1,000");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(f64::NAN), "?");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(60.0), "60");
        assert_eq!(num(-3.0), "-3");
    }
}

/// Join the lines of a folded YAML text the way Chinese is written: a line break between two
/// Chinese characters disappears, elsewhere it becomes one space; runs of spaces shrink to one.
pub fn tidy(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = chars[..start].last().copied();
            let after = chars.get(i).copied();
            let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
            if !(wide(before) && wide(after)) {
                out.push(' ');
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Today's date in China (UTC+8) as `YYYY-MM-DD`; lists are dated where they are handed over.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_from_days(((secs + 8 * 3600) / 86_400) as i64)
}

/// The civil date of a day count since 1970-01-01.
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn days_become_dates() {
        assert_eq!(super::date_from_days(0), "1970-01-01");
        assert_eq!(super::date_from_days(20_425), "2025-12-03");
        assert_eq!(super::date_from_days(11_016), "2000-02-29");
    }
}
