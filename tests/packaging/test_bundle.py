"""The Claude Desktop bundle: `make bundle` writes dist/kimai-tools-<version>.mcpb, `mcpb validate` accepts its
manifest, and an unpacked copy serves a session when started the way the manifest says, by a Python that has none
of our packages.

"A Python with none of our packages" is a new venv without pip of each CPython 3.11–3.14 found on this machine (its
site-packages is empty), found as the manifest's `python3` on a PATH that holds nothing else of ours, run from a
folder outside the checkout, with the manifest's own `-I` (no PYTHONPATH, no user site, no script folder on
sys.path). The values a user types into Claude Desktop are put into `mcp_config` as the host does it
(`${__dirname}`, `${user_config.*}`, defaults for what the user left alone, booleans as "true"/"false").
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

from kimai_tools import __version__
from kimai_tools.stdio.options import SETTINGS
from tests.support.paths import ROOT
from tests.support.team import FakeKimaiHTTP, fake_kimai_for

pytestmark = pytest.mark.slow  # the wheels of 16 platform/Python pairs from PyPI: about 3 minutes, 1 with pip's cache

MCPB = ROOT / "node_modules" / ".bin" / "mcpb"
TOKEN = "bundle-test-token-8c4e"
VERSIONS = ("3.11", "3.12", "3.13", "3.14")  # what bundle/build.py vendors (PYTHONS)
# the file name of pydantic-core's compiled module on each vendored platform, for CPython 3.<minor>
COMPILED = {
    "linux-x86_64": "_pydantic_core.cpython-3{minor}-x86_64-linux-gnu.so",
    "macos-arm64": "_pydantic_core.cpython-3{minor}-darwin.so",
    "macos-x86_64": "_pydantic_core.cpython-3{minor}-darwin.so",
    "windows-x86_64": "_pydantic_core.cp3{minor}-win_amd64.pyd",
}
SYSTEMS = {"linux-x86_64": "linux", "macos-arm64": "darwin", "macos-x86_64": "darwin", "windows-x86_64": "win32"}


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bundle")
    assert not folder.resolve().is_relative_to(ROOT.resolve())
    return folder


@pytest.fixture(scope="module")
def built() -> Path:
    """`make bundle`, as a developer runs it: the file it names is the product."""
    done = subprocess.run(["make", "-s", "bundle"], cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, f"make bundle exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    path = ROOT / "dist" / f"kimai-tools-{__version__}.mcpb"
    assert path.is_file() and str(path) in done.stdout, done.stdout
    return path


@pytest.fixture(scope="module")
def unpacked(built, work) -> Path:
    folder = work / "installed" / "kimai-tools"  # where Claude Desktop would unpack it (its ${__dirname})
    with zipfile.ZipFile(built) as archive:
        archive.extractall(folder)
    return folder


@pytest.fixture(scope="module")
def manifest(unpacked) -> dict:
    return json.loads((unpacked / "manifest.json").read_text())


def interpreters() -> dict[str, str]:
    """One CPython per vendored version found here: on PATH, the venv's base, pyenv's versions."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [shutil.which(f"python{v}") for v in VERSIONS] + [getattr(sys, "_base_executable", None)]
    candidates += [str(p) for p in sorted(pyenv.glob("3.1*/bin/python3.1*")) if re.fullmatch(r"python3\.\d+", p.name)]
    found: dict[str, str] = {}
    ask = "import sys; print(sys.implementation.name, '%d.%d' % sys.version_info[:2])"
    for candidate in filter(None, candidates):
        done = subprocess.run([candidate, "-c", ask], capture_output=True, text=True)
        name, _, version = done.stdout.strip().partition(" ")
        if done.returncode == 0 and name == "cpython" and version in VERSIONS:
            found.setdefault(version, candidate)
    return found


@pytest.fixture(scope="module")
def pythons() -> dict[str, str]:
    return interpreters()


def bare_python(pythons: dict[str, str], version: str, work: Path) -> Path:
    """A new venv of CPython `version` without pip: nothing in it but the standard library. Its bin/ folder."""
    if version not in pythons:
        pytest.skip(f"no CPython {version} on this machine")
    folder = work / f"bare-{version}"
    if not folder.exists():
        subprocess.run([pythons[version], "-m", "venv", "--without-pip", folder], check=True, capture_output=True)
    ask = "import os, sysconfig; print(os.listdir(sysconfig.get_path('purelib')))"
    empty = subprocess.run([folder / "bin" / "python", "-c", ask], capture_output=True, text=True, check=True).stdout
    assert empty.strip() == "[]", empty
    return folder / "bin"


