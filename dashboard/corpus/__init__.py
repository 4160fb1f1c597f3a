"""The corpus: documents in, tables out.

`documents` are the source texts and their metadata; `store` keeps them with people's `fixes`
(place overrides, marks) in files or a database; `ingest` adds an article and `review` records a
fix. `pipeline` runs the extraction over every document (in time-limited worker processes,
`isolate`; or mapped by an engine, `distributed`), places the names and reduces the rows
(`rowstore`, `merge`, `speakers`) into the tables that every view reads.
"""
