"""How places look on the map: a colour and shape per kind, the page's map CSS and the legend.

One table (`KIND_STYLES`) feeds the markers, the legend and the tests, so a kind is styled the
same everywhere it appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium
from branca.element import MacroElement

from dashboard.views.panels import esc


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


def style_table() -> dict[str, dict[str, Any]]:
    """What the layer's script needs to draw each kind (fixed text of ours, not the news')."""
    table = {k: s for k, s in KIND_STYLES.items()}
    table[""] = OTHER_STYLE
    return {
        k: {"color": s.color, "shape": s.shape, "extra": s.extra, "z": s.z, "label": s.label.split(" (")[0].lower()}
        for k, s in table.items()
    }


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
