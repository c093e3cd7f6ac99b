"""absence: absences of the WorkContract plugin, split, approved, counted; who is present on a day."""

import datetime as dt
from functools import partial
from typing import Any, Literal

import anyio
from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain import absences as pure
from kimai_tools.domain.arguments import ArgumentError, need, need_id, pick
from kimai_tools.domain.batch import run_batch
from kimai_tools.domain.dates import as_date
from kimai_tools.domain.text import DELETED_ON_RETRY, deleted, user_name
from kimai_tools.kimai.errors import (
    Forbidden,
    InvalidRequest,
    KimaiError,
    KimaiRefused,
    NotAvailable,
    NotFound,
    UnexpectedAnswer,
)
from kimai_tools.tools.absence.support import (
    Chunk,
    absence_line,
    created_story,
    day_begin,
    day_end,
    failure_story,
    holiday_group_of,
    holidays_by_group,
    slim,
    sort_key,
    span,
)
from kimai_tools.tools.base import Caller, progress
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import ref, result

TITLE = "Kimai absences"
USERS = "GET /api/users"  # user_scope all: whose absences to read
ACTIONS = Actions("absence", {
    "list": Action("list_absences", sends=["GET /api/absences"], also=[USERS]),
    "statistics": Action("statistics", sends=["GET /api/absences"], also=[USERS]),
    "types": Action("types", sends=["GET /api/absences/types"]),
    "create": Action("create", writes=True, sends=["POST /api/absences"],
                     also=["DELETE /api/absences/{id}", "GET /api/absences/types"]),  # undo of a split; a label
    "delete": Action("delete", writes=True, sends=["DELETE /api/absences/{id}"]),
    "approve": Action("approve", writes=True, sends=["PATCH /api/absences/{id}/confirm"]),
    "reject": Action("reject", writes=True, sends=["PATCH /api/absences/{id}/reject"]),
    "request": Action("request", writes=True, sends=["PATCH /api/absences/{id}/request"]),
    "attendance": Action("attendance", sends=["GET /api/absences"],
                         also=["GET /api/public-holidays", USERS, "GET /api/users/{id}"]),
    "batch_delete": Action("batch_delete", writes=True, sends=["DELETE /api/absences/{id}"]),
    "batch_approve": Action("batch_approve", writes=True, sends=["PATCH /api/absences/{id}/confirm"]),
    "batch_reject": Action("batch_reject", writes=True, sends=["PATCH /api/absences/{id}/reject"]),
})  # fmt: skip
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

SCOPES = ("self", "all", "specific")
STATUSES = ("approved", "open", "all")
NO_PERMISSION = "no permission (403)"
REFUSALS = (KimaiError, ArgumentError, InvalidRequest)  # a call's refusals: each says in a sentence what went wrong
FIELDS = ("comment", "date", "end", "type", "user", "halfDay", "duration")
BY_ID = {
    "delete": ("DELETE /api/absences/{id}", "Deleted"),
    "approve": ("PATCH /api/absences/{id}/confirm", "Approved"),
    "reject": ("PATCH /api/absences/{id}/reject", "Rejected"),
    "request": ("PATCH /api/absences/{id}/request", "Requested approval of"),
}


def _scope(filters: dict, default: str) -> tuple[str, int | None]:
    scope = filters.get("user_scope") or ("specific" if filters.get("user") is not None else default)
    if scope not in SCOPES:
        raise ArgumentError(f"user_scope must be one of {', '.join(SCOPES)}, not {scope!r}.")
    if scope != "specific":
        if filters.get("user") is not None:
            raise ArgumentError("filters.user goes with user_scope specific (or leave user_scope out).")
        return scope, None
    return scope, need_id(filters.get("user"), "filters.user", "user_scope specific")


def _period(filters: dict, default_year: bool = False) -> tuple[dict, str]:
    """Kimai's begin/end query and how to name the period; statistics count the current year unless told."""
    begin = as_date(filters["begin"], "filters.begin") if "begin" in filters else None
    end = as_date(filters["end"], "filters.end") if "end" in filters else None
    if default_year and begin is None and end is None:
        year = dt.date.today().year
        begin, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if begin and end and end < begin:
        raise ArgumentError(f"filters.end ({end}) is before filters.begin ({begin}).")
    query = {"begin": day_begin(begin) if begin else None, "end": day_end(end) if end else None}
    named = span(begin, end) if begin and end else f"from {begin}" if begin else f"until {end}" if end else ""
    return query, named


def _status(filters: dict, default: str) -> str:
    status = filters.get("status") or default
    if status not in STATUSES:
        raise ArgumentError(f"status must be one of {', '.join(STATUSES)}, not {status!r}.")
    return status


