"""`make regen KIMAI_URL=… KIMAI_USER=… KIMAI_PASSWORD=…` against the live Kimai, end to end.

A copy of the checkout (tracked files and the working tree's changes, beside a link to ../shared) runs
`make regen` with this checkout's .venv (the Makefile's install stamp is never remade, so the venv's editable
install keeps pointing here). The live document must be stored as openapi/kimai-<version>.json, pinned with its
sha256 as the default and named by the manifest; then the live suite runs in a child process whose
`kimai_client` is the copy's, against the same Kimai. A failed fetch must leave openapi/ and generated/ alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from scripts.fetch_spec import fetch_live_spec
from tests.support.paths import ROOT

VENV = ROOT / ".venv"
STAMP = VENV / ".installed"  # the Makefile's install stamp: remade, it would `pip install -e` the copy
THIS = Path(__file__).resolve()
PROBE = "regen_live_probe"  # a pytest plugin of the child: which kimai_client its tests ran with
REGEN_TIMEOUT = 300
SUITE_TIMEOUT = 1800
# what the caller's shell may set and would change what make or regen.py do
DROPPED_ENV = {"SPEC", "SPEC_DIR", "KIMAI_VERSION", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTHONPATH"}
DROPPED_ENV |= {"KIMAI_URL", "KIMAI_USER", "KIMAI_PASSWORD", "KIMAI_API_TOKEN", "PYTEST_ADDOPTS"}
PROBE_PLUGIN = """
import json, os, sys
from pathlib import Path


def pytest_sessionfinish(session, exitstatus):
    client = sys.modules.get("kimai_client")
    tools = sys.modules.get("kimai_tools")
    Path(os.environ["REGEN_LIVE_PROBE_OUT"]).write_text(json.dumps({
        "kimai_client": getattr(client, "__file__", None),
        "kimai_tools": getattr(tools, "__file__", None),
        "collected": session.testscollected,
        "failed": session.testsfailed,
        "exitstatus": int(exitstatus),
    }))
"""


# ---------------------------------------------------------------------------------------------- helpers


def checkout_copy(base: Path) -> Path:
    """base/<name>: the files git tracks and the untracked ones it does not ignore, as the working tree has them.

    base/shared links to ../shared, so the copy finds the pinned documents and the overlays' sources there.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True, timeout=60,
    ).stdout.decode()  # fmt: skip
    copy = base / ROOT.name
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = ROOT / name
        if name.startswith(".cache/") or not (source.is_file() or source.is_symlink()):
            continue  # deleted in the working tree, or a live Kimai's folder (sockets, a database)
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    (base / "shared").symlink_to(ROOT.parent.joinpath("shared").resolve(), target_is_directory=True)
    return copy


def digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under `folder` (bytecode caches left out)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def venv_state() -> dict[str, str]:
    """The files that say where the venv's editable install points (a `pip install -e` from the copy rewrites them)."""
    site = sorted(VENV.glob("lib/python*/site-packages"))
    files = [f for s in site for f in sorted(s.glob("__editable__*kimai_tools*"))]
    assert files, f"{VENV} has no editable install of kimai-tools"
    return {str(f): f.read_text() for f in files}


def clean_env(**extra: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k not in DROPPED_ENV}, **extra}


def make_regen(copy: Path, url: str, user: str, password: str, *, dry_run: bool = False) -> subprocess.CompletedProcess:
    """`make regen KIMAI_URL=… KIMAI_USER=… KIMAI_PASSWORD=…` in the copy, with this checkout's venv."""
    cmd = [
        "make", *(["-n"] if dry_run else []), "-o", str(STAMP), "regen",
        f"VENV={VENV}", f"KIMAI_URL={url}", f"KIMAI_USER={user}", f"KIMAI_PASSWORD={password}",
    ]  # fmt: skip
    return subprocess.run(
        cmd, cwd=copy, env=clean_env(), capture_output=True, text=True, timeout=REGEN_TIMEOUT, stdin=subprocess.DEVNULL
    )


def own_lines(stderr: str) -> list[str]:
    """stderr without make's own lines (`make: *** [Makefile:…: regen] Error 2`)."""
    return [line for line in stderr.splitlines() if line.strip() and not re.match(r"make(\[\d+\])?: ", line)]


def without_examples(node):
    """A document without its `example` values: Kimai fills some with the time it serves the document at."""
    if isinstance(node, dict):
        return {k: without_examples(v) for k, v in node.items() if k != "example"}
    if isinstance(node, list):
        return [without_examples(v) for v in node]
    return node


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when this returns: nothing listens there


# ---------------------------------------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Live:
    url: str
    user: str
    password: str
    version: str
    env: dict[str, str]  # KIMAI_LIVE_*: how a child's live tier attaches to this same Kimai


