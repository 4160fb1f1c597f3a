"""One hostile document must not stall other visitors (issue 15, item 1), in a real `streamlit run`.

Visitor A previews a document that extraction chews on for an hour (the test hook
DASHBOARD_TEST_SLOW_MARKER runs a catastrophic regular expression, holding the interpreter lock
the way the issue's inputs did). While A waits, visitor B's health check, page and a whole new
session's rendered page answer, before A's preview has finished; then A is told the preview was
stopped at the time limit. The latencies are printed (the figures in the report come from here).
"""

from __future__ import annotations

import shutil
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard.corpus import pipeline
from tests.support import ROOT, browser, streamlit_server

pytestmark = pytest.mark.browser

MARKER = "STALL-EXTRACTION-FOR-TEST"
LIMIT = 20


def fetch(url: str) -> float:
    """Seconds to a complete answer (5 s at most: a stalled server fails the test, not hangs it)."""
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=5) as reply:
        assert reply.status == 200
        reply.read()
    return time.monotonic() - started


def test_a_slow_preview_does_not_stall_other_visitors(tmp_path: Path) -> None:
    seeds, build = tmp_path / "seeds", tmp_path / "build"
    shutil.copytree(ROOT / "seeds", seeds)
    pipeline.build(seeds, build)
    env = {"DASHBOARD_EDITING": "1", "DASHBOARD_GEODATA_DIR": str(tmp_path / "geo"),
           "DASHBOARD_TEST_SLOW_MARKER": MARKER, "DASHBOARD_EXTRACT_SECONDS": str(LIMIT)}  # fmt: skip
    with streamlit_server(seeds=seeds, build_dir=build, env=env) as url, browser() as a:
        other = a.browser.new_context()  # visitor B: a browser context of its own, so a session of its own
        b_page = other.new_page()
        a.page.goto(f"{url}/Add_and_review")
        a.page.get_by_text("Editing is on").first.wait_for(timeout=60_000)
        text = a.page.get_by_label("Article text")
        text.fill(f"Rebels entered Homs on Dec. 6, Reuters reported. {MARKER}")
        text.press("Tab")
        box = a.page.get_by_label("Source (outlet)", exact=True)
        box.fill("Reuters")
        box.press("Tab")
        for part, value in (("year", "2024"), ("month", "12"), ("day", "13")):
            a.page.get_by_role("spinbutton", name=f"{part}, Published").click()
            a.page.keyboard.type(value)
        a.page.keyboard.press("Tab")
        a.page.wait_for_timeout(500)
        clicked = time.monotonic()
        a.page.get_by_role("button", name="Preview").click()
        a.page.wait_for_timeout(2000)  # the worker is now deep in its regular expression

        health = [fetch(f"{url}/_stcore/health") for _ in range(3)]
        page = fetch(url)
        started = time.monotonic()
        b_page.goto(url)
        b_page.get_by_text(" events · ").first.wait_for(timeout=15_000)  # B's session ran its script
        rendered = time.monotonic() - started
        answered = time.monotonic()
        assert a.page.get_by_text("took longer than").count() == 0  # A is still waiting: B did not wait for A
        assert answered - clicked < LIMIT

        a.page.get_by_text(f"The preview took longer than {LIMIT} s and was stopped").wait_for(timeout=60_000)
        assert a.page.get_by_text("Preview (nothing saved yet)").count() == 0
        assert sorted(p.name for p in seeds.iterdir()) == sorted(p.name for p in (ROOT / "seeds").iterdir())
    print(f"\nwhile a hostile preview ran: health {max(health) * 1000:.0f} ms (worst of 3), "
          f"page HTML {page * 1000:.0f} ms, a new session's page rendered in {rendered:.2f} s")
