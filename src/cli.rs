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
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Txt,
    Json,
    Csv,
}

/// Output formats of `screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ScreenFormat {
    #[default]
    Csv,
    Jsonl,
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
    /// The household's policy list (帮扶政策清单): printable page, receipt, Markdown, JSON, CSV.
    Export {
        #[arg(long, value_name = "FILE")]
        profile: PathBuf,
        /// Output format; not needed with --print alone, which prints the txt form.
        #[arg(long, value_enum, required_unless_present = "print")]
        format: Option<ExportFormat>,
        /// Columns for txt: 32 for 58 mm receipt printers, 48 for 80 mm, 80 for A4.
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=400))]
        width: u16,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Put members' names on the list (left out by default).
        #[arg(long)]
        with_names: bool,
        /// Only these items (ids separated by commas); default: every 符合 and 可能符合 item.
        #[arg(long, value_delimiter = ',', value_name = "IDS")]
        items: Vec<String>,
        /// The date printed on the list, YYYY-MM-DD; default: today.
        #[arg(long)]
        date: Option<String>,
        /// Also send the txt form to the print command.
        #[arg(long)]
        print: bool,
        /// The print command; default: $POLICY_TOOLBOX_PRINT_COMMAND, else `lp`.
        #[arg(long, value_name = "CMD")]
        print_command: Option<String>,
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
    /// Batch screening: who qualifies for which items they do not yet get.
    Screen {
        /// Household records: JSON Lines (.jsonl) or CSV, one row per member; `-` for stdin.
        input: PathBuf,
        /// Output format; reasons and missing are lists in jsonl, joined with ； in csv.
        #[arg(long, value_enum, default_value_t)]
        format: ScreenFormat,
        /// Write here (errors and summary beside it) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The self-service kiosk for residents: plain questions, results, QR code, printing.
    Kiosk {
        /// Seconds without use before everything is wiped (default 120, or the config file's).
        #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(2..))]
        idle_timeout: Option<u64>,
    },
}
