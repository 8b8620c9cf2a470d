//! policy-toolbox: find the public assistance a household is entitled to.
//!
//! The domain (catalog, profile, rules, verdicts, pages) knows nothing of terminals; the
//! command line in `commands` is a thin shell over it.

/// mimalloc for the program, its tests and its benchmarks alike: judging a household makes many
/// small strings, and a batch judges a million households; with the system allocator, batch
/// screening was a quarter slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
