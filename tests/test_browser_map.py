"""The map an analyst reads at a glance (issue 11, items 2-4), in a real Chromium against `streamlit run`.

Expected answers read off seeds/000_30cf977f6c52e3a0.txt by hand:
- Damascus is the busiest place (lines 12, 13, 14, 15, 17, 18, 19 and 25 name it), so it is named at
  first load; the far places are the countries of the war (Russia, Ukraine: two, each over 14
  degrees from the median point, about 35.4 N 36.3 E), all others lie within 6 degrees of it (Ankara 5.7).
- Line 7's prayer ("pray for peace, in tormented Ukraine, in the Middle East — Palestine, Israel,
  Lebanon, and now Syria — in Myanmar, in Sudan") only mentions what it prays for (issue 11, item 15);
  Myanmar, Sudan, Palestine, Israel and Lebanon are named on no other line: they get no marker.
  14 places have one: Syria, Russia, Ukraine, Ankara, Latakia Governorate, Khmeimim Air Base,
  Tartus naval facility, Damascus, Latakia, Hama, Tartus, Homs, Aleppo, Idlib ("Middle East" has no point).
  Iran is named only as one of "Assad's backers, Russia and Iran" (lines 11, 16, 21): a state, no place.
- The Tartus naval facility (34.915, 35.875) lies 3 km from Tartus city (34.889, 35.887), and Latakia,
  Latakia Governorate and Khmeimim Air Base lie within 25 km of each other: at the first view they
  would cover each other.
- Line 8 (TASS, 9 Dec) names the only two bases; filtering to bases leaves those two on the map.
"""

from __future__ import annotations

import re

import pytest

from tests.support import Browser

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium\\.st_folium"]'
NEAR = ["Damascus", "Aleppo", "Idlib", "Homs", "Hama", "Latakia", "Tartus", "Latakia Governorate",
        "Khmeimim Air Base", "Tartus naval facility", "Syria", "Ankara"]  # fmt: skip
MENTIONED_ONLY = ["Palestine", "Israel", "Lebanon", "Myanmar", "Sudan"]  # line 7: prayed for, no marker
FAR = ["Russia", "Ukraine"]
STACKED = ["Tartus", "Tartus naval facility", "Latakia", "Latakia Governorate", "Khmeimim Air Base"]




def open_map(b: Browser, url: str):  # noqa: ANN201 - a playwright Frame
    b.page.goto(url)
    b.page.frame_locator(MAP_FRAME).locator(".place-icon[title]").first.wait_for(timeout=60_000)
    b.page.wait_for_timeout(800)
    return b.page.locator(MAP_FRAME).element_handle().content_frame()


def in_view(frame) -> dict[str, bool]:  # noqa: ANN001
    """Which places' markers lie inside the visible map, by their true coordinates."""
    return frame.evaluate("""() => {
        const out = {}, b = window.map.getBounds();
        document.querySelectorAll('.leaflet-marker-pane .place-icon[title]').forEach(e => {
            const m = Object.values(window.map._layers).find(l => l.getElement && l.getElement() === e);
            out[e.title] = b.contains(m.getLatLng());
        });
        return out;
    }""")


def labels(frame, cls: str = "place") -> list[str]:  # noqa: ANN001
    return frame.locator(f".map-label.{cls}").evaluate_all("els => els.map(e => e.textContent)")


def label_boxes_overlap(frame) -> bool:  # noqa: ANN001
    return frame.evaluate("""() => {
        const r = [...document.querySelectorAll('.map-label')].map(e => e.getBoundingClientRect());
        for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {
            const a = r[i], c = r[j];
            const apart = a.right - 1 <= c.left || c.right - 1 <= a.left
                || a.bottom - 1 <= c.top || c.bottom - 1 <= a.top;
            if (!apart) return true;
        }
        return false;
    }""")


def on_top(frame, name: str) -> bool:  # noqa: ANN001
    return frame.locator(f'.place-icon[title="{name}"]').evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === e; }"
    )


