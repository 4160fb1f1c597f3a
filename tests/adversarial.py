"""Crafted inputs that once made extraction slower than linear (issue 15), by family.

Each family maps a repeat count to a line (or a run of lines); doubling the count doubles the text.
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
    # round 10-12 rules under attack: a photo credit's end searched over the whole line
    "photo_credits": lambda n: "(AP Photo/Aa " * n,
    "photo_credits_under_image": lambda n: "![a](b.jpg)\n" + "(AP Photo/Aa " * n,
    "agency_spaces_under_image": lambda n: "![a](b.jpg)\nHoms /AFP" + " " * (8 * n) + ")x",
    # a transcript's first "Q:" looked for from each of a run of blank lines
    "blank_lines": lambda n: "Dec. 11, 2024\n" + "\n" * (8 * n) + "x",
    # round 14 rules: names between commas in lists of places, rights granted to states, parties dealt with
    "listed_unknowns": lambda n: "flew to Homs, Aab, Bcd and Cde, " * n,
    "granted_to_states": lambda n: "leased the port to Moscow and talks with Aa and Ankara, " * n,
    "indented_blank_lines": lambda n: "By Aa Bb\n" + " \n" * (4 * n) + "x",
    "blank_lines_before_a_transcript": lambda n: "\n" * (8 * n) + "Aa Bb.\nQ: x y\nA: yy zz\n",  # its interviewee
    # linear when added: the new rules' cue words, repeated
    "guillemet_pairs": lambda n: "\u00aba\u00bb " * n,
    "double_quotes_in_guillemets": lambda n: '\u00aba "bb cc dd" ' * n,
    "open_guillemet_lines": lambda n: "\u00ab\n" * (4 * n),
    "bar_lines": lambda n: "|\n" * (4 * n),
    "stamp_bars": lambda n: "09:02 | X (" * n,
    "name_said_lines": lambda n: "Aa Bb said:\n" * n,
    "name_said_colons": lambda n: "Aa Bb said: " * n,
    "question_numbers_without_colon": lambda n: "Q1 Aa\n" * n,
    "chair_lines": lambda n: "Chair:\n" * n,
    "there": lambda n: "there " * n,
    "hyphened_capitals": lambda n: "Aa-" * n,
    "addressees": lambda n: "a message to Ankara as much as to " * n,
    "years_ago": lambda n: "two years ago " * n,
    "asides": lambda n: ", who fled to Moscow on December 8, " * n,
    "date_lines": lambda n: "Dec. 11, 2024\n" * n,
    "analysis_entries": lambda n: "09:02\nAnalysis\n" * n,
    "digest_entries": lambda n: "Aa Bb | 12K subscribers\n" * n,
    # round 13: days counted from the text's own days, ordinals, numbers, possessive weekdays, agency stamps
    "later_clauses": lambda n: "Troops left Homs on Monday" + " and the next day" * n + ".",
    "dated_and_clauses": lambda n: "Troops left Homs on Monday" + " and on Dec. 9" * n + ".",
    "ordinals": lambda n: "on the 10th and " * n,
    "numeric_days": lambda n: "on 9/12 " * n,
    "possessive_weekdays": lambda n: "Sunday's " * n,
    "agency_stamps": lambda n: "AB (C) \u2013 " * n,
    "same_nights": lambda n: "Troops left Homs on Monday.\nThat same night, jets struck Hama.\n" * n,
    # round 11b: quotes across sentences and paragraphs
    "particle_labels": lambda n: "Van der Aa: x y\nNRC: z?\n" * n,
    "course_of_speech": lambda n: '"a b c d," he went on, ' * n,
    "what_called": lambda n: 'what she called a "b c" ' * n,
    "curly_quotes_in_guillemets": lambda n: "\u00ab He said: \u201ca b c d\u201d " * n,
    "described_in_an_answer": lambda n: "NRC: x?\nAa: I asked " + "a Russian captain " * n + '"x y z w"\nNRC: y?\n',
    "manner_colons": lambda n: "the sheikh was blunt: " * n + '"x y z w"',
    "kin_asides": lambda n: "His cousin, Aa, " * n + '"x y z w"',
    "pronoun_asides": lambda n: "Moscow, he added, " * n + 'was "x y z"',
    "bold_questions": lambda n: "An interview with Aa Bb\n" + "**x?**\ny z\n" * n,
    "bold_openers_without_close": lambda n: "interview\n**" + "a?" * (4 * n) + "\n**b?**\n",
    # round 13 place rules under attack: long names, sites "of" a name, areas, clauses, appositives
    "article_name_chains": lambda n: "the village of Aa " + "al-Bb " * (4 * n) + "x",
    "sites_of_names": lambda n: "the Temple of Aa " + "Bb " * (4 * n) + "x",
    "named_areas": lambda n: "the Aa-" * (2 * n) + "Bb area",
    "as_clauses": lambda n: ", as rebels closed on Homs" * n,
    "seat_openings": lambda n: "In Erbil, the " + "aa " * (8 * n) + "ministry said",
    "visited_sites": lambda n: "visited " + "Aa " * (4 * n) + "University",
    # round 11a's speaker forms, their cue words repeated
    "titled_role_openings": lambda n: "The Aa of Bb and Cc, Dd Ee, " * n,
    "role_name_of": lambda n: "analyst Dr. Aa Bb of a Cc " * n + 'said "a b c d"',
    "described_sources": lambda n: "A source close to the " * n + "ministry, was blunt.",
    "one_of_the": lambda n: "One of the " * n + "soldiers, spoke.",
    "rubric_labels": lambda n: "Aa \u2014 Capt. (ret.) Bb Cc, " * n + ":\n\"a b c d\"",
    "quoted_names": lambda n: 'the channel known as "Aa Bb" ' * n + "said",
    "narrator_met": lambda n: "I asked a Russian " * n + 'captain. "a b c d," he said.',
    "its_advice": lambda n: "Aa has repeated its advice that " * n + '"a b c d"',
    # session 8: a verbatim record's labels and a chronicle's titled days, their cue words repeated
    "verbatim_labels": lambda n: "Aa Bb (Cc). \u2013 x.\n" * n,
    "verbatim_offices": lambda n: "Aa Bb, " + "on behalf of the " * n + "group. \u2013 x",
    "verbatim_brackets": lambda n: "Aa Bb " + "(Cc) " * n + "\u2013 x",
    "titled_days": lambda n: "26 November - attack on Aleppo\n" * n,
    "last_nights": lambda n: "last night " * n,
    "timeline_entries": lambda n: "December 8, 2024: Rebels take Homs.\nAa bb cc.\n" * n,
    "possessive_weekdays_inside": lambda n: "during Monday's " * n,
    "countries_as_land": lambda n: "left Aa for Syria and Jordan, " * n,
    # round 14 (real text): a participle's subject after "with", a relative clause's object first, glued sentences
    "with_subjects": lambda n: "with Aa Bb Cc " * n + 'calling it a "b c"',
    "whose_objects": lambda n: "whose plan the Aa Bb " * n + 'has called a "b c"',
    "glued_sentences": lambda n: "said.Later on " * n + '"a b" said.\u201cBb',
    "declined_to_comment": lambda n: "Aa Bb declined to comment on " * n + 'reports that Cc asked "a b c d"',
    "apostrophe_marks": lambda n: 'Moscow"s ' * n + '"a b c d"',
    "titled_names": lambda n: "Aa Bb President " * n + "Cc. The Aa president said, he said \"a b c d\"",
    "dash_asides": lambda n: "a representative of the navy \u2014 who " + "aa " * (8 * n) + 'said "a b c d"',
    "titles_after_names": lambda n: "Aa " * n + 'Bb Press Secretary said "a b c d"',
    "according_at_ends": lambda n: '"a b" ' + "aa " * (8 * n) + ", according to " + "bb " * 20 + ".",
    "judged_as": lambda n: "hailed the aa as " * n + '"b c"',
    "lost_openers": lambda n: "a b c,\" the paper quoted " * n,
    "trailing_reporters": lambda n: "the council asked, " + "Aa " * (4 * n) + "reported",
    "thread_numbers": lambda n: "1/ " * n + '"a b c d',
    "said_at_ends": lambda n: '"a b c" ' + "aa, " * (4 * n) + "bb " * 8 + "said on Jan. 27.",
    "quoted_as_after": lambda n: '"a b c d," the aa quoted ' + "bb as " * (4 * n) + "x",
    "read_headlines": lambda n: '"a b c d," read a headline on ' + "aa " * (8 * n),
    "single_marks": lambda n: "'a b " * n + "c",
    "single_marks_possessive": lambda n: "\u2018a" + " bs' c" * n + ",\u2019",
    "laments_of": lambda n: '"a b c d," is the lament of ' + "aa " * (8 * n),
    "two_apostrophes": lambda n: "''a b, '' " * n,
    "reversed_marks": lambda n: "\u201da b,\u201c " * n,
    "reported_clauses": lambda n: "Aa said the " + "aa " * (8 * n) + 'if it "b c."',
    # session 8: a name tried from every capital of one long hyphened word, before "'s" and a site's word
    "hyphened_possessive": lambda n: "in " + "Aa-" * n + "Aa's x",
    "hyphened_sites": lambda n: "Aa-" * n + "Aa Mosque",
    # session 9: the shapes of an attribution, each fed a long run it must not rescan
    "manner_after": lambda n: '"a b c d," ' + "Aa " * (4 * n) + "aaed",  # a name and any verb after the comma
    "subject_own_verb": lambda n: "Aa " * (4 * n) + 'aaed the bb "a b c d"',  # a subject with a verb of its own
    "lead_labels": lambda n: "aa " * (4 * n) + 'Aa Bb: "a b c d e f"',  # a label before the words
    "dash_names": lambda n: '"a b c d" \u2014 ' + "Aa " * (4 * n),  # a dash and a name after the words
    "dateline_speakers": lambda n: '"a b c d," said ' + "AA " * (4 * n) + "(Aa) - Bb Cc",  # a dateline in a name
    "wire_datelines": lambda n: "AA (Reuters) - a b c.\n" * n,  # a page of wire stories is no verbatim record
}
