"""Who said it across sentences and paragraphs, round 11b: interviews labelled by surname, a speech quoted over
several paragraphs, a headline in quote marks, each with cases and a look-alike.

Texts written for these tests in the forms of news writing; none come from the development corpus or the held-out
sets. Expected speakers are what a reader names, worked out by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.extract import Extractor
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

REF = date(2025, 3, 5)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


def said(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in ex.extract(text, REF).quotes]


def opening(found: list[tuple[str, str | None]], expected: list[tuple[str, str | None]]) -> bool:
    """Each quote found opens with the expected words and has the expected speaker."""
    pairs = zip(found, expected, strict=False)
    return len(found) == len(expected) and all(t.startswith(w) and s == e for (t, s), (w, e) in pairs)


# -- an interview whose answers are labelled with a surname holding particles ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interview with the naval historian Carmen de la Fuente\n"
         "THE ECONOMIST: Ms de la Fuente, will the fleet stay in Cartagena?\n"
         "De la Fuente: Only if the harbour pays for itself. Nobody in Madrid believes it does.\n"
         "THE ECONOMIST: And the sailors?\n"
         "De la Fuente: They have been told to pack their bags.\n",
         [("Only if the harbour pays", "De la Fuente"), ("They have been told to pa", "De la Fuente")]),
        ("Q&A with a port economist\n"
         "NRC: What does the closure cost Rotterdam?\n"
         "Pieter van den Berg: Less than people fear. The grain goes through Antwerp now.\n"
         "NRC: For how long?\n"
         "Pieter van den Berg: Until the insurers change their minds, and that takes a year.\n",
         [("Less than people fear. T", "Pieter van den Berg"), ("Until the insurers chang", "Pieter van den Berg")]),
        # look-alike: a one-line "About NAME:" note above an interview is a biography, no answer
        ("About Pieter van den Berg: he teaches at Delft and has written on ports.\n"
         "NRC: What does the closure cost Rotterdam?\n"
         "Van den Berg: Less than people fear, frankly.\n"
         "NRC: For how long?\n"
         "Van den Berg: A year at least, I would say.\n",
         [("Less than people fear, f", "Van den Berg"), ("A year at least, I would", "Van den Berg")]),
    ],
)  # fmt: skip
def test_an_interview_labelled_with_a_surname_with_particles(ex: Extractor, text: str, expected: list) -> None:
    assert opening(said(ex, text), expected), said(ex, text)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Last spring I asked an old fisherman in Sfax what he feared. He shrugged and said: "
         '"Only the calm before the boats come."', "an old fisherman"),
        ("When we met a Turkish colonel at the border, he was blunt. He told us: "
         '"Nobody here waits for permission."', "a Turkish colonel"),
        # look-alike: a capitalised word that opens a sentence before a noun is no person's name
        ("Without Varna a fleet has nowhere to winter. Sofia knows it. One minister told me: "
         '"We will not sell the harbour twice."', "One minister"),
    ],
)  # fmt: skip
def test_a_person_an_answer_describes_says_the_quote_inside_it(ex: Extractor, answer: str, expected: str) -> None:
    text = ("DIE ZEIT: Will the talks succeed?\nKowalczyk: " + answer + "\n"
            "DIE ZEIT: And then?\nKowalczyk: Then we wait for the spring, as always.\n")
    quotes = ex.extract(text, REF).quotes
    assert [q.speaker for q in quotes] == ["Kowalczyk", expected, "Kowalczyk"]


# -- a speech quoted over several paragraphs: "...," the speaker began, and each paragraph re-opens the quote ------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("At the vigil, Bishop Tomasz Wierzba spoke for twenty minutes.\n"
         '"Friends, we gather in a town that has buried too many," the bishop began. "We will not be quiet.\n'
         '"We asked for bread, and they sent soldiers to count us.\n'
         '"Tomorrow we open the school again, whoever comes to the door."\n'
         "The crowd stayed in the square until midnight.\n", "Tomasz Wierzba"),
        ("Mayor Ines Carvalho addressed the council on Thursday.\n"
         '"The river has taken three streets, and it will take more," Carvalho went on, "unless the dam is mended.\n'
         '"I have written to the ministry four times this winter.\n'
         '"Nobody has answered, and the water does not wait."\n', "Ines Carvalho"),
    ],
)  # fmt: skip
def test_a_speech_left_open_over_paragraphs_is_the_speakers(ex: Extractor, text: str, speaker: str) -> None:
    quotes = ex.extract(text, REF).quotes
    assert len(quotes) >= 4 and {q.speaker for q in quotes} == {speaker}


def test_a_verb_of_the_speechs_course_with_more_after_it_names_no_speaker(ex: Extractor) -> None:
    # look-alike: "began to sing" is what the choir did next, not who spoke the words
    text = '"Sing with us, all of you, for the last time," the choir began to sing as the doors opened.\n'
    assert [q.speaker for q in ex.extract(text, REF).quotes] in ([], [None])


# -- a headline or standfirst in quote marks is page furniture, not a quotation ---------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        '"The Baltic Is No Longer a Russian Lake"',
        'Mosul\'s bakers on the first winter of peace: "We bake until the flour runs out"',
        "Gdansk dockers: \u00abNobody asked us about the cranes\u00bb",
    ],
)
def test_a_headline_in_quote_marks_is_no_quote(ex: Extractor, headline: str) -> None:
    text = (headline + "\nBy Anna Lis\n4 March 2025\n"
            'The strike entered its third day. "We stay until they talk to us," said Marek Nowak, a crane driver.\n')
    assert opening(said(ex, text), [("We stay until they talk t", "Marek Nowak")]), said(ex, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # look-alike: a short quote paragraph of its own that ends as a sentence ends stays a quotation
        ('The cranes stood still for a third day.\n"We stay until they talk to us."\n',
         [("We stay until they talk t", None)]),
        # a headline that names who says it keeps its speaker
        ('"We stay until they talk to us," says Marek Nowak, a crane driver\nBy Anna Lis\n',
         [("We stay until they talk t", "Marek Nowak")]),
    ],
)  # fmt: skip
def test_a_quote_paragraph_or_an_attributed_headline_stays(ex: Extractor, text: str, expected: list) -> None:
    assert opening(said(ex, text), expected), said(ex, text)


# -- a person a sentence is about, with no verb of speech, says the quote that opens the next sentence ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed person described with a "who" clause, then "he said", "the diplomat" and "he went on"
        ("Ines Moreau, a nurse, said the ward was full.\n"
         "A Western diplomat at the embassy in Vienna, who asked not to be named, met us in a cafe. "
         '"Nobody here expects a deal this year," he said.\n'
         'The diplomat stirred his coffee. "The talks are a ritual now."\n'
         'But, he went on, "a ritual is better than a war."\n',
         ["Western diplomat at the embassy in Vienna", "Western diplomat at the embassy in Vienna",
          "Western diplomat at the embassy in Vienna"]),
        # a kinship noun and a name between commas: the name speaks
        ('"The boats will come back in spring," said Yusuf Demir, a fisherman in Sinop.\n'
         'His daughter, Elif, shook her head. "They said that last year too."\n',
         ["Yusuf Demir", "Elif"]),
        ('"The school reopens on Monday," said Teodora Ilic, the headmistress.\n'
         'Her colleague, Marko Babic, 52, was less sure. "We have no heating and no books."\n',
         ["Teodora Ilic", "Marko Babic"]),
    ],
)  # fmt: skip
def test_the_person_a_sentence_is_about_says_the_next_quote(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: a thing, not a person, opens the sentence before the quote; plural people are nobody's "he"
        'The ferry left the harbour at dawn. "Nobody knows when it comes back."\n',
        'Two officials at the port, who asked not to be named, walked us to the gate. "It was chaos."\n',
    ],
)
def test_a_thing_or_a_group_before_a_quote_names_no_speaker(ex: Extractor, text: str) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == [None]


# -- two speakers alternating: turns named by a verb of the conversation and by the possessive ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The ferries stopped in March," said Dalia Haddad, a teacher.\n'
         '"They stopped in February," interrupted her husband, Karim Saleh.\n'
         '"February, then," Haddad said.\n'
         '"The end of February," Saleh agreed.\n',
         ["Dalia Haddad", "Karim Saleh", "Dalia Haddad", "Karim Saleh"]),
        ('"The mill has been closed for a month," said Olena Shevchuk, who runs the bakery.\n'
         'Her cousin, Taras, laughed. "A month and a half."\n'
         '"Nobody counts the days any more," Shevchuk said.\n'
         '"I do," he replied.\n',
         ["Olena Shevchuk", "Taras", "Olena Shevchuk", "Taras"]),
        # look-alike: the same verbs with more after them are no turn of speech
        ('"Winter Road" is the name of the film, which began filming in Kars.\n', []),
    ],
)  # fmt: skip
def test_two_speakers_alternating(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A source close to the Romanian navy, speaking on condition of anonymity, was more direct. "
         '"The frigates will not sail before June," the source said.\n', "source close to the Romanian navy"),
        ("An engineer at the Constanta shipyard was blunter still. "
         '"We have no steel for the hulls," the engineer said.\n', "engineer at the Constanta shipyard"),
    ],
)  # fmt: skip
def test_a_description_given_earlier_is_the_source_named_later(ex: Extractor, text: str, expected: str) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == [expected]


# -- who a sentence is about, carried to its own "he said" and to the next sentence's quote ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role named before opens the sentence after a circumstance: its own "he said" is that person
        ("Bishop Anton Varga led the service in Cluj on Sunday.\n"
         '"We will stay," said Father Mihai Pop, a priest from Turda.\n'
         'Later the bishop visited the hospital, where, he said, "the nurses have not been paid since May."\n',
         ["Mihai Pop", "Anton Varga"]),
        # one of a group, described by an appositive, then "he said"
        ('"The bus left at six," the driver said.\n'
         "One of the released fishermen, a 40-year-old father of three from Sfax, spoke briefly at the quay. "
         '"I only want to sleep," he said.\n',
         ["driver", "a 40-year-old father of three from Sfax"]),
        # a body's text introduced by a sentence, then "It said ... "..."": the body
        ('"The talks were useful," said Olaf Brandt, the German envoy.\n'
         "The Elysee's statement was shorter. It said the president had "
         '"underlined the need for a political transition" in the country.\n',
         ["Olaf Brandt", "Elysee"]),
        # how someone spoke, before a colon and the quote
        ("Mayor Rosa Quintero met the fishermen on Monday.\n"
         'Asked about the closure of the harbour, the mayor was blunt: "Nobody will sail from here until June."\n',
         ["Rosa Quintero"]),
    ],
)  # fmt: skip
def test_the_person_or_body_a_sentence_opens_with_speaks(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # look-alikes: the weather is no manner of speech; "the harbour" opening a sentence names nobody
        ('Teodor Marin, a ferry captain, left at dawn.\nThe sky was clear: "Perfect weather for the crossing '
         'at last."\n', [None]),
        ('Bishop Anton Varga led the service.\nLater the harbour reopened, and, he said, "the boats are back."\n',
         ["Anton Varga"]),
    ],
)  # fmt: skip
def test_a_thing_opening_the_sentence_changes_no_speaker(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


def test_a_name_pair_never_runs_across_lines(ex: Extractor) -> None:
    # "News" ending one line and "Vogel" opening the next are no "News Vogel"
    text = ("Business\nNews\nVogel says the port will reopen\n"
            'The port authority said Vogel had promised "a full reopening before the summer season begins".\n'
            "Chancellor Hans Vogel visited the port on Monday.\n")
    assert [q.speaker for q in ex.extract(text, REF).quotes] != ["News Vogel"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker set off by commas inside the reported clause: the aside's pronoun, not the clause's subject
        ('"The convoy will wait," said Ilse Brandt, the mission\'s head. The border, she added, would stay '
         '"closed to trucks until further notice".\n', ["Ilse Brandt", "Ilse Brandt"]),
        ('Minister Rafael Ortiz spoke in Bilbao. "We build the ships here," Ortiz said. Madrid, he said, was '
         '"in no hurry at all" to sell the yard.\n', ["Rafael Ortiz", "Rafael Ortiz"]),
        # look-alike: an aside whose clause has its own verb of speech before the quote: that verb's subject speaks
        ('"We build the ships here," said Rafael Ortiz. Later, he said, the unions told reporters that the yard '
         'was "not for sale under any government".\n', ["Rafael Ortiz", "unions"]),
    ],
)  # fmt: skip
def test_a_pronoun_aside_inside_the_reported_clause(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The High Commissioner for Refugees, Lena Okafor, toured the camp on Friday. "
         '"The shelters will not last the winter," she said.\n', ("Lena Okafor", "High Commissioner for Refugees")),
        ("The Special Envoy, Pavel Dusek, arrived in Tbilisi on Monday. "
         '"Both sides have agreed to talk," he said.\n', ("Pavel Dusek", "Special Envoy")),
    ],
)  # fmt: skip
def test_a_capitalised_office_then_its_holder_is_the_next_he_or_she(ex: Extractor, text: str, expected: tuple) -> None:
    assert [(q.speaker, q.role) for q in ex.extract(text, REF).quotes] == [expected]


def test_a_body_opening_a_sentence_with_its_title_is_no_person(ex: Extractor) -> None:
    # look-alike: "The Foreign Ministry, Oslo's ..." names a body, and "he" stays the person named before
    text = ('"We will send a team," said Jonas Lie, the envoy.\n'
            "The Foreign Ministry, Statens Hus, issued a note on Friday. "
            '"The team is ready to leave," he said.\n')
    assert [q.speaker for q in ex.extract(text, REF).quotes] == ["Jonas Lie", "Jonas Lie"]


# -- short partial quotes: a speaker's own words, or the writer's term ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Dr Lena Sauer, an economist in Kiel, expects the yard to keep what she called a "skeleton crew" '
         "through the winter.\n", [("skeleton crew", "Lena Sauer")]),
        ('Piotr Lis, a port official in Gdansk, described what he called an "orderly retreat" of the tugs.\n',
         [("orderly retreat", "Piotr Lis")]),
        ('Minister Anna Holm told reporters on Monday that the situation was "fluid" and that the talks '
         '"must go on without preconditions".\n',
         [("fluid", "Anna Holm"), ("must go on without preconditions", "Anna Holm")]),
        # look-alikes: a one-word term inside a longer predicate, and a label given with "called it"
        ('Minister Anna Holm said the crews were "rotated" back to Kiel in May.\n', []),
        ('Minister Anna Holm called it a "victory" for the unions.\n', []),
    ],
)  # fmt: skip
def test_short_partial_quotes(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.text, q.speaker) for q in ex.extract(text, REF).quotes] == expected


def test_a_quote_inside_a_quote_is_the_person_described_before_it(ex: Extractor) -> None:
    text = ("At the mosque by the harbour, the imam, Sheikh Omar Tahir, recalls a Turkish sailor who came to pray "
            "in March. \u00ab He said to me: \u201cWe will come back with the spring.\u201d I believed him, \u00bb "
            "the imam said.\n")
    found = [(q.text, q.speaker) for q in ex.extract(text, REF).quotes]
    assert found[1] == ("We will come back with the spring.", "a Turkish sailor")
    assert found[0][1] != "a Turkish sailor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of capitalised nouns that ends on a comma inside the marks, then "he said": speech, not a title
        ('Yusuf Demir, a fisherman, mends nets in Sinop. "The Greeks, the Turks, the Russians," he said. '
         '"The fish stay."\n',
         [("The Greeks, the Turks, the Russians", "Yusuf Demir"), ("The fish stay.", "Yusuf Demir")]),
        ('"Bread, Water, Fuel, Medicine," said Hana Vesely, listing what the town lacks.\n',
         [("Bread, Water, Fuel, Medicine", "Hana Vesely")]),
        # look-alike: a title in capitals with no speaker after it stays a title
        ('Yusuf Demir watched "The Last Harbour" again on Friday.\n', []),
    ],
)  # fmt: skip
def test_words_in_capitals_with_a_speaker_after_them_are_speech(ex: Extractor, text: str, expected: list) -> None:
    assert [(q.text, q.speaker) for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The port is closed," said Olaf Brandt, the envoy.\n'
         'A senior engineer at the Varna shipyard described what he called a "slow bleed" of skilled welders.\n',
         ["Olaf Brandt", "senior engineer at the Varna shipyard"]),
        ('"The port is closed," said Olaf Brandt, the envoy.\n'
         "A Western diplomat in Sofia who follows the talks closely was less hopeful. "
         '"Nobody will sign before the summer," the diplomat said.\n',
         ["Olaf Brandt", "Western diplomat in Sofia"]),
        # look-alike: plural people described at the head of the sentence are not "he"
        ('"The port is closed," said Olaf Brandt, the envoy.\n'
         'Two engineers at the shipyard described what he called a "slow bleed" of skilled welders.\n',
         ["Olaf Brandt", "Olaf Brandt"]),
    ],
)  # fmt: skip
def test_an_unnamed_person_described_at_the_sentence_head(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed person described by the body they are close to is the next "he", not a body
        ('Minister Ilse Varga spoke in Vienna on Monday.\n'
         'A source close to the Hungarian cabinet told us the plan was "dead". "Nobody will revive it," he said.\n',
         ["source close to the Hungarian cabinet", "source close to the Hungarian cabinet"]),
        # look-alike: the body itself is "it", and "he" stays the person named before
        ('Minister Tomas Varga spoke in Vienna on Monday.\n'
         'The Hungarian cabinet said the plan was "dead". "Nobody will revive it," he said.\n',
         ["Hungarian cabinet", "Tomas Varga"]),
    ],
)  # fmt: skip
def test_a_source_close_to_a_body_is_a_person(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age in a definite description points back to the person just named
        ("Ilse Varga, a historian at Graz University, has studied the port for years.\n"
         'The 61-year-old academic, who grew up in Trieste, said: "Nobody builds a navy in a decade."\n',
         ["Ilse Varga"]),
        ('"The bakery opens at five," said Karim Nasser, a baker in Tyre.\n'
         'The 47-year-old, a father of four, shrugged. "Flour costs double now," the 47-year-old said.\n',
         ["Karim Nasser", "Karim Nasser"]),
        # look-alike: with no one named before, the age stays the description
        ('"We sleep in the car," the 30-year-old nurse said.\n', ["30-year-old nurse"]),
    ],
)  # fmt: skip
def test_an_age_in_a_definite_description_points_back(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "his cousin" after an unnamed person stays "his cousin" (not "one of them's cousin")
        ('"The lorries pass at night," said one of the drivers, who asked not to be named.\n'
         'His cousin, who runs a garage on the same road, agreed. "Every night," the cousin said.\n',
         ["one of the drivers", "cousin"]),
        # after a named person too, "his cousin" stays as written (a relative is a person of their own)
        ('"The lorries pass at night," said Omar Haddad, a driver.\n'
         '"Every night since June," his cousin said.\n',
         ["Omar Haddad", "his cousin"]),
    ],
)  # fmt: skip
def test_a_relative_of_an_unnamed_person(ex: Extractor, text: str, expected: list) -> None:
    assert [q.speaker for q in ex.extract(text, REF).quotes] == expected


# -- an interview whose questions stand alone in bold and whose answers carry no label ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interview with the port economist Mikko Rantanen\n"
         "Finland's ports have lost their Russian trade. We spoke with Mikko Rantanen in Kotka.\n"
         "**Will the Russian ships come back to Kotka?**\n"
         "Not in my lifetime. The cranes are already being sold to Gdansk.\n"
         "**What did the war cost the port?**\n"
         "Half its tonnage, and most of the night shifts.\n"
         "*This interview has been edited for length.*\n",
         [("Not in my lifetime.", "Mikko Rantanen"), ("Half its tonnage", "Mikko Rantanen")]),
        ("Q&A: the mayor of Narva on the bridge\n"
         "Katri Raik has run the border town since 2021. She talked to us in her office.\n"
         "__Is the bridge still closed?__\n"
         "Closed to cars, open to pedestrians. It changes every week.\n"
         "__Do people still cross?__\n"
         "Pensioners, mostly, with their shopping bags.\n",
         [("Closed to cars", "Katri Raik"), ("Pensioners, mostly", "Katri Raik")]),
    ],
)  # fmt: skip
def test_answers_after_bold_questions_are_the_interviewees(ex: Extractor, text: str, expected: list) -> None:
    assert opening(said(ex, text), expected), said(ex, text)


def test_an_explainers_bold_question_subheadings_are_no_interview(ex: Extractor) -> None:
    # look-alike: the same layout with no interview said before it is an explainer's sections, the writer's words
    text = ("Why the Baltic ports matter\nBy Anna Lis\nPresident Alar Karis visited Tallinn port on Monday.\n"
            "**Why does the port matter?**\nIt handles a third of the country's trade.\n"
            "**What happens next?**\nThe government will decide in June.\n")
    assert said(ex, text) == []


def test_a_transcript_with_q_lines_and_full_name_answers(ex: Extractor) -> None:
    text = ("The foreign minister spoke to reporters in Riga.\n"
            "Q: Will the embassy reopen?\nBaiba Braze: Not this year. We have no staff to send.\n"
            "Q: And the consulate in Daugavpils?\nBaiba Braze: That one stays open, of course.\n")
    assert opening(said(ex, text), [("Not this year", "Baiba Braze"), ("That one stays open", "Baiba Braze")]), \
        said(ex, text)
