"""A briefing opened from disk in real Chromium, with every request but the file itself refused.

This is how a recipient meets it: an attachment, no network. The map and the
chronology must render, and the hostile lines of the fixture must stay text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.briefing.report import briefing_html
from dashboard.views.query import Filters
from tests.support import browser
from tests.test_briefing import DEC, GENERATED, fixture_tables

pytestmark = pytest.mark.browser


def test_briefing_renders_offline_with_map_and_chronology(tmp_path: Path) -> None:
    tables = fixture_tables(tmp_path)
    out = tmp_path / "briefing.html"
    out.write_text(briefing_html(tables, DEC, generated_at=GENERATED), encoding="utf-8")
    url = out.as_uri()
    with browser() as b:
        requests: list[str] = []
        b.page.on("request", lambda r: requests.append(r.url))
        b.page.goto(url)
        b.page.wait_for_load_state("load")
        shot = b.screenshot("briefing-offline")
        page = b.page

        assert requests == [url]  # the file itself, nothing else
        assert b.blocked == [] and b.dialogs == []
        assert page.evaluate("document.scripts.length") == 0

        svg = page.locator("figure.map.overview svg")
        assert svg.is_visible()
        box = svg.bounding_box()
        assert box and box["width"] > 400 and box["height"] > 200
        assert page.locator("figure.map.overview svg path.land").count() > 5
        labelled = set(page.locator("figure.map svg text.lbl").evaluate_all("els => els.map(e => e.dataset.place)"))
        assert {"Khmeimim Air Base", "Tartus", "Damascus"} <= labelled

        rows = page.locator("table.chronology tbody tr")
        assert rows.count() == 3
        assert rows.nth(0).locator("td.date").inner_text() == "8 Dec 2024"
        first_text = rows.nth(1).locator("td.what .text").inner_text()
        assert "<script>alert(2)</script>" in first_text and "${alert(3)}" in first_text  # shown as text
        assert page.locator("figure.quote .speaker").all_inner_texts() == ["Dmitry Peskov"]
    assert shot.stat().st_size > 20_000


def test_briefing_with_no_events_still_renders(tmp_path: Path) -> None:
    tables = fixture_tables(tmp_path)
    out = tmp_path / "empty.html"
    out.write_text(briefing_html(tables, Filters(query="no such words anywhere")), encoding="utf-8")
    with browser() as b:
        b.page.goto(out.as_uri())
        assert "No event dated to the day matches" in b.page.locator("section.chronology-section").inner_text()
        assert b.blocked == [] and b.dialogs == []
