"""Every declared tool action against a Prism mock of one Kimai version, with that version's client.

Run by tests/matrix/test_versions.py in a subprocess whose PYTHONPATH starts with the folder the client was
generated into, so that folder's `kimai_client` shadows the installed one:

    PYTHONPATH=TMP:. python tests/matrix/_version_checks.py --client TMP --prism node_modules/.bin/prism --out r.json

It writes one JSON object: the client it imported, the version the mock answers, and per row (actions.label) the
answer (`is_error`, text), the operations sent to Kimai and the requests that broke the document.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import traceback
from pathlib import Path
from typing import Any

import httpx
from mcp import Client

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # after the client folder: tests.support, never another kimai_client

import kimai_client  # noqa: E402

from kimai_tools.config import Settings  # noqa: E402
from kimai_tools.kimai.operations import index  # noqa: E402
from kimai_tools.server import build_server  # noqa: E402
from kimai_tools.tools import label  # noqa: E402
from kimai_tools.tools import rows as declared_rows  # noqa: E402
from kimai_tools.tools.declare import Key  # noqa: E402
from tests.support.prism import PrismMock  # noqa: E402

BEGIN, END = "2024-08-03T09:00:00", "2024-08-03T10:30:00"
ENTITY_DATA = {
    "project": {"name": "Website", "customer": 1},
    "activity": {"name": "Design"},
    "team": {"name": "Development", "members": [{"user": 1, "teamlead": True}]},
    "tag": {"name": "urgent"},
    "user": {
        "username": "jane",
        "email": "jane@example.com",
        "language": "en",
        "locale": "en",
        "timezone": "Europe/Berlin",
        "plainPassword": "a-long-password-1",
    },
}
UPDATES = {
    "project": {"name": "Website relaunch"},
    "activity": {"name": "Design review"},
    "customer": {"name": "Acme Ltd"},
    "team": {"name": "Developers"},
    "user": {"alias": "Jane D."},
    "invoice": {"status": "paid"},
}


def form(key: str) -> tuple[str, ...]:
    """The fields the connected version's form of `key` takes (its client's operation index)."""
    return tuple(index()[key]["fields"])


def customer(**extra: Any) -> dict:
    data = {"name": "Acme", "country": "DE", "currency": "EUR", "timezone": "Europe/Berlin", **extra}
    if "language" in form("POST /api/customers"):  # required from 2.63 on, unknown before
        data["language"] = "en"
    return data


def sample(key: Key) -> dict | None:
    """Minimal valid arguments for a row; None when the row has no sample (a test failure)."""
    tool, action, variant = key
    ids = {"ids": [1, 2]}
    if tool == "entity":
        base = {"type": variant, "action": action}
        extra = {
            "list": {},
            "get": {"id": 1},
            "create": {"data": customer() if variant == "customer" else ENTITY_DATA.get(variant)},
            "update": {"id": 1, "data": UPDATES.get(variant)},
            "delete": {"id": 1},
            "batch_delete": ids,
            "lock_month": {"id": 1, "month": "2024-05-01"},
            "unlock_month": {"id": 1, "month": "2024-05-01"},
            "set_preferences": {"id": 1, "preferences": [{"name": "hourly_rate", "value": "80"}]},
        }.get(action)
        return None if extra is None else {**base, **extra}
    if tool == "timesheet":
        return {
            "action": action,
            **{
                "list": {},
                "get": {"id": 1},
                "create": {"data": {"project": 1, "activity": 1, "begin": BEGIN, "end": END, "description": "API"}},
                "update": {"id": 1, "data": {"description": "API integration"}},
                "delete": {"id": 1},
                "duplicate": {"id": 1},
                "export_toggle": {"id": 1},
                "meta_update": {"id": 1, "meta": [{"name": "ticket", "value": "42"}]},
                "user_guide": {},
                "batch_delete": ids,
                "batch_export": ids,
            }[action],
        }
    if tool == "timer":
        with_id = {"id": 1}
        extra = {"start": {"data": {"project": 1, "activity": 1}}, "active": {}, "recent": {}, "favorites": {}}
        return {"action": action, **extra.get(action, with_id)}
    if tool == "rate":
        extra = {"list": {}, "add": {"data": {"rate": 85}}, "delete": {"rate_id": 1}}[action]
        return {"entity": variant, "entity_id": 1, "action": action, **extra}
    if tool == "team_access":
        target = {"target": variant, "target_id": 1} if variant else {"user_id": 1}
        return {"team_id": 1, "action": action, **target}
    if tool == "absence":
        extra = {
            "list": {},
            "statistics": {},
            "types": {},
            "attendance": {"date": "2024-12-02"},
            "create": {"data": {"comment": "Vacation", "date": "2024-02-15", "end": "2024-02-16", "type": "holiday"}},
        }
        return {"action": action, **extra.get(action, ids if action.startswith("batch_") else {"id": 1})}
    if tool == "calendar":
        return {"type": variant, "filters": {"begin": "2024-01-01", "end": "2024-12-31"}}
    if tool == "meta":
        return {"entity": variant, "entity_id": 1, "action": "update", "data": [{"name": "ticket", "value": "42"}]}
    if tool == "comment":
        extra = {"list": {}, "create": {"data": {"message": "Billing contact changed"}}}
        return {"entity": variant, "entity_id": 1, "action": action, **extra.get(action, {"comment_id": 1})}
    if tool == "config":
        return {"type": variant}
    if tool == "user_current":
        return {}
    if tool == "analyze_project_team":
        return {"project_id": 1, "begin": "2024-01-01T00:00:00", "end": "2024-12-31T23:59:59"}
    return None


# Calls beyond the rows: the customer address fields, renamed address -> address_line1 (2.41) -> addressLine1 (2.48).
PROBES = {
    f"customer address as {field}": lambda field=field: (
        "entity",
        {"type": "customer", "action": "create", "data": customer(**{field: "Main St 1"})},
    )
    for field in ("address", "address_line1", "addressLine1")
}


class Recorder(httpx.AsyncBaseTransport):
    """The real transport, noting each request's method and path."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.sent: list[tuple[str, str]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append((request.method, request.url.path))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def templates() -> list[tuple[re.Pattern, str]]:
    """Index keys as patterns, literal paths first (/api/timesheets/active before /api/timesheets/{id})."""
    keys = sorted(index(), key=lambda k: (k.count("{"), k))
    return [(re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(k)) + "$"), k) for k in keys]


