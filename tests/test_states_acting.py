"""A country or a capital standing for its state is no place (issue 10, round 7).

Each form comes with a look-alike that stays a place. Sentences written for these tests; the expected
places are read from each sentence by hand: a name counts when the sentence says where something is,
happens, goes or comes from, not when it names a state acting, owning, addressed or dealt with.
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
    """Every place the extraction reports for the text (scene and mentioned), in order, once each."""
    out: list[str] = []
    result = ex.extract(text, REF)
    for r in [*result.events, *result.quotes]:
        out += [p for p in [*r.places, *r.mentioned] if p not in out]
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a verb of will, speech, dealings or action
        ("Moscow insists the deal for Tartus still stands, officials said on March 2.", ["Tartus"]),
        ("Ankara will decide on March 2 whether to reopen the border.", []),
        ("On March 2 the envoy said Russia was in contact with the new rulers.", []),
        ("Analysts said on March 2 that Tehran was seeking a channel to the new leaders.", []),
        ("On March 2 Russia and Turkey agreed to extend the truce in Idlib.", ["Idlib"]),
        ("Russia has begun loading equipment at Tartus, satellite images showed on March 2.", ["Tartus"]),
        ("Moscow, for its part, rejected the report on March 2.", []),
        ("Tehran, which armed the old army, kept silent on March 2.", []),
        ("Moscow, the old government's main backer, sent no envoy on March 2.", []),
        ('"Syria is not a toy for anyone," the minister said in Homs on March 2.', ["Homs"]),
        # look-alikes: what befalls a place, or the place after a preposition
        ("Damascus was quiet on March 2 after a night of celebrations.", ["Damascus"]),
        ("Aleppo has been shelled every night since March 2.", ["Aleppo"]),
        ('On March 2 rebels said Homs had been "liberated".', ["Homs"]),
        ("Russia has bases in Syria, the minister said on March 2.", ["Syria"]),
        ("On March 2 the delegation flew to Moscow.", ["Moscow"]),
        ("Celebrations spread across Syria on March 2.", ["Syria"]),
    ],
)  # fmt: skip
def test_a_state_as_subject_is_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a state owns or does
        ("Russia's role in Libya grew after March 2, officials said.", ["Libya"]),
        ("On March 2 the UK's envoy met the interim president in Damascus.", ["Damascus"]),
        ("Moscow's ally lost power on March 2.", []),
        ('He said on March 2 that this was Turkey\'s "strategic goal".', []),
        # look-alikes: land a country holds, a place within it
        ("On March 2 rebels entered Syria's third-largest city.", ["Syria"]),
        ("Fighting reached Syria's Mediterranean coast on March 2.", ["Syria"]),
        ("On March 2 jets struck Syria's Idlib province.", ["Idlib Governorate", "Syria"]),  # the gazetteer's name
    ],
)  # fmt: skip
def test_a_state_owning_is_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert sorted(places_reported(ex, text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state addressed, dealt with, talked about, blamed or compared
        ("Talks between Moscow and the new authorities in Damascus resumed on March 2.", ["Damascus"]),
        ("The council weighed offers from Qatar on March 2.", []),
        ("The minister accused Turkey on March 2 of shelling Kobani.", ["Kobani"]),
        ('On March 2 she said the country had "deep interests" with Russia.', []),
        ('The envoy said on March 2 that nobody wanted to "close the door" on Moscow.', []),
        ("The bases are a matter for Damascus, the envoy said on March 2.", []),
        ("Asked about Russia on March 2, the minister smiled.", []),
        ("Diplomats warned on March 2 that nobody wants another Libya.", []),
        ("On March 2 the monitor said the withdrawal left Assad's backers, Russia and Iran, exposed.", []),
        ("On March 2 the exit was organised worse than Kabul, a blogger wrote.", []),
        # look-alikes: the same names where something is, goes or comes from
        ("The road between Damascus and Homs was cut on March 2.", ["Damascus", "Homs"]),
        ("Aid convoys from Jordan reached Daraa on March 2.", ["Jordan", "Daraa"]),
        ("On March 2 the minister flew to Turkey.", ["Turkey"]),
        ("On March 2 the convoy left for Damascus.", ["Damascus"]),
        ("On March 2 a drone fell about 20 km from Homs.", ["Homs"]),
    ],
)  # fmt: skip
def test_a_state_addressed_or_dealt_with_is_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert sorted(places_reported(ex, text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names inside an organisation's name, a title's object, a nickname
        ("A lecturer at King's College London said on March 2 that the talks had stalled.", []),
        ("On March 2 a fellow at the Carnegie Russia Eurasia Center wrote that the talks had stalled.", []),
        ("On March 2 the Israel Defense Forces shelled Quneitra.", ["Quneitra"]),
        ("On March 2 the Autonomous Administration of North and East Syria closed the crossings.", []),
        ('On March 2 the market residents called "Little Tehran" reopened in Homs.', ["Homs"]),
        ("The Special Envoy for the Middle East and Africa spoke in Cairo on March 2.", ["Cairo"]),
        # look-alikes: the same names where something happens
        ("A lecturer from London said on March 2 that the talks had stalled.", ["London"]),
        ("On March 2 Israeli forces shelled Quneitra from Israel.", ["Quneitra", "Israel"]),
        ("On March 2 fighting spread in the north and east of Syria.", ["Syria"]),
    ],
)  # fmt: skip
def test_a_name_inside_a_longer_name_is_no_place(ex: Extractor, text: str, expected: list[str]) -> None:
    assert sorted(places_reported(ex, text)) == sorted(expected)


def test_a_section_label_and_a_live_pages_title_are_no_place(ex: Extractor) -> None:
    text = "Syria live: rebels take Homs\nIsrael: Israeli jets struck Quneitra on March 2."
    assert places_reported(ex, text) == ["Quneitra"]
    # look-alike: the country as the sentence's scene
    assert places_reported(ex, "Title\nIn Israel, protesters marched on March 2.") == ["Israel"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an area's own word is not part of its common name
        ("Protesters gathered in the Qudsaya district on March 2.", ["Qudsaya"]),
        ("On March 2 shelling hit villages in Hatay province.", ["Hatay"]),
        # look-alike: a feature's word is ("the Zeyzoun dam" is not Zeyzoun)
        ("Engineers worked at the Zeyzoun dam on March 2.", ["Zeyzoun dam"]),
        # two names before a plural crossing word are two places
        ("On March 2 trucks crossed the Nusaybin and Akcakale border gates.", ["Nusaybin", "Akcakale"]),
        ("On March 2 trucks crossed the Turkish and Syrian border gates.", []),
        # a scene named at the start of a sentence and not in the gazetteer
        ("In Aqaba, ministers met on March 2.", ["Aqaba"]),
    ],
)  # fmt: skip
def test_area_words_and_pairs_of_crossings(ex: Extractor, text: str, expected: list[str]) -> None:
    assert sorted(places_reported(ex, text)) == sorted(expected)


# Round 14: forms of real reporting (aggregator copies of wire and broadcaster stories) where a state's name
# stood for the state. Each form has two cases of its own and a look-alike that stays a place.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one of a group of actors ("countries" may be land, so it is no such group)
        ("The sudden collapse surprised the world, including Beijing, officials said on March 2.", []),
        ("On March 2 he spoke of regional players such as Qatar and the need for calm.", []),
        pytest.param("Floods hit several countries, including Iraq, on March 2.", ["Iraq"],
                     marks=KNOWN_LOSS),
        # a deed after "has" with no "been", a setback suffered
        ("Turkey had evacuated its diplomats by March 2, the ministry said.", []),
        ("On March 2 officials said Israel has destroyed radar sites near Homs.", ["Homs"]),
        ('Analysts said on March 2 that Ankara had suffered a costly "defeat" in the north.', []),
        ("Homs had been evacuated by March 2, residents said.", ["Homs"]),
        ("Syria has suffered years of drought, experts said on March 2.", ["Syria"]),
        # a plight, a course, a role to play, what a state is to others
        ('Officials said on March 2 that Tehran is "overstretched".', []),
        ("Few knew on March 2 where Beijing was headed.", []),
        ("Doha was to play a central role in the talks, diplomats said on March 2.", []),
        ("He spoke on March 2 despite Ankara being one of the rebels' main backers.", []),
        ("Iraq is not a party to the pact, the minister said on March 2.", []),
        ("Egypt is an influential country, the envoy said on March 2.", []),
        ("Turkey is to the north, the officer said on March 2.", ["Turkey"]),
        ("Jordan is a beautiful country, the guide said on March 2.", ["Jordan"]),
        # adverbs and quote marks between the state and its verb
        ("On March 2 officials said Ankara is currently weighing the offer.", []),
        ('He wrote on March 2 that Tehran never really "trusted" the general.', []),
        ("Beirut is currently quiet, residents said on March 2.", ["Beirut"]),
        # a compound subject's plural verb, a demand's bare verb
        ("On March 2 France and Britain seek closer ties with the new rulers.", []),
        ("The council asked that Ankara hand over the suspects on March 2.", []),
        ("Troops in Iraq seek shelter from the storms, officers said on March 2.", ["Iraq"]),
    ],
)  # fmt: skip
def test_real_writing_states_doing_and_being(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun or an adjective before the state: what it is clear to, an impact on it, a need or a gain for it,
        # what comes from it, dealings with and between states, a stance toward it, its request, its cause, a topic
        ('"It is clear to Tehran that the deal is dead," he said on March 2.', []),
        ("The cuts will have a lasting impact on Cairo, economists warned on March 2.", []),
        ("He stressed on March 2 the need for Ankara to respect the border.", []),
        ('"If there are benefits for Lebanon, we will sign," he said on March 2.', []),
        ("On March 2 the council sought compensation from Israel for the damage.", []),
        ("Officials held discussions with Amman on March 2.", []),
        ('On March 2 she praised the "long friendship between Egypt and Jordan".', []),
        ("The new leaders took a cautious approach toward Tehran on March 2.", []),
        ("Troops left on March 2 at the request of Baghdad.", []),
        ("Exports fell on March 2 because of Iran.", []),
        ("On March 2 a fellow and expert on Iraq at a London institute said the talks stalled.", []),
        ("They lost all interest in Lebanon by March 2, the diplomat said.", []),
        ("On March 2 he thanked the donors and expressed his gratitude to Qatar.", []),
        ("The remarks made by Egypt on March 2 were welcomed.", []),
        # look-alikes: nearness to a city, holdings in a country
        ("A village close to Damascus was shelled on March 2.", ["Damascus"]),
        ("Investors hold deep interests in Iraq, the report said on March 2.", ["Iraq"]),
        # a state wanted to act ("to be" a field of war is the land)
        ('"We do not want Egypt to leave the talks," he said on March 2.', []),
        pytest.param('"We do not want Lebanon to be a battlefield," he said on March 2.', ["Lebanon"],
                     marks=KNOWN_LOSS),
        # a right granted to a state; a state keen in an absolute clause; the second party dealt with
        ("In 2019 the old government leased the airfield to Moscow for 40 years, the paper reported on March 2.", []),
        ("He had granted the port to Ankara in exchange for loans, the report said on March 2.", []),
        ("The convoy carried the aid to Damascus on March 2.", ["Damascus"]),
        ("The talks opened on March 2 with Ankara keen to settle the border.", []),
        ("Convoys set off on March 2 with Amman as their goal.", ["Amman"]),
        ("He spoke on March 2 of talks with the rebel council and Ankara.", []),
        ("Talks with the council took place in Homs and Damascus on March 2.", ["Homs", "Damascus"]),
    ],
)  # fmt: skip
def test_real_writing_states_addressed_or_dealt_with(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's name as an adjective before a title, an outlet's country in brackets
        ("Ousted Egypt President Hosni Mubarak spoke on March 2.", []),
        ("He said on March 2 that toppled Libya President Omar Kadhafi had fled.", []),
        ("In Iraq, President Rashid opened the session on March 2.", ["Iraq"]),
        ("The claim was made on March 2, according to CCTV (China).", []),
        ("The ships docked on March 2 at the port of Aqaba (Jordan).", ["Aqaba", "Jordan"]),
        # a state owning a site in another country; a site in the owner's own land; what befell a capital;
        # a possessive copied with a double quote mark
        ("On March 2 jets flew over Moscow's Khmeimim airfield.", ["Khmeimim Air Base"]),
        ("On March 2 jets flew over Libya's Al Khadim airbase.", ["Al Khadim Air Base", "Libya"]),
        ("After Kabul's fall on March 2, the embassy closed.", ["Kabul"]),
        ("Kabul's decision on March 2 surprised the envoys.", []),
        ('She conveyed Ankara"s position on March 2.', []),
    ],
)  # fmt: skip
def test_real_writing_states_as_adjectives_and_owners(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # peoples of states in their dealings (a prayer for a people names its land, as the labels have it)
        ('On March 2 he hailed the "friendship between the peoples of Egypt and Jordan".', []),
        ("He praised ties among the nations of Iraq and Kuwait on March 2.", []),
        ("On March 2 the imam prayed for the people of Yemen and Sudan.", ["Yemen", "Sudan"]),
        # two states joined by a hyphen: an adjective ("Guinea-Bissau" is one name)
        ("On March 2 envoys met at a turning point in Egypt-Jordan relations.", []),
        ("On March 2 veterans of the Iran-Iraq war gathered in Basra.", ["Basra"]),
        ("On March 2 he flew to Guinea-Bissau.", ["Guinea-Bissau"]),
        # the one material was sent to: an agency or a newsroom
        ("In footage sent to Newsflare from a local crew, smoke rose over Homs on March 2.", ["Homs"]),
        ("Documents provided to Lighthouse Reports on March 2 show the flights.", []),
        ("Aid sent to Kafr Nubl arrived on March 2.", ["Kafr Nubl"]),
        # an adjective made from a name, before its noun
        ("On March 2 tourists returned to Byzantine churches near Idlib.", ["Idlib"]),
        ("The fleet sailed on March 2 into Caspian waters.", []),
        ("On March 2 fighters moved into Karmine and its farms.", ["Karmine"]),
        # an unknown name owning what was said or done: a person or a body
        ("In contrast to Haddad's assessment, the envoy said on March 2 that talks would go on.", []),
        ("He replied on March 2 to Marwan's letter.", []),
        ("On March 2 shells fell in Jdeidet's market.", ["Jdeidet"]),
        # a city in capitals and a colon: a dateline (a label or a speaker is none)
        ("AMMAN: Jordan's king met envoys on March 2.", ["Amman"]),
        ("BEIRUT: The new cabinet met on March 2.", ["Beirut"]),
        ("BREAKING: Shelling hit Homs on March 2.", ["Homs"]),
        ("HADDAD: We met in Homs on March 2.", ["Homs"]),
    ],
)  # fmt: skip
def test_real_writing_names_that_are_no_place_and_datelines(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


def test_a_distributor_in_a_credit_is_no_place(ex: Extractor) -> None:
    assert [m.surface for m in ex.find_places("Credit: Planet Labs via Newsflare")] == []
    assert [m.surface for m in ex.find_places("Footage: Orbital Eye via Newsflare")] == []
    # look-alike: a route through a town
    assert [m.surface for m in ex.find_places("The convoy went via Tal Tamr")] == ["Tal Tamr"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state named as what it is to someone, in apposition
        ('"Its guardian, Iran, was not willing to fight," the envoy said on March 2.', []),
        ('"Their benefactor, Qatar, paid the salaries," he said on March 2.', []),
        ('"Their home, Jordan, was far away," he said on March 2.', ["Jordan"]),
        # names the gazetteer lacks, between commas in a list that closes with "and" on a place
        ("On March 2 the planes flew on to airfields in Kazan, Mozdok, and Engels.", ["Kazan", "Mozdok", "Engels"]),
        ("On March 2 the planes flew on to airfields in Kazan, Yeysk and Morozovsk.", ["Kazan", "Yeysk", "Morozovsk"]),
        ("On March 2 envoys met in Amman, Kassem said, and Haddad agreed.", ["Amman"]),
        ("On March 2 the officer drove to Aleppo, Colonel Hamid and Major Samir said.", ["Aleppo"]),
        # an airfield named after its town's or its owner's possessive
        ("On March 2 Benghazi's Gamal airbase was busy.", ["Benghazi", "Gamal"]),
        ("On March 2 jets left Turkey's Incirlik air base.", ["Incirlik", "Turkey"]),
        ("On March 2 he praised Boeing's Everett factory.", []),
    ],
)  # fmt: skip
def test_real_writing_appositions_lists_and_airfields(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ties to a state, a state that remained of a mind, a dispute or a truce between states, a state's economy
        ("On March 2 the president sought closer ties to Beijing.", []),
        ("On March 2 the minister said Washington remained committed to the alliance.", []),
        ("On March 2 the dispute between Washington and Beijing deepened.", []),
        ("On March 2 he said Germany is Europe's largest economy.", []),
        # look-alikes: nearness, calm, the weather
        ("On March 2 the aid convoy drew close to Aleppo.", ["Aleppo"]),
        ("On March 2 Beirut remained calm.", ["Beirut"]),
        pytest.param("On March 2 he said Germany is cold in winter.", ["Germany"],
                     marks=KNOWN_LOSS),
        # a group's name before what it fields ("Tiyas airbase" is a site)
        ("On March 2 jets struck Houthi sites.", []),
        ("On March 2 jets struck Hezbollah positions near Tyre.", ["Tyre"]),
        ("On March 2 jets struck Tiyas airbase.", ["Tiyas Military Airbase"]),
    ],
)  # fmt: skip
def test_real_writing_ties_minds_and_what_a_group_fields(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state and a group that is no place, acting together (not the object of a verb before them)
        ("On March 2 Israel and Hamas agreed to extend the truce.", []),
        ("Officials said Turkey and the SDF traded fire near Manbij on March 2.", ["Manbij"]),
        ("On March 2 rebels entered Damascus and Assad fled to Moscow.", ["Damascus", "Moscow"]),
        # irregular pasts of a state's deeds; standing with a state
        ("On March 2 Saudi Arabia cut oil output.", []),
        ("On March 2 Ankara set new conditions for the talks.", []),
        ("On March 2 the minister said Britain must stand with Ukraine.", []),
        ("On March 2 Beirut was cut off by the storm.", ["Beirut"]),
    ],
)  # fmt: skip
def test_real_writing_states_with_groups_and_irregular_deeds(ex: Extractor, text: str, expected: list[str]) -> None:
    assert places_reported(ex, text) == expected
