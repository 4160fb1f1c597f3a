"""A hostile or broken geocoder: every answer is checked, every request bounded, the cache ages.

The online geocoder talks to the local stub (tests/nominatim_server.py) in one of its hostile
modes. Expected: the answer is refused with a message naming the server, nothing is cached, the
build goes on with the name unplaced; a dripping or huge reply is cut off by the deadline or
the size cap.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dashboard.geo.cache import NominatimCache
from dashboard.geo.gazetteer import Place
from dashboard.geo.geocode import GeocodeSettings, Resolution
from dashboard.geo.resolver import Resolver
from tests.nominatim_server import NominatimServer

PLACES = [Place("Latakia", "city", 35.53125, 35.79088, "SY", ("Lattakia",), "GeoNames", "ref")]


@pytest.fixture
def stub():
    with NominatimServer() as s:
        yield s


def resolver(stub, tmp_path: Path, **changes) -> Resolver:
    values = {"enabled": True, "domain": stub.domain, "scheme": "http", "user_agent": "tests/0.1",
              "timeout": 2.0, "cache_path": tmp_path / "cache.json", "min_delay_seconds": 0.0}  # fmt: skip
    values.update(changes)
    return Resolver(PLACES, settings=GeocodeSettings(**values))


@pytest.mark.parametrize("mode", ["nan", "999", "null-lat", "strings", "list-coords"])
def test_an_invalid_answer_is_refused_reported_and_not_cached(stub, tmp_path: Path, mode: str) -> None:
    stub.mode = mode
    r = resolver(stub, tmp_path)
    assert r.resolve("Kafr Nabl") is None
    assert len(r.problems) == 1 and "not a valid place" in r.problems[0] and stub.domain in r.problems[0]
    assert "kafr nabl" not in NominatimCache(tmp_path / "cache.json")  # never cached, never 0.0


def test_a_string_address_still_gives_a_valid_place(stub, tmp_path: Path) -> None:
    stub.mode = "address-string"
    res = resolver(stub, tmp_path).resolve("Kafr Nabl")
    assert res is not None and (res.lat, res.lon, res.country) == (35.0, 36.0, "")


@pytest.mark.parametrize("mode", ["drip", "drip-headers"])
def test_a_dripping_reply_is_cut_off_at_the_deadline(stub, tmp_path: Path, mode: str) -> None:
    stub.mode, stub.delay = mode, 0.3  # one byte every 0.3 s: each read is "in time", the whole is not
    r = resolver(stub, tmp_path, timeout=2.0)
    started = time.monotonic()
    assert r.resolve("Kafr Nabl") is None
    took = time.monotonic() - started
    assert took < 10, took  # without a total deadline: 16,000 s of body, or 30 s of headers then an answer
    assert "did not answer in time" in r.problems[0]


@pytest.mark.parametrize("mode", ["huge", "huge-declared"])
def test_a_huge_reply_is_refused_without_reading_it_all(stub, tmp_path: Path, mode: str) -> None:
    stub.mode = mode
    r = resolver(stub, tmp_path, max_reply_bytes=200_000, timeout=10.0)
    assert r.resolve("Kafr Nabl") is None
    assert "limit" in r.problems[0]
    assert stub.bytes_sent < 20_000_000  # the client hung up long before the 50 MB were sent


def test_https_is_the_default_and_plain_http_needs_an_explicit_opt_in() -> None:
    assert GeocodeSettings.from_env({}).scheme == "https"
    assert GeocodeSettings.from_env({"DASHBOARD_NOMINATIM_SCHEME": "http"}).scheme == "https"
    allowed = {"DASHBOARD_NOMINATIM_SCHEME": "http", "DASHBOARD_NOMINATIM_ALLOW_HTTP": "1"}
    assert GeocodeSettings.from_env(allowed).scheme == "http"


def _cache_at(path: Path, when: datetime) -> NominatimCache:
    return NominatimCache(path, now=lambda: when)


def test_misses_and_answers_are_asked_again_after_their_maximum_age(stub, tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    asked = datetime(2024, 1, 1, tzinfo=UTC)
    old = _cache_at(path, asked)
    old.put("Kafr Nabl", None)
    old.put("Saraqib", Resolution("Saraqib", "city", 35.86, 36.8, "SY", "old server", 0.5, "nominatim"))
    # 10 days later: both still fresh (a miss keeps 14 days, an answer 180)
    fresh = _cache_at(path, asked + timedelta(days=10))
    assert fresh.get("Kafr Nabl", 180, 14) == (True, None)
    assert fresh.get("Saraqib", 180, 14)[1].lat == 35.86
    # 30 days later: the miss is stale, the answer not
    later = _cache_at(path, asked + timedelta(days=30))
    assert later.get("Kafr Nabl", 180, 14) == (False, None)
    assert later.get("Saraqib", 180, 14)[0] is True
    assert _cache_at(path, asked + timedelta(days=200)).get("Saraqib", 180, 14) == (False, None)
    # and the resolver asks the server again for a stale miss, and stores the new time
    r = resolver(stub, tmp_path)
    r.cache = _cache_at(path, asked + timedelta(days=30))
    assert r.resolve("Kafr Nabl") is not None and len(stub.requests) == 1
    stored = json.loads(path.read_text(encoding="utf-8"))["entries"]["kafr nabl"]
    assert stored["result"]["lat"] == 35.0 and stored["time"].startswith("2024-01-31")


def test_a_stored_answer_that_is_not_a_valid_place_counts_as_never_asked(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    bad = {"name": "X", "kind": "city", "lat": float("nan"), "lon": 0.0, "country": "", "source": "s",
           "confidence": 0.5}  # fmt: skip
    path.write_text(json.dumps({"version": 1, "entries": {"x": {"result": bad, "time": "2024-12-01T00:00:00"}}}))
    assert NominatimCache(path).get("X", 180, 14) == (False, None)


def test_cache_entries_are_listed_with_their_time_and_can_be_removed(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    cache = _cache_at(path, datetime(2024, 12, 9, tzinfo=UTC))
    cache.put("Kafr Nabl", None)
    cache.put("Saraqib", Resolution("Saraqib", "city", 35.86, 36.8, "SY", "osm", 0.5, "nominatim"))
    listed = {e["query"]: e for e in cache.entries()}
    assert listed["kafr nabl"]["answer"] == "not found" and listed["kafr nabl"]["asked"].startswith("2024-12-09")
    assert listed["saraqib"]["answer"] == "Saraqib (city) at 35.86, 36.8"
    assert cache.remove("Saraqib") and not cache.remove("Saraqib")
    assert [e["query"] for e in NominatimCache(path).entries()] == ["kafr nabl"]  # removed on disk too
