"""calendar: absences and public holidays as calendar entries."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.arguments import ArgumentError, need_id, pick
from kimai_tools.domain.dates import as_date, parse_date
from kimai_tools.tools.base import Caller
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai calendar"
ANNOTATIONS = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

READS = {"absences": "GET /api/absences/calendar", "holidays": "GET /api/public-holidays/calendar"}
FILTERS = {"absences": ("user", "begin", "end", "status"), "holidays": ("begin", "end", "group")}
STATUS = ("approved", "open", "all")
ACTIONS = Actions("calendar", {None: Action("read", sends={kind: [op] for kind, op in READS.items()})}, variant="type")


def calendar_query(kind: str, filters: dict | None) -> dict[str, str]:
    """The filters as the plugin takes them: dates YYYY-MM-DD (a date-time is cut to its day), ids as digits."""
    query = {k: v for k, v in pick(filters, FILTERS[kind]).items() if v != ""}
    for key in ("begin", "end"):
        if key in query:
            query[key] = as_date(query[key], key).isoformat()
    if "begin" in query and "end" in query and query["end"] < query["begin"]:
        raise ArgumentError(f"`end` ({query['end']}) is before `begin` ({query['begin']}).")
    for key in ("user", "group"):
        if key in query:
            query[key] = str(need_id(query[key], key, f"calendar {kind}"))
    if "status" in query and query["status"] not in STATUS:
        raise ArgumentError(f"`status` must be one of {', '.join(STATUS)}, got {query['status']!r}.")
    return query


def event_facts(event: dict) -> dict:
    keys = {"title": "title", "start": "start", "end": "end", "all_day": "allDay"}
    facts = {ours: event.get(theirs) for ours, theirs in keys.items()}
    return {**facts, "all_day": bool(facts["all_day"])}


def _when(value: Any, all_day: bool) -> str:
    """A day, or a day and time when the entry is not a whole day."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        day = parse_date(value).isoformat()
    except ValueError:
        return value
    time = value[11:16] if len(value) >= 16 and value[10] in "T " else ""
    return day if all_day or not time or time == "00:00" else f"{day} {time}"


def event_line(facts: dict) -> str:
    """`2025-05-24 – 2025-05-26 Holiday: Susan`, one date when the entry is one day."""
    start, end = _when(facts["start"], facts["all_day"]), _when(facts["end"], facts["all_day"])
    dates = f"{start} – {end}" if end and end != start else start or "(no date)"
    return f"{dates} {facts.get('title') or '(untitled)'}"


async def read(caller: Caller, ctx: Context, type: str, filters: Any = None) -> CallToolResult:
    kind = type
    query = calendar_query(kind, filters)
    events = [event_facts(e) for e in (await caller.call(READS[kind], query=query)).data or [] if isinstance(e, dict)]
    events.sort(key=lambda e: str(e["start"] or ""))
    noun = "absence" if kind == "absences" else "public holiday"
    span = " ".join(f"{k} {query[k]}" for k in ("begin", "end") if k in query)
    head = f"{len(events)} {noun}{'s' if len(events) != 1 else ''}{f' ({span})' if span else ''}:"
    if not events:
        head = f"No {noun}s found."
    lines = [head, *(event_line(e) for e in events)]
    return result("\n".join(lines), {"type": kind, "filters": query, "total": len(events), "events": events})


async def calendar(
    type: Literal["absences", "holidays"], ctx: Context, filters: dict[str, Any] | None = None
) -> CallToolResult:
    """Calendar entries of absences or public holidays (WorkContract plugin). filters: begin, end (dates); absences:
    user, status (approved default, open, all); holidays: group."""
    return await ACTIONS.run(ctx, None, type=type, filters=filters)
