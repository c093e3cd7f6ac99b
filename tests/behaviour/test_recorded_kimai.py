"""The server against a real Kimai 2.31's recorded answers, replayed by vcrpy from ../shared/kimai-2.31-traffic.

The cassette is built at test time from the recorded exchanges (nothing copied into the repository) and
vcrpy patches httpx underneath the generated client: the server's whole stack runs as in production.
"""

import json

import pytest
import vcr
from mcp import Client

from kimai_tools.server import build_server
from tests.conftest import settings_for
from tests.support.fake import recorded

pytestmark = pytest.mark.anyio
URL = "http://kimai.recorded"
EXCHANGES = [
    "002-get_app_api_status_version",
    "006-get_me_user",
    "094-get_get_projects",
    "128-get_get_timesheets",
    "280-post_post_timesheet",
]


def cassette_from(names: list[str], path) -> None:
    interactions = []
    for name in names:
        exchange = recorded(name)
        request, response = exchange["request"], exchange["response"]
        body = json.dumps(response["json_body"]) if response.get("json_body") is not None else response.get("text", "")
        headers = {k: [v] for k, v in response["headers"].items()}
        interactions.append(
            {
                "request": {"method": request["method"], "uri": URL + request["path"], "body": None, "headers": {}},
                "response": {"status": {"code": response["status"], "message": ""}, "headers": headers,
                             "body": {"string": body}},
            }
        )  # fmt: skip
    path.write_text(json.dumps({"interactions": interactions, "version": 1}))


@pytest.fixture
async def recorded_kimai(tmp_path):
    cassette = tmp_path / "kimai-2.31.json"
    cassette_from(EXCHANGES, cassette)
    replay = vcr.VCR(serializer="json", record_mode="none", match_on=["method", "path"])
    with replay.use_cassette(str(cassette), allow_playback_repeats=True):
        async with Client(build_server(settings_for(URL))) as client:
            yield client


async def test_projects_are_listed_with_their_customers(recorded_kimai):
    result = await recorded_kimai.call_tool("entity", {"type": "project", "action": "list"})
    assert not result.is_error, result.content[0].text
    text = result.content[0].text
    assert "Website Relaunch" in text and "Acme GmbH" in text and "Mobile App" in text


async def test_timesheets_name_project_and_user_and_say_how_many_exist(recorded_kimai):
    result = await recorded_kimai.call_tool("timesheet", {"action": "list", "filters": {"user_scope": "all"}})
    assert not result.is_error, result.content[0].text
    text = result.content[0].text
    assert "40" in text.splitlines()[0] and "page 1 of 8" in text
    assert "Mobile App" in text and "Timer running (tom)" in text


async def test_the_first_answer_says_the_server_is_kimai_2_31(recorded_kimai):
    result = await recorded_kimai.call_tool("user_current", {})
    assert "admin" in result.content[0].text
    assert "2.31.0" in result.content[-1].text


async def test_a_refused_extra_field_names_it(recorded_kimai):
    args = {"action": "create", "data": {"project": 1, "activity": 1, "begin": "2026-11-20T09:00:00",
                                          "end": "2026-11-20T10:00:00", "user": 2}}  # fmt: skip
    result = await recorded_kimai.call_tool("timesheet", args)
    assert result.is_error
    assert "user" in result.content[0].text and "extra fields" in result.content[0].text
