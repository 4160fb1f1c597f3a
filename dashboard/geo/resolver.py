"""A name from the news to a place: the gazetteer, then the cache, then (when on) Nominatim."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dashboard.errors import GeocodeError
from dashboard.geo.cache import NominatimCache
from dashboard.geo.gazetteer import Place
from dashboard.geo.geocode import GazetteerGeocoder, GeocodeSettings, Resolution, normalize

if TYPE_CHECKING:
    from dashboard.geo.nominatim import OnlineGeocoder

log = logging.getLogger(__name__)


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
        self._gazetteer: GazetteerGeocoder | None = None
        if self.cache is None:
            self.cache = NominatimCache(self.settings.cache_path)
        if self.online is None and self.settings.enabled:
            from dashboard.geo.nominatim import OnlineGeocoder  # geopy only when online geocoding is on

            self.online = OnlineGeocoder(self.settings)
        self._failures: set[str] = set()
        self.online_tripped = False

    @property
    def gazetteer(self) -> GazetteerGeocoder:
        """Its index of every name and alias, made on the first name to look up: a build finds most names among
        the gazetteer's own (`context.resolve_names`) and a patch often asks none (5,000 places: 30 ms)."""
        if self._gazetteer is None:
            self._gazetteer = GazetteerGeocoder(self.places)
        return self._gazetteer

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
