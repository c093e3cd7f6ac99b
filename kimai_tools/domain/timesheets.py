"""Timesheet arguments in Kimai's words, and one-line renderings of time records; pure functions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kimai_tools.domain.arguments import ArgumentError, as_bool, as_count, as_flag, as_id, as_ids, pick
from kimai_tools.domain.dates import local_datetime
from kimai_tools.domain.text import hours, quoted, shown, user_name

FILTERS = (
    "user_scope", "user", "users", "project", "projects", "activity", "activities", "customer", "customers",
    "tags", "begin", "end", "exported", "active", "billable", "term", "modified_after", "order_by", "order",
    "page", "size", "calculate_stats",
)  # fmt: skip
# Kimai's own query names, accepted as well: a model that read Kimai's docs may send them
ALIASES = {"orderBy": "order_by", "modifiedAfter": "modified_after", "scope": "user_scope"}
SINGLE_IDS = ("project", "activity", "customer")
MANY_IDS = {"projects": "projects[]", "activities": "activities[]", "customers": "customers[]", "users": "users[]"}
FLAGS = ("exported", "active", "billable")
ORDER_BY = ("id", "begin", "end", "rate")
MAX_SIZE = 500  # Kimai's largest page
PRIVILEGED = {"ROLE_TEAMLEAD", "ROLE_ADMIN", "ROLE_SUPER_ADMIN"}

_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


def as_names(value: Any, name: str) -> list[str]:
    """Tag names from a list or a comma string."""
    items = value.split(",") if isinstance(value, str) else value if isinstance(value, list | tuple) else None
    if items is None or not all(isinstance(i, str | int) for i in items):
        raise ArgumentError(f"`{name}` must be a list of names or a comma-separated string, got {value!r}.")
    return [str(i).strip() for i in items if str(i).strip()]


def list_query(filters: Mapping[str, Any] | None) -> tuple[dict[str, Any], str, bool]:
    """Kimai's query for GET /api/timesheets, the user scope, and whether statistics are asked for."""
    if filters is not None and not isinstance(filters, Mapping):
        raise ArgumentError("`filters` must be an object.")
    renamed = {ALIASES.get(k, k.removesuffix("[]")): v for k, v in (filters or {}).items()}
    given = pick(renamed, FILTERS)
    query: dict[str, Any] = {}
    scope = str(given.pop("user_scope", "")).strip().lower() or (
        "specific" if {"user", "users"} & set(given) else "self"
    )
    if scope == "self" and {"user", "users"} & set(given):
        raise ArgumentError("user_scope self lists only your own records; for others use user_scope specific + user.")
    if scope == "all":
        if {"user", "users"} & set(given):
            raise ArgumentError("user_scope all takes no user/users; use user_scope specific to choose users.")
        query["user"] = "all"
    elif scope == "specific":
        if not {"user", "users"} & set(given):
            raise ArgumentError("user_scope specific needs `user` (an id) or `users` (a list of ids).")
        if "user" in given:
            query["user"] = as_id(given.pop("user"), "user")
    elif scope != "self":
        raise ArgumentError(f"Unknown user_scope {scope!r}. Valid: self, all, specific.")
    for key in SINGLE_IDS:
        if key in given:
            query[key] = as_id(given[key], key)
    for key, kimai in MANY_IDS.items():
        if key in given:
            query[kimai] = as_ids(given[key], key)
    if "tags" in given:
        query["tags[]"] = as_names(given["tags"], "tags")
    for key in ("begin", "end", "modified_after"):
        if key in given:
            query[key] = local_datetime(given[key], key, day_end=key == "end")
    for key in FLAGS:
        if key in given:
            query[key] = as_flag(given[key], key)
    if "term" in given:
        query["term"] = str(given["term"])
    if "order_by" in given:
        if given["order_by"] not in ORDER_BY:
            raise ArgumentError(f"order_by must be one of {', '.join(ORDER_BY)}, got {given['order_by']!r}.")
        query["orderBy"] = given["order_by"]
    if "order" in given:
        order = str(given["order"]).upper()
        if order not in ("ASC", "DESC"):
            raise ArgumentError(f"order must be ASC or DESC, got {given['order']!r}.")
        query["order"] = order
    if "page" in given:
        query["page"] = as_count(given["page"], "page")
    if "size" in given:
        query["size"] = as_count(given["size"], "size", MAX_SIZE)
    stats = as_bool(given["calculate_stats"], "calculate_stats") if "calculate_stats" in given else False
    return query, scope, stats


