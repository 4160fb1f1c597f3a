"""What the app shows as HTML: the place panel, its event and quote items, citations, escaping.

No streamlit import, so every piece can be tested without a browser. Every
piece of news text that ends up in HTML goes through `esc`; tables are given
to Streamlit as data frames, which it renders as text.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

import pandas as pd

from dashboard.corpus.tables import INFERRED_DAY

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
    return text + inferred_note(row)


def inferred_note(row: Mapping[str, Any]) -> str:
    """' (inferred from “on Sunday”)' for a day reckoned from the publication date, not written out; else ''."""
    if row.get("date_precision") != INFERRED_DAY:
        return ""
    said = row.get("date_text")
    return f" (inferred from “{said}”)" if not _is_blank(said) else " (inferred from the publication date)"


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


def joined(values: object) -> str:
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
    sources = joined(row.get("sources")) or "none named"
    lines = [
        f'<li class="event claim-{esc(claim)}"><span class="date">{esc(date_label(row))}</span>{badge}',
        f'<span class="text">{esc(row.get("text"))}</span>',
        f'<span class="small">Sources: {esc(sources)}'
        + (f" · claim wording: {esc(quoted(evidence))}" if not _is_blank(evidence) else "")
        + "</span>",
        f'<span class="small">Places: {esc(joined(row.get("places")))}</span>',
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


# -- between the widgets and the filters (kept here so they are testable without Streamlit) --


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


# Less empty space above the title, so the whole map fits a 1280x720 screen under it.


def outlets(documents: pd.DataFrame) -> pd.DataFrame:
    """Per document: its outlet, title, URL and publication day, for citing a quote or an event."""
    cols = {"source": "outlet", "title": "title", "url": "url", "reference_date": "published"}
    if documents is None or documents.empty or "doc_id" not in documents:
        return pd.DataFrame(columns=list(cols.values()), index=pd.Index([], name="doc_id"))
    return documents.set_index("doc_id").reindex(columns=list(cols)).rename(columns=cols)
