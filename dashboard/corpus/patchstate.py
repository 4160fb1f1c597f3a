"""What a build leaves on disk so that the next build, in a new process, can patch it.

A build in this process keeps its assembly in memory (`assembly._Assembly`) and what it knows of
each document file (`pipeline._SEEN`); `python -m dashboard build` starts a new process each time,
so without these files it always assembled in full. They sit beside the tables (`build/patch-state/`),
stamped with what they were made from: the tables' build stamp, the extractor, row store and state
versions, the gazetteer, the row store's segments and the library versions that wrote them. `load`
gives them back only when every stamp still holds and every file is whole, and otherwise deletes
them: the build then assembles in full, as it did before. Doubt always means a full build.

Files, each listed in `meta.json` with its size (and the small ones with a hash of their bytes):
- `state.pickle`, the base: the whole assembly, written by a full build (`save`), its large binary
  buffers (the Arrow columns, the numbers) set apart in `state.data` (see `_DataFile`);
- `delta-N.pickle`, one per patch since (`append`): the rows it added and how it spliced them (its
  `_Assembly.journal`), a few hundred KB where the base is a few hundred MB;
- `head.pickle`: the last patch's small parts (documents, places, positions, file signatures), rewritten.
A patch so writes what changed, not the whole state; after `MAX_DELTAS` patches the next save is a base
again. `meta.json` is replaced last, atomically: a crash leaves the old state (whose stamp no longer
matches the tables, so it is not used) or the new one, never a mix.

The files are pickles (the frames as they were, so the patched path is the same code whatever
process runs it), read with an unpickler that builds only the data classes listed in `ALLOWED`:
a file put in the build folder cannot make the build call anything else. `state.data` holds bytes
only (each buffer's place in it is listed in `meta.json`); it is mapped into memory, not read and copied.
It is one module over 300 lines because what writes a state (the pickler, the data file, the stamps) and
what reads it back (the restricted unpickler, every check) must change together, or a state loses its safety.
"""

from __future__ import annotations

import copyreg
import hashlib
import json
import logging
import pickle
import shutil
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from dashboard.files import atomic_write_text

log = logging.getLogger(__name__)

STATE_VERSION = "5"  # bump when what is saved changes shape (2: deltas; 3: frames a column at a time;
# 4: the base's buffers in state.data, no events before merging; 5: the events' lists and ids only in the Arrow
# form)
READS = ("4", STATE_VERSION)  # versions still read: a 4 holds them as Python objects, read as they are
# (a 5 is never read by the code of a 4: its stamp differs, so that code builds in full)
FOLDER = "patch-state"
BASE, HEAD, DATA = "state.pickle", "head.pickle", "state.data"
MAX_DELTAS = 24  # patches saved as deltas before the next save writes a base again (each is replayed on load)

# Every global a saved state needs, listed from real states (an unpickler that records `find_class`);
# anything else in the file stops the load, and the build assembles in full.
ALLOWED = frozenset({
    ("builtins", "slice"), ("datetime", "date"), ("pathlib", "PosixPath"),
    ("dashboard.corpus.assembly", "_Assembly"), ("dashboard.corpus.context", "DocumentResult"),
    ("dashboard.corpus.documents", "DocumentMeta"), ("dashboard.corpus.rowstore", "Store"),
    ("numpy", "dtype"), ("numpy", "ndarray"), ("numpy._core.multiarray", "_reconstruct"),
    ("numpy._core.numeric", "_frombuffer"),
    ("pandas", "DataFrame"), ("pandas", "Index"), ("pandas", "Int64Dtype"), ("pandas", "RangeIndex"),
    ("pandas", "Series"), ("pandas", "StringDtype"), ("pandas._libs.arrays", "__pyx_unpickle_NDArrayBacked"),
    ("pandas._libs.internals", "_unpickle_block"), ("pandas.arrays", "ArrowStringArray"),
    ("pandas.arrays", "DatetimeArray"), ("pandas.arrays", "IntegerArray"), ("pandas.arrays", "BooleanArray"),
    ("pandas.core.indexes.base", "_new_Index"), ("pandas.core.internals.managers", "BlockManager"),
    ("pandas.core.internals.managers", "SingleBlockManager"),
    ("pyarrow.lib", "_reconstruct_table"), ("pyarrow.lib", "_restore_array"), ("pyarrow.lib", "chunked_array"),
    ("pyarrow.lib", "field"), ("pyarrow.lib", "list_"), ("pyarrow.lib", "large_list"), ("pyarrow.lib", "py_buffer"),
    ("pyarrow.lib", "schema"), ("pyarrow.lib", "timestamp"), ("pyarrow.lib", "type_for_alias"),
})  # fmt: skip


