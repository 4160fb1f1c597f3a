"""Issue 12: a patch saved as a delta keeps its new events as Arrow, so reading the state back (a new process:
`python -m dashboard build`) does not turn every saved patch's rows into Arrow again (15 ms a patch at 100k,
up to 24 patches a read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_incremental_build import write_doc, write_first_three


@pytest.fixture
def first_three(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201 - a generator fixture
    """The seeds folder with the first build's three documents, the build folder beside it, and no assembly kept
    in this process before or after (each test's builds are its own)."""
    from dashboard.corpus import pipeline

    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_first_three(seeds)
    pipeline.forget_assemblies()
    yield seeds, tmp_path / "build"
    pipeline.forget_assemblies()


def test_a_saved_patch_keeps_its_rows_as_arrow_and_reading_it_back_converts_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_three: tuple[Path, Path]) -> None:  # fmt: skip
    from dashboard.corpus import assembly, patchstate, pipeline, rowstore

    seeds, build = first_three
    ctx = pipeline.Context.create()
    pipeline.build(seeds, build, ctx, keep_state=True)
    write_doc(seeds, "c", "Jets struck Aleppo on Dec. 1.\n", "BBC")
    pipeline.build(seeds, build, ctx, keep_state=True)
    write_doc(seeds, "f", "Shelling hit Daraa on Dec. 2.\n", "AFP")
    tables, _ = pipeline.build(seeds, build, ctx, keep_state=True)
    assert pipeline.patched(build)
    kept = assembly.kept_assembly(build)
    assert kept is not None and kept.arrow is not None

    state = patchstate.load(build, pipeline.build_stamp(build),
                            patchstate.stamps(ctx.gazetteer_hash, rowstore.segments(build)))  # fmt: skip
    assert state is not None and len(state["steps"]) == 2
    for step, (place, day) in zip(state["steps"], [("Aleppo", "2024-12-01"), ("Daraa", "2024-12-02")],
                                  strict=True):  # fmt: skip
        rows = step["part_arrow"]  # each patch's one new event, as Arrow, with the events table's schema
        assert rows.num_rows == 1 and rows.schema.equals(kept.arrow.schema)
        assert rows.column("primary_place").to_pylist() == [place]
        assert rows.column("date").to_pylist() == [day]

    # Read back in a "new process" with converting rows to Arrow made impossible: the kept rows are used.
    def no_conversion(*args: object) -> None:
        raise ValueError("rows converted to Arrow again")

    monkeypatch.setattr(assembly, "_arrow_rows", no_conversion)
    pipeline.forget_assemblies()
    pipeline._restore(build, ctx)
    back = assembly.kept_assembly(build)
    assert back is not None and back is not kept
    assert back.arrow is not None and back.arrow.equals(kept.arrow)
    assert back.arrow.column("primary_place").to_pylist() == tables.events["primary_place"].tolist()


def _buffers(column: object) -> set[int]:
    """The addresses of the data buffers behind an Arrow column (a pandas column's, or a table's)."""
    chunks = getattr(column, "chunks", None)
    if chunks is None:
        chunks = column.array._pa_array.chunks  # type: ignore[attr-defined]
    out = set()
    for chunk in chunks:
        todo = [chunk]
        while todo:
            a = todo.pop()
            out |= {b.address for b in a.buffers() if b is not None and b.size}
            todo += [a.values] if hasattr(a, "values") else []
    return out


LISTS = ("places", "sources", "actors", "mentioned", "also_reported_by", "also_sources")
VIEWS = (*LISTS, "event_id")  # a Python object on every row of a full assembly's events


