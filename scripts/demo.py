"""`make demo`: a short MCP session with the real stdio server, whose Kimai is a Prism mock of the pinned document.

Needs no Kimai: Prism (node_modules, `npm ci`) answers from generated/openapi.json on 127.0.0.1.
"""

from __future__ import annotations

import json
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anyio
from mcp import Client, StdioServerParameters

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.prism import PrismMock, PrismStartError, PrismUnavailable, ensure_prism  # noqa: E402

SPEC = ROOT / "generated" / "openapi.json"
SESSION_TIMEOUT = 45.0  # seconds: the whole session normally takes a few
SHOWN_LINES = 6

# (what a user asks, tool, arguments)
STEPS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("Who am I?", "user_current", {}),
    ("Which projects are there?", "entity", {"type": "project", "action": "list"}),
    ("What did I record?", "timesheet", {"action": "list", "filters": {"size": 5}}),
    ("Which Kimai is this?", "config", {"type": "version"}),
)
# A typo a model might make: the answer says what is allowed.
WRONG_CALL = ("A wrong call (type 'projects')", "entity", {"type": "projects", "action": "list"})


def server_params(kimai_url: str, token: str, cwd: str | Path, *, args: Sequence[str] = ("-m", "kimai_tools")):
    """How Claude Desktop would launch the server: this Python, settings in the environment only."""
    return StdioServerParameters(
        command=sys.executable, args=list(args), env={"KIMAI_URL": kimai_url, "KIMAI_API_TOKEN": token}, cwd=cwd
    )


def tools_list_bytes(tools: Sequence[Any]) -> int:
    """The size of tools/list's tools as they travel: compact JSON, UTF-8, wire (camelCase) names."""
    dumped = [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in tools]
    return len(json.dumps(dumped, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def excerpt(text: str, lines: int = SHOWN_LINES, width: int = 110) -> list[str]:
    """The first `lines` lines, each cut at `width`, and how many were left out."""
    all_lines = text.splitlines() or [""]
    shown = [textwrap.shorten(ln, width, placeholder=" …") if len(ln) > width else ln for ln in all_lines[:lines]]
    if len(all_lines) > lines:
        shown.append(f"… ({len(all_lines) - lines} more lines)")
    return shown


def result_text(result: Any) -> str:
    return "\n".join(getattr(c, "text", f"[{c.type}]") for c in result.content) or "(no text)"


async def call(client: Client, title: str, tool: str, args: dict[str, Any]) -> bool:
    """Print the call and what came back; True when the tool answered without an error."""
    print(f"\n» {title}\n  {tool} {json.dumps(args)}")
    try:
        result = await client.call_tool(tool, args)
    except Exception as exc:  # noqa: BLE001  (a protocol failure is shown, the session goes on)
        print(f"  ✗ {type(exc).__name__}: {exc}")
        return False
    first, *rest = excerpt(result_text(result))
    print(f"  ✗ error: {first}" if result.is_error else f"  {first}")
    for text_line in rest:
        print(f"    {text_line}" if result.is_error else f"  {text_line}")
    return not result.is_error


async def session(kimai_url: str, cwd: str | Path) -> int:
    """Drive the stdio server through STEPS and WRONG_CALL; the number of STEPS that answered with an error."""
    async with Client(server_params(kimai_url, "demo", cwd), mode="legacy") as client:
        info = client.server_info
        print(f"Connected over stdio to {info.name} {info.version} (MCP {client.protocol_version}).")
        tools = (await client.list_tools()).tools
        print(f"\n{len(tools)} tools, tools/list = {tools_list_bytes(tools):,} bytes of compact JSON:")
        for tool in tools:
            print(f"  {tool.name:<22} {tool.title or ''}")
        failed = 0
        for title, tool, args in STEPS:
            failed += not await call(client, title, tool, args)
        if await call(client, *WRONG_CALL):
            print("  (expected an error here)")
            failed += 1
    return failed


async def timed_session(kimai_url: str, cwd: str | Path) -> int:
    with anyio.fail_after(SESSION_TIMEOUT):
        return await session(kimai_url, cwd)


def first_leaf(exc: BaseException) -> BaseException:
    """The first real error inside task-group wrappers."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def claude_desktop_hint() -> str:
    command = Path(sys.executable).parent / "kimai-mcp"
    env = {"KIMAI_URL": "https://kimai.example.com", "KIMAI_API_TOKEN": "<your API token>"}
    entry = {"mcpServers": {"kimai": {"command": str(command), "args": [], "env": env}}}
    return (
        f"Next, your own Kimai: `{command} --setup` writes Claude Desktop's entry for you, or add it to\n"
        "claude_desktop_config.json yourself (absolute path, settings in env):\n"
        + textwrap.indent(json.dumps(entry, indent=2), "  ")
        + '\nREADME.md, "Use it with Claude Desktop": where that file is, TLS with a private CA, troubleshooting.'
    )


def main() -> int:
    try:
        prism = ensure_prism()
        mock = PrismMock(SPEC, prism=prism).start()
    except PrismUnavailable as exc:
        print(f"make demo: the mock Kimai (Prism) is not installed: {exc}. Install node and npm.", file=sys.stderr)
        return 3
    except PrismStartError as exc:
        print(f"make demo: the mock Kimai (Prism) could not start.\n{exc}", file=sys.stderr)
        return 3
    print(f"Mock Kimai: Prism serving {SPEC.relative_to(ROOT)} at {mock.url}")
    print("(Prism answers the document's example data: 'string', 0. The shapes are Kimai's, the values are not.)")
    try:
        with tempfile.TemporaryDirectory(prefix="kimai-demo-") as cwd:  # no stray .env changes the settings
            failed = anyio.run(timed_session, mock.url, cwd)
    except TimeoutError:
        print(f"make demo: the session did not finish within {SESSION_TIMEOUT:.0f}s.", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001  (the server could not start or the connection broke)
        cause = first_leaf(exc)
        print(f"make demo: the MCP session with the server failed: {type(cause).__name__}: {cause}", file=sys.stderr)
        return 1
    finally:
        mock.stop()
    print()
    if failed:
        print(f"{failed} of {len(STEPS) + 1} calls did not answer as expected (see above).")
    print(claude_desktop_hint())
    return 0


if __name__ == "__main__":
    sys.exit(main())
