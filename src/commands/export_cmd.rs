//! `export`: the household's policy list in a chosen format, to a file, stdout or a printer.

use super::{Failure, Output, read_profile};
use crate::catalog::Catalog;
use crate::catalog::load::is_date;
use crate::cli::{Command, ExportFormat};
use crate::export::print::send_to_printer;
use crate::export::{self, Options, PolicyList, Selection, qr};
use crate::fsutil::write_atomic;
use crate::problem::nearest;
use crate::text::today;

pub fn run(cat: &Catalog, command: Command) -> Result<Output, Failure> {
    let Command::Export {
        profile,
        format,
        width,
        output,
        force,
        with_names,
        items,
        date,
        print,
        print_command,
    } = command
    else {
        unreachable!("dispatch passes only export here")
    };
    let h = read_profile(&profile)?;
    let selection = selection(cat, items)?;
    let date = match date {
        Some(d) if is_date(&d) => d,
        Some(d) => return Err(Failure::Message(format!("--date `{d}` is not YYYY-MM-DD"))),
        None => today(),
    };
    let list = export::build(cat, &h, &selection, &date, Options { with_names });
    if print {
        send_to_printer(&export::txt::render(&list, width.into()), print_command)
            .map_err(Failure::Message)?;
    }
    let Some(format) = format else {
        return Ok(Output {
            stdout: String::new(),
            failed: false,
        });
    };
    let text = render(&list, format, width.into());
    match output {
        Some(path) => {
            write_atomic(&path, text.as_bytes(), force).map_err(Failure::Message)?;
            Ok(Output {
                stdout: String::new(),
                failed: false,
            })
        }
        None => Ok(Output {
            stdout: text,
            failed: false,
        }),
    }
}

fn selection(cat: &Catalog, ids: Vec<String>) -> Result<Selection, Failure> {
    if ids.is_empty() {
        return Ok(Selection::Relevant);
    }
    let known: Vec<&str> = cat.items.iter().map(|i| i.id.as_str()).collect();
    if let Some(bad) = ids.iter().find(|id| !known.contains(&id.as_str())) {
        let hint = nearest(bad, known.iter().copied())
            .map_or(String::new(), |n| format!("; did you mean `{n}`?"));
        return Err(Failure::Message(format!("unknown item `{bad}`{hint}")));
    }
    Ok(Selection::Items(ids))
}

/// The list in one format.
pub fn render(list: &PolicyList, format: ExportFormat, width: usize) -> String {
    match format {
        ExportFormat::Md => export::md::render(list),
        ExportFormat::Html => export::html::render(list, &qr::for_list(list)),
        ExportFormat::Txt => export::txt::render(list, width),
        ExportFormat::Json => export::to_json(list),
        ExportFormat::Csv => export::csv::render(list),
    }
}
