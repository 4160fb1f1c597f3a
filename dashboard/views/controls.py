"""The sidebar's filters and the map's clicks: what each widget holds and what it means as `Filters`.

Widget values survive page switches, saves and rebuilds (`widget_defaults`, `widgets_lost`); a click on
the map is read back to a place name (`place_from_click`). Also the page's own small CSS and the script
that makes Enter apply a typed date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from dashboard.corpus.tables import DAY_PRECISIONS
from dashboard.views.query import Filters


def place_from_click(places: pd.DataFrame, clicked: Mapping[str, Any] | None, tooltip: str | None = None) -> str | None:
    """Which place a map click meant: the marker's own coordinates, the tooltip to break ties."""
    if not clicked or places.empty:
        return None
    try:
        lat, lng = float(clicked["lat"]), float(clicked["lng"])
    except (KeyError, TypeError, ValueError):
        return None
    near = places[((places["lat"] - lat).abs() < 1e-6) & ((places["lon"] - lng).abs() < 1e-6)]
    names = [str(n) for n in near["name"]]
    if tooltip:
        by_tip = [n for n in (names or [str(n) for n in places["name"]]) if tooltip.strip().startswith(n)]
        if by_tip:
            return max(by_tip, key=len)
    return names[0] if names else None


def date_bounds_of(events: pd.DataFrame) -> tuple[date, date] | None:
    """First and last day among events dated to the day: the date filter's limits."""
    days = events[events["date_precision"].isin(DAY_PRECISIONS)]
    if days.empty:
        return None
    first = pd.to_datetime(days["date_first"]).min().date()
    last = pd.to_datetime(days["date_last"]).max().date()
    return first, last


def source_options(events: pd.DataFrame) -> list[str]:
    """Every source named by an event or publishing a document, for the source filter."""
    names = {s for ss in events["sources"] for s in (ss or ())} | set(events["doc_source"].dropna())
    return sorted(names, key=str.casefold)


def filters_from_inputs(
    dates: object, bounds: tuple[date, date] | None, kinds: list[str], sources: list[str], claims: list[str],
    places: list[str], query: str,
) -> Filters:
    """Filters from widget values; the full date range (or a half-picked one) means "no range"."""
    date_from = date_to = None
    if bounds and isinstance(dates, (list, tuple)) and len(dates) == 2 and tuple(dates) != tuple(bounds):
        date_from, date_to = dates[0], dates[1]
    return Filters(date_from=date_from, date_to=date_to, kinds=tuple(kinds), sources=tuple(sources),
                   claims=tuple(claims), places=tuple(places), query=query.strip()[:200])  # fmt: skip


def widget_defaults(
    filters: Filters, bounds: tuple[date, date] | None, options: Mapping[str, list[str]]
) -> tuple[dict[str, Any], list[str]]:
    """Widget values that reopen `filters` (from a permalink), with a note for anything dropped.

    Values the data no longer has (a source since removed) are dropped with a
    note rather than crashing the page.
    """
    notes: list[str] = []
    values: dict[str, Any] = {"f_query": filters.query}
    for key, attr in (("f_kinds", "kinds"), ("f_sources", "sources"), ("f_claims", "claims"), ("f_places", "places")):
        wanted = list(getattr(filters, attr))
        keep = [v for v in wanted if v in options.get(attr, [])]
        notes += [f"ignored {attr[:-1]} {v!r} from the link: not in the data" for v in wanted if v not in keep]
        values[key] = keep
    if bounds:
        lo, hi = bounds
        a = min(max(filters.date_from or lo, lo), hi)
        b = max(min(filters.date_to or hi, hi), lo)
        if (filters.date_from and filters.date_from != a) or (filters.date_to and filters.date_to != b):
            notes.append(f"the link's date range was clipped to the data's {lo.isoformat()} – {hi.isoformat()}")
        values["f_dates"] = (a, b)
    return values, notes


FILTER_KEYS = ("f_dates", "f_kinds", "f_sources", "f_claims", "f_places", "f_query")


def widgets_lost(state: Mapping[str, Any], stamp: str, has_dates: bool) -> bool:
    """Must the filter widgets be set again from the view kept in the session?

    Streamlit forgets a widget's value when another page runs (the widget was
    not drawn there), and a rebuild (a save, a fix) can change the dates and
    options the widgets accept. Either way the widgets are refilled from the
    last view (`keep_view`), re-read against the current data, so a filter
    keeps both its value and its meaning: "all dates" stays all dates even
    when a save brings a later day.
    """
    keys = [k for k in FILTER_KEYS if has_dates or k != "f_dates"]
    return state.get("kept_stamp") != stamp or any(k not in state for k in keys)


ENTER_APPLIES_DATES_JS = """<script>
(function() {
  var doc = document;
  if (doc.__enterAppliesDates) { return; }
  doc.__enterAppliesDates = true;
  doc.addEventListener("keydown", function(e) {
    var t = e.target;
    if (e.key !== "Enter" || !t || !t.closest || t.getAttribute("role") !== "spinbutton") { return; }
    if (!t.closest('[data-testid="stDateInput"]')) { return; }
    e.preventDefault();
    e.stopPropagation();
    t.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", code: "Escape", keyCode: 27, bubbles: true}));
    t.blur();
  }, true);
})();
</script>"""


PAGE_CSS = '<style>[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; }</style>'


def filters_caption(filters: object, n_quotes: int) -> str:
    """What the page shows, in words: the count and the filters that apply."""
    f = filters if isinstance(filters, Filters) else Filters()
    parts = []
    if f.date_from or f.date_to:
        parts.append(f"dates {f.date_from or '…'} to {f.date_to or '…'}")
    for label, values in (("sources", f.sources), ("claims", f.claims), ("kinds", f.kinds), ("places", f.places)):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if f.query:
        parts.append(f"text: {f.query}")
    noun = "quote" if n_quotes == 1 else "quotes"
    return f"{n_quotes} {noun}; " + ("filters: " + "; ".join(parts) if parts else "no filters: everything")
