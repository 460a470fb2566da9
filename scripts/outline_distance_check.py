#!/usr/bin/env python3
"""Independent reference for tests/land_outline.rs: how far a geodesic segment passes from an area's outline.

A second method, sharing only the polygons with groundtrack's `AreaOutline::approach`: GeographicLib's GeodSolve
samples the geodesic every 100 m (`GeodSolve -L`), shapely 2 tests that polyline against the outline in the lon/lat
plane. If they meet, the distance is 0 and the entry is the first point of the intersection, its along-track
distance from `GeodSolve -i`. Otherwise shapely's nearest points (in the lon/lat plane) locate the near side, and
the distance is the least `GeodSolve -i` distance between every outline point within 40 km of it (the outline
densified every 200 m, and its vertices) and every track sample within 80 km of it: a brute-force minimum on the ellipsoid.

    python3 scripts/outline_distance_check.py AREA LAT1 LON1 LAT2 LON2 [data/land/areas.geojson]

prints "crosses, entry at S km" or "misses by D km" (D to the metre).
"""

import json
import subprocess
import sys

from shapely.geometry import LineString, Point, shape


def geod(args, text):
    return subprocess.run(["GeodSolve", *args, "-p", "12"], input=text, capture_output=True, text=True, check=True).stdout


def main():
    area = sys.argv[1]
    lat1, lon1, lat2, lon2 = map(float, sys.argv[2:6])
    path = sys.argv[6] if len(sys.argv) > 6 else "data/land/areas.geojson"
    with open(path, encoding="utf-8") as f:
        outline = next(shape(g["geometry"]) for g in json.load(f)["features"] if g["properties"]["name"] == area)
    azi1, _, s12 = map(float, geod(["-i"], f"{lat1} {lon1} {lat2} {lon2}\n").split())
    n = int(s12 / 100) + 1
    distances = [s12 * i / n for i in range(n + 1)]
    points = []
    for row in geod(["-L", str(lat1), str(lon1), str(azi1)], "".join(f"{d}\n" for d in distances)).splitlines():
        lat, lon = map(float, row.split()[:2])
        points.append((lon, lat))
    line = LineString(points)
    if line.intersects(outline):
        first = min(i for i, p in enumerate(points[:-1]) if LineString([p, points[i + 1]]).intersects(outline))
        print(f"crosses, entry at {distances[first] / 1000:.3f} km")
        return
    from shapely.ops import nearest_points
    p_line, p_outline = nearest_points(line, outline)
    # Outline points within 40 km (0.5 deg) of the planar nearest point, every 200 m along the boundary.
    boundary = outline.boundary
    length = boundary.length
    step = 0.002
    candidates = []
    t = 0.0
    while t <= length:
        q = boundary.interpolate(t)
        if q.distance(p_outline) < 0.5:
            candidates.append((q.x, q.y))
        t += step
    # The vertices themselves: the nearest point is often a corner, which the even steps would cut.
    rings = [outline.exterior, *outline.interiors] if outline.geom_type == "Polygon" else [
        r for p in outline.geoms for r in (p.exterior, *p.interiors)]
    candidates += [c for r in rings for c in r.coords if Point(c).distance(p_outline) < 0.5]
    track = [p for p in points if Point(p).distance(p_line) < 1.0]
    text = "".join(f"{q[1]} {q[0]} {p[1]} {p[0]}\n" for q in candidates for p in track)
    best = min(float(row.split()[2]) for row in geod(["-i"], text).splitlines())
    print(f"misses by {best / 1000:.4f} km ({len(candidates)} outline points x {len(track)} track samples)")


if __name__ == "__main__":
    main()
