"""Overlays: paths that a base document lacks, merged in before generation.

An overlay file in openapi/overlays/ is a JSON object with:
* `description`: one line;
* either `from` (a pinned document's file name) and `take_paths` (path prefixes to copy from it), or
  `paths` and `components` (an OpenAPI fragment written by the project);
* optional `plugin` (the Kimai plugin that serves these paths) and `since` ({"METHOD /api/path": "2.66.0"}).
Schemas the overlay brings are added under their own name; where the base already has a different schema
of that name, the overlay's is renamed with `rename_prefix` (refs rewritten), never clobbering the base's.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from scripts.normalise import METHODS, REF, closure, refs, walk


class OverlayError(Exception):
    pass


def load_overlay(path: Path) -> dict:
    overlay = json.loads(path.read_text())
    overlay.setdefault("name", path.stem)
    return overlay


def merge_overlay(doc: dict, overlay: dict, spec_dir: Path | None = None) -> None:
    paths, schemas = _fragment(overlay, spec_dir)
    base = doc.setdefault("components", {}).setdefault("schemas", {})
    renames = {}
    for name, schema in schemas.items():
        if name in base and base[name] != schema:
            prefix = overlay.get("rename_prefix")
            if not prefix:
                raise OverlayError(
                    f"overlay {overlay['name']}: schema {name} differs from the base's; set rename_prefix"
                )
            renames[name] = prefix + name
    for node in walk([paths, schemas]):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF) and ref[len(REF) :] in renames:
            node["$ref"] = REF + renames[ref[len(REF) :]]
    for name, schema in schemas.items():
        base.setdefault(renames.get(name, name), schema)
    missing = refs(paths) - set(base)
    if missing:
        raise OverlayError(f"overlay {overlay['name']}: references unknown schemas {sorted(missing)}")
    since = overlay.get("since", {})
    for path, item in paths.items():
        for method in METHODS:
            if method not in item:
                continue
            if overlay.get("plugin"):
                item[method]["x-plugin"] = overlay["plugin"]
            if f"{method.upper()} {path}" in since:
                item[method]["x-since"] = since[f"{method.upper()} {path}"]
        target = doc.setdefault("paths", {}).setdefault(path, {})
        for method in [m for m in METHODS if m in item]:
            if method not in target:
                target[method] = item[method]
            elif "from" in overlay:  # the base document already has the plugin's paths (the source itself)
                target[method]["x-plugin"] = overlay["plugin"]
            else:
                raise OverlayError(f"overlay {overlay['name']}: {method.upper()} {path} exists in the base document")
    _unique_operation_ids(doc, overlay["name"])


def _unique_operation_ids(doc: dict, name: str) -> None:
    """The generator silently writes one module for two operations sharing an operationId."""
    seen: dict[str, str] = {}
    for path, item in doc.get("paths", {}).items():
        for method in [m for m in METHODS if m in item]:
            op_id = item[method].get("operationId")
            if op_id in seen:
                raise OverlayError(
                    f"overlay {name}: operationId {op_id} of {method.upper()} {path} is used by {seen[op_id]}"
                )
            if op_id:
                seen[op_id] = f"{method.upper()} {path}"


def _fragment(overlay: dict, spec_dir: Path | None) -> tuple[dict, dict]:
    if "from" not in overlay:
        return copy.deepcopy(overlay.get("paths", {})), copy.deepcopy(overlay.get("components", {}).get("schemas", {}))
    source_path = (spec_dir or Path(".")) / overlay["from"]
    if not source_path.exists():
        raise OverlayError(f"overlay {overlay['name']}: {overlay['from']} not found in {spec_dir}")
    source = json.loads(source_path.read_text())
    prefixes = tuple(overlay["take_paths"])
    paths = {p: copy.deepcopy(v) for p, v in source["paths"].items() if p.startswith(prefixes)}
    names = closure(source, refs(paths))
    return paths, {n: copy.deepcopy(source["components"]["schemas"][n]) for n in sorted(names)}
