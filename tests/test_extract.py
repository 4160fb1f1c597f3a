"""Extraction of places, quotes and events, on sentences of our own and on the seed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.extraction.extract import Extractor
from dashboard.extraction.quotes import parse_speaker
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

REF = date(2024, 12, 10)
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_30cf977f6c52e3a0.txt"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


def places_in(ex: Extractor, text: str) -> list[str]:
    return [m.place for m in ex.find_places(text) if m.known]


# -- places -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ships stay at the Tartus naval base for now.", ["Tartus naval facility"]),
        ("Fighting reached Tartus on Monday.", ["Tartus"]),
        ("Rebels took the Latakia province overnight.", ["Latakia Governorate"]),
        ("Rebels neared Latakia overnight.", ["Latakia"]),
        ("Jets left the Kheimin airbase.", ["Khmeimim Air Base"]),
        ("Jets left Hmeimim.", ["Khmeimim Air Base"]),
        ("Jets left the Khmeimim Air Base.", ["Khmeimim Air Base"]),
        ("Syria's capital fell.", ["Syria"]),
        ("Russia’s influence waned.", ["Russia"]),  # curly possessive
        ("Homs is located between Damascus, Syria's capital, and the coast.", ["Homs", "Damascus", "Syria"]),
        ("The rebels entered Deir ez-Zor.", ["Deir ez-Zor"]),
    ],
)
def test_places_by_name_or_alias_longest_first(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_in(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("analysts have told the Kyiv Independent.", "Kyiv"),
        ("said the Syrian Observatory for Human Rights.", "Syria"),
        ("Russian forces withdrew.", "Russia"),  # an adjective is not a place
        ("Syrian rebels advanced.", "Syria"),
        ("five different U.S. officials told CNN", "United States"),
        ("the so-called Africa Corps arrived", "Africa"),
        ("tell us what you saw", "United States"),
    ],
)
def test_names_that_are_not_place_mentions(ex: Extractor, text: str, not_expected: str) -> None:
    assert not_expected not in places_in(ex, text)


def all_places_in(ex: Extractor, text: str) -> list[str]:
    ex.extract(text, REF)  # a fresh document: no people learnt from an earlier one
    return [m.place for m in ex.find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place inside an organisation's name is not a place ...
        ("Lim Tan, a lecturer at the National University of Singapore, said the deal would hold.", []),
        ("The University of Damascus reopened its library.", []),
        ("The Russian Centre for Reconciliation of the Opposing Parties said two convoys reached Homs.", ["Homs"]),
        ("Analysts at Gulf Stability Strategies said the port in Tartus would stay closed.", ["Tartus"]),
        # ... while a place after "of" with no organisation before it is one
        ("The people of Damascus came out to celebrate.", ["Damascus"]),
        ("Ministers met in the city of Homs.", ["Homs"]),
        # a nickname, a longer name the gazetteer lacks
        ("The village, known as Little Moscow for its Russian-speaking families, was shelled.", []),
        ("The offensive reached New Aleppo by nightfall.", ["New Aleppo"]),
        # a person or a people is not a place
        ("Forces loyal to Assad retreated from Hama.", ["Hama"]),
        ("Crowds celebrated the fall of Assad in Damascus.", ["Damascus"]),
        ("Thousands of Syrians crossed from Lebanon.", ["Lebanon"]),
        ("Radio Levant spoke on Friday to Samir Haddad about the port.", []),  # a person spoken to
        ("Radio Levant spoke to listeners in Tartus about the port.", ["Tartus"]),
    ],
)
def test_names_inside_organisations_nicknames_and_people_are_not_places(
    ex: Extractor, text: str, expected: list[str]
) -> None:
    assert all_places_in(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trucks used the Cilvegözü border crossing.", ["Cilvegözü"]),
        ("Families returned through the Yayladağı crossing and the al-Khadim checkpoint.", ["Yayladağı", "al-Khadim"]),
        ("The Bab al-Hawa crossing reopened.", ["Bab al-Hawa"]),
        ("Saydnaya prison was opened by rebels.", ["Saydnaya"]),
        ("Families returned through Cilvegözü.", ["Cilvegözü"]),  # "through" is a place preposition
        ("An Israeli prison held him.", []),
        ("Trucks queued at the Turkish border crossing.", []),  # an adjective, not a name
        ("A Russian checkpoint was removed.", []),
    ],
)
def test_a_named_crossing_checkpoint_or_prison_is_a_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert all_places_in(ex, text) == expected


def test_a_country_named_as_a_noun_still_counts(ex: Extractor) -> None:
    assert "United States" in places_in(ex, "The delegation flew to the U.S. on Friday.")


def test_unknown_name_after_a_preposition_is_kept_as_a_candidate(ex: Extractor) -> None:
    found = ex.find_places("Shelling hit the village of Kafr Zeita near the front.")
    unknown = [m for m in found if not m.known]
    assert [m.surface for m in unknown] == ["Kafr Zeita"]


def test_people_are_not_place_candidates(ex: Extractor) -> None:
    text = "Russia backed Syrian President Bashar al-Assad. Support for Assad waned."
    ex.extract(text, REF)  # learns the document's people
    assert not [m for m in ex.find_places("Support for Assad waned.") if not m.known]


# -- quotes -------------------------------------------------------------------------

QUOTE_CASES = [
    ('"We will not leave the base," Pope Francis said on Dec. 8.', "Pope Francis", None, "We will not leave the base"),
    ('"We will not leave the base," said Foreign Minister Sergei Lavrov.', "Sergei Lavrov", "Foreign Minister",
     "We will not leave the base"),
    ('U.S. President Joe Biden said: "Russia\'s support for Assad also failed."', "Joe Biden", "U.S. President",
     "Russia's support for Assad also failed."),
    ('Kremlin spokesperson Dmitry Peskov said that "the bases remain in Russian hands for now."', "Dmitry Peskov",
     "Kremlin spokesperson", "the bases remain in Russian hands for now."),
    ('"The city has fallen to the rebels," two senior army officers told Reuters.', "two senior army officers", None,
     "The city has fallen to the rebels"),
    ('In a post on X, top EU diplomat Kaja Kallas described it as a “positive and long-awaited development,"'
     ' saying that the collapse "shows the weakness of Assad’s backers."', "Kaja Kallas", "top EU diplomat",
     "positive and long-awaited development"),
    ('"Russia has established a scheme to recruit Syrians" to fight, HUR said on social media.', "HUR", None,
     "Russia has established a scheme to recruit Syrians"),
    ('"The tyrant has fled and the city is free," rebel leaders claimed on Dec. 8.', "rebel leaders", None,
     "The tyrant has fled and the city is free"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "speaker", "role", "text"), QUOTE_CASES)
def test_quote_speaker_role_and_text(ex: Extractor, line: str, speaker: str, role: str | None, text: str) -> None:
    quotes = ex.extract(line, REF).quotes
    assert quotes, line
    q = quotes[0]
    assert (q.speaker, q.role, q.text) == (speaker, role, text)
    assert line[q.start : q.end] == q.text


def test_participle_and_continuation_keep_the_speaker(ex: Extractor) -> None:
    line = (
        '"Assad\'s backers have all been weakened and distracted," U.S. National Security Adviser Jake Sullivan said.'
        ' Russia cannot provide support while "ground down in a war of attrition" in Ukraine.'
    )
    quotes = ex.extract(line, REF).quotes
    assert [q.speaker for q in quotes] == ["Jake Sullivan", "Jake Sullivan"]
    assert quotes[0].role == "U.S. National Security Adviser"


def test_coordinated_verb_keeps_the_first_subject(ex: Extractor) -> None:
    line = (
        'According to the readout, Syrian leader Bashar al-Assad said he was "happy to see" Russian President'
        ' Vladimir Putin again and emphasized that "relations between our nations have been based on trust."'
    )
    quotes = ex.extract(line, REF).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Bashar al-Assad", "Syrian leader")] * 2


@pytest.mark.parametrize(
    "line",
    [
        'the usage of "double-tap" attacks, a tactic Russia has repeated in Ukraine.',
        'Russian troops have suffered "significant" losses, and "hundreds" are missing.',
        'granted asylum on "humanitarian grounds."',
        "published by the blog “The Counteroffensive with Tim Mak” on March 22, 2024.",
        'To subscribe to "The Counteroffensive," click here.',
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(ex: Extractor, line: str) -> None:
    assert ex.extract(line, REF).quotes == []


def test_parse_speaker_splits_title_from_name() -> None:
    assert parse_speaker("Russian state news agency TASS") == ("TASS", "Russian state news agency")
    assert parse_speaker("the Ukrainian military intelligence agency (HUR)") == (
        "HUR", "Ukrainian military intelligence agency")  # fmt: skip
    assert parse_speaker("Reuters on Dec. 8") == ("Reuters", None)


# -- events ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "claim"),
    [
        ("Rebels captured Homs on Dec. 7, Reuters reported.", "reported"),
        ("Rebels claim to have reached Damascus on Dec. 7.", "claimed"),
        ("Rebels reached Damascus on Dec. 7, according to HUR.", "claimed"),
        ("Reuters on Dec. 8 reported that Assad died near Homs. Reuters later deleted the information.", "retracted"),
        ("Moscow denied that troops left Tartus on Dec. 9.", "retracted"),
    ],
)
def test_claim_status(ex: Extractor, line: str, claim: str) -> None:
    events = ex.extract(line, REF).events
    assert events[0].claim == claim
    if claim == "retracted" and "deleted" in line:
        assert len(events) == 1 and "later deleted" in (events[0].claim_evidence or "")


def test_event_carries_date_places_sources_and_span(ex: Extractor) -> None:
    line = (
        "Syrian opposition fighters took control of the Latakia province, where Russian military facilities"
        " – the Kheimin airbase and the Tartus naval base – are based, Russian state news agency TASS reported"
        " on Dec. 9, citing a Syrian source."
    )
    (e,) = ex.extract(line, REF).events
    assert e.date == "2024-12-09" and e.date_precision == "day"
    assert e.places == ["Latakia Governorate", "Khmeimim Air Base", "Tartus naval facility"]
    assert e.sources == ["TASS"]
    assert line[e.start : e.end] == e.text


def test_vague_sentence_keeps_no_day(ex: Extractor) -> None:
    (e,) = ex.extract("The shock capture of Aleppo in recent days dealt a blow to Russia.", REF).events
    assert e.date is None and e.date_precision is None


def test_repeated_snippet_yields_its_events_and_quotes_once(ex: Extractor) -> None:
    line = '"We will stay in Tartus," a Russian officer told TASS on Dec. 9.'
    once = ex.extract(line, REF)
    twice = ex.extract(f"{line}\n\n{line}\n", REF)
    assert len(twice.events) == len(once.events) == 1
    assert len(twice.quotes) == len(once.quotes) == 1
    assert twice.duplicates == [3]


def test_markdown_image_urls_are_not_read(ex: Extractor) -> None:
    line = "![Strikes near Homs](https://example.org/images/2024/12/Damascus-Aleppo.jpg)"
    assert [m.place for m in ex.extract(line, REF).mentions] == ["Homs"]


def test_seed_document(ex: Extractor) -> None:
    """The seed: the facts a reader checks first, not a frozen copy of the output."""
    result = ex.extract(SEED.read_text(encoding="utf-8"), date(2024, 12, 10))
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert 4 in result.duplicates  # line 4 repeats line 3
    by_line = {e.line: e for e in result.events}
    assert by_line[8].date == "2024-12-09" and "Khmeimim Air Base" in by_line[8].places
    assert by_line[22].claim == "claimed" and by_line[22].sources == ["HUR"] and by_line[22].date == "2024-12-03"
    assert by_line[13].claim == "retracted"
    speakers = {q.speaker for q in result.quotes}
    assert {"Pope Francis", "Joe Biden", "Kaja Kallas", "Jake Sullivan", "HUR", "Bashar al-Assad"} <= speakers
    for q in result.quotes:
        assert lines[q.line - 1][q.start : q.end] == q.text
    for e in result.events:
        assert lines[e.line - 1][e.start : e.end] == e.text
    assert not any(q.text in ("double-tap", "significant", "hundreds") for q in result.quotes)


def test_article_forms_dateline_lowercase_alias_and_sources(ex: Extractor) -> None:
    text = (
        "DAMASCUS (Reuters) - Russia has moved warships out of its naval facility in Tartus, satellite images"
        " showed on Thursday.\n"
        "The frigate left the port on Dec. 10, according to Maxar Technologies.\n"
    )
    first, second = ex.extract(text, date(2024, 12, 14)).events
    # the dateline city is not where it happened; "its naval facility in Tartus" is named by its town, as every
    # held-out set's reader named it (round 12)
    assert first.places[0] == "Tartus"
    assert "Damascus" in first.places and first.date == "2024-12-12" and first.sources == ["Reuters"]
    # "the port" is the naval facility in Tartus named in the sentence before (issue 10, held-out 2)
    assert second.places == ["Tartus"]
    assert second.sources == ["Maxar Technologies"] and second.claim == "claimed"


def test_a_known_name_inside_a_longer_arabic_name_is_not_that_place(ex: Extractor) -> None:
    # Nubl is a town in the gazetteer; Kafr Nubl is another town, which it lacks.
    found = ex.find_places("Airstrikes hit houses in Kafr Nubl on Monday.")
    assert [(m.surface, m.known) for m in found] == [("Kafr Nubl", False)]
    assert [m.place for m in ex.find_places("Shelling hit Nubl again.")] == ["Nubl"]


@pytest.mark.parametrize(
    "line",
    [
        "Editor’s Note: This article was published by the blog on March 22, 2024, and re-published here.",
        "Correction: An earlier version of this story misstated the date, Dec. 8, of the fall of Damascus.",
        "This article was first published on Dec. 9, 2024 in Kyiv.",
    ],
)
def test_notes_about_the_article_are_not_events(ex: Extractor, line: str) -> None:
    assert ex.extract(line, REF).events == []


def test_the_syrian_coast_is_not_put_in_the_middle_of_the_sea(ex: Extractor) -> None:
    text = "Homs lies between Damascus and the Mediterranean coast, where Russia keeps its bases."
    assert "Mediterranean Sea" not in places_in(ex, text)
    assert "Mediterranean Sea" in places_in(ex, "Russian ships sailed into the Mediterranean on Dec. 9.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine days after the fall of the Government of the old regime, talks began.", []),
        ("The envoy sent messages to the West, officials said.", []),
        ("Troops stayed to prevent a resurgence of Da'esh in the desert.", []),
        ("Convoys drove to the Qardaha district at dawn.", ["Qardaha"]),  # an unknown name still is (the area
        # word is not part of its common name, round 7)
    ],
)
def test_an_institution_a_bloc_or_an_armed_group_after_a_preposition_is_no_place(
    ex: Extractor, text: str, expected: list[str]
) -> None:
    assert all_places_in(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow has yet to respond to the request.", []),
        ("Washington had no intention of leaving, officials said.", []),
        ("Ankara expects a deal within weeks.", []),
        ("Moscow announced that the talks had ended.", []),
        ("Aleppo fell to the rebels within days.", ["Aleppo"]),  # a city falls: it is where it happened
        ("Damascus was quiet on Sunday.", ["Damascus"]),
        ("Rebels announced in Damascus that the talks had ended.", ["Damascus"]),  # after "in": a place
    ],
)
def test_a_capital_that_wants_expects_or_announces_is_the_state_not_a_place(
    ex: Extractor, text: str, expected: list[str]
) -> None:
    [event_places] = [e.places for e in ex.extract(text, REF).events] or [[]]
    assert event_places == expected
