"""Direct quotations and who said them.

Handles the attributions news prose uses: after the quote (`"...," X said`, `"...," said X, who
...`, `"...," NAME, ROLE at ORG, told OUTLET`, `"...," the ministry said in a statement`), before
it (`X said: "..."`, `X said on Monday that ... "..."`, `X was quoted as saying "..."`, `a soldier
who remarked, "..."`, `X called on fighters not to harm "..."`, `in what X said meant "..."`,
`according to X`), a participle that carries the speaker on (`..., saying that "..."`), and a
quotation that continues the previous speaker (the rest of the sentence, the next paragraph), and a press
release's `NAME said:` that hands the quote paragraphs below it to NAME, and a clause with no verb of speech
that ends in a colon (`NAME put it bluntly:`, `He continued: «...`) that does the same.

Who: the speaker is a name without its title, the title and organisation are the role; an
organisation can speak; unnamed speakers stay as written ("a port worker", "TASS's source").
A `SpeakerContext` follows one document, so "he", "it", "the ministry", "the spokesman" and a
bare surname ("Peskov") resolve to the person or body named before. Scare quotes ("double-tap"),
labels (`called it a "victory"`) and titles ("The Counteroffensive") are not quotations.

It is one module over 300 lines because it is one grammar of attribution: the rules before and after
a quotation share the speaker parser, the role cleaner and the document's `SpeakerContext`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dashboard.extraction.lexicon import (
    HONORIFICS,
    NAME_TITLES,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    is_role_head,
    is_title_token,
)
from dashboard.extraction.text import QuoteSpan

_WORD = re.compile(r"[\w'\u2019\-.]+")
_VERBS_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# A verb of judgement, its object, then "as" right before the quotation: `hailed the talks as "a real step"`,
# `valued the statements as "very positive"`. Only there (the look-ahead needs the end of the text before a quote).
_JUDGING_VERBS = frozenset(
    "valued hailed praised welcomed dismissed denounced condemned characterised characterized slammed criticised "
    "criticized rated judged".split()
)
_JUDGED_AS_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_JUDGING_VERBS)) + r")\b[^,;:.\"\u201c\u00ab]{1,100}?\bas\s+$"
)
_JUDGED_AS = (
    r"(?:valued|hailed|praised|welcomed|dismissed|denounced|condemned|characteri[sz]ed|slammed|critici[sz]ed|"
    r"rated|judged)(?=[^,;:.\"\u201c\u00ab]{1,100}?\bas\s+(?:an?\s+|the\s+)?$)"
)
# "was quoted as saying" and "is quoted as saying" are one verb of speech.
# "was quoted by RIA as saying" too; "reads:" opens the words of a statement or a sign.
_SPEECH_VERB = re.compile(
    r"(?<!-)\b((?:was|were|is|are|has been|had been) quoted(?: by [^,.;:\"\u201c]{1,40}?)? as saying|reads(?=:)|"
    r"(?:had|has|have) written|puts? it(?=[\s,:])|(?:spoke|speaks|talked|talks) of(?=\s)|accused|accuses|"
    r"(?:went|goes) on(?=\s*[,:])|(?:began|begins)(?=\s*[,:.])|" + _JUDGED_AS + "|"
    + _VERBS_ALT + r")\b"
)
# A title's full stop is no end of the subject: `"...," said Brig. Gen. Hassan Abboud, the commander`.
_ABBREVIATION_DOT = (
    r"(?:(?<=\b(?:Lt|Dr|Mr|Ms|St))|(?<=\b(?:Gen|Col|Maj|Sgt|Adm|Mrs|Rep|Sen|Gov|Cpl|Pvt))|(?<=\b(?:Brig|Capt|Prof|Cmdr)))\."
)
_VERB_THEN_SUBJECT = re.compile(
    r"(?:" + _SPEECH_VERB.pattern + r")\s+(?P<np>(?:[^.;\"\u201c\u00ab]|" + _ABBREVIATION_DOT + r")+)"
)
_PARTICIPLE = re.compile(r"\b(" + "|".join(sorted(SPEECH_PARTICIPLES)) + r")\b")
_ACCORDING = re.compile(r"\b(?:according to|in the words of)\s+(?P<np>[^,.;:\"\u201c\u201d\u00ab\u00bb]+)", re.I)
# "cited a Kremlin source as saying", "reported NAME as saying": the one cited speaks ("was quoted by RIA as
# saying": not RIA).
_CITED_AS = re.compile(
    r"\b(?:cited|cites|citing|quoted|quotes|quoting|reported|reports|reporting)\s+(?!by\s)(?P<np>[^,;:.\"\u201c\u00ab]{2,80}?)\s+as\s+$"
)
# "der", "den", "del", "dos": the second particle of "van der Berg", "van den Bosch", "del Río", "dos Santos".
_PARTICLES = re.compile(r"^(?:al|el|ez|as|ad|ar|bin|ibn|abu|de|van|von|da|di|le|la|du|der|den|del|della|dos|das)"
                        r"(?:-\S+)?$")
# Where the words that follow the speaker begin ("... said Peskov on Monday"). Found with a fixed
# look-behind and cut by slicing: `\s+(...)\b.*$` under re.sub backtracked over every run of spaces
# (quadratic, seconds for one crafted line).
_TRAILING_CIRCUMSTANCE = re.compile(
    r"(?<=\s)(?:on|in|at|last|later|earlier|also|late|early|again|then|previously|recently|during|before|after)\b"
)
_TIME_WORDS = frozenset(
    "on last later earlier also late early again then previously recently during before after".split()
)
_DETERMINERS = frozenset("the a an".split())
# Words that end a subject without belonging to it: "X later said", "X had said", "X, who remarked".
_TRAILING_FILLER = frozenset(
    """had has have would will also later earlier then previously recently again reportedly publicly
    separately further once who which that was were is are subsequently still already did does do not
    never could can may might must should""".split()
)
# Lower-case adverbs between a subject and its verb: "the officers just say", "Peskov today once again said"
# ("Russia Today", "Syria Now" keep their capital).
_TRAILING_ADVERBS = frozenset("just only simply merely today yesterday tonight long often repeatedly".split())
# Words that open a clause before its subject: "In what X said meant", "As X notes".
_LEADING = re.compile(
    r"^(?:(?:according to|and|but|as|while|when|after|before|since|because|though|although|in what|what|"
    r"where|so|yet|then|now|meanwhile|separately|asked about [^,]*|asked whether [^,]*)\s+)+",
    re.I,
)
# Last words of a state's name: "the Syrian Arab Republic", "the Russian Federation" are no person's name.
_STATE_HEADS = frozenset("republic federation kingdom states nations union emirates islands confederation".split())
# Letters after a name: "Ruth Okafor MP", "Sir John Holt KC".
_POST_NOMINALS = frozenset("MP MEP MSP QC KC OBE MBE CBE KBE PhD Jr Sr".split())
_NAME_SUFFIXES = frozenset("Jr Sr".split())
_POSSESSIVE_NAME = re.compile(r"[A-Z][\w\-]*['\u2019]s$")  # "the press service of Russia's Black Sea Fleet"
_PREPOSITIONS = frozenset("to of for at in from on with by".split())
_PRONOUNS_PERSON = frozenset("he she him her".split())  # ("quoted him as saying")
_PRONOUNS_BODY = frozenset("it they".split())
# Words that make a speaker an organisation rather than a person.
_BODY_WORDS = frozenset(
    """ministry office agency observatory monitor army command presidency government kremlin pentagon
    department council committee forces military embassy service directorate institute center centre
    statement group authorities administration coalition court police navy command headquarters leadership
    spokesperson-office foundation organisation organization union parliament cabinet state""".split()
)
# Head words that refer back to a body named differently: "the monitor" -> the Observatory.
_HEAD_SYNONYMS = {
    "monitor": ("monitor", "observatory"),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokeswoman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "presidency": ("presidency", "office"),  # a body: never the president named before (round 8)
    "statement": ("ministry", "office", "presidency", "government", "command", "kremlin", "service", "council"),
    "general": ("general", "gen."),
    "diplomat": ("diplomat", "envoy", "ambassador", "foreign"),  # "Deputy Foreign Minister and Special Envoy ..."
}
# A statement the sentence says someone made: "in a statement", "said in its statement", "a statement posted by".
_A_STATEMENT = re.compile(
    r"\b(?:[Ii]n|[Oo]n)\s+(?:a|an|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}statement\b|"
    r"\b(?:[Aa]|[Tt]he)\s+statement\s+(?:posted|published|issued|released|put\s+out)\b"
)
_OPENS_THE_STATEMENT = re.compile(r"\s*[\"\u201c\u00ab]?\s*(?:The|the)\s+statement\b")


# A person's office, by the word a later reference uses for it ("the Russian leader" for a "President").
_OFFICE_SYNONYMS = {
    "leader": ("leader", "president", "premier", "chancellor", "king", "emir"),
    "president": ("president",),
    "premier": ("premier", "prime"),
    "minister": ("minister",),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokeswoman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "envoy": ("envoy", "ambassador"),
}
# "Brazilian President Paulo Serra", "Chilean leader Ana Rojas": a nationality, an office, a name.
_TITLED_NAME = re.compile(
    r"\b((?:[A-Z][a-z]+\s+){1,2})((?:[Pp]rime\s+)?(?:[Pp]resident|[Ll]eader|[Pp]remier|[Cc]hancellor|[Mm]inister|"
    r"[Ss]pokes(?:man|woman|person)|[Ee]nvoy))\s+((?:[A-Z][\w'\u2019\-]+\s+){0,2}(?:(?:al|el|bin|ibn|abu)-)?"
    r"[A-Z][\w'\u2019\-]+)"
)
# "Greece's foreign minister", "Russia's president": a country's office by its possessive.
_COUNTRY_OFFICE = re.compile(r"^([A-Z][a-z]{3,})['\u2019]s\s+((?:[a-z]+\s+){0,2}[a-z]+)$")
_OFFICE_MODIFIERS = frozenset("former ousted toppled deposed outgoing new interim acting then late".split())
MIN_QUOTE_WORDS = 4
# Verbs that name or label ("called it a ...", "described it as a ..."): a short quote after them is a term.
_LABEL_VERBS = frozenset("called calls call described describes dubbed termed labelled labeled".split())


@dataclass(frozen=True)
class Quote:
    start: int  # span of the words inside the marks, in the line
    end: int
    text: str
    speaker: str | None
    role: str | None


Speaker = tuple[str | None, str | None]


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
    if (", the " in text or ", a " in text) and " and " not in text:
        return False  # "The Russians, the French, the Turks": a list said; "The Lion, the Witch and ...": a title
    small = {"of", "the", "with", "and", "a", "an", "in", "on", "for", "to", "at", "by"}
    return all(w[:1].isupper() or w.lower() in small for w in words) and words[0][:1].isupper()


def _is_name_word(tok: str) -> bool:
    return tok[:1].isupper() and not is_title_token(tok)


def _strip_filler(phrase: str) -> str:
    words = phrase.split()
    while words and (words[-1].lower().strip(",") in _TRAILING_FILLER or words[-1] in _TRAILING_ADVERBS):
        words.pop()
    return " ".join(words).strip(" ,")


def _parse_part(phrase: str) -> tuple[str | None, str | None, bool]:
    """One comma-free noun phrase -> (name, role, has_proper_name)."""
    phrase = _LEADING.sub("", phrase.strip()).strip()
    affiliated = _AFFILIATED_OPENING.match(phrase) if "-" in phrase else None
    if affiliated and phrase[affiliated.end() : affiliated.end() + 1].isupper():
        # "the UK-based Syrian Observatory": the Observatory; "Kremlin-aligned channels" keep what tells them apart
        phrase = _AFFILIATED_OPENING.sub(r"\1", phrase, count=1)
    of_org = _NAME_OF_ORG.match(phrase) if " of " in phrase or " from " in phrase or " at " in phrase else None
    if of_org and not any(is_title_token(w) or w.lower() in _BODY_WORDS or w.lower() in _ORG_HEADS
                          for w in of_org.group(1).split()):
        where = re.sub(r"^\s*(?:of|from|at)\s+", "", phrase[of_org.end(1) :])
        return _name_case(of_org.group(1)), _clean_role(where), True  # "Hanna Notte of the X Center"
    titled_of = _titled_name_of_org(phrase) if " of " in phrase or " at " in phrase else None
    if titled_of:
        return titled_of  # "Israeli analyst Dr. Orna Mizrahi of a Tel Aviv think tank"
    paren = re.search(r"\(([A-Z][\w.\-]{1,13})\)$", phrase)  # "(SOHR)", "(Greens)", "(Türkiye)"
    head = [w for w in phrase.split()[:2] if w.lower() not in _DETERMINERS][:1]
    if paren and head and head[0][:1].islower():
        phrase = phrase[: paren.start()].rstrip()  # "a spokeswoman for the Workers Council (KWC)": a role's object
    elif paren and _person_then_label(phrase[: paren.start()], paren.group(1)):
        phrase = phrase[: paren.start()].rstrip()  # "MEP Anna Berg (Greens)": her party, not the speaker
    elif paren:
        return paren.group(1), _clean_role(phrase[: paren.start()]), True
    trailing = _TRAILING_CIRCUMSTANCE.search(phrase)
    if trailing:
        head = phrase[: trailing.start()].split()
        # "said Peskov on Monday": cut. "a source in the Kremlin": a description, kept whole.
        if trailing.group(0).lower() in _TIME_WORDS or (head and _is_name_word(head[-1])):
            phrase = phrase[: trailing.start()].strip()
    tokens = phrase.split()
    while len(tokens) > 2 and tokens[-1].strip(".") in _POST_NOMINALS - _NAME_SUFFIXES:
        tokens.pop()  # "Ruth Okafor MP"; "Jr." stays: "Thomas R. Whitcombe Jr." is his name
    definite = bool(tokens) and tokens[0].lower() == "the"
    while tokens and tokens[0].lower() in _DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return None, None, False
    body = next((i for i in range(min(len(tokens) - 3, 3)) if tokens[i] in _BODY_WORDS and tokens[i + 1] == "of" and
                 (tokens[i + 2] == "the" or _POSSESSIVE_NAME.match(tokens[i + 2])) and tokens[i + 3][:1].isupper()), -1)
    if body >= 0 and len(tokens) <= 12 and all(t.islower() for t in tokens[:body]):
        # "the foreign affairs committee of the House of Representatives": the body, by its long name
        return ("the " if definite else "") + " ".join(tokens), None, False
    after = _title_after_name(tokens)
    if after:
        return after  # "Dmitry Peskov Press Secretary", "Brazil Ana Duarte Foreign Minister": the title after the name
    j = len(tokens)
    while j > 0:
        tok = tokens[j - 1]
        if is_title_token(tok) or (tok[:1].isupper() and _AGE_WORD.match(tok)):
            break  # "Twelve-year-old NAME": the age is no part of the name
        if tok[:1].isupper() or ("-" in tok and _PARTICLES.match(tok)) or (_PARTICLES.match(tok) and j < len(tokens)):
            j -= 1
            continue
        break
    while j < len(tokens) and _PARTICLES.match(tokens[j]):
        j += 1
    if j < len(tokens) and tokens[-1].lower() in _BODY_WORDS:
        while j > 0 and tokens[j - 1][:1].isupper():  # "Britain's Foreign Office": the whole body
            j -= 1
    name = tokens[j:]
    p = j - 1
    while p > 0 and tokens[p].lower() in _DETERMINERS:
        p -= 1  # "a source in the Kremlin": look past "the" for the preposition
    if len(name) >= 3 and j > 0 and tokens[j - 1] == "and" and any(t in _PREPOSITIONS for t in tokens[: j - 1]):
        j = len(tokens) - 2  # "Envoy for the Middle East and Africa Mikhail Bogdanov": the role's object, then a name
        name = tokens[j:]
    if name and j > 0 and tokens[p].lower() in _PREPOSITIONS:
        # "ambassador to Turkey Vasyl Bodnar": the run after a preposition holds the role's
        # object; a person's name is its last two words. "a source in Damascus": no name at all.
        if len(name) >= 3 and not any(w.lower() in _BODY_WORDS for w in name) and \
                name[-1].lower() not in _STATE_HEADS:  # "representative of the Syrian Arab Republic": a state
            j = len(tokens) - 2
            name = tokens[j:]
        else:
            name = []
    if name and j > 1 and _person_before_preposition(tokens[:j]) and len(tokens) <= 12:
        return " ".join(tokens), None, False  # "an official in the administration of General X": the official
    if not name:
        placed = next((i for i in range(1, len(tokens) - 1) if tokens[i] in _PLACED and
                       tokens[i + 1] in ("in", "at", "near", "with", "on", "inside")), 0)
        if placed and tokens[placed - 1].lower() in _PERSON_NOUNS:
            tokens = tokens[:placed]  # "a European diplomat based in Beirut": the diplomat, as a reader cites them
        contact = next((i for i in range(1, min(len(tokens) - 1, 6)) if tokens[i] in _CONTACT_PRONOUNS and
                        tokens[i - 1].lower() in _PERSON_NOUNS), 0)
        if contact:
            tokens = tokens[:contact]  # "a naval officer I interviewed years ago": the officer
        if len(tokens) > 7:
            short = _short_description(tokens)  # "a source in the Ministry of Interior of the interim government"
            named = any(t[:1].isupper() for t in tokens)  # "official in the eastern administration of General X"
            if not short and named and len(tokens) <= 12 and _person_before_preposition(tokens):
                cut = -2 if tokens[-2] in ("in", "at") and tokens[-1][:1].isupper() else len(tokens)
                short = " ".join(tokens[:cut])  # all of it, as the reader cites it, but where they sit ("in Damascus")
            short = short or _described_person_head(tokens)
            return (short, None, False) if short else (None, None, False)
        # "the ministry": kept marked as definite, so the context can find which ministry
        return ("the " if definite else "") + " ".join(tokens), None, False
    return _name_case(" ".join(name)), _clean_role(" ".join(tokens[:j])), True


def _title_after_name(tokens: list[str]) -> tuple[str, str | None, bool] | None:
    """A capitalised title written after the name (translated copy): the two name words before it are the name,
    and a place before them ("Russia") joins the role. Never a body ("Syrian Foreign Ministry Spokesman")."""
    if len(tokens) < 3 or not is_title_token(tokens[-1]) or not all(t[:1].isupper() for t in tokens):
        return None
    k = len(tokens) - 1
    while k > 0 and (is_title_token(tokens[k - 1]) or tokens[k - 1] in _TITLE_NOUN_MODIFIERS):
        k -= 1
    if k < 2 or len(tokens) - k > 3 or k > 3:
        return None
    name = tokens[k - 2 : k]
    if not all(_is_name_word(w) and not w.isupper() and w.lower() not in _BODY_WORDS | _ORG_WORDS for w in tokens[:k]):
        return None
    return " ".join(name), _clean_role(" ".join(tokens[: k - 2] + tokens[k:])), True


_TITLE_NOUN_MODIFIERS = frozenset("Press Prime Chief General".split())
_ORG_WORDS = frozenset("watch rights nations party front fund bank news times post press agency union human".split())


# Unnamed people described at length: the head noun and its first named place or body is what a reader cites.
_DESCRIBED_PEOPLE = frozenset(
    """source sources official officials officer officers spokesman spokeswoman spokesperson diplomat diplomats
    commander analyst resident residents member members employee employees adviser advisor aide doctor worker
    soldier""".split()
)


def _short_description(tokens: list[str]) -> str | None:
    """ "source in the Ministry of Interior of the interim government" -> "source in the Ministry of Interior"."""
    h = next((i for i, t in enumerate(tokens[:3]) if t.lower() in _DESCRIBED_PEOPLE), -1)  # "a senior source in"
    if h < 0 or h + 2 >= len(tokens) or tokens[h + 1].lower() not in _PREPOSITIONS or \
            any(t[:1].isupper() for t in tokens[:h]):
        return None
    k = h + 2
    while k < len(tokens) and tokens[k].lower() in _DETERMINERS:
        k += 1
    named = 0
    while k < len(tokens) and (tokens[k][:1].isupper() or (
            tokens[k] in ("of", "for", "and") and k + 1 < len(tokens) and tokens[k + 1][:1].isupper())):
        named += tokens[k][:1].isupper()
        k += 1
    return " ".join(tokens[:k]) if named else None


def parse_speaker(phrase: str) -> Speaker:
    """Split "top EU diplomat Kaja Kallas" into ("Kaja Kallas", "top EU diplomat").

    Appositives are read both ways round: "Nikita Smagin, an expert on Iran" and "Iran's foreign
    minister, Abbas Araghchi" give the name as speaker and the other part as role.
    """
    name, role = _parse_subject(phrase)
    return _undefinite(name), role


def _undefinite(name: str | None) -> str | None:
    return name[4:] if name and name.startswith("the ") else name


def _parse_subject(phrase: str) -> Speaker:
    if "\u2014" in phrase or "\u2013" in phrase:
        phrase = _DASH_ASIDE.sub("", phrase)  # "a representative of the navy — who asked not to be named — said"
    phrase = _strip_filler(_KICKER.sub("", phrase.strip(), count=1).strip(",;:—–-*_ "))
    if "/" in phrase[:4] and (thread := _THREAD_NUMBER.match(phrase)):
        phrase = phrase[thread.end() :]  # "2/ 'Two Majors' explains": the thread's number is nobody
    if phrase[:1] in "'\u2018" and phrase.rstrip()[-1:] in "'\u2019" and len(phrase) > 3:
        phrase = phrase.strip().strip("'\u2018\u2019")  # "'Two Majors' explains": a channel's name in single marks
    if phrase.startswith(("Also ", "And ", "But ")):
        phrase = _ADVERB_BEFORE_OPENER.sub("", phrase, count=1)  # "Also in the letter, Mr. al-Hadi said": not "Also"
    if "(" in phrase:
        phrase = _TRANSLATION.sub("", phrase)  # "the channel Severny Veter ("North Wind")": the name, not its gloss
    if " after " in phrase or " before " in phrase:
        phrase = _CAME_AFTER.sub("", phrase, count=1)  # "The call came a day after the ministry": the ministry
    if " by " in phrase or " from " in phrase:
        phrase = _STATEMENT_BY.sub("", phrase, count=1)  # "a statement by the Directorate": the Directorate
    if "s statement" in phrase or "s post" in phrase:
        phrase = _STATEMENT_OF.sub("", phrase, count=1)  # "The ministry's statement, carried by SANA,": the ministry
    given = _given_name(phrase)
    if given:
        return given
    if " was " in phrase or " were " in phrase:
        phrase = _AMONG_WAS.sub("", phrase, count=1)  # "Among the guests was NAME, ROLE,": NAME
    parts = [p.strip() for p in phrase.split(",") if p.strip() and not p.strip().isdigit()]  # "NAME, 61, a farmer"
    if parts:
        parts[0] = _TIME_OPENER.sub("", parts[0], count=1) or parts[0]  # "On Thursday he was quoted": he
        if len(parts) == 1:
            parts[0] = _subject_after_opener(parts[0])  # "In a television interview on May 2 he", "In Hama a nurse"
    quoting = _QUOTING.match(parts[0]) if len(parts) >= 2 else None
    if quoting:  # "Quoting a senior officer, the agency said": the officer's words
        name, role, _ = _parse_part(quoting.group(1))
        if name:
            return _undefinite(name), role
    if len(parts) >= 2 and parts[0].startswith(("Quoting ", "Citing ")):
        parts.pop(0)  # "Citing its own sources, the agency said": the agency
    while len(parts) >= 2 and (_TIME_PART.match(parts[0]) or _SENTENCE_ADVERB.fullmatch(parts[0])):
        parts.pop(0)  # "Early Sunday, rebels announced", "Separately, the ministry said": not who
    relative = next((i for i in range(1, len(parts) - 1) if parts[i].startswith(("who ", "whose "))), 0)
    if relative:  # "NAME, who met the envoy, Geir Pedersen, in London, said": the envoy is inside the clause
        parts = parts[:relative]
    if parts:
        parts[-1] = _WEEKDAY_TAIL.sub("", parts[-1]) or parts[-1]  # "... in Manama last Saturday said"
    while len(parts) >= 2 and _MODIFIER.match(parts[-1]):
        parts.pop()  # "The statement, signed by eleven agencies,": a modifier, the subject stands before it
    while len(parts) >= 2 and _ADVERB_THEN_PLACE.match(parts[-1]):
        parts.pop()  # "Syrian state media, now under the control of the new authorities,": where it stands, not who
    while len(parts) >= 2 and parts[-1].split()[0].lower() in ("from", "of", "with", "in"):
        parts.pop()  # "Another envoy, from the Nordic camp,": where the speaker stands, not who
    while len(parts) >= 3 and _PLACE_THEN_COUNTRY.search(parts[-2]) and _country_part(parts[-1]) and \
            any(_parse_part(p)[2] for p in parts[:-2]):
        parts.pop()  # "a briefer speaking from Gaziantep, Türkiye,": the place's country, not who
    if parts:
        parts[-1] = _RELATIVE.sub("", parts[-1]) or parts[-1]  # "a blogger who calls himself ...": the blogger
    if not parts:
        return None, None
    if len(parts) >= 2 and parts[-1].lower() in _PRONOUNS_PERSON:
        named = _named_in_subordinate(parts[0])
        if named:
            return named
        return parts[-1].lower(), None  # "Moscow, he added, was ...": he, whoever "he" is
    parts[-1] = _NOUN_BEFORE_SPEAKER.sub("", parts[-1], count=1)  # "a step a border official described"
    name, role, proper = _parse_part(parts[-1])
    if len(parts) >= 2:
        described = _described_with_appositive(parts[-2], parts[-1], proper)
        if described:
            return described
        prev = _LEADING.sub("", parts[-2]).strip()
        p_name, p_role, p_proper = _parse_part(prev)
        starts_np = bool(prev) and prev.split()[0].lower() not in _PREPOSITIONS
        bare = p_role is None or _has_title(p_role)
        # NAME, ROLE; a role may hold capitalised words of its own ("Maria Lind, Under-Secretary-General for
        # Humanitarian Affairs and Emergency Relief Coordinator"): it opens with a title, the name does not.
        # Not "In Bergen, Mayor Tomas Holm": there the last part is a title and a name.
        titled = proper and _opens_with_title(parts[-1]) and p_role is None and \
            not is_title_token((role or "x").split()[-1])
        long_of = len(prev.split()) <= 12 and bool(_NAME_OF_ORG.match(prev))  # "NAME of the X Institute, a think tank"
        if (not proper or titled) and p_proper and starts_np and p_name and (
                (bare and len(prev.split()) <= 6) or long_of):
            return p_name, _clean_role(", ".join(x for x in (p_role, _clean_role(parts[-1])) if x))
        short = len(prev.split()) <= 6  # "...displaced since late November, the UN office": a clause, no name
        thing = bool(p_role) and p_role.split()[-1].lower() not in _PERSON_NOUNS and not _has_title(p_role or "")
        last_word = prev.split()[-1]  # "The port's new managers, a shipping agent reckons": the managers say nothing
        thing = thing or (not p_proper and last_word[:1].islower() and
                          last_word not in _PERSON_NOUNS | _PLURAL_SPEAKERS)
        if not proper and starts_np and p_name and parts[-1].split()[0].lower() in _DETERMINERS and len(parts) == 2 \
                and short and not thing:  # not "The ferry Blue Horizon, a harbour pilot says": the pilot
            return p_name, _clean_role(parts[-1])  # "One guard, a young man from Jableh"
        if proper and not role and not p_proper and p_name and len(prev.split()) <= 8 and (
                _has_title(prev) or _described_person(prev)):
            return name, _clean_role(prev)  # ROLE, NAME; "a resident of Qamishli, Abu Kawa,"
    return name, role


# A sentence that ends by naming its source: "..., according to channels close to the army."
_ACCORDING_AT_END = re.compile(r",\s*according\s+to\s+(?P<np>[^,.;:\"\u201c\u201d\u00ab\u00bb]{2,80})[.!?]?\s*$")
# A sentence that ends with the outlet that carried it: "..., Norway's state news agency NTB reported on Monday."
_TRAILING_REPORTER = re.compile(
    r",\s+(?P<np>(?:[\w'\u2019\-]+\s+){0,5}[A-Z][\w'\u2019\-]*)\s+reported(?:\s+on\s+[A-Z][a-z]+)?\.?\s*$"
)
# `"...," the FT quoted a senior official as saying`, `NTB cited NAME as telling reporters`: who is cited speaks.
_QUOTED_AS_AFTER = re.compile(
    r"(?:[\w'\u2019.\-]+\s+){1,6}?(?:quoted|cited|quotes|cites)\s+(?P<np>[^,;:.\"\u201c\u00ab]{2,80}?)\s+as\s+"
    r"(?:saying|telling|stating|writing|adding)\b"
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
# `"...," is the lament of NAME`, `was the verdict of one analyst`, `was how NAME put it`: whose words they are.
_LAMENT_OF = re.compile(
    r"(?:is|was)\s+(?:the|a|one)\s+(?:[a-z\-]+\s+)?(?:lament|verdict|view|assessment|complaint|message|warning|"
    r"refrain|response|reaction|comment|conclusion|judgement|judgment)\s+(?:of|from)\s+"
    r"(?P<np>[^.;:\"\u201c\u00ab]{2,120}?)\s*(?:[.;]|$)"
)
# `"...," read a headline on a news site`, `read the caption of a post by NAME`: the page or its author.
_READ_A_HEADLINE = re.compile(
    r"reads?\s+(?:a|the|one)\s+(?:[\w\-]+\s+)?(?:headline|caption|banner|sign|post|message|title|tweet|placard|"
    r"statement|note)(?:\s+(?P<where>on|in|of|from|by|at)\s+(?P<np>[^,.;:\"\u201c\u00ab]{2,80}))?"
)
# A sentence that ends with who said it: "..., investigative journalist Ivo Marr said on Jan. 27."
_SAID_AT_END = re.compile(
    r",\s+(?P<np>(?:[\w'\u2019.\-]+\s+){0,6}?[\w'\u2019\-]+)\s+said(?:\s+on\s+[\w.]+(?:\s+\d{1,2})?)?\.?\s*$"
)
_ADVERB_BEFORE_OPENER = re.compile(r"^(?:Also|And|But)\s+(?=(?:in|on|at|during|for|after)\s)")
# An aside set off by dashes after the subject: "a representative of the navy — who refused to be named — said".
_DASH_ASIDE = re.compile(
    r"(?<=\w)\s+[\u2014\u2013]\s+(?:who|whose|which|speaking|citing)\b[^\u2014\u2013\"\u201c]{0,150}(?:[\u2014\u2013]\s*|$)"
)


# "The visit came a day after the ministry said", "It happened hours before X told": the event is not who spoke.
_CAME_AFTER = re.compile(
    r"^(?i:the|a|an|it|this|that)\s+(?:[a-z\-]+\s+){0,3}?(?:came|comes|happened|followed|occurred)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:after|before)\s+(?=\S)"
)


# "Among the guests was NAME", "Next to him was NAME": where the person stood, then the person.
_AMONG_WAS = re.compile(
    r"^(?:Among|Next\s+to|Beside|Behind|With\s+(?:him|her|them)|At\s+(?:his|her|the)\s+[a-z]+)\b[^,\"\u201c]{0,80}?"
    r"\s(?:was|were)\s+(?=[A-Z])"
)


# "When NAME spoke last week, he said": a subordinate clause that names its own subject before the pronoun.
_SUBORDINATE_NAME = re.compile(r"^(?:When|After|As|While|Before|Once|Although|Though|Since|Until)\s+(?=[A-Z])")


def _named_in_subordinate(clause: str) -> Speaker | None:
    """ "When NAME spoke last week", "On Sunday the archbishop celebrated a mass at X": the person the clause
    is about, the "he" of the clause after it."""
    opener = _SUBORDINATE_NAME.match(clause)
    verb = _FIRST_VERB.match((clause[opener.end() :] if opener else _subject_after_opener(clause)) + " ")
    if not verb:
        return None
    name, role, proper = _parse_part(verb.group(1))
    words = (name or "").split()
    if not proper and len(words) == 2 and words[0] == "the" and (
            words[1] in _PERSON_NOUNS or words[1] in NAME_TITLES or is_title_token(words[1])):
        return name, role  # "the archbishop", resolved to the archbishop named before
    if not proper or not name or len(words) < 2 or is_body(name):
        return None  # "When Moscow agreed, he said": a place or a body is not the "he"
    return name, role


# A clause-opening time adverbial: "Early Sunday", "On Monday", "Late on Dec. 8", "Overnight".
_TIME_PART = re.compile(
    r"^(?:(?:early|late|later|earlier|on|by|overnight|last|this|that|next|in\s+the)\s+)*(?:on\s+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|afternoon|evening|night|week|month|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})"
    r"(?:\s+(?:morning|afternoon|evening|night))?$|^(?:overnight|later|earlier|meanwhile)$",
    re.I,
)
# The same opener with no comma before the subject ("On Thursday he", "Late on Friday the ministry").
_TIME_OPENER = re.compile(
    r"^(?i:(?:early|late|later)\s+)?(?i:on|last|this|by)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?=\S)|"
    r"^(?i:(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|minutes|days|weeks|moments|a\s+day|a\s+week)"
    r"\s+later)\s+(?=\S)"
)  # ... and "Hours later he said"
# A participle with its agent after a subject ("signed by", "backed by", "quoted by") and a relative clause
# ("who calls himself ..."): neither is the speaker's name.
# A participle phrase after the role ("NAME, Special Envoy for Syria, briefing by videoconference from Damascus,
# said") is what the speaker was doing, not who.
_MODIFIER = re.compile(r"(?:[a-z]+(?:ed|en|wn)\s+by|who|whose|which|[a-z]{2,}ing\s)\b")
# ... unless the clause gives the name ("a retired teacher who gave his name only as Abu Fadi").
_RELATIVE = re.compile(
    r"\s+(?:who|whose|which)\s+(?:[^A-Z\"\u201c]|(?:(?<=in )|(?<=at )|(?<=from )|(?<=near ))[A-Z]|"
    r"[\"\u201c][^\"\u201d]*[\"\u201d])*$"
)  # "who gathered in Manama": a place after a preposition is no name given
_SENTENCE_ADVERB = re.compile(
    r"(?i)[a-z]+ly|meanwhile|however|instead|later|earlier|still|also|yet|again|in turn|in response|in addition|"
    r"for (?:its|his|her|their) part|at the same time|(?:asked|speaking|writing|responding|commenting|referring)\b.*"
)  # "Separately, X said" / "Asked whether ..., X said": not the speaker
_WEEKDAY_TAIL = re.compile(  # (?<!\s): tried once per run of spaces, never at each space of a long run
    r"(?<!\s)\s+(?:(?:on|last|this|this past|next|late|early)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*$"
)


# 'a channel known as "Sea Wolf"', 'a blogger calling himself «Ded»': the name in quote marks is who speaks.
_QUOTED_NAME = re.compile(
    r"\b(?:known\s+as|called|named|dubbed|calling\s+(?:itself|himself|herself))\s+[\"\u201c\u00ab]\s*"
    r"([A-Z][^\"\u201c\u201d\u00ab\u00bb]{0,40}?[\w.!])\s*[\"\u201d\u00bb]"
)


# "A rebel commander, who gave his name only as Abu Khaled,": the name the person gave is the speaker.
_GAVE_NAME = re.compile(
    r",?\s+who\s+(?:(?:would\s+)?(?:only\s+)?(?:gave|give)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|full\s+)?"
    r"name\s+(?:only\s+)?as|gave\s+only\s+(?:his|her|their)\s+(?:first\s+)?name,?|"
    r"identified\s+(?:himself|herself)\s+(?:only\s+)?(?:as|by)|"
    r"(?:goes|went|is\s+known|was\s+known)\s+by\s+(?:the|his|her|a)\s+(?:nom\s+de\s+guerre|name|alias|pseudonym)|"
    r"(?:is|was)\s+known\s+as|"
    r"asked\s+to\s+be\s+identified\s+(?:only\s+)?(?:as|by)(?:\s+(?:his|her)\s+(?:first\s+)?name)?),?\s+"
    r"((?:[A-Z][\w'\u2019.\-]*\s+|(?:al|el|bin|ibn|abu)-?\s*){0,3}[A-Z][\w'\u2019\-]*)"
)


def _given_name(phrase: str) -> Speaker | None:
    quoted = _QUOTED_NAME.search(phrase) if '"' in phrase or "\u201c" in phrase or "\u00ab" in phrase else None
    if quoted and not phrase[quoted.end() :].strip(" ,"):
        described = _LEADING.sub("", phrase[: quoted.start()].strip().split(",")[-1]).strip()
        return quoted.group(1), _clean_role(described) if described else None
    if " named " in phrase or " called " in phrase:
        named = _named_person(phrase, at_end=True)
        if named:
            return named  # "a fisherman called Abu Samir"
    m = _GAVE_NAME.search(phrase) if " who " in phrase else None
    if not m:
        return None
    described = _LEADING.sub("", phrase[: m.start()].strip().split(",")[-1]).strip()
    if described in ("and", "but"):  # "A young woman who sings in the choir, and who asked to be identified as NAME"
        described = _RELATIVE.sub("", phrase[: m.start()].strip().split(",")[0]).strip()
    return m.group(1), _clean_role(described) if described else None


def _opens_with_title(phrase: str) -> bool:
    """ "Under-Secretary-General for ...", "Executive Director of ...": a title in its first two words."""
    words = [w for w in phrase.split() if w.lower() not in _DETERMINERS][:2]
    if words and words[0].lower() in HONORIFICS:
        return False
    return bool(words) and (is_title_token(words[0]) or (len(words) == 2 and words[0][:1].isupper() and
                                                         is_title_token(words[1])))


def _has_title(phrase: str) -> bool:
    return any(is_title_token(w) for w in phrase.split())


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = _DOING.sub("", role.strip().strip(","))  # "briefer speaking from Gaziantep": what they did, not the role
    if role.startswith(("who ", "whose ", "which ")):
        return None  # "said NAME, whose side face Spain on Sunday": a clause about them, no role
    if " who " in role or " whose " in role:
        role = _ROLE_RELATIVE.sub("", role) or role  # "58-year-old widow who sells vegetables": the widow
    words = role.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if all(w.lower() in HONORIFICS or w.isdigit() for w in words):
        return None  # "Mr", "34" (an age): no role
    return " ".join(words) or None


def is_body(name: str) -> bool:
    """An organisation speaking (a ministry, an agency, ISW), not a person."""
    words = name.replace("'s", "").replace("\u2019s", "").split()
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return True  # ISW, HUR, SOHR, TASS
    if len(words) >= 2 and (words[-1] in _PERSON_NOUNS or _person_described_by_body(words)):
        return False  # "a Russian military blogger", "a source close to the ministry": a person
    return any(w.lower().strip(".,") in _BODY_WORDS for w in words)


_AGE_REFERENCE = re.compile(r"(\d{1,3})-year-old(?:\s+[a-z\-]+)?$")


def _by_age(description: str, recent: list[Speaker], last_person: Speaker) -> Speaker | None:
    """ "the 34-year-old", "the 58-year-old scholar": the person given that age before ("NAME, 34, a teacher"),
    else the person the text was last about: an age alone names no one new."""
    m = _AGE_REFERENCE.match(description)
    if not m:
        return None
    age = re.compile(r"(?<!\d)" + m.group(1) + r"(?!\d)")
    found = next((r for r in reversed(recent) if r[0] and age.search(f"{r[0]} {r[1] or ''}")), None)
    return found or (last_person if last_person[0] else None)


@dataclass
class SpeakerContext:
    """Who has been named so far in one document, so later references resolve to them."""

    full_names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    roles: dict[str, str] = field(default_factory=dict)  # full name -> first role seen
    recent: list[Speaker] = field(default_factory=list)  # named speakers and bodies, latest last
    last_person: Speaker = (None, None)
    last_body: Speaker = (None, None)
    last_quoted: Speaker = (None, None)  # speaker of the last quotation, for verb-less paragraphs
    open_quote: bool = False  # the last paragraph ended inside a quotation
    reported: Speaker = (None, None)  # who the last paragraph's closing sentence reported, without quote marks
    text: str = ""  # the whole document, where a bare surname's full name is looked up
    paragraph_person: Speaker = (None, None)  # the person the current paragraph is about, for "the host"
    introduced: Speaker = (None, None)  # who the last paragraph ended introducing ("NAME said:"), for a release
    statement_by: Speaker = (None, None)  # who the text last said spoke in a statement, for "the statement said"
    genders: dict[str, str] = field(default_factory=dict)  # name -> "he" or "she", as the text referred to them
    is_place: Callable[[str], bool] | None = None  # "Ankara": a place's name, never a first name
    turn: Speaker = (None, None)  # whose turn it is in a parliament's verbatim record (see verbatim_turn)
    answering: bool = False  # an interview with bold questions: the lines after a question are the answer
    bold_questions: frozenset[str] | None = None  # that interview's questions, found once per document
    _interviewee: Speaker = (None, None)  # the person that interview is with
    _searched: dict[str, str | None] = field(default_factory=dict)
    _pairs: dict[str, list[re.Match[str]]] | None = None
    _titled: list[tuple[str, str, str]] | None = None  # "Brazilian ", "President", "Paulo Serra" in the text

    def interviewee(self) -> Speaker:
        """Who answers the "A:" lines of a transcript: the last person named in full before the first "Q:"."""
        # the line's own indent only (not ``^\s*``, which rescanned a run of blank lines from each of them)
        first_q = re.search(r"(?m)^[^\S\n]*Q\s*:", self.text)
        intro = self.text[: first_q.start()] if first_q else ""
        found: Speaker = (None, None)
        for m in _NAME_PAIR.finditer(intro):
            first, last = m.group(1), m.group(2)
            if not is_title_token(first) and first not in _NOT_FIRST_NAMES and not first.endswith("'s"):
                found = (f"{first} {last}", None)
        return self.resolve(found) if found[0] else found

    def resolve(self, speaker: Speaker | None) -> Speaker | None:
        if not speaker or not speaker[0]:
            return speaker
        name, role = speaker
        low = name.lower()
        if low in ("his", "her", "its", "their", "our", "my") or not re.search(r"[^\W\d_]{2}", low.replace("'s", "")):
            return None  # a stray possessive or no word at all: no speaker
        if low.startswith("the ") and low[4:] in _PARAGRAPH_ROLES and self.paragraph_person[0]:
            return self.paragraph_person  # "On Monday, NAME was angrier. "...," the host said": NAME
        if low.startswith("the "):
            found = self._definite(low[4:])
            if not found and _AGED.match(low, 4) and self.last_person[0] and self.last_person[0][:1].isupper():
                found = self.last_person  # "Tang Weiguo ... The 58-year-old scholar said": an age points back
            return found if found else (name[4:], role)
        owner = _COUNTRY_OFFICE.match(name) if "'s " in name or "\u2019s " in name else None
        if owner:  # "Greece's foreign minister": the Greek foreign minister named before
            found = self._titled_one([owner.group(1).lower(), *owner.group(2).lower().split()], stem=4)  # Greek
            if found:
                return found
        if low.startswith(("his ", "her ")) and (
            low.split()[-1] in _KIN or (self.last_person[0] and not self.last_person[0][:1].isupper())
        ):
            return name, role  # "his cousin", "her neighbour"; "one of them ... His driver said": as written
        if low.startswith(("his ", "her ")) and self.last_person[0]:
            return f"{self.last_person[0]}'s {name[4:]}", role  # "his office"
        if low.startswith("its ") and self.last_body[0]:
            return f"{self.last_body[0]}'s {name[4:]}", role
        if low in _PRONOUNS_PERSON:
            return self._agreeing(low)
        if low in _PRONOUNS_BODY:
            return self.last_body if self.last_body[0] else (self.last_person if self.last_person[0] else None)
        words = name.split()
        if len(words) == 1 and (name[:1].isupper() or (_PARTICLES.match(name) and "-" in name)):
            full = self.full_names.get(_surname_key(name)) or self._full_name_in_text(name)
            if full:
                return full, role or self.roles.get(full)
        if role is None and name in self.roles:
            return name, self.roles[name]
        return name, role

    def _full_name_in_text(self, surname: str) -> str | None:
        """ "Peskov" -> "Dmitry Peskov" when the document writes the full name somewhere."""
        if surname in self._searched:
            return self._searched[surname]
        found = None
        if self._pairs is None:
            # One pass over the document: every "Capitalised Capitalised" pair, by its second word.
            self._pairs = {}
            for m in _NAME_PAIR.finditer(self.text):
                self._pairs.setdefault(m.group(2), []).append(m)
        pairs = self._pairs.get(surname, [])
        if len(pairs) > 1:  # "talks in Ankara Fidan ..." and "Hakan Fidan": the pair after no preposition first
            pairs = sorted(pairs, key=lambda m: self.text[max(0, m.start() - 12) : m.start()].split()[-1:] != [] and
                           self.text[max(0, m.start() - 12) : m.start()].split()[-1].lower() in _OPENER_WORDS)
        for m in pairs:
            first = m.group(1)
            titles = self.text[max(0, m.start() - 50) : m.start()].split()
            if titles and titles[-1] in _OPENING_PREPOSITIONS:
                continue  # "In Moscow Lavrov said": a place, then the surname
            if first.lower() in _BODY_WORDS or first.lower() in _STATE_HEADS:
                continue  # "At the UN Security Council Nebenzia said": a body, then the surname
            if self.is_place is not None and titles and titles[-1].lower() in _OPENER_WORDS and self.is_place(first):
                continue  # "During his visit to Ankara Fidan said": a place, then the surname
            if first in _AUXILIARIES and (not titles or titles[-1].endswith((".", ":", "?", "!", '"'))):
                continue  # "Will Moscow hand him over?": a question's first word, then a place or a body
            if not is_title_token(first) and first not in _NOT_FIRST_NAMES and not first.endswith("'s"):
                found = f"{first} {surname}"
                if titles and _is_name_word(titles[-1]) and titles[-1] not in _NOT_FIRST_NAMES and \
                        len(titles) >= 2 and is_title_token(titles[-2]):
                    found = f"{titles.pop()} {found}"  # "President Recep Tayyip Erdogan": a three-part name
                elif titles and _PATRONYMIC.search(first) and _is_name_word(titles[-1]) and \
                        titles[-1] not in _NOT_FIRST_NAMES and not titles[-1].endswith(_PUNCT):
                    found = f"{titles.pop()} {found}"  # "Tatiana Sergeyevna Orlova": given name, patronymic, surname
                k = len(titles)
                while k > 0 and (is_title_token(titles[k - 1]) or titles[k - 1].endswith(("'s", "\u2019s"))):
                    k -= 1
                extra = 0
                while k > 0 and extra < 2 and titles[k - 1][:1].isupper() and not titles[k - 1].endswith(_PUNCT) \
                        and titles[k - 1] not in _OPENING_PREPOSITIONS and (k < 2 or titles[k - 2] not in
                                                                           _OPENING_PREPOSITIONS):
                    k -= 1  # "Finance Minister", "Interior Ministry spokesman"
                    extra += 1
                if k < len(titles) and any(is_title_token(w) for w in titles[k:]):
                    self.roles.setdefault(found, " ".join(titles[k:]).strip(",;:"))  # "Finance Minister Leila Ahmadi"
                break
        self._searched[surname] = found
        if found:
            self.full_names.setdefault(_surname_key(surname), found)
        return found

    def _definite(self, description: str) -> Speaker | None:
        """ "spokesperson" or "ministry": the latest speaker whose name or role has that head word."""
        words = description.split()
        aged = _by_age(description, self.recent, self.last_person)
        if aged:
            return aged  # "the 58-year-old scholar", "the 34-year-old"
        if words and words[-1] == "statement" and self.statement_by[0]:
            return self.statement_by  # "In a statement posted on his channel, NAME said ... "...," the statement said"
        if len(words) > 2:
            return self._titled_one(words)  # "the former Syrian leader": the person with that office named before
        if len(words) == 2 and (titled := self._titled_one(words)):
            return titled  # "the Russian president": not the latest president of any country
        head = words[-1]
        keys = set(_HEAD_SYNONYMS.get(head, (head,)))
        keys |= {k + "s" for k in keys}
        for name, role in reversed(self.recent):
            text = set(re.findall(r"[\w\-]+", f"{name} {role or self.roles.get(name, '')}".lower()))
            if keys & text or (head == "statement" and _plural(name)):
                return name, role  # "the agencies ... The statement": theirs
        if head == "statement" and self.last_body[0]:
            return self.last_body  # "according to a statement by the Communications Directorate ... the statement said"
        return None

    def _titled_one(self, words: list[str], stem: int = 5) -> Speaker | None:
        """ "the former Peruvian leader", "the Russian head of state": the latest person named before whose role
        holds the office, and every nationality the description gives ("Peruvian" in "Peru's president"). A
        description of anything else ("the Syrian army command") is a new speaker as written."""
        head = words[-1]
        if head not in _OFFICE_SYNONYMS or len(words) > 4 or any(w in _BODY_WORDS for w in words):
            return None
        stems = [w[:stem] for w in words[:-1] if w not in _OFFICE_MODIFIERS]  # "Russian" in "Russia's"
        if any(len(w) < 4 for w in stems):
            return None  # a word that is no nationality and no "former": not a plain reference back
        offices = _OFFICE_SYNONYMS[head]
        for name, role in reversed(self.recent):
            role = role or self.roles.get(name or "")
            if not name or not role or is_body(name) or not name[:1].isupper():
                continue
            text = role.lower()
            if any(k in text.split() for k in offices) and all(st in text for st in stems):
                return name, role
        if not stems:
            return None  # "the former leader": whose country the text must say
        # "Brazilian President Paulo Serra" written once in the text, never a speaker: the one person so titled
        if self._titled is None:  # one pass over the document
            self._titled = [(m.group(1), m.group(2), m.group(3)) for m in _TITLED_NAME.finditer(self.text)]
        found = {(name, f"{where}{office}") for where, office, name in self._titled
                 if office.lower().split()[-1] in offices and all(st in where.lower() for st in stems)}
        return found.pop() if len({n for n, _ in found}) == 1 else None

    def new_entry(self) -> None:
        """A live page's new time-stamped entry or a chronicle's new day: "he" starts afresh."""
        self.last_person = self.last_body = self.last_quoted = self.reported = self.introduced = (None, None)
        self.open_quote = False

    def remember(self, speaker: Speaker | None) -> None:
        if not speaker or not speaker[0]:
            return
        name, role = speaker
        if name.lower() in _PRONOUNS_PERSON | _PRONOUNS_BODY or (
                name.lower().startswith(("his ", "her ", "its ")) and name.lower().split()[-1] not in _KIN):
            return  # a reference nothing resolved: remembering it would mislead later ones ("his cousin" is someone)
        words = name.split()
        if len(words) >= 2 and all(w[:1].isupper() or _PARTICLES.match(w) for w in words) and not is_body(name):
            self.full_names.setdefault(_surname_key(words[-1]), name)
        if role and name not in self.roles:
            self.roles[name] = role
        self.recent.append((name, role))
        del self.recent[:-20]
        if is_body(name) and not _unnamed_person_of_body(name):  # ("a source close to the Kremlin" is a person)
            self.last_body = (name, role)
        elif not _plural(name):
            self.last_person = (name, role)  # "officials", "witnesses": never "he" or "she"
            self.paragraph_person = (name, role)

    def note(self, speaker: Speaker) -> None:
        """A speaker a later "the agency" may point to, who is not the sentence's "it" or "he"."""
        if speaker[0]:
            self.recent.append(speaker)
            del self.recent[:-20]

    def _agreeing(self, pronoun: str) -> Speaker | None:
        """ "he" or "she": the last person named, unless the text already called them the other; then the
        latest person it did not call the other ("Her neighbour, NAME" ... "he replied": NAME)."""
        person = self.last_person
        if person[0] and self.genders.get(person[0], pronoun) != pronoun:
            others = [r for r in reversed(self.recent) if r[0] and r[0] != person[0] and not is_body(r[0])
                      and not _plural(r[0]) and self.genders.get(r[0], pronoun) == pronoun]
            # the latest person the text never called the other ("Her neighbour, NAME": he, not she)
            person = others[0] if others else person
        if not person[0]:
            return None
        self.genders.setdefault(person[0], pronoun)
        return person


