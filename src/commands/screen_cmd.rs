//! `screen`: batch screening of a household file into results, an errors file and a summary.
//!
//! Unlike the other commands this one writes while it runs, because its input can be larger
//! than memory. With `-o FILE`, everything goes to temporary files beside FILE that are renamed
//! into place only when the run finishes, so a crash or a bad header never leaves half a
//! result: FILE, `FILE.errors.txt` (every rejected row, empty when there is none) and
//! `FILE.summary.csv` or `.jsonl` (households per item). An existing FILE is replaced only with
//! `--force`, as `export` does; the two companion files belong to it and are always replaced.
//! Without `-o`, results go to standard output and problems only to standard error.
//!
//! Standard error gets the first problems, a progress bar when it is a terminal and the run
//! is long, then the per-item summary and the balance of rows. Nothing else is logged: the
//! records are personal data, and the only copies made are the files the office asked for.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Failure, Output};
use crate::catalog::Catalog;
use crate::cli::{Command, ScreenFormat};
use crate::fsutil::Pending;
use crate::screen::{self, Format, InputKind, Observer, Rejection, Stop, Totals};

/// Problems shown on the terminal when they also go to the errors file.
const SHOWN: u64 = 20;

/// Items in the terminal's summary when the full summary is in a file.
const TOP_ITEMS: usize = 15;

/// Runs shorter than this show no progress bar.
const QUIET_FOR: Duration = Duration::from_secs(1);

pub fn run(cat: &Catalog, command: Command) -> Result<Output, Failure> {
    let Command::Screen {
        input,
        format,
        output,
        force,
    } = command
    else {
        unreachable!("dispatch passes only screen here")
    };
    let format = match format {
        ScreenFormat::Csv => Format::Csv,
        ScreenFormat::Jsonl => Format::Jsonl,
    };
    let source = Source::open(&input)?;
    match output {
        Some(path) => to_files(cat, source, format, &path, force),
        None => to_stdout(cat, source, format),
    }
}

/// The input file (or stdin), its name in messages, its size and format when known.
struct Source {
    name: String,
    reader: Box<dyn BufRead>,
    size: Option<u64>,
    kind: Option<InputKind>,
    path: Option<PathBuf>,
}

impl Source {
    fn open(path: &Path) -> Result<Source, Failure> {
        if path.as_os_str() == "-" {
            return Ok(Source {
                name: "<stdin>".into(),
                reader: Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
                size: None,
                kind: None,
                path: None,
            });
        }
        let name = path.display().to_string();
        let cannot = |e: io::Error| Failure::Message(format!("cannot read {name}: {e}"));
        if path.is_dir() {
            let msg = format!("{name} is a folder; give the household file (.jsonl or .csv)");
            return Err(Failure::Message(msg));
        }
        let file = File::open(path).map_err(cannot)?;
        let size = file.metadata().ok().map(|m| m.len());
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let kind = match ext.as_deref() {
            Some("jsonl" | "ndjson" | "json") => Some(InputKind::Jsonl),
            Some("csv") => Some(InputKind::Csv),
            _ => None,
        };
        Ok(Source {
            name,
            reader: Box::new(BufReader::with_capacity(1 << 20, file)),
            size,
            kind,
            path: Some(path.to_path_buf()),
        })
    }
}

fn to_stdout(cat: &Catalog, src: Source, format: Format) -> Result<Output, Failure> {
    let mut report = Report::new(&src.name, None, src.size);
    let mut out = BufWriter::new(io::stdout().lock());
    let result = screen::screen(
        cat,
        &src.name,
        src.reader,
        src.kind,
        format,
        &mut out,
        &mut report,
    );
    let totals = match result {
        // `| head` closed the pipe: the reader has what it wanted.
        Err(Stop::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(Output {
                stdout: String::new(),
                failed: false,
            });
        }
        other => other.map_err(|stop| failure(&src.name, "standard output", stop))?,
    };
    report.finish(cat, &totals, &[]);
    Ok(done(&totals))
}

fn to_files(
    cat: &Catalog,
    src: Source,
    format: Format,
    path: &Path,
    force: bool,
) -> Result<Output, Failure> {
    check_target(path, src.path.as_deref(), force)?;
    let summary_ext = match format {
        Format::Csv => ".summary.csv",
        Format::Jsonl => ".summary.jsonl",
    };
    let (errors_path, summary_path) = (beside(path, ".errors.txt"), beside(path, summary_ext));
    let create = |p: &Path, large| Pending::create(p, large).map_err(|e| cannot_write(p, &e));
    let mut results = create(path, true)?;
    let mut errors = create(&errors_path, false)?;
    let mut summary = create(&summary_path, false)?;
    let mut report = Report::new(&src.name, Some(&mut errors), src.size);
    let target = path.display().to_string();
    let totals = screen::screen(
        cat,
        &src.name,
        src.reader,
        src.kind,
        format,
        &mut results,
        &mut report,
    )
    .map_err(|stop| failure(&src.name, &target, stop))?;
    let files = [
        format!("results: {}", path.display()),
        format!("errors:  {}", errors_path.display()),
        format!("summary: {}", summary_path.display()),
    ];
    report.finish(cat, &totals, &files);
    let written = totals
        .summary
        .write(cat, format, &mut summary)
        .map_err(|e| cannot_write(&summary_path, &e));
    written?;
    // Results last, so that a results file in place always has its companions beside it.
    let commit = |f: &mut Pending, p: &Path| f.commit().map_err(|e| cannot_write(p, &e));
    commit(&mut errors, &errors_path)?;
    commit(&mut summary, &summary_path)?;
    commit(&mut results, path)?;
    Ok(done(&totals))
}

