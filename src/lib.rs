//! policy-toolbox: find the public assistance a household is entitled to.
//!
//! The domain (catalog, profile, rules, verdicts, pages) knows nothing of terminals; the
//! command line in `commands` is a thin shell over it.

pub mod cases;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod export;
pub mod facts;
pub mod fsutil;
pub mod logfile;
pub mod page;
pub mod problem;
pub mod profile;
pub mod rules;
pub mod screen;
pub mod search;
pub mod text;
pub mod tui;
pub mod values;
pub mod verdict;
pub mod yaml;
