"""Sentence-by-sentence extraction of places, dated events and quotes from one document.

Extraction is a pure function of (text, reference date, gazetteer): no I/O, no
geocoding. Every record keeps its provenance (line, character span) so the app
and the briefings can point back to the exact words of the source.

It is one module over 300 lines because it is one pass: the `Extractor` reads a document line by
line, and its rules (page furniture, places in passing, sources, dated events) read the same state
of that pass; the grammars it calls (dates, quotes, claims, phrases) live in their own modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dashboard.extraction import claims, lexicon
from dashboard.extraction.dates import (
    DateMention,
    date_bounds,
    date_header,
    dateline_date,
    event_date,
    find_dates,
    later_clauses,
    later_date,
    planned,
    reported_precision,
    titled_date_header,
    writes_day_first,
)
from dashboard.extraction.metonyms import SEATS_OF_POWER, states_acting
from dashboard.extraction.phrases import PhraseIndex, PhraseMatch, Token, is_acronym, tokenize
from dashboard.extraction.quotes import (
    SpeakerContext,
    answer_with_quotes,
    bold_qa_answer,
    find_quotes,
    is_body,
    is_transcript,
    qa_answer,
    transcript_answer,
    transcript_answerers,
    unmarked_statement,
    verbatim_record,
    verbatim_turn,
    word_count,
)
from dashboard.extraction.text import (
    OPEN_QUOTES,
    QuoteSpan,
    find_quote_spans,
    mark_single_quotes,
    mask_markup,
    mend_marks,
    normalize_for_dedup,
    split_sentences,
)
from dashboard.geo.gazetteer import Place

# Which kinds of place say most precisely where something happened.
KIND_RANK = {"base": 0, "city": 0, "province": 1, "region": 2, "country": 3}
MIN_EVENT_WORDS = 5
# Words after an abbreviated country ("the U.S. on Friday") that show it is a noun.
_FUNCTION_WORDS = frozenset(
    "on in at and or to for with from by was is has had will would said says last this after before since "
    "but as if when while have are were did does could can should must may might both".split()
)

# "a Washington think tank", "a Berlin research institute": a city before the noun of a body, after "a".
_ORGANISATION_AFTER = re.compile(
    r"\s+(?:[a-z\-]+\s+){0,2}?(?:think[\s\-]+tank|institute|law\s+firm|firm|consultancy|newspaper|daily|weekly|"
    r"publisher|broadcaster|charity|foundation|university|college)\b"
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]n?)\s+$")
# Ranks written short inside a person's title: "Chief of Staff Lt.-Gen.", "Brig. Gen.": no place.
_RANKS = frozenset("Lt Gen Col Maj Capt Sgt Brig Cpl Staff Adm Cmdr".split())
_SITE_WORDS = frozenset("checkpoint checkpoints crossing crossings prison camp".split())
# Seas named as adjectives ("the Mediterranean squadron") unless the noun after is of the sea or its shore.
_SEA_ADJECTIVES = frozenset("Mediterranean Caribbean Adriatic Aegean Baltic Atlantic Pacific Arctic".split())
_SEA_NOUNS = frozenset("sea seas coast coasts coastline shore shores waters basin islands island seabed".split())
_NOT_NOUNS = _FUNCTION_WORDS | frozenset("at through between into off near via where which that who".split())


def _is_noun_after_sea(word: str) -> bool:
    word = word.rstrip(".,;:")
    return word not in _SEA_NOUNS and word not in _NOT_NOUNS and not word.endswith("ly")


_NOUN_AFTER = re.compile(r"\s+([a-z\u00e0-\u00ff]+)\b")
# A capital letter, Latin-1 and Turkish ones too ("the Öncüpınar gate", "İskenderun", "Şanlıurfa").
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0130\u015e\u0160\u017d"
_CANDIDATE_NAME = (
    r"(?P<name>[" + _UP + r"][\w'\u2019]+(?:-[A-Z][\w'\u2019]+)?"  # ("the Al-Wahda roundabout": one word)
    r"(?:\s+(?:[A-Z][\w'\u2019\-]+|(?:al|el|ez|as|ad|ar)-[A-Z][\w'\u2019]+))*)"
)
_CANDIDATE = re.compile(
    r"\b(?:in|at|near|outside|into|from|toward|towards|across|around|to|of|via|through|"
    # "the dam on the Euphrates", "tried to cross the Euphrates": a river or a ridge, always with "the"
    r"(?:on|cross|crossed|crossing)(?=\s+the\s)|"
    # "a drone launched from Qamishli hit Tal Tamr": the object of an attack or a capture
    r"(?:hit|struck|shelled|bombed|bombarded|targeted|captured|seized|stormed|overran)(?=\s+[A-Z]))\s+(?:the\s+)?"
    + _CANDIDATE_NAME
)
# ... and at the start of a sentence: "In Aqaba, Jordan, ministers met".
_CANDIDATE_AT_START = re.compile(r"\W{0,3}(?:In|At|Near|Outside|From)\s+(?:the\s+)?" + _CANDIDATE_NAME)
# A named border crossing, checkpoint, prison or camp: a place whether or not a preposition stands before it.
_NAMED_CROSSING = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:al|el|ad|as|ar|an)-)?[" + _UP + r"][\w\u2019\-]*\w"
    r"(?:\s+(?:(?:al|el|ad|as|ar|an)-)?[" + _UP + r"][\w\-]*\w)?)"
    # "the Peshkhabour (Fishkhabour) crossing": the other spelling in brackets
    r"(?:\s+\([" + _UP + r"][\w\-]*\w(?:\s[" + _UP + r"][\w\-]*\w)?\))?"
    r"\s+(?:border\s+)?"
    r"(?:crossing|checkpoint|(?:border\s+)?gate|prison|camp)(?P<plural>s)?\b"
)
# "the neighbourhoods of al-Waer and Baba Amr": an area's word and "of" before one or more names.
_AREAS_OF = re.compile(
    r"\b(?:neighbourhoods?|neighborhoods?|districts?|quarters?|villages?|towns?|suburbs?|hamlets?)\s+of\s+(?:the\s+)?"
    r"(?=(?:(?:al|el|ad|as|ar|an)-)?[A-Z])"
)
_AREA_NAME = re.compile(
    r"(?:(?:al|el|ad|as|ar|an)-)?[A-Z][\w'\u2019\-]*\w(?:\s+(?:(?:al|el|ad|as|ar|an)-)?[A-Z][\w'\u2019\-]*\w)?"
    r"(?:\s+(?:al|el|ad|as|ar|an)-[A-Z][\w'\u2019]*\w){0,2}"  # "the village of Rasm al-Harmal al-Imam": all of it
)
# "Istanbul's Eminonu district": an area named after the place that holds it.
_AREA_OF_PLACE = re.compile(
    r"(?<![\w\-])[A-Z][\w\-]+['\u2019]s\s+(?P<name>(?:(?:al|el|ad|as|ar|an)-)?[A-Z][\w\-]*\w(?:\s+[A-Z][\w\-]*\w)?)\s+"
    r"(?:district|neighbourhood|neighborhood|quarter|suburb|"
    # "Benghazi's Gamal airbase", "Turkey's Incirlik air base": an airfield or a port of the place or its owner
    r"airbase|air\s+base|airfield|airport|port|harbour|harbor|naval\s+base)\b"
)
# A name with a lowercase article after a preposition of place, or before a word of an airfield: "at al-Khadim",
# "the al-Khadim air base". After "of", "to" or "from" such a name is most often a person's ("of al-Sharaa").
_ARTICLE_NAME_AT = re.compile(
    r"(?<![\w-])(?P<name>(?:al|el|ad|as|ar|an|ash|az)-[A-Z][\w'\u2019\-]*?\w)"
    r"(?=\s+(?:airfield|air\s+base|airbase|airport|air\s+field|neighbourhood|neighborhood|district)\b)|"
    r"(?:\b(?:in|at|near|outside|into|toward|towards|via|through|around)|"
    r"\b(?:flew|flights?|went|moved|transferred|relocated|redeployed|headed|bound|travelled|traveled|drove|"
    r"returned|fled|withdrew|retreated|evacuated)\s+(?:\w+\s+){0,3}?(?:and\s+)?to)\s+(?:the\s+)?"
    r"(?P<name2>(?:al|el|ad|as|ar|an|ash|az)-[A-Z][\w'\u2019\-]*?\w"
    r"(?:\s+(?:(?:al|el|ad|as|ar|an|ash|az)-)?[A-Z][\w'\u2019\-]*?\w)?)"
    r"(?=\s+(?:in|near|and|on|east|west|north|south|outside)\b|[,.;:)]|$)"
)
# A list of places: its first name after a preposition of place, the names after it joined by "," and "and".
# ("of" only after a plural of places: "the bombing of Idlib, and Bashar" lists no places)
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|into|from|toward|towards|across|around|to|via|through|between)|"
    r"\b(?:ports|harbours|harbors|towns|villages|cities|provinces|regions|areas|districts|governorates)\s+of)"
    r"\s+(?:the\s+)?$"
)
_LIST_GAP_AFTER = re.compile(r"\s*(?:,|(?P<last>,?\s+(?:and|or)))\s+(?:the\s+)?(?=[A-Z])")
_LISTED_NAME = re.compile(
    r"[A-Z][\w'\u2019]*\w(?:\s+(?:[A-Z][\w'\u2019\-]*\w|(?:al|el|ez|as|ad|ar)-[A-Z][\w'\u2019]*\w))*"
    r"(?:\s+(?:al|el|ez|as|ad|ar)-[A-Z][\w'\u2019]*\w)?"
)
# A new clause's subject after the list ("in Aleppo and Rami said"), or a person placed ("writers Lina Haddad in
# Beirut and Omar Karim in Damascus").
_CLAUSE_VERB_AFTER = re.compile(
    r"['\u2019]s\b|\s+(?:said|says|told|has|have|had|was|were|is|are|will|would|can|could|did|does)\b|"
    r"\s+(?:in|from)\s+(?:the\s+)?[A-Z]"
)
# "the M4 highway", "the M5 motorway": a numbered road.
_NUMBERED_ROAD = re.compile(r"\b[A-Z]{1,2}-?\d{1,3}\s+(?:highway|motorway|expressway)\b")
_AREA_SEP = re.compile(r"(?:,\s+|,?\s+and\s+)(?:the\s+)?(?=(?:(?:al|el|ad|as|ar|an)-)?[A-Z])")
# "the Cilvegözü and Yayladağı border gates": the first of two names before a plural.
_FIRST_OF_TWO = re.compile(r"(?<![\w-])((?:(?:al|el|ad|as|ar|an)-)?[" + _UP + r"][\w\u2019\-]*\w)\s+and\s+$")
# Notes about the article itself, not about the news: never events.
_PUBLISHING_NOTE = re.compile(
    r"^\s*\[\d{1,3}\]\s|"  # a footnote under a think-tank update: "[2] Satellite imagery, December 12, 2024"
    r"^\W*(?:editor['\u2019]s note|correction|update|clarification|disclaimer|to subscribe|subscribe to"
    r"|this (?:article|story|piece) (?:was|has been|is) (?:first |originally )?(?:published|updated|corrected))\b|"
    # a credit line ("Sources: Reuters, AP"), a standfirst that introduces the piece ("A look at how ...")
    r"^\W*(?:sources?|compiled\s+by|reporting\s+by|additional\s+reporting|writing\s+by|editing\s+by)\s*:|"
    r"^\W*(?:an?|here\s+is\s+an?|here['\u2019]s\s+an?)\s+(?:look|guide|recap|overview|explainer)\s+(?:at|to|of)\b|"
    # a newsletter's note about itself: "HOUSEKEEPING: Playbook will be off from December 23", "Programming note: ..."
    r"^\W*(?:housekeeping|programming\s+note|schedule\s+note|(?:a\s+)?note\s+to\s+(?:our\s+)?readers|"
    # a link to another story in the page: "READ MORE: Assad flees to Moscow", "Related: ...", "Watch: ..."
    r"read\s+more|also\s+read|related(?:\s+(?:stories|articles|coverage|content))?|see\s+also|recommended|"
    r"more\s+on\s+(?:this|the)\s+story|watch|listen|live)\s*[:\u2014\u2013|]|"
    # a programme's own date: "Broadcast Tuesday 7 January 2025.", "First aired on Dec. 9, 2024."
    r"^\W*(?:first\s+)?(?:broadcast|aired|recorded)\s+(?:on\s+)?[A-Z\d][\w ,.]{0,40}(?:19|20)\d\d\W*$|"
    # a paper's own order to print it: "Ordered by the House of Commons to be published on 14 January 2025"
    r"^\W*ordered\s+by\s+the\s+[\w ]{2,60}?\s+to\s+be\s+(?:printed|published)\b|"
    # a digest's or newsletter's own issue: "Digest for Thursday, 12 December 2024", "Next digest: Friday, 13 December."
    r"^\W*(?:next\s+|today['\u2019]s\s+)?(?:digest|briefing|newsletter|edition|issue|bulletin|round-?up)\s*(?:for|of|on|:)"
    r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b"
    r"(?:,?\s+(?:19|20)\d\d)?\W*$",
    re.I,
)
# Lines a date line above does not date: a desk's note on the entry above ("Desk note: The Kremlin spokesman was
# speaking on his daily call."), a credit line ("Agencies contributed to this report.", "NAME reported from Beirut,
# and NAME from Istanbul."). They keep the places they name, and a day they give themselves.
_NOT_OF_THE_DAY = re.compile(
    r"^\W*(?i:desk|translator['\u2019]s|monitor['\u2019]s)\s+note\s*:|"
    r"\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|(?:additional\s+)?reporting)\b|"
    r"^\W*(?:[A-Z][\w.'\u2019\-]*\s+){1,4}reported\s+from\s+[A-Z][\w\-]*(?:,?\s+(?:and\s+)?(?:[A-Z][\w.'\u2019\-]*"
    r"\s+){0,4}(?:from\s+)?[A-Z][\w\-]*)*\.?\s*$"
)
# The newsroom speaking to its readers on a live page: "Good morning and welcome to our live coverage."
_NEWSROOM = re.compile(
    r"^\W*(?:good\s+(?:morning|afternoon|evening)\b|welcome\s+(?:back\s+)?to\s+(?:our|the)\b)|"
    r"\b(?:welcome\s+(?:back\s+)?to\s+our|we(?:['\u2019]ll|\s+will)\s+(?:bring|keep|be\s+bringing|update)\s+you|"
    r"(?:this|our)\s+(?:live\s+)?(?:blog|coverage|live\s+page)\s+(?:is|has|will)\s+(?:now\s+)?(?:closed|closing|"
    r"paused|ending|end)|thank(?:s|\s+you)\s+for\s+(?:following|reading|joining))",
    re.I,
)
# The newsroom about its own reporting: a caveat ("CNN has not independently confirmed ...", "The footage could not
# be independently verified"), or its reporter at work ("Our correspondent NAME, who is in Beirut, has been speaking
# by phone to residents"). "Our correspondent in Homs says the shelling has stopped" reports news and stays.
_NEWSROOM_NOTE = re.compile(
    r"^\W*(?:[\w.'\u2019&-]+\s+){1,4}?(?:could\s+not|couldn['\u2019]t|cannot|can\s+not|has\s+not|have\s+not|had\s+not|"
    r"did\s+not|(?:was|were|is|are|has\s+been|have\s+been)\s+unable\s+to)\s+(?:yet\s+)?(?:be\s+)?independently\s+"
    r"(?:verif|confirm|corroborat|authenticat)\w*|"
    r"^\W*our\s+(?:own\s+)?(?:correspondent|reporter|team|colleague)s?\b[^.;:\"\u201c]{0,80}?\b(?:has|have)\s+been\s+"
    r"(?:speaking|talking|in\s+touch|in\s+contact)\b",
    re.I,
)


def _is_newsroom(sentence: str) -> bool:
    hint = "you" in sentence or "elcome" in sentence or "blog" in sentence or "hank" in sentence or "ood " in sentence
    if hint and _NEWSROOM.search(sentence):  # the regular expression only where a word of it is
        return True
    note = "ndependently" in sentence or sentence.lstrip(" \"'\u201c")[:4].lower() == "our "
    return note and bool(_NEWSROOM_NOTE.match(sentence))


# Speaking of now inside a quotation ('"the flow is only in one direction today"'): the speaker's day, which an
# article with no date line does not give; it dates nothing. Under a date line (a chronicle's, a live page's) the
# reader knows the day, and it is that day. A day the speaker names ('"The last one left on Monday night"') dates.
_SPEAKERS_NOW = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
                           "later today"})


def _speakers_now(d: DateMention, outside: str) -> bool:
    return d.basis == "relative" and outside[d.start : d.start + 1] == " " and d.text.lower() in _SPEAKERS_NOW


def _said_now(d: DateMention, outside: str, answer: bool) -> bool:
    """A speaker's "today": inside a quotation, or anywhere in an interview's answer (all of it is speech)."""
    if answer:
        return d.basis == "relative" and d.text.lower() in _SPEAKERS_NOW
    return _speakers_now(d, outside)


# A clause about something that happened before the sentence's news, with a day of its own: "..., the first visit
# since the liberation of the country on December 8", "as Moscow pulled troops back after rebels seized Damascus
# last Sunday", "Assad, who fled to Moscow on December 8, said on Monday", "said Thursday it had begun clearing the
# district, where a market was shelled on Dec. 3". What stands between its opening word and
# the day is one clause (no comma, colon or bracket).
_EARLIER_OPENING = re.compile(r"(?:\b(?:[Ss]ince|after|following)|(?<=, )(?:who|which|where))\s")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")


_ASIDE_OPENING = re.compile(r"(?:who|which|whose|born)\b")


def _aside(sentence: str, d: DateMention) -> tuple[int, bool] | None:
    """(where it opens, whether it is a birth) for a sentence's only day when it stands in an aside about the subject,
    between commas ("Assad, who fled to Moscow on December 8, gave ...", "Assad, born on Sept. 11, 1965, fled ...")."""
    if d.value is None or d.precision != "day":
        return None
    i = sentence.rfind(", ", max(0, d.start - 100), d.start)
    if i <= 0 or "," in sentence[i + 2 : d.start] or not _ASIDE_OPENING.match(sentence, i + 2):
        return None
    rest = sentence[d.end :]
    if not rest.startswith(",") or len(rest.split()) < 2:
        return None  # the clause runs to the end: "... to Moscow, where he arrived on December 8."
    return i + 2, sentence.startswith("born", i + 2)


def _earlier_clauses(sentence: str, dates: list[DateMention]) -> list[tuple[int, DateMention]]:
    """(where the clause opens, its day) for each day of a sentence that is an earlier event's."""
    if "ince" not in sentence and "after" not in sentence and "following" not in sentence and ", wh" not in sentence:
        return []
    out: list[tuple[int, DateMention]] = []
    previous_end = 0
    for d in dates:
        window_start = max(previous_end, d.start - 100)
        previous_end = d.end
        if d.value is None or d.precision != "day":
            continue
        opening = None
        for m in _EARLIER_OPENING.finditer(sentence, window_start, d.start):
            opening = m
        if opening is None:
            continue
        between = sentence[opening.end() : d.start]
        # (a clause that opens the sentence, "Since the fall of Assad on Sunday, ...", is read with it: an event
        # is known by its line and start, and two events cannot start at one place)
        if opening.start() > 0 and between.strip() and not _CLAUSE_BREAK.search(between):
            out.append((opening.start(), d))
    return out


