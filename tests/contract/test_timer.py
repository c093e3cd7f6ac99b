"""timer against a Prism mock of the pinned Kimai document (2.64): requests conform, answers are read."""

import pytest

pytestmark = pytest.mark.anyio


def ok(result) -> str:
    assert not result.is_error, result.content[0].text
    return result.content[0].text


async def test_start(mcp):
    data = {"project": 1, "activity": 5, "description": "API", "tags": ["api"], "begin": "2026-11-24 09:00"}
    assert ok(await mcp.call_tool("timer", {"action": "start", "data": data})).startswith("Started #")


async def test_stop_with_and_without_id(mcp):
    assert ok(await mcp.call_tool("timer", {"action": "stop", "id": 12345})).startswith("Stopped #")
    ok(await mcp.call_tool("timer", {"action": "stop"}))  # Prism's active list holds one record: it is stopped


@pytest.mark.parametrize("data", [None, {"copy": "all"}, {"begin": "2026-11-24T08:00:00", "copy": True}])
async def test_restart(mcp, data):
    arguments = {"action": "restart", "id": 39} | ({"data": data} if data else {})
    assert ok(await mcp.call_tool("timer", arguments)).startswith("Restarted #39 as")


async def test_active_and_recent(mcp):
    ok(await mcp.call_tool("timer", {"action": "active"}))
    ok(await mcp.call_tool("timer", {"action": "recent", "size": 5, "begin": "2026-10-25"}))


@pytest.mark.parametrize(
    "arguments",
    [{"action": "favorites"}, {"action": "favorite", "id": 40}, {"action": "unfavorite", "id": 40}],
)
async def test_favorites_need_a_newer_kimai_than_the_mock(mcp, arguments):
    result = await mcp.call_tool("timer", arguments)
    assert result.is_error
    assert "needs Kimai ≥ 2.66.0; this server runs 2.64.0" in result.content[0].text
