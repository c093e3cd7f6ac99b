"""user_current: the caller, their roles, teams and preferences."""

from typing import Any

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.text import shown, user_name
from kimai_tools.tools.base import Caller
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import compact, name_of, ref, result

TITLE = "Current Kimai user"
ACTIONS = Actions("user_current", {None: Action("read_user", sends=["GET /api/users/me"])})
ANNOTATIONS = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

FACTS = ("alias", "title", "email", "accountNumber", "language", "locale", "timezone", "enabled")


async def user_current(ctx: Context) -> CallToolResult:
    """The user behind the API token: id, name, roles, teams, language, timezone, preferences."""
    return await ACTIONS.run(ctx, None)


async def read_user(caller: Caller, ctx: Context) -> CallToolResult:
    caller.me = None  # always fresh: roles or teams may have changed
    me = await caller.current_user()
    return result(describe(me), compact(me))


def describe(me: dict) -> str:
    """Who the token belongs to, in the words of Kimai's profile: roles, teams (and where a team lead), settings."""
    roles = ", ".join(me.get("roles") or []) or "none beyond ROLE_USER"
    lines = [f"You are user {shown(user_name(me))} (#{me.get('id')}); roles: {roles}."]
    lines.append(f"  teams: {', '.join(teams(me)) or 'none'}")
    lines += [f"  {key}: {shown(me[key])}" for key in FACTS if me.get(key) not in (None, "")]
    preferences = [p for p in me.get("preferences") or [] if isinstance(p, dict) and not _internal(p)]
    if preferences:
        lines.append("  preferences: " + ", ".join(f"{shown(p['name'])}={shown(p.get('value'))}" for p in preferences))
    return "\n".join(lines)


def teams(me: dict) -> list[str]:
    """`Developers (#1, team lead)` from Kimai's memberships, or the bare team list of an older answer."""
    memberships = [m for m in me.get("memberships") or [] if isinstance(m, dict) and isinstance(m.get("team"), dict)]
    if memberships:
        return [
            f"{shown(name_of(m['team']))} (#{m['team'].get('id')}, team lead)" if m.get("teamlead") else ref(m["team"])
            for m in memberships
        ]
    return [ref(team) for team in me.get("teams") or [] if isinstance(team, dict)]


def _internal(preference: dict[str, Any]) -> bool:
    """Kimai's own bookkeeping (`__wizards__`) and UI state (favourite routes), not settings of the user."""
    return str(preference.get("name", "")).startswith("__") or preference.get("name") == "favorite_routes"
