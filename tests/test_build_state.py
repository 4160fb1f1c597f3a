"""Issue 12: `python -m dashboard build`, a new process each time, patches the last build on disk when
documents were only added, and builds in full on any doubt (a changed or removed document, another
version, a damaged or planted state file)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.corpus.pipeline import read_tables
from tests.test_incremental_build import assert_five_documents, write_doc, write_first_three

ROOT = Path(__file__).resolve().parent.parent
PATCHED = "(patched the last build: only new documents were added)"


def _cli_build(seeds: Path, build: Path, geodata: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env["DASHBOARD_GEODATA_DIR"] = str(geodata)
    command = [sys.executable, "-m", "dashboard", "build", "--seeds", str(seeds), "--build-dir", str(build)]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _state_files(build: Path) -> list[str]:
    return sorted(p.name for p in (build / "patch-state").iterdir() if p.name != "meta.json")


def _same_on_disk(a: Path, b: Path) -> None:
    ta, tb = read_tables(a), read_tables(b)
    for name in ("events", "quotes", "places", "documents"):
        pd.testing.assert_frame_equal(getattr(ta, name), getattr(tb, name), obj=name)
    assert {k: v for k, v in ta.manifest.items() if k != "built_at"} == {
        k: v for k, v in tb.manifest.items() if k != "built_at"}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    seeds, geodata = tmp_path / "seeds", tmp_path / "geodata"
    seeds.mkdir()
    geodata.mkdir()
    write_first_three(seeds)
    return seeds, geodata


def test_a_new_process_patches_the_build_on_disk_and_equals_a_full_build(tmp_path: Path, corpus) -> None:  # noqa: ANN001
    seeds, geodata = corpus
    build = tmp_path / "build"
    first = _cli_build(seeds, build, geodata)
    assert PATCHED not in first and "built 3 document(s): 3 events, 1 quotes" in first
    assert (build / "patch-state" / "meta.json").exists()

    # "a" sorts before "b" and reports the same story: it becomes the first report, b's folds into it.
    write_doc(seeds, "a", "Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC")
    # "c" gives Peskov's full name: d's bare "Peskov" joins it.
    write_doc(seeds, "c", '"Hama is calm," Dmitry Peskov said on Dec. 5.\n', "TASS")
    base, data = build / "patch-state" / "state.pickle", build / "patch-state" / "state.data"
    base_before = (base.read_bytes(), base.stat().st_mtime_ns)
    # The base's buffers: hundreds of MB at 100k events, mapped by the next process, so never rewritten by a patch
    # (neither written again nor replaced: the same file, the same bytes).
    data_before = (data.read_bytes(), data.stat().st_mtime_ns, data.stat().st_ino)
    assert len(data_before[0]) > 0
    second = _cli_build(seeds, build, geodata)
    assert PATCHED in second and "built 5 document(s): 4 events, 2 quotes" in second
    # The patch saved what it added beside the base, and left the base as it was.
    assert _state_files(build) == ["delta-001.pickle", "head.pickle", "state.data", "state.pickle"]
    assert (base.read_bytes(), base.stat().st_mtime_ns) == base_before
    assert (data.read_bytes(), data.stat().st_mtime_ns, data.stat().st_ino) == data_before

    assert_five_documents(read_tables(build))

    fresh = _cli_build(seeds, tmp_path / "fresh", geodata)
    assert PATCHED not in fresh
    _same_on_disk(build, tmp_path / "fresh")

    # And again: the patched build's own state is patched in turn.
    write_doc(seeds, "f", "Jets struck Raqqa on Nov. 30, the monitor said.\n", "SOHR")
    third = _cli_build(seeds, build, geodata)
    assert PATCHED in third and "built 6 document(s): 4 events" in third  # f's Raqqa report folds into e's
    assert _state_files(build) == ["delta-001.pickle", "delta-002.pickle", "head.pickle", "state.data", "state.pickle"]
    assert (data.read_bytes(), data.stat().st_mtime_ns, data.stat().st_ino) == data_before
    assert list(read_tables(build).events.iloc[0]["also_reported_by"]) == ["f:1:0"]
    _cli_build(seeds, tmp_path / "fresh2", geodata)
    _same_on_disk(build, tmp_path / "fresh2")


@pytest.mark.parametrize("change", ["changed", "removed", "version", "other tables", "damaged"])
def test_any_doubt_builds_in_full(tmp_path: Path, corpus, change: str) -> None:  # noqa: ANN001
    seeds, geodata = corpus
    build = tmp_path / "build"
    _cli_build(seeds, build, geodata)
    write_doc(seeds, "a", "Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC")  # new, as in the patch case
    meta_file = build / "patch-state" / "meta.json"
    if change == "changed":  # b now happened in Daraa on Dec. 2
        write_doc(seeds, "b", "Rebels entered Daraa on Dec. 2, Reuters reported.\n", "AFP")
    elif change == "removed":
        (seeds / "e.txt").unlink()
        (seeds / "e.meta.json").unlink()
    elif change == "version":  # saved by another extractor version
        meta_file.write_text(json.dumps({**json.loads(meta_file.read_text()), "extractor_version": "0"}))
    elif change == "other tables":  # the tables were replaced since the state was saved
        meta_file.write_text(json.dumps({**json.loads(meta_file.read_text()), "build_stamp": "x|tables-old"}))
    else:
        (build / "patch-state" / "state.pickle").write_bytes(b"not a pickle")
    out = _cli_build(seeds, build, geodata)
    assert PATCHED not in out
    places = list(read_tables(build).events["primary_place"])
    expected = {"changed": ["Raqqa", "Daraa", "Idlib", "Homs"], "removed": ["Idlib", "Homs"]}.get(
        change, ["Raqqa", "Idlib", "Homs"])  # fmt: skip
    assert places == expected
    _cli_build(seeds, tmp_path / "fresh", geodata)
    _same_on_disk(build, tmp_path / "fresh")


class _Planted:
    """A pickle that, if loaded by a plain unpickler, would write a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (Path.write_text, (self.marker, "ran"))


