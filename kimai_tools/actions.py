"""Which Kimai operations each tool action calls: the data `make compat` and the version matrix read.

A row is `(tool, action, variant) -> ["METHOD /api/path", ...]`:
* `action` is the value of the tool's `action` parameter; tools without one (calendar and config choose by
  `type`, user_current and analyze_project_team have a single behaviour) use None;
* `variant` is the value of the parameter that picks the Kimai resource (`type` of entity, calendar and config,
  `entity` of rate, meta and comment, `target` of team_access grant/revoke), or None when it does not matter.
The operations are every one the action may send; the session's own reads (READS below) are left out.
"""

from __future__ import annotations

Key = tuple[str, str | None, str | None]

# Read by the session and the tool base for any action: the version check, the plugin check, the caller.
READS = frozenset({"GET /api/version", "GET /api/plugins", "GET /api/users/me"})

RECORDS = ("project", "activity", "customer", "user", "team")  # the entity types with the full CRUD set
DELETABLE = {
    "project": "DELETE /api/projects/{id}",
    "activity": "DELETE /api/activities/{id}",
    "customer": "DELETE /api/customers/{id}",
    "team": "DELETE /api/teams/{id}",
    "tag": "DELETE /api/tags/{id}",
    "invoice": "DELETE /api/invoices/{id}",
    "holiday": "DELETE /api/public-holidays/{id}",
}
LISTS = {
    "project": "GET /api/projects",
    "activity": "GET /api/activities",
    "customer": "GET /api/customers",
    "user": "GET /api/users",
    "team": "GET /api/teams",
    "tag": "GET /api/tags/find",
    "invoice": "GET /api/invoices",
    "holiday": "GET /api/public-holidays",
}


def _plural(name: str) -> str:
    return "activities" if name == "activity" else f"{name}s"


ENTITY: dict[Key, list[str]] = {
    **{("entity", "list", t): [op] for t, op in LISTS.items()},
    **{("entity", "get", t): [f"GET /api/{_plural(t)}/{{id}}"] for t in (*RECORDS, "invoice")},
    **{("entity", "create", t): [f"POST /api/{_plural(t)}"] for t in (*RECORDS, "tag")},
    **{("entity", "update", t): [f"PATCH /api/{_plural(t)}/{{id}}"] for t in (*RECORDS, "invoice")},
    **{("entity", "delete", t): [op] for t, op in DELETABLE.items()},
    **{("entity", "batch_delete", t): [op] for t, op in DELETABLE.items()},
    ("entity", "lock_month", "user"): ["DELETE /api/work-contract/lock/{user}/{month}", "GET /api/users"],
    ("entity", "unlock_month", "user"): ["DELETE /api/work-contract/unlock/{user}/{month}", "GET /api/users"],
    ("entity", "set_preferences", "user"): ["PATCH /api/users/{id}/preferences"],
}

TIMESHEET: dict[Key, list[str]] = {
    ("timesheet", "list", None): ["GET /api/timesheets"],
    ("timesheet", "get", None): ["GET /api/timesheets/{id}"],
    ("timesheet", "create", None): ["POST /api/timesheets"],
    ("timesheet", "update", None): ["PATCH /api/timesheets/{id}"],
    ("timesheet", "delete", None): ["DELETE /api/timesheets/{id}"],
    ("timesheet", "duplicate", None): ["PATCH /api/timesheets/{id}/duplicate"],
    ("timesheet", "export_toggle", None): ["PATCH /api/timesheets/{id}/export"],
    ("timesheet", "meta_update", None): ["PATCH /api/timesheets/{id}/meta", "GET /api/timesheets/{id}"],
    ("timesheet", "user_guide", None): ["GET /api/users"],
    ("timesheet", "batch_delete", None): ["DELETE /api/timesheets/{id}"],
    ("timesheet", "batch_export", None): ["GET /api/timesheets/{id}", "PATCH /api/timesheets/{id}/export"],
}

TIMER: dict[Key, list[str]] = {
    ("timer", "start", None): ["POST /api/timesheets", "GET /api/timesheets/active"],
    ("timer", "stop", None): ["PATCH /api/timesheets/{id}/stop"],
    ("timer", "restart", None): ["PATCH /api/timesheets/{id}/restart"],
    ("timer", "active", None): ["GET /api/timesheets/active"],
    ("timer", "recent", None): ["GET /api/timesheets/recent"],
    ("timer", "favorites", None): ["GET /api/favorites/timesheets"],
    ("timer", "favorite", None): ["POST /api/favorites/timesheets/{id}"],
    ("timer", "unfavorite", None): ["DELETE /api/favorites/timesheets/{id}"],
}

