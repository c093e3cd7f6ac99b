"""entity: projects, activities, customers, users, teams, tags, invoices and public holidays."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.arguments import ArgumentError, need, need_id
from kimai_tools.domain.batch import BatchResult, run_batch
from kimai_tools.domain.text import DELETED_ON_RETRY, TEXT_LIMIT, deleted, shown
from kimai_tools.kimai.errors import BadRequest, KimaiError, MethodNotAllowed, NotFound
from kimai_tools.kimai.operations import ensure_available, entry, form_for
from kimai_tools.tools.base import Caller, past_the_end, progress
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.entity.kinds import (
    Kind,
    body_for,
    first_of_month,
    kind_for,
    line,
    nearest_colour,
    palette_note,
    per_type,
    preference_body,
    query_for,
    title_of,
)
from kimai_tools.tools.render import compact, ref, result

TITLE = "Kimai records"
PALETTE = "GET /api/config/colors"  # a colour outside Kimai's palette: the nearest one is sent instead
LOCKS = ["GET /api/users", "GET /api/users/{id}"]  # user_scope all, and dry_run
ACTIONS = Actions("entity", {
    "list": Action("list_records", sends=per_type("list")),
    "get": Action("get_record", sends=per_type("get")),
    "create": Action("create_record", writes=True, sends=per_type("create"), also=per_type("create", PALETTE)),
    "update": Action("update_record", writes=True, sends=per_type("update"), also=per_type("update", PALETTE)),
    "delete": Action("delete_record", writes=True, sends=per_type("delete")),
    "batch_delete": Action("batch_delete", writes=True, sends=per_type("delete"), also=per_type("delete", check="get")),
    "lock_month": Action("lock_month", writes=True, sends={"user": ["DELETE /api/work-contract/lock/{user}/{month}"]},
                         also={"user": ["POST /api/work-contract/lock/{user}/{month}", *LOCKS]}),  # newest releases
    "unlock_month": Action("unlock_month", writes=True,
                           sends={"user": ["DELETE /api/work-contract/unlock/{user}/{month}"]},
                           also={"user": ["DELETE /api/work-contract/approval/{user}/{month}", *LOCKS]}),  # older
    "set_preferences": Action("set_preferences", writes=True, sends={"user": ["PATCH /api/users/{id}/preferences"]}),
}, variant="type")  # fmt: skip
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

# Shown in the headline, or only there for Kimai's UI: a get leaves them out of the field lines
HEADLINE_KEYS = {
    "project": {"parentTitle", "customer", "name", "number", "visible", "billable", "budget", "timeBudget", "start",
                "end"},
    "activity": {"parentTitle", "project", "name", "number", "visible"},
    "customer": {"name", "number", "currency", "visible"},
    "user": {"username", "alias", "title", "enabled", "roles"},
    "team": {"name"},
    "tag": {"name", "color", "visible"},
    "invoice": {"invoiceNumber", "customer", "status", "total", "currency", "createdAt", "paymentDate", "overdue"},
    "holiday": {"name", "date", "publicHolidayGroup", "halfDay"},
}  # fmt: skip
UI_ONLY = {"apiToken", "initials", "color-safe", "avatar"}
DEFAULT_PAGE_SIZE = 50  # Kimai's, when `size` is not given


async def list_records(caller: Caller, ctx: Context, *, type: str, filters: Any) -> CallToolResult:
    kind = kind_for(type, "list")
    query = query_for(kind, filters)
    page = int(query.get("page", 1))
    try:
        reply = await caller.call(kind.key("list"), query=query)
    except NotFound:  # only invoices paginate: a page past the last is a 404
        if page == 1:
            raise
        return await past_the_end(caller, kind.key("list"), query, page, int(query.get("size", DEFAULT_PAGE_SIZE)))
    records = [r for r in reply.data or [] if isinstance(r, dict)]
    total = reply.header_int("X-Total-Count") or len(records)
    pages = reply.header_int("X-Total-Pages")
    head = f"{total} {kind.noun if total == 1 else kind.plural}" + (f", page {page} of {pages}" if pages else "")
    lines = [f"{head}:" if records else f"No {kind.plural} found."] + [line(type, r) for r in records]
    if pages and page < pages:
        lines.append(f"Next page: filters.page={page + 1}.")
    if type == "tag":  # /api/tags/find answers only visible tags, whatever is asked
        lines.append("Kimai's API lists visible tags only.")
    data: dict[str, Any] = {"total": total, "items": records}
    if pages:
        data.update(page=page, pages=pages)
    return result("\n".join(lines), data)


async def get_record(caller: Caller, ctx: Context, *, type: str, id: Any) -> CallToolResult:
    kind = kind_for(type, "get")
    record_id = need_id(id, action=f"{type} get")
    reply = await caller.call(kind.key("get"), path={"id": record_id})
    return show(type, kind, reply.data or {}, headline=kind.noun.capitalize(), fields=None)


async def create_record(caller: Caller, ctx: Context, *, type: str, data: Any) -> CallToolResult:
    kind = kind_for(type, "create")
    form = form_for(entry(kind.key("create")), await caller.session.version())
    body, notes = body_for(kind, "create", data, form["fields"])
    if type == "team" and not body.get("members"):
        me = await caller.current_user()  # Kimai refuses a team without a teamlead
        body["members"] = [{"user": me.get("id"), "teamlead": True}]
        notes.append(f"You ({title_of('user', me)}, #{me.get('id')}) are its teamlead: Kimai needs one.")
    reply = await send_with_palette(caller, kind.key("create"), {}, body, notes)
    return show(type, kind, reply.data or {}, headline=f"Created {kind.noun}", fields=list(body), notes=notes)


async def update_record(caller: Caller, ctx: Context, *, type: str, id: Any, data: Any) -> CallToolResult:
    kind = kind_for(type, "update")
    record_id = need_id(id, action=f"{type} update")
    body, notes = body_for(kind, "update", data)
    reply = await send_with_palette(caller, kind.key("update"), {"id": record_id}, body, notes)
    return show(type, kind, reply.data or {}, headline=f"Updated {kind.noun}", fields=list(body), notes=notes)


async def send_with_palette(caller: Caller, key: str, path: dict, body: dict, notes: list[str]):
    """Send the record; where Kimai takes only its palette's colours (2.31 does), the nearest one is sent instead.

    Kimai refuses the whole form on a colour outside its palette and stores nothing, so sending again is safe.
    """
    try:
        return await caller.call(key, path=path, body=body)
    except BadRequest as exc:
        wanted = body.get("color")
        if "color" not in exc.fields or not isinstance(wanted, str):
            raise
        palette = (await caller.call("GET /api/config/colors")).data
        chosen = nearest_colour(wanted, palette if isinstance(palette, dict) else {})
        if chosen is None or chosen[1] == wanted:
            raise exc from None
        body["color"] = chosen[1]
        reply = await caller.call(key, path=path, body=body)
        notes.append(palette_note(wanted, *chosen))
        return reply


async def delete_record(caller: Caller, ctx: Context, *, type: str, id: Any) -> CallToolResult:
    kind = kind_for(type, "delete")
    record_id = need_id(id, action=f"{type} delete")
    reply = await caller.call(kind.key("delete"), path={"id": record_id})
    text = deleted(f"{kind.noun} #{record_id}", reply.already_done)
    return result(text, {"type": type, "id": record_id, "deleted": True})


async def batch_delete(caller: Caller, ctx: Context, *, type: str, ids: Any, dry_run: bool) -> CallToolResult:
    kind = kind_for(type, "batch_delete")
    ids = need(ids, "ids", f"{type} batch_delete")
    await ensure_available(caller.session, kind.key("delete"))  # an old Kimai refuses once, not once per id

    async def delete(record_id: int) -> str:
        reply = await caller.call(kind.key("delete"), path={"id": record_id})
        return DELETED_ON_RETRY if reply.already_done else "deleted"

    async def check(record_id: int) -> str:
        if "get" not in kind.actions:
            return f"would be deleted (Kimai cannot read one {kind.noun}, so it was not checked)"
        record = (await caller.call(kind.key("get"), path={"id": record_id})).data or {}
        return f"would delete {title_of(type, record)}"

    batch = await run_batch(ids, delete, check=check, dry_run=dry_run, verb="Deleted", noun=kind.plural,
                            **_batch_options(caller, ctx))  # fmt: skip
    return batch_result(batch)


async def lock_month(caller: Caller, ctx: Context, type: str, id: Any, ids: Any, month: Any, user_scope: Any,
                     dry_run: bool) -> CallToolResult:  # fmt: skip
    return await change_months(caller, ctx, "lock", type=type, id=id, ids=ids, month=month, user_scope=user_scope,
                               dry_run=dry_run)  # fmt: skip


async def unlock_month(caller: Caller, ctx: Context, type: str, id: Any, ids: Any, month: Any, user_scope: Any,
                       dry_run: bool) -> CallToolResult:  # fmt: skip
    return await change_months(caller, ctx, "unlock", type=type, id=id, ids=ids, month=month, user_scope=user_scope,
                               dry_run=dry_run)  # fmt: skip


async def change_months(caller: Caller, ctx: Context, how: str, *, type: str, id: Any, ids: Any, month: Any,
                        user_scope: Any, dry_run: bool) -> CallToolResult:  # fmt: skip
    kind_for(type, f"{how}_month")
    first = first_of_month(need(month, "month", f"{how}_month"))
    names = await target_users(caller, id, ids, user_scope, f"{how}_month")
    year, number = first[:4], first[5:7]
    span = f"{year}-01 to {year}-{number}" if how == "lock" else f"{year}-{number} to {year}-12"
    key = f"DELETE /api/work-contract/{how}/{{user}}/{{month}}"

    async def change(user_id: int) -> str:
        await months_call(caller, how, key, user_id, first)
        return f"{names[user_id]}: {how}ed" if names.get(user_id) else f"{how}ed"

    async def check(user_id: int) -> str:
        user = (await caller.call("GET /api/users/{id}", path={"id": user_id})).data or {}
        return f"would {how} {title_of('user', user)}"

    if not names:
        return result(f"No users found to {how}.", {"month": first, "total": 0, "outcomes": []})
    batch = await run_batch(list(names), change, check=check, dry_run=dry_run, verb=f"{how.capitalize()}ed",
                            noun="users", **_batch_options(caller, ctx))  # fmt: skip
    intro = f"{how.capitalize()} of the {'open ' if how == 'lock' else ''}months {span}:"
    return batch_result(batch, intro=intro, extra={"month": first, "months": span})


async def months_call(caller: Caller, how: str, key: str, user_id: int, first: str) -> None:
    path = {"user": user_id, "month": first}
    try:
        await caller.call(key, path=path)
    except MethodNotAllowed:
        if how != "lock":
            raise
        await caller.call("POST /api/work-contract/lock/{user}/{month}", path=path)  # the newest plugin releases
    except NotFound as exc:
        if how == "unlock":  # older plugin releases call unlock "approval"
            try:
                await caller.call("DELETE /api/work-contract/approval/{user}/{month}", path=path)
            except KimaiError:
                raise exc from None
        else:
            hint = f"If user #{user_id} exists, this WorkContract release may predate month locks: update the plugin."
            raise exc.reworded(f"{exc} {hint}") from None


async def target_users(caller: Caller, id: Any, ids: Any, user_scope: Any, action: str) -> dict[int, str | None]:
    """User id -> username (when known) for a month lock: `id`, `ids`, "self" or "all"."""
    if user_scope == "all":
        users = (await caller.call("GET /api/users", query={"visible": "3"})).data or []
        return {u["id"]: title_of("user", u) for u in users if isinstance(u, dict) and u.get("id")}
    if user_scope == "self":
        me = await caller.current_user()
        return {me["id"]: title_of("user", me)}
    given = ([id] if id is not None else []) + list(ids or [])
    if not given:
        raise ArgumentError(f'{action} needs `id`, `ids` or user_scope "all" (or "self").')
    return dict.fromkeys(given)


async def set_preferences(caller: Caller, ctx: Context, *, type: str, id: Any, preferences: Any) -> CallToolResult:
    kind_for(type, "set_preferences")
    user_id = need_id(id, action="set_preferences (the user's id; user_current gives yours)")
    body = preference_body(preferences)
    user = (await caller.call("PATCH /api/users/{id}/preferences", path={"id": user_id}, body=body)).data or {}
    now = {p.get("name"): p.get("value") for p in user.get("preferences") or [] if isinstance(p, dict)}
    shown = ", ".join(f"{p['name']}={now.get(p['name'], p['value'])}" for p in body)
    text = f"Set {len(body)} preference(s) of user {title_of('user', user)} (#{user.get('id', user_id)}): {shown}."
    return result(text, {"user": user_id, "preferences": [{"name": p["name"], "value": now.get(p["name"], p["value"])}
                                                          for p in body]})  # fmt: skip


# ---- answers


def show(type: str, kind: Kind, record: dict, headline: str, fields: list[str] | None,
         notes: list[str] | None = None) -> CallToolResult:  # fmt: skip
    """A record's line, then its fields: all of them on get, the ones just written on create/update."""
    facts = compact(record)
    lines = [f"{headline} {line(type, record)}", *(notes or [])]
    for key, value in facts.items():
        if key == "id" or (key not in fields if fields is not None else key in HEADLINE_KEYS[type] | UI_ONLY):
            continue
        if isinstance(value, list):
            value = ", ".join(_short(v) for v in value)
        lines.append(f"  {key}: {_short(value)}")
    data = facts if not notes else {**facts, "notes": notes}
    return result("\n".join(lines), data)


