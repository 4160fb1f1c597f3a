"""Which part of the world the map opens on: fitted to what the filters show.

The view leaves out far outliers (one mention of a distant capital does not zoom the map out to the
world) unless they are the point, as a speaker's places are; "Show all places" brings them back.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

MAP_SIZE_PX = (520, 520)  # the size the default view is fitted to


OUTLIER_FLOOR_DEG = 6.0  # places this close to the rest are never "far": Ankara stays in a view of Syria


def _core(lat: pd.Series, lon: pd.Series) -> pd.Series:
    """Which points are the core: within three median distances of the median point (at least 6 degrees)."""
    if len(lat) < 3:
        return pd.Series(True, index=lat.index)
    dist = ((lat - lat.median()) ** 2 + (lon - lon.median()) ** 2) ** 0.5
    return dist <= max(3 * float(dist.median()), OUTLIER_FLOOR_DEG)


def view_bounds(places: pd.DataFrame) -> dict[str, Any] | None:
    """The view the map fits for these places: `core` leaves far-off places out (`outside` counts them).

    A prayer for Myanmar and Sudan must not shrink a story about Syria to a
    speck; the map's "Show all places" button reaches the far ones.
    """
    if places is None or places.empty:
        return None
    lat = pd.to_numeric(places["lat"], errors="coerce")
    lon = pd.to_numeric(places["lon"], errors="coerce")
    ok = lat.notna() & lon.notna()
    lat, lon = lat[ok].astype(float), lon[ok].astype(float)
    if lat.empty:
        return None
    core = _core(lat, lon)

    def box(mask: pd.Series) -> list[list[float]]:
        return [[round(float(lat[mask].min()), 4), round(float(lon[mask].min()), 4)],
                [round(float(lat[mask].max()), 4), round(float(lon[mask].max()), 4)]]  # fmt: skip

    return {"core": box(core), "all": box(core | ~core), "outside": int((~core).sum())}


def default_view(places: pd.DataFrame, size: tuple[int, int] = MAP_SIZE_PX) -> tuple[list[float], int]:
    """Centre and zoom that show the local places (cities, bases, provinces).

    Countries and far-off outliers (farther from the median point than three
    times the median distance) are left out, so a story about Syria opens on
    Syria even when it names Ankara or Russia.
    """
    if places is None or places.empty:
        return [35.0, 38.0], 6
    placed = places[[is_placed(a, b) for a, b in zip(places["lat"], places["lon"], strict=True)]]
    local = placed[placed["kind"].isin(["city", "base", "province"])]
    pts = local if not local.empty else placed
    if pts.empty:
        return [35.0, 38.0], 6
    lat, lon = pts["lat"].astype(float), pts["lon"].astype(float)
    if len(pts) >= 5:
        dist = ((lat - lat.median()) ** 2 + (lon - lon.median()) ** 2) ** 0.5
        keep = dist <= 3 * max(float(dist.median()), 0.1)
        lat, lon = lat[keep], lon[keep]
    south, north = lat.min(), lat.max()
    west, east = lon.min(), lon.max()
    centre = [round(float(south + north) / 2, 4), round(float(west + east) / 2, 4)]
    width, height = size
    span_lon = max(east - west, 0.5) * 1.3
    span_lat = max(north - south, 0.5) * 1.3 / math.cos(math.radians(centre[0]))
    zoom = math.floor(min(math.log2(width * 360 / (256 * span_lon)), math.log2(height * 360 / (256 * span_lat))))
    return centre, max(3, min(zoom, 9))


def highlight_view(places: pd.DataFrame, wanted: list[str]) -> dict[str, Any] | None:
    """The view that shows every highlighted place, far ones too: they are the point of highlighting."""
    view = view_bounds(places[places["name"].isin(wanted)]) if wanted else None
    return {"core": view["all"], "all": view["all"], "outside": 0} if view else None


def is_placed(lat: object, lon: object) -> bool:
    try:
        return math.isfinite(float(lat)) and math.isfinite(float(lon))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
