"""The API token appears in no result and no log line: successes, a refused token, an unreachable host, a
validation error and bad arguments, in process (every logger at DEBUG) and over stdio (the server's stderr)."""

import io
import json
import logging
import sys
import tempfile

import httpx
import pytest
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from kimai_tools.server import build_server
from kimai_tools.stdio.logs import setup_logging
from tests.conftest import TOKEN, settings_for
from tests.support.fake import FakeKimai, replay

pytestmark = pytest.mark.anyio


@pytest.fixture
def all_logs(caplog):
    """Every logger at DEBUG, non-propagating ones included, into caplog."""
    loggers = [logging.getLogger()] + [
        logging.getLogger(name) for name in list(logging.root.manager.loggerDict) if not name.startswith("pytest")
    ]
    saved = [(lg, lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        if not lg.propagate:
            lg.addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG)
    yield caplog
    for lg, level, propagate in saved:
        lg.setLevel(level)
        if not propagate:
            lg.removeHandler(caplog.handler)


def dump(result) -> str:
    return result.model_dump_json(by_alias=True)


async def session_texts(server, calls) -> list[tuple[str, str, bool]]:
    """(tool, everything the client received, is_error) for each call, plus tools/list."""
    seen = []
    async with Client(server) as client:
        seen.append(("tools/list", dump(await client.list_tools()), False))
        for name, arguments in calls:
            result = await client.call_tool(name, arguments)
            seen.append((name, dump(result), result.is_error))
    return seen


def working_kimai() -> FakeKimai:
    return (
        FakeKimai(version="2.31.0")
        .on("GET", "/api/users/me", replay("006-get_me_user"))
        .on("GET", "/api/customers", replay("088-get_get_customers"))
        .on("POST", "/api/customers", replay("229-post_post_customer"))
    )


def refusing_kimai() -> FakeKimai:
    refused = replay("256-get_app_api_status_ping")  # a wrong token: 401 with an empty body
    return FakeKimai().on("GET", "/api/version", refused).on("GET", "/api/users/me", refused)


def unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError(f"connection refused by {request.url.host}", request=request)


async def test_no_result_and_no_log_line_carries_the_token(all_logs, monkeypatch):
    monkeypatch.setattr(
        "kimai_tools.kimai.transport.RetryTransport.__init__.__defaults__", (3, 0.0)
    )  # no backoff waits
    bad_customer = {
        "name": "Bad Values",
        "country": "XX",
        "currency": "EURO",
        "timezone": "Mars/Olympus",
        "language": "en",
    }
    calls = [
        ("user_current", {}),
        ("config", {"type": "version"}),
        ("entity", {"type": "customer", "action": "list"}),
        ("entity", {"type": "customer", "action": "create", "data": bad_customer}),
        ("entity", {"type": "nonsense", "action": "list"}),
        ("config", {"type": 5}),
    ]
    working = await session_texts(build_server(settings_for("http://kimai.test"), working_kimai().transport), calls)
    refused = await session_texts(
        build_server(settings_for("http://kimai.test"), refusing_kimai().transport), calls[:2]
    )
    gone = await session_texts(
        build_server(settings_for("http://kimai.invalid"), httpx.MockTransport(unreachable)), calls[:2]
    )
    seen = working + refused + gone

    outcomes = {(name, is_error) for name, _, is_error in seen}
    assert ("user_current", False) in outcomes and ("user_current", True) in outcomes  # successes and failures
    assert any("401" in text for _, text, _ in refused) and any("Cannot reach Kimai" in text for _, text, _ in gone)
    assert any("country: Please select a valid country" in text for _, text, _ in working)
    logged = "\n".join(r.getMessage() for r in all_logs.records)
    assert "/api/users/me" in logged  # the DEBUG lines of the HTTP client were captured
    for name, text, _ in seen:
        assert TOKEN not in text, f"{name} returned the token"
    assert TOKEN not in logged and TOKEN not in all_logs.text


async def test_a_stdio_session_at_debug_never_prints_the_token(kimai, tmp_path):
    env = {"KIMAI_URL": kimai.url, "KIMAI_API_TOKEN": TOKEN, "KIMAI_LOG_LEVEL": "DEBUG"}
    params = StdioServerParameters(command=sys.executable, args=["-m", "kimai_tools"], env=env, cwd=str(tmp_path))
    texts = []
    with tempfile.TemporaryFile("w+") as errlog:
        async with Client(stdio_client(params, errlog=errlog), mode="legacy") as client:
            texts.append(dump(await client.list_tools()))
            for name, arguments in [("user_current", {}), ("entity", {"type": "project", "action": "list"}),
                                    ("entity", {"type": "project", "action": "get", "id": "abc"})]:  # fmt: skip
                texts.append(dump(await client.call_tool(name, arguments)))
        errlog.seek(0)
        stderr = errlog.read()
    assert "kimai-mcp DEBUG" in stderr
    assert TOKEN not in stderr and all(TOKEN not in t for t in texts)


async def test_an_unreachable_kimai_over_stdio_never_prints_the_token(tmp_path):
    env = {"KIMAI_URL": "http://127.0.0.1:9", "KIMAI_API_TOKEN": TOKEN, "KIMAI_LOG_LEVEL": "DEBUG"}
    params = StdioServerParameters(command=sys.executable, args=["-m", "kimai_tools"], env=env, cwd=str(tmp_path))
    with tempfile.TemporaryFile("w+") as errlog:
        async with Client(stdio_client(params, errlog=errlog)) as client:
            result = await client.call_tool("user_current", {})
        errlog.seek(0)
        stderr = errlog.read()
    assert result.is_error and "Cannot reach Kimai at http://127.0.0.1:9" in result.content[0].text
    assert TOKEN not in stderr and TOKEN not in dump(result)


def test_the_log_format_masks_the_token_should_a_library_log_it(monkeypatch):
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", root.level)
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)

    setup_logging(TOKEN, "debug")
    logging.getLogger("some.library").debug("headers %s", json.dumps({"Authorization": f"Bearer {TOKEN}"}))

    assert "Bearer ***" in stream.getvalue() and TOKEN not in stream.getvalue()
