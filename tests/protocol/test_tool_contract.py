"""The tool contract stays: every tool, action, parameter and type of tools/list as users' prompts know it.

`baseline/tools-list.json` is tools/list (default and read-only) as it stood before the per-caller rework;
a description may get shorter, a parameter or an action may never go, and a schema may only widen.
"""

import json
from pathlib import Path

import pytest
from mcp import Client

from kimai_tools.config import Settings
from kimai_tools.server import build_server

pytestmark = pytest.mark.anyio

BASELINE = json.loads((Path(__file__).parent / "baseline" / "tools-list.json").read_text())


async def tools_list(read_only: bool) -> list[dict]:
    server = build_server(Settings(url="http://kimai.invalid", token="t", read_only=read_only))
    async with Client(server) as client:
        tools = (await client.list_tools()).tools
    return [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in tools]


def kept(before: dict, after: dict, where: str) -> list[str]:
    """What `before` promised that `after` no longer does: properties, enum values, types, required ones."""
    lost = []
    for name, prop in before.get("properties", {}).items():
        now = after.get("properties", {}).get(name)
        if now is None:
            lost.append(f"{where}: parameter {name}")
            continue
        gone = set(prop.get("enum", [])) - set(now.get("enum", prop.get("enum", [])))
        lost += [f"{where}.{name}: value {value}" for value in sorted(gone)]
        if prop.get("type") != now.get("type"):
            lost.append(f"{where}.{name}: type {prop.get('type')} became {now.get('type')}")
    lost += [
        f"{where}: {name} became required" for name in set(after.get("required", [])) - set(before.get("required", []))
    ]
    return lost


@pytest.mark.parametrize("mode", ["default", "read_only"])
async def test_tools_list_keeps_every_tool_action_and_parameter(mode):
    now = {tool["name"]: tool for tool in await tools_list(mode == "read_only")}
    lost = []
    for before in BASELINE[mode]:
        after = now.get(before["name"])
        if after is None:
            lost.append(f"tool {before['name']}")
            continue
        lost += kept(before["inputSchema"], after["inputSchema"], before["name"])
        if len(after.get("description", "")) > len(before.get("description", "")):
            lost.append(f"{before['name']}: its description grew")
        if after.get("annotations") != before.get("annotations"):
            lost.append(f"{before['name']}: annotations changed")
    assert not lost, "tools/list broke the contract:\n" + "\n".join(lost)
