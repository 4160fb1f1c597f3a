"""Briefings: the current selection as one self-contained file for people who will not run the app.

`report` writes the HTML document (inline style, no script, nothing fetched), `svgmap` draws its
static map over country outlines, and `pdf` prints it with a headless Chromium.
"""
