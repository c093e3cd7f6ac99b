"""The team server end to end over real TCP on loopback, with the MCP SDK's own HTTP client and OAuth support:
register, authorize, sign in, exchange the code, call tools, refresh, revoke; two users at once, each reaching only
their own Kimai with their own token."""

from __future__ import annotations

import re

import anyio
import httpx
import pytest

from tests.support.team import (
    REDIRECT,
    SECRET_A,
    SECRET_B,
    SLUG_A,
    SLUG_B,
    ByHand,
    TeamServer,
    connected,
    fakes,
    mcp_status,
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


async def tokens_by_hand(team, storage, grant: dict) -> dict:
    """A token request as the client would make it, with its registered credentials."""
    client = storage.client
    async with httpx.AsyncClient() as http:
        answer = await http.post(f"{team.url}/token", data={**grant, "client_id": client.client_id,
                                                             "client_secret": client.client_secret})  # fmt: skip
    return {"status": answer.status_code, **answer.json()}


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_both_protocol_revisions(team, mode):
    """Clients of the current revision and of the 2025-11-25 handshake (Claude Desktop's) both work."""
    auth, _, _ = oauth_client(team.url, SLUG_A, SECRET_A)
    async with connected(team.url, auth, mode=mode) as client:
        listed = await client.list_tools()
        result = await client.call_tool("entity", {"action": "list", "type": "customer"})
    assert len(listed.tools) == 12
    assert "Customer of anna" in result.content[0].text


async def test_two_users_at_once_each_in_their_own_kimai(team, kimais):
    answers: dict[str, list[str]] = {SLUG_A: [], SLUG_B: []}

    async def work(slug: str, secret: str) -> None:
        auth, _, _ = oauth_client(team.url, slug, secret)
        async with connected(team.url, auth) as client:
            for _ in range(5):
                result = await client.call_tool("entity", {"action": "list", "type": "customer"})
                answers[slug].append(result.content[0].text)

    async with anyio.create_task_group() as group:
        group.start_soon(work, SLUG_A, SECRET_A)
        group.start_soon(work, SLUG_B, SECRET_B)
    assert all("Customer of anna" in a and "bert" not in a for a in answers[SLUG_A])
    assert all("Customer of bert" in a and "anna" not in a for a in answers[SLUG_B])
    for name, token in (("anna", "token-of-anna"), ("bert", "token-of-bert")):
        seen = {r.headers.get("authorization") for r in kimais[name].kimai.requests}
        assert seen <= {f"Bearer {token}", None}, f"{name}'s Kimai saw {seen}"


async def test_a_read_only_user_is_refused_writes(team, kimais):
    auth, _, _ = oauth_client(team.url, SLUG_B, SECRET_B)
    async with connected(team.url, auth) as client:
        result = await client.call_tool("timer", {"action": "start", "project": 1, "activity": 1})
    assert result.is_error and "read-only" in result.content[0].text
    assert not kimais["bert"].kimai.sent("POST") and not kimais["bert"].kimai.sent("PATCH")


async def test_refresh_rotates_and_the_new_tokens_work_without_a_new_sign_in(team):
    auth, storage, browser = oauth_client(team.url, SLUG_A, SECRET_A)
    async with connected(team.url, auth) as client:
        await client.call_tool("user_current", {})
    first = storage.tokens
    fresh = await tokens_by_hand(team, storage, {"grant_type": "refresh_token", "refresh_token": first.refresh_token})
    assert fresh["status"] == 200 and fresh["expires_in"] == 3600
    assert fresh["refresh_token"] != first.refresh_token and fresh["access_token"] != first.access_token
    again = await tokens_by_hand(team, storage, {"grant_type": "refresh_token", "refresh_token": first.refresh_token})
    assert again["status"] == 400 and again["error"] == "invalid_grant"
    # the reuse ended the whole sign-in: the fresh tokens are dead too
    assert await mcp_status(team.url, fresh["access_token"]) == 401
    assert browser.sign_ins == 1


async def test_revocation_ends_the_sign_in(team):
    auth, storage, browser = oauth_client(team.url, SLUG_A, SECRET_A)
    async with connected(team.url, auth) as client:
        await client.call_tool("user_current", {})
    tokens = storage.tokens
    async with httpx.AsyncClient() as http:
        client = storage.client
        form = {"token": tokens.access_token, "client_id": client.client_id, "client_secret": client.client_secret}
        revoked = await http.post(f"{team.url}/revoke", data=form)
        assert revoked.status_code == 200
    assert await mcp_status(team.url, tokens.access_token) == 401
    refreshed = await tokens_by_hand(team, storage, {"grant_type": "refresh_token",
                                                     "refresh_token": tokens.refresh_token})  # fmt: skip
    assert refreshed["status"] == 400
    # the client signs in again on its next connection
    async with connected(team.url, auth) as client:
        assert not (await client.call_tool("user_current", {})).is_error
    assert browser.sign_ins == 2


async def test_a_restart_logs_nobody_out(tmp_path, kimais):
    anna = {"kimai_url": kimais["anna"].url, "kimai_token": "token-of-anna", "auth_secret": SECRET_A}
    users = users_file(tmp_path / "users.json", {SLUG_A: anna})
    server = TeamServer(tmp_path, users, "--rate-limit-rpm", "0").start()
    try:
        auth, storage, browser = oauth_client(server.url, SLUG_A, SECRET_A)
        async with connected(server.url, auth) as client:
            assert not (await client.call_tool("user_current", {})).is_error
        server.restart()
        async with connected(server.url, auth) as client:
            result = await client.call_tool("user_current", {})
        assert not result.is_error and "Anna" in result.content[0].text
        assert browser.sign_ins == 1  # the second connection used the tokens issued before the restart
        # and a refresh token from before the restart still refreshes
        fresh = await tokens_by_hand(server, storage, {"grant_type": "refresh_token",
                                                       "refresh_token": storage.tokens.refresh_token})  # fmt: skip
        assert fresh["status"] == 200
    finally:
        server.stop()


async def test_health_and_readiness(team):
    async with httpx.AsyncClient() as http:
        assert (await http.get(f"{team.url}/healthz")).text == "ok"
        assert (await http.get(f"{team.url}/readyz")).status_code == 200
        metadata = (await http.get(f"{team.url}/.well-known/oauth-authorization-server")).json()
        resource = (await http.get(f"{team.url}/.well-known/oauth-protected-resource/mcp")).json()
    assert metadata["issuer"] == team.url and metadata["code_challenge_methods_supported"] == ["S256"]
    assert metadata["client_id_metadata_document_supported"] is True
    assert metadata["registration_endpoint"] == f"{team.url}/register"
    assert resource["resource"] == f"{team.url}/mcp" and resource["authorization_servers"] == [team.url]


async def test_the_access_log_names_user_and_tool_and_no_token(team):
    auth, storage, _ = oauth_client(team.url, SLUG_A, SECRET_A)
    async with connected(team.url, auth) as client:
        await client.call_tool("user_current", {})
    log = team.log_text()
    # the legacy endpoints are on, where a slug is the only secret: the log shows its start only
    assert re.search(rf'"POST /mcp" 200 \d+ms slug="{SLUG_A[:4]}…" tool="user_current"', log), log[-2000:]
    assert SLUG_A not in log and SLUG_B not in log
    for secret in (storage.tokens.access_token, storage.tokens.refresh_token, storage.client.client_secret,
                   SECRET_A, SECRET_B, "token-of-anna", "token-of-bert"):  # fmt: skip
        assert secret not in log


async def test_a_session_belongs_to_the_user_who_opened_it(team, kimais):
    """Bert cannot ride on Anna's MCP session by sending its id with his own token."""
    tokens = {}
    for slug, secret in ((SLUG_A, SECRET_A), (SLUG_B, SECRET_B)):
        auth, storage, _ = oauth_client(team.url, slug, secret)
        async with connected(team.url, auth) as client:
            await client.call_tool("user_current", {})
        tokens[slug] = storage.tokens.access_token
    accept = {"Accept": "application/json, text/event-stream"}
    hello = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
    async with httpx.AsyncClient(timeout=10) as http:
        opened = await http.post(f"{team.url}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                                          "params": hello},
                                 headers={**accept, "Authorization": f"Bearer {tokens[SLUG_A]}"})  # fmt: skip
        session = opened.headers["mcp-session-id"]
        before = len(kimais["anna"].kimai.requests)
        call = {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "user_current", "arguments": {}}}
        ridden = await http.post(f"{team.url}/mcp", json=call, headers={
            **accept, "Authorization": f"Bearer {tokens[SLUG_B]}", "Mcp-Session-Id": session,
            "Mcp-Protocol-Version": "2025-11-25"})  # fmt: skip
    assert ridden.status_code in (403, 404), ridden.text
    assert "Anna" not in ridden.text
    assert len(kimais["anna"].kimai.requests) == before


