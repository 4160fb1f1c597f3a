"""Issue 12: a rebuild after adding documents patches the last build's tables and equals a full build."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import dashboard.corpus.assembly as assembly
import dashboard.corpus.pipeline as pipeline
from dashboard.corpus.pipeline import Context, build, forget_assemblies, read_tables


def write_doc(seeds: Path, name: str, text: str, source: str) -> None:
    (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    meta = {"source": source, "reference_date": "2024-12-10"}
    (seeds / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def write_first_three(seeds: Path) -> None:
    """Documents b, d and e of the five below: the first build's corpus before a and c are added."""
    write_doc(seeds, "b", "Rebels entered Homs on Dec. 7, Reuters reported.\n", "AFP")
    write_doc(seeds, "d", '"Idlib is quiet," Peskov said on Dec. 3.\n', "TASS")
    write_doc(seeds, "e", "Jets struck Raqqa on Nov. 30.\n", "SANA")


def assert_five_documents(tables: pipeline.Tables) -> None:
    """The tables of documents a-e below, worked out by hand: a's and b's Homs reports are one story led by a
    (it sorts first), c names Peskov in full so d's bare "Peskov" joins him."""
    ev = tables.events
    assert list(ev["primary_place"]) == ["Raqqa", "Idlib", "Hama", "Homs"]  # by date: Nov 30, Dec 3, 5, 7
    assert list(ev["doc_id"]) == ["e", "d", "c", "a"]
    homs = ev.iloc[3]
    assert homs["event_id"] == "a:1:0" and int(homs["n_sources"]) == 2
    assert list(homs["also_reported_by"]) == ["b:1:0"] and list(homs["also_sources"]) == ["AFP"]
    assert list(homs["sources"]) == ["CNN", "AFP", "Reuters"]
    assert list(ev["order"]) == [0, 1, 2, 3]
    qu = tables.quotes.sort_values("doc_id")
    assert list(qu["doc_id"]) == ["c", "d"]
    assert list(qu["speaker"]) == ["Dmitry Peskov", "Dmitry Peskov"]
    assert list(qu["speaker_id"]) == ["dmitry-peskov", "dmitry-peskov"]
    assert list(tables.documents["doc_id"]) == ["a", "b", "c", "d", "e"]


def _same_tables(a: pipeline.Tables, b: pipeline.Tables, check_dtype: bool = True) -> None:
    for name in ("events", "quotes", "places", "documents"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=check_dtype, obj=name)
    assert {k: v for k, v in a.manifest.items() if k != "built_at"} == {
        k: v for k, v in b.manifest.items() if k != "built_at"}


@pytest.fixture(autouse=True)
def _no_kept_assemblies() -> None:
    forget_assemblies()
    yield
    forget_assemblies()


