"""Analyst briefings: one self-contained HTML file (or PDF) of the current selection.

Analysts brief people who will not run the app, often on machines with no
internet, so the file carries everything it shows: inline CSS, a static SVG map,
no script, no font or image fetched from anywhere (a Content-Security-Policy
forbids it even if a browser were tempted). Every piece of source text is
escaped, because news text is untrusted. The items come from
`dashboard.views.query.select`, so a briefing shows exactly what the app shows for the
same filters, and each one names its document and line for checking.

This module is the HTML document, section by section (header, map, chronology, quotes, places,
undated items, sources); it is over 300 lines because it is one document whose sections share
their helpers and numbering. Printing it to PDF is pdf.py; its style sheet is briefing.css.
"""

from __future__ import annotations

import html
import math
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from dashboard.briefing.svgmap import KIND_COLOURS, MapPlace, cluster_view, core_places, fit_view, render_svg
from dashboard.views.panels import inferred_note, plain
from dashboard.views.query import Filters, Selection, events_for_place, quotes_for_place, select

if TYPE_CHECKING:
    from dashboard.corpus.pipeline import Tables

PLACE_EVENTS_SHOWN = 5  # per-place section: the rest are in the chronology
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


# -- small helpers ----------------------------------------------------------------


def esc(value: object) -> str:
    """HTML-escape text from the news, also neutralising ` and $ for any template consumer."""
    return html.escape(str(value), quote=True).replace("`", "&#96;").replace("$", "&#36;")


def _text(value: Any) -> str | None:
    """A cell as text, or None for missing values (None, NaN, empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    s = str(value).strip()
    return s or None


def _list(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    return [str(v) for v in value if _text(v)]


def human_date(value: Any, precision: Any = "day") -> str:
    """'8 Dec 2024', 'Feb 2022', '2024' or 'no date', from an ISO date at its precision."""
    raw = _text(value)
    if raw is None:
        return "no date"
    prec = _text(precision) or "day"
    try:
        if prec == "year":
            return raw[:4]
        if prec == "month":
            return datetime.strptime(raw[:7], "%Y-%m").strftime("%b %Y")
        d = date.fromisoformat(raw[:10])
        return f"{d.day} {d:%b %Y}"
    except ValueError:
        return raw


def _event_date(row: pd.Series) -> str:
    start = human_date(row.get("date"), row.get("date_precision"))
    end = _text(row.get("date_end"))
    if end and end != _text(row.get("date")):
        return f"{start} – {human_date(end, row.get('date_precision'))}"
    return start + inferred_note(row)


def reference(row: pd.Series) -> str:
    """The item's address in the corpus, e.g. seeds/000_x.txt:8 (1-based line)."""
    return f"{row['path']}:{int(row['line'])}"


def _ref_html(row: pd.Series) -> str:
    return f'<code class="ref">{esc(reference(row))}</code>'


def _claim_html(row: pd.Series) -> str:
    claim = _text(row.get("claim")) or "reported"
    evidence = _text(row.get("claim_evidence"))
    note = f'<div class="evidence">{esc(evidence)}</div>' if evidence else ""
    return f'<span class="claim claim-{esc(claim)}">{esc(claim)}</span>{note}'


def _source_html(row: pd.Series) -> str:
    sources = _list(row.get("sources"))
    via = _text(row.get("doc_source"))
    main = esc(", ".join(sources)) if sources else '<span class="muted">not named</span>'
    extra = f'<div class="muted small">in {esc(via)}</div>' if via and via not in sources else ""
    return main + extra


def _places_html(row: pd.Series) -> str:
    places = _list(row.get("places"))
    if not places:
        return '<span class="muted">no place</span>'
    more = f'<div class="muted small">also {esc(", ".join(places[1:]))}</div>' if len(places) > 1 else ""
    return f"<strong>{esc(places[0])}</strong>{more}"


# -- the document -----------------------------------------------------------------


