"""The package's layout, read from the code: which room imports which, drawn as the flow of the data.

`python -m dashboard architecture` prints the diagram that docs/architecture.md holds; a test keeps the two
the same and checks that imports point one way (no room imports a room above it, so there are no cycles).
A room is a subpackage of `dashboard` (`dashboard.extraction`), or a top-level module (`dashboard.app`); the
Streamlit pages under `dashboard/pages/` are one room, `pages`.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dashboard.errors import InputError
from dashboard.files import atomic_write_text

PACKAGE = "dashboard"
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # dashboard/


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. dashboard.extraction.quotes
    path: Path
    lines: int


def modules(root: Path = PACKAGE_DIR, package: str = PACKAGE) -> list[Module]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        name = ".".join([package, *parts])
        found.append(Module(name, path, len(path.read_text(encoding="utf-8").splitlines())))
    return found


def imports_of(module: Module, package: str = PACKAGE) -> set[str]:
    """The modules of `package` that `module` imports (at any depth in the file, lazy imports included)."""
    tree = ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))
    is_pkg = module.path.name == "__init__.py"
    here = module.name.split(".") if is_pkg else module.name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == package)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] != package:
                continue
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)  # `from dashboard import views` names a module
    return out


def room_of(name: str, package: str = PACKAGE) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else package


def room_graph(mods: Iterable[Module], package: str = PACKAGE) -> dict[str, set[str]]:
    """room -> the other rooms it imports from."""
    mods = list(mods)
    known = {m.name for m in mods}
    graph: dict[str, set[str]] = {room_of(m.name, package): set() for m in mods if room_of(m.name, package) != package}
    for m in mods:
        src = room_of(m.name, package)
        if src == package:
            continue
        for target in imports_of(m, package):
            if target in known and room_of(target, package) not in (src, package):
                graph[src].add(room_of(target, package))
    return graph


def module_graph(mods: Iterable[Module], package: str = PACKAGE) -> dict[str, set[str]]:
    """module -> the other modules of ours it imports (the package's own `__init__` left out)."""
    mods = list(mods)
    known = {m.name for m in mods} - {package}
    return {m.name: (imports_of(m, package) & known) - {m.name} for m in mods if m.name != package}


def tangles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of rooms that import each other, directly or round a circle (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def layers(graph: dict[str, set[str]]) -> list[list[str]]:
    """Rooms by level, the top (what nothing imports) first; rooms that import each other share a level."""
    part_of = {room: " + ".join(part) for part in tangles(graph) for room in part}
    condensed: dict[str, set[str]] = {}
    for room, targets in graph.items():
        condensed.setdefault(part_of[room], set()).update(part_of[t] for t in targets if part_of[t] != part_of[room])
    level: dict[str, int] = {}

    def depth(node: str) -> int:  # length of the longest import chain below `node` (the condensed graph has no circle)
        if node not in level:
            level[node] = 1 + max((depth(t) for t in condensed.get(node, ())), default=-1)
        return level[node]

    for node in condensed:
        depth(node)
    top = max(level.values(), default=0)
    return [sorted(r for r, lv in level.items() if lv == n) for n in range(top, -1, -1)]


def render(mods: list[Module] | None = None) -> str:
    """The text diagram: one line per level, top first, each room with what it imports; then the tangles."""
    mods = modules() if mods is None else mods
    graph = room_graph(mods)
    size = {room: 0 for room in graph}
    for m in mods:
        if room_of(m.name) in size:
            size[room_of(m.name)] += 1
    out = []
    for n, nodes in enumerate(layers(graph)):
        if n:
            out.append("    │")
            out.append("    ▼")
        out.append("  ".join(f"[{r}]" for r in nodes))
        for r in (room for node in nodes for room in node.split(" + ")):
            uses = ", ".join(sorted(graph[r])) or "nothing of ours"
            out.append(f"    {r} ({size[r]} module{'s' if size[r] != 1 else ''}) imports: {uses}")
    knots = [part for part in tangles(graph) if len(part) > 1]
    if knots:
        out.append("")
        out.append("Rooms that import each other (to untangle):")
        out.extend(f"    {' <-> '.join(part)}" for part in knots)
    return "\n".join(out) + "\n"


def with_diagram(doc: str, diagram: str) -> str:
    """``doc`` (a Markdown file) with its first ```text block replaced by ``diagram``."""
    start = doc.find("```text\n")
    end = doc.find("```", start + 8) if start >= 0 else -1
    if end < 0:
        raise InputError("the file has no ```text block to hold the diagram; add one (an empty one will do).")
    return doc[: start + 8] + diagram + doc[end:]


def cmd_architecture(args: argparse.Namespace) -> int:
    if args.write is None:
        print(render(), end="")
        return 0
    path = Path(args.write)
    try:
        doc = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; give the Markdown file that holds the diagram.") from None
    atomic_write_text(path, with_diagram(doc, render()))
    print(f"wrote the diagram into {path}")
    return 0


def register(sub) -> None:  # noqa: ANN001 - argparse's sub-parsers action
    a = sub.add_parser("architecture", help="print the package's layout: its rooms and which imports which")
    a.add_argument("--write", metavar="FILE", help="replace the diagram in FILE (docs/architecture.md) instead")
    a.set_defaults(func=cmd_architecture)
