"""The SQLite state store: single-use codes and all-or-nothing rotation also across two connections to one file
(two processes), revocation by family, expiry and purge, counters, and nothing stored in clear."""

from __future__ import annotations

import sqlite3
import time

import pytest

from kimai_tools.team.state import SqliteState, StateUnavailable, digest

pytestmark = pytest.mark.anyio
DATA = {"client_id": "c", "subject": "anna", "scopes": [], "resource": "http://127.0.0.1:1/mcp"}


@pytest.fixture
def path(tmp_path):
    return tmp_path / "state" / "oauth.sqlite3"


async def test_a_code_is_used_once_even_by_two_processes(path):
    one, other = SqliteState(path), SqliteState(path)
    await one.save_code("code-1", "family-1", DATA, time.time() + 60)
    assert (await other.code("code-1")).data == DATA
    assert await one.use_code("code-1") is True
    assert await other.use_code("code-1") is False
    assert (await other.code("code-1")).used is True
    assert await one.use_code("never-issued") is False


async def test_rotation_is_all_or_nothing(path):
    one, other = SqliteState(path), SqliteState(path)
    await one.save_token("refresh-1", "refresh", "fam", DATA, time.time() + 60)
    issued = [("access-2", "access", DATA, time.time() + 60), ("refresh-2", "refresh", DATA, time.time() + 60)]
    assert await one.rotate("refresh-1", issued) is True
    again = [("access-3", "access", DATA, time.time() + 60), ("refresh-3", "refresh", DATA, time.time() + 60)]
    assert await other.rotate("refresh-1", again) is False
    assert await other.token("access-3") is None and await other.token("refresh-3") is None
    assert (await other.token("refresh-2")).family == "fam"
    assert (await other.token("refresh-1")).used is True


async def test_a_revoked_family_stays_revoked_and_its_tokens_are_gone(path):
    state = SqliteState(path)
    await state.save_token("refresh-1", "refresh", "fam", DATA, time.time() + 60)
    await state.save_token("access-1", "access", "fam", DATA, time.time() + 60)
    await state.save_token("access-other", "access", "other", DATA, time.time() + 60)
    await state.revoke_family("fam")
    assert await state.token("access-1") is None and await state.token("refresh-1") is None
    assert await state.family_revoked("fam") and not await state.family_revoked("other")
    assert await state.token("access-other") is not None
    assert await state.rotate("refresh-1", [("a", "access", DATA, time.time() + 60)]) is False


async def test_purge_removes_what_expired_only(path):
    state = SqliteState(path)
    await state.save_token("old", "access", "f1", DATA, time.time() - 1)
    await state.save_token("new", "access", "f2", DATA, time.time() + 60)
    await state.save_pending("sign-in", {"x": 1}, time.time() - 1)
    await state.save_client("cimd", {"client_id": "cimd"}, time.time() - 1)
    await state.save_client("dcr", {"client_id": "dcr"})
    assert await state.purge() == 3
    assert await state.token("old") is None and await state.token("new") is not None
    assert await state.client("dcr") == {"client_id": "dcr"}
    assert await state.client("cimd") is None


async def test_sign_ins_under_way_are_taken_once_and_expire(path):
    state = SqliteState(path)
    await state.save_pending("key", {"csrf": "x"}, time.time() + 60)
    await state.save_pending("stale", {"csrf": "y"}, time.time() - 1)
    assert await state.pending("key") == {"csrf": "x"}
    assert await state.take_pending("key") == {"csrf": "x"}
    assert await state.take_pending("key") is None
    assert await state.pending("stale") is None


async def test_counters_count_per_window_and_events_slide(path):
    state = SqliteState(path)
    counts = [(await state.count("rate:1.2.3.4", 60))[0] for _ in range(3)]
    assert counts == [1, 2, 3]
    assert (await state.count("rate:5.6.7.8", 60))[0] == 1
    _, resets = await state.count("rate:1.2.3.4", 60)
    assert time.time() < resets <= time.time() + 60
    for _ in range(2):
        await state.add_event("login:slug:anna", 900)
    count, oldest = await state.events("login:slug:anna", 900)
    assert count == 2 and oldest <= time.time()
    assert await state.events("login:slug:nobody", 900) == (0, None)


async def test_nothing_secret_is_stored_in_clear(path):
    state = SqliteState(path)
    await state.save_code("the-code", "fam", DATA, time.time() + 60)
    await state.save_token("the-access-token", "access", "fam", DATA, time.time() + 60)
    await state.save_pending("the-sign-in-key", {"csrf": "c"}, time.time() + 60)
    await state.close()
    raw = path.read_bytes() + b"".join(p.read_bytes() for p in path.parent.glob("*-wal"))
    for secret in (b"the-code", b"the-access-token", b"the-sign-in-key"):
        assert secret not in raw
    rows = sqlite3.connect(path).execute("SELECT hash FROM tokens").fetchall()
    assert rows == [(digest("the-access-token"),)]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_an_unusable_file_is_one_sentence(tmp_path):
    (tmp_path / "dir.sqlite3").mkdir()
    with pytest.raises(StateUnavailable, match=r"^The OAuth state file .*dir\.sqlite3 cannot be used \(.+\)\.$"):
        SqliteState(tmp_path / "dir.sqlite3")
