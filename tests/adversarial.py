"""Crafted one-line inputs that once made extraction slower than linear (issue 15), by family.

Each family maps a repeat count to a line; doubling the count doubles the line.
"""

from __future__ import annotations

from collections.abc import Callable

FAMILIES: dict[str, Callable[[int], str]] = {
    # parse_speaker's trailing-circumstance regex backtracked over the run of spaces
    "said_spaces": lambda n: '"We will hold the base until the end," said Aa' + " " * (8 * n) + "Bb",
    # mask_markup's Markdown link regex scanned to the end of the line from every bracket
    "open_brackets": lambda n: "[" * (4 * n),
    "link_openers": lambda n: "[a](" * n,
    # find_dates compared every date with every other
    "dates": lambda n: " ".join(f"Dec. {i % 28 + 1}" for i in range(n)),
    # the retraction cue's ".*" backtracked from every "deleted"
    "deleted": lambda n: "Reuters later deleted the " * (n // 3),
    # sentence splitting searched the whole prefix for an abbreviation
    "short_sentences": lambda n: " ".join(f"Xq{i:07d}." for i in range(n // 2)),
    # more found in review: every sentence compared with every quote
    "quoted_sentences": lambda n: '"Go now." ' * n,
    "capitals_and_spaces": lambda n: "A" + " " * (8 * n) + "-",
    "dateline_capitals": lambda n: "AB " * (3 * n),
    "titles": lambda n: "President " + "Aa " * (3 * n) + "said",
    "according": lambda n: "according to " * n,
    "place_candidates": lambda n: "in Aleppo " * n,
    "speech_verbs": lambda n: '"a b c d" said ' * n,
    "markdown_image": lambda n: "![" + "x" * (8 * n),
    "denied_spaces": lambda n: "deleted" + " " * (8 * n) + "x",
    "unclosed_quote": lambda n: '"' + "word " * (2 * n),
    "wishes_and_places": lambda n: "called for peace in Homs, Hama and Idlib, " * n,  # cues times places
    "relative_clauses": lambda n: 'Ab Cd, a man who calls himself "Ef" said ' * n,
}
