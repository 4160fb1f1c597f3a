"""The command line: `python -m dashboard extract|build ...`.

Every failure the user can fix ends with one line naming the file and the
problem, and exit code 2; nothing is half-written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from dashboard.errors import DashboardError, InputError
from dashboard.files import atomic_write_text

if TYPE_CHECKING:
    from dashboard.corpus.context import Context, DocumentResult

EXIT_USAGE = 2
T = TypeVar("T")


def _reference_date_arg(value: str) -> date:
    from dashboard.corpus.documents import date_arg

    return date_arg(value, "--reference-date")


def cmd_extract(args: argparse.Namespace) -> int:
    from dashboard.corpus.context import Context
    from dashboard.corpus.pipeline import extract_document

    ctx = Context.create(args.gazetteer) if args.gazetteer else Context.create()
    result = extract_document(Path(args.file), ctx, reference_date=args.reference_date)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    data = document_json(result, ctx)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        atomic_write_text(args.out, text)
    else:
        sys.stdout.write(text)
    for problem in ctx.resolver.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from dashboard.corpus import pipeline, store
    from dashboard.corpus.fixes import geodata_dir

    # --seeds names a folder of documents (the file store); otherwise the configured store
    # (DASHBOARD_STORE_URL, else seeds/ and geodata/).
    source = store.FileStore(Path(args.seeds), geodata_dir()) if args.seeds else store.current()
    build_dir = Path(args.build_dir)
    # Each run is a new process: keep beside the tables what lets the next run patch them (new documents only).
    tables = _without_gc(lambda: _kept(store.rebuild(source, build_dir, keep_state=True)))
    for problem in tables.manifest["problems"]:
        print(f"warning: {problem}", file=sys.stderr)
    unresolved = int((tables.places["status"] == "unresolved").sum())
    print(
        f"built {len(tables.documents)} document(s): {len(tables.events)} events, "
        f"{len(tables.quotes)} quotes, {len(tables.places)} places ({unresolved} unresolved) -> "
        f"{(build_dir / 'current').resolve()}"
        + (" (patched the last build: only new documents were added)" if pipeline.patched(build_dir) else "")
    )
    return 0


def _kept(tables: T) -> T:
    """What a build made stays to the end of the command (`exit_now`): frozen, so the garbage collector,
    on again, does not walk it. Its first collection after the build walked every object the build
    left (millions at 100k events: 25 ms) in a process about to end. Reference counting frees them as ever."""
    import gc

    gc.freeze()
    return tables


def cmd_store(args: argparse.Namespace) -> int:
    from dashboard.corpus import store

    current = store.current()
    if args.action == "export":
        done = store.export_store(current, Path(args.folder))
        print(f"exported {done.summary()} from {current.label} to {args.folder}")
    elif args.action == "import":
        done = store.import_folder(Path(args.folder), current)
        print(f"imported {done.summary()} from {args.folder} into {current.label}")
    else:
        print(f"store: {current.label}\nrevision: {current.revision()}\ndocuments: {len(current.documents())}\n"
              f"place fixes: {len(current.overrides())}\nmarks: {len(current.marks())}\n"
              f"audit entries: {len(current.audit())}")  # fmt: skip
    return 0


OWN_COMMANDS = ("extract", "build", "store")  # the commands `parser` defines itself (the table's first entry)


def parser(own_only: bool = False) -> argparse.ArgumentParser:
    """Every command's parser; `own_only`: only this module's own commands (see `main`)."""
    from dashboard.corpus.pipeline import BUILD_DIR

    p = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="print the places, events and quotes of one document as JSON")
    e.add_argument("file", help="a plain-text news file (UTF-8)")
    e.add_argument("--reference-date", type=_reference_date_arg,
                   help="publication date, YYYY-MM-DD (else from NAME.meta.json)")
    e.add_argument("--gazetteer", type=Path, help="gazetteer CSV (default geodata/gazetteer.csv)")
    e.add_argument("--out", type=Path, help="write the JSON here instead of standard output")
    e.set_defaults(func=cmd_extract)
    b = sub.add_parser("build", help="extract every document in seeds/ and write the app's tables")
    b.add_argument("--seeds", help="folder of documents (default: the configured store, else seeds/)")
    b.add_argument("--build-dir", default=str(BUILD_DIR), help="where tables go (default build/)")
    b.set_defaults(func=cmd_build)
    s = sub.add_parser("store", help="export the store to a folder, import a folder into it, or show what it holds",
                       description="The store is $DASHBOARD_STORE_URL (a database) when set, else seeds/ + geodata/."
                       " export DIR writes seeds/ and geodata/ (fixes, marks, audit log) into an empty DIR; import"
                       " DIR adds such a folder's contents (documents already stored are skipped).")  # fmt: skip
    s.add_argument("action", choices=["export", "import", "info"])
    s.add_argument("folder", nargs="?", help="the folder to export to or import from")
    s.set_defaults(func=cmd_store)
    if own_only:
        return p
    for register in command_table()[1:]:
        register(sub)
    return p


def command_table() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Every command of `python -m dashboard`, in the order `--help` lists them: the one list to extend.

    The first entry (extract, build, store) is `parser` itself; each other module adds its own
    subcommands with its `register(sub)`.
    """
    from dashboard.cli import add, architecture, brief
    from dashboard.extraction import evaluate

    return [parser, brief.register, add.register, evaluate.register, architecture.register]


