"""A person's corrections to what the machine extracted, as data: place overrides and "marked wrong" marks.

Both live in one writable folder (env ``DASHBOARD_GEODATA_DIR``, default ``geodata/``) in the file
store, or in the database (sqlstore.py), which reads and writes them with these types:

- ``overrides.csv`` (name,lat,lon,kind,country,note,by,at): where a name the gazetteer and
  geocoder could not place (or placed with low confidence) really is, or that it is no place at
  all. The pipeline applies it at assembly, after the cached per-document extraction, so a fix
  needs no re-extraction.
- ``review_marks.json``: events and quotes marked wrong, by id (``<doc_id>:<line>:<start>``).
  They sit beside the overrides rather than in ``seeds/`` because ``seeds/`` is the corpus
  (every file there is a document or its metadata) while this folder holds people's review
  decisions, so one env var, one lock and one backup cover all of them. Marked rows are hidden,
  never deleted: unmarking brings them back.

`Fixes` is what a build applies. This module reads and writes files only; the actions people take
(save a fix, mark a row) go through the configured store, in review.py.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dashboard.errors import GazetteerError, InputError
from dashboard.files import atomic_write_text
from dashboard.geo.gazetteer import KINDS
from dashboard.geo.geocode import normalize

ROOT = Path(__file__).resolve().parents[2]
OVERRIDE_COLUMNS = ("name", "lat", "lon", "kind", "country", "note", "by", "at")
OVERRIDES_FILE = "overrides.csv"
MARKS_FILE = "review_marks.json"
LOCK_FILE = ".review.lock"
MARK_KINDS = ("event", "quote")
NOT_A_PLACE = "not a place"  # an override kind: the name is no place at all ("Strategies", from a name)


def geodata_dir() -> Path:
    """The writable review folder, read at call time so tests and deployments can move it."""
    return Path(os.environ.get("DASHBOARD_GEODATA_DIR") or ROOT / "geodata")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def file_lock(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive flock on ``lock_path`` so read-modify-write cycles do not interleave."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    try:  # never through a link: a planted link would make the lock create or touch a file elsewhere
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError:
        if lock_path.is_symlink():
            raise InputError(f"{lock_path}: is a symbolic link, so nothing was written. Remove the link "
                             "(the lock file is made again by itself).") from None  # fmt: skip
        raise
    with os.fdopen(fd, "r+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# -- place overrides ----------------------------------------------------------------


@dataclass(frozen=True)
class Override:
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    note: str
    by: str
    at: str


def overrides_path(folder: Path | None = None) -> Path:
    return (folder or geodata_dir()) / OVERRIDES_FILE


def check_number(raw: str, column: str, low: float, high: float, where: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise GazetteerError(f"{where}: {column} {raw!r} is not a number — write decimal degrees, e.g. 35.41") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise GazetteerError(f"{where}: {column} {raw!r} is outside {low:g}..{high:g} — lat and lon swapped?")
    return value


def _parse_override(row: dict[str, str | None], where: str) -> Override:
    if None in row:
        raise GazetteerError(f"{where}: too many fields — quote values that contain commas")
    values = {c: (row.get(c) or "").strip() for c in OVERRIDE_COLUMNS}
    if not values["name"]:
        raise GazetteerError(f"{where}: empty name — give the place name exactly as the news writes it")
    if values["kind"] not in (*KINDS, NOT_A_PLACE):
        raise GazetteerError(f"{where}: unknown kind {values['kind']!r} — use one of {', '.join(KINDS)}")
    if values["kind"] == NOT_A_PLACE:
        return Override(values["name"], math.nan, math.nan, NOT_A_PLACE, "", values["note"], values["by"], values["at"])
    return Override(
        name=values["name"],
        lat=check_number(values["lat"], "lat", -90.0, 90.0, where),
        lon=check_number(values["lon"], "lon", -180.0, 180.0, where),
        kind=values["kind"],
        country=values["country"],
        note=values["note"],
        by=values["by"],
        at=values["at"],
    )


def load_overrides(path: Path) -> dict[str, Override]:
    """Overrides keyed by normalised name; a malformed row stops with file and row named."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: is not UTF-8 text ({exc}); re-save it as UTF-8.") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in OVERRIDE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise GazetteerError(
            f"{path}, row 1: header lacks column(s) {', '.join(missing)} — "
            f"the first line must be {','.join(OVERRIDE_COLUMNS)}"
        )
    out: dict[str, Override] = {}
    for row in reader:
        override = _parse_override(row, f"{path}, row {reader.line_num}")
        out[normalize(override.name)] = override  # a later row for the same name wins
    return out


