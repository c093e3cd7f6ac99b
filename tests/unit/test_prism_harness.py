"""The Prism mock harness: a mock Kimai from the live 2.31 document that refuses and records bad requests."""

import os
from pathlib import Path

import httpx
import pytest

from tests.support.prism import (
    PrismMock,
    PrismStartError,
    is_prism_violation,
    parse_violations,
    prism_exe,  # noqa: F401  (fixture)
)

SPEC = Path(__file__).resolve().parents[2] / ".." / "shared" / "openapi" / "kimai-2.31.0-live.json"
TOKEN = {"Authorization": "Bearer contract-test"}


@pytest.fixture(scope="module")
def kimai(prism_exe: Path):  # noqa: F811
    with PrismMock(SPEC, prism=prism_exe) as mock:
        yield mock


@pytest.fixture
def client(kimai: PrismMock):
    with httpx.Client(base_url=kimai.url, headers=TOKEN, trust_env=False) as http:
        yield http


def test_version_answers_json_from_the_document(client):
    response = client.get("/api/version")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert set(response.json()) == {"version", "versionId", "copyright"}
    assert is_prism_violation(response) is None


def test_non_numeric_page_is_a_recorded_violation(kimai, client):
    response = client.get("/api/timesheets", params={"page": "abc"})

    assert response.status_code == 422
    assert "query parameter page" in is_prism_violation(response)
    assert any(v.path == "/api/timesheets" and "page" in str(v) for v in kimai.violations())


def test_wrong_typed_timesheet_field_is_a_recorded_violation(kimai, client):
    # begin carries an offset: the document's `format: date-time` refuses Kimai's own local form.
    body = {"begin": "2026-11-24T06:00:00+00:00", "project": "one", "activity": 2}

    response = client.post("/api/timesheets", json=body)

    assert response.status_code == 422
    assert "project must be integer" in is_prism_violation(response)
    recorded = kimai.violations()[-1]
    assert (recorded.method, recorded.path, recorded.type) == ("post", "/api/timesheets", "UNPROCESSABLE_ENTITY")
    assert "Request body property project must be integer" in recorded.messages


def test_missing_bearer_token_is_a_violation(kimai):
    response = httpx.get(f"{kimai.url}/api/version", trust_env=False)

    assert response.status_code == 401
    assert is_prism_violation(response).startswith("401 UNAUTHORIZED")


def test_unknown_path_is_a_violation(client):
    response = client.get("/api/does-not-exist")

    assert response.status_code == 404
    assert is_prism_violation(response).startswith("404 NO_PATH_MATCHED_ERROR")


def test_conforming_requests_record_no_violation(prism_exe: Path):  # noqa: F811
    with (
        PrismMock(SPEC, prism=prism_exe) as mock,
        httpx.Client(base_url=mock.url, headers=TOKEN, trust_env=False) as http,
    ):
        http.get("/api/timesheets", params={"page": "2", "size": "10", "projects[]": ["1", "2"]})
        http.patch("/api/timesheets/5/meta", json={"name": "ticket", "value": "KT-1"})
        http.delete("/api/timesheets/5")

        assert mock.violations() == []
        mock.assert_no_violations()


def test_forced_status_is_not_a_violation(kimai, client):
    response = client.get("/api/timesheets/5", headers={"Prefer": "code=404"})

    assert response.status_code == 404
    assert is_prism_violation(response) is None
    assert not any(v.path == "/api/timesheets/5" for v in kimai.violations())


def test_violations_stay_readable_after_stop(prism_exe: Path):  # noqa: F811
    mock = PrismMock(SPEC, prism=prism_exe).start()
    httpx.get(f"{mock.url}/api/timesheets/abc", headers=TOKEN, trust_env=False)
    mock.stop()

    assert [v.type for v in mock.violations()] == ["UNPROCESSABLE_ENTITY"]


def test_stop_ends_the_prism_process(prism_exe: Path):  # noqa: F811
    mock = PrismMock(SPEC, prism=prism_exe).start()
    pid = mock.pid

    mock.stop()

    assert not mock.running
    with pytest.raises(ProcessLookupError):
        os.killpg(pid, 0)


def test_a_spec_prism_cannot_load_fails_with_its_reason(tmp_path, prism_exe: Path):  # noqa: F811
    spec = tmp_path / "empty.json"
    spec.write_text('{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}}')

    with pytest.raises(PrismStartError, match="No operations found"):
        PrismMock(spec, prism=prism_exe).start()


def test_log_lines_of_a_bad_request_become_one_violation():
    log = "\n".join(
        [
            "[6:49:43 AM] › [HTTP SERVER] post /api/timesheets ℹ  info      Request received",
            "[6:49:43 AM] ›     [VALIDATOR] ⚠  warning   Request did not pass the validation rules",
            "[6:49:43 AM] ›     [VALIDATOR] ✖  error     Request body must have required property 'begin'",
            "[6:49:43 AM] › [HTTP SERVER] post /api/timesheets ✖  error     Request terminated with error: "
            "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY: Invalid request",
            "[6:49:43 AM] › [HTTP SERVER] get /api/timesheets/12 ℹ  info      Request received",
            "[6:49:43 AM] › [HTTP SERVER] get /api/timesheets/12 ✖  error     Request terminated with error: "
            "https://stoplight.io/prism/errors#NOT_FOUND: The server cannot find the requested content",
        ]
    )

    assert [str(v) for v in parse_violations(log)] == [
        "POST /api/timesheets: UNPROCESSABLE_ENTITY: Request body must have required property 'begin'"
    ]