_AGED = re.compile(r"\d{1,3}-year-old\b")
# An age written before a name, in figures or words: "12-year-old", "Twelve-year-old", "seventy-five-year-old".
_AGE_WORD = re.compile(r"(?:\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)-year-old$")
# People named by their tie to someone: "his cousin" is their own speaker, not "NAME's cousin".
_KIN = frozenset(
    """cousin brother sister son daughter father mother wife husband uncle aunt nephew niece neighbour neighbor
    colleague partner
    friend grandson granddaughter grandfather grandmother brother-in-law sister-in-law fiancee fiance""".split()
)


_PLURAL_SPEAKERS = frozenset(
    """officials witnesses residents sources analysts activists diplomats rebels fighters soldiers troops police
    authorities experts observers monitors doctors medics locals villagers protesters militants commanders
    ministers leaders lawmakers people others officers workers journalists reporters""".split()
)


def _plural(name: str) -> bool:
    if name[:7].lower() == "one of ":
        return False  # "one of the returning soldiers": one person
    words = name.split()
    head = words[-1] if words else ""
    if head.lower() in _PLURAL_SPEAKERS:
        return True
    return head[:1].islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))


_NAME_PAIR = re.compile(r"\b([A-Z][\w\-]+)[^\S\n]+(?=((?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w\-]+)\b)")  # one line
_NOT_FIRST_NAMES = frozenset(
    """The A An This That In On At As And But Or If When While After Before During Since Until By For From
    With Of To Mr Mrs Ms Dr Sir President Minister General Leader Russian Syrian Ukrainian American Iranian
    Turkish Israeli British French Kremlin Foreign Defense Defence State Prime Deputy Former Said Told Asked
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Quoting Citing According Speaking Asked""".split()
)


