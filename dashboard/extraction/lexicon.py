"""Word lists the extractor reads: news sources, organisations, titles, speech verbs.

They are data, kept in one place so that a new outlet or a new title is one
line here, not a change to the extraction code.

It is over 300 lines because it is one thing: the lists, and the few one-line tests of a word against
them ("is this a title?") that both the extractor and the corpus's speaker ids read.
"""

from __future__ import annotations

# Outlets and agencies cited as sources. Canonical name -> aliases (matched
# case-sensitively, whole words). Order does not matter: longest match wins.
SOURCES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters",),
    "TASS": ("TASS", "Tass"),
    "CNN": ("CNN",),
    "BBC": ("BBC", "BBC Russian"),
    "AP": ("Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse"),
    "HUR": (
        "HUR",
        "Ukraine's military intelligence",
        "Ukraine's military intelligence agency",
        "Ukrainian military intelligence agency",
        "Ukraine's Defense Intelligence",
        "Ukraine's defense intelligence",
        "GUR",
        "Main Intelligence Directorate",
    ),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "Kyiv Independent": ("Kyiv Independent", "the Kyiv Independent"),
    "Al Jazeera": ("Al Jazeera",),
    "Bloomberg": ("Bloomberg",),
    "SOHR": ("Syrian Observatory for Human Rights", "SOHR"),
    "ISW": ("Institute for the Study of War", "ISW"),
    "Financial Times": ("Financial Times", "FT"),
    "Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "New York Times": ("New York Times", "NYT"),
    "Washington Post": ("Washington Post",),
    "The Guardian": ("The Guardian", "Guardian"),
    "Sky News": ("Sky News",),
    "SANA": ("SANA",),
    "Meduza": ("Meduza",),
    "Mediazona": ("Mediazona",),
    "Kremlin": ("Kremlin", "Kremlin spokesperson", "Dmitry Peskov", "Peskov"),
    "U.N.": ("U.N.", "UN", "United Nations"),
    "Truth Hounds": ("Truth Hounds",),
    "Maxar Technologies": ("Maxar Technologies", "Maxar"),
    "Al Arabiya": ("Al Arabiya",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "Axios": ("Axios",),
    "Politico": ("Politico",),
    "Kommersant": ("Kommersant",),
    "Izvestia": ("Izvestia",),
    "RBC": ("RBC",),
    "The Economist": ("The Economist", "Economist"),
    "Le Monde": ("Le Monde",),
    "Der Spiegel": ("Der Spiegel", "Spiegel"),
    "Haaretz": ("Haaretz",),
    "Times of Israel": ("Times of Israel",),
    "Asharq Al-Awsat": ("Asharq Al-Awsat",),
    "Enab Baladi": ("Enab Baladi",),
    "North Press": ("North Press", "North Press Agency"),
    "Rudaw": ("Rudaw",),
    "Ukrinform": ("Ukrinform",),
    "Suspilne": ("Suspilne",),
    "RFE/RL": ("RFE/RL", "Radio Free Europe", "Radio Liberty"),
    "Voice of America": ("Voice of America", "VOA"),
    "NPR": ("NPR",),
    "ABC News": ("ABC News",),
    "CBS News": ("CBS News",),
    "NBC News": ("NBC News",),
    "Fox News": ("Fox News",),
    "Euronews": ("Euronews",),
    "DW": ("DW", "Deutsche Welle"),
    "France 24": ("France 24",),
    "Novaya Gazeta": ("Novaya Gazeta",),
    "Rybar": ("Rybar",),
    "Russian news agencies": ("Russian news agencies",),
    "Russian Defense Ministry": (
        "Russian Defense Ministry",
        "Russia's Defense Ministry",
        "Russian Ministry of Defense",
    ),
}

