"""Dates in news prose, resolved against the document's reference date.

News writes "Dec. 8", "on Saturday" or "yesterday" and leaves the year to the
reader; the reference date (when the piece was published) supplies it. Vague
time words ("in recent days", "since 2015") never become a made-up day.

It is one module over 300 lines because it is one grammar: every form of date (day-month, weekday,
relative, header, dateline) shares the same month names, year rule and reference date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MON = r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"


def _p(template: str, **groups: str) -> str:
    out = template
    for key, name in groups.items():
        out = out.replace("{" + key + "}", name)
    return out


def _mon(g: str) -> str:
    return _MON.replace("{g}", g)


def _day(g: str) -> str:
    return _DAY.replace("{g}", g)


def _year(g: str) -> str:
    return _YEAR.replace("{g}", g)


_DASH = r"\s*(?:-|\u2013|\u2014|to|until|through)\s*"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Nov. 30-Dec. 1, 2024 / Nov. 30 - Dec. 1
    (
        "range_md_md",
        re.compile(
            rf"\b{_mon('m1')}\s+{_day('d1')}(?:,\s*{_year('y1')})?{_DASH}{_mon('m2')}\s+{_day('d2')}\b(?:,?\s*{_year('y2')})?"
        ),
    ),
    # Dec. 7-8, 2024
    (
        "range_m_dd",
        re.compile(rf"\b{_mon('m1')}\s+{_day('d1')}\s*(?:-|\u2013)\s*{_day('d2')}\b(?:,?\s*{_year('y2')})?"),
    ),
    # 7-8 December 2024
    (
        "range_dd_m",
        re.compile(rf"\b{_day('d1')}\s*(?:-|\u2013)\s*{_day('d2')}\s+{_mon('m2')}(?:,?\s*{_year('y2')})?"),
    ),
    # December 13, 2024 / Dec. 8
    ("md", re.compile(rf"\b{_mon('m1')}\s+{_day('d1')}\b(?!\s*(?:-|\u2013)\s*\d)(?:,?\s*{_year('y1')})?")),
    # 13 December 2024
    ("dm", re.compile(rf"\b{_day('d1')}\s+{_mon('m1')}(?:,?\s*{_year('y1')})?")),
    # 2024-12-08
    ("iso", re.compile(r"\b(?P<y1>(?:19|20)\d\d)-(?P<m1n>[01]\d)-(?P<d1>[0-3]\d)\b")),
    # 8.12.2024: day, month, year with dots, as European and Russian outlets write it (never month first)
    ("dmy_dots", re.compile(r"(?<![\d.])(?P<d1>[0-3]?\d)\.(?P<m1n>[01]?\d)\.(?P<y1>(?:19|20)\d\d)(?![\d.]\d)")),
    # "on 9/12/2024", "dated 9/12": a day and a month in numbers, read in the order the document writes them
    # (day_first); a bare "9/12" only after "on", "dated" or "from" (not "24/7", "a 3/4 majority")
    ("numeric", re.compile(r"(?<![\w/.\-])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?:/(?P<y>(?:19|20)\d\d))?(?![\w/]|\.\d)")),
    # "on the 10th", "on the 1st of the month": a day of the month in force (see find_dates' month_of)
    (
        "ordinal",
        re.compile(
            r"\b(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom) (?P<the>the\s+(?P<d1>[1-3]?\d)"
            r"(?:st|nd|rd|th)\b(?P<more>\s+(?:and|or|to)\s+(?:the\s+)?[1-3]?\d(?:st|nd|rd|th)\b)?"
            r"(?:\s+of\s+(?:the|this)\s+month\b)?)"
        ),
    ),
    # February 2022
    ("my", re.compile(rf"\b{_mon('m1')}\s+{_year('y1')}\b")),
    # weekday, relative words
    # "on Sunday", "last Friday", and AP's bare "said Saturday" / "late Sunday"; not "Sunday 8th
    # December" or "Wednesday (Feb 12)", where the written date that follows is the one to read.
    (
        "weekday",
        # the weekday is found first (a cheap scan), the word before it checked in _resolve
        re.compile(
            r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
            r"(?!,?\s*(?:\(|the\s+\d|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))",
            re.I,
        ),
    ),
    # ... "this morning", and the clock time an event began at ("The meeting began at 10:05 a.m."): the day of writing
    (
        "relative",
        re.compile(
            r"\b(?P<rel>yesterday|today|tomorrow|the day before yesterday)\b", re.I),
    ),
    (
        "daypart",  # looked for only when a cheap check finds a word of it (_has_daypart_hint)
        re.compile(
            r"\b(?P<rel>this (?:morning|afternoon|evening)|tonight|earlier today|later today|(?<!the )last night|"
            r"(?:began|started|opened|convened|resumed|adjourned|ended|closed|concluded)"
            r"\s+at\s+\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?)",
            re.I,
        ),
    ),
    ("ago", re.compile(r"\b(?P<n>two|three|four|five|six|\d)\s+days\s+ago\b", re.I)),
    # "on Christmas Day", "on New Year's Eve": a holiday on a fixed day, its year the nearest to the reference
    # (not the Orthodox Christmas, on 7 January)
    (
        "holiday",
        re.compile(r"(?<!Orthodox )\b(?P<hol>Christmas (?:Day|Eve)|New Year['\u2019]s (?:Day|Eve)|Boxing Day)\b"),
    ),
    # in 2015 / in early 2015 (a year, coarse)
    ("year", re.compile(r"\b(?:in|during|by|of)\s+(?:early\s+|late\s+|mid-?)?(?P<y1>(?:19|20)\d\d)\b")),
]
# Time words that name no day: recognised so that they are not mistaken for one.
_VAGUE = re.compile(
    r"\b(?:since\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d|in recent (?:days|weeks|months)|recently"
    r"|earlier this (?:week|month|year)"
    r"|last (?:week|month|year)|this (?:week|month)|in the coming days|in the next \d+ (?:hours|days)"
    # "in late November", "in March": a month and no day, the sentence's own time (not a date line's day)
    r"|in (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?!\s*\d))\b",
    re.I,
)


def _has_daypart_hint(text: str) -> bool:
    """A word "daypart" needs, found by plain substring tests: most sentences skip its regular expression."""
    return "morning" in text or "noon" in text or "evening" in text or "night" in text or "today" in text or \
        "a.m" in text or "p.m" in text or " am " in text or " pm " in text or " AM" in text or " PM" in text


# What each pattern cannot match without, tested with plain substring tests before its regular expression
# runs: most sentences name no weekday, year or month, and each pattern scanned every one. Every cue is part
# of each match of its pattern; change a cue with its pattern (tests/test_dates.py checks the matches).
_MONTH_CUES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NEED_MONTH = ("range_md_md", "range_m_dd", "range_dd_m", "md", "dm")
_NEED_YEAR = ("iso", "dmy_dots", "year")
_VAGUE_CUES = ("since", "recent", "this", "last", "coming", "next")
# "in late November": a month named with no day, a vague time (its cue is "in " and the month's name)
_MONTH_NAME_CUES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december")
_DIGIT = re.compile(r"\d")
_ORDINAL_CUES = ("1st", "2nd", "3rd", "0th", "1th", "2th", "3th", "4th", "5th", "6th", "7th", "8th", "9th")
# Characters that match an ASCII letter under re.IGNORECASE but do not lower-case to it ("\u017f" matches
# "s"): in a text holding one, the cues of the case-blind patterns are not tested.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _kinds_without_cue(text: str) -> set[str]:
    """The kinds of `_PATTERNS` (and "vague") that cannot match the text: a cue of theirs is missing."""
    skip: set[str] = set()
    digit = _DIGIT.search(text) is not None
    month = digit and any(m in text for m in _MONTH_CUES)
    year = digit and ("19" in text or "20" in text)
    if not month:
        skip.update(_NEED_MONTH)
    if not (month and year):
        skip.add("my")
    if not year:
        skip.update(_NEED_YEAR)
    if not digit or "/" not in text:
        skip.add("numeric")
    if not digit or "the " not in text or not any(c in text for c in _ORDINAL_CUES):
        skip.add("ordinal")
    if not any(c in text for c in _FOLDS_TO_ASCII):
        low = text.lower()
        if "day" not in low:
            skip.add("weekday")
            if "tomorrow" not in low:
                skip.add("relative")
        if "ago" not in low:
            skip.add("ago")
        if not any(w in low for w in _VAGUE_CUES) and not ("in " in low and any(m in low for m in _MONTH_NAME_CUES)):
            skip.add("vague")
    if "Christmas" not in text and "New Year" not in text and "Boxing Day" not in text:
        skip.add("holiday")  # case-sensitive pattern: its cues need no folding
    return skip


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_YEARS_AGO_BEFORE = re.compile(r"(?i)\b(?P<n>a|one|two|three|four|five|six|ten|\d{1,2})\s+years?\s+ago\s+$")
_LAST_YEAR_AFTER = re.compile(r",?\s+last\s+year\b")


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO at its precision: "2024-12-08", "2022-02", "2015"; None for vague
    end_value: str | None  # for ranges
    precision: str | None  # "day", "month", "year" or None (vague)
    on: bool  # introduced by "on": the strongest sign it is the event's date
    # How the day was read: "text" (written out), "weekday" and "relative" (inferred from the
    # publication date), "header" (a date line above the paragraph), "dateline" (the story's dateline).
    basis: str = "text"


# A day the text does not write out ("on Sunday", "yesterday"), worked out from the publication date.
# The tables say so in date_precision, so an analyst can tell a reported day from a reckoned one.
INFERRED_DAY = "day-inferred"
DAY_PRECISIONS = ("day", INFERRED_DAY)
INFERRED_BASES = ("weekday", "relative")


def reported_precision(mention: DateMention) -> str | None:
    """The precision a table reports: "day-inferred" for a day reckoned from the publication date."""
    if mention.precision == "day" and mention.basis in INFERRED_BASES:
        return INFERRED_DAY
    return mention.precision


def nearest_year(month: int, day: int, reference: date) -> int:
    """The year that puts month/day nearest to the reference date."""
    best = reference.year
    best_gap: int | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            gap = abs((date(year, month, day) - reference).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _make_day(month: int, day: int, year: int | None, reference: date) -> date | None:
    if year is None:
        year = nearest_year(month, day, reference)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(
    text: str, reference: date, month_of: date | None = None, day_first: bool | None = None
) -> list[DateMention]:
    """Every date mention in the text, earliest in the text first, no overlaps.

    month_of is the day whose month "on the 10th" falls in (the day the text was last at; the reference when
    None); day_first says how the document writes "9/12" (None: the reading nearer the reference, if only one is).
    """
    found: list[DateMention] = []
    # One flag per character: checking a candidate costs its own length, not the number of dates
    # found so far (comparing with every earlier date was quadratic on a line of dates).
    taken = bytearray(len(text))

    def free(a: int, b: int) -> bool:
        return taken.find(1, a, b) < 0

    def take(a: int, b: int) -> None:
        taken[a:b] = b"\x01" * (b - a)

    skip = _kinds_without_cue(text)
    for kind, pattern in _PATTERNS:
        if kind in skip or (kind == "daypart" and not _has_daypart_hint(text)):
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            mention = (
                _resolve(kind, m, text, reference)
                if kind not in ("numeric", "ordinal")
                else _resolve_number(kind, m, text, reference, month_of, day_first)
            )
            if mention is None or not free(mention.start, mention.end):
                continue
            found.append(mention)
            take(mention.start, mention.end)
    for m in () if "vague" in skip else _VAGUE.finditer(text):
        if free(m.start(), m.end()):
            found.append(DateMention(m.start(), m.end(), m.group(0), None, None, None, False))
            take(m.start(), m.end())
    found.sort(key=lambda d: d.start)
    if (
        "since" in text or "Since" in text or "between" in text or "Between" in text or "ntil" in text
        or " by " in text or "till" in text
        or "after " in text or "before " in text
    ):
        found = _spans_of_time(text, found)
    return found


# (also with the weekday before the date in brackets: "since Wednesday (Nov 27)")
_WEEKDAY_OPEN = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*\(\s*)?"
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:(?:early|late|mid-?)\s+)?" + _WEEKDAY_OPEN + "$")
# "until 1 March", "by Friday", "no later than Dec. 20": a deadline or the end of a stretch, no day of an event
# ("By Sunday, rebels had taken Hama" opens its sentence with the day things stood at, and keeps it).
# "before February 15" (a deadline) and "leaving Syria after December 8" (any time since) bound a stretch too; a
# sentence that opens "By/Before/After DATE," keeps the day things stood at, like "By 1 March".
_BOUND_BEFORE = re.compile(
    r"\b(?:[Uu]ntil|till|by|before|after|no\s+later\s+than)\s+(?:(?:next|this|the)\s+)?" + _WEEKDAY_OPEN + "$"
)
# "since Dec. 10, when TASS quoted a naval source": the clause after "when" is what happened that day
_WHEN_AFTER = re.compile(r",?\s+when\s")
_SINCE_LEAD = re.compile(r"\b([Ss]ince)\s+$")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
# "between 11 and 16 December": the first day written as a bare number, the month once at the end
_BETWEEN_DAY_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+and\s+(?:the\s+)?$", re.I)
_AND_GAP = re.compile(r",?\s+and\s+(?:the\s+)?")  # (", and": after "December 20, 2024")
# Most days "between DATE and DATE" may cover and still be read as the days of one event (a range);
# a longer stretch is a period, which names no day.
MAX_RANGE_DAYS = 2


def _spans_of_time(text: str, found: list[DateMention]) -> list[DateMention]:
    """Days that only bound a stretch of time, which names no day of its own.

    "since December 8" ("who has been living in Moscow since December 8") is where a state began,
    like "since 2015", and "until 1 March" or "by 20 March" where one ends or is due: vague, as is "between 10
    December and 20 January" (flights over six weeks).
    A short stretch ("between December 7 and 8") is a range of days. "Since the fall of Assad on
    Sunday" is left alone: the day there is the fall's.
    """
    out: list[DateMention] = []
    i = 0
    while i < len(found):
        d = found[i]
        since = (
            _SINCE_BEFORE.search(text, max(0, d.start - 24), d.start)
            or _BOUND_BEFORE.search(text, max(0, d.start - 32), d.start) if d.value else None
        )
        if since and since.group(0)[:1] in "Ss" and _WHEN_AFTER.match(text, d.end):
            since = None  # "since Friday, when it reported airstrikes near Hama": the day of what it names
        if since:
            out.append(DateMention(since.start(), d.end, text[since.start() : d.end], None, None, None, False))
            i += 1
            continue
        bare = _BETWEEN_DAY_BEFORE.search(text, max(0, d.start - 30), d.start) if d.precision == "day" else None
        if bare and d.value is not None and d.end_value is None:
            last = date.fromisoformat(d.value)
            try:
                first = last.replace(day=int(bare.group("d")))
            except ValueError:
                first = last
            span = text[bare.start() : d.end]
            if first <= last and (last - first).days + 1 <= MAX_RANGE_DAYS:
                out.append(DateMention(bare.start(), d.end, span, first.isoformat(), d.value, "day", d.on, d.basis))
            else:
                out.append(DateMention(bare.start(), d.end, span, None, None, None, False))
            i += 1
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        between = _BETWEEN_BEFORE.search(text, max(0, d.start - 14), d.start) if nxt else None
        if (
            between
            and nxt is not None
            and d.precision == "day"
            and nxt.precision == "day"
            and _AND_GAP.fullmatch(text, d.end, nxt.start)
        ):
            first, last = date.fromisoformat(d.value), date.fromisoformat(nxt.end_value or nxt.value)
            span = text[between.start() : nxt.end]
            if first <= last and (last - first).days + 1 <= MAX_RANGE_DAYS:
                out.append(DateMention(between.start(), nxt.end, span, d.value, last.isoformat(), "day", d.on, d.basis))
            else:
                out.append(DateMention(between.start(), nxt.end, span, None, None, None, False))
            i += 2
            continue
        out.append(d)
        i += 1
    return out


_WEEKDAY_LEAD = re.compile(
    r"\b(on|last|this past|last week['\u2019]s|said|says|told \w+|announced|reported|confirmed|added|late|early|"
    r"(?:overnight|night|late)\s+into|overnight|"  # "overnight into Sunday": the night ends on that day
    r"(?:early\s+)?hours\s+of|(?:morning|afternoon|evening)\s+of)\s+$",  # "in the early hours of Sunday"
    re.I,
)
# AP style writes the weekday bare after the verb or its object ("met Saturday", "in a speech Saturday"):
# a day when a lower-case word stands before it and a function word, a time of day or punctuation after it.
_BARE_WEEKDAY_LEAD = re.compile(
    r"(?<!will )(?<!to )(?<!would )(?<!shall )"
    r"\b(?!(?:every|each|the|a|an|next|of|this|that|coming|following|until|by|till|from|since|before|after|"
    r"through|to|and|or|per|due|scheduled|planned|expected|set|slated|will)\s)([a-z]{2,})\s+$"
)
_BARE_WEEKDAY_TAIL = re.compile(
    r"\s*(?:$|[.,;:!?)\u2014\u2013\"\u201d]|-\s|\s(?:in|at|to|and|after|before|with|as|that|when|while|for|on|near|"
    r"outside|from|by|during|amid|morning|afternoon|evening|night|the|a|an|said|says|told|over|against|into|"
    r"several|some|his|her|their|its|two|three|four|five|dozens|hundreds|thousands)\b)"  # "hosted Monday several ..."
)
# A plan in the words before "on Tuesday" ("will meet in Geneva", "is expected to arrive", "are due to sign"),
# with no verb of speech or of the past between ("will go, the ministry said on Monday", "talks that will resume
# were agreed on Monday"): the weekday to come.
_PLAN_WORDS = (
    r"\bwill|['\u2019]ll|\bshall|\b(?:expected|due|scheduled|set|slated|planning|plans?|planned|going|(?:is|are))\s+to"
)
_PAST_OR_SAID = r"(?:said|says|told|announced|reported|added|confirmed|was|were|had|has|have)\b"
_FUTURE_BEFORE = re.compile(
    rf"(?:{_PLAN_WORDS})\s+(?!(?:[\w'\-]+\s+){{0,6}}?{_PAST_OR_SAID})(?:[\w'\-]+\s+){{0,6}}$"
)
# "was expected on Wednesday", "is due on Friday": a plan's day with no verb after its word
_DUE_ON = re.compile(r"\b(?:is|are|was|were)\s+(?:expected|due|scheduled)\s+$")
# A plan on a day after the one the text is at ("is due to meet NAME in Damascus on Jan. 11", "is scheduled to
# discuss the front on Sunday, January 5", "are planning a commemoration on Feb. 6"): no day of an event.
_PLAN_BEFORE = re.compile(
    rf"(?:{_PLAN_WORDS}|\b(?:is|are|was|were)\s+(?:expected|due|scheduled)|\b(?:is|are)\s+planning)\s+"
    rf"(?!(?:[\w'\-]+,?\s+){{0,10}}?{_PAST_OR_SAID})(?:[\w'\u2019\-]+,?\s+){{0,10}}$"
)


def planned(sentence: str, mention: DateMention, anchor: date) -> bool:
    """A day still to come after the anchor (the day the text is at), named as the day of a plan."""
    if mention.value is None or mention.value <= anchor.isoformat():
        return False
    return _PLAN_BEFORE.search(sentence, max(0, mention.start - 100), mention.start) is not None


_ON_BEFORE = re.compile(
    r"\b(?:on|from|between)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:\(\s*)?)?(?:the\s+)?$", re.I
)


def _on_before(text: str, start: int) -> bool:
    return bool(_ON_BEFORE.search(text, max(0, start - 24), start))


def _resolve(kind: str, m: re.Match[str], text: str, reference: date) -> DateMention | None:
    g = m.groupdict()
    on = _on_before(text, m.start())

    def mk(value: str | None, end_value: str | None, precision: str | None) -> DateMention:
        return DateMention(m.start(), m.end(), m.group(0), value, end_value, precision, on)

    if kind in ("range_md_md", "range_m_dd", "range_dd_m"):
        m1 = _month(g.get("m1") or g.get("m2"))
        m2 = _month(g.get("m2") or g.get("m1"))
        if m1 is None or m2 is None:
            return None
        y2 = int(g["y2"]) if g.get("y2") else None
        y1 = int(g["y1"]) if g.get("y1") else None
        d2 = _make_day(m2, int(g["d2"]), y2, reference)
        if d2 is None:
            return None
        if y1 is None:
            y1 = d2.year if m1 <= m2 else d2.year - 1
        d1 = _make_day(m1, int(g["d1"]), y1, reference)
        if d1 is None or d1 > d2:
            return None
        return mk(d1.isoformat(), d2.isoformat(), "day")
    if kind in ("md", "dm"):
        month = _month(g["m1"])
        if month is None:
            return None
        year = int(g["y1"]) if g.get("y1") else None
        if year is None and _LAST_YEAR_AFTER.match(text, m.end()):
            year = reference.year - 1  # "on Dec. 8 last year"
        d = _make_day(month, int(g["d1"]), year, reference)
        return mk(d.isoformat(), None, "day") if d else None
    if kind in ("iso", "dmy_dots"):
        try:
            d = date(int(g["y1"]), int(g["m1n"]), int(g["d1"]))
        except ValueError:
            return None
        return mk(d.isoformat(), None, "day")
    if kind == "my":
        month = _month(g["m1"])
        return mk(f"{int(g['y1']):04d}-{month:02d}", None, "month") if month else None
    if kind == "weekday":
        lead = _WEEKDAY_LEAD.search(text, max(0, m.start() - 24), m.start())
        if lead is None and _WHEN_AFTER.match(text, m.end()):
            lead = _SINCE_LEAD.search(text, max(0, m.start() - 8), m.start())  # "since Friday, when it ..."
        if lead is None and text.startswith(("'s ", "\u2019s "), m.end()):
            return _possessive_weekday(m, text, reference)
        if lead is None:
            lead = _BARE_WEEKDAY_LEAD.search(text, max(0, m.start() - 24), m.start())
            if lead is None or not _BARE_WEEKDAY_TAIL.match(text, m.end()):
                return None  # "The Sunday Times", "Friday prayers": a name, not a day
        elif lead.group(1).endswith("of") and not _BARE_WEEKDAY_TAIL.match(text, m.end()):
            return None  # "after hours of Friday prayers"
        start = lead.start()
        target = WEEKDAYS[g["wd"].lower()]
        if lead.group(1).lower().startswith("last week"):  # "last week's Tuesday": the Tuesday of the week before
            d = reference - timedelta(days=reference.weekday() + 7 - target)
            return DateMention(start, m.end(), text[start : m.end()], d.isoformat(), None, "day", True, "weekday")
        back = (reference.weekday() - target) % 7
        if back == 0 and lead.group(1).lower() in ("last", "this past"):
            back = 7  # "last Saturday" written on a Saturday: a week before
        d = reference - timedelta(days=back)
        if lead.group(1).lower() == "on" and (
            _FUTURE_BEFORE.search(text, max(0, start - 60), start) or _DUE_ON.search(text, max(0, start - 20), start)
        ):
            d = reference + timedelta(days=(target - reference.weekday()) % 7 or 7)  # "will meet on Tuesday": ahead
        on = lead.group(1).lower() in ("on", "last", "this past") or lead.group(1).endswith("of")
        return DateMention(start, m.end(), text[start : m.end()], d.isoformat(), None, "day", on, "weekday")
    if kind in ("relative", "daypart"):
        # ("last night": the night before the day of writing, as British copy and quoted officials write it)
        shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "last night": -1}.get(
            g["rel"].lower(), 0)
        d = _shift(reference, shift)
        ago = _YEARS_AGO_BEFORE.search(text, max(0, m.start() - 24), m.start()) if shift == 0 else None
        if ago and d is not None:  # "a year ago today": the anniversary's day, that many years back
            n = ago.group("n").lower()
            years = 1 if n in ("a", "one") else _NUMBER_WORDS.get(n) or int(n)
            back = _years_before(d, years)
            return DateMention(ago.start(), m.end(), text[ago.start() : m.end()], back.isoformat(), None, "day", on,
                               "relative")
        return DateMention(m.start(), m.end(), m.group(0), d.isoformat(), None, "day", on, "relative") if d else None
    if kind == "ago":
        n = g["n"].lower()
        d = _shift(reference, -(_NUMBER_WORDS.get(n) or int(n)))
        return DateMention(m.start(), m.end(), m.group(0), d.isoformat(), None, "day", on, "relative") if d else None
    if kind == "year":
        return mk(g["y1"], None, "year")
    if kind == "holiday":
        month, day = _HOLIDAYS[g["hol"][:12].replace("\u2019", "'")]
        d = _make_day(month, day, None, reference)
        return mk(d.isoformat(), None, "day") if d else None
    return None


# "Sunday's shelling killed three", "By Saturday's fall of the town, ...": the noun's weekday is the event's day,
# when the weekday opens the sentence (or follows "By"/"After"/"Following" there). Not "ahead of Sunday's vote"
# (no such opening), "Sunday's vote will decide" (a plan) nor "Sunday's strike was the fifth" (a description of an
# event told before).
# ... and inside a sentence after "during", "in" or "amid" ("five soldiers were killed during Monday's clashes")
_POSSESSIVE_OPENING = re.compile(
    r"(?:^|[.;:]\s+)[\"'\u201c\u2018]?(?:(?:By|After|Following)\s+)?$|\b(?:during|in|amid)\s+$"
)
_POSSESSIVE_NOT = re.compile(
    r"['\u2019]s\s+[^,.;:]{0,60}?\b(?:will|would|(?:is|are|was|were)\s+(?:the|a|an|expected|due|set|scheduled|"
    r"likely|to|also|one|among))\b"
)


def _possessive_weekday(m: re.Match[str], text: str, reference: date) -> DateMention | None:
    opening = _POSSESSIVE_OPENING.search(text, max(0, m.start() - 14), m.start())
    if opening is None or _POSSESSIVE_NOT.match(text, m.end()):
        return None
    d = reference - timedelta(days=(reference.weekday() - WEEKDAYS[m.group("wd").lower()]) % 7)
    return DateMention(m.start(), m.end(), m.group(0), d.isoformat(), None, "day", True, "weekday")


_ORDINAL_TAIL = re.compile(
    r"\s*(?:$|[.,;:!?)\u2014\u2013\"\u201d]|-\s|\s(?:and|in|at|to|when|while|as|after|before|with|by|from|near|"
    r"on|the|a|an|morning|afternoon|evening|night|said|says|told|amid|during|until)\b)"
)
_NUMERIC_LEAD = re.compile(r"\b(?:on|dated|from)\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
MAX_NUMERIC_GAP = 62  # days from the reference a bare "9/12" may lie (news is of recent days)


def _numeric_day(a: int, b: int, year: int | None, reference: date, day_first: bool | None) -> date | None:
    readings = {True: _make_day(b, a, year, reference) if b <= 12 else None,
                False: _make_day(a, b, year, reference) if a <= 12 else None}  # fmt: skip
    if readings[True] is None or readings[False] is None:
        return readings[True] or readings[False]
    if readings[True] == readings[False] or day_first is not None:
        return readings[bool(day_first) or day_first is None]
    near = [d for d in readings.values() if d is not None and 0 <= (reference - d).days <= MAX_NUMERIC_GAP // 2]
    return near[0] if len(near) == 1 else None  # "4/5" read both ways near the reference: no day


def _resolve_number(
    kind: str, m: re.Match[str], text: str, reference: date, month_of: date | None, day_first: bool | None
) -> DateMention | None:
    on = _on_before(text, m.start())
    if kind == "numeric":
        year = int(m.group("y")) if m.group("y") else None
        if year is None and (
            not _NUMERIC_LEAD.search(text, max(0, m.start() - 8), m.start()) or _OF_AFTER.match(text, m.end())
        ):
            return None  # "a 24/7 watch", "on 4/5 of the land"
        d = _numeric_day(int(m.group("a")), int(m.group("b")), year, reference, day_first)
        if d is None or (year is None and not 0 <= (reference - d).days <= MAX_NUMERIC_GAP):
            return None  # a bare "9/12" is a day of the weeks before the reference
        return DateMention(m.start(), m.end(), m.group(0), d.isoformat(), None, "day", on)
    if not _ORDINAL_TAIL.match(text, m.end()):
        return None  # "on the 5th floor", "on the 10th anniversary", "on the 6th of May": no day of the month in force
    start = m.start("the")  # (the day is "the 10th"; "since" before it is read as for any date)
    if m.group("more"):  # "on the 10th and 11th": two days, the day of no one event
        return DateMention(start, m.end(), m.group("the"), None, None, None, False)
    base = month_of or reference
    try:
        d = date(base.year, base.month, int(m.group("d1")))
    except ValueError:
        return None
    if month_of is None and d > reference and not _PLAN_BEFORE.search(text, max(0, m.start() - 100), m.start()):
        last = base.replace(day=1) - timedelta(days=1)  # "on the 28th" early in January: December's
        try:
            d = date(last.year, last.month, d.day)
        except ValueError:
            return None
    return DateMention(start, m.end(), m.group("the"), d.isoformat(), None, "day", _on_before(text, start))


_ORDER_SLASHED = re.compile(r"(?<![\w/.\-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?:19|20)\d\d(?![\w/])")


def writes_day_first(text: str) -> bool | None:
    """How a document writes its numeric dates: True for "13/12/2024" (day first), False for "12/13/2024",
    and else by the order of its dates in words ("9 December" against "December 9"); None when nothing says."""
    if "/" not in text:
        return None
    for m in _ORDER_SLASHED.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    if not any(c in text for c in _MONTH_CUES):
        return None
    dm = sum(1 for m in _WORD_ORDER_DM.finditer(text) if _month(m.group("m1")))
    md = sum(1 for m in _WORD_ORDER_MD.finditer(text) if _month(m.group("m1")))
    return True if dm > md else False if md > dm else None


_WORD_ORDER_DM = re.compile(rf"\b[0-3]?\d(?:st|nd|rd|th)?\s+{_mon('m1')}")
_WORD_ORDER_MD = re.compile(rf"\b{_mon('m1')}\s+[0-3]?\d\b")


_HOLIDAYS = {"Christmas Da": (12, 25), "Christmas Ev": (12, 24), "New Year's D": (1, 1), "New Year's E": (12, 31),
             "Boxing Day": (12, 26)}


_COUNT = r"(?P<n>a|one|two|three|four|five|six|\d)"
_LATER = re.compile(
    rf"\b(?:{_COUNT}\s+days?\s+(?:later|(?P<earlier>earlier))|the\s+(?:next|following)\s+(?:day|morning|afternoon|evening)|"
    r"the\s+day\s+after(?=\s*(?:[,.;:)]|$))|"  # (not "the day after rebels took Hama": its own anchor)
    # "the day before." / "the previous evening": a day back; "the day before the vote" names its own anchor
    r"(?P<back>the\s+day\s+before(?=\s*(?:[,.;:)]|$))|the\s+previous\s+(?:day|morning|afternoon|evening|night))|"
    # "That same night", "hours earlier", "at noon": the day the text is at
    r"(?P<same>that\s+(?:same\s+)?(?:day|night|evening|morning|afternoon)|the\s+same\s+(?:day|night|evening)|"
    r"later\s+that\s+(?:day|night)|(?:hours|minutes)\s+(?:later|earlier)|at\s+(?:noon|midnight|dawn)|by\s+nightfall))"
    r"\b(?!\s+(?:the|a|an|his|her|its|their)\b)",
    re.I,
)
# "Two days after the fall of the capital, ...": counted from the day the text was just at, the day of the fall
# (with no date of its own in the sentence; "the day after the vote" is left to name its own anchor)
_DAYS_AFTER_THE = re.compile(rf"\b{_COUNT}\s+days?\s+after\s+(?:the|his|her|its|their)\s", re.I)


# "The call came a day after NAME received ...": what follows happened that long before the day the text is at.
_CAME_AFTER = re.compile(
    r"\b(?:came|comes|followed|follows|happened|took\s+place)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:(?P<n>a|one|two|three|four|five|six|\d)\s+days?|(?:a\s+few\s+|several\s+)?hours)\s+after\b",
    re.I,
)


def _count(m: re.Match[str]) -> int:
    n = m.group("n")
    return 1 if n is None else ({"a": 1, "one": 1} | _NUMBER_WORDS).get(n.lower()) or int(n)


def later_date(
    sentence: str, previous: DateMention | None, near: bool = True, recent: bool = True
) -> DateMention | None:
    """ "Two days later", "the next day", "that same night", "the day before": a day counted from the day the
    text was last at.

    Only from a day (a header, a dateline or an earlier sentence's date); with none before, no date.
    "The day after the vote" names its own anchor and is left alone. "The call came a day after
    NAME received the emir" counts back: the sentence's news is the reception, a day before the call.
    "Two days after the fall of X" counts only from a day of this paragraph or the one before (near), the
    others from a day of this paragraph or the one before a quoted one (recent).
    A plan ("talks will resume the next day") is no day of an event.
    """
    if previous is None or not (previous.precision or "").startswith("day") or previous.value is None:
        return None
    m = _LATER.search(sentence) if recent else None
    if m and m.group("same") and m.group("same")[:4].lower() in ("that", "the ") and _NOT_ADVERB_BEFORE.search(
        sentence, max(0, m.start() - 16), m.start()
    ):
        m = None  # "many remember that day": the day as a thing talked of, not when something happened
    if m:
        days = 0 if m.group("same") else -1 if m.group("back") else -_count(m) if m.group("earlier") else _count(m)
    elif "after" in sentence and (m := _CAME_AFTER.search(sentence)):
        days = -_count(m) if m.group("n") else 0  # "hours after": the same day
    elif near and "after" in sentence and (m := _DAYS_AFTER_THE.search(sentence)):
        days = _count(m)
    else:
        return None
    if _FUTURE_BEFORE.search(sentence, max(0, m.start() - 60), m.start()):
        return None
    d = _shift(date.fromisoformat(previous.value), days)
    if d is None:
        return None
    return DateMention(m.start(), m.end(), m.group(0), d.isoformat(), None, "day", True, "relative")


# A later clause of a sentence that is at a day: "...; it was restored the following afternoon", ", and to trucks
# two days later", ", hours after rebels entered the city" (the clause's own event, the same day).
_NEXT_CLAUSE = re.compile(
    r";\s+|,?\s+and\s+(?!\d)|(?P<comma>,\s+)(?!(?:and|hours|minutes|just|only)\b)|,\s+(?P<hours>(?:just\s+|only\s+)?(?:hours|minutes)\s+after\s+"
    r"(?!(?:the|a|an|his|her|its|their|that|this)\b))"
)
_GOES_ON = re.compile(
    r"(?:\w+\s+){0,3}?(?:(?:was|were|is|are)\s+(?:still\s+)?(?:continuing|going\s+on|under\s+way|ongoing)|"
    r"continued|remained|still)\b",
    re.I,
)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.I)
_ONLY_A_DAY = re.compile(r"(?:(?:on|from|again|then|also|the)\s+)*", re.I)
_NOT_ADVERB_BEFORE = re.compile(
    r"\b(?:remember(?:s|ed)?|recall(?:s|ed)?|forg[eo]t|since|of|about|describe[sd]?|until|till|marks?|marked)\s+$",
    re.I,
)


def later_clauses(sentence: str, when: DateMention, dates: list[DateMention]) -> list[tuple[int, DateMention]]:
    """The clauses after the sentence's day that happened on a day of their own: where each begins, and its day
    (its end where the clause's day is named, or the sentence's end for "hours after ...")."""
    if when.value is None or when.precision != "day" or when.end_value is not None:
        return []
    out: list[tuple[int, DateMention]] = []
    starts = list(_NEXT_CLAUSE.finditer(sentence, when.end))
    k = 0  # the first of the dates (in the order of the text) not before the clause: each date is passed once
    opening: re.Match[str] | None = None  # the last "and" or ";" that opened a clause: ", and had guests, ..., the
    for i, m in enumerate(starts):  # next day" is one clause, its commas aside
        if not m.group("comma"):
            opening = m
        end = starts[i + 1].start() if i + 1 < len(starts) else len(sentence)
        while k < len(dates) and dates[k].start < m.end():
            k += 1
        if _GOES_ON.match(sentence, m.end()):
            continue  # "started on Dec. 30 and was continuing on Jan. 1": the same event, still going on
        if m.group("hours"):
            day = DateMention(m.end(), len(sentence), m.group(0).strip(", "), when.value, None, "day", True,
                              "relative")
            out.append((m.start("hours"), day))
            break
        own = [d for d in dates[k : k + 1] if d.start < end and d.precision == "day" and d.end_value is None]
        if m.group("comma"):
            own = []  # ", a line repeated by the minister the following day": only a day counted from the sentence's
        if own and _ONLY_A_DAY.fullmatch(sentence, m.end(), own[0].start):
            continue  # "left on Monday and on Tuesday": the days of one event
        if own and own[0].value != when.value and not planned(sentence, own[0], date.fromisoformat(when.value)):
            out.append((_word_at(sentence, m.start()), own[0]))
            opening = None
            continue
        later = _LATER.search(sentence, m.end(), end)
        if later and _UNTIL_BEFORE.search(sentence, max(0, later.start() - 8), later.start()):
            later = None  # "could not reach the village until the next morning": how long, not a day of its own
        if later and not later.group("same") and not _FUTURE_BEFORE.search(sentence, max(0, later.start() - 60),
                                                                          later.start()):
            days = -1 if later.group("back") else -_count(later) if later.group("earlier") else _count(later)
            d = _shift(date.fromisoformat(when.value), days)
            lead = opening if m.group("comma") and opening is not None else m
            opening = None
            if d is not None:
                out.append((_word_at(sentence, lead.start()),
                            DateMention(later.start(), later.end(), later.group(0), d.isoformat(), None, "day", True,
                                        "relative")))
    return out


def _word_at(sentence: str, i: int) -> int:
    """The first word at or after i, past the commas, semicolons and spaces that open a clause."""
    while i < len(sentence) and sentence[i] in ",; ":
        i += 1
    return i


def _shift(reference: date, days: int) -> date | None:
    try:
        return reference + timedelta(days=days)
    except OverflowError:
        return None


# What may stand on a date line besides the date: a weekday, a time and its zone, "Updated".
_HEADER_NOISE = re.compile(
    r"(?i)\b(?:last\s+)?(?:updated|posted|published)\b:?|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?|"
    r"\b\d{1,2}[:.]\d{2}\b(?!\.\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:,?\s*UK\b)?|\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|ET|PT|"
    r"local\s+time)\b|[#*_|,;:()\[\]\u2013\u2014]|-(?!\d)|(?<!\d)-"  # (not "Dec. 9-10", "2024-12-08")
)


def date_header(line: str, reference: date) -> DateMention | None:
    """A line that is only a date ("November 27", "8 December 2024, 11:32 GMT", "## Dec. 5"):
    it dates the paragraphs under it (chronicles, timelines, live pages)."""
    if len(line) > 80:
        return None
    rest = _HEADER_NOISE.sub(" ", line)
    found = [d for d in find_dates(rest, reference) if d.precision == "day"]
    if len(found) != 1:
        return None
    d = found[0]
    if (rest[: d.start] + rest[d.end :]).strip(" .\t"):
        return None  # other words on the line: a title or a sentence, not a date line
    return DateMention(0, len(line), line.strip(), d.value, d.end_value, "day", True, "header")


# "26 November - attack on Aleppo", "Dec. 8: The fall of Damascus": a chronicle's day with the title of its news.
_TITLED_DAY = re.compile(r"^\W*(?P<date>[^\n]{3,30}?)\s*(?:\s-|\u2013|\u2014|:)\s+(?P<title>[^\n]+)$")
_ENDS_AS_SENTENCE = (".", "!", "?", '"', "\u201d")


def titled_date_header(line: str, reference: date) -> DateMention | None:
    """A line that is a day and a short title ("26 November - attack on Aleppo", "December 8: Assad flees"): in a
    chronicle it stands over the day's paragraphs as a date line does (the caller checks that prose follows; a list
    of such lines is a list of events). A sentence after the day ("Dec. 8 - Rebels took Homs on Sunday.") is not."""
    if len(line) > 80:
        return None
    m = _TITLED_DAY.match(line.strip())
    if not m or m.group("title").rstrip().endswith(_ENDS_AS_SENTENCE) or len(m.group("title").split()) > 8:
        return None
    d = date_header(m.group("date"), reference)
    if d is None:
        return None
    return DateMention(0, len(line), line.strip(), d.value, d.end_value, "day", True, "header")


_DATELINE_DATE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3},\s*)?"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)(?:,?\s*(?:19|20)\d\d)?"
    r"\s*(?:\([^)]{1,30}\)|\.\s*/[A-Za-z ]{2,20}/)?\s*(?:--|\u2014|\u2013|-|\.|:)"
)


def dateline_date(line: str, reference: date) -> DateMention | None:
    """ "Dec. 7 (UPI) --", "DUBAI, January 29.", "MOSCOW, December 9. /TASS/.": when the story was filed."""
    m = _DATELINE_DATE.match(line)
    if not m:
        return None
    found = [d for d in find_dates(m.group(0), reference) if d.precision == "day"]
    if not found:
        return None
    d = found[0]
    return DateMention(0, m.end(), m.group(0).strip(), d.value, None, "day", False, "dateline")


def _month(name: str | None) -> int | None:
    if not name:
        return None
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS.get(key[:3])


def date_bounds(value: str | None, end_value: str | None, precision: str | None) -> tuple[date | None, date | None]:
    """First and last day a (possibly coarse) date covers, for range filtering."""
    if value is None or precision is None:
        return None, None
    if precision in DAY_PRECISIONS:
        first = date.fromisoformat(value)
        last = date.fromisoformat(end_value) if end_value else first
        return first, last
    if precision == "month":
        y, mo = (int(x) for x in value.split("-"))
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    y = int(value)
    return date(y, 1, 1), date(y, 12, 31)


def event_date(mentions: list[DateMention]) -> DateMention | None:
    """Pick the date a sentence's event happened on.

    A date introduced by "on" wins; then the first day-precise date; then the
    first coarser one. Vague words alone give no date at all.
    """
    dated = [d for d in mentions if d.value is not None]
    if not dated:
        return None
    for d in dated:
        if d.on and d.precision == "day":
            return d
    for d in dated:
        if d.precision == "day":
            return d
    return dated[0]
