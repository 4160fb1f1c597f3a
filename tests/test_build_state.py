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
from tests.test_incremental_build import assert_five_documents, write_doc

ROOT = Path(__file__).resolve().parent.parent
PATCHED = "(patched the last build: only new documents were added)"


def _cli_build(seeds: Path, build: Path, geodata: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env["DASHBOARD_GEODATA_DIR"] = str(geodata)
    command = [sys.executable, "-m", "dashboard", "build", "--seeds", str(seeds), "--build-dir", str(build)]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


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
    write_doc(seeds, "b", "Rebels entered Homs on Dec. 7, Reuters reported.\n", "AFP")
    write_doc(seeds, "d", '"Idlib is quiet," Peskov said on Dec. 3.\n', "TASS")
    write_doc(seeds, "e", "Jets struck Raqqa on Nov. 30.\n", "SANA")
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
    second = _cli_build(seeds, build, geodata)
    assert PATCHED in second and "built 5 document(s): 4 events, 2 quotes" in second

    assert_five_documents(read_tables(build))

    fresh = _cli_build(seeds, tmp_path / "fresh", geodata)
    assert PATCHED not in fresh
    _same_on_disk(build, tmp_path / "fresh")

    # And again: the patched build's own state is patched in turn.
    write_doc(seeds, "f", "Jets struck Raqqa on Nov. 30, the monitor said.\n", "SOHR")
    third = _cli_build(seeds, build, geodata)
    assert PATCHED in third and "built 6 document(s): 4 events" in third  # f's Raqqa report folds into e's
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
