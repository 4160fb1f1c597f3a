"""Issue 12 (memory at 1M): the rows of new documents are made a chunk at a time as they are extracted
(`rowstore.Batch`) and lists are unpacked into shared strings; the tables the app reads are the same
values, of the same types, however the rows were chunked."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.corpus import rowstore
from dashboard.corpus.pipeline import Context, build, forget_assemblies, read_tables
from tests.support import write_seeds

BATCH = rowstore.Batch
DOCS = {  # name: (text, outlet)
    "a": ('"Hama is calm," Kremlin spokesman Dmitry Peskov said on Dec. 5.\n', "TASS"),
    "b": ('"Idlib is quiet," Peskov said on Dec. 3.\n', "TASS"),  # a quote with no role
    "c": ("Rebels entered Homs on Dec. 7, Reuters reported.\n", "AFP"),
    "d": ("Fighting went on in Daraa from Dec. 1 to Dec. 3.\n", "SANA"),  # the only date range
}


@pytest.fixture(autouse=True)
def _no_kept_assemblies() -> None:
    forget_assemblies()
    yield
    forget_assemblies()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    return write_seeds(tmp_path / "seeds", DOCS)


def _same(a: pd.DataFrame, b: pd.DataFrame, name: str) -> None:
    pd.testing.assert_frame_equal(a, b, check_dtype=True, obj=name)


def test_rows_made_a_document_at_a_time_give_the_same_tables(tmp_path: Path, seeds: Path, monkeypatch) -> None:  # noqa: ANN001
    ctx = Context.create()
    whole, _ = build(seeds, tmp_path / "whole", ctx)
    forget_assemblies()
    # Every document its own chunk: a chunk whose quotes have no role holds only None in that column.
    monkeypatch.setattr(rowstore, "Batch", lambda: BATCH(chunk_rows=1))
    chunked, _ = build(seeds, tmp_path / "chunked", ctx)
    for name in ("events", "quotes", "places", "documents"):
        _same(getattr(whole, name), getattr(chunked, name), name)
        _same(getattr(read_tables(tmp_path / "whole"), name), getattr(read_tables(tmp_path / "chunked"), name), name)


def test_the_app_reads_the_values_and_types_worked_out_by_hand(tmp_path: Path, seeds: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(rowstore, "Batch", lambda: BATCH(chunk_rows=1))
    build(seeds, tmp_path / "build", Context.create())
    tables = read_tables(tmp_path / "build")
    ev = tables.events
    assert list(ev["doc_id"]) == ["d", "b", "a", "c"]  # Dec. 1 (to 3), Dec. 3, Dec. 5, Dec. 7
    assert list(ev["date"]) == ["2024-12-01", "2024-12-03", "2024-12-05", "2024-12-07"]
    assert ev["date_end"].iloc[0] == "2024-12-03" and ev["date_end"].iloc[1:].isna().all()
    assert [v for v in ev["places"]] == [["Daraa"], ["Idlib"], ["Hama"], ["Homs"]]
    assert all(type(v) is list for col in ("places", "sources", "actors") for v in ev[col])
    assert [v for v in ev["sources"]] == [[], ["Kremlin"], ["Kremlin"], ["Reuters"]]
    assert list(ev["doc_source"]) == ["SANA", "TASS", "TASS", "AFP"]
    assert list(ev["hidden"]) == [False] * 4 and ev["hidden"].dtype == bool
    assert list(ev["date_first"]) == [pd.Timestamp(f"2024-12-0{d}") for d in (1, 3, 5, 7)]
    assert list(ev["order"]) == [0, 1, 2, 3]
    assert "tokens" not in ev.columns
    qu = tables.quotes.sort_values("doc_id", ignore_index=True)
    assert list(qu["speaker"]) == ["Dmitry Peskov", "Dmitry Peskov"]
    assert qu["role"].iloc[0] == "Kremlin spokesman" and pd.isna(qu["role"].iloc[1])
    assert list(qu["places"]) == [["Hama"], ["Idlib"]]
    assert list(tables.documents["n_events"]) == [1, 1, 1, 1]


def test_unpacked_lists_share_one_string_per_name_and_are_lists_of_their_own() -> None:
    cells = ["Homs\x1fHama", "Hama", "", "Homs\x1fHama"]
    lists = rowstore.unpack_column(cells)
    assert lists == [["Homs", "Hama"], ["Hama"], [], ["Homs", "Hama"]]
    assert lists[0][1] is lists[1][0]  # one "Hama" object
    assert lists[0] is not lists[3]  # changing one row's list never changes another's
