//! The command line of the design contract, as clap definitions.
//!
//! Only the shape lives here; what each command does is in `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Find the public assistance a household is entitled to.
#[derive(Debug, Parser)]
#[command(name = "policy-toolbox", version, about)]
pub struct Cli {
    /// Use the catalog in this folder instead of the bundled one.
    #[arg(long, global = true, value_name = "DIR")]
    pub catalog: Option<PathBuf>,

    /// Language of the interface (catalog texts stay as written).
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List items, optionally of one category or provider.
    List {
        /// A category name, such as 救助保障.
        #[arg(long)]
        category: Option<String>,
        /// A provider id or name, such as minzheng or 区民政局.
        #[arg(long)]
        provider: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Show the plain page of one item.
    Show {
        id: String,
        /// Add this household's verdict on the item.
        #[arg(long, value_name = "FILE")]
        profile: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Count items, categories and providers.
    Stats {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check a catalog folder and list every problem.
    Validate {
        /// The folder to check; default: the --catalog folder or the bundled catalog.
        dir: Option<PathBuf>,
    },
    /// Every item's verdict for a household.
    Match {
        #[arg(long, value_name = "FILE")]
        profile: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Find items by Chinese, pinyin (yiliao, yljz) or everyday words (看病, 上学).
    Search {
        /// Words separated by spaces; every word must match.
        query: String,
        /// Show at most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}
