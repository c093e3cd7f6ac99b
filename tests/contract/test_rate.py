"""rate against a Prism mock of the pinned Kimai document (requests validated)."""

import pytest

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("entity", ["customer", "project", "activity"])
async def test_list_reads_the_rates_of_each_kind(mcp, entity):
    result = await mcp.call_tool("rate", {"entity": entity, "entity_id": 1, "action": "list"})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["entity"] == entity and result.structured_content["total"] == 1


@pytest.mark.parametrize("entity", ["customer", "project", "activity"])
async def test_add_sends_a_conforming_rate_form(mcp, entity):
    data = {"rate": 85, "internal_rate": 60.5, "is_fixed": True, "user": 2}
    result = await mcp.call_tool("rate", {"entity": entity, "entity_id": 1, "action": "add", "data": data})
    assert not result.is_error, result.content[0].text
    assert result.content[0].text.startswith(f"Added rate to {entity} 1: #")


@pytest.mark.parametrize("entity", ["customer", "project", "activity"])
async def test_delete_addresses_the_rate(mcp, entity):
    result = await mcp.call_tool("rate", {"entity": entity, "entity_id": 1, "action": "delete", "rate_id": 3})
    assert not result.is_error, result.content[0].text
    assert result.structured_content == {"entity": entity, "entity_id": 1, "deleted": 3}