@pytest.fixture(scope="module")
def target(request) -> Live:
    """The live tier's Kimai (conftest's `kimai_instance`); one that cannot start fails here, never skips."""
    try:
        instance = request.getfixturevalue("kimai_instance")
    except pytest.skip.Exception as exc:
        pytest.fail(f"the live Kimai did not start: {exc}", pytrace=False)
    answer = httpx.get(
        f"{instance.url}/api/version", headers={"Authorization": f"Bearer {instance.admin_token}"}, timeout=60
    )
    assert answer.status_code == 200, answer.text[:300]
    db_port = Path(instance.root, "run", "mysqld.port")
    env = {
        "KIMAI_LIVE_ROOT": str(instance.root),
        "KIMAI_LIVE_PORT": str(httpx.URL(instance.url).port),
        **({"KIMAI_LIVE_DB_PORT": db_port.read_text().strip()} if db_port.is_file() else {}),
    }
    return Live(
        url=instance.url,
        user=instance.lines.get("KIMAI_ADMIN_USER", "admin"),
        password=instance.lines["KIMAI_ADMIN_PASSWORD"],
        version=answer.json()["version"],
        env=env,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    return checkout_copy(tmp_path_factory.mktemp("regen-live"))


@dataclass(frozen=True)
class Regen:
    done: subprocess.CompletedProcess
    pins_before: dict
    venv_before: dict[str, str]
    venv_after: dict[str, str]


@pytest.fixture(scope="module")
def regenerated(copy, target) -> Regen:
    planned = make_regen(copy, target.url, target.user, target.password, dry_run=True)
    assert planned.returncode == 0, planned.stderr
    reinstall = [line for line in planned.stdout.splitlines() if "pip" in line or "-m venv" in line or "touch" in line]
    assert not reinstall, f"make regen would reinstall {VENV} from the copy:\n{planned.stdout}"
    pins_before = json.loads((copy / "openapi" / "pins.json").read_text())
    before = venv_state()
    done = make_regen(copy, target.url, target.user, target.password)
    return Regen(done, pins_before, before, venv_state())


# ---------------------------------------------------------------------------------------------- tests


def test_make_regen_stores_pins_and_generates_the_live_document(copy, target, regenerated):
    done = regenerated.done
    assert done.returncode == 0, f"make regen failed:\n{done.stdout}{done.stderr}"
    assert regenerated.venv_after == regenerated.venv_before, "make regen changed the venv's editable install"
    assert target.password not in done.stdout + done.stderr

    name = f"kimai-{target.version}.json"
    stored = copy / "openapi" / name
    assert stored.is_file(), f"no openapi/{name}; openapi/ has {sorted(p.name for p in stored.parent.iterdir())}"
    raw = stored.read_bytes()
    fetched_again = fetch_live_spec(target.url, target.user, target.password).document
    assert without_examples(json.loads(raw)) == without_examples(fetched_again)
    assert f"from {name} " in done.stdout, done.stdout

    pins = json.loads((copy / "openapi" / "pins.json").read_text())
    assert pins["default"] == name
    pin = next(p for p in pins["pins"] if p["file"] == name)
    assert pin["sha256"] == hashlib.sha256(raw).hexdigest()
    assert pin["kimai"] == [target.version]
    assert pin["origin"] == f"GET {target.url.rstrip('/')}/api/doc.json"
    others = [p for p in pins["pins"] if p["file"] != name]
    assert others == [p for p in regenerated.pins_before["pins"] if p["file"] != name], "other pins changed"

    manifest = json.loads((copy / "generated" / "kimai_client" / "manifest.json").read_text())
    assert manifest["spec"] == name
    assert manifest["spec_sha256"] == pin["sha256"]
    assert manifest["kimai"] == [target.version]
    assert manifest["operations"] > 0
    assert manifest["origin"] == pin["origin"]  # the live pin, not "unpinned file"
    assert {"file": name, "kimai": [target.version]} in manifest["pins"]


def test_the_live_suite_passes_on_the_regenerated_client(copy, target, regenerated, tmp_path):
    assert regenerated.done.returncode == 0, "make regen failed; see the test above"
    (tmp_path / f"{PROBE}.py").write_text(PROBE_PLUGIN)
    probe_out = tmp_path / "probe.json"
    env = clean_env(
        PYTHONPATH=os.pathsep.join([str(copy / "generated"), str(copy), str(tmp_path)]),
        REGEN_LIVE_PROBE_OUT=str(probe_out),
        **target.env,
    )
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/live", f"--ignore=tests/live/{THIS.name}", "-p", PROBE, "-q"],
        cwd=copy, env=env, capture_output=True, text=True, timeout=SUITE_TIMEOUT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    tail = f"{suite.stdout[-6000:]}{suite.stderr[-3000:]}"
    assert probe_out.is_file(), f"the live suite did not run:\n{tail}"
    probe = json.loads(probe_out.read_text())
    assert probe["kimai_client"] and Path(probe["kimai_client"]).is_relative_to(copy / "generated"), probe
    assert probe["kimai_tools"] and Path(probe["kimai_tools"]).is_relative_to(copy), probe
    assert probe["collected"] > 0, f"the live suite collected no tests:\n{tail}"
    assert suite.returncode == 0 and probe["failed"] == 0, f"the live suite failed on the regenerated client:\n{tail}"


@pytest.mark.parametrize("case", ["wrong password", "nothing listening"])
def test_a_failed_fetch_exits_2_with_one_sentence_and_touches_nothing(copy, target, case):
    url, password = target.url, target.password + "-wrong"
    if case == "nothing listening":
        url, password = f"http://127.0.0.1:{closed_port()}", target.password
    before = {d: digest(copy / d) for d in ("openapi", "generated")}

    done = make_regen(copy, url, target.user, password)

    assert done.returncode == 2
    assert re.search(r"\] Error 2$", done.stderr.strip(), re.M), f"regen.py did not exit 2:\n{done.stderr}"
    lines = own_lines(done.stderr)
    assert len(lines) == 1 and lines[0][0].isupper() and lines[0].endswith("."), done.stderr
    assert "Traceback" not in done.stdout + done.stderr and password not in done.stdout + done.stderr
    expected = "rejected the login" if case == "wrong password" else "Cannot connect"
    assert expected in lines[0]
    assert {d: digest(copy / d) for d in ("openapi", "generated")} == before
