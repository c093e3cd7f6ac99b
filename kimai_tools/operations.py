"""Calls Kimai operations by `METHOD /api/path` through the generated client's index.

The endpoint module is imported on first use; arguments are mapped to the generated function's
parameters; a request body goes through the generated form model, so a field the connected Kimai's
form lacks is refused before any request.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from kimai_tools.errors import ArgumentError, KimaiError, NotAvailable, from_response, network_error


@dataclass
class Reply:
    data: Any
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    # a DELETE retried after a dropped connection that then found nothing: the first attempt did the work
    already_done: bool = False

    def header_int(self, name: str) -> int | None:
        value = self.headers.get(name.lower())
        return int(value) if value and value.isdigit() else None


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
        raise KimaiError(f"Unknown Kimai operation {key}.") from None


async def ensure_available(session, key: str) -> dict:
    """Refuse, without calling Kimai, an operation the connected version is known to lack."""
    op = entry(key)
    version = await session.version()
    if op.get("absent_through") and version and version_key(version) <= version_key(op["absent_through"]):
        raise NotAvailable(f"This needs Kimai ≥ {op['since']}; this server runs {version}.")
    if not op.get("module"):
        built = manifest()["spec"]
        raise NotAvailable(
            f"{key} is not in this server's Kimai client (built from {built}); it needs Kimai ≥ {op.get('since')}. "
            "Run `make regen` against your Kimai."
        )
    return op


def build_body(op: dict, data: Any) -> Any:
    """The body through the generated model: unknown fields are refused, naming the valid ones."""
    name = op.get("body")
    if name is None:
        return None
    models = importlib.import_module("kimai_client.models")
    many = name.startswith("list[")
    model = getattr(models, name[5:-1] if many else name)
    items = data if many else [data]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ArgumentError(f"data must be {'a list of objects' if many else 'an object'} here.")
    built = []
    for position, item in enumerate(items):
        item = typed(item, op.get("fields", {}), f"data[{position}]" if many else "data")
        try:
            instance = model.from_dict(item)
        except (ValueError, TypeError, KeyError) as exc:
            raise ArgumentError(f"data has a value of the wrong form ({exc}).") from None
        unknown = sorted(instance.additional_properties)
        if unknown:
            valid = ", ".join(sorted(k for k in model_fields(model) if k not in unknown))
            raise ArgumentError(f"Unknown field(s) {', '.join(unknown)} for this Kimai. Valid fields: {valid}.")
        built.append(instance)
    missing = [f for f in op.get("required", []) if not many and f not in data]
    if missing:
        raise ArgumentError(f"Missing required field(s): {', '.join(missing)}.")
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
            raise ArgumentError(f"{where}.{key} must be {KINDS[kind]}, got {value!r}.")
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
        return int(value) if isinstance(value, str) and value.strip().isdigit() else _WRONG
    if kind == "number":
        if isinstance(value, bool):
            return _WRONG
        if isinstance(value, int | float):
            return value
        try:
            return float(value) if isinstance(value, str) else _WRONG
        except ValueError:
            return _WRONG
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


@cache
def model_fields(model) -> tuple[str, ...]:
    """The JSON field names of a generated model, read from its own to_dict."""
    import inspect

    return tuple(re.findall(r'field_dict\["([^"]+)"\]', inspect.getsource(model.to_dict)))


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set):
        return [str(_plain(v)) for v in value]
    return str(value)


async def call(
    session,
    key: str,
    *,
    path: dict[str, Any] | None = None,
    query: dict[str, Any] | None = None,
    body: Any = None,
    check_version: bool = True,
) -> Reply:
    op = await ensure_available(session, key) if check_version else entry(key)
    module = importlib.import_module(op["module"])
    kwargs: dict[str, Any] = {}
    for name, value in (path or {}).items():
        kwargs[op["path"][name]] = str(value)
    for name, value in (query or {}).items():
        if value is None or value == []:
            continue
        if name not in op["query"]:
            raise ArgumentError(f"Unknown filter {name!r}. Valid: {', '.join(sorted(op['query']))}.")
        kwargs[op["query"][name]] = _plain(value)
    if body is not None:
        kwargs["body"] = build_body(op, body)
    try:
        response = await module.asyncio_detailed(client=session.client, **kwargs)
    except _transport_errors() as exc:
        raise network_error(exc, session.settings.url, session.settings.timeout) from None
    status = int(response.status_code)
    headers = {k.lower(): v for k, v in response.headers.items()}
    if status >= 400:
        retried = key.startswith("DELETE ") and status == 404 and _retried_after_drop(response)
        if retried:
            return Reply(None, status, headers, already_done=True)
        raise await _error(session, key, op, status, response.content, body)
    parsed = response.parsed
    if parsed is None and response.content:
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
    elif isinstance(parsed, list):
        data = [p.to_dict() if hasattr(p, "to_dict") else p for p in parsed]
    else:
        data = parsed.to_dict() if hasattr(parsed, "to_dict") else parsed
    return Reply(data, status, headers)


def _transport_errors() -> type[Exception]:
    import httpx  # imported on the first call, not at start-up

    return httpx.TransportError


def _retried_after_drop(response) -> bool:
    from kimai_tools.transport import RETRIED_HEADER

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
