"""timesheet against a Prism mock of the pinned Kimai document: every request conforms, every answer is read."""

import pytest

pytestmark = pytest.mark.anyio

EVERY_FILTER = {
    "user_scope": "all", "project": 1, "projects": [1, 3], "activity": 7, "activities": [1, 7], "customer": 1,
    "customers": [2], "tags": ["urgent", "review"], "begin": "2026-11-09", "end": "2026-11-14T18:00:00",
    "exported": True, "active": False, "billable": True, "term": "fix", "modified_after": "2026-11-23T00:00:00",
    "order_by": "rate", "order": "DESC", "page": 1, "size": 20,
}  # fmt: skip


def ok(result) -> str:
    assert not result.is_error, result.content[0].text
    return result.content[0].text


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"user_scope": "specific", "user": 3},
        {"users": [2, 4]},
        EVERY_FILTER,
    ],
)
async def test_list_with_filters(mcp, filters):
    text = ok(await mcp.call_tool("timesheet", {"action": "list", "filters": filters}))
    assert "timesheet matches" in text or "timesheets match" in text or text.startswith("No timesheets match")


async def test_list_with_statistics(mcp):
    result = await mcp.call_tool("timesheet", {"action": "list", "filters": {**EVERY_FILTER, "calculate_stats": True}})
    assert ok(result).startswith("Statistics over all")
    assert result.structured_content["partial"] is False


async def test_get(mcp):
    assert ok(await mcp.call_tool("timesheet", {"action": "get", "id": 1})).startswith("Timesheet #")


async def test_create_with_every_field(mcp):
    data = {
        "project": 1, "activity": 5, "begin": "2024-08-03 09:00", "end": "2024-08-03T10:30:00",
        "description": "Working on API integration", "tags": "api, backend", "user": 2, "billable": True,
        "fixedRate": 100, "hourlyRate": "80.5", "exported": False,
    }  # fmt: skip
    assert ok(await mcp.call_tool("timesheet", {"action": "create", "data": data})).startswith("Created #")


async def test_update(mcp):
    data = {"description": "Wireframes v2", "tags": ["review"], "end": "2026-11-04T16:00"}
    assert ok(await mcp.call_tool("timesheet", {"action": "update", "id": 2, "data": data})).startswith("Updated #")


@pytest.mark.parametrize("action", ["delete", "duplicate", "export_toggle"])
async def test_single_record_actions(mcp, action):
    ok(await mcp.call_tool("timesheet", {"action": action, "id": 7}))


async def test_meta_update(mcp):
    meta = [{"name": "location", "value": "Berlin"}, {"name": "ticket", "value": 4711}]
    assert ok(await mcp.call_tool("timesheet", {"action": "meta_update", "id": 1, "meta": meta})).startswith("Set ")


async def test_batch_delete_and_its_dry_run(mcp):
    assert ok(await mcp.call_tool("timesheet", {"action": "batch_delete", "ids": [1, 2]})).startswith("Deleted 2 of 2")
    dry = ok(await mcp.call_tool("timesheet", {"action": "batch_delete", "ids": [1, 2], "dry_run": True}))
    assert dry.startswith("Dry run, nothing changed")


async def test_batch_export_and_its_dry_run(mcp):
    # Prism's static record stays "not exported" after the toggle, which the tool reports per id as a failure
    result = await mcp.call_tool("timesheet", {"action": "batch_export", "ids": [1, 2, 3]})
    assert "Exported 0 of 3 timesheets; 3 failed" in result.content[0].text
    assert "Kimai did not mark it exported" in result.content[0].text
    dry = ok(await mcp.call_tool("timesheet", {"action": "batch_export", "ids": [1, 2, 3], "dry_run": True}))
    assert dry.startswith("Dry run, nothing changed: 3 of 3 timesheets can be exported")


async def test_user_guide(mcp):
    text = ok(await mcp.call_tool("timesheet", {"action": "user_guide"}))
    assert "Users this token can see" in text


async def test_unknown_filter_is_refused_naming_the_valid_ones(mcp):
    result = await mcp.call_tool("timesheet", {"action": "list", "filters": {"projekt": 1}})
    assert result.is_error and "Valid: user_scope" in result.content[0].text