RATE: dict[Key, list[str]] = {
    key: [op]
    for e in ("customer", "project", "activity")
    for key, op in (
        (("rate", "list", e), f"GET /api/{_plural(e)}/{{id}}/rates"),
        (("rate", "add", e), f"POST /api/{_plural(e)}/{{id}}/rates"),
        (("rate", "delete", e), f"DELETE /api/{_plural(e)}/{{id}}/rates/{{rateId}}"),
    )
}

TEAM_ACCESS: dict[Key, list[str]] = {
    ("team_access", "add_member", None): ["POST /api/teams/{id}/members/{userId}"],
    ("team_access", "remove_member", None): ["DELETE /api/teams/{id}/members/{userId}"],
    **{
        ("team_access", action, t): [f"{method} /api/teams/{{id}}/{_plural(t)}/{{{t}Id}}"]
        for action, method in (("grant", "POST"), ("revoke", "DELETE"))
        for t in ("customer", "project", "activity")
    },
}

ABSENCE: dict[Key, list[str]] = {
    ("absence", "list", None): ["GET /api/absences"],
    ("absence", "statistics", None): ["GET /api/absences"],
    ("absence", "types", None): ["GET /api/absences/types"],
    ("absence", "create", None): ["POST /api/absences"],
    ("absence", "delete", None): ["DELETE /api/absences/{id}"],
    ("absence", "approve", None): ["PATCH /api/absences/{id}/confirm"],
    ("absence", "reject", None): ["PATCH /api/absences/{id}/reject"],
    ("absence", "request", None): ["PATCH /api/absences/{id}/request"],
    ("absence", "attendance", None): ["GET /api/absences", "GET /api/public-holidays", "GET /api/users"],
    ("absence", "batch_delete", None): ["DELETE /api/absences/{id}"],
    ("absence", "batch_approve", None): ["PATCH /api/absences/{id}/confirm"],
    ("absence", "batch_reject", None): ["PATCH /api/absences/{id}/reject"],
}

CONFIG = {
    "timesheet": "GET /api/config/timesheet",
    "colors": "GET /api/config/colors",
    "plugins": "GET /api/plugins",
    "version": "GET /api/version",
}

OTHERS: dict[Key, list[str]] = {
    ("calendar", None, "absences"): ["GET /api/absences/calendar"],
    ("calendar", None, "holidays"): ["GET /api/public-holidays/calendar"],
    **{
        ("meta", "update", e): [f"PATCH /api/{_plural(e)}/{{id}}/meta", f"GET /api/{_plural(e)}/{{id}}"]
        for e in ("customer", "project", "activity", "timesheet")
    },
    ("meta", "update", "invoice"): ["PATCH /api/invoices/{id}/custom-fields"],
    ("user_current", None, None): ["GET /api/users/me"],
    ("analyze_project_team", None, None): [
        "GET /api/projects/{id}",
        "GET /api/projects",
        "GET /api/timesheets",
        "GET /api/teams/{id}",
    ],
    **{("config", None, t): [op] for t, op in CONFIG.items()},
    ("config", None, "all"): list(CONFIG.values()),
    **{
        ("comment", action, e): [op.format(p=_plural(e))]
        for e in ("project", "customer")
        for action, op in (
            ("list", "GET /api/{p}/{{id}}/comments"),
            ("create", "POST /api/{p}/{{id}}/comments"),
            ("delete", "DELETE /api/{p}/{{id}}/comments/{{comment}}"),
            ("pin", "PATCH /api/{p}/{{id}}/comments/{{comment}}/pin"),
        )
    },
}

ACTIONS: dict[Key, list[str]] = {**ENTITY, **TIMESHEET, **TIMER, **RATE, **TEAM_ACCESS, **ABSENCE, **OTHERS}


def label(key: Key) -> str:
    """`entity list (project)`: how a row is named in tables and test ids."""
    tool, action, variant = key
    return " ".join(p for p in (tool, action, f"({variant})" if variant else None) if p)
