"""rate: hourly and fixed rates of customers, projects and activities."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.arguments import ArgumentError, need, need_id
from kimai_tools.domain.text import deleted, shown, user_name
from kimai_tools.kimai.errors import AlreadyUsed
from kimai_tools.tools.base import Caller
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai rates"
ENTITIES = ("customer", "project", "activity")
ACTIONS = Actions("rate", {
    "list": Action("list_rates", sends={e: [f"GET /api/{e}s/{{id}}/rates".replace("ys/", "ies/")] for e in ENTITIES}),
    "add": Action("add_rate", writes=True, sends={e: [f"POST /api/{e}s/{{id}}/rates".replace("ys/", "ies/")]
                                                  for e in ENTITIES}),
    "delete": Action("delete_rate", writes=True,
                     sends={e: [f"DELETE /api/{e}s/{{id}}/rates/{{rateId}}".replace("ys/", "ies/")] for e in ENTITIES}),
}, variant="entity")  # fmt: skip
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

PLURAL = {"customer": "customers", "project": "projects", "activity": "activities"}
# The contract's names, and Kimai's own form names accepted as well.
FIELDS = {
    "rate": "rate",
    "internal_rate": "internalRate",
    "is_fixed": "isFixed",
    "user": "user",
    "internalRate": "internalRate",
    "isFixed": "isFixed",
}


def rate_form(data: dict | None) -> dict:
    """`data` as Kimai's rate form: snake_case names mapped, numbers and flags checked before anything is sent."""
    if not isinstance(data, dict) or not data:
        raise ArgumentError('add needs `data` with at least `rate`, e.g. {"rate": 85, "internal_rate": 60}.')
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise ArgumentError(f"Unknown rate field(s) {', '.join(unknown)}. Valid: rate, internal_rate, is_fixed, user.")
    form: dict[str, Any] = {}
    for key, value in data.items():
        if value is not None:
            form[FIELDS[key]] = value
    need(form.get("rate"), "data.rate", "add")
    for name, key in (("rate", "rate"), ("internal_rate", "internalRate")):
        if key in form:
            form[key] = _number(form[key], name)
    if "isFixed" in form and not isinstance(form["isFixed"], bool):
        raise ArgumentError(f"`is_fixed` must be true or false, got {form['isFixed']!r}.")
    if "user" in form:
        form["user"] = need_id(form["user"], "user", "add")
    return form


def _number(value: Any, name: str) -> float:
    try:
        if isinstance(value, bool):
            raise ValueError
        return float(value)
    except (TypeError, ValueError):
        raise ArgumentError(f"`{name}` must be a number, got {value!r}.") from None


def rate_line(rate: dict) -> str:
    """`#3 85.00/h (internal 60.00) for everyone`; a fixed rate is per entry, not per hour."""
    fixed = bool(rate.get("isFixed"))
    amount = f"{_money(rate.get('rate'))}{'' if fixed else '/h'}"
    internal = f" (internal {_money(rate['internalRate'])})" if rate.get("internalRate") is not None else ""
    return f"#{rate.get('id', '?')} {amount}{internal} for {_who(rate.get('user'))}" + (" | fixed" if fixed else "")


def _who(user: Any) -> str:
    if isinstance(user, dict):
        return f"{shown(user_name(user))} (#{user.get('id')})"
    return f"user {user}" if user else "everyone"


def _money(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, int | float) else str(value)


def rate_facts(rate: dict) -> dict:
    """A rate in the contract's names, for structured content."""
    user = rate.get("user")
    return {
        "id": rate.get("id"),
        "rate": rate.get("rate"),
        "internal_rate": rate.get("internalRate"),
        "is_fixed": bool(rate.get("isFixed")),
        "user": {"id": user.get("id"), "name": user_name(user)} if isinstance(user, dict) else user,
    }


def _key(method: str, entity: str, suffix: str = "") -> str:
    return f"{method} /api/{PLURAL[entity]}/{{id}}/rates{suffix}"


async def list_rates(caller: Caller, ctx: Context, *, entity: str, entity_id: int) -> CallToolResult:
    entity_id = need_id(entity_id, "entity_id", "list")
    rates = (await caller.call(_key("GET", entity), path={"id": entity_id})).data or []
    where = f"{entity} {entity_id}"
    if not rates:
        text = f"No rates set on {where}."
    else:
        head = f"{len(rates)} rate{'s' if len(rates) != 1 else ''} of {where}:"
        text = "\n".join([head, *(rate_line(r) for r in rates)])
    data = {"entity": entity, "entity_id": entity_id, "total": len(rates), "rates": [rate_facts(r) for r in rates]}
    return result(text, data)


async def add_rate(caller: Caller, ctx: Context, *, entity: str, entity_id: int, data: Any) -> CallToolResult:
    entity_id = need_id(entity_id, "entity_id", "add")
    form = rate_form(data)
    try:
        rate = (await caller.call(_key("POST", entity), path={"id": entity_id}, body=form)).data or {}
    except AlreadyUsed as exc:
        who = f"user {form['user']}" if "user" in form else "everyone"
        raise exc.reworded(
            f"{exc} {entity.capitalize()} {entity_id} already has a rate for {who}: delete it first "
            f"(rate list shows its id), then add the new one."
        ) from None
    data = {"entity": entity, "entity_id": entity_id, "rate": rate_facts(rate)}
    return result(f"Added rate to {entity} {entity_id}: {rate_line(rate)}", data)


async def delete_rate(caller: Caller, ctx: Context, *, entity: str, entity_id: int, rate_id: Any) -> CallToolResult:
    entity_id = need_id(entity_id, "entity_id", "delete")
    rate_id = need_id(rate_id, "rate_id", "delete")
    reply = await caller.call(_key("DELETE", entity, "/{rateId}"), path={"id": entity_id, "rateId": rate_id})
    text = deleted(f"rate #{rate_id} of {entity} {entity_id}", reply.already_done)
    return result(text, {"entity": entity, "entity_id": entity_id, "deleted": rate_id})


async def rate(
    entity: Literal["customer", "project", "activity"],
    entity_id: int,
    action: ACTIONS.names,
    ctx: Context,
    rate_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> CallToolResult:
    """Rates of a customer, project or activity. add: data {rate, internal_rate?, is_fixed?, user?} (no user =
    for everyone). delete: rate_id."""
    return await ACTIONS.run(ctx, action, entity=entity, entity_id=entity_id, rate_id=rate_id, data=data)
