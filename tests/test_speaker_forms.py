"""Who said it, rounds 7b, 8 and 9: attribution forms three blind held-out sets showed missing, each with a case and a
look-alike.

Sentences written for these tests in the forms of news writing; none come from the seed, the development
corpus or the held-out sets. Expected speakers are what a reader names, worked out by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.extract import Extractor, title_to_role
from dashboard.extraction.quotes import parse_speaker
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

REF = date(2025, 3, 5)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


def who(ex: Extractor, text: str) -> list[str | None]:
    return [q.speaker for q in ex.extract(text, REF).quotes]


# -- a colon after a clause with no verb of speech introduces the quotation ----------------------------


def test_a_colon_sentence_about_someone_gives_them_the_quote_paragraphs_below(ex: Extractor) -> None:
    text = (
        "Foreign Minister Ilse Varga spoke in Vienna on Monday.\n"
        "Yuri Petrov, a columnist who once wrote for a navy paper, put it bluntly in a post on his channel "
        "on 3 March:\n"
        '"We lost the port in a week and nobody has answered for it.\n'
        '"If the port goes, the fleet has nowhere left to go."\n'
    )
    assert who(ex, text) == ["Yuri Petrov", "Yuri Petrov"]  # not the minister named before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Marta Kowal opened her remarks with a warning: "The winter will be longer than anyone here expects."',
         ["Marta Kowal"]),
        ("Interior Minister Omar Rahal visited the port on Monday.\n"
         "He continued: \u00abWe will not hand the keys to anyone who comes with a fleet.\n"
         "\u00abThe harbour belongs to the fishermen, and it will stay theirs.\u00bb\n"
         "Rahal ended the interview on a note about the harbour: \u00abNext year there will be boats here again.\u00bb",
         ["Omar Rahal"] * 3),
        # look-alike: a colon after a clause about a thing introduces nobody's words
        ('Graffiti had been sprayed across the gate of the depot:\n"Keep out, the roof may fall at any time now."',
         [None]),
    ],
)  # fmt: skip
def test_colon_clauses(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- a question or a topic before the subject ----------------------------------------------------------


def test_the_question_clause_gives_no_speaker_and_he_is_the_person_named_before(ex: Extractor) -> None:
    text = (
        "Defence Minister Petr Hlavac met the envoy on Monday.\n"
        'Asked whether the army would stay in Hama and Homs, he replied: "Nothing has been decided yet."\n'
        'Speaking about Turkey, he said: \u00abOur neighbours have been patient with us for years.\u00bb\n'
        'Pressed on the bases in Latakia, he said, "We will talk about that next month."\n'
    )
    assert who(ex, text) == ["Petr Hlavac"] * 3
    # look-alike: with no one named before, a place in the question is still no speaker
    alone = 'Asked whether the fleet would stay in Tartus and Latakia, he said: "We will decide that with partners."'
    assert who(ex, alone) == [None]


# -- a place or a time before the person a paragraph is about ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('In the old market of Hama, Rami Saleh, 41, a baker, was not impressed. '
         '"Bread costs three times what it did last year," he told us.', ["Rami Saleh"]),
        ("On the night the city fell, Anna Belova, the host of a weekly show, spent four minutes on it. "
         '"Nobody saw this coming, not even the generals," she said on air on March 2.', ["Anna Belova"]),
        # look-alike: a scene with no person in it leaves "he" to the person named before
        ("Mayor Rami Saleh opened the market at dawn.\nIn the old market of Hama, the other bakeries were shut. "
         '"Nobody has flour except those who pay in dollars," he said.', ["Rami Saleh"]),
    ],
)  # fmt: skip
def test_scene_openers(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- the view of someone, and "he" or "she" agreeing with the person ---------------------------------


def test_for_name_gives_the_view_and_the_next_she_to_that_person(ex: Extractor) -> None:
    text = (
        'Colonel Ivan Sokol spoke first at the meeting. "We will hold the line for as long as it takes," he said.\n'
        'For Lea Martin, a researcher at a Lyon institute, the navy "has not lost its port". '
        '"The ships can come back within a year," she told us.\n'
        '"Moscow will still have to pay a price for it," she added.\n'
    )
    assert who(ex, text) == ["Ivan Sokol", "Lea Martin", "Lea Martin", "Lea Martin"]
    # look-alike: "For Moscow," is the writer's view of a state, not someone's words
    assert who(ex, 'For Moscow, the base "is worth more than any ship in the fleet".') == [None]


def test_she_skips_back_past_a_man_to_the_woman_named_before(ex: Extractor) -> None:
    text = (
        'Mayor Anna Lind opened the meeting. "We need water before anything else," she said.\n'
        'Colonel Ivan Sokol spoke next. "The army will bring tanks of water tomorrow," he said.\n'
        '"That is not enough for a city of this size," she replied.\n'
    )
    assert who(ex, text) == ["Anna Lind", "Ivan Sokol", "Anna Lind"]
    # look-alike: "he" after the same man stays with him
    same = ('Colonel Ivan Sokol spoke first. "The army will bring tanks of water tomorrow," he said.\n'
            '"And the day after that, more will come from the depot," he added.\n')  # fmt: skip
    assert who(ex, same) == ["Ivan Sokol", "Ivan Sokol"]


# -- relative clauses and nouns around the subject -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al-Hakim, who flew to Riyadh on 2 May before going on to Doha and Abu Dhabi, praised what he called the "
         '"new chapter of friendship between our peoples".', ["Al-Hakim"]),
        # look-alike: a plural subject cannot be "he"; he is the person named before
        ('Colonel Ivan Sokol addressed the crowd on Monday. Protesters mocked what he called "a new chapter of '
         'friendship between our peoples".', ["Ivan Sokol"]),
        ('On 3 May, the council cancelled the lease of the grain terminal, a step a Jordanian border official '
         'described to us as "the last straw for the traders here".', ["Jordanian border official"]),
    ],
)  # fmt: skip
def test_relative_clauses_and_nouns_before_the_subject(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_a_noun_before_an_unnamed_speaker_is_cut_but_a_preposition_is_not() -> None:
    assert parse_speaker("a step a Jordanian border official") == ("Jordanian border official", None)
    assert parse_speaker("a spokesman for a Jordanian border post") == ("spokesman for a Jordanian border post", None)


# -- unnamed speakers with long descriptions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A former guard with the Eastern Corps, the army's successor to the old militia, said the camp was now "
         '"our only home and our only job". "Everything we had is gone now," he told us by phone.',
         ["former guard with the Eastern Corps"] * 2),
        ("In Misrata, an official in the northern-based administration of General Omar Zayed denied the report. "
         '"Our guests are welcome, as they have always been," the official said.',
         ["official in the northern-based administration of General Omar Zayed"]),
        # look-alikes: an appositive that names the person, and a title before a name after "to"
        ('A fisherman, Youssef Karam, said the harbour "has been empty since the winter storms began".',
         ["Youssef Karam"]),
        ('Ambassador to Jordan Lina Haddad said the crossing "will reopen before the end of the month".',
         ["Lina Haddad"]),
    ],
)  # fmt: skip
def test_unnamed_speakers_described_at_length(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- "as X put it", kickers, parties in brackets, a dash after the quote -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Trade talks resumed in March. As one Turkish diplomat put it to me in March, "We came to listen, and we '
         'heard a great deal."', ["one Turkish diplomat"]),
        # look-alike: a proverb puts nothing
        ('As the old proverb puts it, "a house divided against itself cannot stand for long."', [None]),
        ('THE TURKISH ANGLE: A senior Turkish official tells Playbook that Ankara "will not block a deal on the '
         'grain corridor".', ["senior Turkish official"]),
        ('MEP Anna Berg (Greens) wrote on X on Sunday that the union should "not pay one more euro to the junta".',
         ["Anna Berg"]),
        ('Foreign Minister Jan Novak (Slovakia) said the union "must speak with one voice on the bases".',
         ["Jan Novak"]),
        # look-alike: an acronym in brackets after a body is its short name
        ('The Baltic Trade Institute (BTI) said exports "fell by a third in the first quarter of the year".',
         ["BTI"]),
        ('SAID WHAT? "Nobody in this building expects a thank-you card from them." \u2014 A Commission official, '
         "asked by Playbook whether the talks would go on.", ["Commission official"]),
    ],
)  # fmt: skip
def test_put_it_kickers_and_brackets(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- "the host" and the person the paragraph is about; an inverted "said NAME" ---------------------------


def test_the_host_is_the_person_the_paragraph_is_about(ex: Extractor) -> None:
    text = (
        "Dmitry Volk, the host of a weekly show, spoke on Sunday.\n"
        'On Monday, Pavel Orlov was angrier. "Who told the president that the army was ready to fight?" the host '
        "said on his show.\n"
    )
    assert who(ex, text) == ["Pavel Orlov"]
    # look-alike: with nobody else in the paragraph, the host is the one named as host
    alone = ('Dmitry Volk, the host of a weekly show, spoke on Sunday. "We were promised a quick war and got a long '
             'one," the host said.')  # fmt: skip
    assert who(ex, alone) == ["Dmitry Volk"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Such anger has limits, said Eva Novak, a researcher at the Brno institute who studies state television. "
         '"The hosts may shout at generals but never at the president," she told us.', ["Eva Novak"]),
        # look-alike: "NAME, ROLE, said the talks had stalled" is the usual order, what was said follows
        ('Tomas Holm, the envoy, said the talks had stalled. "We cannot wait another month," he said.',
         ["Tomas Holm"]),
    ],
)  # fmt: skip
def test_an_inverted_said_name_after_a_clause(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- a body reporting a leader's words; a second verb of the same subject -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The presidency said in a statement that al-Hakim had told the delegation that ties must "address past '
         'mistakes of the old regime" and respect "the will of the people of Syria".', ["al-Hakim", "al-Hakim"]),
        # look-alike: the statement reports no one else: the body's own words
        ('The presidency said in a statement that the talks had ended with "a shared plan for the ports of the '
         'coast".', ["presidency"]),
        ("The Syrian Network for Human Rights, a London-based monitor, said the attack took place in the village of "
         'Tell Abyad and called it "the heaviest blow to the new government so far".',
         ["Syrian Network for Human Rights"]),
    ],
)  # fmt: skip
def test_a_statement_reporting_a_leader_and_a_second_verb(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- interview turns in mixed case, and the quotations inside an answer -----------------------------------

INTERVIEW = (
    "Energy analyst Petra Lindqvist tells Radio Nord why the pipeline matters.\n"
    "\n"
    "Radio Nord: Has the pipeline been closed for good?\n"
    "\n"
    "Petra Lindqvist: Not for good. The valves are shut, but nobody has cut the pipe, and it can reopen in a week.\n"
    "\n"
    "Radio Nord: What does the ministry say?\n"
    "\n"
    'Lindqvist: Very little. The minister keeps saying the matter is "under review by the experts." '
    'A Danish engineer told me in May, "We could restart it on a Monday morning if asked." I believe him.\n'
    "\n"
    "Radio Nord: And the price of gas?\n"
    "\n"
    "Lindqvist: It will go up before it comes down.\n"
)


def test_an_interviewee_named_in_full_then_by_surname_answers_every_turn(ex: Extractor) -> None:
    quotes = ex.extract(INTERVIEW, REF).quotes
    answers = [(q.text[:12], q.speaker) for q in quotes if q.speaker == "Petra Lindqvist"]
    assert answers == [("Not for good", "Petra Lindqvist"), ("Very little.", "Petra Lindqvist"),
                       ("It will go u", "Petra Lindqvist")]  # fmt: skip
    # the interviewer's questions are no quotes
    assert not any(q.text.startswith(("Has the pipeline", "What does", "And the price")) for q in quotes)


def test_a_quotation_inside_an_answer_belongs_to_whom_the_answer_attributes_it(ex: Extractor) -> None:
    quotes = {q.text: q.speaker for q in ex.extract(INTERVIEW, REF).quotes}
    assert quotes["We could restart it on a Monday morning if asked."] == "Danish engineer"
    assert quotes["under review by the experts."] == "minister"
    # look-alike: one labelled line is no interview; its words are no quote
    one = "Petra Lindqvist: Not for good. The valves are shut, but nobody has cut the pipe.\n"
    assert ex.extract(one, REF).quotes == []


# -- a quotation inside a quotation ----------------------------------------------------------------------


def test_single_quoted_words_with_their_own_verb_are_a_quote_of_their_own(ex: Extractor) -> None:
    text = (
        "Presidential spokesman Oleg Varin spoke on Monday.\n"
        "Another channel, Zapiski Frontovika, mocked the line: \"Varin says 'the port is a matter for talks with "
        "partners.' Talks with whom? With the men we bombed?\"\n"
    )
    quotes = [(q.text[:20], q.speaker) for q in ex.extract(text, REF).quotes]
    assert quotes == [("Varin says 'the port", "Zapiski Frontovika"), ("the port is a matter", "Oleg Varin")]
    # look-alike: scare quotes inside a quotation, with no verb of their own, are the outer speaker's words
    scare = ("Another channel mocked the line: \"The 'special operation' is over, and nobody told the men in the "
             'trenches about it at all."')  # fmt: skip
    assert [(q.text[:8], q.speaker) for q in ex.extract(scare, REF).quotes] == [("The 'spe", "Another channel")]


# -- a speaker named with a short quote, an appositive of place, "what she told" --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A former guard with the Eastern Corps, the successor to the old militia, said the camp was now "home". '
         '"Everything we had is gone now," he told us by phone.', ["former guard with the Eastern Corps"]),
        ('Another envoy, from the Nordic camp, countered that "if we do not ask now, we never will get it."',
         ["Another envoy"]),
        ("EU LINE: High Representative Kaja Lind is expected to repeat what she told reporters on Sunday. "
         '"Russia has to leave," she said.', ["Kaja Lind"]),
        # look-alike: with nobody named, "what she told" gives no one to "she"
        ('Officials are expected to repeat what she told reporters on Sunday. "Russia has to leave," she said.',
         [None]),
    ],
)  # fmt: skip
def test_short_quotes_place_appositives_and_what_she_told(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text)[-1:] == expected  # the quote after the sentence that names its speaker


# == round 8: forms a fourth blind held-out set showed missing ==============================================


# -- a short sentence about a person named before, then a quote with "he" ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When Pavel Orlov, Russia's deputy trade minister, landed in Tunis on Tuesday, he became the first envoy "
         "to visit.\n"
         '"Tunis will get a quick deal," said Foreign Minister Omar Varga.\n'
         'Orlov was more cautious. "We will see what the next round brings," he told reporters, adding that '
         "nothing was settled.",
         ["Omar Varga", "Pavel Orlov"]),  # not the minister quoted just before
        # look-alike: a place opening the sentence is no person; "he" stays the minister named before
        ("Deputy Trade Minister Ilse Varga met the envoys on Monday.\n"
         'Tunis was more cautious. "We will see what the next round brings," she told reporters.',
         ["Ilse Varga"]),
    ],
)  # fmt: skip
def test_a_surname_opening_a_sentence_is_the_next_pronoun(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- verbs of stating other than "said" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('At the forum, Karim Nassar affirmed that "the new council answers to every town in the valley."',
         ["Karim Nassar"]),
        ('Minister Tomas Holm underlined that "the harbour stays open to every ship that pays its dues."',
         ["Tomas Holm"]),
        ('The economist Dana Rossi considered the new tariff "a signal more than a real policy".', ["Dana Rossi"]),
        ('The envoy Anna Berg deemed the offer "premature and risky for everyone at the table".', ["Anna Berg"]),
        # look-alike: "considered" in the passive has no speaker
        ('The new tariff was considered "a signal more than a real policy" in the capital.', [None]),
    ],
)  # fmt: skip
def test_verbs_of_stating(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- "said ROLE NAME" with no article ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We fed four hundred families this week," said head of the relief office Samir Daher.', ["Samir Daher"]),
        ('"The road to the coast is open again," said governor of the district Nadia Faris.', ["Nadia Faris"]),
        # look-alike: a role with no name after it names no fragment of the place
        ('"Prices have doubled since the summer," said former residents of the old quarter.', [None]),
    ],
)  # fmt: skip
def test_said_role_then_name_without_article(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- "according to X, who told ..." --------------------------------------------------------------------------


def test_according_to_someone_who_told_us(ex: Extractor) -> None:
    text = (
        "The Water Board in Sousse raised its tariffs on Monday, according to the head of the pumping station, "
        'who told us that the money would go "to repairs on the old network".'
    )
    assert who(ex, text) == ["head of the pumping station"]  # not the board named at the head of the sentence


def test_according_to_without_who_keeps_the_sentence_subject(ex: Extractor) -> None:
    text = (
        "The Water Board in Sousse said on Monday, according to the local radio, that the money would go "
        '"to repairs on the old network".'
    )
    assert who(ex, text) == ["Water Board"]  # the body, the place it sits in is not its name


# -- ROLE at ORG, NAME, then "she explained" -------------------------------------------------------------------


def test_role_first_then_name_and_explained(ex: Extractor) -> None:
    text = (
        "A tax lawyer at the Institute for Fiscal Studies in Sfax, Mira Aziz, considered the ruling "
        '"a warning to the importers". "It changes little on the ground," she explained.'
    )
    assert who(ex, text) == ["Mira Aziz", "Mira Aziz"]


# -- "the presidency" is a body, never the president named before -------------------------------------------------


def test_the_presidency_is_not_the_president_named_before(ex: Extractor) -> None:
    text = (
        "President Viktor Lang spoke with Samir Daher by telephone on Tuesday.\n"
        "The presidency said in a statement that the two men discussed \u201cthe future of the border crossings\u201d."
    )
    assert who(ex, text) == ["presidency"]


def test_the_president_still_resolves_by_title(ex: Extractor) -> None:
    text = (
        "President Viktor Lang spoke with reporters in the palace on Tuesday.\n"
        '"The border crossings will stay open through the winter," the president said.'
    )
    assert who(ex, text) == ["Viktor Lang"]


# -- an unnamed person described at length, then "he wrote" --------------------------------------------------------


def test_a_described_person_is_cited_by_the_head_and_is_the_next_he(ex: Extractor) -> None:
    text = (
        "A Turkish military analyst with close ties to the general staff wrote on Telegram that the crews had been "
        'told to pack. "The next two days will decide everything," he wrote.'
    )
    assert who(ex, text) == ["Turkish military analyst"]


def test_a_source_close_to_the_talks_stays_unnamed(ex: Extractor) -> None:
    text = (
        "A source close to the talks between the two delegations in the capital said that \u00abno deal is "
        "near\u00bb."
    )
    assert who(ex, text) == [None]


# -- "his public remarks" is a noun, not a verb of speech ---------------------------------------------------------


def test_remarks_after_a_possessive_is_a_noun(ex: Extractor) -> None:
    text = (
        "Abu Karim al-Tayeb, the leader of Liwa al-Nasr al-Jadid, spoke at the old mosque in his first public "
        'remarks. "This is a day for all of us," he said in remarks carried by the group\'s channels.'
    )
    assert who(ex, text) == ["Abu Karim al-Tayeb"]


def test_remarks_after_a_speaker_is_still_a_verb(ex: Extractor) -> None:
    text = 'The ministry spokesman remarks that "the talks were useful for both sides in the end".'
    assert who(ex, text) == ["ministry spokesman"]


def test_a_verb_in_ss_after_the_is_still_a_verb(ex: Extractor) -> None:
    text = 'Parents of the disappeared express their "fear and fatigue" at the slow searches.'
    # "the disappeared express": a verb, so the three words are what they expressed, not a term
    assert [q.text for q in ex.extract(text, REF).quotes] == ["fear and fatigue"]


# == round 9: forms a fifth blind held-out set showed missing ===============================================


def texts(ex: Extractor, text: str) -> list[str]:
    return [q.text for q in ex.extract(text, REF).quotes]


# -- a circumstance before the subject, with no comma -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Ruth Calder toured the camp on Friday.\n"
         'In a radio interview on Sunday she called the border "a wound that the whole region can feel".',
         ["Ruth Calder"]),
        ('In Deir ez-Zor a baker said: "We bake at night now, when the shelling stops."', ["baker"]),
        ('At a press conference in Amman the foreign minister said his country would "keep the crossing open for '
         'aid".', ["foreign minister"]),
        ('In an interview with Radio Nord Petra Lindqvist said the pipeline would be "back in service by the '
         'spring".', ["Petra Lindqvist"]),
        ('Speaking to reporters in Oslo the mediator warned that "the window for a deal is closing fast".',
         ["mediator"]),
        ('Later in the day the ministry said the strikes had been "aimed only at military targets".', ["ministry"]),
        ('During the night the army said the road was "open to civilian traffic from Monday morning".', ["army"]),
        # look-alike: the place in the opener is not part of the name, here or when the surname comes back
        ('In Hama Omar Sayegh said the bread queues were "longer than at any time this winter".\n'
         'In Homs Sayegh said the queues were "shorter, but only because the bakeries closed".',
         ["Omar Sayegh", "Omar Sayegh"]),
        ('In Ankara Nazim said the border would stay "closed to every armed group on the other side". Foreign '
         "Minister Leyla Nazim had met the envoy a day earlier.", ["Leyla Nazim"]),  # not "Ankara Nazim"
        ('During his visit to Ankara Haddad said the talks had been "frank and useful for both sides".', ["Haddad"]),
        ('At the UN Security Council Nebenko said his country would "respect the choice of the Syrian people".',
         ["Nebenko"]),
        ('On Telegram Zolotov wrote that the convoy had "reached the coast without any losses".', ["Zolotov"]),
        ('Speaking to Interfax Nazim said the border would stay "closed to every armed group". Leyla Nazim, the '
         "foreign minister, had met the envoy a day earlier.", ["Leyla Nazim"]),  # not "Interfax Nazim"
        # look-alike: a first name after a preposition that is no place stays the person's
        ('Talks with Omar Haddad went on all night. "We are close to a deal," Haddad said.', ["Omar Haddad"]),
    ],
)  # fmt: skip
def test_a_circumstance_opener_is_not_the_speaker(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- "THING, says SPEAKER, "..."": the speaker is after the verb, never the thing before it -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The ferry Blue Horizon, says a harbour pilot in Mersin, "has not left the bay since the storm began".',
         ["harbour pilot in Mersin"]),
        ('The fuel tax, says a customs officer, "goes straight to the new treasury in the capital".',
         ["customs officer"]),
        ('The grain deal, said Trade Minister Lina Saab, "will feed the coast through the whole winter".',
         ["Lina Saab"]),
        ('The harbour fees, in the words of one port clerk, "go straight into the new treasury account".',
         ["one port clerk"]),
        ('The harbour fees, as one port clerk put it, "go straight into the new treasury account".',
         ["one port clerk"]),
        ("Moscow's calculation, argues Hanna Lind of the Nordic Policy Centre, \"is that patience costs less than "
         'leaving".', ["Hanna Lind"]),
        ("The port's new managers, a shipping agent in Beirut reckons, \"have no idea how to run a container "
         'terminal".', ["shipping agent in Beirut"]),
        ('Such talk, retorts a Syrian minister, "is for people who did not live through the bombing".',
         ["Syrian minister"]),
        # look-alikes: a saying puts it, nobody says it; a bank "of Syria" is one name
        ('"Rates will stay high for the whole of next year," said the Central Bank of Syria.',
         ["Central Bank of Syria"]),
        ('As the old saying puts it, "the sea gives and the sea takes away from all of us".', [None]),
        # look-alikes: the speaker before the verb, or after the quote; the ship is still no speaker
        ('The ferry Blue Horizon, a harbour pilot says, "has not left the bay since the storm began".',
         ["harbour pilot"]),
        ('The ferry Blue Horizon has been "waiting off the coast for a week now", a harbour pilot said.',
         ["harbour pilot"]),
    ],
)  # fmt: skip
def test_an_inverted_says_before_the_quote(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- a Russian full name with its patronymic --------------------------------------------------------------------


def test_a_patronymic_name_is_the_whole_name_and_the_surname_refers_back_to_it(ex: Extractor) -> None:
    text = (
        "The panel included the naval historian Irina Pavlovna Sokolova and the analyst Karim Haddad.\n"
        '"The fleet has nowhere left to go in the Mediterranean," Sokolova said.'
    )
    assert who(ex, text) == ["Irina Pavlovna Sokolova"]


def test_a_surname_in_ovich_after_a_given_name_stays_two_words(ex: Extractor) -> None:
    text = (
        "The talks were chaired by the Serbian envoy Dragan Markovich and the Finnish envoy Aino Virtanen.\n"
        '"We are here to listen before we speak," Markovich said.'
    )
    assert who(ex, text) == ["Dragan Markovich"]  # "Markovich" is his surname, not a patronymic


# -- a person described, then named; "who asked to be identified only as" ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A shopkeeper in Baniyas, who asked to be identified only as Abu Rami, said the shelves had been empty for "
         'days.\n"We sell what the trucks bring, and the trucks do not come," he said.', ["Abu Rami"]),
        ('A nurse at the Al-Razi hospital, Hana Saleh, said: "We have run out of insulin twice this month."',
         ["Hana Saleh"]),
        ('"The boats stay in the harbour until the fuel comes," said a fisherman named Yusuf.', ["Yusuf"]),
        ('A resident who would only give her name as Rima said: "We sleep in our clothes now, just in case."',
         ["Rima"]),
        ("Interior Minister Omar Rahal said on Monday that the curfew would end.\n"
         "In Jableh, a fishing town on the coast, an old carpenter named Fadi was less hopeful. "
         '"Curfews end and then they start again," he said.', ["Fadi"]),  # not the minister named before
        # look-alikes: someone who asked not to be named stays unnamed; a boat called Nour is not the next "he"
        ('A doctor who asked not to be named told reporters that "the morgue is full for the first time".',
         ["doctor"]),
        ('"The morgue is full for the first time," a doctor who asked not to be named because he was not allowed to '
         "speak to the press told reporters.", ["doctor"]),
        ('A teacher in Hama, who asked that her name not be used, said the school would stay "closed until the new '
         'council decides".', ["teacher in Hama"]),  # a request about her name is no words of hers
        ('One former diplomat, who asked not to be named, was more cutting. "Nobody will go begging for a harbour," '
         "he said.", ["One former diplomat"]),  # "one" is how the reader cites him
        ("Interior Minister Omar Rahal visited Jableh on Monday.\n"
         'In Jableh, a fishing boat called Nour was the first to sail. "The sea is ours again," he said.',
         ["Omar Rahal"]),
    ],
)  # fmt: skip
def test_described_then_named(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_the_role_of_a_person_described_then_named() -> None:
    nurse = parse_speaker("A nurse at the Al-Razi hospital, Hana Saleh,")
    assert nurse == ("Hana Saleh", "nurse at the Al-Razi hospital")
    assert parse_speaker("an old carpenter named Fadi") == ("Fadi", "old carpenter")
    assert parse_speaker("A resident who would only give her name as Rima") == ("Rima", "resident")
    assert parse_speaker("Karim Nassar of the Commercial Bank of Syria") == ("Karim Nassar", "Commercial Bank of Syria")
    assert parse_speaker("Commercial Bank of Syria") == ("Commercial Bank of Syria", None)  # a bank, no person
    assert parse_speaker("a group called Liwa al-Fath") != ("Liwa al-Fath", "group")  # a group is not a person named


# -- a channel's name with its translation in brackets ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The channel Zolotoy Orel (\u201cGolden Eagle\u201d), which has half a million readers, wrote: \u00abThe "
         "navy was told nothing until the last hour.\u00bb", ["Zolotoy Orel"]),
        ('The blog Tikhiy Dom (Quiet House) posted on Friday: "Everyone in the unit knew the base was finished."',
         ["Tikhiy Dom"]),
        # look-alike: an acronym in brackets is the body's short name
        ('The Syrian Network for Human Rights (SNHR) said: "At least forty people were killed in the strike."',
         ["SNHR"]),
    ],
)  # fmt: skip
def test_a_gloss_in_brackets_is_not_the_name(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- "the Presidency" capitalised is still the body ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Viktor Lang spoke with the envoy on Tuesday.\n"
         'The Presidency said the talks had covered "the return of refugees and the reopening of the border".',
         ["Presidency"]),
        ("President Viktor Lang spoke with the envoy on Tuesday.\n"
         '"The border will open again next week," the Presidency said.', ["Presidency"]),
        ('The Syrian Presidency said in a statement that "both sides agreed to keep talking through the winter".',
         ["Syrian Presidency"]),
        # look-alike: "the President" is the president
        ("President Viktor Lang spoke with the envoy on Tuesday.\n"
         '"The border will open again next week," the President said.', ["Viktor Lang"]),
    ],
)  # fmt: skip
def test_a_capitalised_presidency_is_a_body(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- meeting records: the representative named, a briefer in capitals, the country is no speaker ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Karl Weber (Germany) said the Council must "not look away from the camps in the north-east".',
         ["Karl Weber"]),
        ('Hiba Zayat (T\u00fcrkiye) said her country would "stand by the Syrian people for as long as needed".',
         ["Hiba Zayat"]),
        ('The representative of Norway, Kari Holm, said her country would fund "the first six months of the mine '
         'clearance". She added: "We cannot wait for a perfect peace."', ["Kari Holm", "Kari Holm"]),
        ('AMAL NASSER, a civil society briefer speaking from Beirut, Lebanon, said that families had been "waiting '
         'for news for ten years". She urged members to open "every prison to inspectors".',
         ["Amal Nasser", "Amal Nasser"]),
        # look-alikes: a representative with no name is the representative; a person's name after a place is no
        # country
        ('The representative of Norway said her country would fund "the first six months of the mine clearance".',
         ["representative of Norway"]),
        ('In a post on X, a teacher in Homs, Rana Idlibi, wrote: "For the first time I signed my own name."',
         ["Rana Idlibi"]),
    ],
)  # fmt: skip
def test_meeting_records(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_a_briefer_in_capitals_keeps_the_role_without_where_she_spoke_from() -> None:
    assert parse_speaker("AMAL NASSER, a civil society briefer speaking from Beirut, Lebanon,") == (
        "Amal Nasser", "civil society briefer")


# -- a person named in a sentence whose only quote marks hold a title, or with a possessive role ----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Karim Yassin, who led the "Northern Shield" brigade in the war, has been named army chief.\n'
         '"It is time to rebuild what was broken," he said.', ["Karim Yassin"]),
        ("Olga Hartmann, Germany's development minister, has tried to sound calm. At a briefing in Berlin on Monday "
         'she said the aid was "not a gift but an obligation".', ["Olga Hartmann"]),
        ("The debt talks, led for Syria by Samir Daher, went on late into the night. The central bank governor, "
         "Omar Kassem, said reserves were low.\n"
         'Mr Daher has been careful. In an interview he called the debt "a burden that we cannot shrug off".',
         ["Samir Daher"]),
        ("Foreign Minister Pavel Orlov spoke first.\n"
         'And Hadi himself? In a letter from exile he wrote that he had "never sought power for its own sake".',
         ["Hadi"]),
        ("Defence Minister Omar Rahal spoke on Monday.\n"
         'In the port city of Baniyas, fisherman Adel Jaber watched the ships leave. "They never bought our fish," '
         "he said.", ["Adel Jaber"]),
        ("Defence Minister Omar Rahal spoke on Monday.\n"
         'In the old city, historian Lena Kayali showed us the ruins. "This was the market," she said.',
         ["Lena Kayali"]),
        # look-alike: a title in quote marks names no one; "he" stays the minister named before
        ('Nadia Salem, whose brother vanished in 2013, has waited for news ever since. "I just want to know where he '
         'is," she said.', ["Nadia Salem"]),
        ("Defence Minister Omar Rahal spoke on Monday.\n"
         'The "Northern Shield" brigade, which fought in Idlib, has been disbanded. "It served its purpose," he said.',
         ["Omar Rahal"]),
        # look-alike: a lower-case word before capitals that is no one's trade
        ("Defence Minister Omar Rahal spoke on Monday.\n"
         'In the old city, rubble Stones Everywhere covered the road. "This was the market," he said.',
         ["Omar Rahal"]),
    ],
)  # fmt: skip
def test_the_person_before_the_pronoun(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- terms in quote marks inside a noun phrase, and an episode's title -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A source in the defence ministry told the paper that the army had drawn up plans for a "phased '
         'withdrawal" of the garrison.', []),
        ('The minister said on Friday that Ankara would never accept the "YPG\'s statelet" on its southern border.',
         []),
        ('Night Watch \u2014 Episode 40: "Who holds the coast now?"', []),
        ('Ankara has long demanded a so-called "buffer zone" along the whole border, officials said.', []),
        ('Fighters entered the city at dawn and declared the old quarter "free", ending a siege of four years.', []),
        ('State radio has taken to calling the bases "temporary", a word no general would have used.', []),
        # look-alikes: one word after "was" or "had" is what was said
        ('The deputy minister told the agency the meeting was "useful."', ["useful."]),
        ('The army said on Monday that it had "neutralised" 14 fighters near the border.', ["neutralised"]),
        # look-alikes: a short quote after "the" or after a verb is still the words said
        ('The deputy minister told reporters that the "constructive talks" with Damascus would go on.',
         ["constructive talks"]),
        ('She asked Washington for "firm guarantees" that the border would hold.', ["firm guarantees"]),
        ('In the last episode the host put it simply: "Nobody holds the coast any more."',
         ["Nobody holds the coast any more."]),
    ],
)  # fmt: skip
def test_terms_and_episode_titles(ex: Extractor, text: str, expected: list) -> None:
    assert texts(ex, text) == expected


# -- a quotation inside a transcript answer, of someone the answer described without "who" ----------------------


def test_a_person_the_answerer_met_is_the_he_of_the_quote_inside_the_answer(ex: Extractor) -> None:
    text = (
        "RADIO: Could the fleet move to Libya?\n"
        "SALEH: Partly. A Russian naval officer I interviewed years ago put it very simply. He said, \"Tobruk will "
        'never be what Tartus was for us." That has not changed.\n'
        "RADIO: And the new government?\n"
        "SALEH: They are in no hurry at all.\n"
    )
    assert who(ex, text) == ["Saleh", "Russian naval officer", "Saleh"]


def test_a_clause_after_a_name_is_not_cut_as_if_it_described_a_contact() -> None:
    # look-alike: a named person and a pronoun after the verb; the cut applies only to an unnamed person
    assert parse_speaker("Olga Petrenko, whom we met in Kharkiv")[0] == "Olga Petrenko"


# -- "the statement said" after "according to a statement by BODY" ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Anna Lind spoke with the Syrian leader on Sunday, according to a statement by the Finnish "
         "Communications Directorate.\n"
         'Lind told him that Finland would keep funding "the clearing of mines in the north," the statement said.',
         ["Finnish Communications Directorate"]),
        # look-alike: people named after it are not "the statement"
        ("President Anna Lind spoke with the Syrian leader on Sunday, according to a statement by the Finnish "
         "Communications Directorate.\nThe Syrian envoy, Omar Hadi, thanked the president in person.\n"
         'Lind promised "the clearing of mines in the north," the statement said.',
         ["Finnish Communications Directorate"]),
    ],
)  # fmt: skip
def test_the_statement_is_the_body_that_issued_it(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The ministry\'s statement, carried by the state agency SANA, said the decision was "final and irreversible".',
         ["ministry"]),
        # look-alike: the ministry's spokesman is a person with a name
        ('The ministry\'s spokesman, Omar Hadi, said the decision was "final and irreversible".', ["Omar Hadi"]),
    ],
)  # fmt: skip
def test_a_bodys_statement_is_the_body(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A statement from the group said its fighters had "no intention of attacking the airport".', ["group"]),
        ('Quoting a senior officer, the agency said the ships had "left port in good order".', ["senior officer"]),
        ('Quoting Reuters, the agency said the ships had "left port in good order and on time".', ["Reuters"]),
        ('"Nobody will leave," the commander, who goes by the nom de guerre Abu Ali, told us.', ["Abu Ali"]),
        # look-alike: citing its own sources, the agency speaks for itself
        ('Citing its own sources, the agency said the ships had "left port in good order".', ["agency"]),
    ],
)  # fmt: skip
def test_statements_from_quoting_citing_and_noms_de_guerre(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_an_honorific_and_a_surname_opening_an_appositive_is_the_person_named_before(ex: Extractor) -> None:
    text = (
        "Syrian leader Omar Hadi met the Turkish envoy in Damascus, according to the state news agency.\n"
        "Mr Hadi, a former rebel commander, is no newcomer to diplomacy. Speaking in Damascus on Thursday, he "
        'promised that the new state would "belong to all Syrians".'
    )
    assert who(ex, text) == ["Omar Hadi"]


# -- forms the read sets held once, each with its look-alike ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question put to someone, "reports" after "about" is a noun
        ("Kremlin aide Yuri Ushakov spoke to reporters on Tuesday.\n"
         'At the same briefing, Ushakov was asked about reports that the ships had sailed. "The fleet is where it '
         'should be," he said.', ["Yuri Ushakov"]),
        # "the diplomat" for an envoy named by his titles
        ("Deputy Foreign Minister and Special Envoy for Africa Pavel Orlov told the agency the embassy was open.\n"
         '"The ambassador is in place and working," the diplomat said.', ["Pavel Orlov"]),
        # "based in" and "serving at" describe where an unnamed speaker is
        ('A European diplomat based in Beirut said: "Nobody says it publicly, but it is on the table."',
         ["European diplomat"]),
        ("The wife of a soldier serving at the base, who asked that her name not be used, told the paper her husband "
         'had not called. "They tell us nothing at all," she said.', ["wife of a soldier"]),
        # one subject, two verbs
        ('The general staff calls the rebels "terrorists" and promises to "restore order".', ["general staff"]),
        # a chronicle's present tense and an appositive name before the colon
        ("Ukraine's foreign minister, Andrii Koval, visits Damascus, taking a swipe at Moscow in a post: "
         '"They sent bombs, we will send bread."', ["Andrii Koval"]),
        # look-alike: "The statement reads:" with no body named before it has no speaker
        ('The statement reads: "The federation is ready to work with all political forces."', [None]),
    ],
)  # fmt: skip
def test_forms_the_read_sets_held(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- a recording played in a programme: "[CLIP] NAME:" is that person's words, even once ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HOST: Welcome back. With me is the analyst Omar Haddad.\n"
         "[CLIP, ARCHIVE] MERKEL: We will manage this, and we will do it together.\n"
         "HADDAD: That line has aged badly. Nobody says it any more.\n"
         "HADDAD: And nobody in Berlin would say it today.\n",
         ["Merkel", "Omar Haddad", "Omar Haddad"]),
        # look-alike: the same label once, with no cue, is no answer of a transcript
        ("HOST: Welcome back. With me is the analyst Omar Haddad.\n"
         "MERKEL: We will manage this, and we will do it together.\n"
         "HADDAD: That line has aged badly. Nobody says it any more.\n"
         "HADDAD: And nobody in Berlin would say it today.\n",
         ["Omar Haddad", "Omar Haddad"]),
    ],
)  # fmt: skip
def test_clip_cues(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- military and academic titles with a full stop ---------------------------------------------------------------


def test_a_titles_full_stop_is_no_end_of_the_speaker(ex: Extractor) -> None:
    text = '"We are ready for whatever comes," said Brig. Gen. Hassan Abboud, the commander of the coastal sector.'
    quotes = ex.extract(text, REF).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Hassan Abboud", "Brig. Gen., commander of the coastal sector")]
    text = '"The wards are full again tonight," said Dr. Lena Kayali of the Red Crescent.'
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == [("Lena Kayali", "Red Crescent")]


def test_a_title_with_a_full_stop_and_the_next_quote_of_the_same_speaker(ex: Extractor) -> None:
    # look-alike: the full stop after the name ends the sentence; the next quotation goes on with the same speaker
    text = '"We leave at dawn," said Col. Omar Said. "Nobody stays behind in the town."'
    assert who(ex, text) == ["Omar Said", "Omar Said"]


# -- a person described and named in a sentence that says nothing, then "he"; a role's relative clause -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"At night the planes shook the windows," said Umm Yasser, a widow who sells vegetables by the harbour.\n'
         "Her neighbour, a retired teacher who gave his name only as Abu Nizar, was less sentimental. "
         '"They came for themselves, not for us," he said.', ["Umm Yasser", "Abu Nizar"]),
        ("Two sources close to the ministry spoke to the paper.\n"
         'The second source was less certain. "It may be a rotation, not a withdrawal," he said.',
         ["second source"]),
        ("Kremlin spokesman Ivan Orlov declined to comment on troop movements, telling journalists that such "
         'questions "should be put to the defence ministry".', ["Ivan Orlov"]),
        # look-alikes: a convoy is no source; an adjective in -ed before the noun is no verb
        ("Kremlin spokesman Ivan Orlov spoke on Monday.\n"
         'The second convoy was smaller. "It may be a rotation, not a withdrawal," he said.', ["Ivan Orlov"]),
        ('The armed forces declined to comment, telling journalists that such questions "should be put to the '
         'government".', ["armed forces"]),
    ],
)  # fmt: skip
def test_described_people_who_say_nothing_yet(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_a_roles_relative_clause_is_not_the_role(ex: Extractor) -> None:
    text = '"At night the planes shook the windows," said Umm Yasser, a widow who sells vegetables by the harbour.'
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == [("Umm Yasser", "widow")]


# -- a body's modifier ("UK-based", "SDF-affiliated") and an appositive of where it stands ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The SDF-affiliated Hawar News Agency reported that the convoy was "heading towards the airport".',
         ["Hawar News Agency"]),
        ('"Our bases are safe and working normally," said the UK-based Syrian Observatory for Human Rights.',
         ["Syrian Observatory for Human Rights"]),
        ("Syrian state media, now under the control of the new authorities, said the curfew would be \"lifted on "
         'Sunday morning".', ["Syrian state media"]),
        # look-alike: a hyphenated name is still the name
        ('"We are not leaving the coast," said Anna Berg-Holm, a senior fellow at the institute.', ["Anna Berg-Holm"]),
    ],
)  # fmt: skip
def test_a_bodys_modifier_and_where_it_stands(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# == round 10: forms the sixth held-out set showed missing ====================================================

# -- a radio transcript: the host's and the correspondent's turns are narration; a soundbite is its speaker's --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MARIA OLSEN, HOST: The minister spoke in Vilnius today. Our reporter Tom Reyes was there. Tom?\n"
         "TOM REYES, BYLINE: Good morning, Maria.\n"
         "REYES: He spoke for an hour, and most of it was about the border. He was careful. Here he is.\n"
         "(SOUNDBITE OF PRESS CONFERENCE)\n"
         "MINISTER PAULIUS VARNAS: (Through interpreter) We will not close the crossing while I hold this office.\n"
         "REYES: He also said the border guards would get, quote, \"every drone they ask for,\" end quote.\n"
         "OLSEN: Thank you, Tom.\n"
         "REYES: You're welcome.\n",
         ["Paulius Varnas", "Paulius Varnas"]),
        # look-alike: a soundbite whose words the transcript does not give is no quote, yet its speaker is the next "he"
        ("TOM REYES, BYLINE: And the other side answered the same day.\n"
         "(SOUNDBITE OF ARCHIVED RECORDING)\n"
         "ANDRIUS KALNAS: (Speaking Lithuanian).\n"
         "REYES: He said the plan was, quote, \"a gift to the smugglers on both sides.\"\n"
         "REYES: That was the last word from the opposition before the vote.\n",
         ["Andrius Kalnas"]),
        # the programme's voices by their job alone narrate too
        ("PRESENTER: The minister spoke in Vilnius today.\n"
         "CORRESPONDENT: He spoke for an hour, and most of it was about the border.\n"
         "CORRESPONDENT: The guards will get new drones, he said, and more of them.\n"
         "(SOUNDBITE OF PRESS CONFERENCE)\n"
         "PAULIUS VARNAS: (Through interpreter) We will not close the crossing while I hold this office.\n",
         ["Paulius Varnas"]),
        # look-alike: a guest labelled without ", BYLINE" answers, each turn a quotation
        ("MARIA OLSEN, HOST: With me is Dana Petrauskas. Dana, is the border calm?\n"
         "DANA PETRAUSKAS: Calm, yes, but nobody in the villages sleeps well any more.\n"
         "OLSEN: Why not?\n"
         "PETRAUSKAS: Because the drones fly over every night and nobody explains them.\n",
         ["Dana Petrauskas", "Dana Petrauskas"]),
    ],
)  # fmt: skip
def test_radio_transcript_turns(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_a_soundbites_title_is_its_role(ex: Extractor) -> None:
    text = "(SOUNDBITE OF SPEECH)\nPRESIDENT ELENA MARIN: (Through interpreter) Our army stays until the talks end.\n"
    quotes = ex.extract(text, REF).quotes
    assert [(q.speaker, q.role, q.text) for q in quotes] == [
        ("Elena Marin", "President", "Our army stays until the talks end.")
    ]


# -- a press release: "NAME said:" and then paragraphs with no quote marks are NAME's words -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Minister announced new funding today.\n"
         "Development Minister Clara Voss said:\n"
         "This winter will be hard for families in the camps, and the money will be there before the snow.\n"
         "We will keep our promise to every partner who keeps theirs.\n"
         "The Minister also confirmed that a team travelled to Amman on Sunday to meet the agencies.\n",
         [("Clara Voss", "This winter will"), ("Clara Voss", "We will keep")]),
        # look-alike: a heading after the colon ends the statement; the notes below it are nobody's words
        ("Development Minister Clara Voss said:\n"
         "Notes to editors\n"
         "The funding was first announced at the donors' conference in Brussels last spring.\n",
         []),
        # look-alike: "We told them" keeps the speaker's first person; "Voss" named in the third person ends it
        ("Envoy Tomas Brandt, who led the delegation, said:\n"
         "Our hosts listened and asked for time. We told them the clock is running for everyone.\n"
         "Brandt will report to the Foreign Affairs Committee on Thursday about the visit.\n",
         [("Tomas Brandt", "Our hosts listened")]),
    ],
)  # fmt: skip
def test_a_releases_paragraphs_without_quote_marks(ex: Extractor, text: str, expected: list) -> None:
    quotes = ex.extract(text, REF).quotes
    assert [(q.speaker, " ".join(q.text.split()[:3])) for q in quotes] == expected


# -- the subject before a relative clause that names someone else; an organisation's role before the name ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Trade Minister Lena Ortiz, who met the EU envoy, Karl Weiss, in Madrid on Friday, said the deal would '
         '"hold for as long as both sides want it."', ["Lena Ortiz"]),
        # look-alike: with no relative clause the appositive is the speaker's own role
        ('The EU envoy, Karl Weiss, said the deal would "hold for as long as both sides want it."', ["Karl Weiss"]),
        ("The Danish Refugee Council's country director for Iraq, Sara Holm, welcomed the funding. "
         '"Our teams can start in the camps next week," she said.', ["Sara Holm"]),
        # look-alike: a title in capitals after the body's possessive is no person; "she" stays who she was
        ("Sara Holm, a nurse, arrived on Monday. The Danish Refugee Council's report, Camps in Winter, was read out. "
         '"Our teams can start in the camps next week," she said.', ["Sara Holm"]),
        ("The ministry's spokesman, Omar Diab, was asked whether a deal had been reached, and he told reporters, "
         '"it is too early to speak of any agreement."', ["Omar Diab"]),
        # look-alike: a pronoun with no person at the head of its sentence stays with the person named before
        ("Omar Diab, the ministry's spokesman, arrived in Amman. The talks ran late, and he told reporters, "
         '"it is too early to speak of any agreement."', ["Omar Diab"]),
    ],
)  # fmt: skip
def test_the_subject_around_other_names(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- a channel digest: each post under "HH:MM | CHANNEL (subscribers)" is the channel's words -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:02 | Severny Veter (\"North Wind\", 120,000 subscribers)\n"
         "\u00abTwo convoys left the airfield at dawn. Nobody saw them go, and nobody explains anything.\u00bb\n"
         "12:12 | Oleg Marin, war correspondent (80,000)\n"
         "\u00abI am writing from the port. The shops are open and the flags on the lampposts are new.\u00bb\n",
         ["Severny Veter", "Oleg Marin"]),
        # look-alike: a live page's headline after the bar is no channel
        ("10:42 | Jets strike the port overnight\n"
         "\u00abWe heard four blasts, then the sirens, then nothing for an hour.\u00bb\n",
         [None]),
        # look-alike: a time and a bar before a sentence is no entry line; its quote has no speaker
        ("09:02 | Two convoys left the airfield at dawn.\n"
         "\u00abWe did not see them go, nobody told us anything about it.\u00bb\n",
         [None]),
        # a message from someone, quoted after a colon, is the sender's
        ("The channel posted a message from a conscript at the airfield: "
         "\u00abWe sleep in the hangars and nobody tells us anything.\u00bb", ["conscript at the airfield"]),
        # look-alike: a message about a place: the channel that posted it speaks
        ("The channel posted a message about the airfield: "
         "\u00abWe sleep in the hangars and nobody tells us anything.\u00bb", ["channel"]),
    ],
)  # fmt: skip
def test_channel_digest_posts(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words quoted inside a post, with their own verb of speech, are the speaker's
        ("12:12 | Oleg Marin (80,000)\n"
         "\u00abPeskov again said that \"no decisions have been made\" about the airfield. Read it as you like.\u00bb"
         "\n",
         [("Oleg Marin", "Peskov again said that"), ("Peskov", "no decisions have been made")]),
        # look-alike: a term in quote marks inside a post, with no verb of speech, is no quotation of its own
        ("12:12 | Oleg Marin (80,000)\n"
         "\u00abThe lads passed three checkpoints of the \"new authorities\" and nobody stopped them at all.\u00bb\n",
         [("Oleg Marin", "The lads passed three checkpoints")]),
    ],
)  # fmt: skip
def test_double_quotes_inside_guillemets(ex: Extractor, text: str, expected: list) -> None:
    quotes = ex.extract(text, REF).quotes
    assert [(q.speaker, " ".join(q.text.split()[: len(e.split())])) for (q, (_, e)) in zip(quotes, expected,
            strict=False)] == expected and len(quotes) == len(expected)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Sergei Lavrov today said the talks were "going nowhere at all".', ["Sergei Lavrov"]),
        ('The guards just say "wait for orders" and walk away.', ["guards"]),
        # look-alike: a name that ends in a capitalised time word keeps it
        ('"The talks are going nowhere at all," Russia Today said.', ["Russia Today"]),
    ],
)  # fmt: skip
def test_an_adverb_between_subject_and_verb(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- a committee's oral evidence: numbered questions and the Chair's lines are no quotations --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q1 Chair: Welcome. Dr Lind, what did you see at the port?\n"
         "Dr Mira Lind: The cranes were idle and the warehouses were half empty when we arrived.\n"
         "Q2 Paul Ward: And the ships?\n"
         "Dr Lind: Two were loading. We could not tell what.\n"
         "Chair: Thank you both. We will now hear from the Minister.\n"
         "Chair: That concludes this session.\n",
         # "Dr Lind:" is the member the record named in full: the title is the role, not the name
         ["Mira Lind", "Mira Lind"]),
        # look-alike: the same member speaking without a question's number, in statements, answers
        ("Paul Ward: I have seen the same at the port myself.\n"
         "Paul Ward: And the crews were Russian, all of them.\n",
         ["Paul Ward", "Paul Ward"]),
    ],
)  # fmt: skip
def test_committee_evidence(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('On Monday I spoke to a former officer who told me, and I quote him, "the navy is asking everyone for a '
         'pier."',
         ["former officer"]),
        ("Our team spoke on Friday with farmers in Hasakah, who told them, and this is a direct quotation, that they "
         'were "afraid of the night and of the day."', ["farmers in Hasakah"]),
        # look-alike: "who" in the subject's own clause; the subject, not the one spoken to, speaks
        ('I spoke to the minister yesterday. The governor, who told me he was tired, said: "We cannot go on like this '
         'for long."', ["governor"]),
    ],
)  # fmt: skip
def test_the_one_spoken_to_and_a_verbatim_aside(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_a_person_named_inside_an_answer_is_its_he(ex: Extractor) -> None:
    text = ("Q1 Chair: What did he say?\n"
            'Eva Stone: When I met Omar Haddad in Amman, he was clear. He spoke of "a new page for every partner" '
            "more than once.\n"
            'Stone: Nothing else, and he spoke of "betrayal" once.\n')  # fmt: skip
    # look-alike: one word in quote marks after "spoke of" is a term, no quotation
    assert [(q.speaker, q.text[:14]) for q in ex.extract(text, REF).quotes] == [
        ("Eva Stone", "When I met Oma"), ("Omar Haddad", "a new page for"), ("Eva Stone", "Nothing else, ")]


# -- the person, not the age or the trade; a body by its long name; a relative described by relation ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Omar Haddad, 61, a farmer, said he had cousins across the line. "For fifty years the fence was our '
         'ceiling," he said.', [("Omar Haddad", "farmer")]),
        # look-alike: an age after the verb is no role
        ('"The harbour is closed for now," said Lina Saad, 34.', [("Lina Saad", None)]),
        ('Within hours, the defence committee of the National Assembly, which sits in Tobruk, said it had "no '
         'objection to the flights at all."', [("defence committee of the National Assembly", None)]),
        # look-alike: a person "of" a body keeps the name as the speaker and the body as the role
        ('"We have no objection to the flights at all," said Hanna Berg of the National Assembly.',
         [("Hanna Berg", "National Assembly")]),
        ('Maya Korn, 40, a nurse, said her brother, a driver, was stopped at the bridge. "They took his phone," she '
         "said.", [("Maya Korn", "nurse")]),
        # look-alike: the relative after the verb, with no clause of his own, is the speaker
        ('"Nothing has changed here," said her brother.', [("her brother", None)]),
    ],
)  # fmt: skip
def test_person_body_and_relative(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == expected


# -- one word in quote marks inside a longer predicate is the writer's; the whole predicate quoted is speech -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Dana Wolff, a spokeswoman, said it was "premature" to discuss the bases.', []),
        ('A second claim, shared mostly in Arabic, says the troops were "expelled" from the airport.', []),
        # look-alike: the quoted word is the whole predicate, at the end of the sentence
        ('Dana Wolff, a spokeswoman, told reporters the visit was "constructive."', ["Dana Wolff"]),
    ],
)  # fmt: skip
def test_one_word_inside_a_predicate(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A former guard said the officers handed out water but told the crowd that "nobody is leaving tonight."',
         ["officers"]),
        # look-alike: "he" in the reported clause is the one who said it
        ('A former guard said he handed out water and told the crowd that "nobody is leaving tonight."',
         ["former guard"]),
        ('Turkey\'s Foreign Ministry accused Israel of "exploiting the chaos" in the region.',
         ["Turkey's Foreign Ministry"]),
        # look-alike: one word after "accused ... of" is a term
        ('The council accused the ministry of stealing the "municipal" budget.', []),
        ("The army commander Ali Tarek said on Sunday in a video message from the front that the army was ready to "
         '"find a formula" with the council.', ["Ali Tarek"]),
        # look-alike: a short phrase far from "that" is a term, not the speaker's words
        ("Ali Tarek said on Sunday in a video message from the front that the army, which lost two bridges and a "
         'depot in the autumn fighting near the river, was now a "paper tiger" again.', []),
    ],
)  # fmt: skip
def test_who_told_it_inside_reported_speech(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The fleet is running away. The end of a dream," reads the caption of a post shared on Sunday by the '
         "account @CoastWatch, which has 20,000 followers.", ["@CoastWatch"]),
        # look-alike: a caption with no one who posted it
        ('"The fleet is running away. The end of a dream," reads the caption under the photograph.', [None]),
    ],
)  # fmt: skip
def test_a_post_by_a_handle(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- a second reported clause ("and that it was "too early""), a predicate with an adverb ("was now "...") -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Omar Diab said on Monday that the ministry kept contacts with "those who hold the city" and that it was '
         '"too early" to speak about the port.',
         [("Omar Diab", "those who hold the city"), ("Omar Diab", "too early")]),
        ('A spokesperson told reporters that it was "up to the Syrians" to decide, but that the government "would not '
         'regret" a smaller fleet.', [("spokesperson", "up to the Syrians"), ("spokesperson", "would not regret")]),
        # look-alike: a second clause of the writer's own, with no "that", keeps its term unquoted
        ('Omar Diab said the ministry kept contacts with "those who hold the city", and the papers called the port '
         'a "dead end" for the fleet.', [("Omar Diab", "those who hold the city")]),
        ('A former contractor said the base in Libya was now "our second home".', [("former contractor",
                                                                                     "our second home")]),
        # look-alike: one word after "was now" inside a longer predicate is the writer's mark
        ('A former contractor said the base was now "empty" of aircraft.', []),
    ],
)  # fmt: skip
def test_a_second_clause_and_a_predicate_with_an_adverb(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.text) for q in ex.extract(text, REF).quotes] == expected


# -- a title before a name, with or without its dots: the title is the role, the name is the person --------------


@pytest.mark.parametrize("title", ["Gen", "Maj Gen", "Brig Gen", "Lt Col", "Col", "Capt", "Adm", "Sgt", "Prof",
                                   "Professor", "Father", "Archbishop", "Imam", "Rev", "Lord", "Gen.", "Colonel"])
def test_a_titled_surname_is_the_person_named_in_full(ex: Extractor, title: str) -> None:
    text = (f"{title} Omar Khalidi, who commands the garrison, visited Latakia on Monday.\n"
            f'"The base is secure," {title} Khalidi said.\n')
    quotes = ex.extract(text, REF).quotes
    assert [(q.speaker, (q.role or "").split(",")[0]) for q in quotes] == [("Omar Khalidi", title)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We hold the line," said Maj Gen Omar Khalidi, the garrison commander.', [("Omar Khalidi", "Maj Gen, "
                                                                                      "garrison commander")]),
        ('"The base is quiet," Capt Ivanov told the agency.', [("Ivanov", "Capt")]),
        # look-alike: the same words in lower case are kinship and rank nouns, not titles
        ('"It is over," his father said.', [("his father", None)]),
        ('"Hold the gate," the captain said.', [("captain", None)]),
    ],
)  # fmt: skip
def test_a_title_without_dots_stays_out_of_the_name(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == expected


# -- round 11a: who the speaker is, within the sentence or paragraph that attributes the quote -------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a second particle belongs to the name: "van der", "van den", "dos"
        ("Prof Hendrik van den Bosch, a historian at Leiden", ("Hendrik van den Bosch", "Prof, historian at Leiden")),
        ("Ana Paula dos Santos, a nurse in Recife", ("Ana Paula dos Santos", "nurse in Recife")),
        # "Jr." and "Sr." are part of the name; the title stays the role
        ("Col. Robert K. Mallory Jr., a former Marine planner",
         ("Robert K. Mallory Jr.", "Col., former Marine planner")),
        # look-alike: letters after a name are still no part of it
        ("Ruth Okafor MP", ("Ruth Okafor", None)),
        # "and who asked to be identified as NAME": the description before the clause is the role
        ("A retired nurse who lives by the harbour, and who asked to be identified only as Salma,",
         ("Salma", "retired nurse")),
    ],
)  # fmt: skip
def test_round11a_name_forms(phrase: str, expected: tuple) -> None:
    assert parse_speaker(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed speaker described by where they stand opens the paragraph; "he" and "the source" are them
        ('A source close to the Turkish interior ministry, who spoke on condition of anonymity, was more direct. '
         '"The border stays shut until spring," the source said.',
         ["source close to the Turkish interior ministry"]),
        ("An official at the Jordanian foreign ministry, who asked not to be named, met us in a hotel lobby. "
         '"We are watching the north very closely," he said.',
         ["official at the Jordanian foreign ministry"]),
        # "one of the ...": one person, the next "he", named by the appositive that says who (as round 11b names
        # "One of the soldiers, a conscript from Homs,")
        ("One of the released fishermen, a 40-year-old father of three, talked to reporters at the pier. "
         '"I only want to sleep in my own bed," he said.',
         ["a 40-year-old father of three"]),
        # a person named by first name only, then a gesture, then their words
        ('"The bakery opens at five," said Layla Haddad, a baker.\n'
         'Her brother, Karim, shrugged. "Five, six, the bread is the same."',
         ["Layla Haddad", "Karim"]),
        # "the N-year-old": the person the text was about
        ('Olga Demchenko, 67, a retired teacher, said the trains had stopped.\n'
         '"I walk to the market now," the 67-year-old said.',
         ["Olga Demchenko"]),
        ("Farid Nasser, a farmer near Daraa, lost half his olive trees in the winter.\n"
         '"The trees will come back, the people may not," the 52-year-old said.',
         ["Farid Nasser"]),
        # a name with "Jr." opens the paragraph: he is the next "he"
        ("Lt. Gen. Paul D. Harmon Jr., a former NATO commander, was less sure. "
         '"A port is only as good as the road behind it," he said.',
         ["Paul D. Harmon Jr."]),
    ],
)  # fmt: skip
def test_round11a_who_in_the_paragraph(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # look-alike: a ministry speaking is still the ministry, and "it" is the ministry
        'The Turkish interior ministry said the border would stay shut. "Security comes first," it said.',
        # look-alike: a gesture by a body or a place is nobody's words
        'Ankara shrugged. "The border stays shut until spring, whatever anyone says."',
        # look-alike: one of several things is no person
        'One of the ministries, the interior, was closed. "The border stays shut until spring," it said.',
    ],
)
def test_round11a_look_alikes(ex: Extractor, text: str) -> None:
    got = who(ex, text)
    assert got in (["Turkish interior ministry"], [None])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a channel or outlet with its name in quote marks: the name speaks, what it is is the role
        ('Posting on Telegram, the account known as "Iron Gull" said the convoy had turned back at dawn, '
         '"with its lights off."',
         [("Iron Gull", "account")]),
        ('A blogger calling himself "Old Sapper" wrote that the depot "was emptied in two nights, not ten."',
         [("Old Sapper", "blogger")]),
        # "When NAME did X, he said": the pronoun is the person the clause before it names
        ("After Katrin Olsen landed in Erbil on Friday, she said the aid would \"reach the camps within a week.\"",
         [("Katrin Olsen", None)]),
        # "The visit came a day after the ministry said ...": the ministry said it, not the visit
        ('The announcement came two days after the Greek coast guard said its patrols had seen "no sign of the '
         'missing boat."',
         [("Greek coast guard", None)]),
        # "his cousin", "her neighbour": as written, and "the cousin" after is them
        ("His neighbour, who runs a bakery two doors down, said the shelling had stopped. "
         '"We slept for the first time in a month," the neighbour said.',
         [("His neighbour", None)]),
    ],
)  # fmt: skip
def test_round11a_named_within_the_attribution(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # look-alike: "When the talks ended, he said": no one named in the clause, "he" is the person before
        ("Farah Idris, a negotiator, left the hall early.\n"
         'When the talks ended, she said the sides were "further apart than in March."',
         ["Farah Idris"]),
        # look-alike: "Nordic states and Canada would ...": a noun in -s, not a verb of speech; the speaker stays
        ('Mikko Laine, a diplomat, said he expected that Nordic states and Canada would be "the first to pay."',
         ["Mikko Laine"]),
        # a header word on the line above a headline is no first name of the headline's person
        ("Morning Brief\nNews\nOrban and Fico meet in Bratislava\n"
         'Orban said the meeting had been "long and honest about the pipeline."',
         ["Orban"]),
        # a question's first word is no first name: "Will Ankara ...?" makes no person "Will Ankara"
        ('Q: Will Ankara open the crossing?\nAnkara says the crossing "will stay shut through the winter."',
         ["Ankara"]),
    ],
)  # fmt: skip
def test_round11a_nearer_words_are_not_the_speaker(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a role, a name, and the body the person is "of" or "at"
        ("Turkish economist Dr. Selin Aydin of an Istanbul research centre",
         ("Selin Aydin", "Turkish economist Dr., Istanbul research centre")),
        ("veteran negotiator Pieter Jansen at the Clingendael Institute",
         ("Pieter Jansen", "veteran negotiator, Clingendael Institute")),
        # "NAME of the X Institute, a think tank in Y": the appositive describes the institute
        ("Amal Saad of the Beirut Policy Forum, a research group in Hamra,",
         ("Amal Saad", "Beirut Policy Forum, research group in Hamra")),
        # the press service of a body named with a possessive: the body's service speaks
        ("The press service of Russia's Northern Fleet", ("press service of Russia's Northern Fleet", None)),
        # look-alike: a body's long name after a role, with no person in it
        ("the head of the Foreign Ministry Press Department", ("head of the Foreign Ministry Press Department", None)),
    ],
)  # fmt: skip
def test_round11a_people_and_bodies_of_a_body(phrase: str, expected: tuple) -> None:
    assert parse_speaker(phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The company, NAME, has not commented ... it said": the company
        ("The transport ministry said the quay was closed. The firm, Baltrans, has not commented. "
         'In a statement last week, it said it would "honour every contract signed before December."',
         ["Baltrans"]),
        ("The foreign ministry protested on Monday.\nThe airline, Cham Wings, suspended its flights. "
         'A day later it said the route would "reopen once the insurers agree."',
         ["Cham Wings"]),
        # a person named by one name and an age, then "he"
        ("Yusuf, 33, who drove a bus before the war, still keeps the keys.\n"
         '"One day I will drive it to Aleppo again," he said.',
         ["Yusuf"]),
        # "the statement" after a council's press service spoke
        ("Sources in aviation circles said two flights had landed.\n"
         "Security chiefs of both countries met in Ankara, the council's press service said.\n"
         '"The sides agreed to meet again in March," the statement said.',
         ["council's press service"]),
        # a verb of opinion with a quote: "NAME expects ... "...""
        ('Nadia Karim, an energy analyst, was blunt. Karim expects the pipeline to stay shut "until the courts '
         'are done with it."',
         ["Nadia Karim"]),
    ],
)  # fmt: skip
def test_round11a_bodies_and_people_named_once(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


def test_round11a_a_place_after_a_name_and_age_is_not_a_person(ex: Extractor) -> None:
    # look-alike: "The city, Raqqa, ..." is no body speaking and no person
    text = 'Farouk Saleh, a farmer, lost his land.\nThe city, Raqqa, was quiet. "We are waiting," he said.'
    assert who(ex, text) == ["Farouk Saleh"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Her husband, NAME, ..." makes the woman before a "she": the next "he" is the husband
        ('"The fishing has never been worse," said Samira Haddad, who sells bait.\n'
         'Her husband, Tarek, nodded. "Two boats left this month."\n'
         '"Nobody buys bait when nobody fishes," Samira Haddad said.\n'
         '"And nobody fishes when the navy sits in the bay," he added.',
         ["Samira Haddad", "Tarek", "Samira Haddad", "Tarek"]),
        # "he went on," and "the envoy began.": words of speech next to a comma or a full stop
        ('Envoy Lars Eklund spoke after the talks. "We came with a list," he said. And yet, he went on, '
         '"a list is not a plan, and nobody here has a plan."',
         ["Lars Eklund", "Lars Eklund"]),
        ('Bishop Anton Hadid led the service on Sunday.\n"Brothers and sisters, this has been a hard winter for all of '
         'us," the bishop began.',
         ["Anton Hadid"]),
        # "For NAME with particles, a long role, ...": the whole name
        ('For Jan-Pieter van den Heuvel, senior fellow at the Rotterdam-based Institute for Port and Maritime '
         'Studies, the harbour is "worth less every month the ships stay away".',
         ["Jan-Pieter van den Heuvel"]),
        # a list in quote marks is someone's words, not a title
        ('Karim Nasser, 70, a net mender, shrugged. "The French, the Russians, the Americans," he said. '
         '"The fish do not care."',
         ["Karim Nasser", "Karim Nasser"]),
        # "The official did not hide his anger." and then the official's words
        ("An official at the Libyan interior ministry, who asked not to be named, received us in Tripoli.\n"
         'The official did not hide his anger. "They promised fuel and sent nothing."',
         ["official at the Libyan interior ministry"]),
        # ROLE, NAME after the verb
        ('"We closed the shop in March," added his business partner, Omar Zaki.',
         ["Omar Zaki"]),
        ('"The border was open until Friday," interjected her colleague, Lina Saad.',
         ["Lina Saad"]),
        # "Among the guests was NAME, ROLE, who told ...": the name after "was"
        ('Among those at the ceremony was Rabbi David Levin, a teacher from Haifa, who told reporters that he came '
         '"to stand with my neighbours, whatever happens."',
         ["David Levin"]),
        ('Next to her was Colonel Yuri Gromov, a retired pilot, who said the airfield had been "empty since winter."',
         ["Yuri Gromov"]),
        # "Asked about NAME, APPOSITIVE, the sheikh was blunt:": the sheikh, not the one asked about
        ('Sheikh Hamad al-Tamimi, a tribal elder, received us in his guest tent.\n'
         'Asked about Omar Zayed, the commander of the militia that took the town, the sheikh was blunt: '
         '"He was a smuggler before the war and he is a smuggler now."',
         ["Hamad al-Tamimi"]),
    ],
)  # fmt: skip
def test_round11a_paragraph_people(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # look-alike: a title in quote marks (no list of "the ...") stays part of the words around it
        ('The exhibition "The Sea and the City" opened in Tartus on Monday.', []),
        # look-alike: "began" far from a quote's end is no verb of speech
        ('"The ships are gone," said Nabil Aoun. The war began in 2011 and the port emptied slowly.', ["Nabil Aoun"]),
        # look-alike: "Among the guests was" with no name after it: the rule names no one
        ('Among the guests was a fisherman from Jableh, who said the catch was "half of last year."', [None]),
    ],
)  # fmt: skip
def test_round11a_paragraph_look_alikes(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Ankara, he added, was ...": the pronoun speaks, not the place before it
        ("Ibrahim Kalin, the intelligence chief, met the envoy.\n"
         '"Nothing has been decided yet," Kalin said. Ankara, he added, was "in touch with everyone who matters."',
         ["Ibrahim Kalin", "Ibrahim Kalin"]),
        # the sentence's own subject is the "he" of "where, he said,"
        ("Bishop Anton Hadid led the first service in the cathedral.\n"
         '"We are still here," said Father Paul Karam, a Jesuit who teaches in Homs.\n'
         "On Sunday the bishop visited a school in the old quarter, where, he said, "
         '"the children have not seen a teacher for a year".',
         ["Paul Karam", "Anton Hadid"]),
        # `NAME said ... "...", his office said`: NAME, the one the sentence says said it
        ("Maria Costa, a lawyer, spoke first.\n"
         'Finance Minister Pavel Dragan said on Monday that the budget would not allow "another year of subsidies", '
         "his office said in a statement.",
         ["Pavel Dragan"]),
        # "The Elysee's readout was longer. It said ...": the readout's body
        ('The foreign ministry gave no details.\nThe Elysee\'s readout was longer. It said the leaders had '
         '"agreed to keep the channels open at every level."',
         ["Elysee"]),
        # a capitalised title, then the name: the next "he"
        ("Maria Costa, a lawyer, spoke first.\n"
         'The Special Rapporteur, Olivier Brun, toured the camp on Friday. "The tents will not last the winter," '
         "he said.",
         ["Olivier Brun"]),
        # `"...," a former officer who served in the navy told us`: the officer, the clause is what they did
        ('"The ships will not come back," a former officer who served at the naval base in Tartus told us.',
         ["former officer"]),
    ],
)  # fmt: skip
def test_round11a_the_person_the_sentence_is_about(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # look-alike: "his office said" with no person named before the quote in its sentence stays "NAME's office"
        ('Foreign Minister Pavel Dragan flew to Rome.\nThe budget "will not allow another year of subsidies", '
         "his office said.",
         ["Pavel Dragan's office"]),
        # look-alike: a subject that is no person ("the talks") leaves "he" to the person before
        ('Envoy Lars Eklund waited outside.\nOn Monday the talks ended early, and he said the sides were '
         '"further apart than ever before."',
         ["Lars Eklund"]),
    ],
)  # fmt: skip
def test_round11a_the_person_look_alikes(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer meets someone unnamed: they are the next "he" or "she"
        ("Historian Mark Ellis has studied the port for years. In 2016 I asked a Greek pilot in Piraeus what the "
         'navy would do. He shrugged and said: "Whatever the insurers let it do."',
         ["Greek pilot"]),
        ('Minister Omar Haddad left early. Later we met a nurse near the gate. "Nobody has been paid since '
         'October," she said.',
         ["nurse"]),
        # look-alike: the writer meeting a thing is no person; "he" stays the historian
        ("Mark Ellis, a historian, has studied the port for years. In 2016 I visited a depot in Piraeus. "
         '"The navy never came back after that," he said.',
         ["Mark Ellis"]),
    ],
)  # fmt: skip
def test_round11a_someone_the_writer_met(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker, a verb and its own piece of speech: "X has repeated its advice that ..."
        ('The Foreign Office has renewed its warning that Britons in Lebanon should leave "while flights still run."',
         ["Foreign Office"]),
        ('Amnesty International repeated its call to the new authorities to open the prisons "to independent '
         'monitors without delay."',
         ["Amnesty International"]),
        # a rubric, a dash, a titled name and a role, then a colon: that person's words below
        ('Expert view \u2014 Col. (ret.) Ingrid Dahl, former Norwegian Army:\n'
         '"A fleet that waits at anchor is a fleet waiting for orders."',
         ["Ingrid Dahl"]),
        ('Second opinion \u2014 Dr Samir Khoury, Beirut Maritime Institute:\n'
         '"The port will outlive every flag that has flown over it."',
         ["Samir Khoury"]),
    ],
)  # fmt: skip
def test_round11a_speech_nouns_and_labels(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # look-alike: a thing "repeated" with no piece of speech after the possessive: no speaker invented
        ('The shelling repeated its pattern of the night before, "hour after hour, until dawn."', [None]),
        # look-alike: a headline and a colon with no name in it
        ('Weather \u2014 Storm warning for the coast:\n"Winds of up to 90 km/h are expected tonight."', [None]),
    ],
)  # fmt: skip
def test_round11a_speech_nouns_look_alikes(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # look-alike: "began" after a clause of time is no one taking up speaking
        'The shops on the corniche stayed shut, "every single one of them, all day long", as the offensive began.',
        # look-alike: a thing that "began" after a quote is no speaker
        'The banners read "Welcome to the free city of Tartus", the celebrations began.',
    ],
)
def test_round11a_began_after_a_thing_names_no_speaker(ex: Extractor, text: str) -> None:
    assert who(ex, text) in ([None], [])


def test_round11a_a_title_with_a_list_in_it_stays_a_title(ex: Extractor) -> None:
    # look-alike: a title that lists with "and" is a title, not speech
    assert who(ex, 'The cinema in Latakia showed "The Sailor, the Sea and the Storm" on its first night.') == []


# -- a parliament's verbatim record (session 8) ----------------------------------------------------------------------


def said_with_roles(ex: Extractor, text: str) -> list[tuple[int, str | None, str | None]]:
    return [(q.line, q.speaker, q.role) for q in ex.extract(text, REF).quotes]


def test_a_verbatim_record_gives_each_members_paragraphs_to_the_member_named_over_them(ex: Extractor) -> None:
    text = (
        "Situation in Syria (debate)\n"
        "President. \u2013 The next item is the statement on the situation in Syria.\n"  # 2: the chair's business
        "Kaja Lind, Vice-President of the Commission. \u2013 Madam President, the regime has fallen at last.\n"
        "Europe must be present in Damascus, and it will be.\n"  # 4: her words go on with no label
        "Jonas Berg, on behalf of the Greens Group. \u2013 Madam President, this is a moment of hope for Syrians.\n"
        "Ana Ruiz (PPE), blue-card question. \u2013 Do you really believe the fleet will leave Tartus?\n"
        "Jonas Berg (Greens), blue-card answer. \u2013 I believe it must.\n"
        "Tomas Novak (ECR). \u2013 Madam President, I met families in Beirut who had fled from Homs.\n"
        "They asked me one thing: that Europe does not forget them.\n"  # 9
        "President. \u2013 The debate is closed.\n"
        "Written statements\n"
    )
    assert said_with_roles(ex, text) == [
        (3, "Kaja Lind", "Vice-President of the Commission"),
        (4, "Kaja Lind", "Vice-President of the Commission"),
        (5, "Jonas Berg", "on behalf of the Greens Group"),
        (6, "Ana Ruiz", "PPE, blue-card question"),
        (7, "Jonas Berg", "Greens, blue-card answer"),
        (8, "Tomas Novak", "ECR"),
        (9, "Tomas Novak", "ECR"),
    ]


def test_a_hansard_label_with_seat_and_party_opens_a_members_words(ex: Extractor) -> None:
    text = (
        "Mr Tom Hale (Bristol West) (Lab): What assessment has the Secretary of State made of the base at Tartus?\n"
        "Ms Rita Okafor (Leeds North) (Con): The Government are watching the port closely.\n"
    )
    assert [(s, r) for _, s, r in said_with_roles(ex, text)] == [
        ("Tom Hale", "Bristol West, Lab"), ("Rita Okafor", "Leeds North, Con")]


@pytest.mark.parametrize(
    "text",
    [
        # one such line in an article is no record: no quote marks, no quotation
        "Ahmed Saleh (SDF) \u2013 the commander who took the dam \u2013 was seen in Raqqa on Monday.\n"
        "Residents said the road to Raqqa had reopened.\n",
        # captions with a picture's note are no members' labels
        "Maria Lind (left) \u2013 at the talks in Ankara on Monday.\nOmar Saleh (right) \u2013 after the meeting.\n",
        # two wire stories' datelines: a city in capitals and the outlet in brackets, the writer's own words
        "OSLO (Reuters) - The port reopened on Monday after a week of strikes.\n\n"
        "BERGEN (AP) \u2014 Ferries resumed their crossings on Tuesday, the operator's website showed.\n",
        "PARADISE, Calif. \u2014 Firefighters held the line overnight, the county's website showed.\n"
        "CHICO, Calif. \u2014 Evacuation orders were lifted for the north of the town on Sunday.\n",
        "Tromso (UPI) - The council voted to close the harbour for the winter.\n"
        "Narvik (Reuters) - Ore shipments fell for a third month in a row.\n",
    ],
)
def test_lines_that_look_like_a_record_but_are_not(ex: Extractor, text: str) -> None:
    assert ex.extract(text, REF).quotes == []
# -- round 14 (real reporting): short quotations inside what a verb of speech reports ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after "a" right in the reported clause: the speaker's words, not the reporter's term
        ('The agency said the summit came at a "turning point" in relations between the two countries.',
         [("agency", "turning point")]),
        ('Ortega argued that the region is now entering a "fragile phase" in which old alliances will be tested.',
         [("Ortega", "fragile phase")]),
        # far from the verb, when the quotation closes the sentence
        ('Defence Minister Karl Weiss said the army would be willing to keep the border posts open if it '
         '"protects our farmers."', [("Karl Weiss", "protects our farmers.")]),
        ('Former governor Lina Holt recently called for an immediate truce and direct talks between the two rival '
         'parties to stop "the bloodshed."', [("Lina Holt", "the bloodshed.")]),
        # look-alike: a noun phrase that goes on with "of" is the reporter's term
        ('A source told the radio that the navy had drawn up plans for a "partial withdrawal" of the river fleet.', []),
        # look-alike: far from the verb and in the middle of the sentence: the writer's mark
        ('Karl Weiss said the army would be willing to keep the border posts and the "green corridors" open for '
         'another month.', []),
        # look-alike: a reported clause cut by a comma before the quotation
        ('Karl Weiss said the talks had failed, and the border was now a "dead zone" for traders.', []),
    ],
)  # fmt: skip
def test_round14_short_quotes_in_a_reported_clause(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.text) for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "whose X the Y has called": the Y, the relative clause's subject after its object
        ('She raised the case of the jailed engineer, whose freedom the State Department has called an '
         '"urgent matter."', [("State Department", "urgent matter.")]),
        ('Rights groups raised the case of the jailed poet, whose arrest Mayor Ines Roca once described as a '
         '"shameful error of judgment," in a letter.', [("Ines Roca", "shameful error of judgment")]),
        # "with NAME calling it": the participle's own subject
        ('The ministry said the talks were held at a critical time, with spokesman Ivo Marr calling it a "decisive '
         'visit".', [("Ivo Marr", "decisive visit")]),
        ('The strike went on for a week, with the union saying the dispute was "far from over" and calling for calm.',
         [("union", "far from over")]),
        # look-alike: "with" a clause set off by commas, then a verb of the sentence's subject: the subject speaks
        ('The mayor met her rivals, with the city council watching, and said the river "will be cleaned by the '
         'summer."', [("mayor", "will be cleaned by the summer.")]),
    ],
)  # fmt: skip
def test_round14_whose_object_and_with_a_subject(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.text) for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "reported NAME as saying": the one reported speaks, not the outlet
        ('Trade Minister Ana Duarte met the envoy.\nRadio Norte also reported Duarte as saying that Brasilia hopes to '
         'keep its consulates open to go on "serving our citizens abroad".', ["Ana Duarte"]),
        ('The Courier reports Mayor Pia Sand as saying the bridge will reopen "once the inspectors are happy with it."',
         ["Pia Sand"]),
        # look-alike: "was reported by" the outlet: not the outlet
        ('Mayor Pia Sand was reported by the Courier as saying the bridge will reopen "once the inspectors are happy '
         'with it."', ["Pia Sand"]),
        # "In her words," at the head of a sentence: she reports it
        ('Trade Minister Ana Duarte said she met the delegation for two hours.\nIn her words, the Chilean side has '
         'stressed the "deep and lasting bond between our two peoples and markets."', ["Ana Duarte"]),
        ('Envoy Tomas Berg spent a day in the capital. In his own words, the hosts were "keen to sign the deal by the '
         'spring of next year."', ["Tomas Berg"]),
        # look-alike: "In other words," is the writer's gloss; the verb's subject speaks
        ('In other words, the ministry said the deal was "ready to be signed by both sides."', ["ministry"]),
    ],
)  # fmt: skip
def test_round14_reported_as_saying_and_in_her_words(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "NAME declined to comment on reports that ...": NAME, not the one in the reports, is the next "he"
        ('Trade Minister Ana Duarte met the envoy. Palace spokesman Rui Lemos declined to comment on reports that '
         'Chile had asked for a loan. "I will not say anything about that at all today," he told reporters.',
         ["Rui Lemos"]),
        ('Tomas Berg flew home on Monday. His deputy, Ivo Marr, refused to elaborate on claims that the mayor had '
         'urged a delay. "There is nothing more to add at this stage," he said.', ["Ivo Marr"]),
        # look-alike: a body that declines to comment is no "he"
        ('Palace spokesman Rui Lemos met the envoy. The ministry declined to comment on reports that Chile had asked '
         'for a loan. "I will not say anything about that at all today," he told reporters.', ["Rui Lemos"]),
    ],
)  # fmt: skip
def test_round14_who_declined_to_comment_is_the_next_he(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


# -- round 14 (real text): damage real pages carry, read through ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no space after a full stop: two sentences all the same, so the next "she" is the one just named
        ('Tomas Berg met the mayor. Minister Ana Duarte then spoke at the summit.\u201cWe will not leave the port,'
         '\u201d she said.', [("Ana Duarte", "We will not leave the port")]),
        ('Tomas Berg met the mayor. Minister Ana Duarte then spoke at the summit."We will not leave the port," she '
         'said.', [("Ana Duarte", "We will not leave the port")]),
        # an apostrophe printed as a double quote mark opens no quotation
        ('The union said workers don"t accept a "pay freeze of any kind" this year.',
         [("union", "pay freeze of any kind")]),
        ('Mayor Pia Sand said the council backed the city"s plan for an "open and fair tender" on the ferries.',
         [("Pia Sand", "open and fair tender")]),
        # look-alike: an initialism glued to a word is no end of a sentence
        ('"We will not leave the port before the spring," a U.S.Navy spokesman said.',
         [("U.S.Navy spokesman", "We will not leave the port before the spring")]),
        # look-alike: a straight mark that closes a quotation, glued to the next word, opens nothing
        ('Mayor Pia Sand said the bridge was "closed for repairs."Nobody in the council objected to the plan.',
         [("Pia Sand", "closed for repairs.")]),
    ],
)  # fmt: skip
def test_round14_glued_sentences_and_apostrophe_marks(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.text) for q in ex.extract(text, REF).quotes] == expected


# -- round 14 (real text): a description that points back to a person, a statement that points back to its author -


def _quotes(ex: Extractor, text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in ex.extract(text, REF).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Chilean president": the president of that country named before, not the latest president
        ('Brazilian President Paulo Serra met Chilean President Ana Rojas in Lima. "We are close to agreement on most '
         'points," Rojas said. "We want a deal on the river this year," Serra told reporters.\nThe Chilean president '
         'later said the border would open "as soon as the summer begins."',
         [("Ana Rojas", "We are close to agreement on most points"),
          ("Paulo Serra", "We want a deal on the river this year"), ("Ana Rojas", "as soon as the summer begins.")]),
        # the person so titled only in the text, never quoted before: "he" is the Brazilian president
        ('Brazilian President Paulo Serra and Chilean leader Ana Rojas held their first call, the palace said.\n'
         'According to the palace, Mr. Serra said that Brasilia backs the unity of the region.\n'
         '"Serra stressed the need for closer trade ties," the palace said in a statement. The Brazilian president '
         'also praised the partnership between the nations, which he said were "joined by a common destiny of '
         'growth."',
         [("palace", "Serra stressed the need for closer trade ties"),
          ("Paulo Serra", "joined by a common destiny of growth.")]),
        # look-alike: a description that is no office stays as written
        ('Paulo Serra met the former army chief in Lima on Monday. The former army chief said the border would open '
         '"as soon as the summer begins."', [("former army chief", "as soon as the summer begins.")]),
    ],
)  # fmt: skip
def test_round14_the_national_office_points_back_to_its_holder(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "In a statement posted on ..., the former Peruvian leader said": "the statement" is his
        ('Former Peruvian President Luis Campos said his exit had been forced by the army, his office said on Monday.\n'
         'In a statement posted on the website of Luis Campos on Monday, the former Peruvian leader said he had left '
         'the country for his safety.\n"My departure was not planned and did not happen in the final hours of the '
         'vote," the statement said.',
         [("Luis Campos", "My departure was not planned and did not happen in the final hours of the vote")]),
        ('Interior Minister Vera Holm spoke to the press.\nIn a statement released late on Friday, Mayor Pia Sand said '
         'the city would pay for the repairs.\n"The bridge will be rebuilt within two years," the statement said.',
         [("Pia Sand", "The bridge will be rebuilt within two years")]),
        # look-alike: the body that spoke in a statement goes on speaking through "the statement"
        ('Brazilian President Paulo Serra and Chilean President Ana Rojas held a call, the palace said. Serra '
         '"stressed the need for closer ties," the palace said in a statement. The Brazilian leader also offered help '
         'to "the farmers in the north, through the spring," the statement added.',
         [("palace", "stressed the need for closer ties"), ("palace", "the farmers in the north, through the spring")]),
    ],
)  # fmt: skip
def test_round14_the_statement_is_its_authors(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title written after the name (translated copy): the name is the speaker, the title its role
        ('Norway Tomas Berg Press Secretary said that Oslo would keep talking to the council "whenever it is '
         'possible to do so."', [("Tomas Berg", "whenever it is possible to do so.")]),
        ('Ana Duarte Foreign Minister told reporters the border would open "as soon as the summer begins."',
         [("Ana Duarte", "as soon as the summer begins.")]),
        # look-alike: an organisation's name before a title is no person
        ('Human Rights Watch Director said the camps were "far below any decent standard of care."',
         [("Human Rights Watch Director", "far below any decent standard of care.")]),
    ],
)  # fmt: skip
def test_round14_a_title_after_the_name(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between dashes after an unnamed person: the person speaks, and is the next "he"
        ('Tomas Berg, a farmer from the valley, watched the trucks pass.\nSpeaking Monday from inside the port, a '
         'representative of Norway\u2019s navy \u2014 who refused to be named in line with navy rules \u2014 said '
         'ties with the new mayor were \u201cquite good.\u201d\n\u201cWe don\u2019t feel unsafe with the new '
         'council,\u201d he said.',
         [("representative of Norway\u2019s navy", "quite good."),
          ("representative of Norway\u2019s navy", "We don\u2019t feel unsafe with the new council")]),
        ('A spokesman for the port authority \u2014 speaking on condition of anonymity \u2014 said the cranes were '
         '"back in service by Friday."', [("spokesman for the port authority", "back in service by Friday.")]),
        # look-alike: dashes around the subject of the quote's own clause: the speaker after it
        ('The cranes \u2014 idle since May \u2014 were "back in service by Friday," Ana Duarte said.',
         [("Ana Duarte", "back in service by Friday")]),
    ],
)  # fmt: skip
def test_round14_an_aside_between_dashes(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one word in quote marks that closes what a person "said that": the speaker's word
        ('Also in the letter, Mr. al-Hadi said that every new post is empty when the city falls into the hands of '
         '"chaos".', [("al-Hadi", "chaos")]),
        ('Mayor Ana Duarte said that the old bridge over the river had for years been left to "neglect."',
         [("Ana Duarte", "neglect.")]),
        # look-alike: one word inside the predicate, with the sentence going on: the writer's mark
        ('Mayor Ana Duarte said that the old bridge over the river was now "unsafe" for heavy trucks and buses.', []),
        # "According to X," opening a sentence whose verb of speech is a second, coordinated one: X's account
        ('On Sunday, local media reported that Berg had been granted leave "on medical grounds". According to the '
         'Interior Ministry, Berg agreed to step down after talks and told staff to ensure a "smooth handover of '
         'power".', [("local media", "on medical grounds"), ("Interior Ministry", "smooth handover of power")]),
        # look-alike: "According to X" in a sentence before: the next sentence's speaker is its own
        ('According to the port authority, the ferry left at noon. Captain Tomas Berg said the crossing was "rough '
         'but safe."', [("Tomas Berg", "rough but safe.")]),
        # a leadership is a body: "it" after it is the leadership, not the agency before
        ('"The envoy arrived in the morning and left before dusk," the Nordic News Agency reported. "Ties must respect '
         'the will of the people," the city\'s leadership said in a statement. Talks also covered "the future of the '
         'ferry line", it added.',
         [("Nordic News Agency", "The envoy arrived in the morning and left before dusk"),
          ("city's leadership", "Ties must respect the will of the people"),
          ("city's leadership", "the future of the ferry line")]),
    ],
)  # fmt: skip
def test_round14_one_closing_word_according_openers_and_leaderships(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that ends by naming its source: the quote in it is the source's
        ('The new council has taken full control of the two ports. \u201cHundreds\u201d of foreign sailors remain in '
         'the city, according to channels close to the navy.', [("channels close to the navy", "Hundreds")]),
        ('Norway kept "a small force of engineers" at the base until March, according to the ministry.',
         [("ministry", "a small force of engineers")]),
        ('"Dozens" of fishing boats have left the harbour, according to army-linked bloggers.',
         [("army-linked bloggers", "Dozens")]),
        # look-alike: a verb of speech before the quote: its subject speaks, "according to" reports it
        ('Paulo Serra said the border was "open to all" and the talks would go on, according to the palace.',
         [("Paulo Serra", "open to all")]),
        # look-alike: a capitalised title that opens a sentence stays a title
        ('"Oppenheimer" won seven awards, according to the academy.', []),
    ],
)  # fmt: skip
def test_round14_according_to_at_the_end_of_the_sentence(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of judgement, its object, "as", then the quotation: the judge's words, however long the object
        ('Mayor Ana Duarte spoke on Monday. She valued the recent offers made by the northern towns as \u201cvery '
         'generous,\u201d praising their speed.', [("Ana Duarte", "very generous")]),
        ('The union hailed the new contract as "a real step forward for every worker".',
         [("union", "a real step forward for every worker")]),
        ('Paulo Serra dismissed the report from the northern towns as "pure fiction from start to end."',
         [("Paulo Serra", "pure fiction from start to end.")]),
        # look-alike: "seen as" in the passive names no judge
        ('Paulo Serra welcomed the plan. The plan was seen as a "fresh start" by many.', []),
        # a straight mark that closes a quotation whose opening mark the page lost opens none
        ("The ministry stressed that the bases remain on alert. Norway's naval bases in the north were 'on high "
         "alert' but there was 'no serious threat to their safety',\" the paper quoted the ministry's statement.", []),
        # look-alike: a mark left open after a colon still opens a quotation that runs on
        ('The mayor spoke at noon. She said: "We will not leave the port before the spring, and',
         [(None, "We will not leave the port before the spring, and")]),
    ],
)  # fmt: skip
def test_round14_judged_as_and_a_lost_opening_mark(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "..., Norway's state news agency NTB reported." and then "the agency reported": NTB, not an agency before it
        ('"The talks lasted three hours," the Nordic News agency reported.\nThe new city council, which took power '
         'after the vote, has asked the port for money, Norway\'s state news agency NTB reported on Wednesday.\n'
         '"The two sides agreed to meet again next month to go over the accounts," the agency reported.',
         [("Nordic News agency", "The talks lasted three hours"),
          ("NTB", "The two sides agreed to meet again next month to go over the accounts")]),
        # "according to a lament published by a blogger": the blogger, who is the next "he"
        ('Many fans feel the loss of the final deeply because it was a "kind of symbol of the glory of our game," '
         'according to a lament published by a prominent football blogger. "It is not yet clear what will happen to '
         'this symbol," he adds gloomily.',
         [("prominent football blogger", "kind of symbol of the glory of our game"),
          ("prominent football blogger", "It is not yet clear what will happen to this symbol")]),
        # a thread's numbered posts: a channel's name in single marks, and a post that opens with its quotation
        ("2/ 'Red Corner' explains why there has been an outpouring of angry commentary from fan channels.\n"
         '"Because many fan bloggers, they say, played the game themselves. Or know those who do."\n'
         '3/ "For the whole country, it was like a cup run somewhere far away, where we were always winning.',
         [("Red Corner", "Because many fan bloggers, they say, played the game themselves. Or know those who do."),
          ("Red Corner", "For the whole country, it was like a cup run somewhere far away, where we were always "
                         "winning.")]),
        # look-alike: a fraction or a date with a slash opens no thread post
        ('1/2 of the town voted, the council said. "We will count again on Monday," Mayor Ana Duarte said.',
         [("Ana Duarte", "We will count again on Monday")]),
    ],
)  # fmt: skip
def test_round14_carriers_laments_and_thread_posts(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long sentence that ends with who said it: the quote inside it is theirs
        ('Images showed that "the whole fleet of old ships" had left the port during the night after the storm hit '
         'the northern coast, the analyst Ivo Marr said on Monday.', [("Ivo Marr", "the whole fleet of old ships")]),
        ('Radar images showed "a long line of small boats" heading south from the bay for most of the night while the '
         'storm was at its worst, coastguard officials said.',
         [("coastguard officials", "a long line of small boats")]),
        # look-alike: a thing that "said" at the end is no speaker
        ('Images showed that "the whole fleet of old ships" had left the port during the night after the storm hit '
         'the northern coast, the weather report said.', [(None, "the whole fleet of old ships")]),
    ],
)  # fmt: skip
def test_round14_said_at_the_end_of_a_long_sentence(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `"...," read a headline on a news site`: the site, not the person quoted before
        ('Lina Holt, a fellow at a think tank in Oslo, said the port was "a lost cause for the fleet."\n'
         '\u201cSeveral navy officers arrive in the northern town of Bodo,\u201d read a headline on a local Norwegian '
         'news site on Monday.',
         [("Lina Holt", "a lost cause for the fleet."),
          ("local Norwegian news site", "Several navy officers arrive in the northern town of Bodo")]),
        ('Lina Holt said the port was "a lost cause for the fleet."\n"Ships leave at dawn," read the caption of a post '
         'by the Baltic Watch channel.',
         [("Lina Holt", "a lost cause for the fleet."), ("Baltic Watch channel", "Ships leave at dawn")]),
        # look-alike: a banner at a place names no one; the speaker before does not go on
        ('Lina Holt said the port was "a lost cause for the fleet."\n"Welcome home to all our brave sailors," read a '
         'banner at the gate.', [("Lina Holt", "a lost cause for the fleet."),
                                 (None, "Welcome home to all our brave sailors")]),
    ],
)  # fmt: skip
def test_round14_read_a_headline_on_a_site(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `"...," the agency quoted NAME as saying`: the one quoted speaks, never the agency
        ('Foreign Minister Ana Duarte spoke in Lisbon on Monday.\n"We will keep every door open to the new council," '
         'the Nordic agency quoted Duarte as saying.', ["Ana Duarte"]),
        ('"There is no deal yet on the port," the FT quoted a senior Norwegian official as saying.',
         ["senior Norwegian official"]),
        ('Envoy Tomas Berg said he had landed.\n"The talks will go on next week in the capital," the agency quoted '
         'him as saying.', ["Tomas Berg"]),
        ('"The bridge will reopen soon after the repairs," the FT quoted the ministry\'s statement as saying.',
         ["ministry"]),
        # look-alike: the agency that reported it, with no one cited, speaks
        ('"The bridge will reopen soon after the repairs," the agency reported, citing no sources.', ["agency"]),
    ],
)  # fmt: skip
def test_round14_an_outlet_quoting_someone_as_saying(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British single quotation marks on a line with no double marks
        ("Foreign Secretary Ana Duarte arrived in Oslo on Monday.\n'We will not leave the port before the spring,' "
         "she said.", [("Ana Duarte", "We will not leave the port before the spring")]),
        ("'There is no deal yet,' a senior official told the BBC. 'We don\u2019t expect one before the summer.'",
         [("senior official", "There is no deal yet"),
          ("senior official", "We don\u2019t expect one before the summer.")]),
        ("\u2018The soldiers' families are still waiting for news,\u2019 the mayor said.",
         [("mayor", "The soldiers' families are still waiting for news")]),
        # `"...," is the lament of a blogger, NAME`: the blogger
        ("\u2018Ten years there, dead sailors, and tons of fuel burned,\u2019 is the lament of a blogger with 600,000 "
         "followers, Red Corner.", [("Red Corner", "Ten years there, dead sailors, and tons of fuel burned")]),
        # look-alikes: a possessive and an apostrophe open no quotation; a word in single marks is no sentence
        ("The sailors' families waited at the gate for news of the ship's return.", []),
        ("Berg's men, the 'old guard' of the port, stayed on.", []),
    ],
)  # fmt: skip
def test_round14_british_single_quotation_marks(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # marks printed the wrong way round, or two apostrophes typed for one mark: the quotation all the same
        ("Mayor Ana Duarte spoke on Monday. \u201cWe will not leave the port before the spring,\u201c she said.",
         [("Ana Duarte", "We will not leave the port before the spring")]),
        ("Mayor Ana Duarte spoke on Monday. \u201dWe will not leave the harbour before the summer,\u201d she said.",
         [("Ana Duarte", "We will not leave the harbour before the summer")]),
        ("Mayor Ana Duarte spoke on Monday. ''We will not leave the bay before the winter,'' she said.",
         [("Ana Duarte", "We will not leave the bay before the winter")]),
        # look-alike: a closing mark with a space before it still closes; one that follows a word opens nothing
        ("Mayor Ana Duarte said: \u201cWe will keep talking to all sides of the council. \u201d",
         [("Ana Duarte", "We will keep talking to all sides of the council.")]),
        ("The band's 12\u201d single sold well, the mayor said.", []),
    ],
)  # fmt: skip
def test_round14_marks_printed_the_wrong_way(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Turkish foreign minister", "Greece's foreign minister": the holder of that country's office
        ('Turkish Foreign Minister Hakan Demir met Greek Foreign Minister Nikos Pappas in Athens. "The talks were open '
         'and honest," Pappas said. "We will meet again in the spring," Demir told reporters.\nThe Turkish foreign '
         'minister later said that "every dispute can be solved at the table."\nGreece\'s foreign minister added that '
         'the islands were "not up for discussion at all."',
         ["Nikos Pappas", "Hakan Demir", "Hakan Demir", "Nikos Pappas"]),
        # look-alike: a country's body is no office holder
        ('Greek Foreign Minister Nikos Pappas met the press. Greece\'s navy said the islands were "not up for '
         'discussion at all."', ["Greece's navy"]),
    ],
)  # fmt: skip
def test_round14_a_countrys_office_by_its_possessive(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one word that closes "described X as" or a verb of judgement and "as": the speaker's judgement
        ('Mayor Ana Duarte described the talks as "constructive".', [("Ana Duarte", "constructive")]),
        ('Ana Duarte dismissed the report as "nonsense".', [("Ana Duarte", "nonsense")]),
        ('Critics have long described the plan as "reckless".', [("Critics", "reckless")]),
        # look-alike: the word inside a longer sentence is the writer's label
        ('The council described the old bridge as "historic" in its guide for visitors.', []),
    ],
)  # fmt: skip
def test_round14_one_word_judgement_after_as(ex: Extractor, text: str, expected: list) -> None:
    assert _quotes(ex, text) == expected


@pytest.mark.parametrize(
    ("speaker", "role", "expected"),
    [
        # whichever rule found the speaker, a title before the name is the role (issue 10)
        ("Ayatollah Ali Khamenei", None, ("Ali Khamenei", "Ayatollah")),
        ("Mr. al-Rashid", None, ("al-Rashid", "Mr.")),
        ("Capt Omar Sokol", "harbour master", ("Omar Sokol", "Capt harbour master")),
        ("Imam Saleh", "Imam of the mosque", ("Saleh", "Imam of the mosque")),
        # look-alikes: a title alone, an organisation opening with an office's word, a plain name
        ("President", None, ("President", None)),
        ("State Department", None, ("State Department", None)),
        ("Mira Lind", "analyst", ("Mira Lind", "analyst")),
    ],
)  # fmt: skip
def test_a_title_left_before_a_speakers_name_becomes_the_role(
    speaker: str, role: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert title_to_role(speaker, role) == expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        # an office written before the name, its last word found from the end: business, courts, local government
        ("Halvorsen Foods CEO Marit Dahl", ("Marit Dahl", "Halvorsen Foods CEO")),
        ("Port Authority Administrator Jonas Weller", ("Jonas Weller", "Port Authority Administrator")),
        ("Marin County Sheriff Dolores Quay", ("Dolores Quay", "Marin County Sheriff")),
        ("UN Secretary-General Lena Moberg", ("Lena Moberg", "UN Secretary-General")),
        ("Brentwick head coach Tomas Avery", ("Tomas Avery", "Brentwick head coach")),
        ("Nordbank's Ingrid Solli", ("Ingrid Solli", "Nordbank")),  # a possessive owner
        # look-alikes: an organisation whose name holds an office's word, an office with no name after it
        ("Interior Ministry", ("Interior Ministry", None)),
        ("Harbour Police Commissioner", ("Harbour Police Commissioner", None)),
        ("General Command", ("General Command", None)),
        ("Nordbank's Ingrid", ("Nordbank's Ingrid", None)),
    ],
)  # fmt: skip
def test_an_office_before_the_name_becomes_the_role(speaker: str, expected: tuple[str, str | None]) -> None:
    assert title_to_role(speaker, None) == expected


def test_a_chief_executive_quoted_in_a_wire_story_is_named_without_the_office(ex: Extractor) -> None:
    text = ('"Demand held up better than we feared," Halvorsen Foods CEO Marit Dahl told analysts on a call.\n'
            '"We will not raise prices again this year," Marin County Sheriff Dolores Quay said of the fines.\n')
    got = [(q.speaker, q.role) for q in ex.extract(text, REF).quotes]
    assert got == [("Marit Dahl", "Halvorsen Foods CEO"), ("Dolores Quay", "Marin County Sheriff")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a round-up's or a live page's label before the words: the role stays out of the name
        ('Brentwick head coach Tomas Avery: "We were second best for an hour and still won."', ["Tomas Avery"]),
        ('Tomas Avery (Brentwick coach): "We were second best for an hour and still won."', ["Tomas Avery"]),
        ('Avery on the referee: "I will not say anything about him, I would get a fine."', ["Avery"]),
        ('The coach of Brentwick is Tomas Avery.\nAvery: "We were second best for an hour and still won."',
         ["Tomas Avery"]),
        # look-alikes: a newsroom label, an outlet, a place's entry, a participle clause with its own verb
        ('Warning: "Do not enter the building until the fire service says it is safe."', [None]),
        ('TASS: "The talks will continue in Geneva next week, a source said."', [None]),
        ('Kherson: "The shelling has not stopped since the morning, and the bridge is down."', [None]),
        ('Commenting on the result, the coach Tomas Avery said:\n"We were second best for an hour."', ["Tomas Avery"]),
    ],
)  # fmt: skip
def test_a_label_before_the_words_names_who_speaks(ex: Extractor, text: str, expected: list) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire story's dateline is no part of its first speaker's role
        ('OSLO (Reuters) - Port authority chief Ingrid Solli said on Monday the strike was "over for now".',
         ("Ingrid Solli", "Port authority chief")),
        ('BERGEN, Dec 3 (Reuters) - Fisheries Minister Jonas Weller said the quota was "not negotiable".',
         ("Jonas Weller", "Fisheries Minister")),
        ('MOSCOW, December 9. /TASS/. Kremlin spokesman Dmitry Peskov said Moscow would "wait and see".',
         ("Dmitry Peskov", "Kremlin spokesman")),
        # look-alike: a role with a party in brackets keeps it
        ('Tom Hale, MP (Labour) for Leeds North, said the port was "a national asset".',
         ("Tom Hale", "MP (Labour) for Leeds North")),
        # a clause about the speaker after the name is no role
        ('"We were excellent," said Tomas Avery, whose side face Brentwick on Sunday.', ("Tomas Avery", None)),
    ],
)  # fmt: skip
def test_a_datelines_outlet_stays_out_of_the_speakers_role(ex: Extractor, text: str, expected: tuple) -> None:
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the quotation's comma, a name and the verb of how they said it, whatever the verb
        ('"We are watching closely," Karl Brandt said.\n"The harbour is ours," Dana Whitfield fumed.',
         "Dana Whitfield"),
        ('"We are watching closely," Karl Brandt said.\n"I never saw the money," Whitfield testified on Tuesday.',
         "Whitfield"),
        ('"We are watching closely," Karl Brandt said.\n"Read the contract first," she shot back on X.', "Karl Brandt"),
        ('"We are watching closely," Karl Brandt said.\n"The fine stands," the judge ruled.', "judge"),
        # a dash and a name alone after the words (a pull quote, a round-up)
        ('"We are watching closely," Karl Brandt said.\n"We will rebuild every house." \u2014 Mayor Dana Whitfield',
         "Dana Whitfield"),
        # look-alikes: a clause that goes on after a plural noun, a term with no comma, so "he" stays with the speaker
        ('"We are watching closely," Karl Brandt said.\nIn what he said meant "a humiliation for the port," Danish '
         'trawlers waited for days off the coast.', "Karl Brandt"),
        ('"We are watching closely," Karl Brandt said.\nHe called it "a stunt" Whitfield staged for the cameras.',
         "Karl Brandt"),
    ],
)  # fmt: skip
def test_a_name_and_any_verb_after_the_quotations_comma_is_who_said_it(ex: Extractor, text: str, expected: str) -> None:
    assert who(ex, text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named subject, a verb of its own (no verb of speech), and the quotation inside what it did: its words
        ('Harbour chief Ingrid Solli branded the report "a lie from start to finish".', ["Ingrid Solli"]),
        ('On Monday, Mayor Dana Whitfield welcomed "the end of a long and costly strike".', ["Dana Whitfield"]),
        ('Tomas Reyes, 60, a ferry pilot, hopes the new owners will be "better than the old ones".', ["Tomas Reyes"]),
        ('Dana Whitfield spoke on Monday.\nWhitfield blamed the council for "wasting a whole summer on studies".',
         ["Dana Whitfield"]),
        ('The Fisheries Ministry condemned "the reckless blockade of the northern quay".', ["Fisheries Ministry"]),
        # look-alikes: a subject that cannot speak, a surname the text never gives in full, a place
        ('Images showed that "the whole fleet of old ships" had left the port during the night.', [None]),
        ('Whitfield blamed the council for "wasting a whole summer on studies".', [None]),
        ('Bergen welcomed "the first cruise ship of the summer season" on Monday.', [None]),
    ],
)  # fmt: skip
def test_a_named_subjects_own_verb_gives_it_the_quotation_inside_what_it_did(
    ex: Extractor, text: str, expected: list
) -> None:
    assert who(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age before the name, in figures or in words, is the role, never part of the name
        ('"We will rebuild everything," said twelve-year-old Mira Haddad.', [("Mira Haddad", "twelve-year-old")]),
        ('"We will rebuild everything," Twelve-year-old Mira Haddad said.', [("Mira Haddad", "Twelve-year-old")]),
        ('"We will rebuild everything," 12-year-old Mira Haddad told reporters.', [("Mira Haddad", "12-year-old")]),
        # look-alike: an age before no name describes an unnamed speaker, kept as written
        ('"We will rebuild everything," said a twelve-year-old boy.', [("twelve-year-old boy", None)]),
    ],
)  # fmt: skip
def test_an_age_before_the_name_is_the_role(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question's or an exclamation's mark ends the sentence; the short one after it is its attribution
        ('"We are watching closely," Karl Brandt said.\n"Why would anyone stay here now?" Dana Whitfield said.',
         "Dana Whitfield"),
        ('"We are watching closely," Karl Brandt said.\n"We will never go back there again!" Dana Whitfield sobbed.',
         "Dana Whitfield"),
        ('"Why would anyone stay here now?" Dana Whitfield asked reporters on Monday.', "Dana Whitfield"),
        # look-alikes: an ordinary sentence after the question names no one new
        ('"We are watching closely," Karl Brandt said.\n"Why would anyone stay here now?" The question haunts the '
         'town.', "Karl Brandt"),
        ('"We are watching closely," Karl Brandt said.\n"Why would anyone stay here now?" Residents left in droves '
         'after the strike on the bridge at dawn.', "Karl Brandt"),
    ],
)  # fmt: skip
def test_the_sentence_after_a_quoted_question_can_be_its_attribution(ex: Extractor, text: str, expected: str) -> None:
    assert who(ex, text)[-1] == expected


def test_quoted_him_as_saying_is_the_person_before_never_the_word_him(ex: Extractor) -> None:
    named = 'Imam Omar Saleh spoke in Homs on Friday.\nHis office quoted him as saying: "The city forgives."\n'
    assert who(ex, named) == ["Omar Saleh"]
    nobody = 'The office quoted him as saying: "The city forgives."\n'
    assert who(ex, nobody) == [None]  # no one named before: no speaker, rather than "him"
