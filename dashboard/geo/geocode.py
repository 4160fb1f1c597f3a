"""Geocoding: place names from the news -> coordinates, offline first.

Order of lookup (``Resolver.resolve``):

1. the project's gazetteer (``GazetteerGeocoder``, offline, confidence 1.0);
2. a persistent JSON cache of earlier online answers, misses included
   (``NominatimCache``), because the public Nominatim server forbids repeated
   and bulk queries;
3. Nominatim online (``OnlineGeocoder``), only when enabled: it is off by
   default since the analysts' machines may have no network, and OSM's usage
   policy allows at most 1 request/s for the whole application.

Every layer speaks geopy (``Location``) so the online and offline answers look
the same. An online failure never stops the pipeline: the resolver notes it in
``problems``, stops asking the server for the rest of the run, and goes on.
"""

from __future__ import annotations

import http.client
import json
import logging
import math
import os
import re
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter, URLLibAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from dashboard.errors import GeocodeError
from dashboard.geo.gazetteer import Place

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
    raw = {
        "name": place.name, "kind": place.kind, "lat": place.lat, "lon": place.lon,
        "country": place.country, "aliases": list(place.aliases),
        "source": place.source, "source_ref": place.source_ref,
    }
    return Location(place.name, (place.lat, place.lon), raw)


class GazetteerGeocoder(Geocoder):
    """geopy geocoder answering from the local gazetteer (no network at all)."""

    def __init__(self, places: Iterable[Place]) -> None:
        super().__init__(adapter_factory=URLLibAdapter)
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


# --- cache -----------------------------------------------------------------------------

def _utc_now() -> datetime:
    return datetime.now(UTC)


class NominatimCache:
    """Persistent query -> answer (or miss) store, so no name is asked twice.

    File layout: ``{"version": 1, "entries": {key: {"result": {...} | null,
    "time": ISO-8601}}}``. Writes are atomic (temp file + ``os.replace``) so a
    crash never leaves half a file; a corrupt file is moved aside to
    ``<path>.corrupt-<timestamp>`` (nothing lost) and an empty cache is used.
    """

    def __init__(self, path: str | Path = DEFAULT_CACHE_PATH,
                 now: Callable[[], datetime] = _utc_now) -> None:
        self.path = Path(path)
        self._now = now
        self._entries: dict[str, dict[str, Any]] = self._load()

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            data = json.loads(text)
            entries = data["entries"]
            if not isinstance(entries, dict) or not all(
                isinstance(v, dict) and "result" in v for v in entries.values()
            ):
                raise ValueError("entries malformed")
            return entries
        except (ValueError, KeyError, TypeError) as exc:
            self._move_aside(exc)
            return {}

    def _move_aside(self, exc: Exception) -> None:
        stamp = self._now().strftime("%Y%m%dT%H%M%S%f")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        os.replace(self.path, aside)
        log.warning("geocode cache %s is unreadable (%s); moved it to %s and started empty",
                    self.path, exc, aside)

    def __contains__(self, query: str) -> bool:
        return normalize(query) in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, query: str, answer_max_age_days: float | None = None,
            miss_max_age_days: float | None = None) -> tuple[bool, Resolution | None]:
        """(found, answer): found=False means never asked (or asked too long ago); None is a cached miss.

        An entry older than its maximum age (or with no readable time, or an answer that is not
        a valid place) counts as never asked, so the caller asks the server again.
        """
        entry = self._entries.get(normalize(query))
        if entry is None:
            return False, None
        result = entry["result"]
        max_age = miss_max_age_days if result is None else answer_max_age_days
        if max_age is not None and self.age_days(entry) > max_age:
            return False, None
        if result is None:
            return True, None
        try:
            return True, valid_resolution(Resolution(**{**result, "via": "cache"}))
        except (TypeError, ValueError):
            return False, None

    def age_days(self, entry: Mapping[str, Any]) -> float:
        try:
            when = datetime.fromisoformat(str(entry.get("time")))
        except ValueError:
            return math.inf
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return (self._now() - when).total_seconds() / 86400

    def entries(self) -> list[dict[str, Any]]:
        """Every cached query with its answer (or "not found") and when it was asked, for review."""
        out = []
        for key, entry in sorted(self._entries.items()):
            result = entry.get("result")
            answer = "not found" if result is None else (
                f"{result.get('name')} ({result.get('kind')}) at {result.get('lat')}, {result.get('lon')}")
            out.append({"query": key, "answer": answer, "asked": str(entry.get("time") or ""),
                        "source": None if result is None else result.get("source")})  # fmt: skip
        return out

    def remove(self, query: str) -> bool:
        """Forget one query's answer or miss, so the next build asks again; False if it was not cached."""
        if self._entries.pop(normalize(query), None) is None:
            return False
        self.save()
        return True

    def put(self, query: str, result: Resolution | None) -> None:
        """Store an answer or a miss and write the file at once."""
        stored = None if result is None else {k: v for k, v in asdict(result).items() if k != "via"}
        self._entries[normalize(query)] = {"result": stored, "time": self._now().isoformat()}
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"version": CACHE_VERSION, "entries": self._entries},
                             ensure_ascii=False, indent=1, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


