"""A person's corrections to what the machine extracted: place overrides and "marked wrong" marks.

Both live in one writable folder (env ``DASHBOARD_GEODATA_DIR``, default ``geodata/``):

- ``overrides.csv`` (name,lat,lon,kind,country,note,by,at): where a name the gazetteer and
  geocoder could not place (or placed with low confidence) really is. The pipeline applies it
  at assembly, after the cached per-document extraction, so a fix needs no re-extraction.
- ``review_marks.json``: events and quotes marked wrong, by id (``<doc_id>:<line>:<start>``).
  They sit beside the overrides rather than in ``seeds/`` because ``seeds/`` is the corpus
  (every file there is a document or its metadata) while this folder holds people's review
  decisions, so one env var, one lock and one backup cover all of them. Marked rows are hidden,
  never deleted: unmarking brings them back.

Every write is made under an exclusive lock (two sessions saving at once lose neither) and
lands whole (temp file + rename), and records who and when.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import fcntl
import io
import json
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.errors import GazetteerError, InputError
from dashboard.gazetteer import KINDS, Place
from dashboard.geocode import NominatimCache, normalize
from dashboard.text import atomic_write_text

ROOT = Path(__file__).resolve().parent.parent
OVERRIDE_COLUMNS = ("name", "lat", "lon", "kind", "country", "note", "by", "at")
OVERRIDES_FILE = "overrides.csv"
MARKS_FILE = "review_marks.json"
LOCK_FILE = ".review.lock"
LOW_CONFIDENCE = 0.5
MARK_KINDS = ("event", "quote")
NOT_A_PLACE = "not a place"  # an override kind: the name is no place at all ("Strategies", from a name)
EARTH_RADIUS_KM = 6371.0


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


def _number(raw: str, column: str, low: float, high: float, where: str) -> float:
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
        lat=_number(values["lat"], "lat", -90.0, 90.0, where),
        lon=_number(values["lon"], "lon", -180.0, 180.0, where),
        kind=values["kind"],
        country=values["country"],
        note=values["note"],
        by=values["by"],
        at=values["at"],
    )


def load_overrides(path: Path | None = None) -> dict[str, Override]:
    """Overrides keyed by normalised name; a malformed row stops with file and row named.

    Without a path, the fixes come from the configured store (files or database, store.py).
    """
    if path is None:
        from dashboard.store import current

        return current().overrides()
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


def write_marks_file(path: Path, marks: dict[str, Mark]) -> None:
    payload = {"version": 1, "marks": {k: {f: v for f, v in asdict(m).items() if f != "item_id"}
                                       for k, m in sorted(marks.items())}}  # fmt: skip
    atomic_write_text(path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def _store_for(folder: Path | None):  # noqa: ANN202 - store.Store (imported lazily: store imports this module)
    """The file store of ``folder`` when one is named (tests, scripts), else the configured store."""
    from dashboard import store
    from dashboard.pipeline import seeds_dir

    return store.current() if folder is None else store.FileStore(seeds_dir(), folder)


def save_override(
    name: str, lat: float, lon: float, kind: str, by: str, country: str = "", note: str = "",
    folder: Path | None = None,
) -> Override:  # fmt: skip
    """Record where ``name`` is; replaces an earlier override of the same name, keeps all others.

    The store records who and when, and the audit log keeps the fix it replaced.
    """
    where = "place fix"
    if not name.strip():
        raise InputError(f"{where}: the place name is empty.")
    if kind not in KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}.")
    if not by.strip():
        raise InputError(f"{where}: say who made the fix (your name or initials).")
    try:
        lat_v = _number(str(lat), "lat", -90.0, 90.0, where)
        lon_v = _number(str(lon), "lon", -180.0, 180.0, where)
    except GazetteerError as exc:
        raise InputError(str(exc)) from None
    override = Override(name.strip(), lat_v, lon_v, kind, country.strip().upper(), note.strip(), by.strip(), now_iso())
    return _store_for(folder).save_override(override, who=by.strip())


def save_not_a_place(name: str, by: str, note: str = "", folder: Path | None = None) -> Override:
    """Record that ``name`` is no place (kept beside the other fixes, undone with `remove_override`)."""
    folder = folder or geodata_dir()
    if not name.strip():
        raise InputError("not a place: the name is empty.")
    if not by.strip():
        raise InputError("not a place: say who decided it (your name or initials).")
    override = Override(name.strip(), math.nan, math.nan, NOT_A_PLACE, "", note.strip(), by.strip(), now_iso())
    with file_lock(folder / LOCK_FILE):
        current = load_overrides(overrides_path(folder))
        current[normalize(override.name)] = override
        atomic_write_text(overrides_path(folder), _overrides_csv(current.values()))
    return override


def remove_override(name: str, folder: Path | None = None, by: str = "") -> bool:
    """Drop the override for ``name`` (back to the gazetteer/geocoder); True if there was one."""
    return _store_for(folder).remove_override(name, who=by.strip() or "unknown")


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


def load_marks(path: Path | None = None) -> dict[str, Mark]:
    """Every mark ever set (wrong or un-marked again), keyed by item id; without a path, from the store."""
    if path is None:
        from dashboard.store import current

        return current().marks()
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


def hidden_ids(path: Path | None = None) -> set[str]:
    """Ids of events and quotes currently marked wrong."""
    return {i for i, m in load_marks(path).items() if m.wrong}


def set_mark(item_id: str, kind: str, wrong: bool, by: str, note: str = "", folder: Path | None = None) -> Mark:
    """Mark an event or quote wrong (hidden) or not wrong (shown again); the row itself is never touched."""
    if kind not in MARK_KINDS:
        raise InputError(f"mark: kind {kind!r} must be one of {', '.join(MARK_KINDS)}.")
    if item_id.count(":") < 2:
        raise InputError(f"mark: {item_id!r} is not an event or quote id (<doc_id>:<line>:<start>).")
    if not by.strip():
        raise InputError("mark: say who marks it (your name or initials).")
    mark = Mark(item_id, kind, bool(wrong), by.strip(), now_iso(), note.strip())
    return _store_for(folder).set_mark(mark, who=by.strip())


# -- what needs review ----------------------------------------------------------------


def needs_review(places: pd.DataFrame) -> pd.DataFrame:
    """Places a person should check: unplaced, placed by the online geocoder, or with low confidence."""
    if places.empty:
        return places
    conf = pd.to_numeric(places["confidence"], errors="coerce").fillna(0.0)
    mask = (places["status"] == "unresolved") | (places["via"] == "nominatim") | (conf < LOW_CONFIDENCE)
    mask &= places["via"] != "override"
    return places[mask].sort_values(["status", "n_mentions"], ascending=[False, False])


@dataclass(frozen=True)
class Candidate:
    label: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    origin: str  # "gazetteer" or "geocoder cache"
    confident: bool = False  # spelled exactly as the news writes it: safe to offer first


def candidates(name: str, places: Iterable[Place], cache: NominatimCache | None = None, n: int = 5) -> list[Candidate]:
    """Plausible places for an unplaced name: the geocoder's cached answer, then gazetteer names spelled alike.

    Transliterations vary ("Kafr Nubl" / "Kafr Nabl"), so close spellings in the gazetteer are
    the most useful offline suggestions; nothing here goes online.
    """
    out: list[Candidate] = []
    if cache is not None:
        found, res = cache.get(name)
        if found and res is not None:
            out.append(Candidate(f"{res.name} ({res.kind}, {res.country}) — geocoder cache", res.name, res.lat,
                                 res.lon, res.kind, res.country, "geocoder cache",
                                 normalize(res.name) == normalize(name)))  # fmt: skip
    by_form: dict[str, Place] = {}
    for p in places:
        for form in p.names():
            by_form.setdefault(normalize(form), p)
    seen: set[str] = set()
    for form in difflib.get_close_matches(normalize(name), list(by_form), n=n * 3, cutoff=0.6):
        p = by_form[form]
        if p.name in seen:
            continue
        seen.add(p.name)
        alias = "" if normalize(p.name) == form else f", spelled “{form}”"
        out.append(Candidate(f"{p.name} ({p.kind}, {p.country}{alias}) — gazetteer", p.name, p.lat, p.lon, p.kind,
                             p.country, "gazetteer", form == normalize(name)))  # fmt: skip
        if len(out) >= n:
            break
    return out


def sentences_naming(events: pd.DataFrame, names: tuple[str, ...], per_place: int = 3) -> dict[str, list[str]]:
    """The first `per_place` event sentences naming each of `names`, for the review page."""
    if not names or events.empty:
        return {}
    naming = events[["text", "places"]].explode("places")
    naming = naming[naming["places"].isin(set(names))]
    return {str(k): list(v) for k, v in naming.groupby("places")["text"].agg(lambda s: list(s.head(per_place))).items()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def neighbours(name: str, events: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """The placed cities, bases and provinces named in the documents that name ``name``: where it probably is."""
    return neighbours_of([name], events, places)[name]


def neighbours_of(names: list[str], events: pd.DataFrame, places: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """`neighbours` for each of `names`, in one pass over the events (the review page lists up to 30 names)."""
    links = events[["doc_id", "places"]].explode("places").dropna()
    hit = links[links["places"].isin(set(names))]
    docs_of: dict[str, set] = {n: set() for n in names}
    for place, doc in zip(hit["places"], hit["doc_id"], strict=True):
        docs_of[place].add(doc)
    needed = set().union(*docs_of.values()) if docs_of else set()
    by_doc = links[links["doc_id"].isin(needed)].groupby("doc_id")["places"].agg(set).to_dict()
    local = places[places["kind"].isin(["city", "base", "province"]) & places["lat"].notna()]
    out = {}
    for name in names:
        named = set().union(*(by_doc.get(d, set()) for d in docs_of[name])) - {name}
        out[name] = local[local["name"].isin(named)][["name", "lat", "lon"]]
    return out


def nearest(candidate: Candidate, around: pd.DataFrame) -> tuple[str, float] | None:
    """The place of the same documents closest to the candidate, and how far it is."""
    if around.empty:
        return None
    dists = [(distance_km(candidate.lat, candidate.lon, float(a), float(b)), str(n))
             for n, a, b in zip(around["name"], around["lat"], around["lon"], strict=True)]  # fmt: skip
    km, name = min(dists)
    return name, km


def candidate_label(candidate: Candidate, around: pd.DataFrame) -> str:
    """The candidate as offered: its label and how far it lies from the document's other places."""
    near = nearest(candidate, around)
    if near is None:
        return candidate.label + " · no other place in its documents to compare"
    return f"{candidate.label} · {near[1]:,.0f} km from {near[0]}"
