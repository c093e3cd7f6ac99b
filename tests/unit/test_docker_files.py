"""The container files of the team server (Dockerfile, .dockerignore, docker-compose.yml, docker-compose.scale.yml,
deploy/nginx.conf, config/users.example.json) and the README's "Team server" section, checked against the code they
describe. No Docker daemon is needed: the files are parsed, not built or run; nginx checks its config with `-t`."""

import fnmatch
import json
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import tomllib

import pytest
import typer
import yaml  # PyYAML, which vcrpy (a dev dependency) requires
from starlette.testclient import TestClient

from kimai_tools.team import main as team_main
from kimai_tools.team.app import TeamConfig, create_app
from kimai_tools.team.state import SqliteState
from kimai_tools.team.users import load_users
from tests.support.nginx import INSTALL as NGINX_INSTALL
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


# docker-compose.scale.yml and deploy/nginx.conf: replicas on one Redis behind nginx

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
STICKY = ("ip_hash", "hash", "sticky")  # what would keep a client on one replica


def scale() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.scale.yml").read_text())


def team_services(compose: dict) -> dict[str, dict]:
    """The services that run the team server: built from this folder."""
    return {name: s for name, s in compose["services"].items() if s.get("build") in (".", {"context": "."})}


def depends(service: dict) -> dict[str, str]:
    found = service.get("depends_on") or {}
    if isinstance(found, list):
        return dict.fromkeys(found, "service_started")
    return {name: (how or {}).get("condition", "service_started") for name, how in found.items()}


def nginx_statements() -> list[str]:
    """deploy/nginx.conf without comments, one string per directive or block opening."""
    text = "\n".join(line.split("#", 1)[0] for line in NGINX_CONF.read_text().splitlines())
    return [s.strip() for s in re.split(r"[;{}]", text) if s.strip()]


def nginx_upstreams() -> dict[str, list[str]]:
    """Each upstream block's `server` addresses."""
    text = "\n".join(line.split("#", 1)[0] for line in NGINX_CONF.read_text().splitlines())
    return {name: re.findall(r"^\s*server\s+([^\s;]+)", body, re.M)
            for name, body in re.findall(r"\bupstream\s+(\S+)\s*\{([^}]*)\}", text)}  # fmt: skip


def seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m|h|d)?", value).groups()
    return int(number) * {"ms": 0.001, "s": 1, None: 1, "m": 60, "h": 3600, "d": 86400}[unit]


def test_scale_redis_keeps_an_append_only_file_on_a_named_volume():
    compose = scale()
    redis = compose["services"]["redis"]
    assert redis["image"].startswith("redis:7")
    args = redis["command"] if isinstance(redis["command"], list) else shlex.split(redis["command"])
    assert args[args.index("--appendonly") + 1] == "yes"
    named = [v.split(":") for v in redis["volumes"] if not v.startswith((".", "/", "~"))]
    assert any(target == "/data" for _, target, *_ in named), "Redis's /data is on no named volume"
    assert all(name in (compose.get("volumes") or {}) for name, *_ in named)
    assert "redis-cli" in redis["healthcheck"]["test"] and "ping" in redis["healthcheck"]["test"]
    assert "ports" not in redis  # only the compose network reaches it


def test_scale_every_replica_shares_the_redis_the_public_url_and_the_users():
    from kimai_tools.team.state import open_state
    from kimai_tools.team.state_redis import RedisState

    compose = scale()
    replicas = team_services(compose)
    assert len(replicas) >= 2, "docker-compose.scale.yml runs fewer than two replicas"
    urls = set()
    for name, service in replicas.items():
        env = compose_env(service)
        state = env[option("--state").envvar]
        assert isinstance(open_state(state), RedisState)
        host = re.match(r"rediss?://([^:/@]+)", state)[1]
        assert host in compose["services"] and "redis" in compose["services"][host]["image"], f"{name}: {state}"
        assert depends(service).get(host) == "service_healthy", f"{name} starts before Redis answers"
        urls.add(env[option("--public-url").envvar])
        assert "./config/users.json:/config/users.json:ro" in service["volumes"]
        assert service.get("restart") == "unless-stopped"
    assert len(urls) == 1, f"the replicas call themselves differently: {urls}"
    assert team_main.public_url_of(expand_default(urls.pop()), listening_port()).startswith("https://")


