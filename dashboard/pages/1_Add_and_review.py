"""Add articles and review what was extracted: Streamlit wiring only.

Checks, preview, naming and saving live in dashboard/corpus/ingest.py; overrides and marks in
dashboard/corpus/review.py; who may write in dashboard/auth.py. News text is untrusted: it is shown
with st.text / st.dataframe, or as HTML built from escaped pieces (ingest.highlight_html).

It is one page over 300 lines because it is two forms on one page (add an article; review places and
marks) that share who may write, the store and the rebuild after a save; what is left here is widgets,
caches and the order they are shown in.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import auth, navigation
from dashboard.corpus import ingest, pipeline, preview_worker, review, store
from dashboard.corpus.documents import content_hash
from dashboard.errors import DashboardError
from dashboard.geo.cache import NominatimCache
from dashboard.geo.gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from dashboard.geo.gazetteer import KINDS, load_gazetteer
from dashboard.geo.geocode import GeocodeSettings
from dashboard.views import safe_text, wording

if navigation.entered_without_app(st.session_state):  # a fresh server's first request, straight to this page
    st.navigation([st.Page(navigation.ENTRY_SCRIPT, title=navigation.MAP_TITLE, default=True),
                   *map(st.Page, navigation.page_files())])  # turns Streamlit's pages/ fallback off...
    st.rerun()  # ...so this run goes through app.py, which names every page ("Map", not "app")
st.set_page_config(page_title="Add and review", layout="wide")
st.set_option("client.showErrorDetails", safe_text.ERROR_DETAILS)  # last resort: a plain message, no traceback
md = safe_text.md  # text from documents, uploads and the geocoder: shown as text, never as Markdown
st.title("Add articles, review what was extracted")


def configured_key() -> str | None:
    """The editor key from Streamlit secrets (never from the repo); None when none is configured."""
    try:
        value = st.secrets.get("editor_key")
    except Exception:  # noqa: BLE001 - no secrets file at all means no key
        return None
    return str(value) if value else None


def secret(name: str):  # noqa: ANN201 - a value from the secrets, None without a secrets file
    try:
        return st.secrets.get(name)
    except Exception:  # noqa: BLE001 - no secrets file at all
        return None


# -- where it is stored (store.py): [connections.store] in secrets, else DASHBOARD_STORE_URL, else files --
connections = secret("connections") or {}
try:
    store.configure(dict(connections.get("store") or {}) or None,
                    lambda: st.connection("store", type="sql", pool_pre_ping=True).engine)  # fmt: skip
except DashboardError as exc:
    st.error(str(exc))
    st.stop()

# -- who may write: the signed-in user (limited to `editors` in secrets, if listed), else the editor key --
key = configured_key()
signed_in = st.user.get("email") if st.user.get("is_logged_in") else None
if key and not auth._flag(os.environ.get(auth.EDITING_ENV)):
    st.text_input("Editor key", type="password", key="editor_key_input")


@st.cache_resource
def key_guard() -> auth.KeyGuard:
    """One per server: wrong keys are counted across sessions, per client."""
    return auth.KeyGuard()


def visitor_access() -> auth.Access:
    session = st.session_state.setdefault("session_tag", os.urandom(8).hex())
    ip = st.context.ip_address
    return key_guard().access(os.environ, key, st.session_state.get("editor_key_input"), session,
                              ip if isinstance(ip, str) else None, signed_in, secret("editors"))  # fmt: skip


acc = visitor_access()
(st.success if acc.can_edit else st.info)(md(wording.plain(acc.reason)))
read_only = not acc.can_edit
if not read_only:
    preview_worker.warm(ingest.build_dir())  # the extraction worker and the last build: the first save waits less
if acc.who:
    who = acc.who
    st.caption(f"Changes are recorded as {acc.who}.")
else:
    who = st.text_input("Your name or initials (recorded with what you add or fix)", key="who", disabled=read_only)


def ready_to_write() -> bool:
    if read_only:
        st.error("Read-only: nothing was changed.")
        return False
    if not (who or "").strip():
        st.error("Enter your name or initials above first: every change records who made it.")
        return False
    return True


# -- add -------------------------------------------------------------------------------------
st.header("Add an article")
if st.session_state.pop("clear_form", False):  # after a save: an empty form for the next article
    st.session_state.update(paste_text="", source="", url="", published=None, title="")  # set, so the browser shows it
    st.session_state.upload_n = st.session_state.get("upload_n", 0) + 1
how = st.radio("Text from", ["Paste text", "Upload a file"], horizontal=True, key="how", disabled=read_only)
if how == "Paste text":
    st.text_area("Article text", key="paste_text", height=180, disabled=read_only)
else:
    chosen_file = st.file_uploader("Article (.txt, .md or .html, at most 5 MB)",
                                   key=f"upload_{st.session_state.get('upload_n', 0)}", disabled=read_only)  # fmt: skip
    if chosen_file is not None and (problem := wording.upload_problem(chosen_file.size, chosen_file.name)):
        st.error(problem)  # said here, as soon as the file is chosen, not in a tooltip
c1, c2, c3 = st.columns([2, 3, 1])
c1.text_input("Source (outlet)", key="source", disabled=read_only)
c2.text_input("URL", key="url", disabled=read_only)
c3.date_input("Published", value=None, key="published", disabled=read_only, max_value=date(2100, 1, 1))
st.text_input("Title (optional)", key="title", disabled=read_only)


def make_preview() -> None:
    """Check the inputs and extract, saving nothing; the result (or the refusal) goes to session state."""
    st.session_state.pop("preview", None)
    st.session_state.pop("saved_message", None)
    if not visitor_access().can_edit:  # not only the disabled button: a callback checks for itself
        st.session_state.preview_error = "Read-only: nothing was extracted."
        return
    try:
        if st.session_state.get("how") == "Upload a file":
            up = st.session_state.get(f"upload_{st.session_state.get('upload_n', 0)}")
            if up is None:
                raise DashboardError(wording.NO_FILE)
            incoming = ingest.read_upload(up.getvalue(), up.name)
        else:
            incoming = ingest.read_upload((st.session_state.get("paste_text") or "").encode("utf-8"), None)
        meta = ingest.parse_meta(st.session_state.get("source", ""), st.session_state.get("url", ""),
                                 st.session_state.get("published"), st.session_state.get("title", "") or "",
                                 who or "")  # fmt: skip
        if incoming.title and not meta.title:
            meta = ingest.DocumentMeta(meta.source, meta.reference_date, meta.url, incoming.title, meta.added_by)
        st.session_state.preview = preview_worker.preview(incoming, meta)  # in a worker, time-limited
        st.session_state.preview_error = None
    except DashboardError as exc:
        st.session_state.preview_error = str(exc)


st.button("Preview", key="preview_btn", disabled=read_only, on_click=make_preview)
if st.session_state.get("preview_error"):
    st.error(md(st.session_state.preview_error))
p: ingest.Preview | None = st.session_state.get("preview")
if p is not None:
    st.subheader("Preview (nothing saved yet)")
    st.markdown(f"**{p.summary()}** from {md(p.incoming.label)}, read with reference date "
                f"{p.meta.reference_date.isoformat()}.")  # fmt: skip
    for note in p.incoming.notes:
        st.caption(f"Note: {md(note)}")
    st.html(f"<style>{ingest.HIGHLIGHT_CSS}</style><div class='hl-doc'>{ingest.highlight_html(p)}</div>")
    st.caption("Green: places · orange: dates · yellow: quotes · blue: the sentence of an event")
    st.dataframe([{"line": e.line, "date": e.date or "no date", "places": ", ".join(p.places[n]["name"]
                   for n in e.places), "claim": e.claim, "text": e.text} for e in p.extraction.events],
                 hide_index=True)  # fmt: skip
    st.caption("Who is quoted: check each speaker and role before saving.")
    st.dataframe(wording.preview_quotes(p.extraction.quotes), hide_index=True)
    st.dataframe([{"place": n, "status": r["status"], "lat": r["lat"], "lon": r["lon"], "via": r["via"]}
                  for n, r in p.places.items()], hide_index=True)  # fmt: skip
    if p.unresolved:
        st.warning("Not placed yet: " + md(", ".join(p.unresolved)) + ". Save, then fix them under Review below.")
    if st.button("Save", key="save_btn", disabled=read_only, type="primary") and ready_to_write():
        try:
            with st.spinner("Saving and rebuilding the tables…"):
                saved = ingest.save(p.incoming, ingest.DocumentMeta(p.meta.source, p.meta.reference_date, p.meta.url,
                                                                    p.meta.title, who.strip()))  # fmt: skip
            st.session_state.saved_message = wording.sentence(saved.message())
            st.session_state.pop("preview", None)
            st.session_state.clear_form = True
            st.rerun()
        except (DashboardError, OSError) as exc:
            st.error(f"Not saved: {md(exc)}")
if st.session_state.get("saved_message"):
    st.success(md(st.session_state.saved_message) + " The map shows it on its next refresh.")

# -- review ----------------------------------------------------------------------------------
st.header("Review")
@st.cache_resource(show_spinner=False, max_entries=2)
def load_tables(stamp: str, build_dir: str) -> pipeline.Tables:
    """Read once per build (the stamp changes when a save or a fix rebuilds), not on every rerun.

    cache_resource: one read-only copy for every session; cache_data would unpickle 100k events per rerun.
    """
    return pipeline.read_tables(Path(build_dir))


@st.cache_resource(show_spinner=False, max_entries=8)
def sentences_naming(stamp: str, names: tuple[str, ...], _tables: pipeline.Tables) -> dict[str, list[str]]:
    """A few sentences naming each listed place, found once per build (not a pass over every event per rerun)."""
    return review.sentences_naming(_tables.events, names)


@st.cache_resource(show_spinner=False, max_entries=8)
def neighbours_of(stamp: str, names: tuple[str, ...], _tables: pipeline.Tables) -> dict:
    """The places named beside each listed name, once per build (a pass over every event per name was 1 s at 100k)."""
    return review.neighbours_of(list(names), _tables.events, _tables.places)


@st.cache_data(show_spinner=False, max_entries=1)
def gazetteer_places(mtime: int) -> list:
    """The gazetteer, parsed once (and again only when the file changes), not on every rerun."""
    return load_gazetteer(GAZETTEER_PATH)


try:
    refreshed = store.refresh_tables(build=ingest.build_dir())  # another instance's save shows on the next rerun
    if refreshed.warning:
        st.warning(refreshed.warning)
    tables = load_tables(refreshed.stamp, str(ingest.build_dir()))
except (DashboardError, OSError, ValueError) as exc:
    st.info(f"Nothing to review yet: {md(exc)}")
    st.stop()


def rebuild_after(what: str) -> None:
    try:
        with st.spinner("Rebuilding the tables…"):
            ingest.rebuild()
        st.session_state.review_message = f"{what} The map uses it from now on."
    except (DashboardError, OSError) as exc:
        st.session_state.review_message = None
        st.error(md(f"{what} But the rebuild failed: {exc}"))


if st.session_state.get("review_message"):
    st.success(md(st.session_state.review_message))

st.subheader("Places to check")
todo = review.needs_review(tables.places)
if todo.empty:
    st.caption("Every place is placed by the gazetteer or by hand.")
gazetteer = gazetteer_places(GAZETTEER_PATH.stat().st_mtime_ns)
cache = NominatimCache(GeocodeSettings.from_env().cache_path)
shown = todo.head(30)
listed = tuple(str(n) for n in shown["name"])
naming = sentences_naming(pipeline.build_stamp(ingest.build_dir()), listed, tables)
around_all = neighbours_of(pipeline.build_stamp(ingest.build_dir()), listed, tables)
for _, row in shown.iterrows():
    name = str(row["name"])
    k = content_hash(name)[:10]
    why = wording.plain(row["reason"]) or f"placed by {row['via']} with confidence {row['confidence']:.2f}"
    with st.expander(f"{md(name)} — {md(why)}", expanded=row["status"] == "unresolved"):
        st.text("Written as: " + ", ".join(row["mentions"]))
        for text in naming.get(name, []):
            st.text(f"“{text}”")
        choices = review.candidates(name, gazetteer, cache)
        around = around_all[name]
        labels = [review.candidate_label(c, around) for c in choices] + ["Enter coordinates", review.NOT_A_PLACE]
        first = 0 if choices and choices[0].confident else None  # a guess is never pre-selected
        pick = st.radio("Where is it?", labels, index=first, key=f"pick_{k}", disabled=read_only,
                        format_func=md)
        chosen = next((c for c, label in zip(choices, labels, strict=False) if label == pick), None)
        a, b, c, d = st.columns(4)
        lat = a.number_input("Latitude", -90.0, 90.0, value=chosen.lat if chosen else 0.0, format="%.5f",
                             key=f"lat_{k}", disabled=read_only or chosen is not None)  # fmt: skip
        lon = b.number_input("Longitude", -180.0, 180.0, value=chosen.lon if chosen else 0.0, format="%.5f",
                             key=f"lon_{k}", disabled=read_only or chosen is not None)  # fmt: skip
        kind = c.selectbox("Kind", KINDS, index=KINDS.index(chosen.kind) if chosen else 0, key=f"kind_{k}",
                           disabled=read_only or chosen is not None)  # fmt: skip
        country = d.text_input("Country code", value=chosen.country if chosen else "", key=f"cc_{k}",
                               disabled=read_only or chosen is not None)  # fmt: skip
        note = st.text_input("Note (how you know)", key=f"note_{k}", disabled=read_only)
        if st.button(f"Save place for {md(name)}", key=f"fix_{k}", disabled=read_only) and ready_to_write():
            try:
                if pick == review.NOT_A_PLACE:
                    review.save_not_a_place(name, by=who, note=note)
                    rebuild_after(f"Saved: {name} is not a place; undo it under “places fixed by hand”.")
                    st.rerun()
                if pick is None:
                    raise DashboardError("Pick where it is, enter coordinates, or choose “not a place”.")
                if chosen is not None:
                    lat, lon, kind, country = chosen.lat, chosen.lon, chosen.kind, chosen.country
                    note = note or f"same as {chosen.name} ({chosen.origin})"
                elif lat == 0.0 and lon == 0.0:
                    raise DashboardError("Enter the latitude and longitude (0, 0 is in the sea off Africa).")
                review.save_override(name, lat, lon, kind, by=who, country=country, note=note)
                rebuild_after(f"Saved: {name} at {lat:.5f}, {lon:.5f}.")
                st.rerun()
            except DashboardError as exc:
                st.error(f"Not saved: {md(exc)}")

try:
    overrides = review.load_overrides()
except DashboardError:  # the store is out of reach: the warning above says so; nothing to undo meanwhile
    overrides = {}
if overrides:
    with st.expander(f"{wording.count(len(overrides), 'place')} fixed by hand"):
        st.dataframe([vars(o) for o in overrides.values()], hide_index=True)
        undo = st.selectbox("Undo a fix", sorted(o.name for o in overrides.values()), key="undo_pick",
                            disabled=read_only)  # fmt: skip
        if st.button("Remove this fix", key="undo_fix", disabled=read_only) and undo and ready_to_write():
            try:
                if review.remove_override(undo, by=who):
                    rebuild_after(f"Removed the hand-made place for {undo}; the gazetteer or geocoder decides again.")
                    st.rerun()
            except DashboardError as exc:
                st.error(f"Not removed: {exc}")

geocoded = cache.entries()
if geocoded:
    with st.expander(f"{len(geocoded)} names asked of the online geocoder (answers and misses, with when)"):
        st.dataframe(geocoded, hide_index=True)
        forget = st.selectbox("Forget an answer (the next build asks again)", [e["query"] for e in geocoded],
                              key="forget_pick", disabled=read_only)  # fmt: skip
        if st.button("Forget this answer", key="forget_btn", disabled=read_only) and forget and ready_to_write():
            if cache.remove(forget):
                rebuild_after(f"Forgot the geocoder's answer for {forget}.")
                st.rerun()

st.subheader("Mark extracted items wrong")
st.caption("A marked event or quote is hidden from the map, lists and exports, never deleted; unmark it to undo.")
query = st.text_input("Find events and quotes (words, place, source)", key="mark_query", max_chars=200)


def matching(frame, text_col: str, id_col: str):  # noqa: ANN001, ANN202
    """Rows matching the search (at most 50), plus every row already marked, so marks can be undone."""
    hit = frame[frame[text_col].str.contains(query, case=False, regex=False)] if query else frame.head(20)
    return frame[frame[id_col].isin(set(hit[id_col].head(50))) | frame["hidden"]]


for label, frame, id_col, kind in (("Events", tables.events, "event_id", "event"),
                                   ("Quotes", tables.quotes, "quote_id", "quote")):  # fmt: skip
    rows = matching(frame, "text", id_col)
    texts = dict(zip(rows[id_col], rows["text"], strict=True))
    refs = {i: f"{Path(str(pa)).name}:{int(n)}"
            for i, pa, n in zip(rows[id_col], rows["path"], rows["line"], strict=True)}  # fmt: skip
    marked = [i for i, h in zip(rows[id_col], rows["hidden"], strict=True) if h]
    chosen_ids = st.multiselect(f"{label} marked wrong", list(texts), default=marked, key=f"marks_{kind}_{query}",
                                format_func=lambda i, t=texts, r=refs: f"{r[i]} · {t[i][:90]}",
                                disabled=read_only)  # fmt: skip
    if st.button(f"Save {label.lower()} marks", key=f"save_marks_{kind}", disabled=read_only) and ready_to_write():
        changed = [(i, i in chosen_ids) for i in texts if (i in chosen_ids) != (i in marked)]
        done = 0
        try:
            for item_id, wrong in changed:
                review.set_mark(item_id, kind, wrong, by=who)
                done += 1
        except DashboardError as exc:
            st.error(md(f"Saved {done} of {wording.count(len(changed), 'mark change')}; "
                        f"the rest were not saved: {exc}"))  # fmt: skip
        else:
            rebuild_after(wording.sentence(f"saved {wording.count(len(changed), 'change')} to {label.lower()} marks"))
            st.rerun()
