"""timesheet: list (with statistics), read, record, change and delete time records."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai timesheets"
WRITES = {"create", "update", "delete", "duplicate", "export_toggle", "meta_update", "batch_delete", "batch_export"}
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

HANDLERS: dict[str, Any] = {a: None for a in ("list", "get", "user_guide", *sorted(WRITES))}


async def timesheet(
    action: Literal[
        "list",
        "get",
        "create",
        "update",
        "delete",
        "duplicate",
        "export_toggle",
        "meta_update",
        "user_guide",
        "batch_delete",
        "batch_export",
    ],
    ctx: Context,
    id: int | None = None,
    ids: list[int] | None = None,
    filters: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    meta: list[dict[str, Any]] | None = None,
    dry_run: bool = False,
) -> CallToolResult:
    """Time records. Times are local, YYYY-MM-DDTHH:MM:SS, no offset.

    filters (list): user_scope self (default) | all | specific (+ user), users, project(s), activity(ies),
    customer(s), tags, begin, end (a date alone = whole day), exported, active, billable, term, modified_after,
    order_by, order, page, size, calculate_stats (totals over all matching records).
    data (create/update): project, activity, begin, end, description, tags, user, billable, fixedRate,
    hourlyRate, exported, break; send only what should be set. meta: [{name, value}].
    batch_export marks records exported (already exported ones are left alone). dry_run: show what a batch would do.
    user_guide: how to use these tools, with the users this token can see.
    """
    app = app_of(ctx)
    handler = dispatch("timesheet", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, id=id, ids=ids, filters=filters, data=data, meta=meta, dry_run=dry_run)
