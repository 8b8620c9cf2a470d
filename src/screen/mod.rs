//! Batch screening: which households of a file qualify for which items they do not yet get.
//!
//! A civil-affairs office exports its household records (JSON Lines, or CSV with one row per
//! member) and gets back one row per household and item that is 符合 or 可能符合, minus the
//! items the household already `received`. The verdicts are those of `match`: each record is
//! checked as a profile file is, and judged by one [`crate::rules::eval::Judge`] for all items.
//!
//! Nothing is lost. A record that cannot be read is reported with its line and left out, the
//! run goes on, and the totals balance: rows read = rows screened + rows rejected.
//!
//! The input streams through in chunks of [`CHUNK`] records: a chunk is read, its records are
//! parsed and screened on every core (rayon), and the results are written in input order,
//! while the next chunk is already being screened. Memory is bounded by the chunks in flight,
//! except for one 8-byte hash per household id, which finding duplicates needs. Files, progress
//! bars and the terminal are left to the command layer.

mod csv;
mod jsonl;
mod lines;
mod output;
mod quick_csv;
mod quick_json;
mod record;
mod table;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, BufRead, Write};

use rayon::prelude::*;

use crate::catalog::Catalog;
use crate::profile::MAX_PROFILE_BYTES;
use crate::verdict::{Status, judge, judged_status, status_of_truth};
use crate::yaml::{self, Doc};
pub use csv::column_names;
pub use output::{COLUMNS, Format, JOIN, Summary};
pub use record::{BATCH_KEYS, Record, Rejection};

/// Records screened together; output and memory come in pieces of this size.
pub const CHUNK: usize = 512;

/// A line longer than a profile file may be is refused without being read into memory.
pub const MAX_LINE_BYTES: usize = MAX_PROFILE_BYTES;

/// The two batch input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Jsonl,
    Csv,
}

/// The counts of a run. `rows_read == rows_screened + rows_rejected` always holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub kind: InputKind,
    /// Rows that hold a record: blank lines and the CSV header are not counted.
    pub rows_read: u64,
    pub rows_screened: u64,
    pub rows_rejected: u64,
    pub households: u64,
    /// Rows written to the output.
    pub found: u64,
    pub summary: Summary,
}

impl Totals {
    /// The final line of a run, which shows that every row is accounted for.
    pub fn balance(&self) -> String {
        let (n, h, r) = (self.rows_read, self.households, self.rows_rejected);
        match self.kind {
            InputKind::Jsonl => {
                format!("rows read {n} = households screened {h} + rows rejected {r}")
            }
            InputKind::Csv => format!(
                "rows read {n} = rows screened {} (households screened {h}) + rows rejected {r}",
                self.rows_screened
            ),
        }
    }
}

/// Where a run reports as it goes: the command line shows these on a terminal and in files.
pub trait Observer {
    /// One reason a row was left out.
    fn rejected(&mut self, why: &Rejection) -> io::Result<()>;

    /// Called after each chunk with the input bytes consumed so far.
    fn progress(&mut self, _bytes: u64, _totals: &Totals) {}
}

/// Why a run stopped before the end of the input.
#[derive(Debug)]
pub enum Stop {
    /// The CSV header cannot be read, so no row can.
    Header(Vec<Rejection>),
    Read(io::Error),
    Write(io::Error),
}