# A question's first word, never a first name there ("Will Moscow ...?", "Can Damascus ...?").
_AUXILIARIES = frozenset(
    "Will Can Could Would Should Shall May Might Must Did Does Do Is Are Was Were Has Have Had".split()
)


def _surname_key(word: str) -> str:
    word = re.sub(r"['\u2019]s$", "", word)
    return re.sub(r"^(?:al|el|bin|ibn|abu)-", "", word.lower())


def _attribution_after(after: str, short: bool = False, closing: str = "") -> Speaker | None:
    """`"...," X said ...` or `"...," said X` or `"...," according to X`."""
    text = after.lstrip(" ,—–-")
    if not text or text[0] in ".;":
        return None
    m = _ACCORDING.match(text)
    if m:
        return _parse_subject(m.group("np"))
    m = _LAMENT_OF.match(text) if text.startswith(("is ", "was ")) else None
    if m:  # `"...," is the lament of a blogger with 600,000 followers, NAME.`: the blogger
        return _parse_subject(m.group("np"))
    m = _QUOTED_AS_AFTER.match(text) if " as " in text[:160] else None
    if m:  # `"...," the agency quoted NAME as saying`: NAME, not the agency; "quoted him": the "he" before
        np = m.group("np").strip()
        return (_OBJECT_PRONOUNS[np.lower()], None) if np.lower() in _OBJECT_PRONOUNS else _parse_subject(np)
    m = _READ_A_HEADLINE.match(text) if text.startswith("read") else None
    if m:  # `"...," read a headline on a local news site`: the site; `read a banner at the gate`: nobody named
        return _parse_subject(m.group("np")) if m.group("np") and m.group("where") != "at" else None
    m = _VERB_THEN_SUBJECT.match(text)
    if m:
        words = m.group("np").split()
        first = words[0] if words else ""
        if first[:1].isupper() or first.lower() in _NP_STARTS:
            return _after_verb(m.group("np"))  # "said Tomas Berg", "said the ministry"
        if is_title_token(first) or _AGE_WORD.match(first):
            # "said head of the branch Rami Saleh", "said twelve-year-old NAME": a role with no article, then the name
            found = _after_verb(m.group("np"))
            return found if found[0] and found[0][:1].isupper() and found[1] else None
        return None  # "asked not to be named": a verb of its own, no speaker after it
    m = _verb_search(text)
    if not m:
        return _manner_after(after, text, closing)
    if '"' in text[: m.start()]:
        return None
    np = text[: m.start()]
    if word_count(np) > 16:
        who = _LONG_RELATIVE.match(np)  # `a doctor who asked not to be named because ... told AP`: the doctor
        if not who:
            return None
        np = who.group(1)
    elif " who " in np:
        who = _LONG_RELATIVE.match(np)
        if who and who.group(1).split()[0].lower() != "the" and who.group(1).split()[-1] in _PERSON_NOUNS:
            np = who.group(1)  # `"...," a former diplomat who served at the embassy told us`: the diplomat
    if not np.strip() or re.search(r"\b(?:and|but|then)\s*$", np) or re.match(r"\s*(?:and|but|or|then)\s", np):
        return None  # a coordinated verb ("... and emphasized", "... and has ordered") belongs to an earlier subject
    if re.search(r"\b(?:a|an|the|this|that|its|their)\s*$", np, re.I):
        return None  # "a claim": a noun, not a verb
    chunks = [c.split() for c in np.split(",") if c.strip()]
    if short and len(chunks) >= 2 and not (chunks[0][0][:1].isupper() or chunks[0][0].lower() in _NP_STARTS):
        return None  # "strikes, monitors said": the quote sits inside a clause, the verb is not its attribution
    last_part = chunks[-1] if chunks else []
    if not last_part or last_part[0].lower() in _PREPOSITIONS:
        return None  # "... from the observation posts": not a subject
    return _parse_subject(np)


# After a quotation and its comma, a name and any verb closing the sentence: how they said it ("...," NAME fumed.,
# "...," she shot back on X., "...," the judge ruled.). Or a dash and a name alone: "..." \u2014 Mayor NAME.
_MANNER_AFTER = re.compile(
    r"(?P<np>(?:the|a|an)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}|(?:[A-Z][\w.'\u2019\-]*\s+){0,4}"
    r"(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+|he|she|they|He|She|They)"
    r"(?:,\s+(?:\d{1,3}|(?:a|an|the|his|her)\s+[^,\"\u201c\u201d]{1,60}),)?\s+"
    r"(?P<verb>[a-z]{3,}(?:ed|s)|wrote|shot|hit|fired|swore|spoke|sang|cried|sighed|fought)"
    r"(?:\s+(?:back|up|out|off))?(?=[\s,.!?;]|$)(?P<rest>[^.!?;\"\u201c\u201d]{0,80})(?:[.!?;]|$)"
)
_MANNER_TAIL = frozenset(
    """on in at to from during after before outside inside via with later again last this that afterwards back
    angrily quietly bluntly firmly simply softly loudly repeatedly once then as while when through into over aloud
    up out off""".split()
)
_NOT_MANNER = frozenset("was has does goes is its this thus yes us plus less unless various previous".split())
_DASH_NAME = re.compile(
    r"(?:(?:[A-Z][\w.'\u2019\-]*|of|the)\s+){0,5}(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+(?:,\s+[^,\"\u201c]{1,60})?"
    r"\s*[.]?\s*$"
)


def _manner_after(after: str, text: str, closing: str) -> Speaker | None:
    """Who spoke, when what follows a quotation has no verb of speech: a name and the verb of how they said it,
    closing the sentence; or a dash and a name alone. A clause that goes on past the verb, or none, names no one."""
    if after.lstrip()[:1] in ("\u2014", "\u2013", "-") and _DASH_NAME.fullmatch(text.strip()):
        found = _parse_subject(text.strip().rstrip("."))
        return found if found[0] and found[0][:1].isupper() else None
    if closing not in (",", "?", "!") and not after.lstrip().startswith(","):
        return None  # "...," or "...?" then the attribution; not a term in a sentence that runs on
    m = _MANNER_AFTER.match(text)
    if not m or m.group("verb") in _NOT_MANNER or word_count(m.group("rest")) > 8:
        return None
    rest = m.group("rest").split()
    if rest and rest[0].strip(",").lower() not in _MANNER_TAIL and not rest[0].startswith(","):
        return None  # "...," Russian warships waited for days: "warships" is no verb, the clause goes on
    return _parse_subject(m.group("np"))


_PUNCT = (".", ",", ":", ";", "!", "?")
_NP_STARTS = frozenset(
    "the a an one two three four several some another his her its their our my this that these those".split()
)


def _after_verb(np: str) -> Speaker:
    """`said NAME, ROLE, who ...`: the name, and the role up to a relative clause."""
    given = _given_name(np)
    if given:
        return given  # `said a guard, who gave his name as Samir`
    np = re.split(r",\s*(?:who|which|where|when|adding|saying|noting|as|in|at|on)\b", np, maxsplit=1)[0]
    parts = [p.strip() for p in np.split(",") if p.strip()]
    if not parts:
        return None, None
    name, role, proper = _parse_part(parts[0])
    if len(parts) >= 2 and proper:
        return name, _clean_role(", ".join(x for x in (role, _clean_role(", ".join(parts[1:]))) if x))
    head = parts[0].split()
    if len(parts) >= 2 and not proper and 2 <= len(head) <= 5 and head[0].lower() in _NP_STARTS and \
            (head[-1] in _KIN or head[-1] in _PERSON_NOUNS):
        n2, r2, p2 = _parse_part(parts[1])
        if p2 and n2 and not r2 and len(n2.split()) >= 2 and not is_body(n2):
            return n2, _clean_role(parts[0])  # `said his brother-in-law, NAME`: the name, the tie its role
    return name, role


def _attribution_before(before: str) -> tuple[str, Speaker | None, int, str | None] | None:
    """The last speech verb before a quotation, and who its subject is.

    Returns (kind, speaker, words between verb and quote, verb): kind is "verb" (speaker parsed
    from the subject), "carry" (a participle or a coordinated verb: the previous speaker goes on).
    """
    verbs = [v for v in _SPEECH_VERB.finditer(before) if _is_verb(before, v)]
    parts = list(_PARTICIPLE.finditer(before))
    acc = list(_ACCORDING.finditer(before))
    last_verb = verbs[-1] if verbs else None
    last_part = parts[-1] if parts else None
    if last_part and last_part.group(1) == "saying":
        cited = _CITED_AS.search(before, max(0, last_part.start() - 100), last_part.start())
        if cited and (last_verb is None or last_verb.start() <= cited.start()):
            # "agencies cited a Kremlin source as saying ...": the one cited is the speaker
            return "verb", _parse_subject(cited.group("np")), word_count(before[last_part.end() :]), None
    own_subject = _WITH_SUBJECT.search(before, max(0, last_part.start() - 80), last_part.start()) if last_part and \
        (last_verb is None or last_verb.start() < last_part.start()) else None
    if own_subject:  # "..., with spokesman Ivo Marr calling it a": the participle's own subject speaks
        who = _parse_subject(own_subject.group("np"))
        if who[0]:
            return "verb", who, word_count(before[last_part.end() :]), last_part.group(1)
    carried = bool(acc) and last_verb is not None and acc[-1].start() > last_verb.start() and \
        _parse_subject(before[: last_verb.start()])[0] is not None  # "X said, according to KUNA, that": X said it
    if acc and last_verb and acc[-1].end() < last_verb.start() and \
            _WHO_AFTER_ACCORDING.fullmatch(before, acc[-1].end(), last_verb.start()):
        # "..., according to the director of the port, who told us that ...": the one cited speaks
        told = before[last_verb.end() :]
        gap = min(word_count(told), 4) if re.search(r"\bthat\b", told) and word_count(told) <= 12 else word_count(told)
        return "verb", _parse_subject(acc[-1].group("np")), gap, None
    if acc and (not last_verb or acc[-1].start() > last_verb.start()) and not carried:
        return "verb", _parse_subject(acc[-1].group("np")), word_count(before[acc[-1].end() :]), None
    if not last_verb:
        if last_part:
            return "carry", _sentence_subject(before[: last_part.start()]), word_count(before[last_part.end() :]), None
        return None
    between = before[last_verb.end() :]
    if last_verb.group(1) in ("asked", "asks", "ask") and re.match(
        r"\s*(?:\w+\s+)?(?:whether|if|about|why|how)\b", between
    ):
        return "question", None, word_count(between), last_verb.group(1)  # a reported question: not speech
    gap = word_count(between)
    that = between.rfind(" that ") if " that " in between else -1
    if re.search(r"\bthat\b", between) and (gap <= 12 or (that >= 0 and word_count(between[that:]) <= 7)):
        gap = min(gap, 4)  # `X said on Monday that Moscow would "..."`: a quote inside what X said
    if last_part and last_part.start() > last_verb.start():
        gap = word_count(before[last_part.end() :])
        if re.search(r"\bthat\b", before[last_part.end() :]) and gap <= 12:
            gap = min(gap, 4)  # `as saying on Monday that it was done "on humanitarian grounds"`
    if last_verb.group(1) in _JUDGING_VERBS:
        gap = 0  # `valued the offers the northern towns had made as "very generous"`: "as" ties the words to the verb
    subject = _ASKED_OPENING.sub("", before[: last_verb.start()], count=1)
    inverted = _inverted_before_quote(subject, between, last_verb.group(1))
    if inverted:  # `The revenue, says a port official, "..."`: who comes after the verb
        return "verb", inverted, 0, last_verb.group(1)
    whose = _WHOSE_OBJECT.search(subject, max(0, len(subject) - 100))
    if whose:  # "the engineer, whose freedom the State Department has called": the State Department
        found = _parse_subject(whose.group("np"))
        if found[0]:
            return "verb", found, gap, last_verb.group(1)
    what = _WHAT_PRONOUN.search(subject)
    if what:  # "X, who flew to Doha, praised what he called": X
        main = _clause_subject(subject[: what.start()])
        if main and main[0] and not _plural(main[0]):
            return "verb", main, gap, last_verb.group(1)
        return "verb", (what.group(1), None), gap, last_verb.group(1)  # "Protesters mocked what he called": he
    coordinated = re.search(r"\b(?:and|but|then)\s*$", before[verbs[-2].end() : last_verb.start()]) if len(verbs) >= 2 \
        else None  # "calls the rebels "terrorists" and promises": one subject, two verbs
    own = _OWN_SUBJECT.match(before, verbs[-2].end(), last_verb.start()) if coordinated else None
    if own:  # "said Russian personnel handed out bread but told the crowd": the personnel told it
        np = own.group("np")  # "X said he handed out water and told": he is X
        who = _parse_subject(before[: verbs[-2].start()] if np in ("he", "she") else np)
        return "verb", who, gap, last_verb.group(1)
    if len(verbs) >= 2 and not coordinated:  # "and says al-Sharaa stressed": who stressed it, as the outer verb reports
        inner = re.sub(
            r"^\s*(?:(?:reporters|journalists|him|her|them|us|me)\s+)?(?:that\s+)?", "",
            _IN_A_STATEMENT.sub("", before[verbs[-2].end() : last_verb.start()], count=1),
        )  # "told reporters the minister had said": the minister
        inner = _TIME_OPENER.sub("", inner, count=1)
        first = inner.split()[0] if inner.split() else ""
        inner_name = _parse_subject(inner)[0] if word_count(inner) <= 6 else None
        if inner_name and inner_name.lower() in _PRONOUNS_PERSON | _PRONOUNS_BODY:
            outer = _parse_subject(before[: verbs[-2].start()])[0]
            person = inner_name.lower() in _PRONOUNS_PERSON
            if outer and outer[:1].isupper() and person != is_body(outer):
                subject = before[: verbs[-2].start()]  # "X told reporters he had warned": X
            else:
                subject = inner  # "The ministry said he had warned": he, the person named before
        elif inner_name and (first[:1].isupper() or first.lower() in _NP_STARTS or _PARTICLES.match(first)):
            subject = inner
    if re.search(r"\b(?:and|but|then)\s*$", subject) or not subject.strip():
        if acc and not before[: acc[0].start()].strip():
            # "According to the ministry, NAME agreed to step down and told staff to ensure a "...": the ministry's
            return "verb", _parse_subject(acc[0].group("np")), gap, last_verb.group(1)
        return "carry", _opening_subject(subject), gap, last_verb.group(1)
    cut = subject.rfind(" and ")
    if cut > 0 and _AND_SUBJECT.match(subject, cut + 5) and _FIRST_VERB.match(subject[:cut].rstrip(",") + " "):
        subject = subject[cut + 5 :]  # "The talks collapsed and the envoy said": the envoy
    met = _MET_WHO.search(subject, max(0, len(subject) - 120)) if subject.endswith("who ") else None
    found = _parse_subject(met.group("np")) if met else _parse_subject(subject)
    if last_verb.group(1).startswith("put") and not _may_speak(found):
        return None  # "as the old saying puts it": no one speaks
    return "verb", found, gap, last_verb.group(1)


# A sentence that opens "In his words," or "In her own words,": the person named before speaks through it.
_IN_THEIR_WORDS = re.compile(r"\s*(?:[*_]+\s*)?In\s+(his|her|their)\s+(?:own\s+)?words\s*,")


