"""team_access: team members, and which customers, projects and activities a team may use."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.arguments import ArgumentError, need_id
from kimai_tools.domain.teams import ACCESS, team_summary
from kimai_tools.domain.text import shown
from kimai_tools.kimai.errors import BadRequest, KimaiError
from kimai_tools.tools.base import Caller
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai team access"
ACTIONS = Actions("team_access", {
    "add_member": Action("add_member", writes=True, sends=["POST /api/teams/{id}/members/{userId}"],
                         also=["GET /api/teams/{id}"]),
    "remove_member": Action("remove_member", writes=True, sends=["DELETE /api/teams/{id}/members/{userId}"],
                            also=["GET /api/teams/{id}"]),
    "grant": Action("grant", writes=True, sends={t: [f"POST /api/teams/{{id}}/{p}/{{{t}Id}}"]
                                                 for t, p in (("customer", "customers"), ("project", "projects"),
                                                              ("activity", "activities"))},
                    also=["GET /api/teams/{id}"]),  # Kimai's bare 400 explained by the team as it is
    "revoke": Action("revoke", writes=True, sends={t: [f"DELETE /api/teams/{{id}}/{p}/{{{t}Id}}"]
                                                   for t, p in (("customer", "customers"), ("project", "projects"),
                                                                ("activity", "activities"))},
                     also=["GET /api/teams/{id}"]),
}, variant="target")  # fmt: skip
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=True, open_world_hint=False)

TARGETS = ("customer", "project", "activity")
PLURAL = ACCESS
PAST = {"add_member": "Added", "remove_member": "Removed", "grant": "Granted", "revoke": "Revoked"}


def render_team(summary: dict) -> str:
    members = ", ".join(
        f"{shown(m['name'])} (#{m['id']}{', lead' if m['teamlead'] else ''})" for m in summary["members"]
    )
    lines = [f"Team {shown(summary.get('name'))} (#{summary.get('id')})", f"  members: {members or 'none'}"]
    for plural in PLURAL.values():
        lines.append(
            f"  {plural}: " + (", ".join(f"{shown(r['name'])} (#{r['id']})" for r in summary[plural]) or "none")
        )
    return "\n".join(lines)


def subject(user_id: int | None, target: str | None, target_id: int | None) -> str:
    return f"user {user_id}" if user_id is not None else f"{target} {target_id}"


def explain_bad_request(
    action: str,
    team_id: int,
    summary: dict | None,
    user_id: int | None = None,
    target: str | None = None,
    target_id: int | None = None,
) -> tuple[bool, str]:
    """Why Kimai said only "Bad Request": (already as asked?, a sentence). `summary`: the team read afterwards."""
    what = subject(user_id, target, target_id)
    if summary is None:
        probable = {
            "add_member": f"{what} is probably already a member of team {team_id}, or does not exist",
            "remove_member": f"{what} is probably not a member of team {team_id}, or is its team lead "
            "(Kimai does not remove a team lead)",
            "grant": f"team {team_id} probably already has access to {what}",
            "revoke": f"team {team_id} probably has no access to {what}",
        }[action]
        return False, f"Kimai answered 400 Bad Request without detail: {probable}. entity get type team shows the team."
    member = next((m for m in summary["members"] if m["id"] == user_id), None)
    access = target is not None and any(r["id"] == target_id for r in summary[PLURAL[target]])
    if action == "add_member" and member:
        return True, f"User {user_id} already is a member of team {team_id}; nothing changed."
    if action == "remove_member" and member is None:
        return True, f"User {user_id} is not a member of team {team_id}; nothing to remove."
    if action == "remove_member" and member["teamlead"]:
        return False, (
            f"Kimai does not remove user {user_id} from team {team_id}: a team lead cannot be removed. Make them a "
            "plain member first (entity update type team, members), then remove them."
        )
    if action == "grant" and access:
        return True, f"Team {team_id} already has access to {what}; nothing changed."
    if action == "revoke" and not access:
        return True, f"Team {team_id} has no access to {what}; nothing to revoke."
    return False, f"Kimai answered 400 Bad Request without detail to {action} {what} on team {team_id}."


async def change(
    caller: Caller, ctx: Context, *, action: str, team_id: int, user_id: Any, target: Any, target_id: Any
) -> CallToolResult:
    team_id = need_id(team_id, "team_id", action)
    method = "POST" if action in ("add_member", "grant") else "DELETE"
    if action in ("add_member", "remove_member"):
        if user_id is None:
            raise ArgumentError(f"{action} needs `user_id`: the user's id (entity list type user finds it).")
        user_id, target, target_id = need_id(user_id, "user_id", action), None, None
        key, path = f"{method} /api/teams/{{id}}/members/{{userId}}", {"userId": user_id}
    else:
        if target not in TARGETS or target_id is None:
            raise ArgumentError(
                f"{action} needs `target` (customer, project or activity) and `target_id`, e.g. "
                f'{{"action": "{action}", "team_id": {team_id}, "target": "project", "target_id": 3}}.'
            )
        user_id, target_id = None, need_id(target_id, "target_id", action)
        key, path = f"{method} /api/teams/{{id}}/{PLURAL[target]}/{{{target}Id}}", {f"{target}Id": target_id}
    changed = True
    try:
        summary = team_summary((await caller.call(key, path={"id": team_id, **path})).data or {})
        head = f"{PAST[action]} {subject(user_id, target, target_id)} {'to' if method == 'POST' else 'from'}"
        head += f" team {team_id}."
    except BadRequest as exc:
        summary = await _read_team(caller, team_id)
        done, sentence = explain_bad_request(action, team_id, summary, user_id, target, target_id)
        if not done:
            raise exc.reworded(sentence) from None
        changed, head = False, sentence
    return result(f"{head}\n{render_team(summary)}", {"action": action, "changed": changed, "team": summary})


async def _read_team(caller: Caller, team_id: int) -> dict | None:
    """The team as it is now, or None when this user may not read it (team leads may not)."""
    try:
        return team_summary((await caller.call("GET /api/teams/{id}", path={"id": team_id})).data or {})
    except KimaiError:
        return None


async def add_member(caller: Caller, ctx: Context, team_id: int, user_id: Any) -> CallToolResult:
    return await change(caller, ctx, action="add_member", team_id=team_id, user_id=user_id, target=None, target_id=None)


async def remove_member(caller: Caller, ctx: Context, team_id: int, user_id: Any) -> CallToolResult:
    return await change(caller, ctx, action="remove_member", team_id=team_id, user_id=user_id, target=None,
                        target_id=None)  # fmt: skip


async def grant(caller: Caller, ctx: Context, team_id: int, target: Any, target_id: Any) -> CallToolResult:
    return await change(caller, ctx, action="grant", team_id=team_id, user_id=None, target=target, target_id=target_id)


async def revoke(caller: Caller, ctx: Context, team_id: int, target: Any, target_id: Any) -> CallToolResult:
    return await change(caller, ctx, action="revoke", team_id=team_id, user_id=None, target=target,
                        target_id=target_id)  # fmt: skip


async def team_access(
    team_id: int,
    action: ACTIONS.names,
    ctx: Context,
    user_id: int | None = None,
    target: Literal["customer", "project", "activity"] | None = None,
    target_id: int | None = None,
) -> CallToolResult:
    """add_member/remove_member: user_id. grant/revoke: target (customer, project, activity) and target_id."""
    return await ACTIONS.run(ctx, action, team_id=team_id, user_id=user_id, target=target, target_id=target_id)
