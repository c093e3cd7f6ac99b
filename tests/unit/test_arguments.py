"""The argument checks every tool shares: Kimai's local dates and ids."""

import pytest

from kimai_tools.domain.arguments import ArgumentError
from kimai_tools.domain.dates import local_datetime


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


@pytest.mark.parametrize("name", ["project", "filters.projects", "data.activity", "users[]"])
def test_a_name_where_an_id_belongs_says_how_to_find_the_id(name):
    from kimai_tools.domain.arguments import as_id

    with pytest.raises(ArgumentError, match=r"must be a number \(an id\).*find it with entity list"):
        as_id("Website", name)


@pytest.mark.parametrize("value", [True, 0, -3, "3.5", None])
def test_ids_are_positive_whole_numbers(value):
    from kimai_tools.domain.arguments import as_id

    with pytest.raises(ArgumentError):
        as_id(value, "id")


@pytest.mark.parametrize("value", ["²", "٣", "1.0", 1.0, True, False, -1, 0, "-1", "", " ", "0x1"])
def test_only_ascii_whole_numbers_above_zero_are_ids(value):
    from kimai_tools.domain.arguments import as_count, as_id, parse_id

    assert parse_id(value) is None
    with pytest.raises(ArgumentError):
        as_id(value, "id")
    with pytest.raises(ArgumentError):
        as_count(value, "page")


@pytest.mark.parametrize("value, expected", [(7, 7), ("7", 7), (" 12 ", 12)])
def test_ids_come_as_numbers_or_digit_strings(value, expected):
    from kimai_tools.domain.arguments import as_id

    assert as_id(value, "id") == expected


def test_argument_errors_are_plain_exceptions_without_mcp():
    from kimai_tools.domain.arguments import ArgumentError

    assert ArgumentError.__mro__[1:] == (Exception, BaseException, object)


@pytest.mark.parametrize(
    "value, expected", [(True, "1"), ("yes", "1"), (1, "1"), ("False", "0"), ("no", "0"), (0, "0")]
)
def test_yes_and_no_are_kimais_one_and_zero(value, expected):
    from kimai_tools.domain.arguments import as_flag

    assert as_flag(value, "billable") == expected


@pytest.mark.parametrize("value", ["maybe", 2, None, []])
def test_anything_else_is_no_yes_or_no(value):
    from kimai_tools.domain.arguments import as_flag

    with pytest.raises(ArgumentError, match="`billable` must be true or false"):
        as_flag(value, "billable")