# "with NAME saying", "with the ministry calling it": a participle with a subject of its own after "with".
_WITH_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\s)with\s+(?P<np>(?:(?:the|a|an|its|their)\s+)?(?:[\w'\u2019\-.]+\s+){0,5}?"
    r"[A-Z][\w'\u2019\-]*|(?:the|a|an)\s+(?:[\w'\u2019\-]+\s+){0,3}?[a-z][\w\-]*)\s+$"
)


# A relative clause whose object comes first: "whose release the ministry has called", "whose plan Lind described".
_WHOSE_OBJECT = re.compile(
    r"\bwhose\s+(?:[a-z][\w\-]*\s+){1,2}?(?P<np>(?:the|The)\s+[^,;:.\"\u201c\u00ab]{2,60}?|[A-Z][\w'\u2019\-]*"
    r"(?:\s+[A-Z][\w'\u2019\-]*){0,3})\s+(?:(?:has|have|had)\s+)?(?:(?:also|repeatedly|publicly|once)\s+)?$"
)


# A reported clause with a subject of its own before the second verb: "said [Russian personnel handed out bread but]".
_OWN_SUBJECT = re.compile(
    r"\s+(?:that\s+)?(?P<np>(?:(?:the|a|an|some|its|their)\s+)?(?:[A-Z][\w\-]*\s+)?"
    r"[A-Za-z][a-z\-]*)\s+(?!(?:and|but|then)\b)[a-z]+ed\b"
    r"[^,;:.\"\u201c\u00ab]{0,60}?\b(?:and|but|then)\s*$"
)


# ", who " between "according to X" and a verb of speech: X is who told it.
_WHO_AFTER_ACCORDING = re.compile(r",\s*who\s+(?:[a-z]+ly\s+|also\s+|later\s+)?")


def _opening_subject(clause: str) -> Speaker | None:
    """The subject of a sentence whose verb of speech is the second of two ("The representative of France
    condemned the strike and said ..."): the words before its first verb."""
    m = _FIRST_VERB.match(clause)
    if not m:
        return _speech_subject(clause)
    name, role = _parse_subject(m.group(1))
    return (name, role) if name else _speech_subject(clause)


_AND_SUBJECT = re.compile(r"\s*(?:(?:the|a|an|one)\s+\S|[A-Z]|[a-z]+s\s*$)")  # "and the envoy", "and residents"
# Up to eight words, then a verb in the past or an auxiliary: the subject of a sentence that opens with it.
_FIRST_VERB = re.compile(
    r"^\s*((?:[\w'\u2019\-.]+,?\s+){1,8}?)(?:[a-z]+ed|has|had|have|was|were|is|are|will|would|met|went|came|"
    r"made|took|spoke|held|gave|left|sent|won|lost|rose|fell|struck|hit|began|broke|led|sat|stood|put|set)\s"
)


# "his men had been told to": a passive verb of speech attributes nothing to its subject.
_PASSIVE = re.compile(r"\b(?:been|being|be|was|were)\s+$")
# A preposition and its noun right before a participle: "in a video posted", "on a page updated".
_OBJECT_BEFORE = re.compile(
    r"\b(?:in|on|at|from|with|via|under|through)\s+(?:a|an|the|his|her|its|their|this)\s+(?:[\w\-]+\s+)?[\w\-]+\s+$"
)
# "a statement posted", "a video released": a participle after the noun of a document, never its verb.
_DOCUMENT_BEFORE = re.compile(r"\b(?:statement|post|video|message|letter|readout|communiqu\u00e9|communique|note)\s+$")
_PUBLISHED = frozenset("posted published released issued shared tweeted".split())  # ("the statement added": its verb)
# "fielding calls", "the claims", "his remarks": a noun, not a verb of speech.
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|these|those|many|several|of|phone|such|no|any|about|on|for|"
    r"with|from|amid|despite|over|denied|confirmed)|\w{2,}ing)\s+$",
    re.I,
)


_BEGAN_SUBJECT = re.compile(
    r"(?:^|[,\"\u201d\u00bb]\s*|\s)(?:(he|she|He|She)|the\s+([a-z\-]+)|([A-Z][\w'\u2019\-]+))\s+$"
)


def _person_began(before: str) -> bool:
    """ "he went on," / "the archbishop began." / "Haddad began:": a person takes up speaking."""
    m = _BEGAN_SUBJECT.search(before)
    if not m or re.search(r"\b(?:as|when|while|after|before|until|once)\s+(?:the\s+)?\S+\s+$", before):
        return False  # "as the offensive began": a clause of time, not speech
    return bool(m.group(1) or m.group(3) or m.group(2) in _PERSON_NOUNS or (m.group(2) or "") in NAME_TITLES or
                is_title_token(m.group(2) or ""))


# "Gulf states and Turkey would", "member states would": a word in -s that "and" or an auxiliary follows is a noun.
_NOUN_AFTER = re.compile(r"\s+(?:and|or|would|will|could|should|must|might|can|may|were|are|have|had)\b")


def _is_verb(text: str, m: re.Match[str]) -> bool:
    a = m.start()
    if m.group(1).startswith(("began", "begins", "went on", "goes on")):
        return _person_began(text[max(0, a - 40) : a])  # "the bishop began.", never "as the offensive began."
    if _PASSIVE.search(text, max(0, a - 8), a):
        return False
    if m.group(1) in ("asked", "asks") and _ASKED_NOT_NAMED.match(text, m.end()):
        return False  # "who asked to be identified only as Abu Kawa", "asked not to be named": no words said
    if m.group(1) == "called" and text[m.end() : m.end() + 2].strip()[:1].isupper() and \
            _INDEFINITE_BEFORE.search(text, max(0, a - 40), a):
        return False  # "a fishing boat called Nour": a name given, not words said
    if m.group(1) in _PUBLISHED and _DOCUMENT_BEFORE.search(text, max(0, a - 16), a):
        return False  # "In a statement posted on his channel, NAME said": the participle of the statement
    if m.group(1).endswith("ed") and _OBJECT_BEFORE.search(text, max(0, a - 40), a) and \
            _SPEECH_VERB.search(text, max(0, a - 120), a):
        return False  # "argued in a video posted on his channel that": a participle after the verb's noun
    if not m.group(1).endswith("s"):
        return True
    if _NOUN_BEFORE.search(text, max(0, a - 12), a) or _NOUN_AFTER.match(text, m.end()):
        return False
    # "in his first public remarks": a noun ("the detained express": a verb, no plural in -ss)
    far = None if m.group(1).endswith("ss") else _ADJECTIVES_BEFORE.search(text, max(0, a - 40), a)
    return not (far and not any(w in _PERSON_NOUNS or w in _BODY_WORDS or w in _PLURAL_SPEAKERS
                                for w in far.group(1).split()))


# A possessive and one or two lower-case words before a verb in -s: "his first public remarks" is a noun,
# "the spokesman says" a verb (the words are checked for a person or a body).
_ADJECTIVES_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|the|these|those)\s+((?:[a-z\-]+\s+){1,2})$")


def _verb_search(text: str) -> re.Match[str] | None:
    for m in _SPEECH_VERB.finditer(text):
        if _is_verb(text, m):
            return m
    return None


_SUBJECT_STOP = frozenset(
    """later also published issued released posted put made gave sent said wrote told announced has had keeps kept
    have was were is are will would""".split()
)


def _sentence_subject(text: str) -> Speaker | None:
    """The noun phrase a sentence opens with ("Britain's Foreign Office later published ..."),
    for a participle ("..., saying: "...") whose subject is the sentence's own."""
    words = text.split()
    out = []
    for w in words:
        if len(out) >= 2 and w[:1].islower() and w.rstrip(",").endswith("ed"):
            break  # "Kremlin spokesman NAME declined to comment, telling journalists": the verb ends the subject
        if w.lower().strip(",") in _SUBJECT_STOP or w.endswith(","):
            if w.endswith(",") and w.lower().strip(",") not in _SUBJECT_STOP:
                out.append(w.rstrip(","))
            break
        out.append(w)
    if not out or len(out) > 6:
        return None
    name, role = _parse_subject(" ".join(out))
    return (name, role) if name else None


def _may_attribute(sentence: str) -> bool:
    """A cheap test before the regular expressions: does any word look like a verb of speech?"""
    if "ccording" in sentence or "words of" in sentence or " written" in sentence or " put it" in sentence or \
            " puts it" in sentence:
        return True
    return any(w.strip(".,;:!?\"'*_") in SPEECH_VERBS for w in sentence.split())


def observe_sentence(sentence: str, ctx: SpeakerContext) -> Speaker | None:
    """Remember who a sentence without quotes says something ("Yusov said ...", "according to X"),
    or whom it opens with ("Retired Gen. Joseph Votel, a former head of ..., was more sceptical"):
    the "he" of the next sentence. Returns who says something in it, if anyone does."""
    if (" I " in sentence or "We " in sentence or " we " in sentence) and _narrator_met(sentence, ctx):
        return None  # "I asked a Russian captain what ...": the captain is the next "he"
    if not _may_attribute(sentence):
        _observe_opening(sentence, ctx)
        return _gesture_subject(sentence, ctx) or _person_referred_back(sentence, ctx)
    if sentence.startswith("The ") and _opening_named_one(sentence, ctx):
        return None  # "The company, NAME, has not commented.": NAME is the next "it"
    carrier = _TRAILING_REPORTER.search(sentence, max(0, len(sentence) - 120)) if "reported" in sentence else None
    if carrier:  # "..., Norway's state news agency NTB reported on Wednesday.": "the agency" of the next sentences
        found = _parse_subject(carrier.group("np"))
        if found[0] and is_body(found[0]) or (found[1] and is_body(found[1])):
            ctx.note(found)
    m = _ACCORDING.search(sentence)
    if m:
        ctx.remember(ctx.resolve(_parse_subject(m.group("np"))))
        return None
    m = _verb_search(sentence)
    if not m:
        _observe_opening(sentence, ctx)  # "fielding calls": a noun, the sentence names its person at its head
        return None
    if sentence.rstrip().endswith(":"):  # "One woman, who asked not to be named, said:": the verb before the colon
        last = [v for v in _SPEECH_VERB.finditer(sentence, m.end()) if _is_verb(sentence, v)]
        if last and _INTRODUCES.match(sentence, last[-1].end()):
            m = last[-1]
    declined = _DECLINED.match(sentence) if "comment" in sentence or "elaborat" in sentence else None
    if declined and declined.end() <= m.start():
        # "Spokesman NAME declined to comment on reports that the envoy had asked ...": NAME is the next "he"
        said = _observe_subject(sentence, m, ctx)
        who = ctx.resolve(_parse_subject(declined.group("np")))
        if who and who[0] and not is_body(who[0]):
            ctx.remember(who)
            return None
        return said
    return _observe_subject(sentence, m, ctx)


# "NAME declined to comment on", "The spokesman refused to elaborate on": who did not speak to that, and who will.
_DECLINED = re.compile(
    r"^(?P<np>[^,;:\"\u201c\u00ab]{2,80}?)\s+(?:(?:has|had)\s+)?(?:declined|refused|declines|refuses)\s+to\s+"
    r"(?:comment|elaborate)\b"
)


# "Her neighbour, NAME," / "His son, NAME,": a relative of the person just named, named in turn.
_POSSESSIVE_APPOSITION = re.compile(r"^(?:His|Her)\s+[a-z][a-z\-]+,\s+[A-Z]")


# Short sentences of a gesture that stand before a person's words: "Her neighbour, NAME, shrugged. "...""
_GESTURES = frozenset("shrugged smiled laughed nodded sighed grinned chuckled frowned winced shrugs smiles laughs nods "
                      "sighs grins".split())


def _gesture_subject(sentence: str, ctx: SpeakerContext) -> Speaker | None:
    """ "Her son, NAME, laughed." or "NAME smiled.": the person whose words in quote marks follow."""
    words = sentence.rstrip(" .!").split()
    if len(words) < 2 or len(words) > 16 or words[-1] not in _GESTURES:
        return None
    who = words[-2].strip(",")
    if who.lower() in _PRONOUNS_PERSON:
        return ctx.resolve((who.lower(), None))
    if not _is_name_word(who) or who in _NOT_FIRST_NAMES or (ctx.is_place is not None and ctx.is_place(who)):
        return None
    found = ctx.resolve((who, None))
    if found and found[0] and not is_body(found[0]):
        ctx.remember(found)
        return found
    return None


# "The company, Stroytransgaz, has not commented.": a body named in one word after what it is.
_OPENING_NAMED_BODY = re.compile(
    r"^The\s+(company|firm|operator|contractor|group|agency|broadcaster|channel|newspaper|airline|bank|charity|"
    r"organisation|organization|militia|party),\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}),\s"
)
# "The Resident and Humanitarian Coordinator, NAME, visited ...": a capitalised title, then the name.
_OPENING_TITLED_ROLE = re.compile(
    r"^([Tt]he\s+[A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|of|for|and|the)){0,7}),\s+"
    r"((?:[A-Z][\w.'\u2019\-]*\s+){1,3}(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+),\s"
)
_OFFICE_HEADS = frozenset("coordinator administrator commissioner rapporteur prosecutor ombudsman registrar".split())
# "Mohammed, 29, who fought with ...": a person named by one name and an age.
_OPENING_NAME_AGE = re.compile(r"^([A-Z][a-z'\u2019\-]+),\s+\d{1,2},\s")


def _opening_named_one(sentence: str, ctx: SpeakerContext) -> bool:
    """A sentence that opens by naming one body or one person (a company and its name, a titled role and a name,
    a first name and an age): the "it" or "he" that follows. (A body's readout: `_sentence_person`.)"""
    m = _OPENING_TITLED_ROLE.match(sentence)
    if m and (_has_title(m.group(1)) or m.group(1).split()[-1].lower() in _OFFICE_HEADS) and not is_body(m.group(2)) \
            and not is_body(m.group(1)):  # not "The Foreign Ministry, Statens Hus, issued": a body and its seat
        ctx.remember((m.group(2), _clean_role(m.group(1))))  # "The Resident Coordinator, NAME, visited": the next "he"
        return True
    m = _OPENING_NAMED_BODY.match(sentence)
    if m:
        ctx.remember((m.group(2), m.group(1)))
        ctx.last_body = (m.group(2), m.group(1))  # a company is a body whatever its name looks like
        return True
    m = _OPENING_NAME_AGE.match(sentence)
    if m and m.group(1) not in _NOT_FIRST_NAMES and not (ctx.is_place is not None and ctx.is_place(m.group(1))):
        ctx.remember((m.group(1), None))  # a first name: no surname to look up
        return True
    return False


# The writer meeting someone unnamed: "I asked a Russian captain in Tartus what ...", "we met a nurse".
_NARRATOR_MET = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:once\s+|later\s+|also\s+)?(?:asked|met|interviewed|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
    r"visited|reached)\s+(?:a|an|one)\s+((?:[\w\-]+\s+){0,3}?([a-z]+))\b"
)


def _narrator_met(sentence: str, ctx: SpeakerContext) -> bool:
    m = _NARRATOR_MET.search(sentence)
    if not m or not (m.group(2) in _PERSON_NOUNS or m.group(2) in NAME_TITLES):
        return False
    ctx.remember((m.group(1), None))
    return True


_THE_PERSON_OPENING = re.compile(r"^The\s+([a-z][a-z\-]+)\s+[a-z]")


def _person_referred_back(sentence: str, ctx: SpeakerContext) -> Speaker | None:
    """ "The official did not hide his irritation.": a short sentence about a person named before, whose
    words in quote marks follow it."""
    m = _THE_PERSON_OPENING.match(sentence) if len(sentence.split()) <= 12 else None
    if not m or not (m.group(1) in _PERSON_NOUNS or is_title_token(m.group(1))):
        return None
    found = ctx._definite(m.group(1))
    if not found or not found[0] or is_body(found[0]) or _plural(found[0]):
        return None
    ctx.remember(found)
    return found


def _observe_opening(sentence: str, ctx: SpeakerContext) -> None:
    """The person a sentence opens with, when it says nothing: the "he" of the next sentence."""
    if sentence.startswith(("His ", "Her ")) and ctx.last_person[0] and _POSSESSIVE_APPOSITION.match(sentence):
        ctx.genders.setdefault(ctx.last_person[0], "he" if sentence[1] == "i" else "she")  # "Her son, NAME, ...": hers
    head, comma, rest = sentence.partition(", ")
    if comma and rest[:1].isupper() and len(head.split()) <= 4 and (
            _TIME_PART.match(head) or _SENTENCE_ADVERB.fullmatch(head)):
        sentence = rest  # "Earlier this week, Foreign Secretary Daniel Hart visited Amman."
    else:
        sentence = _SCENE_OPENING.sub("", sentence, count=1)  # "In the old market of Hama, NAME, a baker, ..."
    asked_about = _ASKED_ABOUT.match(_KICKER.sub("", sentence, count=1)) if sentence.rstrip().endswith("?") else None
    if asked_about:  # "And Assad himself?": the "he" of the next sentence
        ctx.remember(ctx.resolve((asked_about.group(1), None)))
        return
    gave = _GAVE_NAME.search(sentence, 0, 200) if " who " in sentence[:200] else None
    given = _given_name(sentence[: gave.end()]) if gave else None
    if given and given[0]:  # "Her neighbour, a retired teacher who gave his name only as Abu Nizar, was less ...": him
        ctx.remember(given)
        return
    named = _named_person(sentence) if " named " in sentence or " called " in sentence else None
    if named:  # "In Qardaha, the family's home town, a shopkeeper named Ali was blunter.": Ali is the next "he"
        ctx.remember(named)
        return
    described = _OPENING_DESCRIBED.match(sentence)
    if described:  # "A Russian naval spokesman, reached by telephone, declined ...": "the spokesman" next
        who = re.split(r"\s(?:who|whose|which|that)\s", described.group("who"), maxsplit=1)[0]
        ctx.remember((who, None))  # "A diplomat in Beirut who follows Syria closely, ...": the diplomat in Beirut
        return
    one = _ONE_OF.match(sentence) if sentence.startswith("One of ") else None
    if one and (one.group(2) in _PLURAL_SPEAKERS or one.group(2)[:-1] in _PERSON_NOUNS or
                one.group(2).replace("men", "man") in _PERSON_NOUNS):
        ctx.remember((one.group(1), None))  # "One of the released fishermen, a father of three, ...": the next "he"
        return
    if _opening_named_one(sentence, ctx):
        return
    m = _OPENING_PERSON.match(sentence)
    if m:
        name, role = _parse_subject(m.group(1))
        words = (name or "").split()
        while len(words) > 2 and words[0] in _NOT_FIRST_NAMES:
            words = words[1:]  # "For Hala Saeed, who ...": the name after the preposition
        name = " ".join(words)
        if m.group(2) and not role:
            role = _clean_role(m.group(2))  # "Mohammed al-Bashir, the interim prime minister, met"
        if name and len(name.split()) == 1 and name[:1].isupper():
            name, role = ctx.resolve((name, role)) or (name, role)  # "Mr Hadi, a former commander, is": Ahmed Hadi
        if name and len(name.split()) >= 2 and name[:1].isupper() and not is_body(name):
            ctx.remember((name, role))
        return
    # "A teacher, Olga Petrenko, lost ..." and "The Norwegian diplomat Kari Holm met ...": the
    # person a paragraph is about, the "she" or "the diplomat" of its quotes.
    m = _OPENING_ROLE_PERSON.match(sentence)
    if m and (m.group(1)[:1].islower() or m.group(1).split()[0] in ("A", "An", "The", "One") or _has_title(m.group(1))):
        # "Russia's ambassador in Cairo, Pavel Orlov, has stayed": a possessive opens a role only with a title
        ctx.remember((m.group(2), _clean_role(m.group(1))))
        return
    m = _OPENING_TITLED_PERSON.match(sentence)
    if m:
        name, role = _parse_subject(m.group(1))
        titled = role and _has_title(role) and all(is_title_token(w) or w[:1].isupper() for w in role.split())
        titled = titled or (role and len(role.split()) <= 2 and _role_noun(role.split()[-1]))  # "fisherman NAME"
        if name and len(name.split()) >= 2 and titled and not is_body(name):
            ctx.remember((name, role))
            return
    m = _OPENING_SURNAME.match(sentence)
    if m:  # "Orlov was more cautious.": the person named in full before is the "he" of the next sentence
        found = ctx.resolve((m.group(1), None))
        if found and found[0] and len(found[0].split()) >= 2 and not is_body(found[0]):
            ctx.remember(found)
            return
    m = _OPENING_NAME_VERB.match(sentence)
    if m and not is_body(m.group(1)):
        ctx.paragraph_person = ctx.resolve((m.group(1), None)) or (None, None)  # "NAME was angrier."
    known = _known_surname(sentence, ctx)
    if known:  # "Back at the cafe, Khoury poured another coffee.": the "he" of the next sentence
        ctx.remember((known, ctx.roles.get(known)))


def _observe_subject(sentence: str, m: re.Match[str], ctx: SpeakerContext) -> Speaker | None:
    subject = sentence[max(0, m.start() - 120) : m.start()]  # a subject is never longer
    if not subject.strip():
        return None
    carrier = _CARRIED.match(sentence)
    if carrier and m.group(1) in ("reported", "reports") and re.search(r",\s*\S+(?:\s+\S+)?\s*$", subject):
        ctx.remember((carrier.group(1), None))  # "Kuwait's foreign ministry affirmed ..., KUNA reported": the ministry
        return None
    what = _WHAT_PRONOUN.search(subject)
    inverted = _inverted_speaker(sentence, m) or (_clause_subject(subject[: what.start()], ctx) if what else None)
    if inverted:  # "Such anger has limits, said NAME, a researcher ...": NAME
        resolved = ctx.resolve(inverted)
        ctx.remember(resolved)
        return resolved
    speaker = _parse_subject(subject)
    if speaker[0] and (word_count(speaker[0]) <= 6 or _person_before_preposition(speaker[0].split())):
        resolved = ctx.resolve(speaker)
        ctx.remember(resolved)
        if resolved and _INTRODUCES.match(sentence, m.end()):
            ctx.last_quoted = resolved  # "Foreign Secretary NAME said:" and then its quote paragraphs
        if resolved and m.group(1) not in ("asked", "asks", "ask"):
            return resolved
    return None


# A verb of speech that ends its paragraph with a colon ("NAME said:", "X said in a statement:"): the
# paragraphs in quote marks below it are that speaker's words (press releases).
_INTRODUCES = re.compile(
    r"(?:\s+(?:[a-z]+|[A-Z][\w.'\u2019\-]*|\([^()]{1,40}\))){0,4}[*_]*\s*:[\s*_]*$"
)  # "said on Monday:", "told Reuters:", "said today (Tuesday 10 December):", "**NAME said:**" (Markdown bold)


# An unnamed person described at the head of a sentence, a role noun last: "A Russian naval spokesman, ...".
_OPENING_DESCRIBED = re.compile(
    r"^(?:(?:A|An)\s+|(?P<one>(?=One\s+of\s))|(?=One\s)|The\s+(?=(?:first|second|third|other)\s))(?P<who>(?:[\w\-]+\s+){0,4}(?:spokesman|spokeswoman|spokesperson|official|officer|diplomat|"
    r"commander|source|analyst|resident|witness|soldier|guard|doctor|activist)(?(one)s?)"
    r"(?:\s+(?:close\s+to|near|at|in|of|from|with|for|inside)\s+[^,\"\u201c\u00ab;.]{1,60}?)?)\b"  # where they stand
    r"(?=\s*,|\s+(?!said|says|told)\w+ed\b|\s+(?:was|is|had|has|seemed|remained|sounded)\b)"
)


# "One of the returning soldiers, ...": one person out of a group, by the group's head noun.
_ONE_OF = re.compile(
    r"^(One\s+of\s+(?:the|his|her|their)\s+(?:[\w\-]+\s+){0,2}?([a-z]+))"
    r"(?=\s*,|\s+(?!said|says|told)\w+ed\b|\s+(?:was|is|had|has|spoke|sat|stood)\b)"
)


def _known_surname(sentence: str, ctx: SpeakerContext) -> str | None:
    """The first bare surname in a sentence that belongs to a person already named in full."""
    if not ctx.full_names:
        return None
    for m in re.finditer(r"(?<![\w\-])([A-Z][\w\-]+)\b(?!\s+[A-Z])", sentence):
        full = ctx.full_names.get(_surname_key(m.group(1)))
        if full and not sentence[max(0, m.start() - 1) : m.start()].isalpha() and full.split()[0] != m.group(1):
            return full
    return None


