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
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement

from dashboard.views.assets import leaflet_urls
from dashboard.views.panels import esc

OUTLINES_PATH = Path(__file__).resolve().parents[2] / "geodata" / "outlines.geojson"
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
    "base": KindStyle("Military base", "#c0392b", "square", 0, 10000),  # a base wins over the city under it
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
.place-icon.is-highlighted { outline: 3px solid #ff6a00; outline-offset: 2px; }
.place-icon.is-dimmed { opacity: .3; }
.map-legend { width: max-content; background: rgba(255, 255, 255, .92); padding: 4px 9px; border-radius: 4px;
  font: 12px/1.5 sans-serif; box-shadow: 0 1px 4px rgba(0, 0, 0, .3); color: #222; }
.map-legend summary { cursor: pointer; font-weight: 600; }
.map-legend .rows { pointer-events: none; }  /* a marker under the open legend stays clickable */
.map-legend .sw { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -2px; }
.map-label { white-space: nowrap; pointer-events: none; font: 600 12px/16px sans-serif; color: #1d1d1d;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
.map-label.is-selected { color: #000; background: #ffbf00; border-radius: 3px; text-shadow: none; padding: 0 3px; }
.map-label.is-highlighted { color: #000; background: #ffd0a8; border-radius: 3px; text-shadow: none; padding: 0 3px; }
.map-label.country { font: 11px/14px sans-serif; color: #6d6a60; text-transform: uppercase; letter-spacing: .04em;
  text-shadow: 0 0 2px #f2efe6; }
.map-label.sea { font: italic 12px/14px serif; color: #4f7fa0; text-shadow: none; }
.map-view-buttons { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }
.map-view-buttons button { font: 12px sans-serif; background: #fff; border: 1px solid #999; border-radius: 4px;
  padding: 3px 7px; cursor: pointer; box-shadow: 0 1px 3px rgba(0, 0, 0, .25); text-align: left; }
.map-view-buttons button:hover { background: #f0f4fa; }
.map-leader { pointer-events: none; }
</style>
"""


def kind_style(kind: object) -> KindStyle:
    return KIND_STYLES.get(kind, OTHER_STYLE) if isinstance(kind, str) else OTHER_STYLE


def _is_placed(lat: object, lon: object) -> bool:
    try:
        return math.isfinite(float(lat)) and math.isfinite(float(lon))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def place_data(
    places: pd.DataFrame, selected: str | None = None, highlighted: Collection[str] = ()
) -> dict[str, Any]:
    """The placed places as columns (names, kinds, counts, coordinates): what the map draws.

    The map is resent on every rerun, so this is as small as it can be (about
    50 bytes a place): sizes, colours and tooltips are worked out by the
    layer's script from `KIND_STYLES`. Text travels only as data, never as markup.
    `highlighted` names places to pick out (a speaker's): they are outlined and
    named, every other place is dimmed, and the view fits them.
    """
    wanted = sorted({str(n) for n in highlighted})
    empty: dict[str, Any] = {"name": [], "kind": [], "n": [], "lat": [], "lon": [], "selected": selected,
                             "labels": LABELLED, "view": None, "highlighted": wanted}  # fmt: skip
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
        "labels": LABELLED,
        "view": _highlight_view(places, wanted) or view_bounds(places),
        "highlighted": wanted,
    }


def _highlight_view(places: pd.DataFrame, wanted: list[str]) -> dict[str, Any] | None:
    """The view that shows every highlighted place, far ones too: they are the point of highlighting."""
    view = view_bounds(places[places["name"].isin(wanted)]) if wanted else None
    return {"core": view["all"], "all": view["all"], "outside": 0} if view else None


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
    neighbour, and the tooltip is built from escaped text. The full markers
    are handed to the map's layout (`MapLayout`), which spreads co-located
    ones apart, names the busiest and fits the view; the layer notes when it
    is drawn (`window.placesDrawnAt`) for the browser benchmark.
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
            var items = [];
            var hl = {};
            (d.highlighted || []).forEach(function(n) { hl[n] = true; });
            var dimming = (d.highlighted || []).length > 0;
            for (var i = 0; i < d.name.length; i++) {
                var p = {name: d.name[i], kind: d.kind[i], n_events: d.n[i], selected: d.name[i] === d.selected,
                         highlighted: hl[d.name[i]] === true};
                p.dimmed = dimming && !p.highlighted && !p.selected;
                var at = L.latLng(d.lat[i], d.lon[i]);
                if (i < {{ this.dom_markers }} || p.selected || p.highlighted) {
                    var st = styles[p.kind] || styles[""];
                    var m = placeMarker(at, p);
                    group.addLayer(m);
                    items.push({marker: m, at: at, name: p.name, kind: p.kind, n: p.n_events, selected: p.selected,
                                highlighted: p.highlighted, size: sizeOf(p, st),
                                label: (i < d.labels && !p.dimmed) || p.selected || p.highlighted});
                } else {
                    dots = dots || L.canvas({padding: 0.2});
                    group.addLayer(placeDot(at, p, dots));
                }
            }
            group.on("add", function() {
                var map = group._map;
                if (map && map._dashLayout) { map._dashLayout.show(items, d.view, group); }
                window.placesDrawnAt = null;
                L.Util.requestAnimFrame(function() { window.placesDrawnAt = performance.now(); });
            });
            group.on("remove", function() {
                var map = this._mapWas;
                if (map && map._dashLayout) { map._dashLayout.hide(group); }
            });
            group.on("add", function() { this._mapWas = this._map; });
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
                var css = "place-icon " + st.shape + (p.selected ? " is-selected" : "") +
                    (p.highlighted ? " is-highlighted" : "") + (p.dimmed ? " is-dimmed" : "");
                var icon = L.divIcon({className: css, iconSize: [size, size], html: ""});
                var marker = L.marker(latlng, {
                    icon: icon, title: p.name, alt: p.name, keyboard: true, riseOnHover: true,
                    zIndexOffset: st.z - size * 50 + (p.selected ? 50000 : 0) + (p.highlighted ? 40000 : 0)
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
    """A static legend control (the text is ours, not the news'), folded away with one click."""

    _template = folium.template.Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "topright"});
        {{ this.get_name() }}.onAdd = function(map) {
            var div = L.DomUtil.create("details", "map-legend");
            div.open = map.getSize().x >= {{ this.open_from_px }};
            div.innerHTML = {{ this.html|tojson }};
            L.DomEvent.disableClickPropagation(div);
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
        self.open_from_px = 760  # narrower maps start with the legend folded, clear of the data


def legend_html() -> str:
    rows = ["<summary>Legend</summary><div class=\"rows\">Size = number of events"]
    for style in KIND_STYLES.values():
        rows.append(
            f'<div><span class="sw place-icon {style.shape}" style="--c:{style.color}"></span>{esc(style.label)}</div>'
        )
    return "".join(rows) + "</div>"


# Sea names for the offline basemap (our own list; points chosen to sit in open water).
SEA_LABELS: tuple[tuple[str, float, float], ...] = (
    ("Mediterranean Sea", 33.6, 33.4), ("Mediterranean Sea", 34.6, 19.5), ("Black Sea", 43.3, 34.6),
    ("Caspian Sea", 41.9, 50.6), ("Red Sea", 20.6, 38.6), ("Persian Gulf", 26.9, 51.6), ("Arabian Sea", 16.0, 63.0),
    ("Gulf of Aden", 12.6, 48.2), ("Aegean Sea", 38.6, 25.0), ("Baltic Sea", 57.6, 19.6), ("North Sea", 56.0, 3.0),
    ("Bay of Bengal", 15.0, 88.0), ("Atlantic Ocean", 30.0, -40.0), ("Indian Ocean", -10.0, 75.0),
)  # fmt: skip


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


class MapLayout(MacroElement):
    """What keeps the map readable, in the base map (so it never changes and never remounts it).

    At every zoom it spreads apart markers that would hide each other (each
    moved around their common centre, with a thin line back to its real
    point, so every place stays clickable), then places names: the selected
    and busiest places first, then sea and country names, each only where it
    overlaps nothing already placed. Names are set as DOM text, never as
    markup. It also fits the view to the places the filters show, with
    "Reset view" and "Show all places" buttons. The places layer hands it its
    markers (`show`) each time the filters change.
    """

    _template = folium.template.Template(
        """
        {% macro script(this, kwargs) %}
        (function(map) {
            var seas = {{ this.seas|tojson }}, countries = {{ this.countries|tojson }};
            var L_ = {items: [], view: null, group: null, lastFit: null};
            map._dashLayout = L_;
            ["dashlabels", "dashbaselabels"].forEach(function(name, i) {
                if (!map.getPane(name)) {
                    var pane = map.createPane(name);
                    pane.style.zIndex = i === 0 ? 450 : 260;  // names of places above shapes; basemap names low
                    pane.style.pointerEvents = "none";
                }
            });
            var drawn = L.layerGroup().addTo(map);
            var measure = document.createElement("canvas").getContext("2d");
            function widthOf(text, font) { measure.font = font; return Math.ceil(measure.measureText(text).width); }

            var buttons = L.control({position: "topleft"});
            buttons.onAdd = function() {
                var div = L.DomUtil.create("div", "map-view-buttons");
                var reset = L.DomUtil.create("button", "map-reset", div);
                reset.type = "button"; reset.textContent = "Reset view";
                reset.title = "Fit the map to the places the filters show";
                var all = L.DomUtil.create("button", "map-show-all", div);
                all.type = "button"; all.style.display = "none";
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.on(reset, "click", function() { if (L_.view) { fit(L_.view.core); } });
                L.DomEvent.on(all, "click", function() { if (L_.view) { fit(L_.view.all); } });
                L_.allButton = all;
                return div;
            };
            buttons.addTo(map);

            function legendBox() {
                var el = map.getContainer().querySelector(".map-legend");
                return el ? [el.offsetWidth, el.offsetHeight] : [0, 0];
            }
            function fit(bounds) {
                if (!bounds) { return; }
                var b = L.latLngBounds(bounds), lg = legendBox(), pad = 14;
                // keep the data clear of the legend: pad on its side or below it, whichever zooms in more
                var side = {paddingTopLeft: [pad + 80, pad], paddingBottomRight: [pad + lg[0], pad]};
                var below = {paddingTopLeft: [pad + 80, pad + lg[1]], paddingBottomRight: [pad, pad]};
                var zs = map.getBoundsZoom(b, false, L.point(pad * 2 + 80 + lg[0], pad * 2));
                var zb = map.getBoundsZoom(b, false, L.point(pad * 2 + 80, pad * 2 + lg[1]));
                var opts = (zb > zs || !isFinite(zs)) ? below : side;
                opts.maxZoom = 9; opts.animate = false;
                map.fitBounds(b, opts);
            }
            L_.fit = fit;
            L_.show = function(items, view, group) {
                L_.items = items; L_.view = view; L_.group = group;
                if (L_.allButton) {
                    L_.allButton.style.display = view && view.outside > 0 ? "" : "none";
                    L_.allButton.textContent = view ? "Show all places (" + view.outside + " outside)" : "";
                }
                var key = JSON.stringify(view && view.core);
                if (view && view.core && key !== L_.lastFit) { L_.lastFit = key; fit(view.core); }
                var sel = items.filter(function(it) { return it.selected; })[0];
                if (sel && !map.getBounds().pad(-0.05).contains(sel.at)) { map.panTo(sel.at, {animate: false}); }
                layout();
            };
            L_.hide = function(group) {
                if (L_.group === group) { L_.items = []; L_.group = null; layout(); }
            };
            map.on("zoomend", function() { layout(); });

            function overlaps(a, list) {
                for (var i = 0; i < list.length; i++) {
                    var b = list[i];
                    if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) { return true; }
                }
                return false;
            }
            function spread(items, z) {
                // Push apart markers that cover each other at this zoom, each along the line from the other,
                // so the map keeps its shape (north stays north); a thin line leads back to the true point.
                var pts = items.map(function(it) { return map.project(it.at, z); });
                var q = pts.map(function(pt) { return [pt.x, pt.y]; });
                for (var round = 0; round < 40; round++) {
                    var moved = false, cell = 64, grid = {};
                    q.forEach(function(c, i) {
                        var key = Math.floor(c[0] / cell) + ":" + Math.floor(c[1] / cell);
                        (grid[key] = grid[key] || []).push(i);
                    });
                    for (var i = 0; i < q.length; i++) {
                        var gx = Math.floor(q[i][0] / cell), gy = Math.floor(q[i][1] / cell);
                        for (var dx = -1; dx <= 1; dx++) { for (var dy = -1; dy <= 1; dy++) {
                            var near = grid[(gx + dx) + ":" + (gy + dy)] || [];
                            for (var n = 0; n < near.length; n++) {
                                var j = near[n];
                                if (j <= i) { continue; }
                                var need = (items[i].size + items[j].size) / 2 + 3;
                                var vx = q[j][0] - q[i][0], vy = q[j][1] - q[i][1], dist = Math.sqrt(vx * vx + vy * vy);
                                if (dist >= need) { continue; }
                                if (dist < 0.5) { vx = Math.cos(i * 2.4); vy = Math.sin(i * 2.4); dist = 1; }
                                var push = (need - dist) / 2 + 0.5;
                                q[i][0] -= vx / dist * push; q[i][1] -= vy / dist * push;
                                q[j][0] += vx / dist * push; q[j][1] += vy / dist * push;
                                moved = true;
                            }
                        } }
                    }
                    if (!moved) { break; }
                }
                items.forEach(function(it, i) {
                    it.dx = Math.round(q[i][0] - pts[i].x);
                    it.dy = Math.round(q[i][1] - pts[i].y);
                });
                return pts;
            }
            function layout() {
                drawn.clearLayers();
                var z = map.getZoom(), items = L_.items, boxes = [], placed = [], named = {};
                var pts = spread(items, z);
                items.forEach(function(it, i) {
                    var el = it.marker.getElement(), half = it.size / 2;
                    if (el) {
                        el.style.marginLeft = (it.dx - half) + "px";
                        el.style.marginTop = (it.dy - half) + "px";
                        el.dataset.offset = it.dx + "," + it.dy;
                    }
                    var tip = it.marker.getTooltip();
                    if (tip) { tip.options.offset = L.point(it.dx, it.dy - half); }
                    var c = pts[i].add([it.dx, it.dy]);
                    it.box = [c.x - half, c.y - half, c.x + half, c.y + half];
                    boxes.push(it.box);
                    if (it.dx || it.dy) {
                        L.polyline([it.at, map.unproject(c, z)], {color: "#444", weight: 1, opacity: 0.7,
                            interactive: false, pane: "dashlabels", className: "map-leader"}).addTo(drawn);
                    }
                });
                var wanted = items.filter(function(it) { return it.label; });
                wanted.sort(function(a, b) {
                    return (b.selected - a.selected) || (b.highlighted - a.highlighted) || (b.n - a.n);
                });
                var seen = map.getPixelBounds();
                function inView(box) {
                    return box[0] >= seen.min.x && box[2] <= seen.max.x && box[1] >= seen.min.y && box[3] <= seen.max.y;
                }
                wanted.forEach(function(it) {
                    var w = widthOf(it.name, "600 12px sans-serif") + (it.selected ? 8 : 2), h = 16, b = it.box, g = 3;
                    var midY = (b[1] + b[3]) / 2 - h / 2, midX = (b[0] + b[2]) / 2 - w / 2;
                    var spots = [[b[2] + g, midY], [b[0] - g - w, midY], [midX, b[1] - g - h], [midX, b[3] + g]];
                    // a spot that the map's edge would cut comes last: a place at the edge is named on its inner side
                    spots = spots.filter(function(sp) { return inView([sp[0], sp[1], sp[0] + w, sp[1] + h]); })
                        .concat(spots.filter(function(sp) { return !inView([sp[0], sp[1], sp[0] + w, sp[1] + h]); }));
                    for (var s = 0; s < spots.length; s++) {
                        var box = [spots[s][0], spots[s][1], spots[s][0] + w, spots[s][1] + h];
                        var others = boxes.filter(function(o) { return o !== it.box; });
                        if (!overlaps(box, placed) && !overlaps(box, others)) {
                            placed.push(box); named[it.name] = true;
                            put(it.name, box, z, "map-label place" + (it.selected ? " is-selected" : "") +
                                (it.highlighted && !it.selected ? " is-highlighted" : ""), "dashlabels");
                            return;
                        }
                    }
                });
                var scale = 256 * Math.pow(2, z) / 360;
                var base = seas.map(function(s) { return {name: s[0], at: [s[1], s[2]], cls: "sea", room: 1e9,
                                                         font: "italic 12px serif"}; });
                countries.forEach(function(c) {
                    base.push({name: c[0], at: [c[1], c[2]], cls: "country", room: c[3] * scale,
                               font: "11px sans-serif", upper: true});
                });
                base.forEach(function(lb) {
                    if (named[lb.name]) { return; }
                    var text = lb.upper ? lb.name.toUpperCase() : lb.name;
                    var w = Math.ceil(widthOf(text, lb.font) * (lb.upper ? 1.08 : 1)) + 2, h = 14;
                    if (w > lb.room * 0.8) { return; }  // the country is too small on screen at this zoom
                    var c = map.project(lb.at, z);
                    var box = [c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2];
                    if (overlaps(box, placed) || overlaps(box, boxes)) { return; }
                    placed.push(box);
                    put(lb.name, box, z, "map-label " + lb.cls, "dashbaselabels");
                });
            }
            function put(text, box, z, cls, pane) {
                var node = document.createElement("span");
                node.textContent = text;  // news text: set as text, never parsed as HTML
                var icon = L.divIcon({className: cls, html: node, iconSize: [box[2] - box[0], box[3] - box[1]],
                                      iconAnchor: [0, 0]});
                L.marker(map.unproject(L.point(box[0], box[1]), z), {icon: icon, interactive: false, keyboard: false,
                                                                     pane: pane}).addTo(drawn);
            }
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "MapLayout"
        self.seas = [list(s) for s in SEA_LABELS]
        self.countries = country_labels()


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


# The busiest places offered a name on the map (the selected one always is); the layout drops
# those that would overlap, so fewer show when zoomed out.
LABELLED = 40
OUTLIER_FLOOR_DEG = 6.0  # places this close to the rest are never "far": Ankara stays in a view of Syria


def _core(lat: pd.Series, lon: pd.Series) -> pd.Series:
    """Which points are the core: within three median distances of the median point (at least 6 degrees)."""
    if len(lat) < 3:
        return pd.Series(True, index=lat.index)
    dist = ((lat - lat.median()) ** 2 + (lon - lon.median()) ** 2) ** 0.5
    return dist <= max(3 * float(dist.median()), OUTLIER_FLOOR_DEG)


def view_bounds(places: pd.DataFrame) -> dict[str, Any] | None:
    """The view the map fits for these places: `core` leaves far-off places out (`outside` counts them).

    A prayer for Myanmar and Sudan must not shrink a story about Syria to a
    speck; the map's "Show all places" button reaches the far ones.
    """
    if places is None or places.empty:
        return None
    lat = pd.to_numeric(places["lat"], errors="coerce")
    lon = pd.to_numeric(places["lon"], errors="coerce")
    ok = lat.notna() & lon.notna()
    lat, lon = lat[ok].astype(float), lon[ok].astype(float)
    if lat.empty:
        return None
    core = _core(lat, lon)

    def box(mask: pd.Series) -> list[list[float]]:
        return [[round(float(lat[mask].min()), 4), round(float(lon[mask].min()), 4)],
                [round(float(lat[mask].max()), 4), round(float(lon[mask].max()), 4)]]  # fmt: skip

    return {"core": box(core), "all": box(core | ~core), "outside": int((~core).sum())}


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
    m.add_child(MapLayout())
    return m


def places_layer(
    places: pd.DataFrame, selected: str | None = None, highlighted: Collection[str] = ()
) -> folium.FeatureGroup:
    """The places as a feature group: what `st_folium(feature_group_to_add=...)` swaps without a remount."""
    group = folium.FeatureGroup(name="Places", control=False)
    group.add_child(PlacesLayer(place_data(places, selected, highlighted)))
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
