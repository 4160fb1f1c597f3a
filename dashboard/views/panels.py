"""What the app shows, as plain functions: the place panel, tables, counts, escaping.

No streamlit import, so every piece can be tested without a browser. Every
piece of news text that ends up in HTML goes through `esc`; tables are given
to Streamlit as data frames, which it renders as text.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from datetime import date
from pathlib import PurePath
from typing import Any

import pandas as pd

from dashboard.views.query import Filters, Selection

CLAIM_LABELS = {
    "reported": "reported",
    "claimed": "CLAIMED — unverified",
    "retracted": "RETRACTED by its source",
}


def esc(value: object) -> str:
    """Escape text for HTML and for JS template literals (` and $), per STACK_NOTES."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True).replace("`", "&#96;").replace("$", "&#36;")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def is_ranged(filters: Filters) -> bool:
    return bool(filters.date_from or filters.date_to)


def shown_events(selection: Selection, filters: Filters) -> pd.DataFrame:
    """The events the map counts: dated ones, plus those without a day when no range is set."""
    if is_ranged(filters):
        return selection.events
    return pd.concat([selection.events, selection.undated])


def count_line(selection: Selection, filters: Filters) -> str:
    """E.g. "12 of 30 events · 4 places · 3 quotes"; says what is listed apart."""
    n = len(selection.events) + (0 if is_ranged(filters) else len(selection.undated))  # no concat of 100k rows
    placed = int(selection.places["lat"].notna().sum()) if not selection.places.empty else 0
    parts = [f"{n} of {plural(selection.total_events, 'event')}", plural(placed, "place") + " on the map",
             plural(len(selection.quotes), "quote")]  # fmt: skip
    if is_ranged(filters) and len(selection.undated):
        parts.append(f"{len(selection.undated)} {'event' if len(selection.undated) == 1 else 'events'}"
                     " without a day listed apart")  # fmt: skip
    if is_ranged(filters) and len(selection.undated_quotes):
        parts.append(f"{plural(len(selection.undated_quotes), 'quote')} without a day listed apart")
    if len(selection.unplaced):
        parts.append(f"{plural(len(selection.unplaced), 'place')} not placed")
    return " · ".join(parts)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def date_label(row: Mapping[str, Any]) -> str:
    """The date at the precision the source gave it: a day, a month, a year, or none."""
    value, end, precision = row.get("date"), row.get("date_end"), row.get("date_precision")
    if _is_blank(value):
        return "no date"
    text = str(value) if _is_blank(end) or end == value else f"{value} – {end}"
    if precision in ("month", "year"):
        text += f" ({precision} only)"
    return text


def source_ref(row: Mapping[str, Any]) -> str:
    """Where the text came from: file, line, and character span in that line."""
    ref = f"{row.get('path')}, line {int(row['line'])}"
    if not _is_blank(row.get("start")) and not _is_blank(row.get("end")):
        ref += f", chars {int(row['start'])}–{int(row['end'])}"
    return ref


_INTERNAL = (
    (re.compile(r"\s*\([^()]*\b[A-Z]+_[A-Z_]+\b[^()]*\)"), ""),  # "(set DASHBOARD_NOMINATIM=1 to ...)"
    (re.compile(r",?\s*as in the project's reference places\.csv", re.I), ""),
    (re.compile(r"\s*\(\s*\)"), ""),  # a parenthesis left empty by the above
)


def plain(text: object) -> str:
    """Text for an analyst: no environment variable names, no project file names."""
    out = "" if _is_blank(text) else str(text)
    for pattern, repl in _INTERNAL:
        out = pattern.sub(repl, out)
    return out.strip()


def quoted(text: object) -> str:
    """Text in curly quotes, without doubling the quote marks it already carries."""
    return "\u201c" + str(text or "").strip().strip("\"'\u201c\u201d\u2018\u2019 ") + "\u201d"


def ref_html(row: Mapping[str, Any], doc: Mapping[str, Any] | None = None) -> str:
    """Outlet, title and date first; the file and line after, small, linked to the article when it has a URL."""
    doc = doc or {}
    where = f"{PurePath(str(row.get('path'))).name}:{int(row['line'])}"
    url = doc.get("url")
    full = esc(f"{row.get('path')}, line {int(row['line'])}")
    link = f'<span class="ref" title="{full}">{esc(where)}</span>'
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        link = (f'<a class="ref" title="{full}" href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                f"{esc(where)}</a>")  # fmt: skip
    citation = cite(doc.get("outlet") or row.get("doc_source"), doc.get("title"), doc.get("published"))
    return f'<span class="small cite">{esc(citation)} · <small>{link}</small></span>'


def _join(values: object) -> str:
    if values is None or isinstance(values, float):
        return ""
    return ", ".join(str(v) for v in values)  # type: ignore[union-attr]


PANEL_CSS = """<style>
.place-panel { font-family: sans-serif; font-size: 14px; line-height: 1.45; color: #1d1d1d; }
.place-panel h3 { margin: 0 0 2px; font-size: 20px; }
.place-panel .meta { color: #555; margin: 0 0 8px; font-size: 12px; }
.place-panel ol { padding-left: 0; list-style: none; margin: 0; }
.place-panel li { border-left: 4px solid #9db4d3; padding: 4px 8px; margin: 0 0 8px; background: #f7f9fc; }
.place-panel li.claim-claimed { border-left-color: #e08a00; background: #fff8ec; }
.place-panel li.claim-retracted { border-left-color: #c0392b; background: #fdf0ee; }
.place-panel .date { font-weight: 600; margin-right: 6px; }
.place-panel .badge { font-size: 11px; font-weight: 700; padding: 1px 5px; border-radius: 3px; color: #fff; }
.place-panel .badge.claimed { background: #c77700; }
.place-panel .badge.retracted { background: #c0392b; }
.place-panel .text { display: block; margin: 2px 0; }
.place-panel .small { display: block; color: #555; font-size: 12px; }
.place-panel blockquote { margin: 0; }
</style>"""


def event_item_html(row: Mapping[str, Any], doc: Mapping[str, Any] | None = None) -> str:
    claim = row.get("claim") or "reported"
    label = esc(CLAIM_LABELS.get(claim, claim))
    badge = "" if claim == "reported" else f'<span class="badge {esc(claim)}">{label}</span>'
    evidence = row.get("claim_evidence")
    sources = _join(row.get("sources")) or "none named"
    lines = [
        f'<li class="event claim-{esc(claim)}"><span class="date">{esc(date_label(row))}</span>{badge}',
        f'<span class="text">{esc(row.get("text"))}</span>',
        f'<span class="small">Sources: {esc(sources)}'
        + (f" · claim wording: {esc(quoted(evidence))}" if not _is_blank(evidence) else "")
        + "</span>",
        f'<span class="small">Places: {esc(_join(row.get("places")))}</span>',
        ref_html(row, doc) + "</li>",
    ]
    return "".join(lines)


def quote_item_html(row: Mapping[str, Any], doc: Mapping[str, Any] | None = None) -> str:
    who = esc(row.get("speaker") or "unnamed speaker")
    role = row.get("role")
    who += f", {esc(role)}" if not _is_blank(role) else ""
    when = "" if _is_blank(row.get("date")) else f" · {esc(date_label(row))}"
    return (
        f'<li class="quote"><blockquote class="text">{esc(quoted(row.get("text")))}</blockquote>'
        f'<span class="small">— {who}{when}</span>{ref_html(row, doc)}</li>'
    )


def shown_of(shown: int, total: int | None, word: str) -> str:
    """ "12 events", or "the first 50 of 3,412 events" when a list is cut short."""
    if total is None or total <= shown:
        return plural(shown, word) if total is None else plural(total, word)
    return f"the first {shown:,} of {total:,} {word}s"


def place_panel_html(
    place: Mapping[str, Any] | None, name: str, events: pd.DataFrame, quotes: pd.DataFrame,
    n_events: int | None = None, n_quotes: int | None = None, documents: pd.DataFrame | None = None,
) -> str:
    """The story of one place: its events in date order and its quotes, each cited and traced to its line.

    `events` and `quotes` are what is shown; `n_events`/`n_quotes` say how many
    there are in all when the lists were cut short (a busy place has thousands).
    """
    docs = outlets(documents if documents is not None else pd.DataFrame())
    docs = docs[docs.index.isin(set(events.get("doc_id", [])) | set(quotes.get("doc_id", [])))]
    by_doc = docs.to_dict("index")
    head = f'<div class="place-panel">{PANEL_CSS}<h3>{esc(name)}</h3>'
    if place is not None:
        kind = place.get("kind")
        where = (
            f"{float(place['lat']):.4f}, {float(place['lon']):.4f}"
            if not _is_blank(place.get("lat")) else f"not placed: {place.get('reason') or 'no coordinates'}"
        )
        head += f'<p class="meta">{esc(kind or "unknown kind")} · {esc(where)} · {esc(plain(place.get("source")))}</p>'
    body = [f"<h4>{esc(shown_of(len(events), n_events, 'event'))}</h4>"]
    body.append("<ol>" + "".join(event_item_html(r, by_doc.get(r.get("doc_id"))) for r in events.to_dict("records"))
                + "</ol>"
                if len(events) else "<p>No events for this place under the current filters.</p>")  # fmt: skip
    body.append(f"<h4>{esc(shown_of(len(quotes), n_quotes, 'quote'))}</h4>")
    if len(quotes):
        body.append("<ol>" + "".join(quote_item_html(r, by_doc.get(r.get("doc_id"))) for r in quotes.to_dict("records"))
                    + "</ol>")
    return head + "".join(body) + "</div>"


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events as a plain table for st.dataframe (rendered as text, never HTML)."""
    if events.empty:
        return pd.DataFrame(columns=["date", "claim", "places", "sources", "text", "source line"])
    # Only the columns the labels read: a row dict of every column costs more than the table.
    dates = events[["date", "date_end", "date_precision"]].to_dict("records")
    refs = events[["path", "line", "start", "end"]].to_dict("records")
    return pd.DataFrame({
        "date": [date_label(r) for r in dates],
        "claim": events["claim"].to_numpy(),
        "places": [_join(v) for v in events["places"]],
        "sources": [_join(v) for v in events["sources"]],
        "text": events["text"].to_numpy(),
        "source line": [source_ref(r) for r in refs],
    })  # fmt: skip


def unplaced_table(unplaced: pd.DataFrame) -> pd.DataFrame:
    """Places that could not be put on the map, with the reason: nothing silently dropped."""
    if unplaced.empty:
        return pd.DataFrame(columns=["place", "events", "as written", "reason"])
    return pd.DataFrame({
        "place": unplaced["name"].to_numpy(),
        "events": unplaced["n_events"].to_numpy() if "n_events" in unplaced else 0,
        "as written": unplaced["mentions"].map(_join).to_numpy(),
        "reason": unplaced["reason"].fillna("no coordinates").map(plain).to_numpy(),
    })  # fmt: skip


def undated_reason(row: Mapping[str, Any]) -> str:
    precision = row.get("date_precision")
    if precision in ("month", "year"):
        return f"dated only to the {precision}: {row.get('date')}"
    return "no date found in the sentence"


def undated_table(undated: pd.DataFrame) -> pd.DataFrame:
    table = events_table(undated)
    table.insert(1, "why apart", [undated_reason(r) for r in undated.to_dict("records")])
    return table


def timeline_frame(events: pd.DataFrame, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Events per day over the range, zero days included, so gaps show as gaps."""
    days = pd.to_datetime(events["date_first"]).dt.normalize() if not events.empty else pd.Series([], dtype="M8[ns]")
    if days.empty and not (start and end):
        return pd.DataFrame({"events": pd.Series(dtype=int)}, index=pd.DatetimeIndex([], name="day"))
    lo = pd.Timestamp(start) if start else days.min()
    hi = pd.Timestamp(end) if end else days.max()
    index = pd.date_range(lo, hi, freq="D", name="day")
    counts = days.value_counts().reindex(index, fill_value=0).astype(int)
    return pd.DataFrame({"events": counts.to_numpy()}, index=index)


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
    days = events[events["date_precision"] == "day"]
    if days.empty:
        return None
    first = pd.to_datetime(days["date_first"]).min().date()
    last = pd.to_datetime(days["date_last"]).max().date()
    return first, last


def source_options(events: pd.DataFrame) -> list[str]:
    """Every source named by an event or publishing a document, for the source filter."""
    names = {s for ss in events["sources"] for s in (ss or ())} | set(events["doc_source"].dropna())
    return sorted(names, key=str.casefold)


# -- between the widgets and the filters (kept here so they are testable without Streamlit) --


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


def outlets(documents: pd.DataFrame) -> pd.DataFrame:
    """Per document: its outlet, title, URL and publication day, for citing a quote or an event."""
    cols = {"source": "outlet", "title": "title", "url": "url", "reference_date": "published"}
    if documents is None or documents.empty or "doc_id" not in documents:
        return pd.DataFrame(columns=list(cols.values()), index=pd.Index([], name="doc_id"))
    return documents.set_index("doc_id").reindex(columns=list(cols)).rename(columns=cols)


def quotes_table(quotes: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Who said what, when, where it was published and on which line: one row per quote, as text."""
    columns = ["speaker", "role", "date", "quote", "places", "source", "source line"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    docs = outlets(documents).reindex(quotes["doc_id"].to_numpy())
    records = quotes.to_dict("records")
    return pd.DataFrame({
        "speaker": quotes["speaker"].fillna("unnamed speaker").to_numpy(),
        "role": quotes["role"].fillna("").to_numpy(),
        "date": [date_label(r) for r in records],
        "quote": quotes["text"].to_numpy(),
        "places": quotes["places"].map(_join).to_numpy(),
        "source": [cite(o, t, d) for o, t, d in zip(docs["outlet"], docs["title"], docs["published"], strict=True)],
        "source line": [f"{r['path']}:{int(r['line'])}" for r in records],
    })  # fmt: skip


def cite(outlet: object, title: object = None, published: object = None) -> str:
    """A source as an analyst cites it: outlet, "title", date."""
    parts = [str(v) for v in (outlet,) if not _is_blank(v)]
    if not _is_blank(title):
        parts.append(f"\u201c{title}\u201d")
    if not _is_blank(published):
        parts.append(str(published))
    return ", ".join(parts) or "unknown source"


# Streamlit's date field opens its calendar on Enter and applies a typed date only when the field
# loses focus. This static script of ours (no data in it, never news text), run in the page itself
# through `st.html(..., unsafe_allow_javascript=True)`, makes Enter in a date field apply the date:
# it closes the calendar (Escape) and leaves the field, as a click elsewhere would. It runs again
# on every rerun, so it installs its listener once per page.
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


# Less empty space above the title, so the whole map fits a 1280x720 screen under it.
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
