"""The command line as a user runs it: JSON contract, bad input, exit codes, nothing half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_30cf977f6c52e3a0.txt"
KINDS = {"city", "province", "country", "base", "region"}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, DASHBOARD_NOMINATIM="0", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True, env=full, timeout=120
    )


def test_extract_prints_the_contract_for_the_seed() -> None:
    r = run("extract", str(SEED), "--reference-date", "2024-12-10")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["document"] == {
        "path": "seeds/000_30cf977f6c52e3a0.txt", "reference_date": "2024-12-10",
        "source": "Kyiv Independent", "url": data["document"]["url"],
    }  # fmt: skip
    places = {p["name"]: p for p in data["places"]}
    base = places["Khmeimim Air Base"]
    assert base["kind"] == "base" and abs(base["lat"] - 35.41) < 0.01 and abs(base["lon"] - 35.945) < 0.01
    assert set(base["mentions"]) == {"Kheimin airbase", "Khmeimim Air Base"}
    for p in data["places"]:
        assert (p["lat"] is None) == (p["lon"] is None)
        assert p["kind"] in KINDS or p["lat"] is None
    ev = next(e for e in data["events"] if e["line"] == 8)
    assert ev["date"] == "2024-12-09" and ev["places"][0] == "Latakia Governorate"
    assert ev["claim"] == "reported" and ev["sources"] == ["TASS"]
    pope = next(q for q in data["quotes"] if q["speaker"] == "Pope Francis")
    assert pope["date"] == "2024-12-08" and pope["role"] is None and pope["line"] == 7


def test_unplaceable_name_is_listed_with_null_coordinates(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Shelling hit the village of Kafr Zeita on Dec. 3, local activists said.\n", encoding="utf-8")
    r = run("extract", str(doc), "--reference-date", "2024-12-10",
            env={"DASHBOARD_GEOCODE_CACHE": str(tmp_path / "cache.json")})  # fmt: skip
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    (p,) = [p for p in data["places"] if p["name"] == "Kafr Zeita"]
    assert p["lat"] is None and p["lon"] is None and "not in the gazetteer" in p["reason"]
    assert data["events"][0]["places"] == ["Kafr Zeita"]


def test_extract_without_reference_date_warns(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Rebels entered Homs on Dec. 7.\n", encoding="utf-8")
    r = run("extract", str(doc))
    assert r.returncode == 0
    assert "no reference date" in r.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("Rebels entered Homs on Dec. 7.".encode("cp1252") + b"\xe9\xe8 caf\xe9", "not UTF-8"),
    ],
)
def test_bad_documents_get_one_clear_message_and_exit_2(tmp_path: Path, content: bytes, expected: str) -> None:
    doc = tmp_path / "bad.txt"
    doc.write_bytes(content)
    out = tmp_path / "out.json"
    r = run("extract", str(doc), "--reference-date", "2024-12-10", "--out", str(out))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(doc) in lines[0] and expected in lines[0]
    assert not out.exists()
    assert not list(tmp_path.glob(".out.json*"))  # no temporary file left behind


def test_missing_file_and_directory(tmp_path: Path) -> None:
    r = run("extract", str(tmp_path / "nope.txt"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = run("extract", str(tmp_path))
    assert r.returncode == 2 and "is a directory" in r.stderr


def test_bad_reference_date_is_a_usage_error() -> None:
    r = run("extract", str(SEED), "--reference-date", "10/12/2024")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr


def test_malformed_metadata_names_the_file(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Rebels entered Homs on Dec. 7.\n", encoding="utf-8")
    (seeds / "a.meta.json").write_text('{"source": "X", "reference_date": "12/07/2024"}', encoding="utf-8")
    r = run("build", "--seeds", str(seeds), "--build-dir", str(tmp_path / "build"))
    assert r.returncode == 2
    assert "a.meta.json" in r.stderr and "YYYY-MM-DD" in r.stderr
    assert not (tmp_path / "build" / "current").exists()


def test_malformed_gazetteer_row_names_file_and_row(tmp_path: Path) -> None:
    gaz = tmp_path / "gaz.csv"
    gaz.write_text(
        "name,kind,lat,lon,country,aliases,source,source_ref\nHoms,city,134.7,36.7,SY,,GeoNames,x\n", encoding="utf-8"
    )
    r = run("extract", str(SEED), "--gazetteer", str(gaz))
    assert r.returncode == 2 and "gaz.csv" in r.stderr and "row" in r.stderr


def test_build_writes_tables_and_a_failed_build_keeps_the_previous(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Rebels entered Homs on Dec. 7, Reuters reported.\n", encoding="utf-8")
    (seeds / "a.meta.json").write_text('{"source": "Reuters", "reference_date": "2024-12-10"}', encoding="utf-8")
    build = tmp_path / "build"
    r = run("build", "--seeds", str(seeds), "--build-dir", str(build))
    assert r.returncode == 0, r.stderr
    assert "1 events" in r.stdout
    first = os.readlink(build / "current")
    (seeds / "b.txt").write_bytes(b"\x00\x01binary")
    r = run("build", "--seeds", str(seeds), "--build-dir", str(build))
    assert r.returncode == 2 and "b.txt" in r.stderr
    assert os.readlink(build / "current") == first  # the last good build is still what the app reads


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    from dashboard.files import atomic_write_text

    target = tmp_path / "out.json"
    atomic_write_text(target, "{}")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_current_umask()
    target.chmod(0o640)
    atomic_write_text(target, "{}")
    assert target.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_utf16_file_with_a_byte_order_mark_is_read_like_an_upload(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_bytes("Rebels entered Homs on Dec. 7, Reuters reported.\n".encode("utf-16"))
    r = run("extract", str(doc), "--reference-date", "2024-12-10")
    assert r.returncode == 0, r.stderr
    (event,) = json.loads(r.stdout)["events"]
    assert event["places"] == ["Homs"] and event["date"] == "2024-12-07"
