"""The team server's commands as a user meets them: a setting that cannot work is one sentence and exit 2,
`check` tries each user's Kimai, `hash-secret` prints a hash the server accepts, and `kimai-mcp-server` says SSE
is gone and what replaces it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kimai_tools.team.passwords import verify_secret
from tests.support.paths import ROOT
from tests.support.team import SECRET_A, SLUG_A, SLUG_B, fakes, users_file

ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("KIMAI_")},
       "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'generated'}"}  # fmt: skip


def team(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kimai_tools.team", *args], input=stdin, capture_output=True,
                          text=True, env={**ENV, **(env or {})}, timeout=60)  # fmt: skip


@pytest.fixture
def users(tmp_path):
    anna = {"kimai_url": "https://kimai.example.com", "kimai_token": "secret-token-a", "auth_secret": SECRET_A}
    return users_file(tmp_path / "users.json", {SLUG_A: anna})


def test_the_sse_server_is_gone_and_says_what_replaces_it():
    done = subprocess.run([sys.executable, "-c", "from kimai_tools.team.main import sse_gone; sse_gone()"],
                          capture_output=True, text=True, env=ENV, timeout=60)  # fmt: skip
    assert done.returncode == 2
    assert "SSE" in done.stderr and "kimai-mcp-streamable" in done.stderr and "kimai-mcp " in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--users-config", "/nonexistent/users.json"], "The users file /nonexistent/users.json does not exist."),
        (["--public-url", "http://mcp.example.com"], "must be https"),
        (["--public-url", "https://mcp.example.com/kimai"], "no path"),
        (["--trusted-proxy", "proxy.example.com"], "is not an IP address or network"),
        (["--rate-limit-rpm", "-1"], "--rate-limit-rpm must be 0"),
    ],
)
def test_a_setting_that_cannot_work_is_one_sentence_and_exit_2(users, args, says):
    done = team("--users-config", str(users), *args)
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and done.stderr.startswith("kimai-mcp-streamable: ")
    assert "Traceback" not in done.stderr and "secret-token-a" not in done.stderr


def test_an_unusable_state_file_is_one_sentence(users, tmp_path):
    (tmp_path / "state-dir").mkdir()
    done = team("--users-config", str(users), "--oauth-state-file", str(tmp_path / "state-dir"))
    assert done.returncode == 2 and "The OAuth state file" in done.stderr and "Traceback" not in done.stderr


def test_help_names_every_option():
    done = team("--help", env={"COLUMNS": "200"})
    assert done.returncode == 0
    for option in ("--host", "--port", "--users-config", "--public-url", "--oauth-state-file",
                   "--disable-legacy-slugs", "--trusted-proxy", "--rate-limit-rpm", "USERS_CONFIG_FILE",
                   "KIMAI_MCP_PUBLIC_URL", "KIMAI_MCP_OAUTH_STATE_FILE", "KIMAI_MCP_TRUSTED_PROXIES",
                   "RATE_LIMIT_RPM", "check", "hash-secret"):  # fmt: skip
        assert option in done.stdout, option


def test_check_tries_every_users_kimai(tmp_path):
    with fakes("anna") as served:
        path = users_file(tmp_path / "users.json", {
            SLUG_A: {"kimai_url": served["anna"].url, "kimai_token": "token-of-anna", "read_only": True},
            SLUG_B: {"kimai_url": "http://127.0.0.1:9", "kimai_token": "token-of-bert"},
        })  # fmt: skip
        done = team("check", "--users-config", str(path))
    lines = [line for line in done.stdout.splitlines() if not line.startswith("warning:")]
    assert done.returncode == 1, done.stdout + done.stderr
    assert lines[0].startswith(f"ok      {SLUG_A}: Kimai 2.31.0 at {served['anna'].url}, signed in as anna")
    assert lines[0].endswith("read-only")
    assert lines[1].startswith(f"FAILED  {SLUG_B}: http://127.0.0.1:9: ")
    assert lines[1].endswith(f"check kimai_url of user {SLUG_B!r} in the team server's users.")  # not KIMAI_URL
    assert len(lines) == 2
    assert "token-of" not in done.stdout + done.stderr


def test_hash_secret_prints_a_hash_the_server_accepts():
    done = team("hash-secret", stdin="a-long-enough-secret-1234\n")
    assert done.returncode == 0, done.stderr
    hashed = done.stdout.strip()
    assert hashed.startswith("scrypt$") and "a-long-enough" not in hashed
    assert verify_secret("a-long-enough-secret-1234", plain=None, hashed=hashed)
    assert not verify_secret("a-long-enough-secret-1235", plain=None, hashed=hashed)
    short = team("hash-secret", stdin="short\n")
    assert short.returncode == 2 and "16 characters" in short.stderr


def test_version():
    done = team("--version")
    assert done.returncode == 0 and done.stdout.startswith("kimai-mcp-streamable ")


def test_check_takes_the_users_file_named_before_it(users):
    done = team("--users-config", str(users), "check")
    assert f"{SLUG_A}: https://kimai.example.com" in done.stdout, done.stdout + done.stderr


def test_an_unknown_log_level_is_refused(users):
    done = team("--users-config", str(users), "--log-level", "LOUD")
    assert done.returncode == 2 and "--log-level must be DEBUG, INFO, WARNING or ERROR" in done.stderr
