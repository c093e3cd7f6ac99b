"""config and user_current against the real Kimai 2.31: the answers hold what Kimai's API says."""

import pytest

from tests.support.live import text

pytestmark = pytest.mark.anyio

READS = {"timesheet": "/config/timesheet", "colors": "/config/colors", "plugins": "/plugins", "version": "/version"}


@pytest.mark.parametrize("part", list(READS))
async def test_each_part_is_kimais_own(admin, admin_rest, part):
    result = await admin.call_tool("config", {"type": part})

    assert not result.is_error, text(result)
    kimai = admin_rest.get(READS[part])
    data = result.structured_content[part]
    if part == "version":
        assert (data["version"], data["versionId"]) == (kimai["version"], kimai["versionId"]) == ("2.31.0", 23100)
        assert "2.31" in data["client"]
    else:
        assert data == kimai
    assert text(result).startswith(f"{part}: "), text(result)


async def test_no_plugins_is_said_plainly(admin, user):
    """Kimai 2.31 of the fixture has no plugins: an empty list is an answer too."""
    for client in (admin, user):
        result = await client.call_tool("config", {"type": "plugins"})
        assert not result.is_error, text(result)
        assert result.structured_content["plugins"] == []
        assert text(result).splitlines()[0] == "plugins: none installed"


async def test_all_parts_for_either_role(role, admin_rest):
    result = await role.client.call_tool("config", {"type": "all"})

    assert not result.is_error, text(result)
    assert set(result.structured_content) >= set(READS)
    assert [line.split(":")[0] for line in text(result).splitlines()[:4]] == list(READS)
    assert result.structured_content["timesheet"] == admin_rest.get("/config/timesheet")


async def test_user_current_is_the_tokens_user(role):
    result = await role.client.call_tool("user_current", {})

    assert not result.is_error, text(result)
    me = role.rest.get("/users/me")
    data = result.structured_content
    assert (data["id"], data["username"]) == (me["id"], me["username"])
    assert data.get("roles", []) == me["roles"]
    assert me["username"] in text(result)


async def test_user_current_names_the_teams(admin, user, seed_data):
    as_user = await user.call_tool("user_current", {})
    as_admin = await admin.call_tool("user_current", {})

    team = f"{seed_data.team['name']} (#{seed_data.team['id']}"
    assert f"{team})" in text(as_user) and f"{team}, team lead)" in text(as_admin), text(as_admin)
    assert "#?" not in text(as_user) + text(as_admin)