def test_the_events_lists_and_ids_are_saved_once_as_arrow_and_read_back_as_views_of_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_three: tuple[Path, Path]) -> None:  # fmt: skip
    """A new process (`python -m dashboard build`) read 700,000 Python objects at 100k events to patch the events
    table (a list per row in six columns, the ids): those columns are now saved once, in the table's Arrow form.
    Read back, the kept table holds them as views of it, no Python object per row; a patch from it gives each
    cell as a list (an id as a string), writes the tables a full build writes and returns the same values."""
    from dataclasses import replace

    import pandas as pd

    from dashboard.corpus import assembly, patchstate, pipeline, rowstore
    from dashboard.corpus.pipeline import read_tables
    from tests.test_incremental_build import _same_tables

    seeds, build = first_three
    write_doc(seeds, "c", "Jets struck Aleppo on Dec. 1, CNN and the monitor said.\n", "BBC")
    ctx = pipeline.Context.create()
    pipeline.build(seeds, build, ctx, keep_state=True)  # a full build: the state saved is a base
    state = patchstate.load(build, pipeline.build_stamp(build),
                            patchstate.stamps(ctx.gazetteer_hash, rowstore.segments(build)))  # fmt: skip
    assert state is not None and not state["steps"]
    saved = state["base"]["merged"]
    assert not set(VIEWS) & set(saved.columns)  # the base holds them once: in the Arrow form
    assert set(VIEWS) <= set(state["base"]["arrow"].column_names)

    pipeline.forget_assemblies()  # as a new process
    pipeline._restore(build, ctx)
    back = assembly.kept_assembly(build)
    assert back is not None and back.arrow is not None
    for name in VIEWS:  # views of the Arrow form: no object made per row
        assert isinstance(back.merged[name].dtype, pd.ArrowDtype)
        assert _buffers(back.merged[name]) <= _buffers(back.arrow.column(name))
    assert list(back.merged.columns) == [*back.arrow.column_names, "order"]
    aleppo = back.merged.index[back.merged["primary_place"] == "Aleppo"][0]
    assert back.merged.loc[aleppo, "sources"] == ["CNN"]  # a cell reads as a list, an id as a string
    assert back.merged.loc[aleppo, "event_id"] == "c:1:0"

    write_doc(seeds, "f", "Shelling hit Daraa on Dec. 2, Reuters said.\n", "AFP")
    tables, _ = pipeline.build(seeds, build, ctx, keep_state=True)
    assert pipeline.patched(build)
    ev = tables.events
    assert list(ev["primary_place"]) == ["Raqqa", "Aleppo", "Daraa", "Idlib", "Homs"]  # by date
    # (d's Idlib event is told by Peskov, the Kremlin's spokesman: its source is the Kremlin)
    assert [list(v) for v in ev["sources"]] == [[], ["CNN"], ["Reuters"], ["Kremlin"], ["Reuters"]]
    assert isinstance(ev["sources"].dtype, pd.ArrowDtype)

    pipeline.forget_assemblies()
    fresh, _ = pipeline.build(seeds, tmp_path / "fresh", pipeline.Context.create())
    _same_tables(read_tables(build), read_tables(tmp_path / "fresh"))  # the tables written: the same
    # The process that made its tables returns Python objects, as ever (the app's views read them so); the
    # values are those the patch returned.
    assert fresh.events["sources"].dtype == object and fresh.events["event_id"].dtype == object
    pd.testing.assert_frame_equal(assembly._python_objects(tables.events), fresh.events)
    _same_tables(replace(tables, events=fresh.events), fresh)


def test_a_state_saved_with_python_objects_still_reads_and_patches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_three: tuple[Path, Path]) -> None:  # fmt: skip
    """A state saved before (version 4: those columns pickled as Python objects) is read as it is, and patched."""
    import pandas as pd

    from dashboard.corpus import assembly, patchstate, pipeline
    from dashboard.corpus.pipeline import read_tables
    from tests.test_incremental_build import _same_tables

    seeds, build = first_three
    write_doc(seeds, "c", "Jets struck Aleppo on Dec. 1, CNN and the monitor said.\n", "BBC")
    ctx = pipeline.Context.create()
    with monkeypatch.context() as m:  # saved as version 4 saved it
        m.setattr(patchstate, "STATE_VERSION", "4")
        m.setattr(pipeline, "without_arrow_columns", lambda frame, arrow: assembly._python_objects(frame))
        pipeline.build(seeds, build, ctx, keep_state=True)
    assert '"state_version": "4"' in (build / patchstate.FOLDER / "meta.json").read_text(encoding="utf-8")
    pipeline.forget_assemblies()  # as a new process
    write_doc(seeds, "f", "Shelling hit Daraa on Dec. 2, Reuters said.\n", "AFP")
    tables, _ = pipeline.build(seeds, build, ctx, keep_state=True)
    assert pipeline.patched(build)
    pipeline.forget_assemblies()
    fresh, _ = pipeline.build(seeds, tmp_path / "fresh", pipeline.Context.create())
    pd.testing.assert_frame_equal(assembly._python_objects(tables.events), fresh.events)
    _same_tables(read_tables(build), read_tables(tmp_path / "fresh"))
