"""Random and malformed arguments for every tool: no crash, readable errors, the server goes on, and no
request that breaks Kimai's document leaves the server."""

import json
import string

import pytest
from anyio.from_thread import start_blocking_portal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mcp import Client

from kimai_tools.server import build_server
from tests.conftest import settings_for

KEYS = ["id", "name", "project", "activity", "customer", "user", "begin", "end", "page", "size", "term", "visible",
        "user_scope", "status", "date", "type", "comment", "message", "rate", "tags", "description", "calculate_stats",
        "order_by", "exported", "billable", "members", "value", "halfDay", "group", "users", "projects"]  # fmt: skip
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=False, allow_infinity=False),
    st.text(string.printable, max_size=20), st.sampled_from(["2024-08-03", "2024-08-03T09:00:00", "all", "self",
    "2025-12-20", "26.08.2026", "-1", "0", "", "1e9", "#3498db", "yesterday"]),
)  # fmt: skip
junk = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                    st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)), max_leaves=8)  # fmt: skip


def value_for(schema: dict) -> st.SearchStrategy:
    """A value that mostly fits the property's schema, sometimes not at all."""
    if "enum" in schema:
        fitting = st.sampled_from(schema["enum"])
    elif schema.get("type") == "integer":
        fitting = st.integers(-3, 100)
    elif schema.get("type") == "boolean":
        fitting = st.booleans()
    elif schema.get("type") == "array":
        fitting = st.lists(st.one_of(st.integers(-2, 50), st.dictionaries(st.sampled_from(KEYS), scalars, max_size=3)),
                           max_size=4)  # fmt: skip
    elif schema.get("type") == "object":
        fitting = st.dictionaries(st.sampled_from(KEYS), scalars, max_size=5)
    else:
        fitting = st.text(string.printable, max_size=15)
    return st.one_of(fitting, fitting, fitting, junk)


@pytest.fixture(scope="module")
def session(kimai_mock):
    with start_blocking_portal() as portal:
        server = build_server(settings_for(kimai_mock.url))
        with portal.wrap_async_context_manager(Client(server)) as client:
            tools = portal.call(client.list_tools).tools
            yield portal, client, {t.name: t.input_schema for t in tools}


def arguments(schemas: dict) -> st.SearchStrategy:
    def for_tool(name: str) -> st.SearchStrategy:
        props = schemas[name].get("properties", {})
        required = set(schemas[name].get("required", []))
        fields = {k: value_for(v) for k, v in props.items()}
        optional = st.fixed_dictionaries({}, optional=fields)
        args = st.fixed_dictionaries({k: fields[k] for k in required}, optional={k: fields[k] for k in props
                                                                                if k not in required})  # fmt: skip
        garbage = st.dictionaries(st.text(max_size=5), junk, max_size=3)
        return st.tuples(st.just(name), st.one_of(args, args, args, optional, garbage))

    return st.sampled_from(sorted(schemas)).flatmap(for_tool)


def test_random_arguments_never_crash_the_server(session, kimai_mock):
    portal, client, schemas = session
    before = len(kimai_mock.violations())

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(arguments(schemas))
    def call(case):
        name, args = case
        result = portal.call(client.call_tool, name, args)
        text = result.content[0].text if result.content else ""
        if result.is_error:
            assert text.strip(), f"{name} {json.dumps(args)}: empty error"
            assert text.rstrip() != f"Error executing tool {name}", f"{name} {json.dumps(args)}: crashed"
            assert "Traceback" not in text
        ping = portal.call(client.call_tool, "config", {"type": "version"})
        assert not ping.is_error, ping.content[0].text

    call()
    new = kimai_mock.violations()[before:]
    assert not new, "requests that break Kimai's document:\n" + "\n".join(map(str, new[:20]))
