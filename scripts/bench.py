"""`make bench`: the server's costs beside their references, measured in one run, with the budgets.

* start-up: spawn to `initialize` answered, `python -m kimai_tools` vs. a one-tool MCPServer (MINIMAL_SERVER)
* the size of tools/list
* against a fake Kimai on 127.0.0.1 (FakeKimai, its own process): a 100-id batch_delete, the first call of a fresh
  session beside the same call warm (and the GET /api/version requests the first one caused), the overhead of one
  `timesheet get` over the generated client, statistics over 50,000 vs. 5,000 timesheets (time, peak memory)
* the team server (`python -m kimai_tools.team`, its own process, no rate limit) against a fake Kimai answering at
  once: a warm `user_current` over Streamable HTTP with a valid OAuth token beside the same call over stdio, then
  50 clients, each signed in at the login page before the clock starts, making 20 calls each at the same time
  (calls/s, p50/p95 latency, errors, the server's peak RSS)
* replicas (Debian's redis-server and nginx needed): 100 clients, each its own user, making 20 calls each at once
  in the 2026-07-28 revision, through nginx to one team server beside through nginx to two on one Redis, the fake
  Kimai answering in 20 ms (calls/s, p95, errors, and each part's CPU time); two must not be slower than one

A benchmark, not a test: it exits 0 whatever it measures and prints FAIL where a budget is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import functools
import gc
import hashlib
import json
import math
import operator
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTUP_RUNS = 7  # per server, alternating
STARTUP_BUDGET = 1.2  # × the minimal server
TOOLS_LIST_BUDGET = 15_000  # bytes
ORIGINAL_TOOLS_LIST = 30_546  # bytes: the original Kimai MCP server's tools/list
BATCH_IDS = 100
BATCH_RUNS = 3
BATCH_BUDGET = 0.35  # s
KIMAI_DELAY = 0.020  # s: the fake's answer time for the batch and overhead parts
CONCURRENCY = 10
COLD_RUNS = 5  # spawns, each: initialize, tools/list, a pause, then the cold call, then the warm one
# A client reads tools/list and the model thinks before its first call: a second here, seconds in use
COLD_PAUSE = 1.0  # s
COLD_IDS = 50
COLD_BUDGET = 1.25  # × the warm call
COLD_VERSION_REQUESTS = 1  # GET /api/version from spawn to the end of the cold call
OVERHEAD_CALLS = 30  # per side, alternating
OVERHEAD_BUDGET = 0.003  # s
STATS_SIZES = (5_000, 50_000)
STATS_RUNS = 3
MEMORY_NOISE = 1.1  # the peak over 50,000 may exceed the one over 5,000 by this factor (allocator noise)
TEAM_TOOL = "user_current"  # one GET /api/users/me per call
TEAM_CALLS = 100  # per side, alternating: one warm call over Streamable HTTP and over stdio
# Measured on 2 cores: 4-5 ms over HTTP (the SDK's OAuth client, the bearer check in SQLite, Starlette, an SSE
# answer) vs. 2.5-3 ms over stdio, 1.7-1.9x, once 2.6x with the machine busy: 3x is that with margin
TEAM_HTTP_BUDGET = 3.0  # × stdio, medians
TEAM_CLIENTS = 50  # concurrent clients, each its own user of the team server and its own OAuth sign-in
TEAM_CLIENT_CALLS = 20  # per client, one after the other
TEAM_ERRORS_BUDGET = 0
TEAM_KIMAI_DELAY = 0.0  # s: the fake's answer time for the team server part
TEAM_SECRET = "bench-auth-secret-0123456789"
CALL_TIMEOUT = 120.0  # s: one tool call
START_TIMEOUT = 30.0  # s: one server start

MINIMAL_SERVER = '''
from mcp.server.mcpserver import MCPServer

mcp = MCPServer("minimal")


@mcp.tool()
def echo(text: str) -> str:
    """Say it back."""
    return text


mcp.run()
'''

# ---------------------------------------------------------------------------------------------- pure helpers


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("no measurements")
    return statistics.median(values)


@dataclass(frozen=True)
class Row:
    metric: str
    ours: str
    reference: str
    budget: str
    passed: bool | None  # None: nothing to pass (information, or not measured)


def verdict(passed: bool | None) -> str:
    return {True: "PASS", False: "FAIL <<<", None: "-"}[passed]


def format_table(rows: Sequence[Row]) -> str:
    """A Markdown table, columns padded so it also reads in a terminal."""
    header = ("metric", "ours", "reference", "budget", "PASS/FAIL")
    cells = [header] + [(r.metric, r.ours, r.reference, r.budget, verdict(r.passed)) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)) + " |" for cell in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"


def megabytes(value: float) -> str:
    return f"{value / 1e6:.2f} MB"


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile: the smallest value at least q % of the values are not above."""
    if not values:
        raise ValueError("no measurements")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def vm_peak_rss(status: str) -> int:
    """VmHWM (the peak resident set) from the text of /proc/<pid>/status, in bytes."""
    found = re.search(r"^VmHWM:\s+(\d+) kB$", status, re.MULTILINE)
    if found is None:
        raise ValueError("no VmHWM in /proc/<pid>/status")
    return int(found.group(1)) * 1024


def cpu_seconds(stat: str, ticks: int) -> float:
    """User and system CPU time from the text of /proc/<pid>/stat (`ticks` a second)."""
    fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces and parentheses
    return (int(fields[11]) + int(fields[12])) / ticks


# ---------------------------------------------------------------------------------------------- the fake Kimai

YEAR = date(2025, 1, 1)
USERS = {1: "admin", 2: "susan", 3: "tom", 4: "alice"}
CUSTOMERS = {1: "Acme Corp", 2: "Globex Corporation", 3: "Initech"}
PROJECTS = {1: ("Website", 1), 2: ("Intranet", 1), 3: ("Mobile App", 2), 4: ("Backend", 2), 5: ("Audit", 3)}
ACTIVITIES = {1: "Development", 2: "Design", 3: "Meetings", 4: "Support", 5: "Testing", 6: "Documentation"}
NOT_FOUND = {"code": 404, "message": "Not Found"}


