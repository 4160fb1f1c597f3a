"""What a reviewer does: fix where a name is, dismiss a false place, mark a row wrong, and the help to do it.

Every action goes through the configured store (files or database, store.py), which writes under a
lock, records who and when, and keeps the audit log; the data they write is fixes.py's. The help is
plain functions over the tables: what needs review, candidate places spelled alike, and how far each
candidate lies from the other places of the same documents.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.corpus import store
from dashboard.corpus.fixes import (
    MARK_KINDS,
    NOT_A_PLACE,
    Mark,
    Override,
    check_number,
    now_iso,
)
from dashboard.corpus.fixes import load_marks as _marks_in
from dashboard.corpus.fixes import load_overrides as _overrides_in
from dashboard.corpus.pipeline import seeds_dir
from dashboard.errors import GazetteerError, InputError
from dashboard.geo.cache import NominatimCache
from dashboard.geo.gazetteer import KINDS, Place
from dashboard.geo.geocode import normalize

LOW_CONFIDENCE = 0.5
EARTH_RADIUS_KM = 6371.0


def _store_for(folder: Path | None) -> store.Store:
    """The file store of ``folder`` when one is named (tests, scripts), else the configured store."""
    return store.current() if folder is None else store.FileStore(seeds_dir(), folder)


def load_overrides(path: Path | None = None) -> dict[str, Override]:
    """Overrides keyed by normalised name: from ``path`` (an overrides.csv), else from the configured store."""
    return _overrides_in(path) if path is not None else store.current().overrides()


def load_marks(path: Path | None = None) -> dict[str, Mark]:
    """Every mark ever set (wrong or un-marked again), keyed by item id: from ``path``, else the store's."""
    return _marks_in(path) if path is not None else store.current().marks()


def hidden_ids(path: Path | None = None) -> set[str]:
    """Ids of events and quotes currently marked wrong."""
    return {i for i, m in load_marks(path).items() if m.wrong}


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
        lat_v = check_number(str(lat), "lat", -90.0, 90.0, where)
        lon_v = check_number(str(lon), "lon", -180.0, 180.0, where)
    except GazetteerError as exc:
        raise InputError(str(exc)) from None
    override = Override(name.strip(), lat_v, lon_v, kind, country.strip().upper(), note.strip(), by.strip(), now_iso())
    return _store_for(folder).save_override(override, who=by.strip())


def save_not_a_place(name: str, by: str, note: str = "", folder: Path | None = None) -> Override:
    """Record that ``name`` is no place, in the store beside the other fixes (undone with `remove_override`)."""
    if not name.strip():
        raise InputError("not a place: the name is empty.")
    if not by.strip():
        raise InputError("not a place: say who decided it (your name or initials).")
    override = Override(name.strip(), math.nan, math.nan, NOT_A_PLACE, "", note.strip(), by.strip(), now_iso())
    return _store_for(folder).save_override(override, who=by.strip())


def remove_override(name: str, folder: Path | None = None, by: str = "") -> bool:
    """Drop the override for ``name`` (back to the gazetteer/geocoder); True if there was one."""
    return _store_for(folder).remove_override(name, who=by.strip() or "unknown")



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
