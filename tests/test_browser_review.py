"""Adding reporting in a real Chromium (issue 11, item 8): a refused upload says why in the page, the
preview shows who is quoted and in what role, and the form is empty again after a save.

The article quotes Farhad Shami, "SDF spokesman", on 12 Dec (read off its one line by hand).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import Browser, browser
from tests.test_browser_ingest import dirs, fill, server, wait_text  # noqa: F401 - the fixture is used by name

pytestmark = pytest.mark.browser

QUOTED = '"We will not leave Hasakah," SDF spokesman Farhad Shami said on Dec. 12.\n'


@pytest.fixture
def b() -> Iterator[Browser]:
    with browser() as br:
        yield br


def test_refusals_in_words_speakers_in_the_preview_and_a_clean_form_after_saving(
    dirs: dict[str, Path], b: Browser, tmp_path: Path,  # noqa: F811
) -> None:
    big = tmp_path / "whole archive.txt"
    big.write_bytes(b"Damascus fell on Dec. 8.\n" * 260_000)  # 6.5 MB: over the 5 MB limit
    article = tmp_path / "sdf.txt"
    article.write_text(QUOTED, encoding="utf-8")
    with server(dirs) as url:
        b.page.goto(f"{url}/Add_and_review")
        wait_text(b, "Editing is on")
        fill(b, "Your name or initials (recorded with what you add or fix)", "ana")
        b.page.get_by_text("Upload a file").click()
        b.page.locator('input[type="file"]').set_input_files(str(big))
        alert = b.page.locator('[data-testid="stAlert"]', has_text="whole archive.txt is 6.")
        alert.wait_for(timeout=60_000)  # the reason, in the page, as soon as the file is chosen
        assert "at most 5 MB" in alert.inner_text()
        b.screenshot("review-upload-too-big")

        b.page.locator('input[type="file"]').set_input_files(str(article))
        wait_text(b, "sdf.txt")
        b.page.wait_for_timeout(1500)  # let the upload's rerun finish before typing
        fill(b, "Source (outlet)", "SDF press office")
        for part, value in (("year", "2024"), ("month", "12"), ("day", "13")):  # react-aria date segments
            b.page.get_by_role("spinbutton", name=f"{part}, Published").click()
            b.page.keyboard.type(value)
        b.page.keyboard.press("Tab")
        b.page.wait_for_timeout(500)
        b.page.get_by_role("button", name="Preview").click()
        b.page.wait_for_timeout(1500)
        b.screenshot("review-after-preview")
        wait_text(b, "Preview (nothing saved yet)")
        wait_text(b, "Who is quoted")
        grid = b.page.locator('[data-testid="stDataFrame"]').nth(1)  # events, quotes, places
        grid.wait_for(timeout=30_000)
        b.page.wait_for_timeout(800)
        b.screenshot("review-preview-speakers")
        cells = grid.locator('[role="gridcell"]').all_inner_texts()
        assert "Farhad Shami" in cells and "SDF spokesman" in cells, cells
        b.page.get_by_role("button", name="Save", exact=True).click()
        wait_text(b, "The map shows it on its next refresh.")
        assert b.page.get_by_label("Source (outlet)", exact=True).input_value() == ""
        # the upload box is empty again (the save's message can show a moment before the emptied form does)
        expect(b.page.get_by_text("sdf.txt")).to_have_count(0, timeout=15_000)
        assert b.dialogs == [] and b.blocked == []
