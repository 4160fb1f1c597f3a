"""Property tests for the query code: empty, odd and hostile selections never break it.

`?q=zzzz&sel=Latakia` once showed a traceback: filtering an empty frame with an empty object
Series selects columns under pandas 3. Here Hypothesis draws tables (none to several events,
places lists empty or missing, dates or none) and filters (unknown names, regex characters, empty
ranges, places that exist nowhere) and checks what must hold whatever the input.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.corpus.tables import EVENT_COLUMNS, PLACE_COLUMNS, QUOTE_COLUMNS, prepare_events
from dashboard.views.query import CLAIMS, KINDS, Filters, events_for_place, from_params, quotes_for_place, select
from tests.test_views import _event, _place

NAMES = ["Alpha", "Beta base", "Gamma", "Latakia", "[x](y)", ".*", ""]
DAY0 = date(2024, 12, 1)

event_st = st.fixed_dictionaries({
    "places": st.lists(st.sampled_from(NAMES[:-1]), max_size=3),
    "day": st.one_of(st.none(), st.integers(0, 9)),
    "claim": st.sampled_from(CLAIMS),
    "sources": st.lists(st.sampled_from(["Reuters", "TASS", "x|y"]), max_size=2),
    "text": st.text(max_size=30),
})  # fmt: skip
filters_st = st.builds(
    Filters,
    date_from=st.one_of(st.none(), st.dates(DAY0 - timedelta(days=3), DAY0 + timedelta(days=12))),
    date_to=st.one_of(st.none(), st.dates(DAY0 - timedelta(days=3), DAY0 + timedelta(days=12))),
    kinds=st.lists(st.sampled_from(KINDS), max_size=2).map(tuple),
    sources=st.lists(st.sampled_from(["Reuters", "TASS", "Nobody", "x|y"]), max_size=2).map(tuple),
    claims=st.lists(st.sampled_from(CLAIMS), max_size=2).map(tuple),
    places=st.lists(st.sampled_from(NAMES), max_size=2).map(tuple),
    query=st.one_of(st.just(""), st.just("zzzz"), st.text(max_size=6)),
)


def tables(drawn: list[dict], prepared: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rows = []
    for i, e in enumerate(drawn):
        day = None if e["day"] is None else (DAY0 + timedelta(days=e["day"])).isoformat()
        rows.append(_event(i, i + 1, e["text"], e["places"], day, "day" if day else None, e["claim"],
                           tuple(e["sources"])))  # fmt: skip
    events = pd.DataFrame(rows, columns=[c for c in EVENT_COLUMNS if c != "hidden"])
    if prepared:
        events = prepare_events(events)
    quotes = pd.DataFrame([{
        "quote_id": f"q{i}", "doc_id": "d", "path": "p", "line": i + 1, "start": 0, "end": 1, "text": r["text"],
        "speaker": None, "role": None, "date": r["date"], "date_precision": r["date_precision"],
        "places": r["places"], "event_id": r["event_id"] if i % 2 else None, "hidden": False,
    } for i, r in enumerate(rows)], columns=QUOTE_COLUMNS)  # fmt: skip
    kinds = {"Alpha": "city", "Beta base": "base", "Gamma": "province", "Latakia": "city"}
    places = pd.DataFrame([_place(n, kinds.get(n), 35.0 if n in kinds else None, 36.0 if n in kinds else None)
                           for n in NAMES[:-1]], columns=PLACE_COLUMNS)  # fmt: skip
    return events, quotes, places


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=st.lists(event_st, max_size=6), f=filters_st, selected=st.sampled_from(NAMES), prepared=st.booleans())
def test_select_and_the_place_panel_never_break_and_keep_only_what_the_filters_allow(
    drawn: list[dict], f: Filters, selected: str, prepared: bool
) -> None:
    events, quotes, places = tables(drawn, prepared)
    sel = select(events, quotes, places, f)
    kept = pd.concat([sel.events, sel.undated])
    assert set(kept["event_id"]) <= set(events["event_id"])
    for _, e in kept.iterrows():
        if f.claims:
            assert e["claim"] in f.claims
        if f.places:
            assert set(e["places"]) & set(f.places)
        if f.sources:
            assert set(e["sources"]) & set(f.sources) or e["doc_source"] in f.sources
        if f.query:
            hay = " ".join([e["text"], *e["places"], *e["sources"], *e["actors"]]).casefold()
            assert f.query.casefold() in hay
    for _, e in sel.events.iterrows():
        assert e["date_precision"] == "day"
        if f.date_from:
            assert pd.Timestamp(e["date_last"]) >= pd.Timestamp(f.date_from)
        if f.date_to:
            assert pd.Timestamp(e["date_first"]) <= pd.Timestamp(f.date_to)
    named = {p for ps in (sel.events if (f.date_from or f.date_to) else kept)["places"] for p in ps}
    assert set(sel.places["name"]) <= named
    assert sel.total_events == len(events)
    # the panel for any place, named or not, on any selection (the ?q=zzzz&sel=Latakia crash)
    panel = events_for_place(sel, selected)
    assert list(panel.columns) == list(kept.columns)
    assert all(selected in ps for ps in panel["places"])
    assert set(panel["event_id"]) == {i for i, ps in zip(kept["event_id"], kept["places"], strict=True)
                                      if selected in ps}  # fmt: skip
    said = quotes_for_place(sel, selected)
    assert list(said.columns) == list(sel.quotes.columns) and all(selected in ps for ps in said["places"])


@settings(max_examples=200, deadline=None)
@given(params=st.dictionaries(st.sampled_from(["from", "to", "kind", "source", "claim", "place", "q", "sel", "x"]),
                              st.text(max_size=40), max_size=6))  # fmt: skip
def test_any_permalink_opens_with_notes_never_an_error(params: dict[str, str]) -> None:
    f, selected, notes = from_params(params)
    assert all(k in KINDS for k in f.kinds) and all(c in CLAIMS for c in f.claims)
    assert len(f.query) <= 200 and (selected is None or len(selected) <= 200)
    assert all(isinstance(n, str) for n in notes)
