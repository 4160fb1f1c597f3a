"""Views: what the app, the exports and the briefings show, read from the tables.

`query` filters the tables into a `Selection` (the one value every view draws from); `pagedata` cuts
the main page's share of it once per set of filters; `panels` formats places, events, quotes and
tables as escaped text; `maplayer` draws the folium map (with `assets`, the offline Leaflet files,
and `templates_cache`); `exports` writes CSV and GeoJSON; `safe_text` and `wording` are the words
the pages show. Nothing here imports streamlit, so every piece is tested without a browser.
"""
