"""A country or a capital standing for its state, its government or its people: no place at all.

News names states by their countries and their capitals ("Moscow insists", "Russia's interests",
"talks with Ankara", "offers from Qatar"). Such a name says who acts, not where anything happens, so
the extraction reports it neither as a scene nor as a place mentioned in passing. The same names are
places when the text says where something is, happens, goes or comes from ("bases in Syria", "flew to
Moscow", "Syria's third-largest city"), and the forms here read which is which from the words around
the name. They apply to states only (countries, national capitals, continents; `seats_of_power`): a
town is a place even as a subject ("Aleppo fell").

It is one module over 300 lines because it is one grammar: the word lists and patterns around a state's
name (its verbs, its owners, what is said to it or done with it) are read together by `states_acting`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol


class Mention(Protocol):  # the fields of extract.PlaceMention read here
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def place(self) -> str: ...


# National capitals and continents that news uses for a state or a bloc ("Moscow said", "Europe has a view").
SEATS_OF_POWER = frozenset(
    """Moscow Damascus Ankara Tehran Washington Beijing Kyiv Kiev London Paris Berlin Riyadh Doha Cairo Amman
    Baghdad Beirut Jerusalem Brussels Minsk Tripoli Baku Yerevan Tbilisi Rome Madrid Tokyo Islamabad Kabul
    Sanaa Muscat Manama Tunis Algiers Rabat Khartoum Nicosia Athens Warsaw Vienna Ottawa Canberra Seoul
    Pyongyang Havana Caracas Pretoria Budapest Bucharest Sofia Belgrade Prague Stockholm Oslo Helsinki
    Copenhagen Dublin Lisbon Europe Africa""".split()
) | frozenset(("Abu Dhabi", "New Delhi", "Kuwait City", "Tel Aviv", "Kurdistan Region"))  # (a region that governs)

_Q = r"[\"\u201c\u201d\u00ab\u00bb]?"
_ADVERBS = (
    r"(?:(?:still|also|now|already|long|never|not|only|just|clearly|firmly|reportedly|apparently|increasingly|"
    r"quickly|itself|too|then|later|soon|once|again|largely|mostly|publicly|privately|officially|formally|"
    r"effectively|openly|quietly|repeatedly|consistently|previously|recently|initially|ultimately|"
    # "Saudi Arabia and the UAE have both signalled", "Syria barely produces anything"
    r"both|all|each|jointly|together|barely|hardly|scarcely|rarely|seldom|simply|certainly|probably|even|"
    r"no\s+longer|finally|suddenly|"
    # "Damascus is currently weighing", 'Moscow never really "needed" him'
    r"currently|really|seriously|actively|closely|carefully|genuinely|truly|merely)\s+" + _Q + r")*"
)
# "Moscow, for its part, insists": a parenthesis between the subject and its verb.
_PARENTHESIS = (
    r"(?:,\s+(?:meanwhile|however|in\s+turn|for\s+its\s+part|too|for\s+now|by\s+contrast|in\s+contrast|though|"
    r"instead|likewise|similarly|in\s+particular|above\s+all|for\s+example|for\s+instance|analysts\s+say|"
    r"officials\s+say|diplomats\s+say|it\s+seems|"
    # "Moscow, he added, was in contact": the reporting clause set inside the subject's sentence
    r"(?:he|she|they|it|the\s+\w+)\s+(?:added|said|says|noted|insisted|argued|claimed|stressed|continued)),|"
    r"\s+[\u2013\u2014][^\u2013\u2014]{1,100}?[\u2013\u2014])?"  # "Turkey \u2013 which has troops there \u2013 said"
)
# What befalls a place rather than what a state does: "Damascus has been shelled", "Syria has seen protests",
# "Homs was burning", "Aleppo celebrated". After these a country or a capital stays a place.
_SCENE = (
    r"hit|shelled|struck|bombed|bombarded|attacked|captured|seized|taken|rocked|shaken|flooded|cut|sealed|"
    r"surrounded|besieged|liberated|evacuated|emptied|quiet|calm|seen|witnessed|suffered|endured|experienced|"
    r"become|fallen|changed|woken|devastated|destroyed|damaged|ravaged|home|under|left|celebrated|rejoiced|"
    r"mourned|burned|burnt|erupted|trembled|looked|seemed|appeared|remained|lay"
)
# ... but a bare past tense of an attack after a state is the state attacking: "Israel struck targets in Syria",
# "Turkey shelled Kobani" (unless "by" follows: "Damascus shelled by rebels", a headline's passive).
_ATTACKED = r"hit|shelled|struck|bombed|bombarded|attacked|captured|seized|raided|targeted"
# ... and after "has" with no "been" a deed of a state is its own: "Russia has evacuated its troops", "Israel had
# struck depots" ("Aleppo has been evacuated", "Syria has seen protests" stay the land's).
_HAS_SCENE = r"(?!(?:" + _ATTACKED + r"|evacuated|liberated|surrounded|besieged|sealed|cut|destroyed|damaged)\b)"
# "Moscow had suffered a strategic defeat": a state's setback, not what befell its streets.
_SETBACK = (
    r"suffered\s+an?\s+(?:[\w\"\u201c\u201d\-]+\s+){0,2}?[\"\u201c]?"
    r"(?:defeat|setback|blow|loss|humiliation|reverse|rebuff)"
)
_SCENE_ING = r"burning|shaking|celebrating|rejoicing|mourning|smouldering|reeling|waking|home|quiet|calm"
# The verb of a state acting, after its name: a modal or "did", "has" (not of what befell it), a state of
# mind or of dealings ("was in contact", "is ready", "was seeking"), a present tense of will or relations,
# a past tense in -ed or a few irregular ones.
# What a state is to others: "Russia is not the only partner", "Moscow, Assad's main military backer".
_ACTOR_NOUNS = (
    r"(?:ally|allies|backer|patron|partner|supporter|sponsor|rival|adversary|enemy|foe|protector|benefactor|"
    r"creditor|guarantor|mediator|friend|power|superpower|player|broker|power-broker|client|satellite|proxy|vassal|"
    # "Ankara is not a party to the treaty", "Tehran is a signatory", "Beijing is a powerful country"
    r"party|parties|signator(?:y|ies)|member|donor|stakeholder|"
    # "Berlin is Europe's largest economy", "Beijing is the biggest buyer": a state in the market
    r"economy|economies|exporter|importer|producer|supplier|buyer|investor|lender|"
    r"(?:important|powerful|major|key|great|strong|influential|reliable|friendly|hostile|sovereign)\s+"
    r"(?:country|countries|nation|nations|state|states))s?\b"
)
# "Washington on Monday imposed", "Ankara, yesterday, said": a time between the subject and its verb.
_WHEN = (
    r"(?:,?\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]{2,8}\.?\s+\d{1,2}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8})|yesterday|today|earlier|later|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year))(?:\s+(?:morning|afternoon|evening|night))?,?)?"
)
_ACTING = (
    _WHEN + r"\s+" + _Q + _ADVERBS + r"(?:"
    # (a modal before what befalls a town is no state acting: "Damascus would fall in a week")
    r"(?:will|would|can|could|may|might|must|should|shall|cannot|can't|won't|did|does|didn't|doesn't)\b"
    r"(?!\s+(?:not\s+|never\s+|soon\s+|also\s+)?(?:fall|collapse|burn|be\s+(?:" + _SCENE + r"))\b)|"
    r"(?:has|have|had)\s+" + _Q + _ADVERBS + r"(?:" + _SETBACK + r"|"
    r"(?!been\s+" + _Q + _ADVERBS + r"(?:" + _SCENE + r")\b)(?!" + _HAS_SCENE + r"(?:" + _SCENE + r")\b)\w)|"
    r"(?:is|was|are|were)\s+" + _Q + _ADVERBS + r"(?:(?!(?:" + _SCENE_ING + r")\b)[a-z]+ing\b|"
    r"in\s+(?:dialogue|contact|talks|touch|no\s+hurry|a\s+position|negotiations|discussions)\b|"
    r"(?:ready|willing|prepared|keen|eager|determined|reluctant|unwilling|open|interested|committed|unlikely|"
    r"likely|able|unable|right|wrong|aware|concerned|worried|set|poised|careful|cautious|quick|slow|"
    r"unhappy|happy|content|satisfied|angry|furious|opposed|"
    # a state's plight or course: "Moscow is overstretched", "where Ankara is headed"
    r"overstretched|overextended|stretched|isolated|weakened|emboldened|distracted|humiliated|bogged|headed)\b|"
    # "Riyadh was to play a major role": what a state is set to do
    r"(?:due\s+|set\s+|expected\s+)?to\s+(?:play|take|make|send|give|sign|provide|pay|offer|decide|join|receive|"
    r"host\s+talks|lead|seek|keep)\b|"
    r"(?:[\w'\u2019\-]+\s+){0,4}?" + _ACTOR_NOUNS + r")|"
    r"being\s+(?:[\w'\u2019\-]+\s+){0,5}?" + _ACTOR_NOUNS + r"|"  # "despite Tehran being one of his backers"
    r"(?:needs|wants|says|insists|lists|sees|hopes|plans|backs|supports|seeks|views|regards|knows|holds|"
    r"keeps|controls|considers|believes|claims|denies|accuses|demands|rejects|recognises|recognizes|acts|behaves|"
    # a plural or a bare verb after a compound subject or in a that-clause ("Europe and the United States seek",
    # "asked that Ankara hand over the suspects")
    r"seek|want|need|hope|plan|insist|agree|intend|expect|fear|believe|hand\s+over|pay\s+for|"
    r"understands|fears|expects|intends|maintains|argues|offers|respects|refuses|agrees|shares|wishes|calls|"
    r"welcomes|condemns|sends|gives|takes|makes|tells|warns|urges|stands|talks|speaks|deals|works|allows|permits|"
    r"remain(?:s|ed)?\s+" + _ADVERBS + r"(?:committed|ready|open|opposed|interested|determined|willing|reluctant|"
    r"unwilling|wary|cautious|engaged|involved|convinced|sceptical|skeptical|undecided|neutral)|sent|gave|took|made|kept|sought|knew|told|said|brought|sold|paid|lost|won|chose|"
    r"began|spent|held|led|withdrew|drew|threw|met|struck\s+a|saw\s+(?:no|an?|the|its)\s|ran|runs|"
    r"stays\s+in\s+(?:touch|contact)|"
    # irregular pasts, and what an economy does ("Ankara stood with", "Russia prints Syria's banknotes")
    r"stood|spoke|thought|felt|understood|meant|broke|fought|bought|built|produces|exports|imports|buys|sells|"
    # "Riyadh cut output", "Ankara set conditions", "Beijing froze the deal"
    r"cut\s+(?!off\b)|set\s+(?!on\s+fire\b)|put|shut\s+(?!down\b)|froze|upheld|withheld|"
    r"pays|owes|spends|earns|depends|relies|prints|"
    r"(?:" + _ATTACKED + r")\b(?!\s+by\b)|"
    r"(?!(?:" + _SCENE + r")\b)[a-z]{2,}ed)\b"
    r")"
)
_ACTING_AFTER = re.compile(_PARENTHESIS + _ACTING)
# "Israel and Hamas agreed", "Turkey and the SDF traded fire": a state and a group that is no place, acting together.
_WITH_GROUP_ACTING_AFTER = re.compile(
    r"\s+and\s+(?:the\s+)?[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){0,2}" + _ACTING
)
# "Moscow, Assad's main military backer since ...", "Tehran, which backed Assad ...": the name of an actor.
_DESCRIBED_ACTOR_AFTER = re.compile(
    r",\s+(?:(?:[\w'\u2019\-]+\s+){0,5}?" + _ACTOR_NOUNS + r"|(?:which|that)" + _ACTING + r")"
)
# "Russia's interests", "the UK's special envoy": what a state owns or does, unless the words after the
# possessive are land ("Syria's third-largest city", "Syria's Mediterranean coast").
_POSSESSIVE = re.compile(r"['\u2019\"]s\s")  # (a copy's 'Moscow"s advocacy' too)
# "Damascus's capture", "Homs's fall": what befell the place, so the place itself.
_BEFALLEN_AFTER = re.compile(
    r"['\u2019\"]s\s+(?:capture|fall|siege|liberation|surrender|encirclement|bombardment|shelling|bombing|"
    r"destruction|recapture|evacuation|sack)\b"
)
_LAND_AFTER = re.compile(
    r"['\u2019\"]s\s+(?:[\"\u201c]?(?!(?:for|of|in|at|to|and|the|a|an|with|on|from|by)\b)[\w\-]+\s+){0,3}?(?:coast|coastline|coastal|north|south|east|west|northeast|"
    r"northwest|southeast|southwest|north-east|north-west|south-east|south-west|northern|southern|eastern|western|"
    r"border|borders|frontier|capital|city|cities|town|towns|village|villages|port|ports|province|provinces|"
    r"region|regions|territory|territories|soil|airspace|skies|waters|countryside|desert|mountains|heartland|"
    r"interior|streets|shores|hinterland|neighbourhoods|neighborhoods|suburbs|outskirts|centre|center|heart|"
    r"edge|side|far|regions|steppe|islands?|mainland|enclave|exclave)\b"
    # ... but not an office named after the land: "Syria's new interior ministry", "its border guards"
    r"(?!\s+(?:ministry|ministries|minister|ministers|guards?|service|police|affairs)\b)",
    re.I,
)
# Words before the name that make it a state addressed, opposed, dealt with or talked about. Read as
# look-ups on the last words before the name (a regular expression searched there cost 5% of the build).
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "told Moscow", "accused Turkey", "helped Ukraine": a verb with the state as its object.
_VERB_OF = _words(
    """told tell tells telling accused accuses accusing accuse urged urges urge urging needs need needed described
    describes describing warned warns asked asks blamed blames blaming blame criticised criticized criticising
    criticizing thanked thanks praised praises pressed presses pressing invited invites betrayed betray betrays
    trust trusts trusted lobbied lobbying courted courting recognised recognized recognise recognize supported
    supports supporting backed backs backing helped helps helping abandoned abandon abandons convince convinced
    persuade persuaded reassure reassured reassuring ignore ignored ignoring sanctioned sanction punish punished
    engage engaged engaging reminded remind reminding assured assure assures informed notified contacted phoned
    condemned condemn condemns rebuked challenged confront confronted oppose opposed opposes opposing antagonise
    antagonize provoke provoked appease appeased placate embarrass embarrassed humiliated humiliate weaken
    weakened defied defy defies about than another should would will can could does did must might
    let lets letting hand hands handed handing give gives gave giving owe owes owed cost costs costing
    treat treats treated treating view views viewed viewing regard regards regarded consider considers considered
    woo wooed wooing snub snubbed snubbing rebuff rebuffed spurn spurned reward rewarded compensate compensated
    isolate isolated isolating represent represents represented representing
    require requires required requiring force forces forced forcing allow allows allowed allowing encourage
    encourages encouraged push pushes pushed pushing oblige obliges obliged compel compels compelled enable
    enables enabled permit permits permitted
    called calls calling discuss discussed discusses discussing serve served serves serving benefit benefits
    benefited benefiting harm harmed harms harming put puts putting
    show shows showed showing run runs ran running rule rules ruled ruling govern governs governed governing
    led leads leading prompted prompts prompting"""
)
# "a message to Ankara", "offers from Qatar", "a swipe at Moscow", "the door on Moscow", "a matter for
# Damascus", "relations between Moscow and ...", "interests with Russia", "sees in Russia a partner".
_NOUN_BEFORE = {
    "to": _words(
        """referring refers referred loyal message messages signal signals warning warnings appeal appeals letter
        request requests ultimatum threat threats overture overtures answer reply replies concession concessions up
        according blow blows setback setbacks boost gift rebuke snub challenge embarrassment humiliation
        clear obvious evident apparent unclear important vital crucial useful valuable grateful gratitude thanks due
        owing ties links loyalty allegiance"""
    ),
    "from": _words(
        """offer offers support backing pressure demand demands request requests invitation invitations criticism
        condemnation guarantee guarantees assurance assurances promise promises proposal proposals recognition
        approval objection objections protest protests reaction response funding loan loans overture overtures
        interference meddling message messages call calls letter letters statement statements want wants wanted
        expect expects expected compensation reparations apology apologies explanation explanations gesture gestures
        concessions commitment commitments pledge pledges"""
    ),
    "at": _words(
        """swipe swipes jab jabs dig digs aimed directed angry anger fury furious pointed out back snapped frustration
        frustrated annoyed irritation"""
    ),
    "on": _words(
        """door doors pressure sanctions embargo call calls called calling rely relies relied relying depend depends
        depended dependent dependence reliance back backs leverage grip bet bets betting gamble gambled
        meeting meetings conference conferences summit summits debate debates resolution resolutions
        impact effect effects consequences influence expert experts analyst analysts specialist specialists
        authority scholar scholars"""
    ),
    "for": _words(
        """matter question issue problem headache blow win victory defeat setback boost gift priority challenge test
        lesson embarrassment humiliation success failure opportunity dilemma reckoning stake stakes
        support backing sympathy need needs reason reasons benefit benefits advantage advantages gains hard difficult
        easy impossible time"""
    ),
    "with": _words(
        """relations ties talks contacts interests disagreements fight fights contract contracts contact dialogue
        cooperation partnership alliance dealings negotiations friendship rift tensions dispute disputes war
        conflict understanding relationship rapprochement engagement normalisation normalization quarrel feud row
        spat standoff stand-off confrontation showdown accord pact treaty cooperate cooperating sided siding allied
        aligned break split rupture cooperated cooperates negotiate negotiated negotiating trade trades trading traded
        deal dealing dealt reconcile reconciled reconciliation touch formula signed memorandum discussions stand
        stands standing stood
        consultations channel channels communication communications coordination agreement agreements arrangement
        arrangements"""
    ),
    "between": _words(
        """relations ties talks contact contacts dialogue rapprochement rift tensions agreement agreements deal deals
        cooperation friction rivalry conflict differences disagreements understanding negotiations alliance
        partnership balance position positions caught squeezed torn interests interest trade relationship
        relationships friendship trust mistrust rapport dispute disputes feud row spat standoff stand-off ceasefire
        truce war"""
    ),
    # "lost interest in Moscow", "no faith in Ankara" (but "deep interests in Syria" are held there)
    "in": _words("sees saw see interest faith confidence trust"),
    "against": _words(
        """sanctions measures embargo campaign case complaint lawsuit charges accusations allegations resolution vote
        veto protest protests retaliation countermeasures"""
    ),
    # what a state is or has that is no ground: "the unity and territorial integrity of Syria", "the stability of
    # Syria", "a client of Moscow" (its land is "the north of Syria", "the coast of Syria": not here)
    "of": _words(
        """stability unity sovereignty integrity independence security recovery reconstruction economy
        interests stance position policy policies behaviour behavior role recognition isolation normalisation
        normalization rehabilitation reintegration prosperity revival rebirth transition destiny identity dignity
        credibility legitimacy reputation image client clients satellite proxy proxies vassal ally allies partner
        partners friends enemies rivals request requests behest invitation initiative orders because"""
    ),
}
_NOUN_BEFORE["among"] = _NOUN_BEFORE["between"]
# "a pragmatic approach toward Moscow", "its attitude towards Ankara": a stance taken toward a state.
_NOUN_BEFORE["toward"] = _NOUN_BEFORE["towards"] = _words(
    """approach approaches stance attitude attitudes policy policies hostility overtures posture position line
    outlook shift pivot tilt"""
)
# "the call had been requested by Moscow", "a truce brokered by Ankara": the state as the agent of a passive
# (a border or a ring is no deed: "a province bordered by Turkey" is land).
_NOUN_BEFORE["by"] = _words(
    """requested proposed demanded backed supported funded financed armed sponsored brokered mediated offered imposed
    ordered recognised recognized rejected condemned welcomed criticised criticized blamed approved endorsed
    initiated hosted organised organized pressured pushed urged invited opposed vetoed denied announced
    announcement decision made"""
)
# "Assad's backers, Russia and Iran": the states named as what they are to someone.
_PARTNERS = _words(
    """allies backers patrons partners supporters sponsors rivals adversaries enemies foes ally backer patron partner
    supporter sponsor rival adversary enemy foe protector protectors guardian guardians benefactor benefactors"""
)
# A preposition before the name: "bases in Syria", "flew to Moscow". The name is then where, not who.
_PREPOSITIONS = _words(
    """in at from near of to into outside around across through throughout toward towards via inside over by on with
    for about between under within beyond along against among than off"""
)


# A gerund of holding or losing ground before the name: "losing Tartus would leave", "keeping Damascus will cost".
_HELD = _words("losing keeping holding taking retaking capturing seizing controlling abandoning")
# A quarter of the land before the name: "in north-east Syria", "across southern Lebanon".
_QUARTERS = _words(
    """north south east west north-east north-west south-east south-west northeast northwest southeast southwest
    northern southern eastern western north-eastern north-western south-eastern south-western northeastern
    northwestern southeastern southwestern central coastal rural"""
)


def _last_words(lead: str) -> list[str]:
    """The last three words before a name, lower-cased, "the" dropped ("a swipe at the" -> a, swipe, at)."""
    words = lead.lower().split()[-4:]
    if words and words[-1] == "the":
        words.pop()
    return words[-3:]


# "turning his fire on Turkey": a possessive before the noun.
_POSSESSIVES = _words("his her their its our my your")
# "threaten the new Syria", "the "Arab embrace" of the new Syria": the state made or remade, not a ground
# ("life in the new Syria" is a place: a preposition before the article).
_STATE_REMADE = _words("new old free united post-war post-assad post-conflict future")
_GROUND_BEFORE = _words("in at from across throughout to into inside around within through over toward towards")


# Those a state is one of: "the world, including Moscow", "regional players such as Ankara" (not "countries",
# which are land as often: "floods hit several countries, including Iraq").
_GROUPS = _words(
    """world players powers actors allies partners backers governments capitals members signatories donors rivals
    sponsors stakeholders parties"""
)
# "demanded that Ankara hand over", "asked that Moscow pay": the subject of what is demanded.
_DEMANDS = _words("demanded demands demand demanding requested requests request requesting asked urged proposed")


# "We do not want Ankara to leave": a state wished to act ("want Syria to be a field of war" is the land).
_WANTED = _words("want wants wanted wanting expect expects expected")
_TO_BE_AFTER = re.compile(r"\s+to\s+(?:be|become|remain|stay)\b")


def _addressed(words: list[str]) -> bool:
    if not words:
        return False
    last = words[-1]
    if last in _VERB_OF:
        return True
    if last in ("including", "like") and len(words) > 1 and words[-2].rstrip(",") in _GROUPS:
        return True
    if last == "as" and len(words) > 2 and words[-2] == "such" and words[-3].rstrip(",") in _GROUPS:
        return True
    if last == "that" and len(words) > 1 and words[-2] in _DEMANDS:
        return True
    if last in _WANTED:
        return True
    if last[-1] in ",:" and last[:-1] in _PARTNERS:
        return True
    if len(words) < 2:
        return False
    prev = words[-2]
    if last in ("\u2014", "\u2013") and prev in _PARTNERS:
        return True
    if last in ("a", "an") and prev not in _GROUND_BEFORE:
        return True  # 'wanted "a Syria without separate armies"': a kind of state, no ground ("in a Lebanon" is)
    if last in _STATE_REMADE and prev in ("the", "a"):
        return len(words) < 3 or words[-3] not in _GROUND_BEFORE
    if last == "on" and prev == "fire" and len(words) == 3 and words[0] in _POSSESSIVES:
        return True
    nouns = _NOUN_BEFORE.get(last)
    return nouns is not None and prev in nouns


def _chained(lead: str, words: list[str]) -> bool:
    """ "relations with Turkey, with the Gulf states, with Europe": the noun governs each "with" of the chain."""
    # ("a message to Ankara and Tehran as much as to Moscow", "not only to Ankara but also to Moscow")
    if len(words) < 2 or not (words[-2].endswith(",") or words[-2] in ("and", "as", "also")):
        return False
    nouns = _NOUN_BEFORE.get(words[-1])
    if nouns is None:
        return False
    lowered = lead.lower().split()
    return any(w in nouns and nxt == words[-1] for w, nxt in zip(lowered, lowered[1:], strict=False))


# "leased the two bases to Moscow", "had granted the port to Russia": a right given to a state.
_GRANTED_TO = re.compile(
    r"\b(?:leased|leasing|lease|leases|rented|granted|grant|grants|ceded|cede|cedes|handed|hand|hands|gave|give|"
    r"given|entrusted)\b(?:\s+[\w'\u2019\-]+){0,4}?\s+to\s*$",
    re.I,
)
# "The visit came with Moscow keen to secure ...": a state as the subject of an absolute clause.
_WITH_STATE_AFTER = re.compile(
    r"\s+" + _ADVERBS + r"(?:keen|eager|determined|ready|willing|anxious|desperate|unwilling|reluctant|poised|"
    r"looking|seeking|trying|hoping|pushing|pressing|pressured|insisting|refusing)\b"
)
# "contact with the committee of the movement and Moscow": the second of two parties dealt with.
_PARTY_AND_BEFORE = re.compile(r"\b([a-z]+)\s+(?:with|between)\s+[^,.;:()]{1,60}?\band\s+(?:the\s+)?$")
# "Toppled Syria President NAME", "the Iran Foreign Minister": a state's name before a title is an adjective.
_TITLE_AFTER = re.compile(
    r"\s+(?:President|Prime\s+Minister|Foreign\s+Minister|Defen[cs]e\s+Minister|Deputy|Minister|Ambassador|Envoy|"
    r"Vice\s+President|Chancellor|Premier|Interior\s+Minister)\s+[A-Z]"
)
# "According to RT (Russia)": the country of an outlet, in brackets after its initials.
_OUTLET_BEFORE = re.compile(r"\b[A-Z][A-Za-z]{0,3}[A-Z]\s+\($")


def _CAPS_DATELINE(run: list, tail: str) -> bool:  # noqa: N802 - read as a rule's name
    """ "DAMASCUS: The new leadership ...": a city in capitals before a colon is a dateline, not a section's label."""
    return len(run) == 1 and tail.startswith(":") and run[0].surface.isupper() and len(run[0].surface) > 3


