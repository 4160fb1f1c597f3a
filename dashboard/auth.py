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
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

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


# -- guessing the key ----------------------------------------------------------------------

MAX_FAILURES = 5  # wrong keys allowed before a lockout, per session and per client
FIRST_LOCKOUT = 60.0  # seconds; doubles with every further wrong key, up to MAX_LOCKOUT
MAX_LOCKOUT = 3600.0


@dataclass
class _Tally:
    failures: int = 0
    locked_until: float = 0.0


class KeyGuard:
    """Rate-limits editor-key attempts per session and per client (its IP address), and logs failures.

    After `MAX_FAILURES` wrong keys from one session or one client, every attempt from it is
    refused unchecked for `FIRST_LOCKOUT` seconds, doubling with each further wrong key. The
    message says how long to wait. A key entered once is judged once: the page reruns on every
    click with the same text in the box, and a rerun is not a new guess. One guard serves the
    whole server (the page keeps it in a process-wide cache), so opening new sessions does not
    reset a client's count.
    """

    def __init__(self, max_failures: int = MAX_FAILURES, first_lockout: float = FIRST_LOCKOUT,
                 max_lockout: float = MAX_LOCKOUT, clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.max_failures, self.first_lockout, self.max_lockout = max_failures, first_lockout, max_lockout
        self._clock = clock
        self._lock = threading.Lock()
        self._tallies: dict[tuple[str, str], _Tally] = {}
        self._judged: dict[str, tuple[str, Access]] = {}  # session -> (fingerprint of the key, verdict)

    def access(self, env: Mapping[str, str] | None, configured_key: str | None, entered_key: str | None,
               session: str, client: str | None, user_email: str | None = None,
               editors: Sequence[str] | None = None) -> Access:  # fmt: skip
        """Like `access`, with attempts counted and a locked-out visitor refused unchecked."""
        plain = access(env, configured_key, None, user_email, editors)
        if plain.can_edit or not plain.key_required or not entered_key:
            return plain
        fingerprint = hmac.new(b"editor-key-attempt", entered_key.encode(), "sha256").hexdigest()
        with self._lock:
            judged = self._judged.get(session)
            if judged and judged[0] == fingerprint:
                return judged[1]
            # No address known (some proxies): counted per session only, or one guesser would lock out all.
            keys = [("session", session)] + ([("client", client)] if client else [])
            wait = max(self._tallies.get(k, _Tally()).locked_until for k in keys) - self._clock()
            if wait > 0:
                return Access(False, f"Read-only: too many wrong editor keys. Try again in {math.ceil(wait)} s.", True)
            verdict = access(env, configured_key, entered_key, user_email, editors)
            if verdict.can_edit:
                for k in keys:
                    self._tallies.pop(k, None)
            else:
                verdict = self._count_failure(verdict, keys, client, session)
            if len(self._judged) > 10_000:  # one entry per session; forget the oldest half
                for old in list(self._judged)[:5_000]:
                    del self._judged[old]
            self._judged[session] = (fingerprint, verdict)
            return verdict

    def _count_failure(self, verdict: Access, keys: list[tuple[str, str]], client: str | None,
                       session: str) -> Access:  # fmt: skip
        for k in keys:
            tally = self._tallies.setdefault(k, _Tally())
            tally.failures += 1
            if tally.failures >= self.max_failures:
                extra = tally.failures - self.max_failures
                tally.locked_until = self._clock() + min(self.max_lockout, self.first_lockout * 2**extra)
        counts = {"client": 0} | {k[0]: self._tallies[k].failures for k in keys}
        wait = max(self._tallies[k].locked_until for k in keys) - self._clock()
        log.warning("wrong editor key from client %s (session %s): %d wrong from this client, %d from this session",
                    client or "unknown", session[:8], counts["client"], counts["session"])  # fmt: skip
        left = self.max_failures - max(counts.values())
        if left > 0:
            return Access(False, f"{verdict.reason} {left} more wrong {'key' if left == 1 else 'keys'} "
                          "and editing is locked for a while.", True)  # fmt: skip
        return Access(False, f"{verdict.reason} Too many wrong keys: try again in {math.ceil(wait)} s.", True)
