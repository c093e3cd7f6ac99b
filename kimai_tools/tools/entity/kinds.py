"""The eight kinds of record behind `entity`: their Kimai routes, list filters, body quirks and one-line rendering.

Pure functions only; the calls to Kimai are in `entity.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from kimai_tools.domain.arguments import ArgumentError, as_count, as_flag, as_id, as_ids, pick
from kimai_tools.domain.dates import local_datetime
from kimai_tools.domain.text import hours, shown, user_name
from kimai_tools.tools.render import ref

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
INVOICE_STATUS = ("new", "pending", "paid", "canceled")


# ---- filter values: what the model may send, turned into what Kimai's query parameters accept


def _positive(value: Any, name: str) -> str:
    return str(as_count(value, f"filters.{name}"))


def _id(value: Any, name: str) -> str:
    return str(as_id(value, f"filters.{name}"))


def _ids(value: Any, name: str) -> list[str]:
    return [str(i) for i in as_ids(value, f"filters.{name}")]


def _visible(value: Any, name: str) -> str:
    # Kimai's visibility filter is 1 (visible), 2 (hidden), 3 (both)
    named = {True: "1", False: "2", "true": "1", "false": "2", "visible": "1", "hidden": "2", "both": "3", "all": "3"}
    key = value.strip().lower() if isinstance(value, str) else value
    if not isinstance(key, bool) and str(key) in ("1", "2", "3"):
        return str(key)
    if isinstance(key, bool | str) and key in named:
        return named[key]
    raise ArgumentError(f'filters.{name} must be true, false or "both" (or Kimai\'s 1, 2, 3), got {value!r}.')


def _flag(value: Any, name: str) -> str:
    return as_flag(value, f"filters.{name}")


def _order(value: Any, name: str) -> str:
    if str(value).upper() not in ("ASC", "DESC"):
        raise ArgumentError(f"filters.{name} must be ASC or DESC, got {value!r}.")
    return str(value).upper()


def _choice(*allowed: str) -> Callable[[Any, str], str]:
    def convert(value: Any, name: str) -> str:
        if value not in allowed:
            raise ArgumentError(f"filters.{name} must be one of {', '.join(allowed)}, got {value!r}.")
        return value

    return convert


def _statuses(value: Any, name: str) -> list[str]:
    return [_choice(*INVOICE_STATUS)(str(v).lower(), name) for v in (value if isinstance(value, list) else [value])]


def _text(value: Any, name: str) -> str:
    return str(value)


def _day_or_time(value: Any, name: str) -> str:
    text = str(value).strip()
    if not (DATE.match(text) or DATE_TIME.match(text)):
        raise ArgumentError(f"filters.{name} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, got {value!r}.")
    return text


def _begin(value: Any, name: str) -> str:
    return local_datetime(value, f"filters.{name}")  # Kimai's query wants a date-time, a date alone is a 400


def _end(value: Any, name: str) -> str:
    return local_datetime(value, f"filters.{name}", day_end=True)  # a date alone means up to the end of that day


def _yes(value: Any, name: str) -> str | None:
    return "1" if _flag(value, name) == "1" else None  # Kimai reads any value of this flag as "on"


Filter = tuple[str, Callable[[Any, str], Any]]  # Kimai's query name, value converter


@dataclass(frozen=True)
class Kind:
    noun: str
    plural: str
    path: str
    actions: tuple[str, ...]  # of list, get, create, update, delete
    filters: dict[str, Filter] = field(default_factory=dict)
    list_path: str | None = None
    why_not: dict[str, str] = field(default_factory=dict)  # action -> why this kind lacks it
    # what Kimai's UI preselects on a new record; its API form reads a missing checkbox as false
    create_defaults: tuple[str, ...] = ()

    def key(self, action: str) -> str:
        return {
            "list": f"GET {self.list_path or self.path}",
            "get": f"GET {self.path}/{{id}}",
            "create": f"POST {self.path}",
            "update": f"PATCH {self.path}/{{id}}",
            "delete": f"DELETE {self.path}/{{id}}",
        }[action]

    def supported(self) -> list[str]:
        extra = ["batch_delete"] if "delete" in self.actions else []
        if self.noun == "user":
            extra += ["lock_month", "unlock_month", "set_preferences"]
        return [*self.actions, *extra]


ORDER: dict[str, Filter] = {"term": ("term", _text), "order": ("order", _order)}
KINDS: dict[str, Kind] = {
    "project": Kind("project", "projects", "/api/projects", ("list", "get", "create", "update", "delete"), {
        "customer": ("customer", _id), "customers": ("customers[]", _ids), "visible": ("visible", _visible),
        **ORDER, "orderBy": ("orderBy", _choice("id", "name", "customer")), "ignoreDates": ("ignoreDates", _yes),
        "globalActivities": ("globalActivities", _flag), "begin": ("start", _begin), "end": ("end", _end),
    }, create_defaults=("visible", "billable")),
    "activity": Kind("activity", "activities", "/api/activities", ("list", "get", "create", "update", "delete"), {
        "project": ("project", _id), "projects": ("projects[]", _ids), "globals": ("globals", _flag),
        "visible": ("visible", _visible), **ORDER, "orderBy": ("orderBy", _choice("id", "name", "project")),
    }, create_defaults=("visible", "billable")),
    "customer": Kind("customer", "customers", "/api/customers", ("list", "get", "create", "update", "delete"), {
        "visible": ("visible", _visible), **ORDER, "orderBy": ("orderBy", _choice("id", "name")),
        "full": ("full", _yes),
    }, create_defaults=("visible", "billable")),
    "user": Kind("user", "users", "/api/users", ("list", "get", "create", "update"), {
        "visible": ("visible", _visible), **ORDER,
        "orderBy": ("orderBy", _choice("id", "username", "alias", "email")), "full": ("full", _yes),
    }, create_defaults=("enabled",), why_not={
        "delete": 'Kimai does not delete users: disable one with update data {"enabled": false}.',
    }),
    "team": Kind("team", "teams", "/api/teams", ("list", "get", "create", "update", "delete")),
    "tag": Kind("tag", "tags", "/api/tags", ("list", "create", "delete"), {"name": ("name", _text)},
                list_path="/api/tags/find", create_defaults=("visible",), why_not={
        "get": "Kimai has no read of a single tag: use list with filters.name.",
        "update": "Kimai's API cannot change a tag; rename it in Kimai's UI.",
    }),
    "invoice": Kind("invoice", "invoices", "/api/invoices", ("list", "get", "update", "delete"), {
        "begin": ("begin", _begin), "end": ("end", _end), "customers": ("customers[]", _ids),
        "status": ("status[]", _statuses), "page": ("page", _positive), "size": ("size", _positive),
    }, why_not={"create": "Invoices are made in Kimai's UI (Invoices), not through the API."}),
    "holiday": Kind("public holiday", "public holidays", "/api/public-holidays", ("list", "delete"), {
        "begin": ("begin", _day_or_time), "end": ("end", _day_or_time), "group": ("group", _id),
    }, why_not={
        "get": "Kimai has no read of a single public holiday: use list (filters begin, end, group).",
        "create": "Public holidays are added in Kimai's UI (WorkContract plugin).",
        "update": "Public holidays are changed in Kimai's UI (WorkContract plugin).",
    }),
}  # fmt: skip


def per_type(action: str, *also: str, check: str | None = None) -> dict[str, list[str]]:
    """For each type that has `action`: its operation; with `also`, those operations instead (not for users,
    which have no colour); with `check`, the read of one record that a dry run makes."""
    out = {}
    for name, kind in KINDS.items():
        if action not in kind.actions:
            continue
        if check:
            out[name] = [kind.key(check)] if check in kind.actions else []
        elif also:
            out[name] = list(also) if name != "user" else []
        else:
            out[name] = [kind.key(action)]
    return out


def kind_for(type: str, action: str) -> Kind:
    """The kind of record, refusing an action it lacks and naming what it supports."""
    kind = KINDS.get(type)
    if kind is None:
        raise ArgumentError(f"Unknown type {type!r}. Valid: {', '.join(KINDS)}.")
    if action in ("lock_month", "unlock_month", "set_preferences") and type != "user":
        raise ArgumentError(f"{action} is for type user. {type} supports: {', '.join(kind.supported())}.")
    base = "delete" if action == "batch_delete" else action
    if base in ("list", "get", "create", "update", "delete") and base not in kind.actions:
        why = kind.why_not.get(base)
        supports = f"{type} supports: {', '.join(kind.supported())}."
        raise ArgumentError(" ".join([f"{type} has no {action}.", *([why] if why else []), supports]))
    return kind


def query_for(kind: Kind, filters: dict | None) -> dict[str, Any]:
    """Kimai's query parameters for the list filters; an unknown key is refused, naming the valid ones."""
    if filters is not None and not isinstance(filters, dict):
        raise ArgumentError("`filters` must be an object.")
    # `customers[]` is Kimai's own name for `customers`
    plain = {str(k).removesuffix("[]"): v for k, v in (filters or {}).items()}
    if plain and not kind.filters:
        raise ArgumentError(f"{kind.plural.capitalize()} take no filters; got {', '.join(sorted(plain))}.")
    given = pick(plain, kind.filters, what=f"filters for {kind.plural}")
    query: dict[str, Any] = {}
    for name, value in given.items():
        kimai_name, convert = kind.filters[name]
        converted = convert(value, name)
        if converted is not None and converted != []:
            query[kimai_name] = converted
    return query


