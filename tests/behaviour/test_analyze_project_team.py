"""analyze_project_team against a scripted Kimai answering with real Kimai 2.31 bodies; the timesheets are copies
of a real `full=true` record with chosen users, activities and durations."""

import copy

import httpx
import pytest
from mcp import Client

from kimai_tools.server import build_server
from tests.conftest import settings_for
from tests.support.fake import FakeKimai, json_response, paginate, recorded, replay, text

pytestmark = pytest.mark.anyio

FULL = recorded("128-get_get_timesheets")["response"]["json_body"]  # expanded user/project/activity objects
TOM, ADMIN, SUSAN = FULL[0]["user"], FULL[1]["user"], FULL[3]["user"]
DEVELOPMENT, IOS = FULL[1]["activity"], FULL[0]["activity"]
PERIOD = {"begin": "2026-11-01", "end": "2026-11-30"}


def timesheet(id: int, user: dict, activity: dict, seconds: int | None, billable: bool) -> dict:
    record = copy.deepcopy(FULL[2])
    day = 1 + id % 28
    record |= {"id": id, "user": user, "activity": activity, "billable": billable, "project": FULL[1]["project"]}
    record |= {"begin": f"2026-11-{day:02d}T09:00:00+0000", "duration": seconds or 0}
    record["end"] = f"2026-11-{day:02d}T10:00:00+0000" if seconds is not None else None
    return record


def three_pages() -> list[dict]:
    """1,100 finished half hours (Tom and admin alternating, every 4th billable, every 10th iOS) and one timer."""
    records = [
        timesheet(i, TOM if i % 2 == 0 else ADMIN, IOS if i % 10 == 0 else DEVELOPMENT, 1800, i % 4 == 0)
        for i in range(1100)
    ]
    return records + [timesheet(1100, TOM, DEVELOPMENT, None, True)]


def with_timesheets(kimai: FakeKimai, records: list[dict]) -> FakeKimai:
    return kimai.on("GET", "/api/timesheets", lambda request: paginate(records, request))


async def call(kimai: FakeKimai, arguments: dict, progress: list | None = None):
    server = build_server(settings_for("http://kimai.test"), transport=kimai.transport)

    async def on_progress(done, total, message):
        progress.append((done, total, message))

    async with Client(server) as client:
        return await client.call_tool("analyze_project_team", arguments, progress_callback=on_progress)


def timesheet_requests(kimai: FakeKimai) -> list[httpx.Request]:
    return kimai.sent("GET", "/api/timesheets")


async def test_totals_over_three_pages_are_exact_and_each_page_is_reported():
    kimai = with_timesheets(FakeKimai().on("GET", "/api/projects/{id}", replay("101-get_get_project")), three_pages())
    progress = []
    result = await call(kimai, {"project_id": 1, **PERIOD}, progress)
    assert not result.is_error, text(result)
    data = result.structured_content
    assert data["pages"] == 3
    assert data["totals"]["hours"] == 550.0 and data["totals"]["billable_hours"] == 137.5
    assert data["totals"]["entries"] == 1101 and data["totals"]["running"] == 1
    assert {row["name"]: row["hours"] for row in data["by_user"]} == {"Tom Example": 275.0, "admin": 275.0}
    assert {row["name"]: row["hours"] for row in data["by_activity"]} == {"Development": 495.0, "iOS Development": 55.0}
    assert [params["page"] for params in (r.url.params for r in timesheet_requests(kimai))] == ["1", "2", "3"]
    assert [(done, total) for done, total, _ in progress] == [(1, 3), (2, 3), (3, 3)]
    assert progress[-1][2] == "page 3 of 3: 1101 of 1101 timesheets read"
    assert text(result).startswith(
        "Website Relaunch (#1, Acme GmbH), 2026-11-01T00:00:00 – 2026-11-30T23:59:59, all users: 550 h in 1101 "
        "entries on 28 working days (19.64 h/day); billable 137.5 h (25%); 1 running.\nBy user:\n"
        "  Tom Example (#3)       275 h  50%   550 entries  billable 137.5 h\n"
        "  admin (#1)             275 h  50%   550 entries  billable 0 h\n"
        "By activity:\n"
    )


