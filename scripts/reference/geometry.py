#!/usr/bin/env python3
"""Independent reference values for tests/geometry_*.rs, computed only with GeographicLib's command-line tools.

Closest approach: the line is sampled with `GeodSolve -L lat1 lon1 azi1 -p 12` (positions at given distances), the
distance from P to each sample with `GeodSolve -i -p 12`; the minimum of the grid is refined by golden-section search
on that distance, and then the foot of the perpendicular is found by bisection on cos(azi(X->P) - azi_line(X)) (zero
where the geodesic from the line point X to P leaves the line at a right angle). No code of groundtrack is used.

Intersection: bisection along geodesic A on g(s) = sin(azi(B1 -> A(s)) - azi_B1), which is zero where A(s) lies on
geodesic B.

Ring: the geodesic circle from 36,000 azimuths with `GeodSolve -p 12` (direct problem), its area with
`Planimeter -p 6`; `ring-files FILE...` measures given vertex files ("lat lon" lines) with `Planimeter -p 6`.

Run: python3 scripts/reference/geometry.py [closest|intersect|ring|ring-files FILE...]
(needs GeodSolve and Planimeter and stdbuf; GeographicLib 2.1.2 was used.) Not part of the test suite.
"""
import math
import subprocess
import sys


def proc(args):
    return subprocess.Popen(["stdbuf", "-oL"] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            bufsize=1)


class Geod:
    def __init__(self):
        self.inv = proc(["GeodSolve", "-i", "-p", "12"])
        self.dir = proc(["GeodSolve", "-p", "12"])

    def inverse(self, lat1, lon1, lat2, lon2):
        """-> (azi1, azi2, s12)"""
        self.inv.stdin.write(f"{lat1!r} {lon1!r} {lat2!r} {lon2!r}\n")
        self.inv.stdin.flush()
        return tuple(float(v) for v in self.inv.stdout.readline().split())

    def direct(self, lat1, lon1, azi1, s12):
        """-> (lat2, lon2, azi2)"""
        self.dir.stdin.write(f"{lat1!r} {lon1!r} {azi1!r} {s12!r}\n")
        self.dir.stdin.flush()
        return tuple(float(v) for v in self.dir.stdout.readline().split())


class Line:
    def __init__(self, lat1, lon1, azi1):
        self.p = proc(["GeodSolve", "-L", repr(lat1), repr(lon1), repr(azi1), "-p", "12"])

    def pos(self, s):
        """-> (lat, lon, azi) at distance s from the start"""
        self.p.stdin.write(f"{s!r}\n")
        self.p.stdin.flush()
        return tuple(float(v) for v in self.p.stdout.readline().split())


G = Geod()
PHI = (math.sqrt(5) - 1) / 2


def golden(f, a, b, tol):
    c, d = b - PHI * (b - a), a + PHI * (b - a)
    fc, fd = f(c), f(d)
    for _ in range(400):
        if b - a <= tol:
            break
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - PHI * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + PHI * (b - a)
            fd = f(d)
    x = (a + b) / 2
    return x, f(x)


def bisect(f, a, b, tol):
    fa, fb = f(a), f(b)
    if fa == 0:
        return a
    if fb == 0:
        return b
    assert fa * fb < 0, (a, b, fa, fb)
    for _ in range(200):
        m = (a + b) / 2
        if b - a <= tol or m in (a, b):
            break
        fm = f(m)
        if fm == 0:
            return m
        if (fm < 0) == (fa < 0):
            a, fa = m, fm
        else:
            b, fb = m, fm
    return (a + b) / 2


