"""Claim cues: whole words, with the source (or the report) as their subject (issue 15, item 3).

Each cue has sentences where it fires and look-alikes where it must not; none are from the seed.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.claims import claim_status
from dashboard.extraction.extract import Extractor
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

REF = date(2024, 12, 10)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # claimed: the word itself, never inside another word
        ("Islamic State claimed the bombing in Raqqa.", "claimed"),
        ("The group claims to hold the bridge.", "claimed"),
        ("Rebels reclaimed Hama on Thursday.", "reported"),
        ("The army disclaimed nothing and acclaimed the commander.", "reported"),
        ("The strike allegedly killed six people.", "claimed"),
        ("A drone purportedly hit the depot.", "claimed"),
        ("The footage could not be independently verified.", "claimed"),
        ("The video has not been independently verified by the BBC.", "claimed"),
        ("Troops left Palmyra, according to a local monitor.", "claimed"),
        ("The accordion player performed in Aleppo.", "reported"),
        # retracted: a source takes back its own reporting
        ("TASS later removed the story from its website.", "retracted"),
        ("The agency later corrected its report.", "retracted"),
        ("Interfax took down the post an hour later.", "retracted"),
        ("The report was later withdrawn.", "retracted"),
        ("The article has since been deleted.", "retracted"),
        ("The newspaper issued a correction on Monday.", "retracted"),
        ("Fact-checkers debunked the claim within hours.", "retracted"),
        ("The ministry denied that its jets struck the market.", "retracted"),
        ("Moscow denied the reports.", "retracted"),
        # not retracted: a deletion or denial that takes back no report
        ("Telegram deleted the channel after the attack.", "reported"),
        ("Telegram later deleted the post.", "reported"),
        ("Assad was denied entry to Lebanon.", "reported"),
        ("Journalists were denied access to the base.", "reported"),
        ("Engineers removed the mines from the road.", "reported"),
        ("The army corrected its course toward Homs.", "reported"),
        ("Workers deleted the old records at the port.", "reported"),
    ],
)
def test_claim_cues(sentence: str, status: str) -> None:
    assert claim_status(sentence) == status


def test_a_later_paragraph_retracting_the_report_marks_the_earlier_event(ex: Extractor) -> None:
    text = "Russian troops left Tartus on Dec. 9, Interfax reported.\nInterfax later removed the story.\n"
    events = ex.extract(text, REF).events
    assert len(events) == 1
    assert events[0].claim == "retracted" and events[0].claim_evidence == "Interfax later removed the story."


def test_an_unrelated_later_paragraph_leaves_the_earlier_event_reported(ex: Extractor) -> None:
    text = "Russian troops left Tartus on Dec. 9, Interfax reported.\nTelegram deleted the channel.\n"
    assert [e.claim for e in ex.extract(text, REF).events] == ["reported"]


def test_words_inside_a_quotation_are_not_the_reporters_cue(ex: Extractor) -> None:
    line = '"They claimed the base was empty," a Russian officer said of the rebels in Tartus on Dec. 9.'
    assert ex.extract(line, REF).events[0].claim == "reported"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ukrainian military intelligence said on Dec. 9 that ships left Tartus.", "HUR"),
        ("Ukraine's Main Intelligence Directorate said on Dec. 9 that ships left Tartus.", "HUR"),
        ("Ukraine's defence intelligence agency said on Dec. 9 that ships left Tartus.", "HUR"),
        ("Russian media reported on Dec. 9 that ships left Tartus.", "Russian media"),
        ("Russian state media said on Dec. 9 that ships left Tartus.", "Russian media"),
        ("Syrian state media reported on Dec. 9 that ships left Tartus.", "Syrian media"),
        ("Pro-Kremlin Telegram channels reported on Dec. 9 that ships left Tartus.", "Russian media"),
    ],
)
def test_source_aliases_are_general(ex: Extractor, sentence: str, source: str) -> None:
    assert ex.extract(sentence, REF).events[0].sources == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian media executives met in Moscow on Dec. 9 to discuss ratings.",
        "Ukrainian military units moved toward Kharkiv on Dec. 9.",
    ],
)
def test_words_of_a_source_alias_alone_are_no_source(ex: Extractor, sentence: str) -> None:
    assert ex.extract(sentence, REF).events[0].sources == []
