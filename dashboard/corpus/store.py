"""Where a team's work lives: documents, place fixes, "marked wrong" marks and the audit log.

One interface, two backends, chosen by configuration:

- ``FileStore`` (filestore.py; the default, and what ``make run`` uses): plain files under
  ``seeds/`` and ``geodata/``, writes serialised by ``flock``.
- ``SqlStore`` (sqlstore.py): any database SQLAlchemy reaches by URL, set by
  ``DASHBOARD_STORE_URL`` or the app's ``[connections.store]`` secrets.

This module is the store's front: which store is in use (`current`), the tables built from it, and
moving a corpus between backends. The interface and the records a store holds are in backend.py.

The Parquet tables and the extraction cache on disk are always rebuildable: ``refresh_tables``
compares the store's revision with the one the local tables were built from and rebuilds when they
differ, so an instance with an empty disk rebuilds from the database, and an instance sees another's
new document on its next rerun. Nothing here imports streamlit.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.corpus import pipeline
from dashboard.corpus.backend import REVISION_FILE, STORE_URL_ENV, Added, Imported, Store, StoreUnavailable
from dashboard.corpus.filestore import FileStore
from dashboard.corpus.fixes import (
    Fixes,
    file_lock,
    geodata_dir,
)
from dashboard.corpus.sqlstore import SqlStore
from dashboard.errors import InputError
from dashboard.files import atomic_write_text

__all__ = ["REVISION_FILE", "STORE_URL_ENV", "Added", "FileStore", "Imported", "SqlStore", "Store", "current",
           "configure", "use", "sql_store", "rebuild", "refresh_tables", "adopt", "export_store", "import_folder"]

# -- which store ------------------------------------------------------------------------------

_sql_stores: dict[str, SqlStore] = {}
_configured: Store | None = None
_registry_lock = threading.Lock()


def sql_store(url: str) -> SqlStore:
    """One SqlStore (one connection pool) per URL in this process."""
    with _registry_lock:
        if url not in _sql_stores:
            _sql_stores[url] = SqlStore(url)
        return _sql_stores[url]


def use(store: Store | None) -> None:
    """Make ``store`` this process's store (the app does this from its secrets); None: back to the environment."""
    global _configured
    _configured = store


def configure(section: Mapping[str, Any] | None, engine: Callable[[], Any] | None = None) -> Store:
    """The app's store from ``[connections.store]`` in its secrets (what ``st.connection("store", type="sql")``
    reads): ``url = ...`` opens that database; other fields (dialect, host, ...) use ``engine()``, the
    engine st.connection made from them; no section leaves ``DASHBOARD_STORE_URL`` or the files."""
    if not section:
        use(None)
        return current()
    url = str(section.get("url") or "").strip()
    if url:
        use(sql_store(url))
    else:
        if engine is None:
            raise InputError("[connections.store] in the secrets has no url; give url = \"postgresql://...\".")
        made = engine()
        key = made.url.render_as_string(hide_password=False)
        with _registry_lock:
            if key not in _sql_stores:
                _sql_stores[key] = SqlStore(engine=made)
        use(_sql_stores[key])
    return current()


def current() -> Store:
    """The configured store, else ``DASHBOARD_STORE_URL``, else the files under seeds/ and geodata/."""
    if _configured is not None:
        return _configured
    url = (os.environ.get(STORE_URL_ENV) or "").strip()
    if url:
        return sql_store(url)
    return FileStore(pipeline.seeds_dir(), geodata_dir())


# -- tables built from the store --------------------------------------------------------------


@dataclass
class Refreshed:
    stamp: str  # the build stamp of the tables to read
    rebuilt: bool = False
    warning: str | None = None  # set when the store could not be reached and older tables are shown
    problems: list[str] = field(default_factory=list)


def adopt(build: Path, store: Store | None = None) -> None:
    """Record that the tables in `build` stand for the store as it is now, so the app does not rebuild them.

    For tables built outside the store with another gazetteer (the benchmarks' generated corpus): without
    this, the app's first refresh would rebuild them with the default gazetteer.
    """
    store = store or current()
    atomic_write_text(build / REVISION_FILE, json.dumps({"store": store.label, "revision": store.revision()}) + "\n")