# Words after which a name opens a clause as its subject ("rebels entered Damascus and Assad fled": an object).
_CLAUSE_OPENERS = _words(
    """that while when as after before but since because if whether where and then now said says told added noted"""
)


def _opens_clause(words: list[str]) -> bool:
    last = words[-1] if words else ""
    return not last.isalpha() or not last.islower() or last in _CLAUSE_OPENERS


def _dealt_with_before(lead: str) -> bool:
    m = _PARTY_AND_BEFORE.search(lead)
    return m is not None and (m.group(1) in _NOUN_BEFORE["with"] or m.group(1) in _NOUN_BEFORE["between"])


# "Syria live: rebels take Damascus": a live page's title, not a scene.
_LIVE_TITLE_AFTER = re.compile(r"\s+(?:[\w\-]+\s+){0,2}live\s*[:\-\u2013\u2014]")
# "Israel: The Israel Defense Forces continued ...", "Turkey and Turkish-backed forces: ...": a section's label.
_SECTION_LABEL_AFTER = re.compile(r"(?:\s+and\s+[^:.]{1,40})?:\s")
_NO_QUOTES = str.maketrans("", "", "\"\u201c\u201d\u00ab\u00bb")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|,?\s+nor)\s*(?:the\s+)?")


# "about Syria, where his ally was overthrown": a name followed by "where" is the land of what happened there.
_WHERE_AFTER = re.compile(r",?\s+where\b")
# "Dr Carver, is Russia leaving Syria or not?", "Will Ankara accept?": a question's auxiliary, the state, its verb.
_QUESTION_AUX_BEFORE = re.compile(r"(?:^|[,;:?]\s*|\bso\s+)(?:is|was|will|would|does|did|can|could|has)\s*$", re.I)
_QUESTION_VERB_AFTER = re.compile(r"\s+(?:still\s+|really\s+|now\s+)?(?!(?:" + _SCENE_ING + r")\b)[a-z]+(?:ing)?\b")