class _Unpickler(pickle.Unpickler):
    """Builds only the globals in `ALLOWED`: data, never a call to anything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a saved build state")


class _Pickler(pickle.Pickler):
    """Writes a pandas column held in Arrow as its chunks are, not a concatenated copy.

    pandas pickles such a column by first joining its chunks into a new array (`combine_chunks`, a copy
    even of one chunk), and the pickler's memo keeps every copy alive until the entry is written: a
    frame's strings twice over (at 1M events, the peak of the build). Here the column's own chunks are
    written (no new globals: the unpickler rebuilds it as pandas does, `ALLOWED`). A chunk that is a
    small view of a larger buffer would write the whole buffer: such a column goes the pandas way.
    """

    _arrow_array: type | None = None  # pandas' ArrowExtensionArray, looked up once (this runs for every object)

    def reducer_override(self, obj: Any) -> Any:
        ArrowExtensionArray = self._arrow_array  # noqa: N806 - the class
        if ArrowExtensionArray is None:
            from pandas.arrays import ArrowExtensionArray

            type(self)._arrow_array = ArrowExtensionArray
        if isinstance(obj, ArrowExtensionArray) and type(obj).__setstate__ is ArrowExtensionArray.__setstate__:
            data = obj._pa_array
            if all(c.get_total_buffer_size() <= c.nbytes + c.nbytes // 4 + 1024 for c in data.chunks):
                return copyreg.__newobj__, (type(obj),), {**obj.__dict__, "_pa_array": data, "_cache": {}}
        return NotImplemented


def stamps(gazetteer_hash: str, segments: list[Path]) -> dict[str, Any]:
    """What a saved state must match to be used: versions, gazetteer, the row store's segments."""
    import pandas as pd
    import pyarrow as pa

    from dashboard.corpus import context, rowstore

    return {
        "state_version": STATE_VERSION, "extractor_version": context.EXTRACTOR_VERSION,
        "store_version": rowstore.STORE_VERSION, "gazetteer_hash": gazetteer_hash,
        "segments": [p.name for p in segments], "python": sys.version.split()[0], "pandas": pd.__version__,
        "pyarrow": pa.__version__,
    }  # fmt: skip


COLUMNS = "frame, a column at a time"  # the header of a frame `_dump` wrote column by column
ALIGN = 64  # each buffer in `state.data` starts at a multiple of this (Arrow's and numpy's alignment)


def _dump(pickler: pickle.Pickler, value: Any) -> None:
    """One entry, the memo cleared after it; a frame a column at a time, the memo cleared after each.

    The memo keeps a reference to every object pickled until it is cleared: for the events table,
    one per list of places, sources, actors... (several million at 1M events, a few hundred MB of memo).
    A column's lists still share their strings as before; columns no longer share theirs with each other.
    """
    import pandas as pd

    if isinstance(value, pd.DataFrame) and value.columns.is_unique:
        pickler.dump((COLUMNS, [str(c) for c in value.columns], value.index))
        pickler.clear_memo()
        for name in value.columns:
            pickler.dump(_empties_shared(value[name]))
            pickler.clear_memo()
        return
    pickler.dump(value)
    pickler.clear_memo()


def _empties_shared(column: Any) -> Any:
    """`column` with each of its empty lists written as one and the same list (the memo then writes a reference).

    The events table has a list per row in six columns, most of them empty in three (`mentioned`,
    `also_reported_by`, `also_sources`): read back, 300,000 empty lists at 100k events were made one by one,
    half the time to read the state in a new process (0.26 -> 0.12 s for the six columns). Read back, a column's
    empty cells are one list: nothing changes a cell's list in place (a patch makes new lists for the rows it
    merges again). The frame being saved is not changed: the column is copied when it has an empty list.
    """
    import numpy as np
    import pandas as pd

    if column.dtype != object:
        return column
    values = column.to_numpy()
    empty_at = [i for i, v in enumerate(values.tolist()) if type(v) is list and not v]
    if len(empty_at) < 2:
        return column
    shared: list = []
    out = np.array(values, dtype=object, copy=True)
    for i in empty_at:
        out[i] = shared
    return pd.Series(out, index=column.index, name=column.name, dtype=object, copy=False)


def _column(value: Any, index: Any) -> Any:
    import pandas as pd

    if not isinstance(value, pd.Series) or not value.index.equals(index):
        raise pickle.UnpicklingError("a saved frame's column is not the column it should be")
    return value


