"""Build the Claude Desktop bundle, `dist/kimai-tools-<version>.mcpb` (`make bundle`).

A `.mcpb` is a zip of a `manifest.json` and the server; Claude Desktop installs it with a double click, asks the
user for the manifest's `user_config` (the token as a sensitive field, kept in the system keychain) and starts
`server.mcp_config` with those values in the environment variables the server reads (KIMAI_URL, KIMAI_API_TOKEN,
KIMAI_SSL_VERIFY, KIMAI_READ_ONLY).

Why `server.type` "python" with the packages inside, and not "uv": mcpb documents "uv" as experimental (manifest
0.4): the host downloads a Python and the dependencies from PyPI when the bundle first starts, so it needs a host
that knows that type and a network that reaches PyPI, and installs whatever versions resolve that day. The "python"
type is the one the spec calls traditional, in every manifest version: everything the server imports is in the
bundle, it starts offline, with the package versions this checkout's venv is tested with (they are the constraints
of the download; a platform for which one of them has no wheel gets the newest that has one, see UNPINNED).

The spec's caveat for "python" is that compiled dependencies (pydantic-core, which the MCP SDK needs; also
cryptography, cffi, rpds-py, pywin32 on Windows) cannot be bundled portably: a `lib/` filled on one machine runs on
that kind of machine only. So this vendors the wheels of each target separately and lets `server/main.py`
(bundle/main.py, standard library only) pick the folders of the Python that runs it:

    server/lib/common/                  pure-Python wheels that every target needing them has in one version
    server/lib/<platform>/              compiled wheels one platform shares across Python versions (abi3)
    server/lib/<platform>-cp<XY>/       the rest, for one platform and one Python version

for the platforms in PLATFORMS (macOS arm64 and x86_64, Windows x64, Linux x86_64 with glibc >= 2.28) and the
CPython versions in PYTHONS (3.11, the project's minimum, to 3.14). One bundle for all, rather than one per
platform: a user has one file to download and cannot pick the wrong one. `compatibility.platforms` and
`runtimes.python` are written from these two lists, so the manifest claims exactly what is vendored.

Our own code comes from a wheel built from the files git knows in this checkout (tracked, plus new ones it does
not ignore), so generated/kimai_client comes with its JSON files and nothing of tests/, scripts/ or .venv does.
pip resolves with the markers of the Python that runs it, not of the target (`pip download --platform` skips
`pywin32; sys_platform == 'win32'`), so each target's downloads are walked with the target's markers: what is
missing is asked for again, what the target does not need is left out.

Needs the venv (`make install`: pip, packaging, the MCP SDK for the tool list) and node_modules (`mcpb`).
"""

from __future__ import annotations

import argparse
import email.parser
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kimai_tools import __version__  # noqa: E402

MCPB = ROOT / "node_modules" / ".bin" / "mcpb"
PYTHONS = ((3, 11), (3, 12), (3, 13), (3, 14))


@dataclass(frozen=True)
class Platform:
    pip: tuple[str, ...]  # pip's --platform values
    sys_platform: str
    platform_system: str
    os_name: str
    machine: str  # platform.machine() there

    def environment(self, python: tuple[int, int]) -> dict[str, str]:
        """The marker environment of CPython `python` on this platform."""
        version = f"{python[0]}.{python[1]}"
        return {**default_environment(), "sys_platform": self.sys_platform, "platform_system": self.platform_system,
                "os_name": self.os_name, "platform_machine": self.machine, "python_version": version,
                "python_full_version": f"{version}.0", "implementation_name": "cpython",
                "platform_python_implementation": "CPython", "implementation_version": f"{version}.0",
                "platform_release": "", "platform_version": ""}  # fmt: skip


MANYLINUX = tuple(f"manylinux_2_{minor}_x86_64" for minor in range(28, 16, -1)) + ("manylinux2014_x86_64",)
# the keys are bundle/main.py's platform_key()
PLATFORMS = {
    "macos-arm64": Platform(("macosx_11_0_arm64",), "darwin", "Darwin", "posix", "arm64"),
    "macos-x86_64": Platform(("macosx_11_0_x86_64",), "darwin", "Darwin", "posix", "x86_64"),
    "windows-x86_64": Platform(("win_amd64",), "win32", "Windows", "nt", "AMD64"),
    "linux-x86_64": Platform(MANYLINUX, "linux", "Linux", "posix", "x86_64"),
}
# the venv's version of these has no wheel for that platform: it gets the newest that has one
UNPINNED = {"macos-x86_64": {"cryptography": "no Intel macOS wheels after 48.0.1"}}


