"""`make compat`: operations and tool actions × pinned Kimai versions, from the pinned documents alone."""

import os
import subprocess
import sys

import pytest

from scripts import compat
from tests.support.paths import ROOT


def at(spec: str) -> compat.Pinned:
    return next(p for p in compat.pinned() if p.pin["file"] == spec)


def row(lines: list[str], start: str) -> list[str]:
    (line,) = [line for line in lines if line.startswith(start)]
    return [cell.strip() for cell in line.strip("|").split("|")]


@pytest.mark.parametrize(
    ("ops", "spec", "text"),
    [
        (["GET /api/projects/{id}/comments"], "kimai-2.48-2.53.json", "needs Kimai ≥ 2.57"),
        (["GET /api/projects/{id}/comments"], "kimai-2.63-2.64-with-approval-plugin.json", "✓"),
        (["PATCH /api/users/{id}/preferences"], "kimai-2.36-2.39-with-workcontract-plugin.json", "needs Kimai ≥ 2.40"),
        (
            ["GET /api/favorites/timesheets"],
            "kimai-2.63-2.64-with-approval-plugin.json",
            "overlay route, needs Kimai ≥ 2.66",
        ),
        (["GET /api/favorites/timesheets"], "kimai-2.0.x.json", "overlay route, needs Kimai ≥ 2.66"),
        (["GET /api/absences"], "kimai-2.31.0-live.json", "WorkContract plugin"),
        (["GET /api/absences", "GET /api/users"], "kimai-2.31.0-live.json", "WorkContract plugin"),
        (
            ["GET /api/config/colors", "PATCH /api/invoices/{id}"],
            "kimai-2.0.x.json",
            "overlay route, needs Kimai ≥ 2.68",
        ),
        (["GET /api/config/colors", "GET /api/version"], "kimai-2.0.x.json", "needs Kimai ≥ 2.25"),
    ],
)
def test_an_action_is_as_available_as_its_least_available_operation(ops, spec, text):
    assert compat.action_status(ops, at(spec)).text() == text


def test_every_tool_action_has_a_row_with_a_cell_per_pin():
    lines = compat.actions_table()
    assert lines[0].startswith("| tool action | 2.0.15–2.0.35 | 2.25–2.27 | 2.31 |")
    cells = row(lines, "| comment list (customer) |")
    assert cells[1:] == ["needs Kimai ≥ 2.57"] * 6 + ["✓"]
    assert len(lines) == 2 + len(compat.ACTIONS)


def test_changed_query_parameters_are_named_against_the_previous_pin():
    cells = row(compat.operations_table(), "| `GET /api/customers` |")
    assert cells[-1] == "✓ params changed: +full" and cells[-2] == "✓"


def test_the_renamed_customer_address_fields_are_listed_as_a_form_change():
    lines = compat.operations_table()
    cells = row(lines, "| `POST /api/customers` |")
    assert cells[-2].startswith("✓ form changed (")
    note = cells[-2].split("(")[1].rstrip(")")
    (text,) = [line for line in lines if line.startswith(f"{note}. POST /api/customers, Kimai 2.48–2.53")]
    assert "+addressLine1" in text and "−address_line1" in text


def test_operations_hidden_in_a_later_version_are_absent_there():
    cells = row(compat.operations_table(), "| `GET /api/timesheets/{id}/stop` |")
    assert cells[-1] == "—" and cells[-2] == "✓"


def test_output_is_the_same_bytes_in_any_process():
    runs = [
        subprocess.run(
            [sys.executable, "scripts/compat.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        for seed in ("1", "2")
    ]
    assert runs[0].returncode == 0, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout


def test_docs_compat_md_is_what_make_compat_writes():
    assert (ROOT / "docs/COMPAT.md").read_text() == compat.render(), (
        "docs/COMPAT.md is stale: run `.venv/bin/python scripts/compat.py --write` and commit it."
    )
