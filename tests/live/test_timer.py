"""timer against the real Kimai 2.31: running records, judged by what Kimai then holds."""

import pytest

from tests.support.live import text

pytestmark = pytest.mark.anyio


@pytest.fixture
def idle(admin_rest, user_rest):
    """No record running for either user (an earlier run may have left one)."""
    for rest in (admin_rest, user_rest):
        for running in rest.get("/timesheets/active"):
            rest.patch(f"/timesheets/{running['id']}/stop")
    yield
    for rest in (admin_rest, user_rest):
        for running in rest.get("/timesheets/active"):
            rest.patch(f"/timesheets/{running['id']}/stop")


def running_ids(rest) -> list[int]:
    return [r["id"] for r in rest.get("/timesheets/active")]


async def test_start_active_stop(admin, admin_rest, seed_data, idle):
    description = seed_data.name("timer")
    started = await admin.call_tool("timer", {"action": "start", "data": {"project": seed_data.scratch["id"],
                                    "activity": seed_data.chores["id"], "description": description}})  # fmt: skip
    assert not started.is_error, text(started)
    sheet_id = started.structured_content["id"]
    assert running_ids(admin_rest) == [sheet_id]
    assert admin_rest.get(f"/timesheets/{sheet_id}")["description"] == description

    active = await admin.call_tool("timer", {"action": "active"})
    assert [r["id"] for r in active.structured_content["items"]] == [sheet_id]

    stopped = await admin.call_tool("timer", {"action": "stop"})
    assert not stopped.is_error, text(stopped)
    assert running_ids(admin_rest) == []
    assert admin_rest.get(f"/timesheets/{sheet_id}")["end"] is not None


async def test_stop_by_id(admin, admin_rest, seed_data, idle):
    sheet = admin_rest.post("/timesheets", {"project": seed_data.scratch["id"], "activity": seed_data.chores["id"]})
    result = await admin.call_tool("timer", {"action": "stop", "id": sheet["id"]})

    assert not result.is_error, text(result)
    assert admin_rest.get(f"/timesheets/{sheet['id']}")["end"] is not None


async def test_stop_with_nothing_running(admin, admin_rest, idle):
    result = await admin.call_tool("timer", {"action": "stop"})

    assert not result.is_error, text(result)
    assert result.structured_content["total"] == 0 and running_ids(admin_rest) == []


async def test_a_second_start_names_the_record_kimai_stopped(admin, admin_rest, seed_data, idle):
    """Kimai 2.31 allows one running record (activeEntriesHardLimit 1) and stops the older one itself."""
    limit = admin_rest.get("/config/timesheet")["activeEntriesHardLimit"]
    body = {"project": seed_data.scratch["id"], "activity": seed_data.chores["id"]}
    first = (await admin.call_tool("timer", {"action": "start", "data": body})).structured_content["id"]
    second = await admin.call_tool("timer", {"action": "start", "data": body})

    assert not second.is_error, text(second)
    running = running_ids(admin_rest)
    assert second.structured_content["id"] in running and len(running) <= limit
    if limit == 1:
        assert admin_rest.get(f"/timesheets/{first}")["end"] is not None
        assert f"#{first}" in text(second) and "stopped" in text(second), text(second)


async def test_restart_runs_a_new_record(admin, admin_rest, seed_data, idle):
    body = {"project": seed_data.scratch["id"], "activity": seed_data.chores["id"], "begin": "2024-12-09T09:00:00",
            "end": "2024-12-09T10:00:00", "description": seed_data.name("again"), "tags": seed_data.label}  # fmt: skip
    sheet = admin_rest.post("/timesheets", body)
    result = await admin.call_tool("timer", {"action": "restart", "id": sheet["id"], "data": {"copy": "all"}})

    assert not result.is_error, text(result)
    new_id = result.structured_content["id"]
    assert new_id != sheet["id"] and running_ids(admin_rest) == [new_id]
    copy = admin_rest.get(f"/timesheets/{new_id}")
    assert (copy["project"], copy["activity"], copy["description"]) == (
        sheet["project"], sheet["activity"], sheet["description"])  # fmt: skip
    assert copy["tags"] == sheet["tags"]


async def test_recent_lists_what_kimai_lists(admin, admin_rest, idle):
    result = await admin.call_tool("timer", {"action": "recent", "size": 5})

    assert not result.is_error, text(result)
    assert [r["id"] for r in result.structured_content.get("items", [])] == [
        r["id"] for r in admin_rest.get("/timesheets/recent", size=5)
    ]


async def test_a_plain_user_runs_their_own_timer(user, user_rest, admin_rest, seed_data, idle):
    body = {"project": seed_data.scratch["id"], "activity": seed_data.chores["id"]}
    started = await user.call_tool("timer", {"action": "start", "data": body})
    assert not started.is_error, text(started)
    sheet_id = started.structured_content["id"]
    assert admin_rest.get(f"/timesheets/{sheet_id}")["user"] == seed_data.user["id"]
    assert running_ids(user_rest) == [sheet_id]

    stopped = await user.call_tool("timer", {"action": "stop", "id": sheet_id})
    assert not stopped.is_error, text(stopped)
    assert running_ids(user_rest) == []