def edit_body(data: Any, action: str) -> dict[str, Any]:
    """The fields the caller gave, in the form Kimai takes; nothing is added."""
    if not isinstance(data, Mapping) or not data:
        raise ArgumentError(f"{action} needs `data` with the fields to set, e.g. project, activity, begin, end.")
    body = dict(data)
    for key in ("begin", "end"):
        if body.get(key) is not None:
            body[key] = local_datetime(body[key], key, date_alone=False)
    for key in ("project", "activity", "user"):
        if body.get(key) is not None:
            body[key] = as_id(body[key], key)
    if body.get("tags") is not None:
        body["tags"] = ",".join(as_names(body["tags"], "tags"))  # Kimai takes tags as one comma string
    for key in ("billable", "exported"):
        if body.get(key) is not None:
            body[key] = as_bool(body[key], key)
    for key in ("fixedRate", "hourlyRate"):
        if isinstance(body.get(key), str):
            try:
                body[key] = float(body[key])
            except ValueError:
                raise ArgumentError(f"`{key}` must be a number, got {body[key]!r}.") from None
    return body


def is_privileged(user: Mapping[str, Any]) -> bool:
    """Whether Kimai shows this user other people's records (a ROLE_USER silently gets only their own)."""
    return bool(PRIVILEGED & set(user.get("roles") or []))


# --- rendering ---


def _stamp(value: Any) -> tuple[str, str] | None:
    match = _STAMP.match(value) if isinstance(value, str) else None
    return (match.group(1), match.group(2)) if match else None


def span(record: Mapping[str, Any]) -> str:
    """`2026-11-24 09:00–10:45 1.75 h`, as written by Kimai in the user's time zone; a running record says so."""
    begin, end = _stamp(record.get("begin")), _stamp(record.get("end"))
    if begin is None:
        return str(record.get("begin") or "?")
    if record.get("end") is None:
        return f"{begin[0]} {begin[1]}– running"
    if end is None:
        return f"{begin[0]} {begin[1]}–{record.get('end')}"
    stop = end[1] if end[0] == begin[0] else f"{end[0]} {end[1]}"
    return f"{begin[0]} {begin[1]}–{stop} {hours((record.get('duration') or 0) / 3600)}"


def _named(value: Any, kind: str) -> str:
    if isinstance(value, Mapping):
        return shown(value["name"]) if value.get("name") else f"{kind} #{value.get('id')}"
    return f"{kind} #{value}" if value is not None else f"no {kind}"


def work(record: Mapping[str, Any]) -> str:
    """`Website (Acme) / Development`, or `project #1 / activity #5` when Kimai sent only ids."""
    project = record.get("project")
    text = _named(project, "project")
    customer = project.get("customer") if isinstance(project, Mapping) else None
    if isinstance(customer, Mapping) and customer.get("name"):
        text += f" ({shown(customer['name'])})"
    return f"{text} / {_named(record.get('activity'), 'activity')}"


def timesheet_line(record: Mapping[str, Any]) -> str:
    """`#40 2026-11-24 09:00–10:45 1.75 h | Website (Acme) / Development | admin | "Hotfix" [urgent]`."""
    user = record.get("user")
    parts = [f"#{record.get('id', '?')} {span(record)}", work(record)]
    parts.append(shown(user_name(user)) if isinstance(user, Mapping) else f"user #{user}" if user is not None else "")
    description = (record.get("description") or "").strip()
    tags = record.get("tags") or []
    said = quoted(description) if description else ""
    parts.append((said + (f" [{', '.join(shown(t) for t in tags)}]" if tags else "")).strip())
    if record.get("exported"):
        parts.append("exported")
    return " | ".join(p for p in parts if p)


def timesheet_details(record: Mapping[str, Any]) -> str:
    facts = [
        f"billable {'yes' if record.get('billable') else 'no'}",
        f"exported {'yes' if record.get('exported') else 'no'}",
    ]
    for key in ("rate", "hourlyRate", "fixedRate", "internalRate"):
        if record.get(key) is not None:
            facts.append(f"{key} {record[key]:g}" if isinstance(record[key], int | float) else f"{key} {record[key]}")
    return ", ".join(facts)


def slim(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record for structured content: the facts of the text line, names with ids, no UI fields."""
    out = {k: record.get(k) for k in ("id", "begin", "end", "duration", "description", "tags", "billable", "exported")}
    for key in ("rate", "hourlyRate", "fixedRate"):
        if record.get(key) is not None:
            out[key] = record[key]
    for kind in ("project", "activity", "user"):
        value = record.get(kind)
        if not isinstance(value, Mapping):
            out[kind] = value
            continue
        name = user_name(value) if kind == "user" else value.get("name")
        out[kind] = {"id": value.get("id"), "name": name}
        customer = value.get("customer") if kind == "project" else None
        if isinstance(customer, Mapping):
            out[kind]["customer"] = {"id": customer.get("id"), "name": customer.get("name")}
    return out