# A body opening a sentence ("Kuwait's foreign ministry affirmed ..."): what an agency carried, it said.
_CARRIED = re.compile(
    r"^((?:[A-Z][\w'\u2019\-]*\s+){1,3}(?:(?:[a-z]+\s+){0,2})(?:ministry|office|presidency|government|army|"
    r"embassy|council|command|foreign ministry))\s+[a-z]+(?:ed|s)\b"
)
# A person named at the head of a sentence with an appositive: "Retired Gen. Joseph Votel, a former ...".
_OPENING_PERSON = re.compile(
    r"^((?:[A-Z][\w.'\u2019\-]*\s+){1,5}(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+(?:\s+[JS]r\.?)?),\s+"
    r"(?:\d{1,3},\s+)?"
    r"(?:who\s|whose\s|((?:a|an|the|[A-Z][\w\-]*['\u2019]s)\s+[^,\"\u201c]{1,60}),|(?:a|an|the)\s)"
)  # "Sergei Lavrov, Russia's foreign minister, has tried": a possessive role between commas too


_OPENING_ROLE_PERSON = re.compile(
    r"^((?:(?:An?|The|One)\s+(?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*['\u2019]s|An?|The|One|[A-Z][\w\-]*['\u2019]s)"
    r"\s+[a-z][^,\"\u201c]{1,40}),\s+((?:[A-Z][\w.'\u2019\-]*\s+){1,3}"
    r"(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+),\s"
)
_OPENING_TITLED_PERSON = re.compile(
    r"^((?:The\s+)?(?:[\w'\u2019\-]+\s+){1,5}?[A-Z][\w'\u2019\-]+\s+(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+)"
    r"\s+(?!(?:al|el|bin|ibn|abu)-)[a-z]"
)  # "Foreign Minister Asaad al-Shaibani travels": the particle belongs to the name


# A lower-case word right after a one-word quotation, other than a function word: the quotation is a term.
_TERM_AFTER = re.compile(
    r"\s+(?!(?:to|and|or|but|for|in|on|at|by|with|from|of|as|that|after|before|since|than)\b)[a-z]"
)


def _owner_named_before(after_attr: Speaker | None, before: str) -> Speaker | None:
    """ `NAME said ... "...", his office said`: "his" is NAME, who the sentence says said it."""
    if not after_attr or not after_attr[0] or not after_attr[0].startswith(("his ", "her ")):
        return after_attr
    own = _attribution_before(before)
    if own and own[0] == "verb" and own[1] and own[1][0] and _is_name_word(own[1][0]) and \
            len(own[1][0].split()) >= 2 and not is_body(own[1][0]):
        return own[1]
    return after_attr


def find_quotes(
    line: str,
    sentences: list[tuple[int, int]],
    spans: list[QuoteSpan],
    ctx: SpeakerContext | None = None,
) -> list[tuple[Quote, int]]:
    """Quotations in one line, each with the index of the sentence it stands in."""
    ctx = ctx if ctx is not None else SpeakerContext()
    ctx.paragraph_person = (None, None)
    out: list[tuple[Quote, int]] = []
    last_speaker: Speaker = (None, None)
    continues = ctx.open_quote
    ctx.open_quote = False
    reported, ctx.reported = ctx.reported, (None, None)  # who the paragraph just before ended by reporting
    ctx.introduced = (None, None)
    poster = _POST_ENTRY.match(line) if "|" in line[:12] else None
    just_said: Speaker | None = None  # who the sentence just before reported, without quote marks
    opened_by: Speaker | None = None  # whom the sentence just before was about, when it reported nothing
    k = 0  # sentences and quote spans both run left to right: one pass over each
    for si, (a, b) in enumerate(sentences):
        while k < len(spans) and spans[k].start < a:
            k += 1
        inside = []
        while k < len(spans) and spans[k].start < b:
            q = spans[k]
            if q.closed or _opens_a_quotation(line, q, a):
                inside.append(q)
            k += 1
        if not inside:
            said_here = observe_sentence(line[a:b], ctx)
            if said_here and said_here[0] and _A_STATEMENT.search(line, a, b):
                ctx.statement_by = said_here  # "In a statement posted on his channel, NAME said ..."
            opened_by = None if said_here else _sentence_person(line[a:b], ctx)  # "The official did not hide ..."
            if said_here and _plural(said_here[0] or ""):
                said_here = None  # "analysts say." and then a quote: one analyst's words, named after it if at all
            if said_here and si == len(sentences) - 1 and not line[a:b].rstrip().endswith(":"):
                # "One woman ... said she had not slept." and then a quote paragraph; a colon far from the verb
                # ("X said the plan had three parts, published as follows:") introduces someone else's words
                ctx.reported = said_here
            just_said = said_here if said_here and not line[a:b].rstrip().endswith(":") else None
            if si == len(sentences) - 1 and line[a:b].rstrip().endswith(":"):
                if said_here and said_here[0] and ctx.last_quoted == said_here:
                    ctx.introduced = said_here  # "Foreign Secretary NAME said:" and then paragraphs with no marks
                intro = ctx.resolve(_clause_subject(line[a:b].rstrip()[:-1], ctx))
                if intro and intro[0]:  # "NAME put it bluntly in a post:" and then the quote paragraphs
                    ctx.remember(intro)
                    ctx.last_quoted = ctx.reported = intro
            continue
        said_before, just_said = just_said, None
        person_before, opened_by = opened_by, None
        prev_end = a
        prev_said = -1  # the index of the sentence's last quote that has a speaker
        found_before = len(out)
        for qi, q in enumerate(inside):
            s, e = _inner_span(line, q)
            inner = line[s:e]
            nxt = inside[qi + 1].start if qi + 1 < len(inside) else b
            before = line[prev_end : q.start]
            after = line[q.end : nxt] if q.closed else ""
            kept_end, prev_end = prev_end, q.end
            titled = is_title(inner) and not _said_after_title_case(line, q, after) and \
                not (q.start == a and _OF_AFTER.match(line, q.end) and word_count(inner) == 1)  # "Thousands" of
            if not inner.strip() or titled or _NUMBERED_TITLE.search(before[-40:]):
                prev_end = kept_end  # a title is part of the words around it ("Episode 212: "Last ships out?"")
                continue
            words = word_count(inner)
            speaker: Speaker | None = None
            attached = False
            closing = line[q.start : q.end].rstrip("\"\u201d\u00bb' \u2019")[-1:] if q.closed else ""
            after_attr = _owner_named_before(
                _attribution_after(after, short=words < MIN_QUOTE_WORDS, closing=closing), before)
            if not (after_attr and after_attr[0]) and closing in ("?", "!") and not after.strip() and \
                    si + 1 < len(sentences) and nxt == b:
                # `"Why stay?" Dana Whitfield said.`: the question's mark ended the sentence, and the next one,
                # short, is its attribution
                following = line[sentences[si + 1][0] : sentences[si + 1][1]]
                if following[:1].isupper() and word_count(following) <= 12:
                    after_attr = _attribution_after(" " + following, closing=",")
            posted = _POSTED_BY.match(after) if "@" in after else None
            if posted:  # `"...," reads the caption of a post shared on Saturday by the account @LevantWatch24`
                after_attr = (posted.group(1), None)
            if not (after_attr and after_attr[0]) and q.closed and "," in line[q.start : q.end][-3:]:
                after_attr = _course_of_speech_after(after)  # `"...," the archbishop began.`
            reported_clause = False  # the quote stands in the clause a verb of speech reports, no comma between
            if not (after_attr and after_attr[0]) and q.closed and (words >= 2 or q.start == a) and \
                    ("ccording to" in line[q.end : b] or " said" in line[b - 40 : b]):
                according = _ACCORDING_AT_END.search(line, q.end, b)
                sourced = according or _SAID_AT_END.search(line, q.end, b)
                if sourced and not _verb_search(line[q.end : sourced.start()]) and not _verb_search(line[a : q.start]):
                    # `"Thousands" of troops remain at the base, according to channels close to the army.`,
                    # `Images showed that a "large amount" of gear had gone, the analyst Ivo Marr said on Monday.`
                    found = _parse_subject(sourced.group("np"))
                    after_attr = found if found[0] and (according or _may_speak(found)) else after_attr
            if after_attr and after_attr[0]:
                speaker, attached = after_attr, True
            elif (signed := after.lstrip(" ,\u2014\u2013-")).startswith("read") and _READ_A_HEADLINE.match(signed):
                speaker, attached = (None, None), True  # `"...," read a banner at the gate`: words, no one's named
            else:
                before_attr = _attribution_before(before)
                if before_attr:
                    kind, who, gap, verb = before_attr
                    reported_clause = _in_reported_clause(before, kind, gap, words, line, q.end, b) and not (
                        verb in _LABEL_VERBS and not _LABEL_OWN_WORDS.search(before[-20:]) and
                        not _DESCRIBED_AS.search(before, max(0, len(before) - 160)) and
                        not _CALLED_FOR.search(before, max(0, len(before) - 160)))
                    attached = kind != "question" and (gap <= 4 or (gap <= 8 and inner.rstrip()[-1:] in ".!?"))
                    if reported_clause:
                        attached = True  # `said the country would stay only if it "serves our interests."`
                    if kind != "question" and words >= 2 and gap <= 8 and not re.search(r"[,;:]", before[-80:]):
                        attached = True  # `said the talks would stop «for some time»`: words of the report
                    if kind != "question" and words >= 2 and gap <= 25 and _IN_PREDICATE.search(before[-24:]) or (
                        kind != "question" and words >= 2 and gap <= 25 and _ADVERBIAL_QUOTE.match(inner)
                    ):
                        attached = True  # `told Meduza that the removal ... had been "essentially completed"`
                    if verb in _LABEL_VERBS and words < 2:
                        attached = False  # `called it a "victory"`: a label, not speech
                    if kind == "carry":
                        speaker = last_speaker if last_speaker[0] else who
                    elif who and who[0]:
                        speaker = who
                    if verb == "reads" and speaker and ctx.resolve(speaker) == ("statement", None):
                        speaker = (None, None)  # "The statement reads:" with no body named before: no speaker
                aside = _ASIDE_SPEAKER.search(before, max(0, len(before) - 120)) if ", " in before else None
                if aside and not _is_verb_free(before[aside.end() :]):
                    aside = None
                if aside:  # `Moscow, he added, was "in contact"`: the aside's pronoun speaks, not the clause's subject
                    speaker, attached, before_attr = (aside.group(1).lower(), None), True, None
                if not before_attr and (blunt := _MANNER_BEFORE.search(before, max(0, len(before) - 80))) and \
                        _a_person_here(blunt.group("np"), ctx):
                    speaker, attached = _parse_subject(blunt.group("np")), True  # "..., the sheikh was blunt: «...»"
                if not before_attr and (going_on := _COURSE_BEFORE.search(before, max(0, len(before) - 80))):
                    speaker, attached = _parse_subject(going_on.group("np")), True  # "And yet, he went on, «...»"
                if not before_attr or not (speaker and speaker[0]):
                    plain = _speaker_without_verb(before, ctx)
                    if plain:
                        speaker, attached = plain, True
                sent = _MESSAGE_FROM.search(before, max(0, len(before) - 120)) if before.endswith(": ") else None
                if sent:  # "The channel posted what it said was a message from a soldier at the base: «...»"
                    speaker, attached = _parse_subject(sent.group("np")), True
            in_words = _IN_THEIR_WORDS.match(line, a, q.start) if "words" in line[a : a + 30] else None
            if in_words:  # "In her words, the other side had stressed the "...": hers, as she reports it
                speaker, attached = ({"his": "he", "her": "she"}.get(in_words.group(1), "they"), None), True
            pronoun = qi == 0 and speaker and speaker[0] in _PRONOUNS_PERSON
            if pronoun and (role_subject := _role_subject(line[a : q.start], ctx)):
                ctx.remember(role_subject)  # "On Christmas Day the archbishop celebrated ..., where, he said, "...""
                ctx.last_person = role_subject  # (a person, though "at the ministry" reads as a body)
            if qi == 0 and speaker and speaker[0] in _PRONOUNS_PERSON and _AND_PRONOUN.search(before):
                # "NAME, Putin's spokesman, was asked ..., and he told reporters, "..."": the sentence's own person
                _observe_opening(_KICKER.sub("", line[a : q.start], count=1), ctx)
            if qi and not attached and words >= 2 and last_speaker[0] and prev_said == qi - 1 and \
                    _SECOND_CLAUSE.search(before):
                speaker, attached = last_speaker, True  # `said ... "those who control it" and that it was "too early"`
            carried_on = continues and q.start == _first_text(line)  # `"Only the base."` after an open quote
            if words == 1 and _TERM_AFTER.match(line, q.end):
                attached = False  # `used "double-tap" strikes`: one word before a noun is a term
            if words == 1 and _IN_PREDICATE.search(before[-24:]) and _CLAUSE_GOES_ON.match(line, q.end) and \
                    not _NEXT_REPORTED.match(line, q.end):  # (`was "fluid" and that ...`: the predicate ends there)
                # `it was "premature" to discuss`, `troops were "expelled" from`: a word inside a longer predicate is
                # one the writer marks; the whole predicate in quote marks (`the visit was "constructive."`) is speech
                attached = False
            if words == 1 and _OBJECT_COMPLEMENT.search(before[-80:]):
                attached = False  # `declared the capital "liberated"`, `calling the bases "temporary"`: a label
            if words == 1 and speaker and speaker[0] and (
                    _DESCRIBED_AS.search(before, max(0, len(before) - 160)) or _JUDGED_AS_BEFORE.search(before[-120:])
            ) and not line[q.end : b].strip(" .!?\"'\u201d\u2019"):
                attached = True  # `described the talks as "constructive".`: the judgement closing the sentence is said
            if words < MIN_QUOTE_WORDS and _is_term(before, inner) and not (
                    reported_clause and _ARTICLE_BEFORE.search(before[-4:]) and not _OF_AFTER.match(line, q.end)):
                # `plans for a "full evacuation" of`, `the "PKK's extension"`: a term, not speech (but `argued the talks
                # were at a "turning point"`, in what a verb of speech reports, is the speaker's)
                attached = False
            if words >= 2 and si > 0 and q.closed and q.start == a and not line[q.end : b].strip():
                attached = True  # `"...," he said. "Everyone is waiting."`: a quoted sentence in a paragraph is speech
            if words <= 6 and speaker and speaker[0] and _WHAT_CALLED.search(before, max(0, len(before) - 80)):
                attached = True  # `what she called a "minimal presence"`: her words, not the writer's term
            if words < MIN_QUOTE_WORDS and not attached and not carried_on:
                prev_end = kept_end  # a scare quote or a term, not speech: part of the words around it
                if speaker and speaker[0] and qi == 0:
                    ctx.remember(ctx.resolve(speaker))  # `X said the base was now "our home"`: X is the next "he"
                continue
            if speaker is None and last_speaker[0]:
                speaker = last_speaker  # continues the previous speaker
            if speaker is None and q.start == _first_text(line) and not continues and reported[0]:
                speaker = reported  # a quote paragraph after "One woman, who lives near the base, said ..."
            if speaker is None and qi == 0 and q.start == a and said_before:
                speaker = said_before  # "NAME had written on X that the talks were over. «We will not ...»"
            if speaker is None and qi == 0 and q.start == a and person_before and not continues:
                speaker = person_before  # "The official did not hide his irritation. «For nine years ...»"
            if speaker is None and (continues or q.start == _first_text(line)) and ctx.last_quoted[0]:
                speaker = ctx.last_quoted  # a quote paragraph with no verb: the previous speaker goes on
            speaker = ctx.resolve(speaker)
            who, role = speaker if speaker else (None, None)
            if not who and not carried_on and _headline_quote(line, q, sentences):
                prev_end = kept_end  # a headline or a pull-quote line in quote marks, nobody's words in the story
                continue
            if who:
                last_speaker = (who, role)
                ctx.remember((who, role))
                if _A_STATEMENT.search(line, a, b) and not _OPENS_THE_STATEMENT.match(line, a):
                    ctx.statement_by = (who, role)  # `"...," the ministry said in a statement.`
                ctx.last_quoted = (who, role)
            if not q.closed:
                ctx.open_quote = True
            prev_said = qi if who else -1
            out.append((Quote(s, e, inner, who, role), si))
            has_inner = "'" in inner or "\u2018" in inner or (line[q.start] == "\u00ab" and ('"' in inner or
                                                                                          "\u201c" in inner))
            if has_inner:  # `"Orlov says 'the port is a matter for talks.' Talks with whom?"`
                out.extend((nested, si) for nested in _quotes_inside(line, s, e, ctx))
        if len(out) == found_before and not _may_attribute(line[a:b]):
            # only a title or a term in quote marks and no verb of speech (a verb's subject is remembered above):
            # `NAME, who ran the "Salvation Government", has been appointed` makes NAME the next "he"
            _observe_opening(line[a:b], ctx)
    if poster:  # "09:02 | Pyaty Okean (410,000 subscribers)": the channel's posts below are its words
        author = _parse_subject(poster.group("np"))
        counted = "(" in line and any(ch.isdigit() for ch in line[line.index("(") :])
        named = all(w[:1].isupper() for w in poster.group("np").split(",")[0].split())  # no headline ("Jets hit ...")
        if author[0] and (counted or named):
            ctx.remember(author)
            ctx.reported = ctx.last_quoted = author
    return out


# -- round 11b: quotes across sentences and paragraphs -------------------------------------------------

_LINE_END_MARKS = ".!?:;\u2026"


# `"...," the archbishop began.`, `"...," she went on, "..."`: a verb of the speech's course, the sentence's last.
_COURSE_OF_SPEECH = re.compile(
    r"[\s,]*(?P<np>(?:the|a|an|his|her|their)\s+[a-z\-]+(?:\s+[a-z\-]+)?|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}|"
    r"he|she)\s+(?:" + r"began|begins|continued|continues|went\s+on|goes\s+on|resumed|resumes|opened|finished|ended|"
    r"agreed|agrees|interrupted|interrupts|objected|objects|protested|chimed\s+in)\s*(?:[.:]|,\s*$)"
)
# `"...," interrupted his brother-in-law, NAME.`: the same verbs before their subject, as a turn in a conversation.
_COURSE_THEN_SUBJECT = re.compile(
    r"[\s,]*(?:interrupted|agreed|objected|protested|chimed\s+in|went\s+on|continued|began)\s+"
    r"(?P<np>(?:the|a|an|his|her|their|[A-Z])[^.;:!?\"\u201c\u00ab]{0,80})[.,]?\s*$"
)


# "Asked about X, the sheikh was blunt: «...»", "NAME was more direct:": how someone spoke, then their words.
_MANNER_BEFORE = re.compile(
    r"(?:^|,\s*|\.\s+)(?P<np>(?:the|The)\s+[a-z\-]+|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}|[Hh]e|[Ss]he)\s+"
    r"(?:was|is|were|are)\s+(?:(?:more|less|even|very|quite|rather|equally)\s+)?(?:blunt|blunter|direct|frank|"
    r"candid|clear|categorical|emphatic|succinct|brief|terse|plain|unequivocal|defiant|scathing|sceptical|skeptical|"
    r"cautious|gloomy|optimistic|pessimistic|upbeat)\s*:\s*$"
)
# "And yet, he went on, «...»", "The minister continued, "...": the speaker goes on, the quote follows the verb.
_COURSE_BEFORE = re.compile(
    r"(?:^|[,;]\s*|\.\s+)(?P<np>(?:the|The)\s+[a-z\-]+|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}|[Hh]e|[Ss]he)\s+"
    r"(?:went\s+on|goes\s+on|continued|continues|resumed)\s*[,:]\s*$"
)
# A person a sentence with no verb of speech is about: "The official did not hide his irritation.", "His son,
# Wissam, laughed.": the one whose words follow in quote marks. A definite role resolves to the person named
# before; a kinship or role noun with a name between commas is that name.
_ROLE_OPENING = re.compile(r"^\s*(?:The|the)\s+([a-z\-]+)\s+(?!said|says|told|tells)[a-z]+(?:ed|s)?\b")
_KIN_NAMED = re.compile(
    r"^\s*(?:His|Her|Their|My|Our)\s+([a-z\-]+(?:\s+[a-z\-]+)?),\s+([A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)?),"
    r"\s+(?:\d{1,3},\s+)?[a-z]"
)


# "A senior official at the foreign ministry, who asked not to be named, received ...": a person described, not named.
_DESCRIBED_WHO = re.compile(
    r"^\s*(A|An|One)\s+((?:[\w\-]+\s+){0,3}?([a-z]+)(?:\s+(?:at|of|in|from|with|close\s+to)\s+"
    r"(?:(?!who\s)[^,;:\"\u201c\u00ab]){2,50}?)?)"
    r"(?:,\s+(?:who|speaking|reached|contacted|interviewed)\s|\s+(?:who|was|is|seemed|sounded|remained)\s)"
)
# The same description as the subject of a verb that is no verb of speech: "A senior diplomat in Oslo described what
# he called ...", "A nurse at the clinic recalled how she ...": the sentence's own "he" or "she".
_DESCRIBED_SUBJECT = re.compile(
    r"^\s*(A|An|One)\s+((?:[\w\-]+\s+){0,3}?([a-z]+)(?:\s+(?:at|of|in|from|with|close\s+to)\s+"
    r"(?:(?!who\s)[^,;:\"\u201c\u00ab]){2,50}?)?)\s+[a-z]+ed\s"
)


# "The Kremlin's readout was shorter.", "The ministry's statement went further.": the body whose text is quoted next,
# the "it" of the next sentence ("It said Putin had "..."").
_BODY_TEXT_OPENING = re.compile(
    r"^\s*The\s+((?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*|[a-z]+\s+ministry|presidency|government|army)['\u2019]s\s+"
    r"(?:readout|statement|communiqu\u00e9|communique|account|version|response|reply|summary)\s+(?:was|is|went|had)\b"
)


# "One of the returning soldiers, a 22-year-old conscript from Homs, spoke ...": the one described by the appositive.
_ONE_OF_APPOSITIVE = re.compile(
    r"^\s*One\s+of\s+(?:the|them|those|these)\b[^,]{0,40},\s+((?:a|an)\s+[^,;:\"\u201c\u00ab]{3,60}),\s+[a-z]"
)


# A sentence whose subject is a role named before, after a short circumstance: "On Christmas Day the archbishop
# celebrated ...", "Later the minister flew ...": the "he" or "she" of the sentence's own quote is that person.
_ROLE_SUBJECT = re.compile(
    r"^\s*(?:(?:On|In|At|During|After|Before|Later|Earlier|Then)\b[^,.;\"\u201c\u00ab]{0,40}?(?:,\s*|\s+))?"
    r"(?:the|The)\s+([a-z\-]+)\s+(?!said|says|told|tells)[a-z]+(?:ed|s)\b"
)


# A speaker set off by commas inside the reported clause: "Moscow, he added, was "in contact"", "The port, she
# said, would "stay open"": the aside names who speaks; the words after it lead to the quote with no verb of speech.
_ASIDE_SPEAKER = re.compile(
    r"(?:^|[\s\u201d\"\u00bb])[A-Z][\w'\u2019\-]*(?:\s+[\w'\u2019\-]+){0,5},\s+(he|she|He|She)\s+"
    r"(?:added|adds|said|says|noted|notes|insisted|insists|argued|argues|went\s+on|continued|warned|stressed)\s*,\s+"
    r"(?=[a-z])"
)


def _is_verb_free(rest: str) -> bool:
    """No other verb of speech between the aside and the quote (`, he said, told reporters that "..."`: that one)."""
    return not _SPEECH_VERB.search(rest)


