"""The team server end to end over real TCP on loopback, with the MCP SDK's own HTTP client and OAuth support:
register, authorize, sign in, exchange the code, call tools, refresh, revoke; two users at once, each reaching only
their own Kimai with their own token."""

from __future__ import annotations

import pytest

from tests.support.team import (
    SECRET_A,
    SECRET_B,
    SLUG_A,
    SLUG_B,
    TeamServer,
    connected,
    fakes,
    oauth_client,
    users_file,
)

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def kimais():
    with fakes("anna", "bert") as served:
        yield served


@pytest.fixture(scope="module")
def team(tmp_path_factory, kimais):
    folder = tmp_path_factory.mktemp("team")
    users = users_file(folder / "users.json", {
        SLUG_A: {"kimai_url": kimais["anna"].url, "kimai_token": "token-of-anna", "auth_secret": SECRET_A},
        SLUG_B: {"kimai_url": kimais["bert"].url, "kimai_token": "token-of-bert", "auth_secret": SECRET_B,
                 "read_only": True},
    })  # fmt: skip
    server = TeamServer(folder, users, "--rate-limit-rpm", "0").start()
    yield server
    server.stop()


async def test_sign_in_and_call_a_tool(team, kimais):
    auth, storage, browser = oauth_client(team.url, SLUG_A, SECRET_A)
    async with connected(team.url, auth) as client:
        result = await client.call_tool("user_current", {})
    assert not result.is_error, result.content[0].text
    assert "You are user Anna (#7)" in result.content[0].text
    assert browser.sign_ins == 1
    assert storage.tokens is not None and storage.tokens.refresh_token
    sent = kimais["anna"].kimai.sent("GET", "/api/users/me")
    assert sent and all(r.headers["authorization"] == "Bearer token-of-anna" for r in sent)
