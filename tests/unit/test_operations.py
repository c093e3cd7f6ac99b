"""The operation invoker: bodies through the generated form model, version refusals, Kimai's errors."""

import json

import httpx
import pytest

from kimai_tools.kimai.errors import InvalidRequest, KimaiError, NotAvailable
from kimai_tools.kimai.operations import build_body, call, entry, form_for, typed
from kimai_tools.kimai.session import Session
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
    with pytest.raises(InvalidRequest, match=f"data.{field} must be"):
        typed({field: value}, entry("POST /api/timesheets")["fields"], "data")


def test_unknown_fields_are_refused_naming_the_valid_ones():
    with pytest.raises(InvalidRequest, match=r"Unknown field\(s\) duration.*Valid fields: .*activity"):
        build_body(entry("POST /api/timesheets"), {"project": 1, "activity": 2, "duration": 60})


def test_create_without_required_fields_is_refused():
    with pytest.raises(InvalidRequest, match="Missing required field.*customer"):
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
    with pytest.raises(InvalidRequest, match="Unknown filter 'colour'"):
        await call(session, "GET /api/projects", query={"colour": "red"})


async def test_responses_become_plain_dicts_equal_to_kimais_json():
    kimai = FakeKimai().on("GET", "/api/timesheets/{id}", replay("049-post_post_timesheet"))
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    reply = await call(session, "GET /api/timesheets/{id}", path={"id": 1})
    assert reply.data == json.loads(json.dumps(replay("049-post_post_timesheet").json()))


def test_network_errors_are_one_sentence():
    from kimai_tools.kimai.errors import network_error

    error = network_error(httpx.ConnectError("refused"), "https://kimai.example", 30)
    assert str(error).startswith("Cannot reach Kimai at https://kimai.example")


def _session_answering(path: str, response: httpx.Response) -> Session:
    kimai = FakeKimai().on("GET", path, lambda r: response)
    return Session(settings_for("http://kimai.test"), transport=kimai.transport)


async def test_a_login_page_answered_with_200_is_a_kimai_error_naming_the_proxy():
    page = httpx.Response(200, content=b"<html><form action='/login'>Sign in</form></html>",
                          headers={"Content-Type": "text/html; charset=UTF-8"})  # fmt: skip
    with pytest.raises(KimaiError, match=r"not JSON \(text/html\); a login page"):
        await call(_session_answering("/api/users/me", page), "GET /api/users/me")


async def test_a_redirect_to_a_login_page_is_an_error_not_an_empty_success():
    redirect = httpx.Response(302, headers={"Location": "https://sso.example/auth/login?next=/api/users/me"})
    with pytest.raises(KimaiError, match=r"redirect \(302\) to a login page") as caught:
        await call(_session_answering("/api/users/me", redirect), "GET /api/users/me")
    assert caught.value.status == 302


async def test_a_redirect_elsewhere_names_the_address():
    redirect = httpx.Response(301, headers={"Location": "https://kimai.test/api/users/me"})
    with pytest.raises(KimaiError, match=r"redirect \(301\) to https://kimai.test/api/users/me: set KIMAI_URL"):
        await call(_session_answering("/api/users/me", redirect), "GET /api/users/me")


async def test_a_proxy_status_outside_the_http_standard_is_a_kimai_error():
    cloudflare = httpx.Response(522, content=b"<html>Connection timed out</html>")
    with pytest.raises(KimaiError, match="refused GET /api/projects/{id} with 522") as caught:
        await call(_session_answering("/api/projects/1", cloudflare), "GET /api/projects/{id}", path={"id": 1})
    assert caught.value.status == 522


async def test_a_body_not_matching_its_content_encoding_is_a_kimai_error():
    garbled = httpx.Response(200, stream=httpx.ByteStream(b'{"id": 1}'), headers={"Content-Encoding": "gzip"})
    with pytest.raises(KimaiError, match="answer could not be read"):
        await call(_session_answering("/api/users/me", garbled), "GET /api/users/me")


