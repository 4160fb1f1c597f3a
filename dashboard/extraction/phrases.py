"""Finding known names (places, sources, organisations) in text, longest first.

Lookups go token n-gram by n-gram into a dict, so the cost does not grow with
the size of the gazetteer: 30,000 places match as fast as 300.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

# A word: starts with a letter; may hold letters, digits, apostrophes, hyphens
# and inner dots (U.S.), and may end with a dot (abbreviations, sentence end).
_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019\-]|\.(?=[^\W\d_]))*\.?")


class Token(NamedTuple):  # a tuple: a sentence makes dozens, and a frozen dataclass was 3x slower to make
    start: int
    end: int
    text: str
    norm: str  # normalize_key(text)
    base: str  # the same without a possessive 's


# word -> (norm, base): news repeats its words, so each is normalised once. Cleared when full, so crafted
# text of ever new words costs memory in proportion to this bound, not to the text.
_WORD_FORMS: dict[str, tuple[str, str]] = {}
_MAX_WORD_FORMS = 50_000  # about 10 MB at most
_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    out = []
    forms = _WORD_FORMS
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        form = forms.get(word)
        if form is None:
            if len(forms) >= _MAX_WORD_FORMS:
                forms.clear()
            norm = _normalize_word(word)
            stripped, possessive = _strip_possessive(word)
            form = forms[word] = (norm, _normalize_word(stripped) if possessive else norm)
        start, end = m.span()
        out.append(_new_tuple(Token, (start, end, word, form[0], form[1])))
    return out


def _normalize_word(word: str) -> str:
    """normalize_key for one token (no inner spaces): the hot path of extraction."""
    word = word.replace("\u2019", "'").replace("\u2018", "'").lower()
    return word[:-1] if word.endswith(".") else word


def normalize_key(text: str) -> str:
    """The form names are compared in: lower case, straight apostrophes, no final dot."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = " ".join(text.split()).lower()
    return text[:-1] if text.endswith(".") else text


def _strip_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word[-2:] in ("'s", "\u2019s"):
        return word[:-2], True
    if len(word) > 1 and word[-1] in "'\u2019" and word[-2] in "sS":
        return word[:-1], True
    return word, False


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int  # end of the name itself, before any possessive 's
    surface: str
    canonical: str
    possessive: bool
    next_token: str | None  # the word right after, if only spaces separate them


class PhraseIndex:
    """Names and their aliases, looked up by normalised token n-grams.

    ``case_sensitive`` phrases must appear as written (outlets like "AP" or
    "TASS" would otherwise match ordinary words). Otherwise the match ignores
    case but must start with a capital letter, and acronyms (all capitals,
    "UAE", "U.S.") must still match exactly.
    """

    def __init__(self, names: Mapping[str, Iterable[str]], case_sensitive: bool = False) -> None:
        self.case_sensitive = case_sensitive
        self._index: dict[str, tuple[str, str]] = {}
        # Longest multi-word key per first word: most words start no name of two
        # words or more, so the n-gram loop is skipped for them (the hot spot at 30k places).
        self._longest_from: dict[str, int] = {}
        self._lower_starts: set[str] = set()  # first words of aliases written in lower case
        self._first_words: set[str] = set()  # no name starts with any other word: one set lookup skips it
        self.max_tokens = 1
        self._last: tuple[str, list[Token], list[PhraseMatch]] | None = None  # see find
        for canonical, aliases in names.items():
            for alias in (canonical, *aliases):
                key = normalize_key(alias)
                if not key:
                    continue
                self._index.setdefault(key, (canonical, alias))
                if alias[:1].islower():
                    self._lower_starts.add(key.split()[0])
                first_word = key.split()[0]
                self._first_words.add(first_word)
                self._first_words.add(normalize_key(_strip_possessive(first_word)[0]))
                words = key.split()
                self.max_tokens = max(self.max_tokens, len(words))
                if len(words) > 1:
                    self._longest_from[words[0]] = max(self._longest_from.get(words[0], 0), len(words))

    def __len__(self) -> int:
        return len(self._index)

    def find(self, text: str, tokens: list[Token] | None = None) -> list[PhraseMatch]:
        if tokens is None:
            return self._find(text, tokenize(text))
        # Extraction asks twice for the same sentence's sources and actors (its places, then its event):
        # the answer for the last token list given is kept. A copy goes out, so no caller can change it.
        last = self._last
        if last is not None and last[1] is tokens and last[0] == text:
            return list(last[2])
        out = self._find(text, tokens)
        self._last = (text, tokens, out)
        return list(out)

    def _find(self, text: str, tokens: list[Token]) -> list[PhraseMatch]:
        out: list[PhraseMatch] = []
        first_words = self._first_words
        i = 0  # the first token not yet inside a match
        for k in [k for k, tok in enumerate(tokens) if tok.norm in first_words or tok.base in first_words]:
            if k < i:
                continue
            hit = self._match_at(text, tokens, k)
            if hit is None:
                continue
            match, used = hit
            out.append(match)
            i = k + used
        return out

    def _match_at(self, text: str, tokens: list[Token], i: int) -> tuple[PhraseMatch, int] | None:
        tok = tokens[i]
        first = tok.text
        if not self.case_sensitive and not first[0].isupper() and tok.norm not in self._lower_starts:
            return None
        # A token's norm is its lower-case form less a final dot; the key of a name's first word keeps the dot.
        longest = self._longest_from.get(tok.norm + "." if first[-1] == "." else tok.norm)
        index = self._index
        if longest is None:  # only a one-word name can start here: one lookup decides
            if tok.base not in index:  # base: normalize_key of the word less a possessive 's
                return None
            longest = 1
        limit = min(longest, len(tokens) - i)
        run = 1  # only spaces may stand between the words of a name: the longest window where they do
        while run < limit and not text[tokens[i + run - 1].end : tokens[i + run].start].strip():
            run += 1
        # normalize_key of a window's words joined by spaces: each word lower-cased (a dot kept but the
        # last word's), the last less its possessive 's, which is that word's base
        words = [t.norm + "." if t.text[-1] == "." else t.norm for t in tokens[i : i + run - 1]]
        for size in range(run, 0, -1):
            window = tokens[i : i + size]
            entry = index.get(" ".join([*words[: size - 1], window[-1].base]) if size > 1 else window[-1].base)
            if entry is None:
                continue
            last_word, possessive = _strip_possessive(window[-1].text)
            canonical, alias = entry
            start = window[0].start
            end = window[-1].start + len(last_word)
            surface = text[start:end]
            if surface.endswith(".") and not alias.endswith("."):
                end -= 1
                surface = surface[:-1]
            if not self._case_ok(surface, alias):
                continue
            nxt = None
            if i + size < len(tokens):
                t = tokens[i + size]
                if not text[window[-1].end : t.start].strip():
                    nxt = t.text
            return PhraseMatch(start, end, surface, canonical, possessive, nxt), size
        return None

    def _case_ok(self, surface: str, alias: str) -> bool:
        if self.case_sensitive:
            return surface == alias or surface.rstrip(".") == alias.rstrip(".")
        letters = alias.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) <= 4:
            return surface.replace(".", "") == alias.replace(".", "")
        return surface[:1].isupper() or alias[:1].islower()


def is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 4