def test_places_seas_and_countries_are_named_and_the_names_declutter_by_zoom(url: str, b: Browser) -> None:
    frame = open_map(b, url)
    first = labels(frame)
    assert "Damascus" in first and "Aleppo" in first  # the busiest places are named at first load
    assert "Mediterranean Sea" in labels(frame, "sea")
    countries = labels(frame, "country")
    assert "Turkey" in countries and "Jordan" in countries  # basemap country names
    assert frame.locator(".map-label.country").first.evaluate("e => getComputedStyle(e).textTransform") == "uppercase"
    assert not label_boxes_overlap(frame)
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator(".leaflet-control-zoom-in").click()
    b.page.wait_for_timeout(800)
    closer = labels(frame)
    assert set(first) < set(closer), (first, closer)  # zoomed in: room for more names, none lost
    assert not label_boxes_overlap(frame)
    b.screenshot("map-labels-zoomed-in")
    for _ in range(4):
        frame.locator(".leaflet-control-zoom-out").click()
        b.page.wait_for_timeout(300)
    b.page.wait_for_timeout(800)
    assert len(labels(frame)) < len(first)  # zoomed out: fewer names, still not overlapping
    assert not label_boxes_overlap(frame)
    assert b.blocked == [] and b.dialogs == []


def test_the_view_fits_what_the_filters_show_and_can_be_reset(url: str, b: Browser) -> None:
    frame = open_map(b, url)
    seen = in_view(frame)
    assert all(seen[n] for n in NEAR), {n: seen[n] for n in NEAR}
    assert not any(seen[n] for n in FAR)
    show_all = frame.get_by_role("button", name=f"Show all places ({len(FAR)} outside)")
    legend = frame.locator(".map-legend").bounding_box()
    for name in NEAR:  # the legend (folded at this width) covers no marker
        box = frame.locator(f'.place-icon[title="{name}"]').bounding_box()
        clear = (box["x"] + box["width"] <= legend["x"] or box["y"] >= legend["y"] + legend["height"])
        assert clear, name
    b.screenshot("map-fitted")
    fitted_zoom = frame.evaluate("() => window.map.getZoom()")
    b.page.locator(MAP_FRAME).evaluate("f => { f.contentWindow.__probe = 7; }")
    # filter to the bases: the view closes in on them, without remounting the map
    box = b.page.locator('[data-testid="stMultiSelect"]', has_text="Place kind")
    box.locator("input").click()
    b.page.keyboard.type("base")
    b.page.get_by_role("option", name="base", exact=True).click()
    b.page.keyboard.press("Escape")
    frame.locator(".leaflet-marker-pane .place-icon[title]").nth(2).wait_for(state="detached", timeout=30_000)
    b.page.wait_for_timeout(800)
    assert sorted(in_view(frame)) == ["Khmeimim Air Base", "Tartus naval facility"]
    assert all(in_view(frame).values())
    base_zoom = frame.evaluate("() => window.map.getZoom()")
    assert base_zoom > fitted_zoom
    assert b.page.locator(MAP_FRAME).evaluate("f => f.contentWindow.__probe") == 7, "the map was remounted"
    # wander off, then come back with one click
    frame.evaluate("() => window.map.setView([-40, -100], 6, {animate: false})")
    assert not any(in_view(frame).values())
    frame.get_by_role("button", name="Reset view").click()
    b.page.wait_for_timeout(500)
    assert all(in_view(frame).values()) and frame.evaluate("() => window.map.getZoom()") == base_zoom
    b.screenshot("map-bases-fitted")
    box.get_by_role("button", name="Clear all").first.click()
    show_all.wait_for(timeout=30_000)
    b.page.wait_for_timeout(800)
    show_all.click()
    b.page.wait_for_timeout(500)
    assert all(in_view(frame).values())  # Russia and Ukraine too
    assert b.blocked == [] and b.dialogs == []


def test_every_place_is_clickable_at_the_first_view_and_a_base_wins_over_its_city(url: str, b: Browser) -> None:
    frame = open_map(b, url)
    names = frame.locator(".leaflet-marker-pane .place-icon[title]").evaluate_all("els => els.map(e => e.title)")
    assert not set(MENTIONED_ONLY) & set(names)
    visible = [n for n, shown in in_view(frame).items() if shown]
    assert set(NEAR) <= set(visible)
    for name in visible:
        assert on_top(frame, name), f"{name} is covered by another marker"
    z = {n: int(frame.locator(f'.place-icon[title="{n}"]').evaluate("e => e.style.zIndex")) for n in STACKED}
    assert z["Tartus naval facility"] > z["Tartus"]
    for name in STACKED:  # each click selects the place clicked, not its neighbour
        frame.locator(f'.place-icon[title="{name}"]').click()
        b.page.locator(".place-panel h3", has_text=name).first.wait_for(timeout=30_000)
        assert b.page.locator(".place-panel h3").inner_text() == name
        b.page.wait_for_timeout(500)
    # spread markers keep a line back to their true point
    assert frame.locator("path.map-leader").count() >= 2
    assert len(names) == 14  # the 14 of the module docstring
    b.screenshot("map-stacked-places")
    assert b.blocked == [] and b.dialogs == []