# A stretch a sentence only measures its news against: "for the first time since 2016", "the worst since 2011",
# "a front line that had barely moved since 2020". It does not take the date line's day away.
_MEASURING = re.compile(
    r"\b(?:first|last|only|biggest|largest|worst|heaviest|deadliest|fiercest|highest|lowest|most|(?:that|which|who)\s)"
    r"[^,;:.]*$",
    re.I,
)


def _measured_stretch(d: DateMention, sentence: str) -> bool:
    if d.value is None and _BOUND.match(d.text):  # "to lead a cabinet until 1 March": when it ends or is due
        return True
    return d.text[:5].lower() == "since" and bool(_MEASURING.search(sentence, max(0, d.start - 80), d.start))


_BOUND = re.compile(r"(?i)(?:until|till|by|no\s+later\s+than)\b")


_SPEECH_VERB_WORD = re.compile(r"\b(?:" + "|".join(sorted(lexicon.SPEECH_VERBS, key=len, reverse=True)) + r")\b")
# What makes words outside a quotation more than who said it: "X says it has ...", "told reporters that ...".
_REPORTED_CONTENT = re.compile(
    r"\b(?:that|saying|adding|noting|warning|stressing|insisting|but|after|before|while|when|because|amid)\b", re.I
)


def _only_attribution(sentence: str, outside: str) -> bool:
    """A sentence whose own words only say who spoke: '"...," a teacher in Homs told a radio station.' or 'A resident,
    reached by telephone, says: "..."'. 'The army says it has pulled back "to spare lives"' says more."""
    words = outside.strip(" .,;!?\u2014\u2013-")
    if not words:
        return True  # nothing but the quotation
    if not _SPEECH_VERB_WORD.search(words) or _REPORTED_CONTENT.search(words):
        return False
    if sentence.lstrip()[:1] in OPEN_QUOTES:
        return True  # the quotation first, then its speaker: '"...," NAME said ...'
    return outside.rstrip(" .!?\"'\u201d\u00bb").endswith(":")  # 'NAME told state television: "..."'


# A person's whereabouts in a description of who spoke: "a teacher in the New Aleppo neighbourhood", "a resident of
# the Old City", "the governor of Latakia" (not "in Doha for talks", not "speaking in Doha").
_WHEREABOUTS_OF_SPEAKER = re.compile(
    r"\b(?!(?:is|was|were|are|be|been|who|which|that|and|or|but)\b)(?![a-z]+(?:ing|ed)\b)[a-z]+\s+(?:of|in|from|at)"
    r"\s+(?:the\s+)?$"
)


def _speaker_whereabouts(outside: str, start: int) -> bool:
    verb = _SPEECH_VERB_WORD.search(outside)
    if verb is not None and verb.start() < start and outside[: verb.start()].strip(" ,\u2014\u2013-"):
        return False  # after the verb of "NAME tells a crowd at the mosque": where it was said
    return bool(_WHEREABOUTS_OF_SPEAKER.search(outside, max(0, start - 30), start))


# A name given, not a thing done: 'The operation is given the name "Deterring Aggression".' Under a date line it is
# no event of that day ("Al-Bashir is named prime minister" is one).
_NAMING = re.compile(
    r"^\W*(?:the|this|that|its?|their)\b[^,;]{0,60}?\b(?:is|was|are|were|has\s+been|have\s+been)\s+"
    r"(?:(?:officially\s+)?given\s+the\s+(?:code\s*)?name|(?:(?:code-?)?named|called)\s+[\"\u201c\u00ab]|dubbed|"
    r"known\s+as|nicknamed|titled|entitled)",
    re.I,
)


def _long_enough(sentence: str, places: list[str]) -> bool:
    """Five words make an event; three or four do when they name a place and end with a full stop ("Rebels enter
    Damascus."), as prose does and a headline or a credit line ("From CNN's Anna Petrova") does not. ("Nobody was
    hurt." names no place: it is not news of the day above it.)"""
    n = word_count(sentence)
    return n >= MIN_EVENT_WORDS or (n >= 3 and bool(places) and sentence.rstrip().endswith((".", "!")))


# Sentences that hold no event of their own when only a date line above dates them: a report going on
# ("It added that ...": its event is the report before), a bare attribution whose quotation follows
# ("NAME said:"), a note of what a source did not say ("It did not say where he was.").
_REPORT_GOES_ON = re.compile(
    r"\W*(?:[Ii]t|[Tt]he\s+(?:statement|ministry|report|agency|channel))\s+(?:also\s+)?(?:added|adds|went\s+on\s+to\s+say)"
    r"\s+that\b"
)
_NO_EVENT_OF_ITS_OWN = re.compile(
    r"\b(?:said|says|added|adds|wrote|writes|stated|states|declared|reads|tweeted|posted|told\s+[\w\s'\u2019.-]{1,40}?)"
    r"\s*:\s*$|"
    r"^\W*(?:it|he|she|they|the\s+\w+(?:\s+\w+)?)\s+(?:did\s+not|didn['\u2019]t|would\s+not|could\s+not|"
    r"declined\s+to|refused\s+to)\s+(?:say|specify|disclose|elaborate|comment|confirm)\b",
    re.I,
)
# A sentence that only says nothing happened or nothing is known ("The Kremlin has not commented on its bases in
# Tartus.", "Moscow has not confirmed the move.", "It remains unclear what will happen to the bases."): under a date
# line it is no event of that day. ("..., but Leonid Slutsky told Ria Novosti ..." goes on to one.)
_SILENCE = re.compile(
    r"^\W*(?:(?:[A-Z][\w'\u2019.\-]*|the|its|his|her|their|of|and)\s+){1,6}(?:has|have|had|did|does|do)\s+not\s+"
    r"(?:yet\s+|publicly\s+|officially\s+|immediately\s+)?(?:commented|comment|confirmed|confirm|responded|respond|"
    r"said|say|disclosed|addressed|replied)\b|"
    r"^\W*(?:(?:[A-Z][\w'\u2019.\-]*|the|its|his|her|their|of|and)\s+){1,6}(?:declined|refused)\s+to\s+"
    r"(?:comment|confirm|say|respond)\b|"
    r"^\W*it\s+(?:remains|remained|is|was)\s+(?:still\s+)?(?:unclear|not\s+(?:yet\s+|immediately\s+)?(?:clear|known)|"
    r"unknown)\b",
    re.I,
)
# A sentence that only describes a place or a body ("Tartus is Russia's only naval base in the Mediterranean.", "The
# airfield lies 20 km south of Latakia."): background, no event of the date line's day. ("This is the first visit
# ..." and "It is the deadliest ..." speak of the day's news; "Damascus is calm" says how things stood that day.)
_DESCRIPTION = re.compile(
    r"^\W*(?!(?:this|that|it|these|those|there)\b)(?:[\w'\u2019\-]+\s+){1,5}?"
    r"(?:(?:is|are)\s+(?:(?:still|also|now|by\s+far)\s+)?(?:an?\s|one\s+of\b|home\s+to\b|[A-Z][\w\-]*['\u2019]s\s+"
    r"(?:only|main|largest|biggest|sole|last|oldest|key|chief)\b)|"
    r"(?:lies|sits|is\s+located|is\s+situated)\s+(?:about\s+|some\s+)?(?:\d|[a-z]+\s+of\b|on\b|in\b|near\b|between\b))",
    re.I,
)
_GOES_ON = re.compile(r",\s*(?:but|while|though|although)\b|;|\btold\b")
# "DAMASCUS (Reuters) -": where the story was filed, not where it happened.
# Bounded, and matched once per line: an unbounded run of capitals and spaces backtracked quadratically.
_DATELINE = re.compile(
    r"^ {0,8}[A-Z][A-Z.,'\-]{0,30}(?: [A-Z.,'\-]{1,30}){0,4},?(?: [A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20})?,?)?"
    r"(?: \d{1,2})?"  # "MOSCOW. Dec 17 (Interfax) -": the day before the agency
    r"(?: ?\([^)]{1,40}\))?"  # "DAMASCUS, Syria (AP) —": the city in capitals, its country as written
    r"(?: [\w.]{1,12}(?: [\w.]{1,12})?)? ?(?:--|[-\u2013\u2014])\s|"  # "PARIS, 10 décembre —"
    r"^ {0,8}(?!(?:Meanwhile|However|Separately|Elsewhere|Still|Yet|Instead|Indeed|Later|Earlier|Finally|Again|Now|"
    r"Then|Also|Moreover|Besides|Overall|Today|Yesterday|Here|There|Nevertheless|Similarly|Likewise|Thus|Hence)\b)"
    r"[A-Z][a-z]{2,20}(?:[ \-][A-Z][a-z]{2,20})?, [A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20})? ?[\u2013\u2014]\s|"
    # "Beirut (dpa) -": a city as written and its agency
    r"^ {0,8}[A-Z][a-z]{2,20}(?:[ \-][A-Z][a-z]{2,20})? \([A-Za-z]{2,12}\) ?(?:--|[-\u2013\u2014])\s"
)  # ... and "Latakia, Syria – Long lines ...": a city and its country before a dash
# "imagery sent to NAME", "footage provided to NAME": the one material went to, an agency or a newsroom.
_RECIPIENT_BEFORE = re.compile(  # (any case: "Documents provided to")
    r"\b(?:imagery|images?|footage|videos?|photos?|photographs?|pictures?|documents?|data|statements?|letters?|"
    r"comments?|emails?|recordings?|files?)\s+(?:[a-z]+\s+)?(?:sent|provided|given|supplied|shown|released|"
    r"leaked|passed|made\s+available)\s+to\s+(?:the\s+)?$",
    re.I,
)
# "Credit: Maxar Technologies via NAME", "Photo: AFP via NAME": a distributor named in a credit.
_CREDIT_VIA_BEFORE = re.compile(
    r"\b(?:Credit|Credits|Photo|Image|Video|Footage|Courtesy|Source)\s*:[^.:;]{1,60}\bvia\s+$"
)
# An adjective of a region or a people made from a name: "Levantine", "Byzantine", "Caucasian", "Maltese".
_ADJECTIVE_ENDING = re.compile(r"(?:ine|ian|ese|ish)$")
# An unknown name owning what a person or a body says, thinks or does: "to Haddad's assessment".
_OWNER_OF_DEEDS_AFTER = re.compile(
    r"['\u2019]s\s+(?:[a-z]+\s+)?(?:evaluation|assessment|view|views|remarks|comments|statement|statements|words|"
    r"speech|stance|position|approach|visit|decision|decisions|government|forces|fighters|men|office|spokesman|"
    r"spokeswoman|family|wife|son|daughter|rule|regime|leadership|offensive|advance|call|appeal|plan|proposal|"
    r"account|claim|claims|interview|letter|message|request|demand|demands|policy|policies|administration)\b"
)
# "DAMASCUS: Syria's new leadership ...": a city in capitals and a colon, as some Gulf and South Asian papers file.
_CAPS_COLON_DATELINE = re.compile(r"^ {0,8}([A-Z][A-Z'\-]{2,20}(?: [A-Z][A-Z'\-]{2,20})?):\s")
# A country as the subject of a sentence: its actor, not its scene ("Russia is moving ... from Syria").
_VERB_AFTER_SUBJECT = re.compile(
    r"(?:['\u2019]s\s+\w+\s+)?\s+(?:is|was|has|have|had|will|would|did|does|could|can|must|should|may|might|"
    r"began|begins|started|starts|continued|continues|sent|sends|said|says|wants|plans|moved|moves|\w+ed)\b"
)
# Words after which a clause begins, so that a country after them can be its subject.
_CLAUSE_OPENING = re.compile(r"(?:\b(?:that|whether|if|and|while|as)|[,.])\s+(?:the\s+)?$")
# A named site that says what it is, wherever it stands ("visited the Umayyad Mosque in Damascus").
_NAMED_SITE = re.compile(
    # (a name starts where a word does, not inside "Aa-Aa-Aa": tried from every capital of one long hyphened word,
    # the scan was quadratic)
    r"(?<![\w'\u2019\-])(?:(?:al|el)-)?[A-Z][\w'\u2019\-]+(?:\s+(?:(?:al|el)-)?[A-Z][\w'\u2019\-]+){0,2}\s+"
    r"(?:Mosque|Square|Bridge|Dam|Camp|Prison|Citadel|Crossing|Palace|Stadium|Hospital|Airport|Gate|Market|Souq|Souk|"
    r"Bazaar)\b"
)
# A university, museum or hospital that someone visits, tours or enters: a site ("visited Aleppo University").
# (Not "a professor at Aleppo University": there it is the body someone works for.)
_VISITED_SITE = re.compile(
    r"\b(?:visit(?:ed|ing|s)?|tour(?:ed|ing|s)?|enter(?:ed|ing|s)?|stormed|raided|reopened|shelled|struck)\s+"
    r"(?:the\s+)?((?:[A-Z][\w'\u2019\-]+\s+){1,3}(?:University|College|Museum|Library|Hospital))\b"
)
# People who live somewhere, before "from", "of" or "in": the name after them is their village, not a person
# ("a farmer from Jubata al-Khashab"; "a letter from Bashar al-Assad" names a person).
_HOME_OF_BEFORE = re.compile(
    r"\b(?:farmers?|residents?|villagers?|shepherds?|families|family|natives?|inhabitants?|people|displaced)\s+"
    r"(?:from|of|in)\s+$"
)
_ISSUE_NUMBER_AFTER = re.compile(r"\s+(?:No\.\s*)?\d+(?:/\d+)?\b")
# What lies "on" a river, a ridge or a coast: "the dam on the Euphrates", "the outpost on the Hermon".
_FEATURE_ON = re.compile(
    r"\b(?:dam|dams|bridge|bridges|town|towns|city|village|villages|port|base|outpost|outposts|positions?|posts?|"
    r"barrage|shores?|island|summit|slopes|crossing|ferry|boats?|ships?|vessels?|barges?|troops|forces)\s+$"
)
# A river, a ridge or a coast (a line, not a point) found "on the" or "across the": it leads only when alone.
_LINE_BEFORE = re.compile(r"\b(?:on|cross|crossed|crossing)\s+the\s+$")
# "passing the Strait of Gibraltar", "the Gulf of Sirte", "the Temple of Bel": water, a cape or a site "of" a name.
_WATER_OF = re.compile(
    r"\bthe\s+((?:Strait|Straits|Gulf|Bay|Sea|Cape|Isle|Temple|Tomb|Shrine|Monastery|Castle|Citadel)\s+of\s+"
    r"[" + _UP + r"][\w'\u2019\-]*\w(?:\s[A-Z][a-z]+){0,2})"
)
_WATER_OF_CHECK = re.compile(
    r"(?:Strait|Gulf|Bay|Sea|Cape|Isle|Temple|Tomb|Shrine|Monastery|Castle|Citadel) of "
)
# "the Shahba area", "the Yarubiyah area": an area named after its place.
_NAMED_AREA = re.compile(
    r"\bthe\s+((?:(?:al|el|ad|as|ar|an)-)?[" + _UP + r"][\w'\u2019\-]*\w(?:\s+[A-Z][\w'\u2019\-]*\w)?)\s+area\b"
)
# Features that belong to the name before them ("the Tishrin dam"); a crossing, checkpoint, prison or camp
# is named after its town and keeps the town's name ("the Yayladağı crossing": Yayladağı; see _NAMED_CROSSING).
# An area's own word is not part of its common name either ("in Hatay province": Hatay; "the Mezzeh district": Mezzeh).
_EXTENDS_NAME = lexicon.PLACE_NOUNS - {"crossing", "checkpoint", "prison", "camp"} - {
    "province", "governorate", "district", "region", "neighbourhood", "neighborhood", "quarter"}
# Longest sentence read as one: a longer run is cut at spaces into pieces of at most this many
# characters (and the cut recorded), so no crafted "sentence" can make extraction slow.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True)
class PlaceMention:
    line: int
    start: int
    end: int
    surface: str
    place: str  # canonical gazetteer name, or the surface form of an unknown candidate
    known: bool  # False: not in the gazetteer, a candidate for the geocoder


@dataclass
class Event:
    line: int
    start: int
    end: int
    text: str
    date: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None
    places: list[str]
    claim: str
    sources: list[str]
    actors: list[str]
    claim_evidence: str | None = None
    date_basis: str | None = None  # text, weekday, relative, header, dateline: how the day was read
    mentioned: list[str] = field(default_factory=list)  # places named in passing, not where it happened


@dataclass
class QuoteRecord:
    line: int
    start: int
    end: int
    text: str
    speaker: str | None
    role: str | None
    date: str | None
    date_precision: str | None
    places: list[str]
    event_index: int | None
    date_basis: str | None = None
    mentioned: list[str] = field(default_factory=list)  # places its sentence names in passing (a wish's places)


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    mentions: list[PlaceMention] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)  # lines skipped as repeats
    problems: list[str] = field(default_factory=list)  # what was read differently from how it was written


# The Arabic article joined to a name by a hyphen or a space, as transliterations write it either way: "Deir el-Zor"
# and "Deir el Zor", "Ras al-Ain" and "Ras al Ain", "Tal Abyad" ... each is looked up in both spellings.
_ARTICLE_JOIN = re.compile(r"\b(al|el|ez|ed|ad|as|ash|ar|an|at|az|adh|ath|es|er|en|et)([- ])(?=[A-Z])", re.I)


def _article_spellings(names: Iterable[str]) -> tuple[str, ...]:
    """The names as the gazetteer writes them, then (so that those win where the two meet) the other spellings."""
    names = tuple(names)
    out: list[str] = list(names)
    for name in names:
        if _ARTICLE_JOIN.search(name):
            other = _ARTICLE_JOIN.sub(lambda m: m.group(1) + (" " if m.group(2) == "-" else "-"), name)
            if other != name and other[:1].isupper():
                out.append(other)
    return tuple(dict.fromkeys(out))


