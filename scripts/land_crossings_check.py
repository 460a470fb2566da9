#!/usr/bin/env python3
"""Independent reference for tests/land_overflight.rs: where a geodesic crosses the country outlines.

A second method, sharing only the polygons with groundtrack's `land` module: GeographicLib's GeodSolve samples
the geodesic every 100 m or less (`GeodSolve -L lat1 lon1 azi1`, points by distance from the start; a straight
lon/lat chord of 100 m departs from the geodesic by well under a millimetre), shapely 2 intersects that polyline
with each country's MultiPolygon in the lon/lat plane, and `GeodSolve -i` gives the distance from the start to
each end of each piece. Longitudes of the line are unwrapped (continuous) and each country is also tested shifted
by +-360 degrees, so lines across the antimeridian work; printed longitudes may then exceed 180.

    python3 scripts/land_crossings_check.py LAT1 LON1 LAT2 LON2 [data/land/countries-50m.geojson]

prints one line per piece: country, entry lat lon, exit lat lon, along-track distances of both in km.
"""

import json
import subprocess
import sys

from shapely.affinity import translate
from shapely.geometry import LineString, Point, shape
from shapely.ops import unary_union


def geod(args, text):
    return subprocess.run(["GeodSolve", *args, "-p", "12"], input=text, capture_output=True, text=True, check=True).stdout


def main():
    lat1, lon1, lat2, lon2 = map(float, sys.argv[1:5])
    path = sys.argv[5] if len(sys.argv) > 5 else "data/land/countries-50m.geojson"
    azi1, _, s12 = map(float, geod(["-i"], f"{lat1} {lon1} {lat2} {lon2}\n").split())
    n = int(s12 / 100) + 1
    distances = "".join(f"{s12 * i / n}\n" for i in range(n + 1))
    points = []
    for row in geod(["-L", str(lat1), str(lon1), str(azi1)], distances).splitlines():
        lat, lon = map(float, row.split()[:2])
        if points:
            while lon - points[-1][0] > 180:
                lon -= 360
            while lon - points[-1][0] < -180:
                lon += 360
        points.append((lon, lat))
    line = LineString(points)
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    rows = []
    for feature in collection["features"]:
        g = shape(feature["geometry"])
        g = unary_union([g, translate(g, 360, 0), translate(g, -360, 0)]).buffer(0)
        if not g.intersects(line):
            continue
        inter = g.intersection(line)
        for part in getattr(inter, "geoms", [inter]):
            if part.length == 0:
                continue
            a, b = part.coords[0], part.coords[-1]
            along = [float(geod(["-i"], f"{lat1} {lon1} {p[1]} {p[0]}\n").split()[2]) / 1000 for p in (a, b)]
            rows.append((along[0], feature["properties"]["name"], a, b, along[1]))
    for along_a, name, a, b, along_b in sorted(rows):
        print(f"{name}: entry {a[1]:.5f} {a[0]:.5f} exit {b[1]:.5f} {b[0]:.5f} along {along_a:.3f} {along_b:.3f} km")


if __name__ == "__main__":
    main()
