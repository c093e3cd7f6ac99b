"""`kimai-mcp` for one user: serve MCP over stdio (Claude Desktop), or `--setup` a Claude Desktop entry.

Every option, its help and the variables it stands for come from `options.SETTINGS`.
"""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import typer
from typer.core import TyperCommand

from kimai_tools import __version__
from kimai_tools.stdio.dotenv import lookup
from kimai_tools.stdio.logs import setup_logging
from kimai_tools.stdio.options import SETTINGS
from kimai_tools.stdio.settings import ConfigError, load_settings

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


class Command(TyperCommand):
    """The command, whose `--help` too says what the table says."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = SETTINGS["help"].help
        return option


def option(name: str, **extra: Any) -> Any:
    """The typer option of the setting `name`; a flag when the setting takes no value."""
    setting = SETTINGS[name]
    default = None if setting.metavar else False
    return typer.Option(
        default, setting.option, metavar=setting.metavar, help=setting.help, show_default=False, **extra
    )


def _kimai_range(versions: list[str]) -> str:
    return "–".join(dict.fromkeys([versions[0], versions[-1]])) if versions else "?"


def client_versions() -> str:
    """The Kimai versions the generated client was made for, from its manifest.json.

    The package is found, not imported (its `__init__` pulls in httpx): its loader's resource reader
    is what `importlib.resources` itself uses, so this reads the file from a checkout or a wheel alike.
    """
    spec = importlib.util.find_spec("kimai_client")
    get_reader = getattr(spec.loader, "get_resource_reader", None) if spec else None
    reader = get_reader(spec.name) if get_reader else None
    if reader is None:  # a loader without a reader: let importlib.resources import the package
        from importlib import resources

        files = resources.files("kimai_client")
    else:
        files = reader.files()
    built = json.loads(files.joinpath("manifest.json").read_text(encoding="utf-8"))
    pinned = ", ".join(_kimai_range(pin["kimai"]) for pin in built.get("pins", []))
    return f"client generated for Kimai {_kimai_range(built['kimai'])}" + (f" (pinned: {pinned})" if pinned else "")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kimai-mcp {__version__}")
        typer.echo(client_versions())
        raise typer.Exit()


def warn_deprecated(default_user: str | None) -> None:
    """One line on stderr for a setting of the original server that no longer does anything; never its value."""
    setting = SETTINGS["default_user"]
    given = setting.option if default_user not in (None, "") else setting.env if lookup(setting.env) else None
    if given:
        advice = "the tools take the user per call; remove it from the configuration"
        typer.echo(f"kimai-mcp: warning: {given} is deprecated and ignored: {advice}.", err=True)


def epilog() -> str:
    """The settings read only from the environment or .env, for `--help`."""
    return " ".join(s.help for s in SETTINGS.values() if s.env and not s.option)


@app.command(cls=Command, epilog=epilog())
def serve(
    kimai_url: str = option("url"),
    kimai_token: str = option("token"),
    ssl_verify: str = option("ssl_verify"),
    read_only: bool = option("read_only"),
    default_user: str = option("default_user"),
    setup: bool = option("setup"),
    version: bool = option("version", callback=_version, is_eager=True),
) -> None:
    """Serve the Kimai tools over MCP stdio. Settings: options, then environment, then ./.env."""
    warn_deprecated(default_user)
    if setup:
        from kimai_tools.stdio.setup import run_setup

        raise typer.Exit(run_setup(kimai_url, kimai_token, ssl_verify, read_only))
    try:
        settings = load_settings(kimai_url, kimai_token, ssl_verify, read_only)
    except ConfigError as exc:
        typer.echo(f"kimai-mcp: {exc}", err=True)
        raise typer.Exit(2) from None
    setup_logging(settings.token, lookup(SETTINGS["log_level"].env))
    from kimai_tools.server import build_server

    try:
        build_server(settings).run()
    except KeyboardInterrupt:  # Ctrl-C in a terminal: end quietly
        raise typer.Exit(130) from None


def main() -> None:
    app()