def test_a_planted_state_file_runs_nothing_and_the_build_is_full(tmp_path: Path, corpus) -> None:  # noqa: ANN001
    seeds, geodata = corpus
    build = tmp_path / "build"
    _cli_build(seeds, build, geodata)
    marker = tmp_path / "ran.txt"
    (build / "patch-state" / "state.pickle").write_bytes(pickle.dumps({"assembly": _Planted(marker), "seen": {}}))
    write_doc(seeds, "a", "Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC")
    out = _cli_build(seeds, build, geodata)
    assert PATCHED not in out and "built 4 document(s): 3 events" in out
    assert not marker.exists()


@pytest.mark.parametrize("damage", ["delta changed", "delta cut short", "head cut short", "base cut short",
                                    "data cut short", "data spans outside", "planted delta", "unlisted file"])
def test_a_damaged_or_planted_patch_file_builds_in_full_and_runs_nothing(tmp_path: Path, corpus, damage: str) -> None:  # noqa: ANN001
    seeds, geodata = corpus
    build = tmp_path / "build"
    _cli_build(seeds, build, geodata)
    write_doc(seeds, "a", "Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC")
    assert PATCHED in _cli_build(seeds, build, geodata)  # saved as a delta beside the base
    folder = build / "patch-state"
    delta, head, meta_file = folder / "delta-001.pickle", folder / "head.pickle", folder / "meta.json"
    marker = tmp_path / "ran.txt"
    if damage == "delta changed":  # one byte of the added rows changed, the size the same
        data = bytearray(delta.read_bytes())
        data[len(data) // 2] ^= 0x01
        delta.write_bytes(bytes(data))
    elif damage == "delta cut short":
        delta.write_bytes(delta.read_bytes()[:-10])
    elif damage == "head cut short":
        head.write_bytes(head.read_bytes()[: len(head.read_bytes()) // 2])
    elif damage == "base cut short":
        base = folder / "state.pickle"
        base.write_bytes(base.read_bytes()[:-100])
    elif damage == "data cut short":  # the base's buffers (`state.data`): a page of them lost
        data = folder / "state.data"
        data.write_bytes(data.read_bytes()[:-4096])
    elif damage == "data spans outside":  # meta.json says a buffer lies past the file's end
        meta = json.loads(meta_file.read_text())
        spans = meta["files"][0]["data"]["spans"]
        spans[-1] = [spans[-1][0], meta["files"][0]["data"]["size"]]
        meta_file.write_text(json.dumps(meta))
    elif damage == "planted delta":  # and meta.json rewritten to vouch for it: only the unpickler stands in the way
        import hashlib

        planted = pickle.dumps(["events_new"]) + pickle.dumps(_Planted(marker))
        delta.write_bytes(planted)
        meta = json.loads(meta_file.read_text())
        for f in meta["files"]:
            if f["name"] == delta.name:
                f.update(size=len(planted), blake2b=hashlib.blake2b(planted, digest_size=20).hexdigest())
        meta_file.write_text(json.dumps(meta))
    else:  # meta.json names a file outside the state's own
        meta = json.loads(meta_file.read_text())
        meta["files"].append({"name": "../../seeds/a.txt", "size": 10})
        meta_file.write_text(json.dumps(meta))
    write_doc(seeds, "c", '"Hama is calm," Dmitry Peskov said on Dec. 5.\n', "TASS")
    out = _cli_build(seeds, build, geodata)
    assert PATCHED not in out and "built 5 document(s): 4 events, 2 quotes" in out
    assert not marker.exists()
    assert_five_documents(read_tables(build))
    # The full build saved a new base: the next document patches again.
    assert _state_files(build) == ["state.data", "state.pickle"]
    write_doc(seeds, "f", "Jets struck Raqqa on Nov. 30, the monitor said.\n", "SOHR")
    assert PATCHED in _cli_build(seeds, build, geodata)
    _cli_build(seeds, tmp_path / "fresh", geodata)
    _same_on_disk(build, tmp_path / "fresh")


def test_a_state_read_back_with_its_patches_is_the_assembly_the_patches_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """In one process: build, then two patches saved as deltas (the first puts a document before the old ones,
    so rows are reordered and a story re-merged); the state read back from disk equals the assembly kept in memory,
    frame for frame and dtype for dtype, the Arrow events table included."""
    from dashboard.corpus import assembly, pipeline, rowstore

    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    seeds, build = tmp_path / "seeds", tmp_path / "build"
    seeds.mkdir()
    write_first_three(seeds)
    pipeline.forget_assemblies()
    try:
        ctx = pipeline.Context.create()
        pipeline.build(seeds, build, ctx, keep_state=True)
        write_doc(seeds, "a", "Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC")
        pipeline.build(seeds, build, ctx, keep_state=True)
        write_doc(seeds, "c", '"Hama is calm," Dmitry Peskov said on Dec. 5.\n', "TASS")
        tables, _ = pipeline.build(seeds, build, ctx, keep_state=True)
        assert pipeline.patched(build)
        assert _state_files(build) == ["delta-001.pickle", "delta-002.pickle", "head.pickle", "state.data",
                                       "state.pickle"]  # fmt: skip
        assert_five_documents(tables)
        kept = assembly.kept_assembly(build)
        pipeline.forget_assemblies()
        pipeline._restore(build, ctx)
        back = assembly.kept_assembly(build)
        assert back is not None and back is not kept
        for name in ("quotes", "doc_rows", "mentions"):
            pd.testing.assert_frame_equal(getattr(back, name), getattr(kept, name), obj=name)
        # Read back, the events' lists and ids are views of the Arrow form where there is one (here, below, none):
        # the same values as the Python objects of the process that made them.
        pd.testing.assert_frame_equal(assembly._python_objects(back.merged), kept.merged, obj="merged")
        assert list(back.qu_pos) == list(kept.qu_pos)
        for kind in rowstore.KINDS:
            pd.testing.assert_frame_equal(getattr(back.store, kind), getattr(kept.store, kind), obj=kind)
        # (a table this small has an all-empty list column Arrow cannot splice into: both then convert it whole)
        assert back.arrow is None or back.arrow.equals(kept.arrow)
        assert (back.docs, back.places, back.renamed, back.hidden) == (kept.docs, kept.places, kept.renamed,
                                                                      kept.hidden)  # fmt: skip
    finally:
        pipeline.forget_assemblies()


def test_many_small_segments_are_merged_without_rewriting_the_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from dashboard.corpus import assembly, pipeline, rowstore

    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    monkeypatch.setattr(rowstore, "MAX_SEGMENTS", 3)
    seeds, build = tmp_path / "seeds", tmp_path / "build"
    seeds.mkdir()
    places = ["Homs", "Hama", "Idlib", "Aleppo", "Daraa", "Latakia"]
    for i, place in enumerate(places[:2]):
        write_doc(seeds, f"d{i}", f"Rebels entered {place} on Dec. {i + 1}.\n", "AFP")
    pipeline.forget_assemblies()
    try:
        ctx = pipeline.Context.create()
        pipeline.build(seeds, build, ctx, keep_state=True)
        first = rowstore.segments(build)[0]
        for i, place in enumerate(places[2:], start=2):  # one document per build, as the app's saves add them
            write_doc(seeds, f"d{i}", f"Rebels entered {place} on Dec. {i + 1}.\n", "AFP")
            tables, _ = pipeline.build(seeds, build, ctx, keep_state=True)
            assert pipeline.patched(build)
            segs = rowstore.segments(build)
            assert len(segs) <= 3 and segs[0] == first  # merged at 3: the first as written, the rest as one
        assert list(tables.events["primary_place"]) == places
        on_disk = rowstore.load(build)
        assert sorted(on_disk.keys["key"]) == sorted(assembly.kept_row_store(build).keys["key"])
        assert len(on_disk.events) == 6
        assert "delta-" in " ".join(_state_files(build))  # the merge kept the state's rows: still saved as deltas
        pipeline.forget_assemblies()
        fresh, _ = pipeline.build(seeds, tmp_path / "fresh", pipeline.Context.create())
        assert list(fresh.events["event_id"]) == list(tables.events["event_id"])
        _same_on_disk(build, tmp_path / "fresh")
    finally:
        pipeline.forget_assemblies()