def launch(manifest: dict, folder: Path, user_config: dict, path: str, cwd: Path, defaults: bool = True):
    """`server.mcp_config` with the host's substitutions (mcpb's getMcpConfigForManifest), as StdioServerParameters."""
    config = manifest["server"]["mcp_config"]
    override = config.get("platform_overrides", {}).get(sys.platform, {})
    command, args, env = (override.get(k) or config.get(k) for k in ("command", "args", "env"))
    values = {k: v["default"] for k, v in manifest["user_config"].items() if defaults and "default" in v}
    values.update(user_config)
    variables = {"__dirname": str(folder), **{f"user_config.{k}": (str(v).lower() if isinstance(v, bool) else str(v))
                                              for k, v in values.items()}}  # fmt: skip

    def substitute(text: str) -> str:
        return re.sub(r"\$\{([^}]+)\}", lambda m: variables.get(m.group(1), m.group(0)), text)

    resolved = shutil.which(command, path=path)  # the host finds the command on the PATH it gives
    assert resolved, f"{command} is not on {path}"
    env = {k: substitute(v) for k, v in (env or {}).items()}
    return StdioServerParameters(command=resolved, args=[substitute(a) for a in args or []],
                                 env={"PATH": path, "HOME": str(cwd), **env}, cwd=str(cwd))  # fmt: skip


def test_mcpb_validate_accepts_the_manifest(unpacked):
    done = subprocess.run([MCPB, "validate", unpacked / "manifest.json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "passes" in done.stdout, done.stdout


def test_the_manifest_asks_for_the_settings_and_passes_them_as_the_variables(manifest):
    asked = manifest["user_config"]
    assert asked["kimai_api_token"]["sensitive"] is True and asked["kimai_api_token"]["required"] is True
    assert asked["kimai_url"]["required"] is True and not asked["kimai_url"].get("sensitive")
    assert asked["kimai_ssl_verify"]["type"] == "string" and asked["kimai_ssl_verify"]["default"] == "true"
    assert asked["kimai_read_only"]["type"] == "boolean" and asked["kimai_read_only"]["default"] is False
    env = manifest["server"]["mcp_config"]["env"]
    names = {s.env for s in (SETTINGS[k] for k in ("url", "token", "ssl_verify", "read_only"))}
    assert set(env) == names
    assert env == {SETTINGS[k].env: f"${{user_config.kimai_{k if k != 'token' else 'api_token'}}}"
                   for k in ("url", "token", "ssl_verify", "read_only")}  # fmt: skip
    assert manifest["version"] == __version__ and manifest["server"]["type"] == "python"
    assert {t["name"] for t in manifest["tools"]} >= {"user_current", "timesheet", "entity"}


def test_the_claimed_platforms_and_pythons_are_the_vendored_ones(manifest, unpacked):
    compatibility = manifest["compatibility"]
    assert compatibility["runtimes"]["python"] == ">=3.11,<3.15"
    lib = unpacked / "server" / "lib"
    folders = {p.name for p in lib.iterdir()}
    assert set(compatibility["platforms"]) == set(SYSTEMS.values())
    for key, pattern in COMPILED.items():
        for version in VERSIONS:
            minor = version.split(".")[1]
            specific = lib / f"{key}-cp3{minor}"
            assert (specific / "pydantic_core" / pattern.format(minor=minor)).is_file(), (key, version)
        assert {f"{key}-cp3{v.split('.')[1]}" for v in VERSIONS} <= folders
    assert (lib / "windows-x86_64-cp312" / "pywin32.pth").is_file()  # mcp needs it on Windows only
    assert folders == {"common", *COMPILED, *(f"{k}-cp3{v.split('.')[1]}" for k in COMPILED for v in VERSIONS)}


def test_the_bundle_holds_the_server_and_nothing_of_the_checkout_besides(built):
    names = zipfile.ZipFile(built).namelist()
    assert "manifest.json" in names and "server/main.py" in names
    assert all(n == "manifest.json" or n.startswith("server/") for n in names), sorted({n.split("/")[0] for n in names})
    lib = [n.split("/") for n in names if n.startswith("server/lib/")]
    tops = {parts[3] for parts in lib if len(parts) > 4}  # the top-level entries of each lib folder
    assert not tops & {"tests", "scripts", "openapi", "generated", ".venv", "node_modules", "bundle"}, tops
    assert not [n for n in names if "/.venv/" in n or "tests/support" in n or n.endswith(".pyc")]
    assert {"server/lib/common/kimai_tools/cli.py", "server/lib/common/kimai_client/operations.json"} <= set(names)


def test_the_launcher_uses_the_bundled_packages_only(unpacked, pythons, work):
    """Imported by a bare Python, every package the server needs comes from the unpacked bundle."""
    bare = bare_python(pythons, "3.11", work)
    probe = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import main; "
        "main.use(main.folders(main.LIB, main.platform_key(), sys.version_info[:2])); sys.path.remove(sys.argv[1]); "
        "import kimai_tools, kimai_client, mcp, pydantic, pydantic_core, httpx, typer; "
        "print(json.dumps([sys.flags.isolated] + [m.__file__ for m in "
        "(kimai_tools, kimai_client, mcp, pydantic, pydantic_core, httpx, typer)]))"
    )
    done = subprocess.run([bare / "python", "-I", "-c", probe, unpacked / "server"], capture_output=True, text=True,
                          cwd=work, env={"PATH": f"{bare}:/usr/bin:/bin", "HOME": str(work)})  # fmt: skip
    assert done.returncode == 0, done.stderr
    isolated, *files = json.loads(done.stdout)
    assert isolated == 1
    assert all(Path(f).is_relative_to(unpacked / "server" / "lib") for f in files), files
    assert Path(files[4]).is_relative_to(unpacked / "server" / "lib" / "linux-x86_64-cp311"), files


def test_a_python_the_bundle_has_no_packages_for_is_told_so(unpacked, work):
    """An unknown platform or version gets one line saying what the bundle has, and exits 1."""
    code = "import sys, main; main.platform_key = lambda: 'linux-riscv64'; main.main()"
    done = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, sys.argv[1]); {code}",
                           unpacked / "server"], capture_output=True, text=True, cwd=work)  # fmt: skip
    assert done.returncode == 1
    assert "no packages for cpython 3.11 on linux-riscv64" in done.stderr, done.stderr
    assert "linux-x86_64 (Python 3.11, 3.12, 3.13, 3.14)" in done.stderr and "windows-x86_64" in done.stderr


