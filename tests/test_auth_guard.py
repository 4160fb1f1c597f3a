"""Guessing the editor key: counted per session and per client, locked out with the wait said, logged."""

from __future__ import annotations

import logging

import pytest

from dashboard.auth import KeyGuard

KEY = "a-long-random-editor-key-for-tests"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def guess(guard: KeyGuard, entered: str, session: str = "s1", client: str = "10.0.0.1"):  # noqa: ANN201
    return guard.access({}, KEY, entered, session, client)


def test_five_wrong_keys_lock_the_session_out_and_say_how_long(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    guard = KeyGuard(clock=clock)
    with caplog.at_level(logging.WARNING, logger="dashboard.auth"):
        for i in range(4):
            acc = guess(guard, f"wrong-{i}")
            assert not acc.can_edit and f"{4 - i} more wrong" in acc.reason
        acc = guess(guard, "wrong-4")
    assert not acc.can_edit and "try again in 60 s" in acc.reason
    assert len([r for r in caplog.records if "wrong editor key from client 10.0.0.1" in r.getMessage()]) == 5
    assert KEY not in caplog.text and "wrong-4" not in caplog.text  # the guesses are not logged
    # locked: even the right key is refused, unchecked, with the time left
    clock.now += 20
    acc = guess(guard, KEY)
    assert not acc.can_edit and "too many wrong editor keys" in acc.reason and "40 s" in acc.reason
    clock.now += 41
    assert guess(guard, KEY).can_edit


def test_the_lockout_doubles_with_each_further_wrong_key() -> None:
    clock = Clock()
    guard = KeyGuard(clock=clock)
    for i in range(5):
        guess(guard, f"wrong-{i}")
    clock.now += 61
    assert "try again in 120 s" in guess(guard, "wrong-5").reason


def test_new_sessions_from_one_client_share_its_count() -> None:
    guard = KeyGuard(clock=Clock())
    for i in range(5):
        guess(guard, f"wrong-{i}", session=f"fresh-{i}")
    acc = guess(guard, KEY, session="fresh-9")
    assert not acc.can_edit and "too many wrong editor keys" in acc.reason
    assert guess(guard, KEY, session="other", client="10.0.0.2").can_edit  # another client is not locked


def test_a_rerun_with_the_same_key_in_the_box_is_not_a_new_guess() -> None:
    guard = KeyGuard(clock=Clock())
    for _ in range(20):
        acc = guess(guard, "wrong")
    assert "4 more wrong" in acc.reason


def test_no_key_configured_or_editing_on_are_untouched() -> None:
    guard = KeyGuard(clock=Clock())
    assert not guard.access({}, None, "x", "s", "c").can_edit
    assert guard.access({"DASHBOARD_EDITING": "1"}, None, None, "s", "c").can_edit
