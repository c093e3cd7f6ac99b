import json
import tracemalloc
from pathlib import Path

from kimai_tools.domain.stats import TimesheetStats, render_timesheet_stats

TRAFFIC = Path(__file__).resolve().parents[2] / ".." / "shared" / "kimai-2.31-traffic"


def response_body(name: str):
    return json.loads((TRAFFIC / name).read_text())["response"]["json_body"]


def record(begin="2026-11-23T09:00:00+0000", hours=1.0, billable=True, project=1, activity=1, user=1, end="set"):
    seconds = int(hours * 3600)
    return {
        "id": 1,
        "begin": begin,
        "end": begin if end == "set" else end,  # only its presence matters to the statistics
        "duration": seconds,
        "billable": billable,
        "project": project,
        "activity": activity,
        "user": user,
    }


def stats_of(records, names=None) -> TimesheetStats:
    stats = TimesheetStats(names)
    for r in records:
        stats.add(r)
    return stats


def test_totals_hours_billable_share_entries_and_working_days():
    stats = stats_of(
        [
            record("2026-11-23T09:00:00+0000", 3),
            record("2026-11-23T13:00:00+0000", 1, billable=False),
            record("2026-11-24T09:00:00+0000", 4),
        ]
    )
    assert stats.result()["totals"] == {
        "hours": 8.0,
        "billable_hours": 7.0,
        "entries": 3,
        "billable_share": 0.875,
        "running": 0,
        "working_days": 2,
        "hours_per_working_day": 4.0,
    }


def test_running_records_count_as_running_not_as_hours_or_working_days():
    running_zero = {**record("2026-11-25T08:00:00+0000", 0), "end": None, "duration": 0}
    running_null = {**record("2026-11-25T09:00:00+0000", 0), "end": None, "duration": None}
    totals = stats_of([record(hours=2), running_zero, running_null]).result()["totals"]
    assert (totals["hours"], totals["entries"], totals["running"], totals["working_days"]) == (2.0, 3, 2, 1)


def test_nothing_recorded_has_no_share_and_no_daily_average():
    totals = TimesheetStats().result()["totals"]
    assert totals["billable_share"] is None
    assert totals["hours_per_working_day"] is None
    assert totals["hours"] == 0


def test_a_missing_duration_is_taken_from_begin_and_end():
    r = {**record(hours=0), "duration": None, "begin": "2026-11-23T09:00:00+0100", "end": "2026-11-23T10:30:00+0100"}
    assert stats_of([r]).result()["totals"]["hours"] == 1.5


def test_a_record_without_readable_duration_is_counted_but_adds_no_hours():
    r = {**record(hours=0), "duration": None, "begin": None}
    totals = stats_of([r, record(hours=1)]).result()["totals"]
    assert (totals["hours"], totals["entries"], totals["unreadable"]) == (1.0, 2, 1)


def test_the_day_is_the_local_date_written_in_begin():
    late_evening = record("2026-11-24T23:30:00-0500", 1)  # 04:30 UTC on the 25th
    assert [row["day"] for row in stats_of([late_evening]).result()["by_day"]] == ["2026-11-24"]


def test_breakdowns_by_iso_week_and_month():
    result = stats_of(
        [
            record("2026-12-28T09:00:00+0000", 1),
            record("2027-01-01T09:00:00+0000", 2),
            record("2027-01-04T09:00:00+0000"),
        ]
    ).result()
    assert [(row["week"], row["hours"]) for row in result["by_week"]] == [("2026-W53", 3.0), ("2027-W01", 1.0)]
    assert [(row["month"], row["hours"]) for row in result["by_month"]] == [("2026-12", 1.0), ("2027-01", 3.0)]
    assert [row["day"] for row in result["by_day"]] == ["2026-12-28", "2027-01-01", "2027-01-04"]


def test_breakdowns_by_project_activity_user_use_the_names_lookup_for_ids():
    names = {("project", 1): "Website", ("project", 2): "Mobile App", ("user", 5): "Susan"}
    result = stats_of(
        [record(hours=1, project=1, user=5), record(hours=3, project=2, user=5, billable=False)], names
    ).result()
    assert result["by_project"] == [
        {"id": 2, "name": "Mobile App", "hours": 3.0, "billable_hours": 0.0, "entries": 1},
        {"id": 1, "name": "Website", "hours": 1.0, "billable_hours": 1.0, "entries": 1},
    ]
    assert [(row["id"], row["name"]) for row in result["by_activity"]] == [(1, "activity 1")]
    assert [(row["name"], row["hours"]) for row in result["by_user"]] == [("Susan", 4.0)]