def briefing_html(
    tables: Tables, filters: Filters, *, generated_at: datetime | None = None, title: str | None = None
) -> str:
    """A self-contained HTML briefing of exactly what `filters` select (no script, no external request)."""
    generated_at = generated_at or datetime.now(UTC)
    sel = select(tables.events, tables.quotes, tables.places, filters)
    numbers = _place_numbers(sel.places)
    title = title or _default_title(filters)
    body = "".join(
        [
            _header(tables, filters, sel, title, generated_at),
            _map_section(sel, numbers),
            _chronology_section(sel),
            _quotes_section(sel),
            _places_section(sel, numbers),
            _undated_section(sel, filters),
            _sources_section(tables, sel),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="dashboard.briefing">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f'<body><main class="briefing">{body}</main></body></html>\n'
    )


def _default_title(filters: Filters) -> str:
    if filters.places:
        return "Situation briefing: " + ", ".join(filters.places)
    return "Situation briefing"


def _period(filters: Filters, sel: Selection) -> str:
    if filters.date_from or filters.date_to:
        a = human_date(filters.date_from.isoformat()) if filters.date_from else "the earliest report"
        b = human_date(filters.date_to.isoformat()) if filters.date_to else "the latest report"
        return f"{a} to {b}"
    if sel.events.empty:
        return "all dates (no dated events selected)"
    first = pd.to_datetime(sel.events["date_first"]).min().date()
    last = pd.to_datetime(sel.events["date_last"]).max().date()
    return f"{human_date(first.isoformat())} to {human_date(last.isoformat())} (all dates; no date filter)"


def _doc_ids(sel: Selection) -> set[str]:
    ids: set[str] = set()
    for frame in (sel.events, sel.undated, sel.quotes, sel.undated_quotes):
        if not frame.empty:
            ids.update(frame["doc_id"].dropna().astype(str))
    return ids


def _header(tables: Tables, filters: Filters, sel: Selection, title: str, generated_at: datetime) -> str:
    used = _doc_ids(sel)
    docs = tables.documents
    n_docs = len(docs)
    claims = sel.events["claim"].value_counts() if not sel.events.empty else pd.Series(dtype=int)
    placed = int(sel.places["lat"].notna().sum()) if not sel.places.empty else 0
    facts = [
        ("Period", esc(_period(filters, sel))),
        ("Filters", "; ".join(esc(line) for line in filters.describe())),
        ("Generated", esc(generated_at.astimezone(UTC).strftime("%d %b %Y, %H:%M UTC"))),
        ("Documents", f"{len(used)} of {n_docs} document(s) contribute; listed under Sources"),
    ]
    built = _text(tables.manifest.get("built_at"))
    if built:
        facts.append(("Tables built", esc(built)))
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts)
    stats = [
        (len(sel.events), "dated events"),
        (placed, "places on the map"),
        (len(sel.quotes), "quotes"),
        (len(sel.undated) + len(sel.undated_quotes), "undated items"),
        (int(claims.get("claimed", 0)), "claimed, unconfirmed"),
        (int(claims.get("retracted", 0)), "retracted"),
    ]
    tiles = "".join(f'<div class="stat"><b>{n:,}</b><span>{esc(label)}</span></div>' for n, label in stats)
    return (
        '<header class="cover">'
        '<div class="kicker">Analyst briefing · automatically extracted from news text</div>'
        f"<h1>{esc(title)}</h1>"
        f'<p class="period">{esc(_period(filters, sel))}</p>'
        f'<table class="facts">{rows}</table>'
        f'<div class="stats">{tiles}</div>'
        '<p class="caveat">Every item below was extracted by software from the source text and is referenced '
        "to its document and line (<code>path:line</code>). Check the line before relying on an item; "
        "&ldquo;claimed&rdquo; marks statements not confirmed by the reporting outlet, &ldquo;retracted&rdquo; "
        "reports later withdrawn.</p>"
        "</header>"
    )


def _place_numbers(places: pd.DataFrame) -> dict[str, int]:
    """Legend numbers: busiest place first, the same on the map and in the place list."""
    return {str(name): i + 1 for i, name in enumerate(places["name"])} if not places.empty else {}


def _map_places(sel: Selection, numbers: dict[str, int]) -> list[MapPlace]:
    out = []
    for _, p in sel.places.iterrows():
        if pd.isna(p["lat"]) or pd.isna(p["lon"]):
            continue
        out.append(
            MapPlace(numbers[str(p["name"])], str(p["name"]), float(p["lat"]), float(p["lon"]),
                     _text(p.get("kind")), int(p["n_events"]))  # fmt: skip
        )
    return out