class Extractor:
    """Holds the lookup indexes built once from the gazetteer and the lexicon."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places: dict[str, Place] = {p.name: p for p in places}
        self.countries = frozenset(n for n, p in self.places.items() if p.kind == "country")
        self.states = self.countries | frozenset(n for n in self.places if n in SEATS_OF_POWER)
        self.country_of = {n: p.country for n, p in self.places.items() if p.country}
        self.place_index = PhraseIndex({p.name: _article_spellings(p.names()) for p in self.places.values()})
        self.not_places = PhraseIndex({n: () for n in lexicon.NOT_PLACES})
        self.sources = PhraseIndex(lexicon.SOURCES, case_sensitive=True)
        self.actors = PhraseIndex(lexicon.ACTORS, case_sensitive=True)
        self.persons: set[str] = set()  # name words of people in the current document
        self.speakers = SpeakerContext()  # who was named so far in the current document

    # -- places ---------------------------------------------------------------
    def find_places(self, text: str, line: int = 0, tokens: list[Token] | None = None) -> list[PlaceMention]:
        tokens = tokenize(text) if tokens is None else tokens
        blocked = [(m.start, m.end) for m in self.not_places.find(text, tokens)]
        if blocked and ("University" in text or "College" in text or "Hospital" in text):
            visited = {m.span(1) for m in _VISITED_SITE.finditer(text)}  # "visited Damascus University": a site
            blocked = [span for span in blocked if span not in visited]
        source_hits = self.sources.find(text, tokens)
        blocked += [(m.start, m.end) for m in source_hits if " " in m.surface]
        found: list[PlaceMention] = []
        for m in self.place_index.find(text, tokens):
            if any(a < m.end and m.start < b for a, b in blocked):
                continue
            if not self._is_place_use(m) or _in_organisation_name(text, m.start):
                continue  # "National University of Singapore": an organisation, not a place
            if m.canonical in self.states and m.next_token in _GOVERNMENT_MODIFIERS and not m.possessive and \
                    _GOVERNMENT_AFTER_MODIFIER.match(text, m.end):
                blocked.append((m.start, m.end))  # (and no unknown place of the same name either)
                continue  # "the Damascus caretaker government": the state, not a place
            if _inside_capitalised_name(text, m.start, m.end):
                continue  # "King's College London", "the Israel Defense Forces": an organisation
            if _first_name_of_person(text, m.start, m.end, self.persons):
                continue  # "Defense Minister Israel Katz": a person's first name
            if _ORGANISATION_AFTER.match(text, m.end) and _INDEFINITE_BEFORE.search(text, max(0, m.start - 4), m.start):
                continue  # "a Washington think tank", "an Istanbul law firm": the kind of body, not a place
            if (town := self._town_of_site_alias(m)) is not None:
                found.append(PlaceMention(line, *town, True))
                continue  # "the naval base in Tartus": the reader names Tartus
            prefix = re.search(r"\b([A-Z][a-z]+) $", text[max(0, m.start - 12) : m.start])
            if prefix and prefix.group(1) in lexicon.PLACE_PREFIXES:
                start = m.start - len(prefix.group(0))  # "Kafr Nubl": a longer name the gazetteer lacks
                if _NICKNAMED.search(text, max(0, start - 20), start):
                    continue  # "known as Little Moscow": a nickname, not a place
                found.append(PlaceMention(line, start, m.end, text[start : m.end], text[start : m.end], False))
                continue
            found.append(PlaceMention(line, m.start, m.end, m.surface, m.canonical, True))
        if "capital" in text:
            for c in _NATION_CAPITAL.finditer(text):  # "travelled to the Syrian capital": Damascus
                name = lexicon.CAPITAL_OF[c.group(1)]
                if name in self.places and not any(p.start < c.end() and c.start() < p.end for p in found):
                    found.append(PlaceMention(line, c.start(), c.end(), c.group(0), name, True))
        taken = [(p.start, p.end) for p in found] + blocked
        taken += [(m.start, m.end) for m in source_hits]
        taken += [(m.start, m.end) for m in self.actors.find(text, tokens)]
        for cand in self._candidates(text, taken):
            found.append(PlaceMention(line, cand[0], cand[1], text[cand[0] : cand[1]], text[cand[0] : cand[1]], False))
        found.sort(key=lambda p: p.start)
        if found and (" and " in text or " or " in text):
            listed = self._listed_with(text, found, taken)
            if listed:
                found += [PlaceMention(line, a, b, text[a:b], text[a:b], False) for a, b in listed]
                found.sort(key=lambda p: p.start)
        return found

    def _listed_with(self, text: str, found: list[PlaceMention], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "near Ain Issa and Tal Tamr", "the ports of Latakia and Minet el-Beida", "to Libya, Sudan and the Sahel":
        a name the gazetteer lacks, last in a list of places after a preposition of place, is a place too."""
        out: list[tuple[int, int]] = []
        starts = {p.start: p for p in found}
        for p in found:
            if not _PLACE_PREPOSITION_BEFORE.search(text, max(0, p.start - 14), p.start):
                continue
            end = p.end
            pending: list[tuple[int, int]] = []  # "in Kazan, Penza, and Samara": names between commas, kept when
            while (gap := _LIST_GAP_AFTER.match(text, end)) is not None:  # the list closes with "and" on a place
                nxt = starts.get(gap.end())
                if nxt is not None:
                    end = nxt.end  # another known place of the list
                    if gap.group("last"):
                        out += pending
                        pending = []
                    continue
                name = _LISTED_NAME.match(text, gap.end())
                if name is None or not self._is_listed_name(text, *name.span(), taken + out + pending):
                    break
                if not gap.group("last"):
                    word = _NOUN_AFTER.match(text, name.end())
                    if len(pending) == 3 or (word is not None and word.group(1) not in _NOT_NOUNS):
                        break  # (a name only, no "Tal Kalakh countryside", and a short list)
                    pending.append(name.span())
                    end = name.end()
                    continue
                head = _NOUN_AFTER.match(text, name.end())
                extends = head is not None and head.group(1) in _EXTENDS_NAME
                out += pending
                out.append((name.start(), head.end()) if extends else name.span())  # "and the Qara Qozak bridge"
                break
        return out

    def _is_listed_name(self, text: str, a: int, b: int, taken: list[tuple[int, int]]) -> bool:
        words = text[a:b].split()
        if any(x < b and a < y for x, y in taken) or words[0] in lexicon.NOT_PLACE_WORDS:
            return False
        if text[a:b] in lexicon.NOT_PLACE_NAMES or words[0].upper() == words[0] or len(text[a:b]) < 3:
            return False
        if any(w in lexicon.ORG_SUFFIXES or w.lower() in lexicon.TITLES for w in words):
            return False  # "in Damascus and President Assad"
        if any(w in self.persons for w in words if "-" not in w):
            return False  # "to Moscow and Putin", "in Damascus and Bashar al-Assad" ("Minet el-Beida" is a port)
        if re.match(r"-[a-z]", text[b : b + 2]):
            return False  # "Idlib and Turkish-backed"
        return not _CLAUSE_VERB_AFTER.match(text, b)  # "in Aleppo and Rami said": a new clause's subject

    def _pair_of_names(self, name: str) -> bool:
        """ "Egypt-Jordan", "Iran-Hezbollah": each half a known place or a group, so an adjective of the two."""
        parts = name.split("-")
        if len(parts) != 2 or not all(parts):
            return False
        known = [bool(self.place_index.find(part)) or part in lexicon.NOT_PLACE_NAMES for part in parts]
        return all(known)

    def _is_place_use(self, m: PhraseMatch) -> bool:
        nxt = m.next_token
        if m.surface.rsplit(" ", 1)[-1] in _SEA_ADJECTIVES and nxt and nxt[:1].islower() and _is_noun_after_sea(nxt):
            return False  # "the Mediterranean squadron", "its Mediterranean bases": an adjective
        if nxt and m.canonical in self.states and nxt.rstrip(".,;:") in lexicon.STATE_TOPIC_NOUNS and not m.possessive:
            return False  # "Washington's Syria policy", "a Turkey analyst": a state as a topic
        if nxt and nxt.rstrip(".,;:") in lexicon.ACCORD_NOUNS and not m.possessive:
            return False  # "the Astana process", "the Sochi agreement": a process or a text named after a city
        if nxt and nxt.rstrip(".,;:") in _SITE_WORDS and self.places[m.canonical].kind == "base":
            return False  # "the al-Khadim checkpoint": a checkpoint of that name, not the air base
        if nxt and nxt.rstrip(".") in lexicon.ORG_SUFFIXES and not m.possessive:
            return False  # "Kyiv Independent", "Damascus University"
        if nxt and _OWNED_BY_ORGANISATION.match(nxt) and nxt[: nxt.find("s", -2) - 1] in lexicon.ORG_SUFFIXES:
            return False  # "Libya Herald's correspondent": the organisation owns, not the place
        if nxt and not m.possessive and is_acronym(m.surface) and nxt.lower().rstrip(".,") not in _FUNCTION_WORDS:
            return False  # "U.S. officials": an adjective, not a place; "to the U.S. on Friday" is one
        return True

    def _town_of_site_alias(self, m: PhraseMatch) -> tuple[int, int, str, str] | None:
        """ "the naval base in Tartus", an alias of a site written as "... in TOWN": the town the reader names."""
        if " in " not in m.surface and " at " not in m.surface:
            return None
        cut = max(m.surface.rfind(" in "), m.surface.rfind(" at ")) + 4
        town = self.places.get(m.surface[cut:])
        if town is None or town.name == m.canonical or town.kind not in ("city", "province"):
            return None
        return m.start + cut, m.end, m.surface[cut:], town.name

    def _candidates(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Capitalised names after a place preposition that the gazetteer does not know."""
        out: list[tuple[int, int]] = []
        for m in _NAMED_SITE.finditer(text):
            a, b = m.span()
            first = m.group(0).split()[0]
            if first in lexicon.NOT_PLACE_WORDS or any(x < b and a < y for x, y in taken):
                continue
            out.append((a, b))
            taken = [*taken, (a, b)]
        if "University" in text or "College" in text or "Museum" in text or "Library" in text or "Hospital" in text:
            for m in _VISITED_SITE.finditer(text):
                a, b = m.span(1)
                if m.group(1).split()[0] not in lexicon.NOT_PLACE_WORDS and not any(x < b and a < y for x, y in taken):
                    out.append((a, b))
                    taken = [*taken, (a, b)]
        if " of " in text and _WATER_OF_CHECK.search(text):
            for m in _WATER_OF.finditer(text):
                a, b = m.span(1)
                if not any(x < b and a < y for x, y in taken):
                    out.append((a, b))
                    taken = [*taken, (a, b)]
        if " area" in text:
            for m in _NAMED_AREA.finditer(text):
                a, b = m.span(1)
                words = m.group(1).split()
                if words[0].split("-")[-1] in lexicon.NOT_PLACE_WORDS or m.group(1) in lexicon.NOT_PLACE_NAMES:
                    continue  # "the Turkish area", "the Kremlin area"
                if any(w in lexicon.ORG_SUFFIXES for w in words) or any(x < b and a < y for x, y in taken):
                    continue
                out.append((a, b))
                taken = [*taken, (a, b)]
        at_start = _CANDIDATE_AT_START.match(text)
        for m in [at_start, *_CANDIDATE.finditer(text)] if at_start else _CANDIDATE.finditer(text):
            a, b = m.span("name")
            if re.search(r"according\s+to\s+(?:the\s+)?$", text[max(0, a - 20) : a], re.I):
                continue  # a source, not a place
            if text.startswith("on ", m.start()) and not _FEATURE_ON.search(text, max(0, m.start() - 30), m.start()):
                continue  # "advises governments on the Levant": a topic ("the dam on the Euphrates" is a place)
            name = m.group("name")
            name = re.sub(r"['\u2019]s?$", "", name)
            b = a + len(name)
            if any(x < b and a < y for x, y in taken):
                continue
            if " " not in name and _ISSUE_NUMBER_AFTER.match(text, b):
                continue  # "as reported in Issue 2025/01": a number of a publication, not a place
            if _OWNER_INSIDE.search(name) or _TAIL_OF_NAME.search(text, max(0, a - 60), a):
                continue  # "Putin's Mediterranean dream"; "Representatives" of "the House of Representatives"
            if (longer := _name_of_and_to(text, a, b)) is not None:
                if longer[1] > b and not any(x < longer[1] and a < y for x, y in taken):
                    out.append(longer)  # "the Monument to the Scuttled Ships": one site
                    taken = [*taken, longer]
                continue  # "the House of Representatives": a body, no place
            head = _NOUN_AFTER.match(text, b)
            if head and head.group(1).lower() in lexicon.NOT_PLACE_HEADS:
                continue  # "the Assad family", "the Bahri cafe": a modifier, not a place
            if head and head.group(1).lower() in _EXTENDS_NAME and name == m.group("name"):
                b = head.end()  # "the Tishrin dam": the feature is part of the name
                name = text[a:b]
            if name.endswith("s") and name[:-1] in lexicon.NOT_PLACE_WORDS:
                continue  # "used to the Russians": a people, not a place
            first = name.split()[0]
            if first in lexicon.NOT_PLACE_WORDS or first.upper() == first or name in lexicon.NOT_PLACE_NAMES:
                continue
            if "-" in first and any(part.rstrip("s") in lexicon.NOT_PLACE_WORDS for part in first.split("-")):
                continue  # "Syrian-Australians", "the Russian-Syrian talks": peoples, not a place
            if " " in name and name.rsplit(" ", 1)[-1].split("-")[-1] in lexicon.NOT_PLACE_WORDS:
                continue  # "from Recep Tayyip Erdogan", "to Bashar al-Assad": a person
            if any(w in lexicon.ORG_SUFFIXES or w.lower() in lexicon.TITLES or w in _RANKS for w in name.split()):
                continue  # ("Chief of Staff Lt.-Gen. NAME": a rank)
            if re.search(r"-[a-z]", name) or len(name) < 3 or re.match(r"-[a-z]", text[b : b + 2]):
                continue  # "Turkish-controlled", "the Doha-based centre": an adjective
            if "-" in name and self._pair_of_names(name):
                continue  # "Egypt-Jordan relations", "the Iran-Iraq war": two states as an adjective
            if _RECIPIENT_BEFORE.search(text, max(0, a - 60), a) or _CREDIT_VIA_BEFORE.search(text, max(0, a - 80), a):
                continue  # "footage sent to Newsflare", "Credit: Planet Labs via Newsflare": an agency, not a place
            noun = _NOUN_AFTER.match(text, b)
            if _ADJECTIVE_ENDING.search(name) and noun is not None and noun.group(1) not in _NOT_NOUNS:
                continue  # "to Levantine waters", "Byzantine churches": an adjective, not a name
            if _OWNER_OF_DEEDS_AFTER.match(text, b):
                continue  # "in contrast to Haddad's assessment": a person or a body owning what it said or did
            home = _HOME_OF_BEFORE.search(text, max(0, a - 30), a) is not None  # "a farmer from Jubata al-Khashab"
            if (self._at_sentence_start_of_name(text, a) and not home) or any(w in self.persons for w in name.split()):
                continue
            if _PERSON_BEFORE.search(text, max(0, a - 30), a) or _in_organisation_name(text, a):
                continue  # "forces loyal to Assad"; "Centre for Reconciliation of the Opposing Parties"
            if " " not in name and name.endswith("s") and name[:-1] in lexicon.NOT_PLACE_WORDS:
                continue  # "millions of Syrians": a people, not a place
            out.append((a, b))
        if " of " in text and _AREAS_OF.search(text):
            out += self._areas_named(text, [*taken, *out])
        if "'s " in text or "\u2019s " in text:
            for m in _AREA_OF_PLACE.finditer(text):  # "in Istanbul's Eminonu district": Eminonu
                a, b = m.span("name")
                words = m.group("name").split()
                if words[0] in lexicon.NOT_PLACE_WORDS or any(w in lexicon.ORG_SUFFIXES for w in words):
                    continue  # "Syria's Agriculture Ministry district office": an office
                if not any(x < b and a < y for x, y in taken + out):
                    out.append((a, b))
        if "-" in text:
            for m in _ARTICLE_NAME_AT.finditer(text):  # "flights to Benghazi and to al-Khadim", "near al-Bab"
                group = "name" if m.group("name") else "name2"
                a, b = m.span(group)
                stem = m.group(group).split("-", 1)[1]
                if group == "name":
                    a = _first_word_of_name(text, a)  # "the Brak al-Shati airbase": Brak al-Shati
                if stem in lexicon.NOT_PLACE_WORDS or any(x < b and a < y for x, y in taken + out):
                    continue
                out.append((a, b))
        if _SETTLEMENT_PREFIX_CHECK.search(text):
            for m in _SETTLEMENT_NAME.finditer(text):  # "near Kobani and Ain Issa", "near Khirbet al-Maaza"
                if not any(x < m.end() and m.start() < y for x, y in taken + out):
                    out.append(m.span())
        if "highway" in text or "motorway" in text:
            for m in _NUMBERED_ROAD.finditer(text):  # "along the M4 highway"
                if not any(x < m.end() and m.start() < y for x, y in taken + out):
                    out.append(m.span())
        if "crossing" in text or "checkpoint" in text or "prison" in text or "camp" in text or "gate" in text:
            for m in _NAMED_CROSSING.finditer(text):  # "the Cilvegözü border crossing", "the al-Khadim checkpoint"
                a, b = m.span("name")
                words = m.group("name").split()
                if len(words) == 2 and words[0] in lexicon.NOT_PLACE_WORDS:
                    a, words = b - len(words[1]), words[1:]  # "The Nasib border crossing": Nasib
                if words[0].split("-")[-1] in lexicon.NOT_PLACE_WORDS:
                    continue  # "the Turkish border crossing"
                if not any(x < b and a < y for x, y in taken + out):
                    out.append((a, b))
                first = _FIRST_OF_TWO.search(text, max(0, a - 40), a) if m.group("plural") else None
                if first and first.group(1) not in lexicon.NOT_PLACE_WORDS:
                    fa, fb = first.span(1)
                    if not any(x < fb and fa < y for x, y in taken + out):
                        out.append((fa, fb))
        return out

    @staticmethod
    def _areas_named(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "the neighbourhoods of al-Waer and Baba Amr", "the village of Khirbet al-Maaza": each name a place."""
        out: list[tuple[int, int]] = []
        for cue in _AREAS_OF.finditer(text):
            at = cue.end()
            while (m := _AREA_NAME.match(text, at)) is not None:
                a, b = m.span()
                if m.group(0).split()[0].split("-")[-1] in lexicon.NOT_PLACE_WORDS:
                    break
                if not any(x < b and a < y for x, y in taken + out):
                    out.append((a, b))
                sep = _AREA_SEP.match(text, b)
                if sep is None:
                    break
                at = sep.end()
        return out

    @staticmethod
    def _at_sentence_start_of_name(text: str, a: int) -> bool:
        # "to Bashar al-Assad": a person, recognised by a following particle name ("Khirbet al-Maaza": a place).
        m = re.match(r"([A-Z]\w+)\s+(?:al|el|bin|ibn)-", text[a:])
        return bool(m) and m.group(1) not in _SETTLEMENT_PREFIXES

    def rank_places(
        self,
        mentions: list[PlaceMention],
        dateline_end: int = -1,
        actor: PlaceMention | None = None,
        within: frozenset[str] = frozenset(),
        background: frozenset[str] = frozenset(),
    ) -> list[str]:
        """Distinct places, the one the event happened at first.

        The first mention of the most specific kind present leads; a country
        only leads when nothing more precise is named, and a country that is the
        sentence's subject ("Russia is moving equipment from Syria") comes after the others.
        """
        order: list[str] = []
        for m in sorted(mentions, key=lambda m: (m.start < dateline_end, m is actor, m.start)):
            if m.place not in order:
                order.append(m.place)
        if not order:
            return order
        # The dateline's city ("GENEVA, 16 December -") is where the story was filed: it leads only when
        # nothing else is named. A name the gazetteer lacks set inside a known place ("Umayyad Square in
        # Damascus", `within`) yields the lead to the place that can be mapped.
        filed = {m.place for m in mentions if m.start < dateline_end}
        filed -= {m.place for m in mentions if m.start >= dateline_end}
        # A place named only in a clause about someone ("al-Bashir, who ran the administration in Idlib, is
        # named prime minister in Damascus", `background`) leads only when nothing else is named, dateline included.
        fore = [n for n in order if n not in background]
        pool = (
            [n for n in fore if n not in filed and n not in within] or [n for n in fore if n not in filed] or fore
            or order
        )
        for name in pool:
            place = self.places.get(name)
            if place is None or KIND_RANK.get(place.kind, 1) < KIND_RANK["country"]:
                return self._town_of_airport([name] + [n for n in order if n != name])
        return self._town_of_airport([pool[0]] + [n for n in order if n != pool[0]])

    def _town_in_setting(self, sentence: str, offset: int, scene: list[PlaceMention], places: list[str]) -> list[str]:
        """ "In Anbar, tribal leaders in al-Qaim met": a province or region that opens the sentence as its setting
        yields the lead to a town named after it. ("Fighters took the Latakia province, where the bases are" keeps
        the province: it opens no sentence.)"""
        first = min(scene, key=lambda m: m.start)
        opening = sentence[: first.start - offset]
        if first.place != places[0] or not re.fullmatch(r"(?:In|Across)\s+(?:the\s+)?", opening):
            return places
        if sentence[first.end - offset : first.end - offset + 1] != ",":
            return places
        town = next((n for n in places[1:] if self._kind_rank(n) < self._kind_rank(places[0])), None)
        return places if town is None else [town] + [n for n in places if n != town]

    def _kind_rank(self, name: str) -> int:
        """How wide a place is: a town or a base 0, a province 1, a region or a sea 2, a country 3 (unknown: 0)."""
        place = self.places.get(name)
        return 0 if place is None else KIND_RANK.get(place.kind, 1)

    def _town_of_airport(self, ranked: list[str]) -> list[str]:
        """ "Qamishli airport", "Damascus International Airport": the town the airport is named after leads."""
        lead = ranked[0]
        if not lead.lower().endswith("airport"):
            return ranked
        town = _AIRPORT_WORDS.sub("", lead)
        place = self.places.get(town)
        if place is None or place.kind != "city":
            return ranked
        return [town] + [n for n in ranked if n != town]

    def _subject_country(self, sentence: str, offset: int, mentions: list[PlaceMention]) -> PlaceMention | None:
        """A country that is the subject of its clause, when other places are named: the actor.

        The clause opens the sentence or follows "that", "whether", "and" or a comma ("GUR reported
        that Russia is redeploying systems from Syria to Libya"); after a preposition it is a place.
        """
        if len(mentions) < 2:
            return None
        for m in mentions:
            place = self.places.get(m.place)
            if place is None or place.kind != "country":
                continue
            lead = sentence[max(0, m.start - offset - 12) : m.start - offset]
            opens = m.start - offset <= 4 or _CLAUSE_OPENING.search(lead)
            if opens and _VERB_AFTER_SUBJECT.match(sentence[m.end - offset :]):
                return m
        return None

    def _is_place_word(self, word: str) -> bool:
        """ "Ankara" in "a visit to Ankara Fidan said": a place's name, for the speakers' full names."""
        return word in self.places or bool(self.place_index.find(word))

    def _referred_to(
        self, sentence: str, offset: int, spans: list[QuoteSpan], passing: list[PlaceMention]
    ) -> str | None:
        """The place "the city" refers back to: a reporter's city named in this sentence ("Our correspondent in
        Homs says the city is calm"), else the last sentence's scene; none for "an activist in the city"."""
        outside = _outside_quotes(sentence, offset, spans)
        ref = _BACK_REFERENCE.search(outside)
        if ref is None or _WHEREABOUTS_BEFORE.search(outside, max(0, ref.start() - 40), ref.start()):
            return None
        for m in passing:
            if _WHEREABOUTS_BEFORE.search(sentence, max(0, m.start - offset - 40), m.start - offset):
                return m.place
        if self._last_base and ref.group(0).endswith("base"):
            return self._last_base  # "The road from Latakia to the Hmeimim air base ... towards the base": Hmeimim
        if self._last_town and ref.group(0).rsplit(None, 1)[-1].lower() in _TOWN_WORDS:
            return self._last_town  # "In Palmyra, ... the Temple of Bel. ... withdrew from the town": Palmyra
        return self._last_scene

    def _not_a_person_label(self, label: str) -> bool:
        """ "NPR:" (the outlet asks) or "DUBAI:" (a dateline): a transcript label that is no person."""
        return bool(self.sources.find(label) or self.place_index.find(label.title()))

    # -- documents ------------------------------------------------------------
    def extract(self, text: str, reference: date) -> Extraction:
        out = Extraction()
        seen: set[str] = set()
        self.persons = _person_words(text)
        self.speakers = SpeakerContext(text=text, is_place=self._is_place_word)
        self._transcript = is_transcript(text)  # "Q:" and "A:" lines
        self._verbatim = verbatim_record(text)  # "Anna Kovac (S&D). - Madam President, ..." lines
        self._answerers = transcript_answerers(text, self._not_a_person_label)  # "VOLKOVA:" lines
        self._header: DateMention | None = None  # the date line the current paragraphs stand under
        self._header_fresh = False  # no sentence read yet under the date line just read
        self._last_day: DateMention | None = None  # the day the text was last at, for "two days later"
        # Paragraphs read, and those of them that open with a quotation: "two days later" counts from a day of its
        # own paragraph or the one before, a quoted paragraph between them aside (the scene goes on in it).
        self._para = self._quoted = self._day_para = self._day_quoted = 0
        self._day_first = writes_day_first(text)  # "9/12": day first, as the document's own dates are written
        self._last_scene: str | None = None  # the last sentence's main place, for "the city" after it
        self._last_base: str | None = None  # the last base among the scenes, for "the base" after it
        self._last_town: str | None = None  # the last scene that is no site, for "the town" after it
        self._after_image = False
        self._now_under_date_line: set[int] = set()  # events dated by a speaker's "today" under the date line
        first = _first_line(text)
        headers, stamps, lines_before = 0, 0, 0
        top_header: DateMention | None = None
        masthead = True  # only short lines so far (kicker, title, author): a date line here is the byline
        standfirst = False  # ... but for one sentence under the title, the piece's summary
        lines = text.splitlines()
        stamp_lines = [bool(_TIME_STAMP.match(raw)) for raw in lines]
        # A live page whose entries carry only a time ("6:40 p.m. ET", two or more of them) and no date line:
        # its entries are of the page's day, the publication date, until a date line says otherwise.
        # (a stamp line of many words, "10:42 10 December 2024, 4 min read, by Staff", is an article's byline)
        live = sum(s and len(raw.split()) <= 6 for s, raw in zip(stamp_lines, lines, strict=True)) >= 2
        timeline = _timeline_entries(lines)
        after_stamp = False  # the line before was an entry's time stamp
        after_top = False  # the line before was the article's first date line
        in_box = False  # under a live page's "Key points": its short lines are a summary of the entries below
        related = False  # under a "Read more:" line: the short lines are other stories' headlines
        previous = ""  # the last line of words read (not a date line)
        prose_before = False  # the line before was a paragraph of prose (it ended as a sentence ends)
        entry_open = False  # the day of a timeline's entry stands over the lines right under it
        for number, raw in enumerate(lines, start=1):
            ends = not raw.strip() or not raw.rstrip().endswith(_ENDS_SENTENCE) or _LABEL_OPENING.match(raw)
            if entry_open and ends:
                entry_open = False  # a blank line, a heading or "RECAP:": the entry is over
                self._header = self._last_day = None
            if not raw.strip():
                continue
            stamp = _PUBLISHED_LINE.match(raw)
            agency = _AGENCY_STAMP.match(raw) if "(" in raw else None
            if agency and date_header(raw[agency.end() :], reference) is not None:
                lines_before += 1
                continue  # "HOMS, Syria (Levant Wire) – 2025-03-04" on a line of its own: the story's stamp
            if stamp and stamp.group("word"):
                lines_before += 1
                continue  # "Published January 30 2025": the page's own stamp dates no paragraph and names nothing
            header = date_header(raw, reference) or _titled_header(raw, lines, number, reference)
            stamped = header is None and stamp_lines[number - 1]
            under_top = after_top
            if stamped and after_top and not live and (
                _UPDATE_WORD.search(raw) or (sum(stamp_lines) == 1 and len(raw.split()) <= 4)
            ):
                # "Dec. 11, 2024" then "Updated 7:52 p.m. ET" (or only "14:32 GMT"): the byline's own time (the
                # page's only stamp, right under its one date line under a title), no entry of a live page
                # ("09.15 GMT" there opens one, and so does "Updated at 09.15 GMT" under a page's opening date line)
                after_top = False
                continue
            after_top = False
            stamps += stamped
            if header is not None or stamped:
                self.speakers.new_entry()  # a new entry of a live page: "he" is someone new
                self._last_scene = self._last_base = self._last_town = None  # ... and "the city" somewhere new
            if stamped and live and self._header is None:
                self._header = self._last_day = _page_day(reference)
            if header is None and self._header is not None and len(raw) < 40 and _PERIOD_LINE.match(raw):
                # "December 2024" or "2015" under a chronicle's day: a section of a longer time, the day is over
                self._header = self._last_day = None
                continue
            if header is not None and under_top and top_header is not None and header.value == top_header.value:
                continue  # "5/3/2025" then "5 March 2025": the byline's one day, written twice
            if header is not None:
                headers += 1
                if headers == 1 and (
                    lines_before < 3 or (masthead and lines_before <= _MASTHEAD_LINES) or _BYLINE.match(previous)
                    or _under_title_and_credit(lines, number)
                ):  # (right under "By NAME" it is the byline's date, however long the standfirst above)
                    top_header = header
                    after_top = lines_before > 0  # a story's head: a title (and byline) above its date line
                self._header = self._last_day = header
                self._day_para, self._day_quoted = self._para, self._quoted
                self._header_fresh = True
                after_stamp = bool(_CLOCK.search(raw))  # "8 December 2024, 11:32 GMT": an entry's stamp
                continue
            lines_before += 1
            if masthead and not _is_masthead_line(raw):
                # "Russian troops pull back ...\nRussian convoys left ... over the weekend.\nAmberin Saleh\nDec 17,
                # 2024": one summary sentence under the title still stands in the masthead
                masthead = not standfirst and headers == 0 and 1 < lines_before <= 3 and len(raw.split()) <= 40
                standfirst = True
            furniture = _is_furniture(raw, self._after_image, number == first) or _is_entry_headline(
                raw, lines, stamp_lines, number, reference, after_stamp
            )
            if in_box or _KEY_POINTS.match(raw):
                in_box = not stamped and not raw.rstrip().endswith(_ENDS_SENTENCE) and len(raw.split()) <= 25
                furniture = furniture or in_box
            if stamped and not raw.rstrip().endswith(_ENDS_STATEMENT):
                furniture = True  # "09:02 | Pyaty Okean (410,000 subscribers)": a digest entry's stamp and source
            if related or (len(raw) < 40 and _RELATED_HEADING.match(raw)):
                related = not raw.rstrip().endswith(_ENDS_STATEMENT) and len(raw.split()) <= 25
                furniture = furniture or related
            if self._header is not None and not after_stamp and len(raw) < 40 and _SECTION_HEADING.match(raw):
                # "Desk analysis" after a digest's dated entries: the writer's own view, not that day's news (right
                # under an entry's stamp, "Analysis" labels that entry)
                self._header = self._last_day = None
                furniture = True
            if not furniture and self._header is not None and not stamped and _is_titled_heading(raw, lines, number):
                furniture = True  # "Midday: Assad's Escape" between a chronicle day's paragraphs: the day goes on
            if not furniture and self._header is None and not live and not self._transcript and prose_before:
                furniture = _is_subheading(raw, lines, number)  # "Assad flees to Moscow as rebels take ..." mid-article
            prose_before = not furniture and number != first and raw.rstrip().endswith(_ENDS_SENTENCE)
            after_stamp = stamped
            previous = raw
            self._after_image = bool(_IMAGE_LINE.match(raw))
            entry = dateline_date(raw, reference) if timeline and _TIMELINE_ENTRY.match(raw) else None
            if entry is not None:  # the entry's day stands over the lines under it, as a date line's does
                self._header = self._last_day = entry  # (its basis "dateline": no byline date undoes it)
                self._day_para, self._day_quoted = self._para, self._quoted
                entry_open = True
            self._extract_line(raw, number, reference, out, seen, furniture)
        if headers == 1 and not stamps and top_header is not None and _is_publication_day(top_header, reference):
            _undate_byline(out, self._now_under_date_line)
        return out

    def _extract_line(
        self, raw: str, number: int, reference: date, out: Extraction, seen: set[str], furniture: bool = False
    ) -> None:
        line = mark_single_quotes(mend_marks(mask_markup(raw)))
        spans = find_quote_spans(line)
        sentences = _cap_sentences(line, split_sentences(line, spans), number, out.problems)
        dateline = _DATELINE.match(line) or _CAPS_COLON_DATELINE.match(line)
        if dateline is not None and dateline.re is _CAPS_COLON_DATELINE and not self.find_places(dateline.group(1)):
            dateline = None  # "UPDATE: ...", "KHATIB: ...": a label or a speaker, not a city
        dateline_end = dateline.end() if dateline else -1
        filed = dateline_date(line, reference)  # "Dec. 7 (UPI) --": dates this paragraph's undated sentences
        if filed is not None:
            dateline_end = max(dateline_end, filed.end)
            if len(sentences) > 1 and sentences[0][1] <= filed.end + 1:
                # "DUBAI, January 2. Russia has begun ...": the dateline is no sentence of its own; its
                # city is named with the first sentence, where it leads only when nothing else is named.
                sentences = [(sentences[0][0], sentences[1][1]), *sentences[2:]]
        if not furniture:
            self._para += 1
            self._quoted += line.lstrip()[:1] in _QUOTE_OPENINGS
        fresh: list[int] = []
        for si, (a, b) in enumerate(sentences):
            key = normalize_for_dedup(line[a:b])
            if key in seen:
                continue
            seen.add(key)
            fresh.append(si)
        if not fresh:
            out.duplicates.append(number)
            return
        if dateline_end > 0 and sentences[0][1] <= dateline_end and 0 not in fresh:
            fresh.insert(0, 0)  # "MOSCOW." cut from "Dec 17 (Interfax) - ...": each story's dateline names its city
        dateline_places: list[PlaceMention] = []
        answer = verbatim_turn(line, self.speakers) if self._verbatim else None
        if answer is None:
            answer = transcript_answer(line, self._answerers, self.speakers)
        if answer is None and self._transcript and not spans:
            answer = qa_answer(line, self.speakers)
        if answer is None and "?" in self.speakers.text:
            answer = bold_qa_answer(raw, self.speakers)  # "**Will the fleet leave?**" and then the answer, unlabelled
        if answer is None:
            answer = unmarked_statement(line, spans, self.speakers)  # a release's "NAME said:" and then no marks
        if answer is not None:  # an answer in a transcript: the whole line is the speaker's words, and its quotes
            quotes = answer_with_quotes(answer, line, sentences, spans, self.speakers)
        else:
            quotes = find_quotes(line, sentences, spans, self.speakers)
        event_of_sentence: dict[int, int] = {}
        sentence_places: dict[int, list[str]] = {}
        sentence_mentioned: dict[int, list[str]] = {}
        sentence_dates: dict[int, DateMention | None] = {}
        for si in fresh:
            a, b = sentences[si]
            sentence = line[a:b]
            tokens = tokenize(sentence)
            mentions = [
                PlaceMention(number, a + m.start, a + m.end, m.surface, m.place, m.known)
                for m in self.find_places(sentence, tokens=tokens)
            ]
            out.mentions.extend(mentions)
            # "on Friday" under a date header or a dateline counts back from that day, not from publication.
            standing = filed or self._header
            anchor = date.fromisoformat(standing.value) if standing and standing.value else reference
            last = self._last_day
            month_of = date.fromisoformat(last.value) if last and last.value and last.precision == "day" else None
            dates = find_dates(sentence, anchor, month_of, self._day_first)
            if standing is not None and standing is self._header and dates and (anchor - reference).days < -1:
                dates = [_header_weekday(d, anchor) for d in dates]  # (a live page's day is the day of writing)
            if filed is not None:
                dates = [d for d in dates if a + d.start >= filed.end]
            if dates and "oday:" in sentence:  # "Today: what's left of the navy ...": a programme's agenda, no day
                dates = [d for d in dates if not (d.text.lower() == "today" and sentence[d.end : d.end + 1] == ":")]
            outside = _outside_quotes(sentence, a, spans) if spans else sentence
            if spans and dates and standing is None:  # (under a date line, "today" is the line's day)
                dates = [d for d in dates if not _speakers_now(d, outside)]
            in_answer = answer is not None
            speech = in_answer or bool(spans)
            if speech and dates and standing is None:  # "Qasimo: ... Today the door is still open"
                dates = [d for d in dates if not _said_now(d, outside, in_answer)]
            earlier = _earlier_clauses(sentence, dates) if len(dates) > 1 else []
            when = self._sentence_day([d for d in dates if all(d is not e for _, e in earlier)], outside, standing,
                                      sentence) if earlier else None
            aside = _aside(sentence, dates[0]) if len(dates) == 1 and ", " in sentence else None
            if aside is not None:  # "Assad, who fled to Moscow on December 8, gave ...": the day is the clause's
                earlier = [] if aside[1] else [(aside[0], dates[0])]  # (", born on Sept. 11, 1965,": no event at all)
                when = self._sentence_day([], outside, standing, sentence)
            elif when is None or when.precision != "day":
                earlier = []  # "Since the fall of Assad on Sunday, planes have ...": the clause's day is the sentence's
                when = self._sentence_day(dates, outside, standing, sentence)
            if when is not None and any(when is d for d in dates) and planned(sentence, when, anchor):
                when = None  # "is due to meet NAME in Damascus on Jan. 11": a plan, the day of no event
            if when is not None and when is not self._header and (when.precision or "").startswith("day") and (
                not furniture
            ):
                # (the date line was the day the text was at when it was read; an undated sentence under an
                # article's byline date does not make the byline "the day" for "a day later" after a dated one;
                # nor does a page's stamp, "14.12.2024, 18.03")
                self._last_day = when
                self._day_para, self._day_quoted = self._para, self._quoted
            if when is not None and when is standing and ("ote" in sentence or "report" in sentence) and (
                _NOT_OF_THE_DAY.search(sentence)
            ):
                when = None  # "Desk note: ..." or "Agencies contributed to this report." under a date line
            sentence_dates[si] = when
            self._header_fresh = False
            governments: list[PlaceMention] = []
            passing = _in_passing(sentence, a, mentions, self.countries, governments)
            acting = states_acting(sentence, a, mentions, self.states, self.country_of)
            governments += [m for m in acting if m not in governments]
            passing = [m for m in passing if m not in governments]
            passing += [m for m in _wished_for(sentence, a, mentions, spans) if m not in passing + governments]
            governments += [m for m in mentions if m.place in self.countries and m not in governments and
                            m not in passing and not _as_land(sentence, m.start - a, m.end - a)]
            scene = [m for m in mentions if m not in passing and m not in governments]
            actor = self._subject_country(sentence, a, scene)
            scene = [m for m in scene if m is not actor]  # "Russia is moving equipment from Syria": not a place
            if len(scene) > 1:
                seats = _seats_of_power(sentence, a, scene)  # "the authorities in Damascus ended the deal in Tartus"
                scene = [m for m in scene if m not in seats]
                passing += seats
            if dateline_places and b > dateline_end:
                if a < dateline_end:  # "MOSCOW. Dec 17 (Interfax) - ...", cut at ".": the story's first sentence
                    scene = [*dateline_places, *scene]
                elif not scene:
                    scene = dateline_places  # "TARTUS, Syria - ... On Wednesday, the tables were empty."
            within = _set_within(sentence, a, scene)
            if len(scene) > 1 and (" on the " in sentence or "cross" in sentence):
                within |= {m.place for m in scene if not m.known and _LINE_BEFORE.search(
                    sentence, max(0, m.start - a - 16), m.start - a)}  # "cross the Euphrates at the Qara Qozak bridge"
            background = _in_relative_clause(sentence, a, scene) if ", wh" in sentence else frozenset()
            if len(scene) > 1:
                background |= _backdrop(sentence, a, scene)
            places = self.rank_places(scene, dateline_end, None, within, background)
            moved = "from " in sentence or "left " in sentence
            if len(places) > 1 and moved and (goes := _destination(sentence, a, scene)):
                if self._kind_rank(goes) <= self._kind_rank(places[0]):  # ("left Hmeimim for Libya": Hmeimim)
                    places = [goes] + [p for p in places if p != goes]  # "took off from Hmeimim for Benghazi"
            if len(places) > 1 and spans:
                places = _said_where(scene, spans, places, outside, a)
            if len(places) > 1 and _NUMBERED_ROAD.fullmatch(places[0]):
                places = _point_on_road(sentence, a, scene, places)
            if len(places) > 1 and sentence.startswith(("In ", "Across ")) and self._kind_rank(places[0]) > 0:
                places = self._town_in_setting(sentence, a, scene, places)
            if a < dateline_end:
                dateline_places = [m for m in scene if m.start < dateline_end]
            if not places and when is not None and (here := self._referred_to(sentence, a, spans, passing)):
                places = [here]  # "In Tartus, ... . The port was quiet": the place named before
            elif places and when is not None and _refers_back(sentence) and (
                all(p in background | _backdrop(sentence, a, scene) for p in places)
            ) and (here := _seat_of_speaker(sentence, a, scene) or self._referred_to(sentence, a, spans, passing)):
                # "The town's new chief, a commander from Idlib, met elders": the town named before ("officials in
                # Latakia said weapons were handed in at a centre in the city": the city the speakers are in)
                places = [here] + [p for p in places if p != here]
            elif places:
                self._last_scene = places[0]
                if not _SITE_NAME.search(places[0]):
                    self._last_town = places[0]
                bases = [n for n in places if n in self.places and self.places[n].kind == "base"]
                self._last_base = bases[-1] if bases else self._last_base
            mentioned = _unique(m.place for m in sorted(passing, key=lambda m: m.start) if m.place not in places)
            sentence_places[si] = places
            sentence_mentioned[si] = mentioned
            claim = claims.claim_status(outside)
            if claim == "retracted" and out.events and claims.takes_back_earlier(outside):
                prev = out.events[-1]
                # The report taken back is the one just before: in this paragraph, or the last
                # paragraph when this sentence is a note of its own (no place, no date).
                if prev.line == number or (not places and when is None):
                    prev.claim = "retracted"
                    prev.claim_evidence = raw[a:b]
                    if not places and when is None:
                        continue
            if (not places and when is None) or not _long_enough(sentence, places):
                continue
            if filed is not None and b <= filed.end + 2:
                continue  # the dateline itself
            borrowed = when is not None and when.basis in ("header", "dateline")  # the day of a line above it
            if borrowed and any(qs == si for _, qs in quotes):
                own = [m for m in scene if not _inside_quotes(m, spans)]
                if own and _only_attribution(sentence, outside):
                    own = [m for m in own if not _speaker_whereabouts(outside, m.start - a)]
                if not own:
                    continue  # no place of its own ('"Damascus is free," a resident of Homs said'): the quote's date
            if _PUBLISHING_NOTE.match(sentence) or furniture or _is_newsroom(sentence):
                continue
            if borrowed and (
                _REPORT_GOES_ON.match(sentence) or (not places and _NO_EVENT_OF_ITS_OWN.search(outside))
                or _NAMING.match(sentence)
            ):
                continue  # "Foreign Secretary David Lammy said:", "It added that ...", "It is dubbed ..." under a date
            if borrowed and (
                (_SILENCE.match(outside) and not _GOES_ON.search(outside))
                or (_DESCRIPTION.match(outside) and not _SPEECH_VERB_WORD.search(outside))
            ):
                if not places:
                    continue
                when = sentence_dates[si] = None  # its places are still named, on no day

            speakers = [q.speaker for q, qs in quotes if qs == si and q.speaker]
            event = Event(
                line=number,
                start=a,
                end=b,
                text=raw[a:b],
                date=when.value if when else None,
                date_end=when.end_value if when else None,
                date_precision=reported_precision(when) if when else None,
                date_text=when.text if when else None,
                places=places,
                claim=claim,
                sources=self._sources(sentence, speakers, tokens),
                actors=self._actors(sentence, speakers, tokens),
                date_basis=when.basis if when else None,
                mentioned=mentioned,
            )
            if speech and when is not None and when.basis == "relative" and _said_now(when, outside, in_answer):
                # a speaker's "today" the date line gave its day: a byline's date line gives none
                self._now_under_date_line.add(len(out.events))
            event_of_sentence[si] = len(out.events)
            out.events.append(event)
            for opening, day in earlier:
                if aside is not None or (when is not None and when.value and day.value and day.value < when.value):
                    out.events.append(self._earlier_event(raw, number, a, opening, day, scene))
            if when is not None and not earlier and (
                " and " in outside or ";" in outside or "after" in outside
                or ("," in outside and ("next" in outside or "following" in outside or "later" in outside))
            ):
                # "... was cut on 9 May; it was restored the following afternoon": the later clause's event too
                for opening, day in later_clauses(outside, when, dates):
                    out.events.append(self._earlier_event(raw, number, a, opening, day, scene, places))
        fresh_set = set(fresh)
        for q, si in quotes:
            if si not in fresh_set:
                continue
            when = sentence_dates.get(si)
            speaker, role = title_to_role(q.speaker, q.role)
            out.quotes.append(
                QuoteRecord(
                    line=number,
                    start=q.start,
                    end=q.end,
                    text=raw[q.start : q.end],
                    speaker=speaker,
                    role=role,
                    date=when.value if when else None,
                    date_precision=reported_precision(when) if when else None,
                    places=sentence_places.get(si, []),
                    event_index=event_of_sentence.get(si),
                    date_basis=when.basis if when else None,
                    mentioned=sentence_mentioned.get(si, []),
                )
            )

    def _earlier_event(
        self,
        raw: str,
        number: int,
        a: int,
        opening: int,
        day: DateMention,
        scene: list[PlaceMention],
        around: list[str] | None = None,
    ) -> Event:
        """The event of a clause with a day of its own that happened before the sentence's: "arrived yesterday,
        the first visit since the liberation of the country on December 8" gives December 8 its event too (and of
        a later clause, "...; it was restored the next day", which names no place of its own: the sentence's, around).
        """
        start, end = a + opening, a + day.end
        inside = [m for m in scene if start <= m.start < end]
        clause = raw[start:end]
        if not inside and "the country" in clause:  # "... to Syria since the liberation of the country on ...": Syria
            inside = [m for m in scene if m.start < start and m.place in self.countries][-1:]
        if not inside and clause.startswith("where "):  # "... the old souq, where a shell fell on ...": the souq
            inside = [m for m in scene if m.end <= start][-1:]  # (the nearest place named before "where")
        return Event(
            line=number,
            start=start,
            end=end,
            text=clause,
            date=day.value,
            date_end=day.end_value,
            date_precision=reported_precision(day),
            date_text=day.text,
            places=self.rank_places(inside) if inside or around is None else list(around),
            claim=claims.claim_status(clause),
            sources=[],
            actors=_unique(m.canonical for m in self.actors.find(clause)),
            date_basis=day.basis,
        )

    def _counted_day(self, outside: str, standing: DateMention | None) -> DateMention | None:
        """ "Two days later", "that same night": counted from the day the text was last at, when that day is of
        this paragraph or the one before (a date line's day stands over all the paragraphs under it; see
        later_date for the forms that count from further back)."""
        last = self._last_day
        if last is None or (last is self._header and self._header_fresh):
            return None  # "26 November" and then "... the following day": the line says which day that was
        gap = self._para - self._day_para
        near = gap <= 1 or last is self._header
        day = later_date(outside, last, near, near or gap - (self._quoted - self._day_quoted) <= 1)
        if day is not None and standing is not None and day.text[:3].lower() in ("at ", "by "):
            return None  # "at dawn" under a date line: the line's day, not the last sentence's
        return day

    def _sentence_day(
        self, dates: list[DateMention], outside: str, standing: DateMention | None, sentence: str
    ) -> DateMention | None:
        """The day of a sentence's event: its own date, "two days later", or the date line it stands under.

        A sentence with a vague time of its own ("this week") is not the header's day; a stretch it only
        measures ("for the first time since 2016", "a front line that had not moved since 2020") does not
        take the header's day away.
        """
        when = event_date(dates) or self._counted_day(outside, standing)
        if when is None and not any(d.value is None and not _measured_stretch(d, sentence) for d in dates):
            when = standing
        elif when is not None and _long_before(when, standing, sentence):
            when = standing  # "December 10: ... the grave of Hafez al-Assad, whose rule began in 1971": background
        return when

    def _sources(self, sentence: str, speakers: list[str], tokens: list[Token]) -> list[str]:
        hits = self.sources.find(sentence, tokens)
        names = [m.canonical for m in hits]
        names += described_sources(sentence, [(m.start, m.end) for m in hits])
        for s in speakers:
            hit = self.sources.find(s)
            if hit:
                names.append(hit[0].canonical)
        return _unique(names)

    def _actors(self, sentence: str, speakers: list[str], tokens: list[Token]) -> list[str]:
        names = [m.canonical for m in self.actors.find(sentence, tokens)]
        names += [s for s in speakers if s[:1].isupper() and not self.sources.find(s)]
        return _unique(names)


_QUOTE_OPENINGS = ('"', "\u201c", "\u00ab", "'", "\u2018")
_PERSON = re.compile(
    r"\b(?:President|leader|dictator|Minister|Secretary|Adviser|diplomat|Pope|spokesperson|spokesman|"
    r"General|Gen\.|commander|Mr\.|Ms\.|Dr\.)\s+((?:[A-Z][\w'\u2019]+\s+)*(?:(?:al|el|bin)-)?[A-Z][\w'\u2019]+)"
)


_IMAGE_LINE = re.compile(r"^\s*!\[")
_TIME_STAMP = re.compile(
    r"^\W{0,4}(?:(?:[Uu]pdated|[Pp]osted)(?:\s+at)?\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?(?![\w.])|\b)(?!\s+[a-z])"
)  # "17.52 GMT", "11:32", "6:40 p.m. ET", "10:52pm", "Updated at 18.03 GMT": a live entry stamp (not "10:05 a.m. the")
_HEADING_LINE = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*$|={3,}|-{3,}\s*$)")
_CREDIT_LABEL = re.compile(r"\b(?:Photograph|Photo|PHOTO|Picture|Image|Illustration|Credit|Video)s?\s*:\s*\S")
# A credit at the line's end. Searched only in the last _CREDIT_TAIL characters of the line: run over the whole line,
# "(AP Photo/" scanned to the end of the line from each of its repeats, and "/AFP" tried each split of its spaces.
_CREDIT_END = re.compile(
    r"/\s*(?:AFP|Reuters|AP|Getty)(?:\s+Images)?\s*\)?\s*$|\((?:AFP|Reuters|AP|Getty Images|EPA)(?:\s+Photo)?"
    r"(?:/[^)]*)?\)\s*$|"
    # a wire photo's caption ends with its agency and photographer: "... December 8, 2024. REUTERS/Amr Dalsh"
    r"\b(?:REUTERS|AFP|AP|EPA|ANADOLU|SANA)/[A-Z][\w.'\- ]{1,40}(?:/File\s+Photo)?\s*$"
)
_CREDIT_TAIL = 300  # a line this long or longer is a credit only under an image


