"""The map: a folium map drawn from a place summary (`Selection.places`).

Places are ONE Leaflet GeoJSON layer whose points become small `DivIcon`
markers: no image is fetched (the default pin is a URL), Leaflet's `title`
option puts the place name on each marker for screen readers and tests, and
the layer stays fast at tens of thousands of places (see STACK_NOTES).

Text from the news never becomes code here: names travel as GeoJSON
properties serialised with Jinja's html-safe `tojson`, and the tooltip HTML is
escaped in Python (`views.esc`). The basemap is the bundled Natural Earth
outlines, drawn under everything, so the map is never empty offline.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement

from dashboard.assets import leaflet_urls
from dashboard.views import esc

OUTLINES_PATH = Path(__file__).resolve().parent.parent / "geodata" / "outlines.geojson"
TILES_ENV = "DASHBOARD_TILES"  # "osm" draws OpenStreetMap tiles (needs internet); default "none"
BASEMAPS = ("auto", "none", "osm")
OUTLINES_ATTRIBUTION = "Outlines: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0), Wikipedia"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
MAP_SIZE_PX = (520, 520)  # the size the default view is fitted to


@dataclass(frozen=True)
class KindStyle:
    """How one kind of place is drawn; `shape` names a CSS class in MAP_CSS."""

    label: str
    color: str
    shape: str
    extra: int  # added to the marker's size: areas are drawn larger than points
    z: int  # stacking: points above areas, so an area never hides a city


KIND_STYLES: dict[str, KindStyle] = {
    "city": KindStyle("City or town", "#1f5fbf", "dot", 0, 0),
    "base": KindStyle("Military base", "#c0392b", "square", 0, 0),
    "province": KindStyle("Province (area, dashed ring)", "#7d3c98", "ring-dashed", 16, -20000),
    "region": KindStyle("Region (area, dotted ring)", "#16a085", "ring-dotted", 16, -20000),
    "country": KindStyle("Country (whole country)", "#6b6b6b", "ring", 12, -30000),
}
OTHER_STYLE = KindStyle("Other", "#333333", "dot", 0, 0)

# Static CSS (no news text): the marker shapes and the legend.
MAP_CSS = """
<style>
.place-icon { box-sizing: border-box; border-radius: 50%; cursor: pointer; }
.place-icon.dot { background: var(--c); border: 2px solid #fff; box-shadow: 0 0 0 1px var(--c); opacity: .9; }
.place-icon.square { background: var(--c); border: 2px solid #fff; border-radius: 3px; box-shadow: 0 0 0 1px var(--c); }
.leaflet-container { background: #cfe3ef; }
.leaflet-control-attribution { font-size: 10px !important; }
.place-icon.ring-dashed { border: 3px dashed var(--c); background: rgba(125, 60, 152, .08); }
.place-icon.ring-dotted { border: 3px dotted var(--c); background: rgba(22, 160, 133, .08); }
.place-icon.ring { border: 2px solid var(--c); background: rgba(107, 107, 107, .12); }
.place-icon.is-selected { outline: 3px solid #ffbf00; outline-offset: 2px; }
.map-legend { background: rgba(255, 255, 255, .92); padding: 6px 9px; border-radius: 4px; font: 12px/1.5 sans-serif;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .3); color: #222; pointer-events: none; }  /* a marker under it stays clickable */
.map-legend .sw { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -2px; }
</style>
"""


def kind_style(kind: object) -> KindStyle:
    return KIND_STYLES.get(kind, OTHER_STYLE) if isinstance(kind, str) else OTHER_STYLE


def _is_placed(lat: object, lon: object) -> bool:
    try:
        return math.isfinite(float(lat)) and math.isfinite(float(lon))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def place_data(places: pd.DataFrame, selected: str | None = None) -> dict[str, Any]:
    """The placed places as columns (names, kinds, counts, coordinates): what the map draws.

    The map is resent on every rerun, so this is as small as it can be (about
    50 bytes a place): sizes, colours and tooltips are worked out by the
    layer's script from `KIND_STYLES`. Text travels only as data, never as markup.
    """
    empty: dict[str, Any] = {"name": [], "kind": [], "n": [], "lat": [], "lon": [], "selected": selected}
    if places is None or places.empty:
        return empty
    lat = pd.to_numeric(places["lat"], errors="coerce")
    lon = pd.to_numeric(places["lon"], errors="coerce")
    placed = (lat.notna() & lon.notna()).to_numpy()
    counts = places["n_events"] if "n_events" in places.columns else pd.Series(1, index=places.index)
    counts = pd.to_numeric(counts, errors="coerce").fillna(0).astype(int)
    kinds = places["kind"].where(places["kind"].isin(list(KIND_STYLES)), "").fillna("")
    # Busiest first: the layer draws the first DOM_MARKERS as full markers, the rest as dots.
    order = np.argsort(-counts[placed].to_numpy(), kind="stable")
    return {
        "name": [str(n) for n in places["name"][placed].to_numpy()[order]],
        "kind": [str(k) for k in kinds[placed].to_numpy()[order]],
        "n": counts[placed].to_numpy()[order].tolist(),
        "lat": lat[placed].round(5).to_numpy()[order].tolist(),
        "lon": lon[placed].round(5).to_numpy()[order].tolist(),
        "selected": selected,
    }


def style_table() -> dict[str, dict[str, Any]]:
    """What the layer's script needs to draw each kind (fixed text of ours, not the news')."""
    table = {k: s for k, s in KIND_STYLES.items()}
    table[""] = OTHER_STYLE
    return {
        k: {"color": s.color, "shape": s.shape, "extra": s.extra, "z": s.z, "label": s.label.split(" (")[0].lower()}
        for k, s in table.items()
    }


# How many places get a full marker (a DOM element with the name as its `title`, for screen
# readers and keyboard use). Past that, the long tail of less-reported places is drawn as dots
# on one canvas: 30,000 DOM markers take seconds to draw, 30,000 canvas dots a fraction of one.
DOM_MARKERS = 1500


class PlacesLayer(MacroElement):
    """One layer with a marker per place, the busiest `DOM_MARKERS` with the place name as `title`.

    Size grows with the square root of the count (so area tracks events),
    smaller markers sit on top so a small city is never buried under a big
    neighbour, and the tooltip is built from escaped text. The layer notes
    when it is drawn (`window.placesDrawnAt`) for the browser benchmark.
    """

    _template = folium.template.Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function() {
            var styles = {{ this.styles|tojson }};
            function esc(s) {
                return String(s).replace(/[&<>"']/g, function(c) {
                    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
                });
            }
            var d = {{ this.data|tojson }};
            var group = L.featureGroup();
            var dots = null;
            for (var i = 0; i < d.name.length; i++) {
                var p = {name: d.name[i], kind: d.kind[i], n_events: d.n[i], selected: d.name[i] === d.selected};
                var at = L.latLng(d.lat[i], d.lon[i]);
                if (i < {{ this.dom_markers }} || p.selected) {
                    group.addLayer(placeMarker(at, p));
                } else {
                    dots = dots || L.canvas({padding: 0.2});
                    group.addLayer(placeDot(at, p, dots));
                }
            }
            group.on("add", function() {
                window.placesDrawnAt = null;
                L.Util.requestAnimFrame(function() { window.placesDrawnAt = performance.now(); });
            });
            return group;
            function sizeOf(p, st) {
                var n = Math.max(p.n_events, 1);
                return Math.floor(Math.min(12 + 6 * Math.sqrt(n - 1), 44)) + st.extra;
            }
            function tooltipOf(p, st) {
                var count = p.n_events + (p.n_events === 1 ? " event" : " events");
                return "<b>" + esc(p.name) + "</b><br>" + count + " \u00b7 " + esc(st.label);
            }
            function placeDot(latlng, p, renderer) {
                var st = styles[p.kind] || styles[""];
                var size = sizeOf(p, st);
                var area = st.extra > 0;
                var dot = L.circleMarker(latlng, {
                    renderer: renderer, radius: Math.max(size / 2 - 2, 3), color: st.color, weight: area ? 2 : 1,
                    fillColor: st.color, fillOpacity: area ? 0.08 : 0.75,
                    dashArray: st.shape === "ring-dashed" ? "4 3" : null
                });
                dot.bindTooltip(tooltipOf(p, st), {direction: "top"});
                return dot;
            }
            function placeMarker(latlng, p) {
                var st = styles[p.kind] || styles[""];
                var size = sizeOf(p, st);
                var css = "place-icon " + st.shape + (p.selected ? " is-selected" : "");
                var icon = L.divIcon({className: css, iconSize: [size, size], html: ""});
                var marker = L.marker(latlng, {
                    icon: icon, title: p.name, alt: p.name, keyboard: true, riseOnHover: true,
                    zIndexOffset: st.z - size * 50 + (p.selected ? 50000 : 0)
                });
                marker.on("add", function() {
                    var el = marker.getElement();
                    if (el) { el.style.setProperty("--c", st.color); el.setAttribute("role", "button"); }
                });
                marker.bindTooltip(tooltipOf(p, st), {direction: "top", offset: [0, -size / 2]});
                return marker;
            }
        })().addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self._name = "PlacesLayer"
        self.data = data
        self.styles = style_table()
        self.dom_markers = DOM_MARKERS


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


class Legend(MacroElement):
    """A static legend control (the text is ours, not the news')."""

    _template = folium.template.Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "topright"});
        {{ this.get_name() }}.onAdd = function() {
            var div = L.DomUtil.create("div", "map-legend");
            div.innerHTML = {{ this.html|tojson }};
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = legend_html()


def legend_html() -> str:
    rows = ["<b>Places</b> (size = number of events)"]
    for style in KIND_STYLES.values():
        rows.append(
            f'<div><span class="sw place-icon {style.shape}" style="--c:{style.color}"></span>{esc(style.label)}</div>'
        )
    return "".join(rows)


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


def default_view(places: pd.DataFrame, size: tuple[int, int] = MAP_SIZE_PX) -> tuple[list[float], int]:
    """Centre and zoom that show the local places (cities, bases, provinces).

    Countries and far-off outliers (farther from the median point than three
    times the median distance) are left out, so a story about Syria opens on
    Syria even when it names Ankara or Russia.
    """
    if places is None or places.empty:
        return [35.0, 38.0], 6
    placed = places[[_is_placed(a, b) for a, b in zip(places["lat"], places["lon"], strict=True)]]
    local = placed[placed["kind"].isin(["city", "base", "province"])]
    pts = local if not local.empty else placed
    if pts.empty:
        return [35.0, 38.0], 6
    lat, lon = pts["lat"].astype(float), pts["lon"].astype(float)
    if len(pts) >= 5:
        dist = ((lat - lat.median()) ** 2 + (lon - lon.median()) ** 2) ** 0.5
        keep = dist <= 3 * max(float(dist.median()), 0.1)
        lat, lon = lat[keep], lon[keep]
    south, north = lat.min(), lat.max()
    west, east = lon.min(), lon.max()
    centre = [round(float(south + north) / 2, 4), round(float(west + east) / 2, 4)]
    width, height = size
    span_lon = max(east - west, 0.5) * 1.3
    span_lat = max(north - south, 0.5) * 1.3 / math.cos(math.radians(centre[0]))
    zoom = math.floor(min(math.log2(width * 360 / (256 * span_lon)), math.log2(height * 360 / (256 * span_lat))))
    return centre, max(3, min(zoom, 9))


def base_map(
    view: tuple[list[float], int] | None = None,
    *,
    basemap: str = "auto",
    local_assets: bool = True,
    outlines_url: str | None = None,
) -> folium.Map:
    """The map without places: outlines, optional tiles, legend, and Leaflet from /app/static.

    It depends on nothing the filters change, so st_folium keeps it mounted
    while the places layer (`places_layer`) is swapped in beside it.
    """
    centre, zoom = view or ([35.0, 38.0], 6)
    m = folium.Map(location=centre, zoom_start=zoom, tiles=None, control_scale=True, min_zoom=2, max_zoom=14)
    js, css = leaflet_urls(local_assets)
    m.default_js = [("leaflet", js)]  # no jQuery/Bootstrap/awesome-markers: nothing else is fetched
    m.default_css = [("leaflet_css", css)]
    m.get_root().header.add_child(Element(MAP_CSS), name="place_css")
    tiles = resolve_basemap(basemap)
    if tiles == "osm":
        folium.TileLayer("OpenStreetMap", attr=OSM_ATTRIBUTION, name="OpenStreetMap").add_to(m)
        style = {"color": "#555", "weight": 0.8, "fill": False}
    else:
        style = {"color": "#8a8a8a", "weight": 0.8, "fillColor": "#f2efe6", "fillOpacity": 1}
    if outlines_url:
        m.add_child(OutlinesLayer(None, style, url=outlines_url))
    else:
        m.add_child(OutlinesLayer(outlines_js(), style))
    m.add_child(Legend())
    return m


def places_layer(places: pd.DataFrame, selected: str | None = None) -> folium.FeatureGroup:
    """The places as a feature group: what `st_folium(feature_group_to_add=...)` swaps without a remount."""
    group = folium.FeatureGroup(name="Places", control=False)
    group.add_child(PlacesLayer(place_data(places, selected)))
    return group


def build_map(
    places: pd.DataFrame,
    selected: str | None = None,
    *,
    basemap: str = "auto",
    local_assets: bool = True,
    outlines_url: str | None = None,
) -> folium.Map:
    """The whole map in one folium.Map (for export and benchmarks); the app splits it in two."""
    m = base_map(default_view(places), basemap=basemap, local_assets=local_assets, outlines_url=outlines_url)
    places_layer(places, selected).add_to(m)
    return m
