"""The settings a server is built with, and the checks of a Kimai address and TLS setting both deployments share.

The stdio deployment reads its settings in `kimai_tools.stdio.settings`, the team server its users in
`kimai_tools.team.users`; the two are siblings, so what both need lives here (standard library only).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path


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


class ConfigError(Exception):
    """A setting that cannot be used, said in one sentence that repeats no token, password or secret."""


def parse_ssl_verify(value: str | bool | None, name: str = "KIMAI_SSL_VERIFY") -> bool | str:
    """`true`/`false` (and yes/no/1/0), or the path of a CA bundle (PEM); `name` says where the value came from."""
    if value is None or isinstance(value, bool):
        return True if value is None else value
    lowered = value.strip().lower()
    if lowered in ("", "true", "1", "yes", "on"):
        return True
    if lowered in ("false", "0", "no", "off"):
        return False
    path = Path(value.strip()).expanduser()
    if not path.is_file():
        raise ConfigError(f"{name} is neither true/false nor an existing CA bundle file: {value}.")
    try:
        ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, ValueError):
        raise ConfigError(f"{name} names {path}, which holds no PEM certificate.") from None
    return str(path.resolve())


def check_url(url: str, name: str = "KIMAI_URL") -> str:
    """Kimai's root (see `kimai_root`) of an http(s) URL without user name or password; `name` says whose URL."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        shown = f", got {url!r}" if "@" not in url else ""  # a URL with credentials is never repeated
        raise ConfigError(f"{name} must start with http:// or https://{shown}.")
    if "@" in url.split("/")[2]:  # the URL is shown in messages; httpx would also replace the token by it
        raise ConfigError(f"{name} must not hold a user name or password: Kimai's API takes only the API token.")
    return kimai_root(url)


def kimai_root(url: str) -> str:
    """Kimai's base URL without a trailing slash or /api: the generated paths begin with /api."""
    url = url.rstrip("/")
    return url[: -len("/api")] if url.endswith("/api") else url
