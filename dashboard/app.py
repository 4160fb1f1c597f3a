"""The dashboard: Streamlit wiring only. Logic lives in query, views, maplayer and exports.

Run with `streamlit run dashboard/app.py` (or `make run`).
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit_folium import st_folium

from dashboard import navigation
from dashboard.briefing import pdf, report
from dashboard.corpus import pipeline, store
from dashboard.errors import DashboardError
from dashboard.views import assets, controls, exports, maplayer, pagedata, panels, safe_text, templates_cache
from dashboard.views.query import CLAIMS, KINDS, Filters, from_params, select, to_params

NONE = "(no place selected)"
TABLE_ROWS = pagedata.TABLE_ROWS  # events shown in the page's table; the CSV export holds every one
QUOTE_ROWS = pagedata.QUOTE_ROWS  # quotes shown in the page's table
st.set_page_config(page_title="News map: events, places and quotes", layout="wide")
st.set_option("client.showErrorDetails", safe_text.ERROR_DETAILS)  # last resort: a plain message, no traceback


def map_page() -> None:
    """The map page is the rest of this script; this only gives it a name in the page list."""


# The page list: "Map" (this script) first, then every script in dashboard/pages/, found on each run.
MAP_PAGE = st.Page(map_page, title=navigation.MAP_TITLE, default=True)
page = st.navigation([MAP_PAGE, *(st.Page(path) for path in navigation.page_scripts())])
navigation.mark_entered(st.session_state)
page.run()
if page is not MAP_PAGE:
    st.stop()
LOCAL_ASSETS = assets.ensure_static_assets()  # False: Leaflet comes from the public CDN instead
templates_cache.install()  # folium's templates compiled once per process, not on every rerun


# cache_resource, not cache_data: one read-only copy shared by every session. cache_data would
# unpickle a fresh copy of 100k events on every rerun (a second), and lose the filter's per-table links.
@st.cache_resource(show_spinner=False, max_entries=2)
def load_tables(stamp: str, build_dir: str) -> pipeline.Tables:
    return pagedata.shared_tables(stamp, build_dir)  # indexed for the filters, and out of the collector's way


@st.cache_resource(show_spinner=False, max_entries=16)
def page_data(stamp: str, filters_key: str, _tables: pipeline.Tables, _filters: Filters) -> pagedata.PageData:
    """What the page shows for these filters, shared by every session looking at the same build and filters."""
    return pagedata.page_data(_tables, _filters)


@st.cache_resource(show_spinner=False, max_entries=4)  # read-only and shared: cache_data unpickled it every rerun
def home_view(stamp: str, _tables: pipeline.Tables) -> tuple[list[float], int]:
    """The default view, from all the data: it must not move when the filters change."""
    return maplayer.default_view(select(_tables.events, _tables.quotes, _tables.places, Filters()).places)


def store_section() -> dict | None:
    """`[connections.store]` from the secrets (st.connection's place for a database), if there is one."""
    try:
        section = st.secrets.get("connections", {}).get("store")
    except Exception:  # noqa: BLE001 - no secrets file at all: no database configured
        return None
    return dict(section) if section else None


def tables_or_stop() -> tuple[str, pipeline.Tables]:
    """The tables, rebuilt first when the store changed (another instance's save shows on the next rerun).

    With the database out of reach the last tables read stay on screen under one warning; with no
    tables at all the page says what is wrong and stops.
    """
    try:
        source = store.configure(store_section(), lambda: st.connection("store", type="sql", pool_pre_ping=True).engine)
        with st.spinner("Reading the store…"):
            refreshed = store.refresh_tables(source, pipeline.build_dir())
    except Exception as exc:  # noqa: BLE001 - shown to the user instead of a traceback
        st.error(f"Could not build the tables: {exc}\n\nFix the problem above, then run "
                 "`python -m dashboard build` (or `make build`) and reload this page.")  # fmt: skip
        st.stop()
        raise  # unreachable: st.stop() ends the run
    if refreshed.warning:
        st.warning(refreshed.warning)
    try:
        return refreshed.stamp, load_tables(refreshed.stamp, str(pipeline.build_dir()))
    except (DashboardError, OSError, ValueError) as exc:
        st.error(f"Could not read the tables in {pipeline.build_dir()}: {exc}\n\n"
                 "Rebuild them with `python -m dashboard build` and reload this page.")  # fmt: skip
        st.stop()
        raise  # unreachable: st.stop() ends the run


@st.cache_resource(show_spinner=False, max_entries=4)  # read-only: cache_data unpickled 31k names every rerun
def filter_choices(stamp: str, _tables: pipeline.Tables) -> tuple[tuple | None, dict[str, list[str]]]:
    """The date limits and the filters' options: per build, not per rerun (100k events' sources)."""
    options = {
        "kinds": list(KINDS), "claims": list(CLAIMS), "sources": controls.source_options(_tables.events),
        "places": sorted(_tables.places["name"].astype(str), key=str.casefold),
    }  # fmt: skip
    return controls.date_bounds_of(_tables.events), options


stamp, tables = tables_or_stop()
bounds, options = filter_choices(stamp, tables)

if "kept_view" not in st.session_state:  # first run of this session: open the view the URL describes
    url_filters, url_selected, notes = from_params(st.query_params.to_dict())
    st.session_state.update(kept_view=st.query_params.to_dict(), selected=url_selected, url_notes=notes)
if controls.widgets_lost(st.session_state, stamp, bool(bounds)):  # first run, back from another page, or rebuilt
    kept_filters, _, _ = from_params(st.session_state.kept_view)
    defaults, more = controls.widget_defaults(kept_filters, bounds, options)
    if "kept_stamp" not in st.session_state:  # the link's values that did not fit the data
        st.session_state.url_notes += more
    st.session_state.update(defaults, kept_stamp=stamp)

with st.sidebar:
    st.header("Filters")
    if bounds:
        st.date_input("Dates", min_value=bounds[0], max_value=bounds[1], key="f_dates")
        st.html(controls.ENTER_APPLIES_DATES_JS, unsafe_allow_javascript=True)  # Enter applies a typed date
    st.multiselect("Place kind", options["kinds"], key="f_kinds")
    st.multiselect("Source", options["sources"], key="f_sources")
    st.multiselect("Claim status", options["claims"], key="f_claims")
    st.multiselect("Places named", options["places"], key="f_places")
    st.text_input("Search text", key="f_query", max_chars=200)

filters = controls.filters_from_inputs(
    st.session_state.get("f_dates"), bounds, st.session_state.f_kinds, st.session_state.f_sources,
    st.session_state.f_claims, st.session_state.f_places, st.session_state.f_query,
)  # fmt: skip
data = page_data(stamp, json.dumps(to_params(filters), sort_keys=True), tables, filters)
sel = data.selection

st.html(controls.PAGE_CSS)
st.title("Events, places and quotes")
st.markdown(f"**{data.count_line}**")
st.caption(safe_text.md("Showing: " + "; ".join(filters.describe())))  # the URL's text, shown as text
for note in safe_text.summarise(st.session_state.get("url_notes", [])):
    st.warning(f"Permalink: {note}")



def take_click(out: dict | None, placed: pd.DataFrame) -> bool:
    """Select the place a map click names; True when the selection changed."""
    clicked = (out or {}).get("last_object_clicked")
    token = json.dumps([(out or {}).get("last_object_clicked_count"), clicked], sort_keys=True)
    if not clicked or token == st.session_state.get("click_token"):
        return False
    st.session_state.click_token = token  # #316: a repeated click is not resent, so remember the last one
    name = controls.place_from_click(placed, clicked, (out or {}).get("last_object_clicked_tooltip"))
    if name and name != st.session_state.selected:
        st.session_state.selected = st.session_state.place_pick = name
        return True
    return False


def keep_view(filters: Filters) -> None:
    """The view in the address (the permalink) and in the session (refilled after another page): filters and place."""
    params = to_params(filters, st.session_state.selected)
    st.session_state.kept_view = params
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def rerun_map() -> None:
    """Run the map and panel again: only them after a click in them, the whole page when the page is running."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:  # a fragment-scoped rerun is refused while the whole page runs
        st.rerun()


def pick_changed() -> None:
    pick = st.session_state.place_pick
    st.session_state.selected = None if pick == NONE else pick


# A marker click, a pick in the list or "more" reruns only this fragment (the map and the place panel),
# not the tables, chart and exports below, which the selection does not change. It writes the permalink
# itself, since the end of the script does not run then.
@st.fragment
def map_and_panel(data: pagedata.PageData, filters: Filters) -> None:
    sel = data.selection
    # The click arrives as the map's value before the map is drawn again: taking it now draws this run
    # with the place selected, instead of drawing the old selection and running twice.
    take_click(st.session_state.get("map"), data.placed)
    map_col, panel_col = st.columns([3, 2])
    selected = st.session_state.selected
    with map_col:
        out = st_folium(  # the places layer fits the view to what the filters show, and pans to a selected place
            maplayer.base_map(home_view(stamp, tables), local_assets=LOCAL_ASSETS,
                              outlines_url=assets.outlines_url()),
            key="map", height=520, use_container_width=True,
            feature_group_to_add=maplayer.places_layer(sel.places, selected, data=data.map_data,
                                                       data_json=data.map_json),
            returned_objects=["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"],
        )  # fmt: skip
        if take_click(out, data.placed):  # a click the early look above could not see
            rerun_map()
    with panel_col:
        names = data.place_names if not selected or selected in data.place_names else [*data.place_names, selected]
        st.session_state.place_pick = selected or NONE
        st.selectbox("Place", [NONE, *names], key="place_pick", on_change=pick_changed)
        if selected:
            # A busy place has thousands of events: the panel shows PANEL_ROWS at a time (issue 12).
            if st.session_state.get("panel_for") != selected:
                st.session_state.panel_for, st.session_state.panel_rows = selected, pagedata.PANEL_ROWS
            panel = pagedata.place_panel(tables, sel, selected, st.session_state.panel_rows)
            st.html(panel.html)
            if panel.shown < panel.total:
                more = min(pagedata.PANEL_ROWS, panel.total - panel.shown)
                if st.button(f"Show {more} more of {panel.total:,} events", key="panel_more"):
                    st.session_state.panel_rows += pagedata.PANEL_ROWS
                    rerun_map()
        else:
            st.info("Click a marker on the map, or pick a place above, to list its events and quotes.")
    keep_view(filters)


map_and_panel(data, filters)

st.subheader("Events per day")
if len(data.timeline):  # a fixed Vega-Lite spec: st.bar_chart rebuilds it through Altair on every rerun
    st.vega_lite_chart(data.timeline_chart, pagedata.TIMELINE_SPEC, width="stretch")
else:
    st.caption("No events dated to the day under these filters.")

st.subheader("Events")
if data.n_listed > TABLE_ROWS:  # the whole table would be resent on every rerun: the CSV below has every row
    st.caption(f"The first {TABLE_ROWS:,} of {data.n_listed:,} events; the CSV export below has them all.")
st.dataframe(data.events_table, hide_index=True, width="stretch")
if data.n_undated:
    with st.expander(f"{data.n_undated} events without a day, listed apart"):
        if data.n_undated > TABLE_ROWS:
            st.caption(f"The first {TABLE_ROWS:,}; the CSV export below has them all.")
        st.dataframe(data.undated_table, hide_index=True, width="stretch")
st.subheader("Quotes")
st.caption("Who said what, with the line it comes from; quotes tied to no place are listed too.")
if data.n_quotes > QUOTE_ROWS:  # the first rows, formatted once per (build, filters): the CSV has every quote
    st.caption(f"The first {QUOTE_ROWS:,} of {data.n_quotes:,} quotes; the CSV export below has them all.")
st.dataframe(data.quotes_table, hide_index=True, width="stretch")
if data.n_undated_quotes:
    with st.expander(f"{panels.plural(data.n_undated_quotes, 'quote')} without a day, listed apart"):
        st.dataframe(data.undated_quotes_table, hide_index=True, width="stretch")
if len(sel.unplaced):
    with st.expander(f"{panels.plural(len(sel.unplaced), 'place')} not on the map"):
        st.dataframe(data.unplaced_table, hide_index=True, width="stretch")
if tables.manifest.get("problems"):
    with st.expander("Problems reported by the last build"):
        st.text("\n".join(tables.manifest["problems"]))

st.subheader("Export what is shown")


def briefing_or_reason() -> str:
    try:
        return report.briefing_html(tables, filters)
    except Exception as exc:  # noqa: BLE001 - the download must still explain itself
        return f"The briefing could not be made: {exc}"


# Files are made when their button is clicked (a callable), not on every rerun: at 100k events
# the briefing alone takes seconds, and ten users rerunning would all pay for it.
cols = st.columns(4)
def named(what: str, ext: str) -> str:
    return exports.file_name(what, filters, bounds, ext)


cols[0].download_button("Events (CSV)", lambda: exports.events_csv(sel, filters), named("events", "csv"),
                        "text/csv", on_click="ignore")  # fmt: skip
cols[1].download_button("Quotes (CSV)", lambda: exports.quotes_csv(sel, tables.documents), named("quotes", "csv"),
                        "text/csv", on_click="ignore")  # fmt: skip
cols[2].download_button("Places (GeoJSON)", lambda: exports.places_geojson_text(sel, filters),
                        named("places", "geojson"), "application/geo+json", on_click="ignore")  # fmt: skip
cols[3].download_button("Download briefing", briefing_or_reason, named("briefing", "html"), "text/html",
                            on_click="ignore")  # fmt: skip
no_pdf = pdf.pdf_unavailable_reason()
if no_pdf:
    st.caption(no_pdf)
else:
    st.download_button("Download briefing (PDF)", lambda: pdf.briefing_pdf_bytes(briefing_or_reason()),
                       named("briefing", "pdf"), "application/pdf", on_click="ignore")  # fmt: skip

keep_view(filters)  # what the widgets are refilled from after another page or a rebuild, and the permalink
