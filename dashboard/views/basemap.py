"""The map under the places: country outlines drawn from a bundled file, never from the network.

The outlines (Natural Earth, public domain, in geodata/outlines.geojson) are drawn under everything, so
the map is never empty offline; OpenStreetMap tiles are drawn only when a deployment asks for them
(`DASHBOARD_TILES=osm`) and can reach them. Country name points come from the outlines too.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement

OUTLINES_PATH = Path(__file__).resolve().parents[2] / "geodata" / "outlines.geojson"


TILES_ENV = "DASHBOARD_TILES"  # "osm" draws OpenStreetMap tiles (needs internet); default "none"


BASEMAPS = ("auto", "none", "osm")


OUTLINES_ATTRIBUTION = "Outlines: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0), Wikipedia"


OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


class OutlinesLayer(MacroElement):
    """Country outlines as the offline basemap: not interactive, so clicks reach the places."""

    _template = folium.template.Template(
        """
        {% macro script(this, kwargs) %}
        if (!{{ this._parent.get_name() }}.getPane("basemap")) {
            // Below every overlay (z 400), above tiles (z 200): Leaflet stacks SVG over canvas
            // within a pane, so outlines in the overlay pane would hide the canvas-drawn places.
            {{ this._parent.get_name() }}.createPane("basemap").style.zIndex = 250;
        }
        var {{ this.get_name() }} = L.geoJSON(null, {
            pane: "basemap",
            interactive: false,
            attribution: {{ this.attribution|tojson }},
            style: function() { return {{ this.style|tojson }}; }
        }).addTo({{ this._parent.get_name() }});
        {% if this.url %}
        fetch({{ this.url|tojson }}).then(function(r) { return r.json(); }).then(function(d) {
            {{ this.get_name() }}.addData(d);
            {{ this.get_name() }}.bringToBack();
        });
        {% else %}
        {{ this.get_name() }}.addData({{ this.data_js }});
        {% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, data_js: str | None, style: dict[str, Any], url: str | None = None) -> None:
        """Inline the outlines (`data_js`: a self-contained map) or fetch them from `url`.

        The app fetches them from its static folder: the map it sends on every
        rerun then stays a few kilobytes instead of the outlines' ~660 KB.
        """
        super().__init__()
        self._name = "OutlinesLayer"
        self.data_js = data_js
        self.url = url
        self.style = style
        self.attribution = OUTLINES_ATTRIBUTION


@lru_cache(maxsize=2)
def country_labels(path: Path = OUTLINES_PATH) -> list[list[Any]]:
    """[name, lat, lon, width in degrees] per country: the centre of its largest polygon, for basemap labels."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data.get("features", []):
        name = (feature.get("properties") or {}).get("name")
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        rings = [poly[0] for poly in polys if poly and len(poly[0]) >= 3]
        if not name or not rings:
            continue
        ring = max(rings, key=lambda r: abs(_ring_area(r)))
        lon, lat = _ring_centroid(ring)
        lons = [pt[0] for pt in ring]
        out.append([str(name), round(lat, 3), round(lon, 3), round(max(lons) - min(lons), 2)])
    return out


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float]:
    area = _ring_area(ring)
    if abs(area) < 1e-9:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


@lru_cache(maxsize=2)
def outlines_js(path: Path = OUTLINES_PATH) -> str:
    """The outlines file as a JS literal, validated once and made safe inside a <script>."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") != "FeatureCollection":
        raise ValueError(f"{path}: not a GeoJSON FeatureCollection; rebuild it with geodata/build_outlines.py")
    return json.dumps(data, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")


def resolve_basemap(basemap: str = "auto") -> str:
    """'none' or 'osm'. 'auto' reads DASHBOARD_TILES and defaults to 'none' (offline-safe)."""
    if basemap not in BASEMAPS:
        raise ValueError(f"basemap={basemap!r}: use one of {', '.join(BASEMAPS)}")
    if basemap == "auto":
        env = (os.environ.get(TILES_ENV) or "none").strip().lower()
        return "osm" if env == "osm" else "none"
    return basemap
