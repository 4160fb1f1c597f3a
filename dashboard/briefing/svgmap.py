"""A static SVG map of places over country outlines, drawn in Python.

A briefing is emailed, printed and opened offline, so its map cannot depend on
tiles, scripts or a CDN: it is plain SVG built from geodata/outlines.geojson
(Natural Earth, public domain). Every name is escaped, so a place name from the
news is only ever text. Labels that would overlap fall back to a number that
the legend beside the map explains, so every place stays identified.

It is one module over 300 lines because it is one drawing: the view, the outlines, the places, their
labels and the scale bar all share one projection.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

OUTLINES_PATH = Path(__file__).resolve().parents[2] / "geodata" / "outlines.geojson"
# Countries meeting this lon/lat box are in outlines.geojson (geodata/build_outlines.py REGION).
OUTLINE_REGION = (-20.0, 5.0, 70.0, 72.0)
KIND_COLOURS = {
    "city": "#c0392b",
    "base": "#1f4e79",
    "province": "#7d5ba6",
    "region": "#2e7d6b",
    "country": "#8a6d3b",
}
DEFAULT_COLOUR = "#555555"
FONT = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif"
MIN_SPAN_DEG = 3.0  # a single place still shows its surroundings
PAD_FRACTION = 0.12
LABEL_SIZE = 12.0
MIN_STEP_PX = 1.0  # outline detail finer than this is dropped


@dataclass(frozen=True)
class MapPlace:
    """One place to draw: its number matches the legend and the briefing's place list."""

    number: int
    name: str
    lat: float
    lon: float
    kind: str | None = None
    weight: int = 1  # number of events; sets the marker size


@dataclass(frozen=True)
class View:
    """A lon/lat window projected onto a width x height box (equirectangular, scaled by cos(lat))."""

    lon_min: float
    lat_min: float
    lon_max: float
    lat_max: float
    width: float
    height: float

    @property
    def kx(self) -> float:
        return self.width / (self.lon_max - self.lon_min)

    @property
    def ky(self) -> float:
        return self.height / (self.lat_max - self.lat_min)

    def contains(self, lon: float, lat: float) -> bool:
        return self.lon_min <= lon <= self.lon_max and self.lat_min <= lat <= self.lat_max

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon_min) * self.kx, (self.lat_max - lat) * self.ky


def fit_view(points: Sequence[tuple[float, float]], width: float, height: float) -> View:
    """The smallest padded window holding every (lon, lat), stretched to the box's aspect ratio."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    lon_c, lat_c = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    span_lon = max(max(lons) - min(lons), MIN_SPAN_DEG) * (1 + 2 * PAD_FRACTION)
    span_lat = max(max(lats) - min(lats), MIN_SPAN_DEG) * (1 + 2 * PAD_FRACTION)
    coslat = max(math.cos(math.radians(lat_c)), 0.2)
    # Degrees of longitude are shorter than degrees of latitude by cos(lat):
    # widen whichever span is short so the map keeps true proportions.
    if span_lon * coslat / span_lat < width / height:
        span_lon = span_lat * (width / height) / coslat
    else:
        span_lat = span_lon * coslat / (width / height)
    lat_min = max(lat_c - span_lat / 2, -89.0)
    lat_max = min(lat_c + span_lat / 2, 89.0)
    return View(lon_c - span_lon / 2, lat_min, lon_c + span_lon / 2, lat_max, width, height)


@lru_cache(maxsize=2)
def load_outlines(path: Path = OUTLINES_PATH) -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    """(country name, rings) for every country; read once per process."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for feature in data["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = tuple(tuple((float(x), float(y)) for x, y in ring) for poly in polygons for ring in poly)
        out.append((str(feature["properties"].get("name", "")), rings))
    return tuple(out)


def _ring_path(ring: Sequence[tuple[float, float]], view: View) -> str:
    """SVG path data for one ring, in whole-ish pixels, dropping points that round together."""
    parts: list[str] = []
    last: tuple[float, float] | None = None
    for lon, lat in ring:
        x, y = view.project(lon, lat)
        pt = (round(x, 1), round(y, 1))
        # Points closer than a pixel to the last kept one add bytes, not shape.
        if last is not None and abs(pt[0] - last[0]) < MIN_STEP_PX and abs(pt[1] - last[1]) < MIN_STEP_PX:
            continue
        parts.append(f"{pt[0]:g},{pt[1]:g}")
        last = pt
    if len(parts) < 3:
        return ""
    return "M" + "L".join(parts) + "Z"


