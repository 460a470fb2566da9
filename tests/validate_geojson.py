#!/usr/bin/env python3
"""Validate GeoJSON files with the independent `geojson-validator` package (pip install geojson-validator).

Usage: validate_geojson.py FILE [FILE ...]

For each file, runs the package's schema check (with `crs` flagged, RFC 7946 sec. 4) and its geometry checks,
and prints every finding. Exit status: 0 when no file has a finding, 1 when some file has, 2 when the package is
missing or a file cannot be read.

Criteria left out on purpose (valid GeoJSON that groundtrack writes by design; the package calls them
"problematic", not invalid):
  - excessive_coordinate_precision: the package flags more than 6 decimals; groundtrack writes 7 (1 cm).
  - excessive_vertices: the package flags more than 999 vertices; densified range rings have thousands.
  - holes: a range ring that contains both poles is the whole map with a hole (RFC 7946 sec. 3.1.6).

One finding is corrected: `crosses_antimeridian` normalises longitudes with (lon + 180) % 360 - 180, which maps
+180 to -180, so a line cut at the antimeridian (ending exactly at +180, RFC 7946 sec. 3.1.9) is reported as
jumping across it. Such a finding is dropped only when the feature's raw coordinates have no step of more than
180 degrees of longitude (a step along a pole, latitude +-90, is the pole closure and is allowed); the cut rule
itself is asserted by groundtrack's own tests.
"""

import json
import sys

try:
    import geojson_validator
except ImportError as error:  # pragma: no cover - reported to the caller
    print(f"validate_geojson: geojson-validator is not installed ({error}); pip install geojson-validator",
          file=sys.stderr)
    sys.exit(2)

INVALID = ("unclosed", "less_three_unique_nodes", "exterior_not_ccw", "interior_not_cw")
PROBLEMATIC = (
    "inner_and_exterior_ring_intersect",
    "self_intersection",
    "duplicate_nodes",
    "3d_coordinates",
    "outside_lat_lon_boundaries",
    "crosses_antimeridian",
)


def coordinate_arrays(geometry):
    """Every list of positions (line or ring) in a geometry."""
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind in ("LineString", "MultiPoint"):
        yield coords
    elif kind in ("Polygon", "MultiLineString"):
        yield from coords
    elif kind == "MultiPolygon":
        for polygon in coords:
            yield from polygon
    elif kind == "GeometryCollection":
        for g in geometry.get("geometries", []):
            yield from coordinate_arrays(g)


def really_jumps(geometry):
    """True when consecutive raw positions differ by more than 180 degrees of longitude (not along a pole)."""
    for positions in coordinate_arrays(geometry):
        for (x0, y0, *_), (x1, y1, *_) in zip(positions, positions[1:]):
            along_pole = y0 == y1 and abs(y0) == 90
            if abs(x1 - x0) > 180 and not along_pole:
                return True
    return False


def geometries_of(doc):
    """The geometries in the order geojson-validator indexes them."""
    kind = doc.get("type")
    if kind == "FeatureCollection":
        return [f.get("geometry") for f in doc.get("features", [])]
    if kind == "Feature":
        return [doc.get("geometry")]
    return [doc]


def findings_for(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    findings = {}
    structure = geojson_validator.validate_structure(doc, check_crs=True)
    if structure:
        findings["structure"] = structure
    result = geojson_validator.validate_geometries(doc, criteria_invalid=INVALID,
                                                   criteria_problematic=PROBLEMATIC)
    geometries = geometries_of(doc)
    problematic = dict(result.get("problematic", {}))
    flagged = problematic.pop("crosses_antimeridian", [])
    kept = []
    for entry in flagged:
        index = next(iter(entry)) if isinstance(entry, dict) else entry
        geometry = geometries[index] if 0 <= index < len(geometries) else None
        if geometry is not None and not really_jumps(geometry):
            print(f"validate_geojson: {path}: feature {index}: dropped the package's crosses_antimeridian "
                  "finding (+180 read as -180; no real jump)", file=sys.stderr)
        else:
            kept.append(entry)
    if kept:
        problematic["crosses_antimeridian"] = kept
    if result.get("invalid"):
        findings["invalid"] = result["invalid"]
    if problematic:
        findings["problematic"] = problematic
    if result.get("skipped_validation"):
        findings["skipped_validation"] = result["skipped_validation"]
    return findings


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    if hasattr(geojson_validator, "configure_logging"):
        geojson_validator.configure_logging(enabled=False)  # its INFO lines would bury the findings
    total = 0
    for path in paths:
        try:
            findings = findings_for(path)
        except (OSError, ValueError) as error:
            print(f"validate_geojson: {path}: cannot read: {error}", file=sys.stderr)
            return 2
        count = sum(len(v) for v in findings.values())
        total += count
        print(f"{path}: {count} findings" + (f" {json.dumps(findings, default=str)}" if count else ""))
    print(f"validate_geojson: {len(paths)} files, {total} findings")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