def _load(f: Any, buffers: Any = None) -> Any:
    """One entry `_dump` wrote, as it was; `buffers` are the out-of-band buffers of the file (`_DataFile`),
    in the order the entries use them."""
    import pandas as pd

    value = _Unpickler(f, buffers=buffers).load()
    if isinstance(value, tuple) and len(value) == 3 and value[0] == COLUMNS:
        _, names, index = value
        columns = {name: _column(_Unpickler(f, buffers=buffers).load(), index) for name in names}
        return pd.DataFrame(columns, index=index, copy=False)
    return value


class _DataFile:
    """Where the pickler puts the buffers of a base (pickle protocol 5's out-of-band buffers): `state.data`.

    Unpickled in-band, each buffer was read and copied into a new one (a few hundred MB at 100k events, a
    third of the time to read the state). Here each is written to the data file as it comes, its place
    noted (`spans`), and read back as a slice of the file mapped into memory: nothing is copied, a page is
    read when touched. The mapping is private (copy on write): the arrays can be written to in memory,
    and the file is never changed (files are replaced, never rewritten, so a mapped one stays as it was).
    """

    def __init__(self, f: Any) -> None:
        self.f, self.spans = f, []

    def __call__(self, buffer: pickle.PickleBuffer) -> bool:
        try:
            raw = buffer.raw()
        except BufferError:  # not contiguous: in the pickle, as before
            return True
        pos = self.f.tell()
        pad = -pos % ALIGN
        self.f.write(b"\0" * pad)
        self.f.write(raw)
        self.spans.append([pos + pad, raw.nbytes])
        return False  # out of band: the pickle only says "the next buffer"

    @staticmethod
    def buffers(path: Path, entry: dict[str, Any]) -> list[memoryview]:
        """The buffers listed in `entry` (size, spans), as slices of `path` mapped into memory; raises on any doubt."""
        import mmap

        size, spans = int(entry["size"]), entry["spans"]
        if path.stat().st_size != size:
            raise ValueError(f"{path.name} is not the size it was saved with")
        if not all(isinstance(s, list) and len(s) == 2 and 0 <= int(s[0]) and int(s[1]) >= 0 and
                   int(s[0]) + int(s[1]) <= size for s in spans):  # fmt: skip
            raise ValueError(f"{path.name}: meta.json lists buffers outside it")
        if not spans or size == 0:
            return []
        with open(path, "rb") as f:
            view = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY))
        return [view[int(o) : int(o) + int(n)] for o, n in spans]


def _write(path: Path, state: dict[str, Any], data: Path | None = None) -> dict[str, Any]:
    """`state` (name -> value) into `path` through a temporary file; its entry for `meta.json`.

    With `data`, the buffers go there (`_DataFile`)."""
    tmp = path.with_name(path.name + ".tmp")
    data_tmp = data.with_name(data.name + ".tmp") if data is not None else None
    with open(tmp, "wb") as f, ExitStack() as stack:
        out = _DataFile(stack.enter_context(open(data_tmp, "wb"))) if data_tmp is not None else None
        # One pickle per entry, the memo cleared between them: the memo holds every object pickled,
        # as large as the frames' objects themselves (1M events: gigabytes at once for the whole state).
        pickler = _Pickler(f, protocol=5, buffer_callback=out)
        for value in (list(state), *state.values()):
            _dump(pickler, value)
    entry: dict[str, Any] = {"name": path.name}
    if data is not None and data_tmp is not None and out is not None:
        data_tmp.replace(data)
        entry["data"] = {"size": data.stat().st_size, "spans": out.spans}
    tmp.replace(path)
    entry["size"] = path.stat().st_size
    return entry


def _hashed(path: Path, entry: dict[str, Any]) -> dict[str, Any]:
    return {**entry, "blake2b": hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()}