def test_scale_replicas_trust_the_network_nginx_connects_from():
    from kimai_tools.team.requests import proxies, trusted

    compose = scale()
    subnets = [c["subnet"] for c in compose["networks"]["default"]["ipam"]["config"]]
    for name, service in team_services(compose).items():
        env = compose_env(service)
        networks = proxies(env["KIMAI_MCP_TRUSTED_PROXIES"].split(","))
        assert networks and all(str(n) in subnets for n in networks), f"{name} trusts {networks}, not {subnets}"
        address = service["networks"]["default"]["ipv4_address"]
        assert trusted(address, proxies(subnets)), f"{name}'s {address} is outside {subnets}"


def test_scale_handshake_clients_are_stateless_under_round_robin():
    for name, service in team_services(scale()).items():
        value = expand_default(compose_env(service).get("KIMAI_MCP_STATELESS", ""))
        assert value.lower() in ("1", "true", "yes", "on"), f"{name}: sessions on one replica, none sticky"


def test_scale_nginx_publishes_the_port_and_mounts_deploy_nginx_conf():
    compose = scale()
    nginx = compose["services"]["nginx"]
    assert nginx["image"].startswith("nginx:")
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in nginx["volumes"]
    published = [str(p).rsplit(":", 1)[-1] for p in nginx["ports"]]
    assert published == ["8000"], published
    assert set(depends(nginx)) >= set(team_services(compose))
    assert f"listen {published[0]}" in nginx_statements()
    assert all("ports" not in s for s in team_services(compose).values())  # reached through nginx only


def test_nginx_balances_every_replica_round_robin_unbuffered():
    statements = nginx_statements()
    upstreams = nginx_upstreams()
    passed = [s.split()[1] for s in statements if s.startswith("proxy_pass ")]
    assert passed and all(p.startswith("http://") and p[len("http://") :] in upstreams for p in passed)
    replicas = team_services(scale())
    for name, servers in upstreams.items():
        assert sorted(servers) == sorted(f"{r}:{listening_port()}" for r in replicas), f"upstream {name}: {servers}"
    assert not [s for s in statements if s.split()[0] in STICKY], "a stickiness directive in deploy/nginx.conf"
    assert "proxy_buffering off" in statements
    assert "proxy_http_version 1.1" in statements
    assert 'proxy_set_header Connection ""' in statements
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for" in statements
    assert any(s.startswith("proxy_set_header Host ") for s in statements)
    timeout = [s.split()[1] for s in statements if s.startswith("proxy_read_timeout ")]
    assert timeout and seconds(timeout[0]) >= 300, "streams would be cut after nginx's default 60 s"
    retry = [s for s in statements if s.startswith("proxy_next_upstream ")]
    assert retry == ["proxy_next_upstream error timeout"]  # never non_idempotent: a write is not sent twice


def test_nginx_conf_passes_nginx_t(tmp_path):
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if binary is None:
        pytest.fail(f"nginx is not installed: {NGINX_INSTALL} (Debian's package) to check deploy/nginx.conf.")
    text = NGINX_CONF.read_text()
    for upstream in nginx_upstreams().values():
        for server in upstream:
            text = re.sub(rf"(\bserver\s+){re.escape(server.rsplit(':', 1)[0])}:", r"\g<1>127.0.0.1:", text)
    text = re.sub(r"^(\s*pid)\s+\S+;", rf"\1 {tmp_path}/nginx.pid;", text, flags=re.M)
    text = re.sub(r"^(\s*(?:error|access)_log)\s+\S+/", rf"\1 {tmp_path}/", text, flags=re.M)
    temp = "".join(f"    {kind}_temp_path {tmp_path}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi",
                                                                            "uwsgi", "scgi"))  # fmt: skip
    text = re.sub(r"^http\s*\{\n", lambda m: m[0] + temp, text, count=1, flags=re.M)
    assert "/var/" not in text, "a path of deploy/nginx.conf was not moved into the test's folder"
    conf = tmp_path / "nginx.conf"
    conf.write_text(text)
    checked = subprocess.run([binary, "-t", "-p", f"{tmp_path}/", "-e", f"{tmp_path}/error.log", "-c", str(conf)],
                             capture_output=True, text=True, timeout=30)  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def test_the_readme_explains_replicas():
    section = team_section()
    start = section.index("\n### Several replicas (Redis)\n")
    end = section.find("\n### ", start + 1)
    replicas = section[start : end if end != -1 else len(section)]
    for needed in ("docker-compose.scale.yml", "deploy/nginx.conf", "`--state", "KIMAI_MCP_REDIS_PASSWORD",
                   "--stateless", "appendonly", "/readyz", "/healthz", "Cluster", "ip_hash", "Retry-After",
                   "2026-07-28", "2025-11-25"):  # fmt: skip
        assert needed in replicas, f"the replicas subsection does not mention {needed}"
