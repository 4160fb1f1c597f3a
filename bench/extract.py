"""Extraction throughput on one core, and a check that a change to the extractor leaves its output as it was.

    python -m bench.extract [--docs 200] [--runs 3] [--code DIR]
    python -m bench.extract --dump FILE [--code DIR]      # every field of every result, for a check set
    python -m bench.extract --check-against FILE          # the same set again: identical, or where not

Throughput: CPU time (`time.process_time`) of `Extractor.extract` over the first `--docs` documents (50
snippets each) of the generated 100k corpus (`python -m bench.build --sizes 100000` makes it), best of
`--runs`, the process pinned to one core. The check set: the first 400 bench documents, every text of
tests/devcorpus, tests/heldout*, tests/sealed*, seeds/, and crafted lines (tests/adversarial.py's
families and seeded mixes of its pieces). A sealed text's result is kept as a hash only, and a difference
there names the file, never its content. `--code DIR` imports `dashboard` from another checkout (say
`git archive main dashboard | tar -x -C DIR`), to time or dump the code as it was.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import gc
import hashlib
import json
import os
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

from bench import BENCH_DIR, ROOT

CORPUS = BENCH_DIR / "c100000-5000"
GAZETTEER = BENCH_DIR / "gazetteer-5000.csv"
FALLBACK_REFERENCE = date(2024, 12, 10)


def _bench_docs(n: int) -> list[tuple[str, str, date]]:
    if not (CORPUS / "generated.json").exists():
        raise SystemExit(f"no bench corpus at {CORPUS}: run `python -m bench.build --sizes 100000` once")
    out = []
    for p in sorted((CORPUS / "seeds").glob("gen_*.txt"))[:n]:
        meta = json.loads(p.with_name(p.stem + ".meta.json").read_text(encoding="utf-8"))
        out.append((f"bench/{p.name}", p.read_text(encoding="utf-8"), date.fromisoformat(meta["reference_date"])))
    return out


def _labelled_reference(txt: Path) -> date:
    labels = txt.with_suffix(".labels")
    if labels.exists():
        m = re.search(r"^reference:\s*(\d{4}-\d\d-\d\d)", labels.read_text(encoding="utf-8"), re.M)
        if m:
            return date.fromisoformat(m.group(1))
    meta = txt.with_name(txt.stem + ".meta.json")
    if meta.exists():
        ref = json.loads(meta.read_text(encoding="utf-8")).get("reference_date")
        if ref:
            return date.fromisoformat(ref)
    return FALLBACK_REFERENCE


def _text_docs() -> list[tuple[str, str, date]]:
    folders = [ROOT / "tests" / "devcorpus", *sorted((ROOT / "tests").glob("heldout*")),
               *sorted((ROOT / "tests").glob("sealed*")), ROOT / "seeds"]  # fmt: skip
    out = []
    for folder in folders:
        for txt in sorted(folder.glob("*.txt")):
            out.append((str(txt.relative_to(ROOT)), txt.read_text(encoding="utf-8"), _labelled_reference(txt)))
    return out


def _crafted_docs() -> list[tuple[str, str, date]]:
    sys.path.insert(0, str(ROOT))  # tests/ is no package of the install
    from tests.adversarial import FAMILIES

    out = []
    for family, make in sorted(FAMILIES.items()):
        for n in (1, 3, 10, 40, 150):
            out.append((f"crafted/{family}/{n}", make(n), FALLBACK_REFERENCE))
    tree = ast.parse((ROOT / "tests" / "test_adversarial.py").read_text(encoding="utf-8"))
    pieces = next(ast.literal_eval(node.value) for node in tree.body  # the test's crafted pieces, read not run
                  if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PIECES")  # fmt: skip
    extra = ["\n", "he ", "the ministry ", "Peskov ", "Dmitry Peskov ", "November 27\n", "his office ",
             "was quoted as saying ", "asked whether ", "who remarked, ", "It added that "]  # fmt: skip
    rng = random.Random(20)
    for i in range(400):
        parts = [rng.choice(pieces + extra) for _ in range(rng.randint(1, 40))]
        out.append((f"crafted/mix/{i}", "".join(parts), FALLBACK_REFERENCE))
    for i, unit in enumerate(pieces):
        out.append((f"crafted/unit/{i}", unit * 60, FALLBACK_REFERENCE))
    return out


def _record(result: object) -> str:
    return json.dumps(dataclasses.asdict(result), sort_keys=True, ensure_ascii=False)


def dump() -> dict[str, str]:
    """name -> the extraction as JSON (sorted keys); a sealed text's as a SHA-256 of it."""
    from dashboard.extraction.extract import Extractor
    from dashboard.geo.gazetteer import load_gazetteer

    out: dict[str, str] = {}
    bench_ex = Extractor(load_gazetteer(GAZETTEER))
    for name, text, ref in _bench_docs(400):
        out[name] = _record(bench_ex.extract(text, ref))
    ex = Extractor(load_gazetteer(ROOT / "geodata" / "gazetteer.csv"))  # this checkout's, whatever --code says
    for name, text, ref in _text_docs() + _crafted_docs():
        rec = _record(ex.extract(text, ref))
        out[name] = "sha256:" + hashlib.sha256(rec.encode()).hexdigest() if "/sealed" in name else rec
    return out


def check_against(path: Path) -> int:
    before = json.loads(path.read_text(encoding="utf-8"))
    now = dump()
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for name in differ[:20]:
        if "/sealed" in name:
            print(f"DIFFERS: {name}")
            continue
        a, b = before.get(name) or "", now.get(name) or ""
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        lo = max(0, i - 150)
        print(f"DIFFERS: {name} at character {i}:\n  was {a[lo : i + 150]}\n  now {b[lo : i + 150]}")
    tail = f"; {len(differ)} differ" if differ else ""
    print(f"{len(now) - len(differ)} of {len(now)} extractions identical{tail}")
    return 1 if differ else 0


def throughput(n_docs: int, runs: int) -> float:
    from dashboard.extraction.extract import Extractor
    from dashboard.geo.gazetteer import load_gazetteer

    docs = [(text, ref) for _, text, ref in _bench_docs(n_docs)]
    snippets = sum(1 for text, _ in docs for line in text.splitlines() if line.strip())
    ex = Extractor(load_gazetteer(GAZETTEER))
    ex.extract(*docs[0])
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        t0 = time.process_time()
        for text, ref in docs:
            ex.extract(text, ref)
        best = min(best, time.process_time() - t0)
    rate = snippets / best
    print(f"{rate:,.0f} snippets/s ({snippets:,} snippets, best CPU {best:.3f} s of {runs})")
    return rate


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=200, help="bench documents to time (50 snippets each)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--code", type=Path, help="import dashboard from this checkout instead")
    p.add_argument("--cpu", type=int, default=None, help="the core to pin to (default: the last one allowed)")
    p.add_argument("--dump", type=Path, help="write every extraction of the check set to this JSON file")
    p.add_argument("--check-against", type=Path, help="compare the check set with a --dump file")
    args = p.parse_args(argv)
    if args.code:
        sys.path.insert(0, str(args.code.resolve()))
    import dashboard

    print(f"dashboard from {Path(dashboard.__file__).parent}")
    if args.dump:
        args.dump.write_text(json.dumps(dump(), sort_keys=True, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {args.dump}")
        return 0
    if args.check_against:
        return check_against(args.check_against)
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {args.cpu if args.cpu is not None else cpus[-1]})
    throughput(args.docs, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