def pagination(total: int, page: int, size: int) -> tuple[range | None, dict[str, str]]:
    """Kimai's pagination: the ids on `page` (None past the end: Kimai answers 404) and its X-* headers."""
    pages = max(1, -(-total // size))
    if page < 1 or page > pages:
        return None, {}
    first = (page - 1) * size + 1
    ids = range(first, min(total, page * size) + 1)
    headers = {"X-Page": str(page), "X-Total-Count": str(total), "X-Total-Pages": str(pages), "X-Per-Page": str(size)}
    return ids, headers


def user(uid: int) -> dict:
    return {"id": uid, "username": USERS[uid], "alias": USERS[uid].title(), "enabled": True, "color": None}


def customer(cid: int) -> dict:
    return {"id": cid, "name": CUSTOMERS[cid], "visible": True, "billable": True, "color": None}


def project(pid: int, full: bool = True) -> dict:
    name, cid = PROJECTS[pid]
    return {
        "id": pid,
        "name": name,
        "customer": customer(cid) if full else cid,
        "visible": True,
        "billable": True,
        "globalActivities": True,
        "color": None,
    }


def activity(aid: int) -> dict:
    return {"id": aid, "name": ACTIVITIES[aid], "project": None, "visible": True, "billable": True, "color": None}


def timesheet_record(tid: int, full: bool = False) -> dict:
    """Timesheet `tid`, always the same; any number of them spread over one year (fixed day and user counts)."""
    day = YEAR + timedelta(days=(tid * 7) % 365)
    begin = datetime(day.year, day.month, day.day, 7 + tid % 9, (tid % 4) * 15)
    duration = 900 * (1 + tid % 12)
    end = begin + timedelta(seconds=duration)
    uid, pid, aid = 1 + tid % len(USERS), 1 + tid % len(PROJECTS), 1 + tid % len(ACTIVITIES)
    return {
        "activity": activity(aid) if full else aid,
        "project": project(pid) if full else pid,
        "user": user(uid) if full else uid,
        "tags": ["remote"] if tid % 3 == 0 else [],
        "id": tid,
        "begin": f"{begin:%Y-%m-%dT%H:%M:%S}+0000",
        "end": f"{end:%Y-%m-%dT%H:%M:%S}+0000",
        "duration": duration,
        "description": f"Work item {tid}",
        "rate": duration / 36,
        "internalRate": duration / 60,
        "exported": tid % 5 == 0,
        "billable": tid % 4 != 0,
        "metaFields": [],
    }


class FakeKimai:
    """A Kimai 2.64 on 127.0.0.1 that answers every request after `delay` seconds, many at a time.

    GET /api/timesheets serves `total` generated records in Kimai's pages; GET/DELETE /api/timesheets/{id}
    answer for any id; version, plugins, users/me and the lists of users, customers, projects and activities
    answer like Kimai; anything else is Kimai's 404. GET /__fake__/served: requests, records and GET /api/version
    requests served since the last time it was asked.
    """

    def __init__(self, total: int = 1_000, delay: float = 0.0, version: str = "2.64.0") -> None:
        self.total = total
        self.delay = delay
        self.version = version
        self.url = ""
        self.requests = 0
        self.records = 0
        self.versions = 0

    def answer(self, method: str, target: str) -> tuple[int, dict[str, str], Any]:
        """(status, headers, JSON body or None) for one request."""
        parts = urlsplit(target)
        path = parts.path.rstrip("/")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        full = query.get("full") == "true"
        segments = path.split("/")[1:]
        if path == "/__fake__/served":  # and start counting again
            served = {"requests": self.requests, "records": self.records, "versions": self.versions}
            self.requests, self.records, self.versions = 0, 0, 0
            return 200, {}, served
        self.requests += 1
        if method == "GET" and path == "/api/version":
            self.versions += 1
        if method == "GET" and path == "/api/timesheets":
            ids, headers = pagination(self.total, int(query.get("page") or 1), int(query.get("size") or 50))
            if ids is None:
                return 404, {}, NOT_FOUND
            self.records += len(ids)
            return 200, headers, [timesheet_record(i, full) for i in ids]
        if segments[:2] == ["api", "timesheets"] and len(segments) == 3 and segments[2].isdigit():
            if method == "DELETE":
                return 204, {}, None
            if method == "GET":
                return 200, {}, timesheet_record(int(segments[2]))
        if method != "GET":
            return 404, {}, NOT_FOUND
        fixed = {
            "/api/version": {"version": self.version, "versionId": 26400, "copyright": f"Kimai {self.version}"},
            "/api/plugins": [],
            "/api/users/me": {
                **user(1),
                "roles": ["ROLE_SUPER_ADMIN"],
                "teams": [],
                "preferences": [],
                "language": "en",
                "timezone": "UTC",
            },
            "/api/users": [user(u) for u in USERS],
            "/api/customers": [customer(c) for c in CUSTOMERS],
            "/api/projects": [project(p, full=False) for p in PROJECTS],
            "/api/activities": [activity(a) for a in ACTIVITIES],
        }
        if path in fixed:
            return 200, {}, fixed[path]
        return 404, {}, NOT_FOUND

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """HTTP/1.1 with keep-alive: one connection, many requests."""
        try:
            while request_line := await reader.readline():
                method, target, _ = request_line.decode("latin-1").split(" ", 2)
                length = 0
                while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = header.decode("latin-1").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length:
                    await reader.readexactly(length)
                if self.delay and not target.startswith("/__fake__"):
                    await asyncio.sleep(self.delay)
                status, headers, body = self.answer(method.upper(), target)
                writer.write(http_response(status, headers, body))
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            writer.close()

    async def start(self, port: int = 0) -> asyncio.Server:
        server = await asyncio.start_server(self.handle, "127.0.0.1", port)
        self.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        return server


def http_response(status: int, headers: dict[str, str], body: Any) -> bytes:
    reason = {200: "OK", 204: "No Content", 404: "Not Found"}.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}", *(f"{k}: {v}" for k, v in headers.items())]
    payload = b""
    if status != 204:
        payload = json.dumps(body, separators=(",", ":")).encode()
        lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload


def serve_fake(total: int, delay: float) -> None:
    """The fake in this process until it is ended; prints its URL first."""

    async def run() -> None:
        fake = FakeKimai(total=total, delay=delay)
        server = await fake.start()
        print(fake.url, flush=True)
        async with server:
            await server.serve_forever()

    asyncio.run(run())


class FakeProcess:
    """A FakeKimai in a process of its own, so it takes no CPU or memory from the measured server."""

    def __init__(self, total: int, delay: float) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--fake-kimai", "--total", str(total), "--delay", str(delay)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://"):
            self.stop()
            raise RuntimeError(f"the fake Kimai did not start (exit {self.process.returncode})")

    def served(self) -> dict:
        import httpx

        return httpx.get(f"{self.url}/__fake__/served", trust_env=False).json()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(5)

    def __enter__(self) -> FakeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# ---------------------------------------------------------------------------------------------- the team server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def team_slugs(count: int) -> list[str]:
    return [f"bench-user-{i:03d}-Xq7w" for i in range(count)]  # 16 characters and more: no weak-slug warning


