"""The container files of the team server (Dockerfile, .dockerignore, docker-compose.yml, config/users.example.json)
and the README's "Team server" section, checked against the code they describe. No Docker daemon is needed: the
files are parsed, not built or run."""

import fnmatch
import json
import posixpath
import re
import shlex
import tomllib

import pytest
import typer
import yaml  # PyYAML, which vcrpy (a dev dependency) requires
from starlette.testclient import TestClient

from kimai_tools.team import main as team_main
from kimai_tools.team.app import TeamConfig, create_app
from kimai_tools.team.state import SqliteState
from kimai_tools.team.users import load_users
from tests.support.paths import ROOT

EXAMPLE_USERS = ROOT / "config" / "users.example.json"
EXAMPLE_SECRET = "example-secret-change-me-1"  # the secret whose hash the example file holds, as its comment says
ROOT_USERS = {"root", "0"}


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments): comments dropped, continued lines joined."""
    lines, current = [], ""
    for raw in (ROOT / "Dockerfile").read_text().splitlines():
        if not current and (not raw.strip() or raw.lstrip().startswith("#")):
            continue
        if raw.lstrip().startswith("#"):  # a comment inside a continued instruction
            continue
        if raw.rstrip().endswith("\\"):
            current += raw.rstrip()[:-1] + " "
            continue
        lines.append(current + raw)
        current = ""
    assert not current, "the Dockerfile ends in a continued line"
    parsed = []
    for line in lines:
        keyword, _, rest = line.strip().partition(" ")
        parsed.append((keyword.upper(), rest.strip()))
    return parsed


def only(keyword: str) -> str:
    found = [rest for key, rest in instructions() if key == keyword]
    assert found, f"the Dockerfile has no {keyword}"
    return found[-1]  # the last one is the one that counts


def exec_form(text: str) -> list[str]:
    value = json.loads(text)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), f"not the exec (JSON) form: {text}"
    return value


def dockerfile_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for key, rest in instructions():
        if key != "ENV":
            continue
        words = shlex.split(rest)
        if words and "=" not in words[0]:  # the old form: ENV KEY value
            env[words[0]] = " ".join(words[1:])
            continue
        for word in words:
            name, _, value = word.partition("=")
            env[name] = value
    return env


def volumes() -> list[str]:
    found = []
    for key, rest in instructions():
        if key == "VOLUME":
            found += exec_form(rest) if rest.startswith("[") else rest.split()
    return found


def inside(path: str, directory: str) -> bool:
    path, directory = posixpath.normpath(path), posixpath.normpath(directory)
    return path.startswith(directory.rstrip("/") + "/")


def command():
    return typer.main.get_command(team_main.app)


def option(name: str):
    return next(p for p in command().params if name in p.opts)


def compose_service() -> tuple[dict, dict]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return compose, compose["services"]["kimai-mcp"]


def compose_env(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.partition("=")[::2] for item in env)
    return {k: "" if v is None else str(v) for k, v in env.items()}


def expand_default(value: str) -> str:
    """`${VAR:-default}` as compose reads it when VAR is unset."""
    return re.sub(r"\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}", lambda m: m[1] or "", value)


def listening_port() -> int:
    args = exec_form(only("CMD"))
    return int(args[args.index("--port") + 1])


# Dockerfile


def test_the_entrypoint_is_the_team_servers_console_script():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    entrypoint = exec_form(only("ENTRYPOINT"))
    assert len(entrypoint) == 1 and entrypoint[0] in scripts, f"{entrypoint} is not one of {sorted(scripts)}"
    assert scripts[entrypoint[0]] == "kimai_tools.team.main:main"


def test_the_cmd_gives_options_the_command_has():
    known = {opt for p in command().params for opt in p.opts}
    args = exec_form(only("CMD"))
    given = [a for a in args if a.startswith("--")]
    assert given and set(given) <= known, f"{set(given) - known} are not options of kimai-mcp-streamable"
    assert args[args.index("--host") + 1] == "0.0.0.0"  # reachable from outside the container
    assert str(listening_port()) in only("EXPOSE").split()


def test_the_image_copies_what_pip_install_needs():
    copied = {src.rstrip("/") for key, rest in instructions() if key == "COPY" for src in rest.split()[:-1]}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    needed = {"pyproject.toml", project["project"]["readme"], "kimai_tools",
              *project["tool"]["setuptools"]["packages"]["find"]["where"]} - {"."}  # fmt: skip
    assert needed <= copied, f"the Dockerfile does not copy {needed - copied}"
    assert any("pip install" in rest and " ." in rest for key, rest in instructions() if key == "RUN")
    assert only("FROM").startswith("python:3.11-slim")


def test_it_runs_as_a_user_that_is_not_root():
    keys = [key for key, _ in instructions()]
    user = only("USER").split(":")[0]
    assert user not in ROOT_USERS
    assert max(i for i, key in enumerate(keys) if key == "USER") < keys.index("ENTRYPOINT")


def test_the_state_file_lies_in_a_volume_the_user_may_write():
    env = dockerfile_env()
    state = env[option("--oauth-state-file").envvar]
    holding = [v for v in volumes() if inside(state, v)]
    assert holding, f"{state} lies in none of the volumes {volumes()}"
    user = only("USER").split(":")[0]
    runs = " ".join(rest for key, rest in instructions() if key == "RUN")
    assert re.search(rf"chown\s+(-R\s+)?{re.escape(user)}\S*\s+(\S+\s+)*{re.escape(holding[0])}\b", runs), (
        f"the Dockerfile does not give {holding[0]} to {user}, who could not write the state file"
    )


def test_the_users_file_variable_is_the_one_the_command_reads():
    env = dockerfile_env()
    assert env.get(option("--users-config").envvar, "").startswith("/")


def test_the_healthcheck_asks_healthz_where_the_server_listens_and_healthz_answers(tmp_path):
    healthcheck = only("HEALTHCHECK")
    assert "CMD" in healthcheck.split()
    urls = re.findall(r"https?://[^\s'\"]+", healthcheck)
    assert urls == [f"http://127.0.0.1:{listening_port()}/healthz"], urls
    assert "urllib" in healthcheck and "curl" not in healthcheck  # python:3.11-slim has no curl
    users = load_users(EXAMPLE_USERS).users
    app = create_app(TeamConfig(users=users, public_url="https://mcp.example.com",
                                state=SqliteState(tmp_path / "oauth.sqlite3")))  # fmt: skip
    answer = TestClient(app).get(urls[0].split(str(listening_port()), 1)[1])
    assert answer.status_code == 200


def test_dockerignore_leaves_out_the_local_folders_and_not_what_the_image_copies():
    patterns = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]  # fmt: skip
    for folder in (".venv", "node_modules", "tests", ".cache", ".git", "config"):
        assert any(fnmatch.fnmatch(folder, p) for p in patterns), f".dockerignore keeps {folder}"
    copied = {src.rstrip("/") for key, rest in instructions() if key == "COPY" for src in rest.split()[:-1]}
    for source in copied:
        assert not any(fnmatch.fnmatch(source, p) for p in patterns), f".dockerignore leaves out {source}"


# docker-compose.yml


def test_compose_mounts_the_users_file_where_the_image_looks_for_it():
    _, service = compose_service()
    assert service["build"] in (".", {"context": "."})
    target = compose_env(service).get("USERS_CONFIG_FILE") or dockerfile_env()["USERS_CONFIG_FILE"]
    assert f"./config/users.json:{target}:ro" in service["volumes"]


def test_compose_keeps_the_state_on_a_named_volume():
    compose, service = compose_service()
    state = dockerfile_env()["KIMAI_MCP_OAUTH_STATE_FILE"]
    named = [v.split(":") for v in service["volumes"] if not v.startswith((".", "/", "~"))]
    holding = [(name, target) for name, target, *_ in named if inside(state, target)]
    assert holding, f"no named volume of the service holds {state}"
    assert holding[0][0] in (compose.get("volumes") or {}), f"{holding[0][0]} is not declared under volumes"


def test_compose_publishes_the_port_and_a_valid_public_url():
    _, service = compose_service()
    assert any(str(p).rsplit(":", 1)[-1] == str(listening_port()) for p in service["ports"])
    url = expand_default(compose_env(service)["KIMAI_MCP_PUBLIC_URL"])
    assert team_main.public_url_of(url, listening_port()).startswith("https://")
    assert service["restart"] == "unless-stopped"


# config/users.example.json


def test_the_example_users_load_without_errors_or_warnings():
    loaded = load_users(EXAMPLE_USERS, {})
    assert loaded.warnings == []
    assert len(loaded.users) == 2
    data = json.loads(EXAMPLE_USERS.read_text())
    assert "_comment" in data and all("_comment" in data[slug] for slug in loaded.users)
    hashed = [u for u in loaded.users.values() if u.auth_secret_hash]
    assert hashed and hashed[0].secret_matches(EXAMPLE_SECRET)
    assert any(u.read_only for u in loaded.users.values())


# README.md


def team_section() -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index("\n## Team server\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


@pytest.mark.parametrize("param", [p for p in command().params if p.name != "help"], ids=lambda p: p.opts[0])
def test_the_readme_table_has_every_option(param):
    rows = [line for line in team_section().splitlines() if re.match(rf"\| `{re.escape(param.opts[0])}[ `]", line)]
    assert len(rows) == 1, f"the Team server table has no row for {param.opts[0]}"
    if param.envvar:
        assert f"`{param.envvar}`" in rows[0]
    if param.default not in (None, False):
        assert f"`{param.default}`" in rows[0]


def test_the_readme_names_the_variables_main_reads_itself():
    source = (ROOT / "kimai_tools" / "team" / "main.py").read_text()
    read = set(re.findall(r'(?:environ\.get|env_flag)\("([A-Z_]+)"', source))
    assert read, "main.py reads no variable by name any more: update this test"
    section = team_section()
    assert {name for name in read if f"`{name}" not in section} == set()
