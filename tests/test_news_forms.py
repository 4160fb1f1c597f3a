"""Forms of news writing from the third round of issue 10, each with a case and a look-alike.

Sentences written for these tests; none come from the seed or the development corpus. Expected
speakers, days and places are what a reader finds, worked out by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.dates import date_header, find_dates
from dashboard.extraction.extract import Extraction, Extractor
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

REF = date(2024, 12, 16)  # a Monday


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


def days(result: Extraction) -> list[tuple[str | None, str]]:
    return [(e.date, e.text[:24]) for e in result.events]


def speakers(result: Extraction) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in result.quotes]


# -- footnoted sources ----------------------------------------------------------------------------


def test_a_footnote_marker_after_the_full_stop_ends_the_sentence(ex: Extractor) -> None:
    r = ex.extract("Forces left Homs on December 12.[1] Jets struck Hama on December 13.[2]", REF)
    assert [(e.date, e.places[:1]) for e in r.events] == [("2024-12-12", ["Homs"]), ("2024-12-13", ["Hama"])]


def test_a_footnote_marker_inside_a_sentence_does_not_cut_it(ex: Extractor) -> None:
    r = ex.extract("Forces left Homs [1] for the coast on December 12 and Hama a day before.", REF)
    assert len(r.events) == 1


def test_a_footnote_line_is_a_source_not_an_event(ex: Extractor) -> None:
    r = ex.extract("Sources\n[2] Satellite imagery of Homs, December 12, 2024\n", REF)
    assert r.events == []


def test_a_sentence_ending_in_a_footnote_marker_is_still_an_event(ex: Extractor) -> None:
    r = ex.extract("Rebels entered Homs on December 12.[2]\n", REF)
    assert [(e.date, e.places) for e in r.events] == [("2024-12-12", ["Homs"])]


# -- speakers -------------------------------------------------------------------------------------


def test_a_short_paragraph_that_closes_an_open_quotation_is_its_speakers(ex: Extractor) -> None:
    text = ('Leila Mansour, a historian, said the city was calm. "They built nothing here," she said. '
            '"Not a school, not a hospital.\n"Only the base."\n')  # fmt: skip
    assert speakers(ex.extract(text, REF))[-1] == ("Only the base.", "Leila Mansour")


def test_a_short_quoted_paragraph_after_a_closed_quotation_is_not_a_quotation(ex: Extractor) -> None:
    text = 'Leila Mansour, a historian, said the city was calm. "They built nothing," she said.\n"Only the base."\n'
    assert [t for t, _ in speakers(ex.extract(text, REF))] == ["They built nothing"]


def test_a_time_opening_the_sentence_is_not_the_speaker(ex: Extractor) -> None:
    r = ex.extract('Early Sunday, rebels announced on state television that Damascus had been "liberated."', REF)
    assert speakers(r) == [("liberated.", "rebels")]


def test_a_name_that_is_also_a_weekday_is_still_a_speaker(ex: Extractor) -> None:
    r = ex.extract('Sunday Adeyemi, a local official, said: "The roads are open again."', REF)
    assert [(q.speaker, q.role) for q in r.quotes] == [("Sunday Adeyemi", "local official")]


def test_the_spokesman_is_the_unnamed_spokesman_described_before(ex: Extractor) -> None:
    text = ('A Russian naval spokesman, reached by telephone in Sevastopol, declined to discuss the ships. '
            '"The fleet operates in accordance with its plans," the spokesman said.')  # fmt: skip
    assert speakers(ex.extract(text, REF))[0][1] == "Russian naval spokesman"


def test_the_spokesman_is_the_named_one_when_a_name_is_given(ex: Extractor) -> None:
    text = ('A Russian naval spokesman, Ivan Petrov, said the ships were at sea. '
            '"The fleet operates in accordance with its plans," the spokesman said.')  # fmt: skip
    assert speakers(ex.extract(text, REF))[0][1] == "Ivan Petrov"


CAFE = ('"They came every evening and paid in dollars," said Samir Khoury.\n'
        '"They built nothing that will outlast them," said Leila Mansour.\n')  # fmt: skip


def test_a_known_surname_opening_a_sentence_is_the_next_he(ex: Extractor) -> None:
    text = CAFE + 'Back at the cafe, Khoury poured another coffee. "Write that we are still open," he said.\n'
    assert speakers(ex.extract(text, REF))[-1] == ("Write that we are still open", "Samir Khoury")


def test_a_street_named_like_a_speaker_is_not_a_reference_to_him(ex: Extractor) -> None:
    text = CAFE + 'On Khoury Street, a waiter poured coffee. "Write that we are still open," he said.\n'
    assert speakers(ex.extract(text, REF))[-1][1] != "Samir Khoury"


TRANSCRIPT = (
    "The commander of the front, Sipan Hemo, spoke to our reporter in Hasakah on Tuesday.\n"
    "Q: Will the factions take the dam?\n"
    "A: No. We have held the dam for five weeks.\n"
    "REPORTER: Do you expect talks?\n"
    "HEMO: We are ready to talk to anyone.\n"
)


def test_answers_in_a_transcript_are_the_interviewees_words(ex: Extractor) -> None:
    assert speakers(ex.extract(TRANSCRIPT, REF)) == [
        ("No. We have held the dam for five weeks.", "Sipan Hemo"),
        ("We are ready to talk to anyone.", "Sipan Hemo"),
    ]


def test_a_labelled_line_outside_a_transcript_is_not_a_quotation(ex: Extractor) -> None:
    text = "UPDATE: Rebels entered Homs on December 8.\nNOTE: Sipan Hemo spoke to us on Tuesday.\n"
    assert ex.extract(text, REF).quotes == []


# -- dates ----------------------------------------------------------------------------------------


def test_a_day_written_with_dots_is_day_month_year() -> None:
    assert [d.value for d in find_dates("On 8.12.2024 rebels entered Damascus.", REF)] == ["2024-12-08"]
    assert date_header("6.12.2024", REF).value == "2024-12-06"


def test_numbers_with_dots_that_are_no_day_are_left_alone() -> None:
    assert find_dates("Prices rose 3.5 percent; build 12.25.2024 and 1.2.2024.5 shipped.", REF) == []


def test_a_weekday_under_a_date_header_counts_back_from_the_header(ex: Extractor) -> None:
    text = "Saturday, December 7, 2024\nTroops left the suburbs of Homs on Friday, residents said.\n"
    assert [e.date for e in ex.extract(text, REF).events] == ["2024-12-06"]


def test_a_weekday_with_no_header_counts_back_from_publication(ex: Extractor) -> None:
    text = "Troops left the suburbs of Homs on Friday, residents said.\n"
    assert [e.date for e in ex.extract(text, REF).events] == ["2024-12-13"]


def test_days_later_count_from_the_day_the_text_was_at(ex: Extractor) -> None:
    # (the first sentence under the date line is of its day: the line says which day "later" came to; see
    # test_news_events.py's chronicles with titled days)
    text = ("December 9\nThe first convoy reached Homs.\nTwo days later, the first aircraft left Khmeimim for Libya.\n"
            "The next day, trucks left Homs.\n")
    assert [e.date for e in ex.extract(text, REF).events] == ["2024-12-09", "2024-12-11", "2024-12-12"]


def test_days_later_with_no_day_before_give_no_day(ex: Extractor) -> None:
    r = ex.extract("Two days later, the first aircraft left Khmeimim for Libya.\n", REF)
    assert [e.date for e in r.events] == [None]
    r = ex.extract("December 9\nThe day after the vote, a convoy left Homs.\n", REF)
    assert [e.date for e in r.events] == ["2024-12-09"]  # the header's day: "the day after the vote" has its own anchor


def test_a_vague_time_is_not_the_headers_day(ex: Extractor) -> None:
    text = "December 9\nThis week, the Security Council is due to meet in Geneva.\n"
    assert [e.date for e in ex.extract(text, REF).events] == [None]


def test_a_sentence_with_no_time_of_its_own_takes_the_headers_day(ex: Extractor) -> None:
    text = "December 9\nThe Security Council met in Geneva.\n"
    assert [e.date for e in ex.extract(text, REF).events] == ["2024-12-09"]


# -- places ---------------------------------------------------------------------------------------

MARCH = date(2025, 3, 5)


def scene(ex: Extractor, line: str) -> list[tuple[list[str], list[str]]]:
    return [(e.places, e.mentioned) for e in ex.extract(line, MARCH).events]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Moscow said on March 2 that jets struck Idlib.", [(["Idlib"], [])]),  # the government speaking
        ("Russia's foreign ministry reported on March 2 that jets struck Idlib.", [(["Idlib"], [])]),  # its office
        ("The foreign ministers of Russia, Iran and Turkey met in Doha on March 2.", [(["Doha"], [])]),
        ("GUR reported on March 2 that Russia is moving systems from Syria to Libya.", [(["Syria", "Libya"], [])]),
    ],
)  # fmt: skip
def test_a_state_acting_is_no_place(ex: Extractor, line: str, expected: list) -> None:
    assert scene(ex, line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Assad fled to Moscow on March 2, officials said.", [(["Moscow"], [])]),
        ("Families of Homs and Hama gathered in Doha on March 2.", [(["Doha"], ["Homs", "Hama"])]),
        ("Rebels who entered Syria have taken Homs on March 2.", [(["Homs", "Syria"], [])]),
    ],
)  # fmt: skip
def test_a_place_where_people_are_or_go_stays_a_place(ex: Extractor, line: str, expected: list) -> None:
    assert scene(ex, line) == expected


def test_a_name_before_a_business_or_a_family_is_no_place(ex: Extractor) -> None:
    assert scene(ex, "Fighters met at the Bahri cafe in Tartus on March 2.") == [(["Tartus"], [])]
    assert scene(ex, "It ended the rule of the Makhlouf family in Jableh on March 2.") == [(["Jableh"], [])]


def test_a_feature_of_the_land_is_part_of_the_name(ex: Extractor) -> None:
    assert scene(ex, "Fighters clashed near the Tishrin dam on March 2.") == [(["Tishrin dam"], [])]


def test_a_people_is_no_place(ex: Extractor) -> None:
    assert scene(ex, "The city of Tartus had grown used to the Russians by March 2.") == [(["Tartus"], [])]


def test_a_region_named_in_the_plural_is_a_place(ex: Extractor) -> None:
    assert scene(ex, "The convoy drove to the Balkans on March 2.") == [(["Balkans"], [])]


def test_a_named_site_is_a_place_wherever_it_stands(ex: Extractor) -> None:
    assert scene(ex, "Crowds visited the Umayyad Mosque on March 2.") == [(["Umayyad Mosque"], [])]


def test_a_platform_before_a_site_word_is_no_site(ex: Extractor) -> None:
    assert scene(ex, "Sellers posted on Telegram Market on March 2 about Homs.") == [(["Homs"], [])]


def test_the_dateline_is_named_with_the_first_sentence(ex: Extractor) -> None:
    r = ex.extract("DUBAI, January 2. Russia has begun loading equipment at the port of Tartus.", MARCH)
    assert [(e.date, e.places) for e in r.events] == [("2025-01-02", ["Tartus", "Dubai"])]


def test_a_sentence_naming_no_place_in_a_dateline_paragraph_is_at_the_dateline(ex: Extractor) -> None:
    r = ex.extract("TARTUS, Syria — The navy left long ago. On Wednesday, the tables were empty.", MARCH)
    assert [(e.date, e.places) for e in r.events][-1] == ("2025-03-05", ["Tartus", "Syria"])


def test_a_sentence_naming_no_place_without_a_dateline_has_none(ex: Extractor) -> None:
    r = ex.extract("The navy left Tartus long ago. On Wednesday, the tables were empty.", MARCH)
    assert [(e.date, e.places) for e in r.events][-1] == ("2025-03-05", [])


def test_days_later_count_from_an_inferred_day_too(ex: Extractor) -> None:
    text = "Rebels entered Homs last Friday.\nThe next day, jets struck Hama.\n"  # Friday before Monday 16 Dec
    assert [e.date for e in ex.extract(text, REF).events] == ["2024-12-13", "2024-12-14"]
