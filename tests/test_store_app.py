"""The app on a real PostgreSQL server: a restart on an empty disk, another instance's saves, a dying database.

Each app instance is the real page and dashboard scripts under Streamlit's AppTest with its own
working folders (build/, seeds/, geodata/); the other instances are separate `python -m dashboard`
processes. The database is the one state they share.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.corpus import store
from dashboard.corpus.documents import content_hash
from tests.support import ROOT, as_shown

APP = str(ROOT / "dashboard" / "app.py")
PAGE = str(ROOT / "dashboard" / "pages" / "1_Add_and_review.py")
ARTICLE = (
    "A Russian convoy was stopped near Tell Hamdan on Dec. 11, witnesses said.\n"
    "Russian aircraft left Khmeimim Air Base on Dec. 12, officials said.\n"
)
OTHER = "Turkish-backed fighters entered Raqqa on Dec. 12, local officials said.\n"


@pytest.fixture
def db(postgres, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:  # noqa: ANN001
    url = postgres.create_database()
    monkeypatch.setenv(store.STORE_URL_ENV, url)
    monkeypatch.setenv("DASHBOARD_EDITING", "1")
    yield url
    store.use(None)
    postgres.start() if postgres._run(["pg_ctl", "-D", str(postgres.data), "status"], check=False).returncode else None


def instance(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process's working folders become ``folder``'s (what a fresh clone of the app would have)."""
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(folder / "build"))
    monkeypatch.setenv("DASHBOARD_SEEDS", str(folder / "seeds"))
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(folder / "geodata"))
    store._sql_stores.clear()  # no connection pool carried over from the previous instance
    return folder


def cli(url: str, folder: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, store.STORE_URL_ENV: url, "DASHBOARD_BUILD_DIR": str(folder / "build"),
           "DASHBOARD_SEEDS": str(folder / "seeds"), "DASHBOARD_GEODATA_DIR": str(folder / "geodata")}  # fmt: skip
    return subprocess.Popen([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def run(target) -> AppTest:  # noqa: ANN001 - an AppTest, or a widget of one just clicked
    at = target.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def map_script(at: AppTest) -> str:
    (comp,) = at.get("component_instance")
    return comp.proto.json_args


def count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " events" in m.value)


def add_and_fix(at: AppTest) -> AppTest:
    """Through the page, as a person would: paste, preview, save; then place Tell Hamdan by hand."""
    at.text_input(key="who").input("ana")
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="source").input("Reuters")
    at.date_input(key="published").set_value(datetime.date(2024, 12, 13))
    run(at.button(key="preview_btn").click())
    run(at.button(key="save_btn").click())
    assert not at.error, [e.value for e in at.error]
    k = content_hash("Tell Hamdan")[:10]
    at.radio(key=f"pick_{k}").set_value("Enter coordinates").run()
    at.number_input(key=f"lat_{k}").set_value(35.9)
    at.number_input(key=f"lon_{k}").set_value(38.1)
    run(at.button(key=f"fix_{k}").click())
    assert not at.error, [e.value for e in at.error]
    return at


