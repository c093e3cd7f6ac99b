"""team_access: team members, and which customers, projects and activities a team may use."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai team access"
WRITES = {"add_member", "remove_member", "grant", "revoke"}
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=True, open_world_hint=False)

HANDLERS: dict[str, Any] = {a: None for a in ("add_member", "remove_member", "grant", "revoke")}


async def team_access(
    team_id: int,
    action: Literal["add_member", "remove_member", "grant", "revoke"],
    ctx: Context,
    user_id: int | None = None,
    target: Literal["customer", "project", "activity"] | None = None,
    target_id: int | None = None,
) -> CallToolResult:
    """add_member/remove_member: user_id. grant/revoke: target (customer, project, activity) and target_id."""
    app = app_of(ctx)
    handler = dispatch("team_access", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, team_id=team_id, user_id=user_id, target=target, target_id=target_id)