def _has_credit(raw: str) -> bool:
    """A photo credit: a label ("Photo: NAME") anywhere, or an agency at the end ("... (AP Photo/NAME)")."""
    if _CREDIT_LABEL.search(raw):
        return True
    body = raw.rstrip()
    return _CREDIT_END.search(body, max(0, len(body) - _CREDIT_TAIL)) is not None

# "Image caption, Crowds gathered in Damascus": a broadcaster's caption, labelled as one.
_CAPTION_LABEL = re.compile(r"^\W*(?:Image|Media|Video|Photo)\s+caption\b", re.I)
# "Published On 15 Dec 2024", "Updated: February 13, 2025, 11:02 AM", "December 10, 2024 at 9:41 AM GMT+3": a web
# page's stamp of its own publication, not something that happened that day. Only date and time words may follow
# ("Published on March 2, the report said ..." is a sentence). With its "Published"/"Updated" word it is never a
# chronicle's date line either, wherever it stands (a footer's "Updated: ..." included).
_PUBLISHED_LINE = re.compile(
    r"^\s*(?P<word>(?:first\s+|last\s+)?(?:published|updated|posted|modified|issued|as\s+of)(?:\s+(?:on|date|at))?"
    r"\s*:?\s*)?"
    r"(?=[^\n]*\b(?:19|20)\d\d\b)"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|"
    # (and the page's reading time or age: "Dec. 11, 2024 5 min read", "December 11, 2024 / Updated 2 hours ago")
    r"\d{1,3}\s*min(?:ute)?s?\s+read|updated\s+\d{1,2}\s+(?:hours?|minutes?|mins?|days?)\s+ago|"
    r"GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|AEDT|AEST|PST|PDT|EST|EDT|ET|at|[ap]\.?m\.?|[\d:.,/+\-\u2013\u2014|\u00b7]+|"
    # (and the city whose clock it is: "at 6:30 pm (Paris)", "11:02 (Moscow time)")
    r"\((?:[A-Z][a-z]+)(?:\s+[a-z]+)?\)|"
    r"\s+)+$",
    re.I,
)
# "QAMISHLI, Syria (Agency) – ": a city, its country and the agency before a date, all the line holds
_AGENCY_STAMP = re.compile(
    r"\s*[A-Z][\w'\-]+(?:,?\s+[A-Z][\w'\-]+){0,3}\s*\([^()]{1,30}\)\s*[-\u2013\u2014:|]\s*(?=\S)"
)
# "ANKARA, Jan 28, 2025 9:48 PM GMT+3": the page's stamp after the city in capitals it was filed from
_CITY_CAPS = re.compile(r"\s*[A-Z][A-Z'\-]{2,}(?:\s+[A-Z][A-Z'\-]{2,}){0,2},\s*")


