"""CSV and GeoJSON of exactly what the filters show.

The exports take the same `Selection` the map and lists are drawn from, so a
file handed to a colleague matches the screen. Rows without a day and places
without coordinates are included and marked, never dropped.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

from dashboard.views.listing import is_ranged
from dashboard.views.panels import outlets
from dashboard.views.query import Filters, Selection

# Excel reads a CSV as the local code page unless it starts with a UTF-8 byte order mark:
# with it, "Deir ez-Zor", "Ḥamā" and curly quotes open as written.
BOM = "\ufeff"

# A cell starting with one of these runs as a formula in spreadsheet programs, also after
# leading spaces or line breaks (spreadsheets trim them before reading the cell).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_AFTER_BLANKS = ("=", "+", "-", "@")

EVENT_EXPORT_COLUMNS = [
    "event_id", "listed_as", "date", "date_end", "date_precision", "claim", "claim_evidence", "primary_place",
    "places", "sources", "actors", "doc_source", "text", "path", "line", "start", "end",
]  # fmt: skip
QUOTE_EXPORT_COLUMNS = [
    "quote_id", "listed_as", "speaker", "speaker_id", "role", "date", "date_precision", "places", "text", "outlet",
    "title", "url", "published", "event_id", "path", "line", "start", "end",
]  # fmt: skip


def _cell(value: object) -> object:
    """Lists joined with '; ' and formula-looking text defused with a leading apostrophe."""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and (
        value.startswith(_FORMULA_START) or value.lstrip(" \t\r\n\u00a0").startswith(_FORMULA_AFTER_BLANKS)
    ):
        return "'" + value
    return value


def _csv(frame: pd.DataFrame, columns: list[str]) -> str:
    out = frame.reindex(columns=columns)
    for col in out.columns:
        out[col] = out[col].map(_cell)
    return BOM + out.to_csv(index=False, lineterminator="\n")


def export_events(selection: Selection, filters: Filters) -> pd.DataFrame:
    """The events on screen: on the map (`listed_as=map`) and listed apart for lack of a day."""
    dated = selection.events.assign(listed_as="map")
    apart = "apart: no day" if is_ranged(filters) else "map"
    undated = selection.undated.assign(listed_as=apart)
    return pd.concat([dated, undated], ignore_index=True)


def events_csv(selection: Selection, filters: Filters) -> str:
    return _csv(export_events(selection, filters), EVENT_EXPORT_COLUMNS)


def export_quotes(selection: Selection, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every quote on screen, with its outlet and URL; those without a day under a date range marked apart."""
    listed = selection.quotes.assign(listed_as="listed")
    apart = selection.undated_quotes.assign(listed_as="apart: no day")
    frames = [f for f in (listed, apart) if not f.empty]
    quotes = pd.concat(frames, ignore_index=True) if frames else listed
    docs = outlets(documents if documents is not None else pd.DataFrame())
    for col in ("outlet", "title", "url", "published"):
        quotes[col] = docs[col].reindex(quotes["doc_id"].to_numpy()).to_numpy() if len(quotes) else []
    return quotes


def quotes_csv(selection: Selection, documents: pd.DataFrame | None = None) -> str:
    return _csv(export_quotes(selection, documents), QUOTE_EXPORT_COLUMNS)


def file_name(what: str, filters: Filters, bounds: tuple[Any, Any] | None, ext: str) -> str:
    """E.g. events_2024-12-01_2024-12-10.csv: what the file holds and the days it covers."""
    first = filters.date_from or (bounds[0] if bounds else None)
    last = filters.date_to or (bounds[1] if bounds else None)
    span = f"{first.isoformat()}_{last.isoformat()}" if first and last else "all-dates"
    return f"{what}_{span}.{ext}"


def _plain(value: object) -> Any:
    """JSON-safe scalars: NaN becomes null, numpy numbers become Python numbers, dates strings."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # type: ignore[union-attr]
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    return value


def places_geojson(selection: Selection, filters: Filters) -> dict[str, Any]:
    """One Feature per place in view, with its event ids; unplaced ones have a null geometry."""
    events = export_events(selection, filters)
    events = events[events["listed_as"] == "map"]
    ids: dict[str, list[str]] = {}
    for event_id, names in zip(events["event_id"], events["places"], strict=True):
        for name in names or ():
            ids.setdefault(name, []).append(event_id)
    features = []
    for row in selection.places.to_dict("records"):
        lat, lon = _plain(row.get("lat")), _plain(row.get("lon"))
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        props = {k: _plain(row.get(k)) for k in ("name", "kind", "country", "n_events", "first_date", "last_date",
                                                  "status", "reason", "source", "source_ref")}  # fmt: skip
        props["event_ids"] = ids.get(row["name"], [])
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "filters": filters.describe(), "features": features}


def places_geojson_text(selection: Selection, filters: Filters) -> str:
    return json.dumps(places_geojson(selection, filters), ensure_ascii=False, indent=1)
