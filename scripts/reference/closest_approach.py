#!/usr/bin/env python3
"""Independent closest approach of a point to a geodesic segment, with GeographicLib's command-line tools only.

Method: GeodSolve -i gives the segment's azimuth and length; GeodSolve -L samples the geodesic at 4,001 points;
GeodSolve -i measures the point's distance to each; the minimum is refined by golden-section search (80
iterations). The sign of the cross-track distance comes from the azimuth to the point relative to the track
(positive = left). Used to produce reference values for tests/check_*.rs and tests/geometry_*.rs.

Usage: closest_approach.py PLAT PLON ALAT ALON BLAT BLON
Prints: distance_m along_track_m nearest_lat nearest_lon
"""
import subprocess
import sys


def run(args, lines):
    out = subprocess.run(args, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    return [list(map(float, l.split())) for l in out.stdout.strip().splitlines()]


def main():
    plat, plon, alat, alon, blat, blon = map(float, sys.argv[1:7])
    azi1, _azi2, s12 = run(["GeodSolve", "-i", "-p", "12"], [f"{alat} {alon} {blat} {blon}"])[0]
    line = ["GeodSolve", "-L", str(alat), str(alon), repr(azi1), "-p", "12"]

    def dist(ss):
        pts = run(line, [repr(s) for s in ss])
        inv = run(["GeodSolve", "-i", "-p", "12"], [f"{plat} {plon} {p[0]} {p[1]}" for p in pts])
        return [r[2] for r in inv], pts

    n = 4000
    ss = [s12 * i / n for i in range(n + 1)]
    ds, _ = dist(ss)
    k = min(range(len(ds)), key=ds.__getitem__)
    lo, hi = ss[max(k - 1, 0)], ss[min(k + 1, n)]
    g = (5 ** 0.5 - 1) / 2
    for _ in range(80):
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        (da, db), _ = dist([a, b])
        if da < db:
            hi = b
        else:
            lo = a
    s = 0.5 * (lo + hi)
    (d,), (p,) = dist([s])
    print(f"{d:.4f} {s:.4f} {p[0]:.10f} {p[1]:.10f}")


if __name__ == "__main__":
    main()
