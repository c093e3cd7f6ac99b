"""The server as Claude Desktop starts it, `python -m kimai_tools` over stdio, against the real Kimai 2.31."""

import os
import sys

import pytest
from mcp import Client, StdioServerParameters

from kimai_tools.server import TOOLS
from tests.support.live import text

pytestmark = pytest.mark.anyio


def server(url: str, token: str, cwd) -> StdioServerParameters:
    env = {"KIMAI_URL": url, "KIMAI_API_TOKEN": token}
    if os.environ.get("PYTHONPATH"):  # a test session running another checkout's client passes it on
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return StdioServerParameters(command=sys.executable, args=["-m", "kimai_tools"], env=env, cwd=str(cwd))


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_a_stdio_session_records_time_in_kimai(kimai_instance, admin_rest, seed_data, tmp_path, mode):
    description = seed_data.name("stdio")
    data = {"project": seed_data.scratch["id"], "activity": seed_data.chores["id"], "begin": "2024-12-02T09:00:00",
            "end": "2024-12-02T09:30:00", "description": description}  # fmt: skip
    async with Client(server(kimai_instance.url, kimai_instance.admin_token, tmp_path), mode=mode) as client:
        tools = await client.list_tools()
        me = await client.call_tool("user_current", {})
        created = await client.call_tool("timesheet", {"action": "create", "data": data})

    assert sorted(t.name for t in tools.tools) == sorted(TOOLS)
    assert not me.is_error and me.structured_content["id"] == seed_data.admin["id"], text(me)
    assert not created.is_error, text(created)
    stored = admin_rest.get(f"/timesheets/{created.structured_content['id']}")
    assert (stored["description"], stored["duration"]) == (description, 1800)


async def test_a_stdio_session_as_plain_user_gets_kimais_403(kimai_instance, admin_rest, seed_data, tmp_path):
    name = seed_data.name("stdio customer")
    data = {"name": name, "country": "DE", "currency": "EUR", "timezone": "UTC"}
    async with Client(server(kimai_instance.url, kimai_instance.user_token, tmp_path)) as client:
        result = await client.call_tool("entity", {"type": "customer", "action": "create", "data": data})

    assert result.is_error and "POST /api/customers with 403" in text(result), text(result)
    assert "lacks a permission Kimai checks here: " in text(result)
    assert admin_rest.named("customers", name) == []
