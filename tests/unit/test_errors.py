"""Kimai's real error answers (a 2.31 in production) become one message a model can act on."""

import json
import ssl

import httpx
import pytest

from kimai_tools.kimai.errors import (
    AlreadyUsed,
    BadRequest,
    Busy,
    Forbidden,
    KimaiError,
    KimaiFailed,
    KimaiRefused,
    KimaiUnreachable,
    MethodNotAllowed,
    NotAvailable,
    NotFound,
    Unauthorized,
    UnexpectedAnswer,
    field_errors,
    from_response,
    network_error,
)
from kimai_tools.kimai.operations import call
from kimai_tools.kimai.session import Session
from tests.conftest import settings_for
from tests.support.paths import TRAFFIC


def exchange(name: str) -> dict:
    return json.loads((TRAFFIC / f"{name}.json").read_text())


def error_files() -> list[str]:
    names = sorted(p.stem for p in TRAFFIC.glob("[0-9]*.json") if exchange(p.stem)["response"]["status"] >= 400)
    assert len(names) == 39 + 3 + 21 + 23 + 3  # the corpus README's 400, 401, 403, 404 and 405 counts
    return names


def message(name: str) -> tuple[str, int]:
    error = refusal(name)
    return str(error), error.status


def refusal(name: str) -> KimaiRefused:
    """The error of a recorded exchange, as the invoker builds it (the key uses the spec path when there is one)."""
    recorded = exchange(name)
    request, response = recorded["request"], recorded["response"]
    if response.get("json_body") is not None:
        content = json.dumps(response["json_body"]).encode()
    else:
        content = (response.get("text") or "").encode()
    key = f"{request['method']} {recorded.get('spec_path') or request['path']}"
    return from_response(response["status"], content, key, request.get("json_body"))


@pytest.mark.parametrize("name", error_files())
def test_every_real_error_is_one_readable_message(name):
    text, status = message(name)
    assert status == exchange(name)["response"]["status"]
    assert text.startswith("Kimai refused ") and f" with {status} " in text
    assert "Traceback" not in text and "None" not in text and "{'" not in text and '{"' not in text
    assert "\n" not in text and ".." not in text
    assert 40 < len(text) <= 600


def test_validation_errors_are_flattened_as_field_message():
    text, _ = message("229-post_post_customer")
    assert "400 Validation Failed" in text
    for expected in (
        "country: Please select a valid country",
        "currency: Please select a valid currency",
        "email: This value is not a valid email address",
        "timezone: Please select a valid timezone",
        "color: The selected choice is invalid",
    ):
        assert expected in text
    assert "name:" not in text  # fields without errors are not listed


def test_form_level_errors_come_before_field_errors():
    text, _ = message("237-post_post_timesheet")
    assert "Validation Failed. The end date must not be earlier than the start date." in text


def test_nested_children_are_named_by_their_path():
    body = exchange("244-post_post_team")["response"]["json_body"]
    assert field_errors(body["errors"]) == ["At least one team leader must be assigned to the team."]
    body["errors"]["children"]["members"]["children"][0]["children"]["user"]["errors"] = ["Unknown user."]
    assert field_errors(body["errors"])[-1] == "members.0.user: Unknown user."
    text = str(from_response(400, json.dumps(body).encode(), "POST /api/teams"))
    assert "At least one team leader must be assigned to the team; members.0.user: Unknown user." in text


@pytest.mark.parametrize(
    ("name", "refused"),
    [("280-post_post_timesheet", "user"), ("281-post_post_timesheet", "exported, hourlyRate")],
)
def test_extra_fields_name_what_this_user_may_not_set(name, refused):
    text, _ = message(name)
    assert "This form should not contain extra fields" in text
    assert f"Not accepted here: {refused} (gated by the user's role or Kimai's settings" in text
    assert "Accepted: activity, begin, description, end, project, tags." in text


def test_extra_fields_without_what_was_sent_still_say_why():
    body = exchange("280-post_post_timesheet")["response"]["json_body"]
    text = str(from_response(400, json.dumps(body).encode(), "POST /api/timesheets"))
    assert "Some fields are gated by role or settings" in text


def test_a_bare_bad_request_on_a_list_points_at_the_filters():
    text, _ = message("252-get_get_timesheets")
    assert text == (
        "Kimai refused GET /api/timesheets with 400 Bad Request. Check the filter values: dates as "
        "YYYY-MM-DDTHH:MM:SS, ids as numbers, page within range."
    )


def test_a_bare_bad_request_on_a_change_says_kimai_gave_no_detail():
    text, _ = message("193-post_post_team_member")
    assert "400 Bad Request" in text and "Kimai gives no detail" in text and "filter" not in text


def test_401_with_an_empty_body_points_at_the_token():
    assert exchange("256-get_app_api_status_ping")["response"]["text"] == ""
    text, status = message("256-get_app_api_status_ping")
    assert status == 401 and "401 Unauthorized" in text and "KIMAI_API_TOKEN" in text


@pytest.mark.parametrize(
    ("name", "permission"),
    [
        ("116-get_get_teams", "view_team"),
        ("263-get_get_users", "view_user"),
        ("270-delete_delete_timesheet", "edit_other_timesheet"),
        ("276-delete_delete_tag", "delete_tag"),
        ("277-get_get_invoices", "view_invoice"),
    ],
)
def test_403_names_the_permission_kimai_checks(name, permission):
    text, _ = message(name)
    assert "403 Forbidden" in text and "lacks a permission" in text and permission in text


def test_403_on_an_unknown_prefix_still_says_permission():
    text = str(from_response(403, b'{"code":403,"message":"Forbidden"}', "GET /api/somewhere"))
    assert text.endswith("The token's user lacks a permission Kimai checks here.")


