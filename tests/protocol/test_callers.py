"""One server, many callers: each request acts as its own caller, and no caller sees another's state."""

import anyio
import pytest
from mcp import Client

from kimai_tools.config import Settings
from kimai_tools.server import build
from kimai_tools.tools.base import Caller
from tests.support.fake import FakeKimai, json_response, replay, text

pytestmark = pytest.mark.anyio


class ByName:
    """The caller a request names in its `_meta` (the team server resolves by the request's login instead)."""

    def __init__(self, **callers: Caller):
        self.callers = callers

    def caller(self, ctx) -> Caller:
        return self.callers[ctx.request_context.meta["caller"]]


def kimai(version: str, me: str, description: str) -> FakeKimai:
    records = [{**replay("049-post_post_timesheet").json(), "description": description}]
    fake = FakeKimai(version=version).on("GET", "/api/users/me", replay(me))
    return fake.on("GET", "/api/timesheets", json_response(records, headers={"X-Total-Count": "1"}))


async def test_two_callers_at_once_see_only_their_own_kimai_user_version_and_records():
    kimai_a = kimai("2.31.0", "006-get_me_user", "work of the admin")
    kimai_b = kimai("2.53.0", "011-get_me_user", "work of susan")
    caller_a = Caller.of(Settings(url="http://a.kimai.test", token="token-of-a"), kimai_a.transport)
    caller_b = Caller.of(Settings(url="http://b.kimai.test", token="token-of-b"), kimai_b.transport)
    server = build(ByName(a=caller_a, b=caller_b))
    answers: dict[str, list[str]] = {}

    async def session(name: str, delay: float) -> None:
        await anyio.sleep(delay)
        async with Client(server) as client:
            said = []
            for tool, arguments in [
                ("user_current", {}),
                ("timesheet", {"action": "list"}),
                ("config", {"type": "version"}),
            ]:
                result = await client.call_tool(tool, arguments, meta={"caller": name})
                assert not result.is_error, text(result)
                said.append("\n".join(c.text for c in result.content))
                await anyio.sleep(0.01)  # the other caller's requests run in between
            answers[name] = said

    async with anyio.create_task_group() as group:
        group.start_soon(session, "a", 0)
        group.start_soon(session, "b", 0.005)
    a, b = "\n".join(answers["a"]), "\n".join(answers["b"])
    assert "admin" in a and "work of the admin" in a and "2.31.0" in a
    assert "Susan" in b and "work of susan" in b and "2.53.0" in b
    assert "susan" not in a.lower() and "2.53.0" not in a
    assert "work of the admin" not in b and "2.31.0" not in b
    assert {r.headers["Authorization"] for r in kimai_a.requests} == {"Bearer token-of-a"}
    assert {r.headers["Authorization"] for r in kimai_b.requests} == {"Bearer token-of-b"}
    assert caller_a.me["id"] != caller_b.me["id"] and caller_a.version_noted and caller_b.version_noted
