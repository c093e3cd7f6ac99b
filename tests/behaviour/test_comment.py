"""comment against a scripted Kimai. Kimai 2.31 has no comments: the bodies are minimal ones of the 2.57+ shape,
with a real user object of the 2.31 traffic as the author."""

import pytest

from tests.support.fake import FakeKimai, call_tool, json_response, recorded, text

pytestmark = pytest.mark.anyio

SUSAN = recorded("043-post_post_customer_rate")["response"]["json_body"]["user"]


def a_comment(id: int = 7, message: str = "Billing contact changed", pinned: bool = True) -> dict:
    return {"id": id, "message": message, "createdBy": SUSAN, "createdAt": "2026-11-24T10:15:00+0000", "pinned": pinned}


async def call(kimai: FakeKimai, arguments: dict):
    return await call_tool(kimai, "comment", arguments)


async def test_list_renders_one_line_per_comment_with_pin_date_and_author():
    comments = [a_comment(), a_comment(8, "Second\nline  of text", pinned=False)]
    kimai = FakeKimai().on("GET", "/api/customers/{id}/comments", comments)
    result = await call(kimai, {"entity": "customer", "entity_id": 5, "action": "list"})
    assert not result.is_error, text(result)
    assert text(result) == (
        "2 comments on customer 5:\n"
        '#7 [pinned] 2026-11-24 10:15 Susan Example: "Billing contact changed"\n'
        '#8 2026-11-24 10:15 Susan Example: "Second\\nline  of text"'
    )
    assert result.structured_content["comments"][1]["message"] == "Second\nline  of text"


async def test_create_sends_message_and_pinned():
    kimai = FakeKimai().on("POST", "/api/customers/{id}/comments", a_comment())
    data = {"message": "Billing contact changed", "pinned": True}
    result = await call(kimai, {"entity": "customer", "entity_id": 5, "action": "create", "data": data})
    assert not result.is_error, text(result)
    assert kimai.bodies("POST", "/api/customers/5/comments") == [data]
    assert text(result).startswith("Added comment to customer 5: #7 [pinned]")


@pytest.mark.parametrize(
    "data, complaint",
    [({"pinned": True}, "create needs `data.message`"), ({"message": "x", "color": "red"}, "Unknown data fields")],
)
async def test_create_with_bad_data_is_refused_before_sending(data, complaint):
    kimai = FakeKimai()
    result = await call(kimai, {"entity": "project", "entity_id": 1, "action": "create", "data": data})
    assert result.is_error and complaint in text(result)
    assert kimai.sent("POST") == []


@pytest.mark.parametrize("pinned, state", [(True, "is now pinned"), (False, "is now no longer pinned")])
async def test_pin_says_the_new_state_kimai_answers(pinned, state):
    kimai = FakeKimai().on("PATCH", "/api/projects/{id}/comments/{c}/pin", a_comment(pinned=pinned))
    result = await call(kimai, {"entity": "project", "entity_id": 3, "action": "pin", "comment_id": 7})
    assert not result.is_error, text(result)
    assert text(result).startswith(f"Comment #7 of project 3 {state}")
    assert [r.url.path for r in kimai.sent("PATCH")] == ["/api/projects/3/comments/7/pin"]


async def test_delete_addresses_the_comment_of_the_entity():
    kimai = FakeKimai().on("DELETE", "/api/projects/{id}/comments/{c}", json_response(None, 204))
    result = await call(kimai, {"entity": "project", "entity_id": 3, "action": "delete", "comment_id": 7})
    assert not result.is_error, text(result)
    assert text(result) == "Deleted comment #7 of project 3."
    assert [r.url.path for r in kimai.sent("DELETE")] == ["/api/projects/3/comments/7"]


@pytest.mark.parametrize("action", ["delete", "pin"])
async def test_delete_and_pin_need_comment_id(action):
    kimai = FakeKimai()
    result = await call(kimai, {"entity": "project", "entity_id": 3, "action": action})
    assert result.is_error and "comment_id" in text(result)
    assert kimai.requests == []


@pytest.mark.parametrize("action", ["list", "create"])
async def test_comments_are_refused_on_kimai_older_than_2_57_without_sending(action):
    kimai = FakeKimai(version="2.50.0")
    arguments = {"entity": "customer", "entity_id": 5, "action": action, "data": {"message": "hi"}}
    result = await call(kimai, arguments)
    assert result.is_error
    assert text(result).endswith("This needs Kimai ≥ 2.57.0; this server runs 2.50.0.")
    assert [r.url.path for r in kimai.requests] == ["/api/version"]