def closest(label, a, azi, p, smin, smax, n=4001):
    """Nearest point to p=(lat, lon) on the geodesic from a=(lat, lon) at azimuth azi, for s in [smin, smax]."""
    line = Line(a[0], a[1], azi)

    def dist(s):
        lat, lon, _ = line.pos(s)
        return G.inverse(lat, lon, p[0], p[1])[2]

    def perp(s):
        lat, lon, az = line.pos(s)
        az1, _, s12 = G.inverse(lat, lon, p[0], p[1])
        return math.cos(math.radians(az1 - az))

    grid = [smin + (smax - smin) * i / (n - 1) for i in range(n)]
    ds = [dist(s) for s in grid]
    k = min(range(n), key=lambda i: ds[i])
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, n - 1)]
    s_gs, d_gs = golden(dist, lo, hi, 1e-6)
    if k in (0, n - 1) and abs(s_gs - grid[k]) < 1e-3:
        s_star = grid[k]
        kind = "end point"
    else:
        w = 1.0
        while perp(s_gs - w) * perp(s_gs + w) > 0:
            w *= 2
        s_star = bisect(perp, s_gs - w, s_gs + w, 1e-10)
        kind = "perpendicular foot"
    lat, lon, az = line.pos(s_star)
    az1, _, d = G.inverse(lat, lon, p[0], p[1])
    side = -math.sin(math.radians(az1 - az))
    cross = d if side > 0 else -d
    print(f"{label}: {kind}")
    print(f"   along {s_star:.6f} m, point {lat:.12f} {lon:.12f}, distance {d:.6f} m, signed cross-track {cross:.6f} m")
    print(f"   golden-section minimum: distance {d_gs:.6f} m at along {s_gs:.4f} m")
    return s_star, lat, lon, d


def intersection(label, a1, azi_a, b1, azi_b, smin, smax, n=2001):
    """Intersections of geodesic A (a1, azi_a) with geodesic B (b1, azi_b) for s along A in [smin, smax]."""
    line = Line(a1[0], a1[1], azi_a)

    def g(s):
        lat, lon, _ = line.pos(s)
        az1, _, s12 = G.inverse(b1[0], b1[1], lat, lon)
        return math.sin(math.radians(az1 - azi_b))

    grid = [smin + (smax - smin) * i / (n - 1) for i in range(n)]
    gs = [g(s) for s in grid]
    print(f"{label}:")
    out = []
    for i in range(n - 1):
        if gs[i] == 0 or gs[i] * gs[i + 1] < 0:
            if abs(gs[i]) > 0.2 or abs(gs[i + 1]) > 0.2:
                continue  # a jump (B1's antipodal region), not a crossing
            sa = bisect(g, grid[i], grid[i + 1], 1e-9)
            lat, lon, _ = line.pos(sa)
            az1, _, sb = G.inverse(b1[0], b1[1], lat, lon)
            if math.cos(math.radians(az1 - azi_b)) < 0:
                sb = -sb
            print(f"   along A {sa:.6f} m, along B {sb:.6f} m, point {lat:.12f} {lon:.12f}, |a|+|b| {abs(sa)+abs(sb):.3f}")
            out.append((sa, sb, lat, lon))
    return out


def seg(a, b):
    az1, az2, s = G.inverse(a[0], a[1], b[0], b[1])
    return az1, s


def dense_ring_area(lat, lon, r, n):
    """Area (Planimeter) of the polygon of n points of the geodesic circle (GeodSolve direct), azimuth decreasing."""
    lines = "".join(f"{lat!r} {lon!r} {-360.0 * k / n!r} {r!r}\n" for k in range(n))
    pts = subprocess.run(["GeodSolve", "-p", "12"], input=lines, capture_output=True, text=True, check=True).stdout
    verts = "".join(" ".join(l.split()[:2]) + "\n" for l in pts.splitlines())
    out = subprocess.run(["Planimeter", "-p", "6"], input=verts, capture_output=True, text=True, check=True).stdout
    return out.split()


