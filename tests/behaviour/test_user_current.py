"""user_current against a scripted Kimai answering with real Kimai 2.31 bodies of /api/users/me."""

import pytest

from tests.support.fake import FakeKimai, call_tool, json_response, recorded, text

pytestmark = pytest.mark.anyio

TEAM = {"id": 4, "name": "Developers", "color": "#1e90ff"}


def me(name: str, **changes) -> dict:
    return {**recorded(name)["response"]["json_body"], **changes}


async def ask(body: dict):
    return await call_tool(FakeKimai().on("GET", "/api/users/me", json_response(body)), "user_current", {})


async def test_teams_are_named_with_the_team_lead_role():
    body = me("006-get_me_user", teams=[TEAM], memberships=[{"team": TEAM, "teamlead": True}])
    result = await ask(body)
    assert not result.is_error, text(result)
    assert text(result).splitlines()[:2] == [
        "You are user admin (#1); roles: ROLE_SUPER_ADMIN.",
        "  teams: Developers (#4, team lead)",
    ]
    assert "#?" not in text(result)
    assert result.structured_content["memberships"] == [{"team": TEAM, "teamlead": True}]


async def test_a_plain_user_has_no_roles_beyond_role_user_and_preferences_show_their_values():
    result = await ask(me("011-get_me_user", memberships=[{"team": TEAM, "teamlead": False}]))
    lines = text(result).splitlines()
    assert lines[0] == "You are user Susan Example (#2); roles: none beyond ROLE_USER."
    assert "  teams: Developers (#4)" in lines
    assert "  alias: Susan Example" in lines and "  timezone: America/New_York" in lines
    assert "  preferences: first_weekday=monday" in lines  # favourite routes are UI state


async def test_typed_text_stays_on_its_line():
    result = await ask(me("011-get_me_user", alias="Susan\n#99 admin"))
    assert '  alias: "Susan\\n#99 admin"' in text(result).splitlines()
