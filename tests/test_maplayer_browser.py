"""The places layer's script in a real Chromium: sizes, stacking, and tooltips built from escaped text."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd
from PIL import Image

from dashboard.views import assets, maplayer
from tests.support import browser
from tests.support import static_server as serve
from tests.test_views import EVIL, _place


def test_layer_draws_sizes_stacking_and_safe_tooltips(tmp_path: Path) -> None:
    places = pd.DataFrame([
        {**_place("Busy city", "city", 35.0, 36.0), "n_events": 30},
        {**_place("Quiet town", "city", 35.0, 36.02), "n_events": 1},
        {**_place("A province", "province", 35.05, 36.1), "n_events": 3},
        {**_place(EVIL, "city", 34.5, 36.5), "n_events": 2},
    ])  # fmt: skip
    assert assets.ensure_static_assets()
    static = tmp_path / "app" / "static"
    shutil.copytree(assets.STATIC_DIR, static)
    maplayer.build_map(places, selected="Quiet town", outlines_url="/app/static/outlines.geojson").save(
        str(tmp_path / "map.html")
    )
    with serve(tmp_path) as url, browser() as b:
        b.page.goto(f"{url}/map.html")
        marker = b.page.locator('.leaflet-marker-icon[title="Busy city"]')
        marker.wait_for(state="attached", timeout=20_000)
        big = marker.bounding_box()
        small = b.page.locator('.leaflet-marker-icon[title="Quiet town"]').bounding_box()
        assert big and small and big["width"] > small["width"]  # size grows with the number of events
        z = {t: int(b.page.locator(f'.leaflet-marker-icon[title="{t}"]').evaluate("e => e.style.zIndex"))
             for t in ("Busy city", "Quiet town", "A province")}  # fmt: skip
        assert z["Quiet town"] > z["Busy city"] > z["A province"]  # small on top, areas below points
        assert "is-selected" in b.page.locator('.leaflet-marker-icon[title="Quiet town"]').get_attribute("class")
        assert "ring-dashed" in b.page.locator('.leaflet-marker-icon[title="A province"]').get_attribute("class")
        b.page.wait_for_function("document.querySelectorAll('path.leaflet-interactive, svg path').length > 50")
        evil = b.page.get_by_title(EVIL)
        evil.hover()
        tip = b.page.locator(".leaflet-tooltip")
        tip.wait_for()
        assert tip.inner_text().startswith(EVIL)  # shown as text ...
        assert tip.locator("img, script").count() == 0  # ... never as markup
        names = b.page.locator(".map-label.place").evaluate_all("els => els.map(e => e.textContent)")
        assert EVIL in names  # the name on the map is the same text, not markup
        assert b.page.locator(".map-label img, .map-label script").count() == 0
        b.screenshot("maplayer-layer")
        assert b.dialogs == [] and b.blocked == []


def test_long_tail_is_drawn_as_canvas_dots_with_safe_tooltips(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Past DOM_MARKERS places, the least-reported ones are canvas dots: still drawn, still hoverable."""
    monkeypatch.setattr(maplayer, "DOM_MARKERS", 2)
    places = pd.DataFrame([
        {**_place("Busiest", "city", 35.0, 36.0), "n_events": 30},
        {**_place("Second", "base", 35.4, 35.9), "n_events": 10},
        {**_place(EVIL, "city", 34.4, 36.8), "n_events": 1},
        {**_place("Quiet province", "province", 35.8, 36.5), "n_events": 2},
    ])  # fmt: skip
    assert assets.ensure_static_assets()
    shutil.copytree(assets.STATIC_DIR, tmp_path / "app" / "static")
    maplayer.build_map(places).save(str(tmp_path / "map.html"))
    with serve(tmp_path) as url, browser() as b:
        b.page.goto(f"{url}/map.html")
        b.page.wait_for_function("window.placesDrawnAt > 0")
        titles = b.page.locator(".leaflet-marker-icon.place-icon").evaluate_all("els => els.map(e => e.title)")
        assert sorted(titles) == ["Busiest", "Second"]  # the busiest get full markers
        assert b.page.locator("canvas.leaflet-zoom-animated").count() == 1
        point = b.page.evaluate(
            """([lat, lon]) => {
                const map = window[Object.keys(window).find(k => k.startsWith("map_"))];
                const p = map.latLngToContainerPoint([lat, lon]);
                const r = map.getContainer().getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            [34.4, 36.8],
        )
        # the dot is painted on top of the basemap, not hidden under the land
        shot = Image.open(io.BytesIO(b.page.screenshot(clip={"x": point[0] - 1, "y": point[1] - 1, "width": 3,
                                                              "height": 3})))  # fmt: skip
        red, green, blue = shot.convert("RGB").getpixel((1, 1))
        assert blue > red + 60, (red, green, blue)  # the city colour, not the land's beige
        b.page.mouse.move(*point)
        tip = b.page.locator(".leaflet-tooltip")
        tip.wait_for()
        assert tip.inner_text().startswith(EVIL) and tip.locator("img, script").count() == 0
        b.screenshot("maplayer-dots")
        assert b.dialogs == [] and b.blocked == []
