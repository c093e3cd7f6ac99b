"""Calls Kimai operations by `METHOD /api/path` through the generated client's index (operations.json).

The one adapter to the generated client. It uses two of each endpoint module's private helpers,
`_get_kwargs` (the request, as the generator builds it) and `_parse_response` (the answer through the
generated models), because the public `asyncio_detailed` raises on statuses the document does not
list and hides the headers Kimai paginates with; sending the request itself lets every answer become
one readable error. The endpoint module is imported on first use; parameter and body field names come
from the index, and a body goes through the generated form model of the connected Kimai's version.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from kimai_tools.kimai.errors import (
    InvalidRequest,
    KimaiError,
    KimaiUnreachable,
    NotAvailable,
    UnexpectedAnswer,
    from_response,
    network_error,
    setting,
    setting_names,
)

STRICT = "KIMAI_TOOLS_STRICT"  # set to 1 (the test suite does): an undeclared operation fails the call
_declared: ContextVar[frozenset[str] | None] = ContextVar("declared_operations", default=None)


class UndeclaredOperation(AssertionError):
    """An action sent an operation its declaration does not name (strict mode): a bug, never a user's error."""


@contextmanager
def declared_operations(allowed: frozenset[str]) -> Iterator[None]:
    """The operations the running action declared; in strict mode any other one fails before it is sent."""
    token = _declared.set(allowed)
    try:
        yield
    finally:
        _declared.reset(token)


def _check_declared(key: str) -> None:
    allowed = _declared.get()
    if allowed is not None and key not in allowed and os.environ.get(STRICT) == "1":
        raise UndeclaredOperation(f"{key} is sent but not declared for this action (declared: {sorted(allowed)})")


@dataclass
class Reply:
    data: Any
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    # a DELETE retried after a dropped connection that then found nothing: the first attempt did the work
    already_done: bool = False

    def header_int(self, name: str) -> int | None:
        value = self.headers.get(name.lower())
        return int(value) if value and value.isascii() and value.isdecimal() else None  # int("²") fails


@cache
def index() -> dict[str, dict]:
    return json.loads(resources.files("kimai_client").joinpath("operations.json").read_text())


@cache
def manifest() -> dict:
    return json.loads(resources.files("kimai_client").joinpath("manifest.json").read_text())


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", version)[:3]) or (0,)


def entry(key: str) -> dict:
    try:
        return index()[key]
    except KeyError:
        raise NotAvailable(f"Unknown Kimai operation {key}.") from None


async def ensure_available(session, key: str) -> dict:
    """Refuse, without calling Kimai, an operation the connected version is known to lack."""
    op = entry(key)
    # only an operation some Kimai lacks needs the version: the others do not wait for it
    version = await session.version() if op.get("absent_through") else None
    if version and version_key(version) <= version_key(op["absent_through"]):
        raise NotAvailable(f"This needs Kimai ≥ {op['since']}; this server runs {version}.")
    if not op.get("module"):
        built = manifest()["spec"]
        raise NotAvailable(
            f"{key} is not in this server's Kimai client (built from {built}); it needs Kimai ≥ {op.get('since')}. "
            "Run `make regen` against your Kimai."
        )
    return op


def form_for(op: dict, version: str | None) -> dict:
    """The body's form as the connected Kimai has it (fields, required fields); the generated one when unknown."""
    forms = op.get("forms") or []
    if version and forms:
        key = version_key(version)
        return next((f for f in forms if key <= version_key(f["through"])), forms[-1])
    return {"fields": op.get("fields", {}), "required": op.get("required", [])}


def build_body(op: dict, data: Any, version: str | None = None) -> Any:
    """The body through the generated model: unknown fields are refused, naming the valid ones.

    Known and required fields are those of the connected Kimai's form (`version`), not the generated
    document's: a create on Kimai 2.31 needs no field that only Kimai 2.63 has.
    """
    name = op.get("body")
    if name is None:
        return None
    form = form_for(op, version)
    models = importlib.import_module("kimai_client.models")
    many = name.startswith("list[")
    model = getattr(models, name[5:-1] if many else name)
    items = data if many else [data]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InvalidRequest(f"data must be {'a list of objects' if many else 'an object'} here.")
    # a pinned document omits fields gated by role (budgets): the generated model's fields count as known too
    known = set(form["fields"]) | set(op.get("fields", {}))
    built = []
    for position, item in enumerate(items):
        item = typed(item, {**op.get("fields", {}), **form["fields"]}, f"data[{position}]" if many else "data")
        unknown = sorted(set(item) - known)
        if unknown:
            raise InvalidRequest(f"Unknown field(s) {', '.join(unknown)} for this Kimai. Valid fields: "
                                f"{', '.join(sorted(known))}.")  # fmt: skip
        try:
            instance = model.from_dict(item)
        except (ValueError, TypeError, KeyError) as exc:
            raise InvalidRequest(f"data has a value of the wrong form ({exc}).") from None
        built.append(instance)
    missing = [f for f in form["required"] if not many and f not in data]
    if missing:
        raise InvalidRequest(f"Missing required field(s): {', '.join(missing)}.")
    return built if many else built[0]


