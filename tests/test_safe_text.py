"""safe_text.md: any text becomes Markdown source that shows exactly that text and forms no markup."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dashboard.views.safe_text import WORD_JOINER, md, summarise


def shown(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


# Without U+2060 (WORD JOINER) in the input: md inserts it to break bare links, and reading the page drops it.
@given(st.text(alphabet=st.characters(blacklist_characters=WORD_JOINER), max_size=200))
def test_every_markdown_character_is_escaped_and_the_text_survives(text: str) -> None:
    out = md(text)
    assert not re.search(r"(?<!\\)[\[\]()!*_`#<>:$~|{}+\-.=]", out.replace("\\\\", "")), out
    assert "\n" not in out and "\r" not in out
    assert shown(out) == "".join(" " if ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" or ch < " " or
                                  "\x7f" <= ch <= "\x9f" else ch for ch in text)  # fmt: skip


def test_bare_addresses_are_broken_so_no_link_forms() -> None:
    out = md("mail a@evil.example or see https://evil.example and www.evil.example")
    assert "https\\:" not in out and "www\\." not in out and "a\\@" not in out
    assert f"https{WORD_JOINER}\\:" in out and f"www{WORD_JOINER}\\." in out and f"a{WORD_JOINER}\\@" in out


def test_long_texts_are_cut_and_many_notes_are_summarised() -> None:
    assert shown(md("x" * 500, limit=10)) == "x" * 10 + "…"
    notes = summarise([f"ignored {i}" for i in range(40_000)])
    assert len(notes) == 6 and notes[-1] == "… and 39,995 more values from the link were ignored."