async def test_the_query_has_the_project_the_whole_days_all_users_and_full_records():
    kimai = with_timesheets(FakeKimai().on("GET", "/api/projects/{id}", replay("101-get_get_project")), [])
    result = await call(kimai, {"project_id": 1, "begin": "2026-11-01", "end": "2026-11-07T18:30"})
    assert not result.is_error, text(result)
    (request,) = timesheet_requests(kimai)
    assert dict(request.url.params) == {
        "project": "1", "begin": "2026-11-01T00:00:00", "end": "2026-11-07T18:30:00", "full": "true",
        "size": "500", "page": "1", "orderBy": "id", "order": "ASC", "user": "all",
    }  # fmt: skip


async def test_a_name_without_match_says_none_was_found():
    kimai = FakeKimai().on("GET", "/api/projects", [])
    result = await call(kimai, {"project_name": "Moon Base", **PERIOD})
    assert not result.is_error, text(result)
    assert text(result).startswith('No project matches "Moon Base"')
    (request,) = kimai.sent("GET", "/api/projects")
    assert dict(request.url.params) == {"term": "Moon Base", "visible": "3", "ignoreDates": "1"}
    assert timesheet_requests(kimai) == []


async def test_a_name_with_one_match_is_analysed():
    kimai = with_timesheets(FakeKimai().on("GET", "/api/projects", replay("099-get_get_projects")), three_pages())
    result = await call(kimai, {"project_name": "Web", **PERIOD})
    assert not result.is_error, text(result)
    assert result.structured_content["project"] == {"id": 1, "name": "Website Relaunch",
                                                    "customer": {"id": 1, "name": "Acme GmbH"}}  # fmt: skip
    assert {r.url.params["project"] for r in timesheet_requests(kimai)} == {"1"}


async def test_a_name_with_several_matches_lists_the_candidates_to_pick_from():
    kimai = FakeKimai().on("GET", "/api/projects", replay("094-get_get_projects"))
    result = await call(kimai, {"project_name": "o", **PERIOD})
    assert not result.is_error, text(result)
    lines = text(result).splitlines()
    assert lines[0] == '5 projects match "o"; call again with project_id of the one you mean:'
    assert "#5 Internal Tools (Initech Ltd)" in lines and "#3 Mobile App (Globex Corporation)" in lines
    assert [c["id"] for c in result.structured_content["candidates"]] == [5, 3, 4, 2, 1]
    assert timesheet_requests(kimai) == []


async def test_a_name_matching_one_project_exactly_picks_it_among_several():
    kimai = with_timesheets(FakeKimai().on("GET", "/api/projects", replay("094-get_get_projects")), [])
    result = await call(kimai, {"project_name": "mobile app", **PERIOD})
    assert not result.is_error, text(result)
    assert timesheet_requests(kimai)[0].url.params["project"] == "3"


async def test_team_scope_sends_the_members_as_users_and_names_who_has_no_entries():
    kimai = (
        FakeKimai()
        .on("GET", "/api/projects/{id}", replay("101-get_get_project"))
        .on("GET", "/api/teams/{id}", replay("115-get_get_team"))
    )
    with_timesheets(kimai, [timesheet(1, TOM, DEVELOPMENT, 3600, True)])
    result = await call(kimai, {"project_id": 1, **PERIOD, "user_scope": "team", "team": 1})
    assert not result.is_error, text(result)
    (request,) = timesheet_requests(kimai)
    assert request.url.params.get_list("users[]") == ["3", "2"] and "user" not in request.url.params
    assert "No entries: Susan Example (#2)" in text(result)
    assert result.structured_content["idle_members"] == ["Susan Example (#2)"]


@pytest.mark.parametrize("scope, sent", [({"user_scope": "self"}, {}), ({"user": 2}, {"user": "2"})])
async def test_self_and_specific_scopes_filter_by_user(scope, sent):
    kimai = with_timesheets(FakeKimai().on("GET", "/api/projects/{id}", replay("101-get_get_project")), [])
    result = await call(kimai, {"project_id": 1, **PERIOD, **scope})
    assert not result.is_error, text(result)
    params = timesheet_requests(kimai)[0].url.params
    assert {k: v for k, v in params.items() if k in ("user", "users[]")} == sent


