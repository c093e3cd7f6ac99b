"""The README's "Configuration" table, from the one table of settings (`kimai_tools/stdio/options.py`).

Prints the table (Markdown); `--write` puts it in place of the table in README.md's "Configuration" section.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kimai_tools.stdio.options import SETTINGS, Setting  # noqa: E402

README = ROOT / "README.md"
SECTION = "## Configuration"
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


def row(setting: Setting) -> str:
    option = setting.option and f"`{setting.option}{' ' + setting.metavar if setting.metavar else ''}`"
    default = "required" if setting.required else setting.default and f"`{setting.default}`"
    cells = (option, setting.env and f"`{setting.env}`", default, setting.meaning)
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def render() -> list[str]:
    return ["| option | environment / `.env` | default | meaning |", "|---|---|---|---|"] + [
        row(setting) for setting in SETTINGS.values()
    ]


def readme_table(text: str) -> tuple[int, int]:
    """Where the first table of the Configuration section starts and ends, as line numbers of `text`."""
    lines = text.splitlines()
    start = lines.index(SECTION)
    first = next(i for i in range(start, len(lines)) if lines[i].startswith("|"))
    last = next((i for i in range(first, len(lines)) if not lines[i].startswith("|")), len(lines))
    return first, last


@app.command()
def main(write: bool = typer.Option(False, help="Write the table into the README's Configuration section.")) -> None:
    """Print the Configuration table of the README (Markdown)."""
    if not write:
        typer.echo("\n".join(render()))
        return
    text = README.read_text(encoding="utf-8")
    first, last = readme_table(text)
    lines = text.splitlines(keepends=True)
    README.write_text("".join(lines[:first]) + "".join(line + "\n" for line in render()) + "".join(lines[last:]))
    typer.echo(f"Wrote the Configuration table of {README.name}.")


if __name__ == "__main__":
    app()
