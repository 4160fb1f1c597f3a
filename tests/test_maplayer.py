"""The map built from a place summary, checked as rendered HTML/JS (the browser tests check pixels)."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest

from dashboard.views import basemap, maplayer, mapstyle, mapview
from dashboard.views.query import Filters, select
from tests.test_views import EVIL, _place, make_tables


def _summary() -> pd.DataFrame:
    ev, qu, pl = make_tables()
    return select(ev, qu, pl, Filters()).places


def test_map_data_holds_only_names_kinds_counts_and_coordinates() -> None:
    data = maplayer.place_data(_summary(), selected="Beta base")
    rows = {n: (k, c, la, lo) for n, k, c, la, lo in zip(data["name"], data["kind"], data["n"], data["lat"],
                                                         data["lon"], strict=True)}  # fmt: skip
    assert set(rows) == {"Alpha", "Beta base", "Gamma province"}  # "Nowhere" has no coordinates
    assert rows["Alpha"] == ("city", 4, 35.0, 36.0) and rows["Beta base"][:2] == ("base", 1)
    assert data["selected"] == "Beta base"
    assert set(data) == {"name", "kind", "n", "lat", "lon", "selected", "labels", "view", "highlighted"}


def test_payload_per_place_stays_small() -> None:
    """The map is resent on every rerun: 5,000 places must fit well under 1 MB."""
    rows = [{**_place(f"Place number {i}", "city", 30 + i / 1000, 35 + i / 1000), "n_events": i % 50 + 1}
            for i in range(5000)]  # fmt: skip
    size = len(json.dumps(maplayer.place_data(pd.DataFrame(rows))))
    assert size < 400_000, size


def test_evil_place_name_is_data_not_code() -> None:
    places = pd.DataFrame([{**_place(EVIL, "city", 35.0, 36.0), "n_events": 2}])
    html = maplayer.build_map(places).get_root().render()
    assert "onerror=alert(1)>" not in html and "<script>alert(2)" not in html
    data = re.search(r"var d = (\{.*?\});\n", html, re.S)
    assert data, "the places travel as one block of data"
    assert json.loads(data.group(1))["name"] == [EVIL]
    # outside that JSON data (a plain double-quoted literal, where ${...} is inert) the text never appears
    assert "alert(" not in html.replace(data.group(1), "")


def test_markers_carry_the_place_name_as_title_and_no_image() -> None:
    html = maplayer.build_map(_summary()).get_root().render()
    assert "title: p.name" in html and "L.divIcon" in html
    assert html.count("L.featureGroup()") == 1  # ONE layer for every place
    assert "marker-icon.png" not in html and "AwesomeMarkers" not in html


def test_only_local_assets_are_referenced() -> None:
    html = maplayer.build_map(_summary(), basemap="none").get_root().render()
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert sorted(urls) == ["/app/static/leaflet.css", "/app/static/leaflet.js"]
    assert "https://" not in html.split("L.geoJSON(")[0].split("<body>")[0]
    cdn = maplayer.build_map(_summary(), basemap="none", local_assets=False).get_root().render()
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js" in cdn and "jquery" not in cdn


def test_outlines_are_always_drawn_and_tiles_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(basemap.TILES_ENV, raising=False)
    offline = maplayer.build_map(_summary()).get_root().render()
    assert "Natural Earth" in offline and "tile.openstreetmap.org" not in offline
    monkeypatch.setenv(basemap.TILES_ENV, "osm")
    online = maplayer.build_map(_summary()).get_root().render()
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in online
    assert "openstreetmap.org/copyright" in online, "tiles need their attribution"
    assert "Natural Earth" in online
    with pytest.raises(ValueError, match="basemap='satellite'"):
        maplayer.build_map(_summary(), basemap="satellite")


def test_legend_names_every_kind() -> None:
    html = mapstyle.legend_html()
    for style in mapstyle.KIND_STYLES.values():
        assert style.label in html


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    scale = 256 * 2**zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * scale, (1 - y / math.pi) / 2 * scale


def test_default_view_shows_every_local_place_and_skips_far_outliers() -> None:
    rows = [_place(n, "city", lat, lon) for n, lat, lon in [
        ("A", 33.5, 36.3), ("B", 36.2, 37.2), ("C", 34.7, 36.7), ("D", 35.5, 35.8), ("E", 34.9, 35.9),
        ("F", 35.1, 36.8), ("Far", 39.9, 32.9)]] + [_place("Big country", "country", 60.0, 90.0)]  # fmt: skip
    places = pd.DataFrame(rows)
    centre, zoom = maplayer.default_view(places)
    w, h = mapview.MAP_SIZE_PX
    cx, cy = _pixel(*centre, zoom)
    for row in rows[:6]:
        x, y = _pixel(row["lat"], row["lon"], zoom)
        assert abs(x - cx) < w / 2 - 10 and abs(y - cy) < h / 2 - 10, (row["name"], zoom)
    x, y = _pixel(39.9, 32.9, zoom)
    assert zoom >= 6 and not (abs(x - cx) < w / 2 and abs(y - cy) < h / 2), "a far outlier must not zoom the map out"


def test_empty_summary_still_gives_a_map() -> None:
    empty = pd.DataFrame(columns=["name", "kind", "lat", "lon", "n_events"])
    assert maplayer.place_data(empty)["name"] == []
    assert "L.geoJSON(" in maplayer.build_map(empty).get_root().render()


def test_app_map_fetches_outlines_instead_of_inlining_them() -> None:
    """The app's map is resent on every rerun: the 660 KB outlines must not ride along."""
    inline = maplayer.build_map(_summary()).get_root().render()
    fetched = maplayer.build_map(_summary(), outlines_url="/app/static/outlines.geojson").get_root().render()
    assert '"/app/static/outlines.geojson"' in fetched and "fetch(" in fetched
    assert len(inline) - len(fetched) > 500_000
