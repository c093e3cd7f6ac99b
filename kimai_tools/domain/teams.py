"""A Kimai team as the facts the tools need: its members (with leads) and what it may access."""

from __future__ import annotations

from typing import Any

from kimai_tools.domain.text import user_name

ACCESS = {"customer": "customers", "project": "projects", "activity": "activities"}  # what a team may be granted


def team_summary(team: dict) -> dict:
    """The team as the facts that matter here: members (with leads) and what the team can access."""
    members = [
        {"id": (m.get("user") or {}).get("id"), "name": user_name(m.get("user")), "teamlead": bool(m.get("teamlead"))}
        for m in team.get("members") or []
        if isinstance(m, dict)
    ]
    summary: dict[str, Any] = {"id": team.get("id"), "name": team.get("name"), "members": members}
    for plural in ACCESS.values():
        records = team.get(plural) or []
        summary[plural] = [{"id": r.get("id"), "name": r.get("name")} for r in records if isinstance(r, dict)]
    return summary
