"""Settings: option, then environment, then ./.env; every source honoured; the CLI's start-up refusals."""

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import certifi
import pytest
from typer.testing import CliRunner

from kimai_tools import __version__
from kimai_tools.config import Settings
from kimai_tools.stdio.dotenv import read_dotenv
from kimai_tools.stdio.main import app
from kimai_tools.stdio.settings import ConfigError, load_settings
from tests.conftest import TOKEN

KEYS = ("KIMAI_URL", "KIMAI_API_TOKEN", "KIMAI_SSL_VERIFY", "KIMAI_READ_ONLY", "KIMAI_LOG_LEVEL")


@pytest.fixture
def dotenv(tmp_path):
    def write(**values: str):
        path = tmp_path / ".env"
        path.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
        return path

    return write


@pytest.fixture
def clean(tmp_path, monkeypatch):
    """No KIMAI_* variables and no .env of the developer's; the working directory is a fresh folder."""
    for key in KEYS:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("option", "env", "file", "expected"),
    [
        ("https://option.example", "https://env.example", "https://file.example", "https://option.example"),
        (None, "https://env.example", "https://file.example", "https://env.example"),
        (None, None, "https://file.example", "https://file.example"),
        (None, "", "https://file.example", "https://file.example"),  # an empty variable counts as unset
    ],
)
def test_option_beats_environment_beats_dotenv(dotenv, option, env, file, expected):
    environ = {"KIMAI_API_TOKEN": "t"} | ({"KIMAI_URL": env} if env is not None else {})
    settings = load_settings(url=option, environ=environ, dotenv=dotenv(KIMAI_URL=file))
    assert settings.url == expected


def test_every_setting_can_come_from_dotenv_alone(dotenv):
    path = dotenv(KIMAI_URL="https://kimai.example/api/", KIMAI_API_TOKEN=TOKEN, KIMAI_SSL_VERIFY="false")
    settings = load_settings(environ={}, dotenv=path)
    assert (settings.url, settings.token, settings.ssl_verify) == ("https://kimai.example", TOKEN, False)


@pytest.mark.parametrize(("value", "expected"), [("false", False), ("0", False), ("no", False), ("TRUE", True)])
def test_ssl_verify_from_the_environment_without_an_option(value, expected):
    environ = {"KIMAI_URL": "https://k", "KIMAI_API_TOKEN": "t", "KIMAI_SSL_VERIFY": value}
    assert load_settings(environ=environ, dotenv=None).ssl_verify is expected


def test_ssl_verify_option_beats_the_environment():
    environ = {"KIMAI_URL": "https://k", "KIMAI_API_TOKEN": "t", "KIMAI_SSL_VERIFY": "false"}
    assert load_settings(ssl_verify="true", environ=environ).ssl_verify is True


def test_a_ca_bundle_path_is_kept_as_an_absolute_path():
    environ = {"KIMAI_URL": "https://k", "KIMAI_API_TOKEN": "t", "KIMAI_SSL_VERIFY": certifi.where()}
    assert load_settings(environ=environ).ssl_verify == certifi.where()


def test_a_missing_ca_bundle_is_refused(tmp_path):
    environ = {"KIMAI_URL": "https://k", "KIMAI_API_TOKEN": "t", "KIMAI_SSL_VERIFY": str(tmp_path / "ca.pem")}
    with pytest.raises(ConfigError, match="neither true/false nor an existing CA bundle file"):
        load_settings(environ=environ)


def test_a_file_without_certificates_is_refused(tmp_path):
    not_pem = tmp_path / "ca.pem"
    not_pem.write_text("hello")
    with pytest.raises(ConfigError, match="holds no PEM certificate"):
        load_settings(environ={"KIMAI_URL": "https://k", "KIMAI_API_TOKEN": "t", "KIMAI_SSL_VERIFY": str(not_pem)})


def test_missing_url_and_token_are_both_named(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={}, dotenv=tmp_path / "none.env")
    assert "KIMAI_URL and KIMAI_API_TOKEN" in str(caught.value) and "--setup" in str(caught.value)


def test_a_url_without_scheme_is_refused():
    with pytest.raises(ConfigError, match="must start with http:// or https://"):
        load_settings(environ={"KIMAI_URL": "kimai.example.com", "KIMAI_API_TOKEN": "t"})


def test_a_url_with_a_password_is_refused_without_repeating_it(tmp_path):
    environ = {"KIMAI_URL": "https://anna:pr0xy-secret@kimai.example/", "KIMAI_API_TOKEN": "t"}
    with pytest.raises(ConfigError, match="must not hold a user name or password") as caught:
        load_settings(environ=environ, dotenv=tmp_path / "none.env")
    assert "pr0xy-secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("given", "root"),
    [
        ("  https://host.example/kimai/api/ \t", "https://host.example/kimai"),
        ("http://[2001:db8::1]:8001/", "http://[2001:db8::1]:8001"),
        ("https://kimai.example/apis", "https://kimai.example/apis"),
        ("HTTPS://Kimai.example", "HTTPS://Kimai.example"),
    ],
)
def test_the_url_keeps_its_path_prefix_and_loses_api_and_spaces(given, root, tmp_path):
    settings = load_settings(environ={"KIMAI_URL": given, "KIMAI_API_TOKEN": "t"}, dotenv=tmp_path / "none.env")
    assert settings.url == root


