//! Wrapping text to a column width for receipt printers and plain terminals.
//!
//! A Chinese character takes two columns, a Latin letter one. Lines break between Chinese
//! characters or at spaces, never inside a run of Latin letters and digits ("12345",
//! "1,149", "8:30-12:00"), and closing punctuation never starts a line. Only a run longer
//! than a whole line is split, so nothing is ever cut off.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Punctuation that belongs to the end of the text before it.
fn closing(c: char) -> bool {
    "，。、；：！？）」』》〉】…,.;:!?)%".contains(c)
}

/// Punctuation that belongs to the start of the text after it.
fn opening(c: char) -> bool {
    "（「『《〈【(“‘".contains(c)
}

fn latin(c: char) -> bool {
    c.is_ascii_graphic() && !opening(c) && !closing(c) || matches!(c, ',' | '.' | ':' | '%')
}

/// Split into unbreakable pieces; `None` marks a space.
fn tokens(text: &str) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    let mut glue_next = false;
    let mut after_number = false;
    for c in text.chars() {
        if c.is_whitespace() {
            // "600 元": a number keeps its unit on the same line.
            after_number =
                matches!(out.last(), Some(Some(p)) if p.ends_with(|d: char| d.is_ascii_digit()));
            out.push(None);
            glue_next = false;
            continue;
        }
        if std::mem::take(&mut after_number) && !latin(c) {
            out.pop();
            if let Some(Some(prev)) = out.last_mut() {
                prev.push(' ');
                prev.push(c);
                glue_next = opening(c);
                continue;
            }
        }
        let joins_prev = match out.last() {
            Some(Some(prev)) => {
                closing(c) || glue_next || (latin(c) && prev.chars().last().is_some_and(latin))
            }
            _ => glue_next,
        };
        match out.last_mut() {
            Some(Some(prev)) if joins_prev => prev.push(c),
            _ => out.push(Some(c.to_string())),
        }
        glue_next = opening(c);
    }
    out
}

/// Wrap `text` to `max` columns; continuation lines start with `indent`.
pub fn wrap(text: &str, max: usize, first: &str, indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut fresh = true;
    for tok in tokens(text) {
        let Some(tok) = tok else {
            if !fresh && width(&line) < max {
                line.push(' ');
            }
            continue;
        };
        if width(&line) + width(&tok) > max && !fresh {
            lines.push(line.trim_end().to_string());
            line = indent.to_string();
        }
        if width(&line) + width(&tok) > max {
            hard_split(&tok, max, indent, &mut line, &mut lines);
        } else {
            line.push_str(&tok);
        }
        fresh = false;
    }
    if !fresh || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// A piece longer than a whole line: split it by characters as a last resort.
fn hard_split(tok: &str, max: usize, indent: &str, line: &mut String, lines: &mut Vec<String>) {
    for c in tok.chars() {
        let w = c.width().unwrap_or(0);
        if width(line) + w > max && width(line) > width(indent) {
            lines.push(std::mem::replace(line, indent.to_string()));
        }
        line.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_two_columns() {
        assert_eq!(width("低保"), 4);
        assert_eq!(width("ab12"), 4);
        let lines = wrap("一二三四五六七八九十", 8, "", "");
        assert_eq!(lines, ["一二三四", "五六七八", "九十"]);
    }

    #[test]
    fn numbers_and_words_stay_whole() {
        let lines = wrap("电话 12345 · 工作日 8:30-12:00，13:30-17:30", 16, "", "");
        for l in &lines {
            assert!(width(l) <= 16, "{l}");
        }
        let joined = lines.join("\n");
        for piece in ["12345", "8:30-12:00，", "13:30-17:30"] {
            assert!(joined.contains(piece), "{piece} was split: {lines:?}");
        }
    }

    #[test]
    fn a_number_keeps_its_unit() {
        let lines = wrap("本区户籍 · 城镇 · 人均月收入 600 元", 32, "", "  ");
        assert!(lines.iter().any(|l| l.contains("600 元")), "{lines:?}");
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let lines = wrap("一二三，四五六。", 6, "", "");
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with('，') && !l.starts_with('。')),
            "{lines:?}"
        );
    }

    #[test]
    fn a_run_longer_than_the_line_is_split_not_lost() {
        let long = "x".repeat(25);
        let lines = wrap(&long, 10, "", "");
        assert_eq!(lines.concat(), long);
        assert!(lines.iter().all(|l| width(l) <= 10));
    }

    #[test]
    fn indents_apply_to_continuations() {
        let lines = wrap("一二三四五六", 8, "- ", "  ");
        assert_eq!(lines, ["- 一二三", "  四五六"]);
    }
}
