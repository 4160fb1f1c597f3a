"""The Speakers page under AppTest, on a build of documents written for it (expected rows by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.corpus import pipeline

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "dashboard" / "pages" / "2_Speakers.py")
DOCS = {
    "a": ("Reuters", "2024-12-10",
          'Kremlin spokesman Dmitry Peskov said on Dec. 9 that talks went on. "We keep our bases in Tartus," '
          "Peskov told reporters.\n"),
    "b": ("TASS", "2024-12-12",
          '"The [ships](https://evil.example) stay in **Tartus**," Peskov said on Dec. 11.\n'
          '"Prices have doubled in Homs," said Rami Haddad, a shopkeeper, on Dec. 11.\n'),
}  # fmt: skip


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for name, (source, ref, text) in DOCS.items():
        (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
        (seeds / f"{name}.meta.json").write_text(json.dumps({"source": source, "reference_date": ref}))
    out = tmp_path_factory.mktemp("build")
    pipeline.build(seeds, out)
    return out


def run(build_dir: Path, monkeypatch: pytest.MonkeyPatch, **params: str) -> AppTest:
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(build_dir))
    at = AppTest.from_file(PAGE, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_one_speaker_across_documents_with_roles_and_sources(build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run(build_dir, monkeypatch)
    options = at.selectbox(key="speaker").options
    assert options == ["(everyone)", "Dmitry Peskov (Kremlin spokesman): 2 quotes", "Rami Haddad (shopkeeper): 1 quote"]
    at.selectbox(key="speaker").set_value(options[1]).run()
    table = at.dataframe[0].value
    assert table["quote"].tolist() == [
        "The [ships](https://evil.example) stay in **Tartus**",  # shown as written: a table cell, not Markdown
        "We keep our bases in Tartus",  # its sentence gives no date: listed after the dated one
    ]
    assert [s.rsplit("/", 1)[-1] for s in table["source"]] == ["b.txt:1", "a.txt:1"]
    assert table["date"].tolist() == ["2024-12-11", "date not stated"]
    assert any(t.value == "Places Dmitry Peskov spoke about, highlighted on the map: Tartus." for t in at.text)
    # the map beside the list is handed exactly his place to highlight (the browser test draws it)
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    assert '"highlighted": ["Tartus"]' in args["feature_group"], args["feature_group"][-400:]


def test_the_url_filters_apply(build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run(build_dir, monkeypatch, **{"from": "2024-12-11", "to": "2024-12-11"})
    assert at.selectbox(key="speaker").options == [
        "(everyone)", "Dmitry Peskov: 1 quote", "Rami Haddad (shopkeeper): 1 quote"]  # fmt: skip
    assert any(t.value.startswith("2 quotes; filters: dates 2024-12-11 to 2024-12-11") for t in at.text)


def test_the_page_is_worked_out_once_per_build_and_filters_not_on_every_rerun(
    build_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: the speakers' table, the map's places (a pass over every place) and its home view are made once per
    (build, filters) and shared; a rerun or a speaker picked only marks that speaker's places."""
    from dashboard.views import maplayer, speakers

    calls: list[str] = []
    for module, name in ((speakers, "speakers_data"), (maplayer, "default_view"), (speakers, "place_data")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k))
    at = run(build_dir, monkeypatch, claim="reported")  # filters no other test here uses: made now
    first = sorted(calls)  # the home view too, unless an earlier test opened this build
    assert first in (["default_view", "place_data", "speakers_data"], ["place_data", "speakers_data"]), first
    at.run()
    options = at.selectbox(key="speaker").options
    at.selectbox(key="speaker").set_value(options[1]).run()
    assert not at.exception
    assert any(t.value == "Places Dmitry Peskov spoke about, highlighted on the map: Tartus." for t in at.text)
    run(build_dir, monkeypatch, claim="reported")  # another session, same build and filters
    assert sorted(calls) == first, calls
