"""The wheel works alone: built from the checkout's files, installed into a fresh venv, run with no checkout in sight.

The build runs on a copy of the files git knows (tracked, plus new ones it does not ignore) in a temporary
folder: what a clean clone would build, and no `build/` or `*.egg-info` written into the checkout (setuptools
would also pack whatever an earlier build left in `build/lib`). The copy still holds tests/, scripts/ and
openapi/, so the package rules of pyproject.toml are what keeps them out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

from kimai_tools import __version__
from tests.support.paths import ROOT
from tests.support.team import FakeKimaiHTTP, fake_kimai_for

pytestmark = pytest.mark.slow  # a build, a venv and an install from PyPI: about 20 s

WHEEL_NAME = f"kimai_tools-{__version__}-py3-none-any.whl"
CLIENT = ROOT / "generated" / "kimai_client"
TOKEN = "wheel-test-token-5d1e"


def run(command: list[str | Path], env: dict[str, str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def outer_env(**extra: str) -> dict[str, str]:
    """This environment (pip's and uv's index and certificate settings) without anything pointing at Python code."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return {**env, **extra}


def clean_env(home: Path) -> dict[str, str]:
    """What a user's shell gives a command: a PATH without the checkout's venv, a home, nothing else."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home)}


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder outside the checkout: the build, the venv and every command's working directory live here."""
    folder = tmp_path_factory.mktemp("wheel")
    assert not folder.resolve().is_relative_to(ROOT.resolve())
    (folder / "home").mkdir()
    return folder


@pytest.fixture(scope="module")
def wheel(work) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout  # fmt: skip
    source = work / "source"
    for name in filter(None, listed.decode().split("\0")):
        if (ROOT / name).is_file():  # a file deleted but not yet committed is listed and absent
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    assert (source / "tests").is_dir() and (source / "scripts").is_dir() and (source / "openapi").is_dir()
    dist = work / "dist"
    run([sys.executable, "-m", "pip", "wheel", source, "--no-deps", "-q", "-w", dist], outer_env(), work)
    built = sorted(dist.iterdir())
    assert [p.name for p in built] == [WHEEL_NAME]
    return built[0]


@pytest.fixture(scope="module")
def venv(work, wheel) -> Path:
    """A fresh venv with the wheel and its dependencies (from PyPI) installed: its bin/ folder."""
    folder = work / "venv"
    run([sys.executable, "-m", "venv", folder], outer_env(), work)
    run([folder / "bin" / "python", "-m", "pip", "install", "-q", "--no-compile", wheel], outer_env(), work)
    return folder / "bin"


def test_the_wheel_holds_the_packages_with_the_client_data_and_nothing_else(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"kimai_tools", "kimai_client", f"kimai_tools-{__version__}.dist-info"}, tops
    assert {"kimai_client/operations.json", "kimai_client/manifest.json"} <= set(names)
    # every file of the generated client, data files included (py.typed too, once regen writes one)
    client = {f"kimai_client/{p.relative_to(CLIENT).as_posix()}" for p in CLIENT.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}  # fmt: skip
    assert client <= set(names), sorted(client - set(names))
    package = {f"kimai_tools/{p.relative_to(ROOT / 'kimai_tools').as_posix()}"
               for p in (ROOT / "kimai_tools").rglob("*.py") if "__pycache__" not in p.parts}  # fmt: skip
    assert package <= set(names), sorted(package - set(names))
    assert not [n for n in names if n.endswith((".pyc", ".orig", ".rej")) or "__pycache__" in n]
    packed = json.loads(zipfile.ZipFile(wheel).read("kimai_client/manifest.json"))
    assert packed == json.loads((CLIENT / "manifest.json").read_text())


def test_the_installed_version_is_the_one_in_kimai_tools(venv, work):
    code = (
        "import importlib.metadata as m, kimai_client, kimai_tools; "
        "print(m.version('kimai-tools'), kimai_tools.__version__, kimai_tools.__file__, kimai_client.__file__)"
    )
    done = run([venv / "python", "-c", code], clean_env(work / "home"), work)
    metadata, attribute, *files = done.stdout.split()
    assert metadata == attribute == __version__
    # imported from the fresh venv, not from the checkout
    assert all(Path(f).is_relative_to(venv.parent) for f in files), files


def expected_version_lines() -> list[str]:
    built = json.loads((CLIENT / "manifest.json").read_text())
    first, last = built["kimai"][0], built["kimai"][-1]
    return [f"kimai-mcp {__version__}", f"client generated for Kimai {first}–{last} (pinned: "]


def assert_version_output(stdout: str) -> None:
    lines = stdout.strip().splitlines()
    name, kimai = expected_version_lines()
    assert len(lines) == 2 and lines[0] == name and lines[1].startswith(kimai), stdout
    for pin in json.loads((CLIENT / "manifest.json").read_text())["pins"]:
        assert pin["kimai"][0] in lines[1] and pin["kimai"][-1] in lines[1], (pin, lines[1])


def test_kimai_mcp_version(venv, work):
    done = run([venv / "kimai-mcp", "--version"], clean_env(work / "home"), work, timeout=60)
    assert_version_output(done.stdout)


def test_kimai_mcp_streamable_help(venv, work):
    done = run([venv / "kimai-mcp-streamable", "--help"], clean_env(work / "home"), work, timeout=60)
    assert "--users-config" in done.stdout


@pytest.mark.anyio
async def test_a_stdio_session_against_a_fake_kimai(venv, work):
    kimai = FakeKimaiHTTP(fake_kimai_for("wanda"))
    try:
        params = StdioServerParameters(command=str(venv / "kimai-mcp"), cwd=str(work),
                                       env={"KIMAI_URL": kimai.url, "KIMAI_API_TOKEN": TOKEN})  # fmt: skip
        async with Client(params, mode="legacy") as client:
            result = await client.call_tool("user_current", {})
    finally:
        kimai.close()
    assert not result.is_error, result.content[0].text
    assert "You are user Wanda (#7)" in result.content[0].text
    sent = kimai.kimai.sent("GET", "/api/users/me")
    assert sent and all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in sent)


def test_uvx_runs_the_wheel(wheel, work):
    uvx = shutil.which("uvx", path=str(Path(sys.executable).parent))
    assert uvx, "uvx comes with the dev extras (pip install -e '.[dev]')"
    env = outer_env(UV_CACHE_DIR=str(work / "uv-cache"), UV_TOOL_DIR=str(work / "uv-tools"))
    done = run([uvx, "--from", wheel, "kimai-mcp", "--version"], env, work)
    assert_version_output(done.stdout)