/// Exit status 1 when rows were left out: the results are written, but not for everyone.
fn done(totals: &Totals) -> Output {
    Output {
        stdout: String::new(),
        failed: totals.rows_rejected > 0,
    }
}

fn failure(input: &str, target: &str, stop: Stop) -> Failure {
    match stop {
        Stop::Header(why) => {
            let text: Vec<String> = why.iter().map(|r| r.display(input).to_string()).collect();
            Failure::Message(format!("{}\nnothing was screened", text.join("\n")))
        }
        Stop::Read(e) => Failure::Message(format!("cannot read {input}: {e}")),
        Stop::Write(e) => Failure::Message(format!("cannot write {target}: {e}")),
    }
}

fn cannot_write(path: &Path, e: &io::Error) -> Failure {
    Failure::Message(format!("cannot write {}: {e}", path.display()))
}

/// Refuse a target that is a folder, that exists (without --force) or that is the input.
fn check_target(path: &Path, input: Option<&Path>, force: bool) -> Result<(), Failure> {
    let shown = path.display();
    if path.is_dir() {
        return Err(Failure::Message(format!(
            "{shown} is a folder; give a file name"
        )));
    }
    let same = |a: &Path, b: &Path| match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if input.is_some_and(|i| same(i, path)) {
        let msg = format!("{shown} is the input file; write the results to another file");
        return Err(Failure::Message(msg));
    }
    if path.exists() && !force {
        return Err(Failure::Message(format!(
            "{shown} already exists; use --force to replace it, or choose another name"
        )));
    }
    Ok(())
}

/// `FILE` with `suffix` added to its name: `out.csv` → `out.csv.errors.txt`.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

/// What the terminal and the errors file hear during a run.
struct Report<'a> {
    input: &'a str,
    errors: Option<&'a mut Pending>,
    messages: u64,
    bar: ProgressBar,
    started: Instant,
}

impl<'a> Report<'a> {
    fn new(input: &'a str, errors: Option<&'a mut Pending>, size: Option<u64>) -> Self {
        let bar = ProgressBar::with_draw_target(size, ProgressDrawTarget::hidden());
        let template = "{spinner} {elapsed} [{wide_bar}] {percent}% · {msg} · {eta} left";
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        Report {
            input,
            errors,
            messages: 0,
            bar,
            started: Instant::now(),
        }
    }

    fn say(&self, text: &str) {
        self.bar.suspend(|| {
            let _ = writeln!(io::stderr(), "{text}");
        });
    }

    /// The per-item summary, the files written and the balance of rows, on standard error.
    fn finish(&mut self, cat: &Catalog, t: &Totals, files: &[String]) {
        self.bar.finish_and_clear();
        let mut text = String::new();
        if self.errors.is_some() && self.messages > SHOWN {
            let more = self.messages - SHOWN;
            text.push_str(&format!("… and {more} more problems in the errors file\n"));
        }
        let limit = if files.is_empty() {
            usize::MAX
        } else {
            TOP_ITEMS
        };
        text.push_str(&t.summary.table(cat, limit));
        for f in files {
            text.push_str(&format!("{f}\n"));
        }
        let secs = self.started.elapsed().as_secs_f64();
        text.push_str(&format!("{} rows written in {secs:.1} s", t.found));
        if secs >= 1.0 {
            let rate = t.households as f64 / secs;
            text.push_str(&format!(" ({rate:.0} households a second)"));
        }
        text.push('\n');
        text.push_str(&t.balance());
        self.say(&text);
    }
}

impl Observer for Report<'_> {
    fn rejected(&mut self, why: &Rejection) -> io::Result<()> {
        let text = why.display(self.input).to_string();
        self.messages += 1;
        match self.errors.as_deref_mut() {
            Some(file) => {
                writeln!(file, "{text}")?;
                if self.messages <= SHOWN {
                    self.say(&text);
                }
            }
            None => self.say(&text),
        }
        Ok(())
    }

    fn progress(&mut self, bytes: u64, totals: &Totals) {
        if self.bar.is_hidden() && self.started.elapsed() > QUIET_FOR {
            // Hidden again by indicatif when standard error is not a terminal.
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.set_position(bytes);
        self.bar.set_message(format!(
            "{} households, {} rows left out",
            totals.households, totals.rows_rejected
        ));
    }
}