async def _users(caller: Caller, scope: str, user_id: int | None, full: bool = False) -> tuple[list[dict], list[str]]:
    """The users in scope; a token that may not list users falls back to its own user, saying so."""
    me = await caller.current_user()
    if scope == "self" or (scope == "specific" and user_id == me.get("id")):
        return [me], []
    if scope == "specific":
        if not full:
            return [{"id": user_id}], []
        try:
            return [(await caller.call("GET /api/users/{id}", path={"id": user_id})).data or {"id": user_id}], []
        except Forbidden:
            return [{"id": user_id}], []
    try:
        users = (await caller.call("GET /api/users", query={"full": True} if full else None)).data or []
    except Forbidden:
        return [me], ["This token may not list users (403), so only your own absences are included."]
    return users, []


async def _absences(caller: Caller, users: list[dict], query: dict, strict: bool) -> tuple[list[dict], dict[Any, str]]:
    """Each user's absences, a few users at a time, and the users whose absences could not be read (why).

    A missing plugin is raised once; `strict` raises any failure (one user asked for by name).
    """
    me_id = (await caller.current_user()).get("id")
    found: list[dict] = []
    failed: dict[Any, KimaiError | ArgumentError | InvalidRequest] = {}
    limit = anyio.Semaphore(max(1, caller.batch_concurrency))

    async def one(user: dict) -> None:
        # the current user's own absences need no permission to read others': leave `user` out for them
        own = {} if user.get("id") == me_id else {"user": user.get("id")}
        async with limit:
            try:
                reply = await caller.call("GET /api/absences", query={**query, **own})
            except REFUSALS as exc:
                failed[user.get("id")] = exc
                return
            except Exception as exc:  # noqa: BLE001 - one user's failure is reported, not raised past the others
                failed[user.get("id")] = KimaiError(f"{type(exc).__name__}: {exc}")
                return
        found.extend(a for a in reply.data or [] if isinstance(a, dict))

    async with anyio.create_task_group() as tg:
        for user in users:
            tg.start_soon(one, user)
    errors = list(failed.values())
    missing = next((e for e in errors if isinstance(e, NotAvailable)), None)
    if missing is not None:
        raise missing
    others = [e for e in errors if not isinstance(e, Forbidden)]
    if errors and (strict or (others and len(errors) == len(users))):
        raise (others or errors)[0]
    found.sort(key=sort_key)
    return found, {uid: NO_PERMISSION if isinstance(e, Forbidden) else str(e) for uid, e in failed.items()}


def _unread_note(users: list[dict], unread: dict[Any, str]) -> list[str]:
    names = {u.get("id"): f"{user_name(u)} (#{u.get('id')})" for u in users}
    by_reason: dict[str, list[str]] = {}
    for uid, reason in unread.items():
        by_reason.setdefault(reason, []).append(names.get(uid, f"user #{uid}"))
    return [f"Absences not read, {reason}: {', '.join(sorted(who))}." for reason, who in by_reason.items()]


def _whose(scope: str, users: list[dict]) -> str:
    if scope == "all":
        return f"{len(users)} user{'s' if len(users) != 1 else ''}"
    return "your own" if scope == "self" else f"user #{users[0].get('id')}"


async def list_absences(caller: Caller, ctx: Context, filters: dict | None = None) -> CallToolResult:
    filters = pick(filters, ("user_scope", "user", "begin", "end", "status"))
    scope, user_id = _scope(filters, "self")
    query, named = _period(filters)
    status = _status(filters, "all")
    users, notes = await _users(caller, scope, user_id)
    found, unread = await _absences(caller, users, {**query, "status": status}, strict=scope != "all")
    notes += _unread_note(users, unread)
    about = ", ".join(filter(None, [_whose(scope, users), named, f"status {status}"]))
    noun = "absence" if len(found) == 1 else "absences"
    head = f"{len(found)} {noun} ({about}):" if found else f"No absences found ({about})."
    text = "\n".join([head, *map(absence_line, found), *notes])
    return result(text, {"total": len(found), "status": status, "items": [slim(a) for a in found], "notes": notes})


async def statistics(
    caller: Caller, ctx: Context, filters: dict | None = None, group_by: str | None = None
) -> CallToolResult:
    filters = pick(filters, ("user_scope", "user", "begin", "end", "status"))
    scope, user_id = _scope(filters, "self")
    query, named = _period(filters, default_year=True)
    status = _status(filters, "approved")
    group_by = group_by or "type"
    if group_by not in pure.GROUP_BY:
        raise ArgumentError(f"group_by must be one of {', '.join(pure.GROUP_BY)}, not {group_by!r}.")
    users, notes = await _users(caller, scope, user_id)
    found, unread = await _absences(caller, users, {**query, "status": status}, strict=scope != "all")
    notes += _unread_note(users, unread)
    stats = pure.absence_statistics(found, group_by)
    head = f"Absences by {group_by} ({_whose(scope, users)}, {named}, status {status}; a half day counts 0.5):"
    text = "\n".join([head, pure.render_absence_statistics(stats), *notes])
    return result(text, {**stats, "period": named, "status": status, "notes": notes})