def operation_of(method: str, path: str, patterns: list[tuple[re.Pattern, str]]) -> str:
    sent = f"{method} {path}"
    return next((key for pattern, key in patterns if pattern.match(sent)), sent)


class Caller:
    """One server and MCP client for all calls (the session reads the version once), each call's requests apart."""

    def __init__(self, mock: PrismMock) -> None:
        self.mock = mock
        self.recorder = Recorder()
        self.patterns = templates()
        self.server = build_server(Settings(url=mock.url, token="matrix-token"), transport=self.recorder)

    async def __call__(self, client: Client, tool: str, args: dict) -> dict:
        self.recorder.sent.clear()
        before = len(self.mock.violations())
        try:
            result = await client.call_tool(tool, args)
            answer = {"is_error": bool(result.is_error), "text": result.content[0].text if result.content else ""}
        except Exception:  # noqa: BLE001 - a crash is what the matrix reports
            answer = {"crash": traceback.format_exc(limit=5)}
        answer["sent"] = sorted({operation_of(m, p, self.patterns) for m, p in self.recorder.sent})
        answer["violations"] = [str(v) for v in self.mock.violations()[before:]]
        return answer


async def run(mock: PrismMock) -> dict:
    call = Caller(mock)
    rows: dict[str, Any] = {}
    async with Client(call.server) as client:
        await client.call_tool("config", {"type": "version"})  # the session reads the version before any row
        for key in declared_rows():
            args = sample(key)
            rows[label(key)] = {"args": args, **await call(client, key[0], args)} if args is not None else None
        probes = {name: await call(client, *probe()) for name, probe in PROBES.items()}
    await call.recorder.aclose()
    return {"rows": rows, "probes": probes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--client", type=Path, required=True, help="the folder regen wrote (kimai_client/, openapi.json)"
    )
    parser.add_argument("--prism", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with PrismMock(args.client / "openapi.json", prism=args.prism) as mock:
        version = httpx.get(f"{mock.url}/api/version", headers={"Authorization": "Bearer x"}, trust_env=False).json()
        results = asyncio.run(run(mock))
        results["response_violations"] = [str(v) for v in mock.response_violations()]
    manifest = json.loads((Path(kimai_client.__file__).parent / "manifest.json").read_text())
    results.update(client=kimai_client.__file__, spec=manifest["spec"], mock_version=version.get("version"))
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
