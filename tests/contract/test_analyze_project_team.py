"""analyze_project_team against a Prism mock of the pinned Kimai document (requests validated)."""

import pytest

pytestmark = pytest.mark.anyio

PERIOD = {"begin": "2025-01-01", "end": "2025-01-31"}


@pytest.mark.parametrize(
    "scope",
    [{}, {"user_scope": "self"}, {"user_scope": "specific", "user": 2}, {"user_scope": "team", "team": 1}],
    ids=["all", "self", "specific", "team"],
)
async def test_every_scope_reads_the_project_and_its_timesheets(mcp, scope):
    arguments = {"project_id": 1, **PERIOD, **scope, "include_details": True}
    result = await mcp.call_tool("analyze_project_team", arguments)
    assert not result.is_error, result.content[0].text
    assert result.structured_content["pages"] == 1
    assert result.structured_content["begin"] == "2025-01-01T00:00:00"
    assert result.structured_content["end"] == "2025-01-31T23:59:59"


async def test_a_name_with_one_match_is_analysed(mcp):
    result = await mcp.call_tool("analyze_project_team", {"project_name": "Website", **PERIOD})
    assert not result.is_error, result.content[0].text
    assert "totals" in result.structured_content