def run(command: list[str | Path], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def our_wheel(work: Path) -> Path:
    """kimai_tools-<version>-py3-none-any.whl, built from a copy of the files git knows (no build/ in the checkout)."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT).stdout
    source = work / "source"
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():  # a file deleted but not yet committed is listed and absent
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", source, "--no-deps", "-q", "-w", work / "ours"], cwd=work)
    built = sorted((work / "ours").glob("*.whl"))
    expected = f"kimai_tools-{__version__}-py3-none-any.whl"
    if [path.name for path in built] != [expected]:
        raise SystemExit(f"expected {expected} (kimai_tools.__version__), pip built {[p.name for p in built]}")
    return built[0]


def constraints() -> dict[str, str]:
    """The versions installed in this venv, which the tests run against: the bundle gets the same."""
    from importlib.metadata import distributions

    skip = {"kimai-tools", "pip", "setuptools", "wheel"}
    names = {canonicalize_name(d.metadata["Name"]): d.version for d in distributions()}
    return {name: f"{name}=={version}" for name, version in sorted(names.items()) if name not in skip}


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def closure(wheels: dict[str, Path], root: str, environment: dict[str, str]) -> tuple[set[str], list[str]]:
    """What `root` needs under `environment`: the names among `wheels`, and the requirements no wheel meets."""
    needed: dict[str, set[str]] = {}  # name -> the extras asked of it
    missing: list[str] = []
    todo = [(root, frozenset[str]())]
    while todo:
        name, extras = todo.pop()
        if name in needed and extras <= needed[name]:
            continue
        needed.setdefault(name, set()).update(extras)
        for line in metadata(wheels[name]).get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if requirement.marker is not None and not any(
                requirement.marker.evaluate({**environment, "extra": extra}) for extra in {"", *needed[name]}
            ):
                continue
            wanted = canonicalize_name(requirement.name)
            if wanted in wheels:
                todo.append((wanted, frozenset(requirement.extras)))
            else:
                requirement.marker = None
                missing.append(str(requirement))
    return set(needed), missing


def download(key: str, python: tuple[int, int], ours: Path, versions: dict[str, str], work: Path) -> list[Path]:
    """The wheels CPython `python` on platform `key` needs, ours included."""
    platform = PLATFORMS[key]
    abi = f"cp{python[0]}{python[1]}"
    folder = work / "wheels" / f"{key}-{abi}"
    pins = work / f"constraints-{key}.txt"
    pins.write_text("".join(f"{pin}\n" for name, pin in versions.items() if name not in UNPINNED.get(key, {})))
    extra: list[str] = []
    for _ in range(5):
        run([sys.executable, "-m", "pip", "download", "-q", "--progress-bar", "off", "--only-binary=:all:",
             "--implementation", "cp", "--python-version", f"{python[0]}.{python[1]}", "--abi", abi,
             *[arg for tag in platform.pip for arg in ("--platform", tag)], "-c", pins, "-d", folder,
             ours, *extra], cwd=work)  # fmt: skip
        wheels: dict[str, Path] = {}
        for path in sorted(folder.glob("*.whl")):
            name = canonicalize_name(parse_wheel_filename(path.name)[0])
            if name in wheels:
                raise SystemExit(f"{key} {abi}: two versions of {name}: {wheels[name].name}, {path.name}")
            wheels[name] = path
        needed, missing = closure(wheels, "kimai-tools", platform.environment(python))
        if not missing:
            return sorted(wheels[name] for name in needed)
        extra += missing
    raise SystemExit(f"{key} {abi}: still missing {missing} after asking for {extra}")


def pure(wheel: Path) -> bool:
    return all(tag.abi == "none" and tag.platform == "any" for tag in parse_wheel_filename(wheel.name)[3])


def layout(chosen: dict[tuple[str, tuple[int, int]], list[Path]]) -> dict[str, list[Path]]:
    """Each wheel's folder under server/lib (see the module's docstring)."""
    versions: dict[str, set[str]] = {}  # a pure distribution -> its wheel files over all targets
    for wheels in chosen.values():
        for wheel in filter(pure, wheels):
            versions.setdefault(canonicalize_name(parse_wheel_filename(wheel.name)[0]), set()).add(wheel.name)
    folders: dict[str, dict[str, Path]] = {}
    for (key, python), wheels in chosen.items():
        for wheel in wheels:
            if pure(wheel) and len(versions[canonicalize_name(parse_wheel_filename(wheel.name)[0])]) == 1:
                folder = "common"
            elif all(wheel.name in {w.name for w in chosen[(key, other)]} for other in PYTHONS):
                folder = key
            else:
                folder = f"{key}-cp{python[0]}{python[1]}"
            folders.setdefault(folder, {})[wheel.name] = wheel
    return {folder: sorted(wheels.values()) for folder, wheels in sorted(folders.items())}


def unpack(wheel: Path, folder: Path) -> None:
    """What `pip install --target` would put there, without scripts: the packages and their .dist-info."""
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            parts = info.filename.split("/")
            if parts[0].endswith(".data"):
                if len(parts) < 3 or parts[1] not in ("purelib", "platlib"):
                    continue  # scripts, headers, data: nothing the server imports
                parts = parts[2:]
            target = folder.joinpath(*parts)
            if target.exists():
                raise SystemExit(f"{wheel.name} and another wheel both have {target.relative_to(folder)}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(info))


def tool_list() -> list[dict[str, str]]:
    """The tools the server offers, by their titles (all of them: read-only mode takes actions away, not tools)."""
    import anyio
    from mcp import Client

    from kimai_tools.config import Settings
    from kimai_tools.server import build_server

    async def listed():
        server = build_server(Settings(url="http://127.0.0.1:9", token="unused"))  # lists without asking Kimai
        async with Client(server, mode="legacy") as client:
            return (await client.list_tools()).tools

    return [{"name": tool.name, "description": tool.title or tool.name} for tool in anyio.run(listed)]


def manifest() -> dict:
    data = json.loads((ROOT / "bundle" / "manifest.json").read_text())
    data["version"] = __version__
    data["tools"] = tool_list()
    low, high = min(PYTHONS), max(PYTHONS)
    data["compatibility"]["runtimes"]["python"] = f">={low[0]}.{low[1]},<{high[0]}.{high[1] + 1}"
    data["compatibility"]["platforms"] = sorted({p.sys_platform for p in PLATFORMS.values()})
    return data


def build(output: Path, work: Path) -> Path:
    if not MCPB.exists():
        raise SystemExit(f"{MCPB} is missing: run `make install` (npm ci) first")
    ours = our_wheel(work)
    versions = constraints()
    chosen = {}
    for key in PLATFORMS:
        for python in PYTHONS:
            chosen[(key, python)] = download(key, python, ours, versions, work)
            print(f"  {key} cp{python[0]}{python[1]}: {len(chosen[(key, python)])} wheels", file=sys.stderr)
    staging = work / "kimai-tools"
    lib = staging / "server" / "lib"
    for folder, wheels in layout(chosen).items():
        for wheel in wheels:
            unpack(wheel, lib / folder)
    shutil.copy2(ROOT / "bundle" / "main.py", staging / "server" / "main.py")
    (staging / "manifest.json").write_text(json.dumps(manifest(), indent=2, ensure_ascii=False) + "\n")
    run([MCPB, "validate", staging / "manifest.json"], cwd=work)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    run([MCPB, "pack", staging, output], cwd=work)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT / "dist" / f"kimai-tools-{__version__}.mcpb"
    parser.add_argument("--output", type=Path, default=default, help=f"default: {default.relative_to(ROOT)}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kimai-bundle-") as work:
        output = build(args.output.resolve(), Path(work))
    size = output.stat().st_size / 1024 / 1024
    print(f"{output} ({size:.1f} MiB): {', '.join(sorted(PLATFORMS))}; CPython "
          f"{', '.join(f'{a}.{b}' for a, b in PYTHONS)}")  # fmt: skip


if __name__ == "__main__":
    main()
