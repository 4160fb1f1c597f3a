"""`python -m bench`: every benchmark at sizes that finish in about ten minutes on a 2-core machine.

Build: 1k, 10k and 100k snippets (5k-place gazetteer). Page: the whole app script under
AppTest per case (first view, rerun, search, filter, click, page switch) at the same sizes
(`--huge` adds 1M). Rerun: the same three corpora, plus 100k snippets over all 34k GeoNames
places; the Marker-per-event comparison only up to 10k events (beyond that it takes minutes).
Browser: the maps of the 100k corpora. Sessions: 10 sessions on the 100k corpus, server time
recorded inside the server. `--quick` runs 1k/10k only, for a smoke test.
Generated corpora are kept in build/bench/ and reused by later runs.
"""

from __future__ import annotations

import argparse
import time

from bench import browser, build, page, rerun, sessions


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="1k and 10k snippets only; no 34k-place corpus")
    p.add_argument("--skip", default="", help="comma-separated: build,page,rerun,browser,sessions")
    p.add_argument("--huge", action="store_true", help="also time the page at 1M snippets (30k places)")
    args = p.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    sizes = "1000,10000" if args.quick else "1000,10000,100000"
    t0 = time.perf_counter()
    if "build" not in skip:
        build.main(["--sizes", sizes])
    if "page" not in skip:
        page.main(["--sizes", sizes] + (["--huge"] if args.huge else []))
    if "rerun" not in skip:
        rerun.main(["--sizes", sizes, "--all-places", "0" if args.quick else "100000"])
    if "browser" not in skip:
        browser.main(["--corpus", "10000" if args.quick else "100000"] + (["--no-all-places"] if args.quick else []))
    if "sessions" not in skip:
        sessions.main(["--corpus", "10000" if args.quick else "100000", "--rounds", "1" if args.quick else "3"])
    print(f"\nall benchmarks: {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