def _intersects(ring: Sequence[tuple[float, float]], view: View) -> bool:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return not (
        max(lons) < view.lon_min or min(lons) > view.lon_max or max(lats) < view.lat_min or min(lats) > view.lat_max
    )


def _outline_paths(view: View, outlines_path: Path) -> list[str]:
    paths = []
    for name, rings in load_outlines(outlines_path):
        d = "".join(_ring_path(r, view) for r in rings if _intersects(r, view))
        if d:
            paths.append(f'<path class="land" d="{d}"><title>{_esc(name)}</title></path>')
    return paths


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _radius(weight: int) -> float:
    return 3.0 + 2.0 * math.sqrt(max(weight, 1))


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_candidates(x: float, y: float, r: float, w: float, h: float) -> list[tuple[float, float, str, Box]]:
    """(text x, baseline y, anchor, box) for right, left, above and below the marker."""
    gap = r + 3
    return [
        (x + gap, y + h / 3, "start", (x + gap, y - h / 2, x + gap + w, y + h / 2)),
        (x - gap, y + h / 3, "end", (x - gap - w, y - h / 2, x - gap, y + h / 2)),
        (x, y - gap - 2, "middle", (x - w / 2, y - gap - h, x + w / 2, y - gap)),
        (x, y + gap + h - 2, "middle", (x - w / 2, y + gap, x + w / 2, y + gap + h)),
    ]


def _place_labels(
    marks: list[tuple[MapPlace, float, float, float]], view: View, labelled_elsewhere: frozenset[str] = frozenset()
) -> list[tuple[MapPlace, str, float, float, str]]:
    """Greedy label placement: the name where it fits, else the legend number.

    Busier places are labelled first, so the places that matter most keep
    their names when a cluster is crowded. A place that a detail map labels
    (`labelled_elsewhere`) gets no number piled on the crowd here.
    """
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for _, x, y, r in marks]
    labels = []
    inside = (0.0, 0.0, view.width, view.height)
    for place, x, y, r in sorted(marks, key=lambda m: (-m[0].weight, m[0].number)):
        own = (x - r, y - r, x + r, y + r)
        others = [b for b in taken if b != own]
        placed = False
        for text in (place.name, str(place.number)):
            w = LABEL_SIZE * 0.56 * len(text) + 4
            for tx, ty, anchor, box in _label_candidates(x, y, r, w, LABEL_SIZE + 2):
                fits = box[0] >= inside[0] and box[1] >= inside[1] and box[2] <= inside[2] and box[3] <= inside[3]
                if fits and not any(_overlaps(box, b) for b in others):
                    labels.append((place, text, tx, ty, anchor))
                    taken.append(box)
                    placed = True
                    break
            if placed:
                break
        if not placed and place.name not in labelled_elsewhere:  # nowhere free: the number below the marker
            labels.append((place, str(place.number), x, y + r + LABEL_SIZE, "middle"))
    return labels


