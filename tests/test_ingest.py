"""Adding an article: upload checks, HTML to text, safe names, preview without saving, atomic locked saves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from dashboard.corpus import documents, ingest
from dashboard.corpus.pipeline import Context, read_tables
from dashboard.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "A Russian convoy was stopped near Tell Hamdan on Dec. 11, witnesses said.\n"
    "Turkish-backed fighters entered Raqqa on Dec. 12, local officials said.\n"
)


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context.create()


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    seeds, build = tmp_path / "seeds", tmp_path / "build"
    seeds.mkdir()
    (seeds / "base.txt").write_text("Russian jets struck Idlib on Dec. 1, the monitor said.\n", encoding="utf-8")
    (seeds / "base.meta.json").write_text(json.dumps({"source": "Monitor", "reference_date": "2024-12-02"}))
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    return seeds, build


def meta(source: str = "Reuters", when: str = "2024-12-13") -> object:
    return ingest.parse_meta(source, "https://example.com/a", when, "", "tester")


# -- refusals --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "name", "needle"),
    [
        (b"x" * (5 * 1024 * 1024 + 1), "big.txt", "over the 5 MB limit"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt", "binary"),
        (bytes(range(1, 9)) * 200, "noise.txt", "binary"),
        ("Caf\u00e9 in Homs on Dec. 8".encode("cp1252"), "latin.txt", "not UTF-8"),
        (b"", "empty.txt", "empty"),
        (b"   \n\t  \n", None, "empty"),
        (b"%PDF-1.4 text", "report.pdf", "not accepted"),
        (b"<html><script>alert(1)</script><style>p{}</style><noscript>x</noscript></html>", "a.html", "no readable"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(data: bytes, name: str | None, needle: str) -> None:
    with pytest.raises(InputError) as info:
        ingest.read_upload(data, name)
    assert needle in str(info.value)


def test_cp1252_is_never_guessed_silently() -> None:
    with pytest.raises(InputError, match="Re-save the file as UTF-8"):
        ingest.read_upload("Damascus \u2014 \u201cquoted\u201d".encode("cp1252"), "story.txt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_accepted_encodings_decode_to_the_same_text(encoding: str) -> None:
    text = "Rebels entered Ḥamāh on Dec. 5 — “we are here,” a fighter said.\n"
    got = ingest.read_upload(text.encode(encoding), "a.txt")
    assert got.text == text
    assert ("UTF-16" in " ".join(got.notes)) == (encoding == "utf-16")


def test_html_is_reduced_to_its_visible_text_one_paragraph_per_line() -> None:
    page = (
        "<!doctype html><html><head><title>Raqqa &amp; beyond</title><style>p{color:red}</style>"
        "<script>var x = 'Damascus on Dec. 9';</script></head><body><nav>Home</nav>"
        "<article><h1>Fighters enter Raqqa</h1><p>Fighters entered <b>Raqqa</b> on Dec. 12,\n officials said.</p>"
        "<template><p>Homs</p></template><noscript>Enable JS</noscript>"
        "<p>Residents fled to Tabqa.<br>More later &lt;maybe&gt;.</p></article></body></html>"
    )
    got = ingest.read_upload(page.encode(), "page.html")
    assert got.fmt == "html"
    assert got.title == "Raqqa & beyond"
    assert got.text.splitlines() == [
        "Home", "Fighters enter Raqqa", "Fighters entered Raqqa on Dec. 12, officials said.",
        "Residents fled to Tabqa.", "More later <maybe>.",
    ]  # fmt: skip
    assert "Damascus" not in got.text and "color" not in got.text and "Enable" not in got.text


def test_pasted_html_is_recognised_and_said_so() -> None:
    got = ingest.read_upload(b"<p>Fighters entered Raqqa on Dec. 12.</p>", None)
    assert got.text.strip() == "Fighters entered Raqqa on Dec. 12."
    assert any("looked like HTML" in n for n in got.notes)


def test_markdown_is_kept_as_text() -> None:
    md = "# Raqqa\n\n**Fighters** entered [Raqqa](https://x.example/r) on Dec. 12.\n"
    got = ingest.read_upload(md.encode(), "notes.md")
    assert got.fmt == "markdown" and got.text == md


@pytest.mark.parametrize(
    ("fields", "needle"),
    [
        (("", "", "2024-12-01"), "source"),
        (("Reuters", "", ""), "publication date"),
        (("Reuters", "", "12/01/2024"), "YYYY-MM-DD"),
        (("Reuters", "javascript:alert(1)", "2024-12-01"), "http"),
    ],
)
def test_bad_metadata_names_the_field(fields: tuple[str, str, str], needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        ingest.parse_meta(*fields)


# -- names -----------------------------------------------------------------------------

@pytest.mark.parametrize("upload_name", ["../../../etc/passwd.txt", "/tmp/abs.txt", "a/b\\c.txt", "..txt"])
def test_upload_file_name_never_decides_the_path(dirs: tuple[Path, Path], upload_name: str) -> None:
    seeds, build = dirs
    incoming = ingest.read_upload(ARTICLE.encode(), upload_name)
    saved = ingest.save(incoming, ingest.parse_meta("../Evil/..", "", "2024-12-13"), seeds, build, rebuild=False)
    assert saved.path.parent == seeds
    assert saved.name.startswith("evil_2024-12-13_") and "/" not in saved.name and ".." not in saved.name
    assert sorted(p.name for p in seeds.iterdir() if not p.name.startswith(".")) == sorted(
        ["base.txt", "base.meta.json", f"{saved.name}.txt", f"{saved.name}.meta.json"]
    )


def test_slug_is_ascii_and_never_empty() -> None:
    assert documents.slug("Al-Watan (دمشق) / ../../") == "al-watan"
    assert documents.slug("دمشق") == "source"


# -- preview ---------------------------------------------------------------------------

def test_preview_extracts_with_the_publication_date_and_writes_nothing(dirs: tuple[Path, Path], ctx: Context) -> None:
    seeds, build = dirs
    before = sorted(p.name for p in seeds.iterdir())
    incoming = ingest.read_upload(b"Fighters entered Raqqa on Dec. 12, officials said.\n", "a.txt")
    p = ingest.preview(incoming, ingest.parse_meta("Reuters", "", "2023-12-20"), ctx)
    assert [e.date for e in p.extraction.events] == ["2023-12-12"]  # year from the reference date
    p2 = ingest.preview(incoming, ingest.parse_meta("Reuters", "", "2019-12-20"), ctx)
    assert [e.date for e in p2.extraction.events] == ["2019-12-12"]
    assert sorted(p.name for p in seeds.iterdir()) == before and not build.exists()


def test_preview_lists_unresolved_candidates_and_highlights_their_words(ctx: Context) -> None:
    p = ingest.preview(ingest.read_upload(ARTICLE.encode(), "a.txt"), meta(), ctx)
    assert p.unresolved == ["Tell Hamdan"]
    assert p.places["Raqqa"]["status"] == "placed"
    html = ingest.highlight_html(p)
    assert '<mark class="hl-place" title="Tell Hamdan">Tell Hamdan</mark>' in html
    assert '<mark class="hl-place" title="Raqqa">Raqqa</mark>' in html
    assert '<mark class="hl-date" title="2024-12-11">Dec. 11</mark>' in html


def test_highlight_escapes_untrusted_text(ctx: Context) -> None:
    evil = (
        'Fighters entered Raqqa on Dec. 12 <img src=x onerror=alert(1)> ${alert(2)} `x` said "a <b>leader</b>".\n'
    )
    p = ingest.preview(ingest.read_upload(evil.encode(), "evil.txt"), meta(), ctx)
    out = ingest.highlight_html(p, only_marked=False)
    assert "<img" not in out and "<b>" not in out and "${" not in out and "`" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out and "&#36;{alert(2)}" in out


# -- saving ------------------------------------------------------------------------------

def test_save_writes_text_and_metadata_and_rebuilds_the_tables(dirs: tuple[Path, Path]) -> None:
    seeds, build = dirs
    saved = ingest.save(ingest.read_upload(ARTICLE.encode(), "a.txt"), meta(), seeds, build)
    assert saved.status == "added"
    assert saved.path.read_text(encoding="utf-8") == ARTICLE
    m = json.loads((seeds / f"{saved.name}.meta.json").read_text())
    assert m["source"] == "Reuters" and m["reference_date"] == "2024-12-13" and m["url"] == "https://example.com/a"
    assert m["added_by"] == "tester" and m["added_at"].startswith("20")
    tables = read_tables(build)
    assert set(tables.documents["doc_id"]) == {"base", saved.name}
    assert {"Raqqa", "Tell Hamdan"} <= set(tables.places["name"])


def test_same_text_is_already_added_and_different_text_gets_a_new_name(dirs: tuple[Path, Path]) -> None:
    seeds, build = dirs
    first = ingest.save(ingest.read_upload(ARTICLE.encode(), "a.txt"), meta(), seeds, build, rebuild=False)
    again = ingest.save(ingest.read_upload(ARTICLE.encode(), "other-name.txt"), meta("AFP"), seeds, build)
    assert again.status == "already added" and again.path == first.path and "nothing saved" in again.message()
    # A different text that happens to want an existing name (same source, date and hash prefix).
    other = "Something else entirely happened in Homs on Dec. 3, residents said.\n"
    taken = documents.document_name(meta(), other)
    (seeds / f"{taken}.txt").write_text("an older document\n", encoding="utf-8")
    saved = ingest.save(ingest.read_upload(other.encode(), "b.txt"), meta(), seeds, build, rebuild=False)
    assert saved.name == f"{taken}-2"
    assert (seeds / f"{taken}.txt").read_text() == "an older document\n"


def test_two_saves_at_once_lose_neither(dirs: tuple[Path, Path]) -> None:
    seeds, build = dirs
    texts = [f"Fighters entered Raqqa on Dec. {d}, officials said.\n" for d in (10, 11, 12, 13)]
    errors: list[BaseException] = []

    def one(text: str) -> None:
        try:
            ingest.save(ingest.read_upload(text.encode(), "x.txt"), meta(), seeds, build)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    saved = sorted(seeds.glob("reuters_*.txt"))
    assert sorted(p.read_text() for p in saved) == sorted(texts)
    assert all((p.with_name(p.stem + ".meta.json")).exists() for p in saved)
    assert len(read_tables(build).documents) == 5  # the last rebuild saw every save


def test_a_crash_mid_save_leaves_the_previous_state_whole(dirs: tuple[Path, Path], monkeypatch) -> None:  # noqa: ANN001
    seeds, build = dirs
    ingest.save(ingest.read_upload(ARTICLE.encode(), "a.txt"), meta(), seeds, build)
    before_files = {p.name: p.read_bytes() for p in seeds.iterdir()}
    before_events = len(read_tables(build).events)
    real_replace = os.replace

    def crash(src, dst):  # noqa: ANN001, ANN202
        if str(dst).endswith(".txt"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        ingest.save(ingest.read_upload(b"Rebels took Homs on Dec. 7, officials said.\n", "b.txt"), meta(), seeds, build)
    monkeypatch.setattr(os, "replace", real_replace)
    after = {p.name: p.read_bytes() for p in seeds.iterdir() if p.suffix == ".txt" or p.name in before_files}
    assert {k: v for k, v in after.items() if k.endswith(".txt")} == {
        k: v for k, v in before_files.items() if k.endswith(".txt")
    }
    assert not list(seeds.glob(".*.tmp"))
    assert len(read_tables(build).events) == before_events


# -- command line -------------------------------------------------------------------------

def run_cli(*args: str, seeds: Path, build: Path, geodata: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DASHBOARD_SEEDS=str(seeds), DASHBOARD_BUILD_DIR=str(build),
               DASHBOARD_GEODATA_DIR=str(geodata))  # fmt: skip
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_cli_add_prints_what_was_extracted_and_where_it_went(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    seeds, build = dirs
    article = tmp_path / "article.html"
    article.write_text(f"<html><body><p>{ARTICLE.splitlines()[0]}</p><p>{ARTICLE.splitlines()[1]}</p></body></html>")
    r = run_cli("add", str(article), "--source", "Reuters", "--url", "https://example.com/a", "--date", "2024-12-13",
                seeds=seeds, build=build, geodata=tmp_path / "geodata")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "2 events" in r.stdout and "not placed: Tell Hamdan" in r.stdout
    saved = [p for p in seeds.glob("reuters_2024-12-13_*.txt")]
    assert len(saved) == 1 and str(saved[0]) in r.stdout
    assert len(read_tables(build).documents) == 2


@pytest.mark.parametrize(
    ("content", "extra", "needle"),
    [
        (b"\x00\x01\x02binary", [], "binary"),
        (ARTICLE.encode(), ["--date", "13/12/2024"], "YYYY-MM-DD"),
        (ARTICLE.encode(), ["--source", "  "], "source"),
    ],
)
def test_cli_add_bad_input_exits_2_with_one_line_and_saves_nothing(
    dirs: tuple[Path, Path], tmp_path: Path, content: bytes, extra: list[str], needle: str
) -> None:
    seeds, build = dirs
    f = tmp_path / "in.txt"
    f.write_bytes(content)
    args = ["add", str(f), "--source", "Reuters", "--date", "2024-12-13", *extra]
    r = run_cli(*args, seeds=seeds, build=build, geodata=tmp_path / "geodata")
    assert r.returncode == 2
    assert needle in r.stderr
    assert sorted(p.name for p in seeds.iterdir() if not p.name.startswith(".")) == ["base.meta.json", "base.txt"]


def test_reference_date_type() -> None:
    assert ingest.parse_meta("R", "", date(2024, 1, 2)).reference_date == date(2024, 1, 2)


WRAPPED = """Syrian opposition fighters took control of the Latakia
province on Dec. 9, where Russia's Kheimin airbase and the naval base
in Tartus are based, TASS reported, citing a Syrian source.

