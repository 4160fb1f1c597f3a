"""Bring your own reporting in a real Chromium: upload an article, see its place on the map, fix an
unplaced name by hand, restart the app and find the fix still there.

The app runs with `streamlit run` on copies of seeds/, build/ and the review folder (tmp dirs via
env vars); every non-local request is aborted and recorded. Screenshots go to test-output/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.corpus import pipeline, review
from tests.support import ROOT, Browser, browser, streamlit_server

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium\\.st_folium"]'
# Raqqa is in the gazetteer but not in the seed; Tell Hamdan is in neither (an unplaced candidate).
ARTICLE = (
    "A Russian convoy was stopped near Tell Hamdan on Dec. 11, witnesses said.\n"
    "Turkish-backed fighters entered Raqqa on Dec. 12, local officials said <img src=x onerror=alert(1)> ${alert(2)}.\n"
)


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    d = {"seeds": tmp_path / "seeds", "build": tmp_path / "build", "geo": tmp_path / "geodata"}
    shutil.copytree(ROOT / "seeds", d["seeds"])
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(d["geo"]))
    pipeline.build(d["seeds"], d["build"])
    return d


@pytest.fixture
def b() -> Iterator[Browser]:
    with browser() as br:
        yield br


def server(d: dict[str, Path]):  # noqa: ANN201 - a context manager yielding the URL
    return streamlit_server(seeds=d["seeds"], build_dir=d["build"],
                            env={"DASHBOARD_GEODATA_DIR": str(d["geo"]), "DASHBOARD_EDITING": "1"})  # fmt: skip


def marker_titles(b: Browser) -> set[str]:
    frame = b.page.frame_locator(MAP_FRAME)
    frame.locator(".place-icon[title]").first.wait_for(timeout=60_000)
    b.page.wait_for_timeout(500)
    return set(frame.locator(".leaflet-marker-pane .place-icon[title]").evaluate_all("els => els.map(e => e.title)"))


def wait_text(b: Browser, text: str, timeout: float = 60_000) -> None:
    b.page.get_by_text(text, exact=False).first.wait_for(timeout=timeout)


def fill(b: Browser, label: str, value: str) -> None:
    box = b.page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Tab")
    b.page.wait_for_timeout(300)


def test_upload_see_it_on_the_map_fix_a_place_and_keep_it_after_restart(dirs: dict[str, Path], b: Browser,
                                                                         tmp_path: Path) -> None:  # fmt: skip
    article = tmp_path / "convoy report.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with server(dirs) as url:
        b.page.goto(url)
        assert "Raqqa" not in marker_titles(b)

        b.page.goto(f"{url}/Add_and_review")
        wait_text(b, "Editing is on")
        fill(b, "Your name or initials (recorded with what you add or fix)", "ana")
        b.page.get_by_text("Upload a file").click()
        b.page.locator('input[type="file"]').set_input_files(str(article))
        wait_text(b, "convoy report.txt")
        fill(b, "Source (outlet)", "Reuters")
        fill(b, "URL", "https://example.com/convoy")
        for part, value in (("year", "2024"), ("month", "12"), ("day", "13")):  # react-aria date segments
            b.page.get_by_role("spinbutton", name=f"{part}, Published").click()
            b.page.keyboard.type(value)
        b.page.keyboard.press("Tab")
        b.page.wait_for_timeout(500)
        b.page.get_by_role("button", name="Preview").click()
        wait_text(b, "Preview (nothing saved yet)")
        wait_text(b, "2 events")
        b.page.locator("mark.hl-place", has_text="Tell Hamdan").wait_for(timeout=30_000)
        assert b.page.locator("mark.hl-place", has_text="Tell Hamdan").count() == 1
        assert b.page.locator("mark.hl-place", has_text="Raqqa").count() == 1
        assert b.page.locator(".hl-doc img").count() == 0
        b.screenshot("ingest-preview")
        b.page.get_by_role("button", name="Save", exact=True).click()
        wait_text(b, "tables rebuilt")
        saved = sorted(dirs["seeds"].glob("reuters_2024-12-13_*.txt"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8") == ARTICLE

        # The main page shows the new place without a restart.
        b.page.goto(url)
        titles = marker_titles(b)
        assert "Raqqa" in titles and "Tell Hamdan" not in titles
        b.screenshot("ingest-map-with-raqqa")

        # Fix the unplaced name by hand.
        b.page.goto(f"{url}/Add_and_review")
        wait_text(b, "Places to check")
        fill(b, "Your name or initials (recorded with what you add or fix)", "ana")  # a new page is a new session
        panel = b.page.locator('[data-testid="stExpander"]', has_text="Tell Hamdan — not in the gazetteer")
        panel.get_by_text("Enter coordinates").click()
        b.page.wait_for_timeout(500)
        for label, value in (("Latitude", "35.91"), ("Longitude", "38.2")):
            box = panel.get_by_label(label)
            box.fill(value)
            box.press("Enter")
            b.page.wait_for_timeout(400)
        panel.get_by_label("Note (how you know)").fill("local map")
        panel.get_by_label("Note (how you know)").press("Tab")
        b.page.wait_for_timeout(300)
        panel.get_by_role("button", name="Save place for Tell Hamdan").click()
        wait_text(b, "Saved: Tell Hamdan at 35.91000, 38.20000")
        b.page.wait_for_timeout(1000)
        b.screenshot("ingest-place-fixed")
        assert b.dialogs == [] and b.blocked == []

    assert review.load_overrides(dirs["geo"] / "overrides.csv")["tell hamdan"].by == "ana"
    with server(dirs) as url:  # a fresh process: nothing kept in memory
        b.page.goto(url)
        titles = marker_titles(b)
        assert {"Raqqa", "Tell Hamdan"} <= titles
        marker = b.page.frame_locator(MAP_FRAME).locator('.place-icon[title="Tell Hamdan"]')
        marker.click()
        b.page.locator(".place-panel").get_by_text("convoy was stopped").first.wait_for(timeout=30_000)
        b.screenshot("ingest-after-restart")
        b.page.goto(f"{url}/Add_and_review")
        wait_text(b, "1 place fixed by hand")
        assert b.page.locator('[data-testid="stExpander"]', has_text="Tell Hamdan — not in the gazetteer").count() == 0
        assert b.dialogs == [] and b.blocked == []
