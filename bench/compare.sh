#!/usr/bin/env bash
# Times `groundtrack batch inverse` against GeographicLib's `GeodSolve -i` and PROJ's `geod -I` on the same file of
# random inverse problems, checks that the three agree, and prints the throughput ratios.
#
# Usage: bench/compare.sh            (from the repository root; builds the release binary first)
# Environment: N (problems, default 1000000), REPEAT (timed runs per tool, best kept, default 3),
#              SEED (default 20260101), PRECISION (default 9: nanometres, 1e-14 degree), THREADS (default: all
#              cores), WORK (a directory that keeps the files; default a temporary one, removed at the end),
#              GROUNDTRACK (the binary; default target/release/groundtrack, built first).
# Needs: apt packages geographiclib-tools (GeodSolve) and proj-bin (geod); awk.
#
# The three tools print at the same precision: GeodSolve -p 9 (s12 to 1e-9 m, angles to 1e-14 degree),
# groundtrack --precision 9 (the same rule), geod -f %.9f -F %.9f (angles to 1e-9 degree, s12 to 1e-9 m; without
# -F geod prints distances to the millimetre only). geod prints the back azimuth at point 2; it is turned into the
# forward azimuth (azi2 = back azimuth +- 180) before comparing.
set -euo pipefail

N=${N:-1000000}
REPEAT=${REPEAT:-3}
SEED=${SEED:-20260101}
PRECISION=${PRECISION:-9}
THREADS=${THREADS:-0}
if [ -z "${WORK:-}" ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${GROUNDTRACK:-$ROOT/target/release/groundtrack}

for tool in GeodSolve geod awk; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool not found (apt-get install geographiclib-tools proj-bin)" >&2; exit 2; }
done
if [ -z "${GROUNDTRACK:-}" ]; then
    (cd "$ROOT" && cargo build --release --quiet)
fi

IN=$WORK/inverse.txt
echo "# $N random inverse problems (lat1 lon1 lat2 lon2, 9 decimals, awk srand($SEED)) in $IN"
awk -v n="$N" -v seed="$SEED" 'BEGIN {
    srand(seed)
    for (i = 0; i < n; i++)
        printf "%.9f %.9f %.9f %.9f\n", 180 * rand() - 90, 360 * rand() - 180, 180 * rand() - 90, 360 * rand() - 180
}' > "$IN"

# best_time LABEL OUTFILE COMMAND... : runs the command REPEAT times with stdin from $IN and prints the best wall
# time (with the CPU time, user + system, of that run: robust when other processes share the cores).
best_time() {
    local label=$1 out=$2
    shift 2
    local best="" best_cpu=""
    for _ in $(seq "$REPEAT"); do
        local t0 t1 t cpu=""
        t0=$(date +%s.%N)
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f '%U %S' -o "$WORK/time.txt" "$@" < "$IN" > "$out"
            cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/time.txt")
        else
            "$@" < "$IN" > "$out"
        fi
        t1=$(date +%s.%N)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; best_cpu=$cpu; fi
    done
    printf '%-40s %8.3f s wall %6.2f s CPU  %6.2f M lines/s\n' "$label" "$best" "${best_cpu:-0}" \
        "$(awk -v t="$best" -v n="$N" 'BEGIN { print n / t / 1e6 }')" >&2
    echo "$best"
}

echo "# best of $REPEAT runs (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
T_GT=$(best_time "groundtrack batch inverse --precision $PRECISION" "$WORK/groundtrack.txt" \
    "$BIN" batch inverse --precision "$PRECISION" --threads "$THREADS")
T_GS=$(best_time "GeodSolve -i -p $PRECISION" "$WORK/geodsolve.txt" GeodSolve -i -p "$PRECISION")
T_PJ=$(best_time "geod -I +ellps=WGS84 -f %.9f -F %.9f" "$WORK/geod.txt" \
    geod -I +ellps=WGS84 -f %.9f -F %.9f)

echo "# agreement (s12 in metres, azimuths in degrees; geod prints azimuths to 1e-9 degree only)"
paste -d ' ' "$WORK/groundtrack.txt" "$WORK/geodsolve.txt" "$WORK/geod.txt" | awk '
    function wrap(d) { while (d > 180) d -= 360; while (d < -180) d += 360; return d < 0 ? -d : d }
    function upd(name, v) { if (v > max[name]) max[name] = v }
    {
        # groundtrack: $1 azi1 $2 azi2 $3 s12; GeodSolve: $4 $5 $6; geod: $7 azi1 $8 back azi2 $9 s12.
        upd("s12 groundtrack-GeodSolve", ($3 > $6) ? $3 - $6 : $6 - $3)
        upd("s12 groundtrack-geod", ($3 > $9) ? $3 - $9 : $9 - $3)
        upd("azi1 groundtrack-GeodSolve", wrap($1 - $4))
        upd("azi2 groundtrack-GeodSolve", wrap($2 - $5))
        upd("azi1 groundtrack-geod", wrap($1 - $7))
        upd("azi2 groundtrack-geod", wrap($2 - ($8 + 180)))
        if ((($3 > $6) ? $3 - $6 : $6 - $3) > 1e-8 || (($3 > $9) ? $3 - $9 : $9 - $3) > 1e-8) bad++
        n++
    }
    END {
        for (k in max) printf "max |d %s| = %.3g\n", k, max[k]
        printf "lines compared: %d; s12 differing by more than 10 nm: %d\n", n, bad
        exit bad > 0
    }' | sort
AGREE=${PIPESTATUS[1]}

awk -v gt="$T_GT" -v gs="$T_GS" -v pj="$T_PJ" 'BEGIN {
    printf "throughput: groundtrack / GeodSolve = %.1fx, groundtrack / geod = %.1fx\n", gs / gt, pj / gt
}'
exit "$AGREE"