# --- online geocoder ----------------------------------------------------------------

class OnlineGeocodeError(GeocodeError):
    """A GeocodeError that says which kind of failure it was (for de-duplication)."""

    def __init__(self, message: str, failure: str) -> None:
        super().__init__(message)
        self.failure = failure


class _RateLimiter(RateLimiter):
    """geopy's RateLimiter with an injectable clock and sleep (tests, no waiting)."""

    def __init__(self, func: Callable[..., Any], *, clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], None] | None = None, **kwargs: Any) -> None:
        super().__init__(func, **kwargs)
        self._clock_fn = clock
        self._sleep_fn = sleep

    def _clock(self) -> float:
        return self._clock_fn() if self._clock_fn else super()._clock()

    def _sleep(self, seconds: float) -> None:
        if self._sleep_fn:
            self._sleep_fn(seconds)
        else:
            super()._sleep(seconds)


def _connection_failed(exc: BaseException) -> bool:
    """True if a socket-level error (refused, reset, DNS) caused ``exc``.

    geopy's URLLibAdapter reports "connection refused" as a plain
    GeocoderServiceError; the cause chain tells it apart from an HTTP error.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (ConnectionError, socket.gaierror)):
            return True
        reason = getattr(current, "reason", None)
        if isinstance(reason, (ConnectionError, socket.gaierror)):
            return True
        current = current.__cause__ or current.__context__
    return "Connection refused" in str(exc)


def _classify(exc: Exception) -> tuple[str, str, str]:
    """(failure kind, what happened, what to do) for a geopy exception."""
    text = str(exc)
    if isinstance(exc, GeocoderRateLimited):
        wait = f" (server asks to wait {exc.retry_after:g} s)" if exc.retry_after else ""
        return ("rate-limited", f"refused the request: too many requests (HTTP 429){wait}",
                "wait before the next run, geocode fewer names, or use your own Nominatim server")
    if isinstance(exc, GeocoderTimedOut) and "503" in text:
        return ("unavailable", "is unavailable (HTTP 503)",
                "try again later or point DASHBOARD_NOMINATIM_DOMAIN at another server")
    if isinstance(exc, GeocoderTimedOut):
        return ("timeout", "did not answer in time",
                "check the network, or raise GeocodeSettings.timeout")
    if isinstance(exc, GeocoderUnavailable) or _connection_failed(exc):
        return ("unavailable", "could not be reached (connection failed or refused)",
                "check the network and DASHBOARD_NOMINATIM_DOMAIN, or turn DASHBOARD_NOMINATIM off")
    return ("server-error", "answered with an error",
            "try again later or use another server (DASHBOARD_NOMINATIM_DOMAIN)")


_KIND_BY_ADDRESSTYPE = {
    "country": "country",
    "state": "province", "province": "province", "region": "province",
    "state_district": "province", "county": "province",
    "city": "city", "town": "city", "village": "city", "hamlet": "city",
    "municipality": "city", "suburb": "city", "borough": "city", "city_district": "city",
}
_BASE_TYPES = {"military", "aerodrome", "airfield", "naval_base", "airport", "base", "barracks"}
_CITY_TYPES = {"city", "town", "village", "hamlet", "suburb", "municipality"}


def nominatim_kind(raw: Mapping[str, Any]) -> str:
    """Map Nominatim's class/type/addresstype to our kinds."""
    category = str(raw.get("class") or raw.get("category") or "")
    place_type = str(raw.get("type") or "")
    addresstype = str(raw.get("addresstype") or "")
    if category == "military" or place_type in _BASE_TYPES or addresstype in {"military", "aeroway"}:
        return "base"
    if addresstype in _KIND_BY_ADDRESSTYPE:
        return _KIND_BY_ADDRESSTYPE[addresstype]
    if place_type == "country":
        return "country"
    if place_type in {"state", "province"}:
        return "province"
    if place_type in _CITY_TYPES:
        return "city"
    return "region"