def test_adding_documents_patches_the_last_build_and_equals_a_full_one(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_first_three(seeds)
    ctx = Context.create()
    first, _ = build(seeds, tmp_path / "build", ctx)
    assert list(first.quotes["speaker_id"]) == ["peskov"]  # no full name yet: the bare surname stays apart

    merged_rows: list[int] = []
    real_merge = assembly.fold_events
    monkeypatch.setattr(assembly, "fold_events",
                        lambda events, *a: merged_rows.append(len(events)) or real_merge(events, *a))  # fmt: skip
    # "a" sorts before "b" and reports the same story: it becomes the first report, b's folds into it.
    write_doc(seeds, "a", "Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC")
    # "c" gives Peskov's full name: d's bare "Peskov" joins it.
    write_doc(seeds, "c", '"Hama is calm," Dmitry Peskov said on Dec. 5.\n', "TASS")
    tables, _ = build(seeds, tmp_path / "build", ctx)
    # Only the story groups the new events touch were merged again: a's and b's Homs reports and c's
    # Hama event; d's and e's events were not looked at.
    assert merged_rows == [3]

    assert_five_documents(tables)
    assert tables.manifest["review"]["merged_events"] == 1
    assert list(tables.documents["n_events"]) == [1, 1, 1, 1, 1]
    assert set(tables.places["name"]) >= {"Homs", "Hama", "Idlib", "Raqqa"}

    forget_assemblies()
    fresh, _ = build(seeds, tmp_path / "fresh", Context.create())
    _same_tables(tables, fresh)
    _same_tables(read_tables(tmp_path / "build"), read_tables(tmp_path / "fresh"))


def test_a_patched_build_can_be_patched_again_and_a_removal_rebuilds_in_full(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, place in enumerate(["Homs", "Hama", "Idlib", "Aleppo", "Daraa", "Latakia"]):
        write_doc(seeds, f"d{i}", f"Rebels entered {place} on Dec. {i + 1}.\n", "AFP")
    ctx = Context.create()
    build(seeds, tmp_path / "build", ctx)
    write_doc(seeds, "d2b", "Rebels entered Idlib on Dec. 3, CNN said.\n", "BBC")  # folds into d2's report
    build(seeds, tmp_path / "build", ctx)
    merged_rows: list[int] = []
    real_merge = assembly.fold_events
    monkeypatch.setattr(assembly, "fold_events",
                        lambda events, *a: merged_rows.append(len(events)) or real_merge(events, *a))  # fmt: skip
    write_doc(seeds, "d3b", "Rebels entered Aleppo on Dec. 4, CNN said.\n", "BBC")  # folds into d3's report
    second, _ = build(seeds, tmp_path / "build", ctx)
    assert merged_rows == [2]
    assert list(second.events["primary_place"]) == ["Homs", "Hama", "Idlib", "Aleppo", "Daraa", "Latakia"]
    assert [list(v) for v in second.events["also_reported_by"]] == [[], [], ["d2b:1:0"], ["d3b:1:0"], [], []]
    forget_assemblies()
    _same_tables(second, build(seeds, tmp_path / "fresh", Context.create())[0])

    (seeds / "d2.txt").unlink()
    (seeds / "d2.meta.json").unlink()
    merged_rows.clear()
    third, _ = build(seeds, tmp_path / "build", ctx)
    assert merged_rows == [7]  # a document went away: everything is assembled again
    assert list(third.events["doc_id"]) == ["d0", "d1", "d2b", "d3", "d4", "d5"]
    forget_assemblies()
    # (a store of several segments gives some columns another dtype than a fresh one: the values are the same)
    _same_tables(third, build(seeds, tmp_path / "fresh2", Context.create())[0], check_dtype=False)


def test_a_rebuild_reads_only_documents_whose_files_changed(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Unchanged documents are not read again (their files' size, times and inode are the same)."""
    monkeypatch.setattr(pipeline, "RACY_NS", 0)  # the files below were all written just now
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_doc(seeds, "a", "Rebels entered Homs on Dec. 7.\n", "AFP")
    write_doc(seeds, "b", "Jets struck Idlib on Dec. 1.\n", "AFP")
    write_doc(seeds, "c", "Rebels entered Hama on Dec. 5.\n", "AFP")
    ctx = Context.create()
    build(seeds, tmp_path / "build", ctx)
    reads: list[str] = []
    real_read = pipeline.read_document
    monkeypatch.setattr(pipeline, "read_document", lambda p: reads.append(Path(p).name) or real_read(p))
    tables, _ = build(seeds, tmp_path / "build", ctx)
    assert reads == []
    assert list(tables.events["primary_place"]) == ["Idlib", "Hama", "Homs"]
    # Same size, other words: b now happened in Daraa on Dec. 2; its metadata names another outlet.
    (seeds / "b.txt").write_text("Jets struck Daraa on Dec. 2.\n", encoding="utf-8")
    (seeds / "c.meta.json").write_text(json.dumps({"source": "BBC", "reference_date": "2024-12-10"}),
                                       encoding="utf-8")  # fmt: skip
    tables, _ = build(seeds, tmp_path / "build", ctx)
    assert sorted(reads) == ["b.txt", "c.txt"]
    assert list(tables.events["primary_place"]) == ["Daraa", "Hama", "Homs"]
    assert list(tables.events["doc_source"]) == ["AFP", "BBC", "AFP"]
    forget_assemblies()
    _same_tables(tables, build(seeds, tmp_path / "fresh", Context.create())[0])
