//! `citeline table`: the chronology as a CSV or XLSX table, filtered as `export` filters.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::{FilterArgs, export_filter, fail, open_or_fail};
use crate::formats::table::{self, TableFormat};
use crate::model::Progress;

#[derive(Debug, clap::Args)]
pub struct TableArgs {
    pub file: PathBuf,
    /// Output table, *.csv or *.xlsx.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Only events overlapping this EDTF interval, such as 2010/2020 (undated events are left out).
    #[arg(long)]
    pub range: Option<String>,
    /// Begin the CSV with a byte order mark, by which Excel reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn table(args: &TableArgs) -> ExitCode {
    let range = match args.range.as_deref().map(crate::model::range::interval).transpose() {
        Ok(range) => range,
        Err(e) => return fail(&format!("--range: {e}")),
    };
    let format = match TableFormat::from_path(&args.output) {
        Ok(f) => f,
        Err(e) => return fail(&e),
    };
    if args.bom && format != TableFormat::Csv {
        return fail(&format!(
            "--bom: only a CSV file begins with a byte order mark, and {} is XLSX",
            args.output.display()
        ));
    }
    let started = Instant::now();
    let data = match open_or_fail(&args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let visible = match export_filter(&data.doc, &args.filter, range) {
        Ok(visible) => visible,
        Err(e) => return fail(&e),
    };
    match table::write(&data.doc, visible.as_deref(), &args.output, args.bom, &Progress::default()) {
        Ok(rows) => {
            eprintln!(
                "wrote {} ({rows} row{}, {}) in {:.2} s",
                args.output.display(),
                if rows == 1 { "" } else { "s" },
                format.name(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}
