"""`kimai-mcp --setup`: answers on stdin, checked against a Kimai on loopback, written into Claude Desktop's config."""

import json
import os
import stat
import sys
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kimai_tools.stdio.main import app
from kimai_tools.stdio.settings import ConfigError
from kimai_tools.stdio.setup import claude_config_path, server_command, write_claude_config
from tests.conftest import TOKEN
from tests.support.fake import recorded


class LoopbackKimai(BaseHTTPRequestHandler):
    """Kimai 2.31's answers: the recorded version and user for the right token, 401 with an empty body otherwise."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self.answer(401, b"")
        bodies = {"/api/version": "002-get_app_api_status_version", "/api/users/me": "006-get_me_user"}
        name = bodies.get(self.path)
        if name is None:
            return self.answer(404, b'{"code":404,"message":"Not Found"}')
        return self.answer(200, json.dumps(recorded(name)["response"]["json_body"]).encode())

    def answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def kimai_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), LoopbackKimai)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def claude_config(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "Claude" / "claude_desktop_config.json"
    monkeypatch.setenv("KIMAI_MCP_CLAUDE_CONFIG", str(path))
    for key in ("KIMAI_URL", "KIMAI_API_TOKEN", "KIMAI_SSL_VERIFY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    return path


def run_setup(*answers: str, args: tuple[str, ...] = ()):
    return CliRunner().invoke(app, ["--setup", *args], input="".join(a + "\n" for a in answers))


def test_setup_checks_kimai_and_writes_the_claude_entry(kimai_url, claude_config):
    result = run_setup(kimai_url, TOKEN, "true")

    assert result.exit_code == 0, result.stderr
    entry = json.loads(claude_config.read_text())["mcpServers"]["kimai"]
    assert entry["env"] == {"KIMAI_URL": kimai_url, "KIMAI_API_TOKEN": TOKEN, "KIMAI_SSL_VERIFY": "true"}
    assert Path(entry["command"]).is_absolute() and Path(entry["command"]).is_file()
    assert "Kimai 2.31.0" in result.stdout and "admin" in result.stdout
    assert "Restart Claude Desktop" in result.stdout
    assert TOKEN not in result.stdout + result.stderr


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_new_config_is_readable_by_its_owner_only(kimai_url, claude_config):
    assert run_setup(kimai_url, TOKEN, "true").exit_code == 0
    assert stat.S_IMODE(claude_config.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_world_readable_config_and_its_backup_become_owner_only(kimai_url, claude_config):
    claude_config.parent.mkdir(parents=True)
    claude_config.write_text(json.dumps({"mcpServers": {"kimai": {"env": {"KIMAI_API_TOKEN": "old-secret"}}}}))
    claude_config.chmod(0o644)
    claude_config.with_name(claude_config.name + ".partial").touch(mode=0o644)  # left by an interrupted run

    assert run_setup(kimai_url, TOKEN, "true").exit_code == 0

    (backup,) = claude_config.parent.glob("claude_desktop_config.json.*.bak")
    assert stat.S_IMODE(claude_config.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_setup_keeps_other_servers_and_a_timestamped_backup(kimai_url, claude_config):
    claude_config.parent.mkdir(parents=True)
    old = {"mcpServers": {"files": {"command": "npx", "args": ["fs"]}, "kimai": {"command": "old"}}, "theme": "dark"}
    claude_config.write_text(json.dumps(old))

    result = run_setup(kimai_url, TOKEN, "false", args=("--read-only",))

    assert result.exit_code == 0, result.stderr
    config = json.loads(claude_config.read_text())
    assert config["theme"] == "dark" and config["mcpServers"]["files"] == old["mcpServers"]["files"]
    assert config["mcpServers"]["kimai"]["env"]["KIMAI_SSL_VERIFY"] == "false"
    assert config["mcpServers"]["kimai"]["args"][-1] == "--read-only"
    (backup,) = claude_config.parent.glob("claude_desktop_config.json.*.bak")
    assert json.loads(backup.read_text()) == old
    assert backup.name in result.stdout


def test_broken_json_is_never_overwritten(kimai_url, claude_config):
    claude_config.parent.mkdir(parents=True)
    claude_config.write_text('{"mcpServers": {"files": ')

    result = run_setup(kimai_url, TOKEN, "true")

    assert result.exit_code == 1
    assert claude_config.read_text() == '{"mcpServers": {"files": '
    assert "is not valid JSON" in result.stderr and "left unchanged" in result.stderr
    assert list(claude_config.parent.iterdir()) == [claude_config]


def test_a_refused_token_is_said_and_asked_again(kimai_url, claude_config):
    result = run_setup(kimai_url, "wrong-token", "true", "", TOKEN, "")

    assert result.exit_code == 0, result.stderr
    assert "401" in result.stderr and "API token was not accepted" in result.stderr
    assert "Try again (1 of 3 attempts)" in result.stderr
    assert json.loads(claude_config.read_text())["mcpServers"]["kimai"]["env"]["KIMAI_API_TOKEN"] == TOKEN
    assert "wrong-token" not in result.stdout + result.stderr


def test_three_failures_exit_non_zero_and_change_nothing(claude_config, monkeypatch):
    monkeypatch.setattr(
        "kimai_tools.kimai.transport.RetryTransport.__init__.__defaults__", (3, 0.0)
    )  # no backoff waits
    unreachable = "http://127.0.0.1:9"  # the discard port: nothing listens
    result = run_setup(*[unreachable, TOKEN, "true"] * 3)

    assert result.exit_code == 1
    assert result.stderr.count("Cannot reach Kimai at http://127.0.0.1:9") == 3
    assert "Nothing was changed." in result.stderr
    assert not claude_config.exists()
    assert "Traceback" not in result.stderr


def test_a_bad_url_or_tls_setting_is_explained_before_any_request(kimai_url, claude_config):
    result = run_setup("kimai.example.com", TOKEN, "true", kimai_url, TOKEN, "/no/such/ca.pem", kimai_url, TOKEN, "no")

    assert result.exit_code == 0, result.stderr
    assert "KIMAI_URL must start with http:// or https://" in result.stderr
    assert "neither true/false nor an existing CA bundle file" in result.stderr


def test_end_of_input_cancels_without_a_traceback(claude_config):
    result = run_setup("https://kimai.example.com")

    assert result.exit_code == 1
    assert "Setup cancelled" in result.stderr and not claude_config.exists()


def test_known_settings_are_offered_as_defaults(kimai_url, claude_config, monkeypatch):
    monkeypatch.setenv("KIMAI_URL", kimai_url)
    monkeypatch.setenv("KIMAI_API_TOKEN", TOKEN)

    result = run_setup("", "", "")

    assert result.exit_code == 0, result.stderr
    assert json.loads(claude_config.read_text())["mcpServers"]["kimai"]["env"]["KIMAI_URL"] == kimai_url


def test_backups_of_the_same_second_do_not_overwrite_each_other(tmp_path):
    path = tmp_path / "claude_desktop_config.json"
    path.write_text("{}")
    now = datetime(2026, 1, 2, 3, 4, 5)

    first = write_claude_config(path, {"command": "a"}, now)
    second = write_claude_config(path, {"command": "b"}, now)

    assert first.name == "claude_desktop_config.json.20260102-030405.bak"
    assert second != first and json.loads(second.read_text())["mcpServers"]["kimai"] == {"command": "a"}


def test_a_config_whose_servers_are_not_an_object_is_refused(tmp_path):
    path = tmp_path / "claude_desktop_config.json"
    path.write_text('{"mcpServers": []}')
    with pytest.raises(ConfigError, match="left unchanged"):
        write_claude_config(path, {"command": "a"})


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("darwin", {"HOME": "/Users/me"}, "/Users/me/Library/Application Support/Claude/claude_desktop_config.json"),
        (
            "win32",
            {"HOME": "/h", "APPDATA": "/h/AppData/Roaming"},
            "/h/AppData/Roaming/Claude/claude_desktop_config.json",
        ),
        ("linux", {"HOME": "/home/me"}, "/home/me/.config/Claude/claude_desktop_config.json"),
        ("linux", {"HOME": "/home/me", "XDG_CONFIG_HOME": "/xdg"}, "/xdg/Claude/claude_desktop_config.json"),
        ("linux", {"HOME": "/home/me", "KIMAI_MCP_CLAUDE_CONFIG": "/t/c.json"}, "/t/c.json"),
    ],
)
def test_claude_config_path_per_os(platform, environ, expected):
    assert claude_config_path(platform, environ) == Path(expected)


def test_server_command_is_the_running_kimai_mcp(tmp_path, monkeypatch):
    script = tmp_path / "bin" / "kimai-mcp"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["bin/kimai-mcp", "--setup"])
    assert server_command() == (str(script), [])


def test_server_command_falls_back_to_this_python(tmp_path, monkeypatch):
    python = tmp_path / "python3"
    python.write_text("")
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "kimai_tools" / "__main__.py")])
    monkeypatch.setattr(sys, "executable", str(python))
    assert server_command() == (str(python), ["-m", "kimai_tools"])
