"""What the map says in words: country and sea names, and the places' names decluttered by zoom.

`MapLayout` is one script that runs in the browser after each zoom: it places the names of the
selected, highlighted and busiest places where they do not overlap, names countries and seas, and
pushes apart markers that sit on one spot (with a leader line to the true point). Every name is set
as text (`textContent`), never parsed as HTML.
"""

from __future__ import annotations

import folium
from branca.element import MacroElement

from dashboard.views.basemap import country_labels

SEA_LABELS: tuple[tuple[str, float, float], ...] = (
    ("Mediterranean Sea", 33.6, 33.4), ("Mediterranean Sea", 34.6, 19.5), ("Black Sea", 43.3, 34.6),
    ("Caspian Sea", 41.9, 50.6), ("Red Sea", 20.6, 38.6), ("Persian Gulf", 26.9, 51.6), ("Arabian Sea", 16.0, 63.0),
    ("Gulf of Aden", 12.6, 48.2), ("Aegean Sea", 38.6, 25.0), ("Baltic Sea", 57.6, 19.6), ("North Sea", 56.0, 3.0),
    ("Bay of Bengal", 15.0, 88.0), ("Atlantic Ocean", 30.0, -40.0), ("Indian Ocean", -10.0, 75.0),
)  # fmt: skipfrom dashboard.views.basemap import country_labels



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
