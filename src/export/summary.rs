//! The few lines at the top of a list that say which household it is for.
//!
//! Names appear only when the clerk asks for them: a list handed over or photographed should
//! not identify a person by default.

use crate::facts::{self, Scope};
use crate::profile::{FactValue, Household};
use crate::text::num;

/// Short lines describing the household.
/// Members are named when the household carries names; `export::build` removes them unless
/// the clerk asked for names.
pub fn describe(h: &Household) -> Vec<String> {
    let mut lines = Vec::new();
    let mut basics = Vec::new();
    for key in ["hukou", "area", "town", "housing"] {
        if let Some(FactValue::Word(w)) = h.get(key) {
            basics.push(word(key, w));
        }
    }
    if let Some(FactValue::Num(n)) = h.get("income_per_capita_monthly") {
        basics.push(format!("人均月收入 {} 元", num(*n)));
    }
    if !basics.is_empty() {
        lines.push(basics.join(" · "));
    }
    if let Some(FactValue::Set(s)) = h.get("status")
        && !s.is_empty()
    {
        let words: Vec<String> = s.iter().map(|w| word("status", w)).collect();
        lines.push(format!("已有认定：{}", words.join("、")));
    }
    if let Some(ms) = &h.members {
        let people: Vec<String> = ms.iter().map(|m| m.describe()).collect();
        lines.push(format!("家庭成员 {} 人：{}", ms.len(), people.join("、")));
    }
    if lines.is_empty() {
        lines.push("未填写家庭情况，清单按可能符合列出。".to_string());
    }
    lines
}

fn word(key: &str, value: &str) -> String {
    let Some(f) = facts::find(Scope::Household, key) else {
        return value.to_string();
    };
    let zh = f.word(value);
    if zh.is_empty() {
        value.to_string()
    } else {
        zh.to_string()
    }
}
