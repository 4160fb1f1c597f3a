"""Build geodata/outlines.geojson, the offline basemap, from world-atlas TopoJSON.

The map must render without network access (see STACK_NOTES: no tiles, no CDN),
so country outlines ship with the repo. They come from Natural Earth 1:50m
(public domain) as packaged by the npm package ``world-atlas@2.0.2``:

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python geodata/build_outlines.py package/countries-50m.json

TopoJSON is decoded here in plain Python (no new dependency). The decoding
helpers are also used by build_gazetteer.py to place country points.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

Point = tuple[float, float]  # (lon, lat)
Ring = list[Point]
Polygon = list[Ring]  # first ring is the outer ring, the rest are holes

REGION = (-20.0, 5.0, 70.0, 72.0)  # lon_min, lat_min, lon_max, lat_max
MAX_BYTES = 1_500_000
SIMPLIFY_STEP = 0.02  # degrees; only used when the file would be too big
DEFAULT_OUT = Path(__file__).resolve().parent / "outlines.geojson"


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Turn quantized, delta-encoded arcs into absolute lon/lat point lists."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point] = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def stitch_ring(arc_ids: Sequence[int], arcs: list[list[Point]]) -> Ring:
    """Join arcs into one ring; a negative id (~i) means arc i reversed.

    Consecutive arcs share their end point, so the first point of every arc
    after the first is dropped.
    """
    ring: Ring = []
    for index, arc_id in enumerate(arc_ids):
        points = arcs[~arc_id][::-1] if arc_id < 0 else arcs[arc_id]
        ring.extend(points if index == 0 else points[1:])
    return ring


def geometry_polygons(geometry: dict, arcs: list[list[Point]]) -> list[Polygon]:
    """Polygons of a TopoJSON Polygon/MultiPolygon geometry (others: none)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        groups = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        groups = geometry["arcs"]
    else:
        return []
    return [[stitch_ring(ring, arcs) for ring in polygon] for polygon in groups]


def decode_countries(topology: dict) -> dict[str, list[Polygon]]:
    """Map each country name to its polygons (full precision, whole world)."""
    arcs = decode_arcs(topology)
    countries: dict[str, list[Polygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        polygons = geometry_polygons(geometry, arcs)
        if name and polygons:
            countries.setdefault(name, []).extend(polygons)
    return countries


def bbox(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def intersects_region(polygons: list[Polygon], region: tuple[float, ...] = REGION) -> bool:
    """True if any polygon's bbox meets the region.

    Checked per polygon, not per country: a country spanning the antimeridian
    (the USA with the Aleutians) has a world-wide bbox but no land here.
    """
    for polygon in polygons:
        x0, y0, x1, y1 = bbox(polygon[0])
        if x0 <= region[2] and x1 >= region[0] and y0 <= region[3] and y1 >= region[1]:
            return True
    return False


def simplify_ring(ring: Ring, step: float) -> Ring:
    """Drop points closer than ``step`` to the last kept one; keep closure and >= 4 points."""
    if len(ring) <= 4:
        return ring
    kept = [ring[0]]
    for point in ring[1:-1]:
        if math.dist(point, kept[-1]) >= step:
            kept.append(point)
    kept.append(ring[-1])
    if len(kept) < 4:
        return ring
    return kept


def round_ring(ring: Ring) -> list[list[float]]:
    """Round to 3 decimals (~100 m), dropping repeats the rounding creates."""
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, 3), round(lat, 3)]
        if not out or out[-1] != point:
            out.append(point)
    if out[0] != out[-1]:
        out.append(list(out[0]))
    return out


def feature(name: str, polygons: list[Polygon], step: float | None) -> dict:
    coords = []
    for polygon in polygons:
        rings = [simplify_ring(r, step) if step else r for r in polygon]
        rounded = [round_ring(r) for r in rings]
        rounded = [r for r in rounded if len(r) >= 4]
        if rounded:
            coords.append(rounded)
    return {
        "type": "Feature",
        "properties": {"name": name},
        "geometry": {"type": "MultiPolygon", "coordinates": coords},
    }


def build(topology: dict, step: float | None) -> dict:
    countries = decode_countries(topology)
    features = [
        feature(name, polygons, step)
        for name, polygons in sorted(countries.items())
        if intersects_region(polygons)
    ]
    return {"type": "FeatureCollection", "features": features}


def dump(collection: dict) -> str:
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="path to world-atlas countries-50m.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    text = dump(build(topology, step=None))
    if len(text.encode("utf-8")) > MAX_BYTES:
        text = dump(build(topology, step=SIMPLIFY_STEP))
    args.out.write_text(text + "\n", encoding="utf-8")
    count = text.count('"type":"Feature"')
    print(f"wrote {args.out}: {count} countries, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
