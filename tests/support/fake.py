"""A scripted Kimai for behaviour tests: routes answer from real recorded bodies or from the test's own data.

    kimai = FakeKimai(version="2.64.0")
    kimai.on("GET", "/api/timesheets", lambda req: json_response(page_of(records, req)))
    server = build_server(settings_for("http://kimai.test"), transport=kimai.transport)

Every request is kept in `kimai.requests`; an unscripted route answers 404 like Kimai
(`{"code": 404, "message": "Not Found"}`), so a test sees what it forgot to script.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import httpx

from tests.support.paths import TRAFFIC

Handler = Callable[[httpx.Request], httpx.Response]


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def recorded(name: str) -> dict:
    """A recorded exchange of the real Kimai 2.31 (`../shared/kimai-2.31-traffic/<name>.json`, name without .json)."""
    matches = sorted(TRAFFIC.glob(f"{name}*.json"))
    if not matches:
        raise FileNotFoundError(name)
    return json.loads(matches[0].read_text())


def replay(name: str) -> httpx.Response:
    """The recorded response of an exchange: status, body and Kimai's headers (pagination included)."""
    response = recorded(name)["response"]
    headers = {k: v for k, v in response.get("headers", {}).items() if k.lower() != "content-type"}
    if response.get("json_body") is not None:
        return httpx.Response(response["status"], json=response["json_body"], headers=headers)
    return httpx.Response(response["status"], content=(response.get("text") or "").encode(), headers=headers)


def paginate(records: list, request: httpx.Request, per_page: int = 50) -> httpx.Response:
    """Kimai's pagination: X-Page/X-Total-Count/X-Total-Pages/X-Per-Page; a page past the end is a 404."""
    size = int(request.url.params.get("size") or per_page)
    page = int(request.url.params.get("page") or 1)
    pages = max(1, -(-len(records) // size))
    if page > pages:
        return json_response({"code": 404, "message": "Not Found"}, 404)
    chunk = records[(page - 1) * size : page * size]
    headers = {"X-Page": str(page), "X-Total-Count": str(len(records)), "X-Total-Pages": str(pages),
               "X-Per-Page": str(size)}  # fmt: skip
    return json_response(chunk, headers=headers)


class FakeKimai:
    def __init__(self, version: str = "2.64.0", plugins: list[str] | None = None):
        self.routes: list[tuple[str, re.Pattern, Handler]] = []
        self.requests: list[httpx.Request] = []
        self.on("GET", "/api/version", lambda r: json_response({"version": version, "versionId": 0}))
        self.on("GET", "/api/plugins", lambda r: json_response([{"name": p, "version": "1"} for p in plugins or []]))
        self.transport = httpx.MockTransport(self.handle)

    def on(self, method: str, path: str, handler: Handler | httpx.Response | Any) -> FakeKimai:
        """Script a route; `path` may hold `{id}`-style placeholders (matching digits) or be a regex."""
        if not callable(handler):
            answer = handler
            handler = (lambda r: answer) if isinstance(answer, httpx.Response) else (lambda r: json_response(answer))
        pattern = re.compile("^" + re.sub(r"\\{\w+\\}", r"(\\d+)", re.escape(path)) + "$")
        self.routes.insert(0, (method.upper(), pattern, handler))  # later scripts win
        return self

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        for method, pattern, handler in self.routes:
            if method == request.method and pattern.match(request.url.path):
                return handler(request)
        return json_response({"code": 404, "message": "Not Found"}, 404)

    def sent(self, method: str | None = None, path: str | None = None) -> list[httpx.Request]:
        """The requests sent, optionally only those of one method and path (regex)."""
        return [
            r for r in self.requests
            if (method is None or r.method == method) and (path is None or re.fullmatch(path, r.url.path))
        ]  # fmt: skip

    def bodies(self, method: str, path: str) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.sent(method, path)]


async def call_tool(kimai: FakeKimai, tool: str, arguments: dict):
    """One tool call through an MCP client connected in memory to a server whose Kimai is `kimai`."""
    from mcp import Client

    from kimai_tools.server import build_server
    from tests.conftest import settings_for

    async with Client(build_server(settings_for("http://kimai.test"), transport=kimai.transport)) as client:
        return await client.call_tool(tool, arguments)


def text(result) -> str:
    return result.content[0].text
