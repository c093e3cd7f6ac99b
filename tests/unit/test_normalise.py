"""One test per normalisation rule, plus merging and determinism."""

import copy
import json
import re

import pytest

from scripts import normalise as n
from scripts.overlay import OverlayError, load_overlay, merge_overlay
from tests.support.paths import ROOT, SPECS

NEWEST = "kimai-2.63-2.64-with-approval-plugin.json"


@pytest.fixture(scope="module")
def newest():
    return json.loads((SPECS / NEWEST).read_text())


def test_empty_array_items_get_a_string_schema_with_the_arrays_pattern(newest):
    doc = copy.deepcopy(newest)
    n.empty_array_items(doc)
    users = next(p for p in doc["paths"]["/api/timesheets"]["get"]["parameters"] if p["name"] == "users[]")
    assert users["schema"]["items"] == {"type": "string", "pattern": r"\d+"}
    assert "pattern" not in {k for k in users["schema"] if k != "items"}


def test_empty_schema_of_ping_becomes_an_object(newest):
    doc = copy.deepcopy(newest)
    assert doc["paths"]["/api/ping"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == []
    n.empty_schema(doc)
    assert doc["paths"]["/api/ping"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["type"] == (
        "object"
    )


def test_null_defaults_are_dropped(newest):
    doc = copy.deepcopy(newest)
    n.null_defaults(doc)
    params = [p for _, _, op in n.operations(doc) for p in op.get("parameters", [])]
    assert all(p.get("schema", {}).get("default", 0) is not None for p in params)


def test_unused_plugin_paths_are_dropped(newest):
    doc = copy.deepcopy(newest)
    n.drop_unused_plugin_paths(doc)
    assert not [p for p in doc["paths"] if p.startswith("/api/approval-bundle/")]
    assert "/api/timesheets" in doc["paths"]


def test_actions_answer_a_list_of_page_actions(newest):
    doc = copy.deepcopy(newest)
    n.actions_are_lists(doc)
    schema = doc["paths"]["/api/actions/timesheet/{id}/{view}/{locale}"]["get"]["responses"]["200"]["content"]
    assert schema["application/json"]["schema"] == {"type": "array", "items": {"$ref": n.REF + "PageAction"}}


def test_user_create_answers_the_user_entity(newest):
    doc = copy.deepcopy(newest)
    n.user_create_answers_user(doc)
    content = doc["paths"]["/api/users"]["post"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("/UserEntity")


def test_tolerant_responses_make_fields_optional_nullable_and_dates_plain_strings(newest):
    doc = copy.deepcopy(newest)
    n.tolerant_responses(doc)
    schemas = doc["components"]["schemas"]
    assert "required" not in schemas["User"]
    assert schemas["UserEntity"]["properties"]["supervisor"] == {"nullable": True, "allOf": [{"$ref": n.REF + "User"}]}
    begin = schemas["TimesheetEntity"]["properties"]["begin"]
    assert begin["type"] == "string" and begin["nullable"] is True and "format" not in begin
    # request forms keep their types and formats
    assert schemas["TimesheetEditForm"]["properties"]["begin"]["format"] == "date-time"


def test_partial_forms_require_nothing_because_patch_sends_only_changes(newest):
    doc = copy.deepcopy(newest)
    n.partial_forms(doc)
    assert "required" not in doc["components"]["schemas"]["ProjectEditForm"]
    meta = doc["paths"]["/api/timesheets/{id}/meta"]["patch"]["requestBody"]["content"]["application/json"]["schema"]
    assert "required" not in meta


def test_local_request_dates_take_kimais_offsetless_local_times(newest):
    doc = copy.deepcopy(newest)
    n.local_request_dates(doc)
    schemas = doc["components"]["schemas"]
    begin = schemas["TimesheetEditForm"]["properties"]["begin"]
    assert "format" not in begin and re.match(begin["pattern"], "2024-08-03T09:00:00")
    start = schemas["ProjectEditForm"]["properties"]["start"]["pattern"]
    assert re.match(start, "2026-08-26") and re.match(start, "2026-08-26T00:00:00")
    assert not re.match(start, "26.08.2026")


def test_version_example_is_the_pinned_version(newest):
    doc = copy.deepcopy(newest)
    n.version_example(doc, "2.64.0")
    assert doc["components"]["schemas"]["Version"]["example"]["version"] == "2.64.0"
    assert doc["components"]["schemas"]["Version"]["example"]["versionId"] == 26400


def test_normalise_does_not_touch_its_input(newest):
    before = json.dumps(newest, sort_keys=True)
    n.normalise(newest)
    assert json.dumps(newest, sort_keys=True) == before


def test_workcontract_overlay_brings_its_paths_without_clobbering_the_base_user(newest):
    doc = copy.deepcopy(newest)
    merge_overlay(doc, load_overlay(ROOT / "openapi/overlays/workcontract.json"), SPECS)
    assert "/api/absences" in doc["paths"]
    assert doc["paths"]["/api/absences"]["post"]["x-plugin"] == "WorkContract"
    schemas = doc["components"]["schemas"]
    assert schemas["User"] == newest["components"]["schemas"]["User"]
    assert schemas["Absence2"]["properties"]["user"]["$ref"] == n.REF + "WorkContractUser"


def test_overlay_into_its_own_source_marks_the_plugin_paths(newest):
    source = json.loads((SPECS / "kimai-2.36-2.39-with-workcontract-plugin.json").read_text())
    merged = n.merge_overlays(source, [load_overlay(ROOT / "openapi/overlays/workcontract.json")], SPECS)
    assert merged["paths"]["/api/absences"]["get"]["x-plugin"] == "WorkContract"
    assert "WorkContractUser" not in merged["components"]["schemas"]


def test_overlay_refuses_to_replace_a_base_operation(newest):
    doc = copy.deepcopy(newest)
    overlay = {"name": "bad", "paths": {"/api/timesheets": {"get": {"responses": {}}}}}
    with pytest.raises(OverlayError, match="exists in the base"):
        merge_overlay(doc, overlay)


def test_overlay_refuses_unknown_schema_refs(newest):
    doc = copy.deepcopy(newest)
    overlay = {"name": "bad", "paths": {"/api/x": {"get": {"responses": {"200": {"$ref": n.REF + "Nope"}}}}}}
    with pytest.raises(OverlayError, match="unknown schemas"):
        merge_overlay(doc, overlay)


def test_overlay_refuses_a_duplicate_operation_id(newest):
    doc = copy.deepcopy(newest)
    overlay = {"name": "bad", "paths": {"/api/x": {"get": {"operationId": "get_timesheets", "responses": {}}}}}
    with pytest.raises(OverlayError, match="operationId get_timesheets"):
        merge_overlay(doc, overlay)


def test_timesheet_begin_is_not_required_because_kimai_defaults_it_to_now():
    doc = json.loads((SPECS / "kimai-2.31.0-live.json").read_text())
    assert "begin" in doc["components"]["schemas"]["TimesheetEditForm"]["required"]
    fixed = n.correct(doc)
    assert fixed["components"]["schemas"]["TimesheetEditForm"]["required"] == ["project", "activity"]
    assert "begin" in doc["components"]["schemas"]["TimesheetEditForm"]["required"]  # the input is left alone


def test_the_time_kimai_served_its_document_is_no_example():
    doc = json.loads((SPECS / "kimai-2.31.0-live.json").read_text())
    properties = doc["components"]["schemas"]["TimesheetEditForm"]["properties"]
    assert properties["begin"]["example"].startswith("2026-11-24T")  # the day it was fetched
    normalise_ = n.normalise(doc)["components"]["schemas"]["TimesheetEditForm"]["properties"]
    assert "example" not in normalise_["begin"] and "example" not in normalise_["end"]


def test_a_new_user_needs_no_language_locale_or_timezone_because_kimai_presets_them():
    doc = json.loads((SPECS / "kimai-2.31.0-live.json").read_text())
    assert {"language", "locale", "timezone"} <= set(doc["components"]["schemas"]["UserCreateForm"]["required"])
    fixed = n.correct(doc)["components"]["schemas"]["UserCreateForm"]["required"]
    assert fixed == ["username", "email", "plainPassword"]
