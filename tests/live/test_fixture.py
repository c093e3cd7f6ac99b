"""The live fixture itself: a Kimai that cannot be had fails the live tests with kimai-server's own sentence."""

import os
import socket
import subprocess
import sys

import pytest

from tests.support.live import LiveKimaiError, checked, free_port, parse_lines, run_script, sentence
from tests.support.paths import ROOT


def test_the_printed_lines_are_read_as_they_are():
    lines = parse_lines("KIMAI_URL=http://127.0.0.1:5\nKIMAI_ADMIN_TOKEN=a=b\nnoise\n KIMAI_USER_TOKEN=u \n")
    assert lines == {"KIMAI_URL": "http://127.0.0.1:5", "KIMAI_ADMIN_TOKEN": "a=b", "KIMAI_USER_TOKEN": "u"}


def test_the_error_line_comes_first():
    stderr = "kimai-server: starting MariaDB\nkimai-server: error: port 5 is already in use by another process\n"
    assert sentence("start", 1, stderr).splitlines() == [
        "kimai-server: error: port 5 is already in use by another process",
        "(its last progress lines:)",
        "kimai-server: starting MariaDB",
    ]


def test_a_taken_port_is_refused_in_the_scripts_own_words(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        root = tmp_path / "kimai"
        with pytest.raises(LiveKimaiError) as refused:
            checked("start", root, run_script("start", root, "--port", str(port), "--db-port", str(free_port())))
    assert f"port {port} is already in use" in str(refused.value)


def test_live_tests_without_a_kimai_fail_and_are_never_skipped(tmp_path):
    """A folder that is no kimai-server root: the script refuses it, and the live tests fail with its sentence."""
    (tmp_path / "not-kimai").mkdir()
    (tmp_path / "not-kimai" / "something").write_text("x")
    env = {**os.environ, "KIMAI_LIVE_ROOT": str(tmp_path / "not-kimai")}
    env.pop("KIMAI_LIVE_PORT", None), env.pop("KIMAI_LIVE_DB_PORT", None)
    child = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/live/test_config.py", "-k", "plugins", "-rA"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip

    output = child.stdout + child.stderr
    assert child.returncode == 1, output
    assert "is not a kimai-server root" in output, output
    assert "skipped" not in output.lower() and " error" in output.lower(), output
