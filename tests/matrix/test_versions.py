"""The tools keep working when the client is regenerated for each pinned Kimai version from 2.25 on.

Per pinned document: `scripts/regen.py --spec X --out TMP`, then tests/matrix/_version_checks.py in a subprocess
whose `kimai_client` is TMP's, against a Prism mock of TMP/openapi.json, calls every declared row
(kimai_tools.tools.rows).
An action whose operations that version has must answer without error; one whose operations it lacks must answer
with the sentence `make compat` prints for it ("needs Kimai ≥ X"), never a crash or a Kimai 404.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kimai_tools.tools import label, rows
from kimai_tools.tools.declare import READS, Key
from scripts import compat
from tests.support.paths import ROOT

ACTIONS = rows()
DECLARED = rows(optional=True)  # with what an action sends only when needed

pytestmark = pytest.mark.slow

SPECS = [
    "kimai-2.25-2.27.json",
    "kimai-2.31.0-live.json",
    "kimai-2.36-2.39-with-workcontract-plugin.json",
    "kimai-2.41-2.42.json",
    "kimai-2.48-2.53.json",
    "kimai-2.63-2.64-with-approval-plugin.json",
]
RUNNER = ROOT / "tests" / "matrix" / "_version_checks.py"
TIMEOUT = 300

# Errors that come from Prism's static answers, not from the version: the call was sent and conformed.
STATIC_DATA_ERRORS: dict[Key, str] = {
    # Prism answers every PATCH /export with the same record, `exported: false`: the batch sees no change.
    ("timesheet", "batch_export", None): "Kimai did not mark it exported",
}
# The customer form's address fields, by the first version that takes them.
ADDRESS_FIELDS = [("2.0.0", "address"), ("2.41.0", "address_line1"), ("2.48.0", "addressLine1")]


def pinned(spec: str) -> compat.Pinned:
    return next(p for p in compat.pinned() if p.pin["file"] == spec)


def run_version(spec: str, folder: Path, prism: Path) -> dict:
    """Regenerate the client for `spec` into `folder` and run every action against a mock of that document."""
    client = folder / "client"
    regen = subprocess.run(
        [sys.executable, "scripts/regen.py", "--spec", spec, "--out", str(client)],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
    )  # fmt: skip
    if regen.returncode != 0:
        return {"failure": f"regen failed for {spec}:\n{regen.stdout}{regen.stderr}"}
    out = folder / "results.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(client), str(ROOT)])}
    checks = subprocess.run(
        [sys.executable, str(RUNNER), "--client", str(client), "--prism", str(prism), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, env=env,
    )  # fmt: skip
    if checks.returncode != 0 or not out.exists():
        return {"failure": f"version checks failed for {spec}:\n{checks.stdout}{checks.stderr[-4000:]}"}
    return {**json.loads(out.read_text()), "client_dir": str(client)}


@pytest.fixture(scope="session")
def matrix(request, tmp_path_factory, prism_exe) -> dict[str, dict]:
    """The results of every version a selected test needs, two versions at a time (one core each)."""
    here = Path(__file__).resolve()
    selected = [getattr(i, "callspec", None) for i in request.session.items if Path(i.path).resolve() == here]
    needed = [s for s in SPECS if any(c is not None and c.params.get("spec") == s for c in selected)]
    base = tmp_path_factory.mktemp("matrix")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {spec: pool.submit(run_version, spec, base / f"v{i}", prism_exe) for i, spec in enumerate(needed)}
        return {spec: future.result() for spec, future in futures.items()}


@pytest.fixture
def results(matrix, request) -> dict:
    found = matrix[request.node.callspec.params["spec"]]
    if "failure" in found:
        pytest.fail(found["failure"], pytrace=False)
    return found


@pytest.mark.parametrize("spec", SPECS)
def test_checks_ran_with_the_versions_own_client_and_version(spec, results):
    assert Path(results["client"]).is_relative_to(results["client_dir"]), results["client"]
    assert results["spec"] == spec
    assert results["mock_version"] == pinned(spec).version


@pytest.mark.parametrize("key", list(ACTIONS), ids=label)
@pytest.mark.parametrize("spec", SPECS)
def test_action_answers_as_its_version_allows(spec, key, results):
    answer = results["rows"][label(key)]
    assert answer is not None, f"no sample arguments for {label(key)} in {RUNNER.name}"
    assert "crash" not in answer, answer.get("crash")
    text = answer["text"]
    assert not answer["violations"], "requests that break the document:\n" + "\n".join(answer["violations"])
    undeclared = set(answer["sent"]) - set(DECLARED[key]) - READS
    assert not undeclared, f"{label(key)} sent {sorted(undeclared)}, not declared by its tool module"
    status = compat.action_status(ACTIONS[key], pinned(spec))
    if status.available:
        tolerated = STATIC_DATA_ERRORS.get(key)
        if answer["is_error"] and tolerated and tolerated in text:
            return
        assert not answer["is_error"], f"{label(key)} with {answer['args']}: {text}"
    else:
        expected = f"needs Kimai ≥ {status.since}" if status.since else "is not in this server's Kimai client"
        assert answer["is_error"] and expected in text, f"expected {status.text()!r}: {text}"
        assert not set(answer["sent"]) & set(ACTIONS[key]), "refused only after calling Kimai"


@pytest.mark.parametrize("spec", SPECS)
def test_a_customer_address_is_sent_as_the_versions_form_names_it(spec, results):
    """Refused before sending, naming the field this version takes, unless the tool maps it to that field."""
    version = re.findall(r"\d+", pinned(spec).version)
    taken = [f for since, f in ADDRESS_FIELDS if [int(x) for x in since.split(".")] <= [int(x) for x in version]][-1]
    for field in [f for _, f in ADDRESS_FIELDS]:
        answer = results["probes"][f"customer address as {field}"]
        assert "crash" not in answer, answer.get("crash")
        assert not answer["violations"], answer["violations"]
        if field == taken:
            assert not answer["is_error"], answer["text"]
        elif answer["is_error"]:
            assert "POST /api/customers" not in answer["sent"] and taken in answer["text"], answer["text"]


@pytest.mark.parametrize("spec", SPECS)
def test_no_answer_of_the_mock_contradicts_the_document(spec, results):
    assert not results["response_violations"], "\n".join(results["response_violations"])
