"""Pure parts of the absence tool: Kimai's query dates, one line per absence, holiday groups, the create story."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kimai_tools.domain.arguments import parse_id
from kimai_tools.domain.batch import compact_ids
from kimai_tools.domain.dates import parse_date
from kimai_tools.domain.text import hours, shown, user_name

PUBLIC_HOLIDAY_GROUP = "public_holiday_group"  # Kimai's user preference naming the user's holiday group
DEFAULT_GROUP = "default"  # stands for the group Kimai answers without `group`, when it does not name it


def day_begin(day: date) -> str:
    """Kimai's query filters want a full local date-time; a date alone is refused."""
    return f"{day.isoformat()}T00:00:00"


def day_end(day: date) -> str:
    return f"{day.isoformat()}T23:59:59"


def span(begin: date, end: date) -> str:
    return begin.isoformat() if begin == end else f"{begin.isoformat()}..{end.isoformat()}"


def absence_line(absence: Mapping[str, Any]) -> str:
    """`#12 2025-09-01 holiday, half day | Alice (#4) | approved | 4:00h`."""
    try:
        day = parse_date(absence.get("date")).isoformat()
    except ValueError:
        day = str(absence.get("date") or "?")
    kind = absence.get("type") or "other"
    parts = [f"#{absence.get('id', '?')} {day} {kind}" + (", half day" if absence.get("halfDay") else "")]
    user = absence.get("user")
    if user is not None:
        parts.append(f"{shown(user_name(user))} (#{user.get('id')})" if isinstance(user, Mapping) else user_name(user))
    if absence.get("status"):
        parts.append(str(absence["status"]))
    duration = absence.get("duration")
    if isinstance(duration, int | float) and not isinstance(duration, bool) and duration:
        parts.append(hours(duration / 3600))
    return " | ".join(parts)


def slim(absence: Mapping[str, Any]) -> dict:
    """The absence with its user cut down to who it is: the list is read on every turn."""
    user = absence.get("user")
    if not isinstance(user, Mapping):
        return dict(absence)
    return {**absence, "user": {k: user[k] for k in ("id", "username", "alias") if user.get(k) is not None}}


def sort_key(absence: Mapping[str, Any]) -> tuple[str, str, int]:
    user = absence.get("user")
    return (str(absence.get("date") or ""), user_name(user), absence.get("id") or 0)


def holiday_group_of(user: Mapping[str, Any]) -> int | None:
    """The user's public holiday group, from the preference Kimai stores it in; None when unset."""
    preferences = user.get("preferences") or []
    if isinstance(preferences, Mapping):
        value = preferences.get(PUBLIC_HOLIDAY_GROUP)
    else:
        value = next((p.get("value") for p in preferences if p.get("name") == PUBLIC_HOLIDAY_GROUP), None)
    return parse_id(value) if isinstance(value, int | str) else None


def holidays_by_group(
    users: Iterable[Mapping[str, Any]], default: list[Mapping[str, Any]], by_group: Mapping[int, list[Mapping]]
) -> tuple[list[dict], dict[Any, Any]]:
    """Holidays each tagged with its group, and each user's group (the default group unless the user has one).

    Kimai answers `GET /public-holidays` without `group` with the default group's holidays; a user with a
    holiday group gets that group's instead.
    """
    default_id = next((_group_id(h) for h in default if _group_id(h) is not None), DEFAULT_GROUP)
    holidays = [_tagged(h, default_id) for h in default]
    holidays += [_tagged(h, group) for group, found in by_group.items() for h in found]
    groups = {user.get("id"): holiday_group_of(user) or default_id for user in users}
    return holidays, groups


def _group_id(holiday: Mapping[str, Any]) -> Any:
    return (holiday.get("publicHolidayGroup") or {}).get("id")


def _tagged(holiday: Mapping[str, Any], group: Any) -> dict:
    if _group_id(holiday) is not None:
        return dict(holiday)
    return {**holiday, "publicHolidayGroup": {**(holiday.get("publicHolidayGroup") or {}), "id": group}}


@dataclass
class Chunk:
    """One absence Kimai accepts, part of a longer request, and what creating it gave."""

    number: int
    begin: date
    end: date
    ids: list[int] = field(default_factory=list)
    created: bool = False

    @property
    def span(self) -> str:
        return span(self.begin, self.end)


def created_story(kind: str, who: str, begin: date, end: date, chunks: Sequence[Chunk], statuses: set) -> str:
    days = (end - begin).days + 1
    ids = [i for chunk in chunks for i in chunk.ids]
    head = f"Created {kind} {span(begin, end)} ({days} day{'s' if days != 1 else ''}) for {who}"
    if len(chunks) > 1:
        head += f", as {len(chunks)} absences Kimai accepts (at most 30 days, within one year)"
    lines = [head + "."]
    if len(chunks) > 1:
        lines += [f"  {c.number}. {c.span}: ids {compact_ids(c.ids) or 'not reported'}" for c in chunks]
    lines.append(f"Absence ids: {compact_ids(ids) or 'not reported by Kimai'}.")
    if "new" in statuses:
        lines.append("Not approved yet (status new): absence request asks the supervisor for approval.")
    elif "open" in statuses:
        lines.append("Awaiting approval (status open).")
    return "\n".join(lines)


def failure_story(
    kind: str,
    begin: date,
    end: date,
    chunks: Sequence[Chunk],
    failed: Chunk,
    reason: str,
    answered: bool,
    deleted: Sequence[int],
    left: Mapping[int, str],
) -> str:
    """What a failed create did and left: the failed chunk and why, what was deleted again, what still exists."""
    lines = [
        f"Creating {kind} {span(begin, end)} failed at absence {failed.number} of {len(chunks)} "
        f"({failed.span}): {reason}"
    ]
    if not answered:
        lines.append(
            f"Kimai gave no answer for {failed.span}, so it may exist anyway: check with absence list "
            f"(begin {failed.begin}, end {failed.end}, status all)."
        )
    made = [c for c in chunks if c.created]
    unreported = [c for c in made if not c.ids]
    if not made:
        lines.append("Nothing of this request was created.")
    elif not left and not unreported:
        remains = ": nothing of this request remains" if answered else ""
        lines.append(
            f"The absences already created for it ({', '.join(c.span for c in made)}) were deleted again "
            f"(ids {compact_ids(deleted)}){remains}."
        )
    else:
        if deleted:
            lines.append(f"Deleted again: ids {compact_ids(deleted)}.")
        if left:
            lines.append(f"Clean-up failed; these absences of this request still exist: ids {compact_ids(left)}.")
            lines += [f"  #{i}: {why}" for i, why in sorted(left.items())]
            lines.append(f"Delete them with absence batch_delete, ids {sorted(left)}, or keep them.")
        for chunk in unreported:
            lines.append(f"Kimai reported no ids for {chunk.span}, so it was not deleted: check with absence list.")
    return "\n".join(lines)
