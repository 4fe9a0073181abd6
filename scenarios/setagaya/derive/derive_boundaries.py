#!/usr/bin/python3
"""Derive the ILLUSTRATIVE district layer of Setagaya from the ward boundary and district centres.

Run with Debian's /usr/bin/python3 (python3-shapely 1.8 + stdlib):

    /usr/bin/python3 derive_boundaries.py            # rewrite ../geo/districts_illustrative.geojson
    /usr/bin/python3 derive_boundaries.py --out DIR  # write it into DIR instead
    /usr/bin/python3 derive_boundaries.py --check    # re-derive into a temp dir; exit 1 if the
                                                     # committed layer differs

The real boundaries of the 28 districts (地区) are not available to this project. This layer is a
stand-in so that maps can be drawn: the Voronoi cell of each district's approximate centre
(tables/districts.csv, approx_lat/approx_lon, about +-1 km) clipped to the real ward boundary
(sources/setagaya_ward_boundary.geojson, MLIT N03, simplified). The cells are NOT the districts'
boundaries; a ward replaces this file with its real layer (`wardsim geo dissolve`).
The output is deterministic: coordinates rounded to 6 decimals (about 0.1 m), fixed key order,
'\n' line endings, UTF-8.
"""

import argparse
import csv
import json
import math
import os
import sys

from shapely.geometry import MultiPoint, MultiPolygon, Point, Polygon, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import transform, unary_union, voronoi_diagram

sys.dont_write_bytecode = True  # importing derive_tables must not leave __pycache__ behind
from derive_tables import DataError, check_derivation, require  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.normpath(os.path.join(HERE, "..", "sources"))
TABLES = os.path.normpath(os.path.join(HERE, "..", "tables"))
GEO = os.path.normpath(os.path.join(HERE, "..", "geo"))

BOUNDARY_FILE = "setagaya_ward_boundary.geojson"
LAYER_FILE = "districts_illustrative.geojson"
DIGITS = 6  # decimal degrees kept: 1e-6 deg is about 0.1 m, far below the layer's accuracy
EARTH_RADIUS_KM = 6371.0088
CENTRE_TOLERANCE_KM = 1.0  # the stated accuracy of approx_lat/approx_lon

ILLUSTRATIVE_NOTE = (
    "ILLUSTRATIVE geometry, NOT the real district boundaries: Voronoi cells around approximate "
    "district centres (tables/districts.csv approx_lat/approx_lon, about +-1 km) clipped to the "
    "ward boundary (MLIT N03 via sources/setagaya_ward_boundary.geojson, simplified). Use it to "
    "place values on a map, never to measure areas or assign addresses; replace it with a real "
    "layer built by `wardsim geo dissolve`.")


