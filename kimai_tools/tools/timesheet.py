"""timesheet: list (with statistics), read, record, change and delete time records."""

from typing import Any

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain import timesheets as ts
from kimai_tools.domain.arguments import ArgumentError, need, need_id
from kimai_tools.domain.batch import Unchanged, run_batch
from kimai_tools.domain.stats import TimesheetStats
from kimai_tools.domain.text import DELETED_ON_RETRY, deleted, shown, user_name
from kimai_tools.kimai.errors import Forbidden, KimaiError, NotFound
from kimai_tools.tools.base import Caller, Pages, past_the_end, progress, scope_note
from kimai_tools.tools.custom_fields import record_readable, why_not_found
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai timesheets"
ACTIONS = Actions("timesheet", {
    "list": Action("list_timesheets", sends=["GET /api/timesheets"]),
    "get": Action("get", sends=["GET /api/timesheets/{id}"]),
    "create": Action("create", writes=True, sends=["POST /api/timesheets"]),
    "update": Action("update", writes=True, sends=["PATCH /api/timesheets/{id}"]),
    "delete": Action("delete", writes=True, sends=["DELETE /api/timesheets/{id}"]),
    "duplicate": Action("duplicate", writes=True, sends=["PATCH /api/timesheets/{id}/duplicate"]),
    "export_toggle": Action("export_toggle", writes=True, sends=["PATCH /api/timesheets/{id}/export"]),
    "meta_update": Action("meta_update", writes=True,
                          sends=["PATCH /api/timesheets/{id}/meta", "GET /api/timesheets/{id}"]),
    "user_guide": Action("user_guide", sends=["GET /api/users"]),
    "batch_delete": Action("batch_delete", writes=True, sends=["DELETE /api/timesheets/{id}"],
                           also=["GET /api/timesheets/{id}"]),
    "batch_export": Action("batch_export", writes=True,
                           sends=["GET /api/timesheets/{id}", "PATCH /api/timesheets/{id}/export"]),
})  # fmt: skip
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

PAGE_SIZE = 50  # Kimai's default page size
STATS_PAGE_SIZE = 500  # Kimai's largest page: fewest requests
MAX_STATS_PAGES = 1000  # a safety bound: 500,000 records


async def timesheet(
    action: ACTIONS.names,
    ctx: Context,
    id: int | None = None,
    ids: list[int] | None = None,
    filters: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    meta: list[dict[str, Any]] | None = None,
    dry_run: bool = False,
) -> CallToolResult:
    """Time records. Times are local, YYYY-MM-DDTHH:MM:SS, no offset.

    filters (list): user_scope self (default) | all | specific (+ user), users, project(s), activity(ies),
    customer(s), tags, begin, end (a date alone = whole day), exported, active, billable, term, modified_after,
    order_by, order, page, size, calculate_stats (totals over all matching records).
    data (create/update): project, activity, begin, end, description, tags, user, billable, fixedRate,
    hourlyRate, exported, break; send only what should be set. meta: [{name, value}].
    batch_export marks records exported (already exported ones are left alone). dry_run: show what a batch would do.
    user_guide: how to use these tools, with the users this token can see.
    """
    return await ACTIONS.run(ctx, action, id=id, ids=ids, filters=filters, data=data, meta=meta, dry_run=dry_run)


def one(verb: str, record: dict, extra: str = "") -> CallToolResult:
    text = f"{verb} {ts.timesheet_line(record)}\n  {ts.timesheet_details(record)}" + (f"\n{extra}" if extra else "")
    return result(text, ts.slim(record))


async def list_timesheets(caller: Caller, ctx: Context, filters: dict | None = None) -> CallToolResult:
    query, scope, stats = ts.list_query(filters)
    note = await scope_note(caller, scope)  # modified_after is sent as given: Kimai reads it in the user's zone
    if stats:
        return await statistics(caller, ctx, query, note)
    page, size = query.get("page", 1), query.get("size", PAGE_SIZE)
    try:
        reply = await caller.call("GET /api/timesheets", query={**query, "full": True})
    except NotFound:
        if page == 1:
            raise
        return await past_the_end(caller, "GET /api/timesheets", query, page, size, note)
    records = reply.data or []
    total = reply.header_int("X-Total-Count")
    pages = reply.header_int("X-Total-Pages")
    total = len(records) if total is None else total
    pages = pages or 1
    if not records:
        head = "No timesheets match." if page == 1 else f"Page {page} is empty: {total} timesheets match."
    else:
        matches = "1 timesheet matches" if total == 1 else f"{total} timesheets match"
        head = f"{matches}; page {page} of {pages} ({len(records)} shown):"
    lines = [head, *(ts.timesheet_line(r) for r in records)]
    data: dict[str, Any] = {"total": total, "page": page, "pages": pages, "size": size}
    if page < pages:
        lines.append(f"next: filters.page={page + 1}")
        data["next_page"] = page + 1
    if note:
        lines.append(note)
        data["note"] = note
    data["items"] = [ts.slim(r) for r in records]
    return result("\n".join(lines), data)


