"""The one user's settings: each from its option, then the environment, then `./.env` (see `options.SETTINGS`)."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from pathlib import Path

from kimai_tools.config import Settings
from kimai_tools.stdio.dotenv import lookup
from kimai_tools.stdio.options import SETTINGS


class ConfigError(Exception):
    pass


def parse_ssl_verify(value: str | bool | None) -> bool | str:
    """`true`/`false` (and yes/no/1/0), or the path of a CA bundle (PEM)."""
    if value is None or isinstance(value, bool):
        return True if value is None else value
    lowered = value.strip().lower()
    if lowered in ("", "true", "1", "yes", "on"):
        return True
    if lowered in ("false", "0", "no", "off"):
        return False
    name = SETTINGS["ssl_verify"].env
    path = Path(value.strip()).expanduser()
    if not path.is_file():
        raise ConfigError(f"{name} is neither true/false nor an existing CA bundle file: {value}")
    try:
        ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, ValueError):
        raise ConfigError(f"{name} names {path}, which holds no PEM certificate.") from None
    return str(path.resolve())


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
    final_url = final_url.strip()
    if not final_url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{SETTINGS['url'].env} must start with http:// or https://, got {final_url!r}.")
    if "@" in final_url.split("/")[2]:  # the URL is shown in messages; httpx would also replace the token by it
        raise ConfigError(
            f"{SETTINGS['url'].env} must not hold a user name or password: Kimai's API takes only the API token."
        )
    read_only = read_only or (pick(None, "read_only") or "").lower() in ("1", "true", "yes")
    return Settings(
        url=kimai_root(final_url),
        token=final_token.strip(),
        ssl_verify=parse_ssl_verify(pick(ssl_verify, "ssl_verify")),
        read_only=read_only,
    )


def kimai_root(url: str) -> str:
    """Kimai's base URL without a trailing slash or /api: the generated paths begin with /api."""
    url = url.rstrip("/")
    return url[: -len("/api")] if url.endswith("/api") else url
