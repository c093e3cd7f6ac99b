"""analyze_project_team: who worked how much on a project in a period, per user and activity."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.arguments import ArgumentError, need_id
from kimai_tools.domain.dates import local_datetime
from kimai_tools.domain.project_team import (
    ProjectTeamStats,
    choose_project,
    project_facts,
    project_ref,
    render_analysis,
    render_candidates,
)
from kimai_tools.domain.teams import team_summary
from kimai_tools.kimai.errors import Forbidden, KimaiError, NotFound
from kimai_tools.tools.base import Caller, Pages, progress, scope_note
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai project team analysis"
ACTIONS = Actions(
    "analyze_project_team",
    {
        None: Action(
            "analyze",
            sends=[
                "GET /api/projects/{id}",
                "GET /api/projects",
                "GET /api/timesheets",
                "GET /api/teams/{id}",
                "GET /api/users",
            ],
        )
    },
)
ANNOTATIONS = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

PAGE_SIZE = 500  # Kimai's maximum
MAX_PAGES = 200  # 100,000 records: beyond that the answer says it is partial


async def find_project(caller: Caller, project_id: Any, project_name: Any) -> tuple[dict | None, list[dict]]:
    """(the project, []) or (None, the candidates a name matches: none or several)."""
    if project_id is not None:
        project_id = need_id(project_id, "project_id", "analyze_project_team")
        return project_facts(await read_project(caller, project_id)), []
    if not isinstance(project_name, str) or not project_name.strip():
        raise ArgumentError("analyze_project_team needs `project_id` or `project_name`.")
    # hidden and ended projects too: a past period often concerns a finished project
    query = {"term": project_name.strip(), "visible": 3, "ignoreDates": 1}
    found = [p for p in (await caller.call("GET /api/projects", query=query)).data or [] if isinstance(p, dict)]
    chosen = choose_project(project_name, found)
    return (project_facts(chosen), []) if chosen else (None, [project_facts(p) for p in found])


async def read_project(caller: Caller, project_id: int) -> dict:
    """One project. Kimai lets a plain user list the projects their teams give them, but not read one by id (403):
    then the list has it."""
    try:
        return (await caller.call("GET /api/projects/{id}", path={"id": project_id})).data or {}
    except Forbidden as exc:
        listed = (await caller.call("GET /api/projects", query={"visible": 3, "ignoreDates": 1})).data or []
        found = next((p for p in listed if isinstance(p, dict) and p.get("id") == project_id), None)
        if found is None:
            raise exc from None
        return found


def scope_of(user_scope: Any, user: Any, team: Any) -> tuple[str, int | None]:
    """The scope (inferred from `user` or `team` when not given) and its id; contradictions are refused."""
    scope = user_scope or ("specific" if user is not None else "team" if team is not None else "all")
    if user is not None and scope != "specific":
        raise ArgumentError(f'`user` goes with user_scope "specific", not "{scope}".')
    if team is not None and scope != "team":
        raise ArgumentError(f'`team` goes with user_scope "team", not "{scope}".')
    if scope == "specific":
        return scope, need_id(user, "user", 'user_scope "specific"')
    if scope == "team":
        return scope, need_id(team, "team", 'user_scope "team"')
    return scope, None


async def users_in_scope(caller: Caller, scope: str, number: int | None) -> tuple[dict, str, dict]:
    """(the timesheet query for the users in scope, a label, facts for structured content)."""
    if scope == "all":
        return {"user": "all"}, "all users", {"user_scope": scope}
    if scope == "self":
        return {}, "your own records", {"user_scope": scope}
    if scope == "specific":
        return {"user": number}, f"user {number}", {"user_scope": scope, "user": number}
    summary = team_summary((await caller.call("GET /api/teams/{id}", path={"id": number})).data or {})
    members = [m["id"] for m in summary["members"] if m["id"] is not None]
    label = f"team {summary['name']} (#{number}, {len(members)} members)"
    return {"users[]": members}, label, {"user_scope": scope, "team": summary}


async def collect(caller: Caller, ctx: Context, query: dict, stats: ProjectTeamStats) -> tuple[int, str | None]:
    """Feed every page into `stats`; (pages read, why the result is partial or None)."""
    pages = Pages(caller, "GET /api/timesheets", query, most=MAX_PAGES)
    try:
        async for reply in pages:
            for record in reply.data or []:
                stats.add(record)
            read = f"{stats.records} of {pages.total}" if pages.total is not None else str(stats.records)
            of = f" of {pages.pages}" if pages.pages else ""
            await progress(ctx, pages.page, pages.pages, f"page {pages.page}{of}: {read} timesheets read")
    except KimaiError as exc:
        page = pages.page
        if page == 1:
            raise
        if isinstance(exc, NotFound):  # records deleted meanwhile: the last page moved
            return page - 1, None
        return page - 1, f"page {page} of {pages.pages or '?'} failed ({exc}); the totals cover pages 1 to {page - 1}"
    if pages.bounded:
        return pages.page, f"stopped after {MAX_PAGES} pages ({stats.records} records); choose a shorter period"
    return pages.page, None


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
    return await ACTIONS.run(
        ctx,
        None,
        begin=begin,
        end=end,
        project_id=project_id,
        project_name=project_name,
        user_scope=user_scope,
        user=user,
        team=team,
        include_details=include_details,
    )


async def analyze(caller: Caller, ctx: Context, begin: str, end: str, project_id: int | None = None,
                  project_name: str | None = None, user_scope: str | None = None, user: int | None = None,
                  team: int | None = None, include_details: bool = False) -> CallToolResult:  # fmt: skip
    period = local_datetime(begin, "begin"), local_datetime(end, "end", day_end=True)
    if period[1] < period[0]:
        raise ArgumentError(f"`end` ({period[1]}) is before `begin` ({period[0]}).")
    scope, number = scope_of(user_scope, user, team)
    project, candidates = await find_project(caller, project_id, project_name)
    if project is None:
        data = {"project_name": project_name, "total": len(candidates), "candidates": candidates}
        return result(render_candidates(project_name, candidates), data)
    scope_query, label, scope_facts = await users_in_scope(caller, scope, number)
    facts = {"project": project, "begin": period[0], "end": period[1], **scope_facts}
    note = await scope_note(caller, scope)
    if note:
        facts["note"] = note
    if scope_query.get("users[]") == []:
        return result(f"Team {scope_facts['team']['name']} (#{number}) has no members: nothing to analyse.", facts)
    query = {"project": project["id"], "begin": period[0], "end": period[1], "full": True, "size": PAGE_SIZE}
    # a unique order, so page boundaries do not shift between requests (Kimai's default is begin)
    query |= {"orderBy": "id", "order": "ASC", **scope_query}
    stats = ProjectTeamStats(details=include_details)
    pages, partial = await collect(caller, ctx, query, stats)
    analysis = stats.result(partial)
    idle = []
    if "team" in scope_facts:
        worked = {row["id"] for row in analysis["by_user"]}
        idle = [f"{m['name']} (#{m['id']})" for m in scope_facts["team"]["members"] if m["id"] not in worked]
    head = f"{project_ref(project)}, {period[0]} – {period[1]}, {label}"
    answer = render_analysis(head, analysis, idle) + (f"\n{note}" if note else "")
    return result(answer, {**facts, "pages": pages, **analysis, "idle_members": idle})
