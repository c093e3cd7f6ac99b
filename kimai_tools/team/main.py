"""`kimai-mcp-streamable` (also `python -m kimai_tools.team`): the team server over Streamable HTTP with OAuth 2.1;
`… check` tries every user's Kimai, `… hash-secret` prints an `auth_secret_hash`.

Settings come from the options, else from the environment variables named in `--help`. A setting that cannot work
is one sentence on stderr and exit code 2.
"""

from __future__ import annotations

import getpass
import ipaddress
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import typer

from kimai_tools import __version__
from kimai_tools.config import ConfigError

NAME = "kimai-mcp-streamable"
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=False)
DEFAULT_STATE = Path("~/.local/state/kimai-tools/oauth.sqlite3")
OAUTH_TOKEN = re.compile(r"\bkt([ar])_[A-Za-z0-9_-]{16,}")
LOOPBACK_METADATA = "KIMAI_MCP_ALLOW_LOOPBACK_CLIENT_METADATA"  # tests only: Client ID Metadata Documents on 127.0.0.1


def fail(message: str) -> typer.Exit:
    typer.echo(f"{NAME}: {message}", err=True)
    return typer.Exit(2)


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def public_url_of(given: str | None, port: int) -> str:
    """The public base URL: scheme and host (and port), no path; https unless the host is this machine."""
    url = (given or f"http://localhost:{port}").strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigError(f"--public-url {url!r} must be an http(s) URL such as https://mcp.example.com.")
    if parsed.path or parsed.query or parsed.fragment or parsed.username:
        raise ConfigError(f"--public-url {url!r} must be scheme and host only (no path): the server answers at "
                          "<public URL>/mcp.")  # fmt: skip
    if parsed.scheme != "https" and parsed.hostname not in ("localhost", "127.0.0.1", "::1"):
        raise ConfigError(f"--public-url {url!r} must be https: OAuth sends tokens to it (http only on localhost).")
    return url


class HideSecrets(logging.Formatter):
    """A last guard in every log line: the users' Kimai tokens and secrets, and anything shaped like our tokens."""

    def __init__(self, secrets: list[str]):
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        for secret in self.secrets:
            line = line.replace(secret, "***")
        return OAUTH_TOKEN.sub(r"kt\1_***", line)


def setup_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(HideSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.INFO))
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


