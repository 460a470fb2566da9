//! `groundtrack batch`: one output line per input line whatever the lines hold (comments, blank lines, bad lines,
//! huge lines, bytes that are not UTF-8), the error messages and the exit codes. Expected numbers come from
//! GeographicLib 2.1.2's `GeodSolve` and `RhumbSolve` (commands in comments).

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;

fn gt() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn batch(args: &[&str], input: &[u8]) -> Run {
    let out = gt().arg("batch").args(args).write_stdin(input.to_vec()).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

// echo "39.2241 125.67 41.9236 143.2494" | GeodSolve -i -> 72.95740195 84.44683400 1515548.762
const SUNAN_ERIMO: &str = "39.2241 125.67 41.9236 143.2494";
const SUNAN_ERIMO_OUT: &str = "72.95740195 84.44683400 1515548.762";

#[test]
fn good_input_exits_0_with_geodsolve_output() {
    // echo "40:38:23N 073:46:44W 01:21:33N 103:59:22E" | GeodSolve -i -> 3.30831240 177.48590214 15347627.660
    let input = format!("{SUNAN_ERIMO}\n40:38:23N 073:46:44W 01:21:33N 103:59:22E\n");
    let r = batch(&["inverse"], input.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("{SUNAN_ERIMO_OUT}\n3.30831240 177.48590214 15347627.660\n"));
    assert_eq!(r.stderr, "");
}

#[test]
fn comments_blank_and_bad_lines_keep_alignment() {
    let mut input = Vec::new();
    input.extend_from_slice(b"# pairs from the report\n"); // 1 comment
    input.extend_from_slice(format!("{SUNAN_ERIMO}\n").as_bytes()); // 2
    input.extend_from_slice(b"\n"); // 3 blank
    input.extend_from_slice(b"   \t\n"); // 4 blank with whitespace
    input.extend_from_slice(b"91 0 0 0\n"); // 5 latitude out of range
    input.extend_from_slice(b"nan 0 0 0\n"); // 6 NaN
    input.extend_from_slice(b"0 inf 0 0\n"); // 7 infinity
    input.extend_from_slice(b"1 2 3\n"); // 8 too few values
    input.extend_from_slice(b"\xff\xfe 1 2 3\n"); // 9 not UTF-8
    input.extend_from_slice(&vec![b'7'; 1 << 20]); // 10 a line of a megabyte
    input.push(b'\n');
    input.extend_from_slice(format!("{SUNAN_ERIMO} # inline note\r\n").as_bytes()); // 11 CRLF, inline comment
    input.extend_from_slice(SUNAN_ERIMO.as_bytes()); // 12 no final newline
    let r = batch(&["inverse"], &input);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "# pairs from the report",
            SUNAN_ERIMO_OUT,
            "",
            "",
            "nan nan nan",
            "nan nan nan",
            "nan nan nan",
            "nan nan nan",
            "nan nan nan",
            "nan nan nan",
            &format!("{SUNAN_ERIMO_OUT} # inline note"),
            SUNAN_ERIMO_OUT,
        ]
    );
    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(errors.len(), 6, "{}", r.stderr);
    for (e, line) in errors.iter().zip(5..=10) {
        assert!(e.starts_with(&format!("groundtrack: <stdin>:{line}: ")), "{e}");
    }
    assert!(errors[0].contains("latitude 91"));
    assert!(errors[1].contains("not a finite number"));
    assert!(errors[3].contains("3 value(s) where 4 are expected"));
    assert!(errors[4].contains("not UTF-8"));
    assert!(errors[5].contains("1048576 bytes long"));
    assert!(errors.iter().all(|e| e.len() < 1000), "messages stay short");
}

#[test]
fn placeholders_in_csv_and_json() {
    let input = format!("# c\n{SUNAN_ERIMO}\nx y z w\n");
    let r = batch(&["inverse", "--format", "csv", "--header"], input.as_bytes());
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "azi1,azi2,s12\n# c\n72.95740195,84.44683400,1515548.762\n,,\n");
    let r = batch(&["inverse", "--format", "json"], input.as_bytes());
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["comment"], "# c");
    assert_eq!(lines[1]["s12"].as_f64(), Some(1515548.762));
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].as_str().unwrap().contains("unexpected text"));
}