_LABEL_SEPARATORS = "|\u00b7\u2022"


def _stamp_between_labels(raw: str) -> bool:
    """ "By Nour Haddad | Beirut | 06 January 2025 | 18:20", "Issue 2025/04 | Thursday 23 January 2025 | Compiled
    by the Desk", "Published on 16 January 2025 · 5 min read · Lire en français": the page's date among short
    labels (authors, a city, an issue, the reading time), no news (not a table's row)."""
    if len(raw) >= 120 or raw.lstrip()[:1] in _LABEL_SEPARATORS:
        return False
    stamp = False
    for part in re.split(r"[|\u00b7\u2022]", raw):  # "| Beirut |", "· 5 min read ·", "• Updated"
        part = part.strip()
        if _PUBLISHED_LINE.match(part) or _PUBLISHED_LINE.match(_UPDATE_WORD.sub(" ", part)):
            stamp = True
        elif len(part.split()) > 6 or part.endswith(_ENDS_STATEMENT):
            return False
    return stamp
# a caption's closing credit, photographer and agency: "... buffer zone, December 9, 2024. (Ayal Margolin/Flash90)"
_PHOTOGRAPHER = re.compile(
    r"\.\s*\((?:[A-Z][\w.'\u2019\-]*\s+){1,3}[A-Z][\w.'\u2019\-]*\s*/\s*[A-Z][\w.\- ]{1,30}\)\s*$"
)
# a caption's own date, then its credit: "..., Ankara, Türkiye, Jan. 28, 2025. (AA Photo)"
_DATED_CAPTION = re.compile(
    r",\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?),\s*(?:19|20)\d\d\.\s*"
    r"\((?:[^()]{0,40}\bPhoto\b[^()]{0,20}|[A-Z][\w.\- ]{1,20}/[^()]{2,40})\)\s*$"
)
_SCREENSHOT = re.compile(
    r"^\W*(?:an?\s+|the\s+)?(?:screenshot|screen\s*grab|still|file\s+photo|photo|image)s?\s+"
    r"(?:of|from|shows|showing|taken|posted|shared)\b",
    re.I,
)
# A credit line with no "By": "The New Arab Staff", "Amberin Saleh", "Reuters".
_CREDIT_LINE = re.compile(r"\s*(?:[A-Z][\w.'\u2019\-]*\s+){0,4}[A-Z][\w.'\u2019\-]*\s*$")


def _under_title_and_credit(lines: list[str], number: int) -> bool:
    """A date line under a title and a credit ("Clashes erupt near the dam\nThe New Arab Staff\n26 December, 2024"):
    a story's head further down a page (a second story pasted under the first), so the date is its byline's."""
    if number < 3:
        return False
    credit, title = lines[number - 2], lines[number - 3]
    return bool(_CREDIT_LINE.match(credit)) and bool(title.strip()) and not title.rstrip().endswith(_ENDS_SENTENCE) \
        and 3 <= len(title.split()) <= 25


# "By Ellen Marsh and Yusuf Karaca," before the page's date on one line
_BYLINE = re.compile(r"\s*By\s+(?:[A-Z][\w.'\u2019\-]*,?\s+(?:(?:and|&)\s+)?){0,8}[A-Z][\w.'\u2019\-]*\s*$")
_AUTHORS = re.compile(
    r"^\s*(?:(?:Posted|Written)\s+b|B)y\s+(?:[A-Z][\w.'\u2019\-]*\s+(?:(?:and|&)\s+)?){0,6}[A-Z][\w.'\u2019\-]*"
    r"\s*(?:[,|\u00b7\u2022]|\s+on\b)"
)
# A caption: "Image caption, ...", "Video caption: ...", "Pictured: ...", or one ending with its credit:
# "... [Reuters]", "... (Photo by NAME/AFP via Getty Images)", "... | Reuters"
_CAPTION_HEAD = re.compile(r"\W*(?:(?:image|video|photo|picture)\s+caption\s*[,:]|pictured\s*:)", re.I)
_CAPTION_TAIL = re.compile(
    r"(?:\[(?:File:?\s*)?(?:AFP|Reuters|AP|EPA|Getty(?:\s+Images)?|Anadolu|SANA|TASS)[^\]]{0,40}\]|"
    r"\((?:Photo|Image|Picture)s?\s+by\s+[^)]{2,80}\)|\|\s*(?:AFP|Reuters|AP|EPA|Getty\s+Images))\s*$"
)
_UPDATE_WORD = re.compile(r"(?i)\b(?:last\s+)?(?:update[sd]?|published|posted)\b")
# How many short lines (kicker, title, standfirst, author) may stand above an article's byline date.
_MASTHEAD_LINES = 6