async def statistics(caller: Caller, ctx: Context, query: dict, note: str | None) -> CallToolResult:
    """Totals over every matching record, page by page; only the aggregates are kept."""
    base = {k: v for k, v in query.items() if k not in ("page", "size", "orderBy", "order")}
    # ascending ids keep the pages stable while someone records time during the count
    base.update(full=True, size=STATS_PAGE_SIZE, orderBy="id", order="ASC")
    stats = TimesheetStats()
    pages, total, read, partial = Pages(caller, "GET /api/timesheets", base, most=MAX_STATS_PAGES), 0, 0, None
    try:
        async for reply in pages:
            for record in reply.data or []:
                stats.add(record)
            read += 1
            total = pages.total or max(total, stats.total.entries)
            of = pages.pages or pages.page
            await progress(
                ctx, pages.page, of, f"read page {pages.page} of {of} ({stats.total.entries} of {total} records)"
            )
    except KimaiError as exc:
        if pages.page == 1:
            raise
        of = pages.pages or "?"
        partial = f"page {pages.page} of {of} could not be read ({exc}); the totals cover pages 1-{pages.page - 1}"
    if pages.bounded:
        partial = (
            f"stopped at the safety bound of {MAX_STATS_PAGES} pages ({stats.total.entries} of {total} records); "
            "narrow the filters, e.g. begin/end"
        )
    head = f"Statistics over {'the first ' if partial else 'all '}{stats.total.entries} of {total} matching timesheets:"
    lines = [head, stats.render(partial)]
    data = {"total": total, "pages_read": read, **stats.result(partial)}
    if note:
        lines.append(note)
        data["note"] = note
    return result("\n".join(lines), data)


async def get(caller: Caller, ctx: Context, id: int | None = None) -> CallToolResult:
    reply = await caller.call("GET /api/timesheets/{id}", path={"id": need_id(id, action="get")})
    return one("Timesheet", reply.data or {})


async def create(caller: Caller, ctx: Context, data: dict | None = None) -> CallToolResult:
    body = ts.edit_body(data, "create")
    reply = await caller.call("POST /api/timesheets", query={"full": True}, body=body)
    record = reply.data or {}
    return one("Created", record, "" if record.get("end") else "It is running; stop it with timer stop.")


async def update(caller: Caller, ctx: Context, id: int | None = None, data: dict | None = None) -> CallToolResult:
    record_id = need_id(id, action="update")
    reply = await caller.call("PATCH /api/timesheets/{id}", path={"id": record_id}, body=ts.edit_body(data, "update"))
    return one("Updated", reply.data or {})


async def delete(caller: Caller, ctx: Context, id: int | None = None) -> CallToolResult:
    record_id = need_id(id, action="delete")
    reply = await caller.call("DELETE /api/timesheets/{id}", path={"id": record_id})
    text = deleted(f"timesheet #{record_id}", reply.already_done)
    return result(text, {"id": record_id, "deleted": True})


async def duplicate(caller: Caller, ctx: Context, id: int | None = None) -> CallToolResult:
    record_id = need_id(id, action="duplicate")
    reply = await caller.call("PATCH /api/timesheets/{id}/duplicate", path={"id": record_id})
    return one(f"Duplicated #{record_id} as", reply.data or {})


async def export_toggle(caller: Caller, ctx: Context, id: int | None = None) -> CallToolResult:
    record_id = need_id(id, action="export_toggle")
    record = (await caller.call("PATCH /api/timesheets/{id}/export", path={"id": record_id})).data or {}
    state = "exported" if record.get("exported") else "not exported"
    return one(f"Toggled the export flag; now {state}:", record)


async def meta_update(caller: Caller, ctx: Context, id: int | None = None, meta: list | None = None) -> CallToolResult:
    record_id = need_id(id, action="meta_update")
    fields = need(meta, "meta", "meta_update")
    if not isinstance(fields, list) or not all(isinstance(f, dict) and f.get("name") for f in fields):
        raise ArgumentError('`meta` must be a list like [{"name": "location", "value": "Berlin"}].')
    done: list[str] = []
    record: dict = {}
    for field in fields:
        value = field.get("value")
        body = {"name": str(field["name"]), "value": "" if value is None else str(value)}
        try:
            reply = await caller.call("PATCH /api/timesheets/{id}/meta", path={"id": record_id}, body=body)
        except KimaiError as exc:
            if isinstance(exc, NotFound):  # Kimai's answer when no custom field of that name is registered, too
                readable = await record_readable(caller, "timesheet", record_id)
                exc = exc.reworded(why_not_found("timesheet", record_id, body["name"], readable) + ".")
            if not done:
                raise exc from None
            raise exc.reworded(f"Set {', '.join(done)} on #{record_id}; then {body['name']} failed: {exc}") from None
        record = reply.data or record
        done.append(body["name"])
    return one(f"Set {', '.join(done)} on", record)


