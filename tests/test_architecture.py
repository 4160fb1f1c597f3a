"""The layout doc matches the code, imports point one way, and the CLI has one command table."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

from dashboard.cli import architecture
from tests.support import ROOT


def test_the_architecture_doc_is_the_diagram_the_code_gives() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    drawn = re.search(r"```text\n(.*?)```", doc, flags=re.S).group(1)
    assert drawn == architecture.render(), "docs/architecture.md is stale: regenerate it (see the file)"


def test_the_command_writes_the_diagram_into_the_doc(tmp_path) -> None:  # noqa: ANN001
    doc = tmp_path / "a.md"
    doc.write_text("# Title\n\n```text\nold\n```\n\nprose after\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "dashboard", "architecture", "--write", str(doc)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert doc.read_text(encoding="utf-8") == "# Title\n\n```text\n" + architecture.render() + "```\n\nprose after\n"
    (tmp_path / "b.md").write_text("no block\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "dashboard", "architecture", "--write", str(tmp_path / "b.md")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2 and "no ```text block" in done.stderr
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "no block\n"


def test_no_rooms_and_no_modules_import_each_other() -> None:
    mods = architecture.modules()
    rooms = [part for part in architecture.tangles(architecture.room_graph(mods)) if len(part) > 1]
    assert rooms == [], rooms
    modules = [part for part in architecture.tangles(architecture.module_graph(mods)) if len(part) > 1]
    assert modules == [], modules  # lazy imports count: no cycle hides inside a function either


def test_tangles_and_layers_on_a_small_graph_worked_by_hand() -> None:
    graph = {"app": {"views"}, "views": {"query"}, "query": set(), "a": {"b"}, "b": {"a", "query"}}
    assert sorted(architecture.tangles(graph)) == [["a", "b"], ["app"], ["query"], ["views"]]
    assert architecture.layers(graph) == [["app"], ["a + b", "views"], ["query"]]
    assert [p for p in architecture.tangles({"x": {"y"}, "y": set()}) if len(p) > 1] == []


def test_lazy_and_relative_imports_count(tmp_path) -> None:  # noqa: ANN001
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "low.py").write_text("X = 1\n")
    (pkg / "top.py").write_text("def f():\n    from pkg.sub import low\n    return low\n")
    (pkg / "sub" / "mid.py").write_text("from . import low\n")
    mods = architecture.modules(pkg, "pkg")
    graph = architecture.room_graph(mods, "pkg")
    assert graph == {"top": {"sub"}, "sub": set()}
    assert architecture.module_graph(mods, "pkg") == {
        "pkg.top": {"pkg.sub", "pkg.sub.low"}, "pkg.sub": set(), "pkg.sub.low": set(),
        "pkg.sub.mid": {"pkg.sub", "pkg.sub.low"},
    }  # fmt: skip


def test_every_command_is_in_the_one_table_and_in_help() -> None:
    out = subprocess.run([sys.executable, "-m", "dashboard", "--help"], cwd=ROOT, capture_output=True, text=True)
    listed = re.search(r"\{([a-z,]+)\}", out.stdout).group(1).split(",")
    assert listed == ["extract", "build", "store", "brief", "add", "evaluate", "architecture"]
    modules = [f.__module__ for f in __import__("dashboard.cli.main", fromlist=["x"]).command_table()]
    assert modules == ["dashboard.cli.main", "dashboard.cli.brief", "dashboard.cli.add",
                       "dashboard.extraction.evaluate", "dashboard.cli.architecture"]


def test_a_module_over_300_lines_says_why_it_is_one_thing() -> None:
    long = [m for m in architecture.modules() if m.lines > 300]
    assert long, "the rule below would test nothing"
    unexplained = [m.name for m in long if "over 300 lines because" not in (ast.get_docstring(ast.parse(
        m.path.read_text(encoding="utf-8"))) or "")]  # fmt: skip
    assert unexplained == [], f"split these or say in their docstring why they are one thing: {unexplained}"
