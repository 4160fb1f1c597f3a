"""Source documents and their metadata files.

Each document `seeds/NAME.txt` has `seeds/NAME.meta.json` beside it saying where
it came from and when it was published; the publication date is the reference
date that gives year-less dates ("Dec. 8") their year.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from dashboard.errors import InputError

DOCUMENT_SUFFIXES = (".txt",)
META_SUFFIX = ".meta.json"
# Publication dates outside this span are typing mistakes (9999-12-31), and "yesterday" read
# relative to 0001-01-01 does not exist: such a date is refused with a message, not a crash.
EARLIEST_REFERENCE = date(1900, 1, 1)
LATEST_REFERENCE = date(2199, 12, 31)


def check_reference_date(value: date, where: str) -> date:
    if not EARLIEST_REFERENCE <= value <= LATEST_REFERENCE:
        raise InputError(
            f"{where}: reference date {value.isoformat()} is out of range; give the publication date, "
            f"between {EARLIEST_REFERENCE.isoformat()} and {LATEST_REFERENCE.isoformat()}."
        )
    return value


def date_arg(value: str, option: str = "--date") -> date:
    """A publication date typed on the command line (YYYY-MM-DD, in range), for argparse's `type=`."""
    import argparse

    try:
        return check_reference_date(date.fromisoformat(value), option)
    except ValueError as exc:  # InputError is a ValueError too
        if isinstance(exc, InputError):
            raise argparse.ArgumentTypeError(str(exc)) from None
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


@dataclass(frozen=True)
class DocumentMeta:
    source: str
    reference_date: date
    url: str | None = None
    title: str | None = None
    added_by: str | None = None
    added_at: str | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["reference_date"] = self.reference_date.isoformat()
        return {k: v for k, v in data.items() if v is not None}


def meta_path(document: Path) -> Path:
    return document.with_name(document.stem + META_SUFFIX)


def parse_date(value: object, where: str, what: str = "reference_date") -> date:
    if not isinstance(value, str):
        raise InputError(f"{where}: {what} must be a date written YYYY-MM-DD, got {value!r}.")
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{where}: {what} {value!r} is not a date; write it as YYYY-MM-DD.") from None
    return check_reference_date(parsed, where)


def load_meta(document: Path) -> DocumentMeta | None:
    """The document's metadata, None when it has no metadata file."""
    path = meta_path(document)
    if path.is_symlink():
        raise InputError(f"{path}: is a symbolic link; metadata must be a plain file in the folder. "
                         "Replace the link with a copy of the file.")  # fmt: skip
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: is not valid JSON ({exc}). Fix the file or delete it.") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: must hold a JSON object with source and reference_date.")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise InputError(f"{path}: 'source' is missing or empty; name the outlet the text came from.")
    ref = parse_date(data.get("reference_date"), str(path))
    for key in ("url", "title", "added_by", "added_at"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            raise InputError(f"{path}: '{key}' must be text, got {data[key]!r}.")
    return DocumentMeta(
        source=source.strip(),
        reference_date=ref,
        url=data.get("url"),
        title=data.get("title"),
        added_by=data.get("added_by"),
        added_at=data.get("added_at"),
    )


def list_documents(seeds: Path) -> list[Path]:
    if not seeds.exists():
        raise InputError(f"{seeds}: no such folder. Create it and put .txt documents in it.")
    if not seeds.is_dir():
        raise InputError(f"{seeds}: is not a folder of documents.")
    # One directory read, no stat per file (a rebuild lists 2,000 documents): a link is not a file here.
    with os.scandir(seeds) as entries:
        names = [e.name for e in entries if _suffix(e.name) in DOCUMENT_SUFFIXES and e.is_file(follow_symlinks=False)]
    return [seeds / n for n in sorted(names)]


def _suffix(name: str) -> str:
    """`Path(name).suffix` for a file name, without making a path (4,000 of them took 20 ms a folder read)."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""  # as pathlib reads a suffix


def linked_documents(seeds: Path) -> list[Path]:
    """Documents in `seeds` that are symbolic links: never read (a link can point anywhere on the server)."""
    with os.scandir(seeds) as entries:
        names = [e.name for e in entries if _suffix(e.name) in DOCUMENT_SUFFIXES and e.is_symlink()]
    return [seeds / n for n in sorted(names)]


def document_id(path: Path) -> str:
    return path.stem


def content_hash(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()


def slug(value: str, limit: int = 40) -> str:
    """ASCII lowercase words joined by hyphens: safe in any file system, never a path."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or "source"


def document_name(meta: DocumentMeta, text: str) -> str:
    """``<source slug>_<date>_<8 hex of the text's hash>``: the upload's own file name plays no part."""
    return f"{slug(meta.source)}_{meta.reference_date.isoformat()}_{content_hash(text)[:8]}"
