"""What every tool module shares: the caller behind the server, action dispatch, progress, paging."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult

from kimai_tools.config import Settings
from kimai_tools.domain.arguments import ArgumentError
from kimai_tools.domain.text import counted
from kimai_tools.domain.timesheets import is_privileged
from kimai_tools.kimai.errors import KimaiError
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
    text = f"Page {page} is past the end: {counted(total, 'record')} in {counted(pages, 'page')}."
    if total:
        text += f" Ask for filters.page between 1 and {pages}."
    data = {"total": total, "page": page, "pages": pages, "size": size, "items": []}
    if note:
        text += "\n" + note
        data["note"] = note
    return result(text, data)


async def scope_note(caller: Caller, scope: str) -> str | None:
    """For a list of other people's records: whether Kimai will show this caller only their own."""
    if scope == "self":
        return None
    try:
        me = await caller.current_user()
    except KimaiError:
        return None  # the note is a courtesy: the list itself still answers
    if is_privileged(me):
        return None
    return (
        "Note: this user has no teamlead or admin role, so Kimai returns only their own records "
        "whatever user filter is sent."
    )


class Pages:
    """Every page of a paginated Kimai list, in order: `async for reply in Pages(caller, key, query, most=…)`.

    It stops after the last page (X-Total-Pages, or a short or empty page where Kimai sends no count) or after
    `most` pages (then `bounded`). A failure is raised where it happens; `page` names the page it concerns.
    """

    def __init__(self, caller: Caller, key: str, query: dict, *, most: int):
        self.caller, self.key, self.query, self.most = caller, key, query, most
        self.page, self.pages, self.total, self.bounded = 0, None, None, False

    async def __aiter__(self):
        size = int(self.query.get("size") or 50)
        while True:
            self.page += 1
            reply = await self.caller.call(self.key, query={**self.query, "page": self.page})
            records = reply.data or []
            self.pages = reply.header_int("X-Total-Pages") or self.pages
            self.total = reply.header_int("X-Total-Count")
            yield reply
            last = self.page >= self.pages if self.pages is not None else len(records) < size
            if last or not records:
                return
            if self.page >= self.most:
                self.bounded = True
                return
