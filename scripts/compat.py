"""`make compat`: Kimai operations and tool actions × every pinned Kimai version, as Markdown.

Read from the pinned documents alone (overlays merged and rules applied as `make regen` does) and from the tool
declarations of the tool modules (kimai_tools/tools/, see declare.py). `--write` stores the result in docs/COMPAT.md.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kimai_tools.tools import label, rows  # noqa: E402

ACTIONS = rows()
from scripts import regen  # noqa: E402
from scripts.normalise import REF, kimai_version_key, operations  # noqa: E402

COMPAT_MD = ROOT / "docs" / "COMPAT.md"

app = typer.Typer(add_completion=False, help=__doc__, pretty_exceptions_enable=False)


@dataclass(frozen=True)
class Pinned:
    """One pinned document as the client generated from it sees it: overlays merged, rules applied."""

    pin: dict
    doc: dict

    @property
    def label(self) -> str:
        return "–".join(short(v) for v in dict.fromkeys(self.pin["kimai"]))

    @property
    def version(self) -> str:
        """The newest Kimai the pin stands for: the version a mock of the document answers."""
        return self.pin["kimai"][-1]

    @property
    def ops(self) -> dict[str, dict]:
        return {f"{m.upper()} {p}": op for m, p, op in operations(self.doc)}


@dataclass(frozen=True)
class Status:
    kind: str  # ok, plugin (served once the plugin is installed), since, overlay (a gated overlay route), absent
    since: str | None = None
    plugin: str | None = None

    @property
    def available(self) -> bool:
        """Served by a Kimai of the pinned version (a plugin's routes: once the plugin is installed)."""
        return self.kind in ("ok", "plugin")

    def text(self) -> str:
        return {
            "ok": "✓",
            "plugin": f"{self.plugin} plugin",
            "since": f"needs Kimai ≥ {short(self.since or '')}",
            "overlay": f"overlay route, needs Kimai ≥ {short(self.since or '')}",
            "absent": "not in this version's document",
        }[self.kind]


def short(version: str) -> str:
    """2.57.0 -> 2.57; 2.0.15 stays."""
    return version[:-2] if version.endswith(".0") and version.count(".") == 2 else version


@cache
def pinned() -> tuple[Pinned, ...]:
    """Every pinned document, oldest first."""
    ordered = sorted(regen.pins()["pins"], key=lambda p: kimai_version_key(p["kimai"][0]))
    return tuple(Pinned(pin, regen.prepare(regen.find_spec(pin["file"]))[3]) for pin in ordered)


@cache
def since() -> dict[str, dict]:
    """Per operation: the first Kimai version that has it (as the operation index has it)."""
    return regen.availability()


def operation_status(key: str, at: Pinned) -> Status:
    op = at.ops.get(key)
    known = since().get(key, {})
    if op is not None and op.get("x-plugin"):
        return Status("plugin", plugin=op["x-plugin"])
    gate = (op or {}).get("x-since") or (known.get("since") if known.get("overlay") else None)
    if gate and kimai_version_key(at.version) < kimai_version_key(gate):
        return Status("overlay", since=gate)
    if op is not None:
        return Status("ok")
    first = known.get("since")
    if first and kimai_version_key(at.version) < kimai_version_key(first):
        return Status("since", since=first)
    return Status("absent")


def action_status(ops: list[str], at: Pinned) -> Status:
    """As available as its least available operation; of those a version gates, the one needing the newest Kimai."""
    statuses = [operation_status(op, at) for op in ops]
    for kinds in (("absent",), ("since", "overlay"), ("plugin",)):
        found = [s for s in statuses if s.kind in kinds]
        if found:
            return max(found, key=lambda s: kimai_version_key(s.since or "0"))
    return Status("ok")


def _param_names(op: dict) -> set[str]:
    return {p["name"] for p in op.get("parameters", []) if p.get("in") in ("query", "path")}


def _form(doc: dict, op: dict) -> tuple[str | None, set[str]]:
    """The request body's schema name and field names."""
    schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    name = None
    if isinstance(schema, dict) and schema.get("$ref", "").startswith(REF):
        name = schema["$ref"][len(REF) :]
        schema = doc.get("components", {}).get("schemas", {}).get(name, {})
    if isinstance(schema, dict) and schema.get("type") == "array":
        schema = schema.get("items", {})
    return name, set(schema.get("properties", {})) if isinstance(schema, dict) else set()


def _changes(before: set[str], after: set[str]) -> str:
    return ", ".join([f"+{n}" for n in sorted(after - before)] + [f"−{n}" for n in sorted(before - after)])


def _cell(key: str, at: Pinned, previous: tuple[Pinned, dict] | None, notes: list[str]) -> str:
    """✓/—/plugin, with the parameter and form changes against the previous pin that had the operation."""
    status = operation_status(key, at)
    cell = {"ok": "✓", "plugin": "plugin"}.get(status.kind, "—")
    if status.kind != "ok" or previous is None:
        return cell
    (before_at, before_op), op = previous, at.ops[key]
    changed = []
    params = _changes(_param_names(before_op), _param_names(op))
    if params:
        changed.append(f"params changed: {params}")
    (_, before), (name, after) = _form(before_at.doc, before_op), _form(at.doc, op)
    if before != after:
        notes.append(f"{len(notes) + 1}. {key}, Kimai {at.label} ({name}): {_changes(before, after)}")
        changed.append(f"form changed ({len(notes)})")
    return " ".join([cell, "; ".join(changed)]) if changed else cell


def operations_table() -> list[str]:
    pins = pinned()
    keys = sorted({k for p in pins for k in p.ops}, key=lambda k: (k.split(" ", 1)[1], k))
    lines = [
        "| operation | since | " + " | ".join(p.label for p in pins) + " |",
        "|---|---|" + "---|" * len(pins),
    ]
    notes: list[str] = []
    for key in keys:
        cells, previous = [], None
        for at in pins:
            cells.append(_cell(key, at, previous, notes))
            if operation_status(key, at).available:
                previous = (at, at.ops[key])
        lines.append(f"| `{key}` | {_since_text(key, pins)} | " + " | ".join(cells) + " |")
    if notes:
        lines += ["", "Form changes (fields a create or update takes, against the previous pin):", "", *notes]
    return lines


def _since_text(key: str, pins: tuple[Pinned, ...]) -> str:
    plugin = next((p.ops[key].get("x-plugin") for p in pins if key in p.ops and p.ops[key].get("x-plugin")), None)
    if plugin:
        return f"{plugin} plugin"
    known = since().get(key, {})
    first = known.get("since")
    text = short(first) if first else "?"
    return f"{text} (overlay)" if known.get("overlay") else text


def actions_table() -> list[str]:
    pins = pinned()
    lines = ["| tool action | " + " | ".join(p.label for p in pins) + " |", "|---|" + "---|" * len(pins)]
    for key in sorted(ACTIONS, key=lambda k: (k[0], k[1] or "", k[2] or "")):
        cells = [action_status(ACTIONS[key], at).text() for at in pins]
        lines.append(f"| {label(key)} | " + " | ".join(cells) + " |")
    return lines


def sends_table() -> list[str]:
    """Every operation each tool action may send: what it needs, and what it sends only when needed."""
    everything = rows(optional=True)
    lines = ["| tool action | needs | also, when needed |", "|---|---|---|"]
    for key in sorted(ACTIONS, key=lambda k: (k[0], k[1] or "", k[2] or "")):
        also = [op for op in everything[key] if op not in ACTIONS[key]]
        lines.append(f"| {label(key)} | {', '.join(ACTIONS[key])} | {', '.join(also) or '—'} |")
    return lines


def render() -> str:
    pins = pinned()
    files = ", ".join(f"`{p.pin['file']}` ({p.label})" for p in pins)
    return "\n".join(
        [
            "# Is my Kimai covered?",
            "",
            "Written by `make compat` (`scripts/compat.py --write`) from `openapi/pins.json`, the pinned Kimai",
            "documents with the overlays of `openapi/overlays/` merged as `make regen` merges them, and the",
            "operations each tool action may send (declared in its module under `kimai_tools/tools/`).",
            "Do not edit by hand.",
            "",
            f"Pinned documents: {files}.",
            "A column stands for the pin's newest version; `config version` names the pin your Kimai is closest to.",
            "",
            "## Tool actions",
            "",
            "✓: works with that Kimai. *needs Kimai ≥ X*: that Kimai lacks the endpoint; the tool says so instead",
            "of calling it. *WorkContract plugin*: works where the (commercial) plugin is installed. *overlay route*:",
            "an endpoint of a Kimai release newer than every pinned document, declared by the project's overlay.",
            "`tests/matrix` proves every cell against a mock of each pinned document from 2.25 on.",
            "",
            *actions_table(),
            "",
            "## What each tool action sends",
            "",
            "Besides Kimai's version, plugins and the caller (`GET /api/version`, `/api/plugins`, `/api/users/me`).",
            "*Also, when needed*: a dry run's reads, a fallback for another plugin release, the undo of a split",
            "absence, the palette for a colour Kimai refuses. In tests a strict mode fails any other request.",
            "",
            *sends_table(),
            "",
            "## Kimai operations",
            "",
            "✓: in the pinned document; —: not in it; *plugin*: served by the plugin named under *since* where it",
            "is installed (merged from an overlay); *params changed*: query or path parameters added (+) or removed",
            "(−) since the previous pin; *form changed*: fields of the request body, listed below.",
            "",
            *operations_table(),
            "",
        ]
    )


@app.command()
def main(write: bool = typer.Option(False, help=f"Write the matrix to {COMPAT_MD.relative_to(ROOT)}.")) -> None:
    """Print the compatibility matrix (Markdown)."""
    try:
        text = render()
    except regen.RegenError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if write:
        COMPAT_MD.parent.mkdir(exist_ok=True)
        COMPAT_MD.write_text(text)
        typer.echo(f"Wrote {COMPAT_MD.relative_to(ROOT)}.")
    else:
        typer.echo(text, nl=False)


if __name__ == "__main__":
    app()
