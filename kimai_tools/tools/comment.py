"""comment: comments on projects and customers (Kimai ≥ 2.57)."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai comments"
WRITES = {"create", "delete", "pin"}
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

HANDLERS: dict[str, Any] = {"list": None, "create": None, "delete": None, "pin": None}


async def comment(
    entity: Literal["project", "customer"],
    entity_id: int,
    action: Literal["list", "create", "delete", "pin"],
    ctx: Context,
    comment_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> CallToolResult:
    """Comments (Kimai ≥ 2.57). create: data {message, pinned?}. delete, pin (toggles): comment_id."""
    app = app_of(ctx)
    handler = dispatch("comment", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, entity=entity, entity_id=entity_id, comment_id=comment_id, data=data)
