"""user_current: the caller, their roles, teams and preferences."""

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.render import record
from kimai_tools.tools.base import app_of

TITLE = "Current Kimai user"
WRITES: set[str] = set()
ANNOTATIONS = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)


async def user_current(ctx: Context) -> CallToolResult:
    """The user behind the API token: id, name, roles, teams, language, timezone, preferences."""
    app = app_of(ctx)
    app.me = None  # always fresh: roles or teams may have changed
    me = await app.current_user()
    return record("user", me, verb="You are")
