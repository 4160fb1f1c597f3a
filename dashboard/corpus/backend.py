"""What a store holds and the interface both backends implement (filestore.py, sqlstore.py).

A store keeps a team's work: documents with their metadata, place fixes, "marked wrong" marks and the
audit log of who changed what. Its errors say whether the store could not be reached
(`StoreUnavailable`) or refused the write (`StoreRefused`); either way nothing was half-written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dashboard.corpus.documents import DocumentMeta, content_hash
from dashboard.corpus.fixes import (
    Mark,
    Override,
)
from dashboard.errors import DashboardError

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


def doc_json(name: str, text: str, meta: DocumentMeta) -> dict[str, Any]:
    return {"name": name, "content_hash": content_hash(text), **meta.to_json()}


class Undo(Exception):  # noqa: N818 - control flow: roll the transaction back and return this value
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
