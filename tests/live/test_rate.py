"""rate against the real Kimai 2.31: rates of customers, projects and activities, judged by what Kimai holds."""

import pytest

from tests.support.live import refused_by_kimai_permission, text

pytestmark = pytest.mark.anyio

PLURAL = {"customer": "customers", "project": "projects", "activity": "activities"}


@pytest.fixture
def owner(admin_rest, seed_data, request):
    """A fresh record of the entity type under test, so its rates start empty."""
    entity = request.param
    name = seed_data.name(entity)
    body = {
        "customer": {"name": name, "country": "DE", "currency": "EUR", "timezone": "UTC", "visible": True},
        "project": {"name": name, "customer": seed_data.customer["id"], "visible": True},
        "activity": {"name": name, "project": seed_data.scratch["id"], "visible": True},
    }[entity]
    return entity, admin_rest.post(f"/{PLURAL[entity]}", body)


@pytest.mark.parametrize("owner", ["customer", "project", "activity"], indirect=True)
async def test_add_list_delete(admin, admin_rest, seed_data, owner):
    entity, record = owner
    path = f"/{PLURAL[entity]}/{record['id']}/rates"
    add = {"entity": entity, "entity_id": record["id"], "action": "add"}
    everyone = await admin.call_tool("rate", {**add, "data": {"rate": 85, "internal_rate": 60}})
    fixed = await admin.call_tool(
        "rate", {**add, "data": {"rate": 120, "is_fixed": True, "user": seed_data.user["id"]}}
    )
    assert not everyone.is_error, text(everyone)
    assert not fixed.is_error, text(fixed)
    stored = {r["id"]: r for r in admin_rest.get(path)}
    first, second = everyone.structured_content["rate"]["id"], fixed.structured_content["rate"]["id"]
    assert (stored[first]["rate"], stored[first]["internalRate"], stored[first]["isFixed"]) == (85, 60, False)
    assert (stored[second]["rate"], stored[second]["isFixed"], stored[second]["user"]["id"]) == (
        120, True, seed_data.user["id"])  # fmt: skip

    listed = await admin.call_tool("rate", {"entity": entity, "entity_id": record["id"], "action": "list"})
    assert {r["id"] for r in listed.structured_content["rates"]} == set(stored)

    deleted = await admin.call_tool("rate", {"entity": entity, "entity_id": record["id"], "action": "delete",
                                             "rate_id": first})  # fmt: skip
    assert not deleted.is_error, text(deleted)
    assert [r["id"] for r in admin_rest.get(path)] == [second]


@pytest.mark.parametrize("owner", ["customer"], indirect=True)
async def test_a_second_rate_for_everyone_is_refused_saying_what_to_do(admin, admin_rest, owner):
    entity, record = owner
    arguments = {"entity": entity, "entity_id": record["id"], "action": "add", "data": {"rate": 85}}
    assert not (await admin.call_tool("rate", arguments)).is_error
    again = await admin.call_tool("rate", {**arguments, "data": {"rate": 90}})

    assert again.is_error and "delete it first" in text(again), text(again)
    assert [r["rate"] for r in admin_rest.get(f"/customers/{record['id']}/rates")] == [85]


async def test_a_plain_user_may_neither_read_nor_add_rates(user, admin_rest, seed_data):
    customer = seed_data.customer["id"]
    before = admin_rest.get(f"/customers/{customer}/rates")
    listed = await user.call_tool("rate", {"entity": "customer", "entity_id": customer, "action": "list"})
    added = await user.call_tool("rate", {"entity": "customer", "entity_id": customer, "action": "add",
                                          "data": {"rate": 1}})  # fmt: skip

    assert refused_by_kimai_permission(listed, "GET /api/customers/{id}/rates"), text(listed)
    assert refused_by_kimai_permission(added, "POST /api/customers/{id}/rates"), text(added)
    assert admin_rest.get(f"/customers/{customer}/rates") == before
