"""What every tool module shares: the caller behind the server, argument checks, action dispatch."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult

from kimai_tools.config import Settings
from kimai_tools.kimai.errors import ArgumentError
from kimai_tools.kimai.operations import Reply, call
from kimai_tools.kimai.session import Session
from kimai_tools.tools.render import result

if TYPE_CHECKING:
    import httpx


@dataclass
class Caller:
    """One user and their Kimai, with what is learnt during their requests (who they are, the version note).

    The stdio server has one; the team server one per authenticated user. Nothing here is shared between callers.
    """

    session: Session  # where their Kimai is, with their token
    read_only: bool = False
    batch_concurrency: int = 10
    me: dict | None = field(default=None, repr=False)
    version_noted: bool = False

    @classmethod
    def of(cls, settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> Caller:
        return cls(Session(settings, transport), settings.read_only, settings.batch_concurrency)

    async def call(self, key: str, **kwargs: Any) -> Reply:
        return await call(self.session, key, **kwargs)

    async def current_user(self) -> dict:
        if self.me is None:
            self.me = (await self.call("GET /api/users/me")).data or {}
        return self.me


class Callers(Protocol):
    """Who makes a request: one caller for stdio, the authenticated user's on the team server."""

    def caller(self, ctx: Context) -> Caller: ...


@dataclass(frozen=True)
class OneCaller:
    """Every request is the one user's (stdio)."""

    only: Caller

    def caller(self, ctx: Context) -> Caller:
        return self.only


def caller_of(ctx: Context) -> Caller:
    return ctx.request_context.lifespan_context.caller(ctx)  # the server's lifespan yields its Callers


Handler = Callable[..., Awaitable[CallToolResult]]


def dispatch(tool: str, action: str, handlers: dict[str, Handler], writes: Iterable[str], caller: Caller) -> Handler:
    """The handler of `action`, or a clear refusal naming what is allowed."""
    if action not in handlers:
        raise ArgumentError(f"Unknown action {action!r} for {tool}. Valid: {', '.join(handlers)}.")
    if caller.read_only and action in set(writes):
        raise ArgumentError(f"{tool} {action} changes data; this server runs read-only.")
    return handlers[action]


def need(value: Any, name: str, action: str) -> Any:
    if value is None or value == [] or value == "":
        raise ArgumentError(f"{action} needs `{name}`.")
    return value


# the records a model may name where Kimai wants an id, by the argument's name: it is told how to find the id
LOOKUP_TYPES = {"project": "project", "projects": "project", "activity": "activity", "activities": "activity",
                "customer": "customer", "customers": "customer", "user": "user", "users": "user"}  # fmt: skip


def as_id(value: Any, name: str) -> int:
    if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())):
        kind = LOOKUP_TYPES.get(name.rsplit(".", 1)[-1].removesuffix("[]"))
        lookup = f"; find it with entity list (type {kind}, filters.term)" if kind else ""
        raise ArgumentError(f"`{name}` must be a number (an id), got {value!r}{lookup}.")
    number = int(value)
    if number <= 0:
        raise ArgumentError(f"`{name}` must be a positive number, got {number}.")
    return number


def as_flag(value: Any, name: str) -> str:
    """Kimai's 0/1 for a yes/no filter."""
    words = {"true": "1", "yes": "1", "1": "1", "false": "0", "no": "0", "0": "0"}
    flag = words.get(str(value).strip().lower()) if isinstance(value, bool | int | str) else None
    if flag is None:
        raise ArgumentError(f"`{name}` must be true or false, got {value!r}.")
    return flag


def need_id(value: Any, name: str = "id", action: str = "this action") -> int:
    return as_id(need(value, name, action), name)


def pick(mapping: dict | None, allowed: Iterable[str], what: str = "filters") -> dict:
    """Only the keys a call may take; an unknown key is refused, naming the valid ones."""
    mapping = mapping or {}
    if not isinstance(mapping, dict):
        raise ArgumentError(f"`{what}` must be an object.")
    allowed = list(allowed)
    unknown = sorted(set(mapping) - set(allowed))
    if unknown:
        raise ArgumentError(f"Unknown {what} {', '.join(unknown)}. Valid: {', '.join(allowed)}.")
    return {k: v for k, v in mapping.items() if v is not None}


async def progress(ctx: Context | None, done: int, total: int | None, message: str) -> None:
    if ctx is not None:
        await ctx.report_progress(done, total, message=message)


async def past_the_end(
    caller: Caller, key: str, query: dict, page: int, size: int, note: str | None = None
) -> CallToolResult:
    """Kimai answers 404 for a page past the last of a paginated list; one tiny request finds how many records exist."""
    probe = await caller.call(key, query={**query, "page": 1, "size": 1})
    total = probe.header_int("X-Total-Count") or 0
    pages = max(1, -(-total // size))
    text = f"Page {page} is past the end: {total} records in {pages} page{'s' if pages > 1 else ''}."
    if total:
        text += f" Ask for filters.page between 1 and {pages}."
    data = {"total": total, "page": page, "pages": pages, "size": size, "items": []}
    if note:
        text += "\n" + note
        data["note"] = note
    return result(text, data)