# Organisations and groups that act in the news (actors, not sources).
ACTORS: dict[str, tuple[str, ...]] = {
    "Wagner": ("Wagner", "Wagner Group", "Wagner company"),
    "Africa Corps": ("Africa Corps",),
    "Hezbollah": ("Hezbollah",),
    "HTS": ("HTS", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham (HTS)"),
    "SDF": ("SDF", "Syrian Democratic Forces"),
    "Syrian National Army": ("Syrian National Army", "SNA"),
    "Islamic State": ("Islamic State", "ISIS", "ISIL"),
    "NATO": ("NATO",),
    "EU": ("EU", "European Union"),
    "Syrian army": ("Syrian army", "Syrian Arab Army", "Syrian military"),
    "Syrian rebels": ("Syrian rebels", "rebels", "rebel forces", "opposition fighters", "Syrian opposition fighters"),
    "Russian forces": ("Russian forces", "Russian troops", "Russian military", "Russian soldiers"),
    "Israel Defense Forces": ("IDF", "Israel Defense Forces", "Israeli military"),
}

# Names that contain a place but are not a place mention. Matched before the
# gazetteer, so "Kyiv Independent" never puts a pin on Kyiv.
NOT_PLACES: tuple[str, ...] = (
    "Kyiv Independent",
    "Kyiv Post",
    "Kyiv School of Economics",
    "Moscow Times",
    "Jerusalem Post",
    "Tehran Times",
    "France Inter",
    "France 24",
    "France Info",
    "Damascus University",
    "Aleppo University",
    "Washington Post",
    "New York Times",
    "Syrian Observatory for Human Rights",
    "Institute for the Study of War",
    "Middle East Eye",
    "Middle East Institute",
    "Russia Today",
    "Syria Direct",
    "Kyiv Security Forum",
    "Ukrainska Pravda",
    "Moscow Kremlin",
    "Africa Corps",
    # In this news these mean the Syrian coast, not the middle of the sea where its point is.
    "Mediterranean coast",
    "eastern Mediterranean",
    "Eastern Mediterranean",
)
# A place directly followed by one of these words names an organisation.
ORG_SUFFIXES = frozenset(
    "Independent Post Times Observer Herald Tribune Gazette Journal University Institute Institution "
    "Observatory Agency Ministry Center Centre Forum Review Daily Today News Council Corps Group "
    "Company Command Club Stock Exchange Technologies Inc Corp Corporation Foundation Media Press Network Bank "
    "Party Front Army Forces Brigade Brigades Movement Committee Commission Airlines Airways "
    "Strategies Associates Partners Consulting Advisory Analytics Research Studies Initiative Programme Program "
    "Academy College School Society Association Fund Trust Administration "
    # offices of a state: "the Directorate of Electricity", "the General Authority for ..."
    "Directorate Directorate-General Department Office Bureau Authority Secretariat Board Chamber Federation "
    "Inspectorate Defence Defense "
    # gatherings and operations: "the Zenobia Gathering", "Operation Dawn of Freedom", "the Astana Summit"
    "Gathering Coalition Alliance Assembly Congress Conference Summit Operation Operations Campaign "
    # armed services named after a state or a sea: "the Israel Air Force", "the Black Sea Fleet"
    "Force Fleet Flotilla Squadron".split()
)

# Titles that stand before a name: "U.S. President Joe Biden". Lower-cased,
# compared word by word.
TITLES = frozenset(
    """president vice prime minister foreign defense defence secretary adviser advisor national security
    spokesperson spokesman spokeswoman diplomat leader chief commander general gen. lt. col. colonel
    major admiral ambassador envoy chancellor king queen prince sheikh emir senator sen. rep.
    representative mr. ms. mrs. dr. director head deputy chairman chairwoman chair official officer
    minister, analyst journalist correspondent editor reporter top senior former acting state
    military intelligence agency army navy ministry foreign top-ranking high-ranking general-secretary
    secretary-general governor mayor mp mep lawmaker""".split()
)

# Verbs of speech that attribute a quotation.
SPEECH_VERBS = frozenset(
    """said says say told tells claimed claims claim stated states added adds wrote writes posted posts
    declared declares announced announces emphasized emphasised stressed warned warns noted notes
    described describes called calls insisted insists argued argues explained explains asked asks
    replied replies reported reports alleged alleges acknowledged acknowledges confirmed confirms denied
    denies tweeted urged urges vowed vows promised promises remarked remarks recalled recalls commented
    comments admitted admits conceded concedes complained complains concluded suggested suggests predicted
    predicts cautioned assured reiterated reiterates pledged demanded boasted lamented answered responded
    responds countered counters shouted express expressed expresses voiced assessed assesses ordered orders
    instructed affirmed affirms underlined underlines emphasises considered considers deemed deems reckons reckoned
    contends contended retorted retorts quipped quips recounted recounts joked jokes expects believes thinks
    interrupted interjected""".split()
)
# Participles that carry the previous speaker on ("..., saying that ...").
SPEECH_PARTICIPLES = frozenset("saying adding noting calling citing writing telling claiming stressing warning".split())

# Sources named by a description rather than a name ("Ukrainian military intelligence said",
# "Russian state media reported"): regular expressions, canonical name from the match.
# "{nation} media" names every country's media alike, so "Syrian state TV" is "Syrian media".
SOURCE_DESCRIPTIONS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:Ukraine['\u2019]s|Ukrainian|the\s+Ukrainian)\s+(?:[Mm]ilitary|[Dd]efen[cs]e|Main|main)\s+"
        r"[Ii]ntelligence(?:\s+(?:[Aa]gency|[Dd]irectorate|[Ss]ervice))?",
        "HUR",
    ),
    (
        r"\b(?P<nation>Russian|Syrian|Ukrainian|Iranian|Turkish|Israeli|Kurdish|Lebanese|Iraqi|Chinese|Belarusian)"
        r"\s+(?:(?:state|state-run|state-controlled|state-owned|pro-government|pro-Kremlin|official|independent|"
        r"opposition|local|military)\s+)?(?:media|news\s+agencies|news\s+agency|news\s+outlets|outlets|"
        r"television|TV|press|broadcasters?|war\s+bloggers|milbloggers|Telegram\s+channels)\b",
        "{nation} media",
    ),
    (
        r"\b(?:[Pp]ro-Kremlin|Kremlin-controlled|Kremlin-backed)\s+(?:media|outlets|war\s+bloggers|"
        r"milbloggers|bloggers|Telegram\s+channels|channels|TV)\b",
        "Russian media",
    ),
)

