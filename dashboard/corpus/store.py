"""Where a team's work lives: documents, place fixes, "marked wrong" marks and the audit log.

One interface, two backends, chosen by configuration:

- ``FileStore`` (the default, and what ``make run`` uses): the files of today. Documents are
  ``seeds/NAME.txt`` + ``NAME.meta.json``; fixes ``geodata/overrides.csv``; marks
  ``geodata/review_marks.json``; the audit log ``geodata/audit.jsonl``. Plain files keep the
  local experience as it was (read them, diff them, commit them) and need no server; writes are
  serialised by ``flock``, which is enough on one machine.
- ``SqlStore``: any database SQLAlchemy reaches by URL (PostgreSQL is the one tested; SQLite
  works too). Set ``DASHBOARD_STORE_URL`` for the command line, or ``[connections.store] url = ...``
  in ``.streamlit/secrets.toml`` for the app (``st.connection("store", type="sql")``). Every write
  is one transaction that first bumps a revision row (so writers queue on that row lock), a unique
  constraint on the document's content hash makes "the same article twice" impossible even from
  two machines, and the extraction cache is kept in the database by content key so a fresh
  instance does not re-extract what another already did.

The Parquet tables and the extraction cache on disk are always rebuildable: ``refresh_tables``
compares the store's revision with the one the local tables were built from and rebuilds when they
differ, so an instance with an empty disk rebuilds from the database, and an instance sees another's
new document on its next rerun. Nothing here imports streamlit.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.corpus import pipeline
from dashboard.corpus.documents import DocumentMeta, content_hash, document_name, load_meta, meta_path
from dashboard.corpus.fixes import (
    Fixes,
    Mark,
    Override,
    file_lock,
    geodata_dir,
    load_marks,
    load_overrides,
    marks_path,
    now_iso,
    overrides_path,
    write_marks_file,
    write_overrides_file,
)
from dashboard.errors import DashboardError, InputError
from dashboard.files import atomic_write_text, read_document
from dashboard.geo.geocode import normalize

STORE_URL_ENV = "DASHBOARD_STORE_URL"
AUDIT_FILE = "audit.jsonl"
INGEST_LOCK = ".ingest.lock"
REVIEW_LOCK = ".review.lock"
REVISION_FILE = "store-revision.json"
CONNECT_TIMEOUT_S = 5


class StoreError(DashboardError, RuntimeError):
    """The store could not do what was asked; the message says what and what to do."""


class StoreUnavailable(StoreError, ConnectionError):
    """The database cannot be reached (down, lost mid-session, wrong address)."""


class StoreRefused(StoreError):
    """The database answered but refused the write (permissions, read-only, constraint)."""


@dataclass(frozen=True)
class StoredDocument:
    name: str
    text: str
    meta: DocumentMeta


@dataclass(frozen=True)
class AuditEntry:
    at: str
    who: str
    action: str  # "add document", "fix place", "remove fix", "mark"
    target: str  # document name, place name or item id
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Added:
    name: str
    status: str  # "added" or "already added"


@dataclass
class Imported:
    documents: int = 0
    skipped: int = 0
    fixes: int = 0
    marks: int = 0
    audit: int = 0

    def summary(self) -> str:
        return (f"{self.documents} document(s) ({self.skipped} already there), {self.fixes} place fix(es), "
                f"{self.marks} mark(s), {self.audit} audit entr{'y' if self.audit == 1 else 'ies'}")  # fmt: skip


def _doc_json(name: str, text: str, meta: DocumentMeta) -> dict[str, Any]:
    return {"name": name, "content_hash": content_hash(text), **meta.to_json()}


class _Undo(Exception):  # noqa: N818 - control flow: roll the transaction back and return this value
    def __init__(self, value: Any) -> None:
        self.value = value


class Store:
    """What every backend offers; see the module docstring."""

    kind = "?"
    label = "?"

    def revision(self) -> str:
        raise NotImplementedError

    def add_document(self, text: str, meta: DocumentMeta, who: str) -> Added:
        raise NotImplementedError

    def documents(self) -> list[StoredDocument]:
        raise NotImplementedError

    def overrides(self) -> dict[str, Override]:
        raise NotImplementedError

    def save_override(self, override: Override, who: str) -> Override:
        raise NotImplementedError

    def remove_override(self, name: str, who: str) -> bool:
        raise NotImplementedError

    def marks(self) -> dict[str, Mark]:
        raise NotImplementedError

    def set_mark(self, mark: Mark, who: str) -> Mark:
        raise NotImplementedError

    def audit(self) -> list[AuditEntry]:
        raise NotImplementedError

    def import_records(self, docs: Iterable[StoredDocument], overrides: Iterable[Override], marks: Iterable[Mark],
                       audit: Iterable[AuditEntry]) -> Imported:  # fmt: skip
        raise NotImplementedError

    def seeds_for_build(self, build: Path) -> Path:
        """The folder of documents the pipeline reads (the store itself, or a local copy of it)."""
        raise NotImplementedError

    def after_build(self, build: Path) -> None:
        """Keep what the build learned (new cached extractions) where the next instance finds it."""


# -- files ------------------------------------------------------------------------------------


class FileStore(Store):
    kind = "files"

    def __init__(self, seeds: Path, geodata: Path) -> None:
        self.seeds = Path(seeds)
        self.geodata = Path(geodata)
        self.label = f"files in {self.seeds} and {self.geodata}"

    def _audit_path(self) -> Path:
        return self.geodata / AUDIT_FILE

    def _append_audit(self, entries: Iterable[AuditEntry]) -> None:
        lines = "".join(json.dumps(e.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
        if not lines:
            return
        self.geodata.mkdir(parents=True, exist_ok=True)
        with open(self._audit_path(), "a", encoding="utf-8") as fh:
            fh.write(lines)
            fh.flush()
            os.fsync(fh.fileno())

    def revision(self) -> str:
        parts = []
        for p in (self.seeds, self.geodata / "overrides.csv", self.geodata / "review_marks.json", self._audit_path()):
            try:
                st = p.stat()
                parts.append(f"{st.st_mtime_ns}:{st.st_size}")
            except OSError:
                parts.append("-")
        return "|".join(parts)

    def _paths(self) -> list[Path]:
        if not self.seeds.is_dir():
            return []
        return sorted(p for p in self.seeds.iterdir() if p.is_file() and p.suffix == ".txt")

    def documents(self) -> list[StoredDocument]:
        out = []
        for p in self._paths():
            meta = load_meta(p)
            if meta is None:
                raise InputError(f"{p}: has no {p.stem}.meta.json; every stored document needs its source and date.")
            out.append(StoredDocument(p.stem, read_document(p), meta))
        return out

    def _same_text(self, text: str) -> Path | None:
        want = content_hash(text)
        for p in self._paths():
            try:
                if content_hash(p.read_text(encoding="utf-8")) == want:
                    return p
            except (OSError, UnicodeDecodeError):
                continue
        return None

    def _free_name(self, base: str) -> str:
        name, n = base, 2
        while (self.seeds / f"{name}.txt").exists() or (self.seeds / f"{name}.meta.json").exists():
            name, n = f"{base}-{n}", n + 1
        return name

    def _write_document(self, name: str, text: str, meta: DocumentMeta) -> None:
        path = self.seeds / f"{name}.txt"
        # Metadata first: a crash between the two leaves an orphan .meta.json the build ignores,
        # never a document without its reference date.
        atomic_write_text(meta_path(path), json.dumps(meta.to_json(), ensure_ascii=False, indent=2) + "\n")
        atomic_write_text(path, text)

    def add_document(self, text: str, meta: DocumentMeta, who: str) -> Added:
        self.seeds.mkdir(parents=True, exist_ok=True)
        with file_lock(self.seeds / INGEST_LOCK):
            same = self._same_text(text)
            if same is not None:
                return Added(same.stem, "already added")
            name = self._free_name(document_name(meta, text))
            self._write_document(name, text, meta)
            self._append_audit([AuditEntry(meta.added_at or now_iso(), who, "add document", name, None,
                                           _doc_json(name, text, meta))])  # fmt: skip
        return Added(name, "added")

    def overrides(self) -> dict[str, Override]:
        return load_overrides(overrides_path(self.geodata))

    def save_override(self, override: Override, who: str) -> Override:
        with file_lock(self.geodata / REVIEW_LOCK):
            current = load_overrides(overrides_path(self.geodata))
            before = current.get(normalize(override.name))
            current[normalize(override.name)] = override
            write_overrides_file(overrides_path(self.geodata), current.values())
            self._append_audit([AuditEntry(override.at, who, "fix place", override.name,
                                           asdict(before) if before else None, asdict(override))])  # fmt: skip
        return override

    def remove_override(self, name: str, who: str) -> bool:
        with file_lock(self.geodata / REVIEW_LOCK):
            current = load_overrides(overrides_path(self.geodata))
            before = current.pop(normalize(name), None)
            if before is None:
                return False
            write_overrides_file(overrides_path(self.geodata), current.values())
            self._append_audit([AuditEntry(now_iso(), who, "remove fix", before.name, asdict(before), None)])
        return True

    def marks(self) -> dict[str, Mark]:
        return load_marks(marks_path(self.geodata))

    def set_mark(self, mark: Mark, who: str) -> Mark:
        with file_lock(self.geodata / REVIEW_LOCK):
            current = load_marks(marks_path(self.geodata))
            before = current.get(mark.item_id)
            current[mark.item_id] = mark
            write_marks_file(marks_path(self.geodata), current)
            self._append_audit([AuditEntry(mark.at, who, "mark", mark.item_id, asdict(before) if before else None,
                                           asdict(mark))])  # fmt: skip
        return mark

    def audit(self) -> list[AuditEntry]:
        try:
            text = self._audit_path().read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        out = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                out.append(AuditEntry(**json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise InputError(f"{self._audit_path()}, line {n}: not an audit entry ({exc}).") from None
        return out

    def import_records(self, docs: Iterable[StoredDocument], overrides: Iterable[Override], marks: Iterable[Mark],
                       audit: Iterable[AuditEntry]) -> Imported:  # fmt: skip
        out = Imported()
        self.seeds.mkdir(parents=True, exist_ok=True)
        with file_lock(self.seeds / INGEST_LOCK), file_lock(self.geodata / REVIEW_LOCK):
            known = {content_hash(d.text) for d in self.documents()}
            for d in docs:
                if content_hash(d.text) in known:
                    out.skipped += 1
                    continue
                self._write_document(self._free_name(d.name), d.text, d.meta)
                known.add(content_hash(d.text))
                out.documents += 1
            current = load_overrides(overrides_path(self.geodata))
            for o in overrides:
                current[normalize(o.name)] = o
                out.fixes += 1
            if out.fixes:
                write_overrides_file(overrides_path(self.geodata), current.values())
            current_marks = load_marks(marks_path(self.geodata))
            for m in marks:
                current_marks[m.item_id] = m
                out.marks += 1
            if out.marks:
                write_marks_file(marks_path(self.geodata), current_marks)
            entries = list(audit)
            self._append_audit(entries)
            out.audit = len(entries)
        return out

    def seeds_for_build(self, build: Path) -> Path:
        return self.seeds


# -- a SQL database ---------------------------------------------------------------------------


def _tables():  # noqa: ANN202 - sqlalchemy objects, built on first use so `--help` stays fast
    import sqlalchemy as sa

    md = sa.MetaData()
    state = sa.Table("store_state", md, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                     sa.Column("revision", sa.BigInteger, nullable=False))  # fmt: skip
    documents = sa.Table(
        "documents", md,
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.String(400), nullable=False),
        sa.Column("reference_date", sa.Date, nullable=False),
        sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("added_by", sa.String(400)), sa.Column("added_at", sa.String(40)),
    )  # fmt: skip
    fixes = sa.Table(
        "place_fixes", md,
        sa.Column("key", sa.String(400), primary_key=True),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("lat", sa.Float, nullable=False), sa.Column("lon", sa.Float, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False), sa.Column("country", sa.String(8), nullable=False),
        sa.Column("note", sa.Text, nullable=False), sa.Column("by", sa.String(400), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )  # fmt: skip
    marks = sa.Table(
        "review_marks", md,
        sa.Column("item_id", sa.String(400), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False), sa.Column("wrong", sa.Boolean, nullable=False),
        sa.Column("by", sa.String(400), nullable=False), sa.Column("at", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )  # fmt: skip
    audit = sa.Table(
        "audit_log", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False), sa.Column("who", sa.String(400), nullable=False),
        sa.Column("action", sa.String(40), nullable=False), sa.Column("target", sa.Text, nullable=False),
        sa.Column("before", sa.Text), sa.Column("after", sa.Text),
    )  # fmt: skip
    cache = sa.Table("extraction_cache", md, sa.Column("key", sa.String(64), primary_key=True),
                     sa.Column("data", sa.Text, nullable=False))  # fmt: skip
    return md, state, documents, fixes, marks, audit, cache


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


class SqlStore(Store):
    kind = "sql"

    def __init__(self, url: str | None = None, engine: Any = None) -> None:
        import sqlalchemy as sa

        if engine is None:
            if not url:
                raise InputError(f"{STORE_URL_ENV}: empty database URL.")
            try:
                parsed = sa.engine.make_url(url)
            except sa.exc.ArgumentError:
                raise InputError(f"{STORE_URL_ENV}: {url[:60]!r} is not a database URL "
                                 "(e.g. postgresql+psycopg://user:password@host:5432/dbname).") from None  # fmt: skip
            if parsed.drivername in ("postgresql", "postgres"):
                parsed = parsed.set(drivername="postgresql+psycopg")
            args = {"connect_timeout": CONNECT_TIMEOUT_S} if parsed.get_backend_name() == "postgresql" else {}
            if parsed.get_backend_name() == "sqlite":
                args = {"timeout": 30}
                if parsed.database and parsed.database != ":memory:":
                    Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = sa.create_engine(parsed, pool_pre_ping=True, connect_args=args)
        self.sa = sa
        self.engine = engine
        self.label = engine.url.render_as_string(hide_password=True)
        (self.md, self.t_state, self.t_docs, self.t_fixes, self.t_marks, self.t_audit, self.t_cache) = _tables()
        self._ready = False
        self._lock = threading.Lock()

    # connection and errors

    @contextlib.contextmanager
    def _guard(self, doing: str, writing: bool = False) -> Iterator[None]:
        sa = self.sa
        tail = " Nothing was saved; try again once it is back." if writing else ""
        try:
            yield
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            raise StoreUnavailable(f"The database ({self.label}) cannot be reached while {doing}: "
                                   f"{_first_line(exc)}.{tail}") from exc  # fmt: skip
        except sa.exc.DBAPIError as exc:
            if exc.connection_invalidated:
                raise StoreUnavailable(f"The database ({self.label}) went away while {doing}: "
                                       f"{_first_line(exc)}.{tail}") from exc  # fmt: skip
            raise StoreRefused(f"The database ({self.label}) refused {doing}: {_first_line(exc)}."
                               + (" Nothing was saved." if writing else "")) from exc  # fmt: skip

    def _ensure_schema(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            with self._guard("opening the store"):
                for attempt in range(3):  # two instances creating the tables at once: one wins, the other retries
                    try:
                        self.md.create_all(self.engine, checkfirst=True)
                        with self.engine.begin() as conn:
                            if conn.execute(self.sa.select(self.t_state.c.id)).first() is None:
                                conn.execute(self.t_state.insert().values(id=1, revision=0))
                        break
                    except self.sa.exc.DBAPIError as exc:
                        # "already exists" (or a duplicate state row): another instance was creating
                        # the same tables at the same moment; look again.
                        if attempt == 2 or "exist" not in str(exc.orig).lower() and not isinstance(
                                exc, self.sa.exc.IntegrityError):
                            raise
                        time.sleep(0.2)
            self._ready = True

    @contextlib.contextmanager
    def _write(self, doing: str) -> Iterator[Any]:
        """One transaction that first bumps the revision: writers queue on that row, readers see it change."""
        self._ensure_schema()
        with self._guard(doing, writing=True), self.engine.begin() as conn:
            conn.execute(self.t_state.update().where(self.t_state.c.id == 1)
                         .values(revision=self.t_state.c.revision + 1))  # fmt: skip
            yield conn

    def _read(self, doing: str):  # noqa: ANN202
        self._ensure_schema()
        return self._guard(doing)

    def _audit_row(self, e: AuditEntry) -> dict[str, Any]:
        def dump(value: dict[str, Any] | None) -> str | None:
            return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

        return {"at": e.at, "who": e.who, "action": e.action, "target": e.target, "before": dump(e.before),
                "after": dump(e.after)}

    # the interface

    def revision(self) -> str:
        with self._read("reading its revision"), self.engine.connect() as conn:
            return str(conn.execute(self.sa.select(self.t_state.c.revision)).scalar_one())

    def document_count(self) -> int:
        with self._read("counting documents"), self.engine.connect() as conn:
            return int(conn.execute(self.sa.select(self.sa.func.count()).select_from(self.t_docs)).scalar_one())

    @staticmethod
    def _meta(row: Any) -> DocumentMeta:
        ref = row.reference_date if isinstance(row.reference_date, date) else date.fromisoformat(row.reference_date)
        return DocumentMeta(row.source, ref, row.url, row.title, row.added_by, row.added_at)

    def _doc_values(self, name: str, text: str, meta: DocumentMeta) -> dict[str, Any]:
        return {"name": name, "content_hash": content_hash(text), "text": text, "source": meta.source,
                "reference_date": meta.reference_date, "url": meta.url, "title": meta.title,
                "added_by": meta.added_by, "added_at": meta.added_at}  # fmt: skip

    def _insert_document(self, conn: Any, name: str, text: str, meta: DocumentMeta) -> str | None:
        """Insert under a free name; None when the same text is already stored (unique content hash)."""
        sa, t = self.sa, self.t_docs
        h = content_hash(text)
        if conn.execute(sa.select(t.c.name).where(t.c.content_hash == h)).first() is not None:
            return None
        taken = set(conn.execute(sa.select(t.c.name).where(t.c.name.like(f"{name}%"))).scalars())
        final, n = name, 2
        while final in taken:
            final, n = f"{name}-{n}", n + 1
        conn.execute(t.insert().values(self._doc_values(final, text, meta)))
        return final

    def add_document(self, text: str, meta: DocumentMeta, who: str) -> Added:
        sa, t = self.sa, self.t_docs
        try:
            with self._write("saving the document") as conn:
                name = self._insert_document(conn, document_name(meta, text), text, meta)
                if name is None:
                    existing = conn.execute(sa.select(t.c.name).where(t.c.content_hash == content_hash(text))).scalar()
                    raise _Undo(Added(existing, "already added"))
                conn.execute(self.t_audit.insert().values(self._audit_row(AuditEntry(
                    meta.added_at or now_iso(), who, "add document", name, None, _doc_json(name, text, meta)))))
            return Added(name, "added")
        except _Undo as undo:
            return undo.value
        except StoreRefused as exc:
            # Another writer stored the same text between our check and our insert: the unique
            # constraint on the content hash turned it away, which means it is there.
            if isinstance(exc.__cause__, sa.exc.IntegrityError):
                with self._read("looking up the document"), self.engine.connect() as conn:
                    existing = conn.execute(sa.select(t.c.name).where(t.c.content_hash == content_hash(text))).scalar()
                if existing:
                    return Added(existing, "already added")
            raise

    def documents(self, names: Iterable[str] | None = None) -> list[StoredDocument]:
        sa, t = self.sa, self.t_docs
        out: list[StoredDocument] = []
        with self._read("reading documents"), self.engine.connect() as conn:
            if names is None:
                rows = conn.execute(sa.select(t).order_by(t.c.name)).all()
            else:
                wanted, rows = list(names), []
                for i in range(0, len(wanted), 500):
                    rows += conn.execute(sa.select(t).where(t.c.name.in_(wanted[i:i + 500]))).all()
        for r in rows:
            out.append(StoredDocument(r.name, r.text, self._meta(r)))
        return out

    def document_names(self) -> set[str]:
        with self._read("listing documents"), self.engine.connect() as conn:
            return set(conn.execute(self.sa.select(self.t_docs.c.name)).scalars())

    def overrides(self) -> dict[str, Override]:
        with self._read("reading place fixes"), self.engine.connect() as conn:
            rows = conn.execute(self.sa.select(self.t_fixes)).all()
        return {r.key: Override(r.name, r.lat, r.lon, r.kind, r.country, r.note, r.by, r.at) for r in rows}

    def _upsert(self, conn: Any, table: Any, key_col: str, key: str, values: dict[str, Any]) -> dict | None:
        """Replace the row for ``key``; the row as it was (locked for this transaction), or None."""
        sa = self.sa
        query = sa.select(table).where(table.c[key_col] == key)
        if self.engine.dialect.name == "postgresql":
            query = query.with_for_update()
        before = conn.execute(query).first()
        if before is None:
            conn.execute(table.insert().values({key_col: key, **values}))
        else:
            conn.execute(table.update().where(table.c[key_col] == key).values(values))
        return dict(before._mapping) if before is not None else None

    def save_override(self, override: Override, who: str) -> Override:
        with self._write("saving the place fix") as conn:
            before = self._upsert(conn, self.t_fixes, "key", normalize(override.name), asdict(override))
            if before:
                before.pop("key", None)
            conn.execute(self.t_audit.insert().values(self._audit_row(
                AuditEntry(override.at, who, "fix place", override.name, before, asdict(override)))))
        return override

    def remove_override(self, name: str, who: str) -> bool:
        t = self.t_fixes
        try:
            with self._write("removing the place fix") as conn:
                query = self.sa.select(t).where(t.c.key == normalize(name))
                row = conn.execute(query).first()
                if row is None:
                    raise _Undo(False)
                conn.execute(t.delete().where(t.c.key == normalize(name)))
                before = dict(row._mapping)
                before.pop("key", None)
                conn.execute(self.t_audit.insert().values(self._audit_row(
                    AuditEntry(now_iso(), who, "remove fix", row.name, before, None))))
        except _Undo as undo:
            return undo.value
        return True

    def marks(self) -> dict[str, Mark]:
        with self._read("reading marks"), self.engine.connect() as conn:
            rows = conn.execute(self.sa.select(self.t_marks)).all()
        return {r.item_id: Mark(r.item_id, r.kind, bool(r.wrong), r.by, r.at, r.note) for r in rows}

    def set_mark(self, mark: Mark, who: str) -> Mark:
        values = {k: v for k, v in asdict(mark).items() if k != "item_id"}
        with self._write("saving the mark") as conn:
            before = self._upsert(conn, self.t_marks, "item_id", mark.item_id, values)
            if before is not None:
                before["wrong"] = bool(before["wrong"])
            conn.execute(self.t_audit.insert().values(self._audit_row(
                AuditEntry(mark.at, who, "mark", mark.item_id, before, asdict(mark)))))
        return mark

    def audit(self) -> list[AuditEntry]:
        t = self.t_audit
        with self._read("reading the audit log"), self.engine.connect() as conn:
            rows = conn.execute(self.sa.select(t).order_by(t.c.id)).all()
        return [AuditEntry(r.at, r.who, r.action, r.target, None if r.before is None else json.loads(r.before),
                           None if r.after is None else json.loads(r.after)) for r in rows]  # fmt: skip

    def import_records(self, docs: Iterable[StoredDocument], overrides: Iterable[Override], marks: Iterable[Mark],
                       audit: Iterable[AuditEntry]) -> Imported:  # fmt: skip
        out = Imported()
        with self._write("importing") as conn:
            for d in docs:
                if self._insert_document(conn, d.name, d.text, d.meta) is None:
                    out.skipped += 1
                else:
                    out.documents += 1
            for o in overrides:
                self._upsert(conn, self.t_fixes, "key", normalize(o.name), asdict(o))
                out.fixes += 1
            for m in marks:
                self._upsert(conn, self.t_marks, "item_id", m.item_id,
                             {k: v for k, v in asdict(m).items() if k != "item_id"})  # fmt: skip
                out.marks += 1
            rows = [self._audit_row(e) for e in audit]
            if rows:
                conn.execute(self.t_audit.insert(), rows)
            out.audit = len(rows)
        return out

    # the extraction cache, by content key (pipeline.extract_document's key)

    def cache_keys(self) -> set[str]:
        with self._read("listing cached extractions"), self.engine.connect() as conn:
            return set(conn.execute(self.sa.select(self.t_cache.c.key)).scalars())

    def cache_get(self, keys: Iterable[str]) -> dict[str, str]:
        t, wanted, out = self.t_cache, list(keys), {}
        with self._read("reading cached extractions"), self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                for k, data in conn.execute(self.sa.select(t.c.key, t.c.data).where(t.c.key.in_(wanted[i:i + 500]))):
                    out[k] = data
        return out

    def cache_put(self, entries: dict[str, str]) -> None:
        """Add cached extractions; a key another instance stored meanwhile is left as it is (same content)."""
        if not entries:
            return
        self._ensure_schema()
        t, items = self.t_cache, list(entries.items())
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            with self._guard("storing cached extractions"), self.engine.begin() as conn:
                have = set(conn.execute(self.sa.select(t.c.key).where(t.c.key.in_([k for k, _ in chunk]))).scalars())
                rows = [{"key": k, "data": v} for k, v in chunk if k not in have]
                if rows:
                    try:
                        with conn.begin_nested():
                            conn.execute(t.insert(), rows)
                    except self.sa.exc.IntegrityError:
                        pass  # the other instance was faster; its entry is the same extraction

    # the local copy the pipeline reads

    def seeds_for_build(self, build: Path) -> Path:
        """Mirror the stored documents into ``build/store/seeds`` (only those not there yet) and fetch
        the cached extractions this disk lacks."""
        mirror = build / "store" / "seeds"
        mirror.mkdir(parents=True, exist_ok=True)
        names = self.document_names()
        local = {p.stem for p in mirror.glob("*.txt")}
        for gone in local - names:
            (mirror / f"{gone}.txt").unlink(missing_ok=True)
            meta_path(mirror / f"{gone}.txt").unlink(missing_ok=True)
        missing = sorted(names - local)
        for doc in self.documents(missing) if missing else []:
            path = mirror / f"{doc.name}.txt"
            _local_copy(meta_path(path), json.dumps(doc.meta.to_json(), ensure_ascii=False, indent=2) + "\n")
            _local_copy(path, doc.text)
        cache_dir = build / "cache"
        cache_dir.mkdir(parents=True, exist_ok=True)
        have = {p.stem for p in cache_dir.glob("*.json")}
        wanted = self.cache_keys() - have
        for key, data in self.cache_get(wanted).items():
            _local_copy(cache_dir / f"{key}.json", data)
        return mirror

    def after_build(self, build: Path) -> None:
        cache_dir = build / "cache"
        local = {p.stem: p for p in cache_dir.glob("*.json")}
        new = set(local) - self.cache_keys()
        self.cache_put({k: local[k].read_text(encoding="utf-8") for k in sorted(new)})


def _local_copy(path: Path, text: str) -> None:
    """Write a file of the local copy whole (temp + rename) but without fsync: the database is the record,
    and a copy lost in a crash is fetched again (thousands of fsyncs made a cold start minutes long)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


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


def rebuild(store: Store | None = None, build: Path | None = None) -> pipeline.Tables:
    """Build the tables from the store now (after a write), whatever the recorded revision says."""
    return _refresh(store or current(), build or pipeline.build_dir(), force=True)[1]


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


def _refresh(store: Store, build: Path, force: bool) -> tuple[Refreshed, pipeline.Tables | None]:
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
        tables, _ = pipeline.build(seeds, build, fixes=Fixes.of(store.overrides(), store.marks()))
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
