"""Shared pytest fixtures."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.nominatim_server import NominatimServer, NominatimStub
from tests.support import ROOT


@pytest.fixture
def nominatim_server() -> Iterator[NominatimStub]:
    """A local Nominatim /search stub; set ``.mode`` per test, read ``.requests``."""
    with NominatimServer() as stub:
        yield stub


@pytest.fixture(scope="session")
def postgres():
    """One real PostgreSQL server for the whole session (tests/pg.py); each test makes its own database."""
    from tests.pg import PostgresServer

    server = PostgresServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of seeds/, launched as users launch it (tests/support.py), one per test module."""
    import shutil

    from tests.support import ROOT, streamlit_server

    seeds = tmp_path_factory.mktemp("seeds")
    for f in (ROOT / "seeds").glob("*"):
        shutil.copy(f, seeds / f.name)
    with streamlit_server(seeds=seeds, build_dir=tmp_path_factory.mktemp("build")) as base:
        yield base


@pytest.fixture
def b():  # noqa: ANN201 - a tests.support.Browser
    """A real Chromium page that blocks and records every request leaving 127.0.0.1."""
    from tests.support import browser

    with browser() as br:
        yield br


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed documents copied to a folder of their own and built once per test module: (seeds, build)."""
    from dashboard.corpus import pipeline

    seeds = tmp_path_factory.mktemp("seeds")
    for f in (ROOT / "seeds").glob("*"):
        shutil.copy(f, seeds / f.name)
    build_dir = tmp_path_factory.mktemp("build")
    pipeline.build(seeds, build_dir)
    return seeds, build_dir