# ---- bodies


def as_date(value: Any) -> Any:
    return value[:10] if isinstance(value, str) and DATE_TIME.match(value) else value


def as_date_time(value: Any) -> Any:
    return f"{value}T00:00:00" if isinstance(value, str) and DATE.match(value) else value


def body_for(kind: Kind, action: str, data: Any, form_fields: Iterable[str] = ()) -> tuple[dict, list[str]]:
    """The body to send and notes for the answer; Kimai's per-route date quirks are handled here.

    A create gets the kind's `create_defaults` (true) where the connected Kimai's form has the field.
    """
    if not isinstance(data, dict) or not data:
        raise ArgumentError(f"{action} needs `data`: an object with the {kind.noun}'s fields.")
    body, notes = dict(data), []
    if action == "create":
        body.update({key: True for key in kind.create_defaults if key in form_fields and key not in data})
    if kind.noun == "project":
        # Kimai takes project dates as yyyy-MM-dd on POST but only as yyyy-MM-ddTHH:mm:ss on PATCH
        convert = as_date_time if action == "update" else as_date
        body.update({k: convert(body[k]) for k in ("start", "end", "orderDate") if k in body})
    if isinstance(body.get("timeBudget"), int | float) and not isinstance(body["timeBudget"], bool):
        body["timeBudget"] = f"{body['timeBudget']:g}"  # hours, which Kimai's form takes as text ("10", "10:30")
    if kind.noun == "invoice" and "paymentDate" in body:
        body["paymentDate"] = as_date(body["paymentDate"])
    if kind.noun == "team" and isinstance(body.get("members"), list):
        body["members"] = [_member(m) for m in body["members"]]
    if kind.noun == "user" and isinstance(body.get("roles"), list) and "ROLE_USER" in body["roles"]:
        body["roles"] = [r for r in body["roles"] if r != "ROLE_USER"]  # Kimai refuses it: every user has it
        notes.append("ROLE_USER was left out of roles: every Kimai user has it.")
    return body, notes


