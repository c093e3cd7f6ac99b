"""The argument checks every tool shares: Kimai's local dates and ids."""

from zoneinfo import ZoneInfo

import pytest

from kimai_tools.domain.dates import local_datetime, local_to_utc
from kimai_tools.kimai.errors import ArgumentError


@pytest.mark.parametrize(
    "value, day_end, expected",
    [
        ("2024-08-03", False, "2024-08-03T00:00:00"),
        ("2024-08-03", True, "2024-08-03T23:59:59"),
        ("2024-08-03 09:00", False, "2024-08-03T09:00:00"),
        ("2024-08-03T09:05:07", True, "2024-08-03T09:05:07"),
    ],
)
def test_dates_and_local_times_become_kimais_form(value, day_end, expected):
    assert local_datetime(value, "begin", day_end=day_end) == expected


@pytest.mark.parametrize(
    "value, message",
    [
        ("03.08.2024", "must be a local date-time"),
        ("2024-08-03T09:00:00+02:00", "without an offset"),
        ("2024-02-30", "not a valid date-time"),
        (20240803, "must be a local date-time"),
    ],
)
def test_other_forms_are_refused_naming_the_field(value, message):
    with pytest.raises(ArgumentError, match=message) as caught:
        local_datetime(value, "filters.begin")
    assert "`filters.begin`" in str(caught.value)


def test_a_date_alone_is_refused_where_a_time_is_needed():
    with pytest.raises(ArgumentError, match="needs a time of day"):
        local_datetime("2024-08-03", "begin", date_alone=False)


def test_local_time_in_new_york_is_five_hours_behind_utc_in_november():
    assert local_to_utc("2026-11-23T08:00:00", ZoneInfo("America/New_York")) == "2026-11-23T13:00:00"


@pytest.mark.parametrize("name", ["project", "filters.projects", "data.activity", "users[]"])
def test_a_name_where_an_id_belongs_says_how_to_find_the_id(name):
    from kimai_tools.tools.base import as_id

    with pytest.raises(ArgumentError, match=r"must be a number \(an id\).*find it with entity list"):
        as_id("Website", name)


@pytest.mark.parametrize("value", [True, 0, -3, "3.5", None])
def test_ids_are_positive_whole_numbers(value):
    from kimai_tools.tools.base import as_id

    with pytest.raises(ArgumentError):
        as_id(value, "id")
