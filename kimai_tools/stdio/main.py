"""`kimai-mcp` for one user: serve MCP over stdio (Claude Desktop), or `--setup` a Claude Desktop entry."""

from __future__ import annotations

import logging
import sys

import typer

from kimai_tools import __version__

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
LOG_FORMAT = "kimai-mcp %(levelname)s %(name)s: %(message)s"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kimai-mcp {__version__}")
        raise typer.Exit()


class HideToken(logging.Formatter):
    """Replaces the token in every formatted line: a last guard should any library log a header."""

    def __init__(self, token: str):
        super().__init__(LOG_FORMAT)
        self.token = token

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(self.token, "***")


def setup_logging(token: str, level: str | None) -> None:
    # stdout belongs to the protocol: logs go to stderr
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(HideToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, (level or "WARNING").upper(), logging.WARNING))


@app.command(help="Serve the Kimai tools over MCP stdio. Settings: options, then environment, then ./.env.")
def serve(
    kimai_url: str = typer.Option(None, "--kimai-url", help="Kimai's address (KIMAI_URL)."),
    kimai_token: str = typer.Option(None, "--kimai-token", help="API token (KIMAI_API_TOKEN).", show_default=False),
    ssl_verify: str = typer.Option(None, "--ssl-verify", help="true, false, or a CA bundle path (KIMAI_SSL_VERIFY)."),
    read_only: bool = typer.Option(False, "--read-only", help="Offer and allow only actions that read."),
    setup: bool = typer.Option(False, "--setup", help="Ask for URL, token and TLS, check them, configure Claude."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    from kimai_tools.config import ConfigError, load_settings, lookup

    if setup:
        from kimai_tools.stdio.setup import run_setup

        raise typer.Exit(run_setup(kimai_url, kimai_token, ssl_verify, read_only))
    try:
        settings = load_settings(kimai_url, kimai_token, ssl_verify, read_only)
    except ConfigError as exc:
        typer.echo(f"kimai-mcp: {exc}", err=True)
        raise typer.Exit(2) from None
    setup_logging(settings.token, lookup("KIMAI_LOG_LEVEL"))
    from kimai_tools.server import build_server

    try:
        build_server(settings).run()
    except KeyboardInterrupt:  # Ctrl-C in a terminal: end quietly
        raise typer.Exit(130) from None


def main() -> None:
    app()
