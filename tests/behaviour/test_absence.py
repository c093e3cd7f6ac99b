"""absence against a scripted Kimai with the WorkContract plugin: splitting, rollback, scopes, attendance, counts."""

import copy
import json
from datetime import date, timedelta

import httpx
import pytest
from mcp import Client

from kimai_tools.server import build_server
from tests.conftest import settings_for
from tests.support.fake import FakeKimai, json_response, recorded, replay

pytestmark = pytest.mark.anyio

ME = recorded("006-get_me_user")["response"]["json_body"]  # admin, id 1
USERS = recorded("117-get_get_users")["response"]["json_body"]  # admin 1, alice 4, susan 2, tom 3
FULL_USERS = recorded("118-get_get_users")["response"]["json_body"]
FORBIDDEN = "116-get_get_teams"  # Kimai's real 403 body
OVERLAP = {"code": 400, "message": "Validation Failed",
           "errors": {"children": {"date": {"errors": ["An absence already exists on this day."]}}}}  # fmt: skip
TYPES = {"holiday": "Vacation", "sickness": "Sickness", "time_off": "Time off"}


def user_of(user_id):
    return next(u for u in USERS if u["id"] == user_id)


def absence(absence_id, user_id, day, kind="holiday", status="approved", half=False, duration=None):
    return {"id": absence_id, "user": user_of(user_id), "date": f"{day}T00:00:00+0000", "type": kind,
            "status": status, "halfDay": half, "duration": duration}  # fmt: skip


