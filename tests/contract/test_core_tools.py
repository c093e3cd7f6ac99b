"""user_current and config against a Prism mock of the pinned Kimai document (requests validated)."""

import pytest

pytestmark = pytest.mark.anyio


async def test_user_current_names_the_user(mcp):
    result = await mcp.call_tool("user_current", {})
    assert not result.is_error, result.content[0].text
    assert result.content[0].text.startswith("You are user")
    assert "username" in result.structured_content


async def test_config_all_reads_four_endpoints(mcp):
    result = await mcp.call_tool("config", {"type": "all"})
    assert not result.is_error, result.content[0].text
    assert set(result.structured_content) >= {"timesheet", "colors", "plugins", "version"}
    assert "client" in result.structured_content["version"]


async def test_first_answer_names_the_closest_pinned_version_once(mcp):
    first = await mcp.call_tool("config", {"type": "timesheet"})
    second = await mcp.call_tool("config", {"type": "colors"})
    assert not first.is_error and not second.is_error
    assert len(first.content) == 2 and "2.64.0" in first.content[1].text
    assert len(second.content) == 1
