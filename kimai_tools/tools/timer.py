"""timer: start, stop and restart running records; recent and favourite records."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.tools.base import app_of, dispatch

TITLE = "Kimai timer"
WRITES = {"start", "stop", "restart", "favorite", "unfavorite"}
ANNOTATIONS = ToolAnnotations(
    read_only_hint=False, destructive_hint=False, idempotent_hint=False, open_world_hint=False
)

HANDLERS: dict[str, Any] = {a: None for a in ("active", "recent", "favorites", *sorted(WRITES))}


async def timer(
    action: Literal["start", "stop", "restart", "active", "recent", "favorites", "favorite", "unfavorite"],
    ctx: Context,
    id: int | None = None,
    data: dict[str, Any] | None = None,
    size: int | None = None,
    begin: str | None = None,
) -> CallToolResult:
    """Running time records. start: data {project, activity, description?, tags?, begin?} (begin defaults to now).
    stop/restart/favorite/unfavorite: id of the record. active: running records. recent: recently used
    records (size, begin). favorites: favourite records (Kimai ≥ 2.66).
    """
    app = app_of(ctx)
    handler = dispatch("timer", action, HANDLERS, WRITES, app)
    return await handler(app, ctx, id=id, data=data, size=size, begin=begin)
