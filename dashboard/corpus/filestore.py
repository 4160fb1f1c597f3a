"""The file store (the default, and what ``make run`` uses): the team's work as plain files.

Documents are ``seeds/NAME.txt`` + ``NAME.meta.json``; fixes ``geodata/overrides.csv``; marks
``geodata/review_marks.json``; the audit log ``geodata/audit.jsonl``. Plain files keep the local
experience simple (read them, diff them, commit them) and need no server; writes are serialised by
``flock``, which is enough on one machine, and land whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from dashboard.corpus.backend import (
    AUDIT_FILE,
    INGEST_LOCK,
    REVIEW_LOCK,
    Added,
    AuditEntry,
    Imported,
    Store,
    StoredDocument,
    doc_json,
)
from dashboard.corpus.documents import DocumentMeta, content_hash, document_name, load_meta, meta_path
from dashboard.corpus.fixes import (
    Mark,
    Override,
    file_lock,
    load_marks,
    load_overrides,
    marks_path,
    now_iso,
    overrides_path,
    write_marks_file,
    write_overrides_file,
)
from dashboard.errors import InputError
from dashboard.files import atomic_write_text, read_document
from dashboard.geo.geocode import normalize


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
        # A file that reads as `text` holds its bytes with each newline as one or two bytes ("\n", "\r\n"):
        # any other size cannot match, so only files of a size between are read (2,000 files read: 0.2 s).
        low = len(text.encode("utf-8"))
        high = low + text.count("\n")
        for p in self._paths():
            try:
                if low <= p.stat().st_size <= high and content_hash(p.read_text(encoding="utf-8")) == want:
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
                                           doc_json(name, text, meta))])  # fmt: skip
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
