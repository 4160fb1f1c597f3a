"""Who said what: Streamlit wiring only; the tables come from dashboard/views/speakers.py.

Quotes are news text: shown only in st.dataframe cells (plain text, never Markdown or HTML).
The filters in the page's URL (the map page's permalink parameters) apply here too. Picking a
speaker highlights the places they spoke about on a map beside the list (dashboard/views/maplayer.py);
clicking a place on that map lists only the quotes that name it (?about=PLACE in the address).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from dashboard import navigation
from dashboard.corpus import pipeline
from dashboard.corpus.speakers import assign_speaker_ids
from dashboard.views import assets, controls, maplayer, speakers
from dashboard.views.query import from_params, select

if navigation.entered_without_app(st.session_state):  # a fresh server's first request, straight to this page
    st.navigation([st.Page(navigation.ENTRY_SCRIPT, title=navigation.MAP_TITLE, default=True),
                   *map(st.Page, navigation.page_files())])  # turns Streamlit's pages/ fallback off...
    st.rerun()  # ...so this run goes through app.py, which names every page ("Map", not "app")
st.set_page_config(page_title="Speakers", layout="wide")
st.title("Speakers: who said what, when, about which places")


@st.cache_data(show_spinner=False, max_entries=4)
def load_tables(stamp: str, build_dir: str) -> pipeline.Tables:
    return pipeline.read_tables(Path(build_dir))


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
quotes = tables.quotes
if "speaker_id" not in quotes.columns:
    quotes = assign_speaker_ids(quotes)
selection = select(tables.events, quotes, tables.places, filters)
shown = selection.quotes[selection.quotes["hidden"].ne(True)] if "hidden" in selection.quotes else selection.quotes
st.text(controls.filters_caption(filters, len(shown)))  # st.text: URL values never render as Markdown
for note in notes:
    st.text(note)

table = speakers.speakers_table(shown)
if table.empty:
    st.info("No attributed quotes match these filters.")
    st.stop()
choices = speakers.speaker_choices(table)
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
drawn = speakers.map_places(selection.places, tables.places, shown)
placed_names = set(drawn.loc[drawn["lat"].notna(), "name"].astype(str)) if len(drawn) else set()
if "about" not in st.session_state:  # a new visit: the link's place, if the map draws it
    linked_place = st.query_params.get(speakers.PLACE_PARAM)
    st.session_state["about"] = linked_place if linked_place in placed_names else None
about = st.session_state["about"] if st.session_state["about"] in placed_names else None
if about:  # the address bar names the place too, so a shared link lists the same quotes
    st.query_params[speakers.PLACE_PARAM] = about
elif speakers.PLACE_PARAM in st.query_params:
    del st.query_params[speakers.PLACE_PARAM]


def list_every_place() -> None:
    st.session_state["about"] = None


map_col, text_col = st.columns([3, 2])
with map_col:  # the base map never changes on this page, so picking a speaker redraws the places, not the map
    out = st_folium(
        maplayer.base_map(maplayer.default_view(tables.places), local_assets=assets.ensure_static_assets(),
                          outlines_url=assets.outlines_url()),
        key="speaker_map", height=460, use_container_width=True,
        feature_group_to_add=maplayer.places_layer(drawn, selected=about, highlighted=spoken),
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
listed = speakers.speaker_quotes(speakers.quotes_about(shown, about), sid)
with text_col:
    if sid:
        st.text(speakers.places_caption(str(speaker_name), spoken, drawn))
    else:
        st.text("Pick a speaker to highlight on the map the places they spoke about.")
    if about:
        st.text(speakers.about_caption(about, len(listed), speaker_name))
        st.button("List every place's quotes", on_click=list_every_place)
    else:
        st.text("Click a place on the map to list only the quotes that name it.")
st.dataframe(listed, hide_index=True, width="stretch")