def _overrides_csv(overrides: Iterable[Override]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(OVERRIDE_COLUMNS)
    for o in sorted(overrides, key=lambda o: normalize(o.name)):
        lat, lon = ("", "") if o.kind == NOT_A_PLACE else (_coordinate(o.lat), _coordinate(o.lon))
        writer.writerow([o.name, lat, lon, o.kind, o.country, o.note, o.by, o.at])
    return buf.getvalue()


def _coordinate(value: float) -> str:
    """Six decimals (about 10 cm) as before; more only when the value has them, so nothing is rounded away."""
    short = f"{value:.6f}"
    return short if float(short) == value else repr(float(value))


def write_overrides_file(path: Path, overrides: Iterable[Override]) -> None:
    atomic_write_text(path, _overrides_csv(overrides))


def override_row(override: Override, forms: list[str]) -> dict[str, Any]:
    """The places-table row for a name placed by hand."""
    if override.kind == NOT_A_PLACE:
        why = f"not a place, decided by {override.by}" + (f": {override.note}" if override.note else "")
        return {
            "name": override.name, "kind": None, "lat": None, "lon": None, "country": None, "source": why,
            "source_ref": str(OVERRIDES_FILE), "via": "override", "confidence": 1.0, "status": NOT_A_PLACE,
            "reason": why, "mentions": list(forms), "n_mentions": len(forms),
        }  # fmt: skip
    source = f"placed by hand by {override.by} at {override.at}" + (f": {override.note}" if override.note else "")
    return {
        "name": override.name, "kind": override.kind, "lat": override.lat, "lon": override.lon,
        "country": override.country or None, "source": source, "source_ref": str(OVERRIDES_FILE),
        "via": "override", "confidence": 1.0, "status": "placed", "reason": None,
        "mentions": list(forms), "n_mentions": len(forms),
    }  # fmt: skip


# -- marked wrong -------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    item_id: str
    kind: str  # "event" or "quote"
    wrong: bool
    by: str
    at: str
    note: str = ""


def marks_path(folder: Path | None = None) -> Path:
    return (folder or geodata_dir()) / MARKS_FILE


def load_marks(path: Path) -> dict[str, Mark]:
    """Every mark ever set (wrong or un-marked again), keyed by item id."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"{path}: is not valid JSON ({exc}); fix it or restore it from a backup.") from exc
    marks = data.get("marks") if isinstance(data, dict) else None
    if not isinstance(marks, dict):
        raise GazetteerError(f'{path}: must hold {{"version": 1, "marks": {{...}}}}; fix it or restore a backup.')
    out: dict[str, Mark] = {}
    for item_id, m in marks.items():
        if not isinstance(m, dict) or m.get("kind") not in MARK_KINDS or not isinstance(m.get("wrong"), bool):
            raise GazetteerError(f"{path}: mark {item_id!r} is malformed (needs kind event/quote, wrong true/false).")
        out[item_id] = Mark(item_id, m["kind"], m["wrong"], str(m.get("by", "")), str(m.get("at", "")),
                            str(m.get("note", "")))  # fmt: skip
    return out


def write_marks_file(path: Path, marks: dict[str, Mark]) -> None:
    payload = {"version": 1, "marks": {k: {f: v for f, v in asdict(m).items() if f != "item_id"}
                                       for k, m in sorted(marks.items())}}  # fmt: skip
    atomic_write_text(path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


# -- what a build applies ---------------------------------------------------------------


@dataclass(frozen=True)
class Fixes:
    """The overrides (by normalised name) and the ids marked wrong that one build applies."""

    overrides: Mapping[str, Override] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()

    @classmethod
    def of(cls, overrides: Mapping[str, Override], marks: Mapping[str, Mark]) -> Fixes:
        return cls(dict(overrides), frozenset(i for i, m in marks.items() if m.wrong))

    @classmethod
    def from_folder(cls, folder: Path | None = None) -> Fixes:
        """The fixes in a file store's folder (default: the configured geodata folder)."""
        return cls.of(load_overrides(overrides_path(folder)), load_marks(marks_path(folder)))