def version(value: bool) -> None:
    if value:
        typer.echo(f"{NAME} {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def serve(
    ctx: typer.Context,
    host: str = typer.Option("0.0.0.0", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    users_config: str = typer.Option(None, "--users-config", envvar="USERS_CONFIG_FILE", metavar="FILE",
                                     help="The users file (users.json); KIMAI_USER_<NAME>_* variables add to it."),
    public_url: str = typer.Option(None, "--public-url", envvar="KIMAI_MCP_PUBLIC_URL", metavar="URL",
                                   help="The address users reach, e.g. https://mcp.example.com: the OAuth issuer "
                                   "and resource. Required behind a reverse proxy. Default: http://localhost:<port>."),
    state_file: str = typer.Option(None, "--oauth-state-file", envvar="KIMAI_MCP_OAUTH_STATE_FILE", metavar="FILE",
                                   help=f"The SQLite file keeping OAuth clients and tokens across restarts. "
                                   f"Default: {DEFAULT_STATE}."),
    state_url: str = typer.Option(None, "--state", envvar="KIMAI_MCP_STATE_URL", metavar="URL",
                                  help="Where OAuth state is shared: sqlite:///<file> (the default, one host) or "
                                  "redis://<host>:<port>/<db> for several replicas (password: in the URL or "
                                  "KIMAI_MCP_REDIS_PASSWORD). Wins over --oauth-state-file."),
    stateless: bool = typer.Option(False, "--stateless",
                                   help="Keep no MCP session for clients of the 2025-11-25 handshake, so replicas "
                                   "need no sticky sessions; such clients then get no server-initiated requests. "
                                   "Environment: KIMAI_MCP_STATELESS=true."),
    disable_legacy_slugs: bool = typer.Option(False, "--disable-legacy-slugs",
                                              help="Turn off the deprecated /mcp/<slug> endpoints (no OAuth). "
                                              "Environment: KIMAI_MCP_DISABLE_LEGACY_SLUGS=true."),
    trusted_proxy: list[str] = typer.Option(None, "--trusted-proxy", metavar="IP",
                                            help="A reverse proxy (address or network) whose X-Forwarded-For and "
                                            "X-Real-IP are believed; repeatable. Environment: "
                                            "KIMAI_MCP_TRUSTED_PROXIES (comma-separated)."),
    rate_limit_rpm: int = typer.Option(60, "--rate-limit-rpm", envvar="RATE_LIMIT_RPM", metavar="N",
                                       help="Requests a minute per client address (0: no limit)."),
    log_level: str = typer.Option("INFO", "--log-level", envvar="KIMAI_LOG_LEVEL",
                                  help="WARNING, INFO (one access line a request) or DEBUG, on stderr."),
    show_version: bool = typer.Option(False, "--version", callback=version, is_eager=True, help="Print the version."),
) -> None:  # fmt: skip
    """Serve the Kimai tools to a team over Streamable HTTP, each user signing in with OAuth 2.1 (Claude.ai
    connectors) and acting in Kimai with their own token. Commands: check, hash-secret."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"users_config": users_config}  # `--users-config FILE check` means that file too
        return
    if log_level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise fail(f"--log-level must be DEBUG, INFO, WARNING or ERROR, not {log_level!r}.")
    from kimai_tools.team.requests import proxies
    from kimai_tools.team.state import SqliteState, StateUnavailable, open_state
    from kimai_tools.team.users import load_users

    try:
        loaded = load_users(users_config, os.environ)
        url = public_url_of(public_url, port)
        networks = proxies([*(trusted_proxy or []), *os.environ.get("KIMAI_MCP_TRUSTED_PROXIES", "").split(",")])
    except (ConfigError, ValueError) as exc:
        raise fail(str(exc)) from None
    if rate_limit_rpm < 0:
        raise fail("--rate-limit-rpm must be 0 (no limit) or more.")
    secrets = [s for u in loaded.users.values() for s in (u.token, u.auth_secret or "")]
    setup_logging(log_level, secrets)
    log = logging.getLogger("kimai_tools.team")
    for warning in loaded.warnings:
        log.warning("%s", warning)
    if public_url is None:
        log.warning("no --public-url: the server calls itself %s, which only this machine reaches; behind a "
                    "reverse proxy set the address users reach", url)  # fmt: skip
    try:
        if state_url:
            state = open_state(state_url, os.environ.get("KIMAI_MCP_REDIS_PASSWORD") or None)
        else:
            state = SqliteState(Path(state_file or DEFAULT_STATE).expanduser())
        request_state_key = state.prepare()
    except (StateUnavailable, ConfigError) as exc:
        raise fail(str(exc)) from None
    legacy = not (disable_legacy_slugs or env_flag("KIMAI_MCP_DISABLE_LEGACY_SLUGS"))
    from kimai_tools.team.app import TeamConfig, create_app

    config = TeamConfig(users=loaded.users, public_url=url, state=state, legacy_slugs=legacy, trusted_proxies=networks,
                        rate_limit_rpm=rate_limit_rpm, host=host, request_state_key=request_state_key,
                        stateless=stateless or env_flag("KIMAI_MCP_STATELESS"),
                        allow_loopback_metadata=env_flag(LOOPBACK_METADATA))  # fmt: skip
    try:
        bind = ipaddress.ip_address(host)
        shown = f"[{bind}]" if bind.version == 6 else str(bind)
    except ValueError:
        shown = host
    log.info("serving %d user(s) at %s/mcp (listening on %s:%d); legacy /mcp/<slug> %s", len(loaded.users), url,
             shown, port, "on" if legacy else "off")  # fmt: skip
    import uvicorn

    uvicorn.run(create_app(config), host=host, port=port, access_log=False, server_header=False, log_config=None,
                proxy_headers=False, lifespan="on")  # fmt: skip


@app.command()
def check(
    ctx: typer.Context,
    users_config: str = typer.Option(None, "--users-config", envvar="USERS_CONFIG_FILE", metavar="FILE",
                                     help="The users file (users.json)."),
) -> None:  # fmt: skip
    """Validate the users and try each user's Kimai (/api/version, /api/users/me): one line per user."""
    import anyio

    users_config = users_config or (ctx.obj or {}).get("users_config")

    from kimai_tools.team.users import load_users

    try:
        loaded = load_users(users_config, os.environ)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    for warning in loaded.warnings:
        typer.echo(f"warning: {warning}")
    failed = anyio.run(check_users, loaded.users)
    raise typer.Exit(1 if failed else 0)


async def check_users(users: dict[str, Any]) -> int:
    from kimai_tools.kimai.errors import KimaiError
    from kimai_tools.kimai.operations import call
    from kimai_tools.kimai.session import Session

    failed = 0
    for slug, user in users.items():
        session = Session(user)
        try:
            version = await session.version()
            me = (await call(session, "GET /api/users/me")).data or {}
            name = me.get("username") or me.get("alias") or f"#{me.get('id')}"
            mode = ", read-only" if user.read_only else ""
            typer.echo(f"ok      {slug}: Kimai {version} at {user.url}, signed in as {name}{mode}")
        except KimaiError as exc:
            failed += 1
            typer.echo(f"FAILED  {slug}: {user.url}: {exc}")
        finally:
            await session.aclose()
    return failed


@app.command("hash-secret")
def hash_secret_command() -> None:
    """Read an auth_secret (from the terminal, or one line of standard input) and print its auth_secret_hash."""
    from kimai_tools.team.passwords import hash_secret

    if sys.stdin.isatty():
        secret = getpass.getpass("auth_secret: ")
        if getpass.getpass("again: ") != secret:
            raise fail("the two entries differ.")
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    if len(secret) < 16:
        raise fail("an auth_secret needs 16 characters or more.")
    typer.echo(hash_secret(secret))


def main() -> None:
    app(prog_name=NAME)


def sse_gone() -> None:
    """`kimai-mcp-server`: the original's SSE server, gone with SSE from MCP; old setups fail with directions."""
    sys.stderr.write(
        "kimai-mcp-server served MCP over SSE, which MCP has dropped: run kimai-mcp-streamable (the team server over "
        "Streamable HTTP, same users.json and KIMAI_USER_* variables, clients connect to <public URL>/mcp) or "
        "kimai-mcp (one user over stdio).\n"
    )
    sys.exit(2)
