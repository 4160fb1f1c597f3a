"""Dates in news prose, resolved against a reference date (table-driven, negatives included)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.dates import date_bounds, event_date, find_dates, nearest_year

REF = date(2024, 12, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value", "end", "precision"),
    [
        ("the Dec. 8 downfall of its main ally", "2024-12-08", None, "day"),
        ("talks on December 13 in Geneva", "2024-12-13", None, "day"),
        ("talks on 13 December in Geneva", "2024-12-13", None, "day"),
        ("published on March 22, 2024, and re-published", "2024-03-22", None, "day"),
        ("fighting on Nov. 30-Dec. 1 around Aleppo", "2024-11-30", "2024-12-01", "day"),
        ("strikes on Dec. 7-8 near Homs", "2024-12-07", "2024-12-08", "day"),
        ("strikes on 7-8 December near Homs", "2024-12-07", "2024-12-08", "day"),
        ("the jets struck on Saturday", "2024-12-07", None, "day"),
        ("the jets struck yesterday", "2024-12-09", None, "day"),
        ("two days ago the convoy left", "2024-12-08", None, "day"),
        ("the invasion in February 2022 began", "2022-02", None, "month"),
        ("the base was built in 2015 by Russia", "2015", None, "year"),
        ("ISO dates like 2024-12-08 in data", "2024-12-08", None, "day"),
    ],
)
def test_dates_resolve_to_iso(text: str, value: str, end: str | None, precision: str) -> None:
    found = [d for d in find_dates(text, REF) if d.value]
    assert found, text
    d = found[0]
    assert (d.value, d.end_value, d.precision) == (value, end, precision)
    assert text[d.start : d.end] == d.text  # the evidence is the source's own words


@pytest.mark.parametrize(
    "text",
    [
        "analysts say the offensive in recent days surprised everyone",
        "543 soldiers who died since 2015",
        "assistance expected in the next 72 hours",
        "346 were employees of the Wagner company",
        "the regime may fall within days",  # "may" is not the month
        "Of the total number, 36 double-tap strikes",
    ],
)
def test_vague_or_numeric_words_give_no_day(text: str) -> None:
    assert event_date(find_dates(text, REF)) is None


def test_year_less_date_takes_the_year_nearest_the_reference() -> None:
    assert nearest_year(12, 8, date(2024, 12, 10)) == 2024
    assert nearest_year(1, 2, date(2024, 12, 30)) == 2025  # early January read in late December
    assert nearest_year(12, 30, date(2025, 1, 3)) == 2024
    assert nearest_year(2, 29, date(2024, 3, 1)) == 2024


def test_weekday_means_the_latest_such_day_up_to_the_reference() -> None:
    monday = date(2024, 12, 9)
    (d,) = find_dates("on Monday the rebels entered", monday)
    assert d.value == "2024-12-09"
    (d,) = find_dates("on Sunday the rebels entered", monday)
    assert d.value == "2024-12-08"


def test_on_date_wins_over_an_earlier_background_date() -> None:
    text = "After the offensive in November 2024, the rebels took Damascus on Dec. 8."
    assert event_date(find_dates(text, REF)).value == "2024-12-08"


def test_date_bounds_cover_coarse_dates() -> None:
    assert date_bounds("2022-02", None, "month") == (date(2022, 2, 1), date(2022, 2, 28))
    assert date_bounds("2015", None, "year") == (date(2015, 1, 1), date(2015, 12, 31))
    assert date_bounds("2024-11-30", "2024-12-01", "day") == (date(2024, 11, 30), date(2024, 12, 1))
    assert date_bounds(None, None, None) == (None, None)


def test_impossible_dates_are_not_invented() -> None:
    assert [d for d in find_dates("on Feb. 30 nothing happened", REF) if d.value] == []


SATURDAY = date(2025, 3, 8)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # AP style: the weekday bare after the verb or its object
        ("The two leaders met Saturday in Ankara.", "2025-03-08"),
        ("In a speech Friday, the president said the war was over.", "2025-03-07"),
        ("Jets struck Thursday near Homs.", "2025-03-06"),
        ("They met Tuesday.", "2025-03-04"),
        # "last Saturday" written on a Saturday is a week before, "on Saturday" the same day
        ("The ministers met in Manama last Saturday.", "2025-03-01"),
        ("The ministers met in Manama on Saturday.", "2025-03-08"),
    ],
)
def test_bare_weekdays_and_last_weekday_on_that_weekday(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, SATURDAY)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Worshippers held Friday prayers in the old mosque.",  # a weekday naming a thing
        "He attended Sunday mass with his family.",
        "He travels to the front every Friday.",
        "The vote is due Tuesday.",  # days to come are not read backwards
        "They will meet Tuesday in Rome.",
        "They plan to meet Tuesday in Rome.",
        "The Sunday Times reported the talks.",
    ],
)
def test_weekday_words_that_name_no_past_day(text: str) -> None:
    assert [d.value for d in find_dates(text, SATURDAY)] == []


# Every form of date, in the case and spelling variants the patterns accept: the cues find_dates tests before
# running a pattern must hold for each of their matches, or a date would be skipped unseen.
_EVERY_FORM = [
    "fighting on Nov. 30-Dec. 1, 2024 around Aleppo", "strikes on Dec. 7-8, 2024 near Homs",
    "strikes on 7\u20138 December 2024", "on December 13, 2024", "13 December 2024", "ISO 2024-12-08",
    "on 8.12.2024 in Moscow", "in February 2022", "met SUNDAY", "met on sunday", "YESTERDAY", "Tomorrow",
    "the day before yesterday", "THIS MORNING", "began at 10:05 a.m.", "Three days ago", "2 DAYS AGO",
    "in early 2015", "SINCE 2015", "in Recent Weeks", "recently", "Earlier This Year", "LAST MONTH",
    "this week", "in the coming days", "in the next 48 hours", "Dec. 7 (UPI) --", "Wednesday (Feb 12)",
    "on Christmas Day", "New Year\u2019s Eve", "on Boxing Day", "dated 9/12/2024", "on 9/12", "On the 10th, troops",
    "on the 1st of the month",
]  # fmt: skip


def test_each_date_pattern_match_holds_the_cues_checked_before_it_runs() -> None:
    from pathlib import Path

    from dashboard.extraction import dates

    root = Path(__file__).parent
    texts = _EVERY_FORM + [p.read_text(encoding="utf-8") for p in sorted(root.glob("devcorpus/*.txt"))]
    patterns = [*dates._PATTERNS, ("vague", dates._VAGUE)]
    matched = set()
    for text in texts:
        for kind, pattern in patterns:
            for m in pattern.finditer(text):
                matched.add(kind)
                assert kind not in dates._kinds_without_cue(m.group(0)), (kind, m.group(0))
    assert matched == {kind for kind, _ in patterns}  # every pattern was tried on a text it matches


def test_a_letter_that_only_matches_ignoring_case_still_finds_the_date() -> None:
    # "\u017f" (long s) matches "s" in a case-blind pattern but lower-cases to itself: no cue test may skip it
    assert [(d.text, d.value) for d in find_dates("Fighting went on \u017fince 2015 in the north", REF)] == [
        ("\u017fince 2015", None)
    ]
    assert [d.value for d in find_dates("The jets struck YESTERDAY near Homs", REF)] == ["2024-12-09"]


# -- numbers, ordinals and possessive weekdays (round 13) -------------------------------------------------------------
# Expected days worked out by hand against SATURDAY, 8 March 2025 (this week's Monday is 3 March, last week's 24
# February).


@pytest.mark.parametrize(
    ("text", "day_first", "values"),
    [
        ("The ministry's note dated 4/3/2025 listed the losses.", True, ["2025-03-04"]),
        ("Crossings reopened on 6/3 for buses.", True, ["2025-03-06"]),
        ("The order signed on 3/6 took effect at once.", False, ["2025-03-06"]),
        # nothing in the document says: the reading that lies in the weeks before the reference, if only one does
        ("a notice dated 3/6/2025 was pinned up", None, ["2025-03-06"]),
        ("a notice dated 7/3/2025 was pinned up", None, ["2025-03-07"]),
        ("posted on 25/02/2025 by the council", False, ["2025-02-25"]),  # only one reading is a day
        # look-alikes: no lead word, a share of something, a day still to come, both readings far off
        ("The guards keep a 24/7 watch on the gate.", True, []),
        ("Settlers took on 4/5 of the farmland.", True, []),
        ("Crossings reopen on 6/3 for buses.", False, []),  # 3 June, months after the reference
        ("a notice dated 5/4/2025 was pinned up", None, []),  # 5 April or 4 May: neither just before 8 March
    ],
)
def test_numeric_days_read_in_the_document_s_order(text: str, day_first: bool | None, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, SATURDAY, day_first=day_first) if d.value] == values


def test_a_document_s_own_dates_say_which_number_is_the_day() -> None:
    from dashboard.extraction.dates import writes_day_first

    assert writes_day_first("Filed 21/02/2025. Aid arrived on 3/4.") is True  # 21 can only be a day
    assert writes_day_first("Filed 02/21/2025. Aid arrived on 3/4.") is False
    assert writes_day_first("On 2 March the council met; aid came on 3/4.") is True  # "2 March": day first
    assert writes_day_first("On March 2 the council met; aid came on 3/4.") is False
    assert writes_day_first("On March 2 the council met.") is None  # no number to read


@pytest.mark.parametrize(
    ("text", "month_of", "values"),
    [
        ("Troops withdrew on the 4th, residents said.", None, ["2025-03-04"]),
        ("On the 2nd of the month, the council met in Idlib.", None, ["2025-03-02"]),
        ("Fighting resumed on the 20th near the dam.", None, ["2025-02-20"]),  # after the 8th: last month's
        ("On the 27th, rebels reached the river.", date(2025, 2, 14), ["2025-02-27"]),  # the month the text is at
        ("since the 2nd, the road has been shut", None, []),  # a stretch, no day
        # look-alikes: a floor, an anniversary, a division, two days at once
        ("Families sheltered on the 5th floor of the block.", None, []),
        ("Crowds gathered on the 10th anniversary of the uprising.", None, []),
        ("Shelling was reported on the 3rd and 4th near the dam.", None, []),
        ("Officers of the 4th Division left the base.", None, []),
    ],
)
def test_an_ordinal_day_falls_in_the_month_in_force(text: str, month_of: date | None, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, SATURDAY, month_of) if d.value] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The order came on last week's Thursday, officials said.", ["2025-02-27"]),
        ("A second raid overnight into Friday hit a fuel depot.", ["2025-03-07"]),
        ("Thursday's bombardment of the port killed two sailors.", ["2025-03-06"]),
        ("By Monday's handover of the keys, the guards had gone.", ["2025-03-03"]),
        # look-alikes: a day to come, an event already told (described, not told again), a plan
        ("Ahead of Sunday's vote, crowds gathered in the square.", []),
        ("Thursday's raid was the third on the port this month.", []),
        ("Sunday's summit will open in Doha.", []),
    ],
)
def test_weekdays_of_last_week_overnight_and_possessive(text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, SATURDAY) if d.value] == values
