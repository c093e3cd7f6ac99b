"""rate against a scripted Kimai answering with real Kimai 2.31 bodies."""

import pytest

from tests.support.fake import FakeKimai, call_tool, replay, text

pytestmark = pytest.mark.anyio


async def call(kimai: FakeKimai, arguments: dict):
    return await call_tool(kimai, "rate", arguments)


async def test_list_renders_one_line_per_rate():
    kimai = FakeKimai().on("GET", "/api/customers/{id}/rates", replay("153-get_get_customer_rates"))
    result = await call(kimai, {"entity": "customer", "entity_id": 1, "action": "list"})
    assert not result.is_error, text(result)
    assert text(result) == "1 rate of customer 1:\n#1 85.00/h (internal 60.00) for everyone"
    assert result.structured_content["rates"] == [{"id": 1, "rate": 85.0, "internal_rate": 60.0, "is_fixed": False}]


async def test_list_of_an_activity_uses_kimais_plural():
    kimai = FakeKimai().on("GET", "/api/activities/{id}/rates", replay("156-get_get_activity_rates"))
    result = await call(kimai, {"entity": "activity", "entity_id": 7, "action": "list"})
    assert not result.is_error, text(result)
    assert [r.url.path for r in kimai.sent("GET", r"/api/activities/.*")] == ["/api/activities/7/rates"]


async def test_add_maps_the_contracts_names_to_kimais_form():
    kimai = FakeKimai().on("POST", "/api/customers/{id}/rates", replay("043-post_post_customer_rate"))
    data = {"rate": 95.5, "internal_rate": 50, "is_fixed": False, "user": 2}
    result = await call(kimai, {"entity": "customer", "entity_id": 2, "action": "add", "data": data})
    assert not result.is_error, text(result)
    assert kimai.bodies("POST", "/api/customers/2/rates") == [
        {"user": 2, "rate": 95.5, "internalRate": 50.0, "isFixed": False}
    ]
    assert text(result) == "Added rate to customer 2: #2 95.50/h (internal 50.00) for Susan Example (#2)"
    assert result.structured_content["rate"]["user"] == {"id": 2, "name": "Susan Example"}


async def test_add_accepts_kimais_own_field_names():
    kimai = FakeKimai().on("POST", "/api/projects/{id}/rates", replay("044-post_post_project_rate"))
    data = {"rate": 120, "internalRate": 80, "isFixed": True}
    result = await call(kimai, {"entity": "project", "entity_id": 1, "action": "add", "data": data})
    assert not result.is_error, text(result)
    assert kimai.bodies("POST", "/api/projects/1/rates") == [{"rate": 120.0, "internalRate": 80.0, "isFixed": True}]


async def test_a_fixed_rate_is_shown_per_entry_not_per_hour():
    fixed = {"id": 9, "user": None, "rate": 500.0, "internalRate": None, "isFixed": True}
    kimai = FakeKimai().on("GET", "/api/projects/{id}/rates", [fixed])
    result = await call(kimai, {"entity": "project", "entity_id": 1, "action": "list"})
    assert text(result).splitlines()[1] == "#9 500.00 for everyone | fixed"


async def test_add_refuses_unknown_fields_naming_the_valid_ones_and_sends_nothing():
    kimai = FakeKimai()
    data = {"rate": 10, "hourly": 5}
    result = await call(kimai, {"entity": "customer", "entity_id": 1, "action": "add", "data": data})
    assert result.is_error
    assert "hourly" in text(result) and "internal_rate, is_fixed, user" in text(result)
    assert kimai.sent("POST") == []


async def test_add_without_rate_is_refused():
    kimai = FakeKimai()
    result = await call(kimai, {"entity": "customer", "entity_id": 1, "action": "add", "data": {"internal_rate": 5}})
    assert result.is_error and "data.rate" in text(result)
    assert kimai.sent("POST") == []


async def test_a_second_rate_for_the_same_user_says_to_delete_the_first():
    kimai = FakeKimai().on("POST", "/api/customers/{id}/rates", replay("249-post_post_customer_rate"))
    result = await call(kimai, {"entity": "customer", "entity_id": 1, "action": "add", "data": {"rate": 5}})
    assert result.is_error
    assert "user: This value is already used" in text(result)
    assert "already has a rate for everyone: delete it first" in text(result)


async def test_delete_addresses_the_rate_of_the_entity():
    kimai = FakeKimai().on("DELETE", "/api/customers/{id}/rates/{rate}", replay("158-delete_delete_customer_rate"))
    result = await call(kimai, {"entity": "customer", "entity_id": 2, "action": "delete", "rate_id": 2})
    assert not result.is_error, text(result)
    assert text(result) == "Deleted rate #2 of customer 2."
    assert [r.url.path for r in kimai.sent("DELETE")] == ["/api/customers/2/rates/2"]


async def test_delete_of_an_unknown_rate_reports_kimais_404():
    kimai = FakeKimai().on("DELETE", "/api/customers/{id}/rates/{rate}", replay("161-delete_delete_customer_rate"))
    result = await call(kimai, {"entity": "customer", "entity_id": 2, "action": "delete", "rate_id": 99999})
    assert result.is_error and "404" in text(result) and "No such record" in text(result)


async def test_delete_without_rate_id_is_refused():
    kimai = FakeKimai()
    result = await call(kimai, {"entity": "customer", "entity_id": 2, "action": "delete"})
    assert result.is_error and "rate_id" in text(result)
    assert kimai.sent("DELETE") == []
