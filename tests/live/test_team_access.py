"""team_access against the real Kimai 2.31: members and access of a team, judged by what Kimai then holds."""

import pytest

from tests.support.live import refused_by_kimai_permission, text

pytestmark = pytest.mark.anyio


@pytest.fixture
def team(admin_rest, seed_data) -> dict:
    """A team of its own per test (the seeded team must keep the plain user)."""
    return admin_rest.post("/teams", {"name": seed_data.name("team"), "members": [
        {"user": seed_data.admin["id"], "teamlead": True}]})  # fmt: skip


def members(rest, team: dict) -> dict[int, bool]:
    return {m["user"]["id"]: m["teamlead"] for m in rest.get(f"/teams/{team['id']}")["members"]}


async def test_add_and_remove_a_member(admin, admin_rest, seed_data, team):
    arguments = {"team_id": team["id"], "user_id": seed_data.user["id"]}
    added = await admin.call_tool("team_access", {**arguments, "action": "add_member"})
    assert not added.is_error, text(added)
    assert members(admin_rest, team) == {seed_data.admin["id"]: True, seed_data.user["id"]: False}

    again = await admin.call_tool("team_access", {**arguments, "action": "add_member"})
    assert not again.is_error and again.structured_content["changed"] is False, text(again)

    removed = await admin.call_tool("team_access", {**arguments, "action": "remove_member"})
    assert not removed.is_error, text(removed)
    assert members(admin_rest, team) == {seed_data.admin["id"]: True}


async def test_the_team_lead_is_not_removed(admin, admin_rest, seed_data, team):
    arguments = {"team_id": team["id"], "user_id": seed_data.admin["id"], "action": "remove_member"}
    result = await admin.call_tool("team_access", arguments)

    assert result.is_error and "team lead" in text(result), text(result)
    assert members(admin_rest, team) == {seed_data.admin["id"]: True}


@pytest.mark.parametrize("target", ["customer", "project", "activity"])
async def test_grant_and_revoke(admin, admin_rest, seed_data, team, target):
    record = {"customer": seed_data.customer, "project": seed_data.mobile, "activity": seed_data.meetings}[target]
    plural = {"customer": "customers", "project": "projects", "activity": "activities"}[target]
    arguments = {"team_id": team["id"], "target": target, "target_id": record["id"]}

    granted = await admin.call_tool("team_access", {**arguments, "action": "grant"})
    assert not granted.is_error, text(granted)
    assert [r["id"] for r in admin_rest.get(f"/teams/{team['id']}")[plural]] == [record["id"]]

    revoked = await admin.call_tool("team_access", {**arguments, "action": "revoke"})
    assert not revoked.is_error, text(revoked)
    assert admin_rest.get(f"/teams/{team['id']}")[plural] == []

    again = await admin.call_tool("team_access", {**arguments, "action": "revoke"})
    assert not again.is_error and again.structured_content["changed"] is False, text(again)


async def test_a_plain_user_may_not_change_teams(user, admin_rest, seed_data, team):
    joined = await user.call_tool("team_access", {"team_id": team["id"], "action": "add_member",
                                                  "user_id": seed_data.user["id"]})  # fmt: skip
    granted = await user.call_tool("team_access", {"team_id": team["id"], "action": "grant", "target": "project",
                                                   "target_id": seed_data.mobile["id"]})  # fmt: skip

    assert refused_by_kimai_permission(joined, "POST /api/teams/{id}/members/{userId}"), text(joined)
    assert refused_by_kimai_permission(granted, "POST /api/teams/{id}/projects/{projectId}"), text(granted)
    after = admin_rest.get(f"/teams/{team['id']}")
    assert [m["user"]["id"] for m in after["members"]] == [seed_data.admin["id"]] and after["projects"] == []