def _confidence(raw: Mapping[str, Any]) -> float:
    try:
        value = float(raw.get("importance", 0.5))
    except (TypeError, ValueError):
        value = 0.5
    return min(1.0, max(0.0, value))


class BoundedAdapter(BaseSyncAdapter):
    """geopy adapter with a deadline for the whole request and a cap on the reply's size.

    urllib's timeout is per read: a server dripping one byte every few seconds never trips
    it, and a reply of hundreds of MB is read whole into memory. Here a timer shuts the
    socket when the deadline passes (wherever the request is: connecting, headers, body),
    and the body is read in pieces, refused as soon as it passes `max_bytes`.
    """

    def __init__(self, *, proxies: Any = None, ssl_context: Any = None, max_bytes: int = 1_000_000) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.max_bytes = max_bytes

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError:
            raise GeocoderParseError(f"the reply is not JSON (starts {text[:60]!r})") from None

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        parts = urlsplit(url)
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        kwargs: dict[str, Any] = {"context": self.ssl_context} if parts.scheme == "https" else {}
        conn = cls(parts.hostname or "", parts.port, timeout=timeout, **kwargs)
        deadline = time.monotonic() + timeout
        timer = threading.Timer(timeout, _shut, (conn,))
        timer.daemon = True
        timer.start()
        try:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", path or "/", headers=headers)
            reply = conn.getresponse()
            length = reply.getheader("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise GeocoderServiceError(f"the reply is {int(length):,} bytes, over the {self.max_bytes:,} limit")
            body = bytearray()
            while chunk := reply.read1(65536):
                body += chunk
                if len(body) > self.max_bytes:
                    raise GeocoderServiceError(f"the reply passed the {self.max_bytes:,} byte limit")
                if time.monotonic() > deadline:
                    raise GeocoderTimedOut(f"no complete reply within {timeout:g} s")
            if time.monotonic() > deadline:
                raise GeocoderTimedOut(f"no complete reply within {timeout:g} s")
            text = bytes(body).decode(reply.headers.get_content_charset() or "utf-8", errors="replace")
            if reply.status >= 400:
                raise AdapterHTTPError(f"Non-successful status code {reply.status}", status_code=reply.status,
                                       headers={k.lower(): v for k, v in reply.getheaders()}, text=text)  # fmt: skip
            return text
        except (GeocoderServiceError, AdapterHTTPError):
            raise
        except (TimeoutError, OSError, http.client.HTTPException) as exc:
            if time.monotonic() > deadline or isinstance(exc, TimeoutError):
                raise GeocoderTimedOut(f"no complete reply within {timeout:g} s") from exc
            if isinstance(exc, (ConnectionError, socket.gaierror)):
                raise GeocoderUnavailable(f"Connection failed: {exc}") from exc
            raise GeocoderServiceError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            timer.cancel()
            conn.close()


def _shut(conn: http.client.HTTPConnection) -> None:
    """The deadline passed: end any read or write in progress on this connection."""
    sock = conn.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _number(raw: Mapping[str, Any], key: str) -> float:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"{key} is {value!r}, not a number")
    return float(value)