@pytest.mark.anyio
@pytest.mark.parametrize("version", VERSIONS)
async def test_an_unpacked_copy_serves_a_session_with_a_bare_python(manifest, unpacked, pythons, work, version):
    """initialize and `user_current` against a fake Kimai over HTTP, with the user's URL and token and the defaults."""
    bare = bare_python(pythons, version, work)
    kimai = FakeKimaiHTTP(fake_kimai_for("wanda"))
    try:
        params = launch(manifest, unpacked, {"kimai_url": kimai.url, "kimai_api_token": TOKEN},
                        f"{bare}:/usr/bin:/bin", work)  # fmt: skip
        assert params.command == str(bare / "python3") and params.args[0] == "-I"
        async with Client(params, mode="legacy") as client:
            assert (client.server_info.name, client.server_info.version) == ("kimai", __version__)
            tools = (await client.list_tools()).tools
            result = await client.call_tool("user_current", {})
    finally:
        kimai.close()
    assert not result.is_error, result.content[0].text
    assert "You are user Wanda (#7)" in result.content[0].text
    assert not all(t.annotations and t.annotations.read_only_hint for t in tools)  # read-only is off by default
    sent = kimai.kimai.sent("GET", "/api/users/me")
    assert sent and all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in sent)


@pytest.mark.anyio
async def test_read_only_reaches_the_server_and_an_unsubstituted_value_counts_as_unset(manifest, unpacked, pythons,
                                                                                      work):  # fmt: skip
    """Read-only checked; no value at all for the TLS setting, so the host leaves `${user_config.…}` in place."""
    bare = bare_python(pythons, "3.11", work)
    kimai = FakeKimaiHTTP(fake_kimai_for("wanda"))
    try:
        params = launch(manifest, unpacked, {"kimai_url": kimai.url, "kimai_api_token": TOKEN, "kimai_read_only": True},
                        f"{bare}:/usr/bin:/bin", work, defaults=False)  # fmt: skip
        assert params.env["KIMAI_READ_ONLY"] == "true"
        assert params.env["KIMAI_SSL_VERIFY"] == "${user_config.kimai_ssl_verify}"
        async with Client(params, mode="legacy") as client:
            tools = (await client.list_tools()).tools
            result = await client.call_tool("user_current", {})
    finally:
        kimai.close()
    assert not result.is_error, result.content[0].text
    assert tools and all(t.annotations and t.annotations.read_only_hint for t in tools)
