"""The Makefile as CI runs it: a test run that collects nothing fails and says why."""

import shutil
import subprocess

import pytest

from tests.support.paths import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_test_fails_and_says_so_when_pytest_collects_nothing(tmp_path):
    # -o install: the venv and node_modules are those of this run, not reinstalled
    run = subprocess.run(
        ["make", "-o", "install", "test", f"PYTEST_ARGS={tmp_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0
    assert "pytest collected no tests" in run.stderr
