"""From news text to a map of dated events, quotes and places."""

from __future__ import annotations

__version__ = "0.1.0"