TRUE, FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}
KINDS = {"integer": "a whole number (an id)", "number": "a number", "boolean": "true or false", "string": "text",
         "array": "a list"}  # fmt: skip


def typed(item: dict, fields: dict[str, str], where: str) -> dict:
    """Values of the JSON type the form takes; obvious spellings ("5", "true") are converted, others refused."""
    out = {}
    for key, value in item.items():
        kind = fields.get(key)
        converted = _convert(value, kind) if kind in KINDS else value
        if converted is _WRONG:
            raise InvalidRequest(f"{where}.{key} must be {KINDS[kind]}, got {value!r}.")
        out[key] = converted
    return out


_WRONG = object()


def _convert(value: Any, kind: str) -> Any:
    if value is None:
        return _WRONG
    if kind == "integer":
        if isinstance(value, bool):
            return _WRONG
        if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            return int(value)
        text = value.strip() if isinstance(value, str) else ""
        return int(text) if text.isascii() and text.isdecimal() else _WRONG  # int("²") fails
    if kind == "number":
        if isinstance(value, bool):
            return _WRONG
        try:
            number = float(value) if isinstance(value, str) else value
        except ValueError:
            return _WRONG
        if not isinstance(number, int | float) or not math.isfinite(number):  # JSON has no NaN or infinity
            return _WRONG
        return number
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower() if isinstance(value, str | int) else ""
        return True if text in TRUE else False if text in FALSE else _WRONG
    if kind == "string":
        if isinstance(value, str):
            return value
        return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else _WRONG
    if kind == "array":
        return value if isinstance(value, list) else _WRONG
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set):
        return [str(_plain(v)) for v in value]
    return str(value)


async def call(session, key: str, **kwargs: Any) -> Reply:
    """`key` ("METHOD /api/path") sent as the session's user; its failures name that user's settings."""
    names = getattr(session.access, "setting_names", None)
    token = setting_names.set(names) if names else None
    try:
        return await _call(session, key, **kwargs)
    finally:
        if token is not None:
            setting_names.reset(token)


async def _call(
    session,
    key: str,
    *,
    path: dict[str, Any] | None = None,
    query: dict[str, Any] | None = None,
    body: Any = None,
    check_version: bool = True,
) -> Reply:
    _check_declared(key)
    op = await ensure_available(session, key) if check_version else entry(key)
    module = importlib.import_module(op["module"])
    kwargs: dict[str, Any] = {}
    for name, value in (path or {}).items():
        kwargs[op["path"][name]] = str(value)
    for name, value in (query or {}).items():
        if value is None or value == []:
            continue
        if name not in op["query"]:
            raise InvalidRequest(f"Unknown filter {name!r}. Valid: {', '.join(sorted(op['query']))}.")
        kwargs[op["query"][name]] = _plain(value)
    if body is not None:
        # the connected Kimai's form, where pinned versions differ in it
        several = len(op.get("forms") or []) > 1
        kwargs["body"] = build_body(op, body, await session.version() if check_version and several else None)
    response = await _send(session, module._get_kwargs(**kwargs))
    status = response.status_code
    headers = {k.lower(): v for k, v in response.headers.items()}
    if 300 <= status < 400:
        raise redirected(key, status, headers.get("location", ""))
    if status >= 400:
        retried = key.startswith("DELETE ") and status == 404 and _retried_after_drop(response)
        if retried:
            return Reply(None, status, headers, already_done=True)
        raise await _error(session, key, op, status, response.content, body)
    return Reply(_data(module, session.client, response, key), status, headers)