def test_the_timeline_has_day_ticks_and_readable_bars_and_enter_applies_dates(url: str, b: Browser) -> None:
    """Per day (by hand): 1 Dec 1 (line 23), 3 Dec 1 (22), 7 Dec 2 (18, 19), 8 Dec 6 (lines 5, 7, 10, 13, 14,
    15), 9 Dec 1 (8). The seed gives 23 events in all: line 1 is an image caption, no event, and four undated
    sentences name only states (tests/test_quotes_list.py)."""
    open_map(b, url)
    chart = b.page.locator('[data-testid="stVegaLiteChart"]').first
    chart.locator("svg").first.wait_for(timeout=30_000)
    x_axis = chart.locator('g[aria-label^="X-axis"] g.role-axis-label text')
    ticks = x_axis.evaluate_all("els => els.map(e => e.textContent)")
    assert ticks[:1] == ["1 Dec"] and "8 Dec" in ticks and ticks[-1] == "9 Dec", ticks
    assert not any("AM" in t or "PM" in t or ":" in t for t in ticks)
    bars = chart.locator('path[aria-roledescription="bar"]')
    assert bars.count() == 9  # one per day, empty days included
    labels = bars.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert any("8 Dec" in a and "events: 6" in a for a in labels), labels
    widths = bars.evaluate_all("els => els.map(e => e.getBBox().width)")
    assert min(widths) >= 20, widths  # a bar you can read and point at
    chart.screenshot(path=str(b.screenshot_path("timeline")))
    # Enter applies the typed range, no click elsewhere needed: 7-8 Dec holds 2 + 6 events
    b.page.get_by_role("spinbutton", name="month, Dates start date").click()
    b.page.keyboard.type("1207")
    b.page.get_by_role("spinbutton", name="day, Dates end date").click()
    b.page.keyboard.type("08")
    b.page.keyboard.press("Enter")
    b.page.get_by_text(re.compile(r"^8 of 23 events")).first.wait_for(timeout=30_000)
    # the script runs in the page itself (st.html), not in a component frame (the deprecated components.v1.html)
    assert b.page.locator('[data-testid="stSidebar"] iframe').count() == 0
    b.page.locator('[data-testid="stSidebar"]').screenshot(path=str(b.screenshot_path("sidebar-filters")))
    assert b.blocked == [] and b.dialogs == []


def test_screenshots_for_the_readme(url: str, b: Browser) -> None:
    """The README pictures (copied from test-output/ to docs/ after a look): first load, selected, 1280x720."""
    frame = open_map(b, url)
    b.page.wait_for_timeout(1000)
    b.page.screenshot(path=str(b.screenshot_path("readme-first-load")))
    frame.locator('.place-icon[title="Tartus naval facility"]').click()
    b.page.locator(".place-panel h3", has_text="Tartus naval facility").wait_for(timeout=30_000)
    frame.locator("body").hover(position={"x": 5, "y": 400})  # no tooltip left over the picture
    b.page.wait_for_timeout(1200)
    assert "is-selected" in frame.locator('.map-label.place.is-selected').first.get_attribute("class")
    assert frame.locator(".map-label.is-selected").inner_text() == "Tartus naval facility"
    b.page.screenshot(path=str(b.screenshot_path("readme-place-selected")))
    b.page.set_viewport_size({"width": 1280, "height": 720})
    frame = open_map(b, url)
    b.page.wait_for_timeout(1000)
    seen = in_view(frame)
    assert all(seen[n] for n in NEAR)  # the fitted view works on a small screen too
    b.page.screenshot(path=str(b.screenshot_path("readme-1280")))
    assert b.blocked == [] and b.dialogs == []