def _map_section(sel: Selection, numbers: dict[str, int]) -> str:
    places = _map_places(sel, numbers)
    if not places:
        return (
            '<section class="map-section"><h2>Map</h2>'
            '<p class="empty">No selected event has a place with known coordinates.</p></section>'
        )
    core = core_places(places)
    overview_view = fit_view([(p.lon, p.lat) for p in core], 760, 440)
    shown = [p for p in places if overview_view.contains(p.lon, p.lat)]
    far = [p for p in places if not overview_view.contains(p.lon, p.lat)]
    detail_view = cluster_view(shown, 760, 440)
    in_detail = {p.name for p in shown if detail_view is not None and detail_view.contains(p.lon, p.lat)}
    overview = render_svg(
        shown, view=overview_view, title="Overview map of the selected places", labelled_elsewhere=in_detail
    )
    detail = ""
    if detail_view is not None:
        svg = render_svg(shown, view=detail_view, title="Detail map around the busiest place")
        detail = f'<figure class="map detail">{svg}<figcaption>Detail around the busiest place.</figcaption></figure>'
    legend_items = "".join(
        f'<li><span class="swatch" style="border-color:{KIND_COLOURS.get(p.kind or "", "#555")}"></span>'
        f"<b>{p.number}</b> {esc(p.name)} <span class=\"muted\">{esc(p.kind or 'place')} · "
        f"{p.weight} event{'s' if p.weight != 1 else ''}</span></li>"
        for p in places
    )
    unplaced = ""
    if far:
        listed = "; ".join(f"<b>{p.number}</b> {esc(p.name)} ({p.weight} event{'s' if p.weight != 1 else ''})"
                           for p in far)  # fmt: skip
        unplaced += f'<p class="far small">Far from the rest, outside the overview map: {listed}.</p>'
    if not sel.unplaced.empty:
        names = ", ".join(esc(n) for n in sel.unplaced["name"])
        unplaced += f'<p class="muted small">Not on the map (no coordinates): {names}. See Places.</p>'
    kinds = "".join(
        f'<span class="key"><span class="swatch" style="border-color:{c}"></span>{esc(k)}</span>'
        for k, c in KIND_COLOURS.items()
    )
    return (
        '<section class="map-section"><h2>Map of the selected places</h2>'
        f'<figure class="map overview">{overview}<figcaption>Marker size: number of events. '
        "A number on the map stands for the place with that number in the list below (1 has the most events) "
        f"where its name does not fit. Country, province and region points are hollow. {kinds}</figcaption></figure>"
        f"{detail}"
        f'<ol class="legend">{legend_items}</ol>{unplaced}'
        '<p class="credit small">Outlines: Natural Earth (public domain). Coordinates: see Sources and credits.</p>'
        "</section>"
    )


EVENT_HEAD = (
    "<thead><tr><th>Date</th><th>Place</th><th>What happened (document:line)</th><th>Source</th>"
    "<th>Status</th></tr></thead>"
)


def _event_rows(events: pd.DataFrame) -> str:
    rows = []
    for _, e in events.iterrows():
        rows.append(
            f'<tr class="event claim-row-{esc(_text(e.get("claim")) or "reported")}" data-event="{esc(e["event_id"])}">'
            f'<td class="date">{esc(_event_date(e))}</td><td>{_places_html(e)}</td>'
            f'<td class="what"><span class="text">{esc(e["text"])}</span><div class="refline">{_ref_html(e)}</div></td>'
            f"<td>{_source_html(e)}</td><td>{_claim_html(e)}</td></tr>"
        )
    return "".join(rows)


def _chronology_section(sel: Selection) -> str:
    if sel.events.empty:
        body = '<p class="empty">No event dated to the day matches these filters.</p>'
    else:
        body = f'<table class="items chronology">{EVENT_HEAD}<tbody>{_event_rows(sel.events)}</tbody></table>'
    return (
        '<section class="chronology-section page"><h2>Chronology</h2>'
        f'<p class="muted">{len(sel.events):,} event(s) dated to the day, oldest first.</p>{body}</section>'
    )


def _quote_html(q: pd.Series) -> str:
    speaker = _text(q.get("speaker")) or "unattributed"
    role = _text(q.get("role"))
    dated = _text(q.get("date"))
    when = human_date(q.get("date"), q.get("date_precision")) + inferred_note(q) if dated else "date not stated"
    places = _list(q.get("places"))
    where = f" · {esc(', '.join(places))}" if places else ""
    who = f'<span class="speaker">{esc(speaker)}</span>' + (f', <span class="role">{esc(role)}</span>' if role else "")
    return (
        f'<figure class="quote" data-quote="{esc(q["quote_id"])}"><blockquote>{esc(q["text"])}</blockquote>'
        f'<figcaption>— {who} · <span class="qdate">{esc(when)}</span>{where} · {_ref_html(q)}</figcaption></figure>'
    )


def _quotes_section(sel: Selection) -> str:
    if sel.quotes.empty:
        body = '<p class="empty">No quote matches these filters.</p>'
    else:
        body = "".join(_quote_html(q) for _, q in sel.quotes.iterrows())
    note = f'<p class="muted">{_count(len(sel.quotes), "quote")}, with or without a place, oldest first.</p>'
    return f'<section class="quotes-section page"><h2>Key quotes</h2>{note}{body}</section>'


