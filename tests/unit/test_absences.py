import itertools
import math
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kimai_tools.domain.absences import (
    absence_statistics,
    attendance,
    render_absence_statistics,
    render_attendance,
    split_absence,
)
from kimai_tools.domain.dates import parse_date

D = date.fromisoformat


# --- dates -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2025-05-24",
        "2025-05-24T00:00:00+0200",
        "2025-05-24T23:30:00+02:00",
        "2025-05-24T23:30:00-0500",
        "2025-05-24T10:00:00Z",
        "2025-05-24 10:00:00",
        date(2025, 5, 24),
        datetime(2025, 5, 24, 23, 59),
    ],
)
def test_parse_date_takes_the_date_as_written(value):
    assert parse_date(value) == D("2025-05-24")


@pytest.mark.parametrize("value", ["24.05.2025", "2025-5-24", "2025-05-24junk", "", None, 20250524])
def test_parse_date_rejects_what_is_not_a_kimai_date(value):
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(value)


# --- split_absence -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("begin", "end", "chunks"),
    [
        (
            "2025-09-01",
            "2025-11-29",
            [("2025-09-01", "2025-09-30"), ("2025-10-01", "2025-10-30"), ("2025-10-31", "2025-11-29")],
        ),
        ("2025-12-20", "2026-01-05", [("2025-12-20", "2025-12-31"), ("2026-01-01", "2026-01-05")]),
        ("2025-03-03", "2025-03-03", [("2025-03-03", "2025-03-03")]),
        ("2025-06-01", "2025-06-30", [("2025-06-01", "2025-06-30")]),
        ("2025-06-01", "2025-07-01", [("2025-06-01", "2025-06-30"), ("2025-07-01", "2025-07-01")]),
        ("2024-12-31", "2025-01-01", [("2024-12-31", "2024-12-31"), ("2025-01-01", "2025-01-01")]),
    ],
)
def test_split_absence_examples(begin, end, chunks):
    assert split_absence(D(begin), D(end)) == [(D(a), D(b)) for a, b in chunks]


def test_split_absence_refuses_an_end_before_the_begin():
    with pytest.raises(ValueError, match="ends on 2025-05-01 before it begins on 2025-05-02"):
        split_absence(D("2025-05-02"), D("2025-05-01"))


def _minimal_chunk_count(begin: date, end: date) -> int:
    """Independent of split_absence: per calendar year, the days it covers split into 30-day pieces."""
    count = 0
    for year in range(begin.year, end.year + 1):
        first, last = max(begin, date(year, 1, 1)), min(end, date(year, 12, 31))
        count += math.ceil(((last - first).days + 1) / 30)
    return count


ranges = st.tuples(st.dates(date(1999, 1, 1), date(2101, 12, 31)), st.integers(0, 1200)).map(
    lambda t: (t[0], min(t[0] + timedelta(days=t[1]), date(2102, 12, 31)))
)


@given(ranges)
def test_split_absence_chunks_cover_the_range_exactly_and_are_valid(span):
    begin, end = span
    chunks = split_absence(begin, end)
    assert chunks[0][0] == begin
    assert chunks[-1][1] == end
    for (_, previous_end), (next_begin, _) in zip(chunks, chunks[1:], strict=False):
        assert next_begin == previous_end + timedelta(days=1)  # contiguous, no overlap, no gap
    for first, last in chunks:
        assert first <= last
        assert first.year == last.year
        assert (last - first).days + 1 <= 30


@given(ranges)
def test_split_absence_uses_as_few_chunks_as_possible(span):
    assert len(split_absence(*span)) == _minimal_chunk_count(*span)


# --- absence_statistics ------------------------------------------------------------------------------------------

IDS = itertools.count(1)
ALICE = {"id": 1, "username": "alice", "alias": "Alice A."}
BOB = {"id": 2, "username": "bob", "alias": None}


def absence(day, type_="holiday", user=ALICE, half=False, duration=None, status="approved", **extra):
    return {
        "id": next(IDS),
        "user": user,
        "date": day,
        "type": type_,
        "status": status,
        "halfDay": half,
        "duration": duration,
        **extra,
    }


ABSENCES = [
    absence("2025-05-24T00:00:00+0200"),
    absence("2025-05-25", half=True),
    absence("2025-06-02T00:00:00+02:00", "sickness", user=BOB, duration=8 * 3600),
    absence("2025-06-03", "sickness", user=BOB, half=True, duration=4 * 3600),
    absence("2025-06-04", "other", user=BOB),
]


def test_statistics_by_type_count_half_days_as_half_and_sum_hours():
    stats = absence_statistics(ABSENCES, "type")
    assert [(r["label"], r["absences"], r["days"], r["hours"]) for r in stats["rows"]] == [
        ("holiday", 2, 1.5, None),
        ("sickness", 2, 1.5, 12.0),
        ("other", 1, 1.0, None),
    ]
    assert stats["total"] == {"absences": 5, "days": 4.0, "hours": 12.0}


def test_statistics_by_user_name_users_by_alias_else_username():
    stats = absence_statistics(ABSENCES, "user")
    assert [(r["key"], r["label"], r["days"]) for r in stats["rows"]] == [(2, "bob", 2.5), (1, "Alice A.", 1.5)]


def test_statistics_by_month_are_chronological():
    stats = absence_statistics(list(reversed(ABSENCES)), "month")
    assert [(r["label"], r["days"]) for r in stats["rows"]] == [("2025-05", 1.5), ("2025-06", 2.5)]


