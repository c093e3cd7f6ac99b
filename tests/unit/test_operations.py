"""The operation invoker: bodies through the generated form model, version refusals, Kimai's errors."""

import json

import httpx
import pytest

from kimai_tools.errors import ArgumentError, KimaiError, NotAvailable
from kimai_tools.operations import build_body, call, entry, typed
from kimai_tools.session import Session
from tests.conftest import settings_for
from tests.support.fake import FakeKimai, json_response, replay

pytestmark = pytest.mark.anyio


def test_obvious_spellings_are_converted_to_the_forms_types():
    fields = entry("POST /api/timesheets")["fields"]
    body = typed({"project": "5", "billable": "yes", "hourlyRate": "80.5", "description": 12}, fields, "data")
    assert body == {"project": 5, "billable": True, "hourlyRate": 80.5, "description": "12"}


@pytest.mark.parametrize(
    "field, value", [("project", "Website"), ("billable", "maybe"), ("project", True), ("tags", ["a"]), ("end", None)]
)
def test_wrong_types_are_refused_naming_the_field(field, value):
    with pytest.raises(ArgumentError, match=f"data.{field} must be"):
        typed({field: value}, entry("POST /api/timesheets")["fields"], "data")


def test_unknown_fields_are_refused_naming_the_valid_ones():
    with pytest.raises(ArgumentError, match=r"Unknown field\(s\) duration.*Valid fields: .*activity"):
        build_body(entry("POST /api/timesheets"), {"project": 1, "activity": 2, "duration": 60})


def test_create_without_required_fields_is_refused():
    with pytest.raises(ArgumentError, match="Missing required field.*customer"):
        build_body(entry("POST /api/projects"), {"name": "Website"})


def test_patch_sends_only_the_fields_given():
    body = build_body(entry("PATCH /api/projects/{id}"), {"name": "Website"})
    assert body.to_dict() == {"name": "Website"}


async def test_an_operation_newer_than_the_server_is_refused_without_a_request():
    kimai = FakeKimai(version="2.50.0")
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    with pytest.raises(NotAvailable, match="needs Kimai ≥ 2.57.0; this server runs 2.50.0"):
        await call(session, "GET /api/projects/{id}/comments", path={"id": 1})
    assert [r.url.path for r in kimai.requests] == ["/api/version"]


async def test_a_plugin_route_answering_404_means_the_plugin_is_missing():
    session = Session(settings_for("http://kimai.test"), transport=FakeKimai().transport)
    with pytest.raises(NotAvailable, match="WorkContract plugin is not installed"):
        await call(session, "GET /api/absences")


async def test_a_validation_error_becomes_field_messages():
    kimai = FakeKimai().on("POST", "/api/teams", replay("244-post_post_team"))
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    with pytest.raises(KimaiError, match="At least one team leader") as caught:
        await call(session, "POST /api/teams", body={"name": "Dev", "members": [{"user": 1, "teamlead": False}]})
    assert caught.value.status == 400


async def test_query_values_are_sent_in_kimais_names():
    kimai = FakeKimai().on("GET", "/api/timesheets", lambda r: json_response([]))
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    await call(session, "GET /api/timesheets", query={"orderBy": "begin", "projects[]": [1, 2], "exported": False})
    sent = kimai.sent("GET", "/api/timesheets")[0].url.params
    assert sent.get_list("projects[]") == ["1", "2"] and sent["orderBy"] == "begin"


async def test_unknown_query_names_are_refused():
    session = Session(settings_for("http://kimai.test"), transport=FakeKimai().transport)
    with pytest.raises(ArgumentError, match="Unknown filter 'colour'"):
        await call(session, "GET /api/projects", query={"colour": "red"})


async def test_responses_become_plain_dicts_equal_to_kimais_json():
    kimai = FakeKimai().on("GET", "/api/timesheets/{id}", replay("049-post_post_timesheet"))
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    reply = await call(session, "GET /api/timesheets/{id}", path={"id": 1})
    assert reply.data == json.loads(json.dumps(replay("049-post_post_timesheet").json()))


def test_network_errors_are_one_sentence():
    from kimai_tools.errors import network_error

    error = network_error(httpx.ConnectError("refused"), "https://kimai.example", 30)
    assert str(error).startswith("Cannot reach Kimai at https://kimai.example")