def read_districts():
    with open(os.path.join(TABLES, "districts.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    require(len(rows) > 0, "tables/districts.csv has no rows")
    return rows


def read_ward_boundary():
    with open(os.path.join(SOURCES, BOUNDARY_FILE), encoding="utf-8") as f:
        doc = json.load(f)
    feats = doc.get("features", [])
    require(len(feats) == 1, "%s: expected 1 feature, found %d" % (BOUNDARY_FILE, len(feats)))
    ward = shape(feats[0]["geometry"])
    require(ward.is_valid and not ward.is_empty, "%s: the ward geometry is not valid" % BOUNDARY_FILE)
    return ward


def local_projection(lat0):
    """Equirectangular projection around the ward's latitude, in km, and its inverse: Voronoi cells
    must be built where distances are (nearly) true, not in degrees (a degree of longitude is 0.81
    of a degree of latitude here)."""
    kx = math.radians(1.0) * EARTH_RADIUS_KM * math.cos(math.radians(lat0))
    ky = math.radians(1.0) * EARTH_RADIUS_KM
    forward = lambda x, y, z=None: (x * kx, y * ky)  # noqa: E731
    inverse = lambda x, y, z=None: (x / kx, y / ky)  # noqa: E731
    return forward, inverse


def rounded(geom):
    """Round every vertex to DIGITS decimals, drop repeated vertices, exterior counter-clockwise
    (RFC 7946), always a MultiPolygon (one layer type for GeoPackage)."""
    def ring(coords):
        out = []
        for x, y in coords:
            p = (round(x, DIGITS), round(y, DIGITS))
            if not out or out[-1] != p:
                out.append(p)
        return out

    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    parts = []
    for poly in polys:
        p = orient(Polygon(ring(poly.exterior.coords), [ring(r.coords) for r in poly.interiors]), 1.0)
        if not p.is_empty:
            parts.append(p)
    return MultiPolygon(parts)


def geometry_json(multi):
    """GeoJSON coordinates with a fixed number of decimals (json.dumps would print 139.6 as 139.6
    but 139.600001 with all its digits: fine, but fix it for byte-stable output)."""
    return {"type": "MultiPolygon", "coordinates": [
        [[[float("%.*f" % (DIGITS, x)), float("%.*f" % (DIGITS, y))] for x, y in r]
         for r in [poly.exterior.coords] + [i.coords for i in poly.interiors]]
        for poly in multi.geoms]}


def derive(out_dir):
    districts = read_districts()
    ward = read_ward_boundary()
    lat0 = (ward.bounds[1] + ward.bounds[3]) / 2.0
    fwd, inv = local_projection(lat0)
    ward_km = transform(fwd, ward)

    # A centre may fall just outside the simplified boundary (two do, by 0.1 and 0.3 km): the
    # centres are only good to about 1 km, and its cell still reaches into the ward. Farther out
    # is a wrong coordinate.
    centres = []
    outside = []
    for r in districts:
        c = Point(fwd(float(r["approx_lon"]), float(r["approx_lat"])))
        off = ward_km.distance(c)
        require(off <= CENTRE_TOLERANCE_KM,
                "district %s: centre (%s, %s) is %.2f km outside the ward boundary" % (
                    r["district_id"], r["approx_lat"], r["approx_lon"], off))
        if off > 0:
            outside.append("%s %.2f km" % (r["district_id"], off))
        centres.append(c)
    require(len({(c.x, c.y) for c in centres}) == len(centres), "two districts share a centre")

    # No `envelope=`: shapely 1.8.5 on Debian 12 crashes when given one. GEOS's default frame is
    # the centres' extent grown by its larger side (about 9 km here), which holds the whole ward;
    # the tiling check below would catch a cell cut short by it.
    cells = voronoi_diagram(MultiPoint(centres))
    cell_of = {}
    for cell in cells.geoms:
        owners = [i for i, c in enumerate(centres) if cell.contains(c)]
        require(len(owners) == 1, "a Voronoi cell holds %d district centres" % len(owners))
        cell_of[owners[0]] = cell
    require(len(cell_of) == len(centres), "Voronoi gave %d cells for %d districts" % (
        len(cell_of), len(centres)))

    features = []
    pieces = []
    for i, r in enumerate(districts):
        clipped = cell_of[i].intersection(ward_km)
        require(not clipped.is_empty and clipped.geom_type in ("Polygon", "MultiPolygon"),
                "district %s: its cell does not meet the ward" % r["district_id"])
        geom = rounded(transform(inv, clipped))
        require(geom.is_valid, "district %s: rounded cell is not a valid polygon" % r["district_id"])
        pieces.append(geom)
        features.append({
            "type": "Feature",
            "properties": {
                "district_id": r["district_id"],
                "name_ja": r["name_ja"],
                "name_en": r["name_en"],
                "region_ja": r["region_ja"],
                "region_en": r["region_en"],
                "geometry_status": "illustrative",
            },
            "geometry": geometry_json(geom),
        })

    # The cells must tile the ward: their areas add up to the ward's and none overlap (up to the
    # rounding of vertices to 0.1 m).
    ward_area = ward_km.area
    cells_area = sum(transform(fwd, g).area for g in pieces)
    union_area = transform(fwd, unary_union(pieces)).area
    require(abs(cells_area - ward_area) < 1e-6 * ward_area,
            "cells cover %.6f km2, the ward %.6f km2" % (cells_area, ward_area))
    require(abs(union_area - cells_area) < 1e-6 * ward_area, "cells overlap")

    doc = {
        "type": "FeatureCollection",
        "name": "districts_illustrative",
        "description": ILLUSTRATIVE_NOTE,
        "wardsim_geometry_status": "illustrative",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [],
    }
    # One feature per line: readable diffs, and the file stays small.
    head = json.dumps(doc, ensure_ascii=False, indent=1)
    head = head[:head.rindex('"features"')] + '"features": [\n'
    body = ",\n".join(json.dumps(ft, ensure_ascii=False, separators=(",", ":")) for ft in features)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, LAYER_FILE), "w", encoding="utf-8", newline="\n") as f:
        f.write(head + body + "\n]\n}\n")
    return {"districts": len(features), "ward_km2": ward_area, "outside": outside,
            "smallest": min((transform(fwd, g).area, districts[i]["district_id"])
                            for i, g in enumerate(pieces)),
            "largest": max((transform(fwd, g).area, districts[i]["district_id"])
                           for i, g in enumerate(pieces))}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=GEO, help="output folder (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="re-derive into a temp dir and compare with the committed layer")
    args = ap.parse_args(argv)
    try:
        if args.check:
            return check_derivation(derive, args.out, "derive_boundaries", suffix=".geojson")
        S = derive(args.out)
    except DataError as e:
        print("derive_boundaries: ERROR: %s" % e, file=sys.stderr)
        return 2
    print("%d illustrative district cells tiling the ward (%.2f km2 on the simplified boundary); "
          "smallest %s %.2f km2, largest %s %.2f km2" % (
              S["districts"], S["ward_km2"], S["smallest"][1], S["smallest"][0],
              S["largest"][1], S["largest"][0]))
    print("centres outside the simplified boundary: %s" % (", ".join(S["outside"]) or "none"))
    print("written to %s" % os.path.join(args.out, LAYER_FILE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
