"""`make regen` end to end: every pinned document generates, deterministically, and the committed client is current."""

import json
import os
import subprocess
import sys

import pytest

from scripts import regen
from tests.support.paths import ROOT, SPECS

PINS = [p["file"] for p in json.loads((ROOT / "openapi/pins.json").read_text())["pins"]]


def run_regen(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/regen.py", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("spec", PINS)
def test_every_pinned_document_generates_without_warnings(spec, tmp_path):
    result = run_regen("--spec", spec, "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "kimai_client/manifest.json").read_text())
    assert manifest["spec"] == spec and manifest["operations"] > 60
    index = json.loads((tmp_path / "kimai_client/operations.json").read_text())
    for key, entry in index.items():
        if entry["module"]:
            module = entry["module"].replace(".", "/").removeprefix("kimai_client/")
            assert (tmp_path / "kimai_client" / f"{module}.py").is_file(), key


def test_generation_is_deterministic(tmp_path):
    for out in ("a", "b"):
        assert run_regen("--out", str(tmp_path / out)).returncode == 0
    assert regen.same_tree(tmp_path / "a", tmp_path / "b") == []


def test_committed_client_is_what_the_default_pin_generates():
    result = run_regen("--check")
    assert result.returncode == 0, result.stderr


def test_check_reports_a_hand_edit(tmp_path):
    assert run_regen("--out", str(tmp_path)).returncode == 0
    (tmp_path / "kimai_client/client.py").write_text("# edited\n")
    result = run_regen("--check", "--out", str(tmp_path))
    assert result.returncode == 1 and "client.py" in result.stderr


def test_a_changed_pinned_file_is_refused(tmp_path):
    spec = tmp_path / "kimai-2.31.0-live.json"
    spec.write_bytes((SPECS / spec.name).read_bytes() + b" ")
    env = {**os.environ, "SPEC_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "scripts/regen.py", "--spec", spec.name, "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert result.returncode == 2 and "sha256" in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_spec_is_one_sentence():
    result = run_regen("--spec", "kimai-9.99.json")
    assert result.returncode == 2 and "No document" in result.stderr and "Traceback" not in result.stderr


def test_index_knows_versions_and_plugins():
    index = json.loads((ROOT / "generated/kimai_client/operations.json").read_text())
    assert index["GET /api/projects/{id}/comments"]["since"] == "2.57.0"
    assert index["PATCH /api/users/{id}/preferences"]["absent_through"] == "2.39.99"
    assert index["POST /api/absences"]["plugin"] == "WorkContract"
    assert index["POST /api/absences"]["required"] == ["comment", "user", "date", "type"]
    assert index["GET /api/timesheets"]["query"]["orderBy"] == "order_by"
    assert index["DELETE /api/teams/{id}/members/{userId}"]["path"] == {"id": "id", "userId": "user_id"}


def test_index_has_each_pinned_kimais_form():
    forms = json.loads((ROOT / "generated/kimai_client/operations.json").read_text())["POST /api/customers"]["forms"]
    through = [form["through"] for form in forms]
    assert through == sorted(through, key=lambda v: tuple(map(int, v.split("."))))
    for_2_31 = next(form for form in forms if tuple(map(int, form["through"].split("."))) >= (2, 31))
    assert "language" not in for_2_31["required"] and "address" in for_2_31["fields"]
    assert "language" in forms[-1]["required"]
