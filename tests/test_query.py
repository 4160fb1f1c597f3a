"""Filters: what each keeps, the fast per-place counts against the plain ones, and permalinks."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd
import pytest

from dashboard.views import listing, panels
from dashboard.views.query import Filters, from_params, place_summary, select, to_params
from tests.test_views import _event, _place, make_tables


def test_each_filter_keeps_what_it_says() -> None:
    ev, qu, pl = make_tables()
    ids = lambda s: sorted(s.events["line"])  # noqa: E731
    assert ids(select(ev, qu, pl, Filters())) == [1, 2, 3, 4]
    assert ids(select(ev, qu, pl, Filters(date_from=date(2024, 12, 3), date_to=date(2024, 12, 4)))) == [2]
    assert ids(select(ev, qu, pl, Filters(sources=("Reuters",)))) == [1, 3]
    assert ids(select(ev, qu, pl, Filters(claims=("claimed", "retracted")))) == [2, 3]
    assert ids(select(ev, qu, pl, Filters(kinds=("base",)))) == [2]
    assert ids(select(ev, qu, pl, Filters(places=("Gamma province",)))) == [4]
    assert ids(select(ev, qu, pl, Filters(query="WITHDRAWN"))) == [3]  # case-insensitive
    assert ids(select(ev, qu, pl, Filters(query="beta base"))) == [2]  # a place name matches too


def test_undated_events_are_listed_apart_and_leave_the_map_under_a_date_range() -> None:
    ev, qu, pl = make_tables()
    everything = select(ev, qu, pl, Filters())
    assert sorted(everything.undated["line"]) == [5, 6]
    assert "Nowhere" in set(everything.places["name"])  # with no range, undated events count
    ranged = select(ev, qu, pl, Filters(date_from=date(2024, 12, 1), date_to=date(2024, 12, 31)))
    assert sorted(ranged.undated["line"]) == [6]  # February 2022 is outside the range; no date at all stays
    assert "Nowhere" not in set(ranged.places["name"])
    assert ranged.places.set_index("name").loc["Alpha", "n_events"] == 3


def test_a_day_inferred_from_a_weekday_is_a_day_for_the_map_the_range_and_the_lists() -> None:
    ev, qu, pl = make_tables()
    sunday = _event(6, 7, "Rebels entered Beta base on Sunday.", ["Beta base"], "2024-12-08", "day-inferred")
    sunday["date_text"] = "Sunday"
    ev = pd.concat([ev, pd.DataFrame([sunday], columns=ev.columns)], ignore_index=True)
    ranged = select(ev, qu, pl, Filters(date_from=date(2024, 12, 7), date_to=date(2024, 12, 9)))
    assert list(ranged.events["line"]) == [7]  # on the map and in the list of the 7th-9th
    assert 7 not in set(ranged.undated["line"])  # not set apart as undated
    outside = select(ev, qu, pl, Filters(date_from=date(2024, 12, 1), date_to=date(2024, 12, 5)))
    assert 7 not in set(outside.events["line"]) and 7 not in set(outside.undated["line"])
    [label] = listing.events_table(ranged.events)["date"]
    assert label == "2024-12-08 (inferred from “Sunday”)"
    panel = panels.place_panel_html(None, "Beta base", ranged.events, ranged.quotes)
    assert panels.esc("2024-12-08 (inferred from “Sunday”)") in panel


def test_hidden_rows_are_left_out_but_kept_in_the_tables() -> None:
    ev, qu, pl = make_tables()
    ev["hidden"] = ev["line"] == 2
    qu["hidden"] = False
    s = select(ev, qu, pl, Filters())
    assert 2 not in set(s.events["line"]) and s.total_events == 5
    assert s.quotes.empty  # the hidden event's quote goes with it
    assert len(ev) == 6


def _random_tables(seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    names = [f"P{i}" for i in range(12)]
    events = []
    for i in range(rng.randint(0, 60)):
        precision = rng.choice(["day", "day", "day", "month", None])
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 360))
        value = day.isoformat() if precision == "day" else day.isoformat()[:7] if precision == "month" else None
        events.append(_event(i, i + 1, f"event {i}", rng.sample(names, rng.randint(0, 3)), value, precision))
    ev, qu, _ = make_tables()
    events_df = pd.DataFrame(events, columns=ev.columns)
    places = pd.DataFrame([_place(n, "city", 30 + i, 35 + i) for i, n in enumerate(names)])
    return events_df, qu.iloc[0:0], places


@pytest.mark.parametrize("seed", range(25))
def test_fast_place_counts_equal_the_plain_ones(seed: int) -> None:
    events, quotes, places = _random_tables(seed)
    for f in (Filters(), Filters(date_from=date(2024, 3, 1), date_to=date(2024, 8, 31))):
        s = select(events, quotes, places, f)
        in_view = s.events if f.date_from else pd.concat([s.events, s.undated])
        plain = place_summary(in_view, places)
        got = s.places.set_index("name")[["n_events", "first_date", "last_date"]].sort_index()
        want = plain.set_index("name")[["n_events", "first_date", "last_date"]].sort_index()
        assert list(got.index) == list(want.index)
        assert list(got["n_events"]) == list(want["n_events"])
        for col in ("first_date", "last_date"):
            assert list(pd.to_datetime(got[col])) == list(pd.to_datetime(want[col]))


def test_permalink_round_trip_and_bad_values() -> None:
    f = Filters(date_from=date(2024, 12, 1), date_to=date(2024, 12, 9), kinds=("base", "city"),
                sources=("TASS",), claims=("claimed",), places=("Homs",), query="Latakia province")  # fmt: skip
    again, selected, notes = from_params(to_params(f, "Khmeimim Air Base"))
    assert (again, selected, notes) == (f, "Khmeimim Air Base", [])
    bad, _, notes = from_params({"from": "2024-13-01", "kind": "city|moon", "claim": "maybe", "to": "2024-12-01"})
    assert bad == Filters(date_to=date(2024, 12, 1), kinds=("city",))
    assert len(notes) == 3 and any("moon" in n for n in notes)
    swapped, _, notes = from_params({"from": "2024-12-09", "to": "2024-12-01"})
    assert swapped.date_from is None and "after" in notes[0]


@pytest.mark.parametrize("seed", range(15))
def test_a_place_s_events_from_the_links_equal_a_scan_of_every_event(seed: int) -> None:
    """The panel's fast path (positions from the links) lists what a pass over every event lists."""
    from dashboard.corpus.tables import prepare_events
    from dashboard.views.query import count_for_place, events_for_place

    events, quotes, places = _random_tables(seed)
    events = prepare_events(events)  # as a build stores them: in reading order
    for f in (Filters(), Filters(date_from=date(2024, 3, 1), date_to=date(2024, 8, 31)), Filters(query="event 1")):
        s = select(events, quotes, places, f)
        both = pd.concat([s.events, s.undated])
        for name in [f"P{i}" for i in range(12)] + ["nowhere"]:
            scan = both[both["places"].map(lambda ps, n=name: n in ps)]
            scan = scan.sort_values(["date_first", "doc_id", "line", "start"], na_position="last")
            assert list(events_for_place(s, name)["event_id"]) == list(scan["event_id"])
            assert list(events_for_place(s, name, limit=2)["event_id"]) == list(scan["event_id"][:2])
            assert count_for_place(s, name)[0] == len(scan)
