"""The one table of settings: the command line, its --help and the README come from it; the original server's
deprecated --kimai-user / KIMAI_DEFAULT_USER start the server with a warning."""

import logging
import os
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from kimai_tools.stdio.main import app
from kimai_tools.stdio.options import SETTINGS
from scripts import config_table
from tests.conftest import TOKEN
from tests.support.paths import ROOT

WARNING = "kimai-mcp: warning: {} is deprecated and ignored"


@pytest.fixture
def served(tmp_path, monkeypatch):
    """The settings the CLI would serve with (nothing is served), from a clean environment and working directory."""
    for setting in SETTINGS.values():
        if setting.env:
            monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.chdir(tmp_path)
    seen = []

    class Server:
        def run(self):
            pass

    monkeypatch.setattr("kimai_tools.server.build_server", lambda settings: seen.append(settings) or Server())
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield seen
    root.handlers[:], root.level = handlers, level


def options_of_the_command() -> dict[str, object]:
    command = typer.main.get_command(app)
    ctx = command.make_context("kimai-mcp", [], resilient_parsing=True)
    return {name: param for param in command.get_params(ctx) for name in param.opts}


def test_the_command_has_exactly_the_options_of_the_table():
    assert sorted(options_of_the_command()) == sorted(s.option for s in SETTINGS.values() if s.option)


@pytest.mark.parametrize("name", [name for name, s in SETTINGS.items() if s.option])
def test_each_option_takes_and_explains_what_the_table_says(name):
    setting, param = SETTINGS[name], options_of_the_command()[SETTINGS[name].option]
    assert param.help == setting.help
    assert param.is_flag is (setting.metavar is None)
    if setting.metavar:
        assert param.metavar == setting.metavar


def test_help_names_every_option_and_variable():
    text = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    for setting in SETTINGS.values():
        assert all(name in text for name in (setting.option, setting.env) if name), setting


def test_readme_configuration_table_is_what_the_script_prints():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first, last = config_table.readme_table(text)
    assert text.splitlines()[first:last] == config_table.render(), (
        "README.md's Configuration table is stale: run `.venv/bin/python scripts/config_table.py --write`."
    )


@pytest.mark.parametrize("args", [["--kimai-user=5"], ["--kimai-user", "5"]])
def test_the_original_servers_kimai_user_is_accepted_and_ignored(served, args):
    result = CliRunner().invoke(app, ["--kimai-url", "https://kimai.example", "--kimai-token", TOKEN, *args])

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()] and WARNING.format("--kimai-user") in result.stderr
    assert served[0].url == "https://kimai.example" and served[0].token == TOKEN


@pytest.mark.parametrize("source", ["environment", ".env"])
def test_the_original_servers_kimai_default_user_is_accepted_with_a_warning(served, source, monkeypatch, tmp_path):
    if source == "environment":
        monkeypatch.setenv("KIMAI_DEFAULT_USER", "5")
    else:
        (tmp_path / ".env").write_text("KIMAI_DEFAULT_USER=5\n")  # the working directory's
    result = CliRunner().invoke(app, ["--kimai-url", "https://kimai.example", "--kimai-token", TOKEN])

    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\n") == 1 and WARNING.format("KIMAI_DEFAULT_USER") in result.stderr


def test_option_and_variable_together_warn_once(served, monkeypatch):
    monkeypatch.setenv("KIMAI_DEFAULT_USER", "7")
    result = CliRunner().invoke(app, ["--kimai-url", "https://k", "--kimai-token", TOKEN, "--kimai-user=5"])
    assert result.exit_code == 0 and result.stderr.count("deprecated") == 1


@pytest.mark.parametrize("value", [None, ""])
def test_no_warning_without_it(served, monkeypatch, value):
    if value is not None:
        monkeypatch.setenv("KIMAI_DEFAULT_USER", value)  # empty counts as unset
    result = CliRunner().invoke(app, ["--kimai-url", "https://k", "--kimai-token", TOKEN])
    assert result.exit_code == 0 and result.stderr == ""


def test_a_claude_entry_of_the_original_server_starts_over_stdio(tmp_path):
    """The original's README: args `--kimai-url=… --kimai-token=… --kimai-user=5`; here URL and token come from env."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "KIMAI_URL": "http://127.0.0.1:9", "KIMAI_API_TOKEN": TOKEN}
    done = subprocess.run(
        [sys.executable, "-m", "kimai_tools", "--kimai-user=5"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert "No such option" not in done.stderr and TOKEN not in done.stderr + done.stdout
    assert done.stderr.splitlines() == [
        "kimai-mcp: warning: --kimai-user is deprecated and ignored: the tools take the user per call; "
        "remove it from the configuration."
    ]