def test_records_with_ids_and_with_full_objects_are_counted_together():
    full = record(hours=2, project={"id": 1, "name": "Website"}, user={"id": 5, "username": "susan", "alias": None})
    result = stats_of([record(hours=1, project=1, user=5), full]).result()
    assert [(row["name"], row["hours"]) for row in result["by_project"]] == [("Website", 3.0)]
    assert [(row["name"], row["hours"]) for row in result["by_user"]] == [("susan", 3.0)]


def test_real_kimai_records_with_ids():
    body = response_body("122-get_get_timesheets.json")
    result = stats_of(body).result()
    finished = [r for r in body if r["end"] is not None]
    assert result["totals"]["entries"] == len(body)
    assert result["totals"]["running"] == len(body) - len(finished)
    assert result["totals"]["hours"] == round(sum(r["duration"] for r in finished) / 3600, 2)
    assert result["totals"]["billable_share"] < 1  # one record there is not billable
    assert {row["name"] for row in result["by_project"]} == {f"project {r['project']}" for r in finished}


def test_real_kimai_records_with_full_objects():
    result = stats_of(response_body("128-get_get_timesheets.json")).result()
    assert (result["totals"]["hours"], result["totals"]["running"]) == (5.75, 2)
    assert [(row["name"], row["hours"]) for row in result["by_project"]] == [
        ("Website Relaunch", 4.0),
        ("Support Retainer", 1.75),
    ]
    assert [row["name"] for row in result["by_user"]] == ["Susan Example", "Tom Example", "admin"]
    assert [row["day"] for row in result["by_day"]] == ["2026-11-22", "2026-11-23"]


def test_render_gives_totals_then_breakdowns():
    names = {("project", 1): "Website", ("project", 2): "Mobile App", ("activity", 1): "Development"}
    running = {**record("2026-11-25T08:00:00+0000"), "end": None, "duration": 0}
    stats = stats_of(
        [
            record("2026-11-23T09:00:00+0000", 3, project=1),
            record("2026-11-24T09:00:00+0000", 1, project=2, billable=False),
            running,
        ],
        names,
    )
    assert stats.render().splitlines() == [
        "4 h in 3 entries on 2 working days (2 h/day); billable 3 h (75%); 1 running.",
        "By project: Website 3 h (75%), Mobile App 1 h (25%)",
        "By activity: Development 4 h (100%)",
        "By user: user 1 4 h (100%)",
        "By day: 2026-11-23 3 h, 2026-11-24 1 h",
    ]


def test_render_shows_the_top_rows_and_how_many_more():
    stats = stats_of([record(hours=p, project=p) for p in range(1, 9)])
    assert "By project: project 8 8 h (22%), project 7 7 h (19%), project 6 6 h (17%) (+5 more)" in stats.render(top=3)


def test_a_partial_result_says_so_first():
    stats = stats_of([record()])
    result = stats.result("stopped after 20 pages (1000 of 2345 records)")
    assert result["partial"] is True
    assert render_timesheet_stats(result).splitlines()[0] == (
        "Partial result: stopped after 20 pages (1000 of 2345 records)"
    )
    assert stats.result()["partial"] is False


def _stream(count: int):
    for i in range(count):
        yield {
            "id": i,
            "begin": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00+0100",
            "end": "2026-01-01T10:00:00+0100",
            "duration": 1800 + i % 7 * 60,
            "billable": i % 3 != 0,
            "project": 1 + i % 10,
            "activity": 1 + i % 20,
            "user": {"id": 1 + i % 5, "username": f"user{i % 5}", "alias": None},
            "description": "x" * 200,
            "tags": ["remote", "urgent"],
        }


def _peak_memory(count: int) -> tuple[int, TimesheetStats]:
    stats = TimesheetStats()
    tracemalloc.start()
    try:
        for r in _stream(count):
            stats.add(r)
        return tracemalloc.get_traced_memory()[1], stats
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_records():
    _peak_memory(100)  # one-time allocations (caches, interned strings) must not count for the small run
    small, _ = _peak_memory(5_000)
    large, stats = _peak_memory(50_000)
    assert stats.result()["totals"]["entries"] == 50_000
    # keeping 45,000 more records of ~1 kB each would add tens of MB
    assert large < small * 1.5 + 200_000
