"""Issue 12: `python -m dashboard build` after one added document is waited for from Enter to the prompt,
imports included; the rebuild imports only what it uses. Checked on the real command in a new process,
with Python's own record of every module it imported (`-X importtime`), not by hiding any module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_build_state import PATCHED
from tests.test_incremental_build import write_doc

ROOT = Path(__file__).resolve().parent.parent

# What only other commands, the app or online geocoding use: a rebuild that places every name from the
# gazetteer (online geocoding off, the default) needs none of them.
NOT_FOR_A_REBUILD = ("geopy", "requests", "urllib3", "streamlit", "folium", "branca", "jinja2", "psycopg")


def _imported_by_build(seeds: Path, build: Path, geodata: Path) -> tuple[str, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env["DASHBOARD_GEODATA_DIR"] = str(geodata)
    command = [sys.executable, "-X", "importtime", "-m", "dashboard", "build", "--seeds", str(seeds),
               "--build-dir", str(build)]  # fmt: skip
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    # Each line: "import time: <self us> | <cumulative us> | <indent><module>"
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "dashboard.corpus.pipeline" in modules  # the record is there
    return proc.stdout, modules


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    seeds, geodata, build = tmp_path / "seeds", tmp_path / "geodata", tmp_path / "build"
    seeds.mkdir()
    geodata.mkdir()
    write_doc(seeds, "b", "Rebels entered Homs on Dec. 7, Reuters reported.\n", "AFP")
    write_doc(seeds, "d", '"Idlib is quiet," Peskov said on Dec. 3.\n', "TASS")
    return seeds, geodata, build


def test_the_rebuild_after_one_document_imports_no_geocoder_library_nor_the_apps(tmp_path: Path) -> None:
    seeds, geodata, build = _corpus(tmp_path)
    first, _ = _imported_by_build(seeds, build, geodata)
    assert PATCHED not in first
    write_doc(seeds, "c", "Jets struck Raqqa on Nov. 30.\n", "SANA")
    second, modules = _imported_by_build(seeds, build, geodata)
    assert PATCHED in second and "built 3 document(s)" in second
    loaded = sorted(m for m in modules if m.split(".")[0] in NOT_FOR_A_REBUILD)
    assert loaded == [], f"the rebuild imported {loaded}"


# The command's own process, as `python -m dashboard build` runs it (`main`), then the modules it holds. The new
# document is extracted in the build's worker process, which imports the extraction; the build itself only
# turns the worker's answer into rows, and the other commands' modules are not imported to register them.
_OWN_MODULES = """import gc, json, sys
from dashboard.cli.main import main
code = main(["build", "--seeds", sys.argv[1], "--build-dir", sys.argv[2]])
print("GC " + json.dumps([gc.isenabled(), gc.get_freeze_count()]))
print("MODULES " + json.dumps(sorted(sys.modules)))
sys.exit(code)
"""


def test_the_rebuilds_own_process_imports_no_extraction_module_nor_other_commands(tmp_path: Path) -> None:
    seeds, geodata, build = _corpus(tmp_path)
    _imported_by_build(seeds, build, geodata)
    write_doc(seeds, "c", "Jets struck Raqqa on Nov. 30.\n", "SANA")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env["DASHBOARD_GEODATA_DIR"] = str(geodata)
    proc = subprocess.run([sys.executable, "-c", _OWN_MODULES, str(seeds), str(build)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert PATCHED in proc.stdout and "built 3 document(s): 3 events" in proc.stdout  # c was extracted, and added
    # What the build made is frozen for the collector (the process ends next), which is on again as it was.
    enabled, frozen = json.loads(proc.stdout.split("GC ", 1)[1].splitlines()[0])
    assert enabled and frozen > 10_000  # (the imports alone make tens of thousands)
    modules = json.loads(proc.stdout.split("MODULES ", 1)[1])
    assert "dashboard.corpus.pipeline" in modules and "dashboard.extraction.dates" in modules  # the reduce's own
    heavy = [m for m in ("dashboard.extraction.extract", "dashboard.extraction.quotes", "dashboard.extraction.evaluate",
                         "dashboard.cli.brief", "dashboard.views.query") if m in modules]  # fmt: skip
    assert heavy == [], f"the build's own process imported {heavy}"
