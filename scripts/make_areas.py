#!/usr/bin/env python3
"""Polygons for the gazetteer's area places, cut from the Natural Earth 1:50m outlines (data/land/README.md).

    python3 scripts/make_areas.py data/land/countries-50m.geojson data/land/areas.geojson

Needs shapely 2. Each area is named as in data/places.csv (the `name` property) and records how it was made:

- Islands (Hokkaido, Okushiri Island, Okinawa Island, Miyako Island): the polygon of Japan's outline that
  contains the gazetteer point. Oshima-Oshima (about 4 km across) is too small for 1:50m and keeps its radius.
- Oshima Peninsula, by the narrow interpretation (Wikipedia, "Oshima Peninsula": the peninsula begins at a line
  from Suttsu on the Sea of Japan to Oshamambe on Uchiura Bay, the Kuromatsunai lowland): Hokkaido's polygon cut
  by the line from Suttsu's coast (the outline's vertex nearest Suttsu, 42.783 N 140.233 E per Wikipedia) to the
  outline's vertex on Uchiura Bay nearest that point (at Oshamambe). The cut polygon closes through the Sea of
  Japan, Uchiura Bay and the Pacific, so it meets land only along that line.
Peninsulas without such a published boundary (Oga, Shakotan) and regions (Tohoku) keep their radius.
"""

import json
import sys

from shapely.geometry import Point, Polygon, mapping, shape
from shapely.geometry.polygon import orient

ISLANDS = {
    "Hokkaido": (142.0, 43.0),
    "Okushiri Island": (139.46722, 42.14917),
    "Okinawa Island": (127.92778, 26.47944),
    "Miyako Island": (125.317, 24.767),
}
SUTTSU = (140.233, 42.783)


def rounded(geom):
    m = mapping(orient(geom, 1.0))
    m["coordinates"] = [[[round(x, 4), round(y, 4)] for x, y in ring] for ring in m["coordinates"]]
    return m


def main(countries_path, out_path):
    with open(countries_path, encoding="utf-8") as f:
        countries = json.load(f)
    japan = next(shape(ft["geometry"]) for ft in countries["features"] if ft["properties"]["name"] == "Japan")
    features = []
    for name, point in ISLANDS.items():
        part = next(g for g in japan.geoms if g.contains(Point(point)))
        features.append((name, part, "Natural Earth 1:50m: Japan's polygon containing the gazetteer point"))
    hokkaido = next(g for g in japan.geoms if g.contains(Point(ISLANDS["Hokkaido"])))
    coast = list(hokkaido.exterior.coords)
    suttsu = min(coast, key=lambda c: Point(c).distance(Point(SUTTSU)))
    bay = [c for c in coast if 140.28 <= c[0] <= 140.7 and 42.3 <= c[1] <= 42.65]
    oshamambe = min(bay, key=lambda c: Point(c).distance(Point(suttsu)))
    # Past each end of the neck line into the sea, then around the peninsula through sea only.
    dx, dy = oshamambe[0] - suttsu[0], oshamambe[1] - suttsu[1]
    sea_nw = (suttsu[0] - 0.2 * dx, suttsu[1] - 0.2 * dy)
    bay_se = (oshamambe[0] + 0.1 * dx, oshamambe[1] + 0.1 * dy)
    cutter = Polygon([sea_nw, bay_se, (140.8, 42.3), (141.4, 42.0), (141.4, 41.0), (139.0, 41.0), (139.0, 42.95)])
    peninsula = hokkaido.intersection(cutter)
    if peninsula.geom_type != "Polygon":
        peninsula = max(peninsula.geoms, key=lambda g: g.area)
    features.append(
        (
            "Oshima Peninsula",
            peninsula,
            f"Natural Earth 1:50m Hokkaido south-west of the line {suttsu[1]:.4f} N {suttsu[0]:.4f} E (Suttsu) - "
            f"{oshamambe[1]:.4f} N {oshamambe[0]:.4f} E (Oshamambe, Uchiura Bay); Wikipedia, Oshima Peninsula",
        )
    )
    out = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": n, "source": s}, "geometry": rounded(g)} for n, g, s in features
        ],
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    for n, g, _ in features:
        print(f"{n}: {g.area:.4f} square degrees, bounds {tuple(round(v, 3) for v in g.bounds)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_areas.py countries-50m.geojson areas.geojson")
    main(sys.argv[1], sys.argv[2])