def _page_day(reference: date) -> DateMention:
    """The publication day as the date line of a live page's time-stamped entries."""
    text = f"{reference.day} {reference:%B %Y}"
    return DateMention(0, len(text), text, reference.isoformat(), None, "day", False, basis="header")


_CLOCK = re.compile(r"\d[:.]\d\d")
_ENDS_STATEMENT = (".", "!", "?", '"', "\u201d", "\u00bb")  # a sentence's end ("(95,000)" is none)
# "Read more:", "Related", "More on this story": the lines under it are other stories' headlines
_RELATED_HEADING = re.compile(
    r"^\W*(?:read\s+more|also\s+read|related(?:\s+(?:stories|articles|coverage|content))?|see\s+also|"
    r"more\s+on\s+(?:this|the)\s+story)\W*$",
    re.I,
)
# A section of the writer's own after the dated entries: "Desk analysis", "Background", "Our view"
_SECTION_HEADING = re.compile(
    r"^\W*(?:(?:desk|editor['\u2019]s|our|the)\s+)?(?:analysis|background|context|comment(?:ary)?|outlook|"
    r"view|what\s+it\s+means|why\s+it\s+matters)\W*$",
    re.I,
)
# A line that is only a month or a year ("December 2024", "2015", "Early 2025"): a chronicle's section of a longer time.
_PERIOD_LINE = re.compile(
    r"^\W*(?:(?:early|late|mid-?)\s*)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d|(?:January|February|March|April|May|June|July|August|September|October|November|December))\W*$",
    re.I,
)
# The box atop a live page that sums up its entries ("Key points", "What we know so far:"): the short lines
# under it repeat the news the entries tell, and are no events of their own.
_KEY_POINTS = re.compile(
    r"^\W*(?:key\s+(?:points|events|developments)|what\s+we\s+know(?:\s+so\s+far)?|at\s+a\s+glance|"
    r"summary|the\s+latest|in\s+brief)\W*$",
    re.I,
)


_CLAUSE_OPENER = re.compile(r"(?:,|\()\s*(?:which|where|when|as|after|since|having)\b|\b(?:who|whose)\b|\(", re.I)


def _long_before(when: DateMention, standing: DateMention | None, sentence: str) -> bool:
    """A year or a month in a clause of its own ("..., whose rule began in 1971") that ended before the day the
    sentence stands under (a date line's, a timeline entry's): the background of the clause, not the time of the
    sentence's news. A sentence that opens with its year ("In 2015, jets first landed ...") keeps it."""
    if standing is None or standing.precision != "day" or not standing.value or when.precision not in ("year", "month"):
        return False
    if not _CLAUSE_OPENER.search(sentence, 0, when.start):
        return False
    last = date_bounds(when.end_value or when.value, None, when.precision)[1]
    return last is not None and last < date.fromisoformat(standing.value).replace(day=1)


_LAND_BEFORE = re.compile(
    r"(?:\b(?:in|inside|into|to|from|across|throughout|within|out\s+of|near|around|toward|towards|through|via|"
    r"entered|enter|enters|entering|exit|exits|exited|left|leave|leaves|leaving|fled|flee|flees|fleeing|reached|reach|"
    r"reaching|visited|"
    r"visit|visits|visiting|crossed|cross|crossing|returned\s+to|back\s+to|(?:north|south|east|west|parts|coast|border|"
    r"capital|cities|city|province|provinces|region|regions|areas|towns|villages|airspace|soil|territory)\s+of|"
    r"(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?|rural|coastal|occupied)|over|off|between|and|beyond|outside|"
    r"border(?:\s+crossings?)?\s+with|as\s+far(?:\s+away)?\s+as|bound\s+for|"
    r"(?:left|leave|leaving|departed|headed|heading|flew|flown|sailed|bound|fled|flee|fleeing|moved)\b[^.;]{0,40}\bfor|"
    r"bordered\s+by|bordering|borders|neighbouring|neighboring|"
    r"(?:war|wars|strikes?|attacks?|offensive|invasion|raids?|bombing|campaign)\s+(?:against|on|of))"
    r"\s+(?:(?:the|a|an)\s+(?:[a-z]+\s+)?)?$|\bin\s+[a-z]+\s+$|\(\s*$|"  # ("in tormented Ukraine")
    r"(?:^|\n)\W*$|[A-Za-z]+,\s+$|[A-Z]+\s+/$)",  # (the dateline's "DAMASCUS /Syria/")
    re.I,
)
_LAND_AFTER = re.compile(
    r"(?:['\u2019]s?\s+(?:north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|"
    r"southwest|coast|coastal|border|capital|cities|city|province|provinces|territory|airspace|waters|soil|interior|"
    r"countryside|desert|mountains|port|ports|bases?|airbase|air\s+base|naval|villages?|towns?|regions?)\b|"
    r"['\u2019]s\s+[A-Z]|"  # "Syria's Tartus port", "Libya's Benghazi": a place in it
    r"\s+(?:border|borders|side|frontier|coast)\b|,?\s+where\b|"  # "the Lebanon border", "Lebanon, where ..."
    r"\s*[\u2013\u2014-]\s|\s*\(|\s*,?\s*$)",
    re.I,
)


def _as_land(sentence: str, start: int, end: int) -> bool:
    """A country named as land: where something is, goes or comes from ("in", "into", "from", "fled", "the north of",
    "northeast", "border with", "left Tartus for"), before "'s coast" or a place in it, or as a dateline. Named
    anywhere else, it is the state ("Jordan is wary", "talks with Syria", "sanctions on Syria"). Rounds of rules that
    listed the forms of a state acting lifted the set they were read from by 18 points and unseen real reporting by
    one; this list of the forms of land lifted unseen real reporting by ten (session 8)."""
    return bool(_LAND_BEFORE.search(sentence, max(0, start - 40), start) or _LAND_AFTER.match(sentence, end))


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|ar|an|bin|ibn|abu)-[A-Z]")  # "Mr. al-Hakim"


def title_to_role(speaker: str | None, role: str | None) -> tuple[str | None, str | None]:
    """ "Ayatollah Ali Khamenei", "Capt. Sokol": the title is the role, the rest the speaker's name (issue 10),
    whichever rule found them. A title with no name after it ("the President") is left as it is."""
    if not speaker:
        return speaker, role
    if "(" in speaker or "/" in speaker:
        speaker = _DATELINE_START.sub("", speaker) or speaker  # "GENEVA (Reuters) - NAME": the story's dateline
    if role and ("(" in role or "/" in role):
        role = _DATELINE_START.sub("", role).strip() or None
    words = speaker.split()
    k = 0
    while k < len(words) - 1 and lexicon.is_personal_title(words[k]):
        k += 1
    if k == 0:
        k = _after_last_office(words)
    if k == 0 or not (words[k][:1].isupper() or _NAME_PARTICLE.match(words[k])):
        return speaker, role
    title = " ".join(words[:k])
    if title.endswith(("'s", "\u2019s")):
        title = title[:-2]  # "Citi's Jane Fraser": Citi
    if role and title.lower() in role.lower():
        return " ".join(words[k:]), role
    return " ".join(words[k:]), f"{title} {role}" if role else title


# A wire story's dateline at the head of its first sentence, which a speaker's subject can run into: "GENEVA (Reuters)
# - ", "KYIV, Dec 3 (Reuters) - ", "December 9. /TASS/. ".
_DATELINE_START = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]+,?\s*)?(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\.?,?\s*)?"
    r"(?:\([A-Z][\w .\-]{1,25}\)\s*[-\u2013\u2014]+|/[A-Z][A-Za-z\-]{1,12}/\.?)\s*"
)


def _after_last_office(words: list[str]) -> int:
    """Where the name starts after an office written before it, the office's last word found from the end: "IBM
    CEO Arvind Krishna", "Butte County Sheriff Kory Honea", "Citi's Jane Fraser" (a possessive owner). 0 when the
    words after it are no person's name: "State Department", "Interior Ministry", a title alone; and a description
    ("an official in the administration of General NAME") is no office."""
    if not words[0][:1].isupper():
        return 0
    for k in range(len(words) - 2, -1, -1):
        word = words[k]
        owner = word.endswith(("'s", "\u2019s")) and word[:1].isupper()
        if not (owner or lexicon.is_role_head(word)):
            continue
        rest = words[k + 1 :]
        if any(w.lower() in _MINOR_WORDS for w in words[:k]):
            return 0  # "Head of Research at Nordbank NAME": a phrase, not an office's name
        if not 1 <= len(rest) <= 4 or lexicon.is_role_head(rest[0]) or (len(rest) == 1 and owner):
            return 0
        if len(rest) == 1 and not lexicon.is_personal_title(word) and word.lower() not in ("ceo", "coach", "manager"):
            return 0  # "Interior Ministry": one word after an office's word is a person only after a title
        if not all(w[:1].isupper() or _NAME_PARTICLE.match(w) or w in ("Jr.", "Sr.", "de", "van", "von", "bin")
                   for w in rest) or is_body(" ".join(rest)):
            return 0
        return k + 1
    return 0


def _header_weekday(d: DateMention, day: date) -> DateMention:
    """ "The attack began last Tuesday" under a chronicle's "26 November" (a Tuesday): that day, not the week before.
    The paragraph was written after its day (the caller checks that the line's day is before publication), so
    "last" points back from the writing, and the line above says which Tuesday it was."""
    week_before = (day - timedelta(days=7)).isoformat()
    if d.basis != "weekday" or not d.text.lower().startswith("last ") or d.value != week_before:
        return d
    return replace(d, value=day.isoformat())


_MINOR_WORDS = frozenset("a an the of in on at to for and or but from by with as into over under vs".split())


def _is_titled_heading(raw: str, lines: list[str], number: int) -> bool:
    """A short line in title case over a paragraph ("Morning: Chaos in the Capital", "The Fall of Damascus"): a
    subheading. A line of news written as a sentence ("Rebels take Hama") is not in title case."""
    stripped = raw.strip().strip("#*_ ")
    words = [w.strip("'\u2019\"\u201c\u201d:,()") for w in stripped.split()]
    if stripped.endswith(_ENDS_SENTENCE) or not 2 <= len(words) <= 8:
        return False
    content = [w for w in words if w and w.lower() not in _MINOR_WORDS]
    if len(content) < 2 or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return False
    for i in range(number, len(lines)):  # the next line with words (``number`` is 1-based: lines[number] follows)
        nxt = lines[i].strip()
        if nxt:
            return nxt.endswith(_ENDS_SENTENCE) and len(nxt.split()) > 8
    return False


# A timeline's entry: a day, then a colon or a dash, then its news ("December 8, 2024: Rebels capture Damascus ...").
_TIMELINE_ENTRY = re.compile(
    r"^\W{0,3}(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)(?:,?\s*(?:19|20)\d\d)?\s*(?::|\s[-\u2013\u2014])\s+\S"
)


_LABEL_OPENING = re.compile(r"^\W{0,3}[A-Z][A-Z ]{2,20}:")  # "RECAP:", "PORT STATUS:"


def _timeline_entries(lines: list[str]) -> bool:
    """Two lines or more open with a day and a colon or a dash: a timeline, whose entries go on in the lines under
    them until the next entry (a wire story's one dateline, "Dec. 7 (UPI) --", is no timeline)."""
    return sum(bool(_TIMELINE_ENTRY.match(raw)) for raw in lines if raw[:1].isalnum() or raw[:1] in "*#-") >= 2


def _titled_header(raw: str, lines: list[str], number: int, reference: date) -> DateMention | None:
    """ "26 November - attack on Aleppo" over a paragraph of prose: the date line of a chronicle that titles its
    days. Over another such line it is an item of a list of dated events, and is read as one."""
    if not raw.lstrip()[:1].isalnum():  # (not a list item: "- 26 November - ...")
        return None
    header = titled_date_header(raw, reference)
    if header is None:
        return None
    for i in range(number, len(lines)):  # the next line with words (``number`` is 1-based: lines[number] follows)
        nxt = lines[i].strip()
        if nxt:
            prose = nxt.endswith(_ENDS_SENTENCE) and len(nxt.split()) > 8
            return header if prose and titled_date_header(nxt, reference) is None else None
    return None


def _is_subheading(raw: str, lines: list[str], number: int) -> bool:
    """A short line with no full stop between paragraphs of an article with no date line: a subheading or another
    story's headline ("Assad flees to Moscow as rebels take Damascus on Dec. 8"), not a sentence of the text. A list's
    item ("- Hama, December 5") and the last line are read."""
    stripped = raw.strip()
    if stripped.endswith(_ENDS_SENTENCE) or len(stripped.split()) > 16 or stripped[:1] in "-\u2022*\u2013\u2014":
        return False
    for i in range(number, len(lines)):  # the next line with words (``number`` is 1-based: lines[number] follows)
        if lines[i].strip():
            return lines[i].rstrip().endswith(_ENDS_SENTENCE)
    return False


def _is_entry_headline(
    raw: str, lines: list[str], stamp_lines: list[bool], number: int, reference: date, after_stamp: bool
) -> bool:
    """A live page's entry headline: a short line with no full stop right over the entry's time stamp
    ("Moscow says its bases are safe for now" over "3:12 p.m. ET", or over "8 December 2024, 11:32 GMT"), or
    right under it with the entry's first paragraph after it. Under a chronicle's date line with no time
    ("March 1"), a short line with no full stop is the day's news."""
    stripped = raw.strip()
    if stripped.endswith(_ENDS_SENTENCE) or len(stripped.split()) > 16:
        return False
    for i in range(number, len(lines)):  # the next line with words (``number`` is 1-based: lines[number] follows)
        if lines[i].strip():
            nxt = lines[i]
            stamp_next = stamp_lines[i] or (
                len(nxt) <= 80 and bool(_CLOCK.search(nxt)) and date_header(nxt, reference) is not None
            )
            if stamp_next:
                return True
            return after_stamp and nxt.rstrip().endswith(_ENDS_SENTENCE)
    return False


def _is_masthead_line(raw: str) -> bool:
    """A line of the block over an article's first paragraph: short, and no sentence."""
    words = raw.split()
    return len(words) <= 30 and not raw.rstrip().endswith((".", "!", '"', "\u201d"))


_ENDS_SENTENCE = (".", "!", "?", '"', "\u201d", "\u2019", "\u00bb", ")", ":")


def _first_line(text: str) -> int:
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            return number
    return 0


def _is_publication_day(header: DateMention, reference: date) -> bool:
    """A date line that is the day the article came out (or the day before, across time zones)."""
    if not header.value or header.precision != "day":
        return False
    return 0 <= (reference - date.fromisoformat(header.value)).days <= 1


def _undate_byline(out: Extraction, speakers_now: set[int]) -> None:
    """An article's one date line at its top, with no other date line and no time stamp, is its byline
    date ("January 23, 2025" over an analysis), not a chronicle's day: the paragraphs under it keep only
    the days they give themselves, and a speaker's "today" is no day, as in an article with no date line.
    A sentence left with no day and no place is no event."""
    keep: list[Event] = []
    index: dict[int, int] = {}
    for i, e in enumerate(out.events):
        if e.date_basis == "header" or i in speakers_now:
            e.date = e.date_end = e.date_precision = e.date_text = e.date_basis = None
            if not e.places:
                continue
        index[i] = len(keep)
        keep.append(e)
    out.events = keep
    for q in out.quotes:
        if q.date_basis == "header" or (q.event_index in speakers_now and q.date_basis == "relative"):
            q.date = q.date_precision = q.date_basis = None
        q.event_index = index.get(q.event_index) if q.event_index is not None else None


# A live page's credit line under an entry: "From CNN's Anna Petrova and Lucas Meyer", "From CNN's Ahmad Sabri in
# Damascus", "By our correspondent in Beirut" (not "From Russia's point of view, ...").
_NAME_WORD = r"[A-Z][\w'\u2019.\-]*"
_ENTRY_CREDIT = re.compile(
    r"^\W*(?:From|By|With)\s+(?:[A-Z][\w&.\-]*['\u2019]s\s+(?:" + _NAME_WORD + r",?\s+(?:and\s+)?){0,8}" + _NAME_WORD
    + r"|(?:our|an?|the)\s+(?:own\s+)?(?:[a-z]+\s+)?(?:correspondents?|reporters?|staff|team|desk))"
    r"(?:\s+in\s+" + _NAME_WORD + r"(?:,?\s+" + _NAME_WORD + r"){0,2})?\s*$"
)


def _is_furniture(raw: str, after_image: bool, first: bool) -> bool:
    """Page furniture, not news: a Markdown heading, an image line, its caption, a title line, a credit line.

    A title is the first line when it is short and ends without a full stop; a caption follows an
    image line, or carries a photo credit. Their places and quotes are still read; they make no event.
    """
    if _HEADING_LINE.match(raw) or _IMAGE_LINE.match(raw) or _PUBLISHED_LINE.match(raw):
        return True
    if raw[:3].isupper() and (city := _CITY_CAPS.match(raw)) and _PUBLISHED_LINE.match(raw[city.end() :]):
        return True  # "ANKARA, Jan 28, 2025 9:48 PM GMT+3"
    if "|" in raw and len(raw) < 120 and _PUBLISHED_LINE.match(_UPDATE_WORD.sub(" ", raw.split("|", 1)[1])):
        return True  # the authors and the page's stamp: "Elif Kaya and Jeyhun Aliyev |13.02.2025 - Update : 13.02.2025"
    if any(c in raw for c in _LABEL_SEPARATORS) and _stamp_between_labels(raw):
        return True
    if len(raw) < 120 and raw.lstrip()[:1] in "FBW" and _ENTRY_CREDIT.match(raw):
        return True
    if len(raw) < 300 and (
        _CAPTION_HEAD.match(raw) or ((raw.rstrip()[-1:] in ")]" or "|" in raw) and _CAPTION_TAIL.search(raw))
    ):
        return True
    if len(raw) < 120 and raw.lstrip()[:3] in ("By ", "Pos", "Wri") and (author := _AUTHORS.match(raw)):
        if _PUBLISHED_LINE.match(_UPDATE_WORD.sub(" ", raw[author.end() :])):
            return True  # the authors and the page's date: "By Ellen Marsh, Dec. 11, 2024"
    if (after_image or len(raw) < _CREDIT_TAIL) and (":" in raw or "/" in raw or raw.rstrip().endswith(")")) and (
        _has_credit(raw)
    ):
        return True
    if _CAPTION_LABEL.match(raw):
        return True
    if raw.rstrip().endswith(")") and len(raw) < 300 and _DATED_CAPTION.search(raw):
        return True  # "A vendor at a market in Damascus, Syria, Dec. 21, 2024. (Xinhua/NAME)", "(AA Photo)"
    if raw.rstrip().endswith(")") and len(raw) < 300 and _PHOTOGRAPHER.search(raw):
        return True  # a caption with its photographer and agency: "..., December 9, 2024. (Ayal Margolin/Flash90)"
    if len(raw) < 200 and _SCREENSHOT.match(raw) and not raw.rstrip().endswith(_ENDS_STATEMENT):
        return True  # "Screenshot of the misleading post, taken on December 19, 2024": an image's caption
    stripped = re.sub(r"\[\d{1,3}\]$", "", raw.strip())  # "... on December 12.[2]": a sentence with its footnote
    return first and not stripped.endswith(_ENDS_SENTENCE) and len(stripped.split()) <= 16