@pytest.mark.parametrize(
    "key, path, body, wanted",
    [
        ("GET /api/users/me", "/api/users/me", [1, 2], "an object"),
        ("GET /api/timesheets", "/api/timesheets", {"a": 1}, "a list"),
    ],
)
async def test_json_of_the_wrong_shape_is_a_kimai_error(key, path, body, wanted):
    with pytest.raises(KimaiError, match=f"where its document has {wanted}") as caught:
        await call(_session_answering(path, json_response(body)), key)
    assert caught.value.status == 200  # Kimai answered: not the "unreachable" a version check stops at


async def test_an_object_the_model_cannot_read_is_passed_on_as_kimais_json():
    odd = {"id": 3, "alias": "x", "title": None, "unexpected": {"nested": True}}
    reply = await call(_session_answering("/api/users/me", json_response(odd)), "GET /api/users/me")
    assert reply.data["unexpected"] == {"nested": True} and reply.data["id"] == 3


async def test_a_kimai_under_a_path_prefix_is_called_under_that_prefix():
    kimai = FakeKimai().on("GET", "/kimai/api/users/me", lambda r: json_response({"id": 1, "username": "anna"}))
    session = Session(settings_for("http://kimai.test/kimai"), transport=kimai.transport)
    reply = await call(session, "GET /api/users/me", check_version=False)
    assert reply.data["username"] == "anna"
    assert [r.url.path for r in kimai.requests] == ["/kimai/api/users/me"]


async def test_a_version_answer_of_the_wrong_shape_blocks_nothing():
    session = _session_answering("/api/version", json_response(["2.31.0"]))
    assert await session.version() is None


async def test_a_text_answer_where_the_document_leaves_the_body_open_is_no_error():
    text = httpx.Response(200, content=b"deleted", headers={"Content-Type": "text/plain"})
    kimai = FakeKimai().on("DELETE", "/api/tags/{id}", lambda r: text)
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    reply = await call(session, "DELETE /api/tags/{id}", path={"id": 1})
    assert reply.status == 200 and reply.data is None


@pytest.mark.parametrize("value", ["nan", "inf", float("nan"), float("-inf")])
def test_numbers_that_json_cannot_carry_are_refused(value):
    with pytest.raises(InvalidRequest, match="data.hourlyRate must be a number"):
        typed({"hourlyRate": value}, entry("POST /api/timesheets")["fields"], "data")


async def test_a_version_refused_by_kimai_is_asked_once():
    kimai = FakeKimai().on("GET", "/api/version", json_response({"code": 403, "message": "Forbidden"}, 403))
    kimai.on("PATCH", "/api/users/{id}/preferences", replay("006-get_me_user"))  # Kimai ≥ 2.40: needs the version
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    for _ in range(3):
        await call(session, "PATCH /api/users/{id}/preferences", path={"id": 1}, body=[{"name": "a", "value": "1"}])
    assert len(kimai.sent("GET", "/api/version")) == 1


async def test_an_operation_every_kimai_has_waits_for_no_version():
    kimai = FakeKimai().on("GET", "/api/timesheets/{id}", replay("049-post_post_timesheet"))
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    await call(session, "GET /api/timesheets/{id}", path={"id": 1})
    assert kimai.sent("GET", "/api/version") == []


def test_a_create_is_checked_against_the_connected_kimais_form():
    customer = {"name": "Acme", "country": "DE", "currency": "EUR", "timezone": "Europe/Berlin"}
    op = entry("POST /api/customers")
    assert build_body(op, customer, "2.31.0").name == "Acme"  # Kimai 2.31's customer has no language
    with pytest.raises(InvalidRequest, match=r"Missing required field\(s\): language"):
        build_body(op, customer, "2.64.0")
    with pytest.raises(InvalidRequest, match=r"Missing required field\(s\): language"):
        build_body(op, customer)  # an unknown version: the generated document's form


def test_a_field_only_an_older_kimai_has_is_sent_to_it():
    body = build_body(entry("POST /api/customers"), {"name": "Acme", "country": "DE", "currency": "EUR",
                                                     "timezone": "UTC", "address": "Main St 1"}, "2.31.0")  # fmt: skip
    assert body.to_dict()["address"] == "Main St 1"


def test_a_kimai_newer_than_every_pin_gets_the_newest_form():
    op = entry("POST /api/customers")
    assert form_for(op, "2.99.0") == {k: op["forms"][-1][k] for k in ("fields", "required", "through")}
