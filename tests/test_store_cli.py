"""The command line on a database: `store import/export`, `add`, `build` and `brief` all go through the store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT
from tests.test_store import tree

ARTICLE = "Russian aircraft left Khmeimim Air Base on Dec. 12, officials said.\n"


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_a_corpus_moves_to_the_database_and_back_and_commands_use_it(postgres, tmp_path: Path) -> None:  # noqa: ANN001
    files = {"DASHBOARD_SEEDS": str(tmp_path / "seeds"), "DASHBOARD_GEODATA_DIR": str(tmp_path / "geodata"),
             "DASHBOARD_BUILD_DIR": str(tmp_path / "build-files"), "DASHBOARD_STORE_URL": ""}  # fmt: skip
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Rebels entered Homs on Dec. 7, Reuters reported.\n", encoding="utf-8")
    (tmp_path / "seeds" / "a.meta.json").write_text('{"source": "Reuters", "reference_date": "2024-12-10"}\n')
    (tmp_path / "geodata").mkdir()
    (tmp_path / "geodata" / "overrides.csv").write_text(
        "name,lat,lon,kind,country,note,by,at\n"
        "Tell Hamdan,36.100000,37.200000,city,SY,,ana,2024-12-14T09:00:00+00:00\n")
    r = run(files, "store", "export", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    db = {**files, "DASHBOARD_STORE_URL": postgres.create_database(), "DASHBOARD_BUILD_DIR": str(tmp_path / "build-db")}
    r = run(db, "store", "import", str(tmp_path / "out"))
    assert r.returncode == 0 and "1 document(s) (0 already there), 1 place fix(es)" in r.stdout, r.stdout + r.stderr
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    r = run(db, "add", str(tmp_path / "article.txt"), "--source", "TASS", "--date", "2024-12-12", "--by", "ben")
    assert r.returncode == 0 and "saved" in r.stdout and "postgresql" in r.stdout, r.stdout + r.stderr
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == ["a.meta.json", "a.txt"]  # files untouched
    # brief on an instance with no tables: rebuilt from the database first
    out = tmp_path / "b.html"
    r = run({**db, "DASHBOARD_BUILD_DIR": str(tmp_path / "build-brief")}, "brief", "--from", "2024-12-01",
            "--to", "2024-12-31", "--out", str(out))  # fmt: skip
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "Rebels entered Homs" in html and "Russian aircraft left" in html
    r = run(db, "store", "export", str(tmp_path / "back"))
    assert r.returncode == 0, r.stderr
    back = tree(tmp_path / "back")
    first = tree(tmp_path / "out")
    assert (back["seeds/a.txt"], back["seeds/a.meta.json"]) == (first["seeds/a.txt"], first["seeds/a.meta.json"])
    assert back["geodata/overrides.csv"] == (tmp_path / "geodata" / "overrides.csv").read_bytes()
    added = [json.loads(line) for line in back["geodata/audit.jsonl"].decode().splitlines()]
    assert [(e["who"], e["action"]) for e in added] == [("ben", "add document")]


def test_store_commands_explain_a_missing_folder_and_an_unreachable_database(tmp_path: Path) -> None:
    r = run({"DASHBOARD_STORE_URL": ""}, "store", "export")
    assert r.returncode == 2 and "name the folder" in r.stderr
    r = run({"DASHBOARD_STORE_URL": "postgresql://nobody@127.0.0.1:9/none"}, "store", "info")
    assert r.returncode == 2 and "cannot be reached" in r.stderr and r.stderr.count("\n") == 1, r.stderr