def planimeter_file(path):
    """Planimeter -p 6 on a file of 'lat lon' lines (the ring's vertices without the repeated last one)."""
    with open(path) as f:
        out = subprocess.run(["Planimeter", "-p", "6"], stdin=f, capture_output=True, text=True, check=True).stdout
    return out.split()


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    HALF = 20_003_931.4586  # half a meridian, metres; a lap is about twice this
    if which in ("all", "closest"):
        closest("(1N, 5E) to the equator", (0.0, 0.0), 90.0, (1.0, 5.0), -HALF, HALF)
        az, s = seg((30.0, -40.0), (50.0, 20.0))
        closest("(45N, 10W) to (30N, 40W)-(50N, 20E), full geodesic", (30.0, -40.0), az, (45.0, -10.0), -HALF, HALF)
        sunan = (39.2241, 125.6700)
        tip = (41.05079002181, 157.34735599014)
        az, s = seg(sunan, tip)
        print(f"Sunan -> tip: azimuth {az!r}, length {s!r}")
        for name, p in [("Cape Erimo", (41.9236, 143.2494)), ("Hakodate", (41.7667, 140.7333)),
                        ("Matsumae", (41.433, 140.117))]:
            closest(f"{name} to segment Sunan-tip", sunan, az, p, 0.0, s)
        rtip = (41.9236, 157.47487276)
        az, s = seg(sunan, rtip)
        for name, p in [("Cape Erimo", (41.9236, 143.2494)), ("Hakodate", (41.7667, 140.7333))]:
            closest(f"{name} to segment Sunan-rhumb tip", sunan, az, p, 0.0, s)
        # behind A, far away (more than 90 degrees from A), and segment end points
        az, s = seg(sunan, tip)
        closest("(-30, -100) to the full Sunan-tip geodesic", sunan, az, (-30.0, -100.0), -HALF, HALF)
        closest("(10, 100) to the full Sunan-tip geodesic (behind Sunan)", sunan, az, (10.0, 100.0), -HALF, HALF)
        closest("(10, 100) to segment Sunan-tip", sunan, az, (10.0, 100.0), 0.0, s)
        closest("(50, 170) to segment Sunan-tip", sunan, az, (50.0, 170.0), 0.0, s)
        closest("(50, 170) to the full Sunan-tip geodesic", sunan, az, (50.0, 170.0), -HALF, HALF)
        # near the pole of the geodesic through (0, 0) at azimuth 45
        closest("(45, -90) to the geodesic (0,0) azimuth 45", (0.0, 0.0), 45.0, (45.0, -90.0), -HALF, HALF, 8001)
        closest("(44, -88) to the geodesic (0,0) azimuth 45", (0.0, 0.0), 45.0, (44.0, -88.0), -HALF, HALF, 8001)
    if which in ("all", "intersect"):
        sunan = (39.2241, 125.6700)
        tip = (41.05079002181, 157.34735599014)
        az, s = seg(sunan, tip)
        azb, sb = seg((45.0, 140.0), (35.0, 140.0))
        print(f"A length {s!r}, B length {sb!r}, azimuth B {azb!r}")
        intersection("Sunan-tip with the meridian 140E from 45N to 35N", sunan, az, (45.0, 140.0), azb, -HALF, HALF)
        aza, sa = seg((0.0, 0.0), (10.0, 10.0))
        azb, sb = seg((-20.0, 150.0), (-25.0, 160.0))
        print(f"A length {sa!r}, B length {sb!r}, azimuths {aza!r} {azb!r}")
        intersection("(0,0)-(10,10) with (-20,150)-(-25,160)", (0.0, 0.0), aza, (-20.0, 150.0), azb, -HALF, HALF)
        intersection("meridian 0 from 10N with meridian 30E from 10N", (10.0, 0.0), 0.0, (10.0, 30.0), 0.0,
                     -HALF, HALF)
        intersection("(20, -60) azimuth 60 with (-10, 10) azimuth -30", (20.0, -60.0), 60.0, (-10.0, 10.0), -30.0,
                     -HALF, HALF)
        intersection("(0,0) azimuth 30 with (0.5, 0) azimuth 30.5", (0.0, 0.0), 30.0, (0.5, 0.0), 30.5, -HALF, HALF,
                     8001)
        intersection("(0,0) azimuth 30 with (0, 0.5) azimuth 30.5", (0.0, 0.0), 30.0, (0.0, 0.5), 30.5, -HALF, HALF,
                     8001)
    if which in ("all", "ring"):
        for lat, lon, r in [(39.2241, 125.67, 1e6), (39.2241, 125.67, 6e6), (89.5, 0.0, 1e6), (0.0, 179.9, 5e5)]:
            n, perimeter, area = dense_ring_area(lat, lon, r, 36000)
            print(f"circle ({lat}, {lon}) radius {r:.0f} m, {n} vertices: perimeter {perimeter} m, area {area} m^2")
    if which == "ring-files":
        for path in sys.argv[2:]:
            n, perimeter, area = planimeter_file(path)
            print(f"{path}: {n} vertices, perimeter {perimeter} m, area {area} m^2")


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    main()
