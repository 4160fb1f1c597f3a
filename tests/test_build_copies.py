"""Issue 12 (memory at 1M, third round): the reduce does not copy the million-row frames it can share.

- a fresh build's assembly takes the row store's columns as they are (the store holds the documents in
  order; the join and sort already gave them through: this guards it);
- folding same-story events copies no column, and the kept rows are picked and sorted in one step
  (`prepare_events(frame, keep)`), groups a run at a time;
- the saved patch state writes an Arrow column's own chunks, not a joined copy, a small view of a
  large column as a small column, and a frame a column at a time.
Expected values are worked out by hand from the inputs.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.corpus import assembly, merge, patchstate
from dashboard.corpus.pipeline import Context, build, forget_assemblies
from dashboard.corpus.tables import EVENT_COLUMNS, prepare_events
from tests.support import write_seeds


@pytest.fixture(autouse=True)
def _no_kept_assemblies() -> None:
    forget_assemblies()
    yield
    forget_assemblies()


def _buffers(series: pd.Series) -> set[int]:
    """Addresses of the data buffers behind an Arrow-backed string column."""
    return {c.buffers()[2].address for c in series.array._pa_array.chunks}


DOCS = {  # name: (text, outlet); in file order a, b, c
    "a": ("Rebels entered Homs on Dec. 7, Reuters reported.\nJets struck Raqqa on Nov. 30.\n", "AFP"),
    "b": ("Fighting went on in Daraa on Dec. 2.\n", "SANA"),
    "c": ("Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC"),  # the same story as a's first line
}


def _seeds(tmp_path: Path) -> Path:
    return write_seeds(tmp_path / "seeds", DOCS)


def test_a_fresh_build_assembles_from_the_row_store_without_copying_its_columns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    build_dir = tmp_path / "build"
    merged: list[pd.DataFrame] = []  # the events before merging, as the build hands them to the merge
    fold = assembly.fold_events
    monkeypatch.setattr(assembly, "fold_events", lambda events: merged.append(events) or fold(events))
    tables, _ = build(_seeds(tmp_path), build_dir, Context.create())
    memo = assembly.kept_assembly(build_dir)
    assert memo is not None and len(merged) == 1
    events = merged[0]
    # Rows in document order (a's two lines, b's, c's), as the store made them when the documents were extracted.
    assert list(events["event_id"]) == ["a:1:0", "a:2:0", "b:1:0", "c:1:0"]
    assert list(events["text"]) == ["Rebels entered Homs on Dec. 7, Reuters reported.",
                                    "Jets struck Raqqa on Nov. 30.", "Fighting went on in Daraa on Dec. 2.",
                                    "Rebels entered Homs on Dec. 7, CNN reported."]  # fmt: skip
    for col in ("text", "tokens", "date"):  # the store's own buffers, not copies
        assert _buffers(events[col]) == _buffers(memo.store.events[col]), col
    # The table: c's Homs report folded into a's; reading order Nov. 30, Dec. 2, Dec. 7.
    assert list(tables.events["event_id"]) == ["a:2:0", "b:1:0", "a:1:0"]
    assert list(tables.events["also_reported_by"]) == [[], [], ["c:1:0"]]
    assert list(tables.events["n_sources"]) == [1, 1, 2]


def _event(doc: str, line: int, text: str, date: str, place: str, source: str) -> dict:
    return {
        "event_id": f"{doc}:{line}:0", "doc_id": doc, "path": f"{doc}.txt", "line": line, "start": 0, "end": len(text),
        "text": text, "date": date, "date_end": None, "date_precision": "day", "date_text": None,
        "date_first": pd.Timestamp(date), "date_last": pd.Timestamp(date), "places": [place], "primary_place": place,
        "claim": "reported", "claim_evidence": None, "sources": [], "actors": [], "doc_source": source,
        "hidden": False, "date_basis": "explicit", "mentioned": [],
    }  # fmt: skip


HOMS = "Rebels entered Homs on Dec. 7"
EVENTS = [  # document order; x:1 and z:1 report one story, y:2 and z:2 another
    _event("x", 1, f"{HOMS}, Reuters reported.", "2024-12-07", "Homs", "AFP"),
    _event("y", 1, "Jets struck Raqqa on Nov. 30.", "2024-11-30", "Raqqa", "SANA"),
    _event("y", 2, "Shelling hit Idlib city on Dec. 2 overnight.", "2024-12-02", "Idlib", "SANA"),
    _event("z", 1, f"{HOMS}, CNN reported.", "2024-12-07", "Homs", "BBC"),
    _event("z", 2, "Shelling hit Idlib city on Dec. 2 overnight, AFP said.", "2024-12-02", "Idlib", "BBC"),
]


@pytest.mark.parametrize("chunk", [1, 2, 50_000])
def test_folding_copies_no_column_and_the_kept_rows_are_sorted_in_one_step(chunk: int, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(merge, "FOLD_CHUNK", chunk)  # groups a run at a time: one group per run, or all at once
    events = pd.DataFrame(EVENTS, columns=EVENT_COLUMNS)
    folded = merge.fold_events(events)
    assert _buffers(folded.frame["text"]) == _buffers(events["text"])  # the input's own column
    assert list(folded.keep) == [True, True, True, False, False]
    assert folded.renamed == {"z:1:0": "x:1:0", "z:2:0": "y:2:0"}
    sorted_widths: list[int] = []  # the columns of every frame sorted while the rows are picked
    sort_values = pd.DataFrame.sort_values

    def recorded(self: pd.DataFrame, *args: object, **kwargs: object) -> pd.DataFrame:
        sorted_widths.append(self.shape[1])
        return sort_values(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "sort_values", recorded)
    out = prepare_events(folded.frame, folded.keep)
    monkeypatch.undo()
    assert sorted_widths == [4]  # the order is worked out on the four order columns, then every column taken once
    # Reading order: Nov. 30 (y:1), Dec. 2 (y:2, with z:2), Dec. 7 (x:1, with z:1).
    assert list(out["event_id"]) == ["y:1:0", "y:2:0", "x:1:0"]
    assert list(out["n_sources"]) == [1, 2, 2]
    assert list(out["also_reported_by"]) == [[], ["z:2:0"], ["z:1:0"]]
    assert list(out["also_sources"]) == [[], ["BBC"], ["BBC"]]
    assert list(out["order"]) == [0, 1, 2] and out.index.equals(pd.RangeIndex(3))
    pd.testing.assert_frame_equal(out, prepare_events(folded.frame[folded.keep]))  # the same as two steps


def test_the_saved_state_writes_an_arrow_columns_own_chunks_and_views_compactly() -> None:
    two = pd.concat([pd.Series(["Homs", None, "Hama"]), pd.Series(["Idlib"])], ignore_index=True)
    assert two.array._pa_array.num_chunks == 2
    frame = pd.DataFrame({"text": two, "n": np.arange(4), "places": pd.Series([["Homs"], [], ["Hama"], []])})
    out = io.BytesIO()
    patchstate._Pickler(out, protocol=5).dump(frame)
    back = patchstate._Unpickler(io.BytesIO(out.getvalue())).load()
    pd.testing.assert_frame_equal(back, frame)
    assert back["text"].array._pa_array.num_chunks == 2  # written as its chunks: never joined into a copy
    # Saved as an entry of the state: a header, then each column as a pickle of its own (the pickler's memo,
    # which keeps every pickled list alive, is emptied after each column), read back as the same frame.
    out = io.BytesIO()
    patchstate._dump(patchstate._Pickler(out, protocol=5), frame)
    pickles, stream = 0, io.BytesIO(out.getvalue())
    while stream.tell() < len(out.getvalue()):
        patchstate._Unpickler(stream).load()
        pickles += 1
    assert pickles == 4  # header, text, n, places
    pd.testing.assert_frame_equal(patchstate._load(io.BytesIO(out.getvalue())), frame)
    # Three rows viewing a 10,000-row column: written as three rows (about 300 bytes of text), not 1 MB.
    view = pd.Series(["y" * 100] * 10_000).iloc[:3].reset_index(drop=True)
    out = io.BytesIO()
    patchstate._Pickler(out, protocol=5).dump(view)
    assert len(out.getvalue()) < 5_000
    assert patchstate._Unpickler(io.BytesIO(out.getvalue())).load().tolist() == ["y" * 100] * 3


def test_the_saved_base_keeps_its_buffers_apart_and_maps_them_back(tmp_path: Path) -> None:
    """The base's large buffers go to `state.data` (mapped when read, not copied into the pickle), each at a
    multiple of 64 bytes; read back, the frame is the one saved, and can be changed in memory only."""
    text = pd.Series(["r" * 5000, "s" * 5000], dtype="str")
    frame = pd.DataFrame({"text": text, "n": np.array([7, 8]), "places": pd.Series([["Homs"], ["Hama", "Idlib"]])})
    state = {"seen": {"a.txt": 1}, "merged": frame, "arrow": None}
    entry = patchstate._write(tmp_path / "state.pickle", state, data=tmp_path / "state.data")
    pickled = (tmp_path / "state.pickle").read_bytes()
    assert b"r" * 5000 not in pickled and b"r" * 5000 in (tmp_path / "state.data").read_bytes()
    assert entry["data"]["size"] == (tmp_path / "state.data").stat().st_size
    assert len(entry["data"]["spans"]) >= 2 and all(start % 64 == 0 for start, _ in entry["data"]["spans"])
    back = patchstate._read(tmp_path / "state.pickle", entry)
    assert list(back) == ["seen", "merged", "arrow"] and back["seen"] == {"a.txt": 1} and back["arrow"] is None
    pd.testing.assert_frame_equal(back["merged"], frame)
    back["merged"].loc[0, "n"] = 9  # the mapped arrays can be written to in memory; the file is left as it was
    assert patchstate._read(tmp_path / "state.pickle", entry)["merged"]["n"].tolist() == [7, 8]


def test_the_saved_state_reads_a_columns_empty_lists_back_as_one_and_leaves_the_frame_saved_alone(
    tmp_path: Path,
) -> None:
    """Most events have no `also_reported_by`: read back in a new process, each empty list was an object of its own
    (300,000 at 100k events, half of reading the state). A column's empty lists are now written as one list, so
    they are read back as one; the values, the dtypes and the frame being saved are as they were."""
    also = [[], ["b:1:0"], [], []]
    places = [["Homs"], [], ["Hama", "Idlib"], []]
    frame = pd.DataFrame({"n": np.arange(4), "also_reported_by": also, "places": places, "text": ["w", "x", "y", "z"]})
    ids_before = [id(v) for v in frame["also_reported_by"]] + [id(v) for v in frame["places"]]
    entry = patchstate._write(tmp_path / "state.pickle", {"merged": frame}, data=tmp_path / "state.data")
    back = patchstate._read(tmp_path / "state.pickle", entry)["merged"]
    pd.testing.assert_frame_equal(back, frame)
    assert back["also_reported_by"].tolist() == [[], ["b:1:0"], [], []]
    assert back["places"].tolist() == [["Homs"], [], ["Hama", "Idlib"], []]
    a, p = back["also_reported_by"], back["places"]
    assert a[0] is a[2] is a[3] and p[1] is p[3]  # one empty list per column, read back once
    assert a[1] is not a[0] and a[1] == ["b:1:0"]
    # The frame saved is untouched: its own empty lists are still separate objects, none replaced.
    assert [id(v) for v in frame["also_reported_by"]] + [id(v) for v in frame["places"]] == ids_before
    assert frame["also_reported_by"][0] is not frame["also_reported_by"][2]
