"""`kimai-mcp` and `python -m kimai_tools`: the one command, which serves one user over stdio (`kimai_tools.stdio`)."""

from __future__ import annotations


def main() -> None:
    from kimai_tools.stdio.main import main as serve_stdio

    serve_stdio()
