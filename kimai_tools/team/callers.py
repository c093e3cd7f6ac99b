"""Who a team-server request acts as: the user the OAuth token names (`/mcp`), or the slug of the legacy endpoint
(`/mcp/<slug>`). Each user has one `Caller`, with their own Kimai, token and TLS setting; nothing is shared."""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError

from kimai_tools.kimai.session import Session
from kimai_tools.team.requests import note
from kimai_tools.team.users import User
from kimai_tools.tools.base import Caller

if TYPE_CHECKING:
    import httpx

legacy_slug: contextvars.ContextVar[str | None] = contextvars.ContextVar("kimai_team_legacy_slug", default=None)


def token_subject() -> str | None:
    token = get_access_token()
    return token.subject if token is not None else None


class TeamCallers:
    """`Callers` for many users: `who()` names the request's user (from its token, or the legacy path)."""

    def __init__(self, users: Mapping[str, User], who: Callable[[], str | None],
                 transport: httpx.AsyncBaseTransport | None = None, batch_concurrency: int = 10):  # fmt: skip
        self.users, self.who, self.transport, self.batch_concurrency = users, who, transport, batch_concurrency
        self.callers: dict[str, Caller] = {}

    def read_only_now(self) -> bool:
        """Whether the request under way is a read-only user's (then tools/list leaves out what they cannot do)."""
        user = self.users.get(self.who() or "")
        return bool(user and user.read_only)

    def caller(self, ctx: Context) -> Caller:
        slug = self.who()
        user = self.users.get(slug or "")
        if user is None:  # the bearer middleware lets no such request through; this is the last fence
            raise ToolError("This request is not signed in as a user of this server.")
        note(slug=user.slug)
        if user.slug not in self.callers:
            session = Session(user, self.transport)
            self.callers[user.slug] = Caller(session, user.read_only, self.batch_concurrency)
        return self.callers[user.slug]


class NoteTool:
    """Names the tool of a `tools/call` in the access log line of its HTTP request."""

    async def __call__(self, ctx: Any, call_next: Any) -> Any:
        if ctx.method == "tools/call" and isinstance(ctx.params, dict):
            note(tool=str(ctx.params.get("name")))
        return await call_next(ctx)
