"""entity: projects, activities, customers, users, teams, tags, invoices and public holidays."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai records"
WRITES = {"create", "update", "delete", "batch_delete", "lock_month", "unlock_month", "set_preferences"}
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

HANDLERS: dict[str, Any] = {a: None for a in ("list", "get", *sorted(WRITES))}


async def entity(
    type: Literal["project", "activity", "customer", "user", "team", "tag", "invoice", "holiday"],
    action: Literal[
        "list", "get", "create", "update", "delete", "batch_delete", "lock_month", "unlock_month", "set_preferences"
    ],
    ctx: Context,
    id: int | None = None,
    filters: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    ids: list[int] | None = None,
    month: str | None = None,
    user_scope: Literal["self", "all", "specific"] | None = None,
    preferences: list[dict[str, Any]] | None = None,
    dry_run: bool = False,
) -> CallToolResult:
    """List, read, create, update and delete Kimai records.

    filters (list): project: customer, customers, term, visible (1 visible, 2 hidden, 3 both), order, orderBy,
    ignoreDates, globalActivities, begin, end; activity: project, projects, globals, visible, term; customer and
    user: visible, term, order, orderBy; tag: name; invoice: begin, end, customers, status, page, size; holiday:
    begin, end, group. data (create/update): the record's Kimai fields, e.g. {"name": "Website", "customer": 1};
    a wrong field is refused naming the valid ones. Users are disabled with update {"enabled": false}.
    lock_month/unlock_month (type user, WorkContract): month = YYYY-MM-01 with id, ids or user_scope "all".
    set_preferences (type user): preferences = [{name, value}]. dry_run: show what batch_delete would do.
    """
    app = app_of(ctx)
    handler = dispatch("entity", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, type=type, id=id, filters=filters, data=data, ids=ids, month=month,
                         user_scope=user_scope, preferences=preferences, dry_run=dry_run)  # fmt: skip
