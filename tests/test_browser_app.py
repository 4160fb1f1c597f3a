"""The dashboard in a real Chromium, against `streamlit run` on a copy of seeds/ plus a malicious document.

Every request outside 127.0.0.1 is aborted and recorded (tests/support.py), so
each test can assert the page needed nothing from the internet. Screenshots go
to test-output/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from dashboard.corpus import pipeline
from tests.support import ROOT, Browser, browser, streamlit_server

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium\\.st_folium"]'
CORE = ["Damascus", "Aleppo", "Homs", "Latakia", "Tartus", "Khmeimim Air Base"]
EVIL_EVENT = ("Rebels said on Dec. 5 that <img src=x onerror=alert(1)> and <script>alert(2)</script> "
              "with a `backtick` and ${alert(3)} were seen in Homs.")  # fmt: skip
EVIL_QUOTE = 'We hold <img src=x onerror=alert(4)> and ${alert(5)} `now`,'
EVIL_DOC = f'{EVIL_EVENT}\n"{EVIL_QUOTE}" a rebel commander in Homs said on Dec. 6.\n'


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, pipeline.Tables]]:
    seeds = tmp_path_factory.mktemp("seeds")
    for f in (ROOT / "seeds").glob("*"):
        shutil.copy(f, seeds / f.name)
    (seeds / "zzz_evil.txt").write_text(EVIL_DOC, encoding="utf-8")
    (seeds / "zzz_evil.meta.json").write_text('{"source": "Test wire", "reference_date": "2024-12-10"}')
    build_dir = tmp_path_factory.mktemp("build")
    tables, _ = pipeline.build(seeds, build_dir)
    with streamlit_server(seeds=seeds, build_dir=build_dir) as url:
        yield url, tables


@pytest.fixture
def b() -> Iterator[Browser]:
    with browser() as br:
        yield br


def _open(b: Browser, url: str) -> None:
    b.page.goto(url)
    b.page.frame_locator(MAP_FRAME).locator(".place-icon[title]").first.wait_for(timeout=60_000)
    b.page.wait_for_timeout(500)


def _marker_titles(b: Browser) -> set[str]:
    frame = b.page.frame_locator(MAP_FRAME)
    return set(frame.locator(".leaflet-marker-pane .place-icon[title]").evaluate_all("els => els.map(e => e.title)"))


# Worked out by hand from seeds/000_30cf977f6c52e3a0.txt (see tests/test_seed_expectations.py); the evil
# document adds only Homs, which the seed names too. "Middle East" has no coordinates, so no marker.
# Line 7's prayer ("pray for peace, in tormented Ukraine, in the Middle East — Palestine, Israel, Lebanon,
# and now Syria — in Myanmar, in Sudan") only mentions what it prays for (issue 11, item 15); Myanmar,
# Sudan, Palestine, Israel and Lebanon are named on no other line: no marker for them.
# Iran is named only as one of "Assad's backers, Russia and Iran" (lines 11, 16, 21): a state, no marker.
ALL_PLACED = {
    "Syria", "Russia", "Ukraine", "Ankara",
    "Latakia Governorate", "Khmeimim Air Base", "Tartus naval facility", "Damascus", "Latakia", "Hama",
    "Tartus", "Homs", "Aleppo", "Idlib",
}  # fmt: skip
# Dec. 8-9: lines 5 (Ukraine; "Russia was unable" is the state), 7 (the Pope's prayer: an event with no place),
# 8 (the Latakia line), 10 (Russia; "Syria's Bashar al-Assad" is the state), 13-15 (Damascus)
DEC_8_9 = {"Ukraine", "Russia", "Damascus",
           "Latakia Governorate", "Khmeimim Air Base", "Tartus naval facility"}  # fmt: skip
DEC_8_9_EVENTS = 7
# Dec. 7-8, reported only: lines 18 (Damascus), 5, 7, 10, 15 (19 and 14 are claimed, 13 retracted)
DEC_7_8_REPORTED = DEC_8_9 - {"Latakia Governorate", "Khmeimim Air Base", "Tartus naval facility"}
DEC_7_8_REPORTED_EVENTS = 5


def _panel(b: Browser):  # noqa: ANN202 - a playwright Locator
    return b.page.locator(".place-panel")


def _wait_for_text(b: Browser, text: str) -> None:
    b.page.get_by_text(text, exact=False).first.wait_for(timeout=30_000)


def test_page_loads_offline_and_khmeimim_lists_the_latakia_event(app: tuple[str, pipeline.Tables],
                                                                  b: Browser) -> None:  # fmt: skip
    url, tables = app
    _open(b, url)
    assert _marker_titles(b) == ALL_PLACED
    frame = b.page.frame_locator(MAP_FRAME)
    map_box = b.page.locator(MAP_FRAME).bounding_box()
    for name in CORE:  # each core place visible at the default view and not covered by anything
        marker = frame.locator(f'.place-icon[title="{name}"]')
        box = marker.bounding_box()
        assert box and map_box, name
        assert map_box["x"] <= box["x"] and box["x"] + box["width"] <= map_box["x"] + map_box["width"], name
        assert map_box["y"] <= box["y"] and box["y"] + box["height"] <= map_box["y"] + map_box["height"], name
        on_top = marker.evaluate("e => { const r = e.getBoundingClientRect();"
                                 " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === e; }")
        assert on_top, f"{name} is hidden under another marker"
    b.screenshot("app-default-view")
    frame.locator('.place-icon[title="Khmeimim Air Base"]').click()
    event = _panel(b).locator("li.event", has_text="took control of the Latakia province")
    event.wait_for(timeout=30_000)
    assert "2024-12-09" in event.inner_text() and "TASS" in event.inner_text()
    assert "000_30cf977f6c52e3a0.txt:8" in event.inner_text() and "Kyiv Independent" in event.inner_text()
    assert b.page.locator("h3", has_text="Khmeimim Air Base").count() == 1
    b.page.wait_for_timeout(800)
    b.screenshot("app-khmeimim-selected")
    assert "sel=Khmeimim+Air+Base" in b.page.url
    assert b.blocked == [] and b.dialogs == []


def test_the_date_filter_narrows_map_and_list(app: tuple[str, pipeline.Tables], b: Browser) -> None:
    url, tables = app
    _open(b, url)
    everything = _marker_titles(b)
    iframe = b.page.locator(MAP_FRAME)
    iframe.evaluate("f => { f.contentWindow.__probe = 42; }")  # survives only if the map is not remounted
    # Streamlit's date range is made of spin buttons (year/month/day): type into them as a user would
    b.page.get_by_role("spinbutton", name="month, Dates start date").click()
    b.page.keyboard.type("1208")
    b.page.get_by_role("spinbutton", name="day, Dates end date").click()
    b.page.keyboard.type("09")
    b.page.keyboard.press("Enter")
    b.page.get_by_role("heading", name="Filters").click()  # the range is committed when focus leaves it
    narrow = DEC_8_9
    assert narrow < everything
    b.page.wait_for_function(
        "n => { const f = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
        " return f && f.contentDocument.querySelectorAll('.leaflet-marker-pane .place-icon').length === n; }",
        arg=len(narrow), timeout=30_000,
    )
    assert _marker_titles(b) == narrow
    assert iframe.evaluate("f => f.contentWindow.__probe") == 42, "a filter change must not remount the map"
    _wait_for_text(b, f"{DEC_8_9_EVENTS} of {len(tables.events)} events")
    b.page.wait_for_url("**from=2024-12-08&to=2024-12-09**", timeout=30_000)
    b.screenshot("app-date-filter")
    assert b.blocked == [] and b.dialogs == []


def test_a_permalink_reopens_the_same_view(app: tuple[str, pipeline.Tables], b: Browser) -> None:
    url, tables = app
    _open(b, f"{url}/?from=2024-12-07&to=2024-12-08&claim=reported&sel=Damascus")
    assert _marker_titles(b) == DEC_7_8_REPORTED
    _panel(b).locator("h3", has_text="Damascus").wait_for(timeout=30_000)
    _wait_for_text(b, f"{DEC_7_8_REPORTED_EVENTS} of {len(tables.events)} events")
    dated = _panel(b).locator("li.event .date").all_inner_texts()
    in_range = [d for d in dated if d != "no date"]  # events without a day are listed after, not dropped
    assert in_range and all(d in ("2024-12-07", "2024-12-08") for d in in_range), dated
    claims = _panel(b).locator("li.event.claim-claimed, li.event.claim-retracted").count()
    assert claims == 0
    b.screenshot("app-permalink")
    # the URL the app writes back is the same view
    assert "sel=Damascus" in b.page.url and "claim=reported" in b.page.url
    assert b.blocked == [] and b.dialogs == []


def test_malicious_news_text_is_shown_as_text_and_never_runs(app: tuple[str, pipeline.Tables], b: Browser) -> None:
    url, _ = app
    _open(b, url)
    b.page.frame_locator(MAP_FRAME).locator('.place-icon[title="Homs"]').click()
    event = _panel(b).locator("li.event", has_text="Rebels said on Dec. 5")
    event.wait_for(timeout=30_000)
    assert EVIL_EVENT in event.inner_text()
    quote = _panel(b).locator("li.quote", has_text="We hold")
    assert quote.count() == 1 and EVIL_QUOTE.rstrip(",") in quote.inner_text()
    assert b.page.locator(".place-panel img, .place-panel script").count() == 0
    b.page.frame_locator(MAP_FRAME).locator('.place-icon[title="Homs"]').hover()
    b.page.wait_for_timeout(1500)
    b.screenshot("app-malicious-text")
    assert b.dialogs == [], b.dialogs
    assert b.blocked == []


def test_exports_and_briefing_download_what_the_filters_show(app: tuple[str, pipeline.Tables], b: Browser,
                                                             tmp_path) -> None:  # noqa: ANN001  # fmt: skip
    """The files are made when their button is clicked: the right content, for the filters in the URL."""
    url, tables = app
    _open(b, f"{url}/?from=2024-12-09&to=2024-12-09")
    with b.page.expect_download(timeout=60_000) as got:
        b.page.get_by_role("button", name="Events (CSV)").click()
    got.value.save_as(tmp_path / "events.csv")
    csv_text = (tmp_path / "events.csv").read_text(encoding="utf-8")
    # Dec. 9 is line 8 alone: "... TASS reported on Dec. 9, citing a Syrian source."
    assert "Syrian opposition fighters took control of the Latakia province" in csv_text
    assert "Reuters on Dec. 8" not in csv_text  # outside the day chosen
    with b.page.expect_download(timeout=120_000) as got:
        b.page.get_by_role("button", name="Download briefing", exact=True).click()
    got.value.save_as(tmp_path / "briefing.html")
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert "2024-12-09" in html and "Latakia" in html and "<script" not in html.lower()
    assert b.dialogs == [] and b.blocked == []


def test_a_hostile_permalink_shows_its_text_and_no_link_image_or_colour(app: tuple[str, pipeline.Tables],
                                                                         b: Browser) -> None:  # fmt: skip
    from urllib.parse import urlencode

    hostile = "[SESSION EXPIRED: log in here](https://evil.example/login) ![t](https://evil.example/t.png) :red[ALERT]"
    url, _ = app
    b.page.goto(f"{url}/?" + urlencode({"q": hostile, "source": hostile, "sel": hostile}))
    b.page.get_by_text("Showing: text contains").first.wait_for(timeout=60_000)
    b.page.wait_for_timeout(1000)
    caption = b.page.get_by_text("Showing: text contains").first.inner_text().replace("\u2060", "")
    assert hostile in caption  # shown exactly as written
    assert b.page.locator('a[href*="evil.example"]').count() == 0
    assert b.page.locator('img[src*="evil.example"]').count() == 0
    assert b.page.locator('[data-testid="stMarkdownColoredText"], span[style*="color: red"]').count() == 0
    alerts = [w.replace("\u2060", "") for w in b.page.locator('[data-testid="stAlert"]').all_inner_texts()]
    assert any(hostile in w for w in alerts), alerts
    b.screenshot("app-hostile-permalink")
    assert b.blocked == [] and b.dialogs == []  # the image was never fetched


def test_a_click_in_the_map_fragment_keeps_the_place_in_the_address_across_pages_and_a_reload(
    app: tuple[str, pipeline.Tables], b: Browser
) -> None:
    """The map and the panel are a fragment (a click reruns only them), yet the permalink and the view kept in
    the session follow the click: the address names the place, survives a trip to another page, and a reload
    opens on the same place, its panel shown and its marker marked selected. Hama: on the map by hand (above)."""
    url, _ = app
    _open(b, url)
    b.page.frame_locator(MAP_FRAME).locator('.place-icon[title="Hama"]').click()
    _panel(b).locator("h3", has_text="Hama").wait_for(timeout=30_000)
    b.page.wait_for_function("() => location.search.includes('sel=Hama')", timeout=30_000)
    b.page.locator('[data-testid="stSidebarNav"] a', has_text="Add and review").first.click()
    b.page.wait_for_function("![...document.querySelectorAll('h1')].some(h => h.textContent.includes("
                             "'Events, places and quotes'))", timeout=60_000)  # the map page has gone
    b.page.wait_for_timeout(800)  # let that page's run finish (that is when Streamlit drops the map's widgets)
    b.page.locator('[data-testid="stSidebarNav"] a', has_text="Map").first.click()
    _panel(b).locator("h3", has_text="Hama").wait_for(timeout=60_000)
    b.page.wait_for_function("() => location.search.includes('sel=Hama')", timeout=30_000)
    b.page.reload()
    b.page.frame_locator(MAP_FRAME).locator('.place-icon.is-selected[title="Hama"]').wait_for(timeout=60_000)
    assert _panel(b).locator("h3").inner_text() == "Hama"
    assert "sel=Hama" in b.page.url
    assert b.page.frame_locator(MAP_FRAME).locator(".place-icon.is-selected").count() == 1
    assert b.blocked == [] and b.dialogs == []