def _asked_of_state(lead: str, tail: str) -> bool:
    """ "is Russia leaving", "will Turkey accept": a state as the subject of a question."""
    return bool(_QUESTION_AUX_BEFORE.search(lead)) and bool(_QUESTION_VERB_AFTER.match(tail))


def states_acting(
    sentence: str,
    offset: int,
    mentions: Iterable[Mention],
    states: frozenset[str],
    country_of: Mapping[str, str] | None = None,
) -> list:
    """The mentions in ``sentence`` (which starts at ``offset`` of its line) that stand for a state.

    A run of names joined by commas and "and" ("Russia and Turkey agreed") is read as one subject.
    ``country_of`` gives each place's country code, so that a state owning a site in another country
    ("Russia's air base in Syria") is read as its owner, not as the land the site is in.
    """
    ms = list(mentions)
    if not any(m.place in states for m in ms):
        return []
    out: list = []
    i = 0
    while i < len(ms):
        j = i
        while j + 1 < len(ms) and _LIST_GAP.fullmatch(sentence, ms[j].end - offset, ms[j + 1].start - offset):
            if sentence[ms[j].end - offset] == "," and _POSSESSIVE.match(sentence, ms[j + 1].end - offset):
                break  # "the port of Tartus, Russia's only supply point": an appositive, not a list
            j += 1
        run = ms[i : j + 1]
        i = j + 1
        if not all(m.place in states for m in run):
            continue
        a, b = run[0].start - offset, run[-1].end - offset
        lead = sentence[max(0, a - 60) : a].translate(_NO_QUOTES)  # "close the door" on Moscow
        tail = sentence[b : b + 90]
        possessive = _POSSESSIVE.match(tail)
        if possessive:
            after = b + possessive.end() + offset  # "Syria's Idlib province": a place in a place
            site = next((m for m in ms if m.start == after), None)
            if site is not None and country_of and len(run) == 1:
                own, where = country_of.get(run[0].place), country_of.get(site.place)
                if own and where and own != where:
                    out += run  # "Russia's air base near Latakia": the owner, not the land the base is in
            elif len(run) == 1 and not _LAND_AFTER.match(tail) and not _BEFALLEN_AFTER.match(tail) and site is None:
                out += run
        elif _WHERE_AFTER.match(tail):
            continue  # "spoke at length about Syria, where his ally was overthrown": the land where
        elif _asked_of_state(lead, tail):
            out += run  # "is Russia leaving Syria or not?": the subject of a question
        elif (_addressed(words := _last_words(lead)) or _chained(lead, words)) and not (
            words[-1] in _WANTED and _TO_BE_AFTER.match(tail)
        ):
            out += run
        elif words and words[-1] == "to" and _GRANTED_TO.search(lead):
            out += run  # "leased the bases to Moscow": a right given to a state
        elif words and words[-1] == "with" and _WITH_STATE_AFTER.match(tail):
            out += run  # "with Moscow keen to keep its bases": the subject of an absolute clause
        elif words and words[-1] == "and" and _dealt_with_before(sentence[max(0, a - 100) : a].translate(_NO_QUOTES)):
            out += run  # "contact with the group's committee and Moscow"
        elif lead.endswith("(") and tail.startswith(")") and _OUTLET_BEFORE.search(lead):
            out += run  # "according to RT (Russia)": an outlet's country
        elif lead.strip() == "For":
            out += run  # "For Moscow the stakes are practical": the one it matters to
        elif _LIVE_TITLE_AFTER.match(tail) or (
            not lead.strip() and _SECTION_LABEL_AFTER.match(tail) and not _CAPS_DATELINE(run, tail)
        ):
            out += run
        elif words and (words[-1] in _PREPOSITIONS or words[-1] in _HELD):
            continue  # "bases in Syria"; "keeping Damascus will cost more men": the ground held
        elif len(words) > 1 and words[-1] in _QUARTERS and words[-2] in _PREPOSITIONS:
            continue  # "In north-east Syria, health partners warned": a part of the land
        elif _ACTING_AFTER.match(tail) or _DESCRIBED_ACTOR_AFTER.match(tail) or _TITLE_AFTER.match(tail):
            out += run
        elif (
            " and " in tail[:6]
            and _opens_clause(words)
            and (group := _WITH_GROUP_ACTING_AFTER.match(tail))
            and not any(b + offset < m.start < b + offset + group.end() for m in ms)
        ):
            out += run  # "Israel and Hamas agreed" (a place after "and" would have joined the run)
    return out