def test_read_only_from_the_environment():
    environ = {"KIMAI_URL": "https://k", "KIMAI_API_TOKEN": "t", "KIMAI_READ_ONLY": "true"}
    assert load_settings(environ=environ).read_only is True


def test_dotenv_understands_quotes_export_and_comments(tmp_path):
    path = tmp_path / ".env"
    path.write_text("# a comment\nexport KIMAI_URL='https://k'\nKIMAI_API_TOKEN = \"a=b\"\n\nbroken line\n")
    assert read_dotenv(path) == {"KIMAI_URL": "https://k", "KIMAI_API_TOKEN": "a=b"}


def test_the_token_is_not_in_the_settings_repr():
    settings = Settings(url="https://k", token=TOKEN)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings) and TOKEN not in f"{settings}"


# The CLI as wired: what reaches build_server, and the start-up refusals.


@pytest.fixture
def served(monkeypatch):
    """The settings the CLI would serve with; nothing is served."""
    seen = []

    class Server:
        def run(self):
            pass

    def build_server(settings):
        seen.append(settings)
        return Server()

    monkeypatch.setattr("kimai_tools.server.build_server", build_server)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield seen
    root.handlers[:], root.level = handlers, level  # the CLI configured logging for a stream that is gone now


def test_cli_honours_kimai_ssl_verify_without_an_option(clean, served, monkeypatch):
    monkeypatch.setenv("KIMAI_URL", "https://kimai.example")
    monkeypatch.setenv("KIMAI_API_TOKEN", TOKEN)
    monkeypatch.setenv("KIMAI_SSL_VERIFY", "false")

    result = CliRunner().invoke(app, [])

    assert result.exit_code == 0, result.stderr
    assert served[0].ssl_verify is False and served[0].token == TOKEN


def test_cli_options_beat_environment_and_dotenv(clean, served, monkeypatch):
    (clean / ".env").write_text("KIMAI_URL=https://file.example\nKIMAI_API_TOKEN=file-token\n")
    monkeypatch.setenv("KIMAI_URL", "https://env.example")

    result = CliRunner().invoke(app, ["--kimai-url", "https://option.example", "--ssl-verify", "false", "--read-only"])

    assert result.exit_code == 0, result.stderr
    settings = served[0]
    assert (settings.url, settings.token, settings.ssl_verify, settings.read_only) == (
        "https://option.example", "file-token", False, True,
    )  # fmt: skip


def test_cli_reads_dotenv_of_the_working_directory(clean, served):
    (clean / ".env").write_text(f"KIMAI_URL=https://file.example\nKIMAI_API_TOKEN={TOKEN}\nKIMAI_SSL_VERIFY=no\n")
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 0 and served[0].url == "https://file.example" and served[0].ssl_verify is False


def test_cli_without_token_says_one_sentence_and_exits_2(clean, served):
    result = CliRunner().invoke(app, ["--kimai-url", "https://kimai.example"])

    assert result.exit_code == 2 and served == []
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kimai-mcp: Missing KIMAI_API_TOKEN")
    assert result.stdout == ""


def test_cli_with_a_bad_ssl_setting_exits_2(clean, served):
    result = CliRunner().invoke(app, ["--kimai-url", "https://k", "--kimai-token", TOKEN, "--ssl-verify", "/no/ca"])
    assert result.exit_code == 2 and "CA bundle" in result.stderr and TOKEN not in result.stderr


def test_cli_version_and_help(clean):
    lines = CliRunner().invoke(app, ["--version"]).stdout.strip().splitlines()
    assert lines[0] == f"kimai-mcp {__version__}" and lines[1].startswith("client generated for Kimai ")
    text = CliRunner().invoke(app, ["--help"]).stdout
    for option in ("--kimai-url", "--kimai-token", "--ssl-verify", "--read-only", "--version", "--setup"):
        assert option in text


SCRIPT = shutil.which("kimai-mcp", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(SCRIPT is None, reason="the console script is installed by `pip install -e .`")
def test_console_script_and_module_start_the_same_cli(clean):
    for command in ([SCRIPT, "--version"], [sys.executable, "-m", "kimai_tools", "--version"]):
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, env={"PATH": "/usr/bin:/bin"})
        assert done.returncode == 0 and done.stdout.splitlines()[0] == f"kimai-mcp {__version__}"
        assert done.stdout.splitlines()[1].startswith("client generated for Kimai ")
