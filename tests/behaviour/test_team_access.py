"""team_access against a scripted Kimai answering with real Kimai 2.31 bodies."""

import pytest

from tests.support.fake import FakeKimai, call_tool, recorded, replay, text

pytestmark = pytest.mark.anyio


async def call(kimai: FakeKimai, arguments: dict):
    return await call_tool(kimai, "team_access", arguments)


def team_after(name: str) -> dict:
    return recorded(name)["response"]["json_body"]


async def test_add_member_summarises_the_team_kimai_answers():
    kimai = FakeKimai().on("POST", "/api/teams/{id}/members/{user}", replay("192-post_post_team_member"))
    result = await call(kimai, {"team_id": 1, "action": "add_member", "user_id": 4})
    assert not result.is_error, text(result)
    assert text(result) == (
        "Added user 4 to team 1.\n"
        "Team Developers (#1)\n"
        "  members: Tom Example (#3, lead), Susan S. (#2), Alice Example (#4)\n"
        "  customers: Acme GmbH (#1)\n"
        "  projects: Mobile App (#3)\n"
        "  activities: iOS Development (#7)"
    )
    team = result.structured_content["team"]
    assert team["members"][0] == {"id": 3, "name": "Tom Example", "teamlead": True}
    assert result.structured_content["changed"] is True


async def test_already_a_member_is_explained_when_the_team_cannot_be_read():
    kimai = FakeKimai().on("POST", "/api/teams/{id}/members/{user}", replay("193-post_post_team_member"))
    result = await call(kimai, {"team_id": 1, "action": "add_member", "user_id": 4})
    assert result.is_error
    assert "user 4 is probably already a member of team 1" in text(result)
    assert "Bad Request" in text(result)


async def test_already_a_member_is_no_error_when_the_team_shows_the_member():
    kimai = (
        FakeKimai()
        .on("POST", "/api/teams/{id}/members/{user}", replay("193-post_post_team_member"))
        .on("GET", "/api/teams/{id}", team_after("192-post_post_team_member"))
    )
    result = await call(kimai, {"team_id": 1, "action": "add_member", "user_id": 4})
    assert not result.is_error, text(result)
    assert text(result).startswith("User 4 already is a member of team 1; nothing changed.")
    assert result.structured_content["changed"] is False


async def test_removing_the_team_lead_says_why_kimai_refuses():
    kimai = (
        FakeKimai()
        .on("DELETE", "/api/teams/{id}/members/{user}", replay("196-delete_delete_team_member"))
        .on("GET", "/api/teams/{id}", replay("115-get_get_team"))
    )
    result = await call(kimai, {"team_id": 1, "action": "remove_member", "user_id": 3})
    assert result.is_error
    assert "a team lead cannot be removed" in text(result)


async def test_remove_member_answers_the_remaining_members():
    kimai = FakeKimai().on("DELETE", "/api/teams/{id}/members/{user}", replay("194-delete_delete_team_member"))
    result = await call(kimai, {"team_id": 1, "action": "remove_member", "user_id": 4})
    assert not result.is_error, text(result)
    assert text(result).startswith("Removed user 4 from team 1.")
    assert [m["id"] for m in result.structured_content["team"]["members"]] == [3, 2]


async def test_grant_addresses_the_target_kind():
    kimai = FakeKimai().on("POST", "/api/teams/{id}/projects/{project}", replay("201-post_post_team_project"))
    result = await call(kimai, {"team_id": 2, "action": "grant", "target": "project", "target_id": 6})
    assert not result.is_error, text(result)
    assert [r.url.path for r in kimai.sent("POST")] == ["/api/teams/2/projects/6"]
    assert text(result).startswith("Granted project 6 to team 2.")


async def test_revoke_of_an_activity_uses_kimais_plural():
    kimai = FakeKimai().on("DELETE", "/api/teams/{id}/activities/{a}", replay("204-delete_delete_team_activity"))
    result = await call(kimai, {"team_id": 2, "action": "revoke", "target": "activity", "target_id": 10})
    assert not result.is_error, text(result)
    assert [r.url.path for r in kimai.sent("DELETE")] == ["/api/teams/2/activities/10"]


async def test_revoking_access_the_team_does_not_have_changes_nothing():
    kimai = (
        FakeKimai()
        .on("DELETE", "/api/teams/{id}/customers/{customer}", replay("200-delete_delete_team_customer"))
        .on("GET", "/api/teams/{id}", team_after("199-delete_delete_team_customer"))
    )
    result = await call(kimai, {"team_id": 2, "action": "revoke", "target": "customer", "target_id": 3})
    assert not result.is_error, text(result)
    assert text(result).startswith("Team 2 has no access to customer 3; nothing to revoke.")


async def test_unknown_target_is_kimais_404():
    kimai = FakeKimai().on("POST", "/api/teams/{id}/projects/{project}", replay("206-post_post_team_project"))
    result = await call(kimai, {"team_id": 1, "action": "grant", "target": "project", "target_id": 99999})
    assert result.is_error and "404" in text(result)


@pytest.mark.parametrize("action", ["add_member", "remove_member"])
async def test_membership_without_user_id_is_refused_before_sending(action):
    kimai = FakeKimai()
    result = await call(kimai, {"team_id": 1, "action": action})
    assert result.is_error and f"{action} needs `user_id`" in text(result)
    assert kimai.requests == []


@pytest.mark.parametrize("missing", [{"target_id": 3}, {"target": "customer"}])
async def test_access_without_target_or_target_id_is_refused_before_sending(missing):
    kimai = FakeKimai()
    result = await call(kimai, {"team_id": 1, "action": "grant", **missing})
    assert result.is_error and "grant needs `target` (customer, project or activity) and `target_id`" in text(result)
    assert kimai.requests == []
