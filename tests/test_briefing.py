"""Content of generated briefings, the static SVG map, and the `brief` command's errors.

The tables come from a small corpus of our own, run through the real pipeline,
with lines that carry markup and template syntax: a briefing must show that text
as text and never let it become code.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dashboard.briefing.report import briefing_html, credits
from dashboard.briefing.svgmap import MapPlace, fit_view, render_svg
from dashboard.cli import brief
from dashboard.cli.main import main
from dashboard.corpus.assembly import build_tables
from dashboard.corpus.pipeline import Context, Tables, extract_document
from dashboard.views.query import Filters

ROOT = Path(__file__).resolve().parent.parent
DOC = "001_fixture"
LINES = [
    "Russian forces began leaving Khmeimim Air Base on Dec. 9, TASS reported <img src=x onerror=alert(1)> "
    "<script>alert(2)</script> `${alert(3)}`.",
    "Syrian rebels took control of Aleppo on Nov. 30, Reuters reported.",
    '"We will not abandon Tartus <script>alert(4)</script> ${alert(5)}," Kremlin spokesman Dmitry Peskov '
    "said on Dec. 10.",
    "Rebels claimed on Dec. 8 that they had entered Damascus.",
    "Russia has kept warships at Tartus for decades, analysts said.",
]
META = {"source": "Test Wire", "title": "Fixture <b>title</b>", "url": "https://example.invalid/",
        "reference_date": "2024-12-10"}  # fmt: skip
GENERATED = datetime(2024, 12, 11, 9, 30, tzinfo=UTC)
DEC = Filters(date_from=date(2024, 12, 1), date_to=date(2024, 12, 10))


def write_seeds(folder: Path) -> Path:
    """The fixture corpus: one document with a metadata file, as a user would add it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{DOC}.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    (folder / f"{DOC}.meta.json").write_text(json.dumps(META), encoding="utf-8")
    return folder


def fixture_tables(tmp: Path) -> Tables:
    seeds = write_seeds(tmp / "seeds")
    ctx = Context.create()
    return build_tables([extract_document(seeds / f"{DOC}.txt", ctx)], ctx)


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Tables:
    return fixture_tables(tmp_path_factory.mktemp("briefing"))


def section(html: str, name: str) -> str:
    """The HTML of one section of the briefing, by its class (chronology, quotes, places, undated, sources)."""
    m = re.search(rf'<section class="{name}-section[^"]*">(.*?)</section>', html, re.S)
    assert m, f"no {name} section"
    return m.group(1)


def event_lines(fragment: str) -> list[int]:
    """Line numbers of the event rows, in the order shown."""
    return [int(n) for n in re.findall(rf'data-event="{DOC}:(\d+):\d+"', fragment)]


def test_chronology_holds_the_events_of_the_period_in_date_order(tables: Tables) -> None:
    html = briefing_html(tables, DEC, generated_at=GENERATED)
    chron = section(html, "chronology")
    # Dec 8 (line 4), Dec 9 (line 1), Dec 10 (line 3); Nov 30 (line 2) is outside the period.
    assert event_lines(chron) == [4, 1, 3]
    dates = re.findall(r'<td class="date">([^<]+)</td>', chron)
    assert dates == ["8 Dec 2024", "9 Dec 2024", "10 Dec 2024"]
    assert "took control of Aleppo" not in html.split('<section class="places-section')[0]


def test_place_source_claim_and_query_filters_choose_the_rows(tables: Tables) -> None:
    assert event_lines(section(briefing_html(tables, Filters(places=("Tartus",))), "chronology")) == [3]
    assert event_lines(section(briefing_html(tables, Filters(sources=("Reuters",))), "chronology")) == [2]
    assert event_lines(section(briefing_html(tables, Filters(claims=("claimed",))), "chronology")) == [4]
    assert event_lines(section(briefing_html(tables, Filters(query="warships")), "undated")) == [5]
    assert event_lines(section(briefing_html(tables, Filters(query="warships")), "chronology")) == []


def test_undated_items_are_listed_apart(tables: Tables) -> None:
    html = briefing_html(tables, DEC)
    assert 5 not in event_lines(section(html, "chronology"))
    undated = section(html, "undated")
    assert event_lines(undated) == [5]
    assert "no date" in undated