async def test_behind_a_proxy_on_this_host_the_public_host_passes_and_others_do_not(tmp_path, kimais):
    """Bound to loopback, the SDK checks Host against DNS rebinding: the public address passes, another is 421."""
    anna = {"kimai_url": kimais["anna"].url, "kimai_token": "token-of-anna", "auth_secret": SECRET_A}
    server = TeamServer(tmp_path, users_file(tmp_path / "users.json", {SLUG_A: anna}),
                        public_url="https://mcp.example.com").start()  # fmt: skip
    steps = ByHand("https://mcp.example.com/mcp")
    try:
        tokens = await steps.sign_in(server.url, SLUG_A, SECRET_A)
        hello = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
        initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": hello}
        answers = {}
        async with httpx.AsyncClient() as http:
            for host in ("mcp.example.com", "evil.example"):
                answers[host] = await http.post(f"{server.url}/mcp", json=initialize, headers={
                    "Host": host, "Authorization": f"Bearer {tokens['access_token']}",
                    "Accept": "application/json, text/event-stream"})  # fmt: skip
        assert answers["mcp.example.com"].status_code == 200, answers["mcp.example.com"].text
        assert answers["evil.example"].status_code == 421
    finally:
        await steps.aclose()
        server.stop()


async def test_a_user_taken_out_of_the_users_file_is_signed_out(tmp_path, kimais):
    anna = {"kimai_url": kimais["anna"].url, "kimai_token": "token-of-anna", "auth_secret": SECRET_A}
    bert = {"kimai_url": kimais["bert"].url, "kimai_token": "token-of-bert", "auth_secret": SECRET_B}
    users = users_file(tmp_path / "users.json", {SLUG_A: anna, SLUG_B: bert})
    server = TeamServer(tmp_path, users, "--rate-limit-rpm", "0").start()
    try:
        auth, storage, _ = oauth_client(server.url, SLUG_B, SECRET_B)
        async with connected(server.url, auth) as client:
            assert not (await client.call_tool("user_current", {})).is_error
        users_file(users, {SLUG_A: anna})
        server.restart()
        assert await mcp_status(server.url, storage.tokens.access_token) == 401
        refreshed = await tokens_by_hand(server, storage, {"grant_type": "refresh_token",
                                                           "refresh_token": storage.tokens.refresh_token})  # fmt: skip
        assert refreshed["status"] == 400
    finally:
        server.stop()


