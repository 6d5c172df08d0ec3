//! The `newslint` command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use newslint::claims_output::{self, ClaimsFormat};
use newslint::render::{self, Format, Report};
use newslint::run::{self, Options};

#[derive(Parser, Debug)]
#[command(
    name = "newslint",
    version,
    about = "Claim-consistency checker for news writing: finds contradictions, drift and \
             stale values of the facts your coverage depends on, across articles.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Args, Debug, Clone)]
struct CommonArgs {
    /// Rule file or folder (repeatable). Default: newslint.yaml or .newslint.yaml found from
    /// the working directory upward, else ./rules/.
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Skip article files larger than this many bytes (default 16 MiB, at most 4 GiB).
    #[arg(long, value_name = "BYTES")]
    max_file_size: Option<u64>,
    /// Threads to read and check files with, at most 512 (default 0: one per core, or
    /// RAYON_NUM_THREADS). The output is the same with any number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(0..=512))]
    threads: Option<u16>,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// Articles: files or folders (searched recursively for .txt and .md).
    #[arg(value_name = "PATHS")]
    paths: Vec<PathBuf>,
    /// A draft to check against the corpus (repeatable); only findings involving a draft
    /// are reported.
    #[arg(long = "drafts", visible_alias = "draft", value_name = "PATH")]
    drafts: Vec<PathBuf>,
    /// Publication date for undated drafts (YYYY-MM-DD): their relative values are resolved
    /// from it, and their titles compared with those of dated articles near it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Do not report findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (for adopting newslint on an archive).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorWhen,
    /// No progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// After the report, print to standard error how much was read and found and how long
    /// each step took (each check across articles on its own).
    #[arg(long)]
    stats: bool,
    /// Human format: show at most this many findings per rule (0: all); the rest are counted.
    #[arg(long, value_name = "N", default_value_t = 50)]
    max_per_rule: usize,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print every claim extracted, normalized (the fact sheet).
    Claims {
        #[arg(value_name = "PATHS", required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: ClaimsFormat,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// List every fact and built-in check (id, type, source, level).
    Rules {
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
    },
    /// Explain a fact or a built-in check.
    Explain {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<PathBuf>,
    },
    /// Run the examples embedded in fact rules.
    TestRules {
        /// Rule files or folders (default: the usual lookup).
        #[arg(value_name = "PATHS")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorWhen,
    },
    /// Write a starter newslint.yaml and rules/example.yaml here (never overwrites).
    Init,
    /// Print the JSON Schema of rule files and newslint.yaml.
    Schema,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    newslint::article::parse_date_prefix(s)
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("`{s}` is not a YYYY-MM-DD date"))
}

// An archive run makes and frees millions of small buffers on every core; jemalloc handles
// that with about a fifth less processor time than the system allocator, at the same peak.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Makes jemalloc return the memory free in all its arenas now (see `newslint::memory`).
#[cfg(not(target_env = "msvc"))]
fn release_free_memory() {
    // SAFETY: `arena.<MALLCTL_ARENAS_ALL>.purge` takes and returns nothing; the name is a
    // NUL-terminated string. A failure (an unknown name) leaves everything as it was.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

fn main() -> ExitCode {
    #[cfg(not(target_env = "msvc"))]
    newslint::memory::install(release_free_memory);
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Some(Command::Claims {
            paths,
            format,
            common,
        }) => claims(paths, format, common),
        Some(Command::Rules { rules }) => rules_list(&rules),
        Some(Command::Explain { id, rules }) => explain(&rules, &id),
        Some(Command::TestRules { paths, color }) => test_rules(&paths, color),
        Some(Command::Init) => init(),
        Some(Command::Schema) => {
            print!("{}", newslint::commands::schema::rule_file_schema());
            0
        }
        None => check(cli.check),
    };
    ExitCode::from(code as u8)
}