# Lists of places that name no scene: "prayed for the people of Syria, Palestine, Lebanon and Yemen".
_PASSING_BEFORE = re.compile(
    r"(?:\b(?:people|peoples|nations|countries|citizens|victims|families)\s+(?:of|from)|"
    r"\bprayed\s+for|\bprayers\s+for)\s+(?:the\s+)?$",
    re.I,
)
# "friendship between the peoples of Egypt and Jordan": the states' peoples in their dealings, not the land.
_PEOPLES_BETWEEN = re.compile(r"\b(?:between|among)\s+the\s+(?:two\s+)?(?:peoples|nations)\s+of\s+(?:the\s+)?$", re.I)
# A state rather than a place: the one holding an office or a seat at the table ("the foreign ministers of
# Russia, Iran and Turkey", "talks with Ankara"). Like "Moscow said", it is no place at all.
_GOVERNMENT_BEFORE = re.compile(
    r"(?:\b(?:leaders|governments|delegations|representatives?|envoys?|ministers?|ambassadors?)\s+(?:of|from|to)|"
    r"\b(?:talks|relations|ties|agreements?|deals?|meetings?|contacts)\s+with)\s+(?:the\s+)?$",
    re.I,
)
# A title's object: "Special Envoy for the Middle East and Africa Mikhail Bogdanov", "ambassador to Turkey",
# "Special Envoy of the Secretary-General for Syria".
_ROLE_OBJECT_BEFORE = re.compile(
    r"\b(?i:envoy|ambassador|representative|coordinator|commissioner|minister|secretary|director)"
    r"(?:\s+of\s+the\s+[A-Z][\w\-]*)?\s+(?:for|to|on)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'\u2019\-]*\s+(?:and\s+)?){0,4}$"
)
# "..., including Latakia, Hama and Tartus": examples of the scene named before, not names in passing.
_ELABORATION_BEFORE = re.compile(r"\b(?:including|such\s+as|like|notably|especially|namely)\s+(?:the\s+)?$", re.I)
# "Russia's foreign ministry", "Moscow said", "our correspondent in Qamishli": a country owning an
# office, a capital standing for its government, a reporter's or a source's whereabouts.
_OWNER_AFTER = re.compile(
    r"['\u2019\"]s\s+(?:(?:new|former|interim|acting|top|chief|permanent|deputy|own)\s+)?(?:foreign|defen[cs]e|"
    r"military|ministry|minister|president|presidency|government|envoy|embassy|ambassador|representative|"
    r"spokes\w+|leader|leadership|army|navy|intelligence|state|officials?|authorities|delegation|sovereignty|"
    r"interests|operations|forces|troops|presence|influence|allies|partners|position|policy)\b",
    re.I,
)
_METONYM_AFTER = re.compile(
    r"\s+[\"\u201c]?(?:has\s+[\"\u201c]?|had\s+[\"\u201c]?)?(?:said|says|would|will|wants|wanted|denied|denies|"
    r"insisted|warned|accused|demanded|urged|hopes|hoped|believes|claimed|claims|must|should|cannot|stands|"
    r"granted|agreed|recognised|recognized|rejected|condemned|offered|promised|pledged|vowed|refused|taken|"
    # minds and wills a place has not: "Moscow has yet to respond", "Washington had no intention", "Ankara expects"
    r"yet\s+to|no\s+intention|expects|expected|intends|intended|seeks|sought|fears|feared|insists|maintains|"
    r"announced|confirmed|responded|reacted|welcomed|criticised|criticized|signalled|signaled|argues|argued|"
    r"considers|considered|appears\s+to|seems\s+to|is\s+trying|has\s+been\s+trying)\b"
)
# ... but not what befalls the town: "Nobody believed that Damascus would fall in a week".
_BEFALLS_AFTER = re.compile(
    r"\s+(?:will|would|could|may|might|must|should|cannot|can)\s+(?:not\s+|never\s+|soon\s+|also\s+)?"
    r"(?:fall|collapse|burn|be\s+(?:captured|taken|retaken|hit|shelled|struck|bombed|besieged|surrounded|liberated|"
    r"evacuated|destroyed|overrun|lost))\b"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|near|of|to|into|outside|around)\s+(?:the\s+)?$", re.I)
_HOLDING_BEFORE = re.compile(
    r"\b(?:losing|keeping|holding|taking|retaking|capturing|seizing|controlling|abandoning|leaving|giving\s+up|"
    r"handing\s+over)\s+(?:the\s+)?$",
    re.I,
)
_WHEREABOUTS_BEFORE = re.compile(
    r"\b(correspondent|reporter|journalist|source|sources|resident|residents|diplomat|diplomats|activist|"
    r"activists|analyst|analysts)\s+(?:in|from|at|based\s+in)\s+(?:the\s+)?$",
    re.I,
)
# ... but residents who saw, counted or heard something there: "residents in Jableh counted six flights".
_WITNESSED_AFTER = re.compile(
    r"\s+(?:counted|saw|watched|heard|filmed|photographed|woke|fled|reported\s+(?:seeing|hearing)|described\s+seeing)\b"
)
# "The authorities in Damascus have ended the contract for the port of Tartus": where those who act sit, not
# where the event happens, when another place is named; alone it is the scene ("officials in Homs met").
_SEAT_BEFORE = re.compile(
    r"\b(?:authorities|officials|rulers|government|leaders|leadership|administration|regime)\s+in\s+(?:the\s+)?$", re.I
)
_REPORTING_FROM_BEFORE = re.compile(r"\b(?:reporting|speaking|writing|filing)\s+from\s+(?:the\s+)?$", re.I)
# "The port was quiet": a place named in an earlier sentence, referred back to.
# ("the commercial port", "the old city": one adjective before the word; "the embassy" sits in the city named before)
_BACK_REFERENCE = re.compile(
    r"\b[Tt]he\s+(?:[a-z]+\s+)?(?:city|town|port|village|capital|harbour|harbor|base|airport|camp|crossing|province|"
    r"square|souq|souk|bazaar|mosque|roundabout|citadel|museum|"
    r"district|neighbourhood|neighborhood|area|embassy|consulate|quay|pier|docks?|runway|airfield)\b"
    # ("the port contract", "the city council": a compound naming a deal or a body, not the place)
    r"(?!\s+(?:of|contracts?|deals?|agreements?|lease|authority|authorities|director|administration|council|"
    r"management|company|operator|fees|project|police)\b)|"
    # "loading helicopters into cargo planes there": "there" as a place, not "there were", "there is"
    r"(?<=[a-z,] )there\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|could|should|must|seems?|"
    r"seemed|appears?|appeared|remains?|remained|exists?|existed|be|been|being|used|came|comes|lies|lay|stands?|"
    r"stood|needs?|needed|can|cannot|can't|isn't|aren't|wasn't|weren't)\b)"
)
_TOWN_WORDS = frozenset("city town village capital museum".split())
# A site's name, not a town's: "the Temple of Bel", "Saadallah al-Jabiri Square", "Damascus University".
_SITE_NAME = re.compile(
    r"^(?:Temple|Tomb|Shrine|Monastery|Castle|Citadel|Strait|Gulf|Bay|Sea|Cape|Mount)\b|"
    r"\b(?:Mosque|Square|Bridge|Dam|Camp|Prison|Citadel|Crossing|Palace|Stadium|Hospital|Airport|Gate|Market|Souq|Souk|"
    r"Bazaar|University|College|Museum|bridge|dam|roundabout|crossing|highway|area)$"
)
# "The town's new security chief ...", "withdrew from the town", "near the museum": the place named before.
_TOWN_REFERENCE = re.compile(
    r"(?:^\W{0,3}|\b(?:in|at|from|near|into|outside|inside|around|to)\s+)[Tt]he\s+(?:[a-z]+\s+)?"
    r"(?:city|town|village|port|camp|museum)\b(?!\s+of\b)"
)


def _seat_of_speaker(sentence: str, offset: int, scene: list[PlaceMention]) -> str | None:
    for m in scene:
        if _SPEAKER_IN_BEFORE.search(sentence, max(0, m.start - offset - 30), m.start - offset):
            return m.place
    return None


def _refers_back(sentence: str) -> bool:
    if not (" town" in sentence or " city" in sentence or " village" in sentence or " port" in sentence
            or " camp" in sentence or " museum" in sentence):
        return False  # (most sentences: no regular expression run at all)
    return _TOWN_REFERENCE.search(sentence) is not None
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|across|throughout|over|into|near|inside|around|on)\s+(?:the\s+)?$", re.I)


# Words before a name that make it a person or a power, not a place ("forces loyal to Assad").
_PERSON_BEFORE = re.compile(
    r"\b(?:loyal|close|allied|allegiance|opposed|linked|loyalty|ties)\s+to\s+$|\b(?:fall|ouster|overthrow|downfall|"
    r"regime|supporters|opponents|rule|departure|son|wife|family|administration|government|militia|followers|loyalists|"
    r"successor|predecessor|presidency|reign|era|tenure|leadership|forces|men|visit|visits|army|militia|troops|"
    r"head|chief|boss|ceo|CEO|chairman|chairwoman|founder|owner|owners|shareholders|employees|staff)\s+of\s+$|"
    # the sender of words: "a call from Recep Tayyip Erdogan", "a letter from Geir Pedersen"
    r"\b(?:calls?|messages?|letters?|statements?|invitations?|requests?|orders?|decrees?|speech|remarks|aides?|"
    r"advisers?|spokes(?:man|woman|person))\s+(?:from|of|by)\s+$|"
    r"\b(?:spoke|speaks|speaking|talked|talks|talking|wrote|writes|listened)\s+(?:\w+\s+){0,3}?to\s+$"
)  # ... and "spoke on Friday to Samir Haddad": a person spoken to
# "known as Little Moscow", "nicknamed New Aleppo": a name given to a place, not a place of that name.
_NICKNAMED = re.compile(r"\b(?:(?:known\s+as|nicknamed|dubbed)\s+(?:the\s+)?|called\s+[\"\u201c\u00ab])$")
# An organisation's name ending in "of" or "for" before a place: "National University of Singapore",
# "Centre for Reconciliation of the Opposing Parties".
_ORG_BEFORE = re.compile(r"((?:[A-Z][\w'\u2019\-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,5})(?:of|for)\s+(?:the\s+)?$")


# A place inside a longer capitalised name: after an organisation's word ("King's College London") or
# before one, one or two capitalised words on ("the Carnegie Russia Eurasia Center", "Israel Defense Forces").


_ORG_ON_BEFORE = re.compile(r"((?:[A-Z][\w'\u2019\-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,5})on\s+(?:the\s+)?$")
_OWNED_BY_ORGANISATION = re.compile(r"[A-Z]\w+['\u2019]s$")


_DIRECTIONS_BEFORE = re.compile(r"(?:(?:North|South|East|West)(?:ern)?\s+(?:and\s+)?)+$")


def _inside_capitalised_name(text: str, start: int, end: int) -> bool:
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalpha():
        if text[text.rfind(" ", 0, start - 1) + 1 : start - 1] in lexicon.ORG_SUFFIXES:
            return True
    if text[end : end + 1] != " " or not text[end + 1 : end + 2].isupper():
        return False
    words = [w.rstrip(".,;:)") for w in text[end + 1 : end + 60].split(None, 3)[:3]]
    for i in (1, 2):
        if len(words) > i and words[i] in lexicon.ORG_SUFFIXES and all(w[:1].isupper() for w in words[:i]):
            return True
    return False


