"""The server answers the handshake and tools/list without Kimai, and fails tool calls, not the process."""

import json

import httpx
import pytest
from mcp import Client

from kimai_tools.server import TOOLS, build_server
from tests.conftest import settings_for

pytestmark = pytest.mark.anyio


def refusing_transport(seen: list):
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        raise httpx.ConnectError("connection refused", request=request)

    return httpx.MockTransport(handler)


async def test_initialize_and_tools_list_send_nothing_to_kimai(protocol_mode):
    seen: list = []
    server = build_server(settings_for("http://kimai.invalid"), transport=refusing_transport(seen))
    async with Client(server, mode=protocol_mode) as client:
        tools = await client.list_tools()
    assert sorted(t.name for t in tools.tools) == sorted(TOOLS)
    assert seen == []


async def test_tools_list_stays_small():
    async with Client(build_server(settings_for("http://kimai.invalid"))) as client:
        tools = await client.list_tools()
    size = len(json.dumps([t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in tools.tools],
                          separators=(",", ":")))  # fmt: skip
    assert size < 15_000


async def test_unreachable_kimai_is_a_tool_error_and_the_server_goes_on(protocol_mode):
    seen: list = []
    server = build_server(settings_for("http://kimai.invalid"), transport=refusing_transport(seen))
    async with Client(server, mode=protocol_mode) as client:
        first = await client.call_tool("user_current", {})
        second = await client.call_tool("config", {"type": "version"})
    # the refusal is the model's to read as it is: no "Error executing tool" prefix
    assert first.is_error and first.content[0].text.startswith("Cannot reach Kimai at http://kimai.invalid")
    assert second.is_error and "Cannot reach Kimai" in second.content[0].text


async def test_read_only_removes_write_actions_and_refuses_them():
    server = build_server(settings_for("http://kimai.invalid", read_only=True))
    async with Client(server) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        assert tools["timesheet"].input_schema["properties"]["action"]["enum"] == ["list", "get", "user_guide"]
        assert all(t.annotations.read_only_hint for t in tools.values())
        result = await client.call_tool("timesheet", {"action": "delete", "id": 1})
    assert result.is_error and "read-only" in result.content[0].text


WARM_UP_PROBE = """
import sys, threading, time, anyio, httpx
from mcp import Client
from kimai_tools.config import Settings
from kimai_tools.server import build_server

seen = []
def handler(request):
    seen.append(request)
    raise httpx.ConnectError("refused", request=request)

async def main():
    before = "kimai_client.api.timesheet.delete_timesheet" in sys.modules
    server = build_server(Settings(url="http://kimai.invalid", token="t"), transport=httpx.MockTransport(handler))
    async with Client(server, mode=sys.argv[1]) as client:
        await client.list_tools()
        for _ in range(200):
            if not any(t.name == "kimai-warm-up" for t in threading.enumerate()):
                break
            time.sleep(0.05)
    after = "kimai_client.api.timesheet.delete_timesheet" in sys.modules
    print(before, after, len(seen))

anyio.run(main)
"""


def test_after_the_handshake_a_thread_loads_what_the_first_call_needs_and_contacts_no_kimai(protocol_mode):
    import subprocess
    import sys

    from tests.support.paths import ROOT

    probe = subprocess.run([sys.executable, "-c", WARM_UP_PROBE, protocol_mode], cwd=ROOT, capture_output=True,
                           text=True, timeout=60)  # fmt: skip
    assert probe.stdout.split() == ["False", "True", "0"], probe.stderr


async def test_arguments_the_sdk_refuses_read_like_the_tools_own_refusals(protocol_mode):
    async with Client(build_server(settings_for("http://kimai.invalid")), mode=protocol_mode) as client:
        result = await client.call_tool("entity", {"type": "projects", "action": "list"})
    message = result.content[0].text
    assert result.is_error and message == (
        "Wrong arguments for entity: type must be 'project', 'activity', 'customer', 'user', 'team', 'tag', "
        "'invoice' or 'holiday', not 'projects'."
    )


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ({"action": "list"}, "Wrong arguments for entity: type is required."),
        ({"type": "project", "action": "list", "filters": 5}, "filters must be a valid dictionary, not 5."),
        (
            {"type": "project", "action": "get", "id": "abc"},
            "id must be a valid integer, unable to parse string as an integer, not 'abc'.",
        ),  # fmt: skip
        ({"type": "project", "action": "get", "id": "a\nforged line"}, "not 'a\\nforged line'."),
    ],
)
async def test_argument_refusals_are_one_sentence_naming_the_argument(arguments, said):
    async with Client(build_server(settings_for("http://kimai.invalid"))) as client:
        result = await client.call_tool("entity", arguments)
    message = result.content[0].text
    assert result.is_error and message.endswith(said) and message.startswith("Wrong arguments for entity: ")
    assert "\n" not in message and "[type=" not in message  # one line, without pydantic's internals


def test_a_report_it_cannot_read_is_passed_on_as_it_is():
    from kimai_tools.server import plain_argument_error

    assert plain_argument_error("Error executing tool entity: something else") == "something else"
    assert plain_argument_error("2 validation errors for entityArguments\ntype\n  odd") == (
        "2 validation errors for entityArguments\ntype\n  odd"
    )


async def test_a_refusal_is_one_log_line_whatever_text_it_quotes(caplog):
    from tests.support.fake import FakeKimai, json_response

    forged = {"code": 400, "message": "Bad name\nkimai-mcp INFO kimai_tools: forged line"}
    kimai = FakeKimai().on("POST", "/api/tags", json_response(forged, 400))
    server = build_server(settings_for("http://kimai.test"), transport=kimai.transport)
    caplog.set_level("INFO", logger="kimai_tools")
    async with Client(server) as client:
        result = await client.call_tool("entity", {"type": "tag", "action": "create", "data": {"name": "x"}})
    assert result.is_error
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert refusals and all("\n" not in line for line in refusals)
    assert any("forged line" in line for line in refusals)  # the text is there, escaped
