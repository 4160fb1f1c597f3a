"""`python -m dashboard add FILE --source NAME --url URL --date YYYY-MM-DD`: add an article from the shell.

Same checks, naming and saving as the app's Add page (dashboard/corpus/ingest.py); bad input ends
with one line on stderr and exit code 2 (dashboard.cli.main.main), and nothing saved.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from dashboard.corpus.documents import date_arg
from dashboard.errors import InputError


def cmd_add(args: argparse.Namespace) -> int:
    from dashboard.corpus import ingest
    from dashboard.corpus.pipeline import Context

    path = Path(args.file)
    if not path.is_file():
        raise InputError(f"{path}: no such file. Check the path and try again.")
    if path.stat().st_size > ingest.MAX_UPLOAD_BYTES:
        raise InputError(f"{path}: {path.stat().st_size:,} bytes is over the 5 MB limit for one article. Split it.")
    incoming = ingest.read_upload(path.read_bytes(), path.name)
    meta = ingest.parse_meta(args.source, args.url or "", args.date, args.title or incoming.title or "",
                             args.by or getpass.getuser())  # fmt: skip
    seeds = Path(args.seeds) if args.seeds else None  # None: the configured store (files or database)
    build = Path(args.build_dir) if args.build_dir else ingest.build_dir()
    p = ingest.preview(incoming, meta, Context.create())
    for note in incoming.notes:
        print(f"note: {note}")
    print(f"extracted: {p.summary()}")
    for e in p.extraction.events:
        where = ", ".join(p.places[n]["name"] for n in e.places) or "no place"
        print(f"  event  line {e.line}: {e.date or 'undated'} @ {where}: {e.text[:100]}")
    for q in p.extraction.quotes:
        print(f"  quote  line {q.line}: {q.speaker or 'unknown'}: {q.text[:100]}")
    for name in p.unresolved:
        print(f"  not placed: {name} (fix it in the app's Add and review page)")
    saved = ingest.save(incoming, meta, seeds, build)
    print(saved.message())
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    a = sub.add_parser("add", help="add an article (.txt, .md, .html) to the store and rebuild the tables")
    a.add_argument("file", help="the article: .txt, .md or .html, UTF-8 (or UTF-16 with BOM), at most 5 MB")
    a.add_argument("--source", required=True, help="the outlet, e.g. Reuters")
    a.add_argument("--url", default="", help="where it was published (http/https)")
    a.add_argument("--date", required=True, type=date_arg, help="publication date YYYY-MM-DD")
    a.add_argument("--title", help="title (default: the HTML <title>, if any)")
    a.add_argument("--by", help="who adds it (default: your login name)")
    a.add_argument("--seeds", help="documents folder (default: the store, $DASHBOARD_STORE_URL or seeds/)")
    a.add_argument("--build-dir", help="tables folder (default build/ or $DASHBOARD_BUILD_DIR)")
    a.set_defaults(func=cmd_add)

