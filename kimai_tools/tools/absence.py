"""absence: absences of the WorkContract plugin, split, approved, counted; who is present on a day."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai absences"
WRITES = {"create", "delete", "approve", "reject", "request", "batch_delete", "batch_approve", "batch_reject"}
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

HANDLERS: dict[str, Any] = {a: None for a in ("list", "statistics", "types", "attendance", *sorted(WRITES))}


async def absence(
    action: Literal[
        "list",
        "statistics",
        "types",
        "create",
        "delete",
        "approve",
        "reject",
        "request",
        "attendance",
        "batch_delete",
        "batch_approve",
        "batch_reject",
    ],
    ctx: Context,
    id: int | None = None,
    ids: list[int] | None = None,
    filters: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    date: str | None = None,
    language: str | None = None,
    group_by: Literal["type", "user", "month"] | None = None,
    dry_run: bool = False,
) -> CallToolResult:
    """Absences (WorkContract plugin). filters: user_scope self (default) | all | specific (+ user), begin, end,
    status approved | open | all. create: data {date, end?, type (holiday, time_off, sickness, sickness_child,
    other, parental, unpaid_vacation), comment, user?, halfDay?, duration?}; ranges over 30 days or across a
    year end are split and created as several absences. approve/reject/request: id. attendance: who is
    present or absent on `date` (default today). statistics: days by type, user or month (group_by).
    """
    app = app_of(ctx)
    handler = dispatch("absence", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, id=id, ids=ids, filters=filters, data=data, date=date, language=language,
                         group_by=group_by, dry_run=dry_run)  # fmt: skip
