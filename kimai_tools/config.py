"""The settings a server is built with; the stdio deployment reads them in `kimai_tools.stdio.settings`."""

from __future__ import annotations

from dataclasses import dataclass


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