HEX_COLOUR = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def _rgb(colour: str) -> tuple[int, int, int] | None:
    match = HEX_COLOUR.match(colour.strip())
    if not match:
        return None
    digits = match[1] if len(match[1]) == 6 else "".join(c * 2 for c in match[1])
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def nearest_colour(wanted: str, palette: dict[str, str]) -> tuple[str, str] | None:
    """The palette's (name, colour) nearest to `wanted` by the "redmean" distance, closer to the eye than plain RGB."""
    target = _rgb(wanted)
    if target is None:
        return None
    best: tuple[float, str, str] | None = None
    for name, colour in palette.items():
        rgb = _rgb(colour) if isinstance(colour, str) else None
        if rgb is None:
            continue
        mean = (target[0] + rgb[0]) / 2
        dr, dg, db = (a - b for a, b in zip(target, rgb, strict=True))
        distance = (2 + mean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean) / 256) * db * db
        if best is None or distance < best[0]:
            best = (distance, name, colour)
    return (best[1], best[2]) if best else None


def palette_note(wanted: str, name: str, colour: str) -> str:
    if _rgb(wanted) == _rgb(colour):
        return f"Colour {wanted} sent as Kimai's palette spells it: {name} {colour}."
    return f"This Kimai takes only its palette's colours (config colors): {wanted} became the nearest, {name} {colour}."


def _member(value: Any) -> Any:
    """A bare user id in `members` is a plain member."""
    is_id = isinstance(value, int) and not isinstance(value, bool)
    return {"user": value, "teamlead": False} if is_id else value