async def attendance(
    caller: Caller, ctx: Context, filters: dict | None = None, date: str | None = None
) -> CallToolResult:
    filters = pick(filters, ("user_scope", "user"))
    scope, user_id = _scope(filters, "all")
    day = as_date(date, "date") if date else dt.date.today()
    users, notes = await _users(caller, scope, user_id, full=True)
    query = {"begin": day_begin(day), "end": day_end(day), "status": "all"}
    found, unread = await _absences(caller, users, query, strict=False)
    # every user not read is listed as "not checked"; only other reasons than a 403 need a word more
    notes += _unread_note(users, {uid: why for uid, why in unread.items() if why != NO_PERMISSION})
    holidays, groups, more = await _holidays(caller, day, users)
    report = pure.attendance(day, users, found, holidays, unread, groups)
    text = "\n".join([pure.render_attendance(report), *more, *notes])
    return result(text, {**report, "notes": more + notes})


async def _holidays(caller: Caller, day: dt.date, users: list[dict]) -> tuple[list[dict], dict | None, list[str]]:
    """The day's public holidays of the default group and of every user's own holiday group."""
    query = {"begin": day_begin(day), "end": day_end(day)}
    try:
        default = (await caller.call("GET /api/public-holidays", query=query)).data or []
    except NotAvailable:
        raise
    except KimaiError as exc:
        return [], None, [f"Public holidays not read, so none are considered: {exc}"]
    by_group, notes = {}, []
    for group in sorted({g for u in users if (g := holiday_group_of(u)) is not None}):
        try:
            by_group[group] = (await caller.call("GET /api/public-holidays", query={**query, "group": group})).data
        except KimaiError as exc:
            notes.append(f"Public holidays of group {group} not read: {exc}")
        by_group[group] = by_group.get(group) or []
    holidays, groups = holidays_by_group(users, default, by_group)
    return holidays, groups, notes


async def types(caller: Caller, ctx: Context, language: str | None = None) -> CallToolResult:
    found = (await caller.call("GET /api/absences/types", query={"language": language})).data or {}
    text = "\n".join(["Absence types (type: label):", *(f"{k}: {v}" for k, v in found.items())])
    return result(text, {"types": found})


async def create(caller: Caller, ctx: Context, data: dict | None = None, language: str | None = None) -> CallToolResult:
    data = pick(data, FIELDS, "data fields")
    kind = need(data.get("type"), "data.type", "create")
    begin = as_date(need(data.get("date"), "data.date", "create"), "data.date")
    end = as_date(data.get("end") or begin, "data.end")
    try:
        parts = [Chunk(n, b, e) for n, (b, e) in enumerate(pure.split_absence(begin, end), start=1)]
    except ValueError as exc:
        raise ArgumentError(str(exc)) from None
    me = await caller.current_user()
    user_id = need_id(data["user"], "data.user", "create") if "user" in data else me.get("id")
    base = {k: v for k, v in data.items() if k not in ("date", "end")}
    base["user"] = user_id
    base["comment"] = data.get("comment") or await _label(caller, kind, language)  # Kimai's form requires one
    if isinstance(base.get("duration"), int | float) and not isinstance(base["duration"], bool):
        base["duration"] = str(base["duration"])
    statuses: set = set()
    for chunk in parts:
        body = {**base, "date": chunk.begin.isoformat()}
        if chunk.end != chunk.begin:
            body["end"] = chunk.end.isoformat()
        try:
            reply = await caller.call("POST /api/absences", body=body)
        except Exception as exc:  # noqa: BLE001 - whatever failed, what was created must be undone
            raise await _undo(caller, kind, begin, end, parts, chunk, exc) from None
        chunk.created = True
        items = reply.data if isinstance(reply.data, list) else [reply.data]
        items = [a for a in items if isinstance(a, dict)]
        chunk.ids = [int(a["id"]) for a in items if isinstance(a.get("id"), int)]
        statuses |= {a.get("status") for a in items}
        await progress(ctx, chunk.number, len(parts), f"created {chunk.span}")
    who = ref(me) if user_id == me.get("id") else f"user #{user_id}"
    text = created_story(kind, who, begin, end, parts, statuses)
    ids = [i for c in parts for i in c.ids]
    absences = [{"begin": c.begin.isoformat(), "end": c.end.isoformat(), "ids": c.ids} for c in parts]
    return result(text, {"type": kind, "user": user_id, "begin": begin.isoformat(), "end": end.isoformat(),
                         "days": (end - begin).days + 1, "ids": ids, "absences": absences})  # fmt: skip