def _short(value: Any) -> str:
    if isinstance(value, str):
        return shown(value, TEXT_LIMIT)
    if not isinstance(value, dict):
        return str(value)
    if "teamlead" in value:  # a membership: of a team's member, or of a user's team
        who = value.get("user", value.get("team"))
        return f"{_short(who)}{' (teamlead)' if value['teamlead'] else ''}"
    if set(value) <= {"name", "value"} and "name" in value:  # a preference
        return f"{value['name']}={value.get('value', '')}"
    if "username" in value:
        return f"{title_of('user', value)} (#{value.get('id')})"
    return ref(value)


def batch_result(batch: BatchResult, intro: str | None = None, extra: dict | None = None) -> CallToolResult:
    text = batch.summary() if intro is None else f"{intro}\n{batch.summary()}"
    if batch.all_failed:
        raise KimaiError(text)
    return result(text, {**(extra or {}), **batch.to_dict()})


def _batch_options(caller: Caller, ctx: Context) -> dict[str, Any]:
    async def report(done: int, total: int, message: str) -> None:
        await progress(ctx, done, total, message)

    return {"concurrency": caller.batch_concurrency, "progress": report}


async def entity(
    type: Literal["project", "activity", "customer", "user", "team", "tag", "invoice", "holiday"],
    action: ACTIONS.names,
    ctx: Context,
    id: int | None = None,
    filters: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    ids: list[int] | None = None,
    month: str | None = None,
    user_scope: Literal["self", "all", "specific"] | None = None,
    preferences: list[dict[str, Any]] | None = None,
    dry_run: bool = False,
) -> CallToolResult:
    """List, read, create, update and delete Kimai records.

    filters (list): project: customer, customers, term, visible (true, false, "both"), order, orderBy,
    ignoreDates, globalActivities, begin, end; activity: project, projects, globals, visible, term; customer and
    user: visible, term, order, orderBy, full; tag: name; invoice: begin, end, customers, status, page, size;
    holiday: begin, end, group. data (create/update): the record's Kimai fields, e.g. {"name": "Website",
    "customer": 1}; a wrong field is refused naming the valid ones. Users are disabled with update
    {"enabled": false}. A team created without members gets you as teamlead.
    lock_month/unlock_month (type user, WorkContract): month = YYYY-MM-01 with id, ids or user_scope "all".
    set_preferences (type user): preferences = [{name, value}]. dry_run: show what batch_delete would do.
    """
    return await ACTIONS.run(ctx, action, type=type, id=id, filters=filters, data=data, ids=ids, month=month,
                         user_scope=user_scope, preferences=preferences, dry_run=dry_run)  # fmt: skip