/// Screen every household of `input` (named `name` in messages), writing rows to `out`.
///
/// `kind` is the input format when the caller knows it (from the file name); otherwise a text
/// that starts with `{` is JSON Lines and anything else CSV.
pub fn screen(
    cat: &Catalog,
    name: &str,
    input: impl BufRead,
    kind: Option<InputKind>,
    format: Format,
    out: &mut dyn Write,
    obs: &mut dyn Observer,
) -> Result<Totals, Stop> {
    let mut lines = lines::Lines::new(input, MAX_LINE_BYTES).map_err(Stop::Read)?;
    let kind = match kind {
        Some(k) => k,
        None => match lines.peek_start().map_err(Stop::Read)? {
            Some(b'{') => InputKind::Jsonl,
            _ => InputKind::Csv,
        },
    };
    let mut ctx = Ctx::new(cat, name, format);
    let mut sink = Sink::new(cat, kind, out, obs);
    sink.out
        .write_all(output::start(format).as_bytes())
        .map_err(Stop::Write)?;
    if kind == InputKind::Csv {
        ctx.header = read_header(&mut lines)?;
    }
    if kind == InputKind::Jsonl || ctx.header.is_some() {
        let ctx = &ctx;
        std::thread::scope(|scope| {
            let mut pipe = Pipeline::start(scope, ctx, &mut sink);
            match &ctx.header {
                None => read_jsonl(&mut lines, &mut pipe)?,
                Some(header) => read_csv(&mut lines, header, &mut pipe)?,
            }
            pipe.finish()
        })?;
    }
    sink.out.flush().map_err(Stop::Write)?;
    debug_assert_eq!(
        sink.totals.rows_read,
        sink.totals.rows_screened + sink.totals.rows_rejected
    );
    Ok(sink.totals)
}

/// Write the rows of one household: the items it qualifies for and does not yet get, eligible
/// first, then maybe, each in catalog order, as `match` lists them. Returns each item written,
/// with its place in the catalog and its status.
///
/// Most items are 不符合 for any one household, and their reasons are never shown here, so
/// every item is first decided without text, and only the rows written are explained.
fn household_rows(ctx: &Ctx, rec: &Record, out: &mut String) -> Vec<(usize, Status)> {
    let cat = ctx.cat;
    let mut j = judge(cat, &rec.household);
    let statuses: Vec<Status> = cat
        .items
        .iter()
        .map(|item| {
            if rec.received.contains(&item.id) {
                Status::Ineligible
            } else {
                judged_status(&mut j, item)
            }
        })
        .collect();
    let mut id_cell = String::new();
    output::field(&mut id_cell, &rec.id);
    let mut hits = Vec::new();
    for pass in [Status::Eligible, Status::Maybe] {
        for (index, item) in cat.items.iter().enumerate() {
            if statuses[index] != pass {
                continue;
            }
            let truth = j.explain(&item.rule);
            debug_assert_eq!(status_of_truth(truth), pass);
            let row = output::Row {
                household_id: &rec.id,
                id_cell: &id_cell,
                index,
                item,
                status: pass,
            };
            // Questions are shown for 可能符合 only, as `match` shows them.
            let missing = j
                .questions()
                .take(if pass == Status::Maybe { usize::MAX } else { 0 });
            output::row(ctx.format, &ctx.items, &row, j.reasons(), missing, out);
            hits.push((index, pass));
        }
    }
    hits
}

/// A piece of input that becomes one household or one rejection.
enum Unit {
    Line(lines::Line),
    Group(csv::Group),
}

/// What the parallel part made of a unit.
struct Done {
    id: Option<String>,
    first_line: u64,
    last_line: u64,
    rows: u64,
    result: Result<Screened, Vec<Rejection>>,
}

/// A household's output rows, already formatted, and what to count for the summary.
struct Screened {
    text: String,
    hits: Vec<(usize, Status)>,
}

/// What the parallel part needs: read-only, shared by every worker.
struct Ctx<'a> {
    cat: &'a Catalog,
    format: Format,
    /// An empty profile document naming the input, for the CSV reader.
    blank: Doc,
    header: Option<csv::Header>,
    items: output::ItemCells,
}

/// The sequential side of a run: counting, the duplicate check and writing, in input order.
struct Sink<'a> {
    out: &'a mut dyn Write,
    obs: &'a mut dyn Observer,
    totals: Totals,
    /// Hash of each household id seen, with the line it was first seen on.
    seen: HashMap<u64, u64>,
}

impl<'a> Ctx<'a> {
    fn new(cat: &'a Catalog, name: &str, format: Format) -> Self {
        let blank = yaml::parse(name, "{}", 16).expect("an empty map is valid YAML");
        Ctx {
            cat,
            format,
            blank,
            header: None,
            items: output::ItemCells::new(cat),
        }
    }
}

/// The CSV header, or `None` for an input with no rows at all.
fn read_header<R: BufRead>(lines: &mut lines::Lines<R>) -> Result<Option<csv::Header>, Stop> {
    loop {
        match lines.next_line().map_err(Stop::Read)? {
            None => return Ok(None),
            Some(l) if l.text.as_ref().is_ok_and(|t| t.trim().is_empty()) => {}
            Some(l) => return csv::header(&l).map(Some).map_err(Stop::Header),
        }
    }
}