class TeamProcess:
    """`python -m kimai_tools.team` on a free loopback port with `users` users, all on the Kimai at `kimai_url`,
    no rate limit, its log (INFO, the default: one line a request) in `folder`.

    A replica: `state` a redis:// URL shared with the others, `public_url` the load balancer's (on `port`, chosen
    before), the balancer a trusted proxy, no MCP sessions (as docker-compose.scale.yml). With `wait=False` it is
    only spawned: `ready()` waits for it."""

    def __init__(self, kimai_url: str, folder: Path, users: int, state: str | None = None, port: int | None = None,
                 public_url: str | None = None, wait: bool = True) -> None:  # fmt: skip
        folder.mkdir(parents=True, exist_ok=True)
        port = port or free_port()
        self.url = f"http://127.0.0.1:{port}"
        users_file = folder / "users.json"
        users_file.write_text(json.dumps({
            slug: {"kimai_url": kimai_url, "kimai_token": f"bench-token-{i}", "auth_secret": TEAM_SECRET}
            for i, slug in enumerate(team_slugs(users))
        }))  # fmt: skip
        self.log_path = folder / "team.log"
        self.started_rss = 0  # bytes: the peak RSS when it first answered
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KIMAI_", "USERS_CONFIG", "RATE_LIMIT"))}
        command = [sys.executable, "-m", "kimai_tools.team", "--host", "127.0.0.1", "--port", str(port),
                   "--public-url", public_url or self.url, "--users-config", str(users_file), "--rate-limit-rpm", "0",
                   "--disable-legacy-slugs"]  # fmt: skip
        if state:
            command += ["--state", state, "--trusted-proxy", "127.0.0.1", "--stateless"]  # docker-compose.scale.yml
        else:
            command += ["--oauth-state-file", str(folder / "oauth.sqlite3")]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
        if wait:
            self.ready()

    def ready(self) -> None:
        import httpx

        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the team server exited with {self.process.returncode}: {self.log_tail()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/healthz", timeout=1, trust_env=False).status_code == 200:
                    self.started_rss = self.peak_rss()
                    return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the team server did not answer /healthz: {self.log_tail()}")

    def peak_rss(self) -> int:
        return vm_peak_rss(Path(f"/proc/{self.process.pid}/status").read_text())

    def cpu(self) -> float:
        return cpu_seconds(Path(f"/proc/{self.process.pid}/stat").read_text(), os.sysconf("SC_CLK_TCK"))

    def log_tail(self) -> str:
        return " / ".join(self.log_path.read_text(errors="replace").splitlines()[-3:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> TeamProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Tokens:
    """The SDK OAuth client's storage (`mcp.client.auth.TokenStorage`): in memory, one per client."""

    def __init__(self) -> None:
        self.tokens: Any = None
        self.client: Any = None

    async def get_tokens(self) -> Any:
        return self.tokens

    async def set_tokens(self, tokens: Any) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> Any:
        return self.client

    async def set_client_info(self, client_info: Any) -> None:
        self.client = client_info


class LoginForm:
    """A person at the login page, as the SDK OAuth client's redirect and callback handlers: opens the authorization
    URL, sends the form with `slug` and the secret, and hands the code of the redirect back to the client."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        self.location = ""

    async def open(self, authorization_url: str) -> None:
        import httpx

        async with httpx.AsyncClient(follow_redirects=False, timeout=30, trust_env=False) as browser:
            page = await browser.get(authorization_url)
            while page.is_redirect and "/login" in page.headers["location"]:
                page = await browser.get(page.headers["location"])
            if page.status_code != 200:
                raise ToolFailed(f"the login page answered {page.status_code}: {page.text[:200]}")
            form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.text))
            answers = {**form, "slug": self.slug, "secret": TEAM_SECRET, "action": "allow"}
            sent = await browser.post(str(page.url).split("?")[0], data=answers)
            if sent.status_code != 302:
                raise ToolFailed(f"the sign-in of {self.slug} was answered {sent.status_code}: {sent.text[:200]}")
            self.location = sent.headers["location"]

    async def callback(self) -> Any:
        from mcp.shared.auth import AuthorizationCodeResult

        query = parse_qs(urlsplit(self.location).query)
        return AuthorizationCodeResult(code=query["code"][0], state=query.get("state", [None])[0])


@contextlib.asynccontextmanager
async def team_client(team_url: str, slug: str):
    """An MCP client over Streamable HTTP behind the SDK's OAuth client, signed in as `slug` on entering (dynamic
    client registration, the login page, the code for tokens, then `initialize`)."""
    import httpx2
    from mcp import Client
    from mcp.client.auth import OAuthClientProvider
    from mcp.client.streamable_http import streamable_http_client
    from mcp.shared.auth import OAuthClientMetadata

    login = LoginForm(slug)
    metadata = OAuthClientMetadata(client_name="kimai-tools bench", redirect_uris=["http://127.0.0.1:9/callback"],
                                   grant_types=["authorization_code", "refresh_token"], response_types=["code"],
                                   token_endpoint_auth_method="client_secret_post")  # fmt: skip
    auth = OAuthClientProvider(f"{team_url}/mcp", metadata, Tokens(), redirect_handler=login.open,
                               callback_handler=login.callback)  # fmt: skip
    async with httpx2.AsyncClient(auth=auth, timeout=CALL_TIMEOUT, trust_env=False) as http:
        async with Client(streamable_http_client(f"{team_url}/mcp", http_client=http), mode="legacy") as client:
            yield client


# ---------------------------------------------------------------------------------------------- measurements


class ToolFailed(Exception):
    """A tool answered with an error: printed in the table instead of a number."""


def text_of(result: Any) -> str:
    return " ".join(getattr(c, "text", "") for c in result.content).strip()


async def call_ok(client: Any, tool: str, args: dict, progress: Callable[..., Awaitable[None]] | None = None) -> Any:
    import anyio

    with anyio.fail_after(CALL_TIMEOUT):
        result = await client.call_tool(tool, args, progress_callback=progress)
    if result.is_error:
        raise ToolFailed(f"{tool} {args.get('action', '')}: {text_of(result)[:300]}")
    return result


def stdio(kimai_url: str, cwd: str, args: Sequence[str] = ("-m", "kimai_tools")) -> Any:
    from scripts.demo import server_params

    return server_params(kimai_url, "bench-token", cwd, args=args)


async def startup_seconds(params: Any) -> float:
    """Spawn to `initialize` answered (the legacy handshake Claude Desktop does)."""
    import anyio
    from mcp import Client

    with anyio.fail_after(START_TIMEOUT):
        start = time.perf_counter()
        async with Client(params, mode="legacy"):
            return time.perf_counter() - start


async def measure_startup(cwd: str) -> Row:
    ours_params = stdio("http://kimai.invalid", cwd)  # never contacted: start-up needs no Kimai
    minimal_params = stdio("http://kimai.invalid", cwd, args=("-c", MINIMAL_SERVER))
    await startup_seconds(ours_params)  # warms the file cache: not counted
    await startup_seconds(minimal_params)
    ours: list[float] = []
    minimal: list[float] = []
    for run in range(STARTUP_RUNS):
        order = [(ours_params, ours), (minimal_params, minimal)]
        for params, into in order if run % 2 == 0 else reversed(order):
            into.append(await startup_seconds(params))
    o, m = median(ours), median(minimal)
    return Row(
        f"start-up, spawn -> initialize (median of {STARTUP_RUNS})",
        f"{seconds(o)} ({o / m:.2f}x)",
        f"{seconds(m)} minimal MCPServer",
        f"<= {STARTUP_BUDGET}x ({seconds(m * STARTUP_BUDGET)})",
        o <= STARTUP_BUDGET * m,
    )


async def tools_list_row(cwd: str) -> Row:
    from mcp import Client

    from scripts.demo import tools_list_bytes

    async with Client(stdio("http://kimai.invalid", cwd), mode="legacy") as client:
        tools = (await client.list_tools()).tools
    size = tools_list_bytes(tools)
    return Row(
        f"tools/list, {len(tools)} tools (compact JSON)",
        f"{size:,} B",
        f"{ORIGINAL_TOOLS_LIST:,} B original server",
        f"< {TOOLS_LIST_BUDGET:,} B",
        size < TOOLS_LIST_BUDGET,
    )


async def measure_batch_and_overhead(cwd: str) -> list[Row]:
    from mcp import Client

    rows = []
    with FakeProcess(total=1_000, delay=KIMAI_DELAY) as fake:
        cold = await attempt("first call of a session vs. warm", measure_cold_call, cwd, fake)  # own spawns
        cold += await attempt("first call at once after the handshake", measure_cold_call, cwd, fake, 0.0)
        async with Client(stdio(fake.url, cwd), mode="legacy") as client:
            rows += await attempt("timesheet batch_delete, 100 ids", batch_row, client)
            rows += cold
            rows += await attempt("timesheet get, overhead over the generated client", overhead_row, client, fake.url)
    rows += await attempt("MCP call over stdio, minimal server", round_trip_row, cwd)
    return rows


async def round_trip_row(cwd: str) -> Row:
    """The SDK's own share of the overhead: one tool call to the minimal server, which does nothing."""
    from mcp import Client

    async with Client(stdio("http://kimai.invalid", cwd, args=("-c", MINIMAL_SERVER)), mode="legacy") as client:
        await call_ok(client, "echo", {"text": "warm-up"})
        times = []
        for _ in range(OVERHEAD_CALLS):
            start = time.perf_counter()
            await call_ok(client, "echo", {"text": "ping"})
            times.append(time.perf_counter() - start)
    return Row(
        f"MCP call over stdio, minimal server's echo (median of {OVERHEAD_CALLS})",
        seconds(median(times)),
        "- (the SDK's share of the overhead)",
        "-",
        None,
    )


async def batch_row(client: Any) -> Row:
    ids = list(range(1, BATCH_IDS + 1))
    times = []
    for _ in range(BATCH_RUNS):
        start = time.perf_counter()
        await call_ok(client, "timesheet", {"action": "batch_delete", "ids": ids})
        times.append(time.perf_counter() - start)
    ideal = BATCH_IDS / CONCURRENCY * KIMAI_DELAY
    took = median(times)
    return Row(
        f"timesheet batch_delete, {BATCH_IDS} ids (median of {BATCH_RUNS})",
        seconds(took),
        f"{seconds(ideal)} ideal ({CONCURRENCY} at a time x {KIMAI_DELAY * 1000:.0f} ms)",
        f"<= {seconds(BATCH_BUDGET)}",
        took <= BATCH_BUDGET,
    )


async def measure_cold_call(cwd: str, fake: FakeProcess, pause: float = COLD_PAUSE) -> Row:
    """Per spawn: initialize, tools/list, `pause`, a batch_delete (the session's first tool call), then one with
    other ids. With no pause the first call also waits for what the server loads after the handshake."""
    from mcp import Client

    cold: list[float] = []
    warm: list[float] = []
    versions: list[int] = []
    for _ in range(COLD_RUNS):
        fake.served()  # counts from the spawn: a version read after initialize is on the first call's account too
        async with Client(stdio(fake.url, cwd), mode="legacy") as client:
            await client.list_tools()
            await asyncio.sleep(pause)
            cold.append(await timed_batch_delete(client, range(1, COLD_IDS + 1)))
            versions.append(fake.served()["versions"])
            warm.append(await timed_batch_delete(client, range(COLD_IDS + 1, 2 * COLD_IDS + 1)))
    return cold_call_row(cold, warm, versions, pause)


async def timed_batch_delete(client: Any, ids: range) -> float:
    start = time.perf_counter()
    await call_ok(client, "timesheet", {"action": "batch_delete", "ids": list(ids)})
    return time.perf_counter() - start


def cold_call_row(cold: Sequence[float], warm: Sequence[float], versions: Sequence[int],
                  pause: float = COLD_PAUSE) -> Row:  # fmt: skip
    """The first call of a session beside the same call warm (medians), and the most version reads one caused.

    The budget is for a first call after tools/list and `COLD_PAUSE`; one with no pause is shown for information.
    """
    c, w = median(cold), median(warm)
    most = max(versions)
    when = f"{pause:g} s after tools/list" if pause else "at once after the handshake"
    budgeted = pause >= COLD_PAUSE
    return Row(
        f"first call of a session {when}, batch_delete {COLD_IDS} ids (median of {len(cold)} spawns)",
        f"{seconds(c)} ({c / w:.2f}x), {most} GET /api/version",
        f"{seconds(w)} the same call warm",
        f"<= {COLD_BUDGET}x ({seconds(w * COLD_BUDGET)}), {COLD_VERSION_REQUESTS} version read" if budgeted else "-",
        (c <= COLD_BUDGET * w and most <= COLD_VERSION_REQUESTS) if budgeted else None,
    )


async def overhead_row(client: Any, kimai_url: str) -> Row:
    from kimai_client import AuthenticatedClient
    from kimai_client.api.timesheet import get_timesheet

    direct_client = AuthenticatedClient(base_url=kimai_url, token="bench-token", httpx_args={"trust_env": False})
    ours: list[float] = []
    direct: list[float] = []

    async def via_server() -> None:
        await call_ok(client, "timesheet", {"action": "get", "id": 7})

    async def via_client() -> None:
        response = await get_timesheet.asyncio_detailed(id="7", client=direct_client)
        if response.status_code != 200:
            raise ToolFailed(f"the generated client got {response.status_code}")

    await via_server()  # the first call reads Kimai's version and imports the endpoint module
    await via_client()
    for run in range(OVERHEAD_CALLS):
        pair = [(via_server, ours), (via_client, direct)]
        for measure, into in pair if run % 2 == 0 else reversed(pair):
            start = time.perf_counter()
            await measure()
            into.append(time.perf_counter() - start)
    await direct_client.get_async_httpx_client().aclose()
    overhead = median(ours) - median(direct)
    return Row(
        f"timesheet get over stdio, overhead (median of {OVERHEAD_CALLS})",
        f"{seconds(overhead)} ({seconds(median(ours))} per call)",
        f"{seconds(median(direct))} generated client, direct",
        f"<= {seconds(OVERHEAD_BUDGET)}",
        overhead <= OVERHEAD_BUDGET,
    )


STATS_ARGS = {
    "action": "list",
    "filters": {
        "user_scope": "all",
        "begin": "2025-01-01T00:00:00",
        "end": "2025-12-31T23:59:59",
        "calculate_stats": True,
    },
}


async def stats_once(kimai_url: str, traced: bool) -> float | int:
    """One statistics call, the server in-process: its seconds, or (traced) the peak bytes it allocated.

    Traced, garbage is collected at each page (progress notification), so the peak is the memory the
    statistics hold, not how much garbage awaited Python's collector by chance.
    """
    from mcp import Client

    from kimai_tools.config import Settings
    from kimai_tools.server import build_server

    async def collect_garbage(done: float, total: float | None, message: str | None) -> None:
        gc.collect()

    server = build_server(Settings(url=kimai_url, token="bench-token"))
    async with Client(server, mode="legacy") as client:
        await call_ok(client, "config", {"type": "version"})  # connect and read the version first: not measured
        if not traced:
            start = time.perf_counter()
            await call_ok(client, "timesheet", STATS_ARGS)
            return time.perf_counter() - start
        gc.collect()
        gc.freeze()  # what exists now is not the statistics' and need not be scanned at every page
        tracemalloc.start()
        try:
            await call_ok(client, "timesheet", STATS_ARGS, progress=collect_garbage)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            gc.unfreeze()


async def measure_stats() -> list[Row]:
    small, large = STATS_SIZES
    times: dict[int, float] = {}
    peaks: dict[int, int] = {}
    served: dict[int, int] = {}
    for total in STATS_SIZES:
        with FakeProcess(total=total, delay=0.0) as fake:
            if total == small:
                await stats_once(fake.url, traced=False)  # imports the endpoint and model modules: not measured
            fake.served()
            times[total] = median([await stats_once(fake.url, traced=False) for _ in range(STATS_RUNS)])
            served[total] = fake.served()["records"] // STATS_RUNS
            peaks[total] = int(await stats_once(fake.url, traced=True))
    note = "" if served[large] >= large else f"; only {served[large]:,} records were read per call"
    return [
        Row(
            f"statistics time, {large:,} timesheets (median of {STATS_RUNS}){note}",
            f"{seconds(times[large])} ({times[large] / times[small]:.1f}x)",
            f"{seconds(times[small])} over {small:,}",
            "- (grows with the records)",
            None,
        ),
        Row(
            f"statistics peak memory, {large:,} timesheets (tracemalloc)",
            megabytes(peaks[large]),
            f"{megabytes(peaks[small])} over {small:,}",
            f"<= {MEMORY_NOISE}x the {small:,} one",
            peaks[large] <= MEMORY_NOISE * peaks[small] and served[large] >= large,
        ),
    ]


async def measure_team(cwd: str, delay: float = TEAM_KIMAI_DELAY) -> list[Row]:
    from mcp import Client

    rows = []
    with FakeProcess(total=1_000, delay=delay) as fake, TeamProcess(fake.url, Path(cwd) / "team", TEAM_CLIENTS) as team:
        async with team_client(team.url, team_slugs(1)[0]) as http, Client(stdio(fake.url, cwd), mode="legacy") as pipe:
            rows += await attempt("one call over Streamable HTTP vs. stdio", http_vs_stdio, http, pipe)
        rows += await attempt(f"{TEAM_CLIENTS} clients over Streamable HTTP", concurrent_clients, team)
    return rows


async def http_vs_stdio(http: Any, pipe: Any) -> Row:
    """One client on each side, `TEAM_TOOL` after a warm-up, alternating which side goes first."""
    over_http: list[float] = []
    over_stdio: list[float] = []
    for client in (http, pipe):
        for _ in range(3):  # the first reads Kimai's version and imports the tool's modules: not counted
            await call_ok(client, TEAM_TOOL, {})
    for run in range(TEAM_CALLS):
        pair = [(http, over_http), (pipe, over_stdio)]
        for client, into in pair if run % 2 == 0 else reversed(pair):
            start = time.perf_counter()
            await call_ok(client, TEAM_TOOL, {})
            into.append(time.perf_counter() - start)
    return http_vs_stdio_row(over_http, over_stdio)


def http_vs_stdio_row(over_http: Sequence[float], over_stdio: Sequence[float]) -> Row:
    h, s = median(over_http), median(over_stdio)
    return Row(
        f"{TEAM_TOOL} over Streamable HTTP + OAuth token vs. stdio (median, p95 of {len(over_http)})",
        f"{seconds(h)} ({h / s:.2f}x), p95 {seconds(percentile(over_http, 95))}",
        f"{seconds(s)} over stdio, p95 {seconds(percentile(over_stdio, 95))}",
        f"<= {TEAM_HTTP_BUDGET}x ({seconds(s * TEAM_HTTP_BUDGET)})",
        h <= TEAM_HTTP_BUDGET * s,
    )


async def concurrent_clients(team: TeamProcess) -> list[Row]:
    """`TEAM_CLIENTS` clients, each its own user, signed in one after the other before the clock starts (each a
    registration, the login page, the code for tokens: ~0.2 s, most of it the login page's scrypt, which would
    not go faster at once on one server process); each makes one untimed call, which opens its user's Kimai session.
    Then each makes `TEAM_CLIENT_CALLS` calls of `TEAM_TOOL` in a row, all clients at once. A latency is what a
    client waits, including its share of this process's CPU (the clients share one event loop here)."""
    import anyio

    latencies: list[float] = []
    failures: list[str] = []

    async def calls(client: Any) -> None:
        for _ in range(TEAM_CLIENT_CALLS):
            start = time.perf_counter()
            try:
                await call_ok(client, TEAM_TOOL, {})
                latencies.append(time.perf_counter() - start)
            except Exception as exc:  # noqa: BLE001  (counted: errors are the budget)
                failures.append(str(exc) if isinstance(exc, ToolFailed) else f"{type(exc).__name__}: {exc}")

    async with contextlib.AsyncExitStack() as stack:
        started = time.perf_counter()
        clients = [await stack.enter_async_context(team_client(team.url, slug)) for slug in team_slugs(TEAM_CLIENTS)]
        for client in clients:
            await call_ok(client, TEAM_TOOL, {})  # each user's Kimai session: its version read, not counted
        signed_in = time.perf_counter() - started
        cpu_before = team.cpu()
        start = time.perf_counter()
        async with anyio.create_task_group() as tasks:
            for client in clients:
                tasks.start_soon(calls, client)
        took = time.perf_counter() - start
        cpu = team.cpu() - cpu_before
    return concurrent_rows(latencies, failures, took, cpu, signed_in, team.started_rss, team.peak_rss())


def concurrent_rows(latencies: Sequence[float], failures: Sequence[str], took: float, cpu: float,
                    signed_in: float, rss_started: int, rss_peak: int) -> list[Row]:  # fmt: skip
    """The calls' rate, latencies and errors beside how long they took and the server's CPU time meanwhile (near
    `took` on its one core: the server is what limits the rate), then the server's peak RSS."""
    done = len(latencies)
    errors = len(failures)
    first = f"; first: {failures[0][:100]}" if failures else ""
    timing = f"p50 {seconds(percentile(latencies, 50))}, p95 {seconds(percentile(latencies, 95))}" if done else "-"
    return [
        Row(
            f"{TEAM_CLIENTS} clients x {TEAM_CLIENT_CALLS} calls of {TEAM_TOOL} at once over Streamable HTTP",
            f"{done / took:.0f} calls/s, {timing}, {errors} errors",
            f"{done} calls in {seconds(took)}, server CPU {seconds(cpu)}; {TEAM_CLIENTS} sign-ins before "
            f"took {seconds(signed_in)}{first}",
            f"{TEAM_ERRORS_BUDGET} errors",
            errors <= TEAM_ERRORS_BUDGET and done == TEAM_CLIENTS * TEAM_CLIENT_CALLS,
        ),
        Row(
            f"team server peak RSS (VmHWM) after {TEAM_CLIENTS} sign-ins and their calls",
            megabytes(rss_peak),
            f"{megabytes(rss_started)} when it first answered /healthz",
            "-",
            None,
        ),
    ]


# ---------------------------------------------------------------------------------------------- replicas behind nginx

REPLICA_CLIENTS = 100  # concurrent clients, each its own user and its own connection to nginx
REPLICA_CLIENT_CALLS = 20  # per client, one after the other
# s: the fake's answer time. A call waits for Kimai most of its time when the server is idle; but 100 calls in
# flight on one replica keep its one core busy all the same (Little: 100 / 20 ms would be 5,000 calls/s), so the
# second replica's gain is the second core. Measured on 2 cores with the machine otherwise quiet: one replica
# 400-520 calls/s (its core full), two 600-750 (both cores full, 2.2-2.5 ms CPU a call each); with other programs
# taking a core, two were slower than one (2.8 ms a call: three busy processes on two cores)
REPLICA_KIMAI_DELAY = 0.020
REPLICA_SIGN_INS_AT_ONCE = 8
REPLICA_INSTALL = "apt-get install redis-server nginx-light"
MODERN = "2026-07-28"  # the protocol revision of the calls: one self-contained POST each, no session, no handshake
REDIRECT_URI = "http://127.0.0.1:9/callback"  # never reached: the code is read from the login page's redirect

# deploy/nginx.conf, the project's own configuration for replicas, with this bench's folder, port and upstreams:
# round robin without stickiness, answers unbuffered, the client's address passed on, idle connections to a
# replica closed after 4 s, before uvicorn closes them after 5 s (else nginx reuses one the replica is closing, a
# "connection reset" that leaves that replica out for 5 s and all calls on the other)
NGINX_CONFIG = """
worker_processes auto;
{user}
error_log {folder}/error.log warn;
pid {folder}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
  access_log {folder}/access.log;
  server_tokens off;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  upstream kimai_mcp {{
{servers}
    keepalive 32;
    keepalive_timeout 4s;
  }}
  server {{
    listen 127.0.0.1:{port};
    client_max_body_size 4m;
    location / {{
      proxy_pass http://kimai_mcp;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 1h;
      proxy_connect_timeout 5s;
      proxy_next_upstream error timeout;
    }}
  }}
}}
"""


def redis_binary() -> str | None:
    return shutil.which("redis-server")


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def missing_replica_tools() -> str | None:
    """One sentence naming what the replica part needs and is not installed, or None."""
    missing = [name for name, found in (("redis-server", redis_binary()), ("nginx", nginx_binary())) if not found]
    if not missing:
        return None
    return f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not installed: {REPLICA_INSTALL}"


def process_cpu(pid: int) -> float:
    return cpu_seconds(Path(f"/proc/{pid}/stat").read_text(), os.sysconf("SC_CLK_TCK"))


def machine_busy(stat: str) -> int:
    """The ticks all cores were busy (neither idle nor waiting for I/O), from the text of /proc/stat."""
    fields = [int(value) for value in stat.splitlines()[0].split()[1:9]]  # user nice system idle iowait irq ...
    return sum(fields) - fields[3] - fields[4]


def busy_ticks() -> int:
    return machine_busy(Path("/proc/stat").read_text())


class RedisProcess:
    """Debian's redis-server on a free loopback port, its append-only file in `folder` (docker-compose.scale.yml's
    `--appendonly yes`)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        command = [str(redis_binary()), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(folder),
                   "--save", "", "--appendonly", "yes"]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not answer PING")

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def cpu(self) -> float:
        return process_cpu(self.process.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class NginxProcess:
    """nginx on `port` in front of the team servers on `upstreams`, round robin (NGINX_CONFIG), in `folder`; its
    error log there names any replica it left out."""

    def __init__(self, folder: Path, port: int, upstreams: Sequence[int]) -> None:
        import httpx

        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.url = f"http://127.0.0.1:{port}"
        servers = "\n".join(f"    server 127.0.0.1:{upstream} max_fails=1 fail_timeout=5s;" for upstream in upstreams)
        user = "user root;" if os.geteuid() == 0 else ""  # workers as root can write the bench's own folder
        conf = folder / "nginx.conf"
        conf.write_text(NGINX_CONFIG.format(folder=folder, servers=servers, port=port, user=user))
        command = [str(nginx_binary()), "-p", str(folder), "-c", str(conf), "-g", "daemon off;"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                assert self.process.stderr is not None
                raise RuntimeError(f"nginx exited: {self.process.stderr.read().decode(errors='replace')[:200]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/healthz", timeout=1, trust_env=False).status_code == 200:
                    return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not pass /healthz on")

    def left_out(self) -> int:
        """How many times nginx left a replica out (an error reaching it), from its error log."""
        log = self.folder / "error.log"
        return log.read_text(errors="replace").count("temporarily disabled") if log.exists() else 0

    def cpu(self) -> float:
        """The master's CPU time and its workers'."""
        pid = self.process.pid
        workers = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return process_cpu(pid) + sum(process_cpu(int(worker)) for worker in workers)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def call_body(request_id: int, tool: str = TEAM_TOOL) -> bytes:
    """A tools/call of the 2026-07-28 revision, as the SDK's client sends it: its `_meta` says the revision."""
    meta = {f"io.modelcontextprotocol/{key}": value for key, value in (
        ("protocolVersion", MODERN), ("clientInfo", {"name": "kimai-tools bench", "version": "1"}),
        ("clientCapabilities", {}))}  # fmt: skip
    message = {"jsonrpc": "2.0", "id": request_id, "method": "tools/call",
               "params": {"name": tool, "arguments": {}, "_meta": meta}}  # fmt: skip
    return json.dumps(message, separators=(",", ":")).encode()


def call_headers(token: str, tool: str = TEAM_TOOL) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream", "MCP-Protocol-Version": MODERN,
            "Mcp-Method": "tools/call", "Mcp-Name": tool}  # fmt: skip


def call_request(host: str, token: str, request_id: int, tool: str = TEAM_TOOL) -> bytes:
    """The whole HTTP/1.1 request of one tools/call to `host`'s /mcp, keeping the connection open."""
    body = call_body(request_id, tool)
    lines = ["POST /mcp HTTP/1.1", f"Host: {host}", *(f"{k}: {v}" for k, v in call_headers(token, tool).items()),
             f"Content-Length: {len(body)}"]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def call_wrong(status: int, content_type: str, body: bytes) -> str | None:
    """What is wrong with the answer to a tools/call (one line), or None: a tool result that is not an error."""
    if status != 200:
        return f"HTTP {status}: {body[:100].decode(errors='replace')}"
    payload = body
    if "text/event-stream" in content_type:  # an answer that took longer than the SDK's wait for JSON
        data = [line[5:] for line in body.splitlines() if line.startswith(b"data:") and b'"id"' in line]
        payload = data[-1] if data else b""
    try:
        message = json.loads(payload)
    except ValueError:
        return f"not a JSON-RPC answer: {body[:100].decode(errors='replace')}"
    result = message.get("result") if isinstance(message, dict) else None
    if not isinstance(result, dict):
        return f"JSON-RPC error: {str(message.get('error') if isinstance(message, dict) else message)[:100]}"
    if result.get("isError") is not False:
        return f"tool error: {text_of_json(result)[:100]}"
    return None


def text_of_json(result: dict) -> str:
    return " ".join(str(c.get("text", "")) for c in result.get("content") or [] if isinstance(c, dict)).strip()


async def read_response(reader: asyncio.StreamReader) -> tuple[int, str, bytes]:
    """One HTTP/1.1 answer: (status, content type, body), by Content-Length or chunks."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split(" ", 2)[1])
    headers = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        if name:
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while size := int((await reader.readline()).split(b";")[0], 16):
            parts.append(await reader.readexactly(size))
            await reader.readline()
        await reader.readline()  # the empty line after the last chunk (no trailers)
        body = b"".join(parts)
    else:
        raise ValueError("an answer with neither Content-Length nor chunks")
    return status, headers.get("content-type", ""), body


def serve_load() -> None:
    """The load generator, in this process: reads its orders (one JSON line: host, port, tokens) on stdin, opens
    one connection per token and prints `ready`. Then, for each line `N` it reads, every client makes N calls one
    after the other, all clients at once, and it prints one JSON line: latencies, failures, wall and CPU time."""
    orders = json.loads(sys.stdin.readline())
    host, port, tokens = orders["host"], orders["port"], orders["tokens"]
    authority = f"{host}:{port}"

    async def run() -> None:
        connections = [await asyncio.open_connection(host, port) for _ in tokens]
        print("ready", flush=True)
        numbers = iter(range(1, 1 << 62))  # JSON-RPC ids
        while line := await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline):
            print(json.dumps(await calls(connections, int(line), numbers)), flush=True)
        for _, writer in connections:
            writer.close()

    async def calls(connections: list, count: int, numbers: Any) -> dict:
        latencies: list[float] = []
        failures: list[str] = []

        async def client(index: int) -> None:
            reader, writer = connections[index]
            for n in range(count):
                request = call_request(authority, tokens[index], next(numbers))
                start = time.perf_counter()
                try:
                    async with asyncio.timeout(CALL_TIMEOUT):
                        writer.write(request)
                        await writer.drain()
                        wrong = call_wrong(*await read_response(reader))
                except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, TimeoutError) as e:
                    wrong = f"{type(e).__name__}: {e}"
                    writer.close()
                    try:
                        reader, writer = connections[index] = await asyncio.open_connection(host, port)
                    except OSError:
                        failures.extend([wrong] * (count - n))
                        return
                if wrong is None:
                    latencies.append(time.perf_counter() - start)
                else:
                    failures.append(wrong)

        cpu, start = time.process_time(), time.perf_counter()
        await asyncio.gather(*(client(i) for i in range(len(tokens))))
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        return {"latencies": latencies, "failures": failures, "took": took, "cpu": cpu}

    asyncio.run(run())


class LoadProcess:
    """The clients in a process of their own (serve_load: the standard library's asyncio, one connection each, no
    MCP SDK), so that their CPU is not the measuring process's and what they cost shows apart; started and connected
    on creation, `run(n)` lets each make n calls and returns what they measured."""

    def __init__(self, url: str, tokens: Sequence[str]) -> None:
        parts = urlsplit(url)
        self.process = subprocess.Popen([sys.executable, __file__, "--load"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"host": parts.hostname, "port": parts.port, "tokens": list(tokens)}))
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        if self.process.stdout.readline().strip() != "ready":
            self.stop()
            raise RuntimeError(f"the load generator did not connect (exit {self.process.returncode})")

    def run(self, calls: int) -> dict:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{calls}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the load generator exited with {self.process.wait()}")
        return json.loads(line)

    def stop(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> LoadProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def sign_in_all(public_url: str, slugs: Sequence[str]) -> tuple[list[str], float]:
    """One OAuth client registered at the balancer, then each user of `slugs` signed in through it (/authorize,
    the login page, the code for tokens; REPLICA_SIGN_INS_AT_ONCE at a time): their access tokens, and the time."""
    import httpx

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=CALL_TIMEOUT, trust_env=False) as http:
        registered = await http.post(f"{public_url}/register", json={
            "client_name": "kimai-tools bench", "redirect_uris": [REDIRECT_URI], "response_types": ["code"],
            "grant_types": ["authorization_code", "refresh_token"], "token_endpoint_auth_method": "client_secret_post",
        })  # fmt: skip
        if registered.status_code != 201:
            raise ToolFailed(f"the registration was answered {registered.status_code}: {registered.text[:200]}")
        client = registered.json()
        gate = asyncio.Semaphore(REPLICA_SIGN_INS_AT_ONCE)

        async def sign_in(slug: str) -> str:
            verifier = secrets.token_urlsafe(48)
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
            query = {"response_type": "code", "client_id": client["client_id"], "redirect_uri": REDIRECT_URI,
                     "code_challenge": challenge, "code_challenge_method": "S256", "state": slug,
                     "resource": f"{public_url}/mcp"}  # fmt: skip
            async with gate:
                login = LoginForm(slug)
                await login.open(f"{public_url}/authorize?{urlencode(query)}")
                code = parse_qs(urlsplit(login.location).query)["code"][0]
                answer = await http.post(f"{public_url}/token", data={
                    "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI,
                    "code_verifier": verifier, "resource": f"{public_url}/mcp", "client_id": client["client_id"],
                    "client_secret": client["client_secret"],
                })  # fmt: skip
            if answer.status_code != 200:
                raise ToolFailed(f"the code of {slug} was answered {answer.status_code}: {answer.text[:200]}")
            return answer.json()["access_token"]

        tokens = await asyncio.gather(*(sign_in(slug) for slug in slugs))
    return list(tokens), time.perf_counter() - started


async def warm_up(replicas: Sequence[TeamProcess], tokens: Sequence[str]) -> None:
    """One call per user on each replica, straight to it: each user's Kimai session there (its version read) and the
    tool's modules are ready before the clock starts, whichever replica nginx sends a call to."""
    import httpx

    gate = asyncio.Semaphore(10)
    async with httpx.AsyncClient(timeout=CALL_TIMEOUT, trust_env=False) as http:

        async def call(url: str, token: str) -> None:
            async with gate:
                answer = await http.post(f"{url}/mcp", content=call_body(0), headers=call_headers(token))
            wrong = call_wrong(answer.status_code, answer.headers.get("content-type", ""), answer.content)
            if wrong:
                raise ToolFailed(f"the warm-up call to {url}: {wrong}")

        await asyncio.gather(*(call(replica.url, token) for replica in replicas for token in tokens))


@dataclass
class Side:
    """What one side of the comparison measured: the clients' latencies and failures, the wall time, and the CPU
    time (seconds) each part used meanwhile; `busy`: all cores together, whoever used them."""

    latencies: list[float]
    failures: list[str]
    took: float
    replicas_cpu: list[float]
    nginx_cpu: float
    redis_cpu: float
    kimai_cpu: float
    load_cpu: float
    busy: float
    left_out: int = 0  # times nginx left a replica out (an error reaching it), up to the end of this side's calls

    def __add__(self, other: Side) -> Side:
        replicas = [a + b for a, b in zip(self.replicas_cpu, other.replicas_cpu, strict=True)]
        return Side(self.latencies + other.latencies, self.failures + other.failures, self.took + other.took,
                    replicas, self.nginx_cpu + other.nginx_cpu, self.redis_cpu + other.redis_cpu,
                    self.kimai_cpu + other.kimai_cpu, self.load_cpu + other.load_cpu, self.busy + other.busy,
                    max(self.left_out, other.left_out))  # fmt: skip

    @property
    def others_cpu(self) -> float:
        """What the rest of the machine used meanwhile: other programs (and the kernel outside these processes)."""
        ours = sum(self.replicas_cpu) + self.nginx_cpu + self.redis_cpu + self.kimai_cpu + self.load_cpu
        return max(0.0, self.busy - ours)


async def measure_round(load: LoadProcess, calls: int, balancer: NginxProcess, replicas: Sequence[TeamProcess],
                        redis: RedisProcess, kimai: FakeProcess) -> Side:  # fmt: skip
    """`calls` calls by each of the load's clients through `balancer`, and the CPU time each part used meanwhile."""

    def cpus() -> list[float]:
        parts = [balancer.cpu(), redis.cpu(), process_cpu(kimai.process.pid), busy_ticks() / os.sysconf("SC_CLK_TCK")]
        return [replica.cpu() for replica in replicas] + parts

    before = cpus()
    measured = await asyncio.to_thread(load.run, calls)
    used = [after - earlier for after, earlier in zip(cpus(), before, strict=True)]
    *replicas_cpu, nginx, redis_cpu, kimai_cpu, busy = used
    return Side(measured["latencies"], measured["failures"], measured["took"], replicas_cpu, nginx, redis_cpu,
                kimai_cpu, measured["cpu"], busy, balancer.left_out())  # fmt: skip


async def measure_replicas(cwd: str) -> list[Row]:
    """One replica behind nginx against two on one Redis behind nginx round robin (the single one behind the same
    nginx configuration with one upstream, so both sides pay the proxy hop; on its own Redis database), the fake
    Kimai answering in REPLICA_KIMAI_DELAY. Every process runs throughout. Both sides' sign-ins go on at once, then
    each user makes one call on each replica (warm_up), then each side's calls are made in two halves, in the order
    1, 2, 2, 1 replicas, so that what else the machine does meanwhile weighs on both sides alike."""
    missing = missing_replica_tools()
    if missing:
        print(f"replicas: not measured, {missing}", flush=True)
        return [Row(replicas_metric(), "not measured", missing, replicas_budget(), False)]
    folder = Path(cwd) / "replicas"
    sides = {"single": (1, ["single"]), "pair": (2, ["a", "b"])}  # Redis database, replicas
    with contextlib.ExitStack() as stack:
        redis = RedisProcess(folder / "redis")
        stack.callback(redis.stop)
        kimai = stack.enter_context(FakeProcess(total=1_000, delay=REPLICA_KIMAI_DELAY))
        ports = {side: free_port() for side in sides}  # nginx's, chosen first: the replicas' public URL
        replicas: dict[str, list[TeamProcess]] = {side: [] for side in sides}
        for side, (db, names) in sides.items():
            for name in names:
                replica = TeamProcess(kimai.url, folder / name, REPLICA_CLIENTS, state=redis.url(db),
                                      public_url=f"http://127.0.0.1:{ports[side]}", wait=False)  # fmt: skip
                stack.callback(replica.stop)
                replicas[side].append(replica)
        for replica in (replica for side in sides for replica in replicas[side]):
            replica.ready()  # all three started at once
        balancers: dict[str, NginxProcess] = {}
        for side in sides:
            upstreams = [urlsplit(replica.url).port or 0 for replica in replicas[side]]
            balancers[side] = NginxProcess(folder / f"nginx-{side}", ports[side], upstreams)
            stack.callback(balancers[side].stop)
        slugs = team_slugs(REPLICA_CLIENTS)
        started = time.perf_counter()
        signed_in = await asyncio.gather(*(sign_in_all(balancers[side].url, slugs) for side in sides))
        tokens = {side: found for side, (found, _) in zip(sides, signed_in, strict=True)}
        sign_ins = time.perf_counter() - started
        for side in sides:
            await warm_up(replicas[side], tokens[side])
        loads = {side: stack.enter_context(LoadProcess(balancers[side].url, tokens[side])) for side in sides}
        halves = [REPLICA_CLIENT_CALLS // 2, REPLICA_CLIENT_CALLS - REPLICA_CLIENT_CALLS // 2]
        rounds: dict[str, list[Side]] = {side: [] for side in sides}
        for side, calls in zip(["single", "pair", "pair", "single"], [halves[0], halves[0], halves[1], halves[1]],
                               strict=True):  # fmt: skip
            rounds[side].append(await measure_round(loads[side], calls, balancers[side], replicas[side], redis, kimai))
    single, pair = (functools.reduce(operator.add, rounds[side]) for side in sides)
    return replica_rows(single, pair, sign_ins)


def replicas_metric() -> str:
    return (
        f"{REPLICA_CLIENTS} clients x {REPLICA_CLIENT_CALLS} calls of {TEAM_TOOL} ({MODERN}, Kimai "
        f"{REPLICA_KIMAI_DELAY * 1000:.0f} ms): 2 replicas on one Redis behind nginx vs. 1 behind nginx"
    )


def replicas_budget() -> str:
    return f">= 1 replica's calls/s, {TEAM_ERRORS_BUDGET} errors"


def side_figures(side: Side) -> str:
    done = len(side.latencies)
    timing = f"p95 {seconds(percentile(side.latencies, 95))}" if done else "p95 -"
    return f"{done / side.took:.0f} calls/s, {timing}, {len(side.failures)} errors"


def side_detail(side: Side) -> str:
    """Where the time went: p50, the wall time, each part's CPU time, the cores busy on average."""
    done = len(side.latencies)
    p50 = seconds(percentile(side.latencies, 50)) if done else "-"
    replicas = " + ".join(f"{cpu:.1f}" for cpu in side.replicas_cpu)
    first = f"; first error: {side.failures[0][:100]}" if side.failures else ""
    left_out = f"; nginx left a replica out {side.left_out} times" if side.left_out else ""
    others = f"{side.others_cpu / side.took:.2f}"
    return (f"p50 {p50}, {done} calls in {seconds(side.took)}; CPU s: replica{'s' * (len(side.replicas_cpu) > 1)} "
            f"{replicas}, nginx {side.nginx_cpu:.1f}, Redis {side.redis_cpu:.1f}, fake Kimai {side.kimai_cpu:.1f}, "
            f"clients {side.load_cpu:.1f}, other programs {side.others_cpu:.1f}; {side.busy / side.took:.2f} of "
            f"{os.cpu_count()} cores busy (other programs {others}){left_out}{first}")  # fmt: skip


def replica_rows(single: Side, pair: Side, sign_ins: float) -> list[Row]:
    """The budget row, two replicas beside one (calls/s, p95, errors), then where each side's time went."""
    total = REPLICA_CLIENTS * REPLICA_CLIENT_CALLS
    clean = all(not side.failures and len(side.latencies) == total for side in (single, pair))
    faster = len(pair.latencies) / pair.took >= len(single.latencies) / single.took
    return [
        Row(replicas_metric(), f"{side_figures(pair)} (2 replicas)", f"{side_figures(single)} (1 replica)",
            replicas_budget(), clean and faster),
        Row(f"  the same: where the time went (each client its own user and connection; {2 * REPLICA_CLIENTS} "
            f"sign-ins before, both sides at once: {seconds(sign_ins)}; the clients in their own process; in "
            f"halves, 1-2-2-1 replicas)", side_detail(pair), side_detail(single), "-", None),
    ]  # fmt: skip


async def attempt(metric: str, measure: Callable[..., Awaitable[Row | list[Row]]], *args: Any) -> list[Row]:
    """The measurement's rows, or a FAIL row naming what went wrong (a tool error, a crash, a timeout)."""
    try:
        measured = await measure(*args)
    except Exception as exc:  # noqa: BLE001  (one failed measurement must not stop the others)
        reason = str(exc) if isinstance(exc, ToolFailed) else f"{type(exc).__name__}: {exc}"
        return [Row(metric, "not measured", reason[:160], "", False)]
    return measured if isinstance(measured, list) else [measured]


async def bench() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kimai-bench-") as cwd:  # no stray .env changes the settings
        print(f"start-up: {STARTUP_RUNS} runs of each server, alternating ...", flush=True)
        rows += await attempt("start-up, spawn -> initialize", measure_startup, cwd)
        rows += await attempt("tools/list", tools_list_row, cwd)
        print(f"batch, first call and overhead: fake Kimai answering after {KIMAI_DELAY * 1000:.0f} ms ...", flush=True)
        rows += await attempt("batch and overhead", measure_batch_and_overhead, cwd)
        print(f"team server: {TEAM_TOOL} over Streamable HTTP vs. stdio, then {TEAM_CLIENTS} clients x "
              f"{TEAM_CLIENT_CALLS} calls ...", flush=True)  # fmt: skip
        rows += await attempt("team server over Streamable HTTP", measure_team, cwd)
        print(f"replicas: {REPLICA_CLIENTS} clients x {REPLICA_CLIENT_CALLS} calls, 1 replica behind nginx, then 2 on "
              f"one Redis, fake Kimai answering after {REPLICA_KIMAI_DELAY * 1000:.0f} ms ...", flush=True)  # fmt: skip
        rows += await attempt(replicas_metric(), measure_replicas, cwd)
    print(f"statistics: {' and '.join(f'{n:,}' for n in STATS_SIZES)} timesheets ...", flush=True)
    rows += await attempt("statistics over 50,000 timesheets", measure_stats)
    return rows


def summary(rows: Sequence[Row]) -> str:
    judged = [r for r in rows if r.passed is not None]
    failed = [r.metric for r in judged if not r.passed]
    if not failed:
        return f"All {len(judged)} budgets met."
    return f"FAIL: {len(failed)} of {len(judged)} budgets missed: {'; '.join(failed)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fake-kimai", action="store_true", help="only serve a fake Kimai (used by the bench)")
    parser.add_argument("--total", type=int, default=1_000)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--load", action="store_true", help="only be the replica part's clients")
    options = parser.parse_args()
    if options.fake_kimai:
        serve_fake(options.total, options.delay)
        return 0
    if options.load:
        serve_load()
        return 0
    start = time.perf_counter()
    rows = asyncio.run(bench())
    print()
    print(format_table(rows))
    print("\n" + summary(rows))
    print(f"(bench took {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
