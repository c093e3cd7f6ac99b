"""`kimai-mcp --setup`: ask for Kimai's URL, token and TLS setting, check them, and add the server to Claude Desktop.

The Claude Desktop config keeps every other entry; the old file is copied to a timestamped backup first, and a
file that is not valid JSON is left untouched (overwriting it would lose what the user wrote).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import anyio
import httpx
import typer

from kimai_tools.config import Settings
from kimai_tools.stdio.dotenv import lookup
from kimai_tools.stdio.options import SETTINGS
from kimai_tools.stdio.settings import ConfigError, load_settings

CONFIG_OVERRIDE = "KIMAI_MCP_CLAUDE_CONFIG"  # another config path, for tests or a portable Claude
ATTEMPTS = 3


def claude_config_path(platform: str = sys.platform, environ: dict[str, str] | None = None) -> Path:
    """Where Claude Desktop reads its MCP servers on this OS."""
    env = os.environ if environ is None else environ
    if env.get(CONFIG_OVERRIDE):
        return Path(env[CONFIG_OVERRIDE]).expanduser()
    home = Path(env.get("HOME") or Path.home())
    if platform == "darwin":
        return home / "Library" / "Application Support" / "Claude" / "claude_desktop_config.json"
    if platform.startswith("win"):
        appdata = env.get("APPDATA") or str(home / "AppData" / "Roaming")
        return Path(appdata) / "Claude" / "claude_desktop_config.json"
    config_home = env.get("XDG_CONFIG_HOME") or str(home / ".config")
    return Path(config_home) / "Claude" / "claude_desktop_config.json"


def server_command() -> tuple[str, list[str]]:
    """The absolute command that starts this server: the running `kimai-mcp`, else this Python with `-m`."""
    argv0 = Path(sys.argv[0])
    if argv0.stem == "kimai-mcp" and argv0.is_file():
        return str(argv0.absolute()), []
    script = Path(sys.executable).parent / ("kimai-mcp.exe" if os.name == "nt" else "kimai-mcp")
    if script.is_file():
        return str(script.absolute()), []
    return str(Path(sys.executable).absolute()), ["-m", "kimai_tools"]


def ssl_text(value: bool | str) -> str:
    return value if isinstance(value, str) else ("true" if value else "false")


def server_entry(settings: Settings, read_only: bool = False) -> dict:
    command, args = server_command()
    return {
        "command": command,
        "args": [*args, *([SETTINGS["read_only"].option] if read_only else [])],
        "env": {
            SETTINGS["url"].env: settings.url,
            SETTINGS["token"].env: settings.token,
            SETTINGS["ssl_verify"].env: ssl_text(settings.ssl_verify),
        },
    }


async def check_kimai(settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> str:
    """One line on whom the token belongs to; a KimaiError says what is wrong (unreachable, TLS, 401, ...)."""
    from kimai_tools.kimai.operations import call
    from kimai_tools.kimai.session import Session

    session = Session(settings, transport=transport)
    try:
        version = (await call(session, "GET /api/version", check_version=False)).data or {}
        me = (await call(session, "GET /api/users/me", check_version=False)).data or {}
    finally:
        await session.aclose()
    name = me.get("alias") or me.get("username") or "?"
    return f"Kimai {version.get('version') or '(version unknown)'} at {settings.url} accepts the token of {name}."


def write_claude_config(path: Path, entry: dict, now: datetime | None = None) -> Path | None:
    """Set `mcpServers.kimai` in `path`, keeping every other entry; returns the backup of the old file, if any."""
    config: dict = {}
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if text.strip():
        try:
            config = json.loads(text)
        except ValueError as exc:
            raise ConfigError(
                f"{path} is not valid JSON ({exc}); it was left unchanged. Fix or move it, then run "
                "`kimai-mcp --setup` again."
            ) from None
        if not isinstance(config, dict) or not isinstance(config.get("mcpServers", {}), dict):
            raise ConfigError(f"{path} has no object at its top or in mcpServers; it was left unchanged.")
    backup = None
    if path.is_file():
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.{stamp}.bak")
        counter = 1
        while backup.exists():  # two runs within a second keep both originals
            backup = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
            counter += 1
        shutil.copy2(path, backup)
        os.chmod(backup, 0o600)  # the old file may hold this or another server's secrets
    config.setdefault("mcpServers", {})["kimai"] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    # the file holds the API token: readable by its owner only
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # a leftover .partial keeps its own mode through O_TRUNC
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(json.dumps(config, indent=2, ensure_ascii=False) + "\n")
    os.replace(partial, path)
    return backup


def ask_settings(prompt: Callable[..., str], url: str | None, token: str | None, ssl_verify: str | None) -> Settings:
    """One round of questions; a known value is the default (the token's is never shown)."""
    url = prompt("Kimai URL (e.g. https://kimai.example.com)", default=url or None)
    token = prompt(
        "API token (Kimai: your profile > API access)" + (" [Enter keeps the current one]" if token else ""),
        default=token or None,
        hide_input=True,
        show_default=False,
    )
    ssl_verify = prompt("Check TLS certificates: true, false, or the path of your CA bundle", default=ssl_verify)
    return load_settings(url, token, ssl_verify, environ={}, dotenv=Path(os.devnull))


def run_setup(
    url: str | None = None,
    token: str | None = None,
    ssl_verify: str | None = None,
    read_only: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    prompt: Callable[..., str] = typer.prompt,
) -> int:
    """The exit code: 0 when Claude Desktop's config names this server, 1 otherwise."""
    url, token = lookup(SETTINGS["url"].env, url), lookup(SETTINGS["token"].env, token)
    ssl_verify = lookup(SETTINGS["ssl_verify"].env, ssl_verify) or SETTINGS["ssl_verify"].default
    settings = None
    for attempt in range(1, ATTEMPTS + 1):
        try:
            candidate = ask_settings(prompt, url, token, ssl_verify)
            url, token, ssl_verify = candidate.url, candidate.token, ssl_text(candidate.ssl_verify)
            typer.echo(anyio.run(check_kimai, candidate, transport))
            settings = candidate
            break
        except typer.Abort:
            typer.echo("\nSetup cancelled; nothing was changed.", err=True)
            return 1
        except (ConfigError, typer.BadParameter) as exc:
            problem = str(exc)
        except Exception as exc:  # noqa: BLE001 - a KimaiError, or anything the check met: say it, ask again
            problem = str(exc) or type(exc).__name__
        again = f"Try again ({attempt} of {ATTEMPTS} attempts)." if attempt < ATTEMPTS else "Nothing was changed."
        typer.echo(f"{problem}\n{again}", err=True)
    if settings is None:
        return 1
    path = claude_config_path()
    try:
        backup = write_claude_config(path, server_entry(settings, read_only))
    except (ConfigError, OSError) as exc:
        typer.echo(f"Could not write the Claude Desktop config: {exc}", err=True)
        return 1
    kept = f" (the previous file is kept as {backup})" if backup else ""
    typer.echo(f"Added the kimai server to {path}{kept}. Restart Claude Desktop to use it.")
    return 0
