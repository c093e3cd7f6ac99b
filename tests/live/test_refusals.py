"""What Kimai 2.31 lacks, against the real Kimai: each action says why it cannot work, and nothing changes.

No plugins are installed (WorkContract: absences, public holidays, month locks), comments need Kimai ≥ 2.57,
favourites ≥ 2.66, invoice delete ≥ 2.66 and update ≥ 2.68, user preferences ≥ 2.40.
"""

import pytest

from tests.support.live import text

pytestmark = pytest.mark.anyio

NO_PLUGIN = "The WorkContract plugin is not installed"

WORK_CONTRACT = [
    ("absence", {"action": "list"}),
    ("absence", {"action": "statistics"}),
    ("absence", {"action": "types"}),
    ("absence", {"action": "create", "data": {"date": "2024-02-15", "end": "2024-02-16", "type": "holiday"}}),
    ("absence", {"action": "delete", "id": 1}),
    ("absence", {"action": "approve", "id": 1}),
    ("absence", {"action": "reject", "id": 1}),
    ("absence", {"action": "request", "id": 1}),
    ("absence", {"action": "attendance", "date": "2024-02-15"}),
    ("absence", {"action": "batch_delete", "ids": [1, 2]}),
    ("absence", {"action": "batch_approve", "ids": [1]}),
    ("absence", {"action": "batch_reject", "ids": [1]}),
    ("calendar", {"type": "absences"}),
    ("calendar", {"type": "holidays", "filters": {"begin": "2024-01-01", "end": "2024-12-31"}}),
    ("entity", {"type": "holiday", "action": "list"}),
    ("entity", {"type": "holiday", "action": "delete", "id": 1}),
    ("entity", {"type": "holiday", "action": "batch_delete", "ids": [1]}),
    ("entity", {"type": "user", "action": "lock_month", "month": "2024-01-01", "user_scope": "self"}),
    ("entity", {"type": "user", "action": "unlock_month", "month": "2024-01-01", "user_scope": "self"}),
]


def named(cases):
    return [f"{tool} {' '.join(str(v) for k, v in args.items() if k in ('action', 'type'))}" for tool, args in cases]


@pytest.mark.parametrize(("tool", "arguments"), WORK_CONTRACT, ids=named(WORK_CONTRACT))
async def test_the_work_contract_plugin_is_named(role, tool, arguments):
    result = await role.client.call_tool(tool, arguments)

    assert result.is_error and NO_PLUGIN in text(result), text(result)


COMMENTS = [
    ("list", {}),
    ("create", {"data": {"message": "Billing contact changed", "pinned": True}}),
    ("delete", {"comment_id": 1}),
    ("pin", {"comment_id": 1}),
]


@pytest.mark.parametrize("entity", ["project", "customer"])
@pytest.mark.parametrize(("action", "extra"), COMMENTS, ids=[c[0] for c in COMMENTS])
async def test_comments_need_kimai_2_57(role, seed_data, entity, action, extra):
    record = seed_data.project if entity == "project" else seed_data.customer
    arguments = {"entity": entity, "entity_id": record["id"], "action": action, **extra}
    result = await role.client.call_tool("comment", arguments)

    assert result.is_error and "Kimai ≥ 2.57" in text(result), text(result)


@pytest.mark.parametrize("action", ["favorites", "favorite", "unfavorite"])
async def test_favourites_need_kimai_2_66(role, seed_data, action):
    sheet = seed_data.admin_sheets[0] if role.name == "admin" else seed_data.user_sheets[0]
    arguments = {"action": action} if action == "favorites" else {"action": action, "id": sheet["id"]}
    result = await role.client.call_tool("timer", arguments)

    assert result.is_error and "Kimai ≥ 2.66" in text(result), text(result)


@pytest.mark.parametrize(
    ("arguments", "needs"),
    [
        ({"action": "update", "data": {"status": "paid"}}, "Kimai ≥ 2.68"),
        ({"action": "delete"}, "Kimai ≥ 2.66"),
        ({"action": "batch_delete"}, "Kimai ≥ 2.66"),
    ],
    ids=["update", "delete", "batch_delete"],
)
async def test_invoices_are_only_read_on_2_31(admin, admin_rest, invoice, arguments, needs):
    call = {"type": "invoice", **arguments}
    call |= {"ids": [invoice["id"]]} if arguments["action"] == "batch_delete" else {"id": invoice["id"]}
    result = await admin.call_tool("entity", call)

    assert result.is_error and needs in text(result), text(result)
    assert admin_rest.get(f"/invoices/{invoice['id']}")["status"] == invoice["status"]


async def test_user_preferences_need_kimai_2_40(admin, admin_rest, seed_data):
    before = admin_rest.get(f"/users/{seed_data.user['id']}")["preferences"]
    arguments = {"type": "user", "action": "set_preferences", "id": seed_data.user["id"],
                 "preferences": [{"name": "hourly_rate", "value": "95"}]}  # fmt: skip
    result = await admin.call_tool("entity", arguments)

    assert result.is_error and "Kimai ≥ 2.40" in text(result), text(result)
    assert admin_rest.get(f"/users/{seed_data.user['id']}")["preferences"] == before


async def test_meta_of_an_invoice_needs_kimai_2_56(admin, invoice):
    arguments = {"entity": "invoice", "entity_id": invoice["id"], "action": "update",
                 "data": [{"name": "po", "value": "4711"}]}  # fmt: skip
    result = await admin.call_tool("meta", arguments)

    assert result.is_error and "Kimai ≥ 2.56" in text(result), text(result)


@pytest.mark.parametrize("entity", ["project", "customer", "activity"])
async def test_meta_says_kimai_has_no_such_custom_field(admin, seed_data, entity):
    record = {"project": seed_data.project, "customer": seed_data.customer, "activity": seed_data.activity}[entity]
    arguments = {"entity": entity, "entity_id": record["id"], "action": "update",
                 "data": [{"name": "location", "value": "Berlin"}]}  # fmt: skip
    result = await admin.call_tool("meta", arguments)

    assert result.is_error, text(result)
    assert 'no custom field "location" is registered' in text(result) and "itself exists" in text(result)
