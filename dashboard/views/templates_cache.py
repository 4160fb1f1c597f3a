"""Compile folium/branca template strings once per process, and never compile text that has no template syntax.

branca's `Element(template=...)` compiles its argument with Jinja in `__init__`. A
folium map builds about fifteen such elements per rerun: a few fixed templates
(the figure, our CSS) and, in `MacroElement.render`, every element's already
rendered script or HTML, wrapped in an `Element` and compiled as if it were a
template. That was about 20 ms of every rerun at 100k events. `install()`
replaces branca's `Template` with one that

- returns the text itself for text with no Jinja syntax (what Jinja would render
  for it: the text, less one trailing newline), compiling only if something asks
  for the template's module;
- compiles each small template source once and shares it (a compiled
  `jinja2.Template` is immutable): the fixed strings are compiled once per process.
"""

from __future__ import annotations

import threading
from typing import Any

import jinja2

_CACHE: dict[str, jinja2.Template] = {}
_LOCK = threading.Lock()
MAX_TEMPLATES = 256
MAX_CACHED_SOURCE = 8192  # a longer source is rendered data, not one of the fixed templates
_SYNTAX = ("{{", "{%", "{#")


class PlainText:
    """A template for text without Jinja syntax: renders the text as Jinja would, with no compile."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._text = source[:-1] if source.endswith("\n") else source  # Jinja drops one trailing newline

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self._text

    @property
    def module(self) -> Any:
        return jinja2.Template(self.source).module


class SharedTemplate(jinja2.Template):
    """`Template(source)`: plain text for plain text, one compiled template per small source."""

    def __new__(cls, source: Any = None, *args: Any, **kwargs: Any) -> Any:  # type: ignore[misc]
        if args or kwargs or not isinstance(source, str):
            return jinja2.Template(source, *args, **kwargs)
        if not any(mark in source for mark in _SYNTAX):
            return PlainText(source)
        template = _CACHE.get(source)
        if template is None:
            template = jinja2.Template(source)
            if len(source) <= MAX_CACHED_SOURCE:
                with _LOCK:
                    if len(_CACHE) < MAX_TEMPLATES:
                        _CACHE[source] = template
        return template


def install() -> None:
    import branca.element

    branca.element.Template = SharedTemplate  # type: ignore[misc]