fn read_jsonl<R: BufRead>(lines: &mut lines::Lines<R>, pipe: &mut Pipeline) -> Result<(), Stop> {
    let mut chunk = Vec::with_capacity(CHUNK);
    while let Some(line) = lines.next_line().map_err(Stop::Read)? {
        if line.text.as_ref().is_ok_and(|t| t.trim().is_empty()) {
            continue;
        }
        pipe.sink.totals.rows_read += 1;
        chunk.push(Unit::Line(line));
        if chunk.len() >= CHUNK {
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
            pipe.submit(full, lines.consumed())?;
        }
    }
    pipe.submit(chunk, lines.consumed())
}

fn read_csv<R: BufRead>(
    lines: &mut lines::Lines<R>,
    header: &csv::Header,
    pipe: &mut Pipeline,
) -> Result<(), Stop> {
    let mut grouper = csv::Grouper::new(header.clone());
    let mut groups = Vec::new();
    while let Some(line) = lines.next_line().map_err(Stop::Read)? {
        if grouper.push(&line, &mut groups) {
            pipe.sink.totals.rows_read += 1;
        }
        if groups.len() >= CHUNK {
            let chunk = groups.drain(..).map(Unit::Group).collect();
            pipe.submit(chunk, lines.consumed())?;
        }
    }
    grouper.finish(&mut groups);
    let chunk = groups.into_iter().map(Unit::Group).collect();
    pipe.submit(chunk, lines.consumed())
}

/// A chunk on its way to the workers, with the input bytes consumed when it was read.
type Work = (Vec<Unit>, u64);
type Results = (Vec<Done>, u64);

/// Chunks are screened on a thread of their own (which hands them to every core) while this
/// thread writes the chunk before and reads the chunk after: reading and writing the files
/// would otherwise leave the cores idle. At most two chunks are in flight.
struct Pipeline<'s, 'a> {
    sink: &'s mut Sink<'a>,
    work: std::sync::mpsc::SyncSender<Work>,
    done: std::sync::mpsc::Receiver<Results>,
    in_flight: usize,
}

impl<'s, 'a> Pipeline<'s, 'a> {
    fn start<'scope>(
        scope: &'scope std::thread::Scope<'scope, '_>,
        ctx: &'scope Ctx<'_>,
        sink: &'s mut Sink<'a>,
    ) -> Self {
        let (work, todo) = std::sync::mpsc::sync_channel::<Work>(1);
        let (finished, done) = std::sync::mpsc::sync_channel::<Results>(1);
        scope.spawn(move || {
            for (units, consumed) in todo {
                let screened = units.into_par_iter().map(|u| ctx.work(u)).collect();
                if finished.send((screened, consumed)).is_err() {
                    break;
                }
            }
        });
        Pipeline {
            sink,
            work,
            done,
            in_flight: 0,
        }
    }

    /// Hand a chunk to the workers, and write the one before it while they screen this one.
    fn submit(&mut self, units: Vec<Unit>, consumed: u64) -> Result<(), Stop> {
        if units.is_empty() {
            return Ok(());
        }
        self.work.send((units, consumed)).map_err(|_| stopped())?;
        self.in_flight += 1;
        if self.in_flight > 1 {
            self.write_next()?;
        }
        Ok(())
    }

    /// Write every chunk still in flight.
    fn finish(mut self) -> Result<(), Stop> {
        while self.in_flight > 0 {
            self.write_next()?;
        }
        Ok(())
    }

    fn write_next(&mut self) -> Result<(), Stop> {
        let (done, consumed) = self.done.recv().map_err(|_| stopped())?;
        self.in_flight -= 1;
        for d in done {
            self.sink.merge(d)?;
        }
        self.sink.obs.progress(consumed, &self.sink.totals);
        Ok(())
    }
}

/// The screening thread ended early, which only a bug can cause; the run stops cleanly.
fn stopped() -> Stop {
    Stop::Read(io::Error::other(
        "the screening thread stopped unexpectedly",
    ))
}

