"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.nominatim_server import NominatimServer, NominatimStub


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
