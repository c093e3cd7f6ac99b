"""rate: hourly and fixed rates of customers, projects and activities."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai rates"
WRITES = {"add", "delete"}
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

HANDLERS: dict[str, Any] = {"list": None, "add": None, "delete": None}


async def rate(
    entity: Literal["customer", "project", "activity"],
    entity_id: int,
    action: Literal["list", "add", "delete"],
    ctx: Context,
    rate_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> CallToolResult:
    """Rates of a customer, project or activity. add: data {rate, internal_rate?, is_fixed?, user?} (no user =
    for everyone). delete: rate_id."""
    app = app_of(ctx)
    handler = dispatch("rate", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, entity=entity, entity_id=entity_id, rate_id=rate_id, data=data)
