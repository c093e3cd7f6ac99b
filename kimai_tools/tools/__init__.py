"""The twelve tools, one module each (a package where it is big), each declaring its actions (see declare.py).

`rows()` is every (tool, action, variant) with the Kimai operations it may send, gathered from those
declarations: the read-only schema, `make compat`, docs/COMPAT.md and the version matrix read it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kimai_tools.tools.declare import Actions, Key

TOOLS = (
    "entity", "timesheet", "timer", "rate", "team_access", "absence",
    "calendar", "meta", "user_current", "analyze_project_team", "config", "comment",
)  # fmt: skip


def declarations() -> dict[str, Actions]:
    return {name: importlib.import_module(f"kimai_tools.tools.{name}").ACTIONS for name in TOOLS}


def rows(optional: bool = False) -> dict[Key, list[str]]:
    """What each action needs; with `optional`, also what it sends only when needed (dry runs, fallbacks, undo)."""
    return {key: ops for actions in declarations().values() for key, ops in actions.rows(optional).items()}


def label(key: Key) -> str:
    """`entity list (project)`: how a row is named in tables and test ids."""
    tool, action, variant = key
    return " ".join(p for p in (tool, action, f"({variant})" if variant else None) if p)