def _places_section(sel: Selection, numbers: dict[str, int]) -> str:
    if sel.places.empty:
        return '<section class="places-section page"><h2>Places</h2><p class="empty">No places.</p></section>'
    cards = []
    for _, p in sel.places.iterrows():
        name = str(p["name"])
        events = events_for_place(sel, name)
        quotes = quotes_for_place(sel, name)
        if pd.isna(p["lat"]):
            where = f'<span class="warn">not placed: {esc(_text(p.get("reason")) or "no coordinates")}</span>'
        else:
            where = f"{float(p['lat']):.3f}, {float(p['lon']):.3f}"
            src = plain(_text(p.get("source")))
            if src:
                where += f' <span class="muted small">({esc(src)})</span>'
        span = ""
        first, last = _text(p.get("first_date")), _text(p.get("last_date"))
        if first:
            span = f" · {esc(human_date(first))}" + (f" – {esc(human_date(last))}" if last and last != first else "")
        items = "".join(
            f'<li><span class="date">{esc(_event_date(e))}</span> {esc(_short(e["text"]))} {_ref_html(e)}</li>'
            for _, e in events.head(PLACE_EVENTS_SHOWN).iterrows()
        )
        more = len(events) - PLACE_EVENTS_SHOWN
        if more > 0:
            items += f'<li class="muted">and {more:,} more in the chronology</li>'
        kind = esc(_text(p.get("kind")) or "unknown kind")
        country = _text(p.get("country"))
        cards.append(
            f'<article class="place" data-place="{esc(name)}"><h3><span class="num">{numbers.get(name, "")}</span> '
            f'{esc(name)} <span class="muted small">{kind}{" · " + esc(country) if country else ""}</span></h3>'
            f'<p class="small">{where}<br>{int(p["n_events"]):,} event(s){span} · {len(quotes):,} quote(s)</p>'
            f"<ul>{items}</ul></article>"
        )
    return f'<section class="places-section page"><h2>Places</h2>{"".join(cards)}</section>'


def _short(text: Any, limit: int = 160) -> str:
    s = str(text)
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _undated_section(sel: Selection, filters: Filters) -> str:
    note = (
        "They pass the other filters but have no day, so they cannot be placed in the date range."
        if filters.date_from or filters.date_to
        else "They have no date or only a month or a year."
    )
    if sel.undated.empty and sel.undated_quotes.empty:
        body = '<p class="empty">None.</p>'
    else:
        body = (f'<table class="items undated">{EVENT_HEAD}<tbody>{_event_rows(sel.undated)}</tbody></table>'
                if not sel.undated.empty else "")  # fmt: skip
        if not sel.undated_quotes.empty:
            body += f'<h3>{_count(len(sel.undated_quotes), "quote")} without a day</h3>' + "".join(
                _quote_html(q) for _, q in sel.undated_quotes.iterrows()
            )
    n = len(sel.undated) + len(sel.undated_quotes)
    return (
        '<section class="undated-section page"><h2>Undated items</h2>'
        f'<p class="muted">{_count(n, "item")} kept apart from the chronology. {esc(note)}</p>{body}</section>'
    )


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def credits(places: pd.DataFrame) -> list[str]:
    """Data credits owed for the places shown (licences require the first and, when used, OSM)."""
    sources = " ".join(str(s) for s in places.get("source", pd.Series(dtype=str)).dropna())
    out = [
        "Contains data from GeoNames (geonames.org), licensed CC BY 4.0.",
        "Country outlines and country points: Made with Natural Earth (public domain).",
    ]
    if "Wikipedia" in sources:
        out.append("Some coordinates (bases, provinces, regions) taken from Wikipedia articles, as cited per place.")
    if not places.empty and (places.get("via") == "nominatim").any():
        out.append("Some places geocoded with Nominatim: © OpenStreetMap contributors, ODbL 1.0.")
    return out


def _sources_section(tables: Tables, sel: Selection) -> str:
    used = _doc_ids(sel)
    rows = []
    for _, d in tables.documents.iterrows():
        mark = "yes" if str(d["doc_id"]) in used else "no"
        title = _text(d.get("title")) or ""
        url = _text(d.get("url"))
        url_html = f'<div class="muted small">{esc(url)}</div>' if url else ""
        rows.append(
            f"<tr><td>{esc(_text(d.get('source')) or '')}</td><td>{esc(title)}{url_html}</td>"
            f"<td>{esc(_text(d.get('reference_date')) or '')}</td>"
            f"<td><code class=\"small\">{esc(d['path'])}</code></td><td>{mark}</td></tr>"
        )
    docs = (
        '<table class="items documents"><thead><tr><th>Outlet</th><th>Title</th><th>Published</th><th>File</th>'
        f"<th>Used here</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    credit_items = "".join(f"<li>{esc(c)}</li>" for c in credits(sel.places))
    return (
        '<section class="sources-section page"><h2>Sources and credits</h2>'
        f"<h3>Documents</h3>{docs}<h3>Data credits</h3><ul class=\"credits\">{credit_items}</ul>"
        '<p class="muted small">Made with dashboard.briefing. Places, dates, claims and quotes were extracted '
        "automatically; the line references are the evidence.</p></section>"
    )


CSS = (Path(__file__).parent / "briefing.css").read_text(encoding="utf-8")

