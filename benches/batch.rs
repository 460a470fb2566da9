//! Criterion benchmarks of the batch pieces: line parsing (fast and slow paths), fixed-precision output, and the
//! whole engine on lines in memory.
//!
//! Run: `cargo bench --bench batch`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use groundtrack::batch::{BatchKind, BatchOptions, parse_line, run_batch};
use groundtrack::output::write_fixed;
use groundtrack::parse::Unit;

/// `n` inverse problems, pseudo-random (64-bit LCG, Knuth's MMIX constants), 9 decimals.
fn lines(n: usize) -> Vec<u8> {
    let mut state: u64 = 42;
    let mut next = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = String::new();
    for _ in 0..n {
        let (a, b, c, d) =
            (180.0 * next() - 90.0, 360.0 * next() - 180.0, 180.0 * next() - 90.0, 360.0 * next() - 180.0);
        out.push_str(&format!("{a:.9} {b:.9} {c:.9} {d:.9}\n"));
    }
    out.into_bytes()
}

fn parsing(c: &mut Criterion) {
    c.bench_function("parse_line fast path", |b| {
        b.iter(|| {
            parse_line(
                black_box(b"39.224100000 125.670000000 41.923600000 143.249400000"),
                BatchKind::Inverse,
                Unit::Metre,
            )
        })
    });
    c.bench_function("parse_line slow path (DMS)", |b| {
        b.iter(|| {
            parse_line(
                black_box(b"40:38:23N 073:46:44W 01:21:33N 103:59:22E"),
                BatchKind::Inverse,
                Unit::Metre,
            )
        })
    });
}

fn formatting(c: &mut Criterion) {
    let v = 84.446_833_997_279_67;
    c.bench_function("write_fixed 14 decimals", |b| {
        let mut out = Vec::with_capacity(64);
        b.iter(|| {
            out.clear();
            write_fixed(&mut out, black_box(v), 14);
        })
    });
    c.bench_function("std format 14 decimals", |b| {
        use std::io::Write;
        let mut out = Vec::with_capacity(64);
        b.iter(|| {
            out.clear();
            let _ = write!(out, "{:.14}", black_box(v));
        })
    });
}

fn engine(c: &mut Criterion) {
    let input = lines(100_000);
    let mut group = c.benchmark_group("run_batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(100_000));
    group.bench_function("inverse 100k lines, precision 9", |b| {
        let options = BatchOptions { precision: 9, ..BatchOptions::default() };
        b.iter(|| {
            let mut out = Vec::with_capacity(8 << 20);
            run_batch(&input[..], &mut out, std::io::sink(), &options, None).map(|s| s.lines)
        })
    });
    group.finish();
}

criterion_group!(benches, parsing, formatting, engine);
criterion_main!(benches);
