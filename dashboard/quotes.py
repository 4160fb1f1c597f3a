"""Direct quotations and who said them.

Handles the attributions news prose uses: `"...," X said`, `X said: "..."`,
`X said that "..."`, `"...," X told Reuters`, `according to X`, `X claimed`,
a participle that carries the speaker on (`..., saying that "..."`) and a
quotation that continues the previous speaker. Scare quotes ("double-tap")
and titles ("The Counteroffensive") are not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS, TITLES
from dashboard.text import QuoteSpan

_WORD = re.compile(r"[\w'\u2019\-.]+")
_SPEECH_VERB = re.compile(r"\b(" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_PARTICIPLE = re.compile(r"\b(" + "|".join(sorted(SPEECH_PARTICIPLES)) + r")\b")
_ACCORDING = re.compile(r"\baccording to\s+(?P<np>[^,.;:\"\u201c\u201d]+)", re.I)
_PARTICLES = re.compile(r"^(?:al|el|ez|as|ad|ar|bin|ibn|abu|de|van|von|da|di|le|la|du)(?:-\S+)?$")
# Where the words that follow the speaker begin ("... said Peskov on Monday"). Found with a fixed
# look-behind and cut by slicing: `\s+(...)\b.*$` under re.sub backtracked over every run of spaces
# (quadratic, seconds for one crafted line).
_TRAILING_CIRCUMSTANCE = re.compile(
    r"(?<=\s)(?:on|in|last|later|earlier|also|late|early|again|then|previously|recently)\b"
)
_DETERMINERS = frozenset("the a an".split())
MIN_QUOTE_WORDS = 4


@dataclass(frozen=True)
class Quote:
    start: int  # span of the words inside the marks, in the line
    end: int
    text: str
    speaker: str | None
    role: str | None


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _inner_span(line: str, q: QuoteSpan) -> tuple[int, int]:
    a, b = q.start + 1, q.end - 1 if q.closed else q.end
    while a < b and line[a].isspace():
        a += 1
    while b > a and (line[b - 1].isspace() or line[b - 1] == ","):
        b -= 1
    return a, b


def is_title(text: str) -> bool:
    """Title Case without sentence punctuation: a blog's or a book's name, not speech."""
    words = text.split()
    if not words or len(words) > 7 or text.rstrip()[-1:] in ".?!,":
        return False
    small = {"of", "the", "with", "and", "a", "an", "in", "on", "for", "to", "at", "by"}
    return all(w[:1].isupper() or w.lower() in small for w in words) and words[0][:1].isupper()


def parse_speaker(phrase: str) -> tuple[str | None, str | None]:
    """Split "top EU diplomat Kaja Kallas" into ("Kaja Kallas", "top EU diplomat")."""
    phrase = phrase.strip().strip(",;:—–- ")
    if not phrase:
        return None, None
    phrase = phrase.split(",")[-1].strip()
    phrase = re.sub(r"^(?:according to|and|but|as|while)\s+", "", phrase, flags=re.I)
    paren = re.search(r"\(([A-Z][A-Za-z.]{1,9})\)$", phrase)
    if paren:
        role = phrase[: paren.start()].strip()
        return paren.group(1), _clean_role(role)
    trailing = _TRAILING_CIRCUMSTANCE.search(phrase)
    if trailing:
        phrase = phrase[: trailing.start()].strip()
    tokens = phrase.split()
    while tokens and tokens[0].lower() in _DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return None, None
    j = len(tokens)
    while j > 0:
        tok = tokens[j - 1]
        if tok.lower() in TITLES:
            break
        if tok[:1].isupper() or ("-" in tok and _PARTICLES.match(tok)) or (_PARTICLES.match(tok) and j < len(tokens)):
            j -= 1
            continue
        break
    while j < len(tokens) and _PARTICLES.match(tokens[j]):
        j += 1
    name = tokens[j:]
    if not name:
        if len(tokens) > 6:
            return None, None
        return " ".join(tokens), None
    role = " ".join(tokens[:j])
    return " ".join(name), _clean_role(role)


def _clean_role(role: str) -> str | None:
    role = role.strip().strip(",")
    words = role.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words) or None


def _attribution_after(after: str) -> tuple[str | None, str | None] | None:
    """`"...," X said ...` or `"...," said X` or `"...," according to X`."""
    text = after.lstrip(" ,—–-")
    if not text or text[0] in ".;":
        return None
    m = _ACCORDING.match(text)
    if m:
        return parse_speaker(m.group("np"))
    m = re.match(r"(?:" + _SPEECH_VERB.pattern + r")\s+(?P<np>[^,.;\"\u201c]+)", text)
    if m:
        return parse_speaker(m.group("np"))
    m = _SPEECH_VERB.search(text)
    if not m or word_count(text[: m.start()]) > 12 or '"' in text[: m.start()]:
        return None
    np = text[: m.start()]
    if not np.strip() or re.search(r"\b(?:and|but|then)\s*$", np):
        return None  # a coordinated verb ("... and emphasized") belongs to an earlier subject
    return parse_speaker(np)


def _attribution_before(before: str) -> tuple[str, tuple[str | None, str | None] | None, int] | None:
    """The last speech verb before a quotation, and who its subject is.

    Returns (kind, speaker, words between verb and quote): kind is "verb"
    (speaker parsed from the subject), "carry" (a participle or a coordinated
    verb: the previous speaker goes on).
    """
    verbs = list(_SPEECH_VERB.finditer(before))
    parts = list(_PARTICIPLE.finditer(before))
    acc = list(_ACCORDING.finditer(before))
    last_verb = verbs[-1] if verbs else None
    last_part = parts[-1] if parts else None
    if acc and (not last_verb or acc[-1].start() > last_verb.start()):
        return "verb", parse_speaker(acc[-1].group("np")), word_count(before[acc[-1].end() :])
    if not last_verb:
        return ("carry", None, word_count(before[last_part.end() :])) if last_part else None
    gap = word_count(before[last_verb.end() :])
    if last_part and last_part.start() > last_verb.start():
        gap = word_count(before[last_part.end() :])
    subject = before[: last_verb.start()]
    if re.search(r"\b(?:and|but|then)\s*$", subject) or not subject.strip():
        return "carry", None, gap
    return "verb", parse_speaker(subject), gap


def find_quotes(
    line: str,
    sentences: list[tuple[int, int]],
    spans: list[QuoteSpan],
) -> list[tuple[Quote, int]]:
    """Quotations in one line, each with the index of the sentence it stands in."""
    out: list[tuple[Quote, int]] = []
    last_speaker: tuple[str | None, str | None] = (None, None)
    k = 0  # sentences and quote spans both run left to right: one pass over each
    for si, (a, b) in enumerate(sentences):
        while k < len(spans) and spans[k].start < a:
            k += 1
        inside = []
        while k < len(spans) and spans[k].start < b:
            if spans[k].closed:
                inside.append(spans[k])
            k += 1
        prev_end = a
        for qi, q in enumerate(inside):
            s, e = _inner_span(line, q)
            inner = line[s:e]
            nxt = inside[qi + 1].start if qi + 1 < len(inside) else b
            before = line[prev_end : q.start]
            after = line[q.end : nxt]
            prev_end = q.end
            if not inner.strip() or is_title(inner):
                continue
            words = word_count(inner)
            speaker: tuple[str | None, str | None] | None = None
            attached = False
            after_attr = _attribution_after(after)
            if after_attr and after_attr[0]:
                speaker, attached = after_attr, True
            else:
                before_attr = _attribution_before(before)
                if before_attr:
                    kind, who, gap = before_attr
                    attached = gap <= 4
                    if kind == "carry":
                        speaker = last_speaker if last_speaker[0] else None
                    elif who and who[0]:
                        speaker = who
            if words < MIN_QUOTE_WORDS and not attached:
                continue  # a scare quote or a term, not speech
            if speaker is None and last_speaker[0]:
                speaker = last_speaker  # continues the previous speaker
            who, role = speaker if speaker else (None, None)
            if who:
                last_speaker = (who, role)
            out.append((Quote(s, e, inner, who, role), si))
    return out