def test_statistics_tolerate_missing_fields_and_nulls():
    sparse = [{"date": None}, {"user": None, "type": None, "halfDay": None, "duration": None}, {"user": 7}]
    assert [(r["label"], r["days"]) for r in absence_statistics(sparse, "type")["rows"]] == [("(no type)", 3.0)]
    by_user = absence_statistics(sparse, "user")["rows"]
    assert sorted(r["label"] for r in by_user) == ["unknown user", "user #7"]
    assert absence_statistics(sparse, "month")["rows"][0]["label"] == "(no date)"


def test_statistics_refuse_an_unknown_grouping():
    with pytest.raises(ValueError, match="type, user, month"):
        absence_statistics([], "week")


def test_render_statistics_is_a_table_with_a_totals_row():
    text = render_absence_statistics(absence_statistics(ABSENCES, "type"))
    assert text.splitlines() == [
        "type      absences  days  hours",
        "holiday          2   1.5",
        "sickness         2   1.5     12",
        "other            1     1",
        "total            5     4     12",
    ]


def test_render_statistics_leaves_out_hours_when_kimai_gave_none():
    text = render_absence_statistics(absence_statistics(ABSENCES[:2], "month"))
    assert text.splitlines() == ["month    absences  days", "2025-05         2   1.5", "total           2   1.5"]


def test_render_statistics_of_nothing():
    assert render_absence_statistics(absence_statistics([], "user")) == "No absences to count by user."


# --- attendance --------------------------------------------------------------------------------------------------

CAROL = {"id": 3, "username": "carol", "alias": "Carol"}
DAVE = {"id": 4, "username": "dave", "alias": ""}
USERS = [ALICE, BOB, CAROL, DAVE]
MONDAY = D("2025-06-02")
WHIT_MONDAY = D("2025-06-09")
HOLIDAYS = [
    {
        "id": 1,
        "date": "2025-06-09T00:00:00+0200",
        "name": "Whit Monday",
        "halfDay": False,
        "publicHolidayGroup": {"id": 1, "name": "Germany"},
    },
    {"id": 2, "date": "2025-12-24", "name": "Christmas Eve", "halfDay": True, "publicHolidayGroup": None},
]


def names(people):
    return [p["name"] for p in people]


def test_attendance_on_a_working_day():
    result = attendance(MONDAY, USERS, ABSENCES, HOLIDAYS, unreadable_user_ids={4})
    assert names(result["present"]) == ["Alice A.", "Carol"]
    assert result["absent"] == [
        {"id": 2, "name": "bob", "absences": [{"type": "sickness", "half_day": False, "status": "approved"}]}
    ]
    assert names(result["not_checked"]) == ["dave"]
    assert result["day_off"] == []


def test_attendance_shows_half_days_and_open_requests():
    pending = [absence("2025-06-02", "time_off", user=CAROL, half=True, status="new")]
    result = attendance(MONDAY, USERS, pending, [])
    assert result["absent"] == [
        {"id": 3, "name": "Carol", "absences": [{"type": "time_off", "half_day": True, "status": "new"}]}
    ]


def test_a_rejected_absence_does_not_make_anyone_absent():
    rejected = [absence("2025-06-02", user=CAROL, status="rejected")]
    assert "Carol" in names(attendance(MONDAY, USERS, rejected, [])["present"])


def test_nobody_is_present_on_a_weekend():
    saturday = D("2025-05-24")
    result = attendance(saturday, USERS, ABSENCES, HOLIDAYS)
    assert result["present"] == []
    assert names(result["absent"]) == ["Alice A."]
    assert [(p["name"], p["reason"]) for p in result["day_off"]] == [
        ("bob", "weekend"),
        ("Carol", "weekend"),
        ("dave", "weekend"),
    ]


def test_nobody_is_present_on_a_public_holiday():
    result = attendance(WHIT_MONDAY, USERS, [], HOLIDAYS)
    assert result["present"] == []
    assert {p["reason"] for p in result["day_off"]} == {"public holiday Whit Monday"}


def test_a_public_holiday_of_another_group_does_not_apply():
    result = attendance(WHIT_MONDAY, USERS, [], HOLIDAYS, holiday_groups={1: 1, 2: 5})
    assert names(result["present"]) == ["bob"]
    assert names(result["day_off"]) == ["Alice A.", "Carol", "dave"]  # group 1, and group not known


def test_a_half_day_holiday_without_group_applies_to_everyone():
    result = attendance(D("2025-12-24"), USERS, [], HOLIDAYS, holiday_groups={1: 1})
    assert {p["reason"] for p in result["day_off"]} == {"public holiday Christmas Eve (half day)"}
    assert len(result["day_off"]) == 4


def test_render_attendance_gives_one_line_per_category():
    absences = [*ABSENCES, absence("2025-06-02", "time_off", user=CAROL, half=True, status="new")]
    text = render_attendance(attendance(MONDAY, USERS, absences, HOLIDAYS, unreadable_user_ids={4}))
    assert text.splitlines() == [
        "Attendance on Monday 2025-06-02:",
        "present (1): Alice A.",
        "absent (2): bob (sickness), Carol (time_off, half day, status new)",
        "not checked (no permission to read absences) (1): dave",
    ]


def test_render_attendance_groups_days_off_by_reason():
    text = render_attendance(attendance(WHIT_MONDAY, USERS, [], HOLIDAYS, holiday_groups={2: 5}))
    assert text.splitlines()[1:] == ["present (1): bob", "public holiday Whit Monday (3): Alice A., Carol, dave"]


def test_render_attendance_without_users():
    assert render_attendance(attendance(MONDAY, [], [], [])) == "Attendance on Monday 2025-06-02:\nno users in scope"
