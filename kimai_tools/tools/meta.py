"""meta: custom (meta) fields of customers, projects, activities, timesheets and invoices."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai custom fields"
WRITES = {"update"}
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False)

HANDLERS: dict[str, Any] = {"update": None}


async def meta(
    entity: Literal["customer", "project", "activity", "timesheet", "invoice"],
    entity_id: int,
    action: Literal["update"],
    data: list[dict[str, Any]],
    ctx: Context,
) -> CallToolResult:
    """Set custom fields: data = [{name, value}]. The fields must be registered in Kimai (plugins)."""
    app = app_of(ctx)
    handler = dispatch("meta", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, entity=entity, entity_id=entity_id, data=data)
