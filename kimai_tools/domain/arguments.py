"""The checks of a call's own arguments, one helper a concept: ids, counts, yes/no, required values, allowed keys.

A check that fails raises ArgumentError before anything is sent to Kimai; its message names the argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


class ArgumentError(Exception):
    """The arguments of a tool call are wrong; nothing was sent to Kimai."""


# the records a model may name where Kimai wants an id, by the argument's name: it is told how to find the id
LOOKUP_TYPES = {"project": "project", "projects": "project", "activity": "activity", "activities": "activity",
                "customer": "customer", "customers": "customer", "user": "user", "users": "user"}  # fmt: skip
YES, NO = ("true", "yes", "1"), ("false", "no", "0")


def parse_id(value: Any) -> int | None:
    """A Kimai id from an int or a string of ASCII digits ("12"); None when it is not a positive whole number.

    `True`, `1.0`, `"1.0"`, `"²"` and `"٣"` are no ids: Kimai's ids are written in ASCII digits.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    text = value.strip() if isinstance(value, str) else ""
    if not (text.isascii() and text.isdecimal()):
        return None
    number = int(text)
    return number if number > 0 else None


def as_id(value: Any, name: str) -> int:
    """A positive id, or ArgumentError naming `name` (and how to find the id of a record named where one belongs)."""
    number = parse_id(value)
    if number is not None:
        return number
    if isinstance(value, int) and not isinstance(value, bool):
        raise ArgumentError(f"`{name}` must be a positive number, got {value}.")
    kind = LOOKUP_TYPES.get(name.rsplit(".", 1)[-1].removesuffix("[]"))
    lookup = f"; find it with entity list (type {kind}, filters.term)" if kind else ""
    raise ArgumentError(f"`{name}` must be a number (an id), got {value!r}{lookup}.")


def as_ids(value: Any, name: str) -> list[int]:
    """Ids from a list, a single id or a comma string "1,2"."""
    items = value.split(",") if isinstance(value, str) else value if isinstance(value, list | tuple) else [value]
    return [as_id(item, name) for item in items if not (isinstance(item, str) and not item.strip())]


def as_count(value: Any, name: str, most: int | None = None) -> int:
    """A positive whole number (a page, a page size), at most `most`."""
    number = parse_id(value)
    if number is None:
        raise ArgumentError(f"`{name}` must be a positive whole number, got {value!r}.")
    if most is not None and number > most:
        raise ArgumentError(f"`{name}` may be at most {most}, got {number}.")
    return number


def as_flag(value: Any, name: str) -> str:
    """Kimai's "1"/"0" for a yes/no value: true/false, yes/no, 1/0."""
    word = str(value).strip().lower() if isinstance(value, bool | int | str) else None
    if word in YES:
        return "1"
    if word in NO:
        return "0"
    raise ArgumentError(f"`{name}` must be true or false, got {value!r}.")


def as_bool(value: Any, name: str) -> bool:
    return as_flag(value, name) == "1"


def need(value: Any, name: str, action: str) -> Any:
    """`value`, or ArgumentError when the action's required argument is missing or empty."""
    if value is None or value == [] or value == "":
        raise ArgumentError(f"{action} needs `{name}`.")
    return value


def need_id(value: Any, name: str = "id", action: str = "this action") -> int:
    return as_id(need(value, name, action), name)


def pick(mapping: Mapping | None, allowed: Iterable[str], what: str = "filters") -> dict:
    """Only the keys a call may take, without the ones set to null; an unknown key is refused, naming the valid ones."""
    mapping = mapping or {}
    if not isinstance(mapping, Mapping):
        raise ArgumentError(f"`{what}` must be an object.")
    allowed = list(allowed)
    unknown = sorted(set(mapping) - set(allowed))
    if unknown:
        raise ArgumentError(f"Unknown {what} {', '.join(unknown)}. Valid: {', '.join(allowed)}.")
    return {k: v for k, v in mapping.items() if v is not None}