fn use_color(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn rules_list(paths: &[PathBuf]) -> i32 {
    let loaded = run::load_rules(paths);
    let mut out = std::io::stdout().lock();
    let broken = newslint::commands::print_rule_problems(&loaded, &mut std::io::stderr());
    let _ = newslint::commands::rules_list::write(&loaded.rules, &mut out);
    if broken { 2 } else { 0 }
}

fn explain(paths: &[PathBuf], id: &str) -> i32 {
    let loaded = run::load_rules(paths);
    let broken = newslint::commands::print_rule_problems(&loaded, &mut std::io::stderr());
    match newslint::commands::explain::write(&loaded.rules, id, &mut std::io::stdout().lock()) {
        Ok(true) if !broken => 0,
        Ok(true) => 2,
        Ok(false) => {
            eprintln!("error: no fact or check has the id `{id}` (see `newslint rules`)");
            2
        }
        Err(_) => 2,
    }
}

fn test_rules(paths: &[PathBuf], color: ColorWhen) -> i32 {
    let loaded = run::load_rules(paths);
    newslint::commands::test_rules::run(&loaded, use_color(color), &mut std::io::stdout().lock())
        .unwrap_or(2)
}

fn init() -> i32 {
    let here = std::env::current_dir().unwrap_or_default();
    match newslint::commands::init::init(&here) {
        Ok(written) => {
            for w in written {
                println!("wrote {w}");
            }
            println!(
                "next: edit rules/example.yaml, then run `newslint test-rules` and `newslint PATHS`"
            );
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            2
        }
    }
}

/// Sets how many threads check files (`--threads`; 0 or none: rayon's default). Called
/// before any parallel work, as the first such work starts the threads.
fn use_threads(threads: Option<u16>) -> Result<(), String> {
    match threads.filter(|&n| n > 0) {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .map_err(|e| format!("cannot start {n} threads: {e}")),
        None => Ok(()),
    }
}

fn options(paths: Vec<PathBuf>, common: &CommonArgs) -> Options {
    Options {
        paths,
        rules: common.rules.clone(),
        max_file_bytes: common.max_file_size,
        ..Options::default()
    }
}

fn check(args: CheckArgs) -> i32 {
    if args.paths.is_empty() && args.drafts.is_empty() {
        eprintln!("error: no articles given; usage: newslint [OPTIONS] PATHS... (see --help)");
        return 2;
    }
    if let Err(message) = use_threads(args.common.threads) {
        eprintln!("error: {message}");
        return 2;
    }
    // Told now rather than after a run over a whole archive.
    for path in [&args.output, &args.write_baseline].into_iter().flatten() {
        if let Err(why) = newslint::output_file::can_write(path) {
            eprintln!("error: cannot write {}: {why}", path.display());
            return 2;
        }
    }
    let mut opts = options(args.paths, &args.common);
    opts.drafts = args.drafts;
    opts.as_of = args.as_of;
    opts.baseline = args.baseline;
    opts.keep_unbaselined = args.write_baseline.is_some();
    // The progress bar is for people watching a terminal, not for machine formats.
    opts.progress = !args.quiet && args.format == Format::Human && args.output.is_none();
    // Not freed: on a large archive, freeing every record one by one takes a tenth of the
    // run, and the process ends right after (the system takes the memory back at once).
    let mut outcome = std::mem::ManuallyDrop::new(run::check(&opts));
    if let Some(path) = &args.write_baseline {
        let recorded = outcome.unbaselined.as_deref().unwrap_or(&outcome.findings);
        let written = newslint::output_file::write_atomic_with(path, |out| {
            newslint::suppress::write_baseline(&outcome.articles, recorded, out)
        });
        if let Err(err) = written {
            eprintln!("error: cannot write baseline {}: {err}", path.display());
            return 2;
        }
        eprintln!(
            "newslint: wrote {} findings to the baseline {}",
            recorded.len(),
            path.display()
        );
        outcome.steps.end("baseline written");
    }
    let color = match args.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let renderer = render::renderer_with(
        args.format,
        color && args.output.is_none(),
        args.max_per_rule,
    );
    let report = outcome.report();
    let written = match &args.output {
        Some(path) => {
            newslint::output_file::write_atomic_with(path, |out| renderer.render(&report, out))
                .map_err(|err| format!("cannot write {}: {err}", path.display()))
        }
        None => {
            // Standard output flushes at every line; a large report is written in blocks
            // instead.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match renderer.render(&report, &mut out).and_then(|_| out.flush()) {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write output: {err}"))
                }
                _ => Ok(()),
            }
        }
    };
    if let Err(message) = written {
        eprintln!("error: {message}");
        return 2;
    }
    if args.stats {
        outcome.steps.end("report written");
        let counts = newslint::stats::Counts {
            files: outcome.articles.len(),
            claims: outcome.claim_count,
            findings: outcome.findings.len(),
        };
        let total = outcome.steps.total();
        eprint!(
            "{}",
            newslint::stats::render(&outcome.steps, &counts, total)
        );
    }
    outcome.exit_code()
}

fn claims(paths: Vec<PathBuf>, format: ClaimsFormat, common: CommonArgs) -> i32 {
    if let Err(message) = use_threads(common.threads) {
        eprintln!("error: {message}");
        return 2;
    }
    let outcome = run::load(&options(paths, &common));
    // Problems go to stderr so the fact sheet stays machine-readable.
    if outcome.exit_code() == 2 {
        let report = outcome.report();
        let empty = Report {
            findings: &[],
            ..report
        };
        let _ = render::renderer(Format::Human, false).render(&empty, &mut std::io::stderr());
    }
    let sheet = claims_output::Sheet::new(&outcome.articles, &outcome.rules.rules, &outcome.claims);
    // Standard output flushes at every line; a long sheet is written in blocks instead.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if let Err(err) = claims_output::write(&sheet, format, &mut out).and_then(|_| out.flush())
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {err}");
        return 2;
    }
    if outcome.exit_code() == 2 { 2 } else { 0 }
}