impl<'a> Sink<'a> {
    fn new(
        cat: &Catalog,
        kind: InputKind,
        out: &'a mut dyn Write,
        obs: &'a mut dyn Observer,
    ) -> Self {
        let totals = Totals {
            kind,
            rows_read: 0,
            rows_screened: 0,
            rows_rejected: 0,
            households: 0,
            found: 0,
            summary: Summary::new(cat.items.len()),
        };
        Sink {
            out,
            obs,
            totals,
            seen: HashMap::new(),
        }
    }

    /// Count and write one result, or report why it was left out.
    fn merge(&mut self, d: Done) -> Result<(), Stop> {
        let result = match (&d.id, d.result) {
            (Some(id), result) => match self.first_seen(id, d.first_line) {
                None => result,
                Some(at) => {
                    let mut why = vec![Rejection::new(
                        d.first_line,
                        format!(
                            "household_id `{}` already appeared on line {at}",
                            record::short(id)
                        ),
                        "give each household its own id; in CSV, keep its rows together",
                    )];
                    why.extend(result.err().unwrap_or_default());
                    Err(why)
                }
            },
            (None, result) => result,
        };
        match result {
            Ok(s) => {
                self.out.write_all(s.text.as_bytes()).map_err(Stop::Write)?;
                self.totals.households += 1;
                self.totals.rows_screened += d.rows;
                self.totals.found += s.hits.len() as u64;
                for (item, status) in s.hits {
                    self.totals.summary.add(item, status);
                }
            }
            Err(why) => {
                for r in &why {
                    self.report(r)?;
                }
                if d.rows > 1 {
                    let id = record::short(d.id.as_deref().unwrap_or_default());
                    let msg = format!(
                        "household `{id}` is left out: all {} of its rows, lines {}-{}",
                        d.rows, d.first_line, d.last_line
                    );
                    let fix = "fix the problems above and run again";
                    self.report(&Rejection::new(d.first_line, msg, fix))?;
                }
                self.totals.rows_rejected += d.rows;
            }
        }
        Ok(())
    }

    fn report(&mut self, r: &Rejection) -> Result<(), Stop> {
        self.obs.rejected(r).map_err(Stop::Write)
    }

    /// The line an id was first seen on, or `None` (and remember it) when it is new.
    fn first_seen(&mut self, id: &str, line: u64) -> Option<u64> {
        let mut h = DefaultHasher::new();
        id.hash(&mut h);
        match self.seen.entry(h.finish()) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(line);
                None
            }
        }
    }
}

impl Ctx<'_> {
    fn work(&self, unit: Unit) -> Done {
        let (id, first_line, last_line, rows, parsed) = match unit {
            Unit::Line(line) => {
                let (id, parsed) = self.line(&line);
                (id, line.number, line.number, 1, parsed)
            }
            Unit::Group(g) => {
                let header = self.header.as_ref().expect("groups come after the header");
                let (id, first, last, count) = (g.id.clone(), g.first_line, g.last_line, g.count);
                let parsed = match quick_csv::read(self.cat, header, &g) {
                    Some(record) => Ok(record),
                    None => table::household(self.cat, header, &self.blank, g),
                };
                (id, first, last, count, parsed)
            }
        };
        let result = parsed.map(|rec| {
            let mut text = String::with_capacity(8192);
            let hits = household_rows(self, &rec, &mut text);
            Screened { text, hits }
        });
        Done {
            id,
            first_line,
            last_line,
            rows,
            result,
        }
    }

    fn line(&self, line: &lines::Line) -> (Option<String>, Result<Record, Vec<Rejection>>) {
        let n = line.number;
        let (id, result) = match &line.text {
            Ok(text) => {
                let p = jsonl::parse_line(self.cat, &self.blank, n, text);
                (p.id, p.result)
            }
            Err(d) => {
                let (msg, fix) = d.describe();
                (None, Err(vec![Rejection::new(n, msg, fix)]))
            }
        };
        let result = result.map_err(|mut why| {
            if !line.ended {
                let fix = "the file may have been cut short; check that the export finished";
                why.push(Rejection::new(n, "the last line has no line end", fix));
            }
            why
        });
        (id, result)
    }
}
