"""Rules that turn a real Kimai OpenAPI document into one the generator (and Prism) can use.

Each rule is a function `doc -> None` that edits the document in place, has one test in
tests/unit/test_normalise.py, and says in its docstring which Kimai behaviour it answers.
`normalise()` applies them in order on a deep copy.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")
REF = "#/components/schemas/"
# Paths of plugins that no tool uses; kept out so the client claims nothing most installs lack.
UNUSED_PLUGIN_PATHS = ("/api/approval-bundle/", "/api/kiosk/")


def operations(doc: dict) -> Iterator[tuple[str, str, dict]]:
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def walk(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def refs(node: Any) -> set[str]:
    return {n["$ref"][len(REF) :] for n in walk(node) if isinstance(n.get("$ref"), str) and n["$ref"].startswith(REF)}


def closure(doc: dict, names: set[str]) -> set[str]:
    """Schema names reachable from `names` through $ref."""
    schemas = doc.get("components", {}).get("schemas", {})
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(refs(schemas[name]) - seen)
    return seen


def request_schemas(doc: dict) -> set[str]:
    return closure(doc, refs([op.get("requestBody", {}) for _, _, op in operations(doc)]))


def response_schemas(doc: dict) -> set[str]:
    return closure(doc, refs([op.get("responses", {}) for _, _, op in operations(doc)]))


# --- the rules -------------------------------------------------------------------------------


def empty_array_items(doc: dict) -> None:
    """Array query parameters carry `"items": []` (Kimai >= 2.35 and earlier): the generator needs a schema.

    Kimai puts the item pattern on the array itself; it is moved onto the items.
    """
    for node in walk(doc.get("paths", {})):
        schema = node.get("schema")
        if isinstance(schema, dict) and schema.get("type") == "array" and schema.get("items") in ([], {}, None):
            items: dict = {"type": "string"}
            if "pattern" in schema:
                items["pattern"] = schema.pop("pattern")
            schema["items"] = items
            if schema.get("default") == []:
                del schema["default"]


def empty_schema(doc: dict) -> None:
    """`/api/ping` declares `"schema": []` since Kimai 2.35; it answers a JSON object."""
    for node in walk(doc.get("paths", {})):
        if node.get("schema") == []:
            node["schema"] = {"type": "object", "additionalProperties": True}


def null_defaults(doc: dict) -> None:
    """Query parameters declare `"default": null`, which means no default, not the value null."""
    for _, _, op in operations(doc):
        for param in op.get("parameters", []):
            schema = param.get("schema", {})
            if "default" in schema and schema["default"] is None:
                del schema["default"]


def drop_unused_plugin_paths(doc: dict) -> None:
    """ApprovalBundle (and Kiosk) paths: no tool uses them, and most Kimai installs lack the plugin."""
    for path in [p for p in doc.get("paths", {}) if p.startswith(UNUSED_PLUGIN_PATHS)]:
        del doc["paths"][path]
    keep = closure(doc, refs(doc.get("paths", {})))
    keep |= closure(doc, keep)
    schemas = doc.get("components", {}).get("schemas", {})
    for name in [n for n in schemas if n not in keep and _only_used_by_dropped(n)]:
        del schemas[name]


def _only_used_by_dropped(name: str) -> bool:
    return name.startswith(("Approval", "Kiosk"))


def actions_are_lists(doc: dict) -> None:
    """`/api/actions/...` answers an array of PageAction, not the single object the spec declares."""
    for _, path, op in operations(doc):
        if not path.startswith("/api/actions/"):
            continue
        for response in op.get("responses", {}).values():
            media = response.get("content", {}).get("application/json", {})
            if media.get("schema", {}).get("$ref") == REF + "PageAction":
                media["schema"] = {"type": "array", "items": {"$ref": REF + "PageAction"}}


def user_create_answers_user(doc: dict) -> None:
    """POST /api/users answers 200 with a UserEntity; the spec declares only a bodiless `default`."""
    op = doc.get("paths", {}).get("/api/users", {}).get("post")
    schemas = doc.get("components", {}).get("schemas", {})
    if op and "200" not in op.get("responses", {}) and "UserEntity" in schemas:
        op["responses"] = {
            "200": {
                "description": "Returns the new user",
                "content": {"application/json": {"schema": {"$ref": REF + "UserEntity"}}},
            }
        }


def tolerant_responses(doc: dict) -> None:
    """Real responses send null for unset fields and omit fields the spec calls required.

    Every property of a response schema becomes optional and nullable; date-times stay strings, because
    Kimai sends `+0000` offsets and date-only values (`"2026-08-26"`) where the spec says date-time, and a
    string round-trips exactly.
    """
    schemas = doc.get("components", {}).get("schemas", {})
    requests = request_schemas(doc)
    for name in response_schemas(doc) - requests:
        schema = schemas[name]
        schema.pop("required", None)
        props = schema.get("properties", {})
        for key, prop in list(props.items()):
            props[key] = _nullable(prop)


def _nullable(prop: dict) -> dict:
    if "$ref" in prop:
        return {"nullable": True, "allOf": [{"$ref": prop["$ref"]}]}
    prop = dict(prop)
    if prop.get("format") in ("date-time", "date"):
        del prop["format"]
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict) and "$ref" not in prop["items"]:
        prop["items"] = _nullable(prop["items"]) if prop["items"].get("format") else prop["items"]
    if "type" in prop or "enum" in prop:
        prop["nullable"] = True
        if "enum" in prop and None not in prop["enum"]:
            prop.pop("enum")
    return prop


def partial_forms(doc: dict) -> None:
    """Kimai uses one form for POST and PATCH: a PATCH sends only changed fields, so no form field is required.

    Which fields a create needs is kept in the operation index (`required`), read from the original.
    """
    schemas = doc.get("components", {}).get("schemas", {})
    for name in request_schemas(doc):
        schemas[name].pop("required", None)
    for _, _, op in operations(doc):
        schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        for node in walk(schema):
            if node.get("type") == "object":
                node.pop("required", None)


def sorted_paths(doc: dict) -> None:
    """Merged documents list paths in a stable order, so the generated code does not depend on merge order."""
    doc["paths"] = dict(sorted(doc.get("paths", {}).items()))


LOCAL_DATE_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$"
LOCAL_DATE = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$"


def local_request_dates(doc: dict) -> None:
    """Kimai's forms take local times without offset (`2024-08-03T09:00:00`), not RFC 3339 date-times.

    Dates take `yyyy-MM-dd` on POST and `yyyy-MM-ddTHH:mm:ss` on PATCH (project start/end/orderDate), so both.
    """
    schemas = doc.get("components", {}).get("schemas", {})
    bodies = [op.get("requestBody", {}) for _, _, op in operations(doc)]
    for node in walk([bodies, [schemas[n] for n in request_schemas(doc)]]):
        if node.get("type") == "string" and node.get("format") in ("date-time", "date"):
            node["pattern"] = LOCAL_DATE_TIME if node.pop("format") == "date-time" else LOCAL_DATE


SERVED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")


def served_time_examples(doc: dict) -> None:
    """Kimai writes the time it serves its document into date-time examples (TimesheetEditForm begin/end):
    without them, the same Kimai's document fetched twice generates the same client."""
    for node in walk(doc.get("components", {})):
        if isinstance(node.get("example"), str) and SERVED_AT.match(node["example"]):
            node.pop("example")


