//! The bad-input contract: every row of `tests/bad_input/catalogue.toml` runs the `groundtrack` binary on one bad
//! input and checks the promise of the README's "Exit codes" section: one clear message on standard error (what,
//! where, what would be accepted: the row's regular expression), the expected exit code (2 for bad input), no
//! panic, no hang, and no file left behind, complete or partial.
//!
//! Each row is its own test (`cargo test --test bad_input -- check/latitude` runs some), through
//! `libtest-mimic`; `tests/bad_input/README.md` documents the row format and how to add a command's cases.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};
use regex::Regex;
use serde::Deserialize;

/// A run that takes longer than this is a hang (the slowest row takes well under a second in a debug build).
const HANG_LIMIT: Duration = Duration::from_secs(60);
/// "One clear message": standard error of a refused input stays below this many bytes, whatever the input's size.
const MAX_MESSAGE_BYTES: usize = 1_500;
/// The catalogue must keep at least this many rows (issue 6).
const MIN_CASES: usize = 60;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    case: Vec<Case>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// Unique test name, "command/what".
    name: String,
    /// Arguments after `groundtrack`; `{dir}` is the run's temporary directory (also the working directory).
    args: Vec<String>,
    /// Shortcut for `files."report.toml"`.
    report: Option<String>,
    /// Files written into the temporary directory before the run (name -> content).
    #[serde(default)]
    files: std::collections::BTreeMap<String, String>,
    /// Standard input (default: empty).
    stdin: Option<String>,
    /// Expected exit code.
    #[serde(default = "two")]
    exit: i32,
    /// Regular expression that standard error must match (required for exit 2).
    stderr: Option<String>,
    /// Regular expression that standard output must match.
    stdout: Option<String>,
    /// Files the run is expected to create (default: none).
    #[serde(default)]
    creates: Vec<String>,
    /// True for usage errors reported by the argument parser (several lines, no "groundtrack: error:" prefix).
    #[serde(default)]
    usage: bool,
}

fn two() -> i32 {
    2
}

/// Expands the content notation: `<<bytes EF BB BF>>` is those bytes, `<<repeat N TEXT>>` is TEXT N times.
fn expand(content: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(content.len());
    let mut rest = content;
    while let Some(start) = rest.find("<<") {
        out.extend_from_slice(&rest.as_bytes()[..start]);
        let after = &rest[start + 2..];
        let end = after.find(">>").ok_or_else(|| format!("unclosed << in {content:?}"))?;
        let directive = &after[..end];
        if let Some(hex) = directive.strip_prefix("bytes ") {
            for h in hex.split_whitespace() {
                out.push(u8::from_str_radix(h, 16).map_err(|e| format!("bad byte {h:?}: {e}"))?);
            }
        } else if let Some(r) = directive.strip_prefix("repeat ") {
            let (n, text) = r.split_once(' ').ok_or_else(|| format!("<<repeat N TEXT>>: {directive:?}"))?;
            let n: usize = n.parse().map_err(|e| format!("repeat count {n:?}: {e}"))?;
            out.extend_from_slice(text.repeat(n).as_bytes());
        } else {
            return Err(format!("unknown directive <<{directive}>>"));
        }
        rest = &after[end + 2..];
    }
    out.extend_from_slice(rest.as_bytes());
    Ok(out)
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                out.insert(format!("{}/", p.strip_prefix(dir).unwrap_or(&p).display()));
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap_or(&p).display().to_string());
            }
        }
    }
    out
}

