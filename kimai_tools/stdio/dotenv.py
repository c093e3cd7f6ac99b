"""One setting from the first of: the option, the environment, a `.env` file in the working directory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


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
