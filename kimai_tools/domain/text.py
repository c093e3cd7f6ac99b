"""Text other people typed (descriptions, comments, names, aliases) on one line of a listing, as data.

A listing is one record per line, its parts split by ` | `. Typed text must not start a line of its own
nor pass for another part or record: free text is always quoted (JSON's escapes, so a line break reads
`\\n`); a name stays as typed unless it holds a line break, a control character or a sign of the listing's
structure, and is quoted then. Both are capped with "…". Structured content keeps the exact value.
"""

from __future__ import annotations

import json
import re
from typing import Any

NAME_LIMIT = 80
TEXT_LIMIT = 200

# line breaks and controls of every kind, zero-width and bidirectional marks (which reorder what a person sees)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
# the listing's separators, quotes, and blanks at either end (which hide where a value begins or ends)
_STRUCTURE = re.compile(r'[|"\[\]]|^\s|\s$|^$')


def _capped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value: Any, limit: int = TEXT_LIMIT) -> str:
    """Free text in double quotes, every line break and control escaped: `"Line one\\nLine two"`."""
    text = json.dumps(_capped("" if value is None else str(value), limit), ensure_ascii=False)
    return _CONTROL.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def shown(value: Any, limit: int = NAME_LIMIT) -> str:
    """A name as typed where that is safe on a listing's line, else quoted like free text."""
    text = "" if value is None else str(value)
    if _CONTROL.search(text) or _STRUCTURE.search(text):
        return quoted(text, limit)
    return _capped(text, limit)