fn run_case(case: &Case) -> Result<(), Failed> {
    let dir = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    let mut files = case.files.clone();
    if let Some(r) = &case.report {
        files.insert("report.toml".into(), r.clone());
    }
    for (name, content) in &files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{name}: {e}"))?;
        }
        std::fs::write(&path, expand(content)?).map_err(|e| format!("{name}: {e}"))?;
    }
    let before = files_under(dir.path());
    let dir_text = dir.path().display().to_string();
    let mut args = Vec::new();
    for a in &case.args {
        args.push(
            String::from_utf8(expand(a)?).map_err(|e| format!("argument: {e}"))?.replace("{dir}", &dir_text),
        );
    }
    let stdin = expand(case.stdin.as_deref().unwrap_or(""))?;
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_groundtrack"))
        .args(&args)
        .current_dir(dir.path())
        .env_remove("RUST_BACKTRACE")
        .write_stdin(stdin)
        .timeout(HANG_LIMIT)
        .output()
        .map_err(|e| format!("could not run groundtrack: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let shown = |s: &str| s.chars().take(2_000).collect::<String>();
    let context =
        format!("args {args:?}\n--- stderr ---\n{}\n--- stdout ---\n{}", shown(&stderr), shown(&stdout));
    let Some(code) = output.status.code() else {
        return Err(format!(
            "killed (a hang past {HANG_LIMIT:?}, or a signal): {:?}\n{context}",
            output.status
        )
        .into());
    };
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Err(format!("panic\n{context}").into());
    }
    if code != case.exit {
        return Err(format!("exit code {code}, expected {}\n{context}", case.exit).into());
    }
    if let Some(pattern) = &case.stderr {
        let re = Regex::new(pattern).map_err(|e| format!("bad stderr regex: {e}"))?;
        if !re.is_match(stderr.trim_end()) {
            return Err(format!("stderr does not match /{pattern}/\n{context}").into());
        }
    }
    if let Some(pattern) = &case.stdout {
        let re = Regex::new(pattern).map_err(|e| format!("bad stdout regex: {e}"))?;
        if !re.is_match(stdout.trim_end()) {
            return Err(format!("stdout does not match /{pattern}/\n{context}").into());
        }
    }
    if code == 2 {
        if stderr.len() > MAX_MESSAGE_BYTES {
            return Err(format!(
                "message of {} bytes, more than {MAX_MESSAGE_BYTES}\n{context}",
                stderr.len()
            )
            .into());
        }
        if !case.usage {
            let lines: Vec<&str> = stderr.lines().collect();
            if lines.len() != 1 || !lines[0].starts_with("groundtrack: error: ") {
                return Err(format!("not one line starting \"groundtrack: error: \"\n{context}").into());
            }
            if !stdout.is_empty() {
                return Err(format!("a refused input printed results\n{context}").into());
            }
        }
    }
    let after = files_under(dir.path());
    let created: BTreeSet<String> = after.difference(&before).cloned().collect();
    let expected: BTreeSet<String> = case.creates.iter().cloned().collect();
    if created != expected {
        return Err(format!(
            "files created {created:?}, expected {expected:?} (no partial output)\n{context}"
        )
        .into());
    }
    Ok(())
}

fn catalogue_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("bad_input").join("catalogue.toml")
}

fn load() -> Result<Vec<Case>, String> {
    let path = catalogue_path();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let catalogue: Catalogue = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(catalogue.case)
}

/// The catalogue itself: enough rows, unique names, a message pattern for every refusal.
fn check_catalogue(cases: &[Case]) -> Result<(), Failed> {
    if cases.len() < MIN_CASES {
        return Err(format!("{} cases, at least {MIN_CASES} required", cases.len()).into());
    }
    let mut names = BTreeSet::new();
    for c in cases {
        if !names.insert(c.name.as_str()) {
            return Err(format!("duplicate case name {}", c.name).into());
        }
        if c.exit == 2 && c.stderr.is_none() {
            return Err(format!("{}: a refusal needs a stderr pattern", c.name).into());
        }
        for content in c.files.values().chain(&c.report).chain(&c.stdin) {
            expand(content).map_err(|e| format!("{}: {e}", c.name))?;
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let cases = match load() {
        Ok(c) => c,
        Err(e) => {
            let trial = Trial::test("catalogue/loads", move || Err(e.clone().into()));
            libtest_mimic::run(&args, vec![trial]).exit();
        }
    };
    let mut trials = vec![{
        let cases = cases.clone();
        Trial::test("catalogue/rows", move || check_catalogue(&cases))
    }];
    trials.extend(cases.into_iter().map(|case| Trial::test(case.name.clone(), move || run_case(&case))));
    libtest_mimic::run(&args, trials).exit();
}
