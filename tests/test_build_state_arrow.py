"""Issue 12: a patch saved as a delta keeps its new events as Arrow, so reading the state back (a new process:
`python -m dashboard build`) does not turn every saved patch's rows into Arrow again (15 ms a patch at 100k,
up to 24 patches a read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_incremental_build import write_doc, write_first_three


def test_a_saved_patch_keeps_its_rows_as_arrow_and_reading_it_back_converts_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from dashboard.corpus import assembly, patchstate, pipeline, rowstore

    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    seeds, build = tmp_path / "seeds", tmp_path / "build"
    seeds.mkdir()
    write_first_three(seeds)
    pipeline.forget_assemblies()
    try:
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
    finally:
        pipeline.forget_assemblies()
