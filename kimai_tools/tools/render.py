"""Compact text for the model, one line per record, and the same facts as structured content."""

from __future__ import annotations

from typing import Any

from mcp.types import CallToolResult, TextContent

from kimai_tools.domain.text import shown

# The name-like field of each kind of record, in order of preference.
NAME_FIELDS = ("name", "title", "alias", "username", "description", "message")


def compact(value: Any) -> Any:
    """Drop nulls, empty lists/dicts and Kimai's UI-only fields: every byte is read by the model."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in ("color-safe", "initials", "avatar", "metaFields") and not item:
                continue
            item = compact(item)
            if item is None or item == [] or item == {}:
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        return [compact(v) for v in value]
    return value


def name_of(record: Any) -> str:
    if not isinstance(record, dict):
        return str(record)
    for key in NAME_FIELDS:
        if record.get(key):
            return str(record[key])
    return f"#{record.get('id', '?')}"


def ref(record: Any) -> str:
    """`Website (#3)` for an expanded object, `#3` for a bare id."""
    if isinstance(record, dict):
        name = shown(name_of(record))
        return f"{name} (#{record.get('id')})" if record.get("id") is not None else name
    return f"#{record}" if record is not None else "-"


def result(text: str, data: Any = None) -> CallToolResult:
    """A tool result: `text` for the model, `data` (a dict) as structured content when given."""
    structured = compact(data) if data is not None else None
    if structured is not None and not isinstance(structured, dict):
        structured = {"items": structured}
    return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=structured)