# "the Syrian capital": the capital a nationality's adjective names.
CAPITAL_OF = {
    "Syrian": "Damascus", "Russian": "Moscow", "Turkish": "Ankara", "Iranian": "Tehran", "Lebanese": "Beirut",
    "Iraqi": "Baghdad", "Jordanian": "Amman", "Ukrainian": "Kyiv", "Libyan": "Tripoli", "Egyptian": "Cairo",
    "Saudi": "Riyadh", "Qatari": "Doha", "Emirati": "Abu Dhabi", "American": "Washington", "British": "London",
    "French": "Paris", "German": "Berlin", "Belarusian": "Minsk", "Chinese": "Beijing", "Afghan": "Kabul",
}  # fmt: skip

# Capitalised words that begin a sentence or a title but never a place.
NOT_PLACE_WORDS = frozenset(
    """The A An This That These Those It Its He She They We I You His Her Their Our Your There Here
    President Prime Minister Pope Editor Editor's Note Of According As In On At To For From With By
    And But Or If When While After Before During Since Until Russian Syrian Ukrainian Iranian Turkish
    American Israeli Lebanese European Western Eastern Northern Southern Arab Kurdish Islamic Muslim
    Christian Jan January Feb February Mar March Apr April May Jun June Jul July Aug August Sep Sept
    September Oct October Nov November Dec December Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday X Telegram Facebook Twitter YouTube Instagram VKontakte TikTok WhatsApp Rutube Viber
    Assad Putin Erdogan Netanyahu Trump Biden Zelensky Khamenei Turks Kurds Arabs Druze Alawites
    Nordic Scandinavian Slavic Anglo-Saxon Francophone Anglophone Qaeda Nusra Shabaab
    Iraqi Libyan Jordanian Egyptian Saudi Qatari Emirati Yemeni Afghan Pakistani Iraqis Libyans Alawite Sunni
    Shia Shiite Ismaili Yazidi Assyrian Roman Byzantine Ottoman Soviet Persian Crusader Hellenistic""".split()
)

# Capitalised names after "in", "of", "to" that are an institution, a bloc or an armed group, not a place
# ("the fall of the Government of ...", "messages to the West", "a resurgence of Da'esh").
NOT_PLACE_NAMES = frozenset(
    """Government Governments Council Ministry Army Navy Forces Administration Authority Authorities Cabinet
    Parliament Presidency Kremlin West East North South Da'esh Daesh ISIS ISIL Hezbollah Hamas Taliban
    Arabic French English German Spanish Italian Persian Farsi Hebrew Chinese Mandarin Japanese Korean Hindi Urdu
    Pashto Dari Armenian Greek Portuguese Dutch Polish Swedish Norwegian Danish Finnish Georgian Azerbaijani Azeri
    Uzbek Kazakh Swahili Amharic Somali Tigrinya Berber Tamazight Syriac Aramaic Circassian Chechen
    Kurmanji Sorani""".split()
)  # ... and languages: "told AFP in Arabic", "speaking in French"

