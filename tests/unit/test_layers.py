"""Imports go one way: cli → stdio | team → server → tools → domain, kimai (DESIGN.md). Nothing imports upward,
kimai/ and domain/ import nothing of MCP, domain/ only the standard library, and no tool imports another tool."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "kimai_tools"
# the higher a layer, the more it may import; a module imports only its own layer or lower ones
LAYERS = {"__main__": 6, "cli": 5, "stdio": 4, "team": 4, "server": 3, "tools": 2, "prompts": 2, "domain": 1,
          "kimai": 1, "config": 0, "__init__": 0}  # fmt: skip
SHARED_TOOL_MODULES = {"base", "declare", "render", "custom_fields", "__init__"}  # what every tool may use


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> list[str]:
    """Every module `path` imports, function-level imports included."""
    found = []
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            found += [f"{base}.{alias.name}" if base.startswith("kimai_tools") else base for alias in node.names]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_one_way(path):
    me = module_name(path)
    wrong = []
    for target in imports(path):
        if target == "mcp" or target.startswith("mcp."):
            if layer(me) in ("kimai", "domain", "config"):
                wrong.append(f"{target} (no MCP under {layer(me)}/)")
            continue
        if not target.startswith("kimai_tools"):
            top = target.split(".")[0]
            if layer(me) in ("domain", "config") and top not in sys.stdlib_module_names:
                wrong.append(f"{target} ({layer(me)} uses the standard library only)")
            continue
        if target == "kimai_tools" or target == "kimai_tools.__version__":
            continue
        there = layer(target)
        if LAYERS[there] > LAYERS[layer(me)]:
            wrong.append(f"{target} (upward: {layer(me)} → {there})")
        elif there != layer(me) and LAYERS[there] == LAYERS[layer(me)] and there not in ("__init__", "config"):
            wrong.append(f"{target} (sideways: {layer(me)} → {there})")
        elif layer(me) == "tools" and there == "tools":
            mine, theirs = me.split(".")[2:3], target.split(".")[2:3]
            if (
                theirs
                and mine != theirs
                and theirs[0] not in SHARED_TOOL_MODULES
                and mine[0] not in SHARED_TOOL_MODULES
            ):
                wrong.append(f"{target} (a tool imports another tool)")
    assert not wrong, f"{me} imports:\n" + "\n".join(wrong)
