"""The real thing Claude Desktop starts: `python -m kimai_tools` over stdio, against a Prism mock of Kimai."""

import json
import subprocess
import sys
import tempfile

import pytest
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

from kimai_tools.server import TOOLS
from tests.conftest import TOKEN

pytestmark = pytest.mark.anyio


def server_params(kimai_url: str, cwd, **env: str) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "kimai_tools"],
        env={"KIMAI_URL": kimai_url, "KIMAI_API_TOKEN": TOKEN, "KIMAI_SSL_VERIFY": "true", **env},
        cwd=str(cwd),  # a folder without a .env
    )


async def test_a_stdio_session_lists_the_tools_and_calls_one(kimai, protocol_mode, tmp_path):
    async with Client(server_params(kimai.url, tmp_path), mode=protocol_mode) as client:
        tools = await client.list_tools()
        result = await client.call_tool("user_current", {})

    assert len(tools.tools) == 12 and sorted(t.name for t in tools.tools) == sorted(TOOLS)
    assert not result.is_error, result.content[0].text
    assert result.content[0].text and result.structured_content


async def test_logs_go_to_stderr(kimai, tmp_path):
    with tempfile.TemporaryFile("w+") as errlog:
        transport = stdio_client(server_params(kimai.url, tmp_path, KIMAI_LOG_LEVEL="DEBUG"), errlog=errlog)
        async with Client(transport, mode="legacy") as client:
            assert not (await client.call_tool("config", {"type": "version"})).is_error
        errlog.seek(0)
        logged = errlog.read()
    assert "kimai-mcp DEBUG" in logged and "/api/version" in logged
    assert TOKEN not in logged


def rpc(id_: int | None, method: str, params: dict | None = None) -> str:
    message = {"jsonrpc": "2.0", "method": method, "params": params or {}}
    return json.dumps(message if id_ is None else {**message, "id": id_}) + "\n"


def test_stdout_carries_only_protocol_messages(kimai, tmp_path):
    """Raw JSON-RPC, as Claude Desktop speaks it: every line on stdout is a JSON-RPC message, even at DEBUG."""
    hello = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}}
    session = (
        rpc(1, "initialize", hello)
        + rpc(None, "notifications/initialized")
        + rpc(2, "tools/list")
        + rpc(3, "tools/call", {"name": "user_current", "arguments": {}})
    )
    env = server_params(kimai.url, tmp_path, KIMAI_LOG_LEVEL="DEBUG").env
    with tempfile.TemporaryFile("w+") as errlog:  # a file, not a pipe: DEBUG output must not fill a pipe and block
        process = subprocess.Popen(
            [sys.executable, "-m", "kimai_tools"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errlog,
            text=True,
            cwd=tmp_path,
            env={"PATH": "/usr/bin:/bin", **env},
        )
        process.stdin.write(session)
        process.stdin.flush()
        lines = []
        while len([m for m in lines if "id" in m]) < 3:  # the three answers, then end the session
            line = process.stdout.readline()
            assert line, "the server ended early"
            lines.append(json.loads(line))
        rest, _ = process.communicate(timeout=30)  # closes stdin: the end of the session
        errlog.seek(0)
        stderr = errlog.read()

    assert all(m.get("jsonrpc") == "2.0" for m in lines)
    assert all(json.loads(line)["jsonrpc"] == "2.0" for line in rest.splitlines() if line.strip())
    answers = {m["id"]: m for m in lines if "id" in m}
    assert len(answers[2]["result"]["tools"]) == 12
    assert answers[3]["result"]["isError"] is False
    assert "kimai-mcp DEBUG" in stderr  # the logs went somewhere: stderr
    assert process.returncode == 0


@pytest.mark.parametrize("missing", ["KIMAI_URL", "KIMAI_API_TOKEN"])
def test_a_missing_setting_is_one_sentence_and_exit_code_2(tmp_path, missing):
    env = {"PATH": "/usr/bin:/bin", "KIMAI_URL": "https://kimai.example", "KIMAI_API_TOKEN": TOKEN}
    del env[missing]
    done = subprocess.run(
        [sys.executable, "-m", "kimai_tools"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]  # one line
    assert done.stderr.startswith(f"kimai-mcp: Missing {missing}:") and "Traceback" not in done.stderr
    assert TOKEN not in done.stderr
