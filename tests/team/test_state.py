"""The state stores, SQLite and Redis, held to the same promises: single-use codes and all-or-nothing rotation also
across two connections (two processes, two replicas), revocation by family, expiry, counters, nothing in clear."""

from __future__ import annotations

import sqlite3
import time

import pytest

from kimai_tools.team.state import SqliteState, StateUnavailable, digest, open_state

pytestmark = pytest.mark.anyio
DATA = {"client_id": "c", "subject": "anna", "scopes": [], "resource": "http://127.0.0.1:1/mcp"}


@pytest.fixture
def path(tmp_path):
    return tmp_path / "state" / "oauth.sqlite3"


@pytest.fixture(params=["sqlite", "redis"])
def stores(request, tmp_path):
    """Two connections to one store, as two processes have."""
    if request.param == "sqlite":
        url = f"sqlite://{tmp_path / 'oauth.sqlite3'}"
    else:
        server = request.getfixturevalue("redis_server")
        server.flush()
        url = server.url
    return open_state(url), open_state(url)


async def test_a_code_is_used_once_even_by_two_processes(stores):
    one, other = stores
    await one.save_code("code-1", "family-1", DATA, time.time() + 60)
    assert (await other.code("code-1")).data == DATA
    assert await one.use_code("code-1") is True
    assert await other.use_code("code-1") is False
    assert (await other.code("code-1")).used is True
    assert await one.use_code("never-issued") is False


async def test_rotation_is_all_or_nothing(stores):
    one, other = stores
    await one.save_token("refresh-1", "refresh", "fam", DATA, time.time() + 60)
    issued = [("access-2", "access", DATA, time.time() + 60), ("refresh-2", "refresh", DATA, time.time() + 60)]
    assert await one.rotate("refresh-1", issued) is True
    again = [("access-3", "access", DATA, time.time() + 60), ("refresh-3", "refresh", DATA, time.time() + 60)]
    assert await other.rotate("refresh-1", again) is False
    assert await other.token("access-3") is None and await other.token("refresh-3") is None
    assert (await other.token("refresh-2")).family == "fam"
    assert (await other.token("refresh-1")).used is True


async def test_a_revoked_family_stays_revoked_and_its_tokens_are_gone(stores):
    state, other = stores
    await state.save_token("refresh-1", "refresh", "fam", DATA, time.time() + 60)
    await state.save_token("access-1", "access", "fam", DATA, time.time() + 60)
    await state.save_token("access-other", "access", "other", DATA, time.time() + 60)
    await state.revoke_family("fam")
    assert await other.token("access-1") is None and await other.token("refresh-1") is None
    assert await other.family_revoked("fam") and not await other.family_revoked("other")
    assert await other.token("access-other") is not None
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


async def test_sign_ins_under_way_are_taken_once_and_expire(stores):
    state, other = stores
    await state.save_pending("key", {"csrf": "x"}, time.time() + 60)
    await state.save_pending("stale", {"csrf": "y"}, time.time() - 1)
    assert await state.pending("key") == {"csrf": "x"}
    assert await state.take_pending("key") == {"csrf": "x"}
    assert await other.take_pending("key") is None
    assert await state.pending("stale") is None


async def test_counters_count_per_window_and_events_slide(stores):
    state, other = stores
    counts = [(await store.count("rate:1.2.3.4", 60))[0] for store in (state, other, state)]
    assert counts == [1, 2, 3]
    assert (await state.count("rate:5.6.7.8", 60))[0] == 1
    _, resets = await state.count("rate:1.2.3.4", 60)
    assert time.time() < resets <= time.time() + 60
    await state.add_event("login:slug:anna", 900)
    await other.add_event("login:slug:anna", 900)
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
    state = SqliteState(path)
    state.prepare()
    for part in path.parent.glob("oauth.sqlite3*"):  # the file and its journal
        assert oct(part.stat().st_mode & 0o777) == "0o600", part


def test_an_unusable_file_is_one_sentence(tmp_path):
    (tmp_path / "dir.sqlite3").mkdir()
    with pytest.raises(StateUnavailable, match=r"^The OAuth state file .*dir\.sqlite3 cannot be used \(.+\)\.$"):
        SqliteState(tmp_path / "dir.sqlite3")


async def test_the_request_state_key_is_made_once_and_shared(stores):
    one, other = stores
    key = one.prepare()
    assert len(key) == 32 and other.prepare() == key


async def test_clients_expire_when_told(stores):
    one, other = stores
    await one.save_client("dcr", {"client_id": "dcr"})
    await one.save_client("cimd", {"client_id": "cimd"}, time.time() + 60)
    await one.save_client("gone", {"client_id": "gone"}, time.time() - 1)
    assert await other.client("dcr") == {"client_id": "dcr"} and await other.client("cimd") == {"client_id": "cimd"}
    assert await other.client("gone") is None


async def test_a_redis_that_is_gone_is_one_sentence_and_comes_back(tmp_path):
    from tests.support.redis import RedisServer

    server = RedisServer(tmp_path / "redis", password="pw-never-shown").start()
    url = f"redis://:pw-never-shown@127.0.0.1:{server.port}/0"
    state = open_state(url)
    try:
        await state.save_token("kept", "access", "fam", DATA, time.time() + 60)
        server.stop()
        with pytest.raises(StateUnavailable) as refused:
            await state.ping()
        assert str(refused.value).startswith(f"The Redis state store at redis://127.0.0.1:{server.port}/0 cannot")
        assert "pw-never-shown" not in str(refused.value)
        with pytest.raises(StateUnavailable):
            state.prepare()
        server.start()
        assert (await state.token("kept")).family == "fam"  # the same client reconnects, and Redis kept the token
    finally:
        server.stop()


def test_a_state_url_that_names_no_store_is_one_sentence():
    from kimai_tools.config import ConfigError

    with pytest.raises(ConfigError, match=r"^--state must be sqlite:///<file> or redis://.*not 'host/x'\.$"):
        open_state("mysql://user:secret@host/x")