class Absences:
    """Kimai's absence store: a POST creates one absence per day; failures are injected by start date or id."""

    def __init__(self, kimai: FakeKimai):
        self.kimai = kimai
        self.stored: dict[int, dict] = {}
        self.next_id = 100
        self.refuse_dates: set[str] = set()
        self.silent_dates: set[str] = set()
        self.undeletable: set[int] = set()
        kimai.on("POST", "/api/absences", self.create)
        kimai.on("DELETE", "/api/absences/{id}", self.delete)

    def create(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if body["date"] in self.refuse_dates:
            return json_response(OVERLAP, 400)
        if body["date"] in self.silent_dates:
            raise httpx.ReadTimeout("timed out", request=request)
        first = date.fromisoformat(body["date"])
        last = date.fromisoformat(body.get("end", body["date"]))
        made = []
        for offset in range((last - first).days + 1):
            made.append(absence(self.next_id, body["user"], first + timedelta(days=offset), body["type"], "new"))
            self.stored[self.next_id] = made[-1]
            self.next_id += 1
        return json_response(made)

    def delete(self, request: httpx.Request) -> httpx.Response:
        absence_id = int(request.url.path.rsplit("/", 1)[1])
        if absence_id in self.undeletable:
            return json_response({"code": 500, "message": "Internal Server Error"}, 500)
        if self.stored.pop(absence_id, None) is None:
            return json_response({"code": 404, "message": "Not Found"}, 404)
        return httpx.Response(204)


def plugin_kimai() -> FakeKimai:
    kimai = FakeKimai(plugins=["WorkContractBundle"])
    kimai.on("GET", "/api/users/me", ME)
    kimai.on("GET", "/api/absences/types", TYPES)
    return kimai


async def run(kimai: FakeKimai, **arguments):
    async with Client(build_server(settings_for("http://kimai.test"), transport=kimai.transport)) as client:
        return await client.call_tool("absence", arguments)


def chunks_sent(kimai):
    return [(b["date"], b.get("end")) for b in kimai.bodies("POST", "/api/absences")]


# splitting


async def test_a_range_over_30_days_is_created_as_three_absences_kimai_accepts():
    kimai = plugin_kimai()
    store = Absences(kimai)
    result = await run(kimai, action="create", data={"date": "2025-09-01", "end": "2025-11-29", "type": "holiday"})
    assert not result.is_error, result.content[0].text
    assert chunks_sent(kimai) == [("2025-09-01", "2025-09-30"), ("2025-10-01", "2025-10-30"),
                                  ("2025-10-31", "2025-11-29")]  # fmt: skip
    bodies = kimai.bodies("POST", "/api/absences")
    assert {(b["user"], b["comment"], b["type"]) for b in bodies} == {(1, "Vacation", "holiday")}
    assert result.structured_content["ids"] == sorted(store.stored) and len(store.stored) == 90
    text = result.content[0].text
    assert "2025-09-01..2025-11-29 (90 days)" in text and "Absence ids: 100-189." in text


async def test_a_range_across_the_year_end_is_created_as_two_absences():
    kimai = plugin_kimai()
    Absences(kimai)
    result = await run(kimai, action="create", data={"date": "2025-12-20", "end": "2026-01-05", "type": "sickness",
                                                     "comment": "flu", "user": "4"})  # fmt: skip
    assert not result.is_error, result.content[0].text
    assert chunks_sent(kimai) == [("2025-12-20", "2025-12-31"), ("2026-01-01", "2026-01-05")]
    assert {(b["user"], b["comment"]) for b in kimai.bodies("POST", "/api/absences")} == {(4, "flu")}
    assert kimai.sent("GET", "/api/absences/types") == []  # a comment was given: no label needed


async def test_a_single_day_is_sent_without_an_end():
    kimai = plugin_kimai()
    Absences(kimai)
    result = await run(kimai, action="create", data={"date": "2025-03-03", "type": "time_off", "halfDay": True})
    assert not result.is_error, result.content[0].text
    assert kimai.bodies("POST", "/api/absences") == [
        {"date": "2025-03-03", "type": "time_off", "halfDay": True, "user": 1, "comment": "Time off"}
    ]


async def test_an_end_before_the_date_is_refused_before_anything_is_sent():
    kimai = plugin_kimai()
    result = await run(kimai, action="create", data={"date": "2025-03-03", "end": "2025-03-01", "type": "holiday"})
    assert result.is_error and "before it begins" in result.content[0].text
    assert kimai.sent("POST") == []


# nothing left half-done


@pytest.mark.parametrize(
    ("failing", "number", "created_before"),
    [("2025-09-01", 1, 0), ("2025-10-01", 2, 30), ("2025-10-31", 3, 60)],
    ids=["first", "middle", "last"],
)
async def test_a_failing_chunk_deletes_what_this_request_created(failing, number, created_before):
    kimai = plugin_kimai()
    store = Absences(kimai)
    store.stored[7] = absence(7, 1, "2025-08-01")  # someone's earlier absence must survive
    store.refuse_dates = {failing}
    result = await run(kimai, action="create", data={"date": "2025-09-01", "end": "2025-11-29", "type": "holiday"})
    assert result.is_error
    text = result.content[0].text
    assert f"failed at absence {number} of 3" in text
    assert "An absence already exists on this day" in text
    assert len(chunks_sent(kimai)) == number  # nothing after the failure is attempted
    assert list(store.stored) == [7]
    deleted = [int(r.url.path.rsplit("/", 1)[1]) for r in kimai.sent("DELETE")]
    assert deleted == list(range(100 + created_before - 1, 99, -1))  # newest first
    if created_before:
        assert "were deleted again" in text and "nothing of this request remains" in text
    else:
        assert "Nothing of this request was created." in text


async def test_a_failing_clean_up_lists_exactly_the_ids_that_still_exist():
    kimai = plugin_kimai()
    store = Absences(kimai)
    store.refuse_dates = {"2025-10-31"}
    store.undeletable = {105, 131}
    result = await run(kimai, action="create", data={"date": "2025-09-01", "end": "2025-11-29", "type": "holiday"})
    assert result.is_error
    text = result.content[0].text
    assert sorted(store.stored) == [105, 131]
    assert "still exist: ids 105, 131" in text
    assert "batch_delete, ids [105, 131]" in text
    assert "#131: Kimai refused DELETE /api/absences/{id} with 500" in text


async def test_one_absence_that_fails_is_just_kimais_error():
    kimai = plugin_kimai()
    store = Absences(kimai)
    store.refuse_dates = {"2025-03-03"}
    result = await run(kimai, action="create", data={"date": "2025-03-03", "end": "2025-03-07", "type": "holiday"})
    assert result.is_error
    text = result.content[0].text
    assert text.endswith(
        "Kimai refused POST /api/absences with 400 Validation Failed. date: An absence already exists on this day."
    )


async def test_a_chunk_without_answer_may_exist_and_the_answer_says_so():
    kimai = plugin_kimai()
    store = Absences(kimai)
    store.silent_dates = {"2025-10-01"}
    result = await run(kimai, action="create", data={"date": "2025-09-01", "end": "2025-11-29", "type": "holiday"})
    assert result.is_error
    text = result.content[0].text
    assert "failed at absence 2 of 3 (2025-10-01..2025-10-30)" in text
    assert "may exist anyway" in text and "nothing of this request remains" not in text
    assert len(kimai.sent("POST", "/api/absences")) == 2  # a POST is never retried
    assert store.stored == {}


# scopes


def with_absences(kimai, by_user: dict[int, list], forbidden: set[int] = frozenset()):
    def handler(request):
        user = int(request.url.params.get("user") or ME["id"])
        if user in forbidden:
            return replay(FORBIDDEN)
        return json_response(by_user.get(user, []))

    kimai.on("GET", "/api/absences", handler)


async def test_self_scope_asks_for_the_current_users_absences_with_full_date_times():
    kimai = plugin_kimai()
    with_absences(kimai, {1: [absence(1, 1, "2025-05-02")]})
    result = await run(kimai, action="list", filters={"begin": "2025-05-01", "end": "2025-05-31"})
    assert not result.is_error, result.content[0].text
    (request,) = kimai.sent("GET", "/api/absences")
    assert dict(request.url.params) == {"begin": "2025-05-01T00:00:00", "end": "2025-05-31T23:59:59", "status": "all"}
    assert result.content[0].text.splitlines()[1] == "#1 2025-05-02 holiday | admin (#1) | approved"


async def test_specific_scope_asks_for_that_user():
    kimai = plugin_kimai()
    with_absences(kimai, {4: [absence(2, 4, "2025-05-02", "time_off", status="open", duration=5400)]})
    result = await run(kimai, action="list", filters={"user": "4", "status": "open"})
    assert not result.is_error, result.content[0].text
    (request,) = kimai.sent("GET", "/api/absences")
    assert request.url.params["user"] == "4" and request.url.params["status"] == "open"
    assert result.structured_content["items"][0]["user"] == {"id": 4, "username": "alice", "alias": "Alice Example"}
    assert result.content[0].text.splitlines()[1] == "#2 2025-05-02 time_off | Alice Example (#4) | open | 1.5 h"


async def test_all_scope_reads_every_visible_user_and_names_those_it_may_not_read():
    kimai = plugin_kimai()
    kimai.on("GET", "/api/users", replay("117-get_get_users"))
    with_absences(kimai, {1: [absence(1, 1, "2025-05-02")], 4: [absence(2, 4, "2025-05-01", "sickness")]},
                  forbidden={3})  # fmt: skip
    result = await run(kimai, action="list", filters={"user_scope": "all"})
    assert not result.is_error, result.content[0].text
    asked = sorted(r.url.params.get("user", "me") for r in kimai.sent("GET", "/api/absences"))
    assert asked == ["2", "3", "4", "me"]
    assert [a["id"] for a in result.structured_content["items"]] == [2, 1]  # by date
    assert result.structured_content["notes"] == ["Absences not read, no permission (403): Tom Example (#3)."]
    assert result.content[0].text.endswith("Absences not read, no permission (403): Tom Example (#3).")


async def test_all_scope_with_a_token_that_may_not_list_users_shows_its_own_and_says_so():
    kimai = plugin_kimai()
    kimai.on("GET", "/api/users", replay("263-get_get_users"))
    with_absences(kimai, {1: [absence(1, 1, "2025-05-02")]})
    result = await run(kimai, action="list", filters={"user_scope": "all"})
    assert not result.is_error, result.content[0].text
    assert "may not list users (403)" in result.content[0].text
    assert result.structured_content["total"] == 1


async def test_an_unknown_scope_or_status_is_refused_naming_the_valid_ones():
    kimai = plugin_kimai()
    scope = await run(kimai, action="list", filters={"user_scope": "team"})
    status = await run(kimai, action="list", filters={"status": "rejected"})
    assert scope.is_error and "self, all, specific" in scope.content[0].text
    assert status.is_error and "approved, open, all" in status.content[0].text
    assert kimai.sent("GET", "/api/absences") == []


# attendance

SATURDAY, HOLIDAY = "2025-05-31", "2025-05-29"  # Ascension Day 2025 is a Thursday


def attendance_kimai(absences, holidays_by_group, forbidden=frozenset()):
    kimai = plugin_kimai()
    users = copy.deepcopy(FULL_USERS)
    tom = next(u for u in users if u["id"] == 3)
    tom["preferences"].append({"name": "public_holiday_group", "value": "2"})  # Tom works under group 2
    kimai.on("GET", "/api/users", users)
    with_absences(kimai, absences, forbidden)

    def holidays(request):
        return json_response(holidays_by_group.get(request.url.params.get("group", "default"), []))

    kimai.on("GET", "/api/public-holidays", holidays)
    return kimai


async def test_attendance_on_a_weekend_reports_nobody_present():
    kimai = attendance_kimai({2: [absence(5, 2, SATURDAY, "sickness")]}, {})
    result = await run(kimai, action="attendance", date=SATURDAY)
    assert not result.is_error, result.content[0].text
    report = result.structured_content
    assert report.get("present") is None
    assert [p["name"] for p in report["absent"]] == ["Susan Example"]
    assert {p["reason"] for p in report["day_off"]} == {"weekend"} and len(report["day_off"]) == 3
    for request in kimai.sent("GET", "/api/absences"):
        assert (
            request.url.params["begin"] == f"{SATURDAY}T00:00:00"
            and request.url.params["end"] == f"{SATURDAY}T23:59:59"
        )


async def test_attendance_on_a_public_holiday_follows_each_users_holiday_group():
    ascension = {"id": 9, "date": f"{HOLIDAY}T00:00:00+0000", "name": "Ascension Day", "halfDay": False,
                 "publicHolidayGroup": {"id": 1, "name": "Germany"}}  # fmt: skip
    kimai = attendance_kimai({4: [absence(6, 4, HOLIDAY, "holiday", status="open", half=True)]},
                             {"default": [ascension], "2": []}, forbidden={2})  # fmt: skip
    result = await run(kimai, action="attendance", date=HOLIDAY)
    assert not result.is_error, result.content[0].text
    lines = result.content[0].text.splitlines()
    assert lines == [
        "Attendance on Thursday 2025-05-29:",
        "present (1): Tom Example",  # group 2 has no holiday that day
        "absent (1): Alice Example (holiday, half day, status open)",
        "public holiday Ascension Day (1): admin",
        "not checked (no permission to read absences) (1): Susan Example",
    ]
    assert sorted(r.url.params.get("group", "-") for r in kimai.sent("GET", "/api/public-holidays")) == ["-", "2"]


async def test_attendance_for_one_user_reads_only_that_user():
    kimai = attendance_kimai({}, {})
    kimai.on("GET", "/api/users/{id}", next(u for u in FULL_USERS if u["id"] == 4))
    result = await run(kimai, action="attendance", date="2025-06-02", filters={"user": 4})
    assert not result.is_error, result.content[0].text
    assert result.content[0].text.splitlines()[1] == "present (1): Alice Example"
    assert [r.url.params["user"] for r in kimai.sent("GET", "/api/absences")] == ["4"]


# statistics


async def test_statistics_count_half_days_as_half():
    kimai = plugin_kimai()
    with_absences(kimai, {1: [absence(1, 1, "2025-02-03"), absence(2, 1, "2025-02-04", half=True),
                              absence(3, 1, "2025-03-10", "sickness", duration=14400)]})  # fmt: skip
    result = await run(
        kimai, action="statistics", group_by="type", filters={"begin": "2025-01-01", "end": "2025-12-31"}
    )
    assert not result.is_error, result.content[0].text
    rows = {r["key"]: (r["absences"], r["days"]) for r in result.structured_content["rows"]}
    assert rows == {"holiday": (2, 1.5), "sickness": (1, 1.0)}
    assert result.structured_content["total"]["days"] == 2.5
    assert kimai.sent("GET", "/api/absences")[0].url.params["status"] == "approved"


async def test_statistics_without_a_period_count_the_current_year():
    kimai = plugin_kimai()
    with_absences(kimai, {})
    result = await run(kimai, action="statistics", group_by="month")
    assert not result.is_error, result.content[0].text
    year = date.today().year
    params = kimai.sent("GET", "/api/absences")[0].url.params
    assert (params["begin"], params["end"]) == (f"{year}-01-01T00:00:00", f"{year}-12-31T23:59:59")


# one by id, batches


async def test_approve_confirms_and_shows_the_absence():
    kimai = plugin_kimai()
    kimai.on("PATCH", "/api/absences/{id}/confirm", absence(12, 4, "2025-07-01"))
    result = await run(kimai, action="approve", id=12)
    assert not result.is_error, result.content[0].text
    assert result.content[0].text == "Approved absence #12 2025-07-01 holiday | Alice Example (#4) | approved"
    assert [r.url.path for r in kimai.sent("PATCH")] == ["/api/absences/12/confirm"]


async def test_batch_approve_reports_each_outcome_when_some_fail():
    kimai = plugin_kimai()

    def confirm(request):
        absence_id = int(request.url.path.split("/")[3])
        return replay(FORBIDDEN) if absence_id == 11 else json_response(absence(absence_id, 4, "2025-07-01"))

    kimai.on("PATCH", "/api/absences/{id}/confirm", confirm)
    result = await run(kimai, action="batch_approve", ids=[10, 11, 12, 12])
    assert not result.is_error, result.content[0].text
    assert result.structured_content["succeeded"] == 2 and result.structured_content["failed"] == 1
    text = result.content[0].text
    assert text.startswith("Approved 2 of 3 absences; 1 failed:")
    assert "11: Kimai refused PATCH /api/absences/{id}/confirm with 403 Forbidden" in text
    assert len(kimai.sent("PATCH")) == 3


async def test_batch_dry_run_changes_nothing():
    kimai = plugin_kimai()
    result = await run(kimai, action="batch_delete", ids=[10, 11], dry_run=True)
    assert not result.is_error, result.content[0].text
    assert kimai.sent("DELETE") == []
    assert result.content[0].text.startswith("Dry run, nothing changed: 2 of 2 absences can be deleted")


# without the plugin

NO_PLUGIN = "The WorkContract plugin is not installed on this Kimai"


@pytest.mark.parametrize(
    "arguments",
    [
        {"action": "list"},
        {"action": "list", "filters": {"user_scope": "all"}},
        {"action": "statistics"},
        {"action": "types"},
        {"action": "attendance", "date": "2025-06-02"},
        {"action": "create", "data": {"date": "2025-09-01", "end": "2025-11-29", "type": "holiday"}},
        {"action": "create", "data": {"date": "2025-09-01", "type": "holiday", "comment": "x"}},
        {"action": "delete", "id": 3},
        {"action": "approve", "id": 3},
        {"action": "reject", "id": 3},
        {"action": "request", "id": 3},
        {"action": "batch_delete", "ids": [1, 2, 3]},
        {"action": "batch_approve", "ids": [1, 2]},
        {"action": "batch_reject", "ids": [1]},
    ],
    ids=lambda a: "-".join(str(v) for v in a.values() if not isinstance(v, dict | list)),
)
async def test_without_the_plugin_every_action_says_so_once(arguments):
    kimai = FakeKimai()  # no absence or holiday routes: Kimai answers 404
    kimai.on("GET", "/api/users/me", ME)
    kimai.on("GET", "/api/users", USERS)
    result = await run(kimai, **arguments)
    assert result.is_error
    text = result.content[0].text
    assert text.count(NO_PLUGIN) == 1, text
    assert text.startswith(NO_PLUGIN)
