"""comment against a Prism mock of the pinned Kimai document (2.64: comments exist; requests validated)."""

import pytest

pytestmark = pytest.mark.anyio

ENTITIES = ["project", "customer"]


@pytest.mark.parametrize("entity", ENTITIES)
async def test_list_reads_the_comments(mcp, entity):
    result = await mcp.call_tool("comment", {"entity": entity, "entity_id": 1, "action": "list"})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["total"] == 1


@pytest.mark.parametrize("entity", ENTITIES)
async def test_create_sends_a_conforming_comment_form(mcp, entity):
    data = {"message": "Billing contact changed", "pinned": True}
    result = await mcp.call_tool("comment", {"entity": entity, "entity_id": 5, "action": "create", "data": data})
    assert not result.is_error, result.content[0].text
    assert result.content[0].text.startswith(f"Added comment to {entity} 5")


@pytest.mark.parametrize("entity", ENTITIES)
async def test_delete_addresses_the_comment(mcp, entity):
    arguments = {"entity": entity, "entity_id": 5, "action": "delete", "comment_id": 7}
    result = await mcp.call_tool("comment", arguments)
    assert not result.is_error, result.content[0].text
    assert result.structured_content["deleted"] == 7


@pytest.mark.parametrize("entity", ENTITIES)
async def test_pin_toggles_and_reports_the_state(mcp, entity):
    result = await mcp.call_tool("comment", {"entity": entity, "entity_id": 5, "action": "pin", "comment_id": 7})
    assert not result.is_error, result.content[0].text
    assert "is now" in result.content[0].text or "did not say" in result.content[0].text
