"""analyze_project_team: who worked how much on a project in a period, per user and activity."""

from typing import Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.errors import ArgumentError

TITLE = "Kimai project team analysis"
WRITES: set[str] = set()
ANNOTATIONS = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)


async def analyze_project_team(
    begin: str,
    end: str,
    ctx: Context,
    project_id: int | None = None,
    project_name: str | None = None,
    user_scope: Literal["self", "all", "specific", "team"] | None = None,
    user: int | None = None,
    team: int | None = None,
    include_details: bool = False,
) -> CallToolResult:
    """Hours per user and activity on one project (project_id, or project_name: one match or the candidates) between
    begin and end, over all records. user_scope: self, all (default), specific (+ user), team (+ team)."""
    raise ArgumentError("analyze_project_team is not implemented yet.")
