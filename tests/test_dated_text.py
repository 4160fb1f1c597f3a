"""Dates in the forms reporting uses (issue 10) and page furniture and passing names (issue 11, items 9 and 15).

Each rule has a case where it applies and a look-alike where it must not. Expected days are worked
out by hand against the reference date given in each test (REF is Wednesday 2025-03-05).
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.dates import date_header, dateline_date, find_dates
from dashboard.extraction.extract import Extractor
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

REF = date(2025, 3, 5)  # a Wednesday


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


def days(ex: Extractor, text: str, ref: date = REF) -> list[tuple[int, str | None, str | None]]:
    return [(e.line, e.date, e.date_basis) for e in ex.extract(text, ref).events]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("March 2", "2025-03-02"),
        ("2 March 2025, 09:15 GMT", "2025-03-02"),
        ("## Sunday, March 2", "2025-03-02"),
        ("Updated: 3 March 2025 14:05 local time", "2025-03-03"),
        ("**Dec. 30**", "2024-12-30"),  # a year-less header across the new year
    ],
)
def test_date_lines(line: str, value: str) -> None:
    header = date_header(line, REF)
    assert header is not None and header.value == value and header.basis == "header"


@pytest.mark.parametrize(
    "line",
    ["Strikes on Idlib, March 2", "Rebels took Hama on March 2.", "Update, March 2, 2025: the ceasefire", "2025"],
)
def test_lines_with_more_than_a_date_are_not_date_lines(line: str) -> None:
    assert date_header(line, REF) is None


def test_a_date_line_dates_the_paragraphs_under_it_until_the_next(ex: Extractor) -> None:
    text = (
        "March 1\n"
        "Shelling hit Idlib again overnight.\n"
        "Convoys left Homs for the coast.\n"
        "March 3\n"
        "Rebels entered Hama on Sunday.\n"  # its own day wins over the header
        "Drones struck Raqqa at dawn.\n"
    )
    assert days(ex, text) == [
        (2, "2025-03-01", "header"),
        (3, "2025-03-01", "header"),
        (5, "2025-03-02", "weekday"),
        (6, "2025-03-03", "header"),
    ]


def test_without_a_date_line_a_paragraph_has_no_day(ex: Extractor) -> None:
    assert days(ex, "Shelling hit Idlib again overnight.\nConvoys left Homs for the coast.\n") == [
        (1, None, None), (2, None, None)]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Mar. 4 (UPI) -- Rebels shelled the airport.", "2025-03-04"),
        ("AMMAN, March 3. Jordan closed the crossing.", "2025-03-03"),
        ("MOSCOW, March 4. /TASS/. The ministry said talks would go on.", "2025-03-04"),
    ],
)
def test_datelines(line: str, value: str) -> None:
    d = dateline_date(line, REF)
    assert d is not None and d.value == value


def test_a_city_dateline_without_a_date_gives_none() -> None:
    assert dateline_date("AMMAN (Reuters) - Jordan closed the crossing.", REF) is None


def test_a_dateline_dates_its_paragraph_and_its_own_day_wins(ex: Extractor) -> None:
    text = "Mar. 4 (UPI) -- Jordan closed the crossing near Daraa.\nMar. 4 (UPI) -- Rebels shelled Daraa on Sunday.\n"
    assert days(ex, text) == [(1, "2025-03-04", "dateline"), (2, "2025-03-02", "weekday")]


@pytest.mark.parametrize(
    ("text", "value", "basis"),
    [
        ("Troops left, the army said Monday.", "2025-03-03", "weekday"),
        ("Troops left late Sunday.", "2025-03-02", "weekday"),
        ("Talks resumed on Wednesday (Feb. 26).", "2025-02-26", "text"),  # the written date, not the weekday
        ("Talks resumed on Sunday 2nd March.", "2025-03-02", "text"),
        ("Troops left last Friday.", "2025-02-28", "weekday"),
        ("Troops left yesterday.", "2025-03-04", "relative"),
    ],
)
def test_weekdays_and_their_written_dates(text: str, value: str, basis: str) -> None:
    dated = [d for d in find_dates(text, REF) if d.value]
    picked = [d for d in dated if d.on] or dated
    assert (picked[0].value, picked[0].basis) == (value, basis)


@pytest.mark.parametrize(
    ("line", "day", "precision", "said"),
    [
        # REF is Wednesday 5 March 2025: "on Sunday" is the 2nd, "yesterday" the 4th; the tables say
        # the day was reckoned, not written, so an analyst can weigh it.
        ("Rebels entered Homs on Sunday.", "2025-03-02", "day-inferred", "Sunday"),
        ("Rebels entered the city of Homs yesterday.", "2025-03-04", "day-inferred", "yesterday"),
        ("Rebels entered Homs on 2 March.", "2025-03-02", "day", "2 March"),
        ("Rebels entered Homs on Sunday, March 2.", "2025-03-02", "day", "March 2"),
    ],
)
def test_a_day_reckoned_from_the_publication_date_says_so(
    ex: Extractor, line: str, day: str, precision: str, said: str
) -> None:
    [event] = ex.extract(line, REF).events
    assert (event.date, event.date_precision) == (day, precision)
    assert said in (event.date_text or "")


def test_a_quote_dated_by_a_weekday_says_its_day_was_inferred(ex: Extractor) -> None:
    [quote] = ex.extract('"We are leaving," a Russian officer in Tartus said on Monday.', REF).quotes
    assert (quote.date, quote.date_precision) == ("2025-03-03", "day-inferred")


def test_a_date_line_above_a_paragraph_is_a_day_written_out(ex: Extractor) -> None:
    [event] = ex.extract("March 2\nRebels entered the city of Homs.", REF).events
    assert (event.date, event.date_precision) == ("2025-03-02", "day")


def test_sunday_as_a_name_is_no_date() -> None:
    assert [d.value for d in find_dates("The Sunday Times reported the talks.", REF)] == []


def test_year_less_dates_across_the_new_year() -> None:
    (d,) = find_dates("The ships left on Dec. 30.", date(2025, 1, 2))
    assert d.value == "2024-12-30"
    (d,) = find_dates("Talks are set for Jan. 3.", date(2024, 12, 29))
    assert d.value == "2025-01-03"


# -- page furniture (issue 11, item 9) ----------------------------------------------------------


def test_headings_images_captions_and_titles_make_no_event(ex: Extractor) -> None:
    text = (
        "Fighting near Hama, March 2\n"  # a title line: no full stop
        "\n"
        "# Rebels reach Hama on March 2\n"
        "![Smoke over Hama on March 2](https://example.org/hama.jpg)\n"
        "Smoke rises over Hama on Sunday. Photograph: staff\n"
        "Rebels reached the outskirts of Hama on March 2, residents said.\n"
    )
    assert [e.line for e in ex.extract(text, REF).events] == [6]


def test_a_first_line_that_is_a_sentence_is_news(ex: Extractor) -> None:
    assert [e.line for e in ex.extract("Rebels reached Hama on March 2.\n", REF).events] == [1]


# -- where it happened vs names in passing (issue 11, item 15) -------------------------------------


def test_a_prayer_naming_many_countries_is_no_event_in_those_countries(ex: Extractor) -> None:
    line = "On March 2 the patriarch prayed for the people of Syria, Lebanon, Iraq, Yemen and Sudan."
    (e,) = ex.extract(line, REF).events
    assert e.places == [] and e.mentioned == ["Syria", "Lebanon", "Iraq", "Yemen", "Sudan"]


def test_a_list_of_scenes_after_in_stays_where_it_happened(ex: Extractor) -> None:
    (e,) = ex.extract("Protests broke out on March 2 in Homs, Hama and Latakia.", REF).events
    assert e.places == ["Homs", "Hama", "Latakia"] and e.mentioned == []


@pytest.mark.parametrize(
    ("line", "places", "mentioned"),
    [
        # a state speaking or owning an office is no place at all (issue 10, round 3): neither scene nor mentioned
        ("Russia's defence ministry said on March 2 that jets struck Idlib.", ["Idlib"], []),
        ("Ankara said on March 2 that its troops shelled Tell Rifaat.", ["Tell Rifaat"], []),
        ("Our correspondent in Beirut reports that Israeli jets struck Tyre on March 2.", ["Tyre"], ["Beirut"]),
        ("Russia is moving equipment from Syria to Libya, officials said on March 2.",
         ["Syria", "Libya"], []),  # a country as subject: the actor, no place
        ("Rebels entered Ankara's old town on March 2.", ["Ankara"], []),  # a possessive that is a place
        ("A commander in Homs said on March 2 that the road was cut.", ["Homs"], []),  # not "Homs said"
        ("Rebels pushed on March 2 toward the coast, including Latakia, Hama and Tartus.",
         ["Latakia", "Hama", "Tartus"], []),  # examples of the scene
        # states that meet are actors, no place (round 7; before, the three were "mentioned")
        ("On March 2 Russia, Iran and Turkey met in Astana.", ["Astana"], []),
        # a title's object is no scene and no place (round 7; the labels' "Minister for the Middle East" rule)
        ("Special Envoy for the Middle East and Africa Mikhail Bogdanov spoke in Moscow on March 2.",
         ["Moscow"], []),
        ("Reinforcements for Hama arrived on March 2.", ["Hama"], []),  # "for" with no title before it: a scene
    ],
)  # fmt: skip
def test_places_in_passing_are_mentioned(ex: Extractor, line: str, places: list, mentioned: list) -> None:
    (e,) = ex.extract(line, REF).events
    assert (e.places, e.mentioned) == (places, mentioned)


# A wish, a prayer or an appeal names where the speaker wants something, not where anything happened.
@pytest.mark.parametrize(
    ("line", "mentioned"),
    [
        ("On March 2 he called for peace in Syria, Yemen and Sudan.", ["Syria", "Yemen", "Sudan"]),
        ("\u201cLet us pray for peace in Ukraine, in Gaza, in Sudan,\u201d the bishop said on March 2.",
         ["Ukraine", "Gaza Strip", "Sudan"]),
        # the states urged or called on are addressees, no place at all (round 7); where the wish is for stays
        ("The UN envoy on March 2 urged Turkey to withdraw from Afrin.", ["Afrin"]),
        ("Erdogan called on Russia and Iran on March 2 to rein in Damascus.", ["Damascus"]),
        ("On March 2 the council appealed for calm in Homs and Hama.", ["Homs", "Hama"]),
        ("Mourners said on March 2 they hoped for an end to the war in Syria as well as Yemen.",
         ["Syria", "Yemen"]),
        ("The minister on March 2 expressed solidarity with Lebanon.", ["Lebanon"]),
    ],
)  # fmt: skip
def test_places_wished_for_are_mentioned_not_the_scene(ex: Extractor, line: str, mentioned: list) -> None:
    (e,) = ex.extract(line, REF).events
    assert (e.places, e.mentioned) == ([], mentioned)


@pytest.mark.parametrize(
    ("line", "places", "mentioned"),
    [
        ("Shelling hit Homs and Hama on March 2.", ["Homs", "Hama"], []),
        ("Worshippers prayed in Damascus on March 2 for the first time in years.", ["Damascus"], []),
        ("Protesters in Homs called for the release of prisoners on March 2.", ["Homs"], []),
        ("\u201cWe pray for Syria,\u201d the patriarch said in Damascus on March 2.", ["Damascus"], ["Syria"]),
        ("The envoy called for a ceasefire in Idlib on March 2, hours after jets struck Aleppo.",
         ["Aleppo"], ["Idlib"]),
        ("Rebels on March 2 seized a town called Saraqeb.", ["Saraqib"], []),
        ("On March 2 the UN called for calm; hours later, shells fell on Hama.", ["Hama"], []),
        ("Soldiers standing with their families in Latakia waved on March 2.", ["Latakia"], []),
    ],
)  # fmt: skip
def test_a_scene_beside_a_wish_stays_where_it_happened(ex: Extractor, line: str, places: list, mentioned: list) -> None:
    e = ex.extract(line, REF).events[0]  # (", hours after jets struck Aleppo" is an event of its own too)
    assert (e.places, e.mentioned) == (places, mentioned)


# -- the dateline's city, a square inside a city, a quotation under a date header -------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # where the story was filed is not where it happened: the country named leads
        ("GENEVA, 2 March 2025 \u2013 Aid agencies said hunger was spreading across Yemen.", ["Yemen", "Geneva"]),
        ("Washington, March 2 \u2013 Two cargo aircraft left Khmeimim Air Base for Libya, officials said.",
         ["Khmeimim Air Base", "Libya", "Washington"]),
        # ... unless nothing else is named
        ("GENEVA, 2 March 2025 \u2013 Talks between the two delegations resumed after a short break.", ["Geneva"]),
        # a name the gazetteer lacks, set inside a known place: the known place leads
        ("On March 2 crowds gathered in Sabaa Bahrat Square in Damascus.", ["Damascus", "Sabaa Bahrat Square"]),
        # ... but an unknown place near a known one, not inside it, keeps the lead
        ("On March 2 shells fell in Kafr Ruma, near Idlib.", ["Kafr Ruma", "Idlib"]),
    ],
)  # fmt: skip
def test_the_place_that_leads(ex: Extractor, text: str, places: list) -> None:
    (e,) = ex.extract(text, REF).events
    assert e.places == places


def test_a_quotation_under_a_date_header_whose_places_are_all_quoted_is_no_event(ex: Extractor) -> None:
    text = (
        "March 2\n"
        '"Hama is ours now," a rebel commander said in a video.\n'
        '"The shelling of Hama has stopped," a resident told the radio from Homs.\n'
    )
    out = ex.extract(text, REF)
    # line 3 names Homs outside its quotation: an event, its places in the order of the sentence
    assert [(e.line, e.places) for e in out.events] == [(3, ["Hama", "Homs"])]
    assert [q.date for q in out.quotes] == ["2025-03-02", "2025-03-02"]  # the quotes keep the header's day


def test_an_ap_style_bare_weekday_dates_the_event_and_says_it_was_inferred(ex: Extractor) -> None:
    text = "Turkish and Russian envoys met Monday in Ankara to discuss the Syrian border.\n"
    (event,) = ex.extract(text, REF).events
    assert (event.date, event.date_precision, event.date_text) == ("2025-03-03", "day-inferred", "met Monday")
    assert event.places[0] == "Ankara"
    # a weekday naming a thing dates nothing
    assert days(ex, "Thousands of worshippers attended Friday prayers in Ankara after the envoys left.\n") == [
        (1, None, None)]  # fmt: skip


def test_the_port_and_the_city_are_the_place_named_in_the_sentence_before(ex: Extractor) -> None:
    text = "In Tartus, Russian ships left the harbour on March 2. The port was quiet on March 3, workers said.\n"
    assert [e.places for e in ex.extract(text, REF).events] == [["Tartus"], ["Tartus"]]
    # a sentence with no such reference back keeps no place
    other = "In Tartus, Russian ships left the harbour on March 2. Workers said prices rose on March 3.\n"
    assert [e.places for e in ex.extract(other, REF).events] == [["Tartus"], []]
    # nor does it cross into a new entry of a live page
    entries = "10:05 GMT\nIn Tartus, ships left on March 2.\n10:40 GMT\nThe port reopened on March 3.\n"
    assert [e.places for e in ex.extract(entries, REF).events] == [["Tartus"], []]
    # "the city" inside a quotation, or in a sentence with no day, makes no event of its own
    quoted = 'In Homs, troops left on March 2. "The army has left the city," a resident said.\nQ: Is the port open?\n'
    assert [e.text for e in ex.extract(quoted, REF).events] == ["In Homs, troops left on March 2."]


def test_where_a_reporter_files_from_is_not_where_it_happened(ex: Extractor) -> None:
    (e,) = ex.extract("Our reporter, reporting from Beirut, said jets struck Tyre on March 2.\n", REF).events
    assert (e.places, e.mentioned) == (["Tyre"], ["Beirut"])


BYLINE_REF = date(2025, 1, 23)


def test_one_date_line_atop_an_article_is_its_byline_not_every_paragraph_s_day(ex: Extractor) -> None:
    text = (
        "January 23, 2025\n"
        "Russian ships have left the port of Tartus, satellite images show.\n"
        "The ministry has yet to respond publicly.\n"
        "Rebels entered the city of Homs on Dec. 7.\n"
    )
    # The analysis came out on the 23rd: its paragraphs did not all happen that day. Line 2 keeps its
    # place and no day; line 3 names no place and no day of its own, so it is no event; line 4 keeps its day.
    assert [(e.line, e.date, e.places) for e in ex.extract(text, BYLINE_REF).events] == [
        (2, None, ["Tartus"]), (4, "2024-12-07", ["Homs"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a chronicle: two date lines
        "January 22\nRussian ships left the port of Tartus.\nJanuary 23\nRebels entered the city of Homs.\n",
        # a live page: one date line over time-stamped entries
        "Thursday 23 January 2025\n09.15 GMT\nRussian ships left the port of Tartus.\n",
        "Thursday 23 January 2025\nUpdated at 09.15 GMT\nRussian ships left the port of Tartus.\n",
        # one date line that is not the day the article came out
        "January 20\nRussian ships left the port of Tartus.\n",
        # a date line lower down: a section of its own
        "Russian ships were seen near Cyprus last month.\nWarships sailed past Crete.\nThe navy said little.\n"
        "January 23, 2025\nRussian ships left the port of Tartus.\n",
    ],
)
def test_a_date_line_still_dates_chronicles_live_pages_and_sections(ex: Extractor, text: str) -> None:
    tartus = [e for e in ex.extract(text, BYLINE_REF).events if "Tartus" in e.places]
    assert [e.date_basis for e in tartus] == ["header"] and tartus[0].date is not None


@pytest.mark.parametrize(
    ("line", "value"),
    [("Sun 8 Dec 2024 17.52 GMT", "2024-12-08"), ("Sat. 7 Dec 2024", "2024-12-07"), ("Thu 5 December", "2024-12-05")],
)
def test_a_date_line_with_a_short_weekday(line: str, value: str) -> None:
    header = date_header(line, date(2024, 12, 10))
    assert header is not None and header.value == value


def test_a_sentence_with_sun_in_it_is_no_date_line() -> None:
    assert date_header("The Sun rose on Dec 8", date(2024, 12, 10)) is None


# -- sentences a date line dates that are no event (issue 10, round 7) --------------------------------------
# Under the header "2 March 2025" (three days before REF, so a chronicle's day, not the byline date).


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # the newsroom speaking to its readers
        ("We will keep you updated on the talks in Geneva as they happen.", False),
        ("Good morning and welcome to our live coverage of the talks.", False),
        ("The envoy will keep the talks in Geneva going, officials said.", True),
        ("Officials welcomed the delegates to Geneva with a short ceremony.", True),
        # a bare attribution whose quotation follows, or one with a place of its own
        ("The envoy for the talks then said:", False),
        ("The envoy for the talks told reporters in Geneva:", True),
        # a report going on: its event is the report before
        ("It added that its troops in Homs were on high alert.", False),
        ("Its troops in Homs were put on high alert, the ministry said.", True),
        # a note of what a source did not say
        ("The ministry did not say where the convoy was.", False),
        ("The ministry said where the convoy was heading.", True),
        # a credit line and a standfirst
        ("Sources: Reuters, AP, the ministry of defence.", False),
        ("Sources in Homs said the road to the coast was cut.", True),
        ("A look at how the talks in Geneva came apart.", False),
        ("A lookout in Homs saw the convoy pass at dawn.", True),
    ],
)  # fmt: skip
def test_sentences_under_a_date_line_that_are_no_event(ex: Extractor, sentence: str, event: bool) -> None:
    text = f"Title line of the page\n2 March 2025\n{sentence}"
    assert days(ex, text) == ([(3, "2025-03-02", "header")] if event else [])


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The Security Council met this morning in New York.", "2025-03-05"),
        ("The envoys will meet again tonight in Geneva.", "2025-03-05"),
        ("The meeting began at 10:05 a.m. and ended at 1:12 p.m.", "2025-03-05"),
        ("Shops in Homs open at 10 a.m. and close at dusk.", None),  # a habit, no day
        ("The council meets every morning in New York.", None),
    ],
)  # fmt: skip
def test_the_morning_and_the_clock_time_of_the_day_of_writing(ex: Extractor, sentence: str, value: str | None) -> None:
    found = [e.date for e in ex.extract(sentence, REF).events]
    if value is None:
        assert all(d is None for d in found)
    else:
        assert found == [value]


# -- which of several places is where it happened (issue 10, round 7) ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # a place named only in a clause about someone is background
        ("Amal Haddad, who ran the clinic in Idlib, was named health minister in Damascus on March 2.", "Damascus"),
        ("MOSCOW, March 2 (Reuters) - The Kremlin said on Sunday that it had taken in the general, who fled Damascus.",
         "Moscow"),
        # look-alikes: the same places outside such a clause, and "where", which names the scene
        ("Amal Haddad ran the clinic in Idlib and was named health minister in Damascus on March 2.", "Idlib"),
        ("MOSCOW, March 2 (Reuters) - The Kremlin said on Sunday that the general fled Damascus.", "Damascus"),
        ("On March 2 the general flew to Russia, where he was granted asylum.", "Russia"),
        # a nation's capital by its adjective
        ("Envoys travelled to the Syrian capital on March 2.", "Damascus"),
        ("Envoys travelled on March 2 to the Syrian coast near Latakia.", "Latakia"),
        # an airport named after its town: the town leads
        ("Russian troops left Qamishli airport on March 2.", "Qamishli"),
        ("Russian troops left the Khmeimim air base on March 2.", "Khmeimim Air Base"),
    ],
)  # fmt: skip
def test_the_place_where_it_happened_leads(ex: Extractor, text: str, lead: str) -> None:
    events = ex.extract(text, REF).events
    assert events and events[-1].places[0] == lead


# -- an article's byline under its masthead; a web page's own publication stamp (issue 10, round 8) ----------


@pytest.mark.parametrize(
    "top",
    [
        "Analysis\nThe ports are slipping away\n\nAnna Berg Diplomatic editor\nThu 23 Jan 2025 06.00 GMT\n",
        "Commentary\nAfter the fall, why the navy still waits\n\nLena Ivanova\nJanuary 23, 2025\n",
        # a standfirst of more than 16 words and no full stop, then the authors and the stamp
        "Russia's bargain in Syria\nThe envoy came with debts to forgive and wheat to sell, and the new rulers in the "
        "capital want much more than that\nAnna Berg in Beirut\nPublished January 23 2025\n",
        # the page's stamp with its time, no "Published" word
        "Ruble slides on Syria\nBy Anna Berg\nJanuary 23, 2025 at 9:41 AM GMT+3\n",
    ],
)
def test_a_date_line_under_a_masthead_is_the_byline(ex: Extractor, top: str) -> None:
    text = top + "Russian ships have left the port of Tartus, satellite images show.\nRebels entered Homs on Dec. 7.\n"
    # kicker, title, author, then the day the piece came out: no paragraph happened on it by that token
    assert [(e.date, e.places) for e in ex.extract(text, BYLINE_REF).events] == [
        (None, ["Tartus"]), ("2024-12-07", ["Homs"])
    ]


@pytest.mark.parametrize(
    "stamp",
    ["Published On 23 Jan 2025", "Published date: 23 January 2025 12:40 GMT",
     "Last updated: Jan. 23, 2025, 3:14 p.m. ET", "Posted 23/01/2025 09:12",
     # a report's "as of" date, a page's "Issued on", an agency's stamp on a line of its own
     "As of 23 January 2025", "Issued on: 23/01/2025 - 10:14", "TARTUS, Syria (Coast Wire) \u2013 2025-01-23",
     # the city whose clock the time is, and the reading time after a middle dot
     "Published on January 23, 2025, at 9:30 am (Paris) \u00b7 4 min read", "Updated 23.01.2025, 11:02 (Moscow time)",
     # and the page's links after it, between middle dots or bullets
     "Published on 23 January 2025 \u00b7 4 min read \u00b7 Read in Arabic",
     "23 Jan 2025 \u2022 Updated 2 hours ago \u2022 Share"],
)
def test_a_page_s_publication_stamp_is_no_event(ex: Extractor, stamp: str) -> None:
    text = f"Russian ships leave Tartus\n{stamp}\nRussian ships left the port of Tartus on Jan. 21.\n"
    assert [(e.line, e.date) for e in ex.extract(text, BYLINE_REF).events] == [(3, "2025-01-21")]


def test_an_agency_dateline_that_opens_the_lead_is_still_its_event(ex: Extractor) -> None:
    text = "Russian ships leave Tartus\nTARTUS, Syria (Coast Wire) \u2013 Russian ships left the port on Jan. 21.\n"
    assert [(e.line, e.date) for e in ex.extract(text, BYLINE_REF).events] == [(2, "2025-01-21")]


def test_a_sentence_that_opens_with_published_is_still_an_event(ex: Extractor) -> None:
    text = "Published on Jan. 21, 2025, the report said Russian ships left Tartus that day.\n"
    (e,) = ex.extract(text, BYLINE_REF).events
    assert (e.date, e.places) == ("2025-01-21", ["Tartus"])


def test_an_updated_footer_does_not_make_a_byline_a_chronicle(ex: Extractor) -> None:
    text = (
        "Putin and the new president hold a first call\nAnna Berg, Abu Dhabi\nJan 23, 2025\n"
        "Russian ships have left the port of Tartus, satellite images show.\n"
        "Updated: January 23, 2025, 11:02 AM\n"
    )
    assert [(e.date, e.places) for e in ex.extract(text, BYLINE_REF).events] == [(None, ["Tartus"])]


LIVE_REF = date(2025, 1, 23)


def test_a_live_page_s_time_stamped_entries_are_of_the_page_s_day(ex: Extractor) -> None:
    text = (
        "January 23, 2025 - Russian ships leave Syria\nBy Anna Berg\nUpdated 6:48 p.m. ET, January 23, 2025\n"
        "6:40 p.m. ET\nRussian ships left the port of Tartus, officials said.\n"
        "3:12 p.m. ET\nRebels entered the city of Homs.\nThe army had fled Hama on Jan. 21.\n"
    )
    assert [(e.line, e.date) for e in ex.extract(text, LIVE_REF).events] == [
        (5, "2025-01-23"), (7, "2025-01-23"), (8, "2025-01-21")
    ]


def test_one_time_stamp_atop_an_article_dates_no_paragraph(ex: Extractor) -> None:
    text = "Russian ships leave Syria\n06.00 GMT\nRussian ships have left the port of Tartus, images show.\n"
    assert [(e.date, e.places) for e in ex.extract(text, LIVE_REF).events] == [(None, ["Tartus"])]


def test_a_sentence_that_opens_with_a_time_is_no_entry_stamp(ex: Extractor) -> None:
    text = (
        "6:40 p.m. ET\n10:05 a.m. the ministry said ships left Tartus.\n"
        "3:12 p.m. ET\nRebels entered the city of Homs.\n"
    )
    # two stamps make a live page of the page's day; the line opening with a time is a sentence of the first entry
    assert [(e.line, e.date) for e in ex.extract(text, LIVE_REF).events] == [(2, "2025-01-23"), (4, "2025-01-23")]
