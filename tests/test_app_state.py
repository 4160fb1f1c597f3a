"""Widget state across rebuilds (issue 11, item 1), under AppTest.

A save or a fix rebuilds the tables while the map page is open in another tab. The seed's
day-dated events run from 1 to 9 Dec 2024 (lines 23 and 8); the document added here reports
one event on 12 Dec, so "all dates" must grow to include it, and a range the user picked
must stay exactly as picked.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.corpus import pipeline

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
LATER = "Rebels entered Hama on Dec. 12, Reuters reported.\n"


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    seeds, build = tmp_path / "seeds", tmp_path / "build"
    seeds.mkdir()
    for f in (ROOT / "seeds").glob("*"):
        shutil.copy(f, seeds / f.name)
    pipeline.build(seeds, build)
    monkeypatch.setenv("DASHBOARD_SEEDS", str(seeds))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(build))
    return seeds, build


def _count(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " events" in m.value)


def _add_later_document(seeds: Path, build: Path) -> None:
    (seeds / "zz_later.txt").write_text(LATER, encoding="utf-8")
    (seeds / "zz_later.meta.json").write_text('{"source": "Test wire", "reference_date": "2024-12-13"}')
    pipeline.build(seeds, build)


def test_all_dates_still_means_all_dates_after_a_rebuild(dirs: tuple[Path, Path]) -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    # 23 events: the seed's old 28 less line 1, a Markdown image caption that reports nothing, and less four
    # undated sentences that name only states (lines 9, 11, 16 and 21; see tests/test_quotes_list.py)
    assert _count(at).startswith("**23 of 23 events")
    assert at.date_input(key="f_dates").value == (date(2024, 12, 1), date(2024, 12, 9))
    _add_later_document(*dirs)
    at.run()
    assert not at.exception
    assert at.date_input(key="f_dates").value == (date(2024, 12, 1), date(2024, 12, 12))
    assert _count(at).startswith("**24 of 24 events")  # the seed's 23 + the Hama line


def test_a_picked_range_survives_a_rebuild(dirs: tuple[Path, Path]) -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.date_input(key="f_dates").set_value((date(2024, 12, 8), date(2024, 12, 8))).run()
    assert _count(at).startswith("**6 of 23 events")  # lines 5, 7, 10, 13, 14 and 15, of the seed's 23
    _add_later_document(*dirs)
    at.run()
    assert not at.exception
    assert at.date_input(key="f_dates").value == (date(2024, 12, 8), date(2024, 12, 8))
    assert _count(at).startswith("**6 of 24 events")