async def batch_delete(caller: Caller, ctx: Context, ids: list | None = None, dry_run: bool = False) -> CallToolResult:
    async def remove(record_id: int) -> str | None:
        reply = await caller.call("DELETE /api/timesheets/{id}", path={"id": record_id})
        return DELETED_ON_RETRY if reply.already_done else None

    async def check(record_id: int) -> str:
        record = (await caller.call("GET /api/timesheets/{id}", path={"id": record_id})).data or {}
        return f"would delete #{record_id} ({ts.span(record)}, {ts.work(record)})"

    return await batch(caller, ctx, "batch_delete", ids, remove, check, dry_run, "Deleted")


async def batch_export(caller: Caller, ctx: Context, ids: list | None = None, dry_run: bool = False) -> CallToolResult:
    async def exported(record_id: int) -> bool:
        record = (await caller.call("GET /api/timesheets/{id}", path={"id": record_id})).data or {}
        return bool(record.get("exported"))

    async def export(record_id: int) -> str | None:
        if await exported(record_id):
            return Unchanged("already exported")
        record = (await caller.call("PATCH /api/timesheets/{id}/export", path={"id": record_id})).data or {}
        if not record.get("exported"):
            raise KimaiError("Kimai did not mark it exported (was it exported by someone else meanwhile?)")
        return None

    async def check(record_id: int) -> str | None:
        return Unchanged("already exported") if await exported(record_id) else None

    return await batch(caller, ctx, "batch_export", ids, export, check, dry_run, "Exported")


async def batch(
    caller: Caller, ctx: Context, action: str, ids, operation, check, dry_run: bool, verb: str
) -> CallToolResult:
    if not isinstance(need(ids, "ids", action), list):
        raise ArgumentError("`ids` must be a list of timesheet ids.")

    async def report(done: int, total: int, message: str) -> None:
        await progress(ctx, done, total, message)

    outcome = await run_batch(
        ids, operation, concurrency=caller.batch_concurrency, progress=report, dry_run=dry_run, check=check,
        verb=verb, noun="timesheets",
    )  # fmt: skip
    if outcome.all_failed:
        raise KimaiError(outcome.summary())
    return result(outcome.summary(), outcome.to_dict())


GUIDE = """How to use the Kimai tools (times are local, YYYY-MM-DDTHH:MM:SS, no offset):
* Find ids first: entity list type project / activity (filters.term = part of the name).
* "Log 2 h yesterday": timesheet create, data {project, activity, begin: "<yesterday>T09:00:00",
  end: "<yesterday>T11:00:00", description}. Send only fields you mean to set.
* "Start/stop working on X": timer start data {project, activity}; timer stop (no id: stops the only running one).
* "What did I do last week": timesheet list, filters {begin: "<monday>", end: "<sunday>"} (a date alone
  covers the whole day); add calculate_stats: true for totals by project, activity, day.
* Someone else's or everyone's time: filters.user_scope "specific" + user (an id) or "all"
  (needs a teamlead or admin role; Kimai shows a plain user only their own records).
* Fix a record: timesheet update with id and only the changed fields; delete / batch_delete with ids.
* "Who is off next week": absence list or calendar type absences with begin/end; holidays: calendar type holidays.
* Lists show 50 records per page: the answer says the total and the next filters.page.
* Invoicing: batch_export marks records exported (records already exported are left alone); dry_run previews."""


async def user_guide(caller: Caller, ctx: Context) -> CallToolResult:
    me = await caller.current_user()
    try:
        users = (await caller.call("GET /api/users")).data or []
        seen = "Users this token can see"
    except Forbidden:
        users, seen = [me], "This token sees only its own user"
    names = [f"#{u.get('id')} {shown(user_name(u))}" for u in users if isinstance(u, dict)]
    lines = [
        GUIDE,
        f"You are #{me.get('id')} {shown(user_name(me))}; roles: {', '.join(me.get('roles') or []) or 'user'}.",
    ]
    lines.append(f"{seen} ({len(names)}): {', '.join(names[:60])}" + (" …" if len(names) > 60 else ""))
    visible = [{"id": u.get("id"), "name": user_name(u)} for u in users if isinstance(u, dict)]
    return result("\n".join(lines), {"me": {"id": me.get("id"), "name": user_name(me)}, "users": visible})
