"""calendar: absences and public holidays as calendar entries."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai calendar"
WRITES: set[str] = set()
ANNOTATIONS = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

HANDLERS: dict[str, Any] = {"absences": None, "holidays": None}


async def calendar(
    type: Literal["absences", "holidays"], ctx: Context, filters: dict[str, Any] | None = None
) -> CallToolResult:
    """Calendar entries of absences or public holidays (WorkContract plugin). filters: user, begin, end (dates)."""
    app = app_of(ctx)
    handler = dispatch("calendar", type, HANDLERS, WRITES, app)
    return await handler(app, ctx, filters=filters)
