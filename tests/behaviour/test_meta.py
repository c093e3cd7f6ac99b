"""meta against a scripted Kimai answering with real Kimai 2.31 bodies (a plain Kimai registers no meta fields)."""

import pytest

from tests.support.fake import FakeKimai, call_tool, json_response, replay, text

pytestmark = pytest.mark.anyio


async def call(kimai: FakeKimai, arguments: dict):
    return await call_tool(kimai, "meta", arguments)


def update(entity: str, entity_id: int, data: list) -> dict:
    return {"entity": entity, "entity_id": entity_id, "action": "update", "data": data}


async def test_a_404_says_the_field_is_most_likely_not_registered():
    kimai = FakeKimai().on("PATCH", "/api/timesheets/{id}/meta", replay("182-patch_app_api_timesheet_meta"))
    result = await call(kimai, update("timesheet", 1, [{"name": "location", "value": "Berlin"}]))
    assert result.is_error
    assert 'most likely no custom field "location" is registered for timesheets' in text(result)
    assert "a plain Kimai registers none" in text(result)


async def test_each_field_is_sent_alone_and_reported_alone():
    def answer(request):
        known = b'"location"' in request.content
        return replay("101-get_get_project") if known else replay("184-patch_app_api_project_meta")

    kimai = FakeKimai().on("PATCH", "/api/projects/{id}/meta", answer)
    data = [{"name": "location", "value": "Berlin"}, {"name": "cost_center", "value": 42}]
    result = await call(kimai, update("project", 1, data))
    assert not result.is_error, text(result)
    assert kimai.bodies("PATCH", "/api/projects/1/meta") == [
        {"name": "location", "value": "Berlin"},
        {"name": "cost_center", "value": "42"},
    ]
    lines = text(result).splitlines()
    assert lines[0] == "Custom fields of project 1: set 1 of 2."
    assert lines[1] == '  location = "Berlin": set'
    assert lines[2].startswith('  cost_center = "42": not set. Kimai answered 404: most likely no custom field')
    assert [f["ok"] for f in result.structured_content["fields"]] == [True, False]


async def test_values_become_the_strings_kimai_stores():
    kimai = FakeKimai().on("PATCH", "/api/activities/{id}/meta", replay("108-get_get_activity"))
    data = [{"name": "a", "value": True}, {"name": "b", "value": 1.5}, {"name": "c", "value": None}]
    result = await call(kimai, update("activity", 7, data))
    assert not result.is_error, text(result)
    assert [b["value"] for b in kimai.bodies("PATCH", "/api/activities/7/meta")] == ["1", "1.5", ""]


@pytest.mark.parametrize(
    "data, complaint",
    [
        ([], "update needs `data`"),
        ([{"value": "x"}], "needs a `name`"),
        ([{"name": "x"}], "needs a `value`"),
        ([{"name": "x", "value": 1, "type": "text"}], "Unknown key(s) type"),
        ([{"name": "x", "value": 1}, {"name": "x", "value": 2}], "given twice"),
        ([{"name": "x", "value": [1]}], "must be text, a number or true/false"),
    ],
)
async def test_malformed_data_is_refused_before_sending(data, complaint):
    kimai = FakeKimai()
    result = await call(kimai, update("customer", 1, data))
    assert result.is_error and complaint in text(result)
    assert kimai.sent("PATCH") == []


async def test_invoice_custom_fields_are_refused_on_kimai_older_than_2_56_without_sending():
    kimai = FakeKimai(version="2.50.0")
    result = await call(kimai, update("invoice", 3, [{"name": "po_number", "value": "PO-1"}]))
    assert result.is_error
    assert text(result).endswith("This needs Kimai ≥ 2.56.0; this server runs 2.50.0.")
    assert kimai.sent("PATCH") == []


async def test_invoice_custom_fields_go_to_kimai_in_one_request():
    kimai = FakeKimai().on("PATCH", "/api/invoices/{id}/custom-fields", replay("150-get_get_invoice"))
    data = [{"name": "po_number", "value": "PO-7781"}, {"name": "approved", "value": True}]
    result = await call(kimai, update("invoice", 1, data))
    assert not result.is_error, text(result)
    assert kimai.bodies("PATCH", "/api/invoices/1/custom-fields") == [
        [{"name": "po_number", "value": "PO-7781"}, {"name": "approved", "value": "1"}]
    ]
    assert text(result) == 'Custom fields of invoice 1: set 2: po_number = "PO-7781", approved = "1".'


async def test_unknown_invoice_custom_fields_get_the_same_hint():
    kimai = FakeKimai()  # unscripted: Kimai's 404
    result = await call(kimai, update("invoice", 1, [{"name": "po_number", "value": "PO-1"}]))
    assert result.is_error
    assert "No custom field set on invoice 1" in text(result) and "registered for invoices" in text(result)


async def test_kimai_unreachable_half_way_names_the_fields_already_set():
    import httpx

    calls = []

    def answer(request):
        calls.append(request)
        if len(calls) > 1:
            raise httpx.ConnectError("refused", request=request)
        return json_response({"id": 1})

    kimai = FakeKimai().on("PATCH", "/api/timesheets/{id}/meta", answer)
    fields = [{"name": "ticket", "value": "A-1"}, {"name": "cost", "value": "5"}]
    result = await call(kimai, {"entity": "timesheet", "entity_id": 1, "action": "update", "data": fields})
    assert result.is_error
    assert "stopped at field cost" in text(result) and "Already set before that: ticket" in text(result)
