"""The store: one suite, run on the file backend, on SQLite and on a real PostgreSQL server.

Expected values are worked out from the inputs here (names from the source, date and a sha256 of
the text computed with hashlib; coordinates and people as typed), never by asking the store.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from datetime import date
from pathlib import Path

import pytest

from dashboard.corpus import fixes, ingest, pipeline, review, store
from dashboard.corpus.documents import DocumentMeta
from dashboard.errors import InputError

TEXT_A = (
    "A Russian convoy was stopped near Tell Hamdan on Dec. 11, witnesses said.\n"
    "Russian aircraft left Khmeimim Air Base on Dec. 12, officials said.\n"
)
TEXT_B = "Turkish-backed fighters entered Raqqa on Dec. 12, local officials said.\n"
META_A = DocumentMeta("Reuters", date(2024, 12, 13), "https://example.org/a", "Convoy", "ana",
                      "2024-12-13T10:00:00+00:00")
META_B = DocumentMeta("TASS", date(2024, 12, 12), None, None, "ben", "2024-12-13T11:00:00+00:00")


def sha(text: str) -> str:
    """documents.content_hash: sha256 over the UTF-8 text followed by one NUL byte."""
    return hashlib.sha256(text.encode() + b"\x00").hexdigest()


NAME_A = f"reuters_2024-12-13_{sha(TEXT_A)[:8]}"
NAME_B = f"tass_2024-12-12_{sha(TEXT_B)[:8]}"


class Backend:
    """Makes stores of one kind that share one place (two of them are two app instances)."""

    def __init__(self, kind: str, tmp: Path, postgres=None) -> None:  # noqa: ANN001
        self.kind, self.tmp = kind, tmp
        if kind == "postgres":
            self.url = postgres.create_database()
        elif kind == "sqlite":
            self.url = f"sqlite:///{tmp / 'store.sqlite'}"

    def open(self) -> store.Store:
        if self.kind == "files":
            return store.FileStore(self.tmp / "seeds", self.tmp / "geodata")
        return store.SqlStore(self.url)  # a new engine each time: a separate instance


@pytest.fixture(params=["files", "sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Backend:
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    monkeypatch.setenv("DASHBOARD_SEEDS", str(tmp_path / "seeds"))
    monkeypatch.delenv(store.STORE_URL_ENV, raising=False)
    pg = request.getfixturevalue("postgres") if request.param == "postgres" else None
    return Backend(request.param, tmp_path, pg)


def override(name: str, lat: float, lon: float, by: str, at: str, note: str = "") -> fixes.Override:
    return fixes.Override(name, lat, lon, "city", "SY", note, by, at)


# -- documents --------------------------------------------------------------------------------


def test_a_document_is_stored_once_with_its_metadata_and_an_audit_entry(backend: Backend) -> None:
    s = backend.open()
    assert s.add_document(TEXT_A, META_A, "ana") == store.Added(NAME_A, "added")
    assert s.add_document(TEXT_A, META_B, "ben") == store.Added(NAME_A, "already added")
    docs = s.documents()
    assert [(d.name, d.text, d.meta) for d in docs] == [(NAME_A, TEXT_A, META_A)]
    (entry,) = s.audit()
    assert (entry.who, entry.action, entry.target, entry.before) == ("ana", "add document", NAME_A, None)
    assert entry.after["content_hash"] == sha(TEXT_A) and entry.after["source"] == "Reuters"


def test_revision_changes_on_every_write_and_only_then(backend: Backend) -> None:
    s = backend.open()
    seen = [s.revision()]
    s.add_document(TEXT_A, META_A, "ana")
    seen.append(s.revision())
    s.documents(), s.overrides(), s.marks(), s.audit()
    assert s.revision() == seen[-1]
    s.save_override(override("Tell Hamdan", 36.1, 37.2, "ana", "2024-12-14T09:00:00+00:00"), "ana")
    seen.append(s.revision())
    s.set_mark(review.Mark("d:1:0", "event", True, "ben", "2024-12-14T09:05:00+00:00"), "ben")
    seen.append(s.revision())
    assert len(set(seen)) == 4


# -- fixes and marks, with before/after in the audit --------------------------------------------


def test_place_fixes_replace_by_name_and_the_audit_keeps_before_and_after(backend: Backend) -> None:
    s = backend.open()
    first = override("Tell Hamdan", 36.1, 37.2, "ana", "2024-12-14T09:00:00+00:00", "map sheet 12")
    second = override("tell  hamdan", 36.15, 37.25, "ben", "2024-12-14T10:00:00+00:00")
    s.save_override(first, "ana")
    s.save_override(second, "ben")
    assert s.overrides() == {"tell hamdan": second}
    assert s.remove_override("Tell Hamdan", "cy") is True
    assert s.remove_override("Tell Hamdan", "cy") is False
    assert s.overrides() == {}
    a, b, c = s.audit()
    assert (a.who, a.action, a.before, a.after["lat"]) == ("ana", "fix place", None, 36.1)
    assert (b.who, b.before["by"], b.before["note"], b.after["lat"]) == ("ben", "ana", "map sheet 12", 36.15)
    assert (c.who, c.action, c.before["lat"], c.after) == ("cy", "remove fix", 36.15, None)


def test_marks_are_kept_with_who_and_their_history(backend: Backend) -> None:
    s = backend.open()
    s.set_mark(review.Mark("doc:2:0", "event", True, "ana", "2024-12-14T09:00:00+00:00", "wrong date"), "ana")
    s.set_mark(review.Mark("doc:2:0", "event", False, "ben", "2024-12-14T09:30:00+00:00"), "ben")
    s.set_mark(review.Mark("doc:3:4", "quote", True, "ben", "2024-12-14T09:31:00+00:00"), "ben")
    assert {k: (m.wrong, m.by) for k, m in s.marks().items()} == {"doc:2:0": (False, "ben"), "doc:3:4": (True, "ben")}
    entries = s.audit()
    assert [(e.who, e.target, e.after["wrong"]) for e in entries] == [
        ("ana", "doc:2:0", True), ("ben", "doc:2:0", False), ("ben", "doc:3:4", True)]
    assert entries[1].before["wrong"] is True and entries[1].before["note"] == "wrong date"


def test_review_functions_write_through_the_configured_store(backend: Backend) -> None:
    s = backend.open()
    store.use(s)
    try:
        review.save_override("Tell Hamdan", 36.1, 37.2, "city", by="ana", country="sy")
        review.set_mark("doc:2:0", "event", True, by="ben")
        assert review.remove_override("Nowhere", by="cy") is False
        assert set(review.load_overrides()) == {"tell hamdan"}
        assert review.hidden_ids() == {"doc:2:0"}
    finally:
        store.use(None)
    assert [(e.who, e.action) for e in backend.open().audit()] == [("ana", "fix place"), ("ben", "mark")]


# -- several writers --------------------------------------------------------------------------


def test_two_instances_saving_at_once_lose_nothing(backend: Backend) -> None:
    """Two stores (two app instances), each adding 6 documents and fixing 6 places at the same moment;
    both also add the same article. Every distinct write is kept, the shared article once."""
    shared = "Both instances saw this report from Latakia on Dec. 9.\n"
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def editor(who: str) -> None:
        try:
            s = backend.open()
            s.revision()
            start.wait()
            for i in range(6):
                at = f"2024-12-14T0{i}:00"
                meta = DocumentMeta(f"Outlet {who}", date(2024, 12, 1 + i), added_by=who, added_at=at)
                assert s.add_document(f"Report {i} by {who} about Tartus.\n", meta, who).status == "added"
                s.save_override(override(f"Village {who} {i}", 35.0 + i / 10, 36.0, who, f"2024-12-14T0{i}:00"), who)
            s.add_document(shared, DocumentMeta("Shared", date(2024, 12, 9)), who)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=editor, args=(w,)) for w in ("ana", "ben")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    s = backend.open()
    texts = sorted(d.text for d in s.documents())
    assert len(texts) == 13 and texts.count(shared) == 1
    assert len(s.overrides()) == 12
    adds = [e for e in s.audit() if e.action == "add document"]
    assert len(adds) == 13 and {e.who for e in adds} == {"ana", "ben"}


# -- moving a corpus between backends ---------------------------------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}  # fmt: skip


def test_export_then_import_round_trips_losslessly(backend: Backend, tmp_path: Path) -> None:
    s = backend.open()
    s.add_document(TEXT_A, META_A, "ana")
    s.add_document(TEXT_B, META_B, "ben")
    s.save_override(override("Tell Hamdan", 36.123456789, 37.2, "ana", "2024-12-14T09:00:00+00:00", 'a "quoted", note'),
                    "ana")  # fmt: skip
    s.set_mark(review.Mark(f"{NAME_A}:2:0", "event", True, "ben", "2024-12-14T09:30:00+00:00", "é"), "ben")
    first = store.export_store(s, tmp_path / "out1")
    assert (first.documents, first.fixes, first.marks, first.audit) == (2, 1, 1, 4)
    files = tree(tmp_path / "out1")
    assert sorted(files) == sorted([f"seeds/{NAME_A}.txt", f"seeds/{NAME_A}.meta.json", f"seeds/{NAME_B}.txt",
                                    f"seeds/{NAME_B}.meta.json", "geodata/overrides.csv", "geodata/review_marks.json",
                                    "geodata/audit.jsonl"])  # fmt: skip
    assert files[f"seeds/{NAME_A}.txt"] == TEXT_A.encode()
    assert json.loads(files[f"seeds/{NAME_B}.meta.json"]) == {
        "source": "TASS", "reference_date": "2024-12-12", "added_by": "ben", "added_at": "2024-12-13T11:00:00+00:00"}
    # into an empty store of every kind and back out: the same bytes
    for kind in ("files", "sqlite"):
        other = Backend(kind, tmp_path / f"into-{kind}").open()
        assert store.import_folder(tmp_path / "out1", other).documents == 2
        store.export_store(other, tmp_path / f"out-{kind}")
        assert tree(tmp_path / f"out-{kind}") == files
    again = store.import_folder(tmp_path / "out1", s)
    assert (again.documents, again.skipped) == (0, 2)


def test_export_refuses_a_busy_folder_and_import_a_folder_without_seeds(backend: Backend, tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").write_text("keep me")
    with pytest.raises(InputError, match="is not empty"):
        store.export_store(backend.open(), tmp_path / "busy")
    assert (tmp_path / "busy" / "x").read_text() == "keep me"
    with pytest.raises(InputError, match="has no seeds/ folder"):
        store.import_folder(tmp_path / "busy", backend.open())


# -- tables rebuilt from the store ------------------------------------------------------------


def test_an_empty_disk_rebuilds_the_tables_from_the_store(backend: Backend, tmp_path: Path) -> None:
    s = backend.open()
    s.add_document(TEXT_A, META_A, "ana")
    s.save_override(override("Tell Hamdan", 36.1, 37.2, "ana", "2024-12-14T09:00:00+00:00"), "ana")
    first = store.refresh_tables(backend.open(), tmp_path / "build-1")
    assert first.rebuilt and first.warning is None
    assert store.refresh_tables(backend.open(), tmp_path / "build-1").rebuilt is False  # nothing changed
    # another instance, nothing on its disk
    fresh = tmp_path / "build-2"
    assert store.refresh_tables(backend.open(), fresh).rebuilt
    tables = pipeline.read_tables(fresh)
    hamdan = tables.places.set_index("name").loc["Tell Hamdan"]
    assert (hamdan["via"], hamdan["lat"], hamdan["lon"]) == ("override", 36.1, 37.2)
    assert len(tables.events) == 2
    # the first instance sees the second's new document on its next refresh
    backend.open().add_document(TEXT_B, META_B, "ben")
    again = store.refresh_tables(backend.open(), tmp_path / "build-1")
    assert again.rebuilt
    assert sorted(pipeline.read_tables(tmp_path / "build-1").documents["doc_id"]) == sorted([NAME_A, NAME_B])


def test_an_empty_store_says_how_to_add_documents(backend: Backend, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    expected = "holds no .txt documents" if backend.kind == "files" else "holds no documents yet"
    with pytest.raises(InputError, match=expected):
        store.refresh_tables(backend.open(), tmp_path / "build")


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_a_new_instance_takes_cached_extractions_from_the_database(kind: str, tmp_path: Path,
                                                                  request: pytest.FixtureRequest,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    b = Backend(kind, tmp_path, request.getfixturevalue("postgres") if kind == "postgres" else None)
    b.open().add_document(TEXT_A, META_A, "ana")
    b.open().add_document(TEXT_B, META_B, "ben")
    store.refresh_tables(b.open(), tmp_path / "build-1")

    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("re-extracted a document whose extraction is cached in the database")

    monkeypatch.setattr("dashboard.extraction.extract.Extractor.extract", no_extraction)
    store.refresh_tables(b.open(), tmp_path / "build-2")
    assert len(list((tmp_path / "build-2" / "cache").glob("*.json"))) == 2
    assert len(pipeline.read_tables(tmp_path / "build-2").events) == 3


def test_ingest_save_goes_to_the_configured_store(backend: Backend, tmp_path: Path) -> None:
    store.use(backend.open())
    try:
        incoming = ingest.read_upload(TEXT_A.encode(), "a.txt")
        meta = ingest.parse_meta("Reuters", "", "2024-12-13", by="ana")
        saved = ingest.save(incoming, meta, build=tmp_path / "build")
        assert (saved.name, saved.status) == (NAME_A, "added")
        assert ingest.save(incoming, meta, build=tmp_path / "build").status == "already added"
    finally:
        store.use(None)
    assert [d.name for d in backend.open().documents()] == [NAME_A]
    assert list(pipeline.read_tables(tmp_path / "build").documents["doc_id"]) == [NAME_A]


def test_not_a_place_is_saved_in_the_configured_store_and_can_be_undone(backend: Backend, tmp_path: Path) -> None:
    s = backend.open()
    store.use(s)
    try:
        review.save_not_a_place("Strategies", by="ana", note="an organisation's name")
    finally:
        store.use(None)
    kept = backend.open().overrides()["strategies"]  # another instance reads it from the same store
    assert (kept.name, kept.kind, kept.by) == ("Strategies", fixes.NOT_A_PLACE, "ana")
    assert kept.note == "an organisation's name"
    assert math.isnan(kept.lat) and math.isnan(kept.lon)
    if backend.kind != "files":  # a database deployment's decision must not land in the server's local files
        assert not (tmp_path / "geodata" / "overrides.csv").exists()
    assert [(e.who, e.action, e.target) for e in backend.open().audit()] == [("ana", "fix place", "Strategies")]
    store.use(backend.open())
    try:
        assert review.remove_override("Strategies", by="ben") is True
    finally:
        store.use(None)
    assert backend.open().overrides() == {}
