"""What the tool declarations promise: unused arguments are named, undeclared requests fail in strict mode."""

import pytest

from kimai_tools.kimai.operations import UndeclaredOperation, call, declared_operations
from kimai_tools.kimai.session import Session
from tests.conftest import settings_for
from tests.support.fake import FakeKimai, call_tool, replay, text

pytestmark = pytest.mark.anyio


async def test_arguments_an_action_does_not_use_are_named_in_one_line():
    kimai = FakeKimai().on("GET", "/api/timesheets/{id}", replay("049-post_post_timesheet"))
    result = await call_tool(kimai, "timesheet", {"action": "get", "id": 1, "filters": {"user_scope": "all"},
                                                  "data": {"project": 1}})  # fmt: skip
    assert not result.is_error, text(result)
    assert "Ignored for get: data, filters." in [c.text for c in result.content]


async def test_an_action_that_uses_every_argument_given_gets_no_note():
    kimai = FakeKimai().on("GET", "/api/timesheets/{id}", replay("049-post_post_timesheet"))
    result = await call_tool(kimai, "timesheet", {"action": "get", "id": 1})
    assert not any(c.text.startswith("Ignored") for c in result.content)


async def test_strict_mode_fails_a_request_the_running_action_did_not_declare():
    session = Session(settings_for("http://kimai.test"), transport=FakeKimai().transport)
    with declared_operations(frozenset({"GET /api/timesheets"})), pytest.raises(UndeclaredOperation):
        await call(session, "GET /api/customers")
    await call(session, "GET /api/version", check_version=False)  # outside an action nothing is checked
