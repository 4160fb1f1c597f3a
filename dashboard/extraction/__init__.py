"""Extraction: from a document's text to its places, dated events and quotes, with no I/O.

`extract.Extractor` reads a text line by line; the modules under it do one thing each: `text` cuts
lines into quotes and sentences, `dates` reads dates, `phrases` finds known names, `quotes` finds
quotations and their speakers, `claims` says how sure the reporting is, and `lexicon` holds the word
lists they read. `evaluate` scores the extractor on a labelled corpus (`python -m dashboard evaluate`).
"""
