"""The MCP server: the twelve tools, each request acting as its caller (one for stdio, one per user of the team
server), each caller's Kimai session connected on its first call."""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import logging
import re
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

import anyio
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, TextContent, ToolAnnotations

from kimai_tools import __version__
from kimai_tools.config import Settings
from kimai_tools.domain.arguments import ArgumentError
from kimai_tools.domain.text import quoted
from kimai_tools.kimai.errors import InvalidRequest, KimaiError
from kimai_tools.kimai.session import Session, warm_up
from kimai_tools.prompts import WRITING_PROMPTS, prompts
from kimai_tools.tools import TOOLS
from kimai_tools.tools.base import Caller, Callers, OneCaller, caller_of

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("kimai_tools")
LOGGED = 500  # characters of a refusal in the log


INSTRUCTIONS = """Kimai time tracking. Start with user_current (who am I) or entity list to find ids: timesheet
and timer take project and activity ids, found with entity list (type project/activity, filters.term). Times
are local, YYYY-MM-DDTHH:MM:SS. Lists say how many records exist and how to get the next page. Every
failure says what to change; a "needs Kimai ≥ X" answer means the connected Kimai is older than that."""


def build_server(settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> MCPServer:
    """The server for one caller (stdio). Nothing here contacts Kimai: the session connects on the first call."""
    return build(OneCaller(Caller.of(settings, transport)), read_only=settings.read_only,
                 ssl_verify=settings.ssl_verify)  # fmt: skip


def build(callers: Callers, *, read_only: bool = False, ssl_verify: bool | str = True, middleware: Sequence[Any] = (),
          read_only_now: Callable[[], bool] | None = None, **server_options: Any) -> MCPServer:  # fmt: skip
    """The twelve tools, each caller resolved per request by `callers` (see tools/base.py). `read_only` takes
    the write actions out of tools/list; `read_only_now` does so for the requests it says (a read-only user of the
    team server); `ssl_verify` is the TLS setting the warm-up prepares; `middleware` runs outside this module's,
    and `server_options` (auth) go to `MCPServer`."""

    @contextlib.asynccontextmanager
    async def lifespan(_: MCPServer) -> AsyncIterator[Callers]:
        yield callers  # what tools find as ctx.request_context.lifespan_context

    modules = {name: importlib.import_module(f"kimai_tools.tools.{name}") for name in TOOLS}
    writes = {name: module.ACTIONS.writes for name, module in modules.items()}
    chain = [*middleware, WarmUpAfterHandshake(ssl_verify), ArgumentErrorsInPlainWords()]
    mcp = KimaiServer(name="kimai", title="Kimai", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING",
                      lifespan=lifespan, middleware=chain, writes=writes,
                      read_only_now=(lambda: True) if read_only else read_only_now, **server_options)  # fmt: skip
    for name, module in modules.items():
        annotations = READ_ONLY if read_only else module.ANNOTATIONS
        tool = answered(getattr(module, name))
        # docstring indentation is bytes the model reads
        mcp.add_tool(tool, name=name, title=module.TITLE, description=inspect.cleandoc(tool.__doc__ or ""),
                     annotations=annotations)  # fmt: skip
    for prompt in prompts():
        mcp.add_prompt(prompt)
    return mcp


READ_ONLY = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)


class KimaiServer(MCPServer):
    """tools/list in fewer bytes (see `slim_schema`); for a read-only caller without the actions it would be refused,
    and prompts/list without the prompts that write."""

    def __init__(self, *args: Any, writes: dict[str, set[str]], read_only_now: Callable[[], bool] | None,
                 **kwargs: Any):  # fmt: skip
        super().__init__(*args, **kwargs)
        self.writes = writes
        self.read_only_now = read_only_now or (lambda: False)
        self._listed: dict[bool, list[Any]] = {}

    async def list_tools(self) -> list[Any]:
        read_only = self.read_only_now()
        if read_only not in self._listed:
            listed = []
            for tool in await super().list_tools():
                schema = slim_schema(tool.input_schema)
                update: dict[str, Any] = {"input_schema": schema}
                if read_only:
                    drop_actions(schema, self.writes.get(tool.name, set()))
                    update["annotations"] = READ_ONLY
                listed.append(tool.model_copy(update=update))
            self._listed[read_only] = listed
        return self._listed[read_only]

    async def list_prompts(self) -> list[Any]:
        listed = await super().list_prompts()
        if self.read_only_now():
            listed = [p for p in listed if p.name not in WRITING_PROMPTS]
        return listed


class ArgumentErrorsInPlainWords:
    """Arguments the SDK refuses before a tool runs reach the model as the tool's own refusals do: without
    "Error executing tool <name>:" and without pydantic's links to its web pages."""

    async def __call__(self, ctx: Any, call_next: Any) -> Any:
        result = await call_next(ctx)
        if ctx.method != "tools/call" or not isinstance(result, dict) or not result.get("isError"):
            return result
        for item in result.get("content") or []:
            if item.get("type") == "text" and isinstance(item.get("text"), str):
                item["text"] = plain_argument_error(item["text"])
        return result


SDK_PREFIX = re.compile(r"^Error executing tool [\w-]+: ")
PYDANTIC_LINK = re.compile(r"\n? *For further information visit https://errors\.pydantic\.dev/\S+")