def _unnamed_person_of_body(name: str) -> bool:
    """ "source close to the Kremlin", "senior official at the foreign ministry": an unnamed person described by
    the body they are close to or work for; "the defence ministry's spokesman" too. Not "the ministry" itself."""
    words = name.split()
    if not words or words[0][:1].isupper() and words[0] not in ("A", "An", "One"):
        return False
    head = re.split(r"\s(?:close\s+to|to|of|for|at|in|from|on|with|by|who|near)\s", name, maxsplit=1)[0].split()[-1]
    return head.lower() in _PERSON_NOUNS and not _plural(head.lower())


def _a_person_here(np: str, ctx: SpeakerContext) -> bool:
    """ "he", "Quintero", "the mayor" (a role given someone before), "the sheikh": a person; "the sky": no one."""
    words = np.split()
    if len(words) == 1:
        return np.lower() in _PRONOUNS_PERSON or (np[:1].isupper() and np.lower() not in _NP_STARTS)
    if words[0].lower() != "the":
        return all(w[:1].isupper() for w in words) and not is_body(np)
    found = ctx._definite(words[-1])
    return words[-1] in _PERSON_NOUNS or words[-1] in _KIN or bool(found and found[0] and not is_body(found[0]))


def _role_subject(clause: str, ctx: SpeakerContext) -> Speaker | None:
    described = _DESCRIBED_SUBJECT.match(clause)
    if described and described.group(3) in _PERSON_NOUNS and not _plural(described.group(3)):
        found = (f"One {described.group(2)}" if described.group(1) == "One" else described.group(2), None)
        return found
    m = _ROLE_SUBJECT.match(clause)
    if not m or m.group(1) in _BODY_WORDS:
        return None  # (a role word the text gave someone before: "the archbishop", "the envoy", "the cousin")
    found = ctx._definite(m.group(1))
    return found if found and found[0] and not is_body(found[0]) else None


# "The Resident and Humanitarian Coordinator, Adam Abdelmoula, visited ...": a capitalised office, then its holder.
_OFFICE_THEN_NAME = re.compile(
    r"^\s*The\s+((?:[A-Z][\w\-]*|and|of|for|the)(?:\s+(?:[A-Z][\w\-]*|and|of|for|the)){0,7}),\s+"
    r"((?:[A-Z][\w'\u2019\-]+\s+){1,2}(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+),\s+(?:\d{1,3},\s+)?[a-z]"
)


def _sentence_person(sentence: str, ctx: SpeakerContext) -> Speaker | None:
    m = _OFFICE_THEN_NAME.match(sentence)
    if m and not is_body(m.group(1)) and not is_body(m.group(2)):
        found = (m.group(2), m.group(1))
        ctx.remember(found)
        return found
    m = _ONE_OF_APPOSITIVE.match(sentence)
    if m:
        found = (m.group(1), None)
        ctx.remember(found)
        ctx.last_person = ctx.paragraph_person = found
        return found
    m = _BODY_TEXT_OPENING.match(sentence)
    if m:
        body = m.group(1) if m.group(1)[:1].isupper() else f"the {m.group(1)}"
        found = ctx.resolve((body, None)) or (body, None)
        ctx.remember(found)
        ctx.last_body = found
        return found
    m = _DESCRIBED_WHO.match(sentence)
    if m and m.group(3) in _PERSON_NOUNS and not _plural(m.group(3)) and not _OPENING_DESCRIBED.match(sentence):
        found = (f"One {m.group(2)}" if m.group(1) == "One" else m.group(2), None)  # as _OPENING_DESCRIBED names
        ctx.remember(found)
        ctx.last_person = ctx.paragraph_person = found  # a person, though "at the foreign ministry" names a body
        return found
    m = _KIN_NAMED.match(sentence)
    if m and (m.group(1).split()[-1] in _PERSON_NOUNS or m.group(1).split()[-1] in _KIN):
        owner = ctx.last_person[0]
        pronoun = {"His": "he", "Her": "she"}.get(sentence.split()[0])
        if owner and pronoun and not _plural(owner):
            ctx.genders.setdefault(owner, pronoun)  # "Her neighbour, Mahmoud,": the one named before is "she"
        ctx.remember((m.group(2), None))
        return m.group(2), None
    m = _ROLE_OPENING.match(sentence)
    if m and (m.group(1) in _PERSON_NOUNS or m.group(1) in _KIN):
        found = ctx._definite(m.group(1))
        if found and found[0] and (not is_body(found[0]) or found == ctx.last_person):
            ctx.remember(found)
            ctx.last_person = found
            return found
    return None


def _course_of_speech_after(after: str) -> Speaker | None:
    m = _COURSE_OF_SPEECH.match(after)
    if m:
        return _parse_subject(m.group("np"))
    m = _COURSE_THEN_SUBJECT.match(after)
    if not m:
        return None
    named = _ROLE_THEN_NAME.match(m.group("np"))
    if named:  # "his brother-in-law, Shirvan Yusuf": the name, the relation is the role
        return named.group(2), named.group(1)
    return _after_verb(m.group("np"))


_ROLE_THEN_NAME = re.compile(
    r"(?:his|her|their|the|a|an)\s+([a-z\-]+(?:\s+[a-z\-]+)?),\s+([A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){0,2})"
    r"\s*,?\s*$"
)


# A second reported clause right after a one-word predicate: `the situation was "fluid" and that members ...`.
_NEXT_REPORTED = re.compile(r"\s+(?:and|but)\s+(?:that|said|says|added|warned|insisted)\b")
# "what she called a", "what the minister described as": the words in quote marks are the subject's own.
_WHAT_CALLED = re.compile(
    r"\bwhat\s+(?:he|she|they|it|the\s+[a-z]+|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+(?:called|calls|described\s+as|"
    r"describes\s+as|termed|terms|dubbed|dubs)\s+(?:(?:a|an|the)\s+)?$"
)


def _said_after_title_case(line: str, q: QuoteSpan, after: str) -> bool:
    """ "« The Russians, the French, the Turks, » he said": words in capitals that end on a comma inside the marks
    and a speaker after them are speech, not a title."""
    closing = line[q.start : q.end].rstrip("\"\u201d\u00bb' \u2019")
    if not closing.endswith(",") and not closing.endswith((".", "!", "?")):
        return False
    found = _attribution_after(after, short=True)
    return bool(found and found[0])


# An interview whose questions stand alone in bold ("**Will the fleet leave?**") and whose answers follow with no
# label: two questions or more make the form.
_BOLD_QUESTION = re.compile(r"(?m)^[^\S\n]*(?:\*\*|__)(?P<q>[^*_\n]{3,300}?\?)[^\S\n]*(?:\*\*|__)[^\S\n]*$")
_NOT_AN_ANSWER = re.compile(r"^\s*(?:\*|_|#|\[|!\[|(?:This|The)\s+interview\b|Interview\s+by\b)")
_INTERVIEW_WORD = re.compile(r"\b(?:[Ii]nterview|Q&A|[Ss]poke\s+(?:to|with)|[Tt]alked\s+(?:to|with)|[Cc]onversation)")
_END_OF_INTERVIEW = re.compile(r"^\s*[*_]*\s*(?:(?:This|The)\s+interview\b|Interview\s+by\b|[*_][^*_]+[*_]\s*$)")


def bold_qa_answer(line: str, ctx: SpeakerContext) -> Quote | None:
    """An answer in an interview whose questions are lines in bold: the whole line is the interviewee's words,
    the interviewee being the person named in full before the first question. The questions are no quotation."""
    if ctx.bold_questions is None:
        found = list(_BOLD_QUESTION.finditer(ctx.text)) if "?" in ctx.text else []
        # (an explainer's question subheadings, "**Why does the port matter?**", make no interview: the text
        # must say it is one before the first question)
        said = len(found) >= 2 and _INTERVIEW_WORD.search(ctx.text, 0, found[0].start())
        ctx.bold_questions = frozenset(m.group("q").strip() for m in found) if said else frozenset()
        if ctx.bold_questions:
            ctx.answering = False
            ctx._interviewee = _interviewee_before(ctx.text, found[0].start())
    if not ctx.bold_questions:
        return None
    m = _BOLD_QUESTION.match(line)
    if m:
        ctx.answering = m.group("q").strip() in ctx.bold_questions
        return None
    if not ctx.answering or not line.strip() or _NOT_AN_ANSWER.match(line):
        if _END_OF_INTERVIEW.match(line):
            ctx.answering = False  # "This interview has been edited for length.": the answers are over
        return None  # (a picture or a heading between the answer's paragraphs keeps the answer going)
    who, role = ctx.resolve(ctx._interviewee) or (None, None)
    if not who:
        return None
    ctx.remember((who, role))
    ctx.last_quoted = (who, role)
    start = len(line) - len(line.lstrip())
    return Quote(start, len(line.rstrip()), line[start : len(line.rstrip())], who, role)


def _interviewee_before(text: str, end: int) -> Speaker:
    """The last person named in full before the first question: the one the interview is with."""
    found: Speaker = (None, None)
    for m in _NAME_PAIR.finditer(text, 0, end):
        first = m.group(1)
        if not is_title_token(first) and first not in _NOT_FIRST_NAMES and not first.endswith("'s") and \
                not is_body(f"{first} {m.group(2)}"):
            found = (f"{first} {m.group(2)}", None)
    return found


def _headline_quote(line: str, q: QuoteSpan, sentences: list[tuple[int, int]]) -> bool:
    """A headline or a standfirst's slogan in quote marks, with no one to say it: the line is one short run of
    words with no sentence's end inside or after the marks ("Aleppo celebrates: "Do not be afraid"", a title
    wholly in quote marks). A paragraph of speech ends its sentence ("..." or "...?")."""
    if len(sentences) != 1 or not q.closed or len(line.split()) > 24:
        return False
    tail = line[q.end :].strip()
    inner = line[q.start : q.end].rstrip("\"\u201d\u00bb' \u2019")
    return not tail and inner[-1:] not in _LINE_END_MARKS + "," and not line.rstrip().endswith(tuple(_LINE_END_MARKS))


# A post's words and who posted it, by handle: `, reads the caption of a post shared by the account @name`.
_POSTED_BY = re.compile(
    r"\W*(?:reads|read|says|said)\s+(?:the\s+(?:caption|text|words)\s+of\s+)?(?:a|an|the)\s+(?:post|tweet|message|"
    r"video|caption)\b[^.;\"\u201c\u201d]{0,60}?\bby\s+(?:the\s+(?:account|user|channel|page)\s+)?(@\w+)"
)
# A channel digest's entry line: "09:02 | Pyaty Okean ("Fifth Ocean", 410,000 subscribers)", "12:12 | NAME, war
# correspondent (250,000)": a time, a bar and who posted what follows.
_POST_ENTRY = re.compile(
    r"\s*\d{1,2}[:.]\d{2}\s*\|\s*(?P<np>[A-Z][^|()\"\u201c\u00ab]{1,60}?)(?<![.!?])\s*(?:\([^()]*\)\s*)?$"
)
# "a message from a contract soldier at Hmeimim:", "a letter by the detainees:": who sent it speaks.
_MESSAGE_FROM = re.compile(
    r"\b(?:a|an|the)\s+(?:voice\s+|text\s+|written\s+)?(?:message|post|letter|note|statement|text)\s+(?:from|by)\s+"
    r"(?P<np>(?:the|a|an|one)\s+[^,;:.\"\u201c\u00ab]{2,60}?|[A-Z][^,;:.\"\u201c\u00ab]{1,60}?)\s*:\s*$"
)


def unmarked_statement(line: str, spans: list[QuoteSpan], ctx: SpeakerContext) -> Quote | None:
    """A press release's paragraph with no quote marks under "Foreign Secretary NAME said:" (GOV.UK style): NAME's
    words, and so is the next such paragraph, until one with quote marks, a heading, or a sentence that reports
    someone in the third person ("The Foreign Secretary also confirmed that ...")."""
    who = ctx.introduced
    if not who[0]:
        return None
    start, end = _first_text(line), len(line.rstrip())
    text = line[start:end]
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
    verb = _verb_search(first) if not spans else None
    reports = verb is not None and not _FIRST_PERSON.search(first[: verb.start()])
    surname = who[0].split()[-1]
    if spans or not text.endswith((".", "!", "?")) or word_count(text) < 6 or reports or surname in text:
        ctx.introduced = (None, None)
        return None
    ctx.last_quoted = who
    return Quote(start, end, text, who[0], who[1])


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|[Uu]s)\b")


# "I spoke to a former colleague who told me", "My colleagues spoke with families in Qardaha, who told them": the
# one spoken to, before "who", is who told it.
_MET_WHO = re.compile(
    r"\b(?:spoke|spoken|talked|met|interviewed|reached|visited)(?:\s+(?:on|last|this|in|yesterday)(?:\s+\w+)?)?"
    r"\s+(?:to|with)?\s*(?P<np>[^,;:.\"\u201c\u00ab]{2,60}?),?\s+who\s*$"
)


# "..., and he told reporters": a pronoun after "and" in the sentence that opens with its person.
_AND_PRONOUN = re.compile(r",\s+(?:and|but)\s+(?:he|she)\s")


_CLAUSE_GOES_ON = re.compile(r"\s+[a-z]")
# A second reported clause after a quote, joined to the first: `"..." in Syria and that it was "too early"`.
_SECOND_CLAUSE = re.compile(r"\b(?:and|but)\s+that\b[^.;:!?]{0,80}$")


# Words a reporter quotes far from the verb of speech, in the predicate of what was said: after "was", "had
# been", "remained" (`the situation remained "tense and unclear"`), or as a phrase of time, manner or cause
# (`granted asylum "on humanitarian grounds"`, `in contact «for some time»`). A noun in quote marks far from
# the verb (`would not accept "terrorist corridors"`) is the reporter's mention of a term, not speech.
_IN_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remained|remains|remain|stays|stayed|seemed|seems|became|becomes|"
    r"there\s+is|there\s+was)\s+(?:(?:now|still|already|always|once|no\s+longer)\s+)?$"
)
_ADVERBIAL_QUOTE = re.compile(r"\W*(?:on|for|in|at|with|by|from|under|without|until|within|as\s+soon\s+as)\s", re.I)


def _first_text(line: str) -> int:
    thread = _THREAD_NUMBER.match(line) if "/" in line[:6] else None
    return thread.end() if thread else len(line) - len(line.lstrip())  # "3/ "...": a thread's third post


# The number of a post in a thread: "1/ Many commentators ...", "3/ "For the whole country ...".
_THREAD_NUMBER = re.compile(r"\s*\d{1,2}/\s+")


def _opens_a_quotation(line: str, q: QuoteSpan, sentence_start: int) -> bool:
    """A quote mark left open to the end of the paragraph: the quotation goes on in the next one
    (news style), when it opens a sentence or follows a verb of speech and a colon or comma."""
    if q.closed or q.end - q.start < 12:
        return False
    before = line[sentence_start : q.start].rstrip()
    if before and _THREAD_NUMBER.fullmatch(before + " "):
        return True  # "3/ "For the whole country, ...": the post opens with the quotation
    return not before or before.endswith((":", ",")) or bool(re.search(r"[.!?]$", before))


# A question-and-answer transcript's speaker label: "Q:", "A:", "HEMO:", "SIPAN HEMO:" at the head of a line.
_QA_LABEL = re.compile(
    r"^\s*(?P<label>Q|A|[A-Z][A-Z.'\u2019\-]{1,24}(?:\s[A-Z][A-Z.'\u2019\-]{1,24}){0,2})\s*:\s+(?=\S)"
)
_INTERVIEWER = frozenset("Q QUESTION REPORTER INTERVIEWER MODERATOR HOST".split())


def is_transcript(text: str) -> bool:
    """An interview written as a transcript: at least one "Q:" line and one "A:" line."""
    # a label's line indented by spaces only: ``^\s*`` rescanned a run of blank lines from each of them
    return bool(re.search(r"(?m)^[^\S\n]*Q\s*:\s+\S", text) and re.search(r"(?m)^[^\S\n]*A\s*:\s+\S", text))


def qa_answer(line: str, ctx: SpeakerContext) -> Quote | None:
    """An answer line of a transcript ("A: ...", "HEMO: ..."): the whole line is the speaker's words,
    with no quote marks. The interviewer's lines ("Q:", "REPORTER:") are questions, not quotations."""
    m = _QA_LABEL.match(line)
    if not m or m.group("label") in _INTERVIEWER:
        return None
    start, end = m.end(), len(line.rstrip())
    if word_count(line[start:end]) < 1:
        return None
    label = m.group("label")
    speaker = ctx.interviewee() if label == "A" else ctx.resolve((label.title(), None))
    who, role = speaker if speaker else (None, None)
    if who:
        ctx.remember((who, role))
        ctx.last_quoted = (who, role)
    return Quote(start, end, line[start:end], who, role)


# Lower-case particles inside a surname label: "Van der Linden:", "De la Cruz:", "Al-Amin bin Said:".
_LABEL_PARTICLES = "van|von|der|den|de|del|della|la|le|du|da|di|dos|das|ten|ter|bin|ibn|al|el"
# An interview transcript: "VOLKOVA: We have fuel ..." or "Irina Volkova: ..." opens an answer with no quote
# marks. The label is a surname in capitals or a name of one to three capitalised words.
_TRANSCRIPT_LABEL = re.compile(
    r"^\s*(?P<label>[A-Z][A-Z'\u2019\-]+(?: [A-Z][A-Z'\u2019\-]+){0,2}|"
    r"[A-Z][a-z'\u2019\-]+(?: [A-Z][a-z'\u2019\-]+)?(?: (?:" + _LABEL_PARTICLES + r")){1,2} [A-Z][a-z'\u2019\-]+|"
    r"[A-Z][a-z'\u2019\-]+(?: [A-Z][a-z'\u2019\-]+){0,2})"
    r"\s*:\s+(?=\S)"
)
# Labels that are page furniture or the interviewer, never an answer.
_NOT_ANSWERERS = frozenset(
    """q question questions a answer interviewer host presenter anchor moderator update updates note editor's
    correction breaking watch live read related source sources photo photos video credit analysis background
    context advertisement summary warning disclaimer transcript follow subscribe listen caption image map
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday chair chairman chairwoman reporter correspondent narrator
    about more""".split()
)


def transcript_answerers(text: str, is_outlet: object = None) -> frozenset[str]:
    """Labels that answer in an interview transcript: a label that opens two lines or more, is not
    the interviewer's ("Q:", the outlet's name, a label whose lines are mostly questions) and no furniture."""
    lines: dict[str, list[str]] = {}
    cued: set[str] = set()  # "[CLIP] PUTIN: ...": a recording played in the programme, its speaker's words
    narrators: set[str] = set()  # "PETER KOVAC, BYLINE:", "LEILA FERNANDEZ, HOST:": the programme's own voices
    after_cue = False
    for raw in text.splitlines():
        at = _cue_end(raw)
        m = _TRANSCRIPT_LABEL.match(raw[at:]) if ":" in raw[at : at + 40] else None
        if m:
            said = raw[at + m.end() :].rstrip()
            lines.setdefault(m.group("label"), []).append(said)
            if at or after_cue or _INTERPRETED.match(said):  # "(SOUNDBITE OF ...)" above, "(Through interpreter)"
                cued.add(m.group("label"))
        elif raw[:1].isupper() and "," in raw[:60]:
            narrator = _NARRATOR_LABEL.match(raw)
            if narrator:
                narrators.add(narrator.group("label").split()[-1].upper())
        after_cue = bool(raw.strip()) and at == len(raw.rstrip())  # a line that is only a cue
    lines = _by_surname(lines)
    out = set()
    for label, said in lines.items():
        if (len(said) < 2 and label not in cued) or label.lower() in _NOT_ANSWERERS or \
                label.split()[0].lower() in _NOT_ANSWERERS or label.split()[-1].upper() in narrators:
            continue
        if callable(is_outlet) and is_outlet(label):
            continue  # "NPR:", "BBC:": the outlet asks; "DUBAI:": a dateline
        if 2 * sum(s.endswith("?") for s in said) >= len(said):
            continue  # the interviewer's questions
        out.add(label)
    return frozenset(out)


def transcript_answer(line: str, answerers: frozenset[str], ctx: SpeakerContext) -> Quote | None:
    """The answer on one transcript line, as a quotation by the label's person."""
    if not answerers:
        return None
    at = _cue_end(line)
    m = _TRANSCRIPT_LABEL.match(line[at:])
    if not m or m.group("label") not in answerers:
        return None
    start, end = at + m.end(), len(line.rstrip())
    interpreted = _INTERPRETED.match(line, start)
    if interpreted:  # "PUTIN: (Through interpreter) Nobody should ...": the words begin after the note
        start = interpreted.end()
    label = m.group("label")
    name = " ".join("-".join(p.capitalize() for p in w.split("-")) if w.isupper() else w for w in label.split())
    role = None
    if len(name.split()) >= 2 and (is_title_token(name.split()[0]) or name.split()[0].lower() in HONORIFICS):
        name, role = parse_speaker(name)  # "PRESIDENT VLADIMIR PUTIN:", "Dr Lind:": the title is the role
        name = name or label.title()
    speaker = ctx.resolve((name, role)) or (name, role)
    ctx.remember(speaker)
    ctx.last_quoted = speaker
    if not any(ch.isalpha() for ch in line[start:end]):
        return None  # "AL-SHARAA: (Speaking Arabic).": a recording whose words the transcript does not give
    return Quote(start, end, line[start:end], speaker[0], speaker[1])


# A parliament's verbatim record (a European Parliament debate, Hansard): "Anna Kovac (S&D). \u2013 Madam President,
# ..." or "Mr Tom Hale (Bristol West) (Lab): ...". A name, its group or seat in brackets, and a dash or a colon.
# Or with the member's office or group after a comma, and then a full stop and a dash: "Kaja Lind, Vice-President of
# the Commission. \u2013 ...", "Jonas Berg, on behalf of the Greens/EFA Group. \u2013 ...", "Ana Ruiz (PPE), blue-card
# question. \u2013 ...".
_VERBATIM_LABEL = re.compile(
    r"^\s*(?P<label>(?:(?:[A-Z][\w'\u2019\-]*\.?|" + _LABEL_PARTICLES + r")\s+){0,4}[A-Z][\w'\u2019\-]+)\s*"
    r"(?:(?P<groups>(?:\([^()\n]{1,60}\)\s*){1,2})(?:,\s+(?P<office>[^\n\u2013\u2014]{3,200}?)\.\s+[\u2013\u2014-]|"
    r"(?:\.\s*)?(?:[\u2013\u2014-]|:))|,\s+(?P<office2>[^\n\u2013\u2014()]{3,200}?)\.\s+[\u2013\u2014-])\s+(?=\S)"
)
# The chair's lines ("President. \u2013 The debate is closed.", "The Chair: Order."): the sitting's business.
_CHAIR_LABEL = re.compile(
    r"^\s*(?:(?:The|Madam|Mr\.?)\s+)?(?:President|Vice-President|Chair|Chairman|Chairwoman|Speaker|Deputy Speaker)"
    r"\s*(?:\([^()\n]{1,60}\)\s*)?(?:\.\s*)?(?:[\u2013\u2014-]|:)\s+"
)


_PICTURE_NOTES = re.compile(r"\((?:left|right|centre|center|pictured|file|photo|top|bottom|front|back)\b", re.I)


# A wire story's dateline has the record's shape: "GENEVA (Reuters) - ...", "WASHINGTON (AP) \u2014 ...".
_WIRE_OUTLETS = frozenset(
    """reuters ap afp upi cnn dpa xinhua bloomberg tass ria interfax anadolu kuna sana irna wafa ani pti yonhap kyodo
    efe ansa apa bna spa wam qna mena ukrinform""".split()
)


