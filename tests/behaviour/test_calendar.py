"""calendar against a scripted Kimai. The WorkContract plugin is not in the 2.31 traffic: events are minimal ones
of the plugin's CalendarEvent shape."""

import pytest

from tests.support.fake import FakeKimai, call_tool, text

pytestmark = pytest.mark.anyio

EVENTS = [
    {"title": "Sickness: Tom", "color": "#f00", "allDay": True, "start": "2025-05-28T00:00:00+0200",
     "end": "2025-05-28T00:00:00+0200"},
    {"title": "Holiday: Susan", "color": "#0f0", "allDay": True, "start": "2025-05-24", "end": "2025-05-26"},
]  # fmt: skip


async def call(kimai: FakeKimai, arguments: dict):
    return await call_tool(kimai, "calendar", arguments)


@pytest.mark.parametrize("kind", ["absences", "holidays"])
async def test_without_the_plugin_says_so(kind):
    kimai = FakeKimai()  # no calendar routes: Kimai's 404
    result = await call(kimai, {"type": kind})
    assert result.is_error
    assert "The WorkContract plugin is not installed" in text(result)


async def test_absences_one_line_per_entry_in_date_order():
    kimai = FakeKimai(plugins=["WorkContractBundle"]).on("GET", "/api/absences/calendar", EVENTS)
    filters = {"user": "2", "begin": "2025-05-01T08:00:00", "end": "2025-05-31"}
    result = await call(kimai, {"type": "absences", "filters": filters})
    assert not result.is_error, text(result)
    assert text(result) == (
        "2 absences (begin 2025-05-01 end 2025-05-31):\n"
        "2025-05-24 – 2025-05-26 Holiday: Susan\n"
        "2025-05-28 Sickness: Tom"
    )
    (request,) = kimai.sent("GET", "/api/absences/calendar")
    assert dict(request.url.params) == {"user": "2", "begin": "2025-05-01", "end": "2025-05-31"}
    assert result.structured_content["events"][0] == {"title": "Holiday: Susan", "start": "2025-05-24",
                                                      "end": "2025-05-26", "all_day": True}  # fmt: skip


async def test_holidays_read_the_public_holiday_calendar():
    holiday = {"title": "Whit Monday", "allDay": True, "start": "2025-06-09T00:00:00+0200", "end": None}
    kimai = FakeKimai().on("GET", "/api/public-holidays/calendar", [holiday])
    result = await call(kimai, {"type": "holidays", "filters": {"begin": "2025-06-01", "group": 1}})
    assert not result.is_error, text(result)
    assert text(result) == "1 public holiday (begin 2025-06-01):\n2025-06-09 Whit Monday"
    (request,) = kimai.sent("GET", "/api/public-holidays/calendar")
    assert dict(request.url.params) == {"begin": "2025-06-01", "group": "1"}


async def test_a_timed_entry_shows_its_times():
    event = {"title": "Doctor", "allDay": False, "start": "2025-05-02T09:30:00+0200", "end": "2025-05-02T11:00:00+0200"}
    kimai = FakeKimai().on("GET", "/api/absences/calendar", [event])
    result = await call(kimai, {"type": "absences"})
    assert text(result).splitlines()[1] == "2025-05-02 09:30 – 2025-05-02 11:00 Doctor"


@pytest.mark.parametrize(
    "kind, filters, complaint",
    [
        ("holidays", {"user": 2}, "Unknown filters user. Valid: begin, end, group"),
        ("absences", {"begin": "May 1st"}, "`begin` must be a date like 2025-05-24"),
        ("absences", {"begin": "2025-05-10", "end": "2025-05-01"}, "is before `begin`"),
        ("absences", {"user": "susan"}, "`user` must be a number"),
        ("absences", {"status": "denied"}, "`status` must be one of approved, open, all"),
    ],
)
async def test_bad_filters_are_refused_before_sending(kind, filters, complaint):
    kimai = FakeKimai()
    result = await call(kimai, {"type": kind, "filters": filters})
    assert result.is_error and complaint in text(result)
    assert kimai.requests == []


async def test_no_entries_is_said_plainly():
    kimai = FakeKimai().on("GET", "/api/absences/calendar", [])
    result = await call(kimai, {"type": "absences"})
    assert not result.is_error and text(result) == "No absences found."
