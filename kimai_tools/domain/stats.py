"""Statistics over timesheets that arrive page by page; only aggregates are kept, never the records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kimai_tools.domain.dates import date_or_none
from kimai_tools.domain.text import hours, shown, user_name

Names = Mapping[tuple[str, Any], str]


@dataclass
class _Bucket:
    seconds: int = 0
    billable_seconds: int = 0
    entries: int = 0

    def add(self, seconds: int, billable: bool) -> None:
        self.seconds += seconds
        self.billable_seconds += seconds if billable else 0
        self.entries += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "hours": _hours(self.seconds),
            "billable_hours": _hours(self.billable_seconds),
            "entries": self.entries,
        }


class TimesheetStats:
    """Feed every record with `add()` as pages arrive; `result()` and `render()` at any time.

    Records may carry project/activity/user as ids or, with `full=true`, as objects with names. A running
    record (no end) counts as an entry and as running, but adds no hours and no working day.
    """

    def __init__(self, names: Names | None = None) -> None:
        self._names: dict[tuple[str, Any], str] = dict(names or {})
        self.total = _Bucket()
        self.running = 0
        self.unreadable = 0
        self.by: dict[str, dict[Any, _Bucket]] = {
            kind: {} for kind in ("project", "activity", "user", "day", "week", "month")
        }

    def add(self, record: Mapping[str, Any]) -> None:
        if record.get("end") is None:
            self.running += 1
            self.total.entries += 1
            return
        seconds = _seconds(record)
        if seconds is None:
            self.unreadable += 1
            self.total.entries += 1
            return
        billable = bool(record.get("billable"))
        self.total.add(seconds, billable)
        keys: dict[str, Any] = {
            kind: self._remember(kind, record.get(kind)) for kind in ("project", "activity", "user")
        }
        day = date_or_none(record.get("begin"))
        if day is not None:
            iso = day.isocalendar()
            keys |= {"day": day.isoformat(), "week": f"{iso.year}-W{iso.week:02d}", "month": f"{day:%Y-%m}"}
        for kind, key in keys.items():
            self.by[kind].setdefault(key, _Bucket()).add(seconds, billable)

    def _remember(self, kind: str, value: Any) -> Any:
        if not isinstance(value, Mapping):
            return value
        key = value.get("id")
        name = user_name(value) if kind == "user" else value.get("name")
        if name and (kind, key) not in self._names:
            self._names[(kind, key)] = name
        return key

    def name(self, kind: str, key: Any) -> str:
        if key is None:
            return f"(no {kind})"
        return self._names.get((kind, key)) or f"{kind} {key}"

    def result(self, partial_reason: str | None = None) -> dict[str, Any]:
        days = len(self.by["day"])
        totals = {
            **self.total.as_dict(),
            "billable_share": round(self.total.billable_seconds / self.total.seconds, 4)
            if self.total.seconds
            else None,
            "running": self.running,
            "working_days": days,
            "hours_per_working_day": _hours(self.total.seconds / days) if days else None,
        }
        if self.unreadable:
            totals["unreadable"] = self.unreadable
        result: dict[str, Any] = {"partial": partial_reason is not None, "partial_reason": partial_reason}
        result["totals"] = totals
        for kind in ("project", "activity", "user"):
            rows = [{"id": key, "name": self.name(kind, key), **b.as_dict()} for key, b in self.by[kind].items()]
            result[f"by_{kind}"] = sorted(rows, key=lambda row: (-row["hours"], row["name"]))
        for kind in ("day", "week", "month"):
            result[f"by_{kind}"] = [{kind: key, **self.by[kind][key].as_dict()} for key in sorted(self.by[kind])]
        return result

    def render(self, partial_reason: str | None = None, *, top: int = 5) -> str:
        return render_timesheet_stats(self.result(partial_reason), top=top)


def totals_line(t: Mapping[str, Any]) -> str:
    """Hours, entries, working days, billable share, running and unreadable records, in one line."""
    line = f"{hours(t['hours'])} in {t['entries']} entries"
    if t["working_days"]:
        line += f" on {t['working_days']} working days ({hours(t['hours_per_working_day'])}/day)"
    if t["billable_share"] is not None:
        line += f"; billable {hours(t['billable_hours'])} ({t['billable_share']:.0%})"
    if t["running"]:
        line += f"; {t['running']} running"
    if t.get("unreadable"):
        line += f"; {t['unreadable']} without a readable duration"
    return line


def render_timesheet_stats(result: Mapping[str, Any], *, top: int = 5) -> str:
    """Totals line, then the `top` rows of each breakdown; days only when there are few of them."""
    lines = [f"Partial result: {result['partial_reason']}"] if result["partial"] else []
    t = result["totals"]
    lines.append(totals_line(t) + ".")
    for kind in ("project", "activity", "user"):
        rows = result[f"by_{kind}"]
        if rows:
            named = ", ".join(f"{shown(row['name'])} {hours(row['hours'])}{_share(row, t)}" for row in rows[:top])
            more = f" (+{len(rows) - top} more)" if len(rows) > top else ""
            lines.append(f"By {kind}: {named}{more}")
    for kind, limit in (("month", 12), ("week", 12), ("day", 14)):
        rows = result[f"by_{kind}"]
        if 1 < len(rows) <= limit:
            lines.append(f"By {kind}: " + ", ".join(f"{row[kind]} {hours(row['hours'])}" for row in rows))
    return "\n".join(lines)


def _seconds(record: Mapping[str, Any]) -> int | None:
    duration = record.get("duration")
    if isinstance(duration, int | float) and not isinstance(duration, bool):
        return int(duration)
    # Kimai always sends duration for a stopped record; an older or odd server may not
    try:
        begin, end = (datetime.fromisoformat(record[key]) for key in ("begin", "end"))
        return int((end - begin).total_seconds())
    except (KeyError, TypeError, ValueError):
        return None


def _hours(seconds: float) -> float:
    return round(seconds / 3600, 2)


def _share(row: Mapping[str, Any], totals: Mapping[str, Any]) -> str:
    return f" ({row['hours'] / totals['hours']:.0%})" if totals["hours"] else ""
