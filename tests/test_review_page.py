"""Fixing names on the review page (issue 11, items 6-8), under AppTest.

The article below names Tell Tamer (not in the gazetteer) beside Hasakah (36.502 N, 40.748 E). The
gazetteer's closest spelling is Tell Rifaat (36.472 N, 37.095 E), north of Aleppo: by hand, 3.65
degrees of longitude at 36.5 N (89.5 km a degree) plus 0.03 degrees of latitude is about 327 km.
A spelling that close is a guess, never pre-selected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.corpus import review
from dashboard.corpus.documents import content_hash
from dashboard.corpus.pipeline import read_tables
from dashboard.views import panels, wording
from tests.test_ingest_app import dirs, fill, page  # noqa: F401 - the fixture is used by name

ARTICLE = "Turkish drones struck near Tell Tamer and in Hasakah on Dec. 12, the SDF said.\n"


def saved_page(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - an AppTest
    monkeypatch.setenv("DASHBOARD_EDITING", "1")
    at = fill(page().run(), ARTICLE, "SDF press office")
    at.button(key="save_btn").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def test_a_guess_is_not_preselected_and_shows_its_distance(dirs: dict[str, Path],  # noqa: F811
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    at = saved_page(monkeypatch)
    pick = at.radio(key=f"pick_{content_hash('Tell Tamer')[:10]}")
    assert pick.value is None  # one click on "Save place" cannot misplace it
    rifaat = next(o for o in pick.options if o.startswith("Tell Rifaat"))
    km = int(re.search(r"· ([\d,]+) km from Hasakah", rifaat).group(1).replace(",", ""))  # type: ignore[union-attr]
    assert 320 <= km <= 335, rifaat
    at.button(key=f"fix_{content_hash('Tell Tamer')[:10]}").click().run()
    assert "Pick where it is" in at.error[0].value and "tell tamer" not in review.load_overrides()


def test_not_a_place_is_kept_like_a_fix_and_can_be_undone(dirs: dict[str, Path],  # noqa: F811
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    at = saved_page(monkeypatch)
    k = content_hash("Tell Tamer")[:10]
    at.radio(key=f"pick_{k}").set_value(review.NOT_A_PLACE).run()
    at.button(key=f"fix_{k}").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert review.load_overrides()["tell tamer"].kind == review.NOT_A_PLACE
    row = read_tables(dirs["build"]).places.set_index("name").loc["Tell Tamer"]
    assert row["status"] == review.NOT_A_PLACE and row["via"] == "override"
    assert not any(e.label.startswith("Tell Tamer —") for e in at.expander)  # off the list to check
    at.selectbox(key="undo_pick").set_value("Tell Tamer")
    at.button(key="undo_fix").click().run()
    assert read_tables(dirs["build"]).places.set_index("name").loc["Tell Tamer", "status"] == "unresolved"


def test_upload_refusals_are_said_in_words() -> None:
    assert "6.0 MB" in wording.upload_problem(6 * 1024 * 1024, "big.txt") and "at most 5 MB" in \
        wording.upload_problem(6 * 1024 * 1024, "big.txt")  # fmt: skip
    assert ".pdf files are not accepted" in wording.upload_problem(10, "report.pdf")
    assert wording.upload_problem(10, "ok.md") is None
    assert wording.sentence("saved x; tables rebuilt: 2 documents") == "Saved x; tables rebuilt: 2 documents."


def test_no_internal_names_on_the_pages(dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Issue 11, item 10: no environment variable names, no project file names, no internal ids."""
    at = saved_page(monkeypatch)
    shown = " ".join(str(e.value) for kind in ("success", "info", "warning", "error", "markdown", "caption")
                     for e in getattr(at, kind)) + " ".join(e.label for e in at.expander)  # fmt: skip
    assert "Editing is on" in shown
    assert "DASHBOARD_" not in shown and "places.csv" not in shown, shown
    marks = at.multiselect(key="marks_event_")
    assert marks.options and not any(o.startswith("000_30cf977f6c52e3a0:") for o in marks.options)
    assert panels.plain("Wikipedia (Scots-language page), as in the project's reference places.csv") == \
        "Wikipedia (Scots-language page)"  # fmt: skip
    assert panels.plain("Wikipedia 'Tartus' (as in the project's reference places.csv)") == "Wikipedia 'Tartus'"
