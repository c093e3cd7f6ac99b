"""The server answers the handshake and tools/list without Kimai, and fails tool calls, not the process."""

import json

import httpx
import pytest
from mcp import Client

from kimai_tools.server import TOOLS, build_server
from tests.conftest import settings_for

pytestmark = pytest.mark.anyio


def refusing_transport(seen: list):
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        raise httpx.ConnectError("connection refused", request=request)

    return httpx.MockTransport(handler)


async def test_initialize_and_tools_list_send_nothing_to_kimai(protocol_mode):
    seen: list = []
    server = build_server(settings_for("http://kimai.invalid"), transport=refusing_transport(seen))
    async with Client(server, mode=protocol_mode) as client:
        tools = await client.list_tools()
    assert sorted(t.name for t in tools.tools) == sorted(TOOLS)
    assert seen == []


async def test_tools_list_stays_small():
    async with Client(build_server(settings_for("http://kimai.invalid"))) as client:
        tools = await client.list_tools()
    size = len(json.dumps([t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in tools.tools],
                          separators=(",", ":")))  # fmt: skip
    assert size < 15_000


async def test_unreachable_kimai_is_a_tool_error_and_the_server_goes_on(protocol_mode):
    seen: list = []
    server = build_server(settings_for("http://kimai.invalid"), transport=refusing_transport(seen))
    async with Client(server, mode=protocol_mode) as client:
        first = await client.call_tool("user_current", {})
        second = await client.call_tool("config", {"type": "version"})
    # the refusal is the model's to read as it is: no "Error executing tool" prefix
    assert first.is_error and first.content[0].text.startswith("Cannot reach Kimai at http://kimai.invalid")
    assert second.is_error and "Cannot reach Kimai" in second.content[0].text


async def test_read_only_removes_write_actions_and_refuses_them():
    server = build_server(settings_for("http://kimai.invalid", read_only=True))
    async with Client(server) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        assert tools["timesheet"].input_schema["properties"]["action"]["enum"] == ["list", "get", "user_guide"]
        assert all(t.annotations.read_only_hint for t in tools.values())
        result = await client.call_tool("timesheet", {"action": "delete", "id": 1})
    assert result.is_error and "read-only" in result.content[0].text