async def test_a_read_only_user_is_offered_no_write_action(team):
    """tools/list is per request: Bert (read-only) sees the actions he may use, Anna all of them."""
    offered = {}
    for slug, secret in ((SLUG_A, SECRET_A), (SLUG_B, SECRET_B)):
        auth, _, _ = oauth_client(team.url, slug, secret)
        async with connected(team.url, auth) as client:
            tools = {t.name: t for t in (await client.list_tools()).tools}
            prompts = {p.name for p in (await client.list_prompts()).prompts}
        offered[slug] = (tools, prompts)
    anna, bert = offered[SLUG_A][0], offered[SLUG_B][0]
    assert "start" in anna["timer"].input_schema["properties"]["action"]["enum"]
    assert "start" not in bert["timer"].input_schema["properties"]["action"]["enum"]
    assert "active" in bert["timer"].input_schema["properties"]["action"]["enum"]
    assert "create" not in bert["timesheet"].input_schema["properties"]["action"]["enum"]
    assert all(t.annotations.read_only_hint for t in bert.values())
    assert not anna["timesheet"].annotations.read_only_hint
    assert "log_time" in offered[SLUG_A][1] and "log_time" not in offered[SLUG_B][1]
    assert "my_week" in offered[SLUG_B][1]


async def test_a_client_authenticating_with_http_basic_gets_its_tokens(team):
    """client_secret_basic: the secret in the Authorization header is checked against its stored hash too."""
    steps = ByHand(f"{team.url}/mcp")
    try:
        answer = await steps.http.post(f"{team.url}/register", json={
            "client_name": "Basic", "redirect_uris": [REDIRECT], "grant_types": ["authorization_code", "refresh_token"],
            "token_endpoint_auth_method": "client_secret_basic"})  # fmt: skip
        assert answer.status_code == 201, answer.text
        steps.client = client = answer.json()
        code, verifier = await steps.code(team.url, SLUG_A, SECRET_A)
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                "client_id": client["client_id"], "code_verifier": verifier, "resource": f"{team.url}/mcp"}  # fmt: skip
        wrong = await steps.http.post(f"{team.url}/token", data=form, auth=(client["client_id"], "not-the-secret"))
        assert wrong.status_code == 401
        right = await steps.http.post(
            f"{team.url}/token", data=form, auth=(client["client_id"], client["client_secret"])
        )
        assert right.status_code == 200, right.text
        assert await mcp_status(team.url, right.json()["access_token"]) != 401
    finally:
        await steps.aclose()


async def test_what_a_client_sends_cannot_forge_an_access_log_line(team):
    """The path (decoded) and a tool's name come from the client: quoted in the log, a line break in them stays
    one line, and so does a bidi override."""
    auth, storage, _ = oauth_client(team.url, SLUG_A, SECRET_A)
    async with connected(team.url, auth) as client:
        await client.call_tool("user_current", {})
    forged = 'x" 200 1ms slug="admin"\n127.0.0.1 "GET /forged'
    call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": forged + "\u202e", "arguments": {}}}
    async with httpx.AsyncClient() as http:
        await http.get(f"{team.url}/healthz%0A127.0.0.1%20%22GET%20/forged%22%20200")
        await http.post(f"{team.url}/mcp", json=call, headers={
            "Authorization": f"Bearer {storage.tokens.access_token}", "Accept": "application/json, text/event-stream",
            "Mcp-Protocol-Version": "2026-07-28"})  # fmt: skip
    lines = team.log_text().splitlines()
    assert not [line for line in lines if "/forged" in line and not line.startswith("20")]  # no line of its own
    assert any('"GET /healthz\\n127.0.0.1 \\"GET /forged\\" 200"' in line for line in lines), lines[-5:]
    assert not any("\u202e" in line for line in lines)
