"""Hardening (issue 15, item 8): formulas behind spaces, links in seeds/, reference dates at the edges."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard.corpus import ingest, pipeline
from dashboard.errors import InputError
from dashboard.views import exports
from dashboard.views.query import Filters, Selection

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("cell", ["  =HYPERLINK(\"http://evil\")", " +1", "\u00a0-2+3", "\n@SUM(A1)", "\t=1", "=1"])
def test_csv_cells_that_would_run_as_formulas_after_blanks_are_defused(cell: str) -> None:
    events = pd.DataFrame([{"event_id": "d:1:0", "text": cell, "places": [], "sources": [cell], "actors": [],
                            "line": 1, "date": None, "date_precision": None}])  # fmt: skip
    sel = Selection(events=events, undated=events.iloc[0:0], quotes=pd.DataFrame(), places=pd.DataFrame(),
                    total_events=1)  # fmt: skip
    row = next(csv.DictReader(io.StringIO(exports.events_csv(sel, Filters()))))
    assert row["text"] == "'" + cell and row["sources"] == "'" + cell


def test_ordinary_text_with_inner_signs_is_left_alone() -> None:
    assert exports._cell("Troops moved -2 km") == "Troops moved -2 km"
    assert exports._cell("a = b") == "a = b"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def test_a_linked_document_in_seeds_is_not_read_and_is_reported(seeds: Path, tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("Rebels entered Idlib on Dec. 2, the SECRET-OUTSIDE file said.\n")
    os.symlink(secret, seeds / "linked.txt")
    tables, _ = pipeline.build(seeds, tmp_path / "build")
    assert list(tables.documents["doc_id"]) == ["000_30cf977f6c52e3a0"]
    assert not tables.events["text"].str.contains("SECRET-OUTSIDE").any()
    assert any("linked.txt: is a symbolic link, so it was not read" in p for p in tables.manifest["problems"])


def test_a_linked_metadata_file_is_refused_with_a_message(seeds: Path, tmp_path: Path) -> None:
    outside = tmp_path / "meta.json"
    outside.write_text('{"source": "X", "reference_date": "2024-12-10"}')
    (seeds / "doc.txt").write_text("Rebels entered Idlib on Dec. 2.\n")
    os.symlink(outside, seeds / "doc.meta.json")
    with pytest.raises(InputError, match="doc.meta.json: is a symbolic link"):
        pipeline.build(seeds, tmp_path / "build")


def test_a_linked_lock_file_makes_a_save_refuse_without_creating_the_target(seeds: Path, tmp_path: Path) -> None:
    target = tmp_path / "created-by-the-lock"
    os.symlink(target, seeds / ingest.LOCK_FILE)
    incoming = ingest.read_upload(b"Rebels entered Idlib on Dec. 2, Reuters reported.\n", None)
    before = sorted(p.name for p in seeds.iterdir())
    with pytest.raises(InputError, match=r"\.ingest\.lock: is a symbolic link, so nothing was written"):
        ingest.save(incoming, ingest.parse_meta("Reuters", "", "2024-12-12"), seeds, tmp_path / "build")
    assert not target.exists() and sorted(p.name for p in seeds.iterdir()) == before


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_reference_dates_at_the_edges_get_a_message_not_an_overflow(value: str, seeds: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=f"reference date {value} is out of range"):
        ingest.parse_meta("Reuters", "", value)
    (seeds / "edge.txt").write_text("Yesterday rebels entered Homs, officials said on Saturday.\n")
    (seeds / "edge.meta.json").write_text(f'{{"source": "X", "reference_date": "{value}"}}')
    with pytest.raises(InputError, match="between 1900-01-01 and 2199-12-31"):
        pipeline.build(seeds, tmp_path / "build")
    r = subprocess.run([sys.executable, "-m", "dashboard", "extract", str(seeds / "edge.txt"), "--reference-date",
                        value], capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert r.returncode == 2 and "out of range" in r.stderr and "Traceback" not in r.stderr


def test_ordinary_reference_dates_still_pass() -> None:
    assert ingest.parse_meta("Reuters", "", "2024-12-12").reference_date == date(2024, 12, 12)
