"""meta: custom (meta) fields of customers, projects, activities, timesheets and invoices."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.arguments import ArgumentError, need_id
from kimai_tools.domain.text import quoted, shown
from kimai_tools.kimai.errors import KimaiError, KimaiUnreachable, NotFound
from kimai_tools.tools.base import Caller
from kimai_tools.tools.custom_fields import PLURAL, not_registered, record_readable, why_not_found
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai custom fields"
ACTIONS = Actions("meta", {
    "update": Action("update", writes=True, sends={
        **{e: [f"PATCH /api/{p}/{{id}}/meta"]
           for e, p in (("customer", "customers"), ("project", "projects"), ("activity", "activities"),
                        ("timesheet", "timesheets"))},
        "invoice": ["PATCH /api/invoices/{id}/custom-fields"],
    }, also={e: [f"GET /api/{p}/{{id}}"] for e, p in (("customer", "customers"), ("project", "projects"),
                                                     ("activity", "activities"), ("timesheet", "timesheets"))}),
}, variant="entity")  # fmt: skip
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

EXAMPLE = '[{"name": "location", "value": "Berlin"}]'


def meta_fields(data: Any) -> list[dict[str, str]]:
    """`data` as Kimai's {name, value} pairs; values become the strings Kimai stores."""
    if not isinstance(data, list) or not data:
        raise ArgumentError(f"update needs `data`: a list of {{name, value}}, e.g. {EXAMPLE}.")
    fields, seen = [], set()
    for item in data:
        if not isinstance(item, dict):
            raise ArgumentError(f"Each item of `data` must be an object {{name, value}}, e.g. {EXAMPLE}.")
        unknown = sorted(set(item) - {"name", "value"})
        if unknown:
            raise ArgumentError(f"Unknown key(s) {', '.join(unknown)} in `data`; each item is {{name, value}}.")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ArgumentError(f"Each item of `data` needs a `name`, e.g. {EXAMPLE}.")
        if "value" not in item:
            raise ArgumentError(f'Custom field "{name}" needs a `value` ("" clears it).')
        if name in seen:
            raise ArgumentError(f'Custom field "{name}" is given twice; give each field once.')
        seen.add(name)
        fields.append({"name": name, "value": meta_value(item["value"], name)})
    return fields


def meta_value(value: Any, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | str):
        return str(value)
    raise ArgumentError(f'The value of custom field "{name}" must be text, a number or true/false.')


async def update(caller: Caller, ctx: Context, *, entity: str, entity_id: Any, data: Any) -> CallToolResult:
    entity_id = need_id(entity_id, "entity_id", "update")
    fields = meta_fields(data)
    if entity == "invoice":
        return await _update_invoice(caller, entity_id, fields)
    outcomes, failures, readable = [], [], None
    for field in fields:
        try:
            await caller.call(f"PATCH /api/{PLURAL[entity]}/{{id}}/meta", path={"id": entity_id}, body=field)
            outcomes.append({**field, "ok": True})
        except KimaiUnreachable as exc:  # the other fields would fail the same way
            done = [o["name"] for o in outcomes if o["ok"]]
            already = f" Already set before that: {', '.join(done)}." if done else ""
            raise exc.reworded(f"{str(exc).rstrip('.')}; stopped at field {field['name']}.{already}") from None
        except KimaiError as exc:
            failures.append(exc)
            reason = str(exc).rstrip(".")
            if isinstance(exc, NotFound):
                readable = await record_readable(caller, entity, entity_id) if readable is None else readable
                reason = why_not_found(entity, entity_id, field["name"], readable)
            outcomes.append({**field, "ok": False, "reason": reason})
    done = [o for o in outcomes if o["ok"]]
    lines = [f"Custom fields of {entity} {entity_id}: set {len(done)} of {len(outcomes)}."]
    for o in outcomes:
        outcome = "set" if o["ok"] else f"not set. {o['reason']}."
        lines.append(f"  {shown(o['name'])} = {quoted(o['value'])}: {outcome}")
    text = "\n".join(lines)
    if not done:
        alike = len({(type(f), f.status) for f in failures}) == 1  # one kind of failure: the answer is of that kind
        raise failures[0].reworded(text) if alike else KimaiError(text)
    return result(text, {"entity": entity, "entity_id": entity_id, "set": len(done), "fields": outcomes})


async def _update_invoice(caller: Caller, invoice_id: int, fields: list[dict[str, str]]) -> CallToolResult:
    """Kimai takes an invoice's custom fields in one call: all are set, or none."""
    try:
        await caller.call("PATCH /api/invoices/{id}/custom-fields", path={"id": invoice_id}, body=fields)
    except NotFound as exc:
        reason = not_registered("invoice", invoice_id)
        raise exc.reworded(f"No custom field set on invoice {invoice_id}. {reason}.") from None
    said = ", ".join(f"{shown(f['name'])} = {quoted(f['value'])}" for f in fields)
    outcomes = [{**f, "ok": True} for f in fields]
    data = {"entity": "invoice", "entity_id": invoice_id, "set": len(fields), "fields": outcomes}
    return result(f"Custom fields of invoice {invoice_id}: set {len(fields)}: {said}.", data)


async def meta(
    entity: Literal["customer", "project", "activity", "timesheet", "invoice"],
    entity_id: int,
    action: ACTIONS.names,
    data: list[dict[str, Any]],
    ctx: Context,
) -> CallToolResult:
    """Set custom fields: data = [{name, value}]. The fields must be registered in Kimai (plugins)."""
    return await ACTIONS.run(ctx, action, entity=entity, entity_id=entity_id, data=data)
