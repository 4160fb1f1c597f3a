"""Who is editing: the signed-in user when there is one (limited to `editors` in secrets), else the editor key."""

from __future__ import annotations

from dashboard.auth import access


def test_a_signed_in_user_on_the_list_edits_under_their_address() -> None:
    a = access({}, None, None, "Ana@Example.org", ["ana@example.org", "ben@example.org"])
    assert (a.can_edit, a.who) == (True, "Ana@Example.org")


def test_a_signed_in_user_not_on_the_list_reads_only_even_with_the_key() -> None:
    a = access({}, "s3cret", "s3cret", "eve@example.org", ["ana@example.org"])
    assert (a.can_edit, a.who) == (False, "eve@example.org")
    assert "not on this server's list of editors" in a.reason


def test_with_a_list_nobody_signed_out_edits_but_the_local_flag_still_does() -> None:
    assert access({}, "s3cret", "s3cret", None, ["ana@example.org"]).can_edit is False
    assert access({"DASHBOARD_EDITING": "1"}, None, None, None, ["ana@example.org"]).can_edit is True


def test_without_a_list_the_key_decides_and_the_signed_in_address_is_recorded() -> None:
    assert access({}, "s3cret", "wrong", "ben@example.org", None).can_edit is False
    a = access({}, "s3cret", "s3cret", "ben@example.org", [])
    assert (a.can_edit, a.who) == (True, "ben@example.org")
    assert access({}, "s3cret", "s3cret").who is None  # signed out: the typed name is recorded, as before