#[test]
fn direct_and_rhumb_kinds() {
    // echo "39.2241 125.67 84 3700000" | GeodSolve -> 34.97646650 167.32385369 109.86737950
    let r = batch(&["direct"], b"39.2241 125.67 84 3700000\n39.2241N 125.67E 84 3700km\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "34.97646650 167.32385369 109.86737950\n34.97646650 167.32385369 109.86737950\n");
    // echo "39.2241 125.67 13.4443 144.7937" | RhumbSolve -i -p 6 -> 146.58068156034 3422364.424449 (S12 omitted)
    let r = batch(&["rhumb-inverse", "--precision", "6"], b"39.2241 125.67 13.4443 144.7937\n");
    assert_eq!(r.stdout, "146.58068156034 3422364.424449\n");
    // echo "41.92444 143.24833 90 1180000" | RhumbSolve -p 6 -> 41.92444000000 157.47398935275 (S12 omitted)
    let r = batch(&["rhumb-direct", "--precision", "6", "--units", "km"], b"41.92444 143.24833 90 1180\n");
    assert_eq!(r.stdout, "41.92444000000 157.47398935275\n");
    // A rhumb line over a pole has no answer: a bad line (RhumbSolve prints nan).
    let r = batch(&["rhumb-direct"], b"80 0 0 2000000\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, "nan nan\n"));
}

#[test]
fn units_and_dms() {
    // echo "40.5 -73.25 -20.125 100.75" | GeodSolve -i -: -p 1 -> 015:38:14.03 167:22:41.57 17675527.3
    let r = batch(&["inverse", "--dms", "--precision", "1"], b"40.5 -73.25 -20.125 100.75\n");
    assert_eq!(r.stdout, "015°38′14.03″ 167°22′41.57″ 17675527.3\n");
    let r = batch(&["inverse", "--units", "nmi", "--precision", "4"], b"40.5 -73.25 -20.125 100.75\n");
    let s: f64 = r.stdout.split_whitespace().nth(2).unwrap().parse().unwrap();
    assert!((s - 17_675_527.3 / 1852.0).abs() < 0.06 / 1852.0 + 1e-4, "{}", r.stdout);
}

#[test]
fn many_lines_across_chunks_stay_in_order() {
    // 70,000 lines cross two chunk boundaries (32,768 lines each); line i runs due north from the equator by
    // i metres, so the output must read back i at line i (direct problem on the meridian: lat2 grows with i).
    let mut input = String::new();
    for i in 0..70_000 {
        if i % 1000 == 0 {
            input.push_str("# marker\n");
        }
        input.push_str(&format!("0 0 0 {i}\n"));
    }
    let one = batch(&["direct", "--threads", "1"], input.as_bytes());
    let two = batch(&["direct", "--threads", "2"], input.as_bytes());
    assert_eq!(one.code, 0);
    assert_eq!(one.stdout, two.stdout);
    let lines: Vec<&str> = two.stdout.lines().collect();
    assert_eq!(lines.len(), 70_000 + 70);
    let mut last = -1.0;
    for l in lines {
        if l == "# marker" {
            continue;
        }
        let lat: f64 = l.split_whitespace().next().unwrap().parse().unwrap();
        assert!(lat > last, "{l}");
        last = lat;
    }
}

#[test]
fn file_argument_and_missing_file() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(f, "{SUNAN_ERIMO}").unwrap();
    writeln!(f, "0 0 0").unwrap();
    let out = gt().args(["batch", "inverse"]).arg(f.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&format!("{}:2:", f.path().display())), "{stderr}");
    gt().args(["batch", "inverse", "/no/such/file"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/file"));
    gt().args(["batch", "sideways"]).assert().code(2);
    gt().args(["batch", "inverse", "--precision", "11"]).write_stdin("").assert().code(2);
}

#[test]
fn empty_input_is_no_error() {
    let r = batch(&["inverse"], b"");
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}