# A lowercase noun after a name the gazetteer lacks. A feature of the land is part of the name
# ("the Tishrin dam", "the Nasib crossing"); a group, a business or a rule makes the name a modifier,
# not a place ("the Assad family", "the Bahri cafe", "the Tishrin front").
PLACE_NOUNS = frozenset(
    """dam bridge crossing square camp prison airport airfield airbase port harbour harbor district
    neighbourhood neighborhood quarter valley river lake mountain mountains plain plains desert road
    highway junction roundabout checkpoint mosque church citadel castle hospital market oilfield field
    refinery village town city province governorate region""".split()
)
# Nouns after a country or a capital that make it the topic of a policy, a file or an expert, or name its
# government: "Washington's Syria policy", "the Syria file", "a Turkey analyst", "the Damascus government".
STATE_TOPIC_NOUNS = frozenset(
    """policy policies file dossier portfolio question issue analyst analysts expert experts envoy envoys desk hawk
    hawks watcher watchers specialist specialists government regime administration leadership authorities strategy
    sanctions correspondent hands researcher researchers scholar scholars programme program director team
    time""".split()
)
# A process or a text named after the city where it began: "the Astana process", "the Sochi agreement".
ACCORD_NOUNS = frozenset(
    """process format formula accord accords agreement agreements protocol protocols declaration communique
    communiqué memorandum framework""".split()
)
NOT_PLACE_HEADS = frozenset(
    """family clan tribe regime rule era government administration cafe café restaurant hotel shop
    company firm brand channel network group movement brigade brigades militia front faction forces
    army party dynasty fleet flotilla squadron think
    targets positions sites fighters militants commanders""".split()
) | ACCORD_NOUNS

# Words that begin Arabic (and Kurdish, Turkish) place names: "Kafr Nubl" is a town of its own,
# not a mention of Nubl. A known name right after one of them is read as part of a longer name.
PLACE_PREFIXES = frozenset(
    """Kafr Kfar Tell Tal Tel Deir Dayr Ain Ayn Jabal Jebel Bab Beit Bayt Khan Maarat Maaret Ras Qasr Abu Umm
    Bir Bani Beni Arab Mazraat Hayy Sheikh Qalaat Qalat Jisr Wadi Sahl Marj Ras Rasm Mount
    New Little""".split()
)

HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame".split())
# Titles written before a name, capitalised ("Maj Gen Omar Khalidi", "Father Ibrahim", "Prof Haddad"): British copy
# drops the abbreviations' dots, and clergy, scholars and judges are named by office. A title only when capitalised,
# so "his father said" keeps its role.
NAME_TITLES = frozenset(
    """gen col maj lt capt sgt adm brig cpl pvt cmdr cdr maj. capt. sgt. adm. brig. cpl. cmdr. cdr. lieut lieutenant
    captain sergeant corporal commodore marshal prof prof. professor father archbishop bishop patriarch metropolitan
    rev rev. reverend imam mufti rabbi cardinal ayatollah lord baroness judge justice""".split()
)


def is_title_word(tok: str) -> bool:
    """ "Dr", "Maj", "President", "ex-minister": a word that stands before a name as its title."""
    return is_title_token(tok.strip(".,")) or is_title_token(tok)


def is_title_token(tok: str) -> bool:
    """A title word as written, punctuation and all ("Dr." and "Dr" are; "Dr.," is only to is_title_word)."""
    low = tok.lower().rstrip(",")
    if low in TITLES or low in HONORIFICS or (low in NAME_TITLES and tok[:1].isupper()):
        return True
    return "-" in low and any(part in TITLES for part in low.split("-"))  # "President-elect", "ex-minister"


# Offices written before a person's name that never open an organisation's name ("General Command",
# "State Department" and "Foreign Ministry" start with title words too).
_PERSONAL_OFFICES = frozenset(
    """president president-elect minister ambassador envoy senator sen. rep. king queen prince princess sheikh emir
    chancellor governor mayor colonel admiral""".split()
)


# Offices of business, sport, courts and local government that stand before a name in news copy ("Coca-Cola CEO
# NAME", "NASA Administrator NAME", "Butte County Sheriff NAME", "Head Coach NAME"), with the offices above.
_ROLE_HEADS = frozenset(
    """ceo cfo coo cto cio executive officer founder co-founder cofounder chairman chairwoman chairperson president
    administrator sheriff commissioner coach manager boss economist strategist attorney prosecutor judge councillor
    councilman councilwoman superintendent inspector detective captain spokesperson spokesman spokeswoman secretary
    minister director chief head governor mayor senator ambassador envoy commander analyst general""".split()
)


def is_role_head(tok: str) -> bool:
    """ "CEO", "Administrator", "Minister": the last word of an office written before a person's name."""
    low = tok.lower().rstrip(",")
    return low in _ROLE_HEADS or is_personal_title(tok) or ("-" in low and low.split("-")[-1] in _ROLE_HEADS)


def is_personal_title(tok: str) -> bool:
    """ "Dr", "Capt", "President": a capitalised word that stands before a person's name, never an organisation's."""
    low = tok.lower().rstrip(",")
    return tok[:1].isupper() and (low in HONORIFICS or low in NAME_TITLES or low in _PERSONAL_OFFICES)
