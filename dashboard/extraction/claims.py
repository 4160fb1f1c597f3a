"""How sure the reporting is: reported, claimed, or retracted by its source.

Cues are whole words ("reclaimed" is not "claimed") and must have the right subject or object:
a retraction is a source (or "the report" itself) taking back reporting ("TASS later deleted the
story", "the report was withdrawn", "Reuters corrected its report"), never any deletion or denial
("Telegram deleted the channel", "Assad was denied entry"). Every pattern here is linear: bounded
gaps, no nested quantifiers, so a crafted line cannot stall extraction.
"""

from __future__ import annotations

import re

# What a source takes back: its own reporting, not a channel, an account or a village.
_REPORT = (
    r"(?:report|reports|reporting|story|stories|article|articles|post|posts|claim|claims|information|"
    r"statement|tweet|tweets|dispatch|piece|item|news|footage|video|headline|allegation|allegations)"
)
_TAKE_BACK = r"(?:deleted|retracted|withdrew|removed|corrected|amended|pulled|took\s+down|walked\s+back|scrubbed)"
_TAKEN_BACK = r"(?:deleted|retracted|withdrawn|removed|corrected|amended|pulled|taken\s+down|walked\s+back|scrubbed)"
_WHEN = r"(?:later|since|subsequently|quickly|then|swiftly|also)"
_OWNER = r"(?:the|its|their|his|her|that|this|an|a|an\s+earlier|the\s+earlier|its\s+earlier|its\s+own)"

# "[Reuters] later deleted the information", "corrected its report", "took down the post".
_ACTIVE = re.compile(
    rf"\b(?:(?:later|subsequently|since|quickly|then)\s+)?{_TAKE_BACK}\s+"
    rf"(?:{_OWNER}\s+)?(?:[\w\-]+\s+){{0,2}}?{_REPORT}\b",
    re.I,
)
# "the report was later withdrawn", "the story has since been removed".
_PASSIVE = re.compile(
    rf"\b{_REPORT}\s+(?:was|were|has|have|had|is|are)\s+(?:{_WHEN}\s+)?(?:been\s+)?(?:{_WHEN}\s+)?"
    rf"{_TAKEN_BACK}\b",
    re.I,
)
# "issued a retraction", "issued a correction": the source itself.
_ISSUED = re.compile(r"\b(?:issued|published|ran|printed)\s+an?\s+(?:retraction|correction)\b", re.I)
# "Moscow denied that ...", "the ministry denied the reports": a party rejects the claim. Not
# "was denied entry" (passive: someone was refused something).
_DENIAL = re.compile(
    r"(?<![\w])(?P<aux>(?:was|were|been|being|is|are|be)\s+)?(?:denied|denies|deny)\s+"
    r"(?:that\b|the\s+(?:report|reports|claim|claims|allegation|allegations|accusation|accusations)\b|"
    r"reports\b|claims\b|allegations\b|accusations\b|any\s+(?:involvement|role|knowledge)\b|it\b)",
    re.I,
)
_FALSE = re.compile(
    r"\b(?:was|were|is|are|proved|proven|turned\s+out\s+to\s+be|later\s+found\s+to\s+be)\s+"
    r"(?:false|untrue|fake|fabricated|baseless)\b|\bdebunked\s+(?:(?:the|this|that|these|those)\s+)?" + _REPORT + r"\b",
    re.I,
)
_CLAIM = re.compile(
    r"\b(?:claim|claims|claimed|claiming|alleged|allegedly|alleges|purportedly|purported|reportedly|"
    r"unverified|unconfirmed|according\s+to|could\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)|"
    r"has\s+not\s+been\s+(?:independently\s+)?(?:verified|confirmed))\b",
    re.I,
)


# Platforms remove other people's posts and channels: that is moderation, not a source retracting.
_PLATFORM_BEFORE = re.compile(
    r"\b(?:Telegram|Facebook|Meta|YouTube|Twitter|X|Instagram|TikTok|Google|Apple|moderators?|platforms?)"
    r"(?:['\u2019]s)?\s+(?:(?:later|subsequently|since|quickly|then)\s+)?$"
)


def _active(text: str) -> re.Match[str] | None:
    for m in _ACTIVE.finditer(text):
        if not _PLATFORM_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            return m
    return None


def retraction(text: str) -> re.Match[str] | None:
    """The words taking back a report, if the text has them (quoted words already blanked)."""
    m = _active(text)
    if m:
        return m
    for pattern in (_PASSIVE, _ISSUED, _FALSE):
        m = pattern.search(text)
        if m:
            return m
    for m in _DENIAL.finditer(text):
        if not m.group("aux"):
            return m
    return None


def takes_back_earlier(text: str) -> bool:  # called only once claim_status said "retracted"
    """The sentence is about an earlier report (deleted, withdrawn...), not news of its own."""
    return bool(_active(text) or _PASSIVE.search(text) or _ISSUED.search(text))


# Stems every cue contains: a sentence with none of them (most) skips the regular expressions.
_RETRACTION_STEMS = ("delet", "retract", "withdr", "remov", "correct", "amend", "pulled", "took down", "taken down",
                     "walked back", "scrub", "issued a", "published a", "ran a", "printed a", "denied", "denies",
                     "deny", "false", "untrue", "fake", "fabricat", "baseless", "debunk")  # fmt: skip
_CLAIM_STEMS = ("claim", "alleg", "purport", "reportedly", "unverified", "unconfirmed", "according", "verified",
                "confirmed")  # fmt: skip


def claim_status(text: str) -> str:
    """reported / claimed / retracted for one sentence's words outside quotations."""
    low = text.lower()
    if any(s in low for s in _RETRACTION_STEMS) and retraction(text):
        return "retracted"
    if any(s in low for s in _CLAIM_STEMS) and _CLAIM.search(text):
        return "claimed"
    return "reported"
