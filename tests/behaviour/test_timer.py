"""timer against a scripted Kimai answering with real Kimai 2.31 bodies."""

import httpx
import pytest

from tests.support.fake import FakeKimai, call_tool, json_response, recorded, replay, text

pytestmark = pytest.mark.anyio


async def call(kimai: FakeKimai, arguments: dict):
    return await call_tool(kimai, "timer", arguments)


def body_of(name: str):
    return recorded(name)["response"]["json_body"]


async def test_start_sends_only_the_given_fields_and_no_end():
    kimai = FakeKimai().on("POST", "/api/timesheets", replay("087-post_post_timesheet"))
    data = {"project": 1, "activity": 1, "description": "Timer running (admin)", "tags": ["remote"]}
    result = await call(kimai, {"action": "start", "data": data})
    assert not result.is_error, text(result)
    assert kimai.bodies("POST", "/api/timesheets") == [
        {"project": 1, "activity": 1, "description": "Timer running (admin)", "tags": "remote"}
    ]
    assert text(result) == (
        "Started #40 2026-11-24 05:52– running | Website Relaunch (Acme GmbH) / Development | admin"
        ' | "Timer running (admin)" [remote]'
    )


async def test_start_with_an_end_is_refused_before_sending():
    kimai = FakeKimai()
    data = {"project": 1, "activity": 1, "end": "2026-11-24T10:00:00"}
    result = await call(kimai, {"action": "start", "data": data})
    assert result.is_error and "timesheet create" in text(result)
    assert kimai.sent("POST") == []


async def test_start_takes_a_begin_given_beside_data():
    kimai = FakeKimai().on("POST", "/api/timesheets", replay("087-post_post_timesheet"))
    await call(kimai, {"action": "start", "data": {"project": 1, "activity": 1}, "begin": "2026-11-24 05:52"})
    assert kimai.bodies("POST", "/api/timesheets") == [{"project": 1, "activity": 1, "begin": "2026-11-24T05:52:00"}]


async def test_stop_without_id_stops_the_only_running_record():
    kimai = FakeKimai().on("GET", "/api/timesheets/active", replay("144-get_active_timesheet"))
    kimai.on("PATCH", "/api/timesheets/{id}/stop", replay("175-patch_stop_timesheet"))
    result = await call(kimai, {"action": "stop"})
    assert not result.is_error, text(result)
    assert [r.url.path for r in kimai.sent("PATCH")] == ["/api/timesheets/40/stop"]
    assert text(result).startswith("Stopped #39 2026-11-24 07:17–07:38 0.35 h")


async def test_stop_without_id_lists_several_running_records_and_stops_none():
    running = body_of("144-get_active_timesheet") + body_of("300-get_active_timesheet")
    kimai = FakeKimai().on("GET", "/api/timesheets/active", json_response(running))
    result = await call(kimai, {"action": "stop"})
    assert kimai.sent("PATCH") == []
    lines = text(result).splitlines()
    assert lines[0] == "2 timers are running; none stopped. Call stop with the id of one:"
    assert lines[1].startswith("#40 ") and lines[2].startswith("#43 ")
    assert [item["id"] for item in result.structured_content["items"]] == [40, 43]


async def test_stop_without_id_when_nothing_runs_says_so():
    kimai = FakeKimai().on("GET", "/api/timesheets/active", replay("145-get_active_timesheet"))
    result = await call(kimai, {"action": "stop"})
    assert not result.is_error
    assert text(result) == "No timer is running; nothing to stop."
    assert kimai.sent("PATCH") == []


async def test_stop_with_id_stops_that_record_without_looking_for_others():
    kimai = FakeKimai().on("PATCH", "/api/timesheets/{id}/stop", replay("175-patch_stop_timesheet"))
    await call(kimai, {"action": "stop", "id": 39})
    assert [r.url.path for r in kimai.requests if r.url.path != "/api/version"] == ["/api/timesheets/39/stop"]