async def _label(caller: Caller, kind: str, language: str | None) -> str:
    try:
        found = (await caller.call("GET /api/absences/types", query={"language": language})).data or {}
    except NotAvailable:
        raise
    except REFUSALS:
        found = {}
    return str(found.get(kind) or kind)


async def _undo(
    caller: Caller, kind: str, begin: dt.date, end: dt.date, parts: list[Chunk], failed: Chunk, exc: Exception
):
    """Delete, newest first, what this request created; the error tells the whole story."""
    not_sent = isinstance(exc, ArgumentError | InvalidRequest | NotAvailable)
    answered = not_sent or isinstance(exc, KimaiRefused | UnexpectedAnswer)  # Kimai said what it did
    made = [c for c in parts if c.created]
    if not made and answered and (len(parts) == 1 or not_sent):
        return exc if isinstance(exc, REFUSALS) else KimaiError(str(exc))
    deleted: list[int] = []
    left: dict[int, str] = {}
    for chunk in reversed(made):
        for absence_id in reversed(chunk.ids):
            try:
                await caller.call("DELETE /api/absences/{id}", path={"id": absence_id})
            except NotFound:  # it is gone already
                pass
            except KimaiError as error:
                left[absence_id] = str(error)
                continue
            except Exception as error:  # noqa: BLE001 - every id that may still exist is reported
                left[absence_id] = str(error) or type(error).__name__
                continue
            deleted.append(absence_id)
    reason = str(exc) or type(exc).__name__
    return KimaiError(failure_story(kind, begin, end, parts, failed, reason, answered, deleted, left))


async def by_id(caller: Caller, ctx: Context, action: str, id: int | None = None) -> CallToolResult:
    key, verb = BY_ID[action]
    absence_id = need_id(id, "id", action)
    reply = await caller.call(key, path={"id": absence_id})
    if action == "delete":
        return result(deleted(f"absence #{absence_id}", reply.already_done), {"id": absence_id, "deleted": True})
    absence = reply.data if isinstance(reply.data, dict) else {"id": absence_id}
    return result(f"{verb} absence {absence_line(absence)}", absence)


async def batch(
    caller: Caller, ctx: Context, action: str, ids: list | None = None, dry_run: bool = False
) -> CallToolResult:
    key, verb = BY_ID[action.removeprefix("batch_")]
    need(ids, "ids", action)
    missing: list[NotAvailable] = []

    async def one(absence_id: int) -> str | None:
        try:
            reply = await caller.call(key, path={"id": absence_id})
        except NotAvailable as exc:
            missing.append(exc)
            raise
        return DELETED_ON_RETRY if reply.already_done else None

    done = await run_batch(ids, one, concurrency=caller.batch_concurrency, progress=partial(progress, ctx),
                           dry_run=dry_run, verb=verb, noun="absences")  # fmt: skip
    if missing and not done.succeeded:
        raise missing[0]  # said once, not once per id
    if done.all_failed:
        raise KimaiError(done.summary())
    return result(done.summary(), done.to_dict())


delete, approve, reject, request = (
    partial(by_id, action=action) for action in ("delete", "approve", "reject", "request")
)
batch_delete, batch_approve, batch_reject = (
    partial(batch, action=f"batch_{a}") for a in ("delete", "approve", "reject")
)


async def absence(
    action: ACTIONS.names,
    ctx: Context,
    id: int | None = None,
    ids: list[int] | None = None,
    filters: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    date: str | None = None,
    language: str | None = None,
    group_by: Literal["type", "user", "month"] | None = None,
    dry_run: bool = False,
) -> CallToolResult:
    """Absences (WorkContract plugin). filters: user_scope self (default) | all | specific (+ user), begin, end
    (dates), status approved | open | all (default all; statistics: approved, current year).
    create: data {date, end?, type (holiday, time_off, sickness, sickness_child, other, parental,
    unpaid_vacation), comment?, user?, halfDay?, duration?}; ranges over 30 days or across a year end are split
    and created as several absences. delete/approve/reject/request: id; batch_*: ids. attendance: who is present
    or absent on `date` (default today; filters user_scope default all). statistics: days by type, user or month
    (group_by). types: labels in `language`.
    """
    return await ACTIONS.run(ctx, action, id=id, ids=ids, filters=filters, data=data, date=date, language=language,
                         group_by=group_by, dry_run=dry_run)  # fmt: skip
