"""Geocoding: place names from the news -> coordinates, offline first.

Order of lookup (``Resolver.resolve``):

1. the project's gazetteer (``GazetteerGeocoder``, here: offline, confidence 1.0);
2. a persistent JSON cache of earlier online answers, misses included
   (``cache.NominatimCache``), because the public Nominatim server forbids repeated
   and bulk queries;
3. Nominatim online (``nominatim.OnlineGeocoder``), only when enabled: it is off by
   default since the analysts' machines may have no network, and OSM's usage
   policy allows at most 1 request/s for the whole application.

This module holds what they share: the settings, the answer type and the offline geocoder;
``resolver.Resolver`` asks them in that order.

Every layer speaks geopy (``Location``) so the online and offline answers look
the same. An online failure never stops the pipeline: the resolver notes it in
``problems``, stops asking the server for the rest of the run, and goes on.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.geo.gazetteer import Place

if TYPE_CHECKING:
    from geopy.location import Location

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CACHE_PATH = REPO_ROOT / "geodata" / "geocode_cache.json"
DEFAULT_USER_AGENT = (
    "syria-news-map/0.1 (open-source news mapping project; "
    "set DASHBOARD_NOMINATIM_USER_AGENT to your own contact)"
)
VIAS = ("gazetteer", "cache", "nominatim")
CACHE_VERSION = 1


# --- settings -------------------------------------------------------------------

def _flag_on(value: str | None) -> bool:
    return bool(_env_flag(value))


def _env_flag(value: str | None) -> bool | None:
    if value is None or not value.strip():
        return None
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class GeocodeSettings:
    """How (and whether) to geocode online.

    enabled: ask Nominatim for names the gazetteer lacks. Off by default: no
        network on air-gapped machines, and OSM forbids bulk use.
        Env ``DASHBOARD_NOMINATIM=1`` turns it on.
    domain / scheme: the Nominatim server; a self-hosted one is preferable
        for anything beyond a handful of names. Env ``DASHBOARD_NOMINATIM_DOMAIN``.
    user_agent: OSM requires one identifying the application and a contact.
        Env ``DASHBOARD_NOMINATIM_USER_AGENT``; set your own contact.
    cache_path: env ``DASHBOARD_GEOCODE_CACHE``; scheme: env ``DASHBOARD_NOMINATIM_SCHEME``.
    timeout: seconds per request before giving up.
    cache_path: JSON cache of answers and misses (kept across runs).
    min_delay_seconds: spacing between requests (public server: >= 1 s).
    """

    enabled: bool = False
    domain: str = "nominatim.openstreetmap.org"
    scheme: str = "https"
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 10.0  # the whole request, connection to last byte, not one read
    cache_path: Path = DEFAULT_CACHE_PATH
    min_delay_seconds: float = 1.0
    max_reply_bytes: int = 1_000_000  # a one-result search is a few KB; more is refused unread
    answer_max_age_days: float = 180.0  # a cached answer is asked again after this long
    miss_max_age_days: float = 14.0  # a cached "not found" sooner: the map may have gained the place

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> GeocodeSettings:
        """Defaults, then environment variables, then explicit ``overrides``."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        enabled = _env_flag(env.get("DASHBOARD_NOMINATIM"))
        if enabled is not None:
            values["enabled"] = enabled
        if env.get("DASHBOARD_NOMINATIM_DOMAIN", "").strip():
            values["domain"] = env["DASHBOARD_NOMINATIM_DOMAIN"].strip()
        scheme = env.get("DASHBOARD_NOMINATIM_SCHEME", "").strip()
        if scheme == "https" or (scheme == "http" and _flag_on(env.get("DASHBOARD_NOMINATIM_ALLOW_HTTP"))):
            values["scheme"] = scheme
        elif scheme == "http":
            log.warning("DASHBOARD_NOMINATIM_SCHEME=http ignored: answers over plain http can be forged on the "
                        "way; set DASHBOARD_NOMINATIM_ALLOW_HTTP=1 as well to use it (a local server)")
        if env.get("DASHBOARD_GEOCODE_CACHE", "").strip():
            values["cache_path"] = Path(env["DASHBOARD_GEOCODE_CACHE"].strip())
        if env.get("DASHBOARD_NOMINATIM_USER_AGENT", "").strip():
            values["user_agent"] = env["DASHBOARD_NOMINATIM_USER_AGENT"].strip()
        values.update(overrides)
        return cls(**values)


# --- result type ------------------------------------------------------------------

@dataclass(frozen=True)
class Resolution:
    """Where a name points, and how sure and from where we know it."""

    name: str
    kind: str
    lat: float
    lon: float
    country: str
    source: str
    confidence: float
    via: str


def valid_resolution(res: Resolution) -> Resolution:
    """`res` if it is a usable place (finite coordinates in range, text fields), else ValueError."""
    for name in ("lat", "lon", "confidence"):
        value = getattr(res, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueError(f"{name} is not a finite number: {value!r}")
    if not (-90 <= res.lat <= 90 and -180 <= res.lon <= 180):
        raise ValueError(f"coordinates out of range: {res.lat!r}, {res.lon!r}")
    for name in ("name", "kind", "country", "source"):
        if not isinstance(getattr(res, name), str):
            raise ValueError(f"{name} is not text: {getattr(res, name)!r}")
    return res


def normalize(query: str) -> str:
    """Key for matching and caching: case-folded, single spaces, no edge punctuation."""
    return re.sub(r"\s+", " ", query).strip().strip(".,;:").strip().casefold()


# --- offline geocoder ------------------------------------------------------------

def _location(place: Place) -> Location:
    from geopy.location import Location  # here, not at the top: a build asks `lookup` only (geopy: 0.1 s of imports)

    raw = {
        "name": place.name, "kind": place.kind, "lat": place.lat, "lon": place.lon,
        "country": place.country, "aliases": list(place.aliases),
        "source": place.source, "source_ref": place.source_ref,
    }
    return Location(place.name, (place.lat, place.lon), raw)


class GazetteerGeocoder:
    """A geocoder answering from the local gazetteer (no network at all): `geocode` as geopy's geocoders
    (a geopy `Location`), `lookup` the entry itself. Not a subclass of geopy's `Geocoder` (its adapter, for
    requests this one never makes, was all it took from it): a build, which only looks names up, does not
    import geopy and requests (`tests/test_cli.py` checks the command line's rebuild)."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._index: dict[str, Place] = {}
        for place in places:
            for name in place.names():
                self._index.setdefault(normalize(name), place)

    def lookup(self, query: str) -> Place | None:
        """The gazetteer entry named (or aliased) ``query``, case-insensitively."""
        return self._index.get(normalize(query))

    def geocode(self, query: str, exactly_one: bool = True, timeout: Any = None
                ) -> Location | list[Location] | None:
        place = self.lookup(query)
        if place is None:
            return None
        location = _location(place)
        return location if exactly_one else [location]
