"""Kimai's local dates and times: what the model may write, turned into what Kimai's queries and forms take."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from kimai_tools.domain.arguments import ArgumentError

_LOCAL = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}[T ][\d:.]+(Z|[+-]\d{2}:?\d{2})$")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def parse_date(value: Any) -> date:
    """The calendar date written in a Kimai value: "2025-05-24", "2025-05-24T00:00:00+0200" or "...+02:00".

    The date is taken as written, without converting time zones: Kimai writes it in the user's own zone.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"{value!r} is not a date like 2025-05-24 or 2025-05-24T00:00:00+0200.")
    return date(*(int(part) for part in match.groups()))


def date_or_none(value: Any) -> date | None:
    """The date of a value Kimai sent, or None where it has none: a record is counted, not refused."""
    try:
        return parse_date(value)
    except ValueError:
        return None


def as_date(value: Any, name: str) -> date:
    """The date of an argument, or ArgumentError naming it."""
    try:
        return parse_date(value)
    except ValueError:
        raise ArgumentError(f"`{name}` must be a date like 2025-05-24, got {value!r}.") from None


def local_datetime(value: Any, name: str, *, day_end: bool = False, date_alone: bool = True) -> str:
    """`YYYY-MM-DDTHH:MM:SS` from a local date-time ("2024-08-03 09:00" too); a date alone is the day's first
    second, or with `day_end` its last. Anything else is refused before Kimai sees it."""
    text = value.strip() if isinstance(value, str) else ""
    match = _LOCAL.match(text)
    if match is None:
        example = "2024-08-03T09:00:00" + (" or a date alone, 2024-08-03" if date_alone else "")
        if _OFFSET.match(text):
            raise ArgumentError(
                f"`{name}` must be local time without an offset (Kimai reads it in the user's time zone), "
                f"e.g. {text[:19].replace(' ', 'T')}; got {value!r}."
            )
        raise ArgumentError(f"`{name}` must be a local date-time like {example}; got {value!r}.")
    year, month, day, hour, minute, second = match.groups()
    if hour is None:
        if not date_alone:
            raise ArgumentError(f"`{name}` needs a time of day, e.g. {text}T09:00:00.")
        hour, minute, second = ("23", "59", "59") if day_end else ("0", "0", "0")
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError as exc:
        raise ArgumentError(f"`{name}` is not a valid date-time ({exc}): {value!r}.") from None
    return moment.strftime("%Y-%m-%dT%H:%M:%S")
