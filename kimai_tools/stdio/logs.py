"""Logging for the stdio server: to stderr (stdout belongs to the protocol), with the token hidden."""

from __future__ import annotations

import logging
import sys

LOG_FORMAT = "kimai-mcp %(levelname)s %(name)s: %(message)s"


class HideToken(logging.Formatter):
    """Replaces the token in every formatted line: a last guard should any library log a header."""

    def __init__(self, token: str):
        super().__init__(LOG_FORMAT)
        self.token = token

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(self.token, "***")


def setup_logging(token: str, level: str | None) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(HideToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, (level or "WARNING").upper(), logging.WARNING))
