"""Known names found in text by token n-grams: the forms a name's words can take (expected spans worked out by hand)."""

from __future__ import annotations

from dashboard.extraction.phrases import PhraseIndex, tokenize


def _found(index: PhraseIndex, text: str) -> list[tuple[int, int, str, str, bool, str | None]]:
    return [(m.start, m.end, m.surface, m.canonical, m.possessive, m.next_token) for m in index.find(text)]


def test_a_name_whose_first_word_ends_in_a_dot() -> None:
    dotted = PhraseIndex({"St. Petersburg": []})
    found = _found(dotted, "Talks in St. Petersburg ended.")
    assert found == [(9, 23, "St. Petersburg", "St. Petersburg", False, "ended.")]
    assert _found(dotted, "Talks in St Petersburg ended.") == []
    both = PhraseIndex({"St. Petersburg": ["St Petersburg"]})
    found = _found(both, "Talks in St Petersburg ended.")
    assert found == [(9, 22, "St Petersburg", "St. Petersburg", False, "ended.")]


def test_a_possessive_on_the_last_word_and_a_curly_apostrophe_inside_the_name() -> None:
    index = PhraseIndex({"Abu Dhabi": [], "Côte d'Ivoire": []})
    assert _found(index, "In Abu Dhabi\u2019s port") == [(3, 12, "Abu Dhabi", "Abu Dhabi", True, "port")]
    found = _found(index, "from C\u00f4te d\u2019Ivoire, they")
    assert found == [(5, 18, "C\u00f4te d\u2019Ivoire", "C\u00f4te d'Ivoire", False, None)]


def test_only_spaces_may_stand_between_the_words_of_a_name_and_the_longest_name_wins() -> None:
    index = PhraseIndex({"Abu Dhabi": [], "New York": [], "New York City": []})
    assert _found(index, "Abu, Dhabi and Abu - Dhabi") == []
    assert _found(index, "in New York City today") == [(3, 16, "New York City", "New York City", False, "today")]
    assert _found(index, "in New York, City") == [(3, 11, "New York", "New York", False, None)]
    assert _found(index, "in New  York") == [(3, 12, "New  York", "New York", False, None)]


def test_case_sensitive_names_and_acronyms() -> None:
    outlets = PhraseIndex({"AP": [], "TASS": []}, case_sensitive=True)
    assert _found(outlets, "the AP and Tass said") == [(4, 6, "AP", "AP", False, "and")]
    places = PhraseIndex({"United States": ["U.S."]})
    assert _found(places, "the U.S. said") == [(4, 8, "U.S.", "United States", False, "said")]
    assert _found(places, "the u.s. said") == []


def test_the_same_tokens_asked_twice_give_the_same_answer_and_a_list_of_the_callers_own() -> None:
    index = PhraseIndex({"Homs": [], "Hama": []})
    text = "From Homs to Hama."
    tokens = tokenize(text)
    index.find(text, tokens)
    index.find(text, tokens).clear()  # a caller changing its list changes nothing for the next caller
    again = index.find(text, tokens)
    assert [(m.start, m.surface) for m in again] == [(5, "Homs"), (13, "Hama")]
    other = "From Hama to Homs."
    assert [m.surface for m in index.find(other, tokenize(other))] == ["Hama", "Homs"]
