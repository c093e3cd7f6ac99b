"""`make demo`: a short MCP session with the real stdio server, whose Kimai is a small fake one with believable data.

Needs only Python: the fake Kimai (scripts/demo_kimai.py) serves Anna's and Ben's customers, projects and two
weeks of timesheets on 127.0.0.1; the server (`python -m kimai_tools`) is launched as Claude Desktop would.
`--now 2026-11-25T14:05` sets the fake's clock (its users' local time); by default it is now.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import textwrap
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import anyio
from mcp import Client, StdioServerParameters

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.demo_kimai import LOCAL, DemoKimai  # noqa: E402

SESSION_TIMEOUT = 45.0  # seconds: the whole session normally takes a few
SHOWN_LINES = 6
TIMER_MINUTES = 45  # the timer is started as begun this long ago, so that stopping it records some time


class Step(NamedTuple):
    question: str  # what a user asks
    tool: str
    args: dict[str, Any]
    lines: int = SHOWN_LINES  # of the answer, shown


def steps(today: date, now: datetime) -> list[Step]:
    """Anna's session, dated from the fake's clock."""
    week = {"begin": (today - timedelta(days=6)).isoformat(), "end": today.isoformat()}
    yesterday = (today - timedelta(days=1)).isoformat()
    began = (now - timedelta(minutes=TIMER_MINUTES)).strftime(LOCAL)
    return [
        Step("Who am I?", "user_current", {}, lines=10),
        Step("What did I log in the last 7 days?", "timesheet", {"action": "list", "filters": week}),
        Step("Which projects are there?", "entity", {"type": "project", "action": "list"}),
        Step(f"Start a timer: Online shop, Design (I began {TIMER_MINUTES} minutes ago)", "timer",
             {"action": "start", "data": {"project": 2, "activity": 1, "description": "Checkout flow",
                                          "begin": began}}),
        Step("Stop it.", "timer", {"action": "stop"}),
        Step("Log 2 hours yesterday on the Website relaunch", "timesheet",
             {"action": "create", "data": {"project": 1, "activity": 1, "begin": f"{yesterday}T16:00:00",
                                           "end": f"{yesterday}T18:00:00", "description": "Accessibility review"}}),
        Step("My last 7 days in numbers", "timesheet", {"action": "list", "filters": {**week, "calculate_stats": True}},
             lines=10),
    ]  # fmt: skip


# A typo a model might make: the answer says what is allowed.
WRONG_CALL = Step("A wrong call (type 'projects')", "entity", {"type": "projects", "action": "list"})


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
        more = len(all_lines) - lines
        shown.append(f"… ({more} more {'line' if more == 1 else 'lines'})")
    return shown


def result_text(result: Any) -> str:
    return "\n".join(getattr(c, "text", f"[{c.type}]") for c in result.content) or "(no text)"


async def call(client: Client, step: Step) -> bool:
    """Print the call and what came back; True when the tool answered without an error."""
    print(f"\n» {step.question}\n  {step.tool} {json.dumps(step.args)}")
    try:
        result = await client.call_tool(step.tool, step.args)
    except Exception as exc:  # noqa: BLE001  (a protocol failure is shown, the session goes on)
        print(f"  ✗ {type(exc).__name__}: {exc}")
        return False
    first, *rest = excerpt(result_text(result), step.lines)
    print(f"  ✗ error: {first}" if result.is_error else f"  {first}")
    for text_line in rest:
        print(f"    {text_line}" if result.is_error else f"  {text_line}")
    return not result.is_error


async def session(kimai: DemoKimai, cwd: str | Path) -> list[str]:
    """Drive the stdio server through the steps and WRONG_CALL; the questions not answered as expected."""
    async with Client(server_params(kimai.url, kimai.token, cwd), mode="legacy") as client:
        info = client.server_info
        print(f"Connected over stdio to {info.name} {info.version} (MCP {client.protocol_version}).")
        failed = [step.question for step in steps(kimai.today, kimai.now) if not await call(client, step)]
        if await call(client, WRONG_CALL):
            print("  (expected an error here)")
            failed.append(WRONG_CALL.question)
        tools = (await client.list_tools()).tools
        print(f"\n{len(tools)} tools, tools/list = {tools_list_bytes(tools):,} bytes of compact JSON:")
        print(textwrap.fill(", ".join(t.name for t in tools), 110, initial_indent="  ", subsequent_indent="  "))
    return failed


async def timed_session(kimai: DemoKimai, cwd: str | Path) -> list[str]:
    with anyio.fail_after(SESSION_TIMEOUT):
        return await session(kimai, cwd)


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


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    clock = "the fake Kimai's clock, its users' local time (e.g. 2026-11-25T14:05); default: now"
    parser.add_argument("--now", type=datetime.fromisoformat, default=None, help=clock)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse(argv)
    with DemoKimai(now=options.now) as kimai:
        print(f"Demo Kimai: a fake Kimai {kimai.version} at {kimai.url}, its clock at {kimai.now:%Y-%m-%d %H:%M}.")
        print(textwrap.fill(f"{kimai.summary()} The session is Anna's.", 110))
        try:
            with tempfile.TemporaryDirectory(prefix="kimai-demo-") as cwd:  # no stray .env changes the settings
                failed = anyio.run(timed_session, kimai, cwd)
        except TimeoutError:
            print(f"make demo: the session did not finish within {SESSION_TIMEOUT:.0f}s.", file=sys.stderr)
            return 1
        except Exception as exc:  # noqa: BLE001  (the server could not start or the connection broke)
            cause = first_leaf(exc)
            print(
                f"make demo: the MCP session with the server failed: {type(cause).__name__}: {cause}", file=sys.stderr
            )
            return 1
    print()
    if failed:
        print(f"make demo: not answered as expected (see above): {'; '.join(failed)}", file=sys.stderr)
        return 1
    print(claude_desktop_hint())
    return 0


if __name__ == "__main__":
    sys.exit(main())
