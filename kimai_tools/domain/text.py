"""Text other people typed (descriptions, comments, names, aliases) on one line of a listing, as data.

A listing is one record per line, its parts split by ` | `. Typed text must not start a line of its own
nor pass for another part or record: free text is always quoted (JSON's escapes, so a line break reads
`\\n`); a name stays as typed unless it holds a line break, a control character or a sign of the listing's
structure, and is quoted then. Both are capped with "…". Structured content keeps the exact value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
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


def user_name(user: Any) -> str:
    """How Kimai shows a user: alias, else username; `user #4` when only the id is known."""
    if isinstance(user, Mapping):
        return user.get("alias") or user.get("username") or f"user #{user.get('id', '?')}"
    return f"user #{user}" if user is not None else "unknown user"


def number(value: float) -> str:
    """`1.5`, `2`, `0.25`: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def hours(value: float) -> str:
    """`1.5 h`: the one way an amount of hours is written."""
    return f"{number(value)} h"


def plural(noun: str) -> str:
    """Kimai's record names in the plural: activity → activities, timesheet → timesheets."""
    return f"{noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{noun}s"


def counted(count: int, noun: str) -> str:
    """`1 comment`, `3 comments`."""
    return f"{count} {noun if count == 1 else plural(noun)}"


# a delete whose connection dropped after Kimai did it: the retry finds the record gone, which is what was asked
RETRIED_DELETE = "the first attempt deleted it; the retry after a dropped connection found it gone"


def deleted(what: str, retried: bool = False) -> str:
    """`Deleted timesheet #4.`, saying so when a retried delete found the record already gone."""
    return f"Deleted {what}" + (f" ({RETRIED_DELETE})." if retried else ".")


# the outcome of one id of a batch delete, where the retry found the record gone
DELETED_ON_RETRY = f"deleted ({RETRIED_DELETE})"