def render_svg(
    places: Iterable[MapPlace],
    *,
    width: float = 760,
    height: float = 460,
    title: str = "Map",
    view: View | None = None,
    outlines_path: Path = OUTLINES_PATH,
    labelled_elsewhere: Iterable[str] = (),
) -> str:
    """An <svg> element (no scripts, no external references) showing the places over country outlines."""
    places = [p for p in places if math.isfinite(p.lat) and math.isfinite(p.lon)]
    if view is None:
        points = [(p.lon, p.lat) for p in places] or [(38.5, 35.0)]
        view = fit_view(points, width, height)
    marks = []
    for p in places:
        x, y = view.project(p.lon, p.lat)
        if 0 <= x <= view.width and 0 <= y <= view.height:
            marks.append((p, x, y, _radius(p.weight)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" viewBox="0 0 {view.width:g} {view.height:g}"'
        f' width="{view.width:g}" height="{view.height:g}" font-family="{_esc(FONT)}">',
        f"<title>{_esc(title)}</title>",
        "<style>.land{fill:#ecebe4;stroke:#9a9a90;stroke-width:0.6}"
        ".sea{fill:#dfe9f0}.lbl{font-size:12px;fill:#1b1b1b;paint-order:stroke;stroke:#ffffff;user-select:none;"
        "stroke-width:3px;stroke-linejoin:round}.num{font-weight:700}</style>",
        f'<rect class="sea" x="0" y="0" width="{view.width:g}" height="{view.height:g}"/>',
        *_outline_paths(view, outlines_path),
    ]
    for p, x, y, r in marks:
        colour = KIND_COLOURS.get(p.kind or "", DEFAULT_COLOUR)
        hollow = p.kind in ("country", "province", "region")
        fill = "#ffffff" if hollow else colour
        parts.append(
            f'<circle class="marker" data-place="{_esc(p.name)}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
            f'fill="{fill}" fill-opacity="0.9" stroke="{colour}" stroke-width="{2 if hollow else 1.2}">'
            f"<title>{p.number}. {_esc(p.name)} ({_esc(p.kind or 'place')}, {p.weight} event(s))</title></circle>"
        )
    for p, text, tx, ty, anchor in _place_labels(marks, view, frozenset(labelled_elsewhere)):
        cls = "lbl" if text == p.name else "lbl num"
        parts.append(
            f'<text class="{cls}" data-place="{_esc(p.name)}" x="{tx:.1f}" y="{ty:.1f}" '
            f'text-anchor="{anchor}">{_esc(text)}</text>'
        )
    parts.append(_scale_bar(view))
    if not covered(view):
        parts.append(
            f'<text x="{view.width - 8:g}" y="{view.height - 8:g}" font-size="10" fill="#5f6b76" '
            'text-anchor="end">Outlines drawn only for Europe, Africa, the Middle East and west Asia</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def covered(view: View) -> bool:
    """Whether geodata/outlines.geojson covers the whole view (it holds only countries meeting OUTLINE_REGION)."""
    lon0, lat0, lon1, lat1 = OUTLINE_REGION
    return view.lon_min >= lon0 and view.lon_max <= lon1 and view.lat_min >= lat0 and view.lat_max <= lat1


def _scale_bar(view: View) -> str:
    """A round-number distance bar, so readers can judge how far apart places are."""
    lat_c = (view.lat_min + view.lat_max) / 2
    km_per_px = 111.32 * math.cos(math.radians(lat_c)) / view.kx
    target = km_per_px * view.width / 5
    nice = max((n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000) if n <= target), default=1)
    px = nice / km_per_px
    x0, y0 = 14.0, view.height - 14.0
    return (
        f'<g class="scale"><rect x="{x0 - 6:.1f}" y="{y0 - 20:.1f}" width="{px + 12:.1f}" height="28" fill="#ffffff" '
        f'fill-opacity="0.75"/><path d="M{x0:.1f},{y0 - 4:.1f}V{y0:.1f}H{x0 + px:.1f}V{y0 - 4:.1f}" fill="none" '
        f'stroke="#333" stroke-width="1.2"/><text x="{x0:.1f}" y="{y0 - 7:.1f}" font-size="10">{nice:,} km</text></g>'
    )


def cluster_view(places: Sequence[MapPlace], width: float, height: float, radius_km: float = 450) -> View | None:
    """A closer view of the busiest place's neighbourhood, when the overview crowds it.

    Returns None when every place already lies in that neighbourhood (the
    overview is then the detail) or when fewer than two places share it.
    """
    usable = [p for p in places if math.isfinite(p.lat) and math.isfinite(p.lon)]
    if len(usable) < 2:
        return None
    centre = max(usable, key=lambda p: (p.kind not in ("country", "region"), p.weight, -p.number))
    near = [p for p in usable if _km(p, centre) <= radius_km]
    if len(near) < 2 or len(near) == len(usable):
        return None
    return fit_view([(p.lon, p.lat) for p in near], width, height)


def _km(a: MapPlace, b: MapPlace) -> float:
    """Great-circle distance (haversine), good enough to group places for a view."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


FAR_FLOOR_DEG = 6.0  # as the app's map: places this close to the rest are never "far"


def core_places(places: Sequence[MapPlace]) -> list[MapPlace]:
    """The places an overview should fit: within three median distances (at least 6 degrees) of the median point.

    One line about a prayer for Myanmar and Sudan must not stretch a map of
    Syria to half the world; the far places are listed beside the map instead.
    """
    usable = [p for p in places if math.isfinite(p.lat) and math.isfinite(p.lon)]
    if len(usable) < 3:
        return usable
    lat_m = sorted(p.lat for p in usable)[len(usable) // 2]
    lon_m = sorted(p.lon for p in usable)[len(usable) // 2]
    dist = [math.hypot(p.lat - lat_m, p.lon - lon_m) for p in usable]
    limit = max(3 * sorted(dist)[len(dist) // 2], FAR_FLOOR_DEG)
    return [p for p, d in zip(usable, dist, strict=True) if d <= limit]
