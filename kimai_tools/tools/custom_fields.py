"""Custom (meta) fields: Kimai answers 404 alike for a missing record and for a field nobody registered.

Used by the meta tool and by timesheet meta_update.
"""

from __future__ import annotations

from kimai_tools.kimai.errors import KimaiError, KimaiUnreachable
from kimai_tools.tools.base import Caller

PLURAL = {
    "customer": "customers",
    "project": "projects",
    "activity": "activities",
    "timesheet": "timesheets",
    "invoice": "invoices",
}


def unregistered(entity: str, name: str | None = None) -> str:
    field = f'custom field "{name}" is' if name else "such custom fields are"
    return (
        f"no {field} registered for {PLURAL[entity]} (a plain Kimai registers none; plugins or invoice settings "
        "add them)"
    )


def not_registered(entity: str, entity_id: int, name: str | None = None) -> str:
    return (
        f"Kimai answered 404: most likely {unregistered(entity, name)}, or {entity} {entity_id} does not exist or "
        "is not visible to you"
    )


async def record_readable(caller: Caller, entity: str, entity_id: int) -> bool:
    """Kimai answers 404 alike for a missing record and for a custom field nobody registered: whether this user
    can read the record tells which."""
    try:
        await caller.call(f"GET /api/{PLURAL[entity]}/{{id}}", path={"id": entity_id})
    except KimaiUnreachable:
        raise
    except KimaiError:
        return False
    return True


def why_not_found(entity: str, entity_id: int, name: str, readable: bool) -> str:
    if readable:
        return f"Kimai answered 404: {unregistered(entity, name)}; {entity} {entity_id} itself exists"
    return not_registered(entity, entity_id, name)
