"""meta against a Prism mock of the pinned Kimai document (requests validated)."""

import pytest

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("entity", ["customer", "project", "activity", "timesheet"])
async def test_update_sends_one_conforming_request_per_field(mcp, entity):
    data = [
        {"name": "location", "value": "Berlin"},
        {"name": "cost_center", "value": 42},
        {"name": "ok", "value": True},
    ]
    result = await mcp.call_tool("meta", {"entity": entity, "entity_id": 1, "action": "update", "data": data})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["set"] == 3


async def test_invoice_custom_fields_go_in_one_request(mcp):
    data = [{"name": "po_number", "value": "PO-7781"}, {"name": "note", "value": None}]
    result = await mcp.call_tool("meta", {"entity": "invoice", "entity_id": 1, "action": "update", "data": data})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["set"] == 2