def test_work_survives_a_restart_on_an_empty_disk(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = instance(tmp_path / "first", monkeypatch)
    at = run(AppTest.from_file(PAGE, default_timeout=120))
    assert any("holds no documents yet" in i.value for i in at.info)
    at = add_and_fix(at)
    saved = [as_shown(s.value) for s in at.success]
    assert any(m.startswith("Saved ") and "postgresql" in m for m in saved), saved
    shutil.rmtree(first)  # the host wipes the disk

    instance(tmp_path / "second", monkeypatch)
    app = run(AppTest.from_file(APP, default_timeout=120))
    assert not app.error and not app.warning, [e.value for e in app.error]
    script = map_script(app)
    assert "Tell Hamdan" in script and "35.9" in script and "38.1" in script  # the hand-placed village is drawn
    assert "Khmeimim Air Base" in script
    assert count_line(app).startswith("**2 of 2 events")
    entries = store.SqlStore(db).audit()
    assert [(e.who, e.action, e.target) for e in entries][1:] == [("ana", "fix place", "Tell Hamdan")]
    assert (entries[0].who, entries[0].action) == ("ana", "add document")
    assert (entries[1].after["lat"], entries[1].after["lon"]) == (35.9, 38.1)


def test_another_instance_sees_new_documents_on_its_next_rerun(db: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    instance(tmp_path / "app", monkeypatch)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    adding = cli(db, tmp_path / "cli-0", "add", str(tmp_path / "a.txt"), "--source", "Reuters", "--date", "2024-12-13")
    assert adding.wait(300) == 0, adding.stderr.read()
    app = run(AppTest.from_file(APP, default_timeout=120))
    assert count_line(app).startswith("**2 of 2 events")
    # two other instances save at the same moment: the same article (already there) and a new one
    both = [cli(db, tmp_path / "cli-1", "add", str(tmp_path / "a.txt"), "--source", "AP", "--date", "2024-12-13"),
            cli(db, tmp_path / "cli-2", "add", str(tmp_path / "b.txt"), "--source", "TASS", "--date", "2024-12-12")]
    outs = [(p.wait(300), p.stdout.read(), p.stderr.read()) for p in both]
    assert [o[0] for o in outs] == [0, 0], outs
    assert "already added" in outs[0][1] and "saved" in outs[1][1]
    run(app)  # the next rerun, no restart
    assert count_line(app).startswith("**3 of 3 events")
    assert "Raqqa" in map_script(app)
    assert sorted(d.meta.source for d in store.SqlStore(db).documents()) == ["Reuters", "TASS"]


def test_a_dying_database_keeps_the_last_tables_and_saves_nothing(postgres, db: str, tmp_path: Path,  # noqa: ANN001
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    instance(tmp_path / "app", monkeypatch)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli(db, tmp_path / "cli", "add", str(tmp_path / "a.txt"), "--source", "Reuters",
               "--date", "2024-12-13").wait(300) == 0  # fmt: skip
    app = run(AppTest.from_file(APP, default_timeout=120))
    page = run(AppTest.from_file(PAGE, default_timeout=120))
    page.text_input(key="who").input("ana")
    page.text_area(key="paste_text").input(OTHER)
    page.text_input(key="source").input("TASS")
    page.date_input(key="published").set_value(datetime.date(2024, 12, 12))
    run(page.button(key="preview_btn").click())

    postgres.stop()  # the database dies mid-session
    try:
        run(app)
        assert [w.value for w in app.warning if "cannot be reached" in w.value] == [app.warning[0].value]
        assert "Showing the tables as of" in app.warning[0].value and not app.error
        assert "Khmeimim Air Base" in map_script(app) and count_line(app).startswith("**2 of 2 events")
        run(page.button(key="save_btn").click())
        assert [e.value for e in page.error if "Not saved" in e.value and "Nothing was saved" in e.value]
        assert not [s.value for s in page.success if "saved" in s.value]
        # a fresh instance starting while the database is down: one clear message, no traceback
        instance(tmp_path / "fresh", monkeypatch)
        fresh = run(AppTest.from_file(APP, default_timeout=120))
        assert len(fresh.error) == 1 and "cannot be reached" in fresh.error[0].value
    finally:
        postgres.start()
    assert [d.meta.source for d in store.SqlStore(db).documents()] == ["Reuters"]  # the failed save left nothing


def test_a_database_that_refuses_writes_saves_nothing_and_says_so(postgres, db: str, tmp_path: Path,  # noqa: ANN001
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import sqlalchemy as sa

    instance(tmp_path / "app", monkeypatch)
    s = store.SqlStore(db)
    s.revision()  # tables created
    engine = sa.create_engine(db, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        name = sa.engine.make_url(db).database
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    engine.dispose()
    store._sql_stores.clear()
    page = run(AppTest.from_file(PAGE, default_timeout=120))
    page.text_input(key="who").input("ana")
    page.text_area(key="paste_text").input(OTHER)
    page.text_input(key="source").input("TASS")
    page.date_input(key="published").set_value(datetime.date(2024, 12, 12))
    run(page.button(key="preview_btn").click())
    run(page.button(key="save_btn").click())
    # the page shows the message as text (Markdown characters escaped): read it as the user does
    errors = [as_shown(e.value) for e in page.error]
    assert any("refused" in e and "read-only" in e and "Nothing was saved" in e for e in errors), errors
    assert store.SqlStore(db).documents() == []


@pytest.mark.browser
def test_after_a_restart_the_browser_map_draws_the_fixed_place(db: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The restart test end to end: saved and fixed on one instance, drawn by a new `streamlit run` in Chromium."""
    from tests.support import browser, streamlit_server

    first = instance(tmp_path / "first", monkeypatch)
    add_and_fix(run(AppTest.from_file(PAGE, default_timeout=120)))
    shutil.rmtree(first)
    fresh = tmp_path / "fresh"
    env = {store.STORE_URL_ENV: db, "DASHBOARD_BUILD_DIR": str(fresh / "build"),
           "DASHBOARD_SEEDS": str(fresh / "seeds"), "DASHBOARD_GEODATA_DIR": str(fresh / "geodata")}  # fmt: skip
    with streamlit_server(env=env) as url, browser() as b:
        b.page.goto(url)
        frame = b.page.frame_locator('iframe[title="streamlit_folium\\.st_folium"]')
        frame.locator('.place-icon[title="Tell Hamdan"]').wait_for(timeout=90_000)
        titles = set(frame.locator(".leaflet-marker-pane .place-icon[title]").evaluate_all(
            "els => els.map(e => e.title)"))  # fmt: skip
        assert titles == {"Tell Hamdan", "Khmeimim Air Base"}
        assert b.blocked == [] and b.dialogs == []
        b.screenshot("store-restart")