async def _send(session, request: dict[str, Any]):
    """The generated request sent as is: its status and body are read here, so no answer raises past a KimaiError."""
    import httpx  # imported on the first call, not at start-up

    try:
        return await session.client.get_async_httpx_client().request(**request)
    except httpx.TransportError as exc:
        raise network_error(exc, session.access.url, session.access.timeout) from None
    except httpx.HTTPError as exc:  # a body its Content-Encoding does not describe, and the like
        raise KimaiUnreachable(f"Kimai's answer could not be read ({type(exc).__name__}: {exc}).") from None


def _data(module, client, response, key: str) -> Any:
    """The body as plain JSON through the generated model; Kimai's own JSON where the model cannot read it."""
    if not response.content:
        return None
    try:
        parsed = module._parse_response(client=client, response=response)
    except (ValueError, TypeError, KeyError, AttributeError):  # not JSON, or the real Kimai differs from its document
        parsed = None
    if parsed is None:
        shape = _shape(module)
        try:
            raw = json.loads(response.content)
        except ValueError:  # UnicodeDecodeError included
            if shape is None and not _login_page(response):  # a document it leaves open: an invoice file, say
                return None
            raise not_json(key, response) from None
        if shape is not None and isinstance(raw, list) != (shape == "list"):
            wanted = "a list" if shape == "list" else "an object"
            message = f"Kimai answered {key} with {type(raw).__name__} JSON where its document has {wanted}."
            raise UnexpectedAnswer(message, response.status_code)
        return raw
    if isinstance(parsed, list):
        return [p.to_dict() if hasattr(p, "to_dict") else p for p in parsed]
    return parsed.to_dict() if hasattr(parsed, "to_dict") else parsed


def _shape(module) -> str | None:
    """`list` or `object` as the generated parser reads the answer; None where its document leaves it open."""
    import inspect

    annotation = str(inspect.signature(module._parse_response).return_annotation)
    return None if "Any" in annotation else "list" if annotation.startswith("list[") else "object"


def _login_page(response) -> bool:
    return "html" in response.headers.get("content-type", "") and b"login" in response.content[:20000].lower()


def not_json(key: str, response) -> UnexpectedAnswer:
    kind = response.headers.get("content-type", "").split(";")[0] or "no content type"
    why = (
        "a login page: a single sign-on proxy in front of Kimai intercepts API requests; let /api through it"
        if _login_page(response)
        else f"check that {setting('url')} is Kimai's own address, with its path (e.g. https://host/kimai)"
    )
    return UnexpectedAnswer(f"Kimai answered {key} with a body that is not JSON ({kind}); {why}.", response.status_code)


def redirected(key: str, status: int, location: str) -> UnexpectedAnswer:
    """Kimai's API never redirects: a redirect comes from a proxy, a login, or an http:// URL of an https:// site."""
    target = location.split("?")[0]
    if "login" in target.lower() or "sso" in target.lower() or "auth" in target.lower():
        why = "to a login page: a single sign-on proxy in front of Kimai intercepts API requests; let /api through it"
    else:
        why = f"to {target or 'another address'}: set {setting('url')} to the address Kimai answers at"
    return UnexpectedAnswer(f"Kimai answered {key} with a redirect ({status}) {why}.", status)


def _retried_after_drop(response) -> bool:
    from kimai_tools.kimai.transport import RETRIED_HEADER

    return response.headers.get(RETRIED_HEADER) == "1"


async def _error(session, key: str, op: dict, status: int, content: bytes, body: Any) -> KimaiError:
    sent = body if isinstance(body, dict) else None
    if status == 404 and not _has_id(key):
        if op.get("plugin"):
            return NotAvailable(f"The {op['plugin']} plugin is not installed on this Kimai (no route for {key}).")
        # a 404 is about the version only where the version is unknown and some Kimai lacks the route;
        # otherwise it is about the data (a page past the end, an unknown filter id)
        if op.get("since") and op.get("absent_through") and await session.version() is None:
            return NotAvailable(f"This needs Kimai ≥ {op['since']}; this server's version could not be read.")
    if status == 404 and op.get("plugin"):
        plugins = await session.plugins()
        if plugins is not None and not any(op["plugin"] in p for p in plugins):
            return NotAvailable(f"The {op['plugin']} plugin is not installed on this Kimai.")
    return from_response(status, content, key, sent)


def _has_id(key: str) -> bool:
    return "{" in key