def _read(path: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """A file `_write` made, checked against its entry (size, and hash when it has one); raises on any doubt."""
    data = path.read_bytes() if "blake2b" in entry else None
    if path.stat().st_size != entry["size"]:
        raise ValueError(f"{path.name} is not the size it was saved with")
    if data is not None and hashlib.blake2b(data, digest_size=20).hexdigest() != entry["blake2b"]:
        raise ValueError(f"{path.name} is not the file that was saved")
    buffers = iter(_DataFile.buffers(path.with_name(DATA), entry["data"]) if "data" in entry else [])
    with open(path, "rb") as f:  # one pickle per entry, each with a memo of its own
        names = _Unpickler(f, buffers=buffers).load()
        if not isinstance(names, list):
            raise ValueError(f"{path.name} is not a saved build state")
        read = {str(name): _load(f, buffers) for name in names}
        if next(buffers, None) is not None or f.read(1):
            raise ValueError(f"{path.name} holds more than its state")
        return read


def save(build_dir: Path, build_stamp: str, expected: dict[str, Any], state: dict[str, Any]) -> None:
    """Write `state` (name -> value) as the base for the tables stamped `build_stamp`, then the file vouching for it."""
    folder = build_dir / FOLDER
    meta = folder / "meta.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        meta.unlink(missing_ok=True)  # no stamp while the data is being replaced: a crash leaves no state
        for old in [*folder.glob("*.pickle"), folder / DATA]:
            old.unlink(missing_ok=True)
        base = _write(folder / BASE, state, data=folder / DATA)
        atomic_write_text(meta, json.dumps({**expected, "build_stamp": build_stamp, "files": [base]}))
    except OSError as exc:  # the tables are written; only the next build's shortcut is lost
        log.warning("could not save the build state in %s (%s): the next build assembles in full", folder, exc)
        shutil.rmtree(folder, ignore_errors=True)


def append(build_dir: Path, after: str, build_stamp: str, expected: dict[str, Any], step: dict[str, Any],
           head: dict[str, Any]) -> bool:  # fmt: skip
    """Add one patch (`step`, its journal) to the state saved for the tables stamped `after`; False when
    there is no such state, it is for other versions, or it has `MAX_DELTAS` patches already (save a base)."""
    folder = build_dir / FOLDER
    meta_file = folder / "meta.json"
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        files = list(meta.pop("files"))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    same = _same_versions(meta, expected, "segments", "build_stamp")
    deltas = [f for f in files if str(f.get("name", "")).startswith("delta-")]
    if not after or meta.get("build_stamp") != after or not same or len(deltas) >= MAX_DELTAS:
        return False
    try:
        name = f"delta-{len(deltas) + 1:03d}.pickle"
        delta = _hashed(folder / name, _write(folder / name, step))
        (folder / HEAD).unlink(missing_ok=True)  # meta still names the old head: a crash here leaves no state
        new_head = _hashed(folder / HEAD, _write(folder / HEAD, head))
        kept = [f for f in files if f.get("name") != HEAD]
        atomic_write_text(meta_file, json.dumps({**expected, "build_stamp": build_stamp,
                                                 "files": [*kept, delta, new_head]}))  # fmt: skip
    except OSError as exc:
        log.warning("could not save the build state in %s (%s): the next build assembles in full", folder, exc)
        shutil.rmtree(folder, ignore_errors=True)
        return False
    return True


def load(build_dir: Path, build_stamp: str, expected: dict[str, Any]) -> dict[str, Any] | None:
    """The saved state when it was made for these very tables and versions, else None (and it is removed):
    {"base": the base's entries, "steps": each patch's journal since, "head": the last patch's small parts}."""
    folder = build_dir / FOLDER
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        files = meta.pop("files")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not build_stamp or meta.get("build_stamp") != build_stamp or not _same_versions(meta, expected, "build_stamp"):
        log.info("the saved build state in %s is not for these tables or versions: assembling in full", folder)
        discard(build_dir)
        return None
    try:
        names = [str(f["name"]) for f in files]
        if not names or names[0] != BASE or len(set(names)) != len(names) or \
                any(not (n == HEAD or n.startswith("delta-")) or "/" in n for n in names[1:]):  # fmt: skip
            raise ValueError("meta.json lists files that are not a saved state")
        read = {f["name"]: _read(folder / f["name"], f) for f in files}
    except Exception as exc:  # noqa: BLE001 - any damage at all means: assemble in full
        log.warning("ignoring the saved build state in %s (%s): assembling in full", folder, exc)
        discard(build_dir)
        return None
    steps = [read[n] for n in names if n.startswith("delta-")]
    return {"base": read[BASE], "steps": steps, "head": read.get(HEAD)}


def _same_versions(meta: dict[str, Any], expected: dict[str, Any], *besides: str) -> bool:
    """Whether a state's stamps (`meta`) are `expected`'s, but for the keys `besides` and a state version it `READS`
    (what a patch appends to an older base is the same: its delta and head are made as they were)."""
    def rest(stamps: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in stamps.items() if k not in besides and k != "state_version"}

    return meta.get("state_version") in READS and rest(meta) == rest(expected)


def discard(build_dir: Path) -> None:
    shutil.rmtree(build_dir / FOLDER, ignore_errors=True)
