"""The scripted Kimai behaves like Kimai where tests rely on it."""

import httpx

from tests.support.fake import FakeKimai, paginate, replay


def test_unscripted_route_is_kimais_404_and_is_recorded():
    kimai = FakeKimai()
    with httpx.Client(transport=kimai.transport, base_url="http://k") as client:
        response = client.get("/api/nothing")
    assert response.status_code == 404 and response.json() == {"code": 404, "message": "Not Found"}
    assert [r.url.path for r in kimai.requests] == ["/api/nothing"]


def test_placeholders_match_ids_and_later_scripts_win():
    kimai = FakeKimai().on("GET", "/api/projects/{id}", {"id": 1}).on("GET", "/api/projects/{id}", {"id": 2})
    with httpx.Client(transport=kimai.transport, base_url="http://k") as client:
        assert client.get("/api/projects/7").json() == {"id": 2}
        assert client.get("/api/projects/x").status_code == 404


def test_pagination_headers_and_past_the_end():
    records = list(range(120))
    first = paginate(records, httpx.Request("GET", "http://k/api/timesheets?size=50"))
    assert first.headers["X-Total-Pages"] == "3" and len(first.json()) == 50
    assert paginate(records, httpx.Request("GET", "http://k/api/timesheets?page=4")).status_code == 404


def test_replay_gives_the_recorded_body_and_headers():
    response = replay("122-get_get_timesheets")
    assert response.status_code == 200 and response.headers["X-Total-Count"] == "14"
