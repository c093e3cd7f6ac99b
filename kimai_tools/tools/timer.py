"""timer: start, stop and restart running records; recent and favourite records."""

from typing import Any

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain import timesheets as ts
from kimai_tools.domain.arguments import ArgumentError, as_count, need_id, pick
from kimai_tools.domain.dates import local_datetime
from kimai_tools.kimai.errors import KimaiError, KimaiUnreachable
from kimai_tools.tools.base import Caller
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai timer"
ACTIONS = Actions("timer", {
    "start": Action("start", writes=True, sends=["POST /api/timesheets"], also=["GET /api/timesheets/active"]),
    "stop": Action("stop", writes=True, sends=["PATCH /api/timesheets/{id}/stop"], also=["GET /api/timesheets/active"]),
    "restart": Action("restart", writes=True, sends=["PATCH /api/timesheets/{id}/restart"]),
    "active": Action("active", sends=["GET /api/timesheets/active"]),
    "recent": Action("recent", sends=["GET /api/timesheets/recent"]),
    "favorites": Action("favorites", sends=["GET /api/favorites/timesheets"]),
    "favorite": Action("favorite", writes=True, sends=["POST /api/favorites/timesheets/{id}"]),
    "unfavorite": Action("unfavorite", writes=True, sends=["DELETE /api/favorites/timesheets/{id}"]),
})  # fmt: skip
ANNOTATIONS = ToolAnnotations(
    read_only_hint=False, destructive_hint=False, idempotent_hint=False, open_world_hint=False
)


async def timer(
    action: ACTIONS.names,
    ctx: Context,
    id: int | None = None,
    data: dict[str, Any] | None = None,
    size: int | None = None,
    begin: str | None = None,
) -> CallToolResult:
    """Running time records. start: data {project, activity, description?, tags?, begin?} (begin defaults to now).
    stop (no id: the only running record)/restart/favorite/unfavorite: id of the record. restart data: begin?,
    copy? ("all": also description, tags, rates). active: running records. recent: recently used records (size, begin).
    favorites: favourite records (Kimai ≥ 2.66).
    """
    return await ACTIONS.run(ctx, action, id=id, data=data, size=size, begin=begin)


def one(verb: str, record: dict) -> CallToolResult:
    return result(f"{verb} {ts.timesheet_line(record)}", ts.slim(record))


def many(head: str, empty: str, records: list) -> CallToolResult:
    lines = [head.format(n=len(records))] if records else [empty]
    lines += [ts.timesheet_line(r) for r in records]
    return result("\n".join(lines), {"total": len(records), "items": [ts.slim(r) for r in records]})


async def start(caller: Caller, ctx: Context, data: dict | None = None, begin: str | None = None) -> CallToolResult:
    if isinstance(data, dict) and data.get("end") is not None:
        raise ArgumentError("start runs a timer and takes no `end`; record a finished entry with timesheet create.")
    if begin is not None and isinstance(data, dict) and "begin" not in data:
        data = {**data, "begin": begin}
    body = ts.edit_body(data, "start")
    before = await running_records(caller)
    record = (await caller.call("POST /api/timesheets", query={"full": True}, body=body)).data or {}
    stopped = await stopped_since(caller, before)
    if not stopped:
        return one("Started", record)
    ids = ", ".join(f"#{i}" for i in stopped)
    note = (
        f"Kimai stopped {ids} itself, as a start beyond its limit of running records does "
        "(config timesheet: activeEntriesHardLimit)."
    )
    return result(f"Started {ts.timesheet_line(record)}\n{note}", {**ts.slim(record), "stopped": stopped})


async def running_records(caller: Caller) -> list[dict] | None:
    """The records running now, or None when Kimai does not say: what start stopped is a courtesy note."""
    try:
        return [r for r in (await caller.call("GET /api/timesheets/active")).data or [] if isinstance(r, dict)]
    except KimaiUnreachable:  # the start itself would fail the same way
        raise
    except KimaiError:
        return None


async def stopped_since(caller: Caller, before: list[dict] | None) -> list[int]:
    """Which of `before` no longer run: Kimai stops the oldest itself when a start passes its limit."""
    after = await running_records(caller) if before else None
    if after is None:
        return []
    still = {a.get("id") for a in after}
    return [r["id"] for r in before or [] if r.get("id") not in still]


async def stop(caller: Caller, ctx: Context, id: int | None = None) -> CallToolResult:
    if id is None:
        running = (await caller.call("GET /api/timesheets/active")).data or []
        if not running:
            return result("No timer is running; nothing to stop.", {"total": 0, "items": []})
        if len(running) > 1:
            return many("{n} timers are running; none stopped. Call stop with the id of one:", "", running)
        record_id = running[0].get("id")  # Kimai's own id: taken as it is
    else:
        record_id = need_id(id, action="stop")
    reply = await caller.call("PATCH /api/timesheets/{id}/stop", path={"id": record_id})
    return one("Stopped", reply.data or {})


async def restart(
    caller: Caller, ctx: Context, id: int | None = None, data: dict | None = None, begin: str | None = None
) -> CallToolResult:
    record_id = need_id(id, action="restart")
    body = pick(data, ("begin", "copy"), "data")
    if begin is not None:
        body.setdefault("begin", begin)
    if "begin" in body:
        body["begin"] = local_datetime(body["begin"], "begin", date_alone=False)
    if "copy" in body:
        copy = body.pop("copy")
        if copy is True or str(copy).lower() in ("all", "true"):
            body["copy"] = "all"  # Kimai's only value for copy
        elif copy not in (False, None) and str(copy).lower() not in ("false", "no"):
            raise ArgumentError(f'`copy` must be "all" (or true), got {copy!r}.')
    path = {"id": record_id}
    reply = await caller.call("PATCH /api/timesheets/{id}/restart", path=path, body=body or None)
    return one(f"Restarted #{record_id} as", reply.data or {})


async def active(caller: Caller, ctx: Context) -> CallToolResult:
    records = (await caller.call("GET /api/timesheets/active")).data or []
    return many("{n} running:", "No timer is running.", records)


async def recent(caller: Caller, ctx: Context, size: int | None = None, begin: str | None = None) -> CallToolResult:
    query: dict[str, Any] = {}
    if size is not None:
        query["size"] = as_count(size, "size")
    if begin is not None:
        query["begin"] = local_datetime(begin, "begin")
    records = (await caller.call("GET /api/timesheets/recent", query=query)).data or []
    return many("{n} recently used records (start one again with restart id):", "No recent records.", records)


async def favorites(caller: Caller, ctx: Context) -> CallToolResult:
    records = (await caller.call("GET /api/favorites/timesheets")).data or []
    return many("{n} favourite records (start one with restart id):", "No favourite records.", records)


async def favorite(caller: Caller, ctx: Context, id: int | None = None) -> CallToolResult:
    record_id = need_id(id, action="favorite")
    await caller.call("POST /api/favorites/timesheets/{id}", path={"id": record_id})
    return result(f"Timesheet #{record_id} is a favourite.", {"id": record_id, "favorite": True})


async def unfavorite(caller: Caller, ctx: Context, id: int | None = None) -> CallToolResult:
    record_id = need_id(id, action="unfavorite")
    await caller.call("DELETE /api/favorites/timesheets/{id}", path={"id": record_id})
    return result(f"Timesheet #{record_id} is no favourite.", {"id": record_id, "favorite": False})
