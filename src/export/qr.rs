//! A QR code holding a compact text version of the list, so a resident can carry it on a phone.
//!
//! The text lists item names with their phone numbers, 符合 first. A code above version 20
//! (97 × 97 modules) is hard to scan from a receipt, so a long list is shortened: first the
//! phone numbers move to one line at the end, then only the first items stay, and the text and
//! a note both say how many were left out.

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode, Version};

use super::PolicyList;
use crate::verdict::Status;

/// The largest code version a phone reads reliably from paper.
pub const MAX_VERSION: i16 = 20;

/// A code and what it holds.
pub struct Qr {
    pub payload: String,
    /// Set when the list did not fit and the code holds less than the list.
    pub shortened: Option<String>,
    code: QrCode,
}

impl std::fmt::Debug for Qr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Qr")
            .field("payload", &self.payload)
            .finish()
    }
}

/// The code for a list, shortened when needed.
pub fn for_list(list: &PolicyList) -> Qr {
    let n = list.len();
    let attempts = std::iter::once((n, true)).chain((0..=n).rev().map(|k| (k, false)));
    for (keep, phones) in attempts {
        let payload = payload(list, keep, phones);
        if let Some(code) = fits(&payload) {
            let shortened = (keep < n).then(|| {
                format!(
                    "清单较长，二维码里只放了前 {keep} 项，其余 {} 项请看纸质清单。",
                    n - keep
                )
            });
            return Qr {
                payload,
                shortened,
                code,
            };
        }
    }
    let payload = format!("{} {}\n{}", list.title, list.date, hotline_line(list));
    let code =
        QrCode::with_error_correction_level(&payload, EcLevel::L).expect("a short text fits");
    Qr {
        payload,
        shortened: Some("清单太长，二维码只放了热线。".into()),
        code,
    }
}

fn fits(payload: &str) -> Option<QrCode> {
    let code = QrCode::with_error_correction_level(payload, EcLevel::M).ok()?;
    match code.version() {
        Version::Normal(v) if v <= MAX_VERSION => Some(code),
        _ => None,
    }
}

fn hotline_line(list: &PolicyList) -> String {
    format!("不清楚打{}", list.hotline)
}

/// The text in the code: the first `keep` entries, with each phone when `phones`.
pub fn payload(list: &PolicyList, keep: usize, phones: bool) -> String {
    let mut lines = vec![format!("{} {}", list.title, list.date)];
    let mut last_status = None;
    let mut numbers: Vec<&str> = Vec::new();
    for (_, e) in list.entries().take(keep) {
        if last_status != Some(e.status) {
            lines.push(
                if e.status == Status::Eligible {
                    "符合："
                } else {
                    "可能符合："
                }
                .into(),
            );
            last_status = Some(e.status);
        }
        if phones {
            lines.push(format!("{} {}", e.name, e.phone));
        } else {
            lines.push(e.name.clone());
            if !numbers.contains(&e.phone.as_str()) {
                numbers.push(&e.phone);
            }
        }
    }
    if keep < list.len() {
        lines.push(format!("……另有 {} 项见纸质清单", list.len() - keep));
    }
    if !numbers.is_empty() {
        lines.push(format!("电话：{}", numbers.join("、")));
    }
    lines.push(hotline_line(list));
    lines.join("\n")
}

impl Qr {
    /// An inline SVG, black on white, scaled to `size_mm` millimetres.
    pub fn svg(&self, size_mm: u32) -> String {
        let raw = self
            .code
            .render::<svg::Color>()
            .quiet_zone(true)
            .min_dimensions(200, 200)
            .build();
        let body = raw.trim_start_matches(|c| c != '<').replacen(
            "<?xml version=\"1.0\" standalone=\"yes\"?>",
            "",
            1,
        );
        body.replacen(
            "<svg ",
            &format!("<svg style=\"width:{size_mm}mm;height:{size_mm}mm\" "),
            1,
        )
    }

    /// The code in half-block characters for a terminal: two modules per character cell.
    pub fn half_blocks(&self) -> String {
        self.code
            .render::<unicode::Dense1x2>()
            .dark_color(unicode::Dense1x2::Light)
            .light_color(unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build()
    }

    /// The code as terminal rows with a quiet zone of `margin` modules, two module rows per
    /// character row; light modules are drawn as full blocks, so the code reads on a dark
    /// terminal. A narrow margin lets a small code fit a 24-row terminal.
    pub fn terminal_rows(&self, margin: usize) -> Vec<String> {
        let (w, dark) = self.modules();
        let side = w + 2 * margin;
        let light = |x: usize, y: usize| {
            let inside = (margin..margin + w).contains(&x) && (margin..margin + w).contains(&y);
            !inside || !dark[(y - margin) * w + (x - margin)]
        };
        (0..side.div_ceil(2))
            .map(|row| {
                (0..side)
                    .map(|x| {
                        let top = light(x, 2 * row);
                        let bottom = 2 * row + 1 >= side || light(x, 2 * row + 1);
                        match (top, bottom) {
                            (true, true) => '█',
                            (true, false) => '▀',
                            (false, true) => '▄',
                            (false, false) => ' ',
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// Side length in modules and the dark modules row by row, for decoders and custom drawing.
    pub fn modules(&self) -> (usize, Vec<bool>) {
        let w = self.code.width();
        let dark = self
            .code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        (w, dark)
    }
}
