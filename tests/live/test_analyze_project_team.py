"""analyze_project_team against the real Kimai 2.31: hours per user and activity equal Kimai's own records."""

import pytest

from tests.support.live import text

pytestmark = pytest.mark.anyio

PERIOD = {"begin": "2024-01-01", "end": "2024-12-31"}


def hours(records: list[dict], **match) -> float:
    chosen = [r for r in records if all(r[k] == v for k, v in match.items())]
    return round(sum(r["duration"] for r in chosen) / 3600, 2)


def website(rest, seed, **query) -> list[dict]:
    return rest.get("/timesheets", project=seed.project["id"], begin="2024-01-01T00:00:00",
                    end="2024-12-31T23:59:59", size=500, **query)  # fmt: skip


async def test_all_users_by_user_and_activity(admin, admin_rest, seed_data):
    records = website(admin_rest, seed_data, user="all")
    result = await admin.call_tool("analyze_project_team", {"project_id": seed_data.project["id"], **PERIOD})

    assert not result.is_error, text(result)
    data = result.structured_content
    assert data["totals"]["hours"] == hours(records) and data["totals"]["entries"] == len(records)
    assert {row["id"]: row["hours"] for row in data["by_user"]} == {
        seed_data.admin["id"]: hours(records, user=seed_data.admin["id"]),
        seed_data.user["id"]: hours(records, user=seed_data.user["id"]),
    }
    assert {row["id"]: row["hours"] for row in data["by_activity"]} == {
        a: hours(records, activity=a) for a in {r["activity"] for r in records}
    }


async def test_team_scope_and_a_name(admin, admin_rest, seed_data):
    records = website(admin_rest, seed_data, user="all")
    arguments = {"project_name": seed_data.project["name"], "user_scope": "team", "team": seed_data.team["id"]}
    result = await admin.call_tool("analyze_project_team", {**arguments, **PERIOD})

    assert not result.is_error, text(result)
    assert result.structured_content["project"]["id"] == seed_data.project["id"]
    assert result.structured_content["totals"]["hours"] == hours(records)


async def test_a_name_several_projects_share_lists_them(admin, admin_rest, seed_data):
    result = await admin.call_tool("analyze_project_team", {"project_name": seed_data.tag, **PERIOD})

    assert not result.is_error, text(result)
    candidates = {c["id"] for c in result.structured_content["candidates"]}
    assert {seed_data.project["id"], seed_data.mobile["id"]} <= candidates


async def test_one_user(admin, admin_rest, seed_data):
    records = website(admin_rest, seed_data, user=seed_data.user["id"])
    arguments = {"project_id": seed_data.project["id"], "user_scope": "specific", "user": seed_data.user["id"]}
    result = await admin.call_tool("analyze_project_team", {**arguments, **PERIOD})

    assert not result.is_error, text(result)
    assert [row["id"] for row in result.structured_content["by_user"]] == [seed_data.user["id"]]
    assert result.structured_content["totals"]["hours"] == hours(records)


@pytest.mark.parametrize("how", ["project_id", "project_name"])
async def test_a_plain_user_analyses_their_own_records(user, user_rest, seed_data, how):
    """Kimai lets a plain user list the projects of their team but not read one by id (403)."""
    project = seed_data.project["id"] if how == "project_id" else seed_data.project["name"]
    result = await user.call_tool("analyze_project_team", {how: project, **PERIOD})

    assert not result.is_error, text(result)
    records = website(user_rest, seed_data)
    assert [row["id"] for row in result.structured_content["by_user"]] == [seed_data.user["id"]]
    assert result.structured_content["totals"]["hours"] == hours(records)
    assert "only their own records" in result.structured_content["note"], text(result)