@pytest.mark.parametrize(
    ("arguments", "body"),
    [
        ({}, None),
        ({"data": {"copy": True}}, {"copy": "all"}),
        ({"data": {"begin": "2026-11-24 01:32"}}, {"begin": "2026-11-24T01:32:00"}),
        ({"begin": "2026-11-24T01:32:00", "data": {"copy": "all"}}, {"copy": "all", "begin": "2026-11-24T01:32:00"}),
    ],
)
async def test_restart_sends_a_body_only_when_asked(arguments, body):
    kimai = FakeKimai().on("PATCH", "/api/timesheets/{id}/restart", replay("177-patch_restart_timesheet"))
    result = await call(kimai, {"action": "restart", "id": 39, **arguments})
    assert not result.is_error, text(result)
    assert kimai.bodies("PATCH", "/api/timesheets/39/restart") == [body]
    assert text(result).startswith("Restarted #39 as #42 2026-11-24 07:37– running")


async def test_active_lists_running_records_with_names():
    kimai = FakeKimai().on("GET", "/api/timesheets/active", replay("144-get_active_timesheet"))
    result = await call(kimai, {"action": "active"})
    assert text(result).splitlines() == [
        "1 running:",
        "#40 2026-11-24 05:52– running | Website Relaunch (Acme GmbH) / Development | admin"
        ' | "Timer running (admin)" [remote]',
    ]


async def test_recent_passes_size_and_a_local_begin():
    kimai = FakeKimai().on("GET", "/api/timesheets/recent", replay("147-get_recent_timesheet"))
    result = await call(kimai, {"action": "recent", "size": 3, "begin": "2026-10-25"})
    assert not result.is_error, text(result)
    request = kimai.sent("GET", "/api/timesheets/recent")[0]
    assert dict(request.url.params) == {"size": "3", "begin": "2026-10-25T00:00:00"}
    assert "Susan Example" in text(result)


@pytest.mark.parametrize(
    "arguments",
    [{"action": "favorites"}, {"action": "favorite", "id": 40}, {"action": "unfavorite", "id": 40}],
)
async def test_favorites_on_an_older_kimai_are_refused_without_asking_it(arguments):
    kimai = FakeKimai(version="2.60.0")
    result = await call(kimai, arguments)
    assert result.is_error
    assert "needs Kimai ≥ 2.66.0; this server runs 2.60.0" in text(result)
    assert kimai.sent(path="/api/favorites.*") == []


async def test_favorites_on_a_newer_kimai_are_listed_added_and_removed():
    kimai = FakeKimai(version="2.66.0")
    kimai.on("GET", "/api/favorites/timesheets", replay("146-get_recent_timesheet"))
    kimai.on("POST", "/api/favorites/timesheets/{id}", httpx.Response(204))
    kimai.on("DELETE", "/api/favorites/timesheets/{id}", httpx.Response(204))
    listed = await call(kimai, {"action": "favorites"})
    added = await call(kimai, {"action": "favorite", "id": 38})
    removed = await call(kimai, {"action": "unfavorite", "id": 38})
    assert text(listed).startswith("7 favourite records")
    assert text(added) == "Timesheet #38 is a favourite."
    assert text(removed) == "Timesheet #38 is no favourite."
    assert [(r.method, r.url.path) for r in kimai.sent(path="/api/favorites.*")] == [
        ("GET", "/api/favorites/timesheets"),
        ("POST", "/api/favorites/timesheets/38"),
        ("DELETE", "/api/favorites/timesheets/38"),
    ]


async def test_start_names_the_running_record_kimai_stopped_for_it():
    """Kimai 2.31 allows one running record by default (activeEntriesHardLimit 1) and stops the older one itself."""
    running = [body_of("144-get_active_timesheet"), []]  # before the start, after it
    kimai = FakeKimai().on("POST", "/api/timesheets", replay("087-post_post_timesheet"))
    kimai.on("GET", "/api/timesheets/active", lambda request: json_response(running.pop(0)))
    result = await call(kimai, {"action": "start", "data": {"project": 1, "activity": 1}})

    assert not result.is_error, text(result)
    stopped = [r["id"] for r in body_of("144-get_active_timesheet")]
    assert result.structured_content["stopped"] == stopped
    assert f"Kimai stopped #{stopped[0]} itself" in text(result).splitlines()[1]


async def test_start_says_nothing_of_records_that_keep_running():
    kimai = FakeKimai().on("POST", "/api/timesheets", replay("087-post_post_timesheet"))
    kimai.on("GET", "/api/timesheets/active", replay("144-get_active_timesheet"))
    result = await call(kimai, {"action": "start", "data": {"project": 1, "activity": 1}})

    assert not result.is_error and "stopped" not in result.structured_content
    assert len(text(result).splitlines()) == 1