def _dateline(m: re.Match[str]) -> bool:
    """ "GENEVA (Reuters) -", "PARADISE, Calif. \u2014": a city in capitals, and an outlet in brackets or its state
    after a comma, open a wire story, not a member's turn."""
    groups = [g.strip(" ()").lower() for g in re.findall(r"\([^()]*\)", m.group("groups") or "")]
    if any(g in _WIRE_OUTLETS or g.split()[:1] and g.split()[0] in _WIRE_OUTLETS for g in groups):
        return True
    if m.group("label").isupper() and not groups and len((m.group("office2") or "").split()) <= 3:
        return True  # "PARADISE, Calif. \u2014": a city in capitals and its state
    return m.group("label").isupper() and len(groups) == 1 and len(groups[0].split()) == 1


def verbatim_record(text: str) -> bool:
    """Two lines or more open with a member's label of the verbatim record's form (not a caption's "(left)", not a
    wire story's dateline)."""
    count = 0
    for raw in text.splitlines():
        cue = "(" in raw[:80] or "\u2013 " in raw or "\u2014 " in raw or ". - " in raw
        m = _VERBATIM_LABEL.match(raw) if cue else None
        if m and not _PICTURE_NOTES.search(m.group("groups") or "") and not _dateline(m):
            count += 1
            if count >= 2:
                return True
    return False


def verbatim_turn(line: str, ctx: SpeakerContext) -> Quote | None:
    """A member's words in a verbatim record: the line under their label, and the paragraphs after it with no label,
    until the next label, the chair, or a heading ("2. Situation in Syria (debate)"). No quote marks are needed:
    everything the record gives under a name is what that member said."""
    if _CHAIR_LABEL.match(line):
        ctx.turn = (None, None)
        return None
    m = _VERBATIM_LABEL.match(line)
    if m and _dateline(m):
        ctx.turn = (None, None)  # a wire story's first paragraph between the members' turns: the writer's
        return None
    if m:
        name = m.group("label")
        parts = [g.strip(" ()") for g in re.findall(r"\([^()]*\)", m.group("groups") or "")]
        parts += [o for o in (m.group("office"), m.group("office2")) if o]
        role = ", ".join(parts) or None
        if len(name.split()) >= 2 and (is_title_token(name.split()[0]) or name.split()[0].lower() in HONORIFICS):
            name = parse_speaker(name)[0] or name  # "Mr Tom Hale": the title is no part of the name
        speaker = ctx.resolve((name, role)) or (name, role)
        ctx.remember(speaker)
        ctx.turn = ctx.last_quoted = speaker
        start = m.end()
    elif ctx.turn[0]:
        stripped = line.strip()
        if not stripped.endswith((".", "!", "?", '"', "\u201d")) and len(stripped.split()) <= 12:
            ctx.turn = (None, None)  # a heading: the next item of the sitting
            return None
        start = _first_text(line)
        ctx.last_quoted = ctx.turn
    else:
        return None
    end = len(line.rstrip())
    if not any(ch.isalpha() for ch in line[start:end]):
        return None
    return Quote(start, end, line[start:end], ctx.turn[0], ctx.turn[1])


# A programme's own voices in a radio transcript: "LEILA FERNANDEZ, HOST:", "PETER KOVAC, BYLINE:". Their turns
# (and the same surname's later "KOVAC:") are narration and questions, never a quotation.
_NARRATOR_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Z'\u2019\-]+(?: [A-Z][A-Z'\u2019\-]+){0,2}),\s*(?:HOST|BYLINE|CORRESPONDENT|ANCHOR|"
    r"REPORTER|PRESENTER|INTERVIEWER|MODERATOR)\b[^:]{0,30}:"
)
# A note after a soundbite's label: "(Through interpreter)", "(Speaking Arabic)": a recording of that person.
_INTERPRETED = re.compile(
    r"\s*\((?:[Tt]hrough (?:an )?interpreter|[Ss]peaking [A-Z][a-z]+|[Ii]n [A-Z][a-z]+|[Tt]ranslated)"
    r"[^()]{0,30}\)[\s.]*"
)


# -- round 7b: forms a blind held-out set showed missing --------------------------------------------

# A newsletter's kicker at the head of a paragraph ("THE VIEW FROM ROME:", "SAID WHAT?"): a label, no subject.
_KICKER = re.compile(r"^(?:[A-Z][A-Z'\u2019\-]*\s+){0,5}[A-Z][A-Z'\u2019\-]+\s*[:?]\s+(?=\S)")
# A noun the unnamed speaker's clause is about, before the speaker: "a step a border official described as".
_NOUN_BEFORE_SPEAKER = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?!(?:to|of|for|at|in|from|on|with|by|and|or|but|than|as|like|that|what|which|who|"
    r"whom|when|where|said|told|says)\b)[a-z][a-z\-]+\s+(?=(?:a|an|one)\s+\S)"
)
# People described rather than named: the head of "a former guard with the Eastern Corps".
_PERSON_NOUNS = _DESCRIBED_PEOPLE | frozenset(
    """guard guards contractor fighter engineer teacher nurse driver trader merchant farmer journalist researcher
    expert envoy negotiator lawyer activist witness volunteer student pilot sailor mercenary veteran man woman
    serviceman commentator host blogger columnist fisherman shopkeeper baker tailor mechanic labourer laborer
    pharmacist vendor shepherd butcher grocer carpenter cleric imam priest refugee mother father widow grandmother
    boy girl author wife husband son daughter brother sister clerk docker porter smuggler representative""".split()
)
_INDEFINITE_PERSON = re.compile(
    r"^(?:A|An|One|Another|a|an|one|another)\s+(?:[\w'\u2019\-]+\s+){0,3}?(?P<head>[a-z]+)"
    r"(?:\s+(?:with|of|in|at|from|for|inside|close\s+to|near)\s+\S.*)?$"
)


def _described_with_appositive(prev: str, last: str, last_proper: bool) -> Speaker | None:
    """ "A former guard with the Eastern Corps, the army's successor to the old militia": the appositive
    describes the organisation, the speaker is the person described before it."""
    m = _INDEFINITE_PERSON.match(prev.strip())
    first = last.split()[0].lower() if last.split() else ""
    if not m or m.group("head") not in _PERSON_NOUNS or first not in _DETERMINERS:
        return None
    if last_proper and not re.search(r"['\u2019]s\b", last):
        return None  # "A teacher, the poet Olga Petrenko": the appositive names the person
    head = re.split(r"\s(?:to|of|for|at|in|from|on|with|by)\s", last, maxsplit=1)[0].split()[-1].lower()
    if head in _PERSON_NOUNS:
        return None  # "One guard, a young man from Jableh": the appositive describes the person, its role
    name, _, _ = _parse_part(prev)
    return (name, None) if name else None


def _described_person_head(tokens: list[str]) -> str | None:
    """ "Russian military blogger with close ties to the defence ministry": a person described at length is
    cited by the head noun and the words before it, when those hold a nationality or a body's name."""
    for i, tok in enumerate(tokens[:4]):
        if tok.lower() in _PERSON_NOUNS and i + 1 < len(tokens) and tokens[i + 1].lower() in _DESCRIPTION_LINKS:
            before = tokens[:i]  # a nationality or a body before the head: "A source close to the talks" stays unnamed
            named = any(t[:1].isupper() for t in before) and not any(t.lower() in _PREPOSITIONS for t in before)
            return " ".join(tokens[: i + 1]) if named else None
    return None


_DESCRIPTION_LINKS = frozenset("with of in at from for close near who known based linked".split())


def _person_before_preposition(tokens: list[str]) -> bool:
    """ "official in the administration of General": a person described by whom they serve, in the first words."""
    for i, tok in enumerate(tokens[:4]):
        if tok in _PERSON_NOUNS and _describing_link(tokens[i + 1 : i + 3]):
            return all(t[:1].islower() for t in tokens[:i])
    return False


def _describing_link(words: list[str]) -> bool:
    """ "in", "at", "close to", "near": the words after a person noun that say where the person stands."""
    return bool(words) and (words[0] in _PREPOSITIONS or words[0] == "near" or words[:2] == ["close", "to"])


def _person_described_by_body(words: list[str]) -> bool:
    """ "source close to the defence ministry", "official at the foreign ministry": a person, whatever body the
    description names after the person noun."""
    return any(w.lower() in _PERSON_NOUNS and _describing_link(words[i + 1 : i + 3]) and
               not any(x.lower() in _BODY_WORDS for x in words[:i]) for i, w in enumerate(words[:4]))


def _person_then_label(before: str, label: str) -> bool:
    """ "Anna Berg (Greens)", "Jan Novak (EPP)": a party or a country after a person's name."""
    words = before.split()
    if len(words) < 2 or is_body(before) or not all(w[:1].isupper() and not is_title_token(w) for w in words[-2:]):
        return False
    if any(w in ("for", "of") for w in words):
        return False  # "the Syrian Network for Human Rights (SNHR)": a body's name and its acronym
    return not label.isupper() or not any(w.lower() in _BODY_WORDS for w in words)


# "Asked whether the army would stay in Hama and Homs, he replied": the question is no part of the subject.
_ASKED_OPENING = re.compile(
    r"^\s*[A-Z][a-z]+(?:ed|ing)\s+(?:whether|if|about|on|by|to|why|how|what|for|in|over|again)\b[^,\"\u201c\u00ab]*,\s*"
)
# "In the old market of Hama, " / "On the night the city fell, ": where or when, before the person.
_SCENE_OPENING = re.compile(
    r"^(?:In|On|At|Near|Outside|Inside|During|After|Before|Across|Along|From|Back\s+in|Over\s+in|By|Since)\s"
    r"[^,\"\u201c\u00ab]{1,80},\s+(?=[A-Z]|(?:a|an|the|one)\s|[a-z]+\s+[A-Z])"
)  # ... and "In the port city of Tartus, fisherman Ahmad Jaber watched"
# "praised what he called", "mocked what it described as": the pronoun is the sentence's own subject.
_WHAT_PRONOUN = re.compile(r"\bwhat\s+(he|she|it|they)\s*$")
# Speakers that are neither a person's name nor a body: a channel, a paper.
_SPEAKING_THINGS = frozenset("channel channels newspaper paper outlet broadcaster blog account station".split())
_CLAUSE_PRONOUN = re.compile(r"^(He|She|It|They)\s+(?:[a-z]+ly\s+)?[a-z]+")
# The subject of a clause, up to its first verb: "Rahal ended", "A diplomat from a member country was blunter",
# "Another channel, Zapiski Frontovika, mocked", "The same channel published".
_CLAUSE_OPENER = re.compile(
    r"^((?:[\w.'\u2019\-]+\s+){0,6}?[\w.'\u2019\-]+)(,[^,\"\u201c\u00ab]{1,120},)?\s+(?:(?:also|then|later|once|again|only)\s+)?"
    r"(?:[a-z]{2,}ed|is|was|has|had|put|puts|wrote|writes|spoke|began|kept|gave|took|went|sent|ends|opens|"
    r"continues|mocks|tells|struck|[a-z]{3,}[^\Ws]s)\b"
)  # ... and a chronicle's present tense: "Ukraine's foreign minister, Andrii Sybiha, visits Damascus"


# A line that is only a person's name and role before a colon, after a rubric and a dash:
# "Analyst comment — Capt. (ret.) NAME, former Royal Norwegian Navy".
_SPEAKER_LABEL = re.compile(
    r"^(?:[^\u2014\u2013:]{1,40}\s[\u2014\u2013]\s+)?((?:[A-Z][a-z]{1,5}\.?\s+)?(?:\([a-z. ]{2,12}\)\s+)?"
    r"(?:[A-Z][\w'\u2019\-]+\s+){1,3}(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+(?:,\s+[^,:;\"\u201c]{1,80})?)$"
)
_RETIRED = re.compile(r"\s\((?:ret|retd|rtd)\.?\)\s")


# A clause whose colon opens words that are not its subject's: a question it reports, or a text "published as
# follows" (the document's words, not the reader's).
_NOT_THEIR_WORDS = re.compile(r"\basked\s+(?:whether|if)\b|\b[a-z]+ed\s+as\s+follows\s*$")


def _clause_subject(clause: str, ctx: SpeakerContext | None = None) -> Speaker | None:
    """Who a clause with no verb of speech is about, when it is someone who can speak: the speaker of
    `NAME put it bluntly: "..."`, `NAME ended the interview on a note about X: «...»`, `He continued: «...`."""
    clause = _KICKER.sub("", clause.strip(), count=1)
    label = _SPEAKER_LABEL.match(clause) if len(clause) < 160 else None
    if label:  # "Analyst comment — Capt. (ret.) NAME, former Royal Norwegian Navy:": NAME's words below
        who, _, what = _RETIRED.sub(" ", label.group(1)).partition(", ")
        name, role = _parse_subject(who)
        if name and len(name.split()) >= 2 and name[:1].isupper() and not is_body(name):
            return name, _clean_role(", ".join(x for x in (role, what) if x))
    lead = _lead_label(clause, ctx) if len(clause) < 100 and ":" not in clause else None
    if lead:
        return lead
    if _NOT_THEIR_WORDS.search(clause):
        return None  # "NAME asked whether the plan had three parts, published as follows:": the plan's words
    asked = _ASKED_OPENING.match(clause)
    clause = clause[asked.end() :] if asked else clause
    if asked and ", " in clause and re.match(r"(?:the|a|an)\s", clause):
        clause = clause.rsplit(", ", 1)[1]  # "Asked about NAME, the leader of X, the sheikh was blunt:": the sheikh
    clause = _SCENE_OPENING.sub("", clause, count=1)
    m = _CLAUSE_PRONOUN.match(clause)
    if m:
        return m.group(1).lower(), None
    m = _OPENING_PERSON.match(clause)
    if m:
        name, role = _parse_subject(m.group(1))
        return (name, role or _clean_role(m.group(2))) if name and name[:1].isupper() else None
    m = _CLAUSE_OPENER.match(clause)
    if not m or _verb_search(m.group(1)) or m.group(0).split()[-1] in _SPEECH_OR_READS:
        return None  # "X said the plan had three parts, ... as follows:": the verb of speech decides, not this
    opener = m.group(1).split()[0]
    if m.group(2) and (opener.lower() in _NP_STARTS or opener.endswith(("'s", "\u2019s"))):
        inner = m.group(2).strip(" ,")
        if inner[:1].isupper() and len(inner.split()) <= 4:
            return inner, _clean_role(m.group(1))  # "Another channel, Zapiski Frontovika,": the name
    name, role = _parse_subject(m.group(1))
    if not name:
        return None
    if name[:1].isupper() and name.split()[0].lower() not in _NP_STARTS:
        words = name.split()
        proper = all(w[:1].isupper() or _PARTICLES.match(w) for w in words)
        known = len(words) >= 2 or name.isupper() or _PARTICLES.match(name.lower()) or \
            bool(ctx and _surname_key(name) in ctx.full_names)  # "Warnings had been written": no one
        return (name, role) if proper and known else None
    head = re.split(r"\s(?:to|of|for|at|in|from|on|with|by)\s", name, maxsplit=1)[0].split()[-1].lower()
    if head in _PERSON_NOUNS or head in _BODY_WORDS or head in _SPEAKING_THINGS or is_title_token(head):
        return name, role  # "the sheikh was blunt:", "the general was blunter:"
    return None


# A round-up's or a live page's label before a person's words: "England manager NAME:", "NAME (Arsenal manager):",
# "NAME on the result:", "Surname:" (the person named in full elsewhere in the text, if they are).
_LEAD_LABEL = re.compile(
    r"^(?P<role>(?:[\w.'\u2019\-]+\s+){0,4}?)(?P<name>[A-Z][\w'\u2019\-]+(?:\s+(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+){0,2})"
    r"(?:\s*\((?P<paren>[^()]{1,60})\)|\s+on\s+(?P<topic>[^,;\"\u201c\u00ab]{1,50}))?$"
)
# Newsroom labels written like a name before a colon: never anyone's words.
_FURNITURE_LABELS = frozenset(
    """breaking news note update quote check matters picture line point read watch listen summary analysis context
    background statement verdict result results takeaway headline key fact bottom big also related correction
    warning source sources caption photo video transcript translation editor editor's question answer""".split()
)


def _lead_label(clause: str, ctx: SpeakerContext | None) -> Speaker | None:
    m = _LEAD_LABEL.match(clause.strip())
    if not m or _verb_search(clause):
        return None
    name, role = m.group("name"), m.group("role").strip() or None
    words = name.split()
    if any(w.lower().strip(".") in _FURNITURE_LABELS for w in [*words, *(role or "").split()]) or is_body(name):
        return None
    if ctx is not None and ctx.is_place is not None and (ctx.is_place(name) or ctx.is_place(words[0])):
        return None  # "Gaza:", "Kherson region:": a place's entry
    if role and not (role.split()[-1][:1].islower() and is_role_head(role.split()[-1])) and not is_title_token(
            role.split()[-1]):
        return None  # "England manager NAME", "President NAME"; not "The result for NAME"
    if len(words) == 1 and words[0] not in _NOT_FIRST_NAMES:
        full = ctx.resolve((name, None)) if ctx is not None else None
        if full and full[0] and len(full[0].split()) >= 2:
            name = full[0]  # "Southgate:" in a text that names Gareth Southgate
        elif name.isupper():
            return None  # "TASS:", "UPDATE:": an outlet or a label
    elif len(words) == 1:
        return None
    return name, _clean_role(m.group("paren") or role)


# "For Lea Martin, a researcher at a Lyon institute, the navy "has not lost its port"": her view.
_FOR_VIEW = re.compile(
    r"^\s*For\s+((?:(?:[A-Z][\w.'\u2019\-]*|de|du|des|van|von|der|den|da|di|dos|del)\s+){0,4}"
    r"(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+)"
    r"(?:,\s+((?:a|an|the)\s[^,\"\u201c\u00ab]{1,120}|[a-z][^,\"\u201c\u00ab]{1,120}),\s|"
    r"\s(?![A-Z]|(?:de|du|des|van|von|der|den|da|di|dos|del|la|le)\s))"  # never half a name ("For Anna " of Anna Berg)
)


# A speaker, a verb, and the speaker's own piece of speech: "X has repeated its advice that", "X renewed her call to".
_ITS_ADVICE = re.compile(
    r"^\s*(?P<np>[^,;:.\"\u201c\u00ab]{1,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:again\s+)?[a-z]{3,}ed\s+"
    r"(?:its|his|her|their)\s+(?:[a-z]+\s+)?(?:advice|warning|call|appeal|message|assurance|demand|plea|offer|"
    r"promise|threat|position|view)\s+(?:that|to)\b"
)


def _speaker_without_verb(before: str, ctx: SpeakerContext) -> Speaker | None:
    """The speaker of a quotation whose words before it hold no verb of speech: a colon after a clause
    about someone (`NAME opened his remarks with a warning: "..."`) or the view of someone (`For NAME, ...`)."""
    if before.rstrip().endswith(":"):
        return _clause_subject(before.rstrip()[:-1], ctx)
    m = _FOR_VIEW.match(before)
    if m and not is_body(m.group(1)):
        return m.group(1), _clean_role(m.group(2))
    m = _ITS_ADVICE.match(before) if " that " in before or " to " in before else None
    if m:  # "DFAT has repeated its advice that ...": DFAT's words
        found = _parse_subject(m.group("np"))
        return found if found[0] else None
    return _subject_judging(before, ctx)


# A named subject and a verb of its own, then the quotation inside what it did: "NAME branded the report "...",
# "The ministry welcomed "...", "NAME, 60, a taxi driver, hopes the new rulers will be "..."".
_SUBJECT_THEN_VERB = re.compile(
    r"(?P<np>(?:(?:[A-Z][\w.'\u2019\-]*|[a-z]+)\s+){0,6}?(?:(?:al|el|bin|ibn|abu)-)?"
    r"[A-Z][\w'\u2019\-]+|(?:The|the)\s+(?:[a-zA-Z][\w\-]*\s+){0,4}?[a-zA-Z][\w\-]*)"
    r"(?P<appos>,\s+(?:\d{1,3}|(?:a|an|the|[A-Z][\w\-]*['\u2019]s)\s+[^,\"\u201c\u00ab]{1,80})(?:,\s+(?:a|an|the)\s+"
    r"[^,\"\u201c\u00ab]{1,60})?,)?\s+(?:(?:has|have|had|also|again|later|then|quickly|swiftly|openly|publicly)\s+)*"
    r"(?P<verb>[a-z]{3,}(?:ed|s))\b"
)


def _subject_judging(before: str, ctx: SpeakerContext) -> Speaker | None:
    """The subject of a sentence whose own verb is no verb of speech, when the quotation stands in what it did:
    reporting writes "NAME condemned "the attack"" for NAME's words. A subject that is no one who can speak, or a
    quotation far from the verb, names no one."""
    clause = _TIME_OPENER.sub("", _SCENE_OPENING.sub("", before.lstrip(), count=1), count=1)
    m = _SUBJECT_THEN_VERB.match(clause)
    if not m or m.group("verb") in _NOT_MANNER or word_count(clause[m.end() :]) > 15:
        return None
    if _verb_search(clause[m.end() :]) or '"' in clause or "\u201c" in clause:
        return None  # another verb of speech, or another quotation, decides
    np_words = m.group("np").split()
    if np_words[0] not in ("The", "the") and any(
            w[:1].islower() and not (is_title_token(w) or is_role_head(w) or _PARTICLES.match(w)) for w in np_words):
        return None  # "Harbour chief NAME": only an office's words stand before the name
    name, role = _parse_subject(m.group("np"))
    if not name or not (name[:1].isupper() or is_body(name) or name.split()[-1] in _PERSON_NOUNS):
        return None
    if len(name.split()) == 1 and not name.isupper() and not m.group("appos"):
        full = ctx.resolve((name, role))  # "Images showed": one capitalised word is someone only if named in full
        if not full or not full[0] or len(full[0].split()) < 2:
            return None
        name, role = full
    if ctx.is_place is not None and ctx.is_place(name) and not m.group("appos"):
        return None  # "Aleppo welcomed "...": a place is no speaker here
    appos = re.sub(r"^\d{1,3},\s*", "", (m.group("appos") or "").strip(" ,"))  # "60, a taxi driver": the driver
    return name, role or _clean_role(appos)


# "said in a statement that NAME had told": where the outer verb said it, before whom it reports.
_IN_A_STATEMENT = re.compile(
    r"^\s*(?:(?:in|on)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}(?:statement|interview|post|"
    r"speech|letter|video|briefing|call|message|readout)\s+)"
)


def _speech_subject(clause: str) -> Speaker | None:
    """ "The monitor, a UK-based group, said the attack ... and called it": who the first verb of speech has."""
    m = _verb_search(clause)
    if not m or not clause[: m.start()].strip():
        return None
    name, role = _parse_subject(clause[: m.start()])
    return (name, role) if name and word_count(name) <= 8 else None


def _may_speak(speaker: Speaker) -> bool:
    """A name, a pronoun, or a description of a person, a body or a channel: someone who can put it so."""
    name = speaker[0] or ""
    words = [w for w in name.split() if w.lower() not in _NP_STARTS]
    if not words:
        return False
    if name.lower() in _PRONOUNS_PERSON | _PRONOUNS_BODY or all(w[:1].isupper() for w in words):
        return True
    head = re.split(r"\s(?:to|of|for|at|in|from|on|with|by)\s", name, maxsplit=1)[0].split()[-1].lower()
    return head in _PERSON_NOUNS or head in _BODY_WORDS or head in _SPEAKING_THINGS or is_title_token(head)


