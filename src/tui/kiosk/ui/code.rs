//! The list's QR code, on the whole screen and as large as it allows.
//!
//! The code holds the same text as the printed list's code (`export::qr::payload`). A small
//! screen cannot show a long list's code at a size a phone reads, so the code then holds the
//! first items that fit and says so. It is drawn black on white whatever the theme, because
//! only dark modules on a light ground scan reliably.

use qrcode::{EcLevel, QrCode};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::state::{Action, Hit, Kiosk};
use super::widgets::{self, Drawn};
use crate::export::PolicyList;
use crate::export::qr::payload;

/// Light modules around the code.
const QUIET: usize = 2;

/// The code on the whole screen: a line above saying what to do, a line below with the keys;
/// a touch anywhere goes back.
pub fn qr(f: &mut Frame, k: &Kiosk, area: Rect, d: &mut Drawn) {
    let Some(list) = k.policy_list() else { return };
    let t = k.texts;
    let [title, code, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    d.hits.push(Hit {
        area,
        action: Action::Back,
    });
    let mut keys = vec![format!("0 {}", t.back), format!("9 {}", t.restart)];
    if k.config.print_command.is_some() {
        keys.insert(0, format!("7 {}", t.print));
    }
    let keys = Line::styled(keys.join(" · "), k.theme.key);
    f.render_widget(Paragraph::new(keys).centered(), note);
    let Some((modules, kept)) = fitting(&list, code) else {
        widgets::text(f, vec![Line::from(t.qr_title)], k.theme.title, title);
        widgets::text(f, vec![Line::from(t.qr_none)], k.theme.warning, code);
        return;
    };
    let (say, style) = if kept < list.len() {
        (
            t.qr_partial.replace("{k}", &kept.to_string()),
            k.theme.warning,
        )
    } else {
        (t.qr_scan.to_string(), k.theme.base)
    };
    let head = Line::from(vec![
        Span::styled(t.qr_title, k.theme.title),
        Span::raw("  "),
        Span::styled(say, style),
    ]);
    f.render_widget(Paragraph::new(head).centered(), title);
    draw_code(f, &modules, code);
}

/// The largest code that fits: every item with phones, then as many items as fit (fewer
/// items never make a bigger code, so a binary search finds them); with how many it holds.
/// A code with no item at all is not worth scanning, so then there is none.
pub fn fitting(list: &PolicyList, area: Rect) -> Option<(Vec<Vec<bool>>, usize)> {
    let n = list.len();
    if let Some(code) = code_within(&payload(list, n, true), area) {
        return Some((modules(&code), n));
    }
    let (mut lo, mut hi) = (0, n);
    let mut best = None;
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        match code_within(&payload(list, mid, false), area) {
            Some(code) => {
                best = Some((modules(&code), mid));
                lo = mid;
            }
            None => hi = mid - 1,
        }
    }
    best.filter(|(_, kept)| *kept > 0)
}

/// The code for a text, if it fits the area with its quiet zone.
fn code_within(text: &str, area: Rect) -> Option<QrCode> {
    let code = QrCode::with_error_correction_level(text, EcLevel::L).ok()?;
    let side = code.width() + 2 * QUIET;
    (side <= area.width as usize && side.div_ceil(2) <= area.height as usize).then_some(code)
}

/// The dark modules row by row, with the quiet zone around them.
fn modules(code: &QrCode) -> Vec<Vec<bool>> {
    let w = code.width();
    let colors = code.to_colors();
    let side = w + 2 * QUIET;
    (0..side)
        .map(|y| {
            (0..side)
                .map(|x| {
                    let inside = (QUIET..QUIET + w).contains(&x) && (QUIET..QUIET + w).contains(&y);
                    inside && colors[(y - QUIET) * w + (x - QUIET)] == qrcode::Color::Dark
                })
                .collect()
        })
        .collect()
}

/// Two rows of modules per line of text, in half blocks.
fn draw_code(f: &mut Frame, m: &[Vec<bool>], area: Rect) {
    let side = m.len();
    let lines: Vec<Line> = (0..side)
        .step_by(2)
        .map(|y| {
            let row: String = (0..side)
                .map(|x| {
                    let top = m[y][x];
                    let bottom = m.get(y + 1).is_some_and(|r| r[x]);
                    match (top, bottom) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    }
                })
                .collect();
            Line::from(row)
        })
        .collect();
    let h = lines.len() as u16;
    let cell = widgets::centered(area, side as u16, h);
    let ink = Style::default().fg(Color::Black).bg(Color::White);
    f.render_widget(Paragraph::new(lines).style(ink), cell);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{self, Source};
    use crate::export::{self, Options, Selection};
    use crate::profile::Household;

    fn decode(m: &[Vec<bool>]) -> String {
        let side = m.len();
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side * 4, side * 4, |x, y| {
            if m[y / 4][x / 4] { 0 } else { 255 }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code is found");
        grids[0].decode().expect("the code decodes").1
    }

    #[test]
    fn the_code_on_screen_decodes_to_the_first_items_that_fit() {
        let cat = catalog::load(&Source::bundled()).unwrap();
        let h = Household::default();
        let list = export::build(
            &cat,
            &h,
            &Selection::Relevant,
            "2026-12-03",
            Options::default(),
        );
        let (m, kept) = fitting(&list, Rect::new(0, 0, 116, 36)).expect("a code fits");
        assert!(kept > 0 && kept < list.len());
        let text = decode(&m);
        assert_eq!(text, payload(&list, kept, false));
        assert!(text.starts_with("帮扶政策清单 2026-12-03"), "{text}");
        let big = fitting(&list, Rect::new(0, 0, 400, 200)).unwrap();
        assert!(big.1 > kept, "a bigger screen holds more");
        assert!(fitting(&list, Rect::new(0, 0, 40, 12)).is_none());
    }
}
