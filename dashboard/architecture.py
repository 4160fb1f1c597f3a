"""The package's layout, read from the code: which room imports which, drawn as the flow of the data.

`python -m dashboard architecture` prints the diagram that docs/architecture.md holds; a test keeps the two
the same and checks that imports point one way (no room imports a room above it, so there are no cycles).
A room is a subpackage of `dashboard` (`dashboard.extraction`), or a top-level module (`dashboard.app`); the
Streamlit pages under `dashboard/pages/` are one room, `pages`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "dashboard"
PACKAGE_DIR = Path(__file__).resolve().parent


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
    graph: dict[str, set[str]] = {room_of(m.name): set() for m in mods if room_of(m.name) != package}
    for m in mods:
        src = room_of(m.name)
        if src == package:
            continue
        for target in imports_of(m, package):
            if target in known and room_of(target) not in (src, package):
                graph[src].add(room_of(target))
    return graph


def layers(graph: dict[str, set[str]]) -> list[list[str]]:
    """Rooms by level, the top (what nothing imports) first; raises ValueError on a cycle."""
    level: dict[str, int] = {}

    def depth(room: str, path: tuple[str, ...]) -> int:  # length of the longest import chain below `room`
        if room in path:
            raise ValueError("imports go round in a circle: " + " -> ".join((*path, room)))
        if room not in level:
            level[room] = 1 + max((depth(t, (*path, room)) for t in graph.get(room, ())), default=-1)
        return level[room]

    for room in graph:
        depth(room, ())
    top = max(level.values(), default=0)
    return [sorted(r for r, lv in level.items() if lv == n) for n in range(top, -1, -1)]


def render(mods: list[Module] | None = None) -> str:
    """The text diagram: one line per level, top first, each room with what it imports."""
    mods = modules() if mods is None else mods
    graph = room_graph(mods)
    size = {room: 0 for room in graph}
    for m in mods:
        if room_of(m.name) in size:
            size[room_of(m.name)] += 1
    out = []
    for n, rooms in enumerate(layers(graph)):
        if n:
            out.append("    │")
            out.append("    ▼")
        out.append("  ".join(f"[{r}]" for r in rooms))
        for r in rooms:
            uses = ", ".join(sorted(graph[r])) or "nothing of ours"
            out.append(f"    {r} ({size[r]} module{'s' if size[r] != 1 else ''}) imports: {uses}")
    return "\n".join(out) + "\n"


def main() -> int:
    print(render(), end="")
    return 0
