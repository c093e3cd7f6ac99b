"""Who worked how much on one project: the period, the project a name means, and hours per user and activity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kimai_tools.domain.stats import TimesheetStats, totals_line
from kimai_tools.domain.text import hours, shown

SHOWN_CANDIDATES = 25


def choose_project(name: str, projects: list[dict]) -> dict | None:
    """The one project `name` means: the only match, or the only one named exactly so (ignoring case)."""
    if len(projects) == 1:
        return projects[0]
    exact = [p for p in projects if str(p.get("name", "")).casefold() == name.strip().casefold()]
    return exact[0] if len(exact) == 1 else None


def project_facts(project: Mapping[str, Any]) -> dict[str, Any]:
    customer = project.get("customer")
    customer_id = customer.get("id") if isinstance(customer, Mapping) else customer
    customer_name = customer.get("name") if isinstance(customer, Mapping) else project.get("parentTitle")
    return {
        "id": project.get("id"),
        "name": project.get("name"),
        "customer": {"id": customer_id, "name": customer_name},
    }


def project_ref(facts: Mapping[str, Any]) -> str:
    return f"{shown(facts['name'])} (#{facts['id']}, {_owner(facts['customer'])})"


def _owner(customer: Mapping[str, Any]) -> str:
    if customer["name"]:
        return shown(customer["name"])
    return f"customer {customer['id']}" if customer["id"] is not None else "no customer"


def render_candidates(name: str, candidates: list[dict]) -> str:
    if not candidates:
        return f'No project matches "{name}" (hidden and ended projects included); entity list type project shows them.'
    lines = [f'{len(candidates)} projects match "{name}"; call again with project_id of the one you mean:']
    lines += [f"#{c['id']} {shown(c['name'])} ({_owner(c['customer'])})" for c in candidates[:SHOWN_CANDIDATES]]
    if len(candidates) > SHOWN_CANDIDATES:
        lines.append(f"(+{len(candidates) - SHOWN_CANDIDATES} more: use a longer name)")
    return "\n".join(lines)


class ProjectTeamStats:
    """Hours per user and per activity (and, with details, per user and activity) of records fed page by page."""

    def __init__(self, details: bool = False) -> None:
        self.all = TimesheetStats()
        self.per_user: dict[Any, TimesheetStats] | None = {} if details else None
        self.records = 0

    def add(self, record: Mapping[str, Any]) -> None:
        self.records += 1
        self.all.add(record)
        if self.per_user is not None:
            user = record.get("user")
            key = user.get("id") if isinstance(user, Mapping) else user
            self.per_user.setdefault(key, TimesheetStats()).add(record)

    def result(self, partial_reason: str | None = None) -> dict[str, Any]:
        overall = self.all.result(partial_reason)
        out = {key: overall[key] for key in ("partial", "partial_reason", "totals", "by_user", "by_activity")}
        if self.per_user is not None:
            out["details"] = [
                {"user": {"id": row["id"], "name": row["name"]}, "activities": self._activities_of(row["id"])}
                for row in overall["by_user"]
            ]
        return out

    def _activities_of(self, user: Any) -> list[dict[str, Any]]:
        stats = (self.per_user or {}).get(user)
        return stats.result()["by_activity"] if stats else []


def _table(rows: list[dict], total_hours: float) -> list[str]:
    """One aligned line per row: name, hours, share, entries, billable hours."""
    labels = [f"{shown(row['name'])} (#{row['id']})" if row["id"] is not None else shown(row["name"]) for row in rows]
    width = min(max((len(label) for label in labels), default=0), 32)
    lines = []
    for label, row in zip(labels, rows, strict=True):
        share = f"{row['hours'] / total_hours:.0%}" if total_hours else "-"
        lines.append(
            f"  {label:<{width}}  {hours(row['hours']):>10} {share:>4}  {row['entries']:>4} entries"
            f"  billable {hours(row['billable_hours'])}"
        )
    return lines


def render_analysis(head: str, result: Mapping[str, Any], idle: list[str] = ()) -> str:
    """A header, the totals, then aligned tables by user and by activity, and the user × activity breakdown."""
    totals = result["totals"]
    lines = [f"Partial result: {result['partial_reason']}"] if result["partial"] else []
    lines.append(f"{head}: {totals_line(totals)}.")
    if result["by_user"]:
        lines += ["By user:", *_table(result["by_user"], totals["hours"])]
        lines += ["By activity:", *_table(result["by_activity"], totals["hours"])]
    if idle:
        lines.append("No entries: " + ", ".join(idle))
    details = result.get("details") or []
    if details:
        lines.append("By user and activity (entries):")
    for detail in details:
        worked = ", ".join(f"{shown(a['name'])} {hours(a['hours'])} ({a['entries']})" for a in detail["activities"])
        lines.append(f"  {shown(detail['user']['name'])}: {worked}")
    return "\n".join(lines)