RULES: list[Callable[[dict], None]] = [
    empty_array_items,
    empty_schema,
    null_defaults,
    drop_unused_plugin_paths,
    actions_are_lists,
    user_create_answers_user,
    tolerant_responses,
    partial_forms,
    local_request_dates,
    served_time_examples,
]


def timesheet_begin_defaults_to_now(doc: dict) -> None:
    """Kimai <= 2.31's document requires `begin` on a new timesheet, but Kimai sets it to now when it is absent
    (2.31 traffic: a body without it gets no begin error); the 2.36+ documents agree. A timer starts without it.
    """
    schema = doc.get("components", {}).get("schemas", {}).get("TimesheetEditForm", {})
    if "begin" in schema.get("required", []):
        schema["required"] = [f for f in schema["required"] if f != "begin"]


def user_create_defaults_language_and_zone(doc: dict) -> None:
    """Kimai's document requires language, locale and timezone of a new user, but Kimai presets them from its
    settings (UserService::createNewUser); a live Kimai 2.31 creates a user from username, email and password."""
    schema = doc.get("components", {}).get("schemas", {}).get("UserCreateForm", {})
    if "required" in schema:
        schema["required"] = [f for f in schema["required"] if f not in ("language", "locale", "timezone")]


# Where Kimai's document is wrong about Kimai: applied before anything reads it (the index's required fields too).
CORRECTIONS: list[Callable[[dict], None]] = [timesheet_begin_defaults_to_now, user_create_defaults_language_and_zone]


def correct(doc: dict) -> dict:
    """A deep copy of `doc` with every correction applied."""
    doc = copy.deepcopy(doc)
    for rule in CORRECTIONS:
        rule(doc)
    return doc


def version_example(doc: dict, version: str) -> None:
    """The Version schema gets the pinned Kimai version as its example, so a mock of the document answers it."""
    schema = doc.get("components", {}).get("schemas", {}).get("Version")
    if schema is not None and version:
        major, minor, patch = (kimai_version_key(version) + (0, 0))[:3]
        schema["example"] = {
            "version": version,
            "versionId": major * 10000 + minor * 100 + patch,
            "copyright": f"Kimai {version}",
        }


def merge_overlays(doc: dict, overlays: list[dict], spec_dir: Path | None = None) -> dict:
    """A deep copy of `doc` with `overlays` merged (see scripts/overlay.py), paths in a stable order."""
    from scripts.overlay import merge_overlay

    doc = copy.deepcopy(doc)
    for overlay in overlays:
        merge_overlay(doc, overlay, spec_dir)
    if overlays:
        sorted_paths(doc)
    return doc


def normalise(doc: dict) -> dict:
    """A deep copy of `doc` with every rule applied."""
    doc = copy.deepcopy(doc)
    for rule in RULES:
        rule(doc)
    return doc


def kimai_version_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", version)[:3]) or (0,)


def dump(doc: dict) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
