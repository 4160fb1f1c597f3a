"""Who said what: Streamlit wiring only; the tables come from dashboard/views/speakers.py.

Quotes are news text: shown only in st.dataframe cells (plain text, never Markdown or HTML).
The filters in the page's URL (the map page's permalink parameters) apply here too. Picking a
speaker highlights the places they spoke about on a map beside the list (dashboard/views/maplayer.py);
clicking a place on that map lists only the quotes that name it (?about=PLACE in the address).
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import navigation
from dashboard.corpus import pipeline
from dashboard.views import assets, controls, maplayer, pagedata, speakers
from dashboard.views.query import Filters, from_params, to_params

if navigation.entered_without_app(st.session_state):  # a fresh server's first request, straight to this page
    st.navigation([st.Page(navigation.ENTRY_SCRIPT, title=navigation.MAP_TITLE, default=True),
                   *map(st.Page, navigation.page_files())])  # turns Streamlit's pages/ fallback off...
    st.rerun()  # ...so this run goes through app.py, which names every page ("Map", not "app")
st.set_page_config(page_title="Speakers", layout="wide")
st.title("Speakers: who said what, when, about which places")


QUOTE_ROWS = 1000  # quotes listed on the page, as the map page lists 1,000 events


@st.cache_resource(show_spinner=False, max_entries=2)
def load_tables(stamp: str, build_dir: str) -> pipeline.Tables:
    return pagedata.shared_tables(stamp, build_dir)  # the map page's copy: one per server, not one per rerun


@st.cache_resource(show_spinner=False, max_entries=16)
def speakers_data(stamp: str, filters_key: str, _tables: pipeline.Tables, _filters: Filters) -> speakers.SpeakersData:
    """The quotes, speakers and map places for these filters, shared by every session (issue 12)."""
    return speakers.speakers_data(_tables, _filters)


@st.cache_resource(show_spinner=False, max_entries=64)
def quotes_listed(
    stamp: str, filters_key: str, sid: str | None, about: str | None, _data: speakers.SpeakersData
) -> tuple[int, pd.DataFrame]:
    """How many quotes the list holds and its first rows, formatted once per (build, filters, speaker, place)."""
    rows = speakers.quotes_about(_data.shown, about)
    return speakers.count_quotes(rows, sid), speakers.speaker_quotes(rows, sid, QUOTE_ROWS)


@st.cache_resource(show_spinner=False, max_entries=2)
def home_view(stamp: str, _tables: pipeline.Tables) -> tuple[list[float], int]:
    return maplayer.default_view(_tables.places)  # over every place: once per build


stamp = pipeline.build_stamp(pipeline.build_dir())
if not stamp:
    st.info("No tables yet. Open the map page first (it builds them), or run `python -m dashboard build`.")
    st.stop()
try:
    tables = load_tables(stamp, str(pipeline.build_dir()))
except Exception as exc:  # noqa: BLE001 - a plain message instead of a traceback
    st.error(f"Could not read the tables: {exc}. Rebuild them with `python -m dashboard build`.")
    st.stop()

filters, _, notes = from_params(st.query_params.to_dict())
filters_key = json.dumps(to_params(filters), sort_keys=True)
data = speakers_data(stamp, filters_key, tables, filters)
shown = data.shown
st.text(controls.filters_caption(filters, len(shown)))  # st.text: URL values never render as Markdown
for note in notes:
    st.text(note)

table = data.table
if table.empty:
    st.info("No attributed quotes match these filters.")
    st.stop()
choices = data.choices
if "speaker" not in st.session_state:  # a new visit: the link's speaker, if it names one listed here
    linked = st.query_params.get(speakers.SPEAKER_PARAM)
    label = speakers.label_for(choices, linked)
    if label:
        st.session_state["speaker"] = label
    elif linked:
        st.text(speakers.ignored_speaker(linked))  # st.text: a URL value never renders as Markdown
picked = st.selectbox("Speaker", ["(everyone)", *choices], key="speaker")
sid = choices.get(picked)
if sid:  # the address bar names the speaker, so the link shared is the view seen
    st.query_params[speakers.SPEAKER_PARAM] = sid
elif speakers.SPEAKER_PARAM in st.query_params:
    del st.query_params[speakers.SPEAKER_PARAM]
spoken = speakers.spoken_places(shown, sid)
drawn = data.drawn
about = speakers.drawn_place(drawn, st.session_state.get("about", st.query_params.get(speakers.PLACE_PARAM)))
st.session_state["about"] = about  # a new visit takes the link's place, if the map draws it
if about:  # the address bar names the place too, so a shared link lists the same quotes
    st.query_params[speakers.PLACE_PARAM] = about
elif speakers.PLACE_PARAM in st.query_params:
    del st.query_params[speakers.PLACE_PARAM]


def list_every_place() -> None:
    st.session_state["about"] = None


map_col, text_col = st.columns([3, 2])
with map_col:  # the base map never changes on this page, so picking a speaker redraws the places, not the map
    out = st_folium(
        maplayer.base_map(home_view(stamp, tables), local_assets=assets.ensure_static_assets(),
                          outlines_url=assets.outlines_url()),
        key="speaker_map", height=460, use_container_width=True,
        feature_group_to_add=maplayer.places_layer(drawn, selected=about, highlighted=spoken,
                                                   data=speakers.speaker_map_data(data, spoken)),
        returned_objects=["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"],
    )  # fmt: skip
clicked = (out or {}).get("last_object_clicked")
token = repr(((out or {}).get("last_object_clicked_count"), clicked))
if clicked and token != st.session_state.get("speaker_click"):  # a click is resent on every rerun: act once
    st.session_state["speaker_click"] = token
    name = controls.place_from_click(drawn, clicked, (out or {}).get("last_object_clicked_tooltip"))
    if name and name != about:
        st.session_state["about"] = name
        st.rerun()
speaker_name = str(table.set_index("speaker_id").loc[sid, "speaker"]) if sid else None
n_listed, listed = quotes_listed(stamp, filters_key, sid, about, data)
with text_col:
    if sid:
        st.text(speakers.places_caption(str(speaker_name), spoken, drawn))
    else:
        st.text("Pick a speaker to highlight on the map the places they spoke about.")
    if about:
        st.text(speakers.about_caption(about, n_listed, speaker_name))
        st.button("List every place's quotes", on_click=list_every_place)
    else:
        st.text("Click a place on the map to list only the quotes that name it.")
if n_listed > QUOTE_ROWS:  # 143k quotes at 1M: the whole list was 28 MB on every rerun
    st.caption(f"The first {QUOTE_ROWS:,} of {n_listed:,} quotes, oldest first; the map page's Quotes (CSV) export "
               "has them all.")  # fmt: skip
st.dataframe(listed, hide_index=True, width="stretch")
