"""Who said what, as the Speakers page shows it: one row per speaker, their quotes, and their places on a map.

The ids come from the build (corpus/speakers.py); everything here reads the quotes the filters show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.corpus.pipeline import Tables
from dashboard.corpus.speakers import assign_speaker_ids
from dashboard.views.maplayer import place_data
from dashboard.views.mapview import highlight_view
from dashboard.views.query import Filters, select


def named_places(quotes: pd.DataFrame) -> list[list[str]]:
    """Per quote, every place it names: where it happened, then the places named in passing (a prayer's or
    an appeal's places are what the speaker spoke about, though nothing happened there)."""
    columns = [quotes[c] for c in ("places", "mentioned") if c in quotes.columns]
    return [[str(p) for names in lists if names is not None for p in list(names)]
            for lists in zip(*columns, strict=True)]  # fmt: skip


def _first_seen(lists: list[list[str]]) -> list[str]:
    return list(dict.fromkeys(p for names in lists for p in names))


def speakers_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker: id, name, the roles the texts give them, number of quotes, first and
    last date quoted, and the places their quotes are about."""
    cols = ["speaker_id", "speaker", "roles", "n_quotes", "first_date", "last_date", "places"]
    if quotes.empty or "speaker_id" not in quotes.columns:
        return pd.DataFrame(columns=cols)
    rows = []
    for sid, group in quotes[quotes["speaker_id"].notna()].groupby("speaker_id", sort=False):
        roles = list(dict.fromkeys(r for r in group["role"] if isinstance(r, str) and r))
        places = _first_seen(named_places(group))
        dates = sorted(d for d in group["date"] if isinstance(d, str) and d)
        rows.append({
            "speaker_id": sid, "speaker": group["speaker"].iloc[0], "roles": roles, "n_quotes": len(group),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None, "places": places,
        })  # fmt: skip
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n_quotes", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


SPEAKER_QUOTE_COLUMNS = ["date", "speaker", "role", "quote", "places", "source"]


def speaker_quotes(quotes: pd.DataFrame, sid: str | None, limit: int | None = None) -> pd.DataFrame:
    """One speaker's quotes for display, oldest first (undated last): every cell plain text, each
    quote back to its ``path:line``. ``sid`` None lists every attributed quote; ``limit`` keeps the
    first rows, cut before they are formatted."""
    if quotes.empty or "speaker_id" not in quotes.columns:
        return pd.DataFrame(columns=SPEAKER_QUOTE_COLUMNS)
    rows = quotes[quotes["speaker_id"].notna()] if sid is None else quotes[quotes["speaker_id"] == sid]
    rows = rows.sort_values("date", na_position="last", kind="stable").head(limit)
    return pd.DataFrame({
        "date": [d if isinstance(d, str) and d else "date not stated" for d in rows["date"]],
        "speaker": rows["speaker"].astype(str).tolist(),
        "role": [r if isinstance(r, str) else "" for r in rows["role"]],
        "quote": rows["text"].astype(str).tolist(),
        "places": ["; ".join(names) for names in named_places(rows)],
        "source": [f"{p}:{n}" for p, n in zip(rows["path"], rows["line"], strict=True)],
    }, columns=SPEAKER_QUOTE_COLUMNS)  # fmt: skip


def spoken_places(quotes: pd.DataFrame, sid: str | None) -> list[str]:
    """The places one speaker's quotes name, in the order first named; none for no speaker."""
    if not sid or quotes.empty or "speaker_id" not in quotes.columns:
        return []
    return _first_seen(named_places(quotes[quotes["speaker_id"] == sid]))


def map_places(summary: pd.DataFrame, places: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """What the Speakers map draws: the places the filters show (with their event counts), plus any
    place a listed quote is about that has no event under the filters (count 0), so every place a
    speaker spoke about can be highlighted."""
    named = set(_first_seen(named_places(quotes)))
    extra = places[places["name"].isin(named - set(summary["name"].astype(str)))].assign(n_events=0)
    if extra.empty:
        return summary
    return pd.concat([summary, extra.reindex(columns=summary.columns)], ignore_index=True) if len(summary) else extra


def places_caption(speaker: str, spoken: list[str], drawn: pd.DataFrame) -> str:
    """In words, what the map highlights for a speaker, and which of their places it cannot draw."""
    if not spoken:
        return f"{speaker}: no place named in these quotes, so none is highlighted."
    # One look-up set, not a row look-up per place: a busy speaker names thousands of places at 1M.
    located = set(drawn.loc[pd.to_numeric(drawn["lat"], errors="coerce").notna(), "name"].astype(str)) \
        if len(drawn) else set()  # fmt: skip
    on_map = [p for p in spoken if p in located]
    off_map = [p for p in spoken if p not in located]
    text = f"Places {speaker} spoke about, highlighted on the map: " + (_some(on_map) or "none") + "."
    if off_map:
        text += " Not on the map (no coordinates): " + _some(off_map) + "."
    return text


CAPTION_PLACES = 40  # places named in a caption; the rest are counted


def _some(names: list[str]) -> str:
    """`names` joined, the first `CAPTION_PLACES` of them and how many more."""
    shown = "; ".join(names[:CAPTION_PLACES])
    more = len(names) - CAPTION_PLACES
    return f"{shown}; and {more:,} more" if more > 0 else shown


def speaker_choices(table: pd.DataFrame) -> dict[str, str]:
    """Label shown in the picker -> speaker id; the label names the speaker, roles and count."""
    out: dict[str, str] = {}
    for row in table.itertuples(index=False):
        roles = f" ({'; '.join(row.roles)})" if row.roles else ""
        out[f"{row.speaker}{roles}: {row.n_quotes} quote{'s' if row.n_quotes != 1 else ''}"] = row.speaker_id
    return out


SPEAKER_PARAM = "speaker"  # the Speakers page's own URL parameter: the chosen speaker's id


def label_for(choices: dict[str, str], sid: str | None) -> str | None:
    """The picker's label for a speaker id from a link, or None when nobody of that id is listed."""
    if not sid:
        return None
    return next((label for label, choice in choices.items() if choice == sid), None)


def ignored_speaker(sid: str) -> str:
    """What the page says when a link names a speaker the current filters do not list."""
    return (f"Ignored speaker {sid[:80]!r} from the link: no quote by that speaker is listed under these "
            "filters. Pick one below.")


PLACE_PARAM = "about"  # the Speakers page's URL parameter for the place clicked on its map


def drawn_place(drawn: pd.DataFrame, name: object) -> str | None:
    """`name` when the Speakers map draws a marker of that name (a place with coordinates), else None."""
    if not isinstance(name, str) or not name or drawn.empty:
        return None
    return name if bool((drawn["name"].astype(str).eq(name) & drawn["lat"].notna()).any()) else None


def quotes_about(quotes: pd.DataFrame, place: str | None) -> pd.DataFrame:
    """The quotes that name `place`, where something happened or in passing; all of them for no place."""
    if not place or quotes.empty:
        return quotes
    return quotes[[place in names for names in named_places(quotes)]]


def about_caption(place: str, n: int, speaker: str | None = None) -> str:
    """What the quotes list holds after a click on the map, and how to widen it again."""
    who = f" by {speaker}" if speaker else ""
    if n == 0:
        return f"No quote{who} names {place} under these filters. Click another place, or list every place's quotes."
    return f"Quotes{who} that name {place}: {n}. Click another place, or list every place's quotes."


@dataclass(frozen=True)
class SpeakersData:
    """What the Speakers page draws for one build and set of filters, made once and shared by every session:
    the quotes listed, the speakers' table and picker, and the places on the map (with the map's data, which
    goes over every place: a speaker's pick only marks some of them)."""

    shown: pd.DataFrame  # the quotes the filters list, hidden ones left out
    table: pd.DataFrame  # speakers_table(shown)
    choices: dict[str, str]  # speaker_choices(table)
    drawn: pd.DataFrame  # map_places(...)
    map_data: dict[str, Any]  # maplayer.place_data(drawn), nothing highlighted


def speakers_data(tables: Tables, filters: Filters) -> SpeakersData:
    quotes = tables.quotes if "speaker_id" in tables.quotes.columns else assign_speaker_ids(tables.quotes)
    selection = select(tables.events, quotes, tables.places, filters)
    shown = selection.quotes
    if "hidden" in shown:
        shown = shown[shown["hidden"].ne(True)]
    table = speakers_table(shown)
    drawn = map_places(selection.places, tables.places, shown)
    return SpeakersData(shown, table, speaker_choices(table), drawn, place_data(drawn))


def speaker_map_data(data: SpeakersData, spoken: list[str]) -> dict[str, Any]:
    """`place_data(drawn, highlighted=spoken)` from the data made once: only the highlight and the view change."""
    wanted = sorted({str(n) for n in spoken})
    return {**data.map_data, "highlighted": wanted, "view": highlight_view(data.drawn, wanted) or data.map_data["view"]}


def count_quotes(quotes: pd.DataFrame, sid: str | None) -> int:
    """How many rows `speaker_quotes` lists in all for this speaker (None: every attributed quote)."""
    if quotes.empty or "speaker_id" not in quotes.columns:
        return 0
    return int(quotes["speaker_id"].notna().sum() if sid is None else (quotes["speaker_id"] == sid).sum())