PYDANTIC_HEADER = re.compile(r"^\d+ validation errors? for (\w+?)Arguments$")
PYDANTIC_DETAIL = re.compile(r"^ {2}(.+?) \[type=(\w+), input_value=(.*), input_type=\w+\]$")


def plain_argument_error(text: str) -> str:
    """pydantic's report (a header, then a location line and an indented message per error) as one sentence:
    "Wrong arguments for entity: type must be 'project', … or 'holiday', not 'projects'." Else the text as is."""
    text = PYDANTIC_LINK.sub("", SDK_PREFIX.sub("", text))
    lines = text.splitlines()
    header = PYDANTIC_HEADER.match(lines[0]) if lines else None
    if header is None or len(lines) < 3 or len(lines) % 2 == 0:
        return text
    said = []
    for where, detail in zip(lines[1::2], lines[2::2], strict=True):
        found = PYDANTIC_DETAIL.match(detail)
        if found is None:
            return text
        message, kind, given = found.groups()
        if kind == "missing":
            said.append(f"{where} is required")
            continue
        message = re.sub(r"^Input should be ", "must be ", message)
        said.append(f"{where} {message[0].lower() + message[1:]}, not {given}")
    return f"Wrong arguments for {header.group(1)}: " + "; ".join(said) + "."


class WarmUpAfterHandshake:
    """Once the first message of a connection is answered, a thread loads what the first tool call needs
    (`session.warm_up`), while the model reads the tools: the handshake never waits for it."""

    def __init__(self, ssl_verify: bool | str):
        self.ssl_verify = ssl_verify
        self.started = False

    async def __call__(self, ctx: Any, call_next: Any) -> Any:
        try:
            return await call_next(ctx)
        finally:
            if not self.started:
                self.started = True
                warm = threading.Thread(target=warm_up, args=(self.ssl_verify,), name="kimai-warm-up", daemon=True)
                warm.start()


def answered(tool: Callable[..., Awaitable[CallToolResult]]) -> Callable[..., Awaitable[CallToolResult]]:
    """A tool as the model meets it: a refusal is its own sentence (without the SDK's "Error executing tool"
    prefix), and the first answer after connecting names the pinned Kimai version closest to the server's."""

    @functools.wraps(tool)  # keeps the signature the SDK builds the input schema from
    async def call(*args: Any, **kwargs: Any) -> CallToolResult:
        caller = caller_of(kwargs["ctx"]) if "ctx" in kwargs else None
        try:
            if caller is not None and not caller.session.version_known:
                result = await beside_version_read(caller.session, tool(*args, **kwargs))
            else:
                result = await tool(*args, **kwargs)
        except (KimaiError, ArgumentError, InvalidRequest, ToolError) as exc:
            log.info("%s refused: %s", tool.__name__, quoted(str(exc), LOGGED))  # a refusal may quote typed text
            return CallToolResult(content=[TextContent(type="text", text=str(exc))], is_error=True)
        if caller is not None and not result.is_error and not caller.version_noted and caller.session.version_known:
            caller.version_noted = True
            from kimai_tools.kimai.versions import describe

            version = await caller.session.version()
            result.content.append(TextContent(type="text", text=describe(version)))
        return result

    return call


VERSION_WAIT = 1.0  # s: how long an answer waits for a version read still under way, for its note


async def beside_version_read(session: Session, work: Awaitable[CallToolResult]) -> CallToolResult:
    """The first call reads Kimai's version at the same time as it works, not before (its answer names it);
    an action that needs the version waits for this same read (single flight)."""

    async def read() -> None:
        try:
            await session.version()
        except KimaiError:  # the call's own request says what is wrong with Kimai
            pass

    outcome: list[CallToolResult] = []
    try:
        async with anyio.create_task_group() as group:
            group.start_soon(read)
            outcome.append(await work)
            with anyio.move_on_after(VERSION_WAIT):
                await read()  # joins the read under way, or makes it where the call never let it start
            group.cancel_scope.cancel()
    except BaseExceptionGroup as grouped:  # one task failed: that failure, not the group
        raise grouped.exceptions[0] from None
    return outcome[0]


def slim_schema(schema: Any) -> Any:
    """The same schema in fewer bytes: no generated titles, `X | None` as X (absent means none)."""
    if isinstance(schema, list):
        return [slim_schema(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key == "title" and isinstance(value, str):
            continue
        if key == "properties":
            out[key] = {name: slim_schema(prop) for name, prop in value.items()}
            continue
        out[key] = slim_schema(value)
    variants = out.get("anyOf")
    if isinstance(variants, list) and {"type": "null"} in variants and len(variants) == 2:
        (kept,) = [v for v in variants if v != {"type": "null"}]
        out.pop("anyOf")
        out = {**kept, **out}
    if out.get("default", 0) is None:
        out.pop("default")
    if out.get("additionalProperties") is True:
        out.pop("additionalProperties")
    return out


def drop_actions(schema: dict, writes: set[str]) -> None:
    for key in ("action", "type"):
        prop = schema.get("properties", {}).get(key, {})
        if "enum" in prop and set(prop["enum"]) & writes:
            prop["enum"] = [a for a in prop["enum"] if a not in writes]
