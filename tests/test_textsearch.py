"""The text filter's index finds exactly the rows a substring scan finds, reading rows only when it must."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.views.textsearch import FIELD_SEP, TextIndex

TEXTS = ["jets struck al-bab on dec. 3", "rebels entered homs", "", "giv`at ẖananya: 4 dead", "homs, again"]


def rows(index: TextIndex, needle: str) -> list[int]:
    return np.flatnonzero(index.find(needle)).tolist()


def test_words_parts_of_words_and_phrases_by_hand() -> None:
    index = TextIndex(TEXTS)
    assert rows(index, "homs") == [1, 4] and index.rows_checked == 0  # a word: the index alone answers
    assert rows(index, "om") == [1, 4] and index.rows_checked == 0  # a part of a word too
    assert rows(index, "ẖanan") == [3]  # a combining mark stays inside the word
    assert rows(index, "al-bab") == [0] and index.rows_checked == 1  # only the row with "al" and "bab" is read
    assert rows(index, "s, a") == [4]  # across a separator: "homs, again" only ("homs" alone has no ", a")
    assert rows(index, "zzz") == [] and rows(index, "") == [0, 1, 2, 3, 4]
    before = index.rows_checked
    assert rows(index, ": ") == [3] and index.rows_checked == before + 5  # separators alone: every row is read


def test_fields_joined_in_one_row_never_match_across_the_join() -> None:
    index = TextIndex([f"we will win{FIELD_SEP}general x{FIELD_SEP}army chief"])
    assert rows(index, "win") == [0] and rows(index, "general x") == [0]
    assert rows(index, "win general") == [] and rows(index, f"win{FIELD_SEP}general") == []


ALPHABET = st.sampled_from(list("abcẖ -,.é0ẞß\u0301") + ["\u0130", "\n"])


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(ALPHABET, max_size=12), max_size=8), needle=st.text(ALPHABET, max_size=4),
       pick=st.integers(0, 100))  # fmt: skip
def test_the_index_finds_what_a_substring_scan_finds(texts: list[str], needle: str, pick: int) -> None:
    if texts and pick % 2:  # half the time a needle cut out of one of the texts
        text = texts[pick % len(texts)]
        needle = text[pick % (len(text) + 1): pick % (len(text) + 1) + 3] or needle
    index = TextIndex(texts)
    assert rows(index, needle) == [i for i, t in enumerate(texts) if needle in t]
