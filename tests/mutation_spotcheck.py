"""Mutation spot-check: apply each named breakage, run the tests that must catch it, restore the file.

`python -m tests.mutation_spotcheck [WORD ...]` (only the breakages whose name holds a WORD).
Prints one line per breakage: CAUGHT or MISSED, the tests run, and the first failure. See
docs/testing.md. Each file is restored in a `finally`, even on Ctrl-C; run it on a clean tree.
"""

# ruff: noqa: E501 - a table of breakages reads best one per line
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (name, file, text to replace, replacement, tests that must fail)
M = [
 ("panel heading unescaped", "dashboard/views/panels.py", "<h3>{esc(name)}</h3>", "<h3>{name}</h3>",
  "tests/test_app.py::test_the_panel_heading_from_the_link_is_escaped"),
 ("briefing claim marks dropped", "dashboard/briefing/report.py",
  """    return f'<span class="claim claim-{esc(claim)}">{esc(claim)}</span>{note}'""", "    return ''",
  "tests/test_seed_expectations.py::test_the_briefing_marks_claims_and_follows_the_filters"),
 ("quotes ignore the filters", "dashboard/views/query.py",
  "    ok = np.where(tied, event_ok[pos], own)\n", "    ok = np.ones(n, bool)\n",
  "tests/test_quotes_list.py"),
 ("GeoJSON counts events listed apart", "dashboard/views/exports.py",
  '    events = events[events["listed_as"] == "map"]\n', "",
  "tests/test_seed_expectations.py::test_geojson_under_a_date_filter"),
 ("date filter ignores its end date", "dashboard/views/query.py",
  "    if f.date_to:\n        mask &= (first != NAT)", "    if False:\n        mask &= (first != NAT)",
  "tests/test_seed_expectations.py::test_one_day_shows_exactly_that_days_events_and_places tests/test_app.py::test_the_date_filter_narrows_the_counts_and_the_permalink_follows"),
 ("source filter ignored", "dashboard/views/query.py",
  "        mask &= ix.sources.any_in(f.sources) | ix.doc_source.isin(f.sources)", "        pass",
  "tests/test_seed_expectations.py::test_a_source_a_search_and_a_claim_narrow_the_app"),
 ("Markdown not escaped", "dashboard/views/safe_text.py",
  '    return "".join("\\\\" + ch if ch in _PUNCTUATION else ch for ch in text)', "    return text",
  "tests/test_app.py::test_text_from_the_link_is_shown_as_text_not_markdown"),
 ("bare addresses left linkable", "dashboard/views/safe_text.py",
  "    text = _AUTOLINK.sub(lambda m: (m.group(1) or \"\") + WORD_JOINER, text)\n", "",
  "tests/test_browser_app.py::test_a_hostile_permalink_shows_its_text_and_no_link_image_or_colour"),
 ("permalink notes not capped", "dashboard/views/safe_text.py",
  "    shown = [md(n, MAX_SHOWN_CHARS) for n in notes[:limit]]", "    shown = [md(n, MAX_SHOWN_CHARS) for n in notes]",
  "tests/test_app.py::test_forty_thousand_source_values_give_a_few_warnings"),
 ("empty selection indexes columns (the ?q=zzzz&sel=Latakia crash)", "dashboard/views/query.py",
  '    hit = both[_names(both["places"], name)]', '    hit = both[both["places"].map(lambda ps: name in (ps or ()))]',
  "tests/test_app.py::test_a_search_that_finds_nothing_with_a_selected_place_shows_no_traceback tests/test_query_properties.py"),
 ("tracebacks shown", "dashboard/views/safe_text.py", 'ERROR_DETAILS = "none"', 'ERROR_DETAILS = "full"',
  "tests/test_app.py::test_an_unexpected_error_shows_a_plain_message_without_paths"),
 ("no lockout", "dashboard/auth.py", "MAX_FAILURES = 5 ", "MAX_FAILURES = 10**9 ",
  "tests/test_auth_guard.py tests/test_ingest_app.py::test_wrong_keys_lock_the_page_out_with_the_wait_said"),
 ("preview callback trusts the disabled button", "dashboard/pages/1_Add_and_review.py",
  "    if not visitor_access().can_edit:", "    if False:",
  "tests/test_ingest_app.py::test_the_preview_callback_checks_the_key_itself"),
 ("geocoder answer not validated (geopy's 0.0 for null)", "dashboard/geo/nominatim.py",
  'lat=_number(raw, "lat"),', "lat=float(location.latitude),",
  "tests/test_geocode_hostile.py"),
 ("geocoder: no total deadline", "dashboard/geo/nominatim.py", "        timer.start()\n", "",
  "tests/test_geocode_hostile.py::test_a_dripping_reply_is_cut_off_at_the_deadline"),
 ("geocoder: no size cap", "dashboard/geo/nominatim.py", "                if len(body) > self.max_bytes:", "                if False:",
  "tests/test_geocode_hostile.py::test_a_huge_reply_is_refused_without_reading_it_all"),
 ("cached misses never re-asked", "dashboard/geo/cache.py",
  "        if max_age is not None and self.age_days(entry) > max_age:", "        if False:",
  "tests/test_geocode_hostile.py::test_misses_and_answers_are_asked_again_after_their_maximum_age"),
 ("build without a time limit", "dashboard/corpus/isolate.py",
  "            if not conn.poll(self.seconds):", "            if not conn.poll(None):",
  "tests/test_isolation.py::test_the_build_command_leaves_out_a_document_past_its_limit_and_builds_the_rest"),
 ("lock file follows links", "dashboard/corpus/fixes.py", "os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW", "os.O_RDWR | os.O_CREAT",
  "tests/test_hardening.py::test_a_linked_lock_file_makes_a_save_refuse_without_creating_the_target"),
 ("linked documents read", "dashboard/corpus/documents.py",
  "e.is_file(follow_symlinks=False)]", "e.is_file()]",
  "tests/test_hardening.py::test_a_linked_document_in_seeds_is_not_read_and_is_reported"),
 ("formula after blanks kept", "dashboard/views/exports.py", 'value.lstrip(" \\t\\r\\n\\u00a0").startswith', "value.startswith",
  "tests/test_hardening.py"),
 ("reference date range unchecked", "dashboard/corpus/documents.py",
  "    if not EARLIEST_REFERENCE <= value <= LATEST_REFERENCE:", "    if False:",
  "tests/test_hardening.py"),
 ("worker without its own alarm", "dashboard/corpus/isolate.py", "    signal.alarm(math.ceil(seconds) + _GRACE_SECONDS)\n", "",
  "tests/test_isolation.py::test_a_worker_nobody_stops_ends_itself_soon_after_its_limit"),
 ("non-atomic write", "dashboard/files.py", None, None, "tests/test_atomic_kill.py::test_a_big_text_file_is_old_or_new_never_half"),
]


