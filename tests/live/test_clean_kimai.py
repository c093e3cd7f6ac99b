"""A Kimai with only its two users (kimai-server reset): what the tools answer when there is nothing yet.

These run last (see conftest): any test after them gets a new seed.
"""

import pytest

from tests.support.live import text

pytestmark = pytest.mark.anyio

EMPTY = [
    ("entity", {"type": "customer", "action": "list"}, "/customers"),
    ("entity", {"type": "project", "action": "list"}, "/projects"),
    ("entity", {"type": "activity", "action": "list"}, "/activities"),
    ("entity", {"type": "team", "action": "list"}, "/teams"),
    ("entity", {"type": "invoice", "action": "list"}, "/invoices"),
    ("timesheet", {"action": "list", "filters": {"user_scope": "all"}}, "/timesheets"),
    ("timer", {"action": "active"}, "/timesheets/active"),
    ("timer", {"action": "recent"}, "/timesheets/recent"),
]


async def test_a_clean_kimai_has_nothing_and_says_so(clean_kimai, admin, admin_rest):
    for tool, arguments, path in EMPTY:
        assert admin_rest.get(path) == [], f"{path} of a reset Kimai is not empty"
        result = await admin.call_tool(tool, arguments)
        assert not result.is_error, f"{tool} {arguments}: {text(result)}"
        assert (result.structured_content or {}).get("total", 0) == 0, (tool, arguments, result.structured_content)
        assert text(result).startswith("No "), f"{tool} {arguments}: {text(result)}"

    users = await admin.call_tool("entity", {"type": "user", "action": "list"})
    assert sorted(u["username"] for u in users.structured_content["items"]) == ["admin", "plainuser"]
    stats = await admin.call_tool("timesheet", {"action": "list", "filters": {"calculate_stats": True}})
    assert not stats.is_error and stats.structured_content["totals"]["entries"] == 0, text(stats)
