"""team_access against a Prism mock of the pinned Kimai document (requests validated)."""

import pytest

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("action", ["add_member", "remove_member"])
async def test_membership_changes_answer_the_team(mcp, action):
    result = await mcp.call_tool("team_access", {"team_id": 1, "action": action, "user_id": 5})
    assert not result.is_error, result.content[0].text
    team = result.structured_content["team"]
    assert set(team) >= {"members", "customers", "projects", "activities"}
    assert result.structured_content["changed"] is True


@pytest.mark.parametrize("action", ["grant", "revoke"])
@pytest.mark.parametrize("target", ["customer", "project", "activity"])
async def test_access_changes_reach_every_target(mcp, action, target):
    arguments = {"team_id": 1, "action": action, "target": target, "target_id": 3}
    result = await mcp.call_tool("team_access", arguments)
    assert not result.is_error, result.content[0].text
    assert f"{target} 3" in result.content[0].text
