"""Who may write: adding documents, fixing places and marking items wrong.

Locally (``make run`` sets ``DASHBOARD_EDITING=1``) editing is on. On a hosted deployment it is
off unless an editor key is configured in Streamlit secrets (``editor_key``, never in the repo)
and the visitor enters it; everyone else can read everything and change nothing. On a host with
sign-in (``st.login`` / ``st.user``) the signed-in address is the editor of record, and
``editors = ["ana@example.org", ...]`` in secrets limits editing to those addresses. The page reads
``st.secrets``; this module only decides, so the rule is testable without Streamlit.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

EDITING_ENV = "DASHBOARD_EDITING"


@dataclass(frozen=True)
class Access:
    can_edit: bool
    reason: str  # shown to the user: why editing is on or off
    key_required: bool  # a key is configured and must be entered to edit
    who: str | None = None  # the signed-in user's address: the editor of record (no name to type)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def access(env: Mapping[str, str] | None = None, configured_key: str | None = None,
           entered_key: str | None = None, user_email: str | None = None,
           editors: Sequence[str] | None = None) -> Access:  # fmt: skip
    """Whether this visitor may write, and the sentence that explains it.

    ``user_email`` is the signed-in user's address (None when nobody is signed in); ``editors`` the
    addresses allowed to edit (from secrets; None or empty: no such list, the key rule applies).
    """
    env = os.environ if env is None else env
    email = (user_email or "").strip() or None
    allowed = {e.strip().casefold() for e in (editors or []) if str(e).strip()}
    if email is not None:
        base = access(env, configured_key, entered_key)
        if base.can_edit and not allowed:
            return Access(True, f"{base.reason} Signed in as {email}: changes are recorded under that address.",
                          base.key_required, email)  # fmt: skip
        if allowed:
            if email.casefold() in allowed:
                return Access(True, f"Editing is on: signed in as {email}, on this server's list of editors.",
                              False, email)  # fmt: skip
            return Access(False, f"Read-only: signed in as {email}, which is not on this server's list of editors. "
                          "Ask an administrator to add it to `editors` in the secrets.", False, email)  # fmt: skip
        return Access(False, f"Signed in as {email}. {base.reason}", base.key_required, email)
    if allowed and not _flag(env.get(EDITING_ENV)):
        return Access(False, "Read-only: sign in to edit (editing is limited to this server's list of editors).",
                      False)  # fmt: skip
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
