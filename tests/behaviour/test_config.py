"""config against a scripted Kimai: what the model reads when a part is refused."""

import pytest

from tests.support.fake import FakeKimai, call_tool, json_response, replay, text

pytestmark = pytest.mark.anyio


def kimai_refusing_plugins() -> FakeKimai:
    kimai = FakeKimai()
    kimai.on("GET", "/api/config/timesheet", replay("004-get_app_api_configuration_timesheetconfig"))
    kimai.on("GET", "/api/config/colors", replay("005-get_app_api_configuration_colorconfig"))
    kimai.on("GET", "/api/plugins", json_response({"code": 403, "message": "Forbidden"}, 403))
    return kimai


async def test_all_shows_the_readable_parts_when_plugins_are_forbidden():
    result = await call_tool(kimai_refusing_plugins(), "config", {"type": "all"})
    assert not result.is_error, text(result)
    assert "timesheet: " in text(result) and "version: " in text(result)
    assert "plugins: not read" in text(result) and "403" in text(result)
    assert set(result.structured_content["not_read"]) == {"plugins"}


async def test_one_forbidden_part_asked_alone_is_an_error():
    result = await call_tool(kimai_refusing_plugins(), "config", {"type": "plugins"})
    assert result.is_error
    assert "403" in text(result)


async def test_a_kimai_without_plugins_says_so():
    """Kimai 2.31 without plugins answers GET /api/plugins with []: an answer, not nothing."""
    kimai = FakeKimai(version="2.31.0", plugins=[])
    result = await call_tool(kimai, "config", {"type": "plugins"})
    assert not result.is_error, text(result)
    assert text(result) == "plugins: none installed"
    assert result.structured_content == {"plugins": []}