def first_of_month(month: Any) -> str:
    """`YYYY-MM-01` from `YYYY-MM` or `YYYY-MM-01`; any other day is refused."""
    match = MONTH.match(str(month or "").strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise ArgumentError(f"month must be the first day of a month, YYYY-MM-01 (or YYYY-MM), got {month!r}.")
    first = f"{match[1]}-{match[2]}-01"
    if match[3] not in (None, "01"):
        raise ArgumentError(f"month must be the first day of a month: {month} is not; did you mean {first}?")
    return first


def preference_body(preferences: Any) -> list[dict[str, str | None]]:
    """`[{name, value}]` with values as Kimai's strings."""
    if not isinstance(preferences, list) or not preferences:
        raise ArgumentError('set_preferences needs `preferences`: a list like [{"name": "...", "value": "..."}].')
    body = []
    for item in preferences:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            raise ArgumentError(f"Each preference must be an object with `name` and `value`, got {item!r}.")
        extra = sorted(set(item) - {"name", "value"})
        if extra:
            raise ArgumentError(f"A preference has only `name` and `value`; {', '.join(extra)} is not allowed.")
        value = item.get("value")
        if isinstance(value, bool):
            value = "1" if value else None  # a Symfony checkbox is off only when it gets null
        elif isinstance(value, int | float):
            value = str(value)
        elif value is not None and not isinstance(value, str):
            raise ArgumentError(f"The value of preference {item['name']!r} must be text or a number.")
        body.append({"name": item["name"], "value": value})
    return body


# ---- rendering: one line per record with the facts that matter for each kind


def title_of(type: str, record: dict) -> str:
    """The record's name as a listing shows it (see kimai_tools.domain.text)."""
    if type == "user":
        return shown(user_name(record))
    name = record.get("invoiceNumber" if type == "invoice" else "name")
    return shown(name) if name else f"#{record.get('id')}"


def _yes_no(value: Any) -> str:
    return "yes" if value else "no"


def _parent(record: dict, key: str) -> str | None:
    """A parent named where Kimai gives the name: an expanded object, or the id plus `parentTitle`."""
    value = record.get(key)
    if isinstance(value, dict):
        return ref(value)
    if value is None:
        return None
    return f"{shown(record['parentTitle'])} (#{value})" if record.get("parentTitle") else f"#{value}"


def _member_name(member: dict) -> str:
    user = member.get("user")
    return title_of("user", user) if isinstance(user, dict) else f"#{user}"


def typed(value: Any) -> Any:
    """A value someone typed, as a listing shows it; absent stays absent."""
    return shown(value) if isinstance(value, str) and value else value


def facts(type: str, r: dict) -> list[str]:
    out: list[str] = []

    def add(name: str, value: Any) -> None:
        if value not in (None, "", [], 0, 0.0):
            out.append(f"{name}={value}")

    if type == "project":
        add("customer", _parent(r, "customer"))
        add("number", typed(r.get("number")))
        add("visible", _yes_no(r.get("visible")) if "visible" in r else None)
        add("billable", _yes_no(r.get("billable")) if "billable" in r else None)
        add("budget", r.get("budget"))
        add("timeBudget", hours(r["timeBudget"] / 3600) if r.get("timeBudget") else None)
        if r.get("start") or r.get("end"):
            add("dates", f"{r.get('start') or '…'}..{r.get('end') or '…'}")
    elif type == "activity":
        out.append(f"project={_parent(r, 'project')}" if r.get("project") else "global")
        add("number", typed(r.get("number")))
        add("visible", "no" if r.get("visible") is False else None)
    elif type == "customer":
        add("number", typed(r.get("number")))
        add("currency", typed(r.get("currency")))
        add("visible", _yes_no(r.get("visible")) if "visible" in r else None)
    elif type == "user":
        add("username", typed(r.get("username")) if r.get("alias") else None)  # the title is the alias then
        add("title", typed(r.get("title")))
        add("enabled", _yes_no(r.get("enabled")) if "enabled" in r else None)
        add("roles", ", ".join(r.get("roles") or []))
    elif type == "team":
        members = r.get("members") or []
        add("members", len(members))
        add("teamleads", ", ".join(_member_name(m) for m in members if m.get("teamlead")))
    elif type == "tag":
        colour = r.get("color")
        add("color", colour if isinstance(colour, str) and HEX_COLOUR.match(colour) else typed(colour))
        add("visible", "no" if r.get("visible") is False else None)
    elif type == "invoice":
        add("customer", ref(r["customer"]) if r.get("customer") is not None else None)
        add("status", r.get("status"))
        total = r.get("total")
        add("total", f"{total} {r.get('currency') or ''}".strip() if total is not None else None)
        add("created", str(r.get("createdAt") or "")[:10])
        add("paid", r.get("paymentDate"))
        add("overdue", "yes" if r.get("overdue") else None)
    elif type == "holiday":
        add("date", str(r.get("date") or "")[:10])
        group = r.get("publicHolidayGroup")
        add("group", ref(group) if isinstance(group, dict) else typed(group))
        add("halfDay", "yes" if r.get("halfDay") else None)
    return out


def line(type: str, record: dict) -> str:
    return " | ".join([f"#{record.get('id', '?')} {title_of(type, record)}", *facts(type, record)])
