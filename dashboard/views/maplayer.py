"""The map: a folium map drawn from a place summary (`Selection.places`).

Places are ONE Leaflet GeoJSON layer whose points become small `DivIcon`
markers: no image is fetched (the default pin is a URL), Leaflet's `title`
option puts the place name on each marker for screen readers and tests, and
the layer stays fast at tens of thousands of places (see STACK_NOTES).

Text from the news never becomes code here: names travel as GeoJSON
properties serialised with Jinja's html-safe `tojson`, and the tooltip HTML is
escaped in Python (`panels.esc`). This module draws the places and puts the map together; the
outlines under them are basemap.py, the names maplabels.py, the view mapview.py and the look of
each kind mapstyle.py.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import Element, MacroElement
from jinja2.utils import htmlsafe_json_dumps

from dashboard.views.assets import leaflet_urls
from dashboard.views.basemap import OSM_ATTRIBUTION, OutlinesLayer, outlines_js, resolve_basemap
from dashboard.views.maplabels import MapLayout
from dashboard.views.mapstyle import KIND_STYLES, MAP_CSS, Legend, style_table
from dashboard.views.mapview import default_view, highlight_view, view_bounds

# Static CSS (no news text): the marker shapes and the legend.


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
        "view": highlight_view(places, wanted) or view_bounds(places),
        "highlighted": wanted,
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
            var d = {{ this.data_json }};
            d.selected = {{ this.selected|tojson }};
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

    def __init__(self, data: dict[str, Any], data_json: str | None = None) -> None:
        super().__init__()
        self._name = "PlacesLayer"
        self.data = data
        self.selected = data.get("selected")
        # The places as html-safe JSON (Jinja's `tojson`); made once per set of filters when given (`places_json`):
        # 31k places took 150 ms to serialise, on every rerun.
        self.data_json = data_json if data_json is not None else places_json(data)
        self.styles = style_table()
        self.dom_markers = DOM_MARKERS


# Sea names for the offline basemap (our own list; points chosen to sit in open water).


# The busiest places offered a name on the map (the selected one always is); the layout drops
# those that would overlap, so fewer show when zoomed out.
LABELLED = 40


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


def places_json(data: dict[str, Any]) -> str:
    """`place_data` as the layer's script reads it: html-safe JSON (text only as data, never as markup)."""
    return str(htmlsafe_json_dumps(data))


def places_layer(
    places: pd.DataFrame, selected: str | None = None, highlighted: Collection[str] = (),
    data: dict[str, Any] | None = None, data_json: str | None = None,
) -> folium.FeatureGroup:
    """The places as a feature group: what `st_folium(feature_group_to_add=...)` swaps without a remount.

    `data` is `place_data(places)` made beforehand, and `data_json` its `places_json` (the app keeps both
    per set of filters): a click then only changes which place is selected, without going over every
    place again.
    """
    group = folium.FeatureGroup(name="Places", control=False)
    drawn = {**data, "selected": selected} if data is not None else place_data(places, selected, highlighted)
    group.add_child(PlacesLayer(drawn, data_json if data is not None else None))
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