def test_404_of_a_record_and_of_a_page():
    record, _ = message("289-get_get_timesheet")
    page, _ = message("126-get_get_timesheets")
    assert "No such record, or it is not visible to this user" in record
    assert "past the last one" in page


def test_405_says_the_method_is_not_allowed():
    text, _ = message("297-put-customer")
    assert (
        text == "Kimai refused PUT /api/customers/1 with 405 Method Not Allowed. Kimai does not allow this method here."
    )


@pytest.mark.parametrize("status", [429, 502, 503])
def test_a_proxy_page_gives_the_status_and_a_hint_not_html(status):
    text = str(from_response(status, b"<html><body>Bad Gateway</body></html>", "GET /api/version"))
    assert "<html>" not in text and f"with {status} " in text and "try again" in text


def test_network_errors_are_one_sentence():
    request = httpx.Request("GET", "https://kimai.example/api/version")
    timeout = network_error(httpx.ReadTimeout("timed out", request=request), "https://kimai.example", 30)
    refused = network_error(httpx.ConnectError("refused", request=request), "https://kimai.example", 30)
    tls = network_error(
        httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=request),
        "https://kimai.example",
        30,
    )
    assert "did not answer within 30 s" in str(timeout)
    assert "Cannot reach Kimai at https://kimai.example" in str(refused)
    assert "KIMAI_SSL_VERIFY" in str(tls) and "not trusted" in str(tls)
    assert all(e.status is None for e in (timeout, refused, tls))


def test_form_errors_given_as_a_plain_string_stay_one_message():
    from kimai_tools.kimai.errors import field_errors

    assert field_errors({"errors": "Invalid form", "children": []}) == ["Invalid form"]


KIND = {400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 405: MethodNotAllowed}
ALREADY_USED = {"246-post_post_tag", "248-post_post_user", "249-post_post_customer_rate"}


@pytest.mark.parametrize("name", error_files())
def test_every_recorded_refusal_is_of_the_kind_its_status_means(name):
    error = refusal(name)
    status = exchange(name)["response"]["status"]
    assert isinstance(error, KimaiRefused) and isinstance(error, KimaiError)
    assert type(error) is (AlreadyUsed if name in ALREADY_USED else KIND[status])
    others = {KimaiUnreachable, NotAvailable, UnexpectedAnswer, *(k for s, k in KIND.items() if s != status)}
    assert not isinstance(error, tuple(others))


def test_a_taken_value_is_a_bad_request_that_says_which_field():
    error = refusal("249-post_post_customer_rate")
    assert isinstance(error, AlreadyUsed) and isinstance(error, BadRequest)
    assert error.fields == {"user": ["This value is already used."]}


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequest),
        (409, KimaiRefused),
        (422, BadRequest),
        (429, Busy),
        (500, KimaiFailed),
        (501, KimaiFailed),
        (502, Busy),
        (503, Busy),
        (504, Busy),
        (522, KimaiFailed),
    ],
)
def test_statuses_without_a_recording_land_in_their_kind(status, kind):
    error = from_response(status, b"", "GET /api/projects")
    assert type(error) is kind and error.status == status and error.fields == {}


def test_a_reworded_error_keeps_its_kind_status_and_fields():
    error = refusal("229-post_post_customer")
    again = error.reworded("Customer not created: the form was refused.")
    assert type(again) is BadRequest and again.status == 400 and again.fields == error.fields
    assert str(again) == "Customer not created: the form was refused."


def test_kimai_errors_are_no_sdk_errors():
    from mcp.server.mcpserver.exceptions import ToolError

    assert not issubclass(KimaiError, ToolError)


REQUEST = httpx.Request("GET", "https://kimai.example/api/version")


def tls_failure() -> httpx.ConnectError:
    """An untrusted certificate as httpx reports it: the ssl error is the cause, its text is httpx's message."""
    cause = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    error = httpx.ConnectError("handshake failed", request=REQUEST)
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("[Errno 111] Connection refused", request=REQUEST),
        httpx.ConnectError("[Errno -2] Name or service not known", request=REQUEST),
        httpx.ConnectTimeout("timed out", request=REQUEST),
        httpx.ReadTimeout("timed out", request=REQUEST),
        httpx.RemoteProtocolError("Server disconnected without sending a response.", request=REQUEST),
        tls_failure(),
    ],
    ids=["refused", "dns", "connect-timeout", "read-timeout", "dropped", "tls"],
)
def test_a_transport_failure_is_kimai_unreachable(failure):
    error = network_error(failure, "https://kimai.example", 30)
    assert isinstance(error, KimaiUnreachable) and not isinstance(error, KimaiRefused)
    assert "https://kimai.example" in str(error) and error.status is None


def test_an_untrusted_certificate_is_named_by_its_cause_not_only_its_text():
    assert "not trusted" in str(network_error(tls_failure(), "https://kimai.example", 30))


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)


def silent(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


def untrusted(request: httpx.Request) -> httpx.Response:
    raise tls_failure()


@pytest.mark.anyio
@pytest.mark.parametrize("handler", [refused, silent, untrusted])
async def test_a_call_that_reaches_no_kimai_raises_kimai_unreachable(handler, monkeypatch):
    async def no_wait(_: float) -> None:
        pass

    monkeypatch.setattr("kimai_tools.kimai.transport.anyio.sleep", no_wait)
    session = Session(settings_for("https://kimai.example"), transport=httpx.MockTransport(handler))
    with pytest.raises(KimaiUnreachable, match="https://kimai.example"):
        await call(session, "GET /api/version", check_version=False)
