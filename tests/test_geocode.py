"""Geocoding layer: gazetteer first, cache, and Nominatim via a local stub server.

No test touches the internet: the online geocoder always points at
127.0.0.1 (the ``nominatim_server`` fixture, or a closed port).
"""

from __future__ import annotations

import json
import logging
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dashboard.errors import GeocodeError
from dashboard.geo.cache import NominatimCache
from dashboard.geo.gazetteer import Place
from dashboard.geo.geocode import GazetteerGeocoder, GeocodeSettings, Resolution
from dashboard.geo.nominatim import OnlineGeocoder, nominatim_kind
from dashboard.geo.resolver import Resolver
from tests.nominatim_server import place_record

PLACES = [
    Place("Khmeimim Air Base", "base", 35.41167, 35.945, "SY",
          ("Hmeimim", "Kheimin airbase"), "Wikipedia", "https://en.wikipedia.org/wiki/Khmeimim_Air_Base"),
    Place("Latakia", "city", 35.53125, 35.79088, "SY", ("Lattakia",), "GeoNames",
          "https://www.geonames.org/173576"),
]
FIXED = datetime(2024, 12, 9, 12, 0, tzinfo=UTC)


def settings_for(domain: str, tmp_path: Path, **changes) -> GeocodeSettings:
    base = {"enabled": True, "domain": domain, "scheme": "http", "user_agent": "syria-news-map-tests/0.1",
                "timeout": 1.0, "cache_path": tmp_path / "cache.json", "min_delay_seconds": 0.0}
    base.update(changes)
    return GeocodeSettings(**base)


def resolver_for(stub, tmp_path: Path, **changes) -> Resolver:
    return Resolver(PLACES, settings=settings_for(stub.domain, tmp_path, **changes))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- gazetteer geocoder ------------------------------------------------------------

def test_gazetteer_geocoder_speaks_geopy():
    location = GazetteerGeocoder(PLACES).geocode("  kheimin AIRBASE ")
    assert location.address == "Khmeimim Air Base"
    assert (location.latitude, location.longitude) == (35.41167, 35.945)
    assert location.raw["kind"] == "base" and location.raw["source_ref"].startswith("https://")
    assert GazetteerGeocoder(PLACES).geocode("Atlantis") is None
    assert GazetteerGeocoder(PLACES).geocode("Hmeimim", exactly_one=False)[0].address == "Khmeimim Air Base"


def test_gazetteer_answers_without_network(nominatim_server, tmp_path):
    resolver = resolver_for(nominatim_server, tmp_path)
    result = resolver.resolve("Lattakia")
    assert result == Resolution("Latakia", "city", 35.53125, 35.79088, "SY", "GeoNames", 1.0, "gazetteer")
    assert nominatim_server.requests == []


def test_online_off_by_default(tmp_path, monkeypatch):
    for var in ("DASHBOARD_NOMINATIM", "DASHBOARD_NOMINATIM_DOMAIN", "DASHBOARD_NOMINATIM_USER_AGENT"):
        monkeypatch.delenv(var, raising=False)
    resolver = Resolver(PLACES, settings=GeocodeSettings.from_env(cache_path=tmp_path / "c.json"))
    assert resolver.online is None
    assert resolver.resolve("Saraqib") is None


def test_settings_from_env():
    settings = GeocodeSettings.from_env({
        "DASHBOARD_NOMINATIM": "1", "DASHBOARD_NOMINATIM_DOMAIN": "nominatim.example.org",
        "DASHBOARD_NOMINATIM_USER_AGENT": "me@example.org",
    })
    assert settings.enabled and settings.domain == "nominatim.example.org"
    assert settings.user_agent == "me@example.org"
    assert not GeocodeSettings.from_env({"DASHBOARD_NOMINATIM": "0"}).enabled


# --- Nominatim via the local server ------------------------------------------------

def test_found_online_is_cached(nominatim_server, tmp_path):
    nominatim_server.results["saraqib"] = [place_record("Saraqib", 35.86447, 36.80591, importance=0.61)]
    resolver = resolver_for(nominatim_server, tmp_path)
    result = resolver.resolve("Saraqib")
    assert result == Resolution("Saraqib", "city", 35.86447, 36.80591, "SY",
                                result.source, 0.61, "nominatim")
    assert "ODbL" in result.source
    request = nominatim_server.requests[0]
    assert request.path == "/search" and request.params["q"] == "Saraqib"
    assert request.headers["User-Agent"] == "syria-news-map-tests/0.1"
    again = resolver.resolve("saraqib")
    assert again.via == "cache" and (again.lat, again.lon) == (35.86447, 36.80591)
    assert len(nominatim_server.requests) == 1


def test_miss_is_cached_and_survives_a_new_resolver(nominatim_server, tmp_path):
    nominatim_server.mode = "empty"
    assert resolver_for(nominatim_server, tmp_path).resolve("Nowhereville") is None
    assert len(nominatim_server.requests) == 1
    fresh = resolver_for(nominatim_server, tmp_path)
    assert fresh.resolve("Nowhereville") is None
    assert len(nominatim_server.requests) == 1
    entry = json.loads((tmp_path / "cache.json").read_text())["entries"]["nowhereville"]
    assert entry["result"] is None and entry["time"]