def test_every_item_names_its_document_and_line(tables: Tables) -> None:
    html = briefing_html(tables, Filters())
    path = tables.events["path"].iloc[0]
    for fragment in (section(html, "chronology"), section(html, "undated")):
        for row in re.findall(r'<tr class="event.*?</tr>', fragment, re.S):
            line = re.search(rf'data-event="{DOC}:(\d+):', row).group(1)
            assert f"{path}:{line}</code>" in row
    assert f"{path}:3</code>" in section(html, "quotes")


def test_quotes_are_attributed_with_speaker_role_and_date(tables: Tables) -> None:
    quotes = section(briefing_html(tables, DEC), "quotes")
    assert 'class="speaker">Dmitry Peskov</span>' in quotes
    assert 'class="role">Kremlin spokesman</span>' in quotes
    assert 'class="qdate">10 Dec 2024</span>' in quotes
    assert "We will not abandon Tartus" in quotes
    # A quote belongs to its event: filtering that event out drops the quote.
    assert "Peskov" not in section(briefing_html(tables, Filters(places=("Damascus",))), "quotes")


def test_header_says_period_filters_time_and_documents(tables: Tables) -> None:
    html = briefing_html(tables, DEC.with_(places=("Tartus",)), generated_at=GENERATED)
    head = html.split("</header>")[0]
    assert "1 Dec 2024 to 10 Dec 2024" in head
    assert "places: Tartus" in head
    assert "11 Dec 2024, 09:30 UTC" in head
    assert f"{DOC}.txt</code>" in section(html, "sources")


def test_source_text_is_escaped_everywhere(tables: Tables) -> None:
    html = briefing_html(tables, Filters(), generated_at=GENERATED)
    assert "<img" not in html
    assert "<script" not in html.lower()
    assert "`" not in html and "${" not in html
    assert "<b>title</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    assert "&#96;&#36;{alert(3)}&#96;" in html


class TagCollector(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_the_file_fetches_nothing_and_runs_nothing(tables: Tables) -> None:
    html = briefing_html(tables, Filters())
    parser = TagCollector()
    parser.feed(html)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "link", "object", "embed", "image", "use", "video", "audio"}
    for tag, attrs in parser.tags:
        assert not {"src", "srcset", "href", "xlink:href", "poster"} & set(attrs), (tag, attrs)
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<svg" in section(html, "map")


def test_credits_name_the_data_sources(tables: Tables) -> None:
    html = briefing_html(tables, Filters())
    credit = section(html, "sources")
    assert "GeoNames" in credit and "CC BY 4.0" in credit and "Natural Earth" in credit
    assert "OpenStreetMap" not in html
    places = tables.places.copy()
    places.loc[places["name"] == "Aleppo", "via"] = "nominatim"
    assert any("OpenStreetMap" in c and "ODbL" in c for c in credits(places))
    changed = copy.copy(tables)
    changed.places = places
    assert "OpenStreetMap" in section(briefing_html(changed, Filters()), "sources")


def test_empty_selection_says_so(tables: Tables) -> None:
    html = briefing_html(tables, Filters(date_from=date(2030, 1, 1), date_to=date(2030, 1, 2)))
    assert "No event dated to the day matches these filters" in html
    assert "No selected event has a place with known coordinates" in html


# -- the SVG map ---------------------------------------------------------------------


def test_svg_map_labels_every_place_and_escapes_names() -> None:
    places = [
        MapPlace(1, "Damascus", 33.51, 36.29, "city", 5),
        MapPlace(2, "Aleppo", 36.20, 37.16, "city", 2),
        MapPlace(3, "<script>x</script>", 35.41, 35.95, "base", 1),
    ]
    svg = render_svg(places, width=600, height=400)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    labels = re.findall(r'<text class="lbl[^"]*" data-place="([^"]*)"[^>]*>([^<]*)</text>', svg)
    assert {name for name, _ in labels} == {"Damascus", "Aleppo", "&lt;script&gt;x&lt;/script&gt;"}
    assert "<script" not in svg
    assert svg.count('class="marker"') == 3
    assert 'class="land"' in svg  # country outlines drawn


def test_crowded_labels_fall_back_to_numbers_without_overlap() -> None:
    # Twelve places within a few kilometres cannot all carry their names.
    places = [MapPlace(i + 1, f"Place number {i + 1}", 35.0 + i * 0.01, 36.0, "city", 1) for i in range(12)]
    svg = render_svg(places, width=400, height=300)
    texts = re.findall(r'<text class="(lbl[^"]*)" data-place="([^"]*)"', svg)
    assert len(texts) == 12  # every place identified, by name or by its legend number
    assert any("num" in cls for cls, _ in texts)


