"""One root exception for the project; subclasses keep the built-in meaning.

Messages name the offending file or value and say what to do about it, because
they are what a user sees on the command line and in the app.
"""

from __future__ import annotations


class DashboardError(Exception):
    """Root of every error this project raises on purpose."""


class InputError(DashboardError, ValueError):
    """A document, metadata file or argument given by the user is unusable."""


class GazetteerError(DashboardError, ValueError):
    """The gazetteer (or an overrides file) has a malformed row."""


class GeocodeError(DashboardError, RuntimeError):
    """An online geocoder failed (timeout, refused, rate-limited, server error)."""
