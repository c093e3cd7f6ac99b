"""entity against a Prism mock of Kimai's document (2.64 with the WorkContract paths): every request conforms."""

import pytest

pytestmark = pytest.mark.anyio


async def call(mcp, **arguments):
    result = await mcp.call_tool("entity", arguments)
    assert not result.is_error, result.content[0].text
    return result


LISTS = [
    ("project", {"customers": [1, 2], "visible": "both", "begin": "2026-01-01", "end": "2026-12-31",
                 "globalActivities": True, "ignoreDates": True, "order": "desc", "orderBy": "customer", "term": "Web"}),
    ("project", {"customer": 1, "visible": False}),
    ("activity", {"project": 3, "projects": [1, 4], "globals": False, "visible": 3, "term": "Dev", "order": "ASC",
                  "orderBy": "project"}),
    ("customer", {"visible": True, "term": "Acme", "order": "ASC", "orderBy": "name", "full": True}),
    ("user", {"visible": "both", "term": "tom", "orderBy": "username", "order": "DESC", "full": True}),
    ("team", None),
    ("tag", {"name": "re"}),
    ("invoice", {"begin": "2026-09-25", "end": "2026-11-25T12:00:00", "customers": [1], "status": ["new", "paid"],
                 "page": 1, "size": 10}),
    ("holiday", {"begin": "2026-01-01", "end": "2026-12-31", "group": 1}),
]  # fmt: skip


@pytest.mark.parametrize(("type", "filters"), LISTS)
async def test_list_sends_a_valid_query(mcp, type, filters):
    result = await call(mcp, type=type, action="list", filters=filters)
    assert "items" in result.structured_content or result.structured_content["total"] == 0
    assert result.content[0].text.split(" ", 1)[0].isdigit() or result.content[0].text.startswith("No ")


@pytest.mark.parametrize("type", ["project", "activity", "customer", "user", "team", "invoice"])
async def test_get_reads_one_record(mcp, type):
    result = await call(mcp, type=type, action="get", id=1)
    assert result.content[0].text.startswith(type.capitalize())


CREATES = [
    ("project", {"name": "Website Relaunch", "customer": 1, "number": "P-100", "orderNumber": "PO-7781",
                 "orderDate": "2026-07-27", "start": "2026-08-26", "end": "2027-01-23", "comment": "Fixed budget",
                 "budget": 25000, "timeBudget": 100, "globalActivities": True, "visible": True, "billable": True}),
    ("activity", {"name": "UX Design", "project": 1, "number": "A-05", "visible": True, "billable": True}),
    ("customer", {"name": "Acme GmbH", "number": "C-0001", "country": "DE", "currency": "EUR", "language": "de",
                  "timezone": "Europe/Berlin", "addressLine1": "Hauptstr. 1", "city": "Berlin", "visible": True,
                  "billable": True}),
    ("user", {"username": "susan", "alias": "Susan Example", "email": "susan@example.com", "language": "en",
              "locale": "en_US", "timezone": "America/New_York", "plainPassword": "SusanPassw0rd!",
              "roles": ["ROLE_TEAMLEAD"], "enabled": True}),
    ("team", {"name": "Development Team", "color": "#3498db"}),
    ("team", {"name": "Developers", "members": [{"user": 3, "teamlead": True}, 2]}),
    ("tag", {"name": "remote", "color": "#008000", "visible": True}),
]  # fmt: skip


@pytest.mark.parametrize(("type", "data"), CREATES)
async def test_create_sends_a_valid_body(mcp, type, data):
    result = await call(mcp, type=type, action="create", data=data)
    assert result.content[0].text.startswith("Created ")


UPDATES = [
    ("project", {"end": "2027-01-08", "budget": 9999.99, "comment": "Extended"}),
    ("activity", {"name": "UX & UI Design", "visible": False}),
    ("customer", {"vatId": "DE123456789", "email": "billing@acme.example"}),
    ("user", {"enabled": False}),
    ("team", {"name": "Developers", "members": [{"user": 3, "teamlead": True}, {"user": 2, "teamlead": False}]}),
]


@pytest.mark.parametrize(("type", "data"), UPDATES)
async def test_update_sends_a_valid_body(mcp, type, data):
    result = await call(mcp, type=type, action="update", id=4, data=data)
    assert result.content[0].text.startswith("Updated ")


@pytest.mark.parametrize("type", ["project", "activity", "customer", "team", "tag", "holiday"])
async def test_delete_sends_one_delete(mcp, type):
    result = await call(mcp, type=type, action="delete", id=5)
    assert result.structured_content == {"type": type, "id": 5, "deleted": True}


@pytest.mark.parametrize("type", ["project", "tag", "holiday"])
@pytest.mark.parametrize("dry_run", [False, True])
async def test_batch_delete(mcp, type, dry_run):
    result = await call(mcp, type=type, action="batch_delete", ids=[3, 4, 3], dry_run=dry_run)
    assert result.structured_content["total"] == 2 and result.structured_content["failed"] == 0


@pytest.mark.parametrize(
    ("action", "data"), [("update", {"status": "paid", "paymentDate": "2026-11-30"}), ("delete", None)]
)
async def test_invoice_writes_name_the_kimai_version_they_need(mcp, action, data):
    result = await mcp.call_tool("entity", {"type": "invoice", "action": action, "id": 1, "data": data})
    assert result.is_error
    assert "needs Kimai ≥ 2.6" in result.content[0].text and "this server runs 2.64.0" in result.content[0].text


@pytest.mark.parametrize("action", ["lock_month", "unlock_month"])
async def test_month_locks_for_given_users(mcp, action):
    result = await call(mcp, type="user", action=action, month="2026-03", ids=[2, 3])
    assert result.structured_content["succeeded"] == 2
    assert result.structured_content["month"] == "2026-03-01"


async def test_lock_month_for_all_users_lists_them_first(mcp):
    result = await mcp.call_tool("entity", {"type": "user", "action": "lock_month", "month": "2026-03-01",
                                            "user_scope": "all"})  # fmt: skip
    assert not result.is_error, result.content[0].text


async def test_set_preferences_sends_name_value_pairs(mcp):
    preferences = [{"name": "hourly_rate", "value": 75}, {"name": "work_monday", "value": "28800"}]
    result = await call(mcp, type="user", action="set_preferences", id=2, preferences=preferences)
    assert result.content[0].text.startswith("Set 2 preference(s) of user")
