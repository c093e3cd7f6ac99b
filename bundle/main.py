"""The bundle's entry point, `server/main.py` in the `.mcpb`: Claude Desktop runs it with the user's own Python.

Standard library only. The bundle carries the server's packages for several platforms and Python versions
(`server/lib/`, laid out by bundle/build.py):

    lib/common/                   pure-Python packages, the same everywhere (kimai_tools and kimai_client among them)
    lib/<platform>/               compiled packages one platform shares across Python versions (abi3 wheels)
    lib/<platform>-cp<XY>/        compiled packages for one platform and one Python version (pydantic-core, ...)

with <platform> one of macos-arm64, macos-x86_64, windows-x86_64, linux-x86_64. This picks the folders of the running
interpreter, puts them first on `sys.path` (ahead of whatever that Python has installed itself), and runs the stdio
server, `kimai-mcp`. A Python the bundle has no packages for gets one line on stderr (Claude Desktop's log for the
extension) naming what it does have.
"""

from __future__ import annotations

import os
import platform
import site
import sys
import sysconfig
from pathlib import Path

LIB = Path(__file__).resolve().parent / "lib"
SYSTEMS = {"darwin": "macos", "win32": "windows", "linux": "linux"}
MACHINES = {"x86_64": "x86_64", "amd64": "x86_64", "x64": "x86_64", "arm64": "arm64", "aarch64": "arm64"}
# the variables the manifest sets from the user's settings (server.mcp_config.env)
SETTINGS = ("KIMAI_URL", "KIMAI_API_TOKEN", "KIMAI_SSL_VERIFY", "KIMAI_READ_ONLY")


def platform_key(system: str | None = None, machine: str | None = None) -> str | None:
    """`macos-arm64` and the like for this interpreter (an x86_64 Python under Rosetta is `macos-x86_64`)."""
    name = SYSTEMS.get(system or sys.platform)
    arch = MACHINES.get((machine if machine is not None else platform.machine()).lower())
    return f"{name}-{arch}" if name and arch else None


def folders(lib: Path, key: str | None, version: tuple[int, int]) -> list[Path] | None:
    """The package folders for `key` and `version`, most specific first; None when the bundle has none for them."""
    if key is None:
        return None
    specific = lib / f"{key}-cp{version[0]}{version[1]}"
    if not specific.is_dir():
        return None
    return [path for path in (specific, lib / key, lib / "common") if path.is_dir()]


def available(lib: Path) -> str:
    """What the bundle carries, for the message to a Python it cannot serve: `linux-x86_64 (3.11, 3.12)`."""
    found: dict[str, list[str]] = {}
    for path in sorted(lib.glob("*-cp3*")):
        key, _, tag = path.name.rpartition("-cp")
        found.setdefault(key, []).append(f"{tag[0]}.{tag[1:]}")
    return "; ".join(f"{key} (Python {', '.join(sorted(v, key=lambda s: int(s.split('.')[1])))})"
                     for key, v in found.items())  # fmt: skip


def use(paths: list[Path]) -> None:
    """Put `paths` first on `sys.path`, their `.pth` files processed (pywin32 needs its own)."""
    before = list(sys.path)
    for path in paths:
        site.addsitedir(str(path))
    added = [entry for entry in sys.path if entry not in before]
    sys.path[:] = added + [entry for entry in before if entry not in added]


def main() -> None:
    for name in SETTINGS:  # a host that left an unset optional value unsubstituted: that is no value
        if os.environ.get(name, "").startswith("${user_config."):
            del os.environ[name]
    version = sys.version_info[:2]
    key = platform_key()
    paths = None
    if sys.implementation.name == "cpython" and not sysconfig.get_config_var("Py_GIL_DISABLED"):
        paths = folders(LIB, key, version)
    if paths is None:
        build = f"{sys.implementation.name} {version[0]}.{version[1]}"
        if sysconfig.get_config_var("Py_GIL_DISABLED"):
            build += " (free-threaded)"
        sys.stderr.write(
            f"kimai-tools: this bundle has no packages for {build} on {key or sys.platform + ' ' + platform.machine()}"
            f" ({sys.executable}). It has: {available(LIB)}. Install one of those Pythons (python.org) so that "
            "Claude Desktop finds it first, or install the server with pip instead (see the README).\n"
        )
        raise SystemExit(1)
    use(paths)
    from kimai_tools.cli import main as serve

    serve()


if __name__ == "__main__":
    main()