def non_atomic(src: str) -> str:
    """files.atomic_write_text replaced by a plain open-and-write."""
    i = src.index("def atomic_write_text")
    end = src.index("\n\n\n", i)
    plain = 'def atomic_write_text(path, text: str) -> None:\n    with open(path, "w", encoding="utf-8") as h:\n        h.write(text)'
    return src[:i] + plain + src[end:]


def main(only: list[str]) -> None:
    for name, path, old, new, tests in M:
        if only and not any(o in name for o in only):
            continue
        run_one(name, path, old, new, tests)


def run_one(name: str, path: str, old: str | None, new: str | None, tests: str) -> None:
    f = ROOT / path
    src = f.read_text(encoding="utf-8")
    if old is None:
        mutated = non_atomic(src)
    else:
        assert old in src, f"{name}: the text to break is no longer in {path}; update the spot-check"
        mutated = src.replace(old, new or "", 1)
    f.write_text(mutated, encoding="utf-8")
    try:
        command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests.split()]
        r = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
        lines = r.stdout.splitlines()
        summary = [x for x in lines if " passed" in x or " failed" in x][-1:]
        first_fail = [x for x in lines if x.startswith(("FAILED", "ERROR"))][:1]
        verdict = "CAUGHT" if r.returncode else "MISSED"
        print(f"{verdict} | {name} | {tests} | {(first_fail or summary or [''])[0][:160]}", flush=True)
    finally:
        f.write_text(src, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