def _without_gc(imports: Callable[[], T]) -> T:
    """Run `imports` (the parser imports every command's modules: pandas, pyarrow, the pipeline, geopy) with the
    cyclic garbage collector off: the imports make a few hundred thousand objects and free almost none, so
    each collection meanwhile walked them all for nothing (about a tenth of the imports' time). Reference
    counting still frees what is let go; the collector is as it was afterwards. `build` runs its whole rebuild
    so, since the rebuild imports the pipeline's modules as it goes: a cold build of 20,000 snippets left 266
    objects in cycles for the collector afterwards and the same peak memory (244 and 246 MB) as with it on."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        return imports()
    finally:
        if was:
            gc.enable()


def exit_now(code: int) -> None:
    """End the command's process at once, without freeing what it built object by object.

    A build keeps its assembly (100k events: millions of small objects) to the end; tearing the
    interpreter down freed them one by one, 0.3 to 1 s after the command's work was done, as the
    user waited. Everything the command wrote is closed (files are written whole and replaced),
    its output is flushed here, and its extraction worker stopped."""
    import logging
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    isolate = sys.modules.get("dashboard.corpus.isolate")
    if isolate is not None:
        isolate.close_shared()
    logging.shutdown()
    os._exit(code)


def _own_command(argv: Sequence[str] | None) -> bool:
    """Whether the command line names one of `OWN_COMMANDS`: its arguments then cannot belong to the other
    modules' commands, so their modules are not imported to register them (`brief`, `add`, `evaluate`,
    which imports the extraction: 0.1 s of a `python -m dashboard build`). `--help` alone lists them all."""
    args = list(sys.argv[1:] if argv is None else argv)
    return bool(args) and args[0] in OWN_COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    args = _without_gc(lambda: parser(own_only=_own_command(argv)).parse_args(argv))
    if getattr(args, "action", None) in ("export", "import") and not args.folder:
        print(f"error: store {args.action}: name the folder, e.g. `python -m dashboard store {args.action} "
              "corpus-backup`", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except (DashboardError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE


def document_json(result: DocumentResult, ctx: Context) -> dict[str, Any]:
    """One document as JSON: the `extract` command's output (its places, events, quotes and problems)."""
    from dashboard.corpus.context import resolve_places
    from dashboard.corpus.speakers import speaker_id

    places = resolve_places([result], ctx)
    events = []
    for e in result.extraction.events:
        events.append(
            {
                "date": e.date,
                "date_end": e.date_end,
                "date_precision": e.date_precision,
                "date_text": e.date_text,
                "text": e.text,
                "places": [places[p]["name"] for p in e.places],
                "line": e.line,
                "start": e.start,
                "end": e.end,
                "claim": e.claim,
                "claim_evidence": e.claim_evidence,
                "date_basis": e.date_basis,
                "mentioned": [places[p]["name"] for p in e.mentioned],
                "sources": e.sources,
                "actors": e.actors,
            }
        )
    quotes = [
        {
            "speaker": q.speaker,
            "speaker_id": speaker_id(q.speaker) if q.speaker else None,
            "role": q.role,
            "text": q.text,
            "date": q.date,
            "date_basis": q.date_basis,
            "line": q.line,
            "start": q.start,
            "end": q.end,
            "places": [places[p]["name"] for p in q.places],
            "mentioned": [places[p]["name"] for p in q.mentioned],
        }
        for q in result.extraction.quotes
    ]
    return {
        "document": {
            "path": result.path,
            "reference_date": result.meta.reference_date.isoformat(),
            "source": result.meta.source,
            "url": result.meta.url,
        },
        "places": list({p["name"]: p for p in places.values()}.values()),
        "events": events,
        "quotes": quotes,
        "duplicate_lines": result.extraction.duplicates,
        "problems": result.warnings + [f"{result.path}: {problem}" for problem in result.extraction.problems]
        + list(ctx.resolver.problems),
    }
