#!/usr/bin/env python3
"""Convert Natural Earth 1:50m country polygons from world-atlas TopoJSON to the GeoJSON that groundtrack embeds.

Source: the npm package world-atlas 2.0.2 (Mike Bostock's redistribution of Natural Earth 4.1.0 Admin 0 countries,
1:50m), file countries-50m.json. Get it with

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz

and run

    python3 scripts/convert_countries.py /tmp/package/countries-50m.json data/land/countries-50m.geojson

Needs Python 3 and shapely 2 (`pip install shapely`), used only to clip the three rings that cross the
antimeridian. What it does:

1. Decodes the quantized, delta-encoded TopoJSON arcs (TopoJSON specification 2.1.5: position = cumulative
   sum of deltas times `transform.scale` plus `transform.translate`); a negative arc index ~i is arc i reversed,
   and consecutive arcs of a ring share their end point, which is kept once.
2. Cuts the rings that cross the antimeridian (world-atlas stitched Natural Earth's polygons back together for
   d3's spherical geometry: Russia's Chukotka, Fiji and Antarctica cross it). Such a ring's longitudes are
   unwrapped into one continuous run; a ring that winds once around a pole (Antarctica) is closed along that
   pole (latitude -90), the largest ring becomes the exterior, and d3's sliver ring along latitude -89.999
   around the south pole is dropped; the planar polygon is then clipped to the windows [-540, -180], [-180, 180] and
   [180, 540] of longitude, each piece shifted back into [-180, 180].
3. Rewinds every ring for GeoJSON (RFC 7946 sec. 3.1.6): world-atlas follows d3-geo's spherical convention, in
   which exterior rings run clockwise; GeoJSON wants exterior rings counter-clockwise and holes clockwise. The
   orientation is taken from the signed planar area in lon/lat (shoelace formula), so every exterior ring comes
   out counter-clockwise and every hole clockwise whatever the input did.
4. Rounds coordinates to 4 decimals (at most 0.00005 degrees, 5.6 m, against a source grid of 0.0036 x 0.0017
   degrees, i.e. about 400 m x 190 m) and drops consecutive repeats.
5. Writes one Feature per country, geometry always a MultiPolygon, properties `name` (Natural Earth's short
   name as world-atlas gives it) and `iso_n3` (ISO 3166-1 numeric code as a string, or null where Natural
   Earth has none), sorted by name. A `source` foreign member on the collection records the provenance.

Longitudes end in [-180, 180]; a piece cut at the antimeridian has an edge along longitude 180 or -180 that is
a cut, not a coast or border (the map does not stroke it).
"""

import json
import sys

from shapely.geometry import Polygon, box
from shapely.geometry.polygon import orient
from shapely.affinity import translate

DECIMALS = 4


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(arc_indices, arcs):
    ring = []
    for index in arc_indices:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        if ring:
            points = points[1:]
        ring.extend(points)
    return ring


def rounded(ring):
    out = []
    for x, y in ring:
        p = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or out[-1] != p:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def signed_area(ring):
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))


def oriented(ring, counter_clockwise):
    return ring if (signed_area(ring) > 0) == counter_clockwise else list(reversed(ring))


def crosses_antimeridian(ring):
    return any(abs(b[0] - a[0]) > 180 for a, b in zip(ring, ring[1:]))


def unwrapped(ring):
    """The ring with longitudes made continuous; closed along the pole if it winds around one."""
    out = [ring[0]]
    for x, y in ring[1:]:
        px = out[-1][0]
        while x - px > 180:
            x -= 360
        while x - px < -180:
            x += 360
        out.append((x, y))
    if abs(out[-1][0] - out[0][0]) > 180:
        pole = -90.0 if sum(y for _, y in out) < 0 else 90.0
        out = out[:-1] + [(out[-1][0], pole), (out[0][0], pole), out[0]]
    return out


def pieces_in_range(polygon):
    """Clips a planar polygon with unwrapped longitudes into polygons within [-180, 180]."""
    pieces = []
    for shift in (-360, 0, 360):
        window = box(-180 + shift, -90, 180 + shift, 90)
        part = polygon.intersection(window)
        for g in getattr(part, "geoms", [part]):
            if isinstance(g, Polygon) and not g.is_empty and g.area > 0:
                pieces.append(translate(g, -shift, 0))
    return pieces


def polygons_of(geometry, arcs):
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    polygons = []
    for part in parts:
        rings = [ring_of(indices, arcs) for indices in part]
        if any(crosses_antimeridian(r) for r in rings):
            # d3 draws Antarctica as a sliver ring along latitude -89.999 around the pole with the coast as its
            # hole; in the plane the coast closed along the pole is the exterior and the sliver is dropped.
            planar_rings = sorted(
                (unwrapped(r) for r in rings if max(y for _, y in r) - min(y for _, y in r) > 1e-6),
                key=lambda r: -abs(signed_area(r)),
            )
            planar = Polygon(planar_rings[0], planar_rings[1:]).buffer(0)
            pieces = [
                [list(orient(p, 1.0).exterior.coords)] + [list(h.coords) for h in orient(p, 1.0).interiors]
                for p in pieces_in_range(planar)
            ]
        else:
            pieces = [rings]
        for piece in pieces:
            out = []
            for i, ring in enumerate(piece):
                ring = rounded(ring)
                if len(ring) < 4:
                    continue
                out.append(oriented(ring, counter_clockwise=(i == 0)))
            if out:
                polygons.append([[list(p) for p in r] for r in out])
    return polygons


def main(source, target):
    with open(source, encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = polygons_of(geometry, arcs)
        if not polygons:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": geometry.get("properties", {}).get("name"),
                    "iso_n3": geometry.get("id"),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 4.1.0 Admin 0 countries 1:50m (public domain), via npm world-atlas 2.0.2 "
        "countries-50m.json; converted by scripts/convert_countries.py",
        "features": features,
    }
    with open(target, "w", encoding="utf-8") as f:
        json.dump(collection, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(features)} countries, {sum(len(r) for ft in features for p in ft['geometry']['coordinates'] for r in p)} positions -> {target}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: convert_countries.py countries-50m.json OUT.geojson")
    main(sys.argv[1], sys.argv[2])
