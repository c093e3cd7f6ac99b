"""The tool declarations name every tool action and only operations the operation index knows."""

import importlib
import json
import types
import typing

import pytest

from kimai_tools.server import TOOLS
from kimai_tools.tools import label, rows
from kimai_tools.tools.declare import READS
from tests.support.paths import ROOT

ACTIONS = rows()

# The parameter that picks the Kimai resource, where a tool has one.
VARIANT_PARAMS = {
    "entity": "type",
    "calendar": "type",
    "config": "type",
    "rate": "entity",
    "meta": "entity",
    "comment": "entity",
    "team_access": "target",
}
INDEX = json.loads((ROOT / "generated/kimai_client/operations.json").read_text())


def literal_values(tool: str, param: str) -> list[str] | None:
    function = getattr(importlib.import_module(f"kimai_tools.tools.{tool}"), tool)
    hint = typing.get_type_hints(function).get(param)
    if hint is None:
        return None
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (hint,) = [a for a in typing.get_args(hint) if a is not type(None)]
    return list(typing.get_args(hint))


def actions_of(tool: str) -> list[str | None]:
    return literal_values(tool, "action") or [None]


def variants_of(tool: str) -> list[str]:
    return literal_values(tool, VARIANT_PARAMS[tool]) if tool in VARIANT_PARAMS else []


@pytest.mark.parametrize("tool", TOOLS)
def test_every_action_of_the_tool_has_a_row(tool):
    missing = [a for a in actions_of(tool) if not any(k[:2] == (tool, a) for k in ACTIONS)]
    assert not missing, f"{tool}: no declaration for {missing}"


@pytest.mark.parametrize("tool", TOOLS)
def test_rows_name_only_the_tools_own_actions_and_variants(tool):
    actions, variants = actions_of(tool), variants_of(tool)
    rows = [k for k in ACTIONS if k[0] == tool]
    assert rows
    for key in rows:
        assert key[1] in actions, f"{label(key)}: {tool} has no action {key[1]!r}"
        assert key[2] is None or key[2] in variants, f"{label(key)}: {tool} has no variant {key[2]!r}"


@pytest.mark.parametrize("tool", [t for t in TOOLS if t in VARIANT_PARAMS and t != "entity"])
def test_an_action_that_depends_on_the_variant_has_a_row_for_each(tool):
    for action in actions_of(tool):
        given = {k[2] for k in ACTIONS if k[:2] == (tool, action)}
        if given != {None}:
            assert given == set(variants_of(tool)), f"{tool} {action}: rows for {sorted(given)}"


def test_every_entity_type_has_list_and_the_deletable_ones_batch_delete():
    types_ = variants_of("entity")
    assert {k[2] for k in ACTIONS if k[:2] == ("entity", "list")} == set(types_)
    deletable = {k[2] for k in ACTIONS if k[:2] == ("entity", "delete")}
    assert {k[2] for k in ACTIONS if k[:2] == ("entity", "batch_delete")} == deletable


@pytest.mark.parametrize("key", list(ACTIONS), ids=label)
def test_every_operation_named_is_in_the_operation_index(key):
    unknown = [op for op in rows(optional=True)[key] if op not in INDEX]
    assert ACTIONS[key] and not unknown, f"{label(key)}: not in generated/kimai_client/operations.json: {unknown}"


def test_the_sessions_own_reads_are_in_the_index():
    assert READS <= set(INDEX)
