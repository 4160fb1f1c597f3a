"""Who may write: adding documents, fixing places and marking items wrong.

Locally (``make run`` sets ``DASHBOARD_EDITING=1``) editing is on. On a hosted deployment it is
off unless an editor key is configured in Streamlit secrets (``editor_key``, never in the repo)
and the visitor enters it; everyone else can read everything and change nothing. The page reads
``st.secrets``; this module only decides, so the rule is testable without Streamlit.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass

EDITING_ENV = "DASHBOARD_EDITING"


@dataclass(frozen=True)
class Access:
    can_edit: bool
    reason: str  # shown to the user: why editing is on or off
    key_required: bool  # a key is configured and must be entered to edit


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def access(env: Mapping[str, str] | None = None, configured_key: str | None = None,
           entered_key: str | None = None) -> Access:  # fmt: skip
    """Whether this visitor may write, and the sentence that explains it."""
    env = os.environ if env is None else env
    if _flag(env.get(EDITING_ENV)):
        return Access(True, f"Editing is on ({EDITING_ENV}=1 on this server).", False)
    key = (configured_key or "").strip()
    if not key:
        return Access(False, "Read-only: editing is off on this server (no editor key is configured). "
                      f"Run it locally with `make run` ({EDITING_ENV}=1) to add articles and fix places.", False)
    if entered_key and hmac.compare_digest(entered_key.strip().encode(), key.encode()):
        return Access(True, "Editing is on: editor key accepted.", True)
    if entered_key:
        return Access(False, "Read-only: that editor key is not right.", True)
    return Access(False, "Read-only: enter the editor key to add articles or fix places.", True)
