"""The team server in front of the real Kimai 2.31: its admin and its plain user sign in at the same server, each
acts in Kimai as themselves (judged by reading Kimai back over REST), and neither reaches the other's records."""

from __future__ import annotations

import anyio
import pytest

from tests.support.team import SECRET_A, SECRET_B, SLUG_A, SLUG_B, TeamServer, connected, oauth_client, users_file

pytestmark = pytest.mark.anyio
STALE = "carl-9Hd2Kq7Wm4Rt8Zx"  # a user whose token the real Kimai refuses


@pytest.fixture(scope="module")
def team(tmp_path_factory, kimai_instance):
    folder = tmp_path_factory.mktemp("team-live")
    users = users_file(folder / "users.json", {
        SLUG_A: {"kimai_url": kimai_instance.url, "kimai_token": kimai_instance.admin_token, "auth_secret": SECRET_A},
        SLUG_B: {"kimai_url": kimai_instance.url, "kimai_token": kimai_instance.user_token, "auth_secret": SECRET_B},
        STALE: {"kimai_url": kimai_instance.url, "kimai_token": "a-token-kimai-never-issued", "auth_secret": SECRET_A},
    })  # fmt: skip
    server = TeamServer(folder, users, "--rate-limit-rpm", "0").start()
    yield server
    server.stop()


async def test_each_user_acts_in_kimai_as_themselves(team, seed_data, admin_rest):
    created: dict[str, int] = {}

    async def log_time(slug: str, secret: str, description: str) -> None:
        auth, _, _ = oauth_client(team.url, slug, secret)
        async with connected(team.url, auth) as client:
            me = await client.call_tool("user_current", {})
            assert not me.is_error, me.content[0].text
            result = await client.call_tool("timesheet", {"action": "create", "data": {
                "project": seed_data.scratch["id"], "activity": seed_data.chores["id"],
                "begin": "2026-11-30T09:00:00", "end": "2026-11-30T10:00:00", "description": description}})  # fmt: skip
            assert not result.is_error, result.content[0].text
            created[slug] = result.structured_content["id"]

    async with anyio.create_task_group() as group:
        group.start_soon(log_time, SLUG_A, SECRET_A, seed_data.name("admin via team"))
        group.start_soon(log_time, SLUG_B, SECRET_B, seed_data.name("user via team"))
    admin_sheet = admin_rest.get(f"/timesheets/{created[SLUG_A]}")
    user_sheet = admin_rest.get(f"/timesheets/{created[SLUG_B]}")
    assert admin_sheet["user"] == seed_data.admin["id"]
    assert user_sheet["user"] == seed_data.user["id"]
    for sheet_id in created.values():
        admin_rest.request("DELETE", f"/timesheets/{sheet_id}")


async def test_the_plain_user_does_not_reach_the_admins_records(team, seed_data):
    auth, _, _ = oauth_client(team.url, SLUG_B, SECRET_B)
    async with connected(team.url, auth) as client:
        listed = await client.call_tool("timesheet", {"action": "list", "user_scope": "all",
                                                      "filters": {"size": 100}})  # fmt: skip
        other = await client.call_tool("timesheet", {"action": "get", "id": seed_data.admin_sheets[0]["id"]})
    owners = [item.get("user") for item in listed.structured_content["items"]]
    users = {owner["id"] if isinstance(owner, dict) else owner for owner in owners}
    assert users
    assert users <= {seed_data.user["id"]}, users
    assert other.is_error


async def test_a_refused_token_names_the_users_file_entry_to_fix(team):
    """The real Kimai's 401 for a stale token: the answer names this user's entry, not the stdio variable."""
    auth, _, _ = oauth_client(team.url, STALE, SECRET_A)
    async with connected(team.url, auth) as client:
        result = await client.call_tool("user_current", {})
    text = result.content[0].text
    assert result.is_error and f"check kimai_token of user {STALE!r} in the team server's users" in text, text
    assert "KIMAI_API_TOKEN" not in text and "a-token-kimai-never-issued" not in text
