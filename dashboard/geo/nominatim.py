"""The online geocoder: a Nominatim server, asked politely and never trusted.

Off by default (analysts' machines may have no network). When on: one request a second for the
whole application (OSM's usage policy), a total deadline and a size cap per answer, answers checked
before use, and a failure that stops asking for the rest of the run instead of stopping the build.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location

from dashboard.errors import GeocodeError
from dashboard.geo.geocode import GeocodeSettings, Resolution, valid_resolution


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