def test_requests_are_spaced_one_second(nominatim_server, tmp_path):
    resolver = resolver_for(nominatim_server, tmp_path, min_delay_seconds=1.0)
    resolver.resolve("Saraqib")
    resolver.resolve("Binnish")
    first, second = nominatim_server.requests
    assert second.time - first.time >= 0.95


def test_rate_limiter_uses_injected_clock(nominatim_server, tmp_path):
    now = [100.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    online = OnlineGeocoder(settings_for(nominatim_server.domain, tmp_path, min_delay_seconds=1.0),
                            clock=lambda: now[0], sleep=sleep)
    online.geocode("Saraqib")
    now[0] += 0.25
    online.geocode("Binnish")
    assert sleeps == [pytest.approx(0.75)]


@pytest.mark.parametrize(("mode", "words"), [
    ("429", "too many requests (HTTP 429)"),
    ("503", "unavailable (HTTP 503)"),
    ("500", "answered with an error"),
    ("slow", "did not answer in time"),
])
def test_server_failures_do_not_stop_the_pipeline(nominatim_server, tmp_path, mode, words):
    nominatim_server.mode = mode
    nominatim_server.delay = 2.0
    resolver = resolver_for(nominatim_server, tmp_path, timeout=0.5)
    assert resolver.resolve("Saraqib") is None
    assert resolver.resolve("Binnish") is None
    assert resolver.resolve("Hmeimim") is not None  # gazetteer still works
    assert len(nominatim_server.requests) == 1  # circuit breaker: no more requests
    assert len(resolver.problems) == 1
    problem = resolver.problems[0]
    assert words in problem and nominatim_server.domain in problem and "rest of this run" in problem
    assert "saraqib" not in NominatimCache(tmp_path / "cache.json")  # failures are not cached


def test_connection_refused(tmp_path):
    port = closed_port()
    resolver = Resolver(PLACES, settings=settings_for(f"127.0.0.1:{port}", tmp_path))
    assert resolver.resolve("Saraqib") is None
    assert resolver.resolve("Binnish") is None
    assert resolver.online_tripped
    assert len(resolver.problems) == 1 and "could not be reached" in resolver.problems[0]


def test_online_geocoder_raises_geocode_error_from_geopy(nominatim_server, tmp_path):
    nominatim_server.mode = "429"
    online = OnlineGeocoder(settings_for(nominatim_server.domain, tmp_path))
    with pytest.raises(GeocodeError) as info:
        online.geocode("Saraqib")
    assert "Retry" in type(info.value.__cause__).__name__ or "RateLimited" in type(info.value.__cause__).__name__
    assert "wait 30 s" in str(info.value)
    assert len(nominatim_server.requests) == 1  # no retries by geopy


@pytest.mark.parametrize(("raw", "kind"), [
    ({"class": "boundary", "type": "administrative", "addresstype": "country"}, "country"),
    ({"class": "boundary", "type": "administrative", "addresstype": "state"}, "province"),
    ({"class": "place", "type": "city", "addresstype": "city"}, "city"),
    ({"class": "place", "type": "village", "addresstype": "village"}, "city"),
    ({"class": "military", "type": "airfield", "addresstype": "military"}, "base"),
    ({"class": "aeroway", "type": "aerodrome", "addresstype": "aeroway"}, "base"),
    ({"category": "natural", "type": "peninsula", "addresstype": "peninsula"}, "region"),
])
def test_nominatim_kind(raw, kind):
    assert nominatim_kind(raw) == kind


# --- cache file -----------------------------------------------------------------------

def test_corrupt_cache_is_moved_aside(tmp_path, caplog):
    path = tmp_path / "cache.json"
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        cache = NominatimCache(path, now=lambda: FIXED)
    assert len(cache) == 0
    aside = tmp_path / "cache.json.corrupt-20241209T120000000000"
    assert aside.read_text(encoding="utf-8") == "{not json"
    assert "moved it to" in caplog.text
    cache.put("Saraqib", None)
    assert json.loads(path.read_text())["entries"]["saraqib"]["time"] == FIXED.isoformat()


def test_wrong_shape_cache_is_moved_aside(tmp_path):
    path = tmp_path / "cache.json"
    path.write_text('{"entries": {"x": 1}}', encoding="utf-8")
    NominatimCache(path, now=lambda: FIXED)
    assert not path.exists() and len(list(tmp_path.glob("cache.json.corrupt-*"))) == 1


def test_cache_write_is_atomic_and_leaves_no_temp_file(tmp_path):
    cache = NominatimCache(tmp_path / "sub" / "cache.json", now=lambda: FIXED)
    result = Resolution("Saraqib", "city", 35.86, 36.8, "SY", "OSM", 0.6, "nominatim")
    cache.put("Saraqib", result)
    cache.put("Nowhere", None)
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["cache.json"]
    reread = NominatimCache(tmp_path / "sub" / "cache.json")
    assert reread.get("SARAQIB") == (True, Resolution("Saraqib", "city", 35.86, 36.8, "SY", "OSM", 0.6, "cache"))
    assert reread.get("nowhere") == (True, None)
    assert reread.get("elsewhere") == (False, None)


def test_failed_write_removes_temp_file(tmp_path, monkeypatch):
    cache = NominatimCache(tmp_path / "cache.json")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("dashboard.geo.cache.os.replace", boom)
    with pytest.raises(OSError):
        cache.put("Saraqib", None)
    assert list(tmp_path.iterdir()) == []