def _recorded(build: Path) -> tuple[str, str] | None:
    try:
        data = json.loads((build / REVISION_FILE).read_text(encoding="utf-8"))
        return data["store"], data["revision"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _built_at(build: Path) -> str:
    try:
        return json.loads((build / "current" / "manifest.json").read_text(encoding="utf-8"))["built_at"]
    except (OSError, ValueError, KeyError):
        return "an earlier read"


def rebuild(store: Store | None = None, build: Path | None = None, keep_state: bool = False) -> pipeline.Tables:
    """Build the tables from the store now (after a write), whatever the recorded revision says.

    ``keep_state`` saves what the next build needs to patch this one in another process (the command line).
    """
    return _refresh(store or current(), build or pipeline.build_dir(), force=True, keep_state=keep_state)[1]


def refresh_tables(store: Store | None = None, build: Path | None = None) -> Refreshed:
    """Make sure the local tables match the store; rebuild when another writer (or instance) changed it.

    Cheap when nothing changed (one query for the revision). When the database cannot be reached
    and tables exist, they are kept and the warning says so; with no tables at all the error goes up.
    """
    store, build = store or current(), build or pipeline.build_dir()
    try:
        refreshed, _ = _refresh(store, build, force=False)
        return refreshed
    except StoreUnavailable as exc:
        stamp = pipeline.build_stamp(build)
        if not stamp:
            raise
        return Refreshed(stamp, False, f"{exc} Showing the tables as of {_built_at(build)}; nothing can be saved "
                                       "until the database is back.")  # fmt: skip


def _refresh(store: Store, build: Path, force: bool,
             keep_state: bool = False) -> tuple[Refreshed, pipeline.Tables | None]:  # fmt: skip
    revision = store.revision()
    key = (store.label, revision)
    stamp = pipeline.build_stamp(build)
    if not force and stamp and _recorded(build) == key:
        return Refreshed(stamp), None
    build.mkdir(parents=True, exist_ok=True)
    with file_lock(build / ".store-build.lock"):
        revision = store.revision()  # again under the lock: another session may have rebuilt meanwhile
        key = (store.label, revision)
        stamp = pipeline.build_stamp(build)
        if not force and stamp and _recorded(build) == key:
            return Refreshed(stamp), None
        seeds = store.seeds_for_build(build)
        if store.kind != "files" and not any(seeds.glob("*.txt")):  # files: the pipeline's own message
            raise InputError(f"The store ({store.label}) holds no documents yet. Add one (the app's Add and review "
                             "page or `python -m dashboard add`) or import a corpus with "
                             "`python -m dashboard store import DIR`.")  # fmt: skip
        tables, _ = pipeline.build(seeds, build, fixes=Fixes.of(store.overrides(), store.marks()),
                                   keep_state=keep_state)  # fmt: skip
        store.after_build(build)
        atomic_write_text(build / REVISION_FILE, json.dumps({"store": key[0], "revision": key[1]}) + "\n")
    return Refreshed(pipeline.build_stamp(build), True, None, list(tables.manifest.get("problems", []))), tables


# -- moving a corpus between backends --------------------------------------------------------


def export_store(src: Store, folder: Path) -> Imported:
    """Write everything ``src`` holds to ``folder`` in the file backend's layout (seeds/ + geodata/)."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise InputError(f"{folder}: is not empty. Export into a new or empty folder so nothing is mixed or "
                         "overwritten.")  # fmt: skip
    dst = FileStore(folder / "seeds", folder / "geodata")
    dst.seeds.mkdir(parents=True, exist_ok=True)
    dst.geodata.mkdir(parents=True, exist_ok=True)
    return dst.import_records(src.documents(), src.overrides().values(), src.marks().values(), src.audit())


def import_folder(folder: Path, dst: Store) -> Imported:
    """Add what an exported folder holds to ``dst``: documents already there (same text) are skipped."""
    folder = Path(folder)
    if not (folder / "seeds").is_dir():
        raise InputError(f"{folder}: has no seeds/ folder. Give a folder made by `python -m dashboard store "
                         "export` (seeds/ with NAME.txt + NAME.meta.json, geodata/ with fixes, marks, audit log).")
    src = FileStore(folder / "seeds", folder / "geodata")
    return dst.import_records(src.documents(), src.overrides().values(), src.marks().values(), src.audit())