"We declare the city of Damascus free," rebel leaders said on
Dec. 8, as Russian forces withdrew toward the coast and the port.
"""


def test_hard_wrapped_text_is_joined_into_paragraphs_before_extraction() -> None:
    incoming = ingest.read_upload(WRAPPED.encode(), "wrapped.txt")
    lines = incoming.text.split("\n")
    assert lines[0].startswith("Syrian opposition") and lines[0].endswith("citing a Syrian source.")
    assert lines[1] == "" and lines[2].endswith("the port.")
    assert any("hard-wrapped" in n for n in incoming.notes)
    x = Context.create().extractor.extract(incoming.text, date(2024, 12, 10))
    first = next(e for e in x.events if e.line == 1)
    assert first.date == "2024-12-09" and "Latakia Governorate" in first.places and first.sources == ["TASS"]
    assert [q.speaker for q in x.quotes] == ["rebel leaders"]


@pytest.mark.parametrize(
    "text",
    [
        (ROOT / "seeds" / "000_30cf977f6c52e3a0.txt").read_text(encoding="utf-8"),  # one snippet per line
        "Rebels take Aleppo in a surprise offensive\nRussian jets strike Idlib as rebels advance\n"
        "Assad flees Damascus for Moscow as his regime collapses\n",  # short headlines, one a line
    ],
)
def test_text_that_is_not_hard_wrapped_keeps_its_lines(text: str) -> None:
    assert ingest.read_upload(text.encode(), "a.txt").text == text
