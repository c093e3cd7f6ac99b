"""absence against a Prism mock of Kimai's document with the WorkContract paths: every action conforms."""

import pytest

pytestmark = pytest.mark.anyio


async def call(mcp, **arguments):
    result = await mcp.call_tool("absence", arguments)
    assert not result.is_error, result.content[0].text
    return result


@pytest.mark.parametrize(
    "filters",
    [
        None,
        {"user_scope": "all", "status": "open"},
        {"user": "5", "status": "all", "begin": "2025-01-01", "end": "2025-12-31"},
    ],
)
async def test_list_sends_a_valid_query_in_every_scope(mcp, filters):
    result = await call(mcp, action="list", filters=filters)
    assert result.content[0].text.startswith(("1 absence (", "No absences"))
    assert "items" in result.structured_content or result.structured_content["total"] == 0


@pytest.mark.parametrize("group_by", ["type", "user", "month"])
async def test_statistics_count_days_by_group(mcp, group_by):
    result = await call(
        mcp, action="statistics", group_by=group_by, filters={"begin": "2025-01-01", "end": "2025-03-31"}
    )
    assert result.structured_content["group_by"] == group_by
    assert result.content[0].text.startswith(f"Absences by {group_by}")


async def test_types_lists_labels(mcp):
    result = await call(mcp, action="types", language="de")
    assert result.structured_content["types"]


async def test_create_one_absence_reports_its_id(mcp):
    result = await call(mcp, action="create", data={"date": "2024-02-15", "end": "2024-02-20", "type": "holiday",
                                                     "comment": "Vacation in the mountains"})  # fmt: skip
    assert result.structured_content["days"] == 6
    assert "Absence ids" in result.content[0].text


async def test_create_split_sends_every_chunk_and_defaults_the_comment(mcp):
    result = await call(mcp, action="create", data={"date": "2025-12-20", "end": "2026-01-05", "type": "sickness",
                                                     "halfDay": False, "duration": 8})  # fmt: skip
    assert [a["begin"] for a in result.structured_content["absences"]] == ["2025-12-20", "2026-01-01"]


@pytest.mark.parametrize("action", ["delete", "approve", "reject", "request"])
async def test_actions_by_id(mcp, action):
    result = await call(mcp, action=action, id=7)
    assert "#" in result.content[0].text


@pytest.mark.parametrize("action", ["batch_delete", "batch_approve", "batch_reject"])
async def test_batches(mcp, action):
    result = await call(mcp, action=action, ids=[3, 4, 4])
    assert result.structured_content["total"] == 2
    assert result.structured_content["failed"] == 0


async def test_batch_dry_run_sends_nothing_that_changes(mcp):
    result = await call(mcp, action="batch_delete", ids=[3, 4], dry_run=True)
    assert result.structured_content["dry_run"] is True
    assert result.content[0].text.startswith("Dry run, nothing changed")


@pytest.mark.parametrize("filters", [None, {"user_scope": "self"}, {"user_scope": "specific", "user": 2}])
async def test_attendance_reads_users_absences_and_holidays(mcp, filters):
    result = await call(mcp, action="attendance", date="2024-12-29", filters=filters)
    assert result.content[0].text.startswith("Attendance on Sunday 2024-12-29")
    assert not result.structured_content.get("present")
