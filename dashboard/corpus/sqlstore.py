"""The database store: any database SQLAlchemy reaches by URL (PostgreSQL is the one tested; SQLite works).

Set ``DASHBOARD_STORE_URL`` for the command line, or ``[connections.store] url = ...`` in
``.streamlit/secrets.toml`` for the app (``st.connection("store", type="sql")``). Every write is one
transaction that first bumps a revision row (so writers queue on that row lock); a unique constraint
on the document's content hash makes "the same article twice" impossible even from two machines; the
extraction cache is kept in the database by content key, so a fresh instance does not re-extract what
another already did, and a local copy of the documents feeds the build.

It is one module over 300 lines because it is one thing: one backend's schema and its transactions,
each method the database form of a `backend.Store` method.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from dashboard.corpus.backend import (
    CONNECT_TIMEOUT_S,
    STORE_URL_ENV,
    Added,
    AuditEntry,
    Imported,
    Store,
    StoredDocument,
    StoreRefused,
    StoreUnavailable,
    Undo,
    doc_json,
)
from dashboard.corpus.documents import DocumentMeta, content_hash, document_name, meta_path
from dashboard.corpus.fixes import (
    NOT_A_PLACE,
    Mark,
    Override,
    now_iso,
)
from dashboard.errors import InputError
from dashboard.geo.geocode import normalize


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
                    raise Undo(Added(existing, "already added"))
                conn.execute(self.t_audit.insert().values(self._audit_row(AuditEntry(
                    meta.added_at or now_iso(), who, "add document", name, None, doc_json(name, text, meta)))))
            return Added(name, "added")
        except Undo as undo:
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
        return {r.key: _override_of(r) for r in rows}

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
            before = self._upsert(conn, self.t_fixes, "key", normalize(override.name), _fix_row(override))
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
                    raise Undo(False)
                conn.execute(t.delete().where(t.c.key == normalize(name)))
                before = dict(row._mapping)
                before.pop("key", None)
                conn.execute(self.t_audit.insert().values(self._audit_row(
                    AuditEntry(now_iso(), who, "remove fix", row.name, before, None))))
        except Undo as undo:
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
                self._upsert(conn, self.t_fixes, "key", normalize(o.name), _fix_row(o))
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


def _fix_row(override: Override) -> dict[str, Any]:
    """The fixes table's row: "not a place" has no coordinates, stored as 0 (SQLite keeps no NaN; the columns
    were made NOT NULL before that kind existed) and read back as NaN by `_override_of`."""
    row = asdict(override)
    if override.kind == NOT_A_PLACE:
        row["lat"] = row["lon"] = 0.0
    return row


def _override_of(r: Any) -> Override:
    if r.kind == NOT_A_PLACE:
        return Override(r.name, math.nan, math.nan, r.kind, r.country, r.note, r.by, r.at)
    return Override(r.name, r.lat, r.lon, r.kind, r.country, r.note, r.by, r.at)