def test_fit_view_holds_every_place() -> None:
    points = [(35.9, 35.4), (36.3, 33.5), (83.1, 56.4)]
    view = fit_view(points, 760, 440)
    for lon, lat in points:
        x, y = view.project(lon, lat)
        assert 0 < x < 760 and 0 < y < 440


# -- the command line ------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A seeds folder and an empty build folder that the `brief` command reads."""
    seeds = write_seeds(tmp_path / "seeds")
    monkeypatch.setenv("DASHBOARD_SEEDS", str(seeds))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(tmp_path / "build"))
    return tmp_path


def test_brief_builds_tables_first_and_writes_html(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = corpus / "b.html"
    rc = main(["brief", "--from", "2024-12-01", "--to", "2024-12-10", "--place", "kheimin airbase", "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    html = out.read_text(encoding="utf-8")
    assert event_lines(section(html, "chronology")) == [1]  # the alias typed resolves to Khmeimim Air Base
    assert (corpus / "build" / "current").exists()
    assert "building them" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--place", "Khmeimim Airstrip"],
         "--place 'Khmeimim Airstrip': no place of that name in the tables; did you mean 'Khmeimim Air Base'?"),
        (["--from", "2024-12-10", "--to", "2024-12-01"], "--from 2024-12-10 is after --to 2024-12-01"),
        (["--from", "10/12/2024"], "--from '10/12/2024' is not a date; write it as YYYY-MM-DD"),
        (["--source", "Tass Agency"], "--source 'Tass Agency': no source of that name"),
        (["--kind", "town"], "--kind 'town' is not one of: city, base, province, region, country"),
        (["--claim", "denied"], "--claim 'denied' is not one of: reported, claimed, retracted"),
        (["--format", "docx"], "--format 'docx' is not one of: html, pdf"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_keeps_the_old_file(
    corpus: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    out = corpus / "old.html"
    out.write_text("previous briefing", encoding="utf-8")
    rc = main(["brief", *argv, "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2
    assert len([e for e in err if e.startswith("error:")]) == 1
    assert expected in err[-1]
    assert out.read_text(encoding="utf-8") == "previous briefing"
    assert [p.name for p in corpus.iterdir() if p.name.startswith(".old.html")] == []


def test_unwritable_out_is_refused_before_any_work(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--out", str(corpus / "missing" / "b.html")]) == 2
    assert "folder" in capsys.readouterr().err and not (corpus / "build").exists()
    assert main(["brief", "--out", str(corpus)]) == 2
    assert "is a folder" in capsys.readouterr().err
    if os.geteuid() != 0:  # root may write anywhere
        locked = corpus / "locked"
        locked.mkdir(mode=0o500)
        assert main(["brief", "--out", str(locked / "b.html")]) == 2
        assert "permission denied" in capsys.readouterr().err


def test_cli_subprocess_prints_one_error_line(tmp_path: Path) -> None:
    """The real entry point, as a user runs it: exit code 2 and a single line on stderr."""
    env = {**os.environ, "DASHBOARD_SEEDS": str(write_seeds(tmp_path / "seeds")),
           "DASHBOARD_BUILD_DIR": str(tmp_path / "build")}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "brief", "--place", "Tartoos", "--out", str(tmp_path / "b.html")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip() and not line.startswith("no tables")]
    assert lines == ["error: --place 'Tartoos': no place of that name in the tables; did you mean 'Tartus'?"]
    assert not (tmp_path / "b.html").exists()


def test_brief_is_in_the_command_table_once() -> None:
    from dashboard.cli.main import command_table

    assert command_table().count(brief.register) == 1


def test_a_day_reckoned_from_a_weekday_is_marked_inferred(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    # Published Tuesday 10 Dec 2024: "on Sunday" is the 8th, written nowhere in the text.
    (folder / "002_weekday.txt").write_text(
        "Rebel fighters entered the city of Homs on Sunday, Reuters reported.\n"
        '"The city is ours," a rebel commander in Homs said on Monday.\n',
        encoding="utf-8",
    )
    (folder / "002_weekday.meta.json").write_text(json.dumps(META), encoding="utf-8")
    ctx = Context.create()
    weekday = build_tables([extract_document(folder / "002_weekday.txt", ctx)], ctx)
    html = briefing_html(weekday, DEC)
    assert re.findall(r'<td class="date">([^<]+)</td>', section(html, "chronology"))[0] == (
        "8 Dec 2024 (inferred from “on Sunday”)"
    )
    assert 'class="qdate">9 Dec 2024 (inferred from the publication date)</span>' in section(html, "quotes")
