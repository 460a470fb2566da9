#!/usr/bin/env bash
# Runs every cargo-fuzz target of groundtrack one after the other, each for SECONDS (default 600), on one core.
# Needs cargo-fuzz (cargo install cargo-fuzz) and a nightly compiler, or RUSTC_BOOTSTRAP=1 with a stable one.
# Seeds: fuzz/seeds/<target>/ (committed); the growing corpus goes to fuzz/corpus/<target>/ and any crash to
# fuzz/artifacts/<target>/ (both ignored by git: a crash is kept as a regression test in tests/ instead).
# Each input must finish within 10 s (-timeout=10); `stat::slowest_unit_time_sec` in the log says how long the
# slowest took.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(coordinate quantity_phrase report_file batch_line); fi
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "== $t: $seconds s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tee "/tmp/fuzz-$t.log" |
    grep -E "^(Done|stat::|==[0-9]+==|SUMMARY)|panicked|ERROR" || true
  grep -q "^Done" "/tmp/fuzz-$t.log" || { echo "== $t: FAILED (see /tmp/fuzz-$t.log)"; exit 1; }
done