class OnlineGeocoder:
    """Nominatim through geopy, one request per ``min_delay_seconds``, no retries.

    geopy would otherwise retry on its own (RequestsAdapter: 2 retries; RateLimiter:
    2 retries then a silent None that looks like "not found"). Here the adapter is
    pinned to URLLibAdapter (no retries), RateLimiter has ``max_retries=0`` and
    ``swallow_exceptions=False``, and every failure becomes a ``GeocodeError``.
    """

    def __init__(self, settings: GeocodeSettings, *, clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], None] | None = None) -> None:
        self.settings = settings
        self.server = f"{settings.scheme}://{settings.domain}"
        self._nominatim = Nominatim(
            user_agent=settings.user_agent, domain=settings.domain, scheme=settings.scheme,
            timeout=settings.timeout,
            adapter_factory=lambda proxies, ssl_context: BoundedAdapter(
                proxies=proxies, ssl_context=ssl_context, max_bytes=settings.max_reply_bytes),
        )
        self._geocode = _RateLimiter(
            self._nominatim.geocode, min_delay_seconds=settings.min_delay_seconds,
            max_retries=0, swallow_exceptions=False, clock=clock, sleep=sleep,
        )

    def geocode(self, query: str) -> Resolution | None:
        """The best match for ``query`` or None if the server knows none."""
        try:
            location = self._geocode(query, exactly_one=True, language="en", addressdetails=True)
        except GeocoderServiceError as exc:
            failure, what, fix = _classify(exc)
            raise OnlineGeocodeError(
                f"Nominatim at {self.server} {what} while looking up {query!r} — {fix}. "
                f"(geopy: {type(exc).__name__}: {exc})", failure,
            ) from exc
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:  # geopy's own parsing
            raise self._bad_answer(query, exc) from exc
        if location is None:
            return None
        try:
            return self._resolution(location, query)
        except (ValueError, TypeError, AttributeError) as exc:
            raise self._bad_answer(query, exc) from exc

    def _bad_answer(self, query: str, exc: Exception) -> OnlineGeocodeError:
        return OnlineGeocodeError(
            f"Nominatim at {self.server} sent an answer that is not a valid place while looking up {query!r} "
            f"({exc}); nothing was cached — check DASHBOARD_NOMINATIM_DOMAIN points at a real Nominatim.",
            "bad-answer")  # fmt: skip

    def _resolution(self, location: Location, query: str = "") -> Resolution:
        """The answer, checked: coordinates from the raw reply (never geopy's 0.0 for a missing one)."""
        raw = location.raw
        if not isinstance(raw, Mapping):
            raise ValueError(f"the result is {type(raw).__name__}, not an object")
        address = raw.get("address")
        address = address if isinstance(address, Mapping) else {}
        name = raw.get("name") if isinstance(raw.get("name"), str) and raw.get("name").strip() else query
        osm = f"{raw.get('osm_type', '')}/{raw.get('osm_id', '')}".strip("/")[:80]
        source = f"OpenStreetMap via Nominatim ({self.settings.domain}), ODbL"
        country = address.get("country_code")
        return valid_resolution(Resolution(
            name=" ".join(str(name).split())[:200], kind=nominatim_kind(raw), lat=_number(raw, "lat"),
            lon=_number(raw, "lon"), country=country.upper()[:3] if isinstance(country, str) else "",
            source=f"{source}; osm {osm}" if osm else source, confidence=_confidence(raw), via="nominatim",
        ))  # fmt: skip


# --- resolver --------------------------------------------------------------------------

@dataclass
class Resolver:
    """Name -> Resolution via gazetteer, then cache, then (if enabled) Nominatim.

    After the first online failure the resolver stops calling the server for the
    rest of the run (circuit breaker) and notes the failure once per kind in
    ``problems``; names it cannot place resolve to None and the pipeline goes on.
    """

    places: Iterable[Place]
    settings: GeocodeSettings = field(default_factory=GeocodeSettings.from_env)
    cache: NominatimCache | None = None
    online: OnlineGeocoder | None = None
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.gazetteer = GazetteerGeocoder(self.places)
        if self.cache is None:
            self.cache = NominatimCache(self.settings.cache_path)
        if self.online is None and self.settings.enabled:
            self.online = OnlineGeocoder(self.settings)
        self._failures: set[str] = set()
        self.online_tripped = False

    def resolve(self, name: str) -> Resolution | None:
        if not normalize(name):
            return None
        place = self.gazetteer.lookup(name)
        if place is not None:
            return Resolution(place.name, place.kind, place.lat, place.lon, place.country,
                              place.source, 1.0, "gazetteer")
        assert self.cache is not None
        found, cached = self.cache.get(name, self.settings.answer_max_age_days, self.settings.miss_max_age_days)
        if found:
            return cached
        return self._ask_online(name)

    def _ask_online(self, name: str) -> Resolution | None:
        if self.online is None or self.online_tripped:
            return None
        try:
            result = self.online.geocode(name)
        except GeocodeError as exc:
            self._record(exc)
            return None
        assert self.cache is not None
        self.cache.put(name, result)
        return result

    def _record(self, exc: GeocodeError) -> None:
        self.online_tripped = True
        failure = getattr(exc, "failure", type(exc).__name__)
        if failure not in self._failures:
            self._failures.add(failure)
            self.problems.append(f"{exc} Online geocoding is off for the rest of this run.")
        log.warning("online geocoding stopped: %s", exc)
