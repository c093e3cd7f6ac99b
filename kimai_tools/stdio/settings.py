"""The one user's settings: each from its option, then the environment, then `./.env` (see `options.SETTINGS`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kimai_tools.config import ConfigError, Settings, check_url, parse_ssl_verify
from kimai_tools.stdio.dotenv import lookup
from kimai_tools.stdio.options import SETTINGS


def load_settings(
    url: str | None = None,
    token: str | None = None,
    ssl_verify: str | None = None,
    read_only: bool = False,
    environ: Mapping[str, str] | None = None,
    dotenv: Path | None = None,
) -> Settings:
    def pick(option: str | None, name: str) -> str | None:
        return lookup(SETTINGS[name].env, option, environ, dotenv)

    given = {"url": pick(url, "url"), "token": pick(token, "token")}
    missing = [SETTINGS[name] for name, value in given.items() if SETTINGS[name].required and not value]
    if missing:
        raise ConfigError(
            f"Missing {' and '.join(s.env for s in missing)}: pass {'/'.join(s.option for s in missing)}, set the "
            "environment variables, or put them in a .env file (or run `kimai-mcp --setup`)."
        )
    final_url, final_token = given["url"], given["token"]
    assert final_url and final_token
    read_only = read_only or (pick(None, "read_only") or "").lower() in ("1", "true", "yes")
    return Settings(
        url=check_url(final_url, SETTINGS["url"].env),
        token=final_token.strip(),
        ssl_verify=parse_ssl_verify(pick(ssl_verify, "ssl_verify"), SETTINGS["ssl_verify"].env),
        read_only=read_only,
    )