# A capitalised name that goes on with "of" or "to the" and another capitalised name is one name: a site when
# its head says so ("the Monument to the Scuttled Ships", "the Square of the Martyrs"), else a body ("the House
# of Representatives"), and the names inside it are no places of their own.
_OF_TO_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?|to\s+the\s+)((?:[A-Z][\w'\u2019\-]+\s+)*[A-Z][\w'\u2019\-]+)")
_TAIL_OF_NAME = re.compile(r"\bthe\s+(?:[A-Z][\w'\u2019\-]+\s+){1,3}(?:of\s+(?:the\s+)?|to\s+the\s+)$")
_SITE_HEADS = frozenset(
    """Monument Memorial Square Bridge Gate Tomb Shrine Palace Mosque Church Cathedral Citadel Museum Tower Statue
    Fountain Garden Gardens Park Port Gulf Bay Strait Straits Cape Isle Island Islands Lake Valley Plain""".split()
)
_OWNER_INSIDE = re.compile(r"['\u2019]s\s")


def _name_of_and_to(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of "Monument to the Scuttled Ships" for a name that goes on with "of"/"to the" (else None)."""
    if text[b : b + 4] not in (" of ", " to "):
        return None
    more = _OF_TO_AFTER.match(text, b)
    if more is None or text[max(0, a - 4) : a] != "the ":
        return None
    if text[a:b].rsplit(" ", 1)[-1] in _SITE_HEADS:
        return a, more.end()
    return a, b


# Words that begin the name of a village or a site in the Levant ("Ain Issa", "Khirbet al-Maaza", "Tell Abyad",
# "Bab al-Hawa", "Mount Hermon"):
# with the name after them they are a place wherever they stand. (Not "Abu", "Umm", "Sheikh", "Khan" or "Tal":
# they begin people's names too.)
_SETTLEMENT_PREFIXES = frozenset(
    "Kafr Kfar Tell Deir Ain Ayn Jabal Jebel Beit Bayt Maarat Maaret Qasr Mazraat Qalaat Jisr Wadi Khirbet Khirbat "
    "Minet Bab Rasm Mount".split()
)
# (the quick check has no "\b": with one it cost four times as much on the bench's lines)
_SETTLEMENT_PREFIX_CHECK = re.compile(r"(?:" + "|".join(sorted(_SETTLEMENT_PREFIXES)) + r") [A-Za-z]")
_SETTLEMENT_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(_SETTLEMENT_PREFIXES)) + r")"
    r"(?:\s+(?:(?:al|el|ez|ed|es|ash|as|ad|ar|an)-)?[A-Z][\w'\u2019]+)+"
)
_WORD_BEFORE_NAME = re.compile(r"([A-Z][\w'\u2019]+) $")


def _first_word_of_name(text: str, a: int) -> int:
    """Where "al-Shati" in "the Brak al-Shati airbase" begins its name: at the capitalised word before it."""
    before = _WORD_BEFORE_NAME.search(text, max(0, a - 24), a)
    if before is None or before.group(1) in lexicon.NOT_PLACE_WORDS:
        return a
    return before.start(1)


# "Defense Minister Israel Katz": a title, then a name that is also a place's, then a capitalised word.
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+\.?) $")
_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")


def _first_name_of_person(text: str, start: int, end: int, persons: set[str]) -> bool:
    """A place's name used as a person's first name: after a title and before a surname."""
    after = _NAME_AFTER.match(text, end)
    if after is None:
        return False
    title = _TITLE_BEFORE.search(text, max(0, start - 16), start)
    return title is not None and title.group(1).lower() in lexicon.TITLES


def _in_organisation_name(text: str, start: int) -> bool:
    if text[max(0, start - 6) : start].endswith(("North ", "South ", "East ", "West ")):
        start = _DIRECTIONS_BEFORE.search(text, max(0, start - 40), start).start()  # "of North and East Syria"
    if not text[max(0, start - 8) : start].endswith(("of ", "for ", "the ", "on ")):
        return False  # most names: no regular expression run
    m = _ORG_BEFORE.search(text, max(0, start - 80), start)
    if m is None and text[max(0, start - 3) : start] == "on ":
        m = _ORG_ON_BEFORE.search(text, max(0, start - 80), start)  # "the Commission of Inquiry on Syria"
    return bool(m) and any(w.strip(",") in lexicon.ORG_SUFFIXES for w in m.group(1).split())


def _in_passing(
    sentence: str,
    offset: int,
    mentions: list[PlaceMention],
    countries: frozenset[str] = frozenset(),
    governments: list[PlaceMention] | None = None,
) -> list[PlaceMention]:
    """Places named in passing: a list of three or more names joined by commas and "and", unless
    it follows "in"/"across" (a list of scenes); or any name after "the people of", a reporter's "in".

    A name standing for a state or its government ("Moscow said", "Russia's foreign ministry", "the
    ministers of Russia, Iran and Turkey", "talks with Ankara") goes to ``governments``: no place at all.
    """
    governments = [] if governments is None else governments
    out: list[PlaceMention] = []
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions):  # extend the run while only ", " or " and " separates names
            gap = sentence[mentions[j].end - offset : mentions[j + 1].start - offset]
            if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*(?:the\s+)?", gap):
                j += 1
            else:
                break
        run = mentions[i : j + 1]
        lead = sentence[max(0, run[0].start - offset - 40) : run[0].start - offset]
        listed = (
            len(run) >= 3
            and all(m.place in countries for m in run)  # a list of countries: actors or addressees
            and not _LOCATIVE_BEFORE.search(lead)
            and not _ELABORATION_BEFORE.search(lead)
        )
        if _GOVERNMENT_BEFORE.search(lead) or _ROLE_OBJECT_BEFORE.search(lead) or _PEOPLES_BETWEEN.search(lead):
            governments.extend(run)
        elif _PASSING_BEFORE.search(lead) or listed:
            out.extend(run)
        elif len(run) == 1:
            m = run[0]
            tail = sentence[m.end - offset : m.end - offset + 60]
            metonym = (  # "Moscow said" (but "losing Tartus would leave the navy ...": the object of "losing")
                _METONYM_AFTER.match(tail) and not _PREPOSITION_BEFORE.search(lead) and not _BEFALLS_AFTER.match(tail)
                and not _HOLDING_BEFORE.search(lead)
            )
            if _OWNER_AFTER.match(tail) or metonym:
                governments.append(m)
            elif (where := _WHEREABOUTS_BEFORE.search(lead)) or _REPORTING_FROM_BEFORE.search(lead):
                # ("residents in Jableh counted six flights": what they saw is where they are)
                if not (where and where.group(1).lower().startswith("resident") and _WITNESSED_AFTER.match(tail)):
                    out.append(m)
        i = j + 1
    return out


# "the Damascus caretaker government", "the Kyiv military authorities": a capital before its government's kind and
# the government itself names the state, as "the Damascus government" does (STATE_TOPIC_NOUNS).
_GOVERNMENT_MODIFIERS = frozenset(
    "caretaker interim transitional new provisional military civilian de-facto rebel-led current former central "
    "federal national".split()
)
_GOVERNMENT_AFTER_MODIFIER = re.compile(
    r"\s+(?:[a-z\-]+\s+){1,2}(?:government|authorities|administration|regime|leadership|cabinet|rulers)\b"
)


_NATION_CAPITAL = re.compile(r"\bthe\s+(" + "|".join(lexicon.CAPITAL_OF) + r")\s+capital\b")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\s+[^,;]*")
_AIRPORT_WORDS = re.compile(r"\s+(?:(?:International|international)\s+)?(?:Airport|airport)$")


def _in_relative_clause(sentence: str, offset: int, mentions: list[PlaceMention]) -> frozenset[str]:
    """Places named only inside a clause set off by ", who ..." or ", which ..." (up to its comma)."""
    spans = [(offset + m.start(), offset + m.end()) for m in _RELATIVE_CLAUSE.finditer(sentence)]
    if not spans:
        return frozenset()
    inside = {m.place for m in mentions if any(a <= m.start < b for a, b in spans)}
    return frozenset(inside - {m.place for m in mentions if not any(a <= m.start < b for a, b in spans)})


# ", a day after rebels swept into Damascus": a clause of time about an earlier event, to the sentence's end.
_EARLIER_EVENT_CLAUSE = re.compile(
    r",\s+(?:(?:a|one|two|three|four|five|six|several|a\s+few|just|only|barely|shortly|soon|hours|days|weeks|"
    r"minutes|months)\s+)?(?:(?:day|days|hours?|weeks?|months?|minutes?)\s+)?(?:after|before)\s+[^;]*"
)
# "flew from Hmeimim to Benghazi", "took off from Hmeimim and landed at Chkalovsky": the flight's news is where it
# went; the place it left yields the lead. ("Russia is moving equipment from Syria to Libya" keeps Syria, and so
# does "flights from Khmeimim to Benghazi resumed", and "citizens were flown from the Hmeimim base to Moscow", an
# evacuation from where they were.)
_TRIP_FROM_BEFORE = re.compile(
    r"\b(?:flew|fly|flies|took\s+off|takes\s+off|departed|sailed|travelled|traveled|drove)"
    r"\s+(?:(?!(?:and|but|then)\b)[\w\-]+\s+){0,3}?from\s+(?:the\s+)?$",
    re.I,
)
# "A security official from the General Security service in Latakia ... told Arab News that patrols around
# Hmeimim had been stepped up": the place describes who says it; the news is after "that". ("In Moscow, the
# spokeswoman said that ..." is where it was said, and keeps the lead.)
_SAID_THAT = re.compile(
    r"\b(?:said|says|told|tells|reported|reports|announced|confirmed|added|claimed|stated|warned)\b"
    r"[^.;:\"\u201c\u00ab]{0,40}?\bthat\s"
)
_SPEAKER_FROM_BEFORE = re.compile(
    r"\b(?:official|officer|source|commander|spokes(?:man|woman|person)|member|fighter|soldier|employee|worker|"
    r"analyst|expert|diplomat)s?\s+(?:from|of|with|at)\s+[^,;]*$",
    re.I,
)
# "An aid official in Gaziantep described the scene at the camp in Sarmada", "A source in Beirut said Russian ships
# left Tartus": the one who speaks sits there; the news is the other place. (Their words come after the name.)
_SPEAKER_IN_BEFORE = re.compile(
    r"\b(?:official|officer|source|spokes(?:man|woman|person)|diplomat|analyst|expert|monitor|observer)s?"
    r"\s+(?:based\s+)?in\s+(?:the\s+)?$",
    re.I,
)
_SPEAKS_AFTER = re.compile(
    r"[^.;:\"\u201c\u00ab]{0,40}?\b(?:said|says|told|tells|described|describes|reported|reports|announced|added|"
    r"warned|confirmed|claimed)\b"
)
# "In Erbil, the region's interior ministry said it closed the crossing": where the speaking body sits.
_SEAT_OPENING_AFTER = re.compile(
    r",\s+(?:the\s+)?[^,;]{0,50}?\b(?:ministry|government|authorities|officials|spokes(?:man|woman|person)|"
    r"presidency|office|command)\s+(?:said|says|announced|told|reported|confirmed|added|warned)\b"
)


# "on its way from Hmeimim to an air base near Hamadan": the route of a flight seen elsewhere ("flew over Iraq").
_ON_ITS_WAY = re.compile(r"\bon\s+(?:its|their|his|her|the)\s+way\s+(?:from|to|towards?|back)\b[^,;.]*")
_AS_CLAUSE = re.compile(
    r",\s+as\s+(?!(?:well|a|an|part|such|much|many|long|soon|far|of|if|though|reported|expected|planned)\b)[^;]*"
)
# "families originally from Tal Rifaat and Afrin arrived in Tabqa": where people come from, not where they are.
_ORIGIN_BEFORE = re.compile(
    r"\b(?:originally|(?:who|which)\s+(?:come|comes|came|hail|hails|hailed)|launched|fired|"
    r"(?:commander|fighter|officer|soldier|resident|farmer|student|refugee|native|guest|visitor|pilgrim|trader|merchant|"
    r"worker|engineer|doctor|teacher|famil(?:y|ie)|bus|buse|minibus|minibuse|truck|lorr(?:y|ie)|car|convoy)s?)"
    r"\s+from\s+(?:the\s+)?$",
    re.I,
)
# "In the hills west of Hama, the town of Masyaf": a place named only to say where another one lies.
_DIRECTION_OF_BEFORE = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?$", re.I
)
_LIST_JOIN = re.compile(r"(?:,\s+|,?\s+and\s+)(?:the\s+)?")


def _said_where(
    scene: list[PlaceMention], spans: list[QuoteSpan], places: list[str], outside: str, offset: int
) -> list[str]:
    """ '"My sons were born in Kilis," said a woman waiting at Akcakale': the places the reporter names lead the
    places named inside the words quoted. (Not where the speaker only is: '"Hama is calm," a resident told the
    radio from Homs' keeps Hama.)"""
    quoted = {m.place for m in scene if _inside_quotes(m, spans)}
    reporters = {
        m.place for m in scene if not _inside_quotes(m, spans)
        and not _WHEREABOUTS_OF_SPEAKER.search(outside, max(0, m.start - offset - 30), m.start - offset)
    }
    if not reporters or not quoted - reporters:
        return places
    return [p for p in places if p in reporters] + [p for p in places if p not in reporters]


_NEAR_GAP = re.compile(r",?\s+(?:near|outside|at|by|close\s+to|just\s+outside)\s+(?:the\s+)?")


def _point_on_road(sentence: str, offset: int, scene: list[PlaceMention], places: list[str]) -> list[str]:
    """ "on the M4 highway near Saraqib": the town that says where on the road leads. ("along the M4 highway
    towards Latakia" keeps the road: the town there is only the direction.)"""
    for m, n in zip(scene, scene[1:], strict=False):
        if m.place == places[0] and _NEAR_GAP.fullmatch(sentence, m.end - offset, n.start - offset):
            return [n.place] + [p for p in places if p != n.place]
    return places


def _backdrop(sentence: str, offset: int, scene: list[PlaceMention]) -> frozenset[str]:
    """Places that lead only when nothing else is named: an earlier event's (", a day after rebels swept into
    Damascus"), a flight's origin ("flew from Hmeimim to Benghazi"), a speaker's ("an official from the service in
    Latakia told reporters that patrols around Hmeimim ...")."""
    clauses = (
        [(offset + m.start(), offset + m.end()) for m in _EARLIER_EVENT_CLAUSE.finditer(sentence)]
        if " after " in sentence or " before " in sentence
        else []
    )
    if " way " in sentence:
        clauses += [(offset + m.start(), offset + m.end()) for m in _ON_ITS_WAY.finditer(sentence)]
    if ", as " in sentence:  # ", as rebel columns were closing on Homs": what went on around it
        clauses += [(offset + m.start(), offset + m.end()) for m in _AS_CLAUSE.finditer(sentence)]
    origins: list[PlaceMention] = []
    if " from " in sentence:
        for m in scene:  # "originally from Tal Rifaat and Afrin": each name of the list
            joined = origins and _LIST_JOIN.fullmatch(sentence, origins[-1].end - offset, m.start - offset)
            if joined or _ORIGIN_BEFORE.search(sentence, max(0, m.start - offset - 30), m.start - offset):
                origins.append(m)
    said = _SAID_THAT.search(sentence) if " that " in sentence else None
    trip = "from " in sentence
    back = [
        m for m in scene
        if any(a <= m.start < b for a, b in clauses)
        or (trip and sentence[max(0, m.start - offset - 9) : m.start - offset].endswith(("from ", "from the "))
            and _TRIP_FROM_BEFORE.search(sentence, max(0, m.start - offset - 50), m.start - offset))
        or (said is not None and m.start - offset < said.start()
            and _SPEAKER_FROM_BEFORE.search(sentence, max(0, m.start - offset - 80), m.start - offset))
        or (_SPEAKER_IN_BEFORE.search(sentence, max(0, m.start - offset - 30), m.start - offset)
            and _SPEAKS_AFTER.match(sentence, m.end - offset))
        or (m.start - offset <= 4 and sentence.startswith(("In ", "in "), max(0, m.start - offset - 3))
            and _SEAT_OPENING_AFTER.match(sentence, m.end - offset))
        or m in origins
        or (" of " in sentence
            and _DIRECTION_OF_BEFORE.search(sentence, max(0, m.start - offset - 20), m.start - offset))
    ]
    return frozenset({m.place for m in back} - {m.place for m in scene if m not in back})


def _seats_of_power(sentence: str, offset: int, scene: list[PlaceMention]) -> list[PlaceMention]:
    """Places named as where the acting authorities sit, when some other place is named as well."""
    if "in " not in sentence:
        return []
    seats = [m for m in scene if _SEAT_BEFORE.search(sentence, max(0, m.start - offset - 40), m.start - offset)]
    # ("In Anbar, tribal leaders in al-Qaim met": the province is the setting the leaders sit in, not another scene)
    setting = {m.place for m in scene if m.start - offset <= 8 and re.match(r"(?:In|Across)\s+(?:the\s+)?$",
                                                                              sentence[: m.start - offset])}
    others = {m.place for m in scene} - {m.place for m in seats} - setting
    return seats if others else []


# Planes, ships or a convoy that flew, sailed or drove "from" one place "to" or "for" another: the event is
# where they went. (Not "flights from A to B resumed" nor "was flown from A": there the event is at A.)
_MOVED_FROM = re.compile(
    r"\b(?:(?:took\s+off|flew|sailed|drove|travelled|traveled|headed|departed|set\s+off|set\s+out|crossed|moved)\s+"
    r"(?:\w+\s+){0,2}?from|left)\s+(?:the\s+)?$"  # "left Hmeimim for Benghazi", "crossed from Gaziantep into Sarmada"
)
_TO_BEFORE = re.compile(r"\b(?:to|for|towards|toward|bound\s+for|into)\s+(?:the\s+)?$")


def _destination(sentence: str, offset: int, scene: list[PlaceMention]) -> str | None:
    """The destination of a flight or convoy, when the sentence names where it left from and where it went."""
    for m, n in zip(scene, scene[1:], strict=False):
        if n.start - m.end > 40 or not _MOVED_FROM.search(sentence, max(0, m.start - offset - 40), m.start - offset):
            continue
        if _TO_BEFORE.search(sentence, max(0, n.start - offset - 14), n.start - offset):
            return n.place
    return None


_COUNTRYSIDE_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:countryside|hinterland|outskirts)\b")


def _set_within(sentence: str, offset: int, mentions: list[PlaceMention]) -> frozenset[str]:
    """Unknown names followed by "in" and a known place: a square, a street or a dam inside it."""
    out = set()
    for m, n in zip(mentions, mentions[1:], strict=False):
        gap = sentence[m.end - offset : n.start - offset]
        if not m.known and n.known and re.fullmatch(r",?\s+in\s+(?:the\s+)?", gap):
            if not _COUNTRYSIDE_AFTER.match(sentence, n.end - offset):
                out.add(m.place)  # (a village "in the Tartus countryside" is outside the town: it keeps the lead)
    return frozenset(out)


def _inside_quotes(m: PlaceMention, spans: list[QuoteSpan]) -> bool:
    i = _first_span(spans, m.start)
    return i < len(spans) and spans[i].start < m.start < spans[i].end


# A wish, prayer or appeal: what follows names where the speaker wants something to happen, not
# where anything happened ("called for peace in Syria, Yemen and Sudan", "urged Turkey to leave
# Afrin", "let us pray for peace in Ukraine"). Only the verb with its "for"/"on"/"to" counts:
# "worshippers prayed in Damascus" is a scene, and so is "a town called Kafr Nubl".
_WISH = re.compile(
    r"\b(?:(?:pray(?:s|ed|ing)?|prayers?|call(?:s|ed|ing)?|appeal(?:s|ed|ing)?|plead(?:s|ed|ing)?|pled|"
    r"hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|longing|yearn(?:s|ed|ing)?)\s+for|"
    r"call(?:s|ed|ing)?\s+(?:on|upon)|appeal(?:s|ed|ing)?\s+to|urg(?:e|es|ed|ing)|"
    r"(?:solidarity|sympath(?:y|ies))\s+(?:with|for)|condolences\s+to)\b",
    re.I,
)
_WISH_STEMS = ("pray", "call", "appeal", "plead", "pled", "hop", "wish", "longing", "yearn", "urg", "solidarity",
               "sympath", "condolence")
# Where the wish ends and the sentence may go on to tell what happened: a clause that starts a new
# event ("..., hours after shelling hit Homs"), a semicolon, the end of the quotation it stands in.
_WISH_END = re.compile(
    r";|\s[\u2013\u2014-]{1,2}\s+(?=(?:as|after|while|when|before|since|following|amid)\b)|"
    r",?\s+(?:(?:hours|days|weeks|shortly|soon|just|minutes)\s+)?(?<!well\s)(?:as|after|while|when|before|since|following|"
    r"amid|whereas|but|speaking|addressing|visiting|during)\s(?!well\b)",
    re.I,
)


def _wished_for(sentence: str, offset: int, mentions: list[PlaceMention], spans: list[QuoteSpan]) -> list[PlaceMention]:
    """Places named as the object of a wish, a prayer or an appeal: mentioned, not the scene."""
    if not mentions:
        return []
    low = sentence.lower()
    if not any(stem in low for stem in _WISH_STEMS):
        return []  # most sentences: no regular expression run at all
    out: list[PlaceMention] = []
    for cue in _WISH.finditer(sentence):
        at = offset + cue.start()
        inside = next((q for q in spans[_first_span(spans, at) :] if q.start <= at < q.end), None)
        stop = _WISH_END.search(sentence, cue.end())
        end = offset + (stop.start() if stop else len(sentence))
        if inside is not None:
            end = min(end, inside.end)  # a wish inside a quotation ends with it
        out += [m for m in mentions if offset + cue.end() <= m.start < end and m not in out]
    return out


_DESCRIBED = [(re.compile(pattern), canonical) for pattern, canonical in lexicon.SOURCE_DESCRIPTIONS]
# A description is a source only when it reports: a verb of speech or publication follows, or
# "according to" / "citing" / "told" stands before ("Russian media executives met" names no source).
_REPORTS_AFTER = re.compile(
    r"\s*(?:,|\.|;|$|\s(?:have\s+|has\s+|had\s+|also\s+|later\s+|earlier\s+)?(?:"
    + "|".join(sorted(lexicon.SPEECH_VERBS | {"cited", "quoted", "published", "aired", "broadcast", "showed"}))
    + r")\b)"
)
_REPORTS_BEFORE = re.compile(
    r"(?:according\s+to|citing|cited\s+by|quoted\s+by|reported\s+by|told)\s+(?:the\s+)?$", re.I
)


def described_sources(sentence: str, taken: list[tuple[int, int]]) -> list[str]:
    """Sources named by a description ("Ukrainian military intelligence said"), where no name was found."""
    out: list[str] = []
    for pattern, canonical in _DESCRIBED:
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            reports = _REPORTS_AFTER.match(sentence, m.end()) or _REPORTS_BEFORE.search(
                sentence, max(0, m.start() - 20), m.start()
            )
            if reports:
                out.append(canonical.format(**m.groupdict()))
    return out


def _person_words(text: str) -> set[str]:
    """Words of people's names in a document, so "of Assad" is not taken for a place."""
    words: set[str] = set(re.findall(r"\b(?:al|el|bin|ibn)-([A-Z]\w+)", text))
    for m in _PERSON.finditer(text):
        for w in m.group(1).split():
            words.add(re.sub(r"^(?:al|el|bin)-", "", re.sub(r"['\u2019]s?$", "", w)))
    for verb in _SPEECH_VERB.finditer(text):  # "Geir Pedersen said", "said Geir Pedersen": a person's surname
        before = _SPEAKER_BEFORE.search(text, max(0, verb.start() - 40), verb.start())
        if before:
            words.add(before.group(1) or before.group(2))
        if verb.group(1) in ("said", "says", "added", "wrote") and (after := _SPEAKER_AFTER.match(text, verb.end())):
            words.add(after.group(1))
    return words


# A verb of speech first (a plain search), then the name before or after it: a pattern with look-behinds tried
# at every character cost 4% of the build.
_SPEECH_VERB = re.compile(r" (said|says|told|added|wrote|writes|tweeted|posted|stated)\b")
_SPEAKER_BEFORE = re.compile(
    # not after a preposition: "residents in Kafr Batna said" names a place
    r"(?:(?<!\bin )(?<!\bof )(?<!\bat )(?<!\bfrom )(?<!\bnear )(?<!\bto )\b[A-Z][a-z]+ ([A-Z][a-z]{2,})|"
    r"[,.!?][\"\u201d\u00bb]\s+([A-Z][a-z]{2,}))$"  # "...," Pedersen said
)
_SPEAKER_AFTER = re.compile(r" [A-Z][a-z]+ ([A-Z][a-z]{2,})\b")


def _outside_quotes(sentence: str, offset: int, spans: list[QuoteSpan]) -> str:
    """The sentence with quoted words blanked; only the spans that overlap it are visited."""
    chars = list(sentence)
    end = offset + len(sentence)
    for q in spans[_first_span(spans, offset) :]:
        if q.start >= end:
            break
        for i in range(max(q.start - offset, 0), min(q.end - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _first_span(spans: list[QuoteSpan], offset: int) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:  # bisect on q.start without building a list per sentence
        mid = (lo + hi) // 2
        if spans[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def _cap_sentences(
    line: str, sentences: list[tuple[int, int]], number: int, problems: list[str]
) -> list[tuple[int, int]]:
    """Sentences longer than MAX_SENTENCE_CHARS cut at spaces into pieces no longer than that."""
    if all(b - a <= MAX_SENTENCE_CHARS for a, b in sentences):
        return sentences
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        if b - a <= MAX_SENTENCE_CHARS:
            out.append((a, b))
            continue
        problems.append(
            f"line {number}: a sentence of {b - a:,} characters is longer than {MAX_SENTENCE_CHARS:,}; "
            "it was read in pieces, so a date, place or speaker split between pieces may be missed."
        )
        while b - a > MAX_SENTENCE_CHARS:
            cut = line.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
            cut = cut if cut > a else a + MAX_SENTENCE_CHARS
            if line[a:cut].strip():
                out.append((a, cut))
            a = cut
            while a < b and line[a].isspace():
                a += 1
        if a < b:
            out.append((a, b))
    return out


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
