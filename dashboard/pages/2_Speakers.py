"""Who said what: Streamlit wiring only; the tables come from dashboard/corpus/speakers.py.

Quotes are news text: shown only in st.dataframe cells (plain text, never Markdown or HTML).
The filters in the page's URL (the map page's permalink parameters) apply here too.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.corpus import pipeline, speakers
from dashboard.views import panels
from dashboard.views.query import from_params, select

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
    quotes = speakers.assign_speaker_ids(quotes)
selection = select(tables.events, quotes, tables.places, filters)
shown = selection.quotes[selection.quotes["hidden"].ne(True)] if "hidden" in selection.quotes else selection.quotes
st.text(panels.filters_caption(filters, len(shown)))  # st.text: URL values never render as Markdown
for note in notes:
    st.text(note)

table = speakers.speakers_table(shown)
if table.empty:
    st.info("No attributed quotes match these filters.")
    st.stop()
choices = speakers.speaker_choices(table)
picked = st.selectbox("Speaker", ["(everyone)", *choices], key="speaker")
sid = choices.get(picked)
st.dataframe(speakers.speaker_quotes(shown, sid), hide_index=True, width="stretch")
if sid:
    row = table[table["speaker_id"] == sid].iloc[0]
    st.text("Places spoken about: " + ("; ".join(row["places"]) or "none named"))
