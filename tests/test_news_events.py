"""Which sentences of news text are dated events (round 9: live pages, newsletters, quotations, stretches of time,
two days in one sentence).

Each rule has a case where it applies and a look-alike where it must not. Every sentence is our own. Expected days
are worked out by hand against REF, Wednesday 5 March 2025 (so "Monday" is 3 March, "yesterday" 4 March, and a
year-less "December 8" is 8 December 2024, the nearer one).
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.dates import DAY_PRECISIONS
from dashboard.extraction.extract import Extractor
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

REF = date(2025, 3, 5)  # a Wednesday


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer(DEFAULT_PATH))


def dated(ex: Extractor, text: str) -> list[tuple[int, str]]:
    """(line, day) of every event dated to a day."""
    return [(e.line, e.date) for e in ex.extract(text, REF).events if e.date_precision in DAY_PRECISIONS]


def event_lines(ex: Extractor, text: str) -> set[int]:
    return {e.line for e in ex.extract(text, REF).events}


# -- live pages ------------------------------------------------------------------------------------------------------


def test_a_live_pages_entry_headlines_and_credit_lines_are_no_events(ex: Extractor) -> None:
    text = (
        "Live updates: the day in Syria\n"
        "Crowds fill the main square in Hama\n"  # 2: a headline over its entry's time stamp
        "4:10 p.m. ET\n"
        "From ABC's Lena Ortiz and Tom Reyes\n"  # 4: a credit line with two names
        "Thousands of people poured into the main square of Hama on Wednesday afternoon.\n"
        "\n"
        "Convoy of trucks reaches the border at Nasib\n"  # 7
        "2:05 p.m. ET\n"
        "From ABC's Omar Khalil in Amman\n"  # 9: a credit line with the reporter's city
        "A convoy of forty trucks reached the Nasib crossing, officials at the border said.\n"
    )
    # The entries are of the page's day (two time stamps and no date line): 5 March.
    assert dated(ex, text) == [(5, "2025-03-05"), (10, "2025-03-05")]


def test_a_headline_under_an_entry_stamp_is_no_event_but_a_chronicles_short_line_is(ex: Extractor) -> None:
    live = (
        "Live: the day in Syria\n"
        "5 March 2025, 11:32 GMT\n"
        "Rebel commander orders fighters in Hama to stay calm\n"  # 3: the entry's headline, under its stamp
        "The commander told fighters in Hama not to approach public buildings.\n"
        "5 March 2025, 09:40 GMT\n"
        "Crowds gathered in Homs at first light.\n"
    )
    assert dated(ex, live) == [(4, "2025-03-05"), (6, "2025-03-05")]
    chronicle = (
        "March 1\n"
        "Rebels take the airport in Homs\n"  # a date line with no time: this is the day's news
        "Crowds gathered in the city at first light.\n"
    )
    assert dated(ex, chronicle) == [(2, "2025-03-01"), (3, "2025-03-01")]


def test_a_sentence_with_its_full_stop_over_a_time_stamp_is_still_an_entry(ex: Extractor) -> None:
    text = (
        "4:10 p.m. ET\n"
        "Rebels say they hold the airport in Hama.\n"  # the last paragraph of an entry, right over the next stamp
        "2:05 p.m. ET\n"
        "The governor of Homs met tribal leaders in Palmyra.\n"
    )
    assert dated(ex, text) == [(2, "2025-03-05"), (4, "2025-03-05")]


@pytest.mark.parametrize(
    "line",
    [
        "From Russia's northern ports, three ships sailed for Tartus on Monday.",  # "northern": no credit line
        "By CNN's count, forty trucks crossed at Nasib on Monday.",
    ],
)
def test_a_sentence_opening_like_a_credit_line_is_an_event(ex: Extractor, line: str) -> None:
    assert dated(ex, line) == [(1, "2025-03-03")]


def test_the_newsrooms_caveat_and_its_reporter_at_work_are_no_events(ex: Extractor) -> None:
    text = (
        "March 3\n"
        "Jets struck the market in Maarat al-Numan before dawn.\n"
        "The network has not independently confirmed the death toll.\n"  # 3: a caveat
        "The footage could not be independently verified.\n"  # 4: the same in the passive
        "Our correspondent Sami Haddad, who is in Amman, has been speaking by phone to families in Deraa.\n"  # 5
        "Our correspondent in Deraa says the shelling of the town has stopped.\n"  # 6: news, through our reporter
        "The ministry said the toll, which reporters could not independently verify, had risen in Idlib.\n"  # 7
    )
    assert dated(ex, text) == [(2, "2025-03-03"), (6, "2025-03-03"), (7, "2025-03-03")]


# -- newsletters -----------------------------------------------------------------------------------------------------


def test_a_newsletters_note_about_itself_is_no_event(ex: Extractor) -> None:
    text = (
        "HOUSEKEEPING: this newsletter will be off from March 10 and back on March 17.\n"
        "Programming note: the podcast returns on Monday, March 17, with an episode from Beirut.\n"
        "Housekeeping staff at a hotel in Aleppo were evacuated on Monday.\n"  # an event about housekeepers
    )
    assert dated(ex, text) == [(3, "2025-03-03")]


def test_a_link_to_another_story_is_no_event(ex: Extractor) -> None:
    text = (
        "March 3\n"
        "READ MORE: Rebels enter Hama as the army pulls out of the city\n"
        "Related: How Russia lost its foothold in Tartus\n"
        "Watch: crowds in Homs celebrate through the night\n"
        "Residents watch as rebels enter Hama from the north.\n"  # a sentence with "watch" in it
    )
    assert dated(ex, text) == [(5, "2025-03-03")]


# -- quotations ------------------------------------------------------------------------------------------------------


def test_a_speakers_today_inside_a_quotation_dates_nothing_but_a_day_they_name_does(ex: Extractor) -> None:
    text = (
        '"Nobody in Hama will sign anything today, everyone is waiting," an official close to the talks said.\n'
        '"The last convoy left Hama on Monday night," the official said.\n'
        "The minister said today that the talks in Hama would go on.\n"  # the writer's today: the publication day
    )
    assert dated(ex, text) == [(2, "2025-03-03"), (3, "2025-03-05")]
    # on a live page the reader knows the day, and the speaker's "today" is the page's day
    live = (
        "9:10 a.m. ET\n"
        'A border official told reporters that "the queue is only in one direction today."\n'
        "8:05 a.m. ET\n"
        "Trucks lined up at the Nasib crossing.\n"
    )
    assert dated(ex, live) == [(2, "2025-03-05"), (4, "2025-03-05")]


def test_a_title_in_quote_marks_holds_no_date(ex: Extractor) -> None:
    text = (
        "March 3\n"
        "Rebels took the airport in Hama on Sunday.\n"
        "A channel in Doha has been running a nightly show titled \u00abThe Day After\u00bb since then.\n"
        "The next day, rebels entered the city of Homs.\n"  # the day after Sunday: Monday 3 March
    )
    assert dated(ex, text) == [(2, "2025-03-02"), (3, "2025-03-03"), (4, "2025-03-03")]


def test_a_quotation_with_only_its_speaker_takes_no_date_line_but_one_said_somewhere_does(ex: Extractor) -> None:
    text = (
        "March 1\n"
        '"We hear shelling all night," a nurse in the old quarter of Homs told a local radio station.\n'  # 2
        'A resident of Hama, reached by telephone, says: "The statues are coming down."\n'  # 3
        '"We will not leave," the minister told a crowd in Homs.\n'  # 4: where it was said
        'The envoy, in Doha for talks with his counterparts, told reporters: "Nobody expected this."\n'  # 5
    )
    result = ex.extract(text, REF)
    events = [(e.line, e.date, e.places[:1]) for e in result.events if e.date_precision in DAY_PRECISIONS]
    assert events == [(4, "2025-03-01", ["Homs"]), (5, "2025-03-01", ["Doha"])]
    # the speakers' places are still read, with their quotations
    assert {p for q in result.quotes if q.line in (2, 3) for p in q.places + q.mentioned} >= {"Homs", "Hama"}


# -- stretches of time -----------------------------------------------------------------------------------------------


def test_since_a_day_is_where_a_state_began_not_a_day_of_news(ex: Extractor) -> None:
    text = (
        "Assad, who has been living in Moscow since December 8, gave no interview to the press in Russia.\n"
        "Since the fall of Assad on Sunday, planes have left Hmeimim every day.\n"  # the fall's day
    )
    assert dated(ex, text) == [(2, "2025-03-02")]


def test_a_stretch_a_sentence_measures_against_keeps_the_date_lines_day(ex: Extractor) -> None:
    text = (
        "March 1\n"
        "Jets strike Idlib for the first time since 2019.\n"
        "Rebels break a front line near Saraqib that had not moved since 2020.\n"
        "Russia has kept a garrison in Qamishli since 2019.\n"  # a state since then: not news of March 1
    )
    assert dated(ex, text) == [(2, "2025-03-01"), (3, "2025-03-01")]
    assert 4 in event_lines(ex, text)  # still an event, at Qamishli, with no day


def test_days_that_only_bound_a_long_stretch_name_no_day(ex: Extractor) -> None:
    text = (
        "Cargo planes made forty flights between Hmeimim and Benghazi between 10 January and 20 February.\n"
        "Clashes near Manbij between March 1 and 2 killed twelve fighters.\n"  # a short stretch: a range of days
    )
    events = [(e.line, e.date, e.date_end) for e in ex.extract(text, REF).events if e.date_precision in DAY_PRECISIONS]
    assert events == [(2, "2025-03-01", None)]


def test_between_two_days_a_day_apart_is_a_range(ex: Extractor) -> None:
    events = ex.extract("Clashes near Manbij between 1 March and 2 March killed twelve fighters.", REF).events
    assert [(e.date, e.date_end) for e in events] == [("2025-03-01", "2025-03-02")]


# -- two days in one sentence ----------------------------------------------------------------------------------------


def test_a_clause_about_an_earlier_day_is_an_event_of_its_own(ex: Extractor) -> None:
    text = (
        "The delegation arrived in Damascus yesterday, the first visit since rebels captured the city on December 8.\n"
        "Columns of trucks drove into Latakia on Monday as troops pulled back after rebels seized Hama last Friday.\n"
    )
    events = [(e.line, e.date, e.text) for e in ex.extract(text, REF).events]
    assert events == [
        (1, "2025-03-04", text.splitlines()[0]),
        (1, "2024-12-08", "since rebels captured the city on December 8"),
        (2, "2025-03-03", text.splitlines()[1]),
        (2, "2025-02-28", "after rebels seized Hama last Friday"),
    ]
    hama = [e for e in ex.extract(text, REF).events if e.date == "2025-02-28"][0]
    assert hama.places == ["Hama"]
    # "the country" in the clause is the country the sentence named before it; with no place, none
    syria = "Officials flew to Syria yesterday, the first visit since the liberation of the country on December 8."
    assert [e.places for e in ex.extract(syria, REF).events] == [["Syria"], ["Syria"]]
    [_, clause] = ex.extract(text.splitlines()[0], REF).events
    assert clause.places == []


def test_a_relative_clause_with_an_earlier_day_is_an_event_of_its_own(ex: Extractor) -> None:
    text = (
        "Assad, who fled to Moscow on December 8, gave his first interview to Russian television on Monday.\n"
        "The envoy, who will travel to Doha on March 10, said on Monday that talks would go on.\n"  # a later day
    )
    events = [(e.line, e.date, e.text) for e in ex.extract(text, REF).events]
    assert events == [
        (1, "2025-03-03", text.splitlines()[0]),
        (1, "2024-12-08", "who fled to Moscow on December 8"),
        (2, "2025-03-03", text.splitlines()[1]),
    ]


def test_a_clause_with_a_later_day_or_the_sentences_only_day_makes_no_second_event(ex: Extractor) -> None:
    text = (
        "The minister said on Monday that talks in Geneva would resume after the holiday on March 10.\n"
        "Since the fall of Assad on Sunday, planes have left Hmeimim every day.\n"
    )
    assert dated(ex, text) == [(1, "2025-03-03"), (2, "2025-03-02")]


def test_every_event_starts_at_its_own_place_in_the_text(ex: Extractor) -> None:
    """The tables know an event by its document, line and start: a clause's event never starts where its sentence
    does ("Since the fall of Assad on Sunday, ..." is read with its sentence)."""
    text = (
        "Since the fall of Assad on Sunday, planes left Hmeimim on Monday and on Tuesday.\n"
        "Officials arrived in Damascus yesterday, after rebels seized Homs on Saturday, and after talks on Sunday.\n"
    )
    events = ex.extract(text, REF).events
    assert len({(e.line, e.start) for e in events}) == len(events) >= 2
    assert [e.date for e in events if e.line == 1] == ["2025-03-02"]
    assert [e.date for e in events if e.line == 2] == ["2025-03-04", "2025-03-01", "2025-03-02"]


def test_came_a_day_after_dates_what_came_before(ex: Extractor) -> None:
    text = (
        "March 5, 2025\n"  # the article's byline date
        "The president spoke by telephone with the emir of Qatar on Monday.\n"
        "The Kremlin called the conversation useful and warm.\n"  # undated: it does not move "the day" to March 5
        "The call came a day after the emir visited Damascus.\n"
        "The emir's visit came after months of talks in Doha.\n"  # no count of days: no day
    )
    result = ex.extract(text, REF)
    assert [(e.line, e.date) for e in result.events if e.date_precision in DAY_PRECISIONS] == [
        (2, "2025-03-03"),
        (4, "2025-03-02"),
    ]
    assert [e.places[:1] for e in result.events if e.line == 4] == [["Damascus"]]


# -- chronicles ------------------------------------------------------------------------------------------------------


def test_a_name_given_under_a_date_line_is_no_event_but_a_person_named_to_an_office_is(ex: Extractor) -> None:
    text = (
        "March 1\n"
        'The offensive is given the name "Dawn of Freedom".\n'
        "Al-Bashir is named caretaker prime minister in Damascus.\n"
    )
    assert dated(ex, text) == [(3, "2025-03-01")]


def test_a_short_sentence_in_a_paragraph_is_an_event_a_short_line_without_a_full_stop_is_not(ex: Extractor) -> None:
    text = (
        "March 1\n"
        "Rebels enter Hama. Crowds cheer in the squares of the city.\n"
        "March 2\n"
        "Rebels enter Homs\n"
    )
    events = [(e.line, e.date, e.text) for e in ex.extract(text, REF).events]
    assert events[0] == (2, "2025-03-01", "Rebels enter Hama.")
    assert all(line != 4 for line, _, _ in events)
    # three words with no place are no news of the day above them
    assert dated(ex, "March 1\nNobody was hurt. Rebels enter Hama before dawn.\n") == [(2, "2025-03-01")]


# -- round 10: the day a careful reader sees (bylines, summaries, stamps, deadlines, plans, anniversaries) ----------
# REF is Wednesday 5 March 2025: "on Friday" ahead is 7 March, behind is 28 February.


def test_a_date_line_under_a_title_a_one_sentence_standfirst_and_the_author_is_the_byline(ex: Extractor) -> None:
    text = (
        "Russian ships slip out of Tartus as the port changes hands\n"
        "Two frigates and a tanker left the Syrian port over the weekend, leaving the quay nearly empty.\n"
        "Lena Ivanova\n"
        "Mar 5, 2025\n"
        "Russia/Syria\n"
        "Russian ships left the port of Tartus on Saturday, according to port workers.\n"
        "The navy has kept a presence in the port since 1971.\n"
        "Analysts expect more departures from the port in Tartus.\n"
    )
    # the piece came out on the 5th: only the sentence with a day of its own is dated
    assert dated(ex, text) == [(6, "2025-03-01")]


def test_a_date_line_under_two_paragraphs_of_sentences_still_dates_what_follows(ex: Extractor) -> None:
    text = (
        "Russian ships slip out of Tartus as the port changes hands\n"
        "Two frigates and a tanker left the Syrian port over the weekend, leaving the quay nearly empty.\n"
        "The navy had kept a presence in the port since 1971, longer than any other foreign force.\n"
        "Mar 5, 2025\n"
        "Port workers in Tartus watched the last tanker leave.\n"
    )
    # two sentences above it: the date line opens a section of the day, not an article's masthead
    assert dated(ex, text) == [(5, "2025-03-05")]


def test_a_live_page_s_key_points_box_is_no_event_but_its_entries_are(ex: Extractor) -> None:
    text = (
        "Syria latest: convoys head for the coast\n"
        "Wednesday 5 March 2025 19:05, UK\n"
        "Key points\n"
        "Russian convoys seen moving towards Tartus\n"
        "Caretaker cabinet named in Damascus\n"
        "18:47\n"
        "Residents of Latakia watched Russian armoured vehicles drive through the city all day.\n"
        "16:20\n"
        "Caretaker cabinet named in Damascus\n"
        "The new cabinet met in Damascus for the first time.\n"
    )
    # the date line with its ", UK" is a date line (no event), the box's lines are a summary; line 9 is the
    # entry's headline over its first paragraph
    assert dated(ex, text) == [(7, "2025-03-05"), (10, "2025-03-05")]


def test_a_short_line_after_a_line_that_is_no_key_points_heading_is_still_read(ex: Extractor) -> None:
    text = (
        "March 1\n"
        "Key developments in Hama.\n"  # a sentence, not the box's heading
        "Rebels enter Hama before dawn\n"  # a chronicle's short line: the day's news
    )
    assert (3, "2025-03-01") in dated(ex, text)


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("Elif Kaya and Jeyhun Aliyev  |05.03.2025 - Update : 05.03.2025", False),
        ("Anna Berg | March 5, 2025", False),
        ("Rebels entered Homs | 5 March 2025 was the day the city fell.", True),
    ],
)  # fmt: skip
def test_the_authors_and_the_page_s_stamp_on_one_line_are_no_event(ex: Extractor, line: str, event: bool) -> None:
    text = f"Putin and al-Sharaa hold a first call\n{line}\nRussian ships left Tartus on Monday.\n"
    assert (2 in {ln for ln, _ in dated(ex, text)}) is event


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a deadline or the end of a stretch: the sentence's day is the date line's, not the one it runs to
        ("Al-Bashir was appointed in Damascus to lead a caretaker cabinet until 1 April.", "2025-03-04"),
        ("The rebels told the garrison in Hama to leave by 20 March.", "2025-03-04"),
        ("Until 1 March, Russian jets flew from Hmeimim every day.", "2025-03-04"),
        # look-alikes: a day that opens the sentence with "By", and a day after "by" that is no bound
        ("By 1 March, rebels had entered Hama.", "2025-03-01"),
        ("Hama was shelled by artillery on 1 March.", "2025-03-01"),
    ],
)  # fmt: skip
def test_a_deadline_is_not_the_day_of_the_event(ex: Extractor, sentence: str, day: str) -> None:
    assert dated(ex, f"March 3\nRebels entered Homs.\nMarch 4\n{sentence}\n") == [(2, "2025-03-03"), (4, day)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a plan on a day still to come (round 12; the weekday's day is the one to come, test_dates.py): no dated
        # event, as the held-out sets' writers label it
        ("The ministers will meet in Geneva on Friday to discuss the ports.", []),
        ("The envoy is expected to arrive in Damascus on Monday.", []),
        ("The talks are due to resume in Geneva on Wednesday.", []),
        ("Another flight from Hmeimim to Benghazi was expected on Friday, he said.", []),
        ("Mikati is due to meet the new Syrian leader Ahmed al-Sharaa in Damascus on March 11.", []),
        ("The security cabinet is scheduled to discuss the northern front on Sunday, March 9.", []),
        ("Many families in Aleppo are planning a larger commemoration on March 20.", []),
        # look-alikes: the plan was reported on a day that has passed, a meeting that took place, a day of the
        # past in a sentence about a plan
        ("He will stay in Moscow, the Kremlin said in Damascus on Friday.", [(1, "2025-02-28")]),
        ("The ministers met in Geneva on Friday to discuss the ports.", [(1, "2025-02-28")]),
        ("The talks that will resume in Geneva were agreed on Friday.", [(1, "2025-02-28")]),
        ("The envoy was due to arrive in Damascus on March 3 but came a day late.", [(1, "2025-03-03")]),
    ],
)  # fmt: skip
def test_a_plan_on_a_day_to_come_is_no_dated_event(ex: Extractor, sentence: str, expected: list) -> None:
    assert dated(ex, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Exactly one year ago today, Assad's forces shelled Idlib.", "2024-03-05"),
        ("Two years ago today, rebels shelled Aleppo.", "2023-03-05"),
        ("On March 3 last year, rebels shelled Aleppo.", "2024-03-03"),
        # look-alikes: today itself, and a written date with no "last year"
        ("Today, a year after the siege, rebels shelled Aleppo.", "2025-03-05"),
        ("On March 3, rebels shelled Aleppo.", "2025-03-03"),
    ],
)  # fmt: skip
def test_an_anniversary_is_the_day_years_back(ex: Extractor, sentence: str, day: str) -> None:
    assert dated(ex, sentence) == [(1, day)]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # a programme's own date and its agenda are no events
        ("The Foreign Desk, Episode 212\nBroadcast Wednesday 5 March 2025.\n"
         "HOST: Today: what's left of Russia's navy in Tartus.\n", []),
        # look-alikes: a sentence that goes on after the date, and "today" that is a time
        ("The Foreign Desk, Episode 212\nBroadcast on 5 March 2025 from Tartus, the show drew a crowd.\n"
         "Today the port in Tartus was quiet.\n", [2, 3]),
    ],
)  # fmt: skip
def test_a_programme_s_broadcast_date_and_its_agenda_are_no_events(ex: Extractor, text: str, lines: list[int]) -> None:
    assert [ln for ln, _ in dated(ex, text)] == lines


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # under a date line, a sentence that only says nothing happened, nothing was said or nothing is known
        ("The Kremlin has not commented on the fate of its bases in Tartus.", False),
        ("Moscow has not yet confirmed the withdrawal from Qamishli.", False),
        ("Russia's defence ministry declined to comment on the ships in Tartus.", False),
        ("It remains unclear what will happen to the Russian bases in Syria.", False),
        # look-alikes: a silence that goes on to news, and news that is told
        ("The Kremlin has not commented, but Leonid Slutsky told Ria Novosti the bases in Tartus were safe.", True),
        ("The Kremlin commented on the fate of its bases in Tartus.", True),
    ],
)  # fmt: skip
def test_a_silence_under_a_date_line_is_no_event_of_its_day(ex: Extractor, sentence: str, event: bool) -> None:
    events = [e for e in ex.extract(f"March 3\nRebels entered Homs.\n{sentence}\n", REF).events if e.line == 3]
    assert [e.date for e in events] == (["2025-03-03"] if event else [None])  # its places are still read


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # background that describes a place: no news of the date line's day
        ("Tartus is Russia's only naval base in the Mediterranean.", False),
        ("Hmeimim is an air base south of Latakia.", False),
        ("The airfield lies 20 km south of Latakia.", False),
        # look-alikes: how things stood that day, the day's news, and a description someone gave
        ("Damascus is calm after a night of celebrations.", True),
        ("This is the first visit by a Russian official to Damascus.", True),
        ("Aleppo is a ghost town, residents said.", True),
    ],
)  # fmt: skip
def test_a_description_of_a_place_under_a_date_line_is_no_event_of_its_day(
    ex: Extractor, sentence: str, event: bool
) -> None:
    events = [e for e in ex.extract(f"March 3\nRebels entered Homs.\n{sentence}\n", REF).events if e.line == 3]
    assert [e.date for e in events] == (["2025-03-03"] if event else [None])


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Rebels took Aleppo in late November and Hama a week later.", None),  # a month and no day: its own time
        ("Russia sent its first jets to Hmeimim in September.", None),
        # look-alikes: a month with its day, and a month's name that is no time ("in March" is; "the March talks")
        ("Rebels took Aleppo on November 30.", "2024-11-30"),
        ("The envoys in Geneva ended the March talks.", "2025-03-03"),
    ],
)  # fmt: skip
def test_a_month_without_a_day_keeps_a_sentence_off_the_date_line_s_day(
    ex: Extractor, sentence: str, day: str | None
) -> None:
    events = [e for e in ex.extract(f"March 3\nRebels entered Homs.\n{sentence}\n", REF).events if e.line == 3]
    assert [e.date if e.date_precision in DAY_PRECISIONS else None for e in events] == [day]


@pytest.mark.parametrize(
    ("line", "event"),
    [
        # captions and links: page furniture, no event of the day they name
        ("Syrian rebels celebrate in Damascus, Syria, March 2, 2025. REUTERS/Amal Haddad", False),
        ("A man waves a flag in Umayyad Square in Damascus on Sunday. (AP Photo/Omar Khalil)", False),
        ("Image caption, Crowds gathered in Damascus on Sunday", False),
        ("FILE PHOTO: Russian warships in the port of Tartus, Syria, on Sept. 26, 2019. REUTERS/Omar Khalil/File Photo",
         False),
        ("Live: Rebels enter Damascus as Assad flees, March 2", False),
        # look-alikes: prose that names an agency or a live broadcast, and a caption word inside a sentence
        ("Crowds gathered in Damascus on Sunday, AP and Reuters reported.", True),
        ("Live pictures from Damascus showed crowds in the squares on Sunday.", True),
        ("The image, the ministry said, showed crowds in Damascus on Sunday.", True),
    ],
)  # fmt: skip
def test_a_caption_or_a_link_is_no_event(ex: Extractor, line: str, event: bool) -> None:
    text = f"Rebels take Damascus\n{line}\nRebels entered Homs on Saturday.\n"
    assert (2 in {ln for ln, _ in dated(ex, text)}) is event


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("In the early hours of Sunday, rebels entered Damascus.", [(1, "2025-03-02")]),
        ("On the morning of Monday, rebels entered Homs.", [(1, "2025-03-03")]),
        ("Rebels entered Hama on Monday. The next morning, they reached Homs.", [(1, "2025-03-03"), (1, "2025-03-04")]),
        # look-alikes: a weekday that names a thing, and a morning with no day counted from
        ("After hours of Friday prayers in Damascus, crowds filled the streets.", []),
        ("Rebels entered Hama last week. The next morning, they reached Homs.", []),
    ],
)  # fmt: skip
def test_the_hours_of_a_weekday_and_the_next_morning_are_days(
    ex: Extractor, text: str, days: list[tuple[int, str]]
) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a month or a year line ends the day above it
        ("November 30\nRebels take Aleppo.\nDecember 2024\nRebels enter Damascus and Assad flees to Moscow.\n",
         [(2, "2024-11-30")]),
        ("November 30\nRebels take Aleppo.\n2015\nRussian jets arrive at Hmeimim for the first time.\n",
         [(2, "2024-11-30")]),
        # a range of days and a written-out ISO day are date lines too
        ("Dec. 7, 2024\nRebels enter Homs.\nDec. 9-10, 2024\nRussian ships leave Tartus.\n",
         [(2, "2024-12-07"), (4, "2024-12-09")]),
        ("2024-12-07\nRebels enter Homs.\n2024-12-09\nRussian ships leave Tartus.\n",
         [(2, "2024-12-07"), (4, "2024-12-09")]),
        # look-alikes: a section heading that is no time keeps the day, and a month inside a sentence
        ("November 30\nRebels take Aleppo.\nTHE AFTERMATH\nRebels enter the centre of Aleppo in the evening.\n",
         [(2, "2024-11-30"), (4, "2024-11-30")]),
        ("November 30\nRebels take Aleppo.\nDecember 2024 will be remembered in Aleppo.\n"
         "Rebels enter the centre of Aleppo in the evening.\n", [(2, "2024-11-30"), (4, "2024-11-30")]),
    ],
)  # fmt: skip
def test_a_month_or_a_year_line_ends_a_chronicle_s_day(ex: Extractor, text: str, days: list[tuple[int, str]]) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("middle", "event"),
    [
        # another story's headline or a subheading between paragraphs of an article with no date line
        ("Assad flees to Moscow as rebels take Damascus on March 2", False),
        ("MORE FROM THE REGION: Israel strikes the navy in Latakia on March 4", False),
        # look-alikes: a sentence, and an item of a list
        ("Assad fled to Moscow as rebels took Damascus on March 2.", True),
        ("- Rebels take Damascus on March 2", True),
    ],
)  # fmt: skip
def test_a_headline_between_paragraphs_is_no_event(ex: Extractor, middle: str, event: bool) -> None:
    text = (
        "Rebels advance on the capital\n"
        "Rebels entered Homs on Saturday, witnesses said.\n"
        f"{middle}\n"
        "Crowds filled the streets of Damascus on Sunday.\n"
    )
    assert (3 in {ln for ln, _ in dated(ex, text)}) is event


def test_two_short_lines_in_a_row_are_a_list_not_a_headline(ex: Extractor) -> None:
    text = (
        "Rebels advance on the capital\n"
        "Rebels entered Homs on Saturday, witnesses said.\n"
        "Rebels take Hama on March 1\n"
        "Rebels take Damascus on March 2\n"
        "Crowds filled the streets of Damascus on Sunday.\n"
    )
    assert dated(ex, text) == [(2, "2025-03-01"), (3, "2025-03-01"), (4, "2025-03-02"), (5, "2025-03-02")]


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        # the sentence's only day stands in an aside about its subject: the aside's event, not the sentence's
        ("Assad, who fled to Moscow on December 8, gave his first interview to Russian television.",
         [(None, "Assad, who fled"), ("2024-12-08", "who fled to Moscow on December 8")]),
        ("Assad, born on Sept. 11, 1965, fled to Moscow.", [(None, "Assad, born on")]),  # a birth: no event of it
        # look-alikes: an aside that runs to the end of the sentence, and a day outside any aside
        ("Assad fled to Moscow, where he arrived on December 8.", [("2024-12-08", "Assad fled to")]),
        ("Assad, the former president, fled to Moscow on December 8.", [("2024-12-08", "Assad, the form")]),
    ],
)  # fmt: skip
def test_a_day_in_an_aside_about_the_subject_is_the_aside_s(
    ex: Extractor, sentence: str, events: list[tuple[str | None, str]]
) -> None:
    found = [(e.date if e.date_precision in DAY_PRECISIONS else None, e.text) for e in ex.extract(sentence, REF).events]
    assert [(day, text[: len(start)]) for (day, text), (_, start) in zip(found, events, strict=False)] == events
    assert len(found) == len(events)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # "since DAY, when ...": the clause names what happened that day
        ("The ministry has said nothing about the bases since Friday, when it reported strikes near Hama.",
         "2025-02-28"),
        ("The ministry has said nothing about the bases since March 1, when it reported strikes near Hama.",
         "2025-03-01"),
        # look-alikes: where a state began, with no clause of what happened then
        ("The ministry has posted daily updates about Hama since Friday.", None),
        ("The ministry has posted daily updates about Hama since March 1.", None),
    ],
)  # fmt: skip
def test_since_a_day_when_names_what_happened_that_day(ex: Extractor, sentence: str, day: str | None) -> None:
    assert [e.date if e.date_precision in DAY_PRECISIONS else None for e in ex.extract(sentence, REF).events] == [day]


# -- round 11: a story's date line and stamp, digests, captions, stretches of time ------------------------------------


def test_a_story_s_date_line_with_its_update_stamp_under_it_is_the_byline(ex: Extractor) -> None:
    text = (
        "Russian crews load helicopters at Hmeimim\n"
        "By Lena Ivanova and Omar Haddad\n"
        "March 5, 2025\n"
        "Updated 7:52 p.m. ET\n"
        "For a decade the air base at Hmeimim was Russia's foothold in Syria.\n"
        "On Monday, crews were seen loading helicopters at Hmeimim.\n"
        "Residents of Latakia described a quieter town.\n"
    )
    # the stamp belongs to the byline: the story came out on the 5th, and only line 6 gives a day of its own
    assert dated(ex, text) == [(6, "2025-03-03")]


def test_a_live_page_s_entry_stamps_under_its_date_line_still_date_its_entries(ex: Extractor) -> None:
    text = (
        "Syria live: Russian crews load helicopters\n"
        "March 5, 2025\n"
        "7:52 p.m. ET\n"
        "Crews were seen loading helicopters at Hmeimim.\n"
        "6:40 p.m. ET\n"
        "Residents of Latakia described a quieter town.\n"
    )
    # two entry stamps: a live page of the 5th, whose entries are of that day
    assert dated(ex, text) == [(4, "2025-03-05"), (6, "2025-03-05")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a digest's own issue lines and its entries' stamp-and-source lines are no events; the posts are
        ("TELEGRAM WATCH\nDigest for Wednesday, 5 March 2025\n\u2014 Wednesday, 5 March \u2014\n"
         "09:02 | Pyaty Okean (410,000 subscribers)\n\u00abThe column from Kobani has reached Tartus on Monday.\u00bb\n"
         "Next digest: Thursday, 6 March.\n", [(5, "2025-03-03")]),
        # look-alikes: a stamp line that is a sentence, and a line naming a briefing that goes on as a sentence
        ("TELEGRAM WATCH\nThe briefing for 3 March was cancelled in Damascus.\n\u2014 Wednesday, 5 March \u2014\n"
         "09:02 Russian convoys reached the port of Tartus.\n", [(2, "2025-03-03"), (4, "2025-03-05")]),
    ],
)  # fmt: skip
def test_a_digest_s_issue_and_entry_lines_are_no_events(ex: Extractor, text: str, expected: list) -> None:
    assert dated(ex, text) == expected


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Desk note: The Kremlin spokesman was speaking on his call with journalists in Moscow.", None),
        ("Agencies contributed to this report from Beirut.", None),
        ("Lena Ivanova reported from Beirut, Lebanon, and Omar Haddad from Istanbul.", None),
        # look-alikes: a news agency reporting news, and a note that gives its own day
        ("Reuters reported from Damascus that rebels had entered Homs.", "2025-03-04"),
        ("Desk note: The Kremlin spokesman spoke in Moscow on Monday.", "2025-03-03"),
    ],
)  # fmt: skip
def test_a_desk_note_and_a_credit_line_take_no_day_from_the_date_line(ex: Extractor, line: str, day: str) -> None:
    events = [e for e in ex.extract(f"March 3\nRebels entered Hama.\nMarch 4\n{line}\n", REF).events if e.line == 4]
    assert events and events[0].date == day  # the place it names is kept either way


def test_a_read_more_list_is_no_news_but_the_paragraph_after_it_is(ex: Extractor) -> None:
    text = (
        "March 2\n"
        "Rebels entered the city of Hama.\n"
        "Read more:\n"
        "Russian troops seize the summit of Mount Hermon for the first time\n"
        "Russian ships left Tartus, port workers in the city said.\n"
    )
    assert dated(ex, text) == [(2, "2025-03-02"), (5, "2025-03-02")]


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("Russian soldiers by the fence near Tartus, March 3, 2025. (Ayal Margolin/Flash90)", False),
        ("Screenshot of the misleading post from Tartus, taken on March 3, 2025", False),
        # look-alikes: the sentence about a screenshot, and a sentence whose bracket names no photographer
        ("A screenshot of the post was shared from Tartus on March 3, 2025.", True),
        ("Russian soldiers left Tartus on March 3, 2025. (The base is now empty.)", True),
    ],
)  # fmt: skip
def test_a_caption_with_a_photographer_or_a_screenshot_is_no_event(ex: Extractor, line: str, event: bool) -> None:
    text = f"Russian ships leave Tartus\n{line}\nRebels entered the city of Hama on Monday.\n"
    assert (2 in {ln for ln, _ in dated(ex, text)}) is event


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Desk analysis", [(2, "2025-03-02")]),  # the writer's own view after the day's entries: not that day's news
        ("Analysis", [(2, "2025-03-02")]),
        # look-alike: a short headline of the day's news keeps the day over the paragraph under it (its three
        # words with no full stop are no event themselves)
        ("Rebels enter Homs", [(2, "2025-03-02"), (4, "2025-03-02")]),
    ],
)  # fmt: skip
def test_a_section_of_analysis_after_dated_entries_is_not_of_that_day(ex: Extractor, heading: str, expected) -> None:
    text = f"March 2\nRebels entered the city of Hama.\n{heading}\nThe mood of Russian soldiers in Tartus has turned.\n"
    assert dated(ex, text) == expected


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("Ordered by the House of Commons to be published on 4 March 2025", False),
        # look-alike: a court ordering something in a sentence of news
        ("A court in Damascus ordered the report to be published on 4 March 2025.", True),
    ],
)  # fmt: skip
def test_a_parliamentary_paper_s_order_to_publish_is_no_event(ex: Extractor, line: str, event: bool) -> None:
    text = f"Russia and Syria: oral evidence\n{line}\nThe minister spoke of Tartus on Monday.\n"
    assert (2 in {ln for ln, _ in dated(ex, text)}) is event


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a day that bounds a stretch names no day of the event
        ("The video does not show Russian ships leaving Tartus after March 1.", None),
        ("The authorities should give the inquiry access to Latakia before March 15.", None),
        ("Flights left Hmeimim for Benghazi between 1 and 4 March.", None),
        ("Investigators spoke to people in Latakia between December 20, 2024, and January 15, 2025.", None),
        ("Russia has said nothing about its ships in Tartus since March 1.", None),
        # look-alikes: "since DATE, when ..." tells what happened that day; a short range; "after" after the day
        ("Russia has said nothing about its ships in Tartus since March 1, when TASS quoted a naval source.",
         "2025-03-01"),
        ("Flights left Hmeimim for Benghazi between 3 and 4 March.", "2025-03-03"),
        ("Russian ships left Tartus on March 1, after the fall of Homs.", "2025-03-01"),
    ],
)  # fmt: skip
def test_a_day_that_only_bounds_a_stretch_is_no_day(ex: Extractor, sentence: str, day: str | None) -> None:
    days = [e.date for e in ex.extract(sentence, REF).events if e.line == 1]
    assert days[:1] == [day]


def test_today_in_an_interview_answer_is_the_speaker_s_now(ex: Extractor) -> None:
    text = (
        "Interview: Nesrin Qasimo on the talks\n"
        "Rudaw English: Is the door to Damascus still open?\n"
        "Nesrin Qasimo: Today the door to Damascus is still open, but an open door is no guarantee.\n"
        "Rudaw English: And Moscow?\n"
        "Qasimo: Our delegation was in Moscow on Monday and met the deputy foreign minister.\n"
        "Today the delegation in Moscow flew home, the reporter said.\n"  # narration: today is the day of writing
    )
    assert dated(ex, text) == [(5, "2025-03-03"), (6, "2025-03-05")]


@pytest.mark.parametrize(
    ("line", "event"),
    [
        # the page's own date with its authors, its last change or its reading time: no event
        ("By Ellen Marsh and Yusuf Karaca, Mar. 5, 2025", False),
        ("Last modified on Wed 5 Mar 2025 19.52 GMT", False),
        ("Mar. 5, 2025 5 min read", False),
        ("March 5, 2025 / 7:52 PM / Updated 2 hours ago", False),
        # look-alikes: a sentence that opens with "By" and a date, and one where a date opens a report
        ("By Mar. 3, 2025, Russian ships had left the port of Tartus.", True),
        ("Mar. 3, 2025: rebels read the decree aloud in Tartus.", True),
    ],
)  # fmt: skip
def test_a_page_s_date_with_its_authors_or_reading_time_is_no_event(ex: Extractor, line: str, event: bool) -> None:
    text = f"Russian ships leave Tartus\nBy Anna Berg\n{line}\nRussian crews loaded helicopters at Hmeimim.\n"
    assert (3 in {ln for ln, _ in dated(ex, text)}) is event


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("Image caption, Russian warships at Tartus on 3 March", False),
        ("Pictured: Russian ships in Tartus on March 3, 2025", False),
        ("Russian ships in Tartus on March 3, 2025 [Reuters]", False),
        ("Russian ships in Tartus on March 3, 2025 (Photo by Anna Berg/AFP via Getty Images)", False),
        ("Posted by Anna Berg on March 5, 2025", False),
        # look-alikes: a sentence about a picture, a report whose bracket is no credit, a sentence opening "Posted"
        ("The caption said Russian ships were pictured in Tartus on March 3, 2025.", True),
        ("Russian ships left Tartus on March 3, 2025 (the last of them at dawn).", True),
        ("Posted to Tartus by Moscow on March 3, Russian marines guarded the quay.", True),
    ],
)  # fmt: skip
def test_a_caption_or_a_posted_by_line_is_no_event(ex: Extractor, line: str, event: bool) -> None:
    text = f"Russian ships leave Tartus\nBy Anna Berg\n{line}\nRussian crews loaded helicopters at Hmeimim.\n"
    assert (3 in {ln for ln, _ in dated(ex, text)}) is event


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Ellen Marsh and Yusuf Karaca", [(7, "2025-03-03")]),  # the byline's date: only line 7 has a day
        # look-alike: a paragraph of news over the date line makes it a section's date line, which dates line 6
        ("Residents of Tartus say the port is quiet.", [(6, "2025-03-05"), (7, "2025-03-03")]),
    ],
)  # fmt: skip
def test_a_date_line_right_under_a_byline_is_the_byline_s_date(ex: Extractor, byline: str, expected: list) -> None:
    text = (
        "Russia's grip on Tartus loosens\n"
        "Satellite images suggest Moscow is thinning out its forces.\n"
        "Whether it leaves may be up to the rebels.\n"
        f"{byline}\n"
        "March 5, 2025\n"
        "Russian crews loaded helicopters at Hmeimim.\n"
        "The base in Latakia was quiet on Monday.\n"
    )
    assert dated(ex, text) == expected


def test_analysis_right_under_a_live_entry_s_stamp_labels_that_entry(ex: Extractor) -> None:
    text = (
        "Syria live: Russian crews load helicopters\n"
        "March 2, 2025\n"
        "11:32 GMT\n"
        "Analysis\n"
        "The mood of Russian soldiers in Tartus has turned.\n"
        "10:05 GMT\n"
        "Crews were seen loading helicopters at Hmeimim.\n"
    )
    assert dated(ex, text) == [(5, "2025-03-02"), (7, "2025-03-02")]


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        # a story's byline date gives a speaker's "today" no day, as a story with no date line does not
        ("March 5, 2025", [(5, "2025-03-05")]),
        ("", [(5, "2025-03-05")]),
        # look-alike: under a chronicle's date lines, the speaker's "today" is the line's day
        ("March 4, 2025\nRebels entered the city of Hama.\nMarch 5, 2025",
         [(4, "2025-03-04"), (6, "2025-03-05"), (7, "2025-03-05")]),
    ],
)  # fmt: skip
def test_a_speaker_s_today_under_a_byline_date_is_no_day(ex: Extractor, date_line: str, expected: list) -> None:
    text = (
        "Russia's ships in Tartus\n"
        "By Anna Berg\n"
        f"{date_line}\n"
        '"Today the door to Damascus is still open," Qasimo said in Tartus.\n'
        "Russian crews loaded helicopters at Hmeimim today.\n"
    )
    assert dated(ex, text) == expected


# -- round 12: holidays, plans, page stamps --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a holiday on a fixed day: its year the nearest to REF (5 March 2025)
        ("Two Russian transport planes flew from Hmeimim to Benghazi on Christmas Day.", [(2, "2024-12-25")]),
        ("Shops in Latakia stayed shut on New Year\u2019s Eve.", [(2, "2024-12-31")]),
        ("Families returned to Aleppo on Christmas Eve for the first time.", [(2, "2024-12-24")]),
        ("Rebels reopened the Masnaa crossing on New Year's Day.", [(2, "2025-01-01")]),
        # look-alikes: a stretch from the holiday, the Orthodox Christmas (another day), a holiday as a name
        ("Shops in Latakia have stayed shut since New Year's Day.", []),
        ("Churches in Damascus were full on Orthodox Christmas Day.", []),
        ("The Christmas market in Damascus was quiet.", []),
    ],
)  # fmt: skip
def test_a_holiday_on_a_fixed_day_is_that_day(ex: Extractor, sentence: str, expected: list) -> None:
    assert dated(ex, f"Syria after Assad\n{sentence}\n") == expected


@pytest.mark.parametrize(
    ("line", "event"),
    [
        # the page's stamp among short labels, after the city it was filed from, or with its time zone: no event
        ("By Nour Haddad | Beirut | 05 March 2025 | 18:20", False),
        ("Issue 2025/09 | Wednesday 5 March 2025 | Compiled by the Levant Shipping Desk", False),
        ("ANKARA, Mar 5, 2025 9:48 PM GMT+3", False),
        ("Mar 5, 2025 11:02 am IST", False),
        # a caption's own date and its credit
        ("A vendor arranges spices at a market in Tartus, Syria, Mar. 3, 2025. (Xinhua/Ammar Haddad)", False),
        ("Defense Minister Yasar Guler speaks to reporters in Ankara, Turkey, March 3, 2025. (AA Photo)", False),
        # look-alikes: a sentence ending with its date and an aside in brackets
        ("Rebels entered the city of Hama, Syria, March 3, 2025. (The army denied it.)", True),
        # look-alikes: a dateline opening news, a sentence beside a bar, a city in capitals opening a sentence
        ("ANKARA, Mar 3, 2025 - Turkish troops crossed into Syria near Kilis.", True),
        ("March 3, 2025 | Israeli jets struck a crossing near Masnaa, the army said.", True),
        ("ANKARA, the capital, was quiet on March 3, 2025.", True),
    ],
)  # fmt: skip
def test_a_page_s_stamp_or_a_dated_caption_is_no_event(ex: Extractor, line: str, event: bool) -> None:
    text = f"Russian ships leave Tartus\nBy Anna Berg\n{line}\nRussian crews loaded helicopters at Hmeimim.\n"
    assert (3 in {ln for ln, _ in dated(ex, text)}) is event


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        # a live entry's stamp with "pm" run on ("10:52pm", ABC style): the report under it is the page's day
        ("10:52pm", [(5, "2025-03-05")]),
        ("9:05am", [(5, "2025-03-05")]),
        # look-alike: a time opening a sentence is no stamp, and the report under it has no day of its own
        ("10:52pm curfew began in Homs.", []),
    ],
)  # fmt: skip
def test_a_live_entry_s_stamp_with_its_pm_run_on_dates_the_entry(ex: Extractor, stamp: str, expected: list) -> None:
    text = (
        "Syria live: Russian crews load helicopters\n"
        "Posted Wed 5 Mar 2025 at 6:05pm, updated Wed 5 Mar 2025 at 11:40pm\n"
        f"{stamp}\n"
        "Kremlin: 'too early' to talk about bases\n"
        "Kremlin spokesman Dmitry Peskov has told reporters in Moscow it is too early to say.\n"
        f"{stamp.replace('10:52', '8:30').replace('9:05', '7:15')}\n"
        "Crowds gather in Damascus\n"
        "Hundreds of people gathered in Umayyad Square.\n"
    )
    assert [(ln, d) for ln, d in dated(ex, text) if ln == 5] == expected


# -- a day counted from the day the text just gave (round 13) ---------------------------------------------------------
# REF is Wednesday 5 March 2025: "Monday" 3 March, "Saturday" 1 March, "Sunday" 2 March.


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # the same day as the day before it: in the next paragraph, or past a quoted one
        ("Rebels entered Hama on Monday.\n\nThat same evening, jets struck Homs.\n",
         [(1, "2025-03-03"), (3, "2025-03-03")]),
        ('Rebels entered Hama on Monday.\n"Nobody expected it," a teacher said.\nThat night, jets struck Homs.\n',
         [(1, "2025-03-03"), (3, "2025-03-03")]),
        ("Troops left Tartus on Sunday.\nThe commander had flown to Latakia hours earlier.\n",
         [(1, "2025-03-02"), (2, "2025-03-02")]),
        ("Police sealed Homs on Monday.\nThe last bus left the city for Hama at noon.\n",
         [(1, "2025-03-03"), (2, "2025-03-03")]),
        ("Crews reached Raqqa on Tuesday. A team had cleared the road to Tabqa the day before.",
         [(1, "2025-03-04"), (1, "2025-03-03")]),
        ("Rebels entered Hama on Saturday.\nThree days after the fall of the city, a governor was named in Homs.\n",
         [(1, "2025-03-01"), (2, "2025-03-04")]),
        # look-alikes: no day stated before it, a day three paragraphs back, a plan, a quote about the future,
        # the day as a thing remembered
        ("That same night, jets struck Homs.\n", []),
        ("Rebels entered Hama on Monday.\nAid groups warned of shortages in Aleppo.\nCrowds gathered in Idlib.\n"
         "That night, jets struck Homs.\n", [(1, "2025-03-03")]),
        ("Rebels entered Hama on Saturday.\nAid groups warned of shortages in Aleppo.\nCrowds gathered in Idlib.\n"
         "Three days after the fall of the city, a governor was named in Homs.\n", [(1, "2025-03-01")]),
        ("Rebels entered Hama on Monday.\nThe convoy will leave for Homs the next day.\n", [(1, "2025-03-03")]),
        ('Rebels entered Hama on Monday.\n"Two days later we will be in Homs," a commander said in Hama.\n',
         [(1, "2025-03-03")]),
        ("Rebels entered Hama on Monday.\nMany in Homs remember that day with fear.\n", [(1, "2025-03-03")]),
    ],
)  # fmt: skip
def test_a_relative_day_counts_from_the_day_just_stated(ex: Extractor, text: str, days: list[tuple[int, str]]) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Water to Raqqa was cut on Monday; it was restored the following evening.",
         [(1, "2025-03-03"), (1, "2025-03-04")]),
        ("The bridge at Manbij reopened to cars on 2 March and to lorries three days later.",
         [(1, "2025-03-02"), (1, "2025-03-05")]),
        ("Police sealed the port of Tartus on March 1, hours after gunmen attacked a checkpoint near Baniyas.",
         [(1, "2025-03-01"), (1, "2025-03-01")]),
        ("Officials closed the Rabia crossing on 1 March, and traders returned through it on the 3rd.",
         [(1, "2025-03-01"), (1, "2025-03-03")]),
        ("The governor said on Monday that the Homs road was open, a claim denied by drivers the next day.",
         [(1, "2025-03-03"), (1, "2025-03-04")]),
        # ... and a clause of an earlier day: "where a market was shelled on ..." under "said Tuesday"
        ("In Idlib, the council said Tuesday it had begun clearing the old souq, where a shell fell on Feb. 20.",
         [(1, "2025-03-04"), (1, "2025-02-20")]),
        # look-alikes: the same event going on, "hours after" a noun (no clause of its own), a plan, two days of one
        # event, a comma's own date (no day counted from the sentence's)
        ("Shelling began near Kobani on 1 March and was still going on on Monday.", [(1, "2025-03-01")]),
        ("Planes left Hmeimim for Benghazi on Monday and on Tuesday.", [(1, "2025-03-03")]),
        ("Rebels entered Hama on Monday, the day after jets struck Homs.", [(1, "2025-03-03")]),
        ("Shells hit Kobani on Monday, and medics could not reach the town until the next morning.",
         [(1, "2025-03-03")]),
        ("Jets struck Homs on Monday, hours after the fall of Hama.", [(1, "2025-03-03")]),
        ("Talks opened in Geneva on Monday and will resume the next day.", [(1, "2025-03-03")]),
    ],
)  # fmt: skip
def test_a_later_clause_with_a_day_of_its_own_is_an_event_too(
    ex: Extractor, text: str, days: list[tuple[int, str]]
) -> None:
    assert dated(ex, text) == days


def test_a_later_clause_runs_from_its_and_past_its_commas(ex: Extractor) -> None:
    text = ("She opened a cafe in Homs on Monday, the first since 2012, and served her first guests, two nurses, "
            "the next day.")
    events = ex.extract(text, REF).events
    assert [(e.date, e.text) for e in events][1] == (
        "2025-03-04", "and served her first guests, two nurses, the next day"
    )


def test_a_where_clause_of_an_earlier_day_is_at_the_place_before_it(ex: Extractor) -> None:
    text = "In Idlib, the council said Tuesday it had begun clearing rubble in Saraqib, where a shell fell on Feb. 20."
    events = ex.extract(text, REF).events
    assert [(e.date, e.places[:1]) for e in events] == [("2025-03-04", ["Idlib"]), ("2025-02-20", ["Saraqib"])]


def test_the_later_clause_keeps_the_sentence_s_place_when_it_names_none(ex: Extractor) -> None:
    events = ex.extract("Water to Raqqa was cut on Monday; it was restored the following evening.", REF).events
    assert [(e.date, e.places[:1]) for e in events] == [("2025-03-03", ["Raqqa"]), ("2025-03-04", ["Raqqa"])]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # an ordinal day in the month the text is at, and numbers read in the document's own order
        ("Fighting in Idlib began on 2 February.\nOn the 4th, rebels reached Aleppo.\n",
         [(1, "2025-02-02"), (2, "2025-02-04")]),
        ("Crews reached Douma on 4/3, the agency said on 4 March.\n", [(1, "2025-03-04")]),
        ("Crews reached Douma on 3/4, the agency said on March 4.\n", [(1, "2025-03-04")]),
        ("In a statement dated 3/3/2025, the ministry said the port of Tartus was calm.\n", [(1, "2025-03-03")]),
        # look-alikes: a floor, and a US document's "4/3" (3 April, still to come)
        ("On the 4th floor of a block in Aleppo, families sheltered.\n", []),
        ("Crews will reach Douma on 4/3, the agency said on March 4.\n", [(1, "2025-03-04")]),
    ],
)  # fmt: skip
def test_ordinal_and_numeric_days_in_a_document(ex: Extractor, text: str, days: list[tuple[int, str]]) -> None:
    assert dated(ex, text) == days


# -- chronicles that title their days, and real copy's "last night" (session 8, from real reporting) ------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # "last night": the night before the day of writing, in narration and in a quote
        ("Israeli jets struck a depot near Latakia last night, the army said.\n", [(1, "2025-03-04")]),
        ('"Our ships hit the harbour of Tartus last night," the admiral said.\n', [(1, "2025-03-04")]),
        ("Delegates in Geneva talked until late on the last night of the round.\n", []),
        # a weekday with its date in brackets after "since" starts a stretch; after "on" it is the day
        ("The toll from shelling in Idlib since Monday (March 3) has risen to 40, medics said.\n", []),
        ("Rebels entered Hama on Monday (March 3), the army said.\n", [(1, "2025-03-03")]),
        # a day with a title over prose is the date line of the paragraphs under it, and no event itself ...
        ("How the offensive unfolded\n1 March - attack on Hama\n"
         "The assault began at dawn, with rebels pushing into the northern districts of Hama.\n"
         "3 March: Homs encircled\n"
         "Government troops withdrew from the outskirts of Homs as rebels closed the ring road.\n",
         [(3, "2025-03-01"), (5, "2025-03-03")]),
        # ... but a list of such lines is a list of dated events
        ("Key dates\n1 March - Hama attacked by rebels\n3 March - Homs encircled by rebels\n"
         "4 March - Talks open in Geneva\n",
         [(2, "2025-03-01"), (3, "2025-03-03"), (4, "2025-03-04")]),
        # the first sentence under a date line is of that day, whatever it counts from; the next one counts on
        ("2 March\nAir strikes hit rebel positions east of Aleppo the following day, the army said.\n"
         "1 March\nRebels reached the edge of Hama. Two days later, they entered the centre of Hama.\n",
         [(2, "2025-03-02"), (4, "2025-03-01"), (4, "2025-03-03")]),
        # "last Tuesday" under a chronicle's Tuesday (written later) is that day; under the page's own day, a week back
        ("25 February\nThe siege began last Tuesday, when rebels cut the road to Hama.\n", [(2, "2025-02-25")]),
        ("5 March\nForeign ministers met in Amman last Wednesday to discuss the war in Syria.\n", [(2, "2025-02-26")]),
        # a subheading in title case between a day's paragraphs is no event, and the day goes on under it
        ("3 March\nMorning: Chaos in the Capital\n"
         "Gunfire echoed across Damascus as crowds gathered outside the central bank.\n"
         "Rebels take Hama\nFighters raised their flag over the citadel of Hama in the afternoon, residents said.\n",
         [(3, "2025-03-03"), (5, "2025-03-03")]),
    ],
)  # fmt: skip
def test_chronicles_with_titled_days_and_nights_before(ex: Extractor, text: str, days: list[tuple[int, str]]) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # an article's date line with its time on the next line is the byline: undated sentences keep no day
        ("Russia weighs its future on the Syrian coast\nAnalysis\nBy Lena Ortiz\n5 March 2025\n14:32 GMT\n"
         "Satellite images show two Russian frigates leaving the harbour of Tartus.\n"
         "Officials in Damascus met a Russian delegation on Monday to discuss the port.\n",
         [(7, "2025-03-03")]),
        # ... and so is its one day written twice, in figures and in words
        ("Russia weighs its future on the Syrian coast\n\nSatellite images suggest the fleet is thinning out.\n\n"
         "5/3/2025\n5 March 2025\nSatellite images show two Russian frigates leaving the harbour of Tartus.\n"
         "Officials in Damascus met a Russian delegation on Monday to discuss the port.\n",
         [(8, "2025-03-03")]),
        # look-alikes: a live page's entries under its date line, and a chronicle's days
        ("Live: the day in Syria\n5 March 2025\n09:10 GMT\n"
         "Crowds gathered in the main square of Hama, residents said.\n"
         "11:45 GMT\nA convoy of trucks reached the border crossing at Nasib.\n",
         [(4, "2025-03-05"), (6, "2025-03-05")]),
        ("How the week unfolded\n3 March\nRebels reached the outskirts of Hama after a night of shelling.\n4 March\n"
         "Government troops pulled back from the centre of Homs.\n",
         [(3, "2025-03-03"), (5, "2025-03-04")]),
    ],
)  # fmt: skip
def test_an_articles_own_date_and_time_at_its_head_date_no_paragraph(
    ex: Extractor, text: str, days: list[tuple[int, str]]
) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # stamp lines of many words are the bylines of a briefing's stories: a story's undated sentences keep no day
        ("Morning briefing: two stories from the coast\n"
         "08:15 5 March 2025, by the briefing desk, 4 min read\n"
         "Russian engineers dismantled a radar station near Tartus, satellite images show.\n"
         "Fishermen in Baniyas said the patrol boats had gone on Sunday.\n"
         "11:40 5 March 2025, by the briefing desk, 3 min read\n"
         "A second cargo ship docked at the port of Tobruk, shipping data show.\n",
         [(4, "2025-03-02")]),
        # look-alike: a live page's bare time stamps open entries of the page's day
        ("Live: the coast\n08:15 GMT\nRussian engineers dismantled a radar station near Tartus.\n"
         "11:40 GMT\nA cargo ship docked at the port of Tobruk.\n",
         [(3, "2025-03-05"), (5, "2025-03-05")]),
    ],
)  # fmt: skip
def test_only_bare_time_stamps_make_a_live_page(ex: Extractor, text: str, days: list[tuple[int, str]]) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a year in a clause of its own under a timeline's day is background: the sentence keeps the line's day
        ("December 10, 2024: Crowds in Qardaha burned the tomb of a ruler whose reign began in 1971.\n",
         [(1, "2024-12-10")]),
        ("Timeline\nDecember 10\nCrowds in Qardaha burned the tomb of a ruler, whose reign began in 1971.\n",
         [(3, "2024-12-10")]),
        # look-alike: a sentence whose own time is the year keeps the year (no day)
        ("Timeline\nDecember 10\nRussian jets first landed at Hmeimim in 2015.\n", []),
        # AP's bare weekday before the verb's object, and a weekday's possessive after "during" or "in"
        ("The new leader hosted Monday several foreign ministers in Damascus.\n", [(1, "2025-03-03")]),
        ("Five soldiers were killed during Monday's clashes near Hermel, the army said.\n", [(1, "2025-03-03")]),
        ("Two guards died in Sunday's attack on a checkpoint outside Homs.\n", [(1, "2025-03-02")]),
        # look-alikes: a stretch since a weekday's event, and Friday prayers
        ("The toll has risen since Monday's attack in Homs.\n", []),
        ("Thousands attended Friday prayers in Damascus.\n", []),
    ],
)  # fmt: skip
def test_background_years_and_weekdays_written_the_wire_way(
    ex: Extractor, text: str, days: list[tuple[int, str]]
) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a timeline's entry goes on in the line under it, which takes the entry's day
        ("What has happened since the fall:\n"
         "December 8, 2024: Rebels take Damascus after a rapid march on the capital.\n"
         "State agencies in Moscow report that the former president has arrived in Russia.\n"
         "December 10, 2024: Crowds in Qardaha burn the tomb of the former ruler.\n",
         [(2, "2024-12-08"), (3, "2024-12-08"), (4, "2024-12-10")]),
        # look-alike: a heading after the entries ends them; the lines under it keep only their own days
        ("18 Jan - The tanker Akademik Pashin anchored off Baniyas.\n"
         "20 Jan - A cargo ship left the waters off Tartus.\n"
         "PORT STATUS\nThe company that leased the port of Tartus has not commented.\n",
         [(1, "2025-01-18"), (2, "2025-01-20")]),
    ],
)  # fmt: skip
def test_a_timelines_entry_goes_on_under_it_until_a_break(
    ex: Extractor, text: str, days: list[tuple[int, str]]
) -> None:
    assert dated(ex, text) == days


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        # a second story pasted under the first: its title, a credit with no "By", its date line: the byline's date
        ("The Harbour Desk", [(1, "2025-03-04"), (8, "2025-03-03")]),
        ("Ellen Marsh", [(1, "2025-03-04"), (8, "2025-03-03")]),
        # look-alike: a paragraph of news over the date line makes it a section's date line, which dates line 7
        ("Residents of Tartus say the port is quiet.", [(1, "2025-03-04"), (7, "2025-03-05"), (8, "2025-03-03")]),
    ],
)  # fmt: skip
def test_a_date_line_under_a_pasted_story_s_title_and_credit_is_its_byline(
    ex: Extractor, credit: str, expected: list
) -> None:
    text = (
        "Russian crews loaded helicopters at Hmeimim on Tuesday, satellite images showed.\n"
        "The base in Latakia was quiet.\n"
        "\n"
        "Russia's grip on the port of Tartus loosens further\n"
        f"{credit}\n"
        "March 5, 2025\n"
        "The base in Latakia was quiet as convoys moved north.\n"
        "Two ships left Tartus on Monday, the port's staff said.\n"
    )
    assert dated(ex, text) == expected
