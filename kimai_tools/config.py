"""Settings from options, then the environment, then a `.env` file in the working directory."""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ENV_KEYS = {"url": "KIMAI_URL", "token": "KIMAI_API_TOKEN", "ssl_verify": "KIMAI_SSL_VERIFY"}


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    url: str
    token: str
    ssl_verify: bool | str = True
    read_only: bool = False
    timeout: float = 30.0
    batch_concurrency: int = 10

    def __repr__(self) -> str:  # the token never reaches a log line or a traceback
        return f"Settings(url={self.url!r}, token='***', ssl_verify={self.ssl_verify!r}, read_only={self.read_only})"


def read_dotenv(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.removeprefix("export ").split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def lookup(
    key: str, option: str | None = None, environ: Mapping[str, str] | None = None, dotenv: Path | None = None
) -> str | None:
    """One setting: the option, else the environment variable `key`, else `key` in the `.env` file; empty is unset."""
    env = os.environ if environ is None else environ
    if option not in (None, ""):
        return option
    if env.get(key) not in (None, ""):
        return env[key]
    return read_dotenv(dotenv if dotenv is not None else Path.cwd() / ".env").get(key) or None


def parse_ssl_verify(value: str | bool | None) -> bool | str:
    """`true`/`false` (and yes/no/1/0), or the path of a CA bundle (PEM)."""
    if value is None or isinstance(value, bool):
        return True if value is None else value
    lowered = value.strip().lower()
    if lowered in ("", "true", "1", "yes", "on"):
        return True
    if lowered in ("false", "0", "no", "off"):
        return False
    path = Path(value.strip()).expanduser()
    if not path.is_file():
        raise ConfigError(f"KIMAI_SSL_VERIFY is neither true/false nor an existing CA bundle file: {value}")
    try:
        ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, ValueError):
        raise ConfigError(f"KIMAI_SSL_VERIFY names {path}, which holds no PEM certificate.") from None
    return str(path.resolve())


def load_settings(
    url: str | None = None,
    token: str | None = None,
    ssl_verify: str | None = None,
    read_only: bool = False,
    environ: Mapping[str, str] | None = None,
    dotenv: Path | None = None,
) -> Settings:
    def pick(option: str | None, key: str) -> str | None:
        return lookup(key, option, environ, dotenv)

    final_url = pick(url, ENV_KEYS["url"])
    final_token = pick(token, ENV_KEYS["token"])
    missing = [name for name, value in (("KIMAI_URL", final_url), ("KIMAI_API_TOKEN", final_token)) if not value]
    if missing:
        raise ConfigError(
            f"Missing {' and '.join(missing)}: pass --kimai-url/--kimai-token, set the environment variables, "
            "or put them in a .env file (or run `kimai-mcp --setup`)."
        )
    assert final_url and final_token
    final_url = final_url.strip()
    if not final_url.lower().startswith(("http://", "https://")):
        raise ConfigError(f"KIMAI_URL must start with http:// or https://, got {final_url!r}.")
    if "@" in final_url.split("/")[2]:  # the URL is shown in messages; httpx would also replace the token by it
        raise ConfigError("KIMAI_URL must not hold a user name or password: Kimai's API takes only the API token.")
    read_only = read_only or (pick(None, "KIMAI_READ_ONLY") or "").lower() in ("1", "true", "yes")
    return Settings(
        url=kimai_root(final_url),
        token=final_token.strip(),
        ssl_verify=parse_ssl_verify(pick(ssl_verify, ENV_KEYS["ssl_verify"])),
        read_only=read_only,
    )


def kimai_root(url: str) -> str:
    """Kimai's base URL without a trailing slash or /api: the generated paths begin with /api."""
    url = url.rstrip("/")
    return url[: -len("/api")] if url.endswith("/api") else url