# Definite roles that name the person a paragraph is about ("the host", "the columnist").
_PARAGRAPH_ROLES = frozenset("host presenter anchor columnist blogger commentator writer author".split())
# "Vladimir Orlov was angrier.": a full name opening a sentence with its verb.
_OPENING_NAME_VERB = re.compile(
    r"^((?:[A-Z][a-z'\u2019\-]+\s+){1,2}(?:(?:al|el|bin|ibn|abu)-)?[A-Z][a-z'\u2019\-]+)\s+(?:was|is|had|has|[a-z]+ed)\b"
)


# A bare surname opening a sentence with a verb of being ("Orlov was more guarded.").
_OPENING_SURNAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?((?:(?:al|el|bin|ibn|abu)-)?[A-Z][a-z'\u2019\-]+)\s+"
    r"(?:was|is|had|has|remained|seemed|sounded|appeared)\s"
)  # "Mr al-Sharaa has been careful." too


def _inverted_speaker(sentence: str, m: re.Match[str]) -> Speaker | None:
    """ "Such anger has limits, said NAME, ROLE.": a clause, a comma, the verb, then who said it."""
    if not sentence[: m.start()].rstrip().endswith(",") or m.group(1) not in ("said", "says", "added", "adds", "wrote",
                                                                               "writes", "argued", "argues", "noted"):
        return None
    rest = sentence[m.end() :].strip().rstrip(".")
    first = rest.split()[0] if rest.split() else ""
    if not (first[:1].isupper() and first.lower() not in _PRONOUNS_PERSON | _PRONOUNS_BODY) and \
            first.lower() not in _NP_STARTS:
        return None  # "..., said to be the largest": no speaker after the verb
    head = rest.split(",")[0].split()
    if len(head) > 6 or any(w.lower() in _CLAUSE_VERBS for w in head):
        return None  # "NAME, ROLE, said the talks had stalled": what was said, not who
    if any(part.split()[:1] and part.split()[0] in _CLAUSE_VERBS for part in rest.split(",")[2:3]):
        return None  # "NAME, 34, a teacher, said her husband, a conscript, was detained": what she said
    name, role = _after_verb(rest)
    return (name, role) if name and word_count(name) <= 6 else None


_CLAUSE_VERBS = frozenset("was were is are had has have would will could did do does can may might must that".split())


# A quotation inside a quotation, in single marks: "'the port is a matter for talks.'"
_SINGLE_QUOTED = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[\"\u201c\u00ab]))['\u2018](?=[A-Za-z])(?P<words>[^'\u2018\u2019\"\u201c\u201d]{8,}?[\w.,!?])"
    r"['\u2019](?=[\s.,;:!?)\"\u201d\u00bb]|$)"
)


def _quotes_inside(line: str, s: int, e: int, ctx: SpeakerContext) -> list[Quote]:
    """The words someone else said, quoted inside a quotation with their own verb of speech: a quote of theirs."""
    out = []
    inner = _DOUBLE_INSIDE if line[max(0, s - 3) : s].strip()[-1:] == "\u00ab" else _SINGLE_QUOTED  # «... "..." ...»
    for m in inner.finditer(line, s, e):
        words = word_count(m.group("words"))
        if words < 2:
            continue
        opening = max(line.rfind(". ", s, m.start()), line.rfind("? ", s, m.start()), s - 2) + 2
        found = _attribution_before(line[opening : m.start()])
        if not found or found[0] != "verb" or found[2] > 4 or not found[1] or not found[1][0]:
            continue  # no verb of speech of its own: the outer speaker's words
        if words < MIN_QUOTE_WORDS and found[2] > 1:
            continue  # a short term far from the verb: `say the port is "closed for now"` is no one's words
        described = _described_before(line, s) if found[1][0].lower() in _PRONOUNS_PERSON else None
        who, role = described or ctx.resolve(found[1]) or (None, None)
        if who:
            out.append(Quote(m.start("words"), m.end("words"), m.group("words"), who, role))
    return out


def _described_before(line: str, s: int) -> Speaker | None:
    """ "the priest remembers a Russian officer who ... «He told me: “...”»": the "he" inside a speaker's words is
    not the speaker (who says "I"); the person the sentence described just before the quotation is."""
    quote_open = max(line.rfind(". ", 0, s - 1), 0)  # the quotation's own sentence, and the one before it
    start = max(line.rfind(". ", 0, quote_open), 0)
    last = None
    for m in _DESCRIBED_IN_ANSWER.finditer(line, start, s):
        if m.group(1) in _ANSWER_PEOPLE:
            last = m.group(0)
    return (last, None) if last else None


_DOUBLE_INSIDE = re.compile(r"[\"\u201c](?P<words>[^\"\u201c\u201d\u00ab\u00bb]{4,}?[\w.,!?])[\"\u201d]")


def _by_surname(lines: dict[str, list[str]]) -> dict[str, list[str]]:
    """ "Marina Volkova:" once, then "Volkova:": one person's answers, counted together under each label."""
    together: dict[str, list[str]] = {}
    for label, said in lines.items():
        together.setdefault(label.split()[-1].upper(), []).extend(said)
    return {label: together[label.split()[-1].upper()] for label in lines}


# "I asked a Russian captain in Tartus ...", "we met an old fisherman": a person the answer describes, not names.
_DESCRIBED_IN_ANSWER = re.compile(
    r"\b(?:a|an)\s+(?:(?:[A-Z][a-z\-]+|old|young|senior|former|retired)\s+){0,2}([a-z]+)\b"
)


_ANSWER_OPENERS = _PREPOSITIONS | frozenset(
    "during after before since over inside outside near across throughout without within because although though "
    "unless once then".split()
)
_ANSWER_PEOPLE = frozenset(w for w in _PERSON_NOUNS if not (w.endswith("s") and w[:-1] in _PERSON_NOUNS)) | frozenset(
    "captain sailor colonel sergeant lieutenant major general admiral diplomat minister ambassador".split()
)


def _people_in_answer(line: str, start: int, end: int) -> list[str]:
    """The people an interview answer names or describes before its first quotation, in the order it does:
    "When I met Ahmed al-Sharaa ..., he was very clear. He spoke of "..."": "he" is not the one answering."""
    found: list[tuple[int, str]] = []
    for m in _NAME_PAIR.finditer(line, start, end):
        first = m.group(1)
        if not is_title_token(first) and first not in _NOT_FIRST_NAMES and first.lower() not in _ANSWER_OPENERS:
            found.append((m.start(), f"{first} {m.group(2)}"))  # ("Without Tartus a warship ...": no name)
    for m in _DESCRIBED_IN_ANSWER.finditer(line, start, end):
        if m.group(1) in _ANSWER_PEOPLE:
            found.append((m.start(), m.group(0)))
    return [name for _, name in sorted(found)]


def answer_with_quotes(
    answer: Quote, line: str, sentences: list[tuple[int, int]], spans: list[QuoteSpan], ctx: SpeakerContext
) -> list[tuple[Quote, int]]:
    """A transcript's answer, and the quotations inside it: each belongs to whom the answer attributes it."""
    si = next((i for i, (a, b) in enumerate(sentences) if answer.start < b), 0)
    out = [(answer, si)]
    if spans:
        answerer = ctx.last_quoted
        for name in _people_in_answer(line, answer.start, spans[0].start):
            if name != answer.speaker:
                ctx.remember((name, None))
        masked = " " * answer.start + line[answer.start :]  # the label "NAME:" is no subject of the answer's sentences
        out += [(q, i) for q, i in find_quotes(masked, sentences, spans, ctx) if q.speaker != answer.speaker]
        ctx.last_quoted = ctx.last_person = answerer  # the next answer's "he" and "she" are the interviewee
    return out


# -- round 9: forms a fifth blind held-out set showed missing --------------------------------------------

# A circumstance before the subject with no comma: "In a television interview on May 2 he", "In Hama a nurse".
_PREP_OPENER = re.compile(
    r"^(?:In|At|On|During|After|Before|From|Since|Over|Inside|Outside|Near|Across|Throughout|Back\s+in|Speaking|"
    r"Writing|Talking|Later|Earlier|Afterwards|Meanwhile)\s(?!what\b)"
)
_OPENER_WORDS = _PREPOSITIONS | frozenset(
    "during after before since over inside outside near across throughout back speaking writing talking".split()
)


def _subject_after_opener(part: str) -> str:
    """The subject after a prepositional opener: a pronoun that ends the clause, or the first article that
    follows a word other than a preposition ("In Hama a nurse", "In a letter to the editor the minister")."""
    if not _PREP_OPENER.match(part):
        return part
    words = part.split()
    if len(words) >= 2 and words[-1].lower() in _PRONOUNS_PERSON | _PRONOUNS_BODY:
        return words[-1]
    for i in range(1, len(words) - 1):
        if words[i] in ("a", "an", "the", "one") and words[i - 1].lower() not in _OPENER_WORDS and \
                words[i - 1].lower() not in ("and", "or", "of"):
            return " ".join(words[i:])
    k = len(words)
    while k > 1 and (words[k - 1][:1].isupper() or _PARTICLES.match(words[k - 1])):
        k -= 1  # the capitalised run that ends the clause: "with Reuters Ahmed Hadi", "In Moscow Lavrov"
    run = words[k:]
    placed = k > 0 and words[k - 1].lower() in _OPENER_WORDS | _DETERMINERS
    if k == 0 or not run or not placed or len(run) < 2:
        return part if k == 0 or not run else " ".join(run)  # "In a television interview Ahmed Hadi"
    body = max((i for i, w in enumerate(run[:-1]) if w.lower() in _BODY_WORDS), default=-1)
    run = run[body + 1 :]  # "At the UN Security Council Nebenzia": after the body
    titled = next((i for i, w in enumerate(run) if is_title_token(w)), None)
    if titled is not None:
        return " ".join(run[min(titled, 1) :])  # "In Moscow Foreign Minister Sergei Lavrov": after the place
    # "In Ankara Fidan", "At the UN Security Council Nebenzia": the place or body first, then the surname, which the
    # document's full name resolves ("In Moscow Sergei Lavrov" -> "Lavrov" -> "Sergei Lavrov")
    last = len(run) - 1
    while last > 0 and _PARTICLES.match(run[last - 1]):
        last -= 1  # "Abu" of "bin Laden"-like names stays with the surname
    return " ".join(run[last:])


# `The revenue, says a port official, "..."`: a verb of speech set off by commas, its speaker after it.
_INVERTED_VERBS = frozenset(
    """says said adds added notes noted argues argued insists insisted writes wrote retorts retorted reckons
    reckoned""".split()
)


def _inverted_before_quote(subject: str, between: str, verb: str) -> Speaker | None:
    if verb not in _INVERTED_VERBS or not subject.rstrip().endswith(",") or \
            not re.fullmatch(r"\s*[^,.;:\"\u201c\u00ab]{2,80},\s*", between):
        return None
    first = between.split()[0]
    if not (first[:1].isupper() or first.lower() in _NP_STARTS) or first.lower() in _PRONOUNS_PERSON | _PRONOUNS_BODY:
        return None
    name, role = _after_verb(between.strip().rstrip(","))
    return (name, role) if name and _may_speak((name, role)) else None


# A verb that names, then at most a pronoun, then the quote: `has called an "urgent matter"`, `called it a "..."`
# (`the papers called the port a "dead end"`: the writer's label for a thing, not speech).
_LABEL_OWN_WORDS = re.compile(
    r"\b(?:called|calls|call|calling|described|describes|describing|termed|dubbed)\s+(?:(?:it|this|that|them)\s+)?"
    r"(?:a|an|the)?\s*$"
)
_DESCRIBED_AS = re.compile(r"\bdescrib(?:ed|es|ing)\b[^,;:\"\u201c\u00ab]{0,100}\bas\s+(?:an?\s+)?$")  # his judgement
_CALLED_FOR = re.compile(r"\bcall(?:ed|s)?\s+(?:for|on|upon)\b[^,;:]*$")  # `called for talks to end "..."`: a demand
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|A|An)\s+$")
_OF_AFTER = re.compile(r"\s+of\b")  # `plans for a "full evacuation" of the base`: a noun phrase goes on, a term


def _in_reported_clause(before: str, kind: str, gap: int, words: int, line: str, end: int, stop: int) -> bool:
    """A short quotation inside what a verb of speech reports, with no comma, colon or semicolon between the verb
    and it: near the verb (`argued that the region is entering a "fragile phase"`, `has called an "urgent
    matter"`), or further on when the quotation closes the sentence (`said the army would keep the posts open if it
    "protects our farmers."`). The speaker's words, not the reporter's term ("a" before it does not make it one)."""
    if kind == "question" or words < 1 or gap > 16:
        return False
    stretch = before.split()[-gap:] if gap else []
    if any(ch in w for w in stretch for ch in ",;:()\u2014\u2013") or any(ch in before[-3:] for ch in ",;:"):
        return False
    closes = not line[end:stop].strip(" .!?\"'\u201d\u2019")  # the quote ends the sentence
    if words == 1:  # `said that the city falls into the hands of "chaos".`: one word that closes what was said
        return closes and " that " in before[-160:]
    return gap <= 8 or closes


# A numbered episode or part before a quotation: "Episode 212: "Last ships out?"" is the episode's title.
_NUMBERED_TITLE = re.compile(r"\b(?:Episode|Ep\.|Part|Chapter|Season|Issue)\s+\d+\s*[:\u2014\u2013]\s*$")
_POSSESSIVE_DESIGNATION = re.compile(r"[A-Z][\w\-]*['\u2019]s\s+[a-z][\w\-]*")


def _is_term(before: str, inner: str) -> bool:
    """A short quotation inside a noun phrase: after "a" or "an" (`plans for a "full evacuation"`), or a name's
    possessive after "the" (`would not accept the "PKK's extension"`): the reporter's term, not the words said."""
    tail = before[-4:].lower()
    if tail.endswith((" a ", " an ")) or tail in ("a ", "an ") or before.rstrip().lower().endswith("so-called"):
        return True  # ... and `a so-called "security zone"`
    return tail.endswith("the ") and bool(_POSSESSIVE_DESIGNATION.fullmatch(inner.strip()))


# A Russian patronymic, the middle of a three-part name ("Dmitry Sergeyevich Peskov", "Tatiana Sergeyevna Orlova").
_PATRONYMIC = re.compile(r"[a-z](?:ovich|evich|ovna|evna|ichna|inichna|ich)$")

_ASKED_NOT_NAMED = re.compile(
    r"\s+(?:(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b|that\s+(?:his|her|their)\s+(?:full\s+)?names?\b)"
)  # ... and "asked that her name not be used"


def _described_person(phrase: str) -> bool:
    """ "a resident of Qamishli", "a trader in Homs": an unnamed person, whose name may follow in commas."""
    m = _INDEFINITE_PERSON.match(phrase.strip())
    return bool(m) and m.group("head") in _PERSON_NOUNS


# "a shopkeeper named Ali", "an old fisherman called Abu Samir": a person described, then named.
_NAMED_PERSON = re.compile(
    r"(?:^|,\s+)(?:(?:a|an|one|another|A|An|One|Another)\s+)?((?:[\w'\u2019\-]+\s+){0,3}?[a-z][\w\-]*)\s+"
    r"(?:named|called)\s+((?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]*(?:\s+(?:(?:al|el|bin|ibn|abu)-)?"
    r"[A-Z][\w'\u2019\-]*){0,2})"
)
_AFTER_NAMED_SUBJECT = re.compile(r"\s*(?:,|$)|\s+(?:was|is|had|has|[a-z]{2,}ed|[a-z]{2,}s)\b")


def _named_person(phrase: str, at_end: bool = False) -> Speaker | None:
    """The name of a person described, then named: the subject of a clause ("..., a shopkeeper named Ali was
    blunter") or the whole phrase (at_end). Not "a group called Jaish al-Fatah": the head must be a person."""
    for m in _NAMED_PERSON.finditer(phrase):
        if at_end and phrase[m.end() :].strip(" ,"):
            continue
        if not at_end and not _AFTER_NAMED_SUBJECT.match(phrase, m.end()):
            continue
        if m.group(1).split()[-1].lower() in _PERSON_NOUNS:
            return m.group(2), _clean_role(m.group(1))
    return None


# A gloss in brackets after a name: a translation in quote marks ("North Wind") or several words (North Wind).
_TRANSLATION = re.compile(r"\s*\((?:[\"\u201c\u00ab'\u2018][^()]{1,60}|[^()\"\u201c]*[a-z][^()]*\s[^()]+)\)")


# "... from Gaziantep, Türkiye": a part ending in a place after a preposition, then the place's country.
_PLACE_THEN_COUNTRY = re.compile(
    r"\b(?:from|in|at|near|outside)\s+(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)?$"
)


def _country_part(part: str) -> bool:
    words = part.split()
    return len(words) == 1 and all(w[:1].isupper() and not is_title_token(w) for w in words)


# A participle of where or how someone spoke, closing a role: "briefer speaking from Gaziantep".
_DOING = re.compile(
    r"(?<=\w)\s+(?:speaking|briefing|writing|reporting|calling|talking)\s+(?:from|by|via|in|at|on)\b.*$"
)


def _name_case(name: str) -> str:
    """ "HIBA AL-ZAYAT" (a meeting record's capitals) -> "Hiba al-Zayat"; "ISW" and mixed case stay."""
    words = name.split()
    if len(words) < 2 or not all(w.isupper() for w in words if any(c.isalpha() for c in w)) or \
            sum(len(w) > 2 for w in words) < 2:
        return name
    out = []
    for w in words:
        parts = w.split("-")
        out.append("-".join(
            p.lower() if i < len(parts) - 1 and _PARTICLES.match(p.lower()) else p.capitalize()
            for i, p in enumerate(parts)
        ))
    return " ".join(out)

# The head of a subject with a long relative clause: "a forensic doctor who asked not to be named because ...".
_LONG_RELATIVE = re.compile(r"\s*((?:a|an|one|the|another)\s+(?:[\w'\u2019\-]+\s+){0,4}?[a-z][\w\-]*)\s+who\s", re.I)

# A question that is only a person: "And Assad himself?", "What about Mr Hadi?".
_ASKED_ABOUT = re.compile(
    r"^(?:And|But|What\s+about|How\s+about)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?((?:[A-Z][\w'\u2019\-]*\s+){0,2}"
    r"(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]*)(?:\s+(?:himself|herself))?\s*\?\s*$"
)

_OPENING_PREPOSITIONS = frozenset("In At On From Near Outside Inside Across Over Throughout During After Via".split())

# Participles of where an unnamed person is: "a diplomat based in Beirut", "a soldier serving at the base".
_PLACED = frozenset("based serving stationed living working deployed posted".split())

_SPEECH_OR_READS = SPEECH_VERBS | {"reads"}

_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|one)\s+(?:[\w\-]+\s+){0,2}[a-z][\w\-]*\s+$")

# A cue before a transcript label: "[CLIP, TRANSLATED] PUTIN:", "(SOUNDBITE OF ARCHIVED RECORDING) NAME:".
_CUE = re.compile(r"\s*[\[(](?:CLIP|SOUNDBITE|AUDIO|VIDEO|ARCHIVE|ARCHIVAL|RECORDING|TAPE)\b[^\])]{0,60}[\])]\s*")


def _cue_end(line: str) -> int:
    cue = _CUE.match(line) if line[:1] in "[(" else None
    return cue.end() if cue else 0

# "a statement by the Turkish Communications Directorate", "a post from the ministry": who issued it speaks.
_STATEMENT_BY = re.compile(
    r"^(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w\-]+\s+){0,2}(?:statement|post|message|communiqu\u00e9|communique|readout|"
    r"letter|release|announcement|lament|report|column)\s+(?:(?:published|posted|issued|shared|written)\s+)?"
    r"(?:by|from)\s+(?=(?:the\s+)?[A-Z]|the\s+[a-z]+$|(?:a|an)\s+(?:[\w\-]+\s+){0,3}[a-z]+$)"
)  # ... and "a lament published by a prominent war blogger": the blogger

# "a naval officer I interviewed years ago", "a guard we spoke to": a clause with no "who" after the person.
_CONTACT_PRONOUNS = frozenset("I we you he she they".split())

# "Hanna Notte of the James Martin Center", "Omar Kassem from the Syrian Observatory": a name, then where from.
_NAME_OF_ORG = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?((?:[A-Z][\w'\u2019\-]+\s+){1,2}(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+)"
    r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]"
)
# "Israeli analyst Dr. NAME of a Tel Aviv think tank": a role, the name, and where the person works.
_TITLED_NAME_OF = re.compile(
    r"^(?P<role>(?:[\w'\u2019\-]+\.?\s+){1,4}?)(?P<name>(?:[A-Z][\w'\u2019\-]+\s+){1,2}"
    r"(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w'\u2019\-]+)\s+(?:of|at)\s+(?P<org>(?:(?:the|a|an)\s+)?[A-Z].{0,80})$"
)


def _titled_name_of_org(phrase: str) -> tuple[str, str | None, bool] | None:
    m = _TITLED_NAME_OF.match(phrase)
    if not m:
        return None
    role, name = m.group("role").split(), m.group("name").split()
    last = role[-1].lower().rstrip(".")
    if not (is_title_token(role[-1]) or last in _PERSON_NOUNS) or any(is_title_token(w) for w in name) or \
            any(w.lower() in _BODY_WORDS or w.lower() in _ORG_HEADS for w in name):
        return None  # "the head of the Foreign Ministry Press Department of ...": no person named
    org = re.sub(r"^(?:the|a|an)\s+", "", m.group("org"))
    return " ".join(name), _clean_role(f"{' '.join(role)}, {org}"), True


_ORG_HEADS = frozenset("bank university school college academy fund network program programme".split())


def _role_noun(word: str) -> bool:
    """ "fisherman", "historian", "economist": a lower-case noun for what a person does."""
    return word in _PERSON_NOUNS or (word.islower() and len(word) > 4 and word.endswith(_AGENT_ENDINGS))


_AGENT_ENDINGS = ("ian", "ist", "man", "woman", "er", "or")
# "The ministry's statement, carried by SANA,": the ministry.
_STATEMENT_OF = re.compile(r"['\u2019]s\s+(?:statement|post)\b(?=\s*(?:,|$))")

# A verb that names something, its object, then one word in quote marks: the word is the label it gives.
_OBJECT_COMPLEMENT = re.compile(
    r"\b(?:declared|declares|declaring|calling|called|calls|call|dubbing|dubbed|branding|branded|labelling|labeling|"
    r"labelled|labeled|terming|termed|describing|described|pronounced|pronouncing)\s+(?:the|a|an|its|their|his|her|"
    r"this|that|these|those|it|them)\b[^\"\u201c\u00ab,.;:]{0,40}$"
)
# "Quoting a senior officer, the agency said": the officer speaks; "Citing its own sources": the agency does.
_QUOTING = re.compile(
    r"^(?:Quoting|Citing)\s+(?!(?:its|their|his|her)\s+(?:own\s+)?(?:sources?|correspondents?)\b)(.+)$"
)

_ROLE_RELATIVE = re.compile(r"\s+(?:who|whose)\s.*$")

# "now under the control of", "still in", "once part of": an appositive of where something stands.
_ADVERB_THEN_PLACE = re.compile(
    r"(?:now|still|once|long|already|formerly|previously)\s+(?:in|under|at|with|from|of|on|part|based)\b"
)
# "the SDF-affiliated Hawar News Agency", "the UK-based Observatory": a modifier before a body's name.
_AFFILIATED_OPENING = re.compile(
    r"^((?:[Tt]he|[Aa]n?)\s+)?[\w\u2019']+-(?:affiliated|backed|based|run|owned|led|linked|aligned|controlled|funded|"
    r"supported)\s+(?=\S)"
)
