"""The dashboard: Streamlit wiring only. Logic lives in query, views, maplayer and exports.

Run with `streamlit run dashboard/app.py` (or `make run`).
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

from dashboard import assets, exports, maplayer, navigation, pipeline, views
from dashboard.errors import DashboardError
from dashboard.query import CLAIMS, KINDS, Filters, events_for_place, from_params, quotes_for_place, select, to_params

try:
    from dashboard import briefing
except ImportError:  # another engineer's module; the button appears once it exists
    briefing = None

NONE = "(no place selected)"
TABLE_ROWS = 1000  # events shown in the page's table; the CSV export holds every one
st.set_page_config(page_title="News map: events, places and quotes", layout="wide")


def map_page() -> None:
    """The map page is the rest of this script; this only gives it a name in the page list."""


# The page list: "Map" (this script) first, then every script in dashboard/pages/, found on each run.
MAP_PAGE = st.Page(map_page, title=navigation.MAP_TITLE, default=True)
page = st.navigation([MAP_PAGE, *(st.Page(path) for path in navigation.page_scripts())])
page.run()
if page is not MAP_PAGE:
    st.stop()
LOCAL_ASSETS = assets.ensure_static_assets()  # False: Leaflet comes from the public CDN instead


@st.cache_data(show_spinner=False, max_entries=4)
def load_tables(stamp: str, build_dir: str) -> pipeline.Tables:
    return pipeline.read_tables(Path(build_dir))


@st.cache_data(show_spinner=False, max_entries=4)
def home_view(stamp: str, _tables: pipeline.Tables) -> tuple[list[float], int]:
    """The default view, from all the data: it must not move when the filters change."""
    return maplayer.default_view(select(_tables.events, _tables.quotes, _tables.places, Filters()).places)


def tables_or_stop() -> tuple[str, pipeline.Tables]:
    stamp = pipeline.build_stamp(pipeline.build_dir())
    if not stamp:
        with st.spinner(f"No tables yet: building them from {pipeline.seeds_dir()} (first run only)…"):
            try:
                pipeline.build(pipeline.seeds_dir(), pipeline.build_dir())
            except Exception as exc:  # noqa: BLE001 - shown to the user instead of a traceback
                st.error(f"Could not build the tables: {exc}\n\nFix the problem above, then run "
                         "`python -m dashboard build` (or `make build`) and reload this page.")  # fmt: skip
                st.stop()
        stamp = pipeline.build_stamp(pipeline.build_dir())
    try:
        return stamp, load_tables(stamp, str(pipeline.build_dir()))
    except (DashboardError, OSError, ValueError) as exc:
        st.error(f"Could not read the tables in {pipeline.build_dir()}: {exc}\n\n"
                 "Rebuild them with `python -m dashboard build` and reload this page.")  # fmt: skip
        st.stop()
        raise  # unreachable: st.stop() ends the run


@st.cache_data(show_spinner=False, max_entries=4)
def filter_choices(stamp: str, _tables: pipeline.Tables) -> tuple[tuple | None, dict[str, list[str]]]:
    """The date limits and the filters' options: per build, not per rerun (100k events' sources)."""
    options = {
        "kinds": list(KINDS), "claims": list(CLAIMS), "sources": views.source_options(_tables.events),
        "places": sorted(_tables.places["name"].astype(str), key=str.casefold),
    }  # fmt: skip
    return views.date_bounds_of(_tables.events), options


stamp, tables = tables_or_stop()
bounds, options = filter_choices(stamp, tables)

if "kept_view" not in st.session_state:  # first run of this session: open the view the URL describes
    url_filters, url_selected, notes = from_params(st.query_params.to_dict())
    st.session_state.update(kept_view=st.query_params.to_dict(), selected=url_selected, url_notes=notes)
if views.widgets_lost(st.session_state, stamp, bool(bounds)):  # first run, back from another page, or rebuilt
    kept_filters, _, _ = from_params(st.session_state.kept_view)
    defaults, more = views.widget_defaults(kept_filters, bounds, options)
    if "kept_stamp" not in st.session_state:  # the link's values that did not fit the data
        st.session_state.url_notes += more
    st.session_state.update(defaults, kept_stamp=stamp)

with st.sidebar:
    st.header("Filters")
    if bounds:
        st.date_input("Dates", min_value=bounds[0], max_value=bounds[1], key="f_dates")
        components.html(views.ENTER_APPLIES_DATES_JS, height=0)  # Enter applies a typed date
    st.multiselect("Place kind", options["kinds"], key="f_kinds")
    st.multiselect("Source", options["sources"], key="f_sources")
    st.multiselect("Claim status", options["claims"], key="f_claims")
    st.multiselect("Places named", options["places"], key="f_places")
    st.text_input("Search text", key="f_query", max_chars=200)

filters = views.filters_from_inputs(
    st.session_state.get("f_dates"), bounds, st.session_state.f_kinds, st.session_state.f_sources,
    st.session_state.f_claims, st.session_state.f_places, st.session_state.f_query,
)  # fmt: skip
sel = select(tables.events, tables.quotes, tables.places, filters)

st.html(views.PAGE_CSS)
st.title("Events, places and quotes")
st.markdown(f"**{views.count_line(sel, filters)}**")
st.caption("Showing: " + "; ".join(filters.describe()))
for note in st.session_state.get("url_notes", []):
    st.warning(f"Permalink: {note}")

map_col, panel_col = st.columns([3, 2])
selected = st.session_state.selected
with map_col:
    placed = sel.places[sel.places["lat"].notna()]
    out = st_folium(  # the places layer fits the view to what the filters show, and pans to a selected place
        maplayer.base_map(home_view(stamp, tables), local_assets=LOCAL_ASSETS, outlines_url=assets.outlines_url()),
        key="map", height=520, use_container_width=True,
        feature_group_to_add=maplayer.places_layer(sel.places, selected),
        returned_objects=["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"],
    )  # fmt: skip
    clicked = (out or {}).get("last_object_clicked")
    token = json.dumps([(out or {}).get("last_object_clicked_count"), clicked], sort_keys=True)
    if clicked and token != st.session_state.get("click_token"):
        st.session_state.click_token = token  # #316: a repeated click is not resent, so remember the last one
        name = views.place_from_click(placed, clicked, (out or {}).get("last_object_clicked_tooltip"))
        if name and name != selected:
            st.session_state.selected = st.session_state.place_pick = name
            st.rerun()


def pick_changed() -> None:
    pick = st.session_state.place_pick
    st.session_state.selected = None if pick == NONE else pick


with panel_col:
    names = [str(n) for n in sel.places["name"]]
    if selected and selected not in names:
        names.append(selected)
    st.session_state.place_pick = selected or NONE
    st.selectbox("Place", [NONE, *names], key="place_pick", on_change=pick_changed)
    if selected:
        row = tables.places[tables.places["name"] == selected]
        place = row.iloc[0].to_dict() if len(row) else None
        st.html(views.place_panel_html(place, selected, events_for_place(sel, selected),
                                       quotes_for_place(sel, selected), tables.documents))  # fmt: skip
    else:
        st.info("Click a marker on the map, or pick a place above, to list its events and quotes.")

st.subheader("Events per day")
timeline = views.timeline_frame(sel.events, filters.date_from, filters.date_to)
if len(timeline):
    st.altair_chart(views.timeline_chart(timeline), width="stretch")
else:
    st.caption("No events dated to the day under these filters.")

st.subheader("Events")
shown = views.events_table(views.shown_events(sel, filters))
if len(shown) > TABLE_ROWS:  # the whole table would be resent on every rerun: the CSV below has every row
    st.caption(f"The first {TABLE_ROWS:,} of {len(shown):,} events; the CSV export below has them all.")
    shown = shown.head(TABLE_ROWS)
st.dataframe(shown, hide_index=True, width="stretch")
if views.is_ranged(filters) and len(sel.undated):
    with st.expander(f"{views.plural(len(sel.undated), 'event')} without a day, listed apart"):
        st.dataframe(views.undated_table(sel.undated), hide_index=True, width="stretch")
st.subheader("Quotes")
st.caption("Who said what, with the line it comes from; quotes tied to no place are listed too.")
quotes_shown = sel.quotes.head(TABLE_ROWS)  # slice first, then format: the CSV export has every quote
if len(sel.quotes) > TABLE_ROWS:
    st.caption(f"The first {TABLE_ROWS:,} of {len(sel.quotes):,} quotes; the CSV export below has them all.")
st.dataframe(views.quotes_table(quotes_shown, tables.documents), hide_index=True, width="stretch")
if views.is_ranged(filters) and len(sel.undated_quotes):
    with st.expander(f"{views.plural(len(sel.undated_quotes), 'quote')} without a day, listed apart"):
        st.dataframe(views.quotes_table(sel.undated_quotes.head(TABLE_ROWS), tables.documents), hide_index=True,
                     width="stretch")  # fmt: skip
if len(sel.unplaced):
    with st.expander(f"{views.plural(len(sel.unplaced), 'place')} not on the map"):
        st.dataframe(views.unplaced_table(sel.unplaced), hide_index=True, width="stretch")
if tables.manifest.get("problems"):
    with st.expander("Problems reported by the last build"):
        st.text("\n".join(tables.manifest["problems"]))

st.subheader("Export what is shown")


def briefing_or_reason() -> str:
    try:
        return briefing.briefing_html(tables, filters)
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
if briefing is not None:
    cols[3].download_button("Download briefing", briefing_or_reason, named("briefing", "html"), "text/html",
                            on_click="ignore")  # fmt: skip

params = to_params(filters, st.session_state.selected)
st.session_state.kept_view = params  # what the widgets are refilled from after another page or a rebuild
if st.query_params.to_dict() != params:
    st.query_params.from_dict(params)
