"""Kimai answers 404 alike for a custom field nobody registered and for a missing record: the answer tells which.

A plain Kimai registers no custom fields (recorded: 182-patch_app_api_timesheet_meta); the record itself is read
once to tell the two apart.
"""

import pytest

from tests.support.fake import FakeKimai, call_tool, replay, text

pytestmark = pytest.mark.anyio

UNREGISTERED = "182-patch_app_api_timesheet_meta"
LOCATION = [{"name": "location", "value": "Berlin"}]


def kimai(record_exists: bool) -> FakeKimai:
    fake = FakeKimai(version="2.31.0").on("PATCH", "/api/timesheets/{id}/meta", replay(UNREGISTERED))
    if record_exists:
        fake.on("GET", "/api/timesheets/{id}", replay("142-get_get_timesheet"))
    return fake


async def test_timesheet_meta_update_of_an_existing_record_says_no_such_field_is_registered():
    result = await call_tool(kimai(True), "timesheet", {"action": "meta_update", "id": 1, "meta": LOCATION})

    assert result.is_error
    assert 'no custom field "location" is registered for timesheets' in text(result)
    assert "timesheet 1 itself exists" in text(result) and "No such record" not in text(result)


async def test_timesheet_meta_update_of_an_unreadable_record_names_both_causes():
    result = await call_tool(kimai(False), "timesheet", {"action": "meta_update", "id": 1, "meta": LOCATION})

    assert result.is_error
    assert "most likely" in text(result) and "timesheet 1 does not exist" in text(result)


async def test_the_meta_tool_reads_the_record_once_for_all_fields():
    fake = kimai(True)
    data = [*LOCATION, {"name": "ticket", "value": "4711"}]
    result = await call_tool(fake, "meta", {"entity": "timesheet", "entity_id": 1, "action": "update", "data": data})

    assert result.is_error
    assert text(result).count("itself exists") == 2
    assert len(fake.sent("GET", "/api/timesheets/1")) == 1
