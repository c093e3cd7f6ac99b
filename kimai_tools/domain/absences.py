"""Absence behaviours the WorkContract plugin lacks: splitting long absences, statistics, attendance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from kimai_tools.domain.dates import date_or_none, parse_date
from kimai_tools.domain.text import number, shown, user_name

MAX_ABSENCE_DAYS = 30  # Kimai refuses a longer absence, and one that spans two calendar years
GROUP_BY = ("type", "user", "month")


def split_absence(begin: date, end: date) -> list[tuple[date, date]]:
    """Chunks Kimai accepts, each ending at the earliest of 31 December, its start + 29 days, or `end`."""
    begin, end = parse_date(begin), parse_date(end)
    if end < begin:
        raise ValueError(f"The absence ends on {end} before it begins on {begin}; the end must not be earlier.")
    chunks = []
    start = begin
    while start <= end:
        stop = min(date(start.year, 12, 31), start + timedelta(days=MAX_ABSENCE_DAYS - 1), end)
        chunks.append((start, stop))
        start = stop + timedelta(days=1)
    return chunks


def _user_id(user: Any) -> Any:
    return user.get("id") if isinstance(user, Mapping) else user


def absence_statistics(absences: Iterable[Mapping[str, Any]], group_by: str) -> dict[str, Any]:
    """Days (a half day counts 0.5) and, where Kimai has a duration, hours per absence type, user or month."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, not {group_by!r}.")
    groups: dict[Any, dict[str, Any]] = {}
    for absence in absences:
        key, label = _group(absence, group_by)
        row = groups.setdefault(key, {"key": key, "label": label, "absences": 0, "days": 0.0, "hours": None})
        row["absences"] += 1
        row["days"] += 0.5 if absence.get("halfDay") else 1.0
        duration = absence.get("duration")
        if isinstance(duration, int | float) and not isinstance(duration, bool):
            row["hours"] = (row["hours"] or 0.0) + duration / 3600
    rows = list(groups.values())
    if group_by == "month":
        rows.sort(key=lambda row: (row["key"] is None, row["key"] or ""))
    else:
        rows.sort(key=lambda row: (-row["days"], str(row["label"])))
    hours = [row["hours"] for row in rows if row["hours"] is not None]
    total = {
        "absences": sum(row["absences"] for row in rows),
        "days": sum(row["days"] for row in rows),
        "hours": sum(hours) if hours else None,
    }
    for row in [*rows, total]:
        if row["hours"] is not None:
            row["hours"] = round(row["hours"], 2)
    return {"group_by": group_by, "rows": rows, "total": total}


def _group(absence: Mapping[str, Any], group_by: str) -> tuple[Any, str]:
    if group_by == "type":
        kind = absence.get("type") or None
        return kind, kind or "(no type)"
    if group_by == "user":
        user = absence.get("user")
        return _user_id(user), user_name(user)
    day = date_or_none(absence.get("date"))
    month = f"{day:%Y-%m}" if day else None
    return month, month or "(no date)"


def render_absence_statistics(stats: Mapping[str, Any]) -> str:
    """A compact table: one row per group, then the totals."""
    if not stats["rows"]:
        return f"No absences to count by {stats['group_by']}."
    with_hours = stats["total"]["hours"] is not None
    header = [stats["group_by"], "absences", "days"] + (["hours"] if with_hours else [])
    table = [header]
    for row in [*stats["rows"], {**stats["total"], "label": "total"}]:
        cells = [str(row["label"]), str(row["absences"]), number(row["days"])]
        if with_hours:
            cells.append("" if row["hours"] is None else number(row["hours"]))
        table.append(cells)
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line))
        for line in table
    ]
    return "\n".join(line.rstrip() for line in lines)


def attendance(
    day: date,
    users: list[Mapping[str, Any]],
    absences: list[Mapping[str, Any]],
    holidays: list[Mapping[str, Any]],
    unreadable_user_ids: Iterable[int] = frozenset(),
    holiday_groups: Mapping[int, int] | None = None,
) -> dict[str, Any]:
    """Who is present, absent, off (weekend, public holiday) or not checked (no permission) on `day`.

    `holiday_groups` maps user id to public holiday group id; a user missing from it gets every holiday.
    """
    day = parse_date(day)
    unreadable = set(unreadable_user_ids)
    absent_on_day: dict[Any, list[Mapping[str, Any]]] = {}
    for absence in absences:
        # a rejected request never took the user away from work
        if date_or_none(absence.get("date")) == day and absence.get("status") != "rejected":
            absent_on_day.setdefault(_user_id(absence.get("user")), []).append(absence)
    holidays_on_day = [h for h in holidays if date_or_none(h.get("date")) == day]

    result: dict[str, Any] = {
        "date": day.isoformat(),
        "weekday": f"{day:%A}",
        "present": [],
        "absent": [],
        "day_off": [],
        "not_checked": [],
    }
    for user in users:
        user_id = user.get("id")
        person = {"id": user_id, "name": user_name(user)}
        if user_id in unreadable:
            result["not_checked"].append(person)
        elif user_id in absent_on_day:
            found = [
                {"type": a.get("type") or "other", "half_day": bool(a.get("halfDay")), "status": a.get("status")}
                for a in absent_on_day[user_id]
            ]
            result["absent"].append({**person, "absences": found})
        elif day.weekday() >= 5:
            result["day_off"].append({**person, "reason": "weekend"})
        elif holiday := _holiday_for(user_id, holidays_on_day, holiday_groups):
            reason = " ".join(filter(None, ["public holiday", holiday.get("name")]))
            reason += " (half day)" if holiday.get("halfDay") else ""
            result["day_off"].append({**person, "reason": reason})
        else:
            result["present"].append(person)
    return result


def _holiday_for(
    user_id: Any, holidays: list[Mapping[str, Any]], holiday_groups: Mapping[int, int] | None
) -> Mapping[str, Any] | None:
    group = (holiday_groups or {}).get(user_id)
    for holiday in holidays:
        holiday_group = holiday.get("publicHolidayGroup") or {}
        if group is None or holiday_group.get("id") in (None, group):
            return holiday
    return None


def render_attendance(result: Mapping[str, Any]) -> str:
    """One line per category, with the names in it."""
    lines = [f"Attendance on {result['weekday']} {result['date']}:"]
    if result["present"]:
        lines.append(_line("present", [p["name"] for p in result["present"]]))
    if result["absent"]:
        lines.append(_line("absent", [_absent(a) for a in result["absent"]]))
    reasons: dict[str, list[str]] = {}
    for person in result["day_off"]:
        reasons.setdefault(person["reason"], []).append(person["name"])
    lines += [_line(reason, names) for reason, names in reasons.items()]
    if result["not_checked"]:
        lines.append(_line("not checked (no permission to read absences)", [p["name"] for p in result["not_checked"]]))
    if len(lines) == 1:
        lines.append("no users in scope")
    return "\n".join(lines)


def _line(label: str, names: list[str]) -> str:
    return f"{label} ({len(names)}): {', '.join(shown(n) for n in names)}"


def _absent(entry: Mapping[str, Any]) -> str:
    parts = []
    for absence in entry["absences"]:
        notes = [absence["type"]] + (["half day"] if absence["half_day"] else [])
        if absence["status"] not in (None, "approved"):
            notes.append(f"status {absence['status']}")
        parts.append(", ".join(notes))
    return f"{entry['name']} ({'; '.join(parts)})"