async def test_details_break_each_user_down_by_activity():
    records = [
        timesheet(1, TOM, DEVELOPMENT, 3600, True),
        timesheet(2, TOM, IOS, 1800, False),
        timesheet(3, SUSAN, IOS, 7200, True),
    ]
    kimai = with_timesheets(FakeKimai().on("GET", "/api/projects/{id}", replay("101-get_get_project")), records)
    result = await call(kimai, {"project_id": 1, **PERIOD, "include_details": True})
    assert not result.is_error, text(result)
    details = {
        d["user"]["name"]: {a["name"]: a["hours"] for a in d["activities"]}
        for d in result.structured_content["details"]
    }
    assert details == {
        "Susan Example": {"iOS Development": 2.0},
        "Tom Example": {"Development": 1.0, "iOS Development": 0.5},
    }
    assert text(result).endswith(
        "By user and activity (entries):\n"
        "  Susan Example: iOS Development 2 h (1)\n"
        "  Tom Example: Development 1 h (1), iOS Development 0.5 h (1)"
    )


async def test_a_failing_later_page_gives_a_partial_result_that_says_so():
    records = three_pages()

    def answer(request):
        if request.url.params["page"] == "2":
            return json_response({"code": 500, "message": "Internal Server Error"}, 500)
        return paginate(records, request)

    kimai = (
        FakeKimai().on("GET", "/api/projects/{id}", replay("101-get_get_project")).on("GET", "/api/timesheets", answer)
    )
    result = await call(kimai, {"project_id": 1, **PERIOD})
    assert not result.is_error, text(result)
    assert result.structured_content["partial"] is True and result.structured_content["totals"]["entries"] == 500
    assert text(result).startswith("Partial result: page 2 of 3 failed")


@pytest.mark.parametrize(
    "arguments, complaint",
    [
        (
            {"project_id": 1, "begin": "01.11.2026", "end": "2026-11-30"},
            "`begin` must be a local date-time like 2024-08-03T09:00:00 or a date alone",
        ),
        ({"project_id": 1, "begin": "2026-11-30", "end": "2026-11-01"}, "is before `begin`"),
        ({"project_id": 1, **PERIOD, "user_scope": "all", "user": 2}, '`user` goes with user_scope "specific"'),
        ({"project_id": 1, **PERIOD, "user_scope": "team"}, 'user_scope "team" needs `team`'),
        ({**PERIOD}, "needs `project_id` or `project_name`"),
    ],
)
async def test_bad_arguments_are_refused_before_sending(arguments, complaint):
    kimai = FakeKimai()
    result = await call(kimai, arguments)
    assert result.is_error and complaint in text(result)
    assert kimai.requests == []


async def test_a_plain_user_refused_the_project_by_id_finds_it_in_the_list():
    """Kimai 2.31 answers a plain user's GET /api/projects/{id} with 403, yet lists the projects of their teams."""
    forbidden = json_response({"code": 403, "message": "Forbidden"}, 403)
    kimai = FakeKimai().on("GET", "/api/projects/{id}", forbidden).on("GET", "/api/users/me", replay("011-get_me_user"))
    kimai.on("GET", "/api/projects", replay("094-get_get_projects"))
    project = recorded("094-get_get_projects")["response"]["json_body"][0]
    mine = [timesheet(1, SUSAN, DEVELOPMENT, 3600, True)]
    result = await call(with_timesheets(kimai, mine), {"project_id": project["id"], **PERIOD})

    assert not result.is_error, text(result)
    assert result.structured_content["project"]["id"] == project["id"]
    assert result.structured_content["totals"]["hours"] == 1
    assert "only their own records" in result.structured_content["note"]


async def test_a_project_nobody_lists_keeps_kimais_403():
    forbidden = json_response({"code": 403, "message": "Forbidden"}, 403)
    kimai = FakeKimai().on("GET", "/api/projects/{id}", forbidden).on("GET", "/api/projects", json_response([]))
    result = await call(kimai, {"project_id": 999, **PERIOD})

    assert result.is_error and "403" in text(result)
    assert timesheet_requests(kimai) == []
