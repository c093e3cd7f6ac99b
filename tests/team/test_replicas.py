"""Two team-server replicas sharing their state in a real Redis, behind a real nginx balancing round robin without
stickiness: a sign-in, a refresh, a revocation or a code on one replica counts on the other; a replica killed
between two calls loses nobody; a Redis stopped while serving is a clear 503, and when it is back the same tokens
work."""

from __future__ import annotations

import time

import anyio
import httpx
import pytest

from tests.support.live import free_port
from tests.support.nginx import Nginx
from tests.support.redis import RedisServer
from tests.support.team import (
    SECRET_A,
    SECRET_B,
    SLUG_A,
    SLUG_B,
    Bearer,
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


def replicas(folder, kimais, state_url: str, *args: str) -> tuple[TeamServer, TeamServer, Nginx]:
    """Replicas A and B with the same users and state, and nginx in front: its address is their public URL."""
    users = users_file(folder / "users.json", {
        SLUG_A: {"kimai_url": kimais["anna"].url, "kimai_token": "token-of-anna", "auth_secret": SECRET_A},
        SLUG_B: {"kimai_url": kimais["bert"].url, "kimai_token": "token-of-bert", "auth_secret": SECRET_B},
    })  # fmt: skip
    ports = [free_port(), free_port()]
    balancer = Nginx(folder / "nginx", ports)
    options = ("--state", state_url, "--trusted-proxy", "127.0.0.1", *args)
    a = TeamServer(folder, users, *options, port=ports[0], public_url=balancer.url).start()
    b = TeamServer(folder, users, *options, port=ports[1], public_url=balancer.url).start()
    return a, b, balancer.start()


@pytest.fixture(scope="module")
def topology(tmp_path_factory, kimais, redis_server):
    folder = tmp_path_factory.mktemp("replicas")
    a, b, balancer = replicas(folder, kimais, redis_server.url.replace("/0", "/3"), "--rate-limit-rpm", "0")
    yield a, b, balancer
    for part in (balancer, a, b):
        part.stop()


async def test_signed_in_on_a_calls_tools_on_b(topology):
    a, b, balancer = topology
    steps = ByHand(f"{balancer.url}/mcp")
    tokens = await steps.sign_in(a.url, SLUG_A, SECRET_A)
    async with connected(b.url, Bearer(tokens["access_token"])) as client:
        result = await client.call_tool("user_current", {})
    assert not result.is_error and "Anna" in result.content[0].text
    assert f'slug="{SLUG_A[:4]}…" tool="user_current"' in b.log_text()
    await steps.aclose()


async def test_refresh_on_b_then_the_old_refresh_token_is_refused_on_a(topology):
    a, b, balancer = topology
    steps = ByHand(f"{balancer.url}/mcp")
    first = await steps.sign_in(a.url, SLUG_A, SECRET_A)
    fresh = await steps.token(b.url, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert fresh.status_code == 200, fresh.text
    reused = await steps.token(a.url, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    assert await mcp_status(b.url, fresh.json()["access_token"]) == 401  # the reuse revoked the family everywhere
    await steps.aclose()


async def test_revoked_on_a_is_refused_on_b(topology):
    a, b, balancer = topology
    steps = ByHand(f"{balancer.url}/mcp")
    tokens = await steps.sign_in(b.url, SLUG_B, SECRET_B)
    assert await mcp_status(a.url, tokens["access_token"]) != 401
    assert (await steps.revoke(a.url, tokens["access_token"])).status_code == 200
    assert await mcp_status(b.url, tokens["access_token"]) == 401
    refreshed = await steps.token(b.url, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert refreshed.status_code == 400
    await steps.aclose()


async def test_a_code_is_exchanged_once_across_replicas_even_when_both_race(topology):
    a, b, balancer = topology
    steps = ByHand(f"{balancer.url}/mcp")
    await steps.register(a.url)
    code, verifier = await steps.code(a.url, SLUG_A, SECRET_A)
    assert (await steps.exchange(a.url, code, verifier)).status_code == 200
    assert (await steps.exchange(b.url, code, verifier)).status_code == 400
    for _ in range(5):  # both at once, many times: always exactly one winner
        code, verifier = await steps.code(b.url, SLUG_A, SECRET_A)
        answers: list[int] = []

        async def exchange(base: str, code: str = code, verifier: str = verifier, answers: list = answers) -> None:
            answers.append((await steps.exchange(base, code, verifier)).status_code)

        async with anyio.create_task_group() as group:
            group.start_soon(exchange, a.url)
            group.start_soon(exchange, b.url)
        assert sorted(answers) == [200, 400]
    await steps.aclose()


@pytest.mark.parametrize("mode", ["auto", "2026-07-28"])
async def test_the_current_revision_needs_no_stickiness(topology, mode):
    a, b, balancer = topology
    auth, _, browser = oauth_client(balancer.url, SLUG_A, SECRET_A)
    before = (a.log_text().count("POST /mcp"), b.log_text().count("POST /mcp"))
    async with connected(balancer.url, auth, mode=mode) as client:
        for _ in range(6):
            result = await client.call_tool("user_current", {})
            assert not result.is_error, result.content[0].text
    after = (a.log_text().count("POST /mcp"), b.log_text().count("POST /mcp"))
    assert after[0] > before[0] and after[1] > before[1]  # both replicas answered this one client
    assert browser.sign_ins == 1


async def test_a_replica_killed_between_two_calls_loses_nobody(tmp_path, kimais, redis_server):
    a, b, balancer = replicas(tmp_path, kimais, redis_server.url.replace("/0", "/4"), "--rate-limit-rpm", "0")
    try:
        auth, _, browser = oauth_client(balancer.url, SLUG_A, SECRET_A)
        async with connected(balancer.url, auth, mode="2026-07-28") as client:
            assert not (await client.call_tool("user_current", {})).is_error
            a.process.kill()
            a.process.wait()
            for _ in range(3):
                result = await client.call_tool("user_current", {})
                assert not result.is_error and "Anna" in result.content[0].text
        assert browser.sign_ins == 1
    finally:
        for part in (balancer, a, b):
            part.stop()


async def test_the_rate_limit_counts_both_replicas_together(tmp_path, kimais, redis_server):
    a, b, balancer = replicas(tmp_path, kimais, redis_server.url.replace("/0", "/5"), "--rate-limit-rpm", "6")
    try:
        if time.time() % 60 > 55:  # the counts run per clock minute: start in one that the 8 requests fit in
            await anyio.sleep(61 - time.time() % 60)
        async with httpx.AsyncClient() as http:
            answers = []
            for i in range(8):
                base = (a, b)[i % 2].url
                answer = await http.get(f"{base}/.well-known/oauth-protected-resource/mcp",
                                        headers={"X-Forwarded-For": "203.0.113.9"})  # fmt: skip
                answers.append(answer)
        assert [r.status_code for r in answers[:6]] == [200] * 6
        assert all(r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 60 for r in answers[6:])
    finally:
        for part in (balancer, a, b):
            part.stop()


async def test_redis_stopped_while_serving_is_a_clear_503_and_tokens_work_when_it_is_back(tmp_path, kimais):
    own = RedisServer(tmp_path / "redis").start()
    a, b, balancer = replicas(tmp_path, kimais, own.url, "--rate-limit-rpm", "0")
    try:
        steps = ByHand(f"{balancer.url}/mcp")
        tokens = await steps.sign_in(balancer.url, SLUG_A, SECRET_A)
        own.stop()
        async with httpx.AsyncClient() as http:
            for replica in (a, b):
                ready = await http.get(f"{replica.url}/readyz")
                assert ready.status_code == 503 and "Redis state store" in ready.text
                assert (await http.get(f"{replica.url}/healthz")).status_code == 200  # alive all the same
                call = await http.post(f"{replica.url}/mcp", json={},
                                       headers={"Authorization": f"Bearer {tokens['access_token']}"})  # fmt: skip
                assert call.status_code == 503 and "state store is unavailable" in call.json()["error_description"]
                assert "Retry-After" in call.headers
        own.start()
        async with connected(balancer.url, Bearer(tokens["access_token"])) as client:
            result = await client.call_tool("user_current", {})
        assert not result.is_error and "Anna" in result.content[0].text
        for replica in (a, b):
            assert replica.process.poll() is None
            assert "Traceback" not in replica.log_text()
        await steps.aclose()
    finally:
        for part in (balancer, a, b):
            part.stop()
        own.stop()


async def test_redis_unreachable_at_start_is_one_sentence_and_exit_2(tmp_path, kimais):
    anna = {"kimai_url": kimais["anna"].url, "kimai_token": "t", "auth_secret": SECRET_A}
    users = users_file(tmp_path / "users.json", {SLUG_A: anna})
    server = TeamServer(tmp_path, users, "--state", f"redis://:pw-not-shown@127.0.0.1:{free_port()}/0")
    with pytest.raises(RuntimeError, match="exited with 2"):
        server.start()
    log = server.log_text()
    last = log.splitlines()[-1]
    assert last.startswith("kimai-mcp-streamable: The Redis state store at redis://127.0.0.1:"), log
    assert last.endswith(".") and "pw-not-shown" not in log and "Traceback" not in log


async def test_handshake_clients_need_no_stickiness_with_stateless(tmp_path, kimais, redis_server):
    """Clients of the 2025-11-25 handshake (Claude Desktop's) keep an MCP session; with --stateless no replica
    holds one, so round robin serves them too."""
    a, b, balancer = replicas(tmp_path, kimais, redis_server.url.replace("/0", "/6"), "--rate-limit-rpm", "0",
                              "--stateless")  # fmt: skip
    try:
        auth, _, browser = oauth_client(balancer.url, SLUG_A, SECRET_A)
        async with connected(balancer.url, auth, mode="legacy") as client:
            for _ in range(6):
                result = await client.call_tool("user_current", {})
                assert not result.is_error and "Anna" in result.content[0].text
        assert a.log_text().count('"POST /mcp" 200') and b.log_text().count('"POST /mcp" 200')
        assert browser.sign_ins == 1
    finally:
        for part in (balancer, a, b):
            part.stop()
