"""How a tool module declares itself: its actions, for each the handler, whether it writes, the operations it sends.

    ACTIONS = Actions("timer", {
        "start": Action("start", writes=True, sends=["POST /api/timesheets"], also=["GET /api/timesheets/active"]),
        "active": Action("active", sends=["GET /api/timesheets/active"]),
    })

`sends` lists the operations the action needs, `also` those it sends only when needed (dry-run reads, fallbacks,
undo paths); either may map each value of the tool's `variant` parameter (entity's `type`, rate's `entity`, …)
to its operations. The server's read-only schema, the `action` enum (`names`), `make compat` and docs/COMPAT.md
are derived from these declarations; in tests a strict mode fails any request the running action did not declare.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, TextContent

from kimai_tools.domain.arguments import ArgumentError
from kimai_tools.kimai.operations import declared_operations
from kimai_tools.tools.base import caller_of

Key = tuple[str, str | None, str | None]  # (tool, action, variant): one row of the compat table
# what the session and the tool base may read for any action: the version, the plugins, the caller
READS = frozenset({"GET /api/version", "GET /api/plugins", "GET /api/users/me"})


Sends = Iterable[str] | Mapping[str, Iterable[str]]  # operations, or for each variant its operations


def _for(sends: Sends, variant: str | None) -> frozenset[str]:
    if isinstance(sends, Mapping):
        if variant is None:  # no variant given: everything the action may send
            return frozenset(op for ops in sends.values() for op in ops)
        return frozenset(sends.get(variant, ()))
    return frozenset(sends)


@dataclass(frozen=True)
class Action:
    """`sends`: what the action needs (the compat table's ✓ rests on these); `also`: what it sends only when
    needed (a dry run's reads, a fallback for another plugin release, an undo)."""

    handler: str  # the name of the handler in the tool's module, defined below the declaration
    writes: bool = False
    sends: Sends = ()
    also: Sends = ()

    def operations(self, variant: str | None) -> frozenset[str]:
        return _for(self.sends, variant) | _for(self.also, variant)

    def variants(self) -> list[str | None]:
        named = [v for sends in (self.sends, self.also) if isinstance(sends, Mapping) for v in sends]
        return list(dict.fromkeys(named)) or [None]


@dataclass
class Actions:
    """A tool's actions by name (None for a tool without an `action` parameter); `variant` names the parameter
    that picks the Kimai resource. The tool's module is `kimai_tools.tools.<tool>`."""

    tool: str
    actions: dict[str | None, Action]
    variant: str | None = None

    @property
    def names(self) -> Any:
        """The `action` parameter's type: exactly the declared actions, in their order (the schema's enum)."""
        return Literal.__getitem__(tuple(name for name in self.actions if name is not None))

    @property
    def writes(self) -> set[str]:
        return {name for name, action in self.actions.items() if action.writes and name is not None}

    def rows(self, optional: bool = False) -> dict[Key, list[str]]:
        """(tool, action, variant) -> the operations it needs (with `optional`, also those it may send)."""
        rows: dict[Key, list[str]] = {}
        for name, action in self.actions.items():
            for variant in action.variants():
                ops = sorted(_for(action.sends, variant))
                if optional:
                    ops += sorted(_for(action.also, variant) - set(ops))
                rows[(self.tool, name, variant)] = ops
        return rows

    def handler(self, name: str | None) -> Callable[..., Awaitable[CallToolResult]]:
        return getattr(importlib.import_module(f"kimai_tools.tools.{self.tool}"), self.actions[name].handler)

    async def run(self, ctx: Context, action: str | None, **arguments: Any) -> CallToolResult:
        """The action's handler with the arguments it takes; those it does not take are named in a note."""
        if action not in self.actions:
            valid = ", ".join(map(str, self.actions))
            raise ArgumentError(f"Unknown action {action!r} for {self.tool}. Valid: {valid}.")
        caller = caller_of(ctx)
        if caller.read_only and action in self.writes:
            raise ArgumentError(f"{self.tool} {action} changes data; this server runs read-only.")
        handler = self.handler(action)
        takes = parameters(handler)
        given = {k: v for k, v in arguments.items() if v not in (None, False, [], {}, "")}
        ignored = sorted(k for k in given if k not in takes and k != self.variant)
        variant = arguments.get(self.variant) if self.variant else None
        allowed = self.actions[action].operations(variant if isinstance(variant, str) else None) | READS
        with declared_operations(allowed):
            result = await handler(caller, ctx, **{k: v for k, v in arguments.items() if k in takes})
        if ignored:
            note = f"Ignored for {action or self.tool}: {', '.join(ignored)}."
            result.content.append(TextContent(type="text", text=note))
        return result


@functools.cache
def parameters(handler: Callable[..., Any]) -> frozenset[str]:
    """The names a handler takes, read once: a call looks them up for every request."""
    return frozenset(inspect.signature(handler).parameters)
